/**
 * Clicking a ranking row selects that measure's row in Vurdering (found by its ID as the sheet is
 * now), or in the legacy layout the measure's column header on its theme sheet.
 */
import { ExcelController } from "../../src/excel/controller";
import { SHEETS } from "../../src/grid/layout";
import type { SimWorkbook } from "../../src/sim/workbook";
import { hostOf, meetingWorkbook } from "./helpers";

async function started(wb: SimWorkbook): Promise<ExcelController> {
  const c = new ExcelController(hostOf(wb), "nb", { debounceMs: 5, clock: () => new Date("2026-11-23T10:00:00Z") });
  await c.start();
  return c;
}

test("selectMeasure selects the whole table row of the measure in Vurdering, in three syncs", async () => {
  const wb = await meetingWorkbook();
  const c = await started(wb);
  await c.importLegacy();
  // T008 is «Kritisk info: Spesialisthelsetjenesten», the 8th imported measure: sheet row 10 (the table's header is on row 2).
  expect(wb.getCell(SHEETS.scoring, "B10").value).toBe("Kritisk info: Spesialisthelsetjenesten");
  wb.resetSyncCount();
  await c.selectMeasure("T008");
  expect(wb.syncCount).toBe(3);
  expect(wb.selection()).toEqual({ sheet: SHEETS.scoring, address: "A10:P10" });
  expect(wb.activeSheetName()).toBe(SHEETS.scoring);
  expect(c.getState().notice).toBeUndefined();
});

test("a row moved since the last recompute is still found by its ID", async () => {
  const wb = await meetingWorkbook();
  const c = await started(wb);
  await c.importLegacy();
  // A person reorders rows by hand: T001 and T002 swap places.
  await wb.run(async (ctx) => {
    ctx.workbook.worksheets.getItem(SHEETS.scoring).getRange("A3:A4").values = [["T002"], ["T001"]];
    await ctx.sync();
  });
  await c.selectMeasure("T001");
  expect(wb.selection()).toEqual({ sheet: SHEETS.scoring, address: "A4:P4" });
});

test("an unknown ID is refused with a warning and selects nothing", async () => {
  const wb = await meetingWorkbook();
  const c = await started(wb);
  await c.importLegacy();
  await c.selectMeasure("T999");
  expect(c.getState().noticeKind).toBe("warning");
  expect(c.getState().notice).toBe("Fant ikke tiltaket T999.");
});

test("in the legacy layout the measure's name cell on its theme sheet is selected", async () => {
  const wb = await meetingWorkbook();
  const c = await started(wb);
  expect(c.getState().status).toBe("legacy");
  const m = c.getState().assessment!.measures.find((x) => x.name === "Kritisk info: Spesialisthelsetjenesten")!;
  await c.selectMeasure(m.id);
  expect(wb.selection()).toEqual({ sheet: "Kritisk info", address: m.address!.split("!")[1] });
});
