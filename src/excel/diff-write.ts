/**
 * Minimal writes: the add-in compares what it is about to write with what the same recompute
 * already read, and writes only the cells that differ, as runs of neighbouring cells in a row.
 */
import type { CellValue } from "../core/cell";
import { valueAt, type Grid } from "../grid/grid";
import { officeInput } from "./cells";

/** Whether a cell that holds `now` (as read) already shows `want`; a formula never does. */
export function sameValue(grid: Grid, row: number, col: number, want: CellValue): boolean {
  if (grid.rows[row]?.[col]?.formula !== undefined) return false;
  const now = valueAt(grid, row, col);
  const blank = (v: CellValue) => v === null || v === "";
  if (blank(want) || blank(now)) return blank(want) && blank(now);
  if (typeof want === "object" && want !== null) return typeof now === "object" && now !== null && now.error === want.error;
  return now === want;
}

/** Columns [from, to) of row `i` where `differs` holds, as runs. */
export function runs(width: number, differs: (j: number) => boolean): [number, number][] {
  const out: [number, number][] = [];
  let start = -1;
  for (let j = 0; j <= width; j++) {
    const d = j < width && differs(j);
    if (d && start < 0) start = j;
    if (!d && start >= 0) {
      out.push([start, j]);
      start = -1;
    }
  }
  return out;
}

/**
 * Writes `rows` at (top, left) of `sheet`, only the cells whose value differs from `grid` (the
 * same sheet as read in this recompute). Rows at or past `freshFrom` (relative) are new and
 * written whole. Returns the number of cells queued.
 */
export function writeChanged(
  sheet: Excel.Worksheet,
  grid: Grid,
  top: number,
  left: number,
  rows: readonly (readonly CellValue[])[],
  freshFrom = Infinity,
): number {
  let n = 0;
  rows.forEach((row, i) => {
    const fresh = i >= freshFrom;
    for (const [a, b] of runs(row.length, (j) => fresh || !sameValue(grid, top + i, left + j, row[j]))) {
      sheet.getRangeByIndexes(top + i, left + a, 1, b - a).values = [row.slice(a, b).map(officeInput)];
      n += b - a;
    }
  });
  return n;
}

/** Like writeChanged, for number formats against the formats read (`now[i][j]`). */
export function writeChangedFormats(
  sheet: Excel.Worksheet,
  now: readonly (readonly string[])[] | undefined,
  top: number,
  left: number,
  want: readonly (readonly string[])[],
): number {
  let n = 0;
  want.forEach((row, i) => {
    for (const [a, b] of runs(row.length, (j) => now?.[i]?.[j] !== row[j])) {
      sheet.getRangeByIndexes(top + i, left + a, 1, b - a).numberFormat = [row.slice(a, b) as string[]];
      n += b - a;
    }
  });
  return n;
}
