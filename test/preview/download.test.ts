/**
 * «Last ned» in the preview: the edited in-memory workbook as .xlsx, read back by exceljs (the
 * CLI's reader) with the same cells, formulas, hidden store and ranking.
 */
import ExcelJS from "exceljs";
import { importLegacy } from "../../src/excel/legacy";
import { recompute } from "../../src/excel/recompute";
import type { Grid } from "../../src/grid/grid";
import { worksheetToGrid } from "../../src/grid/xlsx";
import { readWorkbook } from "../../src/grid/workbook";
import { SHEETS } from "../../src/grid/layout";
import { STORE_SHEET } from "../../src/grid/store";
import { workbookToXlsx } from "../../src/preview/download";
import { meetingWorkbook } from "../excel/helpers";

test("the imported meeting with an edited score comes back from the file with every cell, formula and the new ranking", async () => {
  const wb = await meetingWorkbook();
  await wb.run((ctx) => importLegacy(ctx, "nb"));
  // T006 (row 8) gets Nytte scores: it is ranked 12th with 14 (see the preview's browser test).
  for (const col of ["K", "L", "M", "N", "O"]) wb.userEdit(SHEETS.scoring, `${col}8`, "6");
  await wb.run((ctx) => recompute(ctx, "nb"));

  const data = await workbookToXlsx(wb);
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(data);
  const grids = book.worksheets.map(worksheetToGrid);

  expect(grids.map((g) => g.name)).toEqual(wb.sheetNames());
  // Values and formulas cell by cell (JSON: a blank cell is null on both sides).
  const cells = (g: Grid) => JSON.parse(JSON.stringify(g.rows.map((r) => (r ?? []).map((c) => (c ? [c.value, c.formula ?? null] : null)))));
  for (const g of wb.toGrids()) {
    const back = grids.find((x) => x.name === g.name)!;
    expect([g.name, cells(back)]).toEqual([g.name, cells(g)]);
  }
  expect(book.getWorksheet(STORE_SHEET)!.state).toBe("veryHidden");

  const read = readWorkbook(grids);
  if (read.kind !== "addin") throw new Error(`expected the add-in layout, got ${read.kind}`);
  const t006 = read.assessment.measures.find((m) => m.id === "T006")!;
  expect([t006.rank, t006.total]).toEqual([12, 14]);
  expect(read.store.kind).toBe("ok");
});
