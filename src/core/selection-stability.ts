/**
 * How stable is the minimum list (and the plus list) to one weight: for a node's weight w (every
 * other weight fixed), the interval in which the selection within the budget frame keeps the same
 * measures, and at each end which measures enter and which leave.
 *
 * Why it is exact. With one weight t varying, every measure's total is T_i(t) = (a_i + b_i·t) / D(t)
 * with a denominator D(t) = Q0 + Q1·t > 0 common to all measures (src/core/sensitivity.ts,
 * totalForms: for a top-level group under "sum" D = 1, under "mean" D = S + t; for a node below, D
 * is the weight of its parent's children with a value, common when no measure has a blank there).
 * The selection (src/core/select.ts) maximises Σ score_i·x_i over the admissible selections,
 * nothing else (no tie-break term), so a fixed selection x is worth (A_x + B_x·t) / D(t): up to the
 * positive D, a line. The best worth f(t) = max over x is then, up to D, the upper envelope of
 * finitely many lines: piecewise linear and convex. The list now, S₀, is optimal at t₀, and stays
 * optimal exactly on the segment of the envelope its line lies on.
 *
 * The search (Eisner–Severance, one side at a time, every step an exact solve). Upwards: L = a
 * selection of the steepest line (one solve, objective b). If S₀'s line is as steep, S₀ is optimal
 * for every t ≥ t₀ (upper null). Otherwise intersect S₀'s line with L's at t×, solve at t×: if the
 * optimum beats S₀ there, it becomes L and the step repeats; if not, f equals S₀'s line on [t₀, t×]
 * (a convex function equal to a line at both ends and never below it), and beyond t× L is strictly
 * better: t× is the end and L the selection just beyond it (every line through the breakpoint that
 * is steeper than L would beat L where L was found optimal). Downwards the same, starting from the
 * optimum at t = 0. Each new L is a different line of the envelope, so the search ends; `maxSolves`
 * bounds it anyway, and a node whose search hit the bound is reported as incomplete, never guessed.
 *
 * Equal optima (the rule). The list now is the solver's choice at the weights now, as `select`
 * makes it. The interval is where that list stays optimal. If another selection is worth exactly
 * as much now but its line is steeper (or flatter), any increase (decrease) of the weight makes it
 * strictly better: the interval ends at the current weight on that side. Beyond an end, the list
 * reported is the one whose line is optimal just beyond it; selections worth the same at every
 * weight (measures with identical costs and scores) are not told apart, the solver picks one.
 * "Strictly better" means better by more than 10⁻⁹ (relative) score points, below the solver's
 * own optimality gap.
 *
 * The plus list (with a minimum frame): the optimum within the full frame with the minimum list
 * fixed. Inside the minimum list's interval it is the same kind of parametric problem, searched the
 * same way; its interval is the part of the minimum list's where it also stays, and at an end
 * where the minimum list changes the plus list beyond is the new one with the new minimum list
 * fixed (found by the same search started at the breakpoint).
 *
 * Weight 0 is where the node stops counting (some measures may gain or lose a total there): the
 * intervals are over positive weights, a lower end of 0 means nothing changes for any positive
 * weight below. A node whose weight is 0 now is not analysed.
 */
import type { Assessment } from "./assess";
import { allNodes, findNode } from "./model";
import { prepare, type Prepared, type SelectionFinding, type SelectionProblem } from "./selection-problem";
import { feasible, program, type BinaryProgram, type BinarySolver, type FailureCause } from "./selection-solver";
import { reducingSolver } from "./selection-reduce";
import { totalForms } from "./sensitivity";

/** Measures (ids, in the problem's order) that enter and leave a list at an end of the interval. */
export interface ListChange {
  enters: string[];
  leaves: string[];
}

export interface ListInterval {
  /** The lowest weight down to which the list stays (0: it stays for every positive weight below). */
  lower: number;
  /** The highest weight up to which the list stays; null when it stays however high. */
  upper: number | null;
  /** What changes just below `lower` (null when lower is 0). */
  atLower: ListChange | null;
  /** What changes just above `upper` (null when upper is null). */
  atUpper: ListChange | null;
}

