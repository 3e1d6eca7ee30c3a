/**
 * «Synkroniser» asks first: planSync works out the cells and sheets it will write and writes
 * nothing; the confirmed sync then writes exactly that many cells.
 */
import { ExcelController } from "../../src/excel/controller";
import { SimWorkbook } from "../../src/sim/workbook";
import { hostOf, meetingWorkbook } from "./helpers";

async function started(wb: SimWorkbook): Promise<ExcelController> {
  const c = new ExcelController(hostOf(wb), "nb", { debounceMs: 5, clock: () => new Date("2026-11-23T10:00:00Z") });
  await c.start();
  return c;
}

test("the plan names the cells and sheets, writes nothing, and the confirmed sync writes that many", async () => {
  const wb = await meetingWorkbook();
  const c = await started(wb);
  const before = wb.toGrids();
  wb.resetCellWrites();
  wb.resetSyncCount();
  await c.planSync();
  expect(wb.cellWrites).toBe(0);
  expect(wb.toGrids()).toEqual(before);
  expect(wb.syncCount).toBe(2);
  const plan = c.getState().syncPlan!;
  expect(plan.sheets).toEqual(["DBEP", "Dokumentdeling", "Kritisk info", "Felles hjelpenummer", "DHO", "Samlet"]);
  expect(plan.cells).toBe(41);
  expect(c.getState().notice).toBeUndefined();

  await c.syncLegacy();
  expect(c.getState().syncPlan).toBeUndefined();
  expect(c.getState().notice).toBe(
    `${plan.cells} celler er oppdatert i de opprinnelige arkene. Det som sto der før, står i arket Logg.`,
  );
});

test("cancelling drops the plan and writes nothing; with nothing to write the plan says so", async () => {
  const wb = await meetingWorkbook();
  const c = await started(wb);
  await c.planSync();
  wb.resetCellWrites();
  await c.cancelSync();
  expect(c.getState().syncPlan).toBeUndefined();
  expect(wb.cellWrites).toBe(0);

  await c.planSync();
  await c.syncLegacy();
  await c.planSync();
  expect(c.getState().syncPlan).toBeUndefined();
  expect(c.getState().notice).toBe("De opprinnelige arkene stemmer allerede med modellen; ingenting er endret.");
});

test("a workbook without legacy sheets gets a warning, not a plan", async () => {
  const wb = SimWorkbook.fromGrids([{ name: "Ark1", rows: [] }]);
  const c = await started(wb);
  await c.planSync();
  expect(c.getState().syncPlan).toBeUndefined();
  expect(c.getState().noticeKind).toBe("warning");
});
