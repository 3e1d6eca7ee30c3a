/**
 * How sure is a rank? Stochastic multicriteria acceptability analysis (SMAA-2) by Monte Carlo:
 * draw weights and scores many times from a seeded generator, rank every draw, and count.
 *
 * - Weights: "relative" multiplies every node's weight by an independent uniform factor in
 *   [1 − x, 1 + x] (0 ≤ x < 1). "simplex" draws the top-level groups' shares uniformly on a region
 *   of the simplex around their shares now: with w₀ the shares now and r ∈ (0, 1] the radius, the
 *   drawn shares are w = (1 − r)·w₀ + r·u with u uniform on the whole simplex — uniform on the
 *   region {w on the simplex : w_g ≥ (1 − r)·w₀_g for every group g} (a smaller copy of the simplex
 *   placed around w₀): every group keeps at least (1 − r) of its share now, and the share r of the
 *   whole is spread at random. The mean is (1 − r)·w₀ + r/k for k groups. r = 1 (the default) is
 *   the whole simplex (SMAA's «no weight information»). The shares are scaled to the current sum of
 *   those weights; the weights below the groups are kept. "none" keeps the weights in force.
 *   A weight of 0 stays 0.
 * - Scores: "uniform" moves every valid typed score by an independent uniform amount in
 *   [−spread, +spread] on the scale and clamps it to the scale; "none" keeps them. Blank and invalid
 *   cells stay left out, so every draw ranks the same measures: those with a total now.
 * - Each draw ranks the totals as rank.ts does (equal within the model's tolerance share a place).
 *   Measures tied in a draw share the places they occupy equally (two tied for places 6–7 get ½ of
 *   each), so every row and every column of the rank matrix sums to 1. Pairwise, a draw is a win
 *   for one of two measures or a tie: P(i above j) + P(j above i) + P(tie) = 1. The model's
 *   tie-break is not applied within draws.
 *
 * Fast: the measures' leaf values sit in one typed array; per draw the leaf coefficients (the
 * product of normalised weights along each path) are computed once per pattern of blanks, and a
 * total is a dot product, each score's noise drawn as it is added (no buffer between) and clamped
 * to the scale without a branch (scoreNoisy). The order
 * of a draw is chosen by the disorder seen: insertion into the previous draw's order while that
 * needs few swaps (weights alone, small spreads), else a bucket sort, linear in the number of
 * measures (scores ±1 reorder a large share of all pairs from one draw to the next, and insertion
 * would cost that many swaps). The places of a batch of draws are added to the rank counts measure
 * by measure, so the n × n counts are not touched at random once per measure and draw; whole draws
 * are counted in two bytes a cell, a quarter of the room of the doubles (see rankCounts).
 * Pairwise, for every pair (`pairwise: true`, what `prio uncertainty --json` prints), the counts are
 * kept lazily: a pair's relation changes only when the insertion swaps the two, so each pair
 * remembers since which draw one has been above the other, and is counted when they swap (and at
 * the end); those draws are always ordered by insertion, and their cost grows with the swaps: at
 * 2,000 measures with scores ±1 about a tenth of all pairs swap in every draw. For the first K
 * measures (the default counts the 30 the pane shows) each draw counts, for each of them, the
 * measures placed before it and those level with it: the sum of their places, small at the top.
 * Every path gives the same numbers for a seed (test/core/uncertainty-order.test.ts).
 */
import type { Assessment } from "./assess";
import { allNodes, leaves, type Model } from "./model";
import { mulberry32 } from "./random";
import { fullNameTexts } from "./full-name";

/** radius: r in (0, 1], the share of the whole that is drawn at random (1 = the whole simplex, the default). */
export type WeightDraw = { kind: "none" } | { kind: "simplex"; radius?: number } | { kind: "relative"; spread: number };
export type ScoreDraw = { kind: "none" } | { kind: "uniform"; spread: number };

export interface UncertaintyOptions {
  draws: number;
  seed: number;
  weights: WeightDraw;
  scores: ScoreDraw;
  /** The cut for topN: the probability of a place 1..top. */
  top?: number;
  /**
   * Count how often each measure ranks above each other one: true (the default when absent) for
   * every pair; a number K for the pairs of the first K measures (in rank order now) with every
   * measure, which is all the pane shows and far cheaper at a thousand measures and more; false for
   * none (`beats` null, and no n² memory).
   */
  pairwise?: boolean | number;
}

/**
 * The pairwise rows the pane's «Hvem slår hvem» shows (src/taskpane/stability/PairwiseTable.tsx
 * shows the first 30 measures): what DEFAULT_UNCERTAINTY counts.
 */
export const PAIRWISE_FIRST = 30;

export const DEFAULT_UNCERTAINTY: UncertaintyOptions = {
  draws: 10_000,
  seed: 1,
  weights: { kind: "relative", spread: 0.2 },
  scores: { kind: "uniform", spread: 1 },
  pairwise: PAIRWISE_FIRST,
};

