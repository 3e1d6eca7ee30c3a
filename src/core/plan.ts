/**
 * A plan by steps (*steg 2, steg 3 …*, the seed meeting of 4/21): every measure gets a step or none,
 * exactly, in the seed's order. Step 1 gets the best selection within its frame, as a single
 * selection does (its minimum list within the minimum frame, then the rest of its frame); step 2
 * the best among the rest within its frame, given that step 1 keeps its best total; and so on — a
 * lexicographic optimum, solved as one 0–1 program per level, never greedily.
 *
 * The program of level L has a variable y[i,s] for each measure i and slot s (a step, or step 1's
 * minimum list and the rest of step 1), and:
 *   Σ_s y[i,s] ≤ 1                                  (a measure in at most one step)
 *   y[i,s] ≤ Σ_{t ≤ s} y[j,t]  for each j i presupposes  (prerequisites in the same or an earlier step)
 *   Σ_i c_i y[i,·] ≤ frame of each step; the minimum list within the minimum frame; segment limits in step 1
 *   either–or groups over the whole plan; quotas in the steps they hold in (selection-rules.ts)
 *   y fixed: *Tas med* (with what it presupposes) in step 1's minimum list, *Holdes utenfor* and
 *   measures that can never be chosen nowhere, *Tidligst* (earliest step) nowhere before its step
 *   Σ_i s_i y[i, level l] ≥ V_l − ε  for every earlier level l (it keeps its best total V_l)
 * and maximises level L's total. ε is SCORE_EPS: totals within it are equal, so ties of an earlier
 * step are decided in favour of the later ones. A level is solved over the slots up to its own (a
 * later step left empty breaks nothing), without the at-least quotas of a step it sees only in part:
 * a relaxation. With at-least quotas in later steps its answer must also leave room for them: one
 * feasibility solve over every slot with the level's slots fixed says so, and only when it does not
 * is the level solved again over every slot. Every answer is checked by selection-solver.ts's `run`
 * in exact arithmetic.
 *
 * Most levels are settled smaller (`settleLevels`): with the earlier slots fixed to their answer, only
 * the level's new slots are free, and a second program shows that no other arrangement of them
 * reaches the level's best total; while that holds, fixing loses nothing. From the first level where
 * it does not (a tie, or room a later quota needs), the whole programs above decide the rest.
 *
 * What fits no step is «senere» with its reason (`PlanReason`). When the rules cannot all hold,
 * `ruleConflict` names a smallest set of them that cannot (a deletion filter over the rules: each
 * is dropped in turn and kept only when the others alone can be met).
 */
import { prepare, SCORE_EPS, selectionFinding, sum, type OutReason, type Prepared, type SelectionFinding, type SelectionItem, type SelectionProblem } from "./selection-problem";
import { eitherOrGroups, quotaCoef, quotaMembers, quotaText, ruleFinding, type LinearRow, type Quota } from "./selection-rules";
import { run, SolverFailure, type BinaryProgram, type BinarySolver } from "./selection-solver";

export interface PlanStep {
  name: string;
  /** The step's frame, hundredths of a MNOK. */
  budget: number;
  cell?: string;
}

export interface PlanItem extends SelectionItem {
  /** *Tidligst*: the first step (index) the measure may be placed in. */
  earliest?: number;
  cells?: SelectionItem["cells"] & { earliest?: string };
}

/** The plan's inputs: a selection problem whose frame is the first step's, and the steps. */
export interface PlanProblem extends Omit<SelectionProblem, "budget" | "items"> {
  items: PlanItem[];
  /** In order; at least one. The first step's frame is the budget frame (its minimum list within `minimum`). */
  steps: PlanStep[];
}

export type PlanReason = OutReason | { kind: "no-step"; cost: number; left: number; step: string | null } | { kind: "requires-later"; ids: string[]; step: string };

export interface StepResult {
  name: string;
  budget: number;
  count: number;
  cost: number;
  score: number;
  /** The measures in the step, in input order. */
  ids: string[];
  /** The first step with a minimum frame: its minimum list and the rest. */
  minimumIds?: string[];
  plusIds?: string[];
}

export interface PlanMeasure {
  id: string;
  name: string;
  cost: number | null;
  score: number | null;
  segment?: string;
  /** The step's index; null: «senere» (no step). */
  step: number | null;
  /** In the first step with a minimum frame: the minimum list or the rest. */
  list?: "minimum" | "plus";
  reason: PlanReason | null;
}

