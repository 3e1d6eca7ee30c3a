/**
 * Minimal writes: the add-in compares what it is about to write with what the same recompute
 * already read, and writes only the cells that differ, as runs of neighbouring cells in a row;
 * neighbouring rows with the same runs are written as one range (a column, a block), so a change
 * that touches every row costs a few ranges, not one per row. Every write is counted on the
 * context's payload meter (./payload.ts).
 */
import type { CellValue } from "../core/cell";
import { valueAt, type Grid } from "../grid/grid";
import { officeInput } from "./cells";
import { charge } from "./payload";

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
  const width = rows.reduce((w, r) => Math.max(w, r.length), 0);
  const differs = (i: number, j: number) => j < rows[i].length && (i >= freshFrom || !sameValue(grid, top + i, left + j, rows[i][j]));
  return writeMask(sheet, top, left, rows.length, width, differs, (i, j) => officeInput(rows[i][j]), "values");
}

/**
 * Writes the cells where `differs` holds, as few ranges as it can without writing any other cell:
 * runs along rows, neighbouring rows with the same runs sharing a range, or the same down columns,
 * whichever needs fewer ranges (a change of order touches whole columns; one edit, a few cells of a row).
 * Returns the number of cells queued.
 */
function writeMask<V>(
  sheet: Excel.Worksheet,
  top: number,
  left: number,
  height: number,
  width: number,
  differs: (i: number, j: number) => boolean,
  cell: (i: number, j: number) => V,
  property: "values" | "numberFormat",
): number {
  const mask: boolean[][] = Array.from({ length: height }, (_, i) => Array.from({ length: width }, (_, j) => differs(i, j)));
  const byRows = blocks(height, (i) => runs(width, (j) => mask[i][j]));
  const byCols = blocks(width, (j) => runs(height, (i) => mask[i][j]));
  const useRows = byRows.length <= byCols.length;
  let n = 0;
  for (const b of useRows ? byRows : byCols) {
    // A block: lines [from, to) sharing the run [a, b) across them.
    const [r0, r1, c0, c1] = useRows ? [b.from, b.to, b.a, b.b] : [b.a, b.b, b.from, b.to];
    const values: V[][] = [];
    for (let i = r0; i < r1; i++) {
      const line: V[] = [];
      for (let j = c0; j < c1; j++) line.push(cell(i, j));
      values.push(line);
    }
    const range = sheet.getRangeByIndexes(top + r0, left + c0, r1 - r0, c1 - c0);
    if (property === "values") range.values = values as unknown as (string | number | boolean)[][];
    else range.numberFormat = values as unknown as string[][];
    charge(sheet.context, values);
    n += (r1 - r0) * (c1 - c0);
  }
  return n;
}

/** Runs of each line, neighbouring lines with the same runs merged: `{ from, to, a, b }` per range. */
function blocks(lines: number, runsOf: (line: number) => [number, number][]): { from: number; to: number; a: number; b: number }[] {
  const out: { from: number; to: number; a: number; b: number }[] = [];
  const all = Array.from({ length: lines }, (_, i) => runsOf(i));
  const key = (i: number) => all[i].map(([a, b]) => `${a}-${b}`).join(",");
  for (let i = 0; i < lines; ) {
    let j = i + 1;
    const k = key(i);
    while (j < lines && key(j) === k) j++;
    for (const [a, b] of all[i]) out.push({ from: i, to: j, a, b });
    i = j;
  }
  return out;
}

/**
 * Excel on the web reads number formats back in the workbook's locale (office-js #1553, #1632,
 * #2824): «0.0» comes back as «0,0» and «General» as «Standard» in Norwegian. Codes are compared
 * in a form both spellings share: separators as tokens, General by any of its names. A code the
 * add-in writes is en-US, as `numberFormat` takes it.
 */
export function sameFormat(read: unknown, want: string): boolean {
  if (read === want) return true;
  if (typeof read !== "string") return false;
  const general = (f: string) => f === "" || /^(general|standard|generelt)$/i.test(f);
  if (general(read) || general(want)) return general(read) && general(want);
  return canonical(read, read.includes(",") && !read.includes(".") && !/[#0?],[#0?]{3}(?![#0?])/.test(read)) === canonical(want, false);
}

/** Separators outside quotes as tokens: `decimalComma` reads «,» as the decimal sign (nb), else as the group sign (en). */
function canonical(code: string, decimalComma: boolean): string {
  let out = "";
  let quoted = false;
  for (let i = 0; i < code.length; i++) {
    const ch = code[i];
    if (ch === '"') quoted = !quoted;
    if (quoted || ch === '"') out += ch;
    else if (ch === "\\") out += ch + (code[++i] ?? "");
    else if (ch === ".") out += "\u0001";
    else if (ch === ",") out += decimalComma ? "\u0001" : "\u0002";
    else if (ch === "\u00a0" || (ch === " " && /[#0?]/.test(code[i - 1] ?? "") && /[#0?]/.test(code[i + 1] ?? ""))) out += "\u0002";
    else out += ch;
  }
  return out;
}

/** Like writeChanged, for number formats against the formats read (`now[i][j]`), compared with sameFormat. */
export function writeChangedFormats(
  sheet: Excel.Worksheet,
  now: readonly (readonly string[])[] | undefined,
  top: number,
  left: number,
  want: readonly (readonly string[])[],
): number {
  const width = want.reduce((w, r) => Math.max(w, r.length), 0);
  const differs = (i: number, j: number) => j < want[i].length && !sameFormat(now?.[i]?.[j], want[i][j]);
  return writeMask(sheet, top, left, want.length, width, differs, (i, j) => want[i][j], "numberFormat");
}