/** What the simulation needs: plain data, so it can be posted to a Web Worker. */
export interface UncertaintyInput {
  model: Model;
  /** The measures with a total, in rank order; `values` are effective leaf values in leaves(model) order. */
  measures: { id: string; name: string; values: (number | null)[] }[];
}

export interface UncertaintyResult {
  draws: number;
  ids: string[];
  names: string[];
  /** ranks[i][r] = probability that measure i takes place r + 1. */
  ranks: number[][];
  top: number | null;
  /** topN[i] = probability that measure i is in places 1..top (the sum of its first `top` rank probabilities). */
  topN: number[] | null;
  /**
   * beats[i][j] = probability that i ranks strictly above j (the diagonal is 0); ties[i][j] (= ties[j][i])
   * the probability that they tie, so beats[i][j] + beats[j][i] + ties[i][j] = 1. One row for each of
   * the first K measures when `pairwise` is a number K below the number of measures (each row over
   * every measure; beats[j][i] for j ≥ K is 1 − beats[i][j] − ties[i][j]), n rows otherwise. Null
   * when `pairwise: false`.
   */
  beats: number[][] | null;
  ties: number[][] | null;
  /** How the draws were made, for the lead of a table: the seed and the weight and score draws. */
  seed: number;
  weights: WeightDraw;
  scores: ScoreDraw;
}

/** A problem with the options, as a code the catalogs render; null when they are fine. */
export type UncertaintyProblem = "draws" | "weightSpread" | "weightRadius" | "scoreSpread" | "top" | "seed";

export function checkOptions(o: UncertaintyOptions): UncertaintyProblem | null {
  if (!Number.isInteger(o.draws) || o.draws < 1 || o.draws > 10_000_000) return "draws";
  if (!Number.isInteger(o.seed) || o.seed < 0 || o.seed > 0xffffffff) return "seed";
  if (o.weights.kind === "relative" && !(o.weights.spread >= 0 && o.weights.spread < 1)) return "weightSpread";
  if (o.weights.kind === "simplex" && o.weights.radius !== undefined && !(o.weights.radius > 0 && o.weights.radius <= 1)) return "weightRadius";
  if (o.scores.kind === "uniform" && !(o.scores.spread >= 0 && Number.isFinite(o.scores.spread))) return "scoreSpread";
  if (o.top !== undefined && !(Number.isInteger(o.top) && o.top >= 1)) return "top";
  return null;
}

/** The measures of an assessment that have a total, in rank order, as simulation input. */
export function uncertaintyInput(a: Assessment): UncertaintyInput {
  const leafIds = leaves(a.model).map((l) => l.id);
  const names = fullNameTexts(a.measures);
  return {
    model: a.model,
    measures: a.measures
      .filter((m) => m.rank !== null && m.total !== null)
      .map((m) => ({ id: m.id, name: names.get(m.id) ?? m.name, values: leafIds.map((id) => m.values[id] ?? null) })),
  };
}

/**
 * Shares drawn uniformly on the region of the simplex around `centre` (shares that sum to 1) of
 * radius r ∈ (0, 1]: out = (1 − r)·centre + r·u with u uniform on the whole simplex (normalised
 * exponentials, one draw of `random` per share). The region is {w ≥ 0, Σw = 1, w ≥ (1 − r)·centre},
 * a copy of the simplex shrunk by r towards the centre, and the map is affine, so out is uniform on
 * it; its mean is (1 − r)·centre + r/k for k shares. With r = 1 it is u itself (the whole simplex).
 */
export function drawSimplexShares(centre: ArrayLike<number>, radius: number, random: () => number, out: Float64Array): void {
  const k = centre.length;
  let sum = 0;
  for (let t = 0; t < k; t++) {
    out[t] = -Math.log(1 - random());
    sum += out[t];
  }
  for (let t = 0; t < k; t++) out[t] = sum > 0 ? (1 - radius) * centre[t] + radius * (out[t] / sum) : centre[t];
}

export interface Simulation {
  /** Draws done so far. */
  readonly done: number;
  readonly total: number;
  /** Runs up to `count` more draws; returns the number done so far. */
  step(count: number): number;
  /** The probabilities from the draws done so far. */
  result(): UncertaintyResult;
}

const counts = (w: number): boolean => Number.isFinite(w) && w > 0;

/** A rank count's pending whole draws: at most FULL, then added to the doubles; FRACTIONS marks a cell counted in the doubles alone. */
const FULL = 0xfffe;
const FRACTIONS = 0xffff;

/** After how many draws a draw tries insertion again once the order needed a sort (doubling up to RETRY_MOST while it fails). */
const RETRY = 16;
const RETRY_MOST = 1024;

/** The number of pairwise rows for the option: every measure for true or absent, none for false, else K within [0, n]. */
function pairwiseRows(option: boolean | number | undefined, n: number): number {
  if (option === undefined || option === true) return n;
  if (option === false) return 0;
  const k = Math.floor(option);
  return k > 0 ? Math.min(k, n) : 0;
}