export type NodeListStability =
  | {
      nodeId: string;
      weight: number;
      status: "ok";
      minimum: ListInterval;
      /** The plus list's interval (inside the minimum list's); null without a minimum frame. */
      plus: ListInterval | null;
      /** Solver calls this node took (the lists now are solved once for all nodes, not counted here). */
      solves: number;
    }
  /**
   * "zero-weight": the node weighs 0 now; "not-linear": measures with blanks below the node's
   * parent give their totals different denominators, so the worth of a list is not a line in the
   * weight; "incomplete": the search reached `maxSolves` (nothing is guessed).
   */
  | { nodeId: string; weight: number; status: "zero-weight" | "not-linear" | "incomplete"; solves: number };

export type ListStabilityReport =
  | {
      status: "ok";
      /** The lists now (ids in the problem's order); plus is null without a minimum frame. */
      minimum: string[];
      plus: string[] | null;
      nodes: NodeListStability[];
      /** False when some node is incomplete. */
      complete: boolean;
    }
  | { status: "infeasible" | "failed"; findings: SelectionFinding[] };

export interface ListStabilityOptions {
  /** Every node of the tree, not only the top-level groups. */
  allNodes?: boolean;
  /** At most this many solver calls per node (default 200). Deterministic: a count, not a clock. */
  maxSolves?: number;
}

/** A selection and its line: worth (a + b·t) / D(t). */
interface Line {
  x: boolean[];
  a: number;
  b: number;
}

class Exhausted extends Error {}
class Failed extends Error {
  constructor(
    detail: string,
    readonly failure: FailureCause = "error",
  ) {
    super(detail);
  }
}

/** Relative tolerance of "strictly better" (score points, relative to the worth). */
const REL = 1e-9;
const better = (v: number, than: number): boolean => v > than + REL * Math.max(1, Math.abs(than));

/** Per-measure lines (a_i, b_i) over a common denominator (q0, q1), or null when the denominators differ. */
function linesOf(assessment: Assessment, nodeId: string, ids: string[]): { a: number[]; b: number[]; q0: number; q1: number } | null {
  const forms = totalForms(assessment, nodeId);
  if (!forms) return null;
  const fs = ids.map((id) => forms.get(id) ?? null);
  // A form whose ratio does not move with t (p0·q1 = p1·q0, e.g. the node is the only child with a value) is a constant.
  const still = (f: NonNullable<(typeof fs)[number]>): boolean => Math.abs(f.p0 * f.q1 - f.p1 * f.q0) <= 1e-12 * Math.max(1, Math.abs(f.p0 * f.q1), Math.abs(f.p1 * f.q0));
  const moving = fs.filter((f): f is NonNullable<typeof f> => f !== null && !still(f));
  const q0 = moving[0]?.q0 ?? 1;
  const q1 = moving[0]?.q1 ?? 0;
  const a: number[] = [];
  const b: number[] = [];
  for (const f of fs) {
    if (f === null) {
      a.push(0);
      b.push(0);
    } else if (still(f)) {
      // A constant c = c·D(t) / D(t).
      const c = f.q0 !== 0 ? f.p0 / f.q0 : f.p1 / f.q1;
      a.push(c * q0);
      b.push(c * q1);
    } else {
      // Proportional denominators: (q0, q1) = k·(f.q0, f.q1) with k > 0.
      const k = q1 !== 0 ? q1 / f.q1 : q0 / f.q0;
      if (!(k > 0) || Math.abs(f.q0 * k - q0) > 1e-12 * Math.max(1, Math.abs(q0)) || Math.abs(f.q1 * k - q1) > 1e-12 * Math.max(1, Math.abs(q1))) return null;
      a.push(f.p0 * k);
      b.push(f.p1 * k);
    }
  }
  return { a, b, q0, q1 };
}

/** One parametric problem: the program (frame, fixed measures) with the objective a + b·t. */
class Parametric {
  constructor(
    private readonly base: BinaryProgram,
    private readonly a: number[],
    private readonly b: number[],
    private readonly q0: number,
    private readonly q1: number,
    private readonly solve: (p: BinaryProgram) => Promise<boolean[] | null>,
  ) {}

  line(x: boolean[]): Line {
    let a = 0;
    let b = 0;
    for (let i = 0; i < x.length; i++) if (x[i]) (a += this.a[i]), (b += this.b[i]);
    return { x, a, b };
  }

  /** The worth of a line at t in score points (numerator only where D(t) is 0). */
  worth(l: Line, t: number): number {
    const d = this.q0 + this.q1 * t;
    return (l.a + l.b * t) / (d > 0 ? d : 1);
  }

  private async best(value: number[]): Promise<Line> {
    const x = await this.solve({ ...this.base, value });
    if (!x) throw new Failed("no admissible selection although there was one");
    return this.line(x);
  }

