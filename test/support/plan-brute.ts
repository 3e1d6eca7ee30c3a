/**
 * Plans and rule-bound selections by enumeration: every assignment of the measures of a small
 * instance to a step (or none), checked against the rules as the issue writes them, independently
 * of src/core/plan.ts and src/core/selection-rules.ts (no shared code but the types and `normalize`).
 */
import { SCORE_EPS, type SelectionProblem } from "../../src/core/selection-problem";
import type { PlanItem, PlanProblem } from "../../src/core/plan";
import type { Quota } from "../../src/core/selection-rules";
import { normalize } from "../../src/core/text";
import { impossible } from "./selection-brute";

/** The rules a brute-force check may leave out (to check that a named conflict is a smallest one). */
export interface Dropped {
  frames?: Set<number>;
  minimum?: boolean;
  segments?: Set<string>;
  quotas?: Set<number>;
  /** By name as the readers compare names (text.ts normalize). */
  groups?: Set<string>;
  forced?: boolean;
  earliest?: boolean;
}

const inQuota = (it: PlanItem, q: Quota) => {
  const v = q.kind === "segment" ? it.segment : q.kind === "group" ? it.group : it.theme;
  return v !== undefined && normalize(v) === normalize(q.name);
};

/** Forced-in measures that can be honoured, with everything they presuppose. */
function forcedClosure(items: PlanItem[]): Set<number> {
  const index = new Map(items.map((it, i) => [it.id, i]));
  const bad = impossible(items);
  const out = new Set<number>();
  const todo = items.flatMap((it, i) => (it.forced === "in" && !bad.has(i) ? [i] : []));
  while (todo.length) {
    const i = todo.pop()!;
    if (out.has(i)) continue;
    out.add(i);
    for (const r of items[i].requires) if (index.has(r)) todo.push(index.get(r)!);
  }
  return out;
}

export interface Brute {
  /** Slots: with a minimum frame slot 0 is step 1's minimum list and slot 1 its rest; then one per step. */
  slotStep: number[];
  /** Every feasible assignment (slot per measure, -1 none) with its level values. */
  feasible: { slots: number[]; levels: number[] }[];
}

/** Every feasible plan of a (small) problem, with the rules in `dropped` left out. */
export function enumeratePlans(problem: PlanProblem, dropped: Dropped = {}): Brute {
  const { items, steps } = problem;
  const n = items.length;
  const minimum = problem.minimum ?? null;
  const slotStep = minimum !== null ? [0, ...steps.map((_, k) => k)] : steps.map((_, k) => k);
  const S = slotStep.length;
  const index = new Map(items.map((it, i) => [it.id, i]));
  const bad = impossible(items);
  // *Tas med* wins over *Tidligst* for the forced measures and what they presuppose, whether or not the forcing is in force.
  const closure = forcedClosure(items);
  const forced = dropped.forced ? new Set<number>() : closure;
  const groupKey = (it: PlanItem) => (it.group && it.group.trim() !== "" ? normalize(it.group) : undefined);
  const quotas = (problem.quotas ?? []).map((q, i) => ({ q, i })).filter(({ i }) => !dropped.quotas?.has(i));
  const feasible: Brute["feasible"] = [];
  const slots = new Array<number>(n).fill(-1);
  const check = (): boolean => {
    const stepCost = new Array<number>(steps.length).fill(0);
    let minCost = 0;
    const seg: Record<string, number> = {};
    const groups = new Map<string, number>();
    for (let i = 0; i < n; i++) {
      const it = items[i];
      const s = slots[i];
      if (forced.has(i) && s !== 0) return false;
      if (s < 0) continue;
      if (bad.has(i)) return false;
      const k = slotStep[s];
      if (!dropped.earliest && !closure.has(i) && (it.earliest ?? 0) > k) return false;
      for (const r of it.requires) {
        const j = index.get(r);
        if (j === undefined) continue;
        if (slots[j] < 0 || slots[j] > s) return false;
      }
      stepCost[k] += it.cost ?? 0;
      if (s === 0 && minimum !== null) minCost += it.cost ?? 0;
      if (k === 0 && it.segment !== undefined) seg[it.segment] = (seg[it.segment] ?? 0) + (it.cost ?? 0);
      const g = groupKey(it);
      if (g !== undefined && !dropped.groups?.has(g)) {
        groups.set(g, (groups.get(g) ?? 0) + 1);
        if (groups.get(g)! > 1) return false;
      }
    }
    for (let k = 0; k < steps.length; k++) if (!dropped.frames?.has(k) && stepCost[k] > steps[k].budget) return false;
    if (minimum !== null && !dropped.minimum && minCost > minimum) return false;
    for (const [s, cap] of Object.entries(problem.segmentLimits ?? {})) if (!dropped.segments?.has(s) && (seg[s] ?? 0) > cap) return false;
    for (const { q } of quotas) {
      for (let k = 0; k < steps.length; k++) {
        if (q.step !== null && q.step !== k) continue;
        let lhs = 0;
        for (let i = 0; i < n; i++) if (slots[i] >= 0 && slotStep[slots[i]] === k && inQuota(items[i], q)) lhs += q.unit === "count" ? 1 : (items[i].cost ?? 0);
        if (q.bound === "min" ? lhs < q.value : lhs > q.value) return false;
      }
    }
    return true;
  };
  const levels = (): number[] => {
    const v = new Array<number>(S).fill(0);
    for (let i = 0; i < n; i++) if (slots[i] >= 0) v[slots[i]] += items[i].score ?? 0;
    // With a minimum frame: level 0 the minimum list, level 1 the whole first step.
    return minimum !== null ? [v[0], v[0] + v[1], ...v.slice(2)] : v;
  };
  const walk = (i: number) => {
    if (i === n) {
      if (check()) feasible.push({ slots: [...slots], levels: levels() });
      return;
    }
    for (let s = -1; s < S; s++) {
      slots[i] = s;
      walk(i + 1);
    }
    slots[i] = -1;
  };
  // A minimum frame larger than the budget frame is an error of the frames themselves (as in a single selection).
  if (minimum !== null && minimum > steps[0].budget) return { slotStep, feasible };
  walk(0);
  return { slotStep, feasible };
}

/** The lexicographic optimum's level values: each level's best among the plans keeping every earlier level within SCORE_EPS of its best. */
export function lexicographicBest(b: Brute): number[] | null {
  if (b.feasible.length === 0) return null;
  let pool = b.feasible;
  const out: number[] = [];
  const L = pool[0].levels.length;
  for (let l = 0; l < L; l++) {
    const v = Math.max(...pool.map((p) => p.levels[l]));
    out.push(v);
    pool = pool.filter((p) => p.levels[l] >= v - SCORE_EPS);
  }
  return out;
}

/** Whether an assignment is one of the feasible ones. */
export function isFeasible(b: Brute, slots: number[]): boolean {
  return b.feasible.some((p) => p.slots.every((s, i) => s === slots[i]));
}

/** A single selection as a plan of one step. */
export function asPlan(problem: SelectionProblem): PlanProblem {
  return { ...problem, steps: [{ name: "Steg 1", budget: problem.budget }] };
}
