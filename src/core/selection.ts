/**
 * Selection within a budget: which measures to carry out when the money is limited.
 *
 * The exact model. Every measure i has a cost c_i (whole hundredths of a MNOK, so sums are exact
 * integers) and a score s_i (its total; a measure without a total counts 0). Choose x_i ∈ {0, 1}
 * to maximise Σ s_i x_i subject to
 *   Σ c_i x_i ≤ frame                              (the budget frame)
 *   Σ_{i in segment g} c_i x_i ≤ limit_g           (optional per-segment limits)
 *   x_i ≤ x_j for every j that i presupposes       (chosen only with all it presupposes)
 *   x_i = 1 when forced in (Tas med), x_i = 0 when forced out (Holdes utenfor).
 * The minimum list is the optimum within the minimum frame; the plus list is what the full frame
 * adds with the minimum list fixed in. Without a minimum frame the whole selection is the minimum list.
 *
 * The search is done by a mixed-integer solver behind `BinarySolver` (src/solve/highs.ts): core
 * builds the program and checks every answer it gets back (feasibility in exact integers, values
 * recomputed here), so a solver defect cannot pass as a result.
 *
 * Tolerance: costs are exact (integers). Totals of score are floating-point sums; two totals that
 * differ by at most SCORE_EPS (10⁻⁶ score points) count as equal. "Smallest budget at which a
 * measure enters" means: the smallest frame ≥ the current one at which some optimal selection
 * (within SCORE_EPS of the best) includes it, with the same forced choices, limits and minimum list.
 * They are found (entryBudget) with bounds from a dynamic program over every frame at once
 * (src/core/tree-knapsack.ts, no solver), which settle most frames, and solves only where those do not.
 */
import type { ParamValue, Severity } from "./findings";
import { forestKnapsack, knapsackCells, knapsackUnits, type ForestItem } from "./tree-knapsack";

/** Totals that differ by at most this many score points are equal. */
export const SCORE_EPS = 1e-6;
/** Costs and frames are counted in hundredths of a MNOK (10 000 kr). */
export const COST_UNITS_PER_MNOK = 100;

export type Forced = "in" | "out" | null;

/**
 * Findings of the selection: its inputs (read in src/grid/selection-inputs.ts) and its analysis.
 * The same shape as the workbook's findings (code, severity, cell, measure, parameters), kept
 * apart so that their messages (src/i18n/selection.ts) load only with the selection.
 */
export type SelectionFindingCode =
  | "selection-cycle"
  | "selection-forced-blocked"
  | "selection-forced-over-budget"
  | "selection-forced-over-segment"
  | "selection-minimum-over-budget"
  | "selection-solver-failed"
  | "selection-cost-invalid"
  | "selection-cost-missing"
  | "selection-cost-rounded"
  | "selection-requires-unknown"
  | "selection-requires-self"
  | "selection-requires-text"
  | "selection-choice-invalid"
  | "selection-frame-invalid"
  | "selection-frame-missing";

export interface SelectionFinding {
  code: SelectionFindingCode;
  severity: Severity;
  cell?: string;
  measureId?: string;
  params: Record<string, ParamValue>;
}

export function selectionFinding(
  code: SelectionFindingCode,
  severity: Severity,
  params: Record<string, ParamValue>,
  where: { cell?: string; measureId?: string } = {},
): SelectionFinding {
  const f: SelectionFinding = { code, severity, params };
  if (where.cell !== undefined) f.cell = where.cell;
  if (where.measureId !== undefined) f.measureId = where.measureId;
  return f;
}

export interface SelectionItem {
  id: string;
  name: string;
  /** Whole hundredths of a MNOK; null when the measure has no valid cost (it cannot be chosen). */
  cost: number | null;
  /** The measure's total; null (no total) counts 0. */
  score: number | null;
  /** Ids of the measures it presupposes (known ids only; the reader reports the rest). */
  requires: string[];
  forced: Forced;
  /** Segment from the checklist (Samstyre, Koordinere, …), for per-segment limits. */
  segment?: string;
  /** Position in the ranking (1 = best), for the comparison with rank order; null when unranked. */
  rank?: number | null;
  /** Cells for findings: the name, cost, Forutsetter and Valg cells of the measure. */
  cells?: { name?: string; cost?: string; requires?: string; forced?: string };
}