export type PlanResult =
  | { status: "ok"; minimum: number | null; steps: StepResult[]; measures: PlanMeasure[]; findings: SelectionFinding[] }
  | { status: "infeasible" | "failed"; minimum: number | null; steps: StepResult[]; measures: PlanMeasure[]; findings: SelectionFinding[] };

/** A rule the conflict search may drop: names a frame, a limit, a quota, a group, the forced choices or *Tidligst*. */
export type RuleKey = string;

/** The layout of one plan: slots, their steps, levels, and the rules in force. */
interface Layout {
  pre: Prepared;
  items: PlanItem[];
  n: number;
  steps: PlanStep[];
  minimum: number | null;
  /** Slot s belongs to step slotStep[s]; with a minimum frame, slots 0 and 1 are step 1's minimum list and the rest. */
  slotStep: number[];
  /** The slots each level maximises. */
  levels: number[][];
  quotas: Quota[];
  earliest: number[];
  forced: Set<number>;
  groups: { name: string; members: number[] }[];
  cells: SelectionProblem["cells"];
}

const stepSlots = (L: Layout, k: number): number[] => L.slotStep.flatMap((st, s) => (st === k ? [s] : []));

function layout(problem: PlanProblem, pre: Prepared): Layout {
  const minimum = problem.minimum ?? null;
  const slotStep = minimum !== null ? [0, ...problem.steps.map((_, k) => k)] : problem.steps.map((_, k) => k);
  const levels = slotStep.map((_, s) => (minimum !== null && s === 1 ? [0, 1] : [s]));
  const earliest = problem.items.map((it, i) => (pre.forcedClosure.has(i) ? 0 : Math.max(0, Math.min(it.earliest ?? 0, problem.steps.length))));
  return {
    pre,
    items: problem.items,
    n: problem.items.length,
    steps: problem.steps,
    minimum,
    slotStep,
    levels,
    quotas: problem.quotas ?? [],
    earliest,
    forced: pre.forcedClosure,
    groups: eitherOrGroups(problem.items),
    cells: problem.cells,
  };
}

/** Every rule the conflict search may drop, in the order it tries them (the last ones are kept when they can be). */
function ruleKeys(L: Layout): RuleKey[] {
  return [
    ...L.groups.map((g) => `group:${g.name}`),
    ...(L.forced.size ? ["forced"] : []),
    ...(L.earliest.some((e) => e > 0) ? ["earliest"] : []),
    ...L.pre.limits.map((l) => `segment:${l.segment}`),
    ...(L.minimum !== null ? ["minimum"] : []),
    ...L.steps.map((_, k) => `frame:${k}`),
    ...L.quotas.map((_, q) => `quota:${q}`),
  ];
}

/** The feasibility tolerance of a plan's programs (selection-solver.ts BinaryProgram.tolerance). */
const TOLERANCE = SCORE_EPS / 10;

/**
 * The program over slots [0, upTo]: maximise the total of `objective`'s slots with each floor kept
 * (none: a feasibility test), with the rules in `active` (all when undefined); `fix` fixes the
 * variables of the slots it covers (an answer of a smaller program). The at-least quotas of a step
 * whose slots are not all in [0, upTo] are left out, so the program is a relaxation of the whole.
 */
