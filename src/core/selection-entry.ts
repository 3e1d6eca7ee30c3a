/**
 * Entry budgets and the frontier: how the best total moves with the frame.
 *
 * "Smallest budget at which a measure enters" means: the smallest frame ≥ the current one at which
 * some optimal selection (within SCORE_EPS of the best) includes it, with the same forced choices,
 * limits and minimum list. They are found (entryBudget) with bounds from a dynamic program over
 * every frame at once (selection-forest.ts, no solver), which settle most frames, and solves only
 * where those do not; f(B), the best total by frame, is shared by every measure (BestByFrame).
 * The frontier is the best total's breakpoints against the frame, from the forced measures' cost up.
 */
import { SCORE_EPS, sum, type Prepared } from "./selection-problem";
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

/** The steps of f the first staircase solve of a measure covers (the window doubles while it comes back empty). */
const ENTRY_WINDOW = 32;

/**
 * The smallest frame B ≥ `from` at which measure j belongs to an optimal selection of the program
 * with `fixedIn` fixed (within SCORE_EPS of the best): with f(B) the best total and g_j(B) the best
 * with j, the first B with g_j(B) ≥ f(B) − ε. Every selection costs a whole number of cost units, so
 * the frames are walked unit by unit, each decided by the cheapest proof that holds:
 * - out, when g_j's forest ceiling is below f's floor (ForestBounds, no solve);
 * - in, when g_j's repaired floor reaches f's ceiling (the repaired selection is optimal there);
 * - otherwise, where f is exact at every unit (ForestBounds.exactF), by one staircase solve over a
 *   window [b, end] holding the next ENTRY_WINDOW steps of f: the cheapest selection y with j that
 *   is worth f(max(b, cost(y))) − ε. A selection with j is optimal at every frame from its cost
 *   until f passes its value + ε, so max(b, cost(y)) is the answer; none means j is out of the whole
 *   window, and the walk goes on after it with a window twice as long;
 * - otherwise exactly, by a jump: f(b) (one max-value solve, or none inside a known interval); j is
 *   in iff the cheapest selection with j worth ≥ f(b) − ε costs at most b (one min-cost solve);
 *   otherwise no frame below that cost c can work (every frame in [b, c) has f ≥ f(b), and every
 *   selection with j cheaper than c is worth less than f(b) − ε), so the walk goes on from c.
 * A selection found optimal at a frame that holds j, and the smallest frame at which any selection
 * found so far shows j in (a proven entry: once the walk reaches it, it is the answer; it also ends
 * every window), need no solve either. Without forest bounds (too many cost units, or costs that
 * are not whole), every step is a jump, as before.
 */
export async function entryBudget(
  solver: BinarySolver,
  pre: Prepared,
  j: number,
  fixedIn: Set<number>,
  from: number,
  best: BestByFrame,
  forest: ForestBounds | null,
): Promise<number | null> {
  if (pre.excluded.has(j)) return null;
  const withJ = new Set([...fixedIn, j]);
  const all = sum(pre.items.map((it) => it.cost ?? 0));
  const relaxed = forest?.withMeasure(j) ?? null;
  let b = from;
  // The value of the last selection with j found (cost b): enough when f(b) is no higher.
  let withJValue = -Infinity;
  let lastWithJ: boolean[] | null = null;
  let window = ENTRY_WINDOW;
  // Every round moves b up (a unit, a window or a jump) or answers; the guard only makes that visible.
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
        continue;
      }
      const y = forest.repair(relaxed.selection(u), relaxed.forced, u);
      if (y && y.value >= forest.high(u) - SCORE_EPS) {
        if (y.value >= forest.high(u) - SCORE_EPS / 1000) best.add(b, y.x);
        return b;
      }
    }
    if (forest?.exactF) {
      // f is known at every frame: one min-cost solve over a window of frames [b, end] with f's
      // steps in it answers exactly (the cheapest selection with j worth f at its own frame), or
      // proves j out of the whole window. Windows double while they come back empty.
      const u = forest.unitOf(b);
      // The window ends before its (window + 1)-th step of f, at the last unit, or at a proven entry.
      const steps: { cost: number; value: number }[] = [];
      let k = u + 1;
      for (; k <= forest.units; k++) {
        if (forest.high(k) <= forest.high(k - 1)) continue;
        if (steps.length === window || (proven !== null && k * forest.unit > proven)) break;
        steps.push({ cost: k * forest.unit, value: forest.high(k) - SCORE_EPS });
      }
      const end = Math.min(proven ?? Infinity, k * forest.unit - 1);
      const pw = program(pre, end, withJ, "min-cost", forest.high(u) - SCORE_EPS);
      if (steps.length) pw.steps = steps;
      const y = await run(solver, pw);
      if (y) {
        const at = Math.max(b, costOf(pw, y));
        if (valueOf(pw, y) >= forest.high(forest.unitOf(at)) - SCORE_EPS / 1000) best.add(at, y);
        return proven !== null && proven < at ? proven : at;
      }
      if (proven !== null && proven <= end + 1) return proven;
      if (forest.unitOf(end) >= forest.units) return null;
      b = end + 1;
      window *= 2;
      continue;
    }
    const f = await best.at(b);
    if (f.value !== null) forest?.exact(f.lo, f.hi, f.value);
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

/** Breakpoints of the best total against the frame, from the forced measures' cost upward. */
export async function frontier(
  solver: BinarySolver,
  pre: Prepared,
  limit: number,
  upTo: number,
  points: FrontierPoint[] = [],
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