/** One draw of weights and scores: the totals of every input measure and the weights the draw used. */
export interface Drawer {
  /** The totals of the last draw, one per input measure (in input order). */
  readonly totals: Float64Array;
  /**
   * The weight of every top-level group (model.criteria order) in the last draw, on the scale of the
   * weights in force (a group that does not count: 0). With weights «none», the weights in force.
   */
  readonly groupWeights: Float64Array;
  /** Draws the next weights and scores and computes the totals. */
  next(): void;
}

/**
 * The score noise: 16-bit draws from mulberry32 started at `origin`, two per output (its high, then
 * its low half), one per value in the order of the values (draw by draw, measure by measure, leaf by
 * leaf); `used` counts those taken. Output j comes from the state origin + (j + 1)·0x6d2b79f5, so
 * the draw at any place is found without those before it.
 */
interface NoiseStream {
  readonly origin: number;
  used: number;
}

const GOLDEN = 0x6d2b79f5;

/** mulberry32's output from the state after its step. */
function mix(x: number): number {
  let y = Math.imul(x ^ (x >>> 15), x | 1);
  y ^= y + Math.imul(y ^ (y >>> 7), y | 61);
  return (y ^ (y >>> 14)) >>> 0;
}

/**
 * Every measure's total with its scores moved by the noise and clamped to the scale: a dot product of
 * the measure's row of values with its pattern's coefficients, summed in leaf order. A 16-bit draw z
 * moves a score by −spread + (z + ½)·step. The noise is drawn as it is used, not into a buffer
 * first (which took twice the time of the two together), one output for two values (its high half,
 * then its low half; a row of an odd length leaves the low half to the next row's first value).
 *
 * The clamp Math.min(hi, Math.max(lo, u)) without a branch: `edges` holds [lo, u, hi] and
 * the index (u ≥ lo) + (u > hi) picks the same double. Math.min/max compile to compares and jumps,
 * and a score near an end of the scale crosses it in about half the draws, at random: those jumps
 * were mispredicted often enough to cost a third of the loop. (u = −0 at lo = 0 gives −0 where
 * Math.max gave +0: c·(−0) added to a total that starts at +0 changes no bit of it.)
 */
function scoreNoisy(
  vals: Float64Array,
  c: Float64Array,
  patternOf: Int32Array,
  L: number,
  n: number,
  lo: number,
  hi: number,
  step: number,
  spread: number,
  totals: Float64Array,
  stream: NoiseStream,
  edges: Float64Array,
): void {
  const origin = stream.origin;
  const e = stream.used;
  let x = (origin + Math.imul(Math.floor(e / 2) % 0x100000000, GOLDEN)) | 0;
  // When e is odd, the draw at e is the low half of the output before it.
  let spare = -1;
  if (e % 2 === 1) {
    x = (x + GOLDEN) | 0;
    spare = mix(x) & 0xffff;
  }
  // A scale upside down (lo > hi) clamps every score to hi, as Math.min(hi, Math.max(lo, u)) does: [hi, hi].
  if (!(lo <= hi)) lo = hi;
  edges[0] = lo;
  edges[2] = hi;
  for (let i = 0; i < n; i++) {
    const off = patternOf[i] * L;
    const row = i * L;
    let t = 0;
    let k = 0;
    if (spare >= 0) {
      const u = vals[row] + step * (spare + 0.5) - spread;
      edges[1] = u;
      t += c[off] * edges[+(u >= lo) + +(u > hi)];
      spare = -1;
      k = 1;
    }
    for (; k + 1 < L; k += 2) {
      x = (x + GOLDEN) | 0;
      const y = mix(x);
      const u = vals[row + k] + step * ((y >>> 16) + 0.5) - spread;
      edges[1] = u;
      t += c[off + k] * edges[+(u >= lo) + +(u > hi)];
      const u2 = vals[row + k + 1] + step * ((y & 0xffff) + 0.5) - spread;
      edges[1] = u2;
      t += c[off + k + 1] * edges[+(u2 >= lo) + +(u2 > hi)];
    }
    if (k < L) {
      x = (x + GOLDEN) | 0;
      const y = mix(x);
      const u = vals[row + k] + step * ((y >>> 16) + 0.5) - spread;
      edges[1] = u;
      t += c[off + k] * edges[+(u >= lo) + +(u > hi)];
      spare = y & 0xffff;
    }
    totals[i] = t;
  }
  stream.used = e + n * L;
}
/** Every measure's total with the scores as they are. */
function scorePlain(vals: Float64Array, c: Float64Array, patternOf: Int32Array, L: number, n: number, totals: Float64Array): void {
  for (let i = 0; i < n; i++) {
    const off = patternOf[i] * L;
    const row = i * L;
    let t = 0;
    for (let k = 0; k < L; k++) t += c[off + k] * vals[row + k];
    totals[i] = t;
  }
}

