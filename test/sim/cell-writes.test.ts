import { SimWorkbook } from "../../src/sim";

describe("cellWrites counts the cells a batch writes", () => {
  it("counts values, number formats and fills once per cell, and not a person's edits", async () => {
    const wb = SimWorkbook.fromGrids([{ name: "Ark1", rows: [] }]);
    wb.userEdit("Ark1", "A1", "5");
    expect(wb.cellWrites).toBe(0);
    await wb.run(async (ctx) => {
      const s = ctx.workbook.worksheets.getItem("Ark1");
      s.getRange("A1:B2").values = [[1, 2], [3, 4]];
      s.getRange("C1").numberFormat = [["0.0"]];
      s.getRange("D1:D3").format.fill.color = "#FF0000";
      await ctx.sync();
    });
    expect(wb.cellWrites).toBe(4 + 1 + 3);
    wb.resetCellWrites();
    expect(wb.cellWrites).toBe(0);
  });
});