function planProgram(L: Layout, upTo: number, objective: number[], floors: { slots: number[]; value: number }[], active?: Set<RuleKey>, fix?: boolean[]): BinaryProgram {
  const { n, items, pre } = L;
  const on = (k: RuleKey) => active === undefined || active.has(k);
  const S = upTo + 1;
  const v = (i: number, s: number) => s * n + i;
  const fixed: (0 | 1 | null)[] = new Array(n * S).fill(null);
  for (let i = 0; i < n; i++) {
    for (let s = 0; s < S; s++) {
      if (pre.excluded.has(i) || (on("earliest") && L.slotStep[s] < L.earliest[i])) fixed[v(i, s)] = 0;
      else if (on("forced") && L.forced.has(i)) fixed[v(i, s)] = s === 0 ? 1 : 0;
      if (fix && v(i, s) < fix.length) fixed[v(i, s)] = fix[v(i, s)] ? 1 : 0;
    }
  }
  const free = (i: number, s: number) => fixed[v(i, s)] !== 0;
  const value = new Array<number>(n * S).fill(0);
  for (const s of objective) if (s < S) for (let i = 0; i < n; i++) value[v(i, s)] = items[i].score ?? 0;
  const cost = Array.from({ length: n * S }, (_, x) => items[x % n].cost ?? 0);
  const slotVars = (slots: number[], members: Iterable<number>) => {
    const out: number[] = [];
    for (const s of slots) if (s < S) for (const i of members) if (free(i, s)) out.push(v(i, s));
    return out;
  };
  const everyone = items.map((_, i) => i);
  const limits: BinaryProgram["limits"] = [];
  L.steps.forEach((st, k) => {
    if (on(`frame:${k}`) && stepSlots(L, k)[0] < S) limits.push({ members: slotVars(stepSlots(L, k), everyone), cap: st.budget });
  });
  if (L.minimum !== null && on("minimum")) limits.push({ members: slotVars([0], everyone), cap: L.minimum });
  for (const l of pre.limits) if (on(`segment:${l.segment}`)) limits.push({ members: slotVars(stepSlots(L, 0), l.members), cap: l.cap });
  const rows: LinearRow[] = [];
  const slotsUpTo = (s: number) => Array.from({ length: s + 1 }, (_, t) => t);
  for (let i = 0; i < n; i++) {
    const mine = slotVars(slotsUpTo(upTo), [i]);
    if (mine.length > 1) rows.push({ vars: mine, coefs: mine.map(() => 1), sense: "<=", bound: 1 });
    for (const j of pre.adj[i]) {
      for (let s = 0; s < S; s++) {
        if (!free(i, s)) continue;
        const need = slotVars(slotsUpTo(s), [j]);
        rows.push({ vars: [v(i, s), ...need], coefs: [1, ...need.map(() => -1)], sense: "<=", bound: 0 });
      }
    }
  }
  for (const g of L.groups) {
    if (!on(`group:${g.name}`)) continue;
    const vars = slotVars(slotsUpTo(upTo), g.members);
    if (vars.length > 1) rows.push({ vars, coefs: vars.map(() => 1), sense: "<=", bound: 1, rule: { kind: "group", name: g.name } });
  }
  L.quotas.forEach((q, index) => {
    if (!on(`quota:${index}`)) return;
    const members = quotaMembers(items, q);
    L.steps.forEach((_, k) => {
      if ((q.step !== null && q.step !== k) || stepSlots(L, k)[0] >= S) return;
      if (q.bound === "min" && Math.max(...stepSlots(L, k)) >= S) return;
      const vars = slotVars(stepSlots(L, k), members);
      rows.push({ vars, coefs: vars.map((x) => quotaCoef(q, items[x % n])), sense: q.bound === "min" ? ">=" : "<=", bound: q.value, rule: { kind: "quota", index } });
    });
  });
  for (const f of floors) {
    const vars = slotVars(f.slots, everyone);
    rows.push({ vars, coefs: vars.map((x) => items[x % n].score ?? 0), sense: ">=", bound: f.value - SCORE_EPS, tolerance: TOLERANCE });
  }
  return { n: n * S, value, cost, fixed, requires: [], limits, rows, sense: "max-value", tolerance: TOLERANCE };
}

/** The total of `slots` in an answer. */
function levelValue(L: Layout, x: boolean[], slots: number[]): number {
  let total = 0;
  for (const s of slots) for (let i = 0; i < L.n; i++) if (x[s * L.n + i]) total += L.items[i].score ?? 0;
  return total;
}

/** The slot of each measure in an answer over S slots; -1 for none. */
function slotsOf(L: Layout, x: boolean[]): number[] {
  const out = new Array<number>(L.n).fill(-1);
  for (let k = 0; k < x.length; k++) if (x[k]) out[k % L.n] = Math.floor(k / L.n);
  return out;
}

/** Whether an at-least quota holds in a step with a slot after `upTo` (a level over slots up to `upTo` is then only a relaxation). */
function needsLookAhead(L: Layout, upTo: number): boolean {
  return L.quotas.some((q) => q.bound === "min" && L.steps.some((_, k) => (q.step === null || q.step === k) && Math.max(...stepSlots(L, k)) > upTo));
}

/** How a plan was solved: the levels settled the short way (earlier slots fixed), and the levels the whole programs decided. */
export interface PlanSolveStats {
  fixedLevels: number;
  wholeLevels: number;
}

