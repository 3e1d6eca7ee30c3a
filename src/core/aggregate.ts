/**
 * Scores one measure against the model. A group's value is the weighted mean of those of its
 * children that have a value (and a positive weight); a group with none has no value; the total
 * exists only when every top-level group of positive weight has a value. Invalid cells are
 * reported and left out, never used. NaN and Infinity cannot come out: every division is by a
 * positive sum of finite weights.
 */
import { cellsByLeaf, putByLeaf, putByNode } from "./by-name";
import { classify, type CellValue, type Classified } from "./cell";
import { finding, type Finding } from "./findings";
import { completenessOf, isGroup, type CriterionNode, type Model } from "./model";

/** One typed score and where it is. */
export interface ScoreCell {
  value: CellValue;
  /** Excel address with sheet, for findings. */
  address?: string;
}

export interface MeasureInput {
  /** Stable id: the key shared by the scoring table, the checklist and the stored state. */
  id: string;
  name: string;
  theme?: string;
  actor?: string;
  /** Typed scores by leaf id. An absent leaf is missing. */
  scores: Record<string, ScoreCell | undefined>;
  /** Notes kept beside a score, by leaf id. */
  comments?: Record<string, string>;
  /** Where the measure's name is, for findings about the measure as a whole. */
  address?: string;
  /** The name cell is blank; `name` is a placeholder such as "(5)". */
  unnamed?: boolean;
}

export type LeafOutcome = Classified & { address?: string };

export interface MeasureScore {
  id: string;
  name: string;
  theme?: string;
  actor?: string;
  address?: string;
  leaves: Record<string, LeafOutcome>;
  /** Effective value of every node (groups and leaves) by id; null when it has none. */
  values: Record<string, number | null>;
  total: number | null;
  /** Top-level groups without a value: why there is no total. */
  missingGroups: string[];
  /** Leaves with a blank cell, in model order. */
  missing: string[];
  /** Leaves whose cell holds something that is not a score, in model order. */
  invalid: string[];
  /** Every leaf has a valid score. */
  complete: boolean;
  comments: Record<string, string>;
  findings: Finding[];
}

const INVALID_CODE = {
  text: "cell-text",
  boolean: "cell-boolean",
  error: "cell-error",
  "out-of-scale": "cell-out-of-scale",
  "not-finite": "cell-not-finite",
} as const;

/** The value the model uses for a valid typed score (inverted leaves count from the top). */
export function effectiveScore(node: CriterionNode, typed: number, model: Model): number {
  return node.direction === "inverted" ? model.scale.min + model.scale.max - typed : typed;
}

/**
 * Whether a node's weight counts. Validation refuses NaN, ±Infinity and negative weights; a model
 * that skipped validation must still not turn them into NaN (Infinity × 0, ∞ / ∞), so they count as 0.
 */
function counts(weight: number): boolean {
  return Number.isFinite(weight) && weight > 0;
}

/** Weighted mean of the children that have a value; null when none has (or all weigh 0). */
function groupValue(children: CriterionNode[], values: Record<string, number | null>): number | null {
  let num = 0;
  let den = 0;
  for (const c of children) {
    const v = values[c.id];
    if (v === null || v === undefined || !counts(c.weight)) continue;
    num += c.weight * v;
    den += c.weight;
  }
  return den > 0 ? num / den : null;
}

export function totalOf(model: Model, values: Record<string, number | null>): { total: number | null; missingGroups: string[] } {
  const missingGroups: string[] = [];
  let num = 0;
  let den = 0;
  for (const g of model.criteria) {
    if (!counts(g.weight)) continue;
    const v = values[g.id];
    if (v === null || v === undefined) {
      missingGroups.push(g.id);
      continue;
    }
    num += g.weight * v;
    den += g.weight;
  }
  if (missingGroups.length > 0 || den === 0) return { total: null, missingGroups };
  return { total: model.total === "mean" ? num / den : num, missingGroups };
}

/** Computes every node's value bottom-up from leaf values. */
export function nodeValues(model: Model, leafValues: Record<string, number | null>): Record<string, number | null> {
  const values: Record<string, number | null> = {};
  const walk = (node: CriterionNode): number | null => {
    if (!isGroup(node)) {
      const v = leafValues[node.id];
      values[node.id] = v === undefined ? null : v;
      return values[node.id];
    }
    for (const c of node.children!) walk(c);
    values[node.id] = groupValue(node.children!, values);
    return values[node.id];
  };
  for (const g of model.criteria) walk(g);
  return values;
}

