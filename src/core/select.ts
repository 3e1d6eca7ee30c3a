/**
 * `select`: the selection within a budget, put together. The minimum list (the optimum within the
 * minimum frame) and the plus list (what the full frame adds with the minimum list fixed), each
 * measure's list and, when out, its reason (see OutReason) and the smallest frame at which it would
 * enter; the frontier; the comparison with rank order. The model and its checks are in
 * selection-problem.ts, the solver calls in selection-solver.ts, entry budgets and the frontier in
 * selection-entry.ts (with selection-forest.ts), the rank-order comparison in selection-greedy.ts.
 */
import { prepare, SCORE_EPS, selectionFinding, sum, totalsOf, type Forced, type ListTotals, type OutReason, type Prepared, type SelectionFinding, type SelectionProblem } from "./selection-problem";
import { costOf, Exhausted, program, run, SolverFailure, valueOf, type BinarySolver } from "./selection-solver";
import { BestByFrame, entryBelow, entryBudget, frontier, frontierOfRow, type FrontierPoint } from "./selection-entry";
import { ForestBounds } from "./selection-forest";
import { entryProfile } from "./selection-profile";
import { coreEntries } from "./selection-core";
import { greedyComparison, type GreedyComparison } from "./selection-greedy";
import { ruleReason, rowsHold } from "./selection-rules";
import { selectionLists } from "./plan";
import { reducingSolver } from "./selection-reduce";

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
  /**
   * For measures out: the nearest frame (hundredths) at or above the current one at which it is in
   * a best selection; null when it is in at no such frame. Not "from": it may be out again above it.
   * Absent when not computed (the work bound, see `complete`) and for a measure without a total.
   */
  entersAt?: number | null;
  /**
   * For measures out: the nearest frame below the current one at which it is in a best selection
   * (the best selection is not monotone in the frame); null when at none. Absent as entersAt.
   */
  inBelow?: number | null;
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
  /** Compute the nearest frames above and below at which each measure out is in (default true). */
  entryBudgets?: boolean;
  /** Compute the efficient frontier (default true). */
  frontier?: boolean;
  /** At most this many frontier points (default 150). */
  frontierLimit?: number;
  /** The frontier's breakpoints up to this frame (hundredths; default 1,5 × the frame). */
  frontierUpTo?: number;
  /**
   * At most this many solver calls for the entry frames and the frontier together (default
   * `defaultMaxSolves(n)`: 600 at 200 measures, fewer for more, as each call costs more): they take
   * a few solves per measure out and per breakpoint, so a large portfolio is bounded. Every call
   * counts one, whatever its size; the forest bounds of the entry frames take none; the tables the
   * entry frames are read off where they apply (selection-profile.ts) one per whole table's work. The frontier
   * gets at most a quarter of them first, the entry frames the rest, measures in order of score
   * (the best first). What was not reached is left out (entersAt and inBelow absent, frontier cut)
   * and `complete` is false. Deterministic: a count, not a clock.
   */
  maxSolves?: number;
  /** Told after each measure's entry frames: how many of the measures out are done. */
  onProgress?: (done: number, total: number) => void;
}

/** The default bound on solves: 120,000 / n, between 40 and 4,000 (600 at 200 measures). */
export const defaultMaxSolves = (n: number): number => Math.max(40, Math.min(4000, Math.round(120_000 / Math.max(1, n))));

