/**
 * Solving: the 0–1 programs core asks a solver for, and the one way they are asked. The search is
 * done by a mixed-integer solver behind `BinarySolver` (src/solve/highs.ts, injected, so core never
 * imports HiGHS): core builds the program (`program`) and checks every answer it gets back
 * (`run`: feasibility in exact integers, values recomputed here), so a solver defect cannot pass
 * as a result. A solver's failure, or an answer that breaks a constraint, is a SolverFailure, which
 * `select` reports as the finding selection-solver-failed.
 */
import { SCORE_EPS, sum, type Prepared } from "./selection-problem";

/** A 0–1 program over n variables: what core asks a solver to do. */
export interface BinaryProgram {
  n: number;
  /** Objective coefficients (score). */
  value: number[];
  /** Integer costs. */
  cost: number[];
  /** Fixed variables: 1 forced in, 0 forced out, null free. */
  fixed: (0 | 1 | null)[];
  /** Pairs [i, j]: x_i ≤ x_j. */
  requires: [number, number][];
  /** Σ_{i in members} cost_i x_i ≤ cap. */
  limits: { members: number[]; cap: number }[];
  /** Maximise value, or minimise cost subject to Σ value_i x_i ≥ minValue. */
  sense: "max-value" | "min-cost";
  minValue?: number;
  /**
   * With "min-cost" only: a staircase the value must reach at the selection's own cost,
   * Σ value_i x_i ≥ max{ s.value : s.cost ≤ Σ cost_i x_i } (and ≥ minValue below the first step).
   * Costs ascending, values rising, every cost within the first limit's cap. The entry budgets ask
   * "worth at least the best total at my own cost" with it, over a window of frames.
   */
  steps?: { cost: number; value: number }[];
}

/**
 * Why a solve failed, in the selection's words: the solver could not be loaded, it ran out of time,
 * or anything else (its own error, an answer that breaks a constraint). `detail` is the solver's
 * text, for a developer; it never reaches a person (the finding carries only the cause).
 */
export type FailureCause = "load" | "time" | "error";

export type BinaryAnswer = { status: "optimal"; x: boolean[] } | { status: "infeasible" } | { status: "failed"; detail: string; cause?: FailureCause };

export interface BinarySolver {
  solve(p: BinaryProgram): Promise<BinaryAnswer>;
}

// ─────────────────────────────── programs ───────────────────────────────

export function program(pre: Prepared, budget: number, fixedIn: Set<number>, sense: BinaryProgram["sense"] = "max-value", minValue?: number): BinaryProgram {
  const { items, adj, excluded } = pre;
  const requires: [number, number][] = [];
  adj.forEach((js, i) => {
    if (excluded.has(i)) return;
    for (const j of js) requires.push([i, j]);
  });
  const p: BinaryProgram = {
    n: items.length,
    value: items.map((it) => it.score ?? 0),
    cost: items.map((it) => it.cost ?? 0),
    fixed: items.map((_, i) => (excluded.has(i) ? 0 : fixedIn.has(i) ? 1 : null)),
    requires,
    limits: [{ members: items.map((_, i) => i), cap: budget }, ...pre.limits.map((l) => ({ members: l.members, cap: l.cap }))],
    sense,
  };
  if (minValue !== undefined) p.minValue = minValue;
  return p;
}

/** True when x satisfies every constraint of p exactly (integer costs). */
export function feasible(p: BinaryProgram, x: boolean[]): boolean {
  if (x.length !== p.n) return false;
  for (let i = 0; i < p.n; i++) if (p.fixed[i] !== null && (p.fixed[i] === 1) !== x[i]) return false;
  for (const [i, j] of p.requires) if (x[i] && !x[j]) return false;
  for (const l of p.limits) if (sum(l.members.filter((i) => x[i]).map((i) => p.cost[i])) > l.cap) return false;
  if (p.sense === "min-cost" && p.minValue !== undefined && valueOf(p, x) < p.minValue - SCORE_EPS / 10) return false;
  if (p.sense === "min-cost" && p.steps) {
    const c = costOf(p, x);
    const v = valueOf(p, x);
    for (const s of p.steps) if (s.cost <= c && v < s.value - SCORE_EPS / 10) return false;
  }
  return true;
}

export function valueOf(p: BinaryProgram, x: boolean[]): number {
  let v = 0;
  for (let i = 0; i < p.n; i++) if (x[i]) v += p.value[i];
  return v;
}

export function costOf(p: BinaryProgram, x: boolean[]): number {
  let c = 0;
  for (let i = 0; i < p.n; i++) if (x[i]) c += p.cost[i];
  return c;
}

export class SolverFailure extends Error {
  constructor(
    detail: string,
    readonly failure: FailureCause = "error",
  ) {
    super(detail);
  }
}
/** Thrown by the counting solver when the analysis' solve budget is spent. */
export class Exhausted extends Error {}

/** The solver's optimum of p, checked against every constraint; null when p is infeasible. */
export async function run(solver: BinarySolver, p: BinaryProgram): Promise<boolean[] | null> {
  const a = await solver.solve(p);
  if (a.status === "infeasible") return null;
  if (a.status === "failed") throw new SolverFailure(a.detail, a.cause);
  if (!feasible(p, a.x)) throw new SolverFailure("the solver returned a selection that breaks a constraint");
  return a.x;
}
