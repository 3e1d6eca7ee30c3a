/**
 * How sure is a rank? Stochastic multicriteria acceptability analysis (SMAA-2) by Monte Carlo:
 * draw weights and scores many times from a seeded generator, rank every draw, and count.
 *
 * - Weights: "relative" multiplies every node's weight by an independent uniform factor in
 *   [1 − x, 1 + x] (0 ≤ x < 1); "simplex" draws the top-level groups' shares uniformly on the whole
 *   simplex (SMAA's «no weight information»), scaled to the current sum of those weights, and
 *   keeps the weights below them; "none" keeps the weights in force. A weight of 0 stays 0.
 * - Scores: "uniform" moves every valid typed score by an independent uniform amount in
 *   [−spread, +spread] on the scale and clamps it to the scale; "none" keeps them. Blank and invalid
 *   cells stay left out, so every draw ranks the same measures: those with a total now.
 * - Each draw ranks the totals as rank.ts does (equal within the model's tolerance share a place).
 *   Measures tied in a draw share the places they occupy equally (two tied for places 6–7 get ½ of
 *   each), so every row and every column of the rank matrix sums to 1; in the pairwise matrix a tie
 *   counts ½ for each side. The model's tie-break is not applied within draws.
 *
 * Fast: the measures' leaf values sit in one typed array; per draw the leaf coefficients (the
 * product of normalised weights along each path) are computed once per pattern of blanks, a total
 * is a dot product, and the ranks come from insertion into the previous draw's order (nearly sorted).
 */
import type { Assessment } from "./assess";
import { allNodes, leaves, type Model } from "./model";
import { mulberry32 } from "./random";

export type WeightDraw = { kind: "none" } | { kind: "simplex" } | { kind: "relative"; spread: number };
export type ScoreDraw = { kind: "none" } | { kind: "uniform"; spread: number };

export interface UncertaintyOptions {
  draws: number;
  seed: number;
  weights: WeightDraw;
  scores: ScoreDraw;
  /** The cut for topN: the probability of a place 1..top. */
  top?: number;
  /** Also count how often each measure ranks above each other one (n² per draw). */
  pairwise?: boolean;
}

export const DEFAULT_UNCERTAINTY: UncertaintyOptions = {
  draws: 10_000,
  seed: 1,
  weights: { kind: "relative", spread: 0.2 },
  scores: { kind: "uniform", spread: 1 },
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
  /** beats[i][j] = probability that i ranks above j (a tie counts ½); null unless asked for. */
  beats: number[][] | null;
}

/** A problem with the options, as a code the catalogs render; null when they are fine. */
export type UncertaintyProblem = "draws" | "weightSpread" | "scoreSpread" | "top" | "seed";

export function checkOptions(o: UncertaintyOptions): UncertaintyProblem | null {
  if (!Number.isInteger(o.draws) || o.draws < 1 || o.draws > 10_000_000) return "draws";
  if (!Number.isInteger(o.seed) || o.seed < 0 || o.seed > 0xffffffff) return "seed";
  if (o.weights.kind === "relative" && !(o.weights.spread >= 0 && o.weights.spread < 1)) return "weightSpread";
  if (o.scores.kind === "uniform" && !(o.scores.spread >= 0 && Number.isFinite(o.scores.spread))) return "scoreSpread";
  if (o.top !== undefined && !(Number.isInteger(o.top) && o.top >= 1)) return "top";
  return null;
}

