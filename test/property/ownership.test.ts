/**
 * The invariant's own checks can fail: what the add-in owns, cell by cell, and the violations
 * the checker reports for a write outside what it owns and for an unlogged Synkroniser.
 */
import { defaultModel } from "../../src/core/model";
import { ExcelController } from "../../src/excel/controller";
import { createLayout } from "../../src/excel/layout";
import { SHEETS } from "../../src/grid/layout";
import { newStore, STORE_SHEET } from "../../src/grid/store";
import { SimWorkbook } from "../../src/sim/workbook";
import { generatedRows, hostOf } from "../excel/helpers";
import { COUNCIL_ROWS, themeSheet } from "../support/grids";
import { before, check, owned, ownerOf } from "./ownership";

const CLOCK = () => new Date("2026-11-27T12:00:00Z");
const RELAX = { scoreFills: false, actorConflict: false };

async function layout(
  personSheets: string[] = []
): Promise<{ wb: SimWorkbook; made: Set<import("../../src/sim/sheet").SimSheet> }> {
  const wb = SimWorkbook.fromGrids([
    { name: "Notater", rows: [] },
    ...personSheets.map((name) => ({ name, rows: [[{ value: "mitt" }]] })),
  ]);
  const persons = new Set(wb.sheets);
  const rows = generatedRows(2).map((r, i) => ({ ...r, id: `T00${i + 1}` }));
  const created = await hostOf(wb).run((ctx) =>
    createLayout(ctx, defaultModel(), rows, newStore(defaultModel(), 3), "nb")
  );
  expect(created.ok).toBe(true);
  return { wb, made: new Set(wb.sheets.filter((s) => !persons.has(s))) };
}

test("owned: Rangering, PrioData and Logg sheets and the computed columns; everything else is the person's", async () => {
  const { wb, made } = await layout();
  const c = new ExcelController(hostOf(wb), "nb", { clock: CLOCK });
  c.notifyChanged = () => undefined;
  await c.start();
  const o = owned(wb, made);
  const at = (sheet: string, row: number, col: number) =>
    ownerOf(o, wb.sheetByName(sheet)!, row, col);
  expect(at(SHEETS.ranking, 40, 40)).toBe("addin");
  expect(at(STORE_SHEET, 0, 0)).toBe("addin");
  // Sjekkliste A1:R3: Inn/Ut, Segment, Rapportering are J, K, L; their body rows 2–3 only.
  expect([9, 10, 11].map((col) => at(SHEETS.checklist, 1, col))).toEqual([
    "addin",
    "addin",
    "addin",
  ]);
  expect([9, 10, 11].map((col) => at(SHEETS.checklist, 0, col))).toEqual([
    "person",
    "person",
    "person",
  ]);
  expect(at(SHEETS.checklist, 3, 10)).toBe("person"); // under the table
  expect([0, 1, 2, 3, 8, 12].map((col) => at(SHEETS.checklist, 1, col))).toEqual(
    Array(6).fill("person")
  );
  // Modell: «Andel av total» (J) of the model table's body.
  expect(at(SHEETS.model, 1, 9)).toBe("addin");
  expect(at(SHEETS.model, 1, 6)).toBe("person"); // Vekt
  expect(at(SHEETS.model, 17, 9)).toBe("person"); // under the table
  // Vurdering: all the person's.
  for (const col of [0, 1, 4, 15, 16]) expect(at(SHEETS.scoring, 2, col)).toBe("person");
  expect(at("Notater", 0, 0)).toBe("person");
});

test("a person's own sheet called PrioData is theirs", async () => {
  const wb = SimWorkbook.fromGrids([{ name: STORE_SHEET, rows: [[{ value: "mitt" }]] }]);
  expect(ownerOf(owned(wb, new Set()), wb.sheetByName(STORE_SHEET)!, 0, 0)).toBe("person");
});

test("the checker reports a write beside a table, a fill on a note and a changed note, and nothing for the add-in's own cells", async () => {
  const { wb, made } = await layout();
  wb.userEdit(SHEETS.scoring, "B6", "Husk: møte fredag", { autoExpand: false });
  const b = before(wb, made);
  await wb.run(async (ctx) => {
    const s = ctx.workbook.worksheets.getItem(SHEETS.scoring);
    s.getRange("A6").values = [["T003"]];
    s.getRange("B6").format.fill.color = "#FF0000";
    s.getRange("Q3").values = [["x"]];
    ctx.workbook.worksheets.getItem(SHEETS.ranking).getRange("Z9").values = [["ok"]];
    ctx.workbook.worksheets.getItem(SHEETS.checklist).getRange("K2").values = [["Samstyre"]];
    await ctx.sync();
  });
  expect(check(wb, b, [], RELAX, made)).toEqual([
    'Vurdering!B6 {"value":"Husk: møte fredag"} → {"value":"Husk: møte fredag","fill":"#FF0000"} (not the add-in\'s)',
    'Vurdering!Q3 new {"value":"x"} (not the add-in\'s)',
    'Vurdering!A6 new {"value":"T003"} (not the add-in\'s)',
  ]);
});

test("Synkroniser passes the check because the Logg holds what each cell held; without those log rows it fails", async () => {
  const names = ["PLL", "Kritisk info"];
  const legacy = themeSheet(
    "Tema A",
    names,
    COUNCIL_ROWS.map((r) => ({
      label: r.label,
      values: r.key === "total" ? [99, 1] : r.key === "rank" ? [2, 2] : [6, 4],
    }))
  );
  const wb = SimWorkbook.fromGrids([legacy]);
  const made = new Set<import("../../src/sim/sheet").SimSheet>();
  const c = new ExcelController(hostOf(wb), "nb", { clock: CLOCK });
  c.notifyChanged = () => undefined;
  await c.start();
  const b = before(wb, made);
  await c.syncLegacy();
  for (const x of wb.sheets) if (!b.sheets.has(x)) made.add(x);
  // Score 99 → 18 and Rangering 2 → 1 for PLL, Score 1 → 12 for Kritisk info (groups typed right).
  expect(c.getState().notice).toMatch(/^3 /);
  expect(check(wb, b, [], RELAX, made)).toEqual([]);
  // The same writes with the log's rows not counted as new: every rewritten cell is reported.
  const forgetful = {
    ...b,
    logRows: wb.tableRowCount("PrioLogg"),
    tables: new Map([...b.tables, ...wb.tables.map((t) => [t, { ...t.rect }] as const)]),
  };
  expect(check(wb, forgetful, [], RELAX, made).map((p) => /^(.*?) \{/.exec(p)?.[1])).toEqual([
    "'Tema A'!C19",
    "'Tema A'!D19",
    "'Tema A'!C20",
  ]);
});
