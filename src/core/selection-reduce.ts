/**
 * Smaller programs before any search: a solver wrapper (`reducingSolver`) that settles most
 * variables of a 0–1 program by bounds (selection-bounds.ts), then solves only what is left, by
 * the forest's dynamic program (selection-dp.ts) where that is exact, else with the injected
 * solver on the small program. The answer is an optimum of the whole program (of several equal
 * optima, possibly another than the solver's), for every program core asks for:
 * 1. Fixed variables spread: a measure presupposing one fixed out is out, what a measure fixed in
 *    presupposes is in.
 * 2. Rounds of fixing by the Lagrange ceiling against the best floor, while they fix.
 * 3. The rest by the dynamic program, or by the injected solver. Nothing is trusted: core checks
 *    every answer against the whole program (selection-solver.ts `run`).
 * A staircase program (min-cost, worth the step reached at its own cost) goes to the solver whole,
 * and so does a program with rule rows (either–or groups, quotas, a plan's steps: selection-rules.ts,
 * plan.ts): the bounds and the dynamic program know only the limits and "presupposes".
 */
import { feasible, type BinaryAnswer, type BinaryProgram, type BinarySolver } from "./selection-solver";
import { fixRound } from "./selection-bounds";
import { normal, Reducer } from "./selection-relax";
import { solveByForest, subProgram } from "./selection-dp";

/** What the wrapper did, for the bench and tests. */
export interface ReduceStats {
  programs: number;
  /** Programs passed whole to the solver (staircase, rule rows, no main row, a cycle, no floor found). */
  whole: number;
  /** Programs settled entirely by bounds, by the dynamic program, or by the solver on what was left. */
  fixed: number;
  dp: number;
  solver: number;
  /** Free variables before and after fixing, summed over the programs reduced. */
  freeBefore: number;
  freeAfter: number;
}

export const newReduceStats = (): ReduceStats => ({ programs: 0, whole: 0, fixed: 0, dp: 0, solver: 0, freeBefore: 0, freeAfter: 0 });

/**
 * The solver wrapper: every program reduced as above, the rest solved by the forest's dynamic
 * program or by `inner` on the small program; staircase programs, programs with rule rows and
 * programs it cannot reduce go to `inner` whole.
 */
export function reducingSolver(inner: BinarySolver, stats: ReduceStats = newReduceStats()): BinarySolver & { stats: ReduceStats } {
  /** Reduces p and solves what is left; null when it cannot (the caller passes p whole). */
  const reduce = async (p: BinaryProgram): Promise<BinaryAnswer | null> => {
    // Rule rows (selection-rules.ts, plan.ts) are beyond the bounds and the dynamic program.
    if (p.rows && p.rows.length) return null;
    const m = p.n > 0 ? normal(p) : null;
    if (!m) return null;
    const r = new Reducer(p, m);
    for (let i = 0; i < p.n; i++) {
      const f = p.fixed[i];
      if (f !== null && !r.set(i, f)) return null;
    }
    const before = r.free().length;
    let floor: { x: Uint8Array; value: number } | null = null;
    for (let round = 0; round < 4; round++) {
      const res = fixRound(r, floor, round === 0 ? "first" : "more");
      if (!res) return null;
      floor = res.floor;
      if (res.fixed === 0) break;
    }
    const free = r.free();
    stats.freeBefore += before;
    stats.freeAfter += free.length;
    const expand = (xq: boolean[]): boolean[] => {
      const x = Array.from(r.fix, (f) => f === 1);
      free.forEach((i, k) => (x[i] = xq[k]));
      return x;
    };
    if (free.length === 0) {
      // Only one assignment is left: it is the answer if it is admissible, else there is none.
      stats.fixed++;
      const x = expand([]);
      return feasible(p, x) ? { status: "optimal", x } : { status: "infeasible" };
    }
    const q = subProgram(p, r.fix, free);
    const byForest = solveByForest(q);
    if (byForest && byForest.status === "optimal") {
      stats.dp++;
      return { status: "optimal", x: expand(byForest.x) };
    }
    stats.solver++;
    const a = await inner.solve(q);
    if (a.status === "optimal") return { status: "optimal", x: expand(a.x) };
    // Nothing left although a floor was there: numbers gone wrong; the whole program decides.
    return a.status === "infeasible" && floor ? null : a;
  };

  const self = {
    stats,
    async solve(p: BinaryProgram): Promise<BinaryAnswer> {
      stats.programs++;
      const a = await reduce(p);
      if (a) return a;
      stats.whole++;
      return inner.solve(p);
    },
  };
  return self;
}
