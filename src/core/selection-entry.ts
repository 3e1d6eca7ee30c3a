/**
 * Entry frames and the frontier: how the best total moves with the frame.
 *
 * A measure is "in at frame B" when some optimal selection at B (within SCORE_EPS of the best)
 * includes it, with the same forced choices, limits and minimum list. The best selection is not
 * monotone in the frame: a measure out now may be in at a smaller frame and out again at a larger
 * one. So each measure out gets two numbers, each exact: the nearest frame at or above the current
 * one at which it is in (entryBudget, "entersAt") and the nearest frame below it (entryBelow).
 * Neither says anything about the frames between them and the current one but that it is out there.
 * They are found with bounds from a dynamic program over every frame at once (selection-forest.ts,
 * no solver), which settle most frames, and solves only where those do not; f(B), the best total
 * by frame, is shared by every measure (BestByFrame). The frontier is the best total's breakpoints
 * against the frame, from the forced measures' cost up.
 */
import { closureOf, SCORE_EPS, sum, type Prepared } from "./selection-problem";
import { costOf, program, run, SolverFailure, valueOf, type BinarySolver } from "./selection-solver";
import type { ForestBounds } from "./selection-forest";

export interface FrontierPoint {
  /** The smallest frame (hundredths) at which `score` is reached. */
  budget: number;
  score: number;
}

/**
 * f(B), the best total with `fixedIn` fixed at frame B, as far as the search has needed it, shared
 * by every measure's entry budget. One max-value solve at b that finds x (cost c ≤ b) fixes f on
 * the whole interval [c, b] (f rises with B, f(c) ≥ value(x) = f(b)), so a later question inside a
 * known interval costs no solve; and x, optimal throughout [c, b], puts each measure in it in an
 * optimal selection there.
 */
export class BestByFrame {
  private readonly known: { lo: number; hi: number; value: number | null; x: boolean[] | null }[] = [];
  constructor(
    private readonly solver: BinarySolver,
    private readonly pre: Prepared,
    private readonly fixedIn: Set<number>,
  ) {}

  /** Records a selection known to be optimal at frame `b`. */
  add(b: number, x: boolean[]): void {
    const p = program(this.pre, b, this.fixedIn);
    this.known.push({ lo: costOf(p, x), hi: b, value: valueOf(p, x), x });
  }

  async at(b: number): Promise<{ lo: number; hi: number; value: number | null; x: boolean[] | null }> {
    for (const k of this.known) if (k.lo <= b && b <= k.hi) return k;
    const p = program(this.pre, b, this.fixedIn);
    const x = await run(this.solver, p);
    const k = x ? { lo: costOf(p, x), hi: b, value: valueOf(p, x), x } : { lo: -Infinity, hi: b, value: null, x: null };
    this.known.push(k);
    return k;
  }

  /** The largest frame < below at which a selection found so far shows j in an optimal selection; null if none. */
  lower(j: number, below: number): number | null {
    let u: number | null = null;
    for (const k of this.known) {
      if (!k.x?.[j] || k.lo >= below) continue;
      const b = Math.min(k.hi, below - 1);
      if (u === null || b > u) u = b;
    }
    return u;
  }

  /** The smallest frame ≥ from at which a selection found so far shows j in an optimal selection; null if none. */
  upper(j: number, from: number): number | null {
    let u: number | null = null;
    for (const k of this.known) {
      if (!k.x?.[j] || k.hi < from) continue;
      const b = Math.max(k.lo, from);
      if (u === null || b < u) u = b;
    }
    return u;
  }
}

