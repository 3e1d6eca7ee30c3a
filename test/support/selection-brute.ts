/**
 * The selection by enumeration: every subset of a small instance, checked against the rules as
 * written in the issue, independently of src/core/select.ts (no shared code but the types).
 */
import { SCORE_EPS, type SelectionItem, type SelectionProblem } from "../../src/core/selection-problem";
import { prng } from "./grids";

export interface Subset {
  mask: number;
  cost: number;
  value: number;
}

/** Measures that can never be chosen: held out, no cost, on a dependency cycle, or presupposing one of those. */
export function impossible(items: SelectionItem[]): Set<number> {
  const index = new Map(items.map((it, i) => [it.id, i]));
  const reaches = (from: number, to: number): boolean => {
    const seen = new Set<number>();
    const todo = [from];
    while (todo.length) {
      const v = todo.pop()!;
      for (const r of items[v].requires) {
        const w = index.get(r);
        if (w === undefined) continue;
        if (w === to) return true;
        if (!seen.has(w)) (seen.add(w), todo.push(w));
      }
    }
    return false;
  };
  const out = new Set<number>();
  items.forEach((it, i) => {
    if (it.forced === "out" || it.cost === null || reaches(i, i)) out.add(i);
  });
  for (let changed = true; changed; ) {
    changed = false;
    items.forEach((it, i) => {
      if (!out.has(i) && it.requires.some((r) => out.has(index.get(r)!))) (out.add(i), (changed = true));
    });
  }
  return out;
}

/** Every subset that honours dependencies, possible measures, segment limits and the forced-in measures that can be honoured (no budget). */
export function admissible(problem: SelectionProblem): Subset[] {
  const items = problem.items;
  const n = items.length;
  const index = new Map(items.map((it, i) => [it.id, i]));
  const bad = impossible(items);
  const mustIn = items.map((it, i) => it.forced === "in" && !bad.has(i));
  const out: Subset[] = [];
  for (let mask = 0; mask < 1 << n; mask++) {
    let ok = true;
    let cost = 0;
    let value = 0;
    const seg: Record<string, number> = {};
    for (let i = 0; i < n && ok; i++) {
      const inS = (mask >> i) & 1;
      if (!inS) {
        if (mustIn[i]) ok = false;
        continue;
      }
      if (bad.has(i)) ok = false;
      for (const r of items[i].requires) if (!((mask >> index.get(r)!) & 1)) ok = false;
      cost += items[i].cost ?? 0;
      value += items[i].score ?? 0;
      const s = items[i].segment;
      if (s !== undefined) seg[s] = (seg[s] ?? 0) + (items[i].cost ?? 0);
    }
    for (const [s, cap] of Object.entries(problem.segmentLimits ?? {})) if ((seg[s] ?? 0) > cap) ok = false;
    if (ok) out.push({ mask, cost, value });
  }
  return out;
}

/** The best value within a frame among subsets containing `fixed` (a mask); null when none fits. */
export function best(subsets: Subset[], frame: number, fixed = 0): number | null {
  let v: number | null = null;
  for (const s of subsets) if (s.cost <= frame && (s.mask & fixed) === fixed && (v === null || s.value > v)) v = s.value;
  return v;
}

/** The smallest frame ≥ from at which some optimal subset (within SCORE_EPS) contains j, given `fixed`. */
export function entersAt(subsets: Subset[], j: number, fixed: number, from: number): number | null {
  const withJ = fixed | (1 << j);
  const all = subsets.filter((s) => (s.mask & fixed) === fixed).sort((a, b) => a.cost - b.cost);
  const candidates = [...new Set([from, ...all.map((s) => s.cost).filter((c) => c > from)])].sort((a, b) => a - b);
  let f: number | null = null;
  let g: number | null = null;
  let k = 0;
  for (const b of candidates) {
    for (; k < all.length && all[k].cost <= b; k++) {
      const s = all[k];
      if (f === null || s.value > f) f = s.value;
      if ((s.mask & withJ) === withJ && (g === null || s.value > g)) g = s.value;
    }
    if (f !== null && g !== null && g >= f - SCORE_EPS) return b;
  }
  return null;
}

/** Breakpoints (smallest frame, best value) of the best value against the frame. */
export function frontier(subsets: Subset[]): { budget: number; score: number }[] {
  if (subsets.length === 0) return [];
  let b = Math.min(...subsets.map((s) => s.cost));
  const points: { budget: number; score: number }[] = [];
  for (;;) {
    const v = best(subsets, b)!;
    points.push({ budget: b, score: v });
    const better = subsets.filter((s) => s.value >= v + SCORE_EPS);
    if (better.length === 0) return points;
    b = Math.min(...better.map((s) => s.cost));
  }
}

/**
 * The largest frame b < from (b ≥ 0) at which some optimal subset (within SCORE_EPS) contains j,
 * given `fixed`; null when there is none. The best values change only at subset costs, so the
 * candidates are from − 1 and each cost − 1 below it (the top of each step).
 */
export function inBelow(subsets: Subset[], j: number, fixed: number, from: number): number | null {
  const withJ = fixed | (1 << j);
  const all = subsets.filter((s) => (s.mask & fixed) === fixed);
  const candidates = [...new Set([from - 1, ...all.map((s) => s.cost - 1).filter((c) => c < from - 1)])].filter((b) => b >= 0).sort((a, b) => b - a);
  for (const b of candidates) {
    const f = best(all, b, fixed);
    const g = best(all, b, withJ);
    if (f !== null && g !== null && g >= f - SCORE_EPS) return b;
  }
  return null;
}

/**
 * A small random instance for the entry frames' tests, from `seed`: `measures` [lo, hi] measures M0…,
 * each presupposing an earlier one now and then (in half the instances some presuppose two);
 * mostly whole MNOK and whole scores (ties everywhere), sometimes any cost and a fractional score
 * (`whole` the share of whole scores among the scored); «Tas med» and «Holdes utenfor» now and
 * then; a frame drawn as a share `budget` [lo, hi] of the total cost, and a minimum frame below
 * it with probability `minimum`.
 */
export function smallInstance(seed: number, o: { measures: [number, number]; whole: number; budget: [number, number]; minimum: number }): SelectionProblem {
  const r = prng(seed);
  const int = (lo: number, hi: number) => lo + Math.floor(r() * (hi - lo + 1));
  const n = int(o.measures[0], o.measures[1]);
  const items: SelectionItem[] = [];
  const multi = r() < 0.5;
  for (let i = 0; i < n; i++) {
    const requires = new Set<string>();
    if (i > 0 && r() < 0.4) requires.add(`M${int(0, i - 1)}`);
    if (multi && i > 1 && r() < 0.3) requires.add(`M${int(0, i - 1)}`);
    const roll = r();
    items.push({
      id: `M${i}`,
      name: `Tiltak ${i}`,
      cost: r() < 0.75 ? int(0, 8) * 100 : int(1, 800),
      score: r() < 0.1 ? null : r() < o.whole ? int(0, 6) : r() * 8,
      requires: [...requires],
      forced: roll < 0.08 ? "in" : roll < 0.14 ? "out" : null,
      rank: null,
    });
  }
  const total = items.reduce((a, it) => a + (it.cost ?? 0), 0);
  const budget = int(Math.round(total * o.budget[0]), Math.round(total * o.budget[1]));
  const problem: SelectionProblem = { items, budget };
  if (r() < o.minimum) problem.minimum = int(0, budget);
  return problem;
}
