/**
 * Reading sheets into grids. A read is queued for any number of sheets and completes with the
 * caller's single context.sync(), so the number of syncs never depends on the workbook's size.
 */
import type { CellValue } from "../core/cell";
import { gridFromValues, type Grid } from "../grid/grid";

export interface QueuedSheetRead {
  name: string;
  sheet: Excel.Worksheet;
  range: Excel.Range;
  withFormulas: boolean;
}

/**
 * Queues the load of an existing sheet's used range (values, their types and, if asked,
 * formulas). An empty sheet yields an empty grid through the range's null object.
 */
export function queueSheetRead(context: Excel.RequestContext, name: string, withFormulas = false): QueuedSheetRead {
  const sheet = context.workbook.worksheets.getItem(name);
  sheet.load("name");
  const range = sheet.getUsedRangeOrNullObject(true);
  // The sheets the add-in copies text into are read with formulas and number formats: a formula is
  // never overwritten, and a cell formatted as Text takes text without the apostrophe.
  if (withFormulas) range.load(["values", "valueTypes", "formulas", "numberFormat", "rowIndex", "columnIndex"]);
  else range.load(["values", "valueTypes", "rowIndex", "columnIndex"]);
  return { name, sheet, range, withFormulas };
}

/** Office.js values → the core's cell values: errors become CellError, empty strings blanks. */
export function officeValue(v: unknown, type: Excel.RangeValueType | string | undefined): CellValue {
  if (type === "Error") return { error: String(v) };
  if (type === "Empty" || v === null || v === undefined || v === "") return null;
  if (typeof v === "number" || typeof v === "string" || typeof v === "boolean") return v;
  return String(v);
}

/** The grid of a completed read. An empty sheet gives an empty grid. */
export function gridOf(read: QueuedSheetRead): Grid {
  if (read.range.isNullObject) return { name: read.sheet.name, rows: [] };
  const values = read.range.values as unknown[][];
  const types = read.range.valueTypes as string[][];
  const cells: CellValue[][] = values.map((row, i) => row.map((v, j) => officeValue(v, types[i]?.[j])));
  const formulas = read.withFormulas ? (read.range.formulas as (string | number | boolean | null)[][]) : undefined;
  const origin = { row: read.range.rowIndex, col: read.range.columnIndex };
  const grid = gridFromValues(read.sheet.name, cells, formulas, origin);
  if (read.withFormulas) {
    const text = new Set<string>();
    (read.range.numberFormat as unknown[][]).forEach((row, i) =>
      row.forEach((f, j) => {
        if (f === "@") text.add(`${origin.row + i},${origin.col + j}`);
      }),
    );
    if (text.size) grid.textFormatted = text;
  }
  return grid;
}

/** The names of the workbook's sheets and tables (one sync). */
export async function listSheets(context: Excel.RequestContext): Promise<{ sheets: string[]; tables: string[] }> {
  const sheets = context.workbook.worksheets;
  sheets.load("items/name");
  const tables = context.workbook.tables;
  tables.load("items/name");
  await context.sync();
  return { sheets: sheets.items.map((s) => s.name), tables: tables.items.map((tb) => tb.name) };
}

/** Every sheet of the workbook as a grid, with formulas (two syncs). */
export async function readAllGrids(context: Excel.RequestContext, withFormulas: boolean): Promise<Grid[]> {
  const { sheets } = await listSheets(context);
  const reads = sheets.map((name) => queueSheetRead(context, name, withFormulas));
  await context.sync();
  return reads.map(gridOf);
}
