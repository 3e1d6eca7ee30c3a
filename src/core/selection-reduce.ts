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
 * A program whose only rows are either–or groups (at most one of some measures: selection-rules.ts)
 * is split into the cases of which member of each group may be chosen (the others fixed out), each
 * case reduced and solved as above, the best case's answer the program's: every admissible selection
 * lies in some case, and every case's in the program. A staircase program (min-cost, worth the step
 * reached at its own cost) goes to the solver whole, and so does a program with other rows (quotas,
 * a plan's steps: plan.ts), or with more than MAX_CASES cases: the bounds and the dynamic program
 * know only the limits and "presupposes".
 */
import { costOf, feasible, valueOf, type BinaryAnswer, type BinaryProgram, type BinarySolver } from "./selection-solver";
import { fixRound } from "./selection-bounds";
import { normal, Reducer } from "./selection-relax";
import { solveByForest, subProgram } from "./selection-dp";

/** What the wrapper did, for the bench and tests. */
export interface ReduceStats {
  programs: number;
  /** Programs passed whole to the solver (staircase, rule rows, no main row, a cycle, no floor found). */
  whole: number;
  /** Programs with either–or rows only, split into cases (each case then reduced or passed whole, not counted above). */
  split: number;
  /** Programs settled entirely by bounds, by the dynamic program, or by the solver on what was left. */
  fixed: number;
  dp: number;
  solver: number;
  /** Free variables before and after fixing, summed over the programs reduced. */
  freeBefore: number;
  freeAfter: number;
}

export const newReduceStats = (): ReduceStats => ({ programs: 0, whole: 0, split: 0, fixed: 0, dp: 0, solver: 0, freeBefore: 0, freeAfter: 0 });

/** The most cases an either–or program is split into (the product of its groups' sizes); beyond, it goes whole. */
export const MAX_CASES = 32;

/**
 * The cases of a program whose rows are all «at most one of these» (distinct variables, each with
 * coefficient 1, ≤ 1): for each row one member that may be chosen, the others fixed out; a member
 * fixed in leaves its row one case. Null when some row is another kind or has two members fixed in,
 * or the cases are too many.
 */
export function eitherOrCases(p: BinaryProgram): (0 | 1 | null)[][] | null {
  if (!p.rows?.length || p.steps) return null;
  // For each row, the members that may be the one chosen (-1: none is open, the row holds already).
  const picks: number[][] = [];
  let count = 1;
  for (const row of p.rows) {
    if (row.sense !== "<=" || row.bound !== 1 || row.coefs.some((c) => c !== 1) || new Set(row.vars).size !== row.vars.length) return null;
    const fixedIn = row.vars.filter((v) => p.fixed[v] === 1);
    // Two fixed in break the row in every case: the solver says so on the whole program.
    if (fixedIn.length > 1) return null;
    const open = row.vars.filter((v) => p.fixed[v] === null);
    const pick = fixedIn.length ? fixedIn : open.length ? open : [-1];
    count *= pick.length;
    if (count > MAX_CASES) return null;
    picks.push(pick);
  }
  let cases: number[][] = [[]];
  for (const pick of picks) cases = cases.flatMap((c) => pick.map((v) => [...c, v]));
  return cases.map((chosen) => {
    const fixed = [...p.fixed];
    p.rows!.forEach((row, r) => {
      for (const v of row.vars) if (v !== chosen[r] && fixed[v] === null) fixed[v] = 0;
    });
    return fixed;
  });
}

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

  /** The best answer over the either–or cases: the highest value (max-value) or the lowest cost (min-cost); a failure fails all. */
  const byCases = async (p: BinaryProgram, cases: (0 | 1 | null)[][]): Promise<BinaryAnswer> => {
    let best: { x: boolean[]; key: number } | null = null;
    for (const fixed of cases) {
      const q: BinaryProgram = { ...p, fixed, rows: undefined };
      const a = (await reduce(q)) ?? (await inner.solve(q));
      if (a.status === "failed") return a;
      if (a.status !== "optimal") continue;
      const key = p.sense === "max-value" ? valueOf(p, a.x) : -costOf(p, a.x);
      if (!best || key > best.key) best = { x: a.x, key };
    }
    return best ? { status: "optimal", x: best.x } : { status: "infeasible" };
  };

  const self = {
    stats,
    async solve(p: BinaryProgram): Promise<BinaryAnswer> {
      stats.programs++;
      const cases = eitherOrCases(p);
      if (cases) {
        stats.split++;
        return byCases(p, cases);
      }
      const a = await reduce(p);
      if (a) return a;
      stats.whole++;
      return inner.solve(p);
    },
  };
  return self;
}