/**
 * The criteria tree laid out once per model, for scoring many measures without walking the tree
 * (or allocating) per measure: leaves and groups as indices, weights as arrays. Node ids are unique
 * (model validation refuses duplicates).
 */
export interface ModelLayout {
  model: Model;
  leafNodes: CriterionNode[];
  leafIds: string[];
  /** 1 where the leaf is inverted (its value is min + max − typed). */
  inverted: Uint8Array;
  /** Every node in post-order (children before their parent): the order of MeasureScore.values. */
  nodeIds: string[];
  /**
   * Every node id (post-order), and every leaf id, as keys with null: each measure's `values` and
   * `leaves` start as a copy (one allocation with its keys in place), then the keys are filled in.
   */
  valuesTemplate: Record<string, number | null>;
  leavesTemplate: Record<string, LeafOutcome | null>;
  /** For node j (post-order): its leaf index, or −1 for a group. */
  leafOf: Int32Array;
  /** Group j's children are childIndex[childStart[j] … childStart[j + 1]) (post-order indices). */
  childStart: Int32Array;
  childIndex: Int32Array;
  /** The child's weight where it counts (finite, > 0), else 0 (and childCounts 0). */
  childWeight: Float64Array;
  childCounts: Uint8Array;
  /** The top-level groups: post-order index, id, weight, whether the weight counts (finite, > 0). */
  topNode: Int32Array;
  topIds: string[];
  topWeight: Float64Array;
  topCounts: Uint8Array;
  /** Leaf indices under each top-level group, in model order. */
  topLeaves: Int32Array[];
  /** Top-level groups of weight > 0 (the completeness check's; Infinity included, as before). */
  thinTops: Int32Array;
  completeness: number;
}

/**
 * Lays the model out (cheap: once per assess() call, not cached, since a model is plain data that may
 * be edited). One walk over the tree into plain arrays, copied once into typed arrays: the analyses
 * that re-score a few measures under many weights (sensitivity, the selection's stability) lay a
 * model out per weight, so this costs about as much as scoring a dozen measures, not more.
 */
export function layoutOf(model: Model): ModelLayout {
  const leafNodes: CriterionNode[] = [];
  const nodeIds: string[] = [];
  const leafOf: number[] = [];
  // Group j's children (post-order indices, then their weights) are pushed when j is done, so the
  // lists are in the order of j; childStart is filled per node as they come.
  const childStartList: number[] = [0];
  const childIndexList: number[] = [];
  const childWeightList: number[] = [];
  const walk = (node: CriterionNode): number => {
    const kids = node.children;
    if (!Array.isArray(kids) || kids.length === 0) {
      nodeIds.push(node.id);
      leafOf.push(leafNodes.length);
      leafNodes.push(node);
      childStartList.push(childIndexList.length);
      return nodeIds.length - 1;
    }
    const at = new Array<number>(kids.length);
    for (let q = 0; q < kids.length; q++) at[q] = walk(kids[q]);
    nodeIds.push(node.id);
    leafOf.push(-1);
    for (let q = 0; q < kids.length; q++) {
      childIndexList.push(at[q]);
      childWeightList.push(kids[q].weight);
    }
    childStartList.push(childIndexList.length);
    return nodeIds.length - 1;
  };
  const T = model.criteria.length;
  const topNode = new Int32Array(T);
  const topIds = new Array<string>(T);
  const topWeight = new Float64Array(T);
  const topCounts = new Uint8Array(T);
  const topLeaves = new Array<Int32Array>(T);
  const thin: number[] = [];
  for (let t = 0; t < T; t++) {
    const g = model.criteria[t];
    // A top-level group's leaves are the walk's next ones, in model order (as leavesUnder gives them).
    const firstLeaf = leafNodes.length;
    topNode[t] = walk(g);
    const leafCount = leafNodes.length - firstLeaf;
    const under = new Int32Array(leafCount);
    for (let k = 0; k < leafCount; k++) under[k] = firstLeaf + k;
    topLeaves[t] = under;
    topIds[t] = g.id;
    const c = counts(g.weight);
    topWeight[t] = c ? g.weight : 0;
    topCounts[t] = c ? 1 : 0;
    if (g.weight > 0) thin.push(t);
  }
  const E = childIndexList.length;
  const childWeight = new Float64Array(E);
  const childCounts = new Uint8Array(E);
  for (let e = 0; e < E; e++) {
    const w = childWeightList[e];
    if (counts(w)) {
      childCounts[e] = 1;
      childWeight[e] = w;
    }
  }
  const L = leafNodes.length;
  const leafIds = new Array<string>(L);
  const inverted = new Uint8Array(L);
  for (let k = 0; k < L; k++) {
    leafIds[k] = leafNodes[k].id;
    if (leafNodes[k].direction === "inverted") inverted[k] = 1;
  }
  // Each key is added with a number and then set to null, so its field holds any value from the
  // start (a field first seen holding only null, or only numbers, is widened by the engine when the
  // first other value arrives, which discards the compiled code that relied on it).
  const valuesTemplate: Record<string, number | null> = {};
  for (const id of nodeIds) valuesTemplate[id] = 0;
  for (const id of nodeIds) valuesTemplate[id] = null;
  const leavesTemplate: Record<string, LeafOutcome | null> = {};
  for (const id of leafIds) (leavesTemplate as Record<string, unknown>)[id] = 0;
  for (const id of leafIds) leavesTemplate[id] = null;
  return {
    model,
    valuesTemplate,
    leavesTemplate,
    leafNodes,
    leafIds,
    inverted,
    nodeIds,
    leafOf: new Int32Array(leafOf),
    childStart: new Int32Array(childStartList),
    childIndex: new Int32Array(childIndexList),
    childWeight,
    childCounts,
    topNode,
    topIds,
    topWeight,
    topCounts,
    topLeaves,
    thinTops: new Int32Array(thin),
    completeness: completenessOf(model),
  };
}