/**
 * The draws of the model above: weights and score noise from the seeded generators, and each
 * measure's total. createSimulation ranks them; src/core/funding.ts selects within the frames on them,
 * so both analyses see the same draws for a seed.
 */
export function createDrawer(input: UncertaintyInput, options: UncertaintyOptions): Drawer {
  const { model } = input;
  const min = model.scale.min;
  const max = model.scale.max;
  const mean = model.total === "mean";
  const n = input.measures.length;
  const leafNodes = leaves(model);
  const L = leafNodes.length;
  const nodes = allNodes(model);
  const N = nodes.length;
  const index = new Map(nodes.map((nd, i) => [nd, i]));
  const leafOf = new Int32Array(N).fill(-1);
  const base = new Float64Array(N);
  nodes.forEach((nd, i) => (base[i] = counts(nd.weight) ? nd.weight : 0));
  leafNodes.forEach((l, k) => (leafOf[index.get(l)!] = k));
  const tops = Int32Array.from(model.criteria.map((g) => index.get(g)!));
  const T = tops.length;
  const groupIdx = Int32Array.from(nodes.map((nd, i) => (nd.children && nd.children.length ? i : -1)).filter((i) => i >= 0));
  const childrenOf = nodes.map((nd) => Int32Array.from((nd.children ?? []).map((c) => index.get(c)!)));
  // The leaves as (node, leaf column) pairs, for writing the coefficients.
  const leafNode = Int32Array.from(leafNodes.map((l) => index.get(l)!));

  // Leaf values and the patterns of blanks.
  const values = new Float64Array(n * L);
  const patternOf = new Int32Array(n);
  const patternKeys = new Map<string, number>();
  const has: Uint8Array[] = [];
  input.measures.forEach((m, i) => {
    let key = "";
    for (let k = 0; k < L; k++) {
      const v = m.values[k];
      const ok = typeof v === "number" && Number.isFinite(v);
      values[i * L + k] = ok ? (v as number) : 0;
      key += ok ? "1" : "0";
    }
    let p = patternKeys.get(key);
    if (p === undefined) {
      p = has.length;
      patternKeys.set(key, p);
      const h = new Uint8Array(N);
      // Children before parents: walk the depth-first list backwards.
      for (let j = N - 1; j >= 0; j--) {
        if (leafOf[j] >= 0) h[j] = key[leafOf[j]] === "1" ? 1 : 0;
        else h[j] = childrenOf[j].some((c) => h[c] === 1 && base[c] > 0) ? 1 : 0;
      }
      has.push(h);
    }
    patternOf[i] = p;
  });
  const P = has.length;

  const random = mulberry32(options.seed);
  // The same generator inlined in the noise loop (a second, independent stream for the scores).
  const stream: NoiseStream = { origin: (options.seed ^ 0x9e3779b9) | 0, used: 0 };
  const w = new Float64Array(N);
  const share = new Float64Array(N);
  const coef = new Float64Array(P * L);
  const totals = new Float64Array(n);
  const groupWeights = new Float64Array(model.criteria.length);
  /** scoreNoisy's clamp: the lower end, the value, the upper end. */
  const edges = new Float64Array(3);

  const weightsFixed = options.weights.kind === "none";
  const scoreSpread = options.scores.kind === "uniform" ? options.scores.spread : 0;
  const weightSpread = options.weights.kind === "relative" ? options.weights.spread : 0;
  const radius = options.weights.kind === "simplex" ? (options.weights.radius ?? 1) : 1;
  /** A 16-bit draw z becomes −spread + (z + ½)·2·spread/65536: uniform over [−spread, spread] in 65 536 steps. */
  const noiseScale = (2 * scoreSpread) / 65536;
  let topSum = 0;
  for (let t = 0; t < T; t++) topSum += base[tops[t]];

  /** The groups' shares now (w₀) among the groups that count, the centre of the simplex region. */
  const live = Int32Array.from(Array.from(tops).filter((g) => base[g] > 0));
  const centre = Float64Array.from(live, (g) => base[g] / topSum);
  const drawn = new Float64Array(live.length);

  const drawWeights = (): void => {
    w.set(base);
    if (options.weights.kind === "relative" && weightSpread > 0) {
      for (let j = 0; j < N; j++) if (base[j] > 0) w[j] = base[j] * (1 + weightSpread * (2 * random() - 1));
    } else if (options.weights.kind === "simplex" && live.length > 0) {
      drawSimplexShares(centre, radius, random, drawn);
      for (let t = 0; t < live.length; t++) w[live[t]] = drawn[t] * topSum;
    }
  };

  /**
   * The top-level groups' parts of the tree (allNodes is depth first, so each is a stretch of the
   * nodes): its groups in order and its leaf columns. A pattern's coefficients in one part depend on
   * the weights and that part's blanks alone (the group's share is the same for every pattern), so
   * a pattern whose blanks in a part are those of an earlier pattern copies that one's doubles.
   */
  const partGroups: Int32Array[] = [];
  const partLeaves: Int32Array[] = [];
  const copyFrom = new Int32Array(P * T);
  for (let t = 0; t < T; t++) {
    const from = tops[t];
    const to = t + 1 < T ? tops[t + 1] : N;
    partGroups.push(groupIdx.filter((g) => g >= from && g < to));
    partLeaves.push(Int32Array.from({ length: L }, (_, k) => k).filter((k) => leafNode[k] >= from && leafNode[k] < to));
    const first = new Map<string, number>();
    for (let p = 0; p < P; p++) {
      const key = has[p].subarray(from, to).join("");
      const q = first.get(key);
      if (q === undefined) first.set(key, p);
      copyFrom[p * T + t] = q ?? p;
    }
  }

  const computeCoefficients = (): void => {
    let den = 0;
    for (let t = 0; t < T; t++) den += w[tops[t]];
    if (!mean) den = 1;
    for (let t = 0; t < T; t++) share[tops[t]] = den > 0 ? w[tops[t]] / den : 0;
    for (let p = 0; p < P; p++) {
      const h = has[p];
      const off = p * L;
      for (let t = 0; t < T; t++) {
        const cols = partLeaves[t];
        const src = copyFrom[p * T + t];
        if (src !== p) {
          const at = src * L;
          for (let c = 0; c < cols.length; c++) coef[off + cols[c]] = coef[at + cols[c]];
          continue;
        }
        const groups = partGroups[t];
        for (let q = 0; q < groups.length; q++) {
          const g = groups[q];
          const kids = childrenOf[g];
          let s = 0;
          for (let c = 0; c < kids.length; c++) if (h[kids[c]] && w[kids[c]] > 0) s += w[kids[c]];
          for (let c = 0; c < kids.length; c++) {
            const kid = kids[c];
            share[kid] = h[kid] && w[kid] > 0 && s > 0 ? (share[g] * w[kid]) / s : 0;
          }
        }
        for (let c = 0; c < cols.length; c++) {
          const k = cols[c];
          coef[off + k] = h[leafNode[k]] ? share[leafNode[k]] : 0;
        }
      }
    }
  };

  if (weightsFixed) {
    w.set(base);
    computeCoefficients();
  }

  /** The next draw: weights (unless fixed), coefficients, score noise, and every total. */
  const next = (): void => {
    if (!weightsFixed) {
      drawWeights();
      computeCoefficients();
    }
    if (scoreSpread > 0) {
      scoreNoisy(values, coef, patternOf, L, n, min, max, noiseScale, scoreSpread, totals, stream, edges);
    } else scorePlain(values, coef, patternOf, L, n, totals);
    for (let t = 0; t < T; t++) groupWeights[t] = w[tops[t]];
  };

  if (weightsFixed) for (let t = 0; t < T; t++) groupWeights[t] = w[tops[t]];
  return { totals, groupWeights, next };
}

