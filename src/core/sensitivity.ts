/**
 * Weight stability: for one node's weight, with every other weight fixed, the interval in which
 * no two measures that are strictly ordered now change places, and the swap at each end.
 *
 * The exact dependence of a total on one weight w (derived from aggregate.ts):
 * - a top-level group, total "sum":  T(w) = A + w·v            (linear);
 * - a top-level group, total "mean": T(w) = (A + w·v) / (S + w) (S = the other top-level weights;
 *   the same denominator for every ranked measure, so the order is that of A + w·v);
 * - a node below a group p: p's value is (a + w·b) / (s + w), where a and s are the weighted sum
 *   and the weight of p's *other* children that have a value for this measure (so s differs
 *   between measures with blanks), and p enters the total linearly: T = α + β·v_p. Hence
 *   T(w) = (α·s + β·a + w·(α + β·b)) / (s + w).
 * Every case is T(w) = (p0 + p1·w) / (q0 + q1·w) with a positive denominator for w > 0, so two
 * measures i, j are equal where (p0ᵢ + p1ᵢw)(q0ⱼ + q1ⱼw) − (p0ⱼ + p1ⱼw)(q0ᵢ + q1ᵢw) = 0: a quadratic
 * (linear for a top-level group under "sum"), solved exactly. A pair changes places at a root where
 * the difference changes sign; the interval ends at the nearest such root on each side of the
 * current weight. Pairs tied now (within the model's tolerance, as in rank.ts) are reported as tied
 * and do not narrow the interval.
 *
 * A weight of exactly 0 leaves the node out: a measure without a value there may then gain a total
 * (or, from 0 upwards, lose one); such measures are listed in `changesAtZero`.
 */
import type { Assessment, MeasureResult } from "./assess";
import { nodeValues, totalOf } from "./aggregate";
import { allNodes, leaves, pathTo, withWeight, type CriterionNode, type Model } from "./model";
import { nearlyEqual } from "./rank";

/** Two measures change places at weight `at`: `above` is above now, `below` passes it. */
export interface Swap {
  above: string;
  below: string;
  at: number;
}

export interface WeightInterval {
  nodeId: string;
  /** The weight now. */
  weight: number;
  /** The lowest weight down to which no place changes (0 when none does above 0). */
  lower: number;
  /** The highest weight up to which no place changes; null when nothing ever overtakes. */
  upper: number | null;
  /** The swap at `lower` (null when lower is 0 without a swap there). */
  lowerSwap: Swap | null;
  /** The swap at `upper` (null when upper is null). */
  upperSwap: Swap | null;
  /** Of the two, the one nearest the current weight (the smallest change that swaps two measures). */
  firstSwap: Swap | null;
  /** Pairs of measures tied now (ids); they do not narrow the interval. */
  tied: [string, string][];
  /** Measures that gain (or lose) a total when the weight is exactly 0 (or, from 0, any positive weight). */
  changesAtZero: string[];
}

/** For a cut (top N): the weight interval in which no measure crosses it, and the first crossing each way. */
export interface CutInterval {
  nodeId: string;
  /** The number of places in the cut: measures ranked N or better are inside. */
  top: number;
  weight: number;
  lower: number;
  upper: number | null;
  /** `above` is inside the cut now and drops out; `below` comes in. */
  lowerCross: Swap | null;
  upperCross: Swap | null;
  firstCross: Swap | null;
}

export interface Stability {
  interval: WeightInterval;
  cuts: CutInterval[];
}

/** T(w) = (p0 + p1·w) / (q0 + q1·w) for w > 0. */
interface Form {
  p0: number;
  p1: number;
  q0: number;
  q1: number;
}

const counts = (w: number): boolean => Number.isFinite(w) && w > 0;

/** Leaf values (effective: inverted leaves already turned) of a scored measure. */
function leafValuesOf(model: Model, m: MeasureResult): Record<string, number | null> {
  const out: Record<string, number | null> = {};
  for (const l of leaves(model)) out[l.id] = m.values[l.id] ?? null;
  return out;
}

