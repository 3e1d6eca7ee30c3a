/**
 * A damaged store is repaired, not trusted: while it is damaged the checklist sync neither
 * reverts a typed rename nor adds a deleted measure back; the person rebuilds it from the tables
 * (the old content goes to Logg), and then every difference between the tables is a question.
 */
import { defaultModel } from "../../src/core/model";
import { ExcelController } from "../../src/excel/controller";
import { createLayout } from "../../src/excel/layout";
import { SHEETS, TABLES } from "../../src/grid/layout";
import { newStore, STORE_SHEET } from "../../src/grid/store";
import { readStore } from "../../src/grid/workbook";
import { SimWorkbook } from "../../src/sim/workbook";
import { emptyWorkbook, hostOf, settle, valueAt, writeNextSlot } from "./helpers";

async function portfolio(): Promise<{ wb: SimWorkbook; c: ExcelController }> {
  const wb = emptyWorkbook();
  const rows = ["PLL", "Akson", "Digital patologi"].map((name, i) => ({ id: `T00${i + 1}`, name, theme: "", actor: "", scores: [], comment: "" }));
  await wb.run((ctx) => createLayout(ctx, defaultModel(), rows, newStore(defaultModel(), 4), "nb"));
  const c = new ExcelController(hostOf(wb), "nb", { debounceMs: 5, clock: () => new Date("2026-11-23T10:00:00Z") });
  await c.start();
  return { wb, c };
}

test("damaged: a rename typed in Sjekkliste is not reverted and a row deleted there is not added back; rebuilt, both are questions", async () => {
  const { wb, c } = await portfolio();
  writeNextSlot(wb, '{"format":1,"model":');
  await c.recalc();
  expect(c.getState().storeDamaged).toBe(true);
  expect(c.getState().assessment!.findings.map((f) => f.code)).toContain("store-damaged");

  // The person renames T001 in Sjekkliste and deletes T002's row there.
  wb.userEdit(SHEETS.checklist, "B2", "PLL – pasientens legemiddelliste");
  await wb.run(async (ctx) => {
    ctx.workbook.worksheets.getItem(SHEETS.checklist).getRange("A3:R3").delete("Up");
    await ctx.sync();
  });
  await settle(80);
  await c.recalc();
  expect(valueAt(wb, SHEETS.checklist, "B2")).toBe("PLL – pasientens legemiddelliste");
  expect(valueAt(wb, SHEETS.scoring, "B3")).toBe("PLL");
  expect(wb.tableRowCount(TABLES.checklist)).toBe(2);
  expect(readStore(wb.toGrids()).kind).toBe("damaged");

  // Rebuild: logged with the old content; the store is whole again.
  await c.repairStore();
  expect(c.getState()).toMatchObject({ noticeKind: "success", notice: "Lageret er bygget på nytt fra tabellene. Det gamle innholdet står i arket Logg.", storeDamaged: false });
  const log = wb.toGrids().find((g) => g.name === SHEETS.log)!;
  expect(log.rows[1]?.slice(1, 4).map((x) => x?.value)).toEqual(["Lageret bygget på nytt", `${STORE_SHEET}!A1`, '{"format":1,"model":']);
  expect(readStore(wb.toGrids()).kind).toBe("ok");
  // Neither side of the rename won, and T002 is a question, not re-added.
  expect(valueAt(wb, SHEETS.checklist, "B2")).toBe("PLL – pasientens legemiddelliste");
  expect(valueAt(wb, SHEETS.scoring, "B3")).toBe("PLL");
  expect(wb.tableRowCount(TABLES.checklist)).toBe(2);
  const codes = c.getState().assessment!.findings.map((f) => [f.code, f.measureId]);
  expect(codes).toEqual(expect.arrayContaining([["checklist-name-conflict", "T001"], ["checklist-only-scoring", "T002"]]));
  expect(codes.map(([code]) => code)).not.toContain("store-damaged");
});

test("a store that is not damaged is not rebuilt", async () => {
  const { wb, c } = await portfolio();
  const before = wb.toGrids();
  await c.repairStore();
  expect(c.getState()).toMatchObject({ noticeKind: "warning", notice: "Lageret er ikke skadet; ingenting er endret." });
  expect(wb.toGrids()).toEqual(before);
});