/**
 * The runs of a draw's order, as rank.ts: a run starts at its first value and takes every following
 * one equal to it within the tolerance. Writes the place (the run's start and length) of every
 * measure at bufStart[slot + measure] (the start alone for a place of its own; for a run of several,
 * ~start there and the length at bufLen[slot + measure]). Which of equal totals comes first
 * changes none of these. `srt` is in descending order, so head − v ≥ 0, and the tolerance's bound
 * tol·max(1, |head|, |v|) is at most tol·max(1, |first|, |last|): a gap above that starts a run
 * without the exact test (which it would fail).
 */
function placeRuns(
  srt: Float64Array,
  ord: Int32Array,
  n: number,
  tol: number,
  bufStart: Int32Array,
  bufLen: Int32Array,
  slot: number,
): void {
  if (n === 0) return;
  const wide = tol * Math.max(1, Math.abs(srt[0]), Math.abs(srt[n - 1]));
  let start = 0;
  let head = srt[0];
  for (let k = 1; k <= n; k++) {
    if (k < n) {
      const v = srt[k];
      const gap = head - v;
      if (gap <= wide && Math.abs(gap) <= tol * Math.max(1, Math.abs(head), Math.abs(v))) continue;
      head = v;
    }
    const len = k - start;
    for (let q = start; q < k; q++) {
      const m = ord[q];
      if (len === 1) bufStart[slot + m] = start;
      else {
        bufStart[slot + m] = ~start;
        bufLen[slot + m] = len;
      }
    }
    start = k;
  }
}