/**
 * A measure's total as a function of the weight of the node at the end of `path` (top-level first),
 * from its node values computed with that node at a positive weight. Null when it has no total then.
 */
function formOf(model: Model, path: CriterionNode[], values: Record<string, number | null>): Form | null {
  const total = totalOf(model, values).total;
  if (total === null) return null;
  const constant = (): Form => ({ p0: total, p1: 0, q0: 1, q1: 0 });
  const top = path[0];
  // Below a top-level group that does not count, the node cannot move the total.
  if (path.length > 1 && !counts(top.weight)) return constant();
  const others = model.criteria.filter((g) => g !== top && counts(g.weight));
  if (others.some((g) => values[g.id] === null || values[g.id] === undefined)) return null;
  const vTop = values[top.id];
  if (vTop === null || vTop === undefined) return null;
  const A = others.reduce((s, g) => s + g.weight * (values[g.id] as number), 0);
  const S = others.reduce((s, g) => s + g.weight, 0);
  const mean = model.total === "mean";
  if (path.length === 1) return mean ? { p0: A, p1: vTop, q0: S, q1: 1 } : { p0: A, p1: vTop, q0: 1, q1: 0 };

  // T = α + β·v(top); the top group's weight is fixed here.
  const D = mean ? S + top.weight : 1;
  let alpha = A / D;
  let beta = top.weight / D;
  // Down to the parent of the varying node: each level is linear in the next node's value.
  for (let i = 0; i < path.length - 2; i++) {
    const parent = path[i];
    const next = path[i + 1];
    const vNext = values[next.id];
    if (vNext === null || vNext === undefined) return constant();
    let num = 0;
    let den = 0;
    for (const c of parent.children!) {
      const v = values[c.id];
      if (v === null || v === undefined || !counts(c.weight)) continue;
      den += c.weight;
      if (c !== next) num += c.weight * v;
    }
    alpha += (beta * num) / den;
    beta *= next.weight / den;
  }
  const parent = path[path.length - 2];
  const node = path[path.length - 1];
  const b = values[node.id];
  if (b === null || b === undefined) return constant();
  let a = 0;
  let s = 0;
  for (const c of parent.children!) {
    const v = values[c.id];
    if (c === node || v === null || v === undefined || !counts(c.weight)) continue;
    a += c.weight * v;
    s += c.weight;
  }
  return { p0: alpha * s + beta * a, p1: alpha + beta * b, q0: s, q1: 1 };
}

const evaluate = (f: Form, w: number): number => (f.p0 + f.p1 * w) / (f.q0 + f.q1 * w);

/** The total at weights just above 0 (the limit w → 0+). */
const atZeroPlus = (f: Form): number => (f.q0 > 0 ? f.p0 / f.q0 : f.p1 / f.q1);

/**
 * The positive weights at which f_i − f_j changes sign, ascending. Roots of even multiplicity (the
 * two touch without passing) are not changes of place and are left out.
 */
export function crossings(fi: Form, fj: Form): number[] {
  const c2 = fi.p1 * fj.q1 - fj.p1 * fi.q1;
  const c1 = fi.p0 * fj.q1 + fi.p1 * fj.q0 - fj.p0 * fi.q1 - fj.p1 * fi.q0;
  const c0 = fi.p0 * fj.q0 - fj.p0 * fi.q0;
  const out: number[] = [];
  const scale = Math.max(Math.abs(c2), Math.abs(c1), Math.abs(c0));
  if (scale === 0) return out;
  const tiny = 1e-14 * scale;
  if (Math.abs(c2) <= tiny) {
    if (Math.abs(c1) > tiny) out.push(-c0 / c1);
  } else {
    const disc = c1 * c1 - 4 * c2 * c0;
    if (disc <= 0) return out; // no real root, or a double root: no change of sign
    // The numerically stable pair of roots.
    const q = -0.5 * (c1 + (c1 >= 0 ? 1 : -1) * Math.sqrt(disc));
    out.push(q / c2);
    if (q !== 0) out.push(c0 / q);
  }
  return out.filter((r) => Number.isFinite(r) && r > 0).sort((a, b) => a - b);
}

