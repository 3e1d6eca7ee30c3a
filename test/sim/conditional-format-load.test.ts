/** A conditional format's rule can be loaded with the collection ("items/customOrNullObject/rule/formula"), as in Office.js. */
import { SimWorkbook } from "../../src/sim/workbook";

test("items/customOrNullObject/rule/formula loads in the collection's sync; other types give a null object", async () => {
  const wb = SimWorkbook.fromGrids([{ name: "Ark1", rows: [] }]);
  const seen = await wb.run(async (ctx) => {
    const r = ctx.workbook.worksheets.getItem("Ark1").getRange("B2:C3");
    const cf = r.conditionalFormats.add("Custom");
    cf.custom.rule.formula = '=ISTEXT("x")';
    cf.custom.format.fill.color = "#FFF2CC";
    r.conditionalFormats.add("DataBar");
    await ctx.sync();
    const cfs = ctx.workbook.worksheets.getItem("Ark1").getRange("A1:Z99").conditionalFormats;
    cfs.load("items/type,items/customOrNullObject/rule/formula");
    await ctx.sync();
    const out = cfs.items.map((c) => [c.type, c.customOrNullObject.isNullObject ? null : c.customOrNullObject.rule.formula]);
    cfs.items[1].delete();
    await ctx.sync();
    return out;
  });
  expect(seen).toEqual([
    ["DataBar", null],
    ["Custom", '=ISTEXT("x")'],
  ]);
  expect(wb.conditionalFormats("Ark1").map((c) => c.type)).toEqual(["DataBar"]);
});