/** Where the short way stopped: the answer of the levels it settled (slots up to theirs), and the next level's index. */
interface Settled {
  x: boolean[];
  level: number;
}

/**
 * The lexicographic optimum the short way, exact while each level's best arrangement is its only
 * one: level by level with the earlier slots fixed to their answer (only the level's new slots free,
 * a program a fraction of the whole's size), and after each level but the last a check that no
 * other arrangement of its new slots reaches its best total within SCORE_EPS (the same program with
 * a floor at that total and the answer cut off must be infeasible). Then every arrangement that
 * keeps the earlier levels' best totals has those slots as fixed (the whole's constraints on them
 * are at least the level's), and fixing them loses nothing. It stops at a level whose best is not
 * alone (a tie), whose answer leaves a later step's at-least quota no room, or that has no answer
 * with the earlier ones fixed: the whole programs go on from there (`solveLevels`), with what was
 * settled fixed. Null when the first level has no answer (the rules cannot all hold).
 */
async function settleLevels(L: Layout, solver: BinarySolver, stats?: PlanSolveStats): Promise<number[] | null | Settled> {
  const last = L.slotStep.length - 1;
  let x: boolean[] = [];
  for (let level = 0; level < L.levels.length; level++) {
    const objective = L.levels[level];
    const upTo = Math.max(...objective);
    const y = await run(solver, planProgram(L, upTo, objective, [], undefined, x));
    if (!y) return level === 0 ? null : { x, level };
    if (upTo < last && needsLookAhead(L, upTo) && !(await run(solver, planProgram(L, last, [], [], undefined, y)))) return { x, level };
    if (level < L.levels.length - 1) {
      const check = planProgram(L, upTo, [], [{ slots: objective, value: levelValue(L, y, objective) }], undefined, x);
      const vars: number[] = [];
      for (let k = x.length; k < y.length; k++) if (check.fixed[k] === null) vars.push(k);
      const ones = vars.filter((k) => y[k]).length;
      check.rows = [...(check.rows ?? []), { vars, coefs: vars.map((k) => (y[k] ? 1 : -1)), sense: "<=", bound: ones - 1 }];
      if (vars.length > 0 && (await run(solver, check))) return { x, level };
    }
    x = y;
    if (stats) stats.fixedLevels++;
  }
  return slotsOf(L, x);
}

/**
 * The lexicographic optimum: each level's best total with every earlier level's kept; null when the
 * rules cannot all hold. The levels `settleLevels` settles are fixed; the rest are solved as whole
 * programs over their slots, each earlier level's total kept by a floor.
 */
async function solveLevels(L: Layout, solver: BinarySolver, stats?: PlanSolveStats): Promise<number[] | null> {
  const settled = await settleLevels(L, solver, stats);
  if (settled === null || Array.isArray(settled)) return settled;
  const prefix = settled.x;
  const last = L.slotStep.length - 1;
  const floors = L.levels.slice(0, settled.level).map((objective) => ({ slots: objective, value: levelValue(L, prefix, objective) }));
  let slot: number[] = slotsOf(L, prefix);
  for (const objective of L.levels.slice(settled.level)) {
    const upTo = Math.max(...objective);
    // The level over its own slots: a relaxation of the whole, exact when nothing after it asks for at least.
    let x = await run(solver, planProgram(L, upTo, objective, floors, undefined, prefix));
    if (x && upTo < last && needsLookAhead(L, upTo)) {
      // Does the answer leave room for the later steps' at-least quotas? If so it is the whole's optimum too.
      const rest = await run(solver, planProgram(L, last, [], [], undefined, x));
      x = rest ?? (await run(solver, planProgram(L, last, objective, floors, undefined, prefix)));
    }
    if (!x) {
      if (floors.length) throw new SolverFailure("a later step of the plan found no selection although the earlier ones had one");
      return null;
    }
    floors.push({ slots: objective, value: levelValue(L, x, objective) });
    slot = slotsOf(L, x);
    if (stats) stats.wholeLevels++;
  }
  return slot;
}

/**
 * A smallest set of rules that cannot all hold (each needed: without any one of them the others
 * can be met), as a finding naming each rule and its cell; null when the rules can all hold.
 */