export function createSimulation(input: UncertaintyInput, options: UncertaintyOptions): Simulation {
  const { model } = input;
  const tol = model.tolerance;
  const n = input.measures.length;
  const drawer = createDrawer(input, options);
  const totals = drawer.totals;
  const draws = Math.max(0, Math.floor(options.draws));
  const order = Int32Array.from({ length: n }, (_, i) => i);
  /** The totals in `order`'s order, so the insertion compares without an indirection. */
  const sorted = new Float64Array(n);
  /**
   * The rank counts: rankCounts[m·n + r] the draws with m at place r + 1, as the sum of the additions
   * in draw order (1 for a place of its own, 1/len for each place of a run of len). Whole draws are
   * counted first in `pending` (2 bytes a cell, so the counts a flush adds to take a quarter of the
   * room): the count is rankCounts + pending, rankCounts a whole number, until the cell's first
   * fraction: then pending is added (exact, both whole), set to FRACTIONS, and every later addition
   * goes to rankCounts in order, the same sums as adding each draw there. A pending count that
   * would reach 65,535 is added then (whole numbers, exact).
   */
  const rankCounts = new Float64Array(n * n);
  const pending = new Uint16Array(n * n);
  /** Rows of the pairwise counts: every measure (the spans below), the first K (the prefix counts below), or none. */
  const pairRows = pairwiseRows(options.pairwise, n);
  const spans = pairRows > 0 && pairRows === n;
  /**
   * Every pair: the spans in which one measure stands above another. When the insertion moves m
   * above b at draw d, above[m·n + b] −= d (m's span starts, b's ends). So the draws with a above b
   * are above[a·n + b] − above[b·n + a], plus `done` when a is above b at the end (its span still
   * open). tieCounts[a·n + b]: the draws in which a and b tie with a above b in the order; those are
   * ties, not wins. This costs one write per swap, so these draws are always ordered by insertion.
   */
  // Doubles: an entry sums up to draws²/2 (5·10¹³ at the most draws allowed), exact below 2⁵³.
  const above = spans ? new Float64Array(n * n) : null;
  const tieCounts = spans ? new Float64Array(n * n) : null;
  /**
   * The first K measures (K < n): per draw, for each of them, every measure in an earlier run of the
   * draw's order is counted in behind[a·n + b] (b strictly above a) and every other one of its own
   * run in level[a·n + b]. The cost is the sum of their places, small for the top of a ranking.
   */
  const prefix = pairRows > 0 && !spans;
  // Whole numbers up to the draws (at most 10⁷): Int32, an addition of one cycle and half the room.
  const behind = prefix ? new Int32Array(pairRows * n) : null;
  const level = prefix ? new Int32Array(pairRows * n) : null;
  /** Places of the draws not yet added to rankCounts (see flushPlaces). */
  const BUFFERED = Math.max(1, Math.min(256, Math.floor(2 ** 20 / Math.max(1, n))));
  const bufStart = new Int32Array(BUFFERED * n);
  const bufLen = new Int32Array(BUFFERED * n);
  let buffered = 0;
  /** The bucket sort's counts and keys. */
  const bucketCount = new Int32Array(n + 1);
  const bucketOf = new Int32Array(n);
  /**
   * How the draws are ordered, by the disorder seen: insertion into the previous draw's order while
   * it needs few swaps (a draw much like the last), otherwise a bucket sort (linear in n for totals
   * spread over an interval) and an insertion pass within the buckets. An insertion that passes the
   * budget stops and the draw is bucket-sorted; the insertion is tried again after RETRY draws, and
   * after twice as many each time it fails again (up to RETRY_MOST), since a draw's disorder is
   * that of the options, the same draw after draw.
   */
  const swapBudget = Math.max(64, 8 * n);
  let insertNext = true;
  let sinceTried = 0;
  let retryAfter = RETRY;
  let done = 0;

  /**
   * Descending order by insertion into the previous draw's order (the first draw starts from the
   * rank order now). Each step moves m above b, the one pair whose order changes: b's span above m
   * ends, m's starts, recorded in the mover's row, which stays in cache.
   */
  const insertWithSpans = (d: number): void => {
    const srt = sorted;
    const ord = order;
    const tot = totals;
    const ab = above!;
    srt[0] = tot[ord[0]];
    for (let k = 1; k < n; k++) {
      const m = ord[k];
      const v = tot[m];
      let j = k - 1;
      const mn = m * n;
      while (j >= 0 && srt[j] < v) {
        const b = ord[j];
        srt[j + 1] = srt[j];
        ord[j + 1] = b;
        ab[mn + b] -= d;
        j--;
      }
      srt[j + 1] = v;
      ord[j + 1] = m;
    }
  };

  /** Insertion into the previous draw's order with at most `budget` swaps; false (the order still a permutation) when it needs more. */
  const insertWithin = (budget: number): boolean => {
    const srt = sorted;
    const ord = order;
    const tot = totals;
    let swaps = 0;
    if (n > 0) srt[0] = tot[ord[0]];
    for (let k = 1; k < n; k++) {
      const m = ord[k];
      const v = tot[m];
      let j = k - 1;
      while (j >= 0 && srt[j] < v) {
        srt[j + 1] = srt[j];
        ord[j + 1] = ord[j];
        j--;
      }
      srt[j + 1] = v;
      ord[j + 1] = m;
      swaps += k - 1 - j;
      if (swaps > budget) return false;
    }
    return true;
  };

  /**
   * Insertion over `sorted` and `order` as they stand (the values already in place) with at most
   * `budget` swaps; false (the two still a permutation of the totals) when it needs more.
   */
  const insertInPlace = (budget: number): boolean => {
    const srt = sorted;
    const ord = order;
    let swaps = 0;
    for (let k = 1; k < n; k++) {
      const v = srt[k];
      if (!(srt[k - 1] < v)) continue;
      const m = ord[k];
      let j = k - 1;
      do {
        srt[j + 1] = srt[j];
        ord[j + 1] = ord[j];
        j--;
      } while (j >= 0 && srt[j] < v);
      srt[j + 1] = v;
      ord[j + 1] = m;
      swaps += k - 1 - j;
      if (swaps > budget) return false;
    }
    return true;
  };

  /**
   * Bucket sort of the totals, higher first: n buckets over [lowest, highest] of the last draw's
   * order (`sorted` as it stands: an estimate; totals beyond it go to the end buckets), filled in
   * measure order (the rank order now, so nearly sorted within a bucket) with the totals beside,
   * then an insertion pass over the whole order, exact whatever the buckets. Within the range a
   * bucket is a monotone function of the total (each step rounds monotonically), so the pass only
   * sorts within buckets. Should the totals bunch up so that the pass grows long, a comparison sort.
   */
  const bucketSort = (): void => {
    const tot = totals;
    const ord = order;
    const srt = sorted;
    let lo = srt[n - 1];
    let hi = srt[0];
    if (!(hi > lo)) {
      lo = Infinity;
      hi = -Infinity;
      for (let i = 0; i < n; i++) {
        const t = tot[i];
        if (t < lo) lo = t;
        if (t > hi) hi = t;
      }
      if (!(hi > lo)) {
        for (let k = 0; k < n; k++) srt[k] = tot[ord[k]];
        return;
      }
    }
    const count = bucketCount;
    count.fill(0);
    const scale = n / (hi - lo);
    const last = n - 1;
    for (let i = 0; i < n; i++) {
      // floor((t − lo)·scale) within [0, n − 1] (truncation: it is positive there); bucket 0 holds the highest totals.
      const g = (tot[i] - lo) * scale;
      const b = last - (g > 0 ? (g < last ? g | 0 : last) : 0);
      bucketOf[i] = b;
      count[b]++;
    }
    // Each bucket's first place.
    let at = 0;
    for (let b = 0; b < n; b++) {
      const c = count[b];
      count[b] = at;
      at += c;
    }
    for (let i = 0; i < n; i++) {
      const p = count[bucketOf[i]]++;
      ord[p] = i;
      srt[p] = tot[i];
    }
    if (!insertInPlace(swapBudget)) {
      ord.sort((a, b) => tot[b] - tot[a]);
      for (let k = 0; k < n; k++) srt[k] = tot[ord[k]];
    }
  };

  /** The runs of a draw ordered with spans (every pair): the places, as placeRuns, and the ties of each pair. */
  const spanRuns = (slot: number): void => {
    const srt = sorted;
    const ord = order;
    const tc = tieCounts!;
    let start = 0;
    let head = srt[0];
    for (let k = 1; k <= n; k++) {
      const v = k < n ? srt[k] : 0;
      if (k < n && Math.abs(head - v) <= tol * Math.max(1, Math.abs(head), Math.abs(v))) continue;
      const len = k - start;
      for (let q = start; q < k; q++) {
        bufStart[slot + ord[q]] = len === 1 ? start : ~start;
        bufLen[slot + ord[q]] = len;
      }
      // A tie: the order counts this draw in the span of the one above; note it, as a tie and not a win.
      if (len > 1) for (let q = start; q < k; q++) for (let q2 = q + 1; q2 < k; q2++) tc[ord[q] * n + ord[q2]] += 1;
      start = k;
      head = v;
    }
  };

  const oneDraw = (): void => {
    drawer.next();
    const d = done;
    if (spans) insertWithSpans(d);
    else if (insertNext || ++sinceTried >= retryAfter) {
      sinceTried = 0;
      const tried = !insertNext;
      insertNext = insertWithin(swapBudget);
      if (insertNext) retryAfter = RETRY;
      else {
        if (tried) retryAfter = Math.min(RETRY_MOST, 2 * retryAfter);
        bucketSort();
      }
    } else bucketSort();
    const slot = buffered * n;
    if (tieCounts) spanRuns(slot);
    else placeRuns(sorted, order, n, tol, bufStart, bufLen, slot);
    if (behind && level) {
      // The first K measures: everything in an earlier run stands above, the rest of the run is level.
      const ord = order;
      for (let a = 0; a < pairRows; a++) {
        const at = bufStart[slot + a];
        const row = a * n;
        const s0 = at >= 0 ? at : ~at;
        const e0 = at >= 0 ? at + 1 : s0 + bufLen[slot + a];
        for (let q = 0; q < s0; q++) behind[row + ord[q]] += 1;
        for (let q = s0; q < e0; q++) if (ord[q] !== a) level[row + ord[q]] += 1;
      }
    }
    done++;
    if (++buffered === BUFFERED) flushPlaces();
  };

  /**
   * The rank counts of the buffered draws. The counts are n × n and a draw adds to one cell in every
   * row, far apart in memory; so the places of up to BUFFERED draws are kept (a row of n per draw)
   * and added here measure block by measure block, each cell receiving its additions in draw order,
   * as if added draw by draw (the same sums).
   */
  const flushPlaces = (): void => {
    const rc = rankCounts;
    const pc = pending;
    for (let m0 = 0; m0 < n; m0 += 16) {
      const m1 = Math.min(n, m0 + 16);
      for (let b = 0; b < buffered; b++) {
        const base = b * n;
        for (let m = m0; m < m1; m++) {
          const s0 = bufStart[base + m];
          const row = m * n;
          if (s0 >= 0) {
            const cell = row + s0;
            const c = pc[cell];
            if (c < FULL) pc[cell] = c + 1;
            else if (c === FRACTIONS) rc[cell] += 1;
            else {
              rc[cell] += FULL + 1;
              pc[cell] = 0;
            }
          } else {
            const len = bufLen[base + m];
            const part = 1 / len;
            for (let r = row + ~s0, end = r + len; r < end; r++) {
              if (pc[r] !== FRACTIONS) {
                rc[r] += pc[r];
                pc[r] = FRACTIONS;
              }
              rc[r] += part;
            }
          }
        }
      }
    }
    buffered = 0;
  };

  /** The pending whole draws into rankCounts (exact: whole numbers), so that it holds every count. */
  const settleCounts = (): void => {
    flushPlaces();
    const rc = rankCounts;
    const pc = pending;
    for (let cell = 0; cell < rc.length; cell++) {
      const c = pc[cell];
      if (c !== FRACTIONS && c !== 0) {
        rc[cell] += c;
        pc[cell] = 0;
      }
    }
  };

  return {
    get done() {
      return done;
    },
    total: draws,
    step(count: number): number {
      const until = Math.min(draws, done + Math.max(0, Math.floor(count)));
      while (done < until) oneDraw();
      return done;
    },
    result(): UncertaintyResult {
      settleCounts();
      const d = done || 1;
      /** The first `rows` rows of an n-column matrix of counts, as probabilities. */
      const matrix = (m: Float64Array | Int32Array, rows = n): number[][] => {
        const out: number[][] = new Array<number[]>(rows);
        for (let i = 0; i < rows; i++) {
          const row: number[] = new Array<number>(n);
          const off = i * n;
          for (let r = 0; r < n; r++) row[r] = done ? m[off + r] / d : 0;
          out[i] = row;
        }
        return out;
      };
      const ranks = matrix(rankCounts);
      const top = options.top !== undefined ? Math.min(options.top, n) : null;
      let beats: number[][] | null = null;
      let ties: number[][] | null = null;
      if (above && tieCounts) {
        const pos = new Int32Array(n);
        order.forEach((m, k) => (pos[m] = k));
        const won = new Float64Array(n * n);
        const even = new Float64Array(n * n);
        for (let x = 0; x < n; x++)
          for (let y = x + 1; y < n; y++) {
            // The draws with x above y in the order: x's span starts and ends (y's starts), and the span still open.
            const span = above[x * n + y] - above[y * n + x] + (pos[x] < pos[y] ? done : 0);
            const tie = tieCounts[x * n + y] + tieCounts[y * n + x];
            won[x * n + y] = span - tieCounts[x * n + y];
            won[y * n + x] = done - span - tieCounts[y * n + x];
            even[x * n + y] = even[y * n + x] = tie;
          }
        beats = matrix(won);
        ties = matrix(even);
      } else if (behind && level) {
        // a strictly above b in the draws where b is neither above nor level (the diagonal stays 0).
        const won = new Float64Array(pairRows * n);
        for (let a = 0; a < pairRows; a++)
          for (let b = 0; b < n; b++) if (a !== b) won[a * n + b] = done - behind[a * n + b] - level[a * n + b];
        beats = matrix(won, pairRows);
        ties = matrix(level, pairRows);
      }
      return {
        draws: done,
        ids: input.measures.map((m) => m.id),
        names: input.measures.map((m) => m.name),
        ranks,
        top: options.top ?? null,
        // Counts over draws, not a sum of probabilities: a measure in the top N in every draw has exactly 1.
        topN:
          top === null
            ? null
            : Array.from({ length: n }, (_, i) => {
                let c = 0;
                for (let r = 0; r < top; r++) c += rankCounts[i * n + r];
                return done ? c / d : 0;
              }),
        beats,
        ties,
        seed: options.seed,
        weights: options.weights,
        scores: options.scores,
      };
    },
  };
}

/** All draws at once. */
export function simulate(input: UncertaintyInput, options: UncertaintyOptions): UncertaintyResult {
  const sim = createSimulation(input, options);
  sim.step(sim.total);
  return sim.result();
}
