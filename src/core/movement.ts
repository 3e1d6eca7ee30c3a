/**
 * Movement against a chosen baseline: how far each measure moved since a saved round (↑2, ↓1) or
 * whether it is new there («ny»). The baseline is kept in the workbook, so the movement stays until
 * the facilitator chooses another baseline, whatever happens in between (tab switches, unrelated
 * edits, weight changes, reopening). Small on purpose: the task pane's first bundle carries it.
 */
import { normalize } from "./text";

/** One measure of the baseline: id, name and theme (to match a round read from another file), rank. */
export type BaselineEntry = [id: string, name: string, theme: string, rank: number | null];

export interface Baseline {
  roundId: string;
  name: string;
  /** ISO date-time the round was saved. */
  savedAt: string;
  /** "workbook": saved from this workbook (measures match by id); "file": read from another file (match by name). */
  source: "workbook" | "file";
  entries: BaselineEntry[];
}

/** Positive `by` = up. `fresh`: the measure has no rank in the baseline (new there, or unranked then). */
export type Move = { by: number; from: number; fresh?: false } | { by: 0; from: 0; fresh: true };

const key = (name: string, theme: string | undefined) => `${normalize(theme ?? "")}\u0001${normalize(name)}`;

/**
 * Finds the item that is the same measure: by id (rounds of this workbook), else by theme and name
 * (normalised), then by a name that only one item has.
 */
export function matcher<T extends { id: string; name: string; theme?: string }>(items: readonly T[], byId: boolean): (m: { id: string; name: string; theme?: string }) => T | undefined {
  if (byId) {
    const ids = new Map<string, T>();
    for (const it of items) if (!ids.has(it.id)) ids.set(it.id, it);
    return (m) => ids.get(m.id);
  }
  const byKey = new Map<string, T>();
  const byName = new Map<string, T | null>();
  for (const it of items) {
    const k = key(it.name, it.theme);
    if (!byKey.has(k)) byKey.set(k, it);
    const n = normalize(it.name);
    byName.set(n, byName.has(n) ? null : it);
  }
  return (m) => byKey.get(key(m.name, m.theme)) ?? byName.get(normalize(m.name)) ?? undefined;
}

/** The baseline rank of a current measure (matched as `matcher` does); `found` false when it is not in the baseline. */
export function baselineRankOf(baseline: Baseline): (m: { id: string; name: string; theme?: string }) => { found: boolean; rank: number | null } {
  const items = baseline.entries.map(([id, name, theme, rank]) => ({ id, name, theme, rank }));
  const find = matcher(items, baseline.source === "workbook");
  return (m) => {
    const it = find(m);
    return it ? { found: true, rank: it.rank } : { found: false, rank: null };
  };
}

/**
 * The movement of every measure ranked now against the baseline: only those that moved or are new
 * (a measure with the same rank is absent, as a measure without a rank now).
 */
export function movesAgainst(
  baseline: Baseline,
  measures: readonly { id: string; name: string; theme?: string; rank: number | null }[],
): Map<string, Move> {
  const out = new Map<string, Move>();
  const of = baselineRankOf(baseline);
  for (const m of measures) {
    if (m.rank === null) continue;
    const b = of(m);
    if (b.rank === null) out.set(m.id, { by: 0, from: 0, fresh: true });
    else if (b.rank !== m.rank) out.set(m.id, { by: b.rank - m.rank, from: b.rank });
  }
  return out;
}

/** A move as the Rangering sheet writes it: ↑2, ↓1, the word for new, – for unchanged; blank without a rank now. */
export function moveText(move: Move | undefined, ranked: boolean, newWord: string): string {
  if (!ranked) return "";
  if (!move) return "–";
  if (move.fresh) return newWord;
  return move.by > 0 ? `↑${move.by}` : `↓${-move.by}`;
}