  /** An optimal selection at weight t. */
  at(t: number): Promise<Line> {
    const d = this.q0 + this.q1 * t;
    const s = d > 0 ? d : 1;
    return this.best(this.a.map((a, i) => (a + this.b[i] * t) / s));
  }

  /**
   * From `s0` (optimal at t0), the nearest weight on one side where another selection becomes
   * strictly better, and the selection optimal just beyond it; `at` null when none (upwards: for
   * every weight above; downwards: for every positive weight below, `at` is then 0).
   */
  async side(dir: 1 | -1, t0: number, s0: Line): Promise<{ at: number | null; next: Line | null }> {
    let L: Line;
    if (dir === 1) {
      // The steepest line: the optimum as t grows without bound (ties in slope do not matter here).
      L = await this.best(this.b.slice());
      if (!better(L.b, s0.b)) return { at: null, next: null };
    } else {
      L = await this.at(0);
      if (!better(this.worth(L, 0), this.worth(s0, 0))) return { at: null, next: null };
    }
    for (;;) {
      // S₀'s and L's lines meet at t× (L is steeper upwards, flatter downwards).
      let tx = (s0.a - L.a) / (L.b - s0.b);
      if (!Number.isFinite(tx)) tx = t0;
      tx = dir === 1 ? Math.max(tx, t0) : Math.min(Math.max(tx, 0), t0);
      const y = await this.at(tx);
      if (better(this.worth(y, tx), this.worth(s0, tx))) {
        L = y;
        continue;
      }
      if (dir === -1 && tx === 0) return { at: null, next: null };
      return { at: tx, next: L };
    }
  }
}

const members = (x: boolean[]): Set<number> => new Set(x.map((v, i) => (v ? i : -1)).filter((i) => i >= 0));

function change(ids: string[], before: Set<number>, after: Set<number>): ListChange {
  return {
    enters: [...after].filter((i) => !before.has(i)).sort((p, q) => p - q).map((i) => ids[i]),
    leaves: [...before].filter((i) => !after.has(i)).sort((p, q) => p - q).map((i) => ids[i]),
  };
}

const nearer = (dir: 1 | -1, p: number | null, q: number | null): number | null => {
  if (p === null) return q;
  if (q === null) return p;
  return dir === 1 ? Math.min(p, q) : Math.max(p, q);
};

async function nodeStability(
  assessment: Assessment,
  problem: SelectionProblem,
  pre: Prepared,
  solver: BinarySolver,
  nodeId: string,
  maxSolves: number,
  now: { xMin: boolean[]; xPlus: boolean[] | null },
): Promise<NodeListStability> {
  const node = findNode(assessment.model, nodeId)!;
  const t0 = node.weight;
  const ids = pre.items.map((it) => it.id);
  let solves = 0;
  if (!(Number.isFinite(t0) && t0 > 0)) return { nodeId, weight: t0, status: "zero-weight", solves };
  const lines = linesOf(assessment, nodeId, ids);
  if (!lines) return { nodeId, weight: t0, status: "not-linear", solves };
  const solve = async (p: BinaryProgram): Promise<boolean[] | null> => {
    if (solves >= maxSolves) throw new Exhausted();
    solves++;
    const r = await solver.solve(p);
    if (r.status === "infeasible") return null;
    if (r.status === "failed") throw new Failed(r.detail, r.cause);
    if (!feasible(p, r.x)) throw new Failed("the solver returned a selection that breaks a constraint");
    return r.x;
  };
  const minimumFrame = problem.minimum ?? null;
  const param = (frame: number, fixed: Set<number>) => new Parametric(program(pre, frame, fixed), lines.a, lines.b, lines.q0, lines.q1, solve);
  try {
    const xMin = now.xMin;
    const minP = param(minimumFrame ?? problem.budget, pre.forcedClosure);
    const s0 = minP.line(xMin);
    const minSet = members(xMin);
    const up = await minP.side(1, t0, s0);
    const down = await minP.side(-1, t0, s0);
    const minimum: ListInterval = {
      lower: down.at ?? 0,
      upper: up.at,
      atLower: down.next ? change(ids, minSet, members(down.next.x)) : null,
      atUpper: up.next ? change(ids, minSet, members(up.next.x)) : null,
    };
    if (minimumFrame === null) return { nodeId, weight: t0, status: "ok", minimum, plus: null, solves };

    // The plus list: the full frame with the minimum list fixed.
    const plusP = param(problem.budget, minSet);
    const xPlus = now.xPlus!;
    const p0 = plusP.line(xPlus);
    const plusNow = new Set([...members(xPlus)].filter((i) => !minSet.has(i)));
    const plusSide = async (dir: 1 | -1, own: { at: number | null; next: Line | null }, min: { at: number | null; next: Line | null }) => {
      const at = nearer(dir, own.at, min.at);
      if (at === null) return { at: null, change: null };
      if (at !== min.at) {
        // The plus list's own end, the minimum list unchanged.
        const after = new Set([...members(own.next!.x)].filter((i) => !minSet.has(i)));
        return { at, change: change(ids, plusNow, after) };
      }
      // The minimum list changes here: the plus list beyond is the optimum with the new one fixed,
      // just beyond the breakpoint (the start if it stays optimal beyond, else the line after it).
      const newMin = members(min.next!.x);
      const beyond = param(problem.budget, newMin);
      const start = await beyond.at(at);
      const next = await beyond.side(dir, at, start);
      const chosen = next.at !== null && Math.abs(next.at - at) <= 1e-12 * Math.max(1, at) ? next.next! : start;
      const after = new Set([...members(chosen.x)].filter((i) => !newMin.has(i)));
      return { at, change: change(ids, plusNow, after) };
    };
    const ownUp = await plusP.side(1, t0, p0);
    const ownDown = await plusP.side(-1, t0, p0);
    const pu = await plusSide(1, ownUp, up);
    const pd = await plusSide(-1, ownDown, down);
    const plus: ListInterval = { lower: pd.at ?? 0, upper: pu.at, atLower: pd.change, atUpper: pu.change };
    return { nodeId, weight: t0, status: "ok", minimum, plus, solves };
  } catch (e) {
    if (e instanceof Exhausted) return { nodeId, weight: t0, status: "incomplete", solves };
    throw e;
  }
}

