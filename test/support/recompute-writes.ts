/**
 * Cells written by one recompute after one score edit, on the in-memory workbook: the figure the
 * bench prints next to the (85 030 cells at 5 000 measures before minimal writes).
 */
import { defaultModel } from "../../src/core/model";
import { createLayout } from "../../src/excel/layout";
import { recompute } from "../../src/excel/recompute";
import { SHEETS } from "../../src/grid/layout";
import { newStore } from "../../src/grid/store";
import { SimWorkbook } from "../../src/sim/workbook";
import { generatedRows } from "../excel/helpers";

export interface RecomputeWrites {
  measures: number;
  /** Cells the recompute after the edit wrote (values, number formats, formats). */
  cellWrites: number;
  syncs: number;
  /** Cells a recompute writes when it rewrites every output (the first one after creating the layout). */
  fullWrites: number;
}

/**
 * Creates the layout with `n` generated measures, recomputes once (a full write), then types one
 * score (the middle measure's first question, 7 → 2 or 2 → 7) and recomputes again.
 */
export async function recomputeWritesAfterOneEdit(n: number): Promise<RecomputeWrites> {
  const wb = SimWorkbook.fromGrids([{ name: "Ark1", rows: [] }]);
  await wb.run((ctx) => createLayout(ctx, defaultModel(), generatedRows(n), newStore(defaultModel(), n + 1), "nb"));
  wb.resetCellWrites();
  await wb.run((ctx) => recompute(ctx, "nb"));
  const fullWrites = wb.cellWrites;
  const row = 3 + Math.floor(n / 2);
  const before = wb.getCell(SHEETS.scoring, `E${row}`).value;
  wb.userEdit(SHEETS.scoring, `E${row}`, before === 2 ? 7 : 2);
  wb.resetCellWrites();
  wb.resetSyncCount();
  await wb.run((ctx) => recompute(ctx, "nb"));
  return { measures: n, cellWrites: wb.cellWrites, syncs: wb.syncCount, fullWrites };
}