interface Candidate {
  at: number;
  swap: Swap;
}

/** Keeps the nearest crossing on each side of w0 (ties: the first found, which is the higher-ranked pair). */
class Nearest {
  lower: Candidate | null = null;
  upper: Candidate | null = null;
  offer(roots: number[], w0: number, above: string, below: string): void {
    for (const r of roots) {
      if (r > w0) {
        if (!this.upper || r < this.upper.at) this.upper = { at: r, swap: { above, below, at: r } };
        break;
      }
    }
    for (let k = roots.length - 1; k >= 0; k--) {
      const r = roots[k];
      if (r < w0) {
        if (!this.lower || r > this.lower.at) this.lower = { at: r, swap: { above, below, at: r } };
        break;
      }
    }
  }
}

const nearer = (w0: number, lo: Swap | null, hi: Swap | null): Swap | null =>
  !lo ? hi : !hi ? lo : w0 - lo.at < hi.at - w0 ? lo : hi;

export interface StabilityOptions {
  /** Cuts to analyse: measures ranked N or better are inside. */
  cuts?: number[];
}

/**
 * The stability of the ranking in `assessment` to the weight of node `nodeId` (any node: a
 * top-level group, a subgroup or a leaf). Null when the node is not in the model.
 */
export function weightStability(assessment: Assessment, nodeId: string, options: StabilityOptions = {}): Stability | null {
  const model = assessment.model;
  const path = pathTo(model, nodeId);
  if (path.length === 0) return null;
  const node = path[path.length - 1];
  const w0 = node.weight;
  const tol = model.tolerance;
  const positive = counts(w0) ? model : withWeight(model, nodeId, 1);
  const positivePath = pathTo(positive, nodeId);
  const zero = withWeight(model, nodeId, 0);

  const ranked = assessment.measures.filter((m) => m.rank !== null && m.total !== null);
  const changesAtZero: string[] = [];
  const forms = new Map<string, Form>();
  for (const m of assessment.measures) {
    const lv = leafValuesOf(model, m);
    const valuesPos = counts(w0) ? m.values : nodeValues(positive, lv);
    const hasNow = m.rank !== null && m.total !== null;
    const hasPos = totalOf(positive, valuesPos).total !== null;
    const hasZero = totalOf(zero, counts(w0) ? nodeValues(zero, lv) : m.values).total !== null;
    if (hasPos !== hasZero) changesAtZero.push(m.id);
    if (hasNow && hasPos) {
      const f = formOf(positive, positivePath, valuesPos);
      if (f) forms.set(m.id, f);
    }
  }

  const tied: [string, string][] = [];
  const all = new Nearest();
  const cuts = (options.cuts ?? []).filter((n) => Number.isInteger(n) && n >= 1);
  const perCut = cuts.map(() => new Nearest());
  // From 0 upwards a measure gaining or losing its total changes the list at once.
  let blockedAtZero = !counts(w0) && ranked.some((m) => !forms.has(m.id));
  if (!counts(w0) && !blockedAtZero) {
    // The order just above 0 must be the order at 0 for the interval to reach past it.
    for (let i = 0; i < ranked.length && !blockedAtZero; i++)
      for (let j = 0; j < ranked.length; j++) {
        const a = ranked[i];
        const b = ranked[j];
        if (a.total! > b.total! && !nearlyEqual(a.total!, b.total!, tol) && !(atZeroPlus(forms.get(a.id)!) > atZeroPlus(forms.get(b.id)!))) {
          blockedAtZero = true;
          break;
        }
      }
    if (!blockedAtZero && changesAtZero.length > 0) blockedAtZero = true;
  }

  for (let i = 0; i < ranked.length; i++) {
    for (let j = i + 1; j < ranked.length; j++) {
      const a = ranked[i];
      const b = ranked[j];
      if (nearlyEqual(a.total!, b.total!, tol)) {
        tied.push([a.id, b.id]);
        continue;
      }
      const [hi, lo] = a.total! > b.total! ? [a, b] : [b, a];
      const fh = forms.get(hi.id);
      const fl = forms.get(lo.id);
      if (!fh || !fl) continue;
      const roots = crossings(fh, fl);
      all.offer(roots, w0, hi.id, lo.id);
      cuts.forEach((n, k) => {
        if (hi.rank! <= n && lo.rank! > n) perCut[k].offer(roots, w0, hi.id, lo.id);
      });
    }
  }

  const build = (nearest: Nearest) => {
    if (blockedAtZero) return { lower: 0, upper: 0, lowerSwap: null, upperSwap: null };
    return {
      lower: nearest.lower?.at ?? 0,
      upper: nearest.upper?.at ?? null,
      lowerSwap: nearest.lower?.swap ?? null,
      upperSwap: nearest.upper?.swap ?? null,
    };
  };
  const overall = build(all);
  return {
    interval: {
      nodeId,
      weight: w0,
      ...overall,
      firstSwap: nearer(w0, overall.lowerSwap, overall.upperSwap),
      tied,
      changesAtZero,
    },
    cuts: cuts.map((top, k) => {
      const c = build(perCut[k]);
      return {
        nodeId,
        top,
        weight: w0,
        lower: c.lower,
        upper: c.upper,
        lowerCross: c.lowerSwap,
        upperCross: c.upperSwap,
        firstCross: nearer(w0, c.lowerSwap, c.upperSwap),
      };
    }),
  };
}

