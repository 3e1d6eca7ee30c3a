/**
 * The Rangering sheet prints its totals as every output does (core/display-total.ts): the Score
 * column's number format has the fewest decimals that keep different totals apart («0.00» when
 * 18,05 and 18,07 would both read 18,1), a tie is one figure, and a recompute writes a number
 * format only where it changes (an edit that keeps the decimals writes none; one that changes them
 * writes the Score cells' formats once, and nothing after).
 */
import { cellA1 } from "../../src/core/address";
import type { CellValue } from "../../src/core/cell";
import { defaultModel, leaves } from "../../src/core/model";
import { createLayout } from "../../src/excel/layout";
import { recompute } from "../../src/excel/recompute";
import type { ScoringRow } from "../../src/grid/import";
import { SHEETS } from "../../src/grid/layout";
import { newStore } from "../../src/grid/store";
import type { SimWorkbook } from "../../src/sim/workbook";
import { emptyWorkbook } from "./helpers";

const model = defaultModel();
const LEAVES = leaves(model).length;

/** All leaves `v`, the first (Måloppnåelse, column E) `first`: total 3v + (first − v)/2. */
function row(id: string, name: string, v: number, first = v): ScoringRow {
  const scores: CellValue[] = Array.from({ length: LEAVES }, (_, i) => (i === 0 ? first : v));
  return { id, name, theme: "Tema", actor: "", scores, comment: "" };
}

/** Score (C) and its number format on rows 2–6 of Rangering, with the measure's ID (column after Merknader). */
function shown(wb: SimWorkbook): { total: CellValue; format: string }[] {
  return [2, 3, 4, 5, 6].map((r) => ({ total: wb.getCell(SHEETS.ranking, `C${r}`).value, format: wb.getCell(SHEETS.ranking, `C${r}`).numberFormat }));
}

/** Number formats of Rangering by cell. */
function formats(wb: SimWorkbook): Map<string, string> {
  const g = wb.toGrids().find((x) => x.name === SHEETS.ranking)!;
  const out = new Map<string, string>();
  for (let r = 0; r < g.rows.length; r++) for (let c = 0; c < 30; c++) out.set(cellA1(r, c), wb.getCell(SHEETS.ranking, cellA1(r, c)).numberFormat);
  return out;
}

const changedFormats = (a: Map<string, string>, b: Map<string, string>) => [...a.keys()].filter((k) => a.get(k) !== b.get(k)).sort();

test("18,07 and 18,05 print with two decimals, the tie at 18 as one figure; a format is written only where it changes", async () => {
  const wb = emptyWorkbook();
  const rows = [row("T1", "Lik A", 6), row("T2", "Lik B", 6), row("T3", "Nær A", 6, 6.1), row("T4", "Nær B", 6, 6.14), row("T5", "Lav", 3)];
  await wb.run((ctx) => createLayout(ctx, model, rows, newStore(model, 6), "nb"));
  const first = await wb.run((ctx) => recompute(ctx, "nb"));
  if (first.kind !== "ready") throw new Error(first.kind);
  expect(first.read.assessment.measures.map((m) => [m.id, m.rank, m.total])).toEqual([
    ["T4", 1, 18.07],
    ["T3", 2, 18.05],
    ["T1", 3, 18],
    ["T2", 3, 18],
    ["T5", 5, 9],
  ]);
  // One decimal would print 18,1 twice for two different totals: every Score cell has two.
  expect(shown(wb)).toEqual([
    { total: 18.07, format: "0.00" },
    { total: 18.05, format: "0.00" },
    { total: 18, format: "0.00" },
    { total: 18, format: "0.00" },
    { total: 9, format: "0.00" },
  ]);

  const cell = (id: string) => `E${first.read.scoring.rowOf.get(id)! + 1}`;
  // An edit that keeps the decimals (Lav 9 → 9,5) writes no number format.
  let before = formats(wb);
  wb.userEdit(SHEETS.scoring, cell("T5"), 4);
  wb.resetCellWrites();
  await wb.run((ctx) => recompute(ctx, "nb"));
  expect(changedFormats(before, formats(wb))).toEqual([]);
  expect(wb.getCell(SHEETS.ranking, "C6").value).toBe(9.5);

  // An edit that parts the near-tie (Nær B 18,07 → 18,5): one decimal tells every total apart again.
  before = formats(wb);
  wb.userEdit(SHEETS.scoring, cell("T4"), 7);
  wb.resetCellWrites();
  await wb.run((ctx) => recompute(ctx, "nb"));
  expect(changedFormats(before, formats(wb))).toEqual(["C2", "C3", "C4", "C5", "C6"]);
  expect(shown(wb).map((s) => s.format)).toEqual(["0.0", "0.0", "0.0", "0.0", "0.0"]);
  expect(shown(wb).map((s) => s.total)).toEqual([18.5, 18.05, 18, 18, 9.5]);

  // Nothing changed: nothing written, no format either.
  wb.resetCellWrites();
  await wb.run((ctx) => recompute(ctx, "nb"));
  expect(wb.cellWrites).toBe(0);
});