/**
 * The smallest frame B ≥ `from` at which measure j belongs to an optimal selection of the program
 * with `fixedIn` fixed (within SCORE_EPS of the best): with f(B) the best total and g_j(B) the best
 * with j, the first B with g_j(B) ≥ f(B) − ε. Every selection costs a whole number of cost units, so
 * the frames are walked unit by unit, each decided by the cheapest proof that holds:
 * - out, when g_j's forest ceiling is below f's floor (ForestBounds, no solve);
 * - in, when g_j's repaired floor reaches f's ceiling (the repaired selection is optimal there);
 * - otherwise exactly, by a jump: f(b) (known from the forest where it is exact at every frame,
 *   ForestBounds.exactF; else one max-value solve, or none inside a known interval); j is in iff the cheapest selection with j worth ≥ f(b) − ε costs at most b (one min-cost solve);
 *   otherwise no frame below that cost c can work (every frame in [b, c) has f ≥ f(b), and every
 *   selection with j cheaper than c is worth less than f(b) − ε), so the walk goes on from c.
 * A selection found optimal at a frame that holds j, and the smallest frame at which any selection
 * found so far shows j in (a proven entry: once the walk reaches it, it is the answer), need no
 * solve either. Without forest bounds (too many cost units, or costs that are not whole), every
 * step is a jump.
 */
export async function entryBudget(
  solver: BinarySolver,
  pre: Prepared,
  j: number,
  fixedIn: Set<number>,
  from: number,
  best: BestByFrame,
  forest: ForestBounds | null,
  /** forest.withMeasure(j), when the caller has it (its table is shared: one measure at a time). */
  withMeasure?: ReturnType<ForestBounds["withMeasure"]> | null,
): Promise<number | null> {
  if (pre.excluded.has(j)) return null;
  const withJ = new Set([...fixedIn, j]);
  const all = sum(pre.items.map((it) => it.cost ?? 0));
  const relaxed = withMeasure ?? forest?.withMeasure(j) ?? null;
  let b = from;
  // The value of the last selection with j found (cost b): enough when f(b) is no higher.
  let withJValue = -Infinity;
  let lastWithJ: boolean[] | null = null;
  // Every round moves b up (a unit or a jump) or answers; the guard only makes that visible.
  for (let guard = 0; guard < (forest?.units ?? 0) + 1_000_000; guard++) {
    const proven = best.upper(j, from);
    if (proven !== null && proven <= b) return proven;
    if (forest && relaxed) {
      const u = forest.unitOf(b);
      const gHigh = relaxed.high(u);
      if (gHigh < forest.low(u) - SCORE_EPS) {
        // Out at every frame of this unit: go on at the next unit (no frame beyond the last one).
        if (u >= forest.units) return proven;
        b = (u + 1) * forest.unit;
        withJValue = -Infinity;
        lastWithJ = null;
        continue;
      }
      const y = forest.repair(relaxed.selection(u), relaxed.forced, u);
      if (y && y.value >= forest.high(u) - SCORE_EPS) {
        if (y.value >= forest.high(u) - SCORE_EPS / 1000) best.add(b, y.x);
        return b;
      }
    }
    let f: { value: number | null; x: boolean[] | null };
    if (forest?.exactF) {
      // f is known at every frame: no solve for it.
      const v = forest.high(forest.unitOf(b));
      f = { value: v === -Infinity ? null : v, x: null };
    } else {
      const k = await best.at(b);
      if (k.value !== null) forest?.exact(k.lo, k.hi, k.value);
      f = k;
    }
    if (f.value === null) return null;
    if (f.x?.[j]) return b;
    if (withJValue >= f.value - SCORE_EPS) {
      // The selection with j found for this frame is optimal here: it proves entries of the others in it too.
      // (Only when it is as good as the best, not merely within ε, so proofs do not drift by ε each.)
      if (lastWithJ && withJValue >= f.value - SCORE_EPS / 1000) best.add(b, lastWithJ);
      return b;
    }
    if (forest && relaxed && relaxed.high(forest.unitOf(b)) < f.value - SCORE_EPS) {
      // Out here by the exact f: the forest decides the next unit.
      const u = forest.unitOf(b);
      if (u >= forest.units) return proven;
      b = (u + 1) * forest.unit;
      withJValue = -Infinity;
      lastWithJ = null;
      continue;
    }
    // The cheapest selection with j worth at least f(b) (no frame limit: the cap is the sum of all costs).
    const pm = program(pre, all, withJ, "min-cost", f.value - SCORE_EPS);
    const xm = await run(solver, pm);
    if (!xm) return null;
    const next = costOf(pm, xm);
    if (next <= b) return b;
    if (proven !== null && proven <= next) return proven;
    withJValue = valueOf(pm, xm);
    lastWithJ = xm;
    b = next;
  }
  throw new SolverFailure("the search for an entry budget did not end");
}

