/** Test support for the Excel adapter: the in-memory workbook as the host, and ways to build workbooks. */
import type { CellValue } from "../../src/core/cell";
import { defaultModel, leaves, type Model } from "../../src/core/model";
import type { ExcelHost } from "../../src/excel/host";
import { readXlsx } from "../../src/cli/xlsx";
import type { Grid } from "../../src/grid/grid";
import type { ScoringRow } from "../../src/grid/import";
import { SimWorkbook } from "../../src/sim/workbook";
import { STORE_SHEET, slotCells } from "../../src/grid/store";
import { readStoreSlots } from "../../src/grid/workbook";

export const MEETING_XLSX = `${__dirname}/../fixtures/prioritering-2022-09.xlsx`;

export function hostOf(wb: SimWorkbook): ExcelHost {
  return { run: (batch) => wb.run(batch) };
}

export async function meetingWorkbook(): Promise<SimWorkbook> {
  return SimWorkbook.fromGrids((await readXlsx(MEETING_XLSX)).grids);
}

export function emptyWorkbook(): SimWorkbook {
  return SimWorkbook.fromGrids([{ name: "Ark1", rows: [] }]);
}

/** Deterministic measures for size tests: scores from a small LCG, a few blanks. */
export function generatedRows(n: number, model: Model = defaultModel()): ScoringRow[] {
  let seed = 42;
  const rnd = () => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed / 2147483648;
  };
  const leafCount = leaves(model).length;
  return Array.from({ length: n }, (_, i) => ({
    id: `T${String(i + 1).padStart(4, "0")}`,
    name: `Tiltak ${i + 1}`,
    theme: `Tema ${(i % 7) + 1}`,
    actor: "",
    scores: Array.from({ length: leafCount }, (): CellValue => (rnd() < 0.03 ? null : Math.round(rnd() * 10))),
    comment: "",
  }));
}

/** The value of a cell as the core sees it. */
export function valueAt(wb: SimWorkbook, sheet: string, address: string): CellValue {
  return wb.getCell(sheet, address).value;
}

/** Grids of sheets other than the named ones, for "left untouched" comparisons. */
export function gridsExcept(wb: SimWorkbook, names: string[]): Grid[] {
  const skip = new Set(names.map((n) => n.toLowerCase()));
  return wb.toGrids().filter((g) => !skip.has(g.name.toLowerCase()));
}

/** Waits for the debounce and the recompute it starts. */
export function settle(ms = 60): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** Writes JSON into the store's next slot as the add-in (or a newer version of it) would: header and all. */
export function writeNextSlot(wb: SimWorkbook, json: string): void {
  const { target } = readStoreSlots(wb.toGrids());
  slotCells(json, target.generation).forEach(([v], i) => wb.userEdit(STORE_SHEET, `${"AB"[target.col]}${i + 1}`, `'${String(v)}`));
}
