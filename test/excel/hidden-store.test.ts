/**
 * A workbook saved by LibreOffice Calc: it has no «very hidden» sheet and saves the add-in's
 * PrioData as hidden (test/fixtures/interop/libreoffice/utvalg.xlsx). Before, the add-in took that
 * sheet for a person's own and stopped («har et navn tillegget bruker»). A hidden PrioData holding
 * a store slot the add-in wrote (header, length and checksum) is the add-in's: the recompute reads
 * it in its usual three syncs, ranks as the file exceljs wrote ranks, and hides the sheet very
 * again without touching a cell or writing to Logg. A hidden PrioData that holds no such slot is
 * still a person's sheet: nothing is read from it or written anywhere.
 */
import { promises as fs } from "fs";
import * as path from "path";
import { ExcelController } from "../../src/excel/controller";
import { checkWritable } from "../../src/excel/own-sheets";
import { recompute, type RecomputeResult } from "../../src/excel/recompute";
import { SHEETS } from "../../src/grid/layout";
import { STORE_SHEET } from "../../src/grid/store";
import { openXlsx } from "../../src/preview/workbook";
import type { SimWorkbook } from "../../src/sim/workbook";
import { hostOf } from "./helpers";

const ROOT = path.resolve(__dirname, "../..");

async function open(file: string): Promise<SimWorkbook> {
  const opened = await openXlsx(new Uint8Array(await fs.readFile(path.join(ROOT, file))).buffer, path.basename(file), "nb");
  if (!opened.ok) throw new Error(opened.message);
  return opened.workbook;
}

const ranking = (r: RecomputeResult) => (r.kind === "ready" ? r.read.assessment.measures.map((m) => [m.id, m.rank, m.total]) : r.kind);
const grid = (wb: SimWorkbook, name: string) => wb.toGrids().find((g) => g.name === name);

test("utvalg.xlsx as LibreOffice saves it: PrioData hidden, read as the store in three syncs, very hidden again, Vurdering and Logg untouched", async () => {
  const expected = await open("examples/utvalg.xlsx");
  const want = ranking(await expected.run((ctx) => recompute(ctx, "nb")));
  expect(want).toHaveLength(30);

  const wb = await open("test/fixtures/interop/libreoffice/utvalg.xlsx");
  expect(wb.sheetInfo(STORE_SHEET).visibility).toBe("Hidden");
  const scoring = grid(wb, SHEETS.scoring);
  const log = grid(wb, SHEETS.log);
  wb.resetSyncCount();
  const result = await wb.run((ctx) => recompute(ctx, "nb"));
  expect(result.kind).toBe("ready");
  expect(ranking(result)).toEqual(want);
  expect(wb.syncCount).toBe(3);
  expect(wb.sheetInfo(STORE_SHEET).visibility).toBe("VeryHidden");
  // Every sheet as the recompute leaves the file exceljs wrote (its first recompute moves the store's id counter on in both).
  expect(grid(wb, STORE_SHEET)).toEqual(grid(expected, STORE_SHEET));
  expect(grid(wb, SHEETS.scoring)).toEqual(scoring);
  expect(grid(wb, SHEETS.log)).toEqual(log);

  // The pane's controller: ready, and an edit through it is written.
  const c = new ExcelController(hostOf(wb), "nb", { debounceMs: 5 });
  await c.start();
  expect(c.getState()).toMatchObject({ status: "ready", error: undefined });
});

test("the operations' check (checkWritable) takes a hidden PrioData holding the store as the store, and a person's as a clash", async () => {
  const wb = await open("test/fixtures/interop/libreoffice/utvalg.xlsx");
  const w = await wb.run((ctx) => checkWritable(ctx, "nb"));
  expect(w.ok && w.store.read.kind).toBe("ok");
  expect(w.ok && w.store.read.kind === "ok" && Object.keys(w.store.read.store.model)).toEqual(expect.arrayContaining(["criteria"]));
  await wb.run(async (ctx) => {
    ctx.workbook.worksheets.getItem(STORE_SHEET).getRange("A1").values = [["Mine notater"]];
    ctx.workbook.worksheets.getItem(STORE_SHEET).getRange("B1").values = [["Mine notater"]];
    await ctx.sync();
  });
  expect(await wb.run((ctx) => checkWritable(ctx, "nb"))).toEqual({
    ok: false,
    message: "Arket «PrioData» har et navn tillegget bruker, men er ikke laget av tillegget. Gi arket et annet navn (høyreklikk på arkfanen, Gi nytt navn); til da skriver tillegget ingenting i arbeidsboken.",
  });
});

test.each([
  ["a person's notes", [["Mine notater", 1], ["Husk: møte fredag", 2]]],
  // A slot header whose checksum does not match what is below it is not the add-in's writing.
  ["a store header over altered text", [["prio-store|1|1|2|00000000"], ["{}"]]],
])("a hidden PrioData holding %s is still a person's sheet: the recompute stops and writes nothing", async (_what, values) => {
  const wb = await open("examples/utvalg.xlsx");
  await wb.run(async (ctx) => {
    const own = ctx.workbook.worksheets.getItem(STORE_SHEET);
    own.visibility = "Visible";
    own.name = "Lagret";
    const mine = ctx.workbook.worksheets.add(STORE_SHEET);
    mine.getRangeByIndexes(0, 0, values.length, values[0].length).values = values;
    mine.visibility = "Hidden";
    await ctx.sync();
  });
  const before = wb.toGrids();
  const result = await wb.run((ctx) => recompute(ctx, "nb"));
  expect(result).toEqual({ kind: "clash", clashes: [STORE_SHEET], sheets: expect.any(Array) });
  expect(wb.toGrids()).toEqual(before);
  expect(wb.sheetInfo(STORE_SHEET).visibility).toBe("Hidden");

  const c = new ExcelController(hostOf(wb), "nb", { debounceMs: 5 });
  await c.start();
  expect(c.getState().error).toBe(
    "Arket «PrioData» har et navn tillegget bruker, men er ikke laget av tillegget. Gi arket et annet navn (høyreklikk på arkfanen, Gi nytt navn); til da skriver tillegget ingenting i arbeidsboken.",
  );
  await c.setWeight("maal", 2);
  expect(wb.toGrids()).toEqual(before);
});