/** Scratch arrays for scoring one measure after another without allocating per measure. */
interface Scratch {
  leafValue: Float64Array;
  /** 1 scored, 0 missing, 2 invalid; 3 while left for sortOutLeaves. */
  leafState: Uint8Array;
  nodeValue: Float64Array;
  nodeHas: Uint8Array;
  /**
   * The outcome of a valid score without an address that is a whole or half number from 0 to 31.5,
   * one object per value for the whole run (index: twice the value): a portfolio repeats a handful
   * of values, and outcomes are never changed after scoring, so sharing them spares an object per cell.
   */
  scoreOutcomes: (LeafOutcome | undefined)[];
  /** The measure's cells by leaf index, and their outcomes (written into `leaves` at the end). */
  cells: (ScoreCell | undefined)[];
  outcome: LeafOutcome[];
}

/** What scratch.outcome holds before the first measure (every leaf's is set for each measure). */
const UNSET: LeafOutcome = Object.freeze({ kind: "missing" });

function scratchFor(layout: ModelLayout): Scratch {
  const L = layout.leafIds.length;
  const N = layout.nodeIds.length;
  return {
    leafValue: new Float64Array(L),
    leafState: new Uint8Array(L),
    nodeValue: new Float64Array(N),
    nodeHas: new Uint8Array(N),
    scoreOutcomes: new Array<LeafOutcome | undefined>(64).fill(undefined),
    cells: new Array<ScoreCell | undefined>(L).fill(undefined),
    outcome: new Array<LeafOutcome>(L).fill(UNSET),
  };
}

/** One measure scored against the model (`_leafNodes`, leaves(model), is accepted for callers that have it; the layout is the model's). */
export function scoreMeasure(model: Model, input: MeasureInput): MeasureScore {
  const layout = layoutOf(model);
  return scoreLaidOut(layout, scratchFor(layout), input, false);
}

/** Measures are scored in runs of this many, a call each (see scoreAll). */
const RUN = 64;

/**
 * Scores every input on one layout (what assess() does), each result with rank: null, tied: false;
 * `totals[i]` is input i's total. The loop calls scoreRun for each run of RUN measures: the engine
 * optimises a function called many times once, where a long loop in a function called once per
 * assessment is compiled again on the stack (on-stack replacement) at nearly every call.
 */
export function scoreAll(layout: ModelLayout, inputs: MeasureInput[], totals: (number | null)[]): MeasureScore[] {
  const scratch = scratchFor(layout);
  const n = inputs.length;
  const out = new Array<MeasureScore>(n);
  for (let from = 0; from < n; from += RUN) scoreRun(layout, scratch, inputs, from, Math.min(n, from + RUN), out, totals);
  _kept = { layout, scratch };
  return out;
}