async function ruleConflict(L: Layout, solver: BinarySolver): Promise<SelectionFinding | null> {
  const all = ruleKeys(L);
  const last = L.slotStep.length - 1;
  const feasible = async (active: Set<RuleKey>) => (await run(solver, planProgram(L, last, [], [], active))) !== null;
  const kept = new Set(all);
  if (await feasible(kept)) return null;
  for (const r of all) {
    kept.delete(r);
    if (await feasible(kept)) kept.add(r);
  }
  const rules = [...kept];
  const describe = (r: RuleKey) => {
    const [kind, rest] = [r.split(":")[0], r.slice(r.indexOf(":") + 1)];
    if (kind === "quota") {
      const q = L.quotas[Number(rest)];
      return { kind, name: q.name, subjectKind: q.kind, bound: q.bound, unit: q.unit, value: q.unit === "mnok" ? q.value / 100 : q.value, step: q.stepName ?? "", cell: q.cell ?? "" };
    }
    if (kind === "frame") {
      const st = L.steps[Number(rest)];
      return { kind, name: st.name, subjectKind: "", bound: "max", unit: "mnok", value: st.budget / 100, step: st.name, cell: st.cell ?? "" };
    }
    if (kind === "minimum") return { kind, name: "", subjectKind: "", bound: "max", unit: "mnok", value: (L.minimum ?? 0) / 100, step: L.steps[0].name, cell: L.cells?.minimum ?? "" };
    if (kind === "segment") {
      const l = L.pre.limits.find((x) => x.segment === rest)!;
      return { kind, name: rest, subjectKind: "segment", bound: "max", unit: "mnok", value: l.cap / 100, step: L.steps[0].name, cell: L.cells?.segments?.[rest] ?? "" };
    }
    if (kind === "group") {
      const g = L.groups.find((x) => x.name === rest)!;
      return { kind, name: rest, subjectKind: "group", bound: "max", unit: "count", value: 1, step: "", cell: L.items[g.members[0]].cells?.group ?? "" };
    }
    const ids = L.items.flatMap((it, i) => ((kind === "forced" ? L.forced.has(i) && it.forced === "in" : L.earliest[i] > 0) ? [i] : []));
    return { kind, name: ids.map((i) => L.items[i].name).join(", "), subjectKind: "", bound: "", unit: "", value: ids.length, step: "", cell: ids.map((i) => (kind === "forced" ? L.items[i].cells?.forced : L.items[i].cells?.earliest) ?? "")[0] ?? "" };
  };
  const d = rules.map(describe);
  const params = {
    ruleKinds: d.map((x) => x.kind),
    ruleNames: d.map((x) => x.name),
    ruleSubjects: d.map((x) => x.subjectKind),
    ruleBounds: d.map((x) => x.bound),
    ruleUnits: d.map((x) => x.unit),
    ruleValues: d.map((x) => x.value),
    ruleSteps: d.map((x) => x.step),
    cells: d.map((x) => x.cell),
  };
  return ruleFinding("rule-conflict", "error", params, { cell: d.find((x) => x.cell)?.cell });
}

/** Why a measure is in no step (see PlanReason). */
function reasonLater(L: Layout, slot: number[], i: number): PlanReason {
  const { pre, items } = L;
  const ex = pre.excluded.get(i);
  if (ex) return ex;
  const placed = (j: number) => slot[j] >= 0;
  const stepOf = (j: number) => L.slotStep[slot[j]];
  const g = L.groups.find((x) => x.members.includes(i));
  const other = g?.members.filter((j) => j !== i && placed(j)) ?? [];
  if (g && other.length) return { kind: "group", group: g.name, ids: other.map((j) => items[j].id), step: L.steps[stepOf(other[0])].name };
  const missing = pre.adj[i].filter((j) => !placed(j));
  if (missing.length) return { kind: "requires-out", ids: missing.map((j) => items[j].id) };
  const c = items[i].cost ?? 0;
  let best: { left: number; step: number } | null = null;
  let other2: PlanReason | null = null;
  for (let k = L.earliest[i]; k < L.steps.length; k++) {
    const inStep = (j: number) => placed(j) && stepOf(j) === k;
    const later = pre.adj[i].filter((j) => stepOf(j) > k);
    if (later.length) {
      other2 ??= { kind: "requires-later", ids: later.map((j) => items[j].id), step: L.steps[k].name };
      continue;
    }
    const left = L.steps[k].budget - sum(items.map((it, j) => (inStep(j) ? (it.cost ?? 0) : 0)));
    if (c > left) {
      if (!best || left > best.left) best = { left, step: k };
      continue;
    }
    const seg = k === 0 ? pre.limits.find((l) => l.segment === items[i].segment) : undefined;
    if (seg) {
      const segLeft = seg.cap - sum(seg.members.filter(inStep).map((j) => items[j].cost ?? 0));
      if (c > segLeft) {
        other2 ??= { kind: "segment", segment: seg.segment, cost: c, left: segLeft };
        continue;
      }
    }
    const full = L.quotas.find((q, qi) => {
      if (q.bound !== "max" || (q.step !== null && q.step !== k) || !quotaMembers(items, q).includes(i)) return false;
      const used = sum(quotaMembers(items, q).filter(inStep).map((j) => quotaCoef(q, items[j])));
      if (used + quotaCoef(q, items[i]) <= q.value) return false;
      other2 ??= { kind: "quota", quota: quotaText(L.quotas[qi]), left: q.value - used };
      return true;
    });
    if (full) continue;
    return { kind: "no-gain" };
  }
  if (best) return { kind: "no-step", cost: c, left: best.left, step: L.steps[best.step].name };
  return other2 ?? { kind: "no-step", cost: c, left: 0, step: null };
}

