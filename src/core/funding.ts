/**
 * How sure is the minimum list: each measure's chance of funding under uncertainty (the *core
 * index* of Robust Portfolio Modeling, Liesiö, Mild & Salo 2007; SMAA for portfolios, Tervonen,
 * Liesiö & Salo), with dependencies, forced choices, segment limits and the minimum/plus split.
 *
 * - Draws: exactly the Monte Carlo's (src/core/uncertainty-draw.ts createDrawer: the same options, the
 *   same seeded generators), so a seed gives the same weights and scores as `prio uncertainty`.
 * - Every draw: the exact selection of the selection model (src/core/selection-problem.ts) with
 *   the draw's totals as scores (a measure without a total counts 0, as in the selection): the
 *   minimum list (the optimum within the minimum frame) and the plus list (what the full frame adds
 *   with the minimum list fixed), every rule in force. Solved by src/core/draw-selection.ts; a step
 *   it does not settle within its bound on the work goes to the injected solver (HiGHS), whose
 *   answer is checked; a draw that is still not solved exactly is not counted, and the result says
 *   how many were done. Never a heuristic. With either–or groups or quotas (selection-rules.ts),
 *   which draw-selection.ts does not know, every step goes to the solver behind the reduction
 *   (selection-reduce.ts: groups alone are split into cases and solved by the forest's dynamic
 *   program); with an at-least quota a draw's lists are `select`'s (plan.ts selectionLists: the
 *   minimum list need not meet the quota, the whole selection must).
 * - Counts per measure: draws on the minimum list, on the plus list, selected at all. Shares are of
 *   the draws done. Label (robust): «core» when selected in at least `core` of them (default 95 %),
 *   «exterior» when in at most `exterior` (default 5 %), «borderline» between.
 * - What a council's choice implies (`given`): for a measure wanted on the minimum list (or off it),
 *   the share of the draws in which that holds, the mean weight of every top-level group in those
 *   draws against all draws, and the measures whose share on the minimum list falls most in those
 *   draws (those it displaces; for «off», the ones that gain most).
 */
import { createDrawer, DEFAULT_UNCERTAINTY, type ScoreDraw, type UncertaintyInput, type UncertaintyProblem, type WeightDraw, checkOptions } from "./uncertainty-draw";
import { prepare, type SelectionProblem } from "./selection-problem";
import { program, run, SolverFailure, type BinarySolver } from "./selection-solver";
import { DrawSelector, type DrawSelectionLimits, type DrawSelectionStats } from "./draw-selection";
import { selectionLists } from "./plan";
import { reducingSolver } from "./selection-reduce";

export type Robust = "core" | "borderline" | "exterior";

export interface FundingInput {
  /** The model and the measures with a total, in rank order, as the Monte Carlo takes them (uncertaintyInput). */
  draws: UncertaintyInput;
  /** The selection problem: every measure (cost, dependencies, forced choice, segment) and the frames. */
  problem: SelectionProblem;
}

export interface FundingOptions {
  draws: number;
  seed: number;
  weights: WeightDraw;
  scores: ScoreDraw;
  /** Core: selected in at least this share of the draws done (default 0.95). */
  core?: number;
  /** Exterior: selected in at most this share (default 0.05). */
  exterior?: number;
  /** The bound on the work of the fast path per step (src/core/draw-selection.ts). */
  limits?: DrawSelectionLimits;
}

/** The most draws one run takes: every draw's lists are kept for `given` (draws × measures bytes). */
export const MAX_FUNDING_DRAWS = 100_000;

export const DEFAULT_FUNDING: FundingOptions = {
  draws: 1000,
  seed: DEFAULT_UNCERTAINTY.seed,
  weights: DEFAULT_UNCERTAINTY.weights,
  scores: DEFAULT_UNCERTAINTY.scores,
  core: 0.95,
  exterior: 0.05,
};

export type FundingProblem = UncertaintyProblem | "core";

/** A problem with the options, as a code the catalogs render; null when they are fine. */
export function checkFundingOptions(o: FundingOptions): FundingProblem | null {
  if (!Number.isInteger(o.draws) || o.draws < 1 || o.draws > MAX_FUNDING_DRAWS) return "draws";
  const p = checkOptions({ draws: o.draws, seed: o.seed, weights: o.weights, scores: o.scores });
  if (p) return p;
  const core = o.core ?? 0.95;
  const exterior = o.exterior ?? 0.05;
  if (!(core > 0.5 && core <= 1 && exterior >= 0 && exterior < 0.5)) return "core";
  return null;
}

