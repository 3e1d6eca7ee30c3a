/**
 * A bad weight typed on Modell is reported at its own cell, by the criterion's name, and the cell
 * is coloured until it is put right.
 */
import { ExcelController } from "../../src/excel/controller";
import { MODEL_PROBLEM_FILL } from "../../src/excel/model-highlight";

/** The add-in's marks on Modell: [address, fill] of its own conditional formats. */
function modelMarks(wb: SimWorkbook): [string, string][] {
  return wb
    .conditionalFormats(SHEETS.model)
    .filter((cf) => JSON.stringify(cf.props).includes("PrioModellmerknad"))
    .map((cf) => [cf.address, (cf.props as { custom: { format: { fill: { color: string } } } }).custom.format.fill.color]);
}
import { SHEETS } from "../../src/grid/layout";
import { findingMessage } from "../../src/i18n";
import type { SimWorkbook } from "../../src/sim/workbook";
import { hostOf, meetingWorkbook, settle } from "./helpers";

async function imported(wb: SimWorkbook): Promise<ExcelController> {
  const c = new ExcelController(hostOf(wb), "nb", { debounceMs: 5, clock: () => new Date("2026-11-23T10:00:00Z") });
  await c.start();
  await c.importLegacy();
  return c;
}

test("«mye» as Kostnader's weight: a finding at Modell!G5 naming Kostnader, in both languages, and the cell coloured", async () => {
  const wb = await meetingWorkbook();
  const c = await imported(wb);
  // Modell: header on row 1, then maal, maal.behov, maal.prioritet, kost (row 5); Vekt is column G.
  expect(wb.getCell(SHEETS.model, "A5").value).toBe("kost");
  wb.userEdit(SHEETS.model, "G5", "mye");
  await settle(80);
  const s = c.getState();
  const f = s.assessment!.findings.find((x) => x.code === "model-invalid")!;
  expect(f.cell).toBe("Modell!G5");
  expect(findingMessage(f, "nb", s.assessment!.model)).toBe(
    "Modellen på arket Modell kan ikke brukes, så den siste gyldige modellen gjelder: vekten «mye» for Kostnader er ikke et tall fra 0 til 1 000 000. Skriv et tall, for eksempel 1 eller 1,5. Rett cellen, så tas modellen i bruk igjen.",
  );
  expect(findingMessage(f, "en", s.assessment!.model)).toBe(
    "The model on the Modell sheet cannot be used, so the last valid model applies: the weight “mye” of Costs (complexity) is not a number from 0 to 1,000,000. Type a number such as 1 or 1.5. Fix the cell and the model applies again.",
  );
  // The add-in's own conditional format marks the cell; the cell's fill (the person's) is untouched.
  expect(modelMarks(wb)).toEqual([["G5", MODEL_PROBLEM_FILL]]);
  expect(wb.getCell(SHEETS.model, "G5").format?.fill ?? null).toBeNull();

  // Put right: the finding goes, the colour too, and the cell keeps what was typed.
  wb.userEdit(SHEETS.model, "G5", "2");
  await settle(80);
  expect(c.getState().assessment!.findings.filter((x) => x.code === "model-invalid")).toEqual([]);
  expect(modelMarks(wb)).toEqual([]);
  expect(wb.getCell(SHEETS.model, "G5").value).toBe(2);
});

test("a person's fill on a bad weight cell stays, under and after the add-in's mark", async () => {
  const wb = await meetingWorkbook();
  const c = await imported(wb);
  wb.userFormat(SHEETS.model, "G5", { fill: "#FFFF00" });
  wb.userEdit(SHEETS.model, "G5", "mye");
  await settle(80);
  expect(modelMarks(wb)).toEqual([["G5", MODEL_PROBLEM_FILL]]);
  expect(wb.getCell(SHEETS.model, "G5").format?.fill).toBe("#FFFF00");
  wb.userEdit(SHEETS.model, "G5", "2");
  await settle(80);
  expect(c.getState().assessment!.findings.filter((x) => x.code === "model-invalid")).toEqual([]);
  expect(modelMarks(wb)).toEqual([]);
  expect(wb.getCell(SHEETS.model, "G5").format?.fill).toBe("#FFFF00");
});

test("a recompute with the same bad cell writes no colour again (no extra sync)", async () => {
  const wb = await meetingWorkbook();
  const c = await imported(wb);
  wb.userEdit(SHEETS.model, "G5", "mye");
  await settle(80);
  wb.resetSyncCount();
  await c.recalc();
  const withProblem = wb.syncCount;
  wb.userEdit(SHEETS.model, "G5", "1");
  await settle(80);
  wb.resetSyncCount();
  await c.recalc();
  expect(wb.syncCount).toBe(withProblem);
});

test("a tie-break naming no group is reported at the setting's value cell", async () => {
  const wb = await meetingWorkbook();
  const c = await imported(wb);
  // Innstillinger (L1:M7): Navn, Skala fra, Skala til, Total, Ved lik total (row 6).
  expect(wb.getCell(SHEETS.model, "L6").value).toBe("Ved lik total");
  wb.userEdit(SHEETS.model, "M6", "kvalitet");
  await settle(80);
  const f = c.getState().assessment!.findings.find((x) => x.code === "model-invalid")!;
  expect(f.cell).toBe("Modell!M6");
  expect(findingMessage(f, "nb", c.getState().assessment!.model)).toBe(
    "Modellen på arket Modell kan ikke brukes, så den siste gyldige modellen gjelder: uavgjort-regelen nevner kvalitet, som ikke er en gruppe i modellen. Rett cellen, så tas modellen i bruk igjen.",
  );
});
