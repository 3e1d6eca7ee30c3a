/**
 * A ranked list's totals as every output other than the task pane prints them (the slides, CSV
 * and the clipboard table, the command line; the Rangering sheet takes the same decimals as its
 * number format): one number of decimals for the whole ranking, the fewest that keep different
 * totals apart, and one figure for a tie (core/display-total.ts), in the locale (22,8 · 19,37).
 * A part of the ranking (a list of the selection) prints the ranking's figures, looked up by id.
 */
import { displayTotals } from "../core/display-total";
import { formatNumber, type Lang } from "./format";

export interface PrintedTotals {
  /** The decimals of the ranking. */
  decimals: number;
  /** Measure id → its total as printed; absent for a measure without a total. */
  text: Map<string, string>;
}

export function printedTotals(a: { measures: readonly { id: string; total: number | null }[]; model: { tolerance: number } }, lang: Lang): PrintedTotals {
  const d = displayTotals(
    a.measures.map((m) => m.total),
    { tolerance: a.model.tolerance },
  );
  const text = new Map<string, string>();
  a.measures.forEach((m, i) => {
    const v = d.values[i];
    if (v !== null && !text.has(m.id)) text.set(m.id, formatNumber(lang, v, d.decimals));
  });
  return { decimals: d.decimals, text };
}
