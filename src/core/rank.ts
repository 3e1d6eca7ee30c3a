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

/**
 * Splits items (already sorted descending by `key`) into runs of equal values. A run starts
 * at its first item and takes every following item equal to that first one, so equality does
 * not chain across a long slope of tiny steps.
 */
function runs<T>(sorted: T[], key: (t: T) => number | null, tolerance: number): T[][] {
  const out: T[][] = [];
  for (const item of sorted) {
    const run = out[out.length - 1];
    const k = key(item);
    const head = run ? key(run[0]) : undefined;
    const same = run !== undefined && (k === null ? head === null : head !== null && head !== undefined && nearlyEqual(head, k, tolerance));
    if (same) run.push(item);
    else out.push([item]);
  }
  return out;
}

function descending(a: number | null, b: number | null): number {
  if (a === null && b === null) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  return b - a;
}

/** Orders and ranks the items. Returns ranked slots first (by rank, then input order), then the unranked. */
export function rank(items: Rankable[], tolerance: number = DEFAULT_TOLERANCE): RankSlot[] {
  type Entry = { index: number; total: number; keys: (number | null)[] };
  const entries: Entry[] = [];
  const unranked: RankSlot[] = [];
  items.forEach((it, index) => {
    if (it.total === null || !Number.isFinite(it.total)) unranked.push({ index, rank: null, tied: false });
    else entries.push({ index, total: it.total, keys: it.keys ?? [] });
  });

  const keyCount = entries.reduce((n, e) => Math.max(n, e.keys.length), 0);
  const settle = (group: Entry[], level: number): Entry[][] => {
    const key = (e: Entry): number | null => (level === 0 ? e.total : (e.keys[level - 1] ?? null));
    const sorted = [...group].sort((a, b) => descending(key(a), key(b)) || a.index - b.index);
    const split = runs(sorted, key, tolerance);
    if (level >= keyCount) return split;
    return split.flatMap((run) => (run.length > 1 ? settle(run, level + 1) : [run]));
  };

  const out: RankSlot[] = [];
  let position = 1;
  for (const run of settle(entries, 0)) {
    const tied = run.length > 1;
    for (const e of [...run].sort((a, b) => a.index - b.index)) out.push({ index: e.index, rank: position, tied });
    position += run.length;
  }
  return [...out, ...unranked];
}
