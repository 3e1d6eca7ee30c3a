/** Helpers for the in-memory workbook's tests. */
import type { CellValue } from "../../src/core/cell";
import type { Grid, GridCell } from "../../src/grid/grid";
import { readXlsx } from "../../src/cli/xlsx";
import { SimWorkbook } from "../../src/sim/workbook";

export const MEETING_XLSX = `${__dirname}/../fixtures/prioritering-2022-09.xlsx`;

export async function meeting(): Promise<SimWorkbook> {
  return SimWorkbook.fromGrids((await readXlsx(MEETING_XLSX)).grids);
}

/** A sheet from rows of values; strings starting with "=" are formulas. */
export function sheet(name: string, rows: (CellValue | string)[][]): Grid {
  return {
    name,
    rows: rows.map((row) =>
      row.map((v): GridCell | undefined => {
        if (v === null) return undefined;
        if (typeof v === "string" && v.startsWith("=")) return { value: null, formula: v.slice(1) };
        return { value: v };
      }),
    ),
  };
}

/** The error a promise rejects with (fails the test if it resolves). */
export async function rejection(p: Promise<unknown>): Promise<{ code?: string; message: string; debugInfo?: { errorLocation?: string } }> {
  try {
    await p;
  } catch (e) {
    return e as { code?: string; message: string };
  }
  throw new Error("expected a rejection");
}

/** Lets queued microtasks (event delivery) run. */
export function ticks(n = 5): Promise<void> {
  let p = Promise.resolve();
  for (let i = 0; i < n; i++) p = p.then(() => undefined);
  return p;
}
