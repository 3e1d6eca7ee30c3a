/**
 * What the add-in writes into `Range.values`. Excel reads a string written there as if it were
 * typed: "=…", "+…", "-…", "@…" become formulas (an invalid one makes the whole sync fail),
 * "007" a number, "TRUE" a boolean. A leading apostrophe makes Excel keep the rest as text and is
 * not part of the value read back, so every piece of text the add-in writes goes through here.
 */
import type { CellValue } from "../core/cell";

export type OfficeInput = string | number | boolean;

/** The characters one cell holds (Excel refuses more, failing the whole batch from that write on). */
export const CELL_TEXT_LIMIT = 32767;

/**
 * Text cut to what a cell holds, ending «…» when cut (never between the halves of a surrogate
 * pair). Text the add-in composes (a log line of a removed row, a name with its theme) can pass
 * the limit although no cell it came from does.
 */
export function capText(s: string): string {
  if (s.length <= CELL_TEXT_LIMIT) return s;
  let end = CELL_TEXT_LIMIT - 1;
  const last = s.charCodeAt(end - 1);
  if (last >= 0xd800 && last <= 0xdbff) end--;
  return `${s.slice(0, end)}…`;
}

/** Text as a `values` entry that Excel stores as exactly that text ("" clears the cell), cut to what a cell holds. */
export function asText(s: string): string {
  return s === "" ? "" : `'${capText(s)}`;
}

/**
 * Text for one cell of a sheet read with its number formats: literally into a cell formatted as
 * Text («@»), where Excel would keep an apostrophe as part of the value; with the apostrophe elsewhere.
 */
export function textInto(grid: { textFormatted?: ReadonlySet<string> } | undefined, row: number, col: number, s: string): string {
  return grid?.textFormatted?.has(`${row},${col}`) ? capText(s) : asText(s);
}

/** A cell value as a `values` entry: text kept as text, numbers and booleans as they are, blank as "". */
export function officeInput(v: CellValue | undefined): OfficeInput {
  if (v === null || v === undefined) return "";
  if (typeof v === "string") return asText(v);
  if (typeof v === "object") return v.error;
  return v;
}

/** A 2-D array of cell values as `values` input. */
export function officeRows(rows: readonly (readonly (CellValue | undefined)[])[]): OfficeInput[][] {
  return rows.map((r) => r.map(officeInput));
}