export interface SelectionProblem {
  items: SelectionItem[];
  /** The full frame, hundredths of a MNOK. */
  budget: number;
  /** The minimum frame, hundredths of a MNOK. */
  minimum?: number | null;
  /** Per-segment limits, hundredths of a MNOK, by segment name. */
  segmentLimits?: Record<string, number>;
  cells?: { budget?: string; minimum?: string; segments?: Record<string, string> };
}

// ─────────────────────────────── the solver interface ───────────────────────────────

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

export type BinaryAnswer = { status: "optimal"; x: boolean[] } | { status: "infeasible" } | { status: "failed"; detail: string };

export interface BinarySolver {
  solve(p: BinaryProgram): Promise<BinaryAnswer>;
}

// ─────────────────────────────── results ───────────────────────────────

export type ListName = "minimum" | "plus" | "out";

export type OutReason =
  | { kind: "held-out" }
  | { kind: "no-cost" }
  | { kind: "cycle"; ids: string[] }
  /** A prerequisite that can never be chosen (held out, no cost, in a cycle). */
  | { kind: "requires-excluded"; ids: string[] }
  /** Prerequisites that are out of this selection. */
  | { kind: "requires-out"; ids: string[] }
  /** It (with what it presupposes and is not chosen) costs more than the money left. */
  | { kind: "budget"; cost: number; left: number }
  | { kind: "segment"; segment: string; cost: number; left: number }
  /** It would fit but adds no score (no total, or 0). */
  | { kind: "no-gain" };

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

export interface ListTotals {
  count: number;
  cost: number;
  score: number;
}

export interface FrontierPoint {
  /** The smallest frame (hundredths) at which `score` is reached. */
  budget: number;
  score: number;
}

