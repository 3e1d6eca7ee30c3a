/**
 * `select`: the selection within a budget, put together. The minimum list (the optimum within the
 * minimum frame) and the plus list (what the full frame adds with the minimum list fixed), each
 * measure's list and, when out, its reason (see OutReason) and the smallest frame at which it would
 * enter; the frontier; the comparison with rank order. The model and its checks are in
 * selection-problem.ts, the solver calls in selection-solver.ts, entry budgets and the frontier in
 * selection-entry.ts (with selection-forest.ts), the rank-order comparison in selection-greedy.ts.
 */
import { prepare, selectionFinding, sum, totalsOf, type Forced, type ListTotals, type OutReason, type Prepared, type SelectionFinding, type SelectionProblem } from "./selection-problem";
import { costOf, Exhausted, program, run, SolverFailure, valueOf, type BinarySolver } from "./selection-solver";
import { BestByFrame, entryBudget, frontier, type FrontierPoint } from "./selection-entry";
import { ForestBounds } from "./selection-forest";
import { greedyComparison, type GreedyComparison } from "./selection-greedy";

export type ListName = "minimum" | "plus" | "out";

export interface SelectionMeasure {
  id: string;
  name: string;
  cost: number | null;
  score: number | null;
  requires: string[];
  forced: Forced;
  list: ListName;
  reason: OutReason | null;
  /** For measures out: the smallest frame (hundredths) ≥ the current one at which it would enter; null if never. */
  entersAt?: number | null;
}

export type SelectionResult =
  | {
      status: "ok";
      budget: number;
      minimum: number | null;
      measures: SelectionMeasure[];
      totals: { minimum: ListTotals; plus: ListTotals; selected: ListTotals; out: ListTotals };
      frontier: FrontierPoint[];
      /** True when the frontier stopped (at `frontierLimit` points or beyond `frontierUpTo`) before the best total. */
      frontierTruncated: boolean;
      /** The frame up to which the frontier was computed (hundredths). */
      frontierUpTo: number;
      /** False when `maxSolves` stopped the entry budgets or the frontier before the end. */
      complete: boolean;
      greedy: GreedyComparison;
      findings: SelectionFinding[];
    }
  | { status: "infeasible"; budget: number; minimum: number | null; findings: SelectionFinding[] }
  | { status: "failed"; budget: number; minimum: number | null; findings: SelectionFinding[] };

export interface SelectOptions {
  /** Compute the smallest entering budget of each measure out (default true). */
  entryBudgets?: boolean;
  /** Compute the efficient frontier (default true). */
  frontier?: boolean;
  /** At most this many frontier points (default 150). */
  frontierLimit?: number;
  /** The frontier's breakpoints up to this frame (hundredths; default 1,5 × the frame). */
  frontierUpTo?: number;
  /**
   * At most this many solver calls for the entry budgets and the frontier together (default 600):
   * they take a few solves per measure out and per breakpoint, so a large portfolio is bounded.
   * Every call counts one, whatever its size (a staircase solve over a window of frames too); the
   * forest bounds of the entry budgets take none.
   * What was not reached is left out (entersAt absent, frontier cut) and `complete` is false.
   * Deterministic: a count, not a clock.
   */
  maxSolves?: number;
}

/** The reason a measure is out of a selection `x` within `budget` (see OutReason). */
function reasonOut(pre: Prepared, i: number, x: boolean[], budget: number): OutReason {
  const { items, adj, excluded } = pre;
  const ex = excluded.get(i);
  if (ex) return ex;
  const outPrereqs = adj[i].filter((j) => !x[j]);
  if (outPrereqs.length) return { kind: "requires-out", ids: outPrereqs.map((j) => items[j].id) };
  const cost = items[i].cost ?? 0;
  const used = sum(items.map((it, k) => (x[k] ? (it.cost ?? 0) : 0)));
  if (cost > budget - used) return { kind: "budget", cost, left: budget - used };
  for (const l of pre.limits) {
    if (items[i].segment !== l.segment) continue;
    const segUsed = sum(l.members.filter((k) => x[k]).map((k) => items[k].cost ?? 0));
    if (cost > l.cap - segUsed) return { kind: "segment", segment: l.segment, cost, left: l.cap - segUsed };
  }
  return { kind: "no-gain" };
}

