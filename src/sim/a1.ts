/** A1 addresses of the in-memory workbook: rectangles (0-based, inclusive) with an optional sheet. */
import { columnIndex, columnLetters, quoteSheet } from "../core/address";

export const MAX_ROWS = 1048576;
export const MAX_COLS = 16384;

/** A rectangle of cells, 0-based and inclusive on both ends. */
export interface Rect {
  r0: number;
  c0: number;
  r1: number;
  c1: number;
}

export function rect(r0: number, c0: number, rows = 1, cols = 1): Rect {
  return { r0, c0, r1: r0 + rows - 1, c1: c0 + cols - 1 };
}

export const rowsOf = (r: Rect): number => r.r1 - r.r0 + 1;
export const colsOf = (r: Rect): number => r.c1 - r.c0 + 1;
export const areaOf = (r: Rect): number => rowsOf(r) * colsOf(r);

export function isEntireColumns(r: Rect): boolean {
  return r.r0 === 0 && r.r1 === MAX_ROWS - 1;
}

export function isEntireRows(r: Rect): boolean {
  return r.c0 === 0 && r.c1 === MAX_COLS - 1;
}

/** Whole rows or whole columns: Excel returns null for cell-level properties of these. */
export function isUnbounded(r: Rect): boolean {
  return isEntireColumns(r) || isEntireRows(r);
}

export function inBounds(r: Rect): boolean {
  return r.r0 >= 0 && r.c0 >= 0 && r.r1 < MAX_ROWS && r.c1 < MAX_COLS && r.r0 <= r.r1 && r.c0 <= r.c1;
}

export function intersects(a: Rect, b: Rect): boolean {
  return a.r0 <= b.r1 && b.r0 <= a.r1 && a.c0 <= b.c1 && b.c0 <= a.c1;
}

export function intersection(a: Rect, b: Rect): Rect | undefined {
  if (!intersects(a, b)) return undefined;
  return { r0: Math.max(a.r0, b.r0), c0: Math.max(a.c0, b.c0), r1: Math.min(a.r1, b.r1), c1: Math.min(a.c1, b.c1) };
}

export function contains(outer: Rect, inner: Rect): boolean {
  return inner.r0 >= outer.r0 && inner.r1 <= outer.r1 && inner.c0 >= outer.c0 && inner.c1 <= outer.c1;
}

export function containsCell(r: Rect, row: number, col: number): boolean {
  return row >= r.r0 && row <= r.r1 && col >= r.c0 && col <= r.c1;
}

export function boundingRect(a: Rect, b: Rect): Rect {
  return { r0: Math.min(a.r0, b.r0), c0: Math.min(a.c0, b.c0), r1: Math.max(a.r1, b.r1), c1: Math.max(a.c1, b.c1) };
}

export function sameRect(a: Rect, b: Rect): boolean {
  return a.r0 === b.r0 && a.c0 === b.c0 && a.r1 === b.r1 && a.c1 === b.c1;
}

export function cellName(row: number, col: number): string {
  return `${columnLetters(col)}${row + 1}`;
}

/** `A1`, `A1:C3`, `A:B` for whole columns, `2:4` for whole rows, as Excel writes them. */
export function rectA1(r: Rect): string {
  if (isEntireColumns(r) && !isEntireRows(r)) return `${columnLetters(r.c0)}:${columnLetters(r.c1)}`;
  if (isEntireRows(r)) return `${r.r0 + 1}:${r.r1 + 1}`;
  const a = cellName(r.r0, r.c0);
  return r.r0 === r.r1 && r.c0 === r.c1 ? a : `${a}:${cellName(r.r1, r.c1)}`;
}

/** `Vurdering!A1:C3`, `'Kritisk info'!F9`. */
export function sheetAddress(sheet: string, r: Rect): string {
  return `${quoteSheet(sheet)}!${rectA1(r)}`;
}

export interface ParsedRange {
  sheet?: string;
  rect: Rect;
}

const SHEET = String.raw`(?:'((?:[^']|'')+)'|([^'!:]+))!`;
const CELL = String.raw`\$?([A-Za-z]{1,3})\$?(\d{1,7})`;
const COL = String.raw`\$?([A-Za-z]{1,3})`;
const ROW = String.raw`\$?(\d{1,7})`;
const CELL_RE = new RegExp(`^(?:${SHEET})?${CELL}(?::${CELL})?$`);
const COLS_RE = new RegExp(`^(?:${SHEET})?${COL}:${COL}$`);
const ROWS_RE = new RegExp(`^(?:${SHEET})?${ROW}:${ROW}$`);

function sheetOf(quoted: string | undefined, bare: string | undefined): string | undefined {
  if (quoted !== undefined) return quoted.replace(/''/g, "'");
  return bare;
}

function ordered(r0: number, c0: number, r1: number, c1: number): Rect {
  return { r0: Math.min(r0, r1), c0: Math.min(c0, c1), r1: Math.max(r0, r1), c1: Math.max(c0, c1) };
}

/**
 * Parses `A1`, `$A$1:B2`, `A:C`, `2:4`, each with an optional `Sheet!` or `'My sheet'!` prefix.
 * Undefined when the text is none of these or lies outside the sheet.
 */
export function parseRange(text: string): ParsedRange | undefined {
  const s = text.trim();
  let m = CELL_RE.exec(s);
  if (m) {
    const sheet = sheetOf(m[1], m[2]);
    const r0 = Number(m[4]) - 1;
    const c0 = columnIndex(m[3]);
    const r1 = m[6] !== undefined ? Number(m[6]) - 1 : r0;
    const c1 = m[5] !== undefined ? columnIndex(m[5]) : c0;
    const r = ordered(r0, c0, r1, c1);
    if (!inBounds(r)) return undefined;
    return sheet === undefined ? { rect: r } : { sheet, rect: r };
  }
  m = COLS_RE.exec(s);
  if (m) {
    const sheet = sheetOf(m[1], m[2]);
    const r = ordered(0, columnIndex(m[3]), MAX_ROWS - 1, columnIndex(m[4]));
    if (!inBounds(r)) return undefined;
    return sheet === undefined ? { rect: r } : { sheet, rect: r };
  }
  m = ROWS_RE.exec(s);
  if (m) {
    const sheet = sheetOf(m[1], m[2]);
    const r = ordered(Number(m[3]) - 1, 0, Number(m[4]) - 1, MAX_COLS - 1);
    if (!inBounds(r)) return undefined;
    return sheet === undefined ? { rect: r } : { sheet, rect: r };
  }
  return undefined;
}

/** Key of a cell in a sheet's map. */
export function cellKey(row: number, col: number): number {
  return row * MAX_COLS + col;
}

export function keyRow(key: number): number {
  return Math.floor(key / MAX_COLS);
}

export function keyCol(key: number): number {
  return key % MAX_COLS;
}
