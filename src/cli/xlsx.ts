/**
 * .xlsx files → grids, with exceljs (Node). exceljs is loaded when a file is read, not when the
 * command line starts, and from its prebuilt single-file bundle (`exceljs.bare.min.js`, the same
 * library without browser polyfills): one file to parse instead of several hundred modules, which
 * is most of the command line's start-up.
 */
import { promises as fs } from "fs";
import type ExcelJS from "exceljs";
import type { Grid } from "../grid/grid";
import { worksheetToGrid } from "../grid/xlsx";

export { cellOf, worksheetToGrid } from "../grid/xlsx";

let loaded: typeof ExcelJS | undefined;

/** exceljs, loaded on first use. */
export function exceljs(): typeof ExcelJS {
  loaded ??= require("exceljs/dist/exceljs.bare.min.js") as typeof ExcelJS;
  return loaded;
}

export async function readXlsx(path: string): Promise<{ workbook: ExcelJS.Workbook; grids: Grid[] }> {
  const data = await fs.readFile(path);
  const workbook = new (exceljs().Workbook)();
  await workbook.xlsx.load(data as unknown as ExcelJS.Buffer);
  const grids: Grid[] = [];
  workbook.eachSheet((ws) => grids.push(worksheetToGrid(ws)));
  return { workbook, grids };
}
