/**
 * The terminal's tables: columns padded to their widest cell (at most a width per column, a longer
 * cell cut with «…»), right-aligned where asked, two spaces between; and MNOK from the selection's
 * hundredths. Used by `prio score`, `prio select` and `prio plan`.
 */
import { COST_UNITS_PER_MNOK } from "../core/selection-problem";

/** A cell padded (or cut with «…») to `width` characters, counted as code points. */
export function pad(s: string, width: number, right = false): string {
  const len = [...s].length;
  if (len > width) return [...s].slice(0, width - 1).join("") + "…";
  return right ? " ".repeat(width - len) + s : s + " ".repeat(width - len);
}

/** The table's lines, each begun with `indent`, trailing spaces trimmed. */
export function tableLines(rows: string[][], right: Set<number>, maxWidth: number[], indent = ""): string[] {
  const widths = rows[0].map((_, c) => Math.min(maxWidth[c] ?? 60, Math.max(...rows.map((r) => [...r[c]].length))));
  return rows.map((r) => indent + r.map((cell, c) => pad(cell, widths[c], right.has(c))).join("  ").trimEnd());
}

/** Hundredths of a MNOK as MNOK; null stays null. */
export const mnok = (h: number | null | undefined): number | null => (h === null || h === undefined ? null : h / COST_UNITS_PER_MNOK);