export async function select(problem: SelectionProblem, solver: BinarySolver, options: SelectOptions = {}): Promise<SelectionResult> {
  const pre = prepare(problem);
  const minimum = problem.minimum ?? null;
  const base = { budget: problem.budget, minimum };
  if (pre.infeasible) return { status: "infeasible", ...base, findings: pre.findings };
  const { items } = pre;
  try {
    const pMin = program(pre, minimum ?? problem.budget, pre.forcedClosure);
    const xMin = await run(solver, pMin);
    if (!xMin) throw new SolverFailure("no selection within the minimum frame although the forced measures fit");
    const minSet = new Set(items.map((_, i) => i).filter((i) => xMin[i]));
    let x = xMin;
    let plusSet = new Set<number>();
    if (minimum !== null) {
      const pPlus = program(pre, problem.budget, minSet);
      const xPlus = await run(solver, pPlus);
      if (!xPlus) throw new SolverFailure("no selection within the frame with the minimum list fixed");
      x = xPlus;
      plusSet = new Set(items.map((_, i) => i).filter((i) => xPlus[i] && !minSet.has(i)));
    }
    let solvesLeft = options.maxSolves ?? 600;
    let complete = true;
    const counted: BinarySolver = {
      solve: (p) => {
        if (solvesLeft-- <= 0) throw new Exhausted();
        return solver.solve(p);
      },
    };
    const fixedForEntry = minimum !== null ? minSet : pre.forcedClosure;
    // The best total with fixedForEntry fixed, by frame: the selection itself is optimal at the frame.
    const bestAt = new BestByFrame(counted, pre, fixedForEntry);
    bestAt.add(problem.budget, x);
    const forest = options.entryBudgets !== false && items.length > 0 ? ForestBounds.build(pre, fixedForEntry) : null;
    forest?.exact(costOf(pMin, x), problem.budget, valueOf(pMin, x));
    const measures: SelectionMeasure[] = [];
    const outSet: number[] = [];
    for (let i = 0; i < items.length; i++) {
      const it = items[i];
      const list: ListName = minSet.has(i) ? "minimum" : plusSet.has(i) ? "plus" : "out";
      const m: SelectionMeasure = {
        id: it.id,
        name: it.name,
        cost: it.cost,
        score: it.score,
        requires: it.requires,
        forced: it.forced,
        list,
        reason: list === "out" ? reasonOut(pre, i, x, problem.budget) : null,
      };
      if (list === "out") {
        outSet.push(i);
        if (options.entryBudgets !== false) {
          try {
            m.entersAt = await entryBudget(counted, pre, i, fixedForEntry, problem.budget, bestAt, forest);
          } catch (e) {
            if (!(e instanceof Exhausted)) throw e;
            complete = false;
          }
        }
      }
      measures.push(m);
    }
    const upTo = options.frontierUpTo ?? Math.round(problem.budget * 1.5);
    let front: { points: FrontierPoint[]; truncated: boolean } = { points: [], truncated: false };
    if (options.frontier !== false) {
      const points: FrontierPoint[] = [];
      try {
        front = await frontier(counted, pre, options.frontierLimit ?? 150, upTo, points);
      } catch (e) {
        if (!(e instanceof Exhausted)) throw e;
        complete = false;
        front = { points, truncated: true };
      }
    }
    const selected = new Set([...minSet, ...plusSet]);
    return {
      status: "ok",
      ...base,
      measures,
      totals: { minimum: totalsOf(items, minSet), plus: totalsOf(items, plusSet), selected: totalsOf(items, selected), out: totalsOf(items, outSet) },
      frontier: front.points,
      frontierTruncated: front.truncated,
      frontierUpTo: upTo,
      complete,
      greedy: greedyComparison(pre, problem.budget, selected),
      findings: pre.findings,
    };
  } catch (e) {
    if (!(e instanceof SolverFailure)) throw e;
    // The solver's own text stays out: a person reads only what kind of failure it was.
    return { status: "failed", ...base, findings: [...pre.findings, selectionFinding("selection-solver-failed", "error", { cause: e.failure })] };
  }
}
