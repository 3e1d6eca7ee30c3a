/**
 * The draws of weights and scores behind the uncertainty analyses: the Monte Carlo of ranks
 * (uncertainty.ts, SMAA-2) and the chance that each measure is funded (funding.ts) run on the same
 * draws for a seed. This file holds their options, their input and the drawer.
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
 *
 * Fast: the measures' leaf values sit in one typed array; per draw the leaf coefficients (the
 * product of normalised weights along each path) are computed once per pattern of blanks, and a
 * total is a dot product, each score's noise drawn as it is added (no buffer between) and clamped
 * to the scale without a branch (scoreNoisy).
 */
import type { Assessment } from "./assess";
import { fullNameTexts } from "./full-name";
import { allNodes, leaves, type Model } from "./model";
import { mulberry32 } from "./random";

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

const counts = (w: number): boolean => Number.isFinite(w) && w > 0;

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