/**
 * The largest frame B < `from` at which measure j belongs to an optimal selection (as in
 * entryBudget: g_j(B) ≥ f(B) − ε); null when there is none. Walked downwards, each unit decided by
 * the cheapest proof that holds: out or in by the forest bounds as above; a selection found so far
 * that shows j in at the frame; otherwise exactly: f(b) (known, or one max-value solve) and g_j(b),
 * the best with j within b (one max-value solve, selection y). If y is within ε of f(b), j is in at
 * b. If not, every frame t < b has g_j(t) ≤ value(y) = v, so j can be in at t only where f(t) ≤ v + ε,
 * that is below the cost c of the cheapest selection worth more than v + ε (one min-cost solve): the
 * frames [c, b] are out. And if y costs less than c, y itself is within ε of the best at c − 1 (f
 * there is at most v + ε): the answer is c − 1. Otherwise the walk goes on from c − 1.
 */
export async function entryBelow(
  solver: BinarySolver,
  pre: Prepared,
  j: number,
  fixedIn: Set<number>,
  from: number,
  best: BestByFrame,
  forest: ForestBounds | null,
  /** forest.withMeasure(j), when the caller has it (its table is shared: one measure at a time). */
  withMeasure?: ReturnType<ForestBounds["withMeasure"]> | null,
): Promise<number | null> {
  if (pre.excluded.has(j)) return null;
  const withJ = new Set([...fixedIn, j]);
  const all = sum(pre.items.map((it) => it.cost ?? 0));
  // No selection with j costs less than j with all it presupposes and the fixed measures.
  const floorCost = sum([...new Set([...withJ, ...closureOf([j], pre.adj)])].map((i) => pre.items[i].cost ?? 0));
  const relaxed = withMeasure ?? forest?.withMeasure(j) ?? null;
  let b = from - 1;
  for (let guard = 0; guard < (forest?.units ?? 0) + 1_000_000; guard++) {
    if (b < floorCost) return best.lower(j, from);
    const proven = best.lower(j, from);
    if (proven !== null && proven >= b) return proven;
    if (forest && relaxed) {
      const u = forest.unitOf(b);
      if (relaxed.high(u) < forest.low(u) - SCORE_EPS) {
        // Out at every frame of this unit: go on at the unit below.
        b = u * forest.unit - 1;
        continue;
      }
      const y = forest.repair(relaxed.selection(u), relaxed.forced, u);
      if (y && y.value >= forest.high(u) - SCORE_EPS) {
        if (y.value >= forest.high(u) - SCORE_EPS / 1000) best.add(b, y.x);
        return b;
      }
    }
    if (forest?.exactF) {
      // f is known at every frame: g_j(b) (one max-value solve, selection y worth v) decides every
      // frame down to the first unit where f ≤ v + ε; j is in there if y fits, else the walk goes on.
      const pg = program(pre, b, withJ);
      const y = await run(solver, pg);
      if (!y) return proven;
      const v = valueOf(pg, y);
      let u = forest.unitOf(b);
      if (v >= forest.high(u) - SCORE_EPS) {
        if (v >= forest.high(u) - SCORE_EPS / 1000) best.add(b, y);
        return b;
      }
      while (u >= 0 && forest.high(u) > v + SCORE_EPS) u--;
      if (u < 0) return proven;
      const top = (u + 1) * forest.unit - 1;
      if (costOf(pg, y) <= top) return proven !== null && proven > top ? proven : top;
      b = top;
      continue;
    }
    const f = await best.at(b);
    if (f.value !== null) forest?.exact(f.lo, f.hi, f.value);
    // No selection at all within b: none below either.
    if (f.value === null) return proven;
    if (f.x?.[j]) return b;
    if (forest && relaxed && relaxed.high(forest.unitOf(b)) < f.value - SCORE_EPS) {
      b = forest.unitOf(b) * forest.unit - 1;
      continue;
    }
    const pg = program(pre, b, withJ);
    const y = await run(solver, pg);
    if (!y) return proven;
    const v = valueOf(pg, y);
    if (v >= f.value - SCORE_EPS) {
      if (v >= f.value - SCORE_EPS / 1000) best.add(b, y);
      return b;
    }
    // The cheapest selection worth more than v + ε (one exists: f(b) is).
    const pc = program(pre, all, fixedIn, "min-cost", v + SCORE_EPS + SCORE_EPS / 1000);
    const z = await run(solver, pc);
    if (!z) throw new SolverFailure("no selection worth more than one that is beaten");
    const c = costOf(pc, z);
    if (proven !== null && proven >= c - 1) return proven;
    if (costOf(pg, y) <= c - 1) return c - 1;
    b = c - 1;
  }
  throw new SolverFailure("the search for an entry frame below did not end");
}

