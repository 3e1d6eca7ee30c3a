/**
 * Standard competition ranking (1, 2, 2, 4) on unrounded totals. Totals equal within the
 * model's tolerance tie; an optional tie-break (ordered groups, higher value first) separates
 * them; what is still equal shares the rank and is flagged `tied`. Measures without a total
 * are not ranked.
 */
import { DEFAULT_TOLERANCE } from "./model";

export function nearlyEqual(a: number, b: number, tolerance: number = DEFAULT_TOLERANCE): boolean {
  return Math.abs(a - b) <= tolerance * Math.max(1, Math.abs(a), Math.abs(b));
}

export interface Rankable {
  total: number | null;
  /** Values of the tie-break keys in order; null ranks below any number. */
  keys?: (number | null)[];
}

export interface RankSlot {
  /** Index into the input array. */
  index: number;
  rank: number | null;
  tied: boolean;
}

/** The ranking as arrays: `order` lists the input indices ranked first (by rank, then input order), then the unranked. */
export interface Ranking {
  order: Int32Array;
  /** rank[k] of order[k]; 0 for the unranked. */
  rank: Int32Array;
  tied: Uint8Array;
  /** How many of `order` are ranked. */
  ranked: number;
}

function descending(a: number | null, b: number | null): number {
  if (a === null && b === null) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  return b - a;
}

/** Up to this many items are sorted by insertion, more by the engine's sort. */
const SMALL = 48;

/**
 * The long loops below go in runs of this many, a call each: the engine optimises a function
 * called many times once, where a long loop in a function called once per ranking is compiled
 * again on the stack (on-stack replacement) at nearly every call.
 */
const RUN = 256;

/**
 * `items` (indices into `value`, in increasing order) sorted by value, higher first, keeping input
 * order among equal values: what sort((a, b) => value[b] − value[a] || a − b) gives (−0 counts as
 * +0, as in the comparison). The engine's own numeric sort of a Float64Array (no comparator, no
 * JavaScript per comparison) orders the values; each item's place among the distinct values is
 * found by binary search, and a counting sort by that place keeps input order among equals.
 */
function sortDescending(items: Int32Array, value: Float64Array): Int32Array {
  const n = items.length;
  if (n <= SMALL) {
    insertionSort(items, value);
    return items;
  }
  const sorted = new Float64Array(n);
  for (let from = 0; from < n; from += RUN) valuesOf(items, value, sorted, from, Math.min(n, from + RUN));
  sorted.sort();
  // The distinct values, higher first.
  const distinct = new Float64Array(n);
  let d = 0;
  for (let to = n; to > 0; to -= RUN) d = distinctDown(sorted, distinct, d, Math.max(0, to - RUN), to);
  const start = new Int32Array(d + 1);
  const place = new Int32Array(n);
  for (let from = 0; from < n; from += RUN) placesOf(items, value, distinct, d, place, start, from, Math.min(n, from + RUN));
  for (let from = 0; from < d; from += RUN) prefixSums(start, from, Math.min(d, from + RUN));
  const out = new Int32Array(n);
  for (let from = 0; from < n; from += RUN) scatter(items, place, start, out, from, Math.min(n, from + RUN));
  return out;
}

/** A few items: insertion sort, stable, the same order (no typed arrays to allocate). */
function insertionSort(items: Int32Array, value: Float64Array): void {
  for (let q = 1; q < items.length; q++) {
    const item = items[q];
    const x = value[item];
    let p = q - 1;
    while (p >= 0 && value[items[p]] < x) {
      items[p + 1] = items[p];
      p--;
    }
    items[p + 1] = item;
  }
}

function valuesOf(items: Int32Array, value: Float64Array, into: Float64Array, from: number, to: number): void {
  for (let q = from; q < to; q++) {
    const x = value[items[q]];
    into[q] = x === 0 ? 0 : x;
  }
}

/** Appends the distinct values of sorted[from … to), from the top down, to distinct[0 … d); returns the new d. */
function distinctDown(sorted: Float64Array, distinct: Float64Array, d: number, from: number, to: number): number {
  for (let q = to - 1; q >= from; q--) if (d === 0 || sorted[q] !== distinct[d - 1]) distinct[d++] = sorted[q];
  return d;
}

/** Each item's place among the d distinct values (higher first), counted into start[place + 1]. */
function placesOf(items: Int32Array, value: Float64Array, distinct: Float64Array, d: number, place: Int32Array, start: Int32Array, from: number, to: number): void {
  for (let q = from; q < to; q++) {
    const x = value[items[q]];
    let lo = 0;
    let hi = d - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (distinct[mid] > x) lo = mid + 1;
      else hi = mid;
    }
    place[q] = lo;
    start[lo + 1]++;
  }
}

function prefixSums(start: Int32Array, from: number, to: number): void {
  for (let p = from; p < to; p++) start[p + 1] += start[p];
}

function scatter(items: Int32Array, place: Int32Array, start: Int32Array, out: Int32Array, from: number, to: number): void {
  for (let q = from; q < to; q++) out[start[place[q]]++] = items[q];
}

