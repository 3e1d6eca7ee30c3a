/**
 * The forest's dynamic program (src/core/tree-knapsack.ts) as a solver for small 0–1 programs: exact
 * when every measure has at most one prerequisite among the program's variables (or a few have
 * more: the best over their subsets, as in selection-forest.ts) and no row but the frame binds. For
 * max-value and min-cost programs. Used by the reduction (selection-reduce.ts) on what is left once bounds have settled the
 * rest; `subProgram` cuts a program down to its free variables.
 */
import type { BinaryAnswer, BinaryProgram } from "./selection-solver";
import { forestKnapsack, knapsackUnits, type ForestItem } from "./tree-knapsack";

/** The dynamic program takes at most this many cells (measures × cost units) for what is left. */
const DP_CELLS = 6_000_000;
/** With measures left that presuppose two or more left: at most this many of them (2^k programs). */
const DP_MULTI = 6;

/** The program on the free variables, with the fixed ones' costs and values taken off the rows. */
export function subProgram(p: BinaryProgram, fix: Int8Array, free: number[]): BinaryProgram {
  const at = new Int32Array(p.n).fill(-1);
  free.forEach((i, k) => (at[i] = k));
  const inCost = (members: number[]) => members.reduce((s, i) => s + (fix[i] === 1 ? p.cost[i] : 0), 0);
  const q: BinaryProgram = {
    n: free.length,
    value: free.map((i) => p.value[i]),
    cost: free.map((i) => p.cost[i]),
    fixed: free.map(() => null),
    requires: p.requires.filter(([i, j]) => at[i] >= 0 && at[j] >= 0).map(([i, j]) => [at[i], at[j]] as [number, number]),
    limits: p.limits.map((l) => ({ members: l.members.filter((i) => at[i] >= 0).map((i) => at[i]), cap: l.cap - inCost(l.members) })),
    sense: p.sense,
  };
  if (p.minValue !== undefined) {
    let v = 0;
    for (let i = 0; i < p.n; i++) if (fix[i] === 1) v += p.value[i];
    q.minValue = p.minValue - v;
  }
  return q;
}

/** The best value of a program at every frame up to its own (in cost units), and a selection for each. */
export interface ForestTable {
  unit: number;
  /** The largest frame, in units. */
  top: number;
  /** best[u]: the best value within u units (−Infinity where nothing fits). */
  best: Float64Array;
  /** A selection reaching best[u] (null where nothing fits). */
  selection(u: number): boolean[] | null;
}

/**
 * The forest's dynamic program on a program whose every measure has at most one prerequisite
 * (or a few with more: the best over their subsets, as in selection-forest.ts), the rows after the
 * first not binding: its best at every frame up to the program's. Null when it does not apply or
 * would be too large.
 */
export function forestTable(q: BinaryProgram): ForestTable | null {
  const n = q.n;
  if (!q.cost.every((c) => Number.isInteger(c) && c >= 0)) return null;
  const sumOf = (members: number[]) => members.reduce((s, i) => s + q.cost[i], 0);
  // Rows: those over every measure cap the frame; any other must not bind.
  let frame = Infinity;
  for (const l of q.limits) {
    if (l.members.length === n) frame = Math.min(frame, l.cap);
    else if (sumOf(l.members) > l.cap) return null;
  }
  const req: number[][] = Array.from({ length: n }, () => []);
  for (const [i, j] of q.requires) req[i].push(j);
  const multi = req.map((r, i) => (r.length > 1 ? i : -1)).filter((i) => i >= 0);
  if (multi.length > DP_MULTI) return null;
  const items: ForestItem[] = q.value.map((v, i) => ({ cost: q.cost[i], value: v, parent: req[i][0] ?? -1, banned: q.fixed[i] === 0 }));
  const { unit, units } = knapsackUnits(items);
  const top = frame < 0 ? -1 : Math.min(units, Math.floor(Math.min(frame, Number.MAX_SAFE_INTEGER) / unit));
  // The size is checked before anything is allocated: a frame of 1e22 MNOK must not ask for a table of that many cells.
  if (n * (top + 1) > DP_CELLS || n * (top + 1) * 2 ** multi.length > 8 * DP_CELLS) return null;
  const best = new Float64Array(Math.max(0, top + 1)).fill(-Infinity);
  if (top < 0) return { unit, top, best, selection: () => null };
  const closure = (start: number[]): Set<number> => {
    const seen = new Set<number>(start);
    const todo = [...start];
    while (todo.length) for (const w of req[todo.pop()!]) if (!seen.has(w)) (seen.add(w), todo.push(w));
    return seen;
  };
  const baseForced = closure(q.fixed.map((f, i) => (f === 1 ? i : -1)).filter((i) => i >= 0));
  const buffer = new Float64Array((n + 1) * (top + 1));
  /** The dynamic program of subset t of the measures with two or more prerequisites; null when it contradicts itself. */
  const dpOf = (t: number) => {
    const forced = new Set(baseForced);
    const banned = new Set<number>();
    multi.forEach((i, k) => {
      if (t & (1 << k)) for (const w of closure([i])) forced.add(w);
      else banned.add(i);
    });
    if ([...forced].some((i) => banned.has(i) || items[i].banned)) return null;
    return forestKnapsack(
      items.map((it, i) => (banned.has(i) ? { ...it, banned: true } : it)),
      items.map((_, i) => forced.has(i)),
      buffer,
      top,
    );
  };
  const which = new Int32Array(top + 1).fill(-1);
  for (let t = 0; t < 1 << multi.length; t++) {
    const dp = dpOf(t);
    if (!dp) continue;
    const row = dp.bestRow;
    for (let u = 0; u <= top; u++) {
      const v = row[u];
      if (v > best[u]) (best[u] = v), (which[u] = t);
    }
  }
  let cached: { t: number; dp: ReturnType<typeof dpOf> } | null = multi.length === 0 ? { t: 0, dp: dpOf(0) } : null;
  return {
    unit,
    top,
    best,
    selection(u) {
      if (u < 0 || u > top || which[u] < 0) return null;
      if (!cached || cached.t !== which[u]) cached = { t: which[u], dp: dpOf(which[u]) };
      return cached.dp!.selection(u);
    },
  };
}

/**
 * The forest's dynamic program as a solver (see forestTable): max-value and min-cost (not a
 * staircase). Null when it does not apply or would be too large.
 */
export function solveByForest(q: BinaryProgram): BinaryAnswer | null {
  if (q.steps && q.steps.length) return null;
  const t = forestTable(q);
  if (!t) return null;
  const { top, best } = t;
  if (top < 0) return { status: "infeasible" };
  let at = -1;
  if (q.sense === "max-value") at = best[top] === -Infinity ? -1 : top;
  else {
    // The cheapest frame whose best reaches the floor (the best only rises with the frame).
    const need = (q.minValue ?? -Infinity) - 1e-9;
    let lo = 0;
    let hi = top;
    if (best[top] >= need) {
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (best[mid] >= need) hi = mid;
        else lo = mid + 1;
      }
      at = lo;
    }
  }
  return at < 0 ? { status: "infeasible" } : { status: "optimal", x: t.selection(at)! };
}
