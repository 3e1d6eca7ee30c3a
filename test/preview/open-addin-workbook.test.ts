/**
 * A workbook saved by the add-in opens in the preview as the add-in's: its Excel tables and the very
 * hidden PrioData come back as Excel has them, so the add-in does not take its own sheets for a
 * person's sheets with its names (which stops it from writing).
 */
import { promises as fs } from "fs";
import * as path from "path";
import { ExcelController } from "../../src/excel/controller";
import { openXlsx } from "../../src/preview/workbook";

test("examples/utvalg.xlsx: tables and the very hidden store restored, the pane ready with its 30 measures", async () => {
  const data = await fs.readFile(path.resolve(__dirname, "../../examples/utvalg.xlsx"));
  const opened = await openXlsx(new Uint8Array(data).buffer, "utvalg.xlsx", "nb");
  if (!opened.ok) throw new Error(opened.message);
  const wb = opened.workbook;
  expect(wb.tableNames().sort()).toEqual(["PrioInnstillinger", "PrioKvoter", "PrioModell", "PrioRangering", "PrioSteg", "PrioVurdering"]);
  expect(wb.sheetInfo("PrioData")?.visibility).toBe("VeryHidden");
  const c = new ExcelController(wb, "nb");
  await c.start();
  expect([c.getState().status, c.getState().error]).toEqual(["ready", undefined]);
  expect(c.getState().assessment?.measures).toHaveLength(30);
}, 60_000);
