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

/** Up to this many items are sorted by insertion, more by radix. */
const SMALL = 48;

/**
 * Sorts `items` (indices into `value`, in increasing order) by value, higher first, keeping input
 * order among equal values: what sort((a, b) => value[b] − value[a] || a − b) gives, in linear time.
 * A stable least-significant-digit radix sort on the bits of each double, 11 bits a pass, skipping
 * the passes in which every key has the same digit (the low bits of sums of halves and quarters).
 * −0 counts as +0, as in the comparison.
 */
function sortDescending(items: number[], value: Float64Array): void {
  const n = items.length;
  if (n < 2) return;
  if (n <= SMALL) {
    // A few items: insertion sort, stable, the same order (the radix passes cost 2,048 counts each).
    for (let q = 1; q < n; q++) {
      const item = items[q];
      const x = value[item];
      let p = q - 1;
      while (p >= 0 && value[items[p]] < x) {
        items[p + 1] = items[p];
        p--;
      }
      items[p + 1] = item;
    }
    return;
  }
  const bits = new Float64Array(1);
  const words = new Uint32Array(bits.buffer);
  // Little-endian: words[0] the low half, words[1] the high half with the sign. The key of x is
  // ~ascending(x): for x ≥ 0 the bits with the sign kept clear and the rest flipped, for x < 0 the bits as they are.
  const lo = new Uint32Array(n);
  const hi = new Uint32Array(n);
  const littleEndian = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;
  const L = littleEndian ? 0 : 1;
  const H = 1 - L;
  for (let q = 0; q < n; q++) {
    const x = value[items[q]];
    bits[0] = x === 0 ? 0 : x;
    if (words[H] >>> 31) {
      lo[q] = words[L];
      hi[q] = words[H];
    } else {
      lo[q] = ~words[L] >>> 0;
      hi[q] = (words[H] ^ 0x7fffffff) >>> 0;
    }
  }
  const RADIX = 2048;
  const count = new Int32Array(RADIX);
  let src = Int32Array.from(items);
  let dst = new Int32Array(n);
  // The key of item q is found by its position q in the input: keep the positions, not the items.
  let pos = Int32Array.from({ length: n }, (_, q) => q);
  let tmp = new Int32Array(n);
  const digits = new Uint16Array(n);
  for (let shift = 0; shift < 64; shift += 11) {
    // The pass's digit of every key, then a counting sort on it (skipped when all are the same).
    for (let q = 0; q < n; q++) {
      const p = pos[q];
      digits[q] = (shift + 11 <= 32 ? lo[p] >>> shift : shift >= 32 ? hi[p] >>> (shift - 32) : (lo[p] >>> shift) | (hi[p] << (32 - shift))) & 2047;
    }
    count.fill(0);
    for (let q = 0; q < n; q++) count[digits[q]]++;
    if (count[digits[0]] === n) continue;
    let sum = 0;
    for (let d = 0; d < RADIX; d++) {
      const c = count[d];
      count[d] = sum;
      sum += c;
    }
    for (let q = 0; q < n; q++) {
      const at = count[digits[q]]++;
      dst[at] = src[q];
      tmp[at] = pos[q];
    }
    [src, dst] = [dst, src];
    [pos, tmp] = [tmp, pos];
  }
  for (let q = 0; q < n; q++) items[q] = src[q];
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
  const value = new Float64Array(n);
  const entries: number[] = [];
  const unranked: number[] = [];
  for (let i = 0; i < n; i++) {
    const t = totals[i];
    if (t === null || !Number.isFinite(t)) unranked.push(i);
    else {
      value[i] = t;
      entries.push(i);
    }
  }
  let keyCount = 0;
  if (keys) for (const i of entries) keyCount = Math.max(keyCount, keys[i]?.length ?? 0);

  const order = new Int32Array(n);
  const rank = new Int32Array(n);
  const tied = new Uint8Array(n);
  let position = 1;
  let k = 0;
  /** Appends one final run (its members sorted by input index) at the current position. */
  const emit = (run: ArrayLike<number>, from: number, to: number): void => {
    const len = to - from;
    const isTied = len > 1 ? 1 : 0;
    for (let q = from; q < to; q++) {
      order[k + q - from] = run[q];
      rank[k + q - from] = position;
      tied[k + q - from] = isTied;
    }
    if (len > 1) order.subarray(k, k + len).sort();
    k += len;
    position += len;
  };

  // Level 0: the totals, higher first, input order among equal ones.
  sortDescending(entries, value);
  const keyOf = (i: number, level: number): number | null => keys?.[i]?.[level - 1] ?? null;
  /** Splits a run of equal totals by the tie-break keys from `level` on. */
  const settle = (group: number[], level: number): void => {
    if (level > keyCount || group.length === 1) {
      emit(group, 0, group.length);
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

  let start = 0;
  while (start < entries.length) {
    const head = value[entries[start]];
    let end = start + 1;
    while (end < entries.length && nearlyEqual(head, value[entries[end]], tolerance)) end++;
    if (end - start > 1 && keyCount > 0) settle(entries.slice(start, end), 1);
    else emit(entries, start, end);
    start = end;
  }
  const ranked = k;
  for (const i of unranked) order[k++] = i;
  return { order, rank, tied, ranked };
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
