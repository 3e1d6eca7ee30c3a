/**
 * How sure is a rank? Stochastic multicriteria acceptability analysis (SMAA-2) by Monte Carlo:
 * draw weights and scores many times from a seeded generator (uncertainty-draw.ts: the options,
 * the input and the drawer, shared with funding.ts), rank every draw, and count.
 *
 * - Each draw ranks the totals as rank.ts does (equal within the model's tolerance share a place).
 *   Measures tied in a draw share the places they occupy equally (two tied for places 6–7 get ½ of
 *   each), so every row and every column of the rank matrix sums to 1. Pairwise, a draw is a win
 *   for one of two measures or a tie: P(i above j) + P(j above i) + P(tie) = 1. The model's
 *   tie-break is not applied within draws.
 *
 * Fast: the order
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
import { createDrawer, type ScoreDraw, type UncertaintyInput, type UncertaintyOptions, type WeightDraw } from "./uncertainty-draw";

// The options, the input and the drawer, where every caller of the analysis has found them.
export {
  checkOptions,
  createDrawer,
  DEFAULT_UNCERTAINTY,
  drawSimplexShares,
  PAIRWISE_FIRST,
  uncertaintyInput,
  type Drawer,
  type ScoreDraw,
  type UncertaintyInput,
  type UncertaintyOptions,
  type UncertaintyProblem,
  type WeightDraw,
} from "./uncertainty-draw";

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

export interface Simulation {
  /** Draws done so far. */
  readonly done: number;
  readonly total: number;
  /** Runs up to `count` more draws; returns the number done so far. */
  step(count: number): number;
  /** The probabilities from the draws done so far. */
  result(): UncertaintyResult;
}

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
