/**
 * A sheet as a grid of cells, whether it comes from Excel (values + formulas of the used range)
 * or from an .xlsx file (exceljs). Rows and columns are 0-based from A1.
 */
import { address } from "../core/address";
import { isCellError, type CellValue } from "../core/cell";

export interface GridCell {
  value: CellValue;
  /** The formula without the leading "=", when the cell has one. */
  formula?: string;
  /** A note (comment) on the cell. */
  note?: string;
  /**
   * A formula whose result the file does not hold (`value` is then null): saved by a program that
   * does not calculate, such as openpyxl. Only the .xlsx reader sets it; Excel always has a result.
   */
  uncalculated?: true;
}

export interface Grid {
  name: string;
  /** rows[r][c]; missing rows and cells are blank. */
  rows: (GridCell | undefined)[][];
  /**
   * The Excel table objects on the sheet, when the source knows them (Excel, .xlsx files). A
   * table's range is where it ends: cells outside it are the person's, whatever they hold.
   */
  tables?: GridTable[];
  /**
   * Cells a person formatted as Text («@»), as "row,col", when the source read number formats.
   * Excel stores what is written into such a cell literally, so text goes in without the
   * apostrophe that keeps it text elsewhere (see src/excel/cells.ts).
   */
  textFormatted?: ReadonlySet<string>;
}

/** An Excel table object on a sheet: its name and range (header row included), 0-based, inclusive. */
export interface GridTable {
  name: string;
  headerRow: number;
  firstCol: number;
  lastRow: number;
  lastCol: number;
}

/** The named table on the sheet (names compare as Excel does, ignoring case), if the grid knows it. */
export function tableOn(g: Grid, name: string): GridTable | undefined {
  return g.tables?.find((t) => t.name.toLowerCase() === name.toLowerCase());
}

export function cellAt(g: Grid, r: number, c: number): GridCell | undefined {
  return g.rows[r]?.[c];
}

export function valueAt(g: Grid, r: number, c: number): CellValue {
  return cellAt(g, r, c)?.value ?? null;
}

/** Trimmed text of a string cell, or undefined for anything else (numbers, blanks, errors). */
export function textAt(g: Grid, r: number, c: number): string | undefined {
  const v = valueAt(g, r, c);
  if (typeof v !== "string") return undefined;
  const s = v.trim();
  return s === "" ? undefined : s;
}

export function isBlank(v: CellValue | undefined): boolean {
  return v === null || v === undefined || (typeof v === "string" && v.trim() === "");
}

export function rowCount(g: Grid): number {
  return g.rows.length;
}

export function colCount(g: Grid): number {
  let n = 0;
  for (const row of g.rows) if (row && row.length > n) n = row.length;
  return n;
}

export function addr(g: Grid, r: number, c: number, to?: { row: number; col: number }): string {
  return address(g.name, r, c, to);
}

/** Builds a grid from a 2-D array of values (and optionally formulas), as Office.js returns them. */
export function gridFromValues(name: string, values: CellValue[][], formulas?: (string | number | boolean | null)[][], origin = { row: 0, col: 0 }): Grid {
  const rows: (GridCell | undefined)[][] = [];
  values.forEach((vals, i) => {
    const r = origin.row + i;
    const row: (GridCell | undefined)[] = [];
    vals.forEach((v, j) => {
      const f = formulas?.[i]?.[j];
      // Office gives a constant's value as its "formula": text typed as '=abc is no formula.
      const formula = typeof f === "string" && f.startsWith("=") && f !== v ? f.slice(1) : undefined;
      if (isBlank(v) && formula === undefined) return;
      const cell: GridCell = { value: v };
      if (formula !== undefined) cell.formula = formula;
      row[origin.col + j] = cell;
    });
    rows[r] = row;
  });
  return { name, rows };
}

/** A value as a number when it is one; undefined otherwise. */
export function numberOf(v: CellValue | undefined): number | undefined {
  return typeof v === "number" && Number.isFinite(v) ? v : undefined;
}

export function errorOf(v: CellValue | undefined): string | undefined {
  return isCellError(v) ? v.error : undefined;
}