function measuresOf(L: Layout, slot: number[] | null): PlanMeasure[] {
  return L.items.map((it, i) => {
    const s = slot ? slot[i] : -1;
    const m: PlanMeasure = { id: it.id, name: it.name, cost: it.cost, score: it.score, step: s >= 0 ? L.slotStep[s] : null, reason: slot && s < 0 ? reasonLater(L, slot, i) : null };
    if (it.segment !== undefined) m.segment = it.segment;
    if (s >= 0 && L.minimum !== null && s <= 1) m.list = s === 0 ? "minimum" : "plus";
    return m;
  });
}

function stepsOf(L: Layout, measures: PlanMeasure[]): StepResult[] {
  return L.steps.map((st, k) => {
    const inStep = measures.filter((m) => m.step === k);
    const r: StepResult = {
      name: st.name,
      budget: st.budget,
      count: inStep.length,
      cost: sum(inStep.map((m) => m.cost ?? 0)),
      score: sum(inStep.map((m) => m.score ?? 0)),
      ids: inStep.map((m) => m.id),
    };
    if (k === 0 && L.minimum !== null) {
      r.minimumIds = inStep.filter((m) => m.list === "minimum").map((m) => m.id);
      r.plusIds = inStep.filter((m) => m.list === "plus").map((m) => m.id);
    }
    return r;
  });
}

/** Findings of the plan's own inputs: *Tas med* on a measure whose *Tidligst* is a later step (Tas med wins). */
function planFindings(problem: PlanProblem, pre: Prepared): SelectionFinding[] {
  const out: SelectionFinding[] = [];
  problem.items.forEach((it, i) => {
    if (!pre.forcedClosure.has(i) || !it.earliest) return;
    const step = problem.steps[Math.min(it.earliest, problem.steps.length - 1)]?.name ?? "";
    out.push(
      ruleFinding("plan-earliest-forced", "warning", { measure: it.name, step, first: problem.steps[0].name, forcedCell: it.cells?.forced ?? "" }, { cell: it.cells?.earliest ?? it.cells?.name, measureId: it.id }),
    );
  });
  return out;
}

/** The plan: each measure's step or «senere» with its reason, each step's totals, and what made it infeasible. */
export async function plan(problem: PlanProblem, solver: BinarySolver, stats?: PlanSolveStats): Promise<PlanResult> {
  if (problem.steps.length === 0) throw new Error("plan: no steps");
  const pre = prepare({ ...problem, budget: problem.steps[0].budget });
  const L = layout(problem, pre);
  const findings = [...pre.findings, ...planFindings(problem, pre)];
  const minimum = L.minimum;
  const empty = (status: "infeasible" | "failed", more: SelectionFinding[] = []): PlanResult => {
    const measures = measuresOf(L, null);
    return { status, minimum, steps: stepsOf(L, measures), measures, findings: [...findings, ...more] };
  };
  if (pre.infeasible) return empty("infeasible");
  try {
    const slot = await solveLevels(L, solver, stats);
    if (!slot) {
      const conflict = await ruleConflict(L, solver);
      return empty("infeasible", conflict ? [conflict] : []);
    }
    const measures = measuresOf(L, slot);
    return { status: "ok", minimum, steps: stepsOf(L, measures), measures, findings };
  } catch (e) {
    if (!(e instanceof SolverFailure)) throw e;
    return empty("failed", [selectionFinding("selection-solver-failed", "error", { detail: e.message })]);
  }
}

