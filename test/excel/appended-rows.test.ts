/**
 * Rows the checklist sync appends to a table take the table as it is now: a person may have added
 * a column of their own, and a model row typed under Modell may make the model in force differ from
 * the table's columns. Each value lands under its header; the recompute never fails on the shape.
 */
import { defaultModel } from "../../src/core/model";
import { ExcelController } from "../../src/excel/controller";
import { createLayout } from "../../src/excel/layout";
import { newStore } from "../../src/grid/store";
import { SimWorkbook } from "../../src/sim";

async function workbook(): Promise<{ wb: SimWorkbook; c: ExcelController }> {
  const wb = SimWorkbook.fromGrids([{ name: "Notater", rows: [] }]);
  const rows = [
    { id: "T001", name: "PLL", theme: "", actor: "Helse Nord RHF", scores: {} },
    { id: "T002", name: "Dokumentdeling", theme: "", actor: "", scores: {} },
  ] as never;
  const made = await wb.run((ctx) => createLayout(ctx, defaultModel(), rows, newStore(defaultModel(), 3), "nb"));
  expect(made).toEqual({ ok: true });
  const c = new ExcelController(wb, "nb");
  c.notifyChanged = () => undefined;
  await c.start();
  return { wb, c };
}

test("a person's own column in Sjekkliste: a measure new in Vurdering is appended with each value under its header", async () => {
  const { wb, c } = await workbook();
  // The person adds a column «Notat» at the right of the checklist table.
  await wb.run(async (ctx) => {
    const table = ctx.workbook.tables.getItem("PrioSjekkliste");
    table.columns.add(undefined, undefined, "Notat");
    await ctx.sync();
  });
  wb.userEdit("Vurdering", "A4", "T003");
  wb.userEdit("Vurdering", "B4", "Kritisk info");
  await c.recalc();
  expect(c.getState().status).toBe("ready");
  const grid = wb.gridOf("Sjekkliste");
  const header = grid.rows[0]!.map((x) => x?.value ?? null);
  const row = grid.rows.find((r) => r?.[0]?.value === "T003")!.map((x) => x?.value ?? null);
  const at = (h: string) => row[header.indexOf(h)] ?? null;
  expect([at("ID"), at("Tiltak"), at("Inn/Ut"), at("Segment"), at("Notat")]).toEqual(["T003", "Kritisk info", "ikke vurdert", "ikke vurdert", null]);
});

test("a text row typed under the Modell table (taken into the table) and IDs cleared: the recompute still succeeds", async () => {
  const { wb, c } = await workbook();
  wb.userEdit("Modell", "A18", "'= viktig tiltak (fase 2");
  await c.resetWeights();
  expect(c.getState().status).toBe("ready");
  wb.userEdit("Sjekkliste", "A2", "");
  wb.userEdit("Vurdering", "A3", "");
  await c.setTieBreak(["maal"]);
  expect([c.getState().status, c.getState().error]).toEqual(["ready", undefined]);
  await c.recalc();
  expect([c.getState().status, c.getState().error]).toEqual(["ready", undefined]);
});