/**
 * The last assessment's layout and scratch, kept until the next: the engine's compiled scoring
 * code refers to the shapes of their objects (the templates, the shared outcomes) weakly, and a full
 * garbage collection between two assessments that left no object of those shapes discarded that
 * code, compiled again at the next assessment (the same tree gives the same shapes). Never read.
 */
let _kept: { layout: ModelLayout; scratch: Scratch } | undefined;

function scoreRun(layout: ModelLayout, scratch: Scratch, inputs: MeasureInput[], from: number, to: number, out: MeasureScore[], totals: (number | null)[]): void {
  for (let i = from; i < to; i++) {
    const s = scoreLaidOut(layout, scratch, inputs[i], true);
    out[i] = s;
    totals[i] = s.total;
  }
}

function invalidFinding(model: Model, input: MeasureInput, leafId: string, c: Classified & { kind: "invalid" }, address: string | undefined): Finding {
  const params: Record<string, string | number | null> = {
    measure: input.name,
    criterion: leafId,
    raw: c.raw,
    min: model.scale.min,
    max: model.scale.max,
  };
  if (c.suggestion !== undefined) params.suggestion = c.suggestion;
  if (c.date) {
    params.day = c.date.day;
    params.month = c.date.month;
  }
  return finding(INVALID_CODE[c.reason], "error", params, { measureId: input.id, criterionId: leafId, cell: address });
}

/** The empty list every measure without blank cells (invalid cells, missing groups) shares; frozen. */
const NONE = Object.freeze([]) as unknown as string[];
/** The comments of every measure without comments; frozen. */
const NO_COMMENTS = Object.freeze({}) as Record<string, string>;

function scoreLaidOut(layout: ModelLayout, scratch: Scratch, input: MeasureInput, withRank: boolean): MeasureScore {
  cellsByLeaf(input.scores, layout.leafIds, scratch.cells);
  // Most measures have no blank or invalid cell: they share one empty list for each (frozen, so
  // that no one can add to it); a measure with some gets lists of its own.
  let missing = NONE;
  let invalid = NONE;
  const findings: Finding[] = [];
  if (readLeaves(layout, scratch) > 0) {
    missing = [];
    invalid = [];
    sortOutLeaves(layout, scratch, input, missing, invalid, findings);
    if (missing.length === 0) missing = NONE;
    if (invalid.length === 0) invalid = NONE;
  }
  // Every leaf's outcome is set by readLeaves or sortOutLeaves.
  const outcomes = { ...layout.leavesTemplate } as Record<string, LeafOutcome>;
  putByLeaf(outcomes, layout.leafIds, scratch.outcome);
  nodeValuesLaidOut(layout, scratch);
  const values = { ...layout.valuesTemplate };
  putByNode(values, layout.nodeIds, scratch.nodeHas, scratch.nodeValue);

  // The total, as totalOf().
  const { nodeValue, nodeHas } = scratch;
  const { topNode, topWeight, topCounts } = layout;
  let lacking = 0;
  let num = 0;
  let den = 0;
  for (let t = 0; t < topNode.length; t++) {
    if (topCounts[t] === 0) continue;
    if (nodeHas[topNode[t]] === 0) {
      lacking++;
      continue;
    }
    num += topWeight[t] * nodeValue[topNode[t]];
    den += topWeight[t];
  }
  const total = lacking > 0 || den === 0 ? null : layout.model.total === "mean" ? num / den : num;
  const missingGroups = lacking > 0 ? missingGroupsOf(layout, nodeHas) : NONE;

  if (missing.length > 0 || invalid.length > 0) noteGaps(layout, input, total, missing, missingGroups, findings, scratch.leafState);
  else if (total === null) noTotal(layout, input, missingGroups, findings);

  const comments = input.comments;
  if (withRank && input.theme === undefined && input.actor === undefined && input.address === undefined) {
    // The common case in one literal of a fixed shape: the same keys in the same order as below.
    const ranked: MeasureScore & { rank: number | null; tied: boolean } = {
      id: input.id,
      name: input.name,
      leaves: outcomes,
      values,
      total,
      missingGroups,
      missing,
      invalid,
      complete: missing.length === 0 && invalid.length === 0,
      comments: comments === undefined ? NO_COMMENTS : { ...comments },
      findings,
      rank: null,
      tied: false,
    };
    return ranked;
  }
  const out: MeasureScore = {
    id: input.id,
    name: input.name,
    leaves: outcomes,
    values,
    total,
    missingGroups,
    missing,
    invalid,
    complete: missing.length === 0 && invalid.length === 0,
    comments: comments === undefined ? NO_COMMENTS : { ...comments },
    findings,
  };
  if (input.theme !== undefined) out.theme = input.theme;
  if (input.actor !== undefined) out.actor = input.actor;
  if (input.address !== undefined) out.address = input.address;
  if (withRank) {
    const r = out as MeasureScore & { rank: number | null; tied: boolean };
    r.rank = null;
    r.tied = false;
  }
  return out;
}