/**
 * A single selection's lists under its rules, by the same program with one step: the minimum list
 * (best within the minimum frame such that the whole selection can meet the rules), then the rest.
 * `select` uses it when an at-least quota holds (the minimum list alone need not meet it).
 */
export async function selectionLists(problem: SelectionProblem, pre: Prepared, solver: BinarySolver): Promise<{ minimum: Set<number>; plus: Set<number> } | { conflict: SelectionFinding[] }> {
  const single: PlanProblem = { ...problem, steps: [{ name: "", budget: problem.budget, ...(problem.cells?.budget ? { cell: problem.cells.budget } : {}) }] };
  const L = layout(single, pre);
  const slot = await solveLevels(L, solver);
  if (!slot) {
    const conflict = await ruleConflict(L, solver);
    return { conflict: conflict ? [conflict] : [] };
  }
  const all = new Set(slot.flatMap((s, i) => (s >= 0 ? [i] : [])));
  if (L.minimum === null) return { minimum: all, plus: new Set() };
  return { minimum: new Set([...all].filter((i) => slot[i] === 0)), plus: new Set([...all].filter((i) => slot[i] === 1)) };
}

/** Best score first, then cheaper, then input order: how every view lists a step. */
export function byScore<M extends { score: number | null; cost: number | null }>(ms: M[]): M[] {
  return ms
    .map((m, i) => ({ m, i }))
    .sort((a, b) => (b.m.score ?? -Infinity) - (a.m.score ?? -Infinity) || (a.m.cost ?? 0) - (b.m.cost ?? 0) || a.i - b.i)
    .map((x) => x.m);
}

// ─────────────────────────────── switching a rule off ───────────────────────────────

/** A rule the pane can switch off to see what it costs: a quota, an either–or group, a segment limit. */
export interface SwitchableRule {
  key: RuleKey;
  kind: "quota" | "group" | "segment";
  quota?: Quota;
  group?: string;
  segment?: string;
  cap?: number;
  cell?: string;
}

export function switchableRules(problem: Pick<PlanProblem, "items" | "quotas" | "segmentLimits" | "cells">): SwitchableRule[] {
  return [
    ...(problem.quotas ?? []).map((q, i): SwitchableRule => ({ key: `quota:${i}`, kind: "quota", quota: q, ...(q.cell ? { cell: q.cell } : {}) })),
    ...eitherOrGroups(problem.items).map((g): SwitchableRule => {
      const cell = problem.items[g.members[0]].cells?.group;
      return { key: `group:${g.name}`, kind: "group", group: g.name, ...(cell ? { cell } : {}) };
    }),
    ...Object.entries(problem.segmentLimits ?? {}).map(([segment, cap]): SwitchableRule => {
      const cell = problem.cells?.segments?.[segment];
      return { key: `segment:${segment}`, kind: "segment", segment, cap, ...(cell ? { cell } : {}) };
    }),
  ];
}

/** The problem without the rules named (quotas dropped, a group's measures no longer alternatives, a segment limit gone). */
export function withoutRules<P extends Pick<PlanProblem, "items" | "quotas" | "segmentLimits">>(problem: P, off: ReadonlySet<RuleKey>): P {
  if (off.size === 0) return problem;
  const groups = new Set([...off].filter((k) => k.startsWith("group:")).map((k) => k.slice(6)));
  const out: P = { ...problem };
  if (problem.quotas) out.quotas = problem.quotas.filter((_, i) => !off.has(`quota:${i}`));
  const groupOf = new Map(eitherOrGroups(problem.items).flatMap((g) => g.members.map((i) => [i, g.name] as const)));
  out.items = problem.items.map((it, i) => {
    if (!groups.has(groupOf.get(i) ?? "")) return it;
    const copy = { ...it };
    delete copy.group;
    return copy;
  });
  if (problem.segmentLimits) out.segmentLimits = Object.fromEntries(Object.entries(problem.segmentLimits).filter(([s]) => !off.has(`segment:${s}`)));
  return out;
}