export interface FundingResult {
  /** "infeasible": the forced measures cannot be honoured (the selection's findings say why); no draw is done. */
  status: "ok" | "infeasible";
  requested: number;
  /** Draws solved exactly and counted. */
  done: number;
  /** Of those, draws in which a step went to the injected solver. */
  bySolver: number;
  seed: number;
  weights: WeightDraw;
  scores: ScoreDraw;
  core: number;
  exterior: number;
  /** The selection's measures, in the problem's order. */
  ids: string[];
  names: string[];
  /** Counts over the draws done: on the minimum list, on the plus list, selected at all. */
  minimum: number[];
  plus: number[];
  selected: number[];
  /** The top-level groups (model order): id and the weight in force. */
  groups: { id: string; weight: number }[];
  /** The lists of the draws done, draw by draw (done × measures): 0 out, 1 minimum list, 2 plus list. */
  lists: Uint8Array;
  /** The top-level groups' weights of the draws done, draw by draw (done × groups). */
  drawnWeights: Float64Array;
  /** The work of the fast path (for the bench). */
  stats: DrawSelectionStats;
}

export interface Funding {
  /** Draws attempted so far (done or not). */
  readonly attempted: number;
  readonly total: number;
  /** Runs up to `count` more draws; returns the number attempted so far. */
  step(count: number): Promise<number>;
  result(): FundingResult;
}

export function createFunding(input: FundingInput, options: FundingOptions, solver?: BinarySolver): Funding {
  const { problem } = input;
  const items = problem.items;
  const n = items.length;
  const G = input.draws.model.criteria.length;
  const total = Math.max(0, Math.floor(options.draws));
  const pre = prepare(problem);
  const minimum = problem.minimum ?? null;
  const selector = DrawSelector.create(pre, problem.budget, minimum, options.limits);
  const drawer = createDrawer(input.draws, options);
  // Each selection measure's total in the draw: the Monte Carlo's measure of the same id, else 0.
  const source = new Map(input.draws.measures.map((m, k) => [m.id, k]));
  const from = Int32Array.from(items, (it) => source.get(it.id) ?? -1);
  const values = new Float64Array(n);
  const lists = new Uint8Array(total * n);
  const drawnWeights = new Float64Array(total * G);
  const counts = { minimum: new Array<number>(n).fill(0), plus: new Array<number>(n).fill(0), selected: new Array<number>(n).fill(0) };
  let attempted = 0;
  let done = 0;
  let bySolver = 0;

  // Rule rows (either–or groups, quotas) are beyond the fast path: every step by the solver, behind the reduction.
  const ruled = pre.rows.length > 0;
  const atLeast = pre.rows.some((r) => r.sense === ">=");
  const stepSolver = solver && ruled ? reducingSolver(solver) : solver;

  /** A step the fast path did not settle, by the solver (checked); null when it cannot be solved. */
  const bySolverStep = async (min: Uint8Array | null): Promise<Uint8Array | null> => {
    if (!stepSolver || !selector) return null;
    const { frame, fixedIn } = selector.stepOf(min);
    const p = { ...program(pre, frame, fixedIn), value: Array.from(values) };
    try {
      const x = await run(stepSolver, p);
      return x ? Uint8Array.from(x, (b) => (b ? 1 : 0)) : null;
    } catch (e) {
      if (e instanceof SolverFailure) return null;
      throw e;
    }
  };

  /** A draw done: its lists (1 minimum, 2 plus, 0 out) counted, its weights kept. */
  const count = (out: Uint8Array): void => {
    for (let i = 0; i < n; i++) {
      const l = out[i];
      if (l === 1) counts.minimum[i]++;
      else if (l === 2) counts.plus[i]++;
      if (l) counts.selected[i]++;
    }
    drawnWeights.set(drawer.groupWeights, done * G);
    done++;
  };

  const oneDraw = async (): Promise<void> => {
    drawer.next();
    attempted++;
    if (!selector) return;
    for (let i = 0; i < n; i++) values[i] = from[i] >= 0 ? drawer.totals[from[i]] : 0;
    const out = lists.subarray(done * n, (done + 1) * n);
    if (atLeast) {
      // The draw's lists as `select` makes them under an at-least quota; not done when they cannot be solved.
      if (!stepSolver) return;
      const drawn: SelectionProblem = { ...problem, items: items.map((it, i) => ({ ...it, score: it.score === null ? null : values[i] })) };
      let r: Awaited<ReturnType<typeof selectionLists>>;
      try {
        r = await selectionLists(drawn, prepare(drawn), stepSolver);
      } catch (e) {
        if (e instanceof SolverFailure) return;
        throw e;
      }
      if ("conflict" in r) return;
      for (let i = 0; i < n; i++) out[i] = r.minimum.has(i) ? 1 : r.plus.has(i) ? 2 : 0;
      bySolver++;
      count(out);
      return;
    }
    let solved = false;
    let min = ruled ? null : selector.minimumList(values);
    if (!min) {
      min = await bySolverStep(null);
      solved = min !== null;
    }
    if (!min) return;
    if (ruled || !selector.plusFrom(values, min, out)) {
      const all = minimum === null ? min : await bySolverStep(min);
      if (!all) return;
      solved = true;
      for (let i = 0; i < n; i++) out[i] = min[i] ? 1 : all[i] ? 2 : 0;
    }
    if (solved) bySolver++;
    count(out);
  };

  return {
    get attempted() {
      return attempted;
    },
    total,
    async step(count: number): Promise<number> {
      const until = Math.min(total, attempted + Math.max(0, Math.floor(count)));
      while (attempted < until) await oneDraw();
      return attempted;
    },
    result(): FundingResult {
      return {
        status: selector ? "ok" : "infeasible",
        requested: total,
        done,
        bySolver,
        seed: options.seed,
        weights: options.weights,
        scores: options.scores,
        core: options.core ?? 0.95,
        exterior: options.exterior ?? 0.05,
        ids: items.map((it) => it.id),
        names: items.map((it) => it.name),
        minimum: [...counts.minimum],
        plus: [...counts.plus],
        selected: [...counts.selected],
        groups: input.draws.model.criteria.map((g) => ({ id: g.id, weight: Number.isFinite(g.weight) && g.weight > 0 ? g.weight : 0 })),
        lists: lists.slice(0, done * n),
        drawnWeights: drawnWeights.slice(0, done * G),
        stats: selector ? { ...selector.stats } : { steps: 0, nodes: 0, atRoot: 0, unsolved: 0 },
      };
    },
  };
}