/** The totals split: those that rank (entries[0 … e), their totals in value) and the others (unranked[0 … u)), both in input order. */
interface Split {
  value: Float64Array;
  entries: Int32Array;
  e: number;
  unranked: Int32Array;
  u: number;
}

function split(totals: ArrayLike<number | null>, s: Split, from: number, to: number): void {
  let e = s.e;
  let u = s.u;
  for (let i = from; i < to; i++) {
    const t = totals[i];
    if (t === null || !Number.isFinite(t)) s.unranked[u++] = i;
    else {
      s.value[i] = t;
      s.entries[e++] = i;
    }
  }
  s.e = e;
  s.u = u;
}

/** The ranking as it is filled: the next place k and the next rank. */
interface Filling {
  order: Int32Array;
  rank: Int32Array;
  tied: Uint8Array;
  k: number;
  position: number;
}

/** Appends one final run (its members sorted by input index) at the current position. */
function emit(f: Filling, run: ArrayLike<number>, from: number, to: number): void {
  const len = to - from;
  const isTied = len > 1 ? 1 : 0;
  const k = f.k;
  for (let q = from; q < to; q++) {
    f.order[k + q - from] = run[q];
    f.rank[k + q - from] = f.position;
    f.tied[k + q - from] = isTied;
  }
  if (len > 1) f.order.subarray(k, k + len).sort();
  f.k = k + len;
  f.position += len;
}

/**
 * The runs of equal totals that start in entries[start … limit): each takes every following entry
 * equal to its first within the tolerance; returns where the next run starts. Without a tie-break
 * (keyCount 0) each run is emitted; with one, a run of more than one is settled by the keys.
 */
function runsFrom(f: Filling, entries: Int32Array, value: Float64Array, tolerance: number, start: number, limit: number, keyCount: number, settle: (group: number[], level: number) => void): number {
  while (start < limit) {
    const head = value[entries[start]];
    let end = start + 1;
    while (end < entries.length && nearlyEqual(head, value[entries[end]], tolerance)) end++;
    if (end - start > 1 && keyCount > 0) settle(Array.from(entries.subarray(start, end)), 1);
    else emit(f, entries, start, end);
    start = end;
  }
  return start;
}

/**
 * Ranks n items given their totals (null, NaN or ±Infinity: not ranked) and, when there is a
 * tie-break, their keys. Sorted by total (higher first, input order among equals), split into runs:
 * a run starts at its first item and takes every following item equal to that first one within the
 * tolerance, so equality does not chain across a long slope of tiny steps. A run of more than one
 * is split again by the next key the same way; what remains a run shares the rank.
 */
export function rankTotals(totals: ArrayLike<number | null>, keys: ((number | null)[] | undefined)[] | null, tolerance: number = DEFAULT_TOLERANCE): Ranking {
  const n = totals.length;
  const s: Split = { value: new Float64Array(n), entries: new Int32Array(n), e: 0, unranked: new Int32Array(n), u: 0 };
  for (let from = 0; from < n; from += RUN) split(totals, s, from, Math.min(n, from + RUN));
  const value = s.value;
  let keyCount = 0;
  if (keys) for (let q = 0; q < s.e; q++) keyCount = Math.max(keyCount, keys[s.entries[q]]?.length ?? 0);

  const f: Filling = { order: new Int32Array(n), rank: new Int32Array(n), tied: new Uint8Array(n), k: 0, position: 1 };

  // Level 0: the totals, higher first, input order among equal ones.
  const entries = sortDescending(s.entries.subarray(0, s.e), value);
  const keyOf = (i: number, level: number): number | null => keys?.[i]?.[level - 1] ?? null;
  /** Splits a run of equal totals by the tie-break keys from `level` on. */
  const settle = (group: number[], level: number): void => {
    if (level > keyCount || group.length === 1) {
      emit(f, group, 0, group.length);
      return;
    }
    const sorted = [...group].sort((a, b) => descending(keyOf(a, level), keyOf(b, level)) || a - b);
    let run: number[] = [];
    let head: number | null = null;
    for (const i of sorted) {
      const v = keyOf(i, level);
      const same = run.length > 0 && (v === null ? head === null : head !== null && nearlyEqual(head, v, tolerance));
      if (same) run.push(i);
      else {
        if (run.length) settle(run, level + 1);
        run = [i];
        head = v;
      }
    }
    if (run.length) settle(run, level + 1);
  };

  for (let start = 0; start < entries.length; ) start = runsFrom(f, entries, value, tolerance, start, Math.min(entries.length, start + RUN), keyCount, settle);
  const ranked = f.k;
  f.order.set(s.unranked.subarray(0, s.u), ranked);
  return { order: f.order, rank: f.rank, tied: f.tied, ranked };
}

/** Orders and ranks the items. Returns ranked slots first (by rank, then input order), then the unranked. */
export function rank(items: Rankable[], tolerance: number = DEFAULT_TOLERANCE): RankSlot[] {
  const r = rankTotals(
    items.map((it) => it.total),
    items.map((it) => it.keys),
    tolerance,
  );
  const out: RankSlot[] = [];
  for (let k = 0; k < items.length; k++) out.push({ index: r.order[k], rank: k < r.ranked ? r.rank[k] : null, tied: k < r.ranked && r.tied[k] === 1 });
  return out;
}