/** Breakpoints of the best total against the frame, from the forced measures' cost upward. */
export async function frontier(
  solver: BinarySolver,
  pre: Prepared,
  limit: number,
  upTo: number,
  points: FrontierPoint[] = [],
  /** Where to record each breakpoint's selection as optimal up to the next (its fixed measures must be the forced ones). */
  best: BestByFrame | null = null,
): Promise<{ points: FrontierPoint[]; truncated: boolean }> {
  const fixedIn = pre.forcedClosure;
  const all = sum(pre.items.map((it) => it.cost ?? 0));
  let b = sum([...fixedIn].map((i) => pre.items[i].cost ?? 0));
  if (pre.rows.some((r) => r.sense === ">=")) {
    // An at-least quota (selection-rules.ts): the first frame is the cheapest selection that meets it.
    const first = await run(solver, program(pre, all, fixedIn, "min-cost"));
    if (!first) return { points, truncated: false };
    b = Math.max(b, costOf(program(pre, all, fixedIn), first));
  }
  while (points.length < limit) {
    const pf = program(pre, b, fixedIn);
    const xf = await run(solver, pf);
    if (!xf) break;
    const v = valueOf(pf, xf);
    best?.add(b, xf);
    // b is the smallest frame reaching v: the first b is the forced measures' cost (nothing
    // cheaper is feasible), every later one the cheapest selection worth more than the last point.
    points.push({ budget: b, score: v });
    const pn = program(pre, all, fixedIn, "min-cost", v + SCORE_EPS);
    const xn = await run(solver, pn);
    if (!xn) return { points, truncated: false };
    b = Math.max(costOf(pn, xn), b + 1);
    if (b > upTo) return { points, truncated: true };
  }
  return { points, truncated: true };
}

/**
 * The frontier read off f's table (`row`, f by cost unit from 0, exact: selection-profile.ts), as
 * `frontier` finds it with solves: from the fixed measures' cost (`first`), each point the smallest
 * frame reaching its value. `open` when the row ends before a better value: whether there is one
 * beyond it is the solver's question (one min-cost solve).
 */
export function frontierOfRow(row: Float64Array, unit: number, first: number, limit: number): { points: FrontierPoint[]; open: boolean } | null {
  let u = first / unit;
  if (!Number.isInteger(u) || u >= row.length || row[u] === -Infinity) return null;
  const points: FrontierPoint[] = [];
  while (points.length < limit) {
    const v = row[u];
    points.push({ budget: u * unit, score: v });
    let next = u + 1;
    while (next < row.length && !(row[next] >= v + SCORE_EPS)) next++;
    if (next >= row.length) return { points, open: true };
    u = next;
  }
  return { points, open: false };
}