/**
 * The leaves' cells: a number within the scale without an address (nearly every cell) is scored
 * here, into the run's shared outcome for its value; every other cell is left for sortOutLeaves
 * (leafState 3). Returns how many were left.
 */
function readLeaves(layout: ModelLayout, scratch: Scratch): number {
  const { inverted } = layout;
  const { leafValue, leafState, scoreOutcomes, cells, outcome } = scratch;
  const lo = layout.model.scale.min;
  const hi = layout.model.scale.max;
  let left = 0;
  for (let k = 0; k < cells.length; k++) {
    const cell = cells[k];
    if (cell !== undefined && cell !== null && cell.address === undefined) {
      const value = cell.value;
      if (typeof value === "number" && value >= lo && value <= hi) {
        const twice = value * 2;
        // −0 is its own value (twice −0 would index 0's outcome).
        if (twice >= 0 && twice < 64 && (twice | 0) === twice && (value !== 0 || 1 / value > 0)) {
          outcome[k] = scoreOutcomes[twice] ?? (scoreOutcomes[twice] = { kind: "score", value });
          leafValue[k] = inverted[k] === 1 ? lo + hi - value : value;
          leafState[k] = 1;
          continue;
        }
      }
    }
    leafState[k] = 3;
    left++;
  }
  return left;
}

/** The cells readLeaves left (leafState 3): classified, with their findings; blank leaves into `missing`, invalid ones into `invalid`. */
function sortOutLeaves(layout: ModelLayout, scratch: Scratch, input: MeasureInput, missing: string[], invalid: string[], findings: Finding[]): void {
  const { model, leafIds, inverted } = layout;
  const { leafValue, leafState, cells, outcome } = scratch;
  const scale = model.scale;
  const lo = scale.min;
  const hi = scale.max;
  for (let k = 0; k < leafIds.length; k++) {
    if (leafState[k] !== 3) continue;
    const id = leafIds[k];
    const cell = cells[k];
    const value = cell === undefined || cell === null ? null : cell.value;
    const address = cell === undefined || cell === null ? undefined : cell.address;
    if (typeof value === "number" && value >= lo && value <= hi && Number.isFinite(value)) {
      outcome[k] = address ? { kind: "score", value, address } : { kind: "score", value };
      leafValue[k] = inverted[k] === 1 ? lo + hi - value : value;
      leafState[k] = 1;
      continue;
    }
    const c = classify(value, scale);
    outcome[k] = address ? { ...c, address } : c;
    if (c.kind === "score") {
      leafValue[k] = inverted[k] === 1 ? lo + hi - c.value : c.value;
      leafState[k] = 1;
    } else if (c.kind === "missing") {
      leafState[k] = 0;
      missing.push(id);
    } else {
      leafState[k] = 2;
      invalid.push(id);
      findings.push(invalidFinding(model, input, id, c, address));
    }
  }
}

/**
 * Every node's value bottom-up (post-order), as nodeValues(): a group is the weighted mean of its
 * children that have a value and a weight that counts, summed in child order.
 */
function nodeValuesLaidOut(layout: ModelLayout, scratch: Scratch): void {
  const { leafOf, childStart, childIndex, childWeight, childCounts, nodeIds } = layout;
  const { leafValue, leafState, nodeValue, nodeHas } = scratch;
  for (let j = 0; j < nodeIds.length; j++) {
    const leaf = leafOf[j];
    if (leaf >= 0) {
      const has = leafState[leaf] === 1;
      nodeHas[j] = has ? 1 : 0;
      nodeValue[j] = leafValue[leaf];
      continue;
    }
    let num = 0;
    let den = 0;
    for (let q = childStart[j]; q < childStart[j + 1]; q++) {
      const c = childIndex[q];
      if (nodeHas[c] === 0 || childCounts[q] === 0) continue;
      num += childWeight[q] * nodeValue[c];
      den += childWeight[q];
    }
    if (den > 0) {
      const v = num / den;
      nodeHas[j] = 1;
      nodeValue[j] = v;
    } else nodeHas[j] = 0;
  }
}