/** All draws at once. */
export async function fund(input: FundingInput, options: FundingOptions, solver?: BinarySolver): Promise<FundingResult> {
  const f = createFunding(input, options, solver);
  await f.step(f.total);
  return f.result();
}

/** A measure's shares of the draws done and its label; null shares when no draw was done. */
export interface FundingShares {
  pMinimum: number | null;
  pPlus: number | null;
  pSelected: number | null;
  robust: Robust | null;
}

export function sharesOf(r: FundingResult, i: number): FundingShares {
  if (r.done === 0) return { pMinimum: null, pPlus: null, pSelected: null, robust: null };
  const d = r.done;
  return { pMinimum: r.minimum[i] / d, pPlus: r.plus[i] / d, pSelected: r.selected[i] / d, robust: robustOf(r.selected[i], d, r.core, r.exterior) };
}

/** The label by counts (so that 95 of 100 is core at 95 % without a rounding question). */
export function robustOf(selected: number, done: number, core: number, exterior: number): Robust {
  if (selected >= core * done - 1e-9) return "core";
  if (selected <= exterior * done + 1e-9) return "exterior";
  return "borderline";
}

export interface GivenWeight {
  group: string;
  /** The group's mean weight in the draws where the choice holds; null when it never holds. */
  mean: number | null;
  /** Its mean weight over all draws done. */
  meanAll: number;
  /** Its weight in force. */
  now: number;
}

export interface GivenOther {
  id: string;
  name: string;
  /** Its share on the minimum list in the draws where the choice holds. */
  share: number;
  /** Its share on the minimum list in all draws done. */
  shareAll: number;
}

export interface GivenResult {
  id: string;
  name: string;
  /** True: wanted on the minimum list; false: wanted off it. */
  on: boolean;
  /** Draws in which it holds, and their share of the draws done (null when none was done). */
  count: number;
  share: number | null;
  weights: GivenWeight[];
  /** On: the measures whose share on the minimum list falls most when it holds; off: those that gain most. */
  others: GivenOther[];
}

/** How many measures `given` names as displaced (or gaining). */
export const GIVEN_OTHERS = 3;

/** What the council's choice «id on (off) the minimum list» implies about the weights and the other measures. */
export function given(r: FundingResult, id: string, on: boolean): GivenResult | null {
  const k = r.ids.indexOf(id);
  if (k < 0) return null;
  const n = r.ids.length;
  const G = r.groups.length;
  const sum = new Float64Array(G);
  const sumAll = new Float64Array(G);
  const minWhen = new Float64Array(n);
  let count = 0;
  for (let d = 0; d < r.done; d++) {
    const row = d * n;
    const holds = (r.lists[row + k] === 1) === on;
    for (let g = 0; g < G; g++) sumAll[g] += r.drawnWeights[d * G + g];
    if (!holds) continue;
    count++;
    for (let g = 0; g < G; g++) sum[g] += r.drawnWeights[d * G + g];
    for (let i = 0; i < n; i++) if (r.lists[row + i] === 1) minWhen[i]++;
  }
  const weights = r.groups.map((g, t) => ({ group: g.id, mean: count ? sum[t] / count : null, meanAll: r.done ? sumAll[t] / r.done : g.weight, now: g.weight }));
  const others: GivenOther[] = [];
  if (count > 0)
    for (let i = 0; i < n; i++) {
      if (i === k) continue;
      const share = minWhen[i] / count;
      const shareAll = r.minimum[i] / r.done;
      const change = on ? shareAll - share : share - shareAll;
      if (change > 0) others.push({ id: r.ids[i], name: r.names[i], share, shareAll });
    }
  others.sort((a, b) => (on ? b.shareAll - b.share - (a.shareAll - a.share) : b.share - b.shareAll - (a.share - a.shareAll)) || r.ids.indexOf(a.id) - r.ids.indexOf(b.id));
  return { id, name: r.names[k], on, count, share: r.done ? count / r.done : null, weights, others: others.slice(0, GIVEN_OTHERS) };
}
