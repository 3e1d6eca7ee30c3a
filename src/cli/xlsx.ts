/**
 * .xlsx files → grids, with exceljs (Node), after the guard has looked at the file. exceljs is
 * loaded when a file is read, not when the command line starts, and from its prebuilt single-file
 * bundle (`exceljs.bare.min.js`, the same library without browser polyfills): one file to parse
 * instead of several hundred modules, which is most of the command line's start-up.
 */
import type ExcelJS from "exceljs";
import { promises as fs } from "fs";
import * as path from "path";
import { DecompressionStream } from "stream/web";
import { TextDecoder, TextEncoder } from "util";
import type { Grid } from "../grid/grid";
import { guardWorkbook, LIMITS, type Platform, type Refusal } from "../grid/xlsx-guard";
import { worksheetToGrid } from "../grid/xlsx";
import { loadChecked } from "../grid/xlsx-load";

export { cellOf, worksheetToGrid } from "../grid/xlsx";

/** A file the guard refused: what it is, or which limit it passes. */
export class RefusedFile extends Error {
  constructor(readonly refusal: Refusal) {
    super(refusal.kind);
  }
}

/** Node's own text and zip streams for the guard, so that it runs in any environment (also jest's jsdom, which lacks them). */
export const NODE_PLATFORM: Platform = {
  TextDecoder: TextDecoder as unknown as typeof globalThis.TextDecoder,
  TextEncoder: TextEncoder as unknown as typeof globalThis.TextEncoder,
  DecompressionStream: DecompressionStream as unknown as typeof globalThis.DecompressionStream,
};

let loaded: typeof ExcelJS | undefined;

/** exceljs, loaded on first use. */
export function exceljs(): typeof ExcelJS {
  loaded ??= require("exceljs/dist/exceljs.bare.min.js") as typeof ExcelJS;
  return loaded;
}

export async function readXlsx(file: string): Promise<{ workbook: ExcelJS.Workbook; grids: Grid[] }> {
  const { size } = await fs.stat(file);
  // The size first, so that a huge file is never read into memory.
  if (size > LIMITS.fileBytes) throw new RefusedFile({ kind: "file-size", bytes: size, limit: LIMITS.fileBytes });
  const bytes = await fs.readFile(file);
  const checked = await guardWorkbook(new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength), path.basename(file), NODE_PLATFORM);
  if (!checked.ok) throw new RefusedFile(checked.refusal);
  const ExcelJs = exceljs();
  const workbook = await loadChecked(() => new ExcelJs.Workbook(), checked);
  // The zip was sound but exceljs could not read its content, not even without the tables.
  if (!workbook) throw new RefusedFile({ kind: "unreadable" });
  const grids: Grid[] = [];
  workbook.eachSheet((ws) => grids.push(worksheetToGrid(ws)));
  return { workbook, grids };
}
