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
  // A copy into this realm's ArrayBuffer, which the bundle's zip reader recognises wherever it runs
  // (under jsdom a Node Buffer, or its ArrayBuffer, comes from another realm and is refused).
  await workbook.xlsx.load(new Uint8Array(data).buffer);
  const grids: Grid[] = [];
  workbook.eachSheet((ws) => grids.push(worksheetToGrid(ws)));
  return { workbook, grids };
}