/** The measures of an assessment that have a total, in rank order, as simulation input. */
export function uncertaintyInput(a: Assessment): UncertaintyInput {
  const leafIds = leaves(a.model).map((l) => l.id);
  return {
    model: a.model,
    measures: a.measures
      .filter((m) => m.rank !== null && m.total !== null)
      .map((m) => ({ id: m.id, name: m.name, values: leafIds.map((id) => m.values[id] ?? null) })),
  };
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

export function createSimulation(input: UncertaintyInput, options: UncertaintyOptions): Simulation {
  const { model } = input;
  const tol = model.tolerance;
  const min = model.scale.min;
  const max = model.scale.max;
  const mean = model.total === "mean";
  const n = input.measures.length;
  const leafNodes = leaves(model);
  const L = leafNodes.length;
  const nodes = allNodes(model);
  const N = nodes.length;
  const index = new Map(nodes.map((nd, i) => [nd, i]));
  const parent = new Int32Array(N).fill(-1);
  const leafOf = new Int32Array(N).fill(-1);
  const base = new Float64Array(N);
  nodes.forEach((nd, i) => {
    base[i] = counts(nd.weight) ? nd.weight : 0;
    nd.children?.forEach((c) => (parent[index.get(c)!] = i));
  });
  leafNodes.forEach((l, k) => (leafOf[index.get(l)!] = k));
  const tops = model.criteria.map((g) => index.get(g)!);
  const groupIdx = nodes.map((nd, i) => (nd.children && nd.children.length ? i : -1)).filter((i) => i >= 0);
  const childrenOf = nodes.map((nd) => (nd.children ?? []).map((c) => index.get(c)!));

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
  // The same generator inlined in the hot loop (a second, independent stream for the scores).
  let state = (options.seed ^ 0x9e3779b9) >>> 0;
  let spare = -1;
  const draws = Math.max(0, Math.floor(options.draws));
  const w = new Float64Array(N);
  const share = new Float64Array(N);
  const coef = new Float64Array(P * L);
  const totals = new Float64Array(n);
  const order = Int32Array.from({ length: n }, (_, i) => i);
  const rankCounts = new Float64Array(n * n);
  const beats = options.pairwise ? new Float64Array(n * n) : null;
  const place = new Int32Array(n);
  let done = 0;

  const weightsFixed = options.weights.kind === "none";
  const scoreSpread = options.scores.kind === "uniform" ? options.scores.spread : 0;
  const weightSpread = options.weights.kind === "relative" ? options.weights.spread : 0;
  /** A 16-bit draw z becomes −spread + (z + ½)·2·spread/65536: uniform over [−spread, spread] in 65 536 steps. */
  const noiseScale = (2 * scoreSpread) / 65536;
  const topSum = tops.reduce((s, g) => s + base[g], 0);

  const drawWeights = (): void => {
    w.set(base);
    if (options.weights.kind === "relative" && weightSpread > 0) {
      for (let j = 0; j < N; j++) if (base[j] > 0) w[j] = base[j] * (1 + weightSpread * (2 * random() - 1));
    } else if (options.weights.kind === "simplex") {
      let sum = 0;
      for (const g of tops)
        if (base[g] > 0) {
          w[g] = -Math.log(1 - random());
          sum += w[g];
        }
      if (sum > 0) for (const g of tops) if (base[g] > 0) w[g] = (w[g] / sum) * topSum;
    }
  };

  const computeCoefficients = (): void => {
    let den = 0;
    for (const g of tops) den += w[g];
    if (!mean) den = 1;
    for (let p = 0; p < P; p++) {
      const h = has[p];
      for (const g of tops) share[g] = den > 0 ? w[g] / den : 0;
      for (const g of groupIdx) {
        const kids = childrenOf[g];
        let s = 0;
        for (const c of kids) if (h[c] && w[c] > 0) s += w[c];
        for (const c of kids) share[c] = h[c] && w[c] > 0 && s > 0 ? (share[g] * w[c]) / s : 0;
      }
      for (let j = 0; j < N; j++) if (leafOf[j] >= 0) coef[p * L + leafOf[j]] = h[j] ? share[j] : 0;
    }
  };

  if (weightsFixed) {
    w.set(base);
    computeCoefficients();
  }

  const oneDraw = (): void => {
    if (!weightsFixed) {
      drawWeights();
      computeCoefficients();
    }
    for (let i = 0; i < n; i++) {
      const off = patternOf[i] * L;
      const row = i * L;
      let t = 0;
      if (scoreSpread > 0) {
        for (let k = 0; k < L; k++) {
          // Two draws per output of the generator: its high and low 16 bits (steps of 2·spread/65536).
          let z: number;
          if (spare < 0) {
            state = (state + 0x6d2b79f5) | 0;
            z = Math.imul(state ^ (state >>> 15), state | 1);
            z ^= z + Math.imul(z ^ (z >>> 7), z | 61);
            z = (z ^ (z >>> 14)) >>> 0;
            spare = z & 0xffff;
            z >>>= 16;
          } else {
            z = spare;
            spare = -1;
          }
          let v = values[row + k] + noiseScale * (z + 0.5) - scoreSpread;
          if (v < min) v = min;
          else if (v > max) v = max;
          t += coef[off + k] * v;
        }
      } else for (let k = 0; k < L; k++) t += coef[off + k] * values[row + k];
      totals[i] = t;
    }
    // Descending order by insertion into the previous draw's order: draws differ little, so the
    // order is nearly sorted and this is close to linear (the first draw starts from the rank order now).
    for (let k = 1; k < n; k++) {
      const m = order[k];
      const v = totals[m];
      let j = k - 1;
      while (j >= 0 && totals[order[j]] < v) {
        order[j + 1] = order[j];
        j--;
      }
      order[j + 1] = m;
    }
    // Runs, as rank.ts: a run starts at its first value and takes every following one equal to it.
    let start = 0;
    let head = totals[order[0]];
    for (let k = 1; k <= n; k++) {
      const v = k < n ? totals[order[k]] : 0;
      if (k < n && Math.abs(head - v) <= tol * Math.max(1, Math.abs(head), Math.abs(v))) continue;
      const len = k - start;
      if (len === 1) {
        const m = order[start];
        place[m] = start;
        rankCounts[m * n + start] += 1;
      } else {
        const part = 1 / len;
        for (let q = start; q < k; q++) {
          const m = order[q];
          place[m] = start;
          const row = m * n;
          for (let r = start; r < k; r++) rankCounts[row + r] += part;
        }
      }
      start = k;
      head = v;
    }
    if (beats) {
      for (let i = 0; i < n; i++)
        for (let j = i + 1; j < n; j++) {
          if (place[i] < place[j]) beats[i * n + j] += 1;
          else if (place[i] > place[j]) beats[j * n + i] += 1;
          else {
            beats[i * n + j] += 0.5;
            beats[j * n + i] += 0.5;
          }
        }
    }
    done++;
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
      const d = done || 1;
      const matrix = (m: Float64Array): number[][] => Array.from({ length: n }, (_, i) => Array.from(m.subarray(i * n, (i + 1) * n), (x) => (done ? x / d : 0)));
      const ranks = matrix(rankCounts);
      const top = options.top !== undefined ? Math.min(options.top, n) : null;
      return {
        draws: done,
        ids: input.measures.map((m) => m.id),
        names: input.measures.map((m) => m.name),
        ranks,
        top: options.top ?? null,
        topN: top === null ? null : ranks.map((row) => row.slice(0, top).reduce((s, p) => s + p, 0)),
        beats: beats ? matrix(beats) : null,
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