export interface GreedyComparison {
  /** Ids chosen by rank order (forced-in first, then down the ranking until a measure does not fit). */
  ids: string[];
  totals: ListTotals;
  /** In the exact selection, not in rank order. */
  onlyExact: string[];
  /** In rank order, not in the exact selection. */
  onlyGreedy: string[];
  /** The first measure in rank order that did not fit, where the line was drawn. */
  stoppedAt: string | null;
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

// ─────────────────────────────── structure ───────────────────────────────

/** Tarjan's strongly connected components over "presupposes" edges; returns the cycles (size > 1 or a self-loop). */
export function dependencyCycles(items: SelectionItem[]): string[][] {
  const index = new Map(items.map((it, i) => [it.id, i]));
  const adj = items.map((it) => it.requires.map((r) => index.get(r)).filter((j): j is number => j !== undefined));
  const idx: number[] = new Array(items.length).fill(-1);
  const low: number[] = new Array(items.length).fill(0);
  const onStack: boolean[] = new Array(items.length).fill(false);
  const stack: number[] = [];
  const out: string[][] = [];
  let counter = 0;
  // Iterative, so a long chain of 10 000 measures does not overflow the call stack.
  for (let s = 0; s < items.length; s++) {
    if (idx[s] !== -1) continue;
    const work: [number, number][] = [[s, 0]];
    idx[s] = low[s] = counter++;
    stack.push(s);
    onStack[s] = true;
    while (work.length) {
      const top = work[work.length - 1];
      const [v, k] = top;
      if (k < adj[v].length) {
        top[1]++;
        const w = adj[v][k];
        if (idx[w] === -1) {
          idx[w] = low[w] = counter++;
          stack.push(w);
          onStack[w] = true;
          work.push([w, 0]);
        } else if (onStack[w]) low[v] = Math.min(low[v], idx[w]);
      } else {
        work.pop();
        if (work.length) low[work[work.length - 1][0]] = Math.min(low[work[work.length - 1][0]], low[v]);
        if (low[v] === idx[v]) {
          const comp: number[] = [];
          let w: number;
          do {
            w = stack.pop()!;
            onStack[w] = false;
            comp.push(w);
          } while (w !== v);
          if (comp.length > 1 || adj[v].includes(v)) out.push(comp.sort((a, b) => a - b).map((i) => items[i].id));
        }
      }
    }
  }
  return out;
}

/** All measures a measure presupposes, directly or through others (not itself unless in a cycle). */
function closureOf(start: number[], adj: number[][]): Set<number> {
  const seen = new Set<number>();
  const todo = [...start];
  while (todo.length) {
    const v = todo.pop()!;
    for (const w of adj[v]) if (!seen.has(w)) (seen.add(w), todo.push(w));
  }
  return seen;
}

const sum = (xs: number[]): number => xs.reduce((a, b) => a + b, 0);

export interface Prepared {
  items: SelectionItem[];
  adj: number[][];
  /** Why a measure can never be chosen, by index. */
  excluded: Map<number, OutReason>;
  /** Forced in, with everything they presuppose. */
  forcedClosure: Set<number>;
  findings: SelectionFinding[];
  infeasible: boolean;
  limits: { segment: string; members: number[]; cap: number }[];
}

const mnok = (hundredths: number): number => hundredths / COST_UNITS_PER_MNOK;

/**
 * The structural analysis before any search: what can never be chosen, what forced choices cannot
 * be honoured, and whether the forced measures fit the frames. Exact; names the cells.
 */
export function prepare(problem: SelectionProblem): Prepared {
  const items = problem.items;
  const findings: SelectionFinding[] = [];
  const index = new Map(items.map((it, i) => [it.id, i]));
  const adj = items.map((it) => it.requires.map((r) => index.get(r)).filter((j): j is number => j !== undefined));
  const excluded = new Map<number, OutReason>();
  items.forEach((it, i) => {
    if (it.forced === "out") excluded.set(i, { kind: "held-out" });
    else if (it.cost === null) excluded.set(i, { kind: "no-cost" });
  });
  for (const cycle of dependencyCycles(items)) {
    const first = items[index.get(cycle[0])!];
    findings.push(
      selectionFinding(
        "selection-cycle",
        "error",
        { ids: cycle, names: cycle.map((id) => items[index.get(id)!].name), cells: cycle.map((id) => items[index.get(id)!].cells?.requires ?? "") },
        { cell: first.cells?.requires ?? first.cells?.name, measureId: first.id },
      ),
    );
    for (const id of cycle) if (!excluded.has(index.get(id)!)) excluded.set(index.get(id)!, { kind: "cycle", ids: cycle });
  }
  // A measure that presupposes one that can never be chosen cannot be chosen either.
  const root = new Map<number, number[]>();
  for (let changed = true; changed; ) {
    changed = false;
    items.forEach((_, i) => {
      if (excluded.has(i)) return;
      const bad = adj[i].filter((j) => excluded.has(j));
      if (bad.length) {
        excluded.set(i, { kind: "requires-excluded", ids: bad.map((j) => items[j].id) });
        root.set(i, bad);
        changed = true;
      }
    });
  }
  // Forced in but impossible: the forcing is not honoured, and said so.
  const forcedIn: number[] = [];
  items.forEach((it, i) => {
    if (it.forced !== "in") return;
    const why = excluded.get(i);
    if (!why) {
      forcedIn.push(i);
      return;
    }
    const blockers = [...closureOf([i], adj)].filter((j) => excluded.has(j) && excluded.get(j)!.kind !== "requires-excluded");
    findings.push(
      selectionFinding(
        "selection-forced-blocked",
        "error",
        {
          measure: it.name,
          id: it.id,
          why: why.kind,
          blockers: blockers.map((j) => items[j].name),
          blockerIds: blockers.map((j) => items[j].id),
          blockerReasons: blockers.map((j) => excluded.get(j)!.kind),
          blockerCells: blockers.map((j) => items[j].cells?.forced ?? items[j].cells?.cost ?? items[j].cells?.name ?? ""),
        },
        { cell: it.cells?.forced ?? it.cells?.name, measureId: it.id },
      ),
    );
  });
  const forcedClosure = new Set<number>([...forcedIn, ...closureOf(forcedIn, adj)]);
  const cost = (set: Iterable<number>): number => sum([...set].map((i) => items[i].cost ?? 0));
  let infeasible = false;

  const limits: { segment: string; members: number[]; cap: number }[] = [];
  for (const [segment, cap] of Object.entries(problem.segmentLimits ?? {})) {
    limits.push({ segment, members: items.map((it, i) => (it.segment === segment ? i : -1)).filter((i) => i >= 0), cap });
  }

  if (problem.minimum !== undefined && problem.minimum !== null && problem.minimum > problem.budget) {
    infeasible = true;
    findings.push(
      selectionFinding("selection-minimum-over-budget", "error", { minimum: mnok(problem.minimum), budget: mnok(problem.budget) }, { cell: problem.cells?.minimum }),
    );
  }
  const frame = problem.minimum ?? problem.budget;
  const forcedCost = cost(forcedClosure);
  const forcedNames = (set: Iterable<number>) => [...set].sort((a, b) => a - b).map((i) => items[i].name);
  const forcedCells = (set: Iterable<number>) => [...set].sort((a, b) => a - b).map((i) => items[i].cells?.forced ?? items[i].cells?.name ?? "");
  if (forcedCost > frame) {
    infeasible = true;
    const isMinimum = problem.minimum !== undefined && problem.minimum !== null;
    findings.push(
      selectionFinding(
        "selection-forced-over-budget",
        "error",
        {
          cost: mnok(forcedCost),
          frame: mnok(frame),
          minimum: isMinimum,
          names: forcedNames(forcedClosure),
          forcedNames: forcedNames(forcedIn),
          cells: forcedCells(forcedIn),
        },
        { cell: (isMinimum ? problem.cells?.minimum : problem.cells?.budget) ?? forcedCells(forcedIn)[0] },
      ),
    );
  }
  for (const l of limits) {
    const inSeg = [...forcedClosure].filter((i) => items[i].segment === l.segment);
    const c = cost(inSeg);
    if (c > l.cap) {
      infeasible = true;
      findings.push(
        selectionFinding(
          "selection-forced-over-segment",
          "error",
          { segment: l.segment, cost: mnok(c), limit: mnok(l.cap), names: forcedNames(inSeg) },
          { cell: problem.cells?.segments?.[l.segment] },
        ),
      );
    }
  }
  return { items, adj, excluded, forcedClosure, findings, infeasible, limits };
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

class SolverFailure extends Error {}
/** Thrown by the counting solver when the analysis' solve budget is spent. */
class Exhausted extends Error {}

async function run(solver: BinarySolver, p: BinaryProgram): Promise<boolean[] | null> {
  const a = await solver.solve(p);
  if (a.status === "infeasible") return null;
  if (a.status === "failed") throw new SolverFailure(a.detail);
  if (!feasible(p, a.x)) throw new SolverFailure("the solver returned a selection that breaks a constraint");
  return a.x;
}

// ─────────────────────────────── the selection ───────────────────────────────

function totalsOf(items: SelectionItem[], chosen: Iterable<number>): ListTotals {
  const list = [...chosen];
  return { count: list.length, cost: sum(list.map((i) => items[i].cost ?? 0)), score: sum(list.map((i) => items[i].score ?? 0)) };
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

/**
 * f(B), the best total with `fixedIn` fixed at frame B, as far as the search has needed it, shared
 * by every measure's entry budget. One max-value solve at b that finds x (cost c ≤ b) fixes f on
 * the whole interval [c, b] (f rises with B, f(c) ≥ value(x) = f(b)), so a later question inside a
 * known interval costs no solve; and x, optimal throughout [c, b], puts each measure in it in an
 * optimal selection there.
 */
class BestByFrame {
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

/** Above this many cells (measures × cost units) the entry budgets go without the forest bounds. */
const FOREST_CELLS = 4_000_000;
/** Exact f by subsets of the measures with more than one prerequisite: at most this many of them, and 2^k × cells. */
const EXACT_MULTI = 8;
const EXACT_CELLS = 200_000_000;
/** The steps of f the first staircase solve of a measure covers (the window doubles while it comes back empty). */
const ENTRY_WINDOW = 32;

/**
 * Bounds on f and on g_j (the best total with j chosen too) at every frame, from the forest
 * relaxation (src/core/tree-knapsack.ts): each measure keeps only its first prerequisite, segment
 * limits are dropped. Its best value is a ceiling (every real selection is a relaxed one); its best
 * selection, repaired to honour every rule (missing prerequisites of a forced measure added, any
 * other measure missing one dropped), is a real selection and so a floor. Where the two meet, f is
 * known without a solve; where g_j's ceiling is below f's floor, j is proven out; where g_j's floor
 * reaches f's ceiling, j is proven in. Exact where the forest is the whole truth (no measure with
 * two prerequisites, no segment limits): then no solve is needed at all.
 */
class ForestBounds {
  readonly unit: number;
  readonly units: number;
  private readonly items: ForestItem[];
  /** f's floor by unit (running maximum of repaired selections and exact values). */
  private readonly fLow: Float64Array;
  /** f's ceiling by unit (the relaxation, or exact values where known). */
  private readonly fHigh: Float64Array;
  /** True when fLow = fHigh = f at every unit. */
  exactF = false;
  /** The table of the relaxation with a measure (withMeasure), reused. */
  private readonly buffer: Float64Array;

  static build(pre: Prepared, fixedIn: Set<number>): ForestBounds | null {
    const items: ForestItem[] = pre.items.map((it, i) => ({
      cost: it.cost ?? 0,
      value: it.score ?? 0,
      parent: pre.excluded.has(i) ? -1 : (pre.adj[i][0] ?? -1),
      banned: pre.excluded.has(i),
    }));
    if (items.some((it) => it.cost < 0 || !Number.isInteger(it.cost))) return null;
    if (knapsackCells(items) > FOREST_CELLS) return null;
    return new ForestBounds(pre, fixedIn, items);
  }

  private constructor(
    private readonly pre: Prepared,
    private readonly fixedIn: Set<number>,
    items: ForestItem[],
  ) {
    this.items = items;
    ({ unit: this.unit, units: this.units } = knapsackUnits(items));
    this.buffer = new Float64Array((items.length + 1) * (this.units + 1));
    this.fLow = new Float64Array(this.units + 1);
    this.fHigh = new Float64Array(this.units + 1);
    // Exact f when few measures presuppose more than one and no segment is limited: every real
    // selection S is a selection of the forest in which the measures T = S ∩ (those with more than
    // one prerequisite) are chosen with all they presuppose and the others of them are not, and
    // every such forest selection is real; so f is the best over the subsets T.
    const multi = items.map((_, i) => i).filter((i) => pre.adj[i].length > 1 && !pre.excluded.has(i) && !fixedIn.has(i));
    if (pre.limits.length === 0 && multi.length <= EXACT_MULTI && knapsackCells(items) * 2 ** multi.length <= EXACT_CELLS) {
      this.fHigh.fill(-Infinity);
      for (let t = 0; t < 1 << multi.length; t++) {
        const forced = new Set(fixedIn);
        const banned = new Set<number>();
        multi.forEach((i, k) => {
          if (t & (1 << k)) for (const w of [i, ...closureOf([i], pre.adj)]) forced.add(w);
          else banned.add(i);
        });
        const dp = forestKnapsack(
          items.map((it, i) => ({ ...it, banned: it.banned || banned.has(i) })),
          items.map((_, i) => forced.has(i)),
          this.buffer,
        );
        for (let u = 0; u <= this.units; u++) this.fHigh[u] = Math.max(this.fHigh[u], dp.best(u));
      }
      this.fLow.set(this.fHigh);
      this.exactF = true;
      return;
    }
    // A second floor: the forest without the measures that presuppose more than one (real
    // selections as they stand, segment limits checked by repair).
    const strict = items.some((_, i) => pre.adj[i].length > 1)
      ? forestKnapsack(
          items.map((it, i) => ({ ...it, banned: it.banned || pre.adj[i].length > 1 })),
          items.map((_, i) => fixedIn.has(i)),
        )
      : null;
    const relaxed = forestKnapsack(items, items.map((_, i) => fixedIn.has(i)));
    let low = -Infinity;
    for (let u = 0; u <= this.units; u++) {
      this.fHigh[u] = relaxed.best(u);
      const r = this.repair(relaxed.selection(u), fixedIn, u);
      if (r !== null && r.value > low) low = r.value;
      if (strict && strict.best(u) > low) {
        const t = this.repair(strict.selection(u), fixedIn, u);
        if (t !== null && t.value > low) low = t.value;
      }
      this.fLow[u] = low;
    }
  }

  /** The unit of frame b (every selection's cost is a whole number of units). */
  unitOf(b: number): number {
    return Math.min(Math.floor(b / this.unit), this.units);
  }

  low(u: number): number {
    return this.fLow[u];
  }

  high(u: number): number {
    return this.fHigh[u];
  }

  /** f is `value` on frames [lo, hi] (an optimal selection found there). */
  exact(lo: number, hi: number, value: number): void {
    for (let u = Math.max(0, Math.ceil(lo / this.unit)); u <= this.unitOf(hi); u++) {
      this.fLow[u] = Math.max(this.fLow[u], value);
      this.fHigh[u] = Math.min(this.fHigh[u], value);
    }
    for (let u = this.unitOf(hi) + 1; u <= this.units && this.fLow[u] < value; u++) this.fLow[u] = value;
  }

  /**
   * The relaxation with j (and all it presupposes) chosen: g_j's ceiling by unit, and a selection
   * to repair into a floor. Its table lives in one buffer reused from measure to measure.
   */
  withMeasure(j: number): { forced: Set<number>; high: (u: number) => number; selection: (u: number) => boolean[] | null } {
    const forced = new Set([...this.fixedIn, j, ...closureOf([j], this.pre.adj)]);
    const g = forestKnapsack(
      this.items,
      this.items.map((_, i) => forced.has(i)),
      this.buffer,
    );
    return { forced, high: (u) => g.best(u), selection: (u) => g.selection(u) };
  }

  /**
   * A relaxed selection made real within `u` units: a forced measure's missing prerequisites are
   * added (with theirs), any other measure missing one is dropped; null when that breaks the frame,
   * a segment limit or an exclusion.
   */
  repair(sel: boolean[] | null, forced: Set<number>, u: number): { x: boolean[]; value: number } | null {
    if (!sel) return null;
    const { adj, excluded, items } = this.pre;
    const x = sel.slice();
    for (let changed = true; changed; ) {
      changed = false;
      for (let i = 0; i < x.length; i++) {
        if (!x[i]) continue;
        const missing = adj[i].filter((q) => !x[q]);
        if (!missing.length) continue;
        changed = true;
        if (!forced.has(i)) {
          x[i] = false;
          continue;
        }
        for (const w of [...missing, ...closureOf(missing, adj)]) {
          if (excluded.has(w)) return null;
          x[w] = true;
        }
      }
    }
    let cost = 0;
    let value = 0;
    for (let i = 0; i < x.length; i++) if (x[i]) (cost += items[i].cost ?? 0), (value += items[i].score ?? 0);
    if (cost > u * this.unit) return null;
    for (const l of this.pre.limits) if (sum(l.members.filter((i) => x[i]).map((i) => items[i].cost ?? 0)) > l.cap) return null;
    return { x, value };
  }
}

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
async function entryBudget(
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
async function frontier(
  solver: BinarySolver,
  pre: Prepared,
  limit: number,
  upTo: number,
  points: FrontierPoint[] = [],
): Promise<{ points: FrontierPoint[]; truncated: boolean }> {
  const fixedIn = pre.forcedClosure;
  const all = sum(pre.items.map((it) => it.cost ?? 0));
  let b = sum([...fixedIn].map((i) => pre.items[i].cost ?? 0));
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

/** Rank order: forced measures first, then down the ranking until a measure does not fit. */
function greedy(pre: Prepared, budget: number): { chosen: Set<number>; stoppedAt: number | null } {
  const { items, adj, excluded } = pre;
  const chosen = new Set(pre.forcedClosure);
  const costOfSet = () => sum([...chosen].map((i) => items[i].cost ?? 0));
  const ranked = items
    .map((it, i) => ({ it, i }))
    .filter(({ it, i }) => it.score !== null && !chosen.has(i))
    .sort((a, b) => (b.it.score! - a.it.score! > SCORE_EPS ? 1 : a.it.score! - b.it.score! > SCORE_EPS ? -1 : (a.it.rank ?? Infinity) - (b.it.rank ?? Infinity) || a.i - b.i));
  for (const { i } of ranked) {
    if (excluded.has(i) || adj[i].some((j) => !chosen.has(j))) continue;
    const c = items[i].cost ?? 0;
    const segmentFull = pre.limits.some((l) => items[i].segment === l.segment && sum(l.members.filter((k) => chosen.has(k)).map((k) => items[k].cost ?? 0)) + c > l.cap);
    if (costOfSet() + c > budget || segmentFull) return { chosen, stoppedAt: i };
    chosen.add(i);
  }
  return { chosen, stoppedAt: null };
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
    const g = greedy(pre, problem.budget);
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
      greedy: {
        ids: [...g.chosen].sort((a, b) => a - b).map((i) => items[i].id),
        totals: totalsOf(items, g.chosen),
        onlyExact: [...selected].filter((i) => !g.chosen.has(i)).sort((a, b) => a - b).map((i) => items[i].id),
        onlyGreedy: [...g.chosen].filter((i) => !selected.has(i)).sort((a, b) => a - b).map((i) => items[i].id),
        stoppedAt: g.stoppedAt === null ? null : items[g.stoppedAt].id,
      },
      findings: pre.findings,
    };
  } catch (e) {
    if (!(e instanceof SolverFailure)) throw e;
    return { status: "failed", ...base, findings: [...pre.findings, selectionFinding("selection-solver-failed", "error", { detail: e.message })] };
  }
}
