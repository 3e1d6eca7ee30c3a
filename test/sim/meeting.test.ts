/**
 * The council meeting workbook (21 September 2022) loaded into the in-memory workbook: every
 * formula evaluates to what Excel saved in the file, the known defects show as Excel shows them,
 * and edits recalculate through the chain of group and Score formulas.
 */
import { readXlsx } from "../../src/cli/xlsx";
import { SimWorkbook } from "../../src/sim/workbook";
import { MEETING_XLSX, meeting, ticks } from "./support";

const DIV0 = { error: "#DIV/0!" };

test("every formula evaluates to the value Excel saved in the file, exactly", async () => {
  const { grids } = await readXlsx(MEETING_XLSX);
  const wb = SimWorkbook.fromGrids(grids);
  const back = new Map(wb.toGrids().map((g) => [g.name, g]));
  let formulas = 0;
  for (const g of grids) {
    g.rows.forEach((row, r) =>
      row?.forEach((cell, c) => {
        if (!cell?.formula) return;
        formulas++;
        expect({ at: `${g.name}!${r},${c}`, value: back.get(g.name)!.rows[r]![c]!.value }).toEqual({ at: `${g.name}!${r},${c}`, value: cell.value });
      }),
    );
  }
  expect(formulas).toBe(84);
  // Reading back gives the grids that went in: values, formulas and notes.
  expect(wb.toGrids()).toEqual(grids);
});

test("the known defects as Excel shows them", async () => {
  const wb = await meeting();
  // A measure without Nytte scores: its groups are #DIV/0! and so is its Score.
  expect(wb.getCell("Dokumentdeling", "G11")).toEqual({ value: DIV0, formula: "AVERAGE(G12,G15,G18)", numberFormat: "General" });
  expect(wb.getCell("Dokumentdeling", "G20").value).toEqual(DIV0);
  // SUM instead of AVERAGE and infrastructure counted twice.
  expect(wb.getCell("Felles hjelpenummer", "C20")).toMatchObject({ value: 25.75, formula: "C3+C6+C11+C18" });
  expect(wb.getCell("DBEP", "C20").value).toBe(18.166666666666668);
  // Text typed into a score cell is skipped by AVERAGE: (2 + 4 + 6) / 3.
  expect(wb.getCell("Kritisk info", "F9").value).toBe("Sjekke med jurist?");
  expect(wb.getCell("Kritisk info", "F6").value).toBe(4);
  expect(wb.getCell("Kritisk info", "F20").value).toBe(13);
});

test("through the API, errors are strings with valueType Error and addresses quote sheet names", async () => {
  const wb = await meeting();
  const got = await wb.run(async (ctx) => {
    const g = ctx.workbook.worksheets.getItem("Dokumentdeling").getRange("G11:H11").load("values, valueTypes, formulas");
    const f = ctx.workbook.worksheets.getItem("Kritisk info").getRange("F20").load("address, values, text");
    await ctx.sync();
    return { g: [g.values, g.valueTypes, g.formulas], f: [f.address, f.values, f.text] };
  });
  expect(got).toEqual({
    g: [[["#DIV/0!", 6]], [["Error", "Double"]], [["=AVERAGE(G12,G15,G18)", "=AVERAGE(H12,H15)"]]],
    f: ["'Kritisk info'!F20", [[13]], [["13"]]],
  });
});

test("editing a score recalculates its group, the group above it and the Score", async () => {
  const wb = await meeting();
  wb.userEdit("Dokumentdeling", "G13", 5);
  expect(wb.getCell("Dokumentdeling", "G12").value).toBe(5);
  // G11 = AVERAGE(G12,G15,G18): G15 is still #DIV/0! (no Helsepersonell scores), and AVERAGE
  // passes an error on, as Excel does; so Nytte stays #DIV/0! until G15 has a value.
  expect(wb.getCell("Dokumentdeling", "G15").value).toEqual(DIV0);
  expect(wb.getCell("Dokumentdeling", "G11").value).toEqual(DIV0);
  wb.userEdit("Dokumentdeling", "G16", "4");
  expect(wb.getCell("Dokumentdeling", "G15").value).toBe(4);
  expect(wb.getCell("Dokumentdeling", "G11").value).toBe(4.5);
  // Score = Måloppnåelse 4 + Kostnader 4 (only teknisk typed) + Nytte 4.5.
  expect(wb.getCell("Dokumentdeling", "G20").value).toBe(12.5);
});

test("typed in Norwegian Excel 7,5 is 7.5 and 7.5 a date; in English 7,5 stays text and is skipped; typed as 9 it counts", async () => {
  const wb = await meeting();
  wb.today = new Date(2026, 0, 15);
  wb.userEdit("Kritisk info", "F9", "7,5");
  expect(wb.getCell("Kritisk info", "F9").value).toBe(7.5);
  expect(wb.getCell("Kritisk info", "F6").value).toBe(4.875);
  // 7.5 is 7 May of this year: serial 46149, shown as a date.
  wb.userEdit("Kritisk info", "F9", "7.5");
  expect(wb.getCell("Kritisk info", "F9")).toEqual({ value: 46149, numberFormat: "d-mmm" });
  wb.locale = "en";
  wb.userEdit("Kritisk info", "Z40", "7,5");
  expect(wb.getCell("Kritisk info", "Z40").value).toBe("7,5");
  wb.userEdit("Kritisk info", "F9", "7.5");
  expect(wb.getCell("Kritisk info", "F9").value).toBe(7.5);
  wb.userEdit("Kritisk info", "F9", "7,5");
  expect(wb.getCell("Kritisk info", "F6").value).toBe(4);
  wb.userEdit("Kritisk info", "F9", "9");
  expect(wb.getCell("Kritisk info", "F9").value).toBe(9);
  expect(wb.getCell("Kritisk info", "F6").value).toBe(5.25);
  expect(wb.getCell("Kritisk info", "F20").value).toBe(6.5 + 5.25 + 2.5);
});

test("the add-in's write of a corrected formula recalculates the Score and raises one change event", async () => {
  const wb = await meeting();
  const events: string[] = [];
  await wb.run(async (ctx) => {
    ctx.workbook.worksheets.getItem("Felles hjelpenummer").onChanged.add(async (e) => void events.push(`${e.address} ${e.changeType}`));
    await ctx.sync();
  });
  wb.resetSyncCount();
  const score = await wb.run(async (ctx) => {
    const ws = ctx.workbook.worksheets.getItem("Felles hjelpenummer");
    ws.getRange("C12").formulas = [["=AVERAGE(C13:C14)"]];
    ws.getRange("C15").formulas = [["=AVERAGE(C16:C17)"]];
    ws.getRange("C11").formulas = [["=AVERAGE(C12,C15,C18)"]];
    ws.getRange("C20").formulas = [["=C3+C6+C11"]];
    const r = ws.getRange("C20").load("values");
    await ctx.sync();
    return r.values[0][0];
  });
  expect(wb.syncCount).toBe(1);
  // Måloppnåelse 4 + Kostnader 7.25 + Nytte AVERAGE(2.5, 2, 10): the 16.08 the council meant.
  expect(score).toBe(16.083333333333332);
  await ticks();
  expect(events).toEqual(["C12 RangeEdited", "C15 RangeEdited", "C11 RangeEdited", "C20 RangeEdited"]);
});
