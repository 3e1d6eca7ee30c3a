/**
 * Inserting and deleting cells: cells move, and formulas on every sheet that point into the moved
 * area are rewritten the way Excel rewrites them (#REF! when their cell is gone).
 */
import { SimWorkbook } from "../../src/sim/workbook";
import { sheet } from "./support";

function book(): SimWorkbook {
  return SimWorkbook.fromGrids([
    sheet("Data", [[1, 10], [2, 20], [3, 30], [4, 40], [5, 50]]),
    sheet("Sum", [["=SUM(Data!A1:A5)", "=Data!A5", "=Data!B3*2", "=SUM(Data!A:A)", "=SUM(Data!2:3)"]]),
  ]);
}

async function batch(wb: SimWorkbook, work: (ws: Excel.Worksheet, ctx: Excel.RequestContext) => void): Promise<void> {
  await wb.run(async (ctx) => {
    work(ctx.workbook.worksheets.getItem("Data"), ctx);
    await ctx.sync();
  });
}

const formulas = (wb: SimWorkbook) => ["A1", "B1", "C1", "D1", "E1"].map((a) => wb.getCell("Sum", a).formula);
const values = (wb: SimWorkbook) => ["A1", "B1", "C1", "D1", "E1"].map((a) => wb.getCell("Sum", a).value);

test("inserting whole rows moves cells and the references to them; ranges across the insertion grow", async () => {
  const wb = book();
  await batch(wb, (ws) => void ws.getRange("3:4").insert("Down"));
  expect(wb.getCell("Data", "A5").value).toBe(3);
  expect(wb.getCell("Data", "A3").value).toBeNull();
  expect(formulas(wb)).toEqual(["SUM(Data!A1:A7)", "Data!A7", "Data!B5*2", "SUM(Data!A:A)", "SUM(Data!2:5)"]);
  expect(values(wb)).toEqual([15, 5, 60, 15, 2 + 20 + 3 + 30]);
});

test("deleting rows: references into them become #REF!, ranges shrink, the rest moves up", async () => {
  const wb = book();
  await batch(wb, (ws) => ws.getRange("A3:B5").delete("Up"));
  // Whole-row references span columns that did not move, so they stay as written.
  expect(formulas(wb)).toEqual(["SUM(Data!A1:A2)", "Data!#REF!", "Data!#REF!*2", "SUM(Data!A:A)", "SUM(Data!2:3)"]);
  expect(values(wb)).toEqual([3, { error: "#REF!" }, { error: "#REF!" }, 3, 22]);
});

test("deleting cells in one column shifts only that column", async () => {
  const wb = book();
  await batch(wb, (ws) => ws.getRange("A1").delete("Up"));
  expect([wb.getCell("Data", "A1").value, wb.getCell("Data", "B1").value, wb.getCell("Data", "A5").value]).toEqual([2, 10, null]);
  expect(formulas(wb)).toEqual(["SUM(Data!A1:A4)", "Data!A4", "Data!B3*2", "SUM(Data!A:A)", "SUM(Data!2:3)"]);
});

test("inserting and deleting columns move widths, cells and references", async () => {
  const wb = book();
  await batch(wb, (ws) => {
    ws.getRange("B1").format.columnWidth = 120;
    ws.getRange("A:A").insert("Right");
  });
  expect(wb.getCell("Data", "C3").value).toBe(30);
  expect(wb.sheetInfo("Data").columnWidths).toEqual({ 2: 120 });
  expect(formulas(wb).slice(0, 4)).toEqual(["SUM(Data!B1:B5)", "Data!B5", "Data!C3*2", "SUM(Data!B:B)"]);
  await batch(wb, (ws) => ws.getRange("A:B").delete("Left"));
  expect(wb.getCell("Data", "A3").value).toBe(30);
  expect(formulas(wb).slice(0, 4)).toEqual(["SUM(Data!#REF!)", "Data!#REF!", "Data!A3*2", "SUM(Data!#REF!)"]);
  expect(values(wb).slice(0, 4)).toEqual([{ error: "#REF!" }, { error: "#REF!" }, 60, { error: "#REF!" }]);
});

test("insert() returns the new cells; conditional formats move with their cells", async () => {
  const wb = book();
  await wb.run(async (ctx) => {
    const ws = ctx.workbook.worksheets.getItem("Data");
    ws.getRange("B1:B5").conditionalFormats.add("DataBar");
    const fresh = ws.getRange("A1:B1").insert("Down").load("address, values");
    await ctx.sync();
    expect([fresh.address, fresh.values]).toEqual(["Data!A1:B1", [["", ""]]]);
  });
  expect(wb.conditionalFormats("Data").map((c) => c.address)).toEqual(["B2:B6"]);
});

test("a conditional format moves with its cells, and the references in its rule with it; deleting its cells deletes it", async () => {
  const wb = book();
  await batch(wb, (ws) => {
    for (const a1 of ["B3", "B5"]) {
      const cf = ws.getRange(a1).conditionalFormats.add("Custom");
      cf.custom.rule.formula = `=ISTEXT("merke")*ISREF($${a1[0]}$${a1.slice(1)})`;
      cf.custom.format.fill.color = "#F8CBAD";
    }
  });
  await batch(wb, (ws) => void ws.getRange("2:2").delete("Up"));
  const rules = () => wb.conditionalFormats("Data").map((cf) => [cf.address, (cf.props as { custom: { rule: { formula: string } } }).custom.rule.formula]);
  expect(rules()).toEqual([
    ["B4", '=ISTEXT("merke")*ISREF($B$4)'],
    ["B2", '=ISTEXT("merke")*ISREF($B$2)'],
  ]);
  await batch(wb, (ws) => void ws.getRange("1:1").insert("Down"));
  expect(rules()).toEqual([
    ["B5", '=ISTEXT("merke")*ISREF($B$5)'],
    ["B3", '=ISTEXT("merke")*ISREF($B$3)'],
  ]);
  await batch(wb, (ws) => void ws.getRange("3:3").delete("Up"));
  expect(rules()).toEqual([["B4", '=ISTEXT("merke")*ISREF($B$4)']]);
});