/** Stability for every top-level group, or (with `allNodes`) every node of the tree, in model order. */
export function stabilityReport(assessment: Assessment, options: StabilityOptions & { allNodes?: boolean } = {}): Stability[] {
  const nodes = options.allNodes ? allNodes(assessment.model) : assessment.model.criteria;
  return nodes.map((n) => weightStability(assessment, n.id, options)).filter((s): s is Stability => s !== null);
}

/** The total of a measure at weight w of the node, by the closed form (for tests and views). */
export function totalAtWeight(assessment: Assessment, nodeId: string, measureId: string, w: number): number | null {
  const model = assessment.model;
  const positive = withWeight(model, nodeId, 1);
  const m = assessment.measures.find((x) => x.id === measureId);
  if (!m || !(w > 0)) return null;
  const f = formOf(positive, pathTo(positive, nodeId), nodeValues(positive, leafValuesOf(model, m)));
  if (!f) return null;
  // formOf uses the positive model's other weights, which are the model's own.
  return evaluate(f, w);
}

/** A measure's total as a function of one node's weight w > 0: (p0 + p1·w) / (q0 + q1·w). */
export type TotalForm = Form;

/**
 * Every measure's total as a function of the weight of node `nodeId` (w > 0, every other weight
 * fixed), by the closed form above; null for a measure without a total at positive weights of the
 * node. Null when the node is not in the model. Used by the selection's stability
 * (src/core/selection-stability.ts).
 */
export function totalForms(assessment: Assessment, nodeId: string): Map<string, TotalForm | null> | null {
  const model = assessment.model;
  if (pathTo(model, nodeId).length === 0) return null;
  const positive = counts(findNodeWeight(model, nodeId)) ? model : withWeight(model, nodeId, 1);
  const positivePath = pathTo(positive, nodeId);
  const out = new Map<string, TotalForm | null>();
  for (const m of assessment.measures) {
    const values = positive === model ? m.values : nodeValues(positive, leafValuesOf(model, m));
    out.set(m.id, formOf(positive, positivePath, values));
  }
  return out;
}

const findNodeWeight = (model: Model, nodeId: string): number => {
  const path = pathTo(model, nodeId);
  return path[path.length - 1].weight;
};