/** The reason a measure is out of a selection `x` within `budget` (see OutReason). */
function reasonOut(pre: Prepared, i: number, x: boolean[], budget: number): OutReason {
  const { items, adj, excluded } = pre;
  const ex = excluded.get(i);
  if (ex) return ex;
  if (items[i].score === null) return { kind: "no-total" };
  const outPrereqs = adj[i].filter((j) => !x[j]);
  if (outPrereqs.length) return { kind: "requires-out", ids: outPrereqs.map((j) => items[j].id) };
  // Another of its either–or group is chosen, or an at-most quota is full (selection-rules.ts).
  const byRule = ruleReason(pre.rows, pre.quotas, items, i, x);
  if (byRule) return byRule;
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

/**
 * Leaves out of a selection every measure that adds no score (no total, or 0) and that nothing
 * chosen presupposes, unless it is in `keep` (forced, or the minimum list): the solver may take one
 * when money is left, but it buys nothing. One that an at-least quota needs stays (selection-rules.ts:
 * the rules hold without it, or it is kept). The selection stays admissible and just as good.
 */
function withoutIdle(pre: Prepared, x: boolean[], keep: Set<number>): boolean[] {
  const y = [...x];
  for (let changed = true; changed; ) {
    changed = false;
    const needed = new Set<number>();
    y.forEach((inY, i) => inY && pre.adj[i].forEach((j) => needed.add(j)));
    y.forEach((inY, i) => {
      if (!inY || keep.has(i) || needed.has(i) || (pre.items[i].score ?? 0) > 0) return;
      y[i] = false;
      if (rowsHold(pre.rows, y)) changed = true;
      else y[i] = true;
    });
  }
  return y;
}

export async function select(problem: SelectionProblem, injected: BinarySolver, options: SelectOptions = {}): Promise<SelectionResult> {
  // Every program goes through the reduction (selection-reduce.ts): most are settled by bounds and
  // the forest's dynamic program, and the injected solver gets only what is left.
  const solver = reducingSolver(injected);
  const pre = prepare(problem);
  const minimum = problem.minimum ?? null;
  const base = { budget: problem.budget, minimum };
  if (pre.infeasible) return { status: "infeasible", ...base, findings: pre.findings };
  const { items } = pre;
  try {
    const pMin = program(pre, minimum ?? problem.budget, pre.forcedClosure);
    // With an at-least quota (selection-rules.ts) the lists come from the plan's program with one step
    // (plan.ts): the minimum list alone need not meet the quota, the whole selection must.
    const byRules = pre.rows.some((r) => r.sense === ">=") ? await selectionLists(problem, pre, solver) : null;
    if (byRules && "conflict" in byRules) return { status: "infeasible", ...base, findings: [...pre.findings, ...byRules.conflict] };
    // Its selection as a whole without what adds no score (the rules still holding).
    const kept = byRules ? withoutIdle(pre, items.map((_, i) => byRules.minimum.has(i) || byRules.plus.has(i)), pre.forcedClosure) : null;
    const solvedMin = byRules && kept ? items.map((_, i) => byRules.minimum.has(i) && kept[i]) : await run(solver, pMin);
    if (!solvedMin) throw new SolverFailure("no selection within the minimum frame although the forced measures fit");
    const xMin = byRules ? solvedMin : withoutIdle(pre, solvedMin, pre.forcedClosure);
    const minSet = new Set(items.map((_, i) => i).filter((i) => xMin[i]));
    let x = xMin;
    let plusSet = new Set<number>();
    if (byRules && kept && minimum !== null) {
      plusSet = new Set([...byRules.plus].filter((i) => kept[i]));
      x = items.map((_, i) => minSet.has(i) || plusSet.has(i));
    } else if (minimum !== null) {
      const pPlus = program(pre, problem.budget, minSet);
      const solvedPlus = await run(solver, pPlus);
      if (!solvedPlus) throw new SolverFailure("no selection within the frame with the minimum list fixed");
      const xPlus = withoutIdle(pre, solvedPlus, minSet);
      x = xPlus;
      plusSet = new Set(items.map((_, i) => i).filter((i) => xPlus[i] && !minSet.has(i)));
    }
    let solvesLeft = options.maxSolves ?? defaultMaxSolves(items.length);
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
    const measures: SelectionMeasure[] = items.map((it, i) => {
      const list: ListName = minSet.has(i) ? "minimum" : plusSet.has(i) ? "plus" : "out";
      return {
        id: it.id,
        name: it.name,
        cost: it.cost,
        score: it.score,
        requires: it.requires,
        forced: it.forced,
        list,
        reason: list === "out" ? reasonOut(pre, i, x, problem.budget) : null,
      };
    });
    const outSet = items.map((_, i) => i).filter((i) => measures[i].list === "out");

    // The frontier first, with at most a quarter of the solves (without a minimum frame its optimal
    // selections also prove entry frames).
    const upTo = options.frontierUpTo ?? Math.round(problem.budget * 1.5);
    let front: { points: FrontierPoint[]; truncated: boolean } = { points: [], truncated: false };
    if (options.frontier !== false) {
      const points: FrontierPoint[] = [];
      const share = Number.isFinite(solvesLeft) ? Math.floor(solvesLeft / 4) : Infinity;
      let own = share;
      const shared: BinarySolver = {
        solve: (p) => {
          if (own-- <= 0) throw new Exhausted();
          return counted.solve(p);
        },
      };
      // Read off f's table where the tables apply (selection-profile.ts), its work counted as for the entry frames.
      const table = pre.rows.length === 0 ? entryProfile(pre, pre.forcedClosure, [], 0, Math.max(0, solvesLeft), upTo) : null;
      const read = table?.best && table.unit ? frontierOfRow(table.best, table.unit, sum([...pre.forcedClosure].map((i) => items[i].cost ?? 0)), options.frontierLimit ?? 150) : null;
      if (table && read) solvesLeft -= table.tables;
      try {
        if (read) {
          // Beyond the row's end (the last frame asked for), one min-cost solve tells whether there is a better value.
          const last = read.points[read.points.length - 1].score;
          const more = read.open ? await run(shared, program(pre, sum(items.map((it) => it.cost ?? 0)), pre.forcedClosure, "min-cost", last + SCORE_EPS)) : true;
          front = { points: read.points, truncated: more !== null };
        } else front = await frontier(shared, pre, options.frontierLimit ?? 150, upTo, points, minimum === null ? bestAt : null);
      } catch (e) {
        if (!(e instanceof Exhausted)) throw e;
        complete = false;
        front = { points: read ? read.points : points, truncated: true };
      }
    }

    if (options.entryBudgets !== false) {
      // A measure without a total gets none: it is in a best selection only as what another
      // presupposes. A measure that can never be chosen (held out, no cost, on a ring) is in at no frame.
      for (const i of outSet) if (pre.excluded.has(i)) measures[i].entersAt = measures[i].inBelow = null;
      const asked = outSet.filter((i) => items[i].score !== null && !pre.excluded.has(i));
      // Read off the tables of f and of each g_j where they are exact (selection-profile.ts): no solve.
      // Its work counts against the bound on solves, a whole table as one.
      const profile = entryProfile(pre, fixedForEntry, asked, problem.budget, Math.max(0, solvesLeft), problem.budget);
      // The tables may stop before the last frame (their window): a measure not in within them, or
      // not read off them at all, goes on by the solves below.
      let unsettled = profile ? asked.filter((i) => profile.frames.get(i)?.above === undefined) : asked;
      // Progress counts the measures settled, by the tables and then by the solves, of all asked about.
      let done = 0;
      if (profile) {
        solvesLeft -= profile.tables;
        for (const i of asked) {
          const fr = profile.frames.get(i);
          if (fr?.above !== undefined) measures[i].entersAt = fr.above;
          if (fr) measures[i].inBelow = fr.below;
          if (fr?.above !== undefined) options.onProgress?.(++done, asked.length);
        }
      }
      if (profile && unsettled.length > 0) {
        // Beyond the tables' window: window by window on a core (selection-core.ts), no solve either.
        const beyond = unsettled.map((i) => profile.frames.get(i)?.beyond).filter((b): b is number => b !== undefined);
        const start = Math.min(...beyond);
        const core = coreEntries(pre, fixedForEntry, unsettled.filter((i) => profile.frames.get(i)?.beyond !== undefined), start, Math.max(0, solvesLeft));
        solvesLeft -= core.tables;
        for (const [i, a] of core.above) {
          measures[i].entersAt = a;
          options.onProgress?.(++done, asked.length);
        }
        unsettled = unsettled.filter((i) => !core.above.has(i));
      }
      const forest = items.length > 0 && unsettled.length > 0 ? ForestBounds.build(pre, fixedForEntry) : null;
      forest?.exact(costOf(pMin, x), problem.budget, valueOf(pMin, x));
      forest?.tighten(problem.budget, valueOf(pMin, x));
      // Else by bounds and solves, the best first, so that a bound leaves out the measures furthest from the line.
      const todo = unsettled.sort((i, k) => (items[k].score ?? 0) - (items[i].score ?? 0) || i - k);
      for (const i of todo) {
        try {
          const relaxed = forest ? forest.withMeasure(i) : null;
          // Out at every frame the tables reached: the search goes on beyond them.
          const start = Math.max(problem.budget, profile?.frames.get(i)?.beyond ?? problem.budget);
          measures[i].entersAt = await entryBudget(counted, pre, i, fixedForEntry, start, bestAt, forest, relaxed);
          if (measures[i].inBelow === undefined) measures[i].inBelow = await entryBelow(counted, pre, i, fixedForEntry, problem.budget, bestAt, forest, relaxed);
        } catch (e) {
          // Out of solves: the measures after it may still be settled by the forest bounds alone.
          if (!(e instanceof Exhausted)) throw e;
          complete = false;
        }
        options.onProgress?.(++done, asked.length);
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