/**
 * The stability of the minimum list (and the plus list) to every top-level group weight, or with
 * `allNodes` every node weight, in model order. `problem`'s items are matched to the assessment's
 * measures by id; their scores are the assessment's totals (a measure without one counts 0).
 */
export async function listStability(
  assessment: Assessment,
  problem: SelectionProblem,
  injected: BinarySolver,
  options: ListStabilityOptions = {},
): Promise<ListStabilityReport> {
  // Every solve goes through the reduction (selection-reduce.ts); the injected solver gets what is left.
  const solver = reducingSolver(injected);
  const totals = new Map(assessment.measures.map((m) => [m.id, m.total]));
  const scored: SelectionProblem = { ...problem, items: problem.items.map((it) => ({ ...it, score: totals.get(it.id) ?? null })) };
  const pre = prepare(scored);
  if (pre.infeasible) return { status: "infeasible", findings: pre.findings };
  const nodes = options.allNodes ? allNodes(assessment.model) : assessment.model.criteria;
  const out: NodeListStability[] = [];
  try {
    // The lists now, as select() makes them (the program with today's totals), shared by every node.
    const ids = pre.items.map((it) => it.id);
    const checked = async (p: BinaryProgram, what: string): Promise<boolean[]> => {
      const r = await solver.solve(p);
      if (r.status !== "optimal") throw new Failed(r.status === "failed" ? r.detail : what, r.status === "failed" ? r.cause : "error");
      if (!feasible(p, r.x)) throw new Failed("the solver returned a selection that breaks a constraint");
      return r.x;
    };
    const xMin = await checked(program(pre, scored.minimum ?? scored.budget, pre.forcedClosure), "no selection within the minimum frame");
    const minSet = members(xMin);
    const hasMinimum = scored.minimum !== undefined && scored.minimum !== null;
    const xPlus = hasMinimum ? await checked(program(pre, scored.budget, minSet), "no selection within the frame with the minimum list fixed") : null;
    const plus = xPlus ? ids.filter((_, i) => xPlus[i] && !minSet.has(i)) : null;
    for (const n of nodes) out.push(await nodeStability(assessment, scored, pre, solver, n.id, options.maxSolves ?? 200, { xMin, xPlus }));
    return {
      status: "ok",
      minimum: ids.filter((_, i) => minSet.has(i)),
      plus,
      nodes: out,
      complete: out.every((n) => n.status !== "incomplete"),
    };
  } catch (e) {
    if (!(e instanceof Failed)) throw e;
    return { status: "failed", findings: [...pre.findings, { code: "selection-solver-failed", severity: "error", params: { cause: e.failure } }] };
  }
}