/** The top-level groups of weight that counts and without a value, in model order. */
function missingGroupsOf(layout: ModelLayout, nodeHas: Uint8Array): string[] {
  const out: string[] = [];
  for (let t = 0; t < layout.topNode.length; t++) if (layout.topCounts[t] === 1 && nodeHas[layout.topNode[t]] === 0) out.push(layout.topIds[t]);
  return out;
}

/** The first address among the cells of these leaves (by leaf index), in order. */
function firstAddress(layout: ModelLayout, input: MeasureInput, leafIndices: ArrayLike<number>): string | undefined {
  for (let i = 0; i < leafIndices.length; i++) {
    const a = input.scores[layout.leafIds[leafIndices[i]]]?.address;
    if (a !== undefined) return a;
  }
  return undefined;
}

/** The findings about blank or invalid cells: ranked on few scores, or missing scores; then no total. */
function noteGaps(layout: ModelLayout, input: MeasureInput, total: number | null, missing: string[], missingGroups: string[], findings: Finding[], leafState: Uint8Array): void {
  const { leafIds } = layout;
  const scores = input.scores;
  // Ranked on few scores: a group with less than the model's share of its questions scored.
  const thinIds: string[] = [];
  const thinScored: number[] = [];
  const thinOf: number[] = [];
  let first: string | undefined;
  if (total !== null) {
    const threshold = layout.completeness;
    for (let q = 0; q < layout.thinTops.length; q++) {
      const t = layout.thinTops[q];
      const ids = layout.topLeaves[t];
      let not = 0;
      for (let i = 0; i < ids.length; i++) if (leafState[ids[i]] !== 1) not++;
      const scored = ids.length - not;
      if (ids.length > 0 && not > 0 && scored / ids.length < threshold) {
        thinIds.push(layout.topIds[t]);
        thinScored.push(scored);
        thinOf.push(ids.length);
        // The first address among the unscored leaves of the thin groups, group by group.
        for (let i = 0; i < ids.length && first === undefined; i++) if (leafState[ids[i]] !== 1) first = scores[leafIds[ids[i]]]?.address;
      }
    }
  }
  if (thinIds.length > 0) {
    findings.push(
      finding(
        "few-scores",
        "warning",
        { measure: input.name, groups: thinIds, scored: thinScored, of: thinOf, threshold: layout.completeness, criteria: missing },
        { measureId: input.id, cell: first ?? input.address },
      ),
    );
  } else if (missing.length > 0) {
    let cell: string | undefined;
    for (let i = 0; i < missing.length && cell === undefined; i++) cell = scores[missing[i]]?.address;
    findings.push(finding("missing-scores", total === null ? "warning" : "info", { measure: input.name, criteria: missing, count: missing.length }, { measureId: input.id, cell }));
  }
  if (total === null) noTotal(layout, input, missingGroups, findings);
}

function noTotal(layout: ModelLayout, input: MeasureInput, missingGroups: string[], findings: Finding[]): void {
  let cell: string | undefined;
  for (let g = 0; g < missingGroups.length && cell === undefined; g++) {
    const t = layout.topIds.indexOf(missingGroups[g]);
    if (t >= 0) cell = firstAddress(layout, input, layout.topLeaves[t]);
  }
  findings.push(finding("no-total", "warning", { measure: input.name, groups: missingGroups }, { measureId: input.id, cell: cell ?? input.address }));
}

/**
 * The top-level groups (of positive weight) where the share of scored questions is below the
 * model's completeness threshold, with how many of how many are scored and which are not.
 */
export function thinGroups(model: Model, unscored: Set<string>): { id: string; scored: number; of: number; unscored: string[] }[] {
  const threshold = completenessOf(model);
  const out: { id: string; scored: number; of: number; unscored: string[] }[] = [];
  for (const g of model.criteria) {
    if (!(g.weight > 0)) continue;
    const ids = leavesUnder(g).map((l) => l.id);
    const not = ids.filter((id) => unscored.has(id));
    const scored = ids.length - not.length;
    if (ids.length > 0 && not.length > 0 && scored / ids.length < threshold) out.push({ id: g.id, scored, of: ids.length, unscored: not });
  }
  return out;
}

export function leavesUnder(node: CriterionNode): CriterionNode[] {
  if (!isGroup(node)) return [node];
  return node.children!.flatMap(leavesUnder);
}
