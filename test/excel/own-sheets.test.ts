/**
 * The add-in's sheet names are never taken from a person: a sheet called PrioData, Vurdering,
 * Modell, Rangering, Sjekkliste or Logg that the add-in did not make (it lacks the add-in's
 * table, or PrioData is visible, or hidden without a store slot the add-in wrote, as in
 * test/excel/hidden-store.test.ts) is not read, cleared, hidden or reused. The add-in says so,
 * naming the sheet, and writes nothing until it is renamed.
 */
import { defaultModel } from "../../src/core/model";
import { ExcelController } from "../../src/excel/controller";
import { createLayout } from "../../src/excel/layout";
import { recompute } from "../../src/excel/recompute";
import { SHEETS } from "../../src/grid/layout";
import { newStore, STORE_SHEET } from "../../src/grid/store";
import { SimWorkbook } from "../../src/sim/workbook";
import { emptyWorkbook, generatedRows, hostOf } from "./helpers";

async function layout(): Promise<SimWorkbook> {
  const wb = emptyWorkbook();
  await wb.run((ctx) => createLayout(ctx, defaultModel(), generatedRows(3), newStore(defaultModel(), 4), "nb"));
  await wb.run((ctx) => recompute(ctx, "nb"));
  return wb;
}

/** Renames one of the add-in's sheets and adds a person's sheet with the name it had. */
async function personTakes(wb: SimWorkbook, name: string, visibility: "Visible" | "Hidden" = "Visible"): Promise<void> {
  await wb.run(async (ctx) => {
    const own = ctx.workbook.worksheets.getItemOrNullObject(name);
    await ctx.sync();
    if (!own.isNullObject) {
      own.visibility = "Visible";
      own.name = `${name} (tillegget)`;
    }
    const mine = ctx.workbook.worksheets.add(name);
    mine.getRange("A1:B2").values = [
      ["Mine notater", 1],
      ["Husk: møte fredag", 2],
    ];
    mine.getRange("A1").format.fill.color = "#FFFF00";
    if (visibility !== "Visible") mine.visibility = visibility;
    await ctx.sync();
  });
}

describe.each([SHEETS.scoring, SHEETS.model, SHEETS.ranking, SHEETS.checklist, SHEETS.log, STORE_SHEET])("a person's own sheet called %s", (name) => {
  test("stops the recompute before anything is read or written, naming the sheet", async () => {
    const wb = await layout();
    await personTakes(wb, name);
    const before = wb.toGrids();
    const fill = wb.getCell(name, "A1").format?.fill;
    const result = await wb.run((ctx) => recompute(ctx, "nb"));
    expect(result).toEqual({ kind: "clash", clashes: [name], sheets: expect.any(Array) });
    expect(wb.toGrids()).toEqual(before);
    expect(wb.getCell(name, "A1").format?.fill).toBe(fill);
    expect(wb.sheetInfo(name).visibility).toBe("Visible");

    const c = new ExcelController(hostOf(wb), "en", { debounceMs: 5 });
    await c.start();
    expect(c.getState()).toMatchObject({
      status: "error",
      error: `The sheet “${name}” has a name the add-in uses but was not made by the add-in. Rename it (right-click the sheet tab, Rename); until then the add-in writes nothing into the workbook.`,
    });
    await c.setWeight("maal", 2);
    await c.createWorkbook();
    expect(c.getState().noticeKind).toBe("warning");
    expect(wb.toGrids()).toEqual(before);
  });
});

test("a person's (hidden, not very hidden) PrioData sheet in a new workbook is not cleared or hidden by Opprett", async () => {
  const wb = emptyWorkbook();
  await personTakes(wb, STORE_SHEET, "Hidden");
  const before = wb.toGrids();
  const result = await wb.run((ctx) => createLayout(ctx, defaultModel(), [], newStore(defaultModel()), "nb"));
  expect(result).toEqual({
    ok: false,
    message: "Arket «PrioData» har et navn tillegget bruker, men er ikke laget av tillegget. Gi arket et annet navn (høyreklikk på arkfanen, Gi nytt navn); til da skriver tillegget ingenting i arbeidsboken.",
  });
  expect(wb.toGrids()).toEqual(before);
  expect(wb.sheetInfo(STORE_SHEET).visibility).toBe("Hidden");
});

test("two clashing sheets are named together; renamed, the add-in goes on", async () => {
  const wb = await layout();
  await personTakes(wb, SHEETS.log);
  await personTakes(wb, SHEETS.ranking);
  const c = new ExcelController(hostOf(wb), "nb", { debounceMs: 5 });
  await c.start();
  expect(c.getState().error).toBe(
    "Arkene «Logg», «Rangering» har navn tillegget bruker, men er ikke laget av tillegget. Gi dem andre navn (høyreklikk på arkfanen, Gi nytt navn); til da skriver tillegget ingenting i arbeidsboken.",
  );
  await wb.run(async (ctx) => {
    ctx.workbook.worksheets.getItem(SHEETS.log).name = "Mine notater";
    ctx.workbook.worksheets.getItem(SHEETS.ranking).name = "Min rangering";
    ctx.workbook.worksheets.getItem(`${SHEETS.ranking} (tillegget)`).name = SHEETS.ranking;
    await ctx.sync();
  });
  await c.recalc();
  expect(c.getState().status).toBe("ready");
});
