/**
 * Tables in the in-memory workbook: their cells are the sheet's cells, they grow and shrink with
 * rows added and deleted, their names follow Excel's rules, and they never overlap.
 */
import { SimWorkbook } from "../../src/sim/workbook";
import { rejection, sheet } from "./support";

function book(): SimWorkbook {
  return SimWorkbook.fromGrids([
    sheet("Vurdering", [
      ["Rang", "Tiltak", "Score", null, "utenfor"],
      [],
      [],
      [],
      ["under tabellen", null, "=SUM(C2:C4)", null, "=C5"],
    ]),
    sheet("Modell", []),
  ]);
}

describe("creating a table", () => {
  test("a header-only range gets one blank body row; the header cells are the sheet's cells", async () => {
    const wb = book();
    await wb.run(async (ctx) => {
      const t = ctx.workbook.tables.add("Vurdering!A1:C1", true);
      t.name = "Rangering";
      t.style = "TableStyleMedium2";
      const range = t.getRange().load("address");
      const header = t.getHeaderRowRange().load("values");
      const body = t.getDataBodyRange().load("address, rowCount, values");
      const rows = t.rows.load("count");
      t.load("name, id, style, showTotals");
      await ctx.sync();
      expect([range.address, header.values, body.address, body.rowCount, body.values, rows.count]).toEqual([
        "Vurdering!A1:C2",
        [["Rang", "Tiltak", "Score"]],
        "Vurdering!A2:C2",
        1,
        [["", "", ""]],
        1,
      ]);
      expect([t.name, t.id, t.style, t.showTotals]).toEqual(["Rangering", "1", "TableStyleMedium2", false]);
    });
    expect(wb.tableInfo("Rangering")).toMatchObject({ sheet: "Vurdering", address: "A1:C2", headers: ["Rang", "Tiltak", "Score"], bodyRowCount: 1 });
  });

  test("blank headers become Kolonne1 … (Norwegian Excel), repeats get a number, numbers become text", async () => {
    const wb = SimWorkbook.fromGrids([sheet("Ark1", [["Navn", null, "Navn", 2026]])]);
    await wb.run(async (ctx) => {
      ctx.workbook.worksheets.getItem("Ark1").tables.add("A1:D2", true);
    });
    expect(wb.tableInfo("Table1").headers).toEqual(["Navn", "Kolonne2", "Navn2", "2026"]);
    expect(wb.getCell("Ark1", "D1").value).toBe("2026");
  });

  test("without headers, Excel adds a header row above and shifts the data down", async () => {
    const wb = SimWorkbook.fromGrids([sheet("Ark1", [["PLL", 22.75], ["DBEP", 18.2]])]);
    await wb.run(async (ctx) => {
      ctx.workbook.tables.add("Ark1!A1:B2", false);
    });
    expect(wb.tableInfo("Table1")).toMatchObject({ address: "A1:B3", headers: ["Kolonne1", "Kolonne2"], bodyRowCount: 2 });
    expect(wb.getCell("Ark1", "A2").value).toBe("PLL");
  });

  test("a table over another table is refused; so are bad and taken names (workbook-wide)", async () => {
    const wb = book();
    await wb.run(async (ctx) => {
      ctx.workbook.tables.add("Vurdering!A1:C1", true).name = "Rangering";
      await ctx.sync();
      ctx.workbook.worksheets.getItem("Vurdering").tables.add("B2:D3", true);
      await expect(ctx.sync()).rejects.toMatchObject({ code: "InvalidOperation" });
      const other = ctx.workbook.worksheets.getItem("Modell").tables.add("A1:B1", true);
      other.name = "rangering";
      await expect(ctx.sync()).rejects.toMatchObject({ code: "ItemAlreadyExists" });
      for (const bad of ["Min tabell", "1tabell", "A1", "R1C1", ""]) {
        other.name = bad;
        await expect(ctx.sync()).rejects.toMatchObject({ code: "InvalidArgument" });
      }
      other.name = "Modell_tabell";
      await ctx.sync();
      const all = ctx.workbook.tables.load("items/name");
      const onModell = ctx.workbook.worksheets.getItem("Modell").tables.load("items/name");
      const found = ctx.workbook.tables.getItem("RANGERING").load("name");
      await ctx.sync();
      expect([all.items.map((t) => t.name), onModell.items.map((t) => t.name), found.name]).toEqual([["Rangering", "Modell_tabell"], ["Modell_tabell"], "Rangering"]);
    });
  });
});

describe("rows", () => {
  test("rows.add appends after the body: the table grows, cells below move down, formulas follow", async () => {
    const wb = book();
    await wb.run(async (ctx) => {
      const t = ctx.workbook.tables.add("Vurdering!A1:C1", true);
      t.name = "Rangering";
      const added = t.rows.add(null as unknown as undefined, [
        [1, "PLL", 22.75],
        [2, "DBEP", "18.166666666666668"],
      ]);
      added.load("index");
      const body = t.getDataBodyRange().load("values");
      const count = t.rows.getCount();
      await ctx.sync();
      expect(added.index).toBe(1);
      expect(count.value).toBe(3);
      expect(body.values).toEqual([
        ["", "", ""],
        [1, "PLL", 22.75],
        [2, "DBEP", 18.166666666666668],
      ]);
    });
    expect(wb.tableInfo("Rangering").address).toBe("A1:C4");
    // The cell under the table moved from row 5 to row 7; its formula grew with the inserted rows.
    expect(wb.getCell("Vurdering", "A7").value).toBe("under tabellen");
    expect(wb.getCell("Vurdering", "C7")).toMatchObject({ formula: "SUM(C2:C6)", value: 22.75 + 18.166666666666668 });
    // Columns outside the table did not move, but a formula there points at the moved cell.
    expect(wb.getCell("Vurdering", "E1").value).toBe("utenfor");
    expect(wb.getCell("Vurdering", "E5")).toMatchObject({ formula: "C7", value: 22.75 + 18.166666666666668 });
  });

  test("rows.add at an index inserts inside the body; values of the wrong width are refused", async () => {
    const wb = book();
    await wb.run(async (ctx) => {
      const t = ctx.workbook.tables.add("Vurdering!A1:C2", true);
      t.rows.add(undefined, [[2, "B", 5]]);
      t.rows.add(0, [[1, "A", 9]]);
      await ctx.sync();
      t.rows.add(undefined, [[1, 2]]);
      await expect(ctx.sync()).rejects.toMatchObject({ code: "InvalidArgument" });
      t.rows.add(9, [[1, 2, 3]]);
      await expect(ctx.sync()).rejects.toMatchObject({ code: "InvalidArgument" });
      const rows = t.rows.load("items/values, items/index");
      await ctx.sync();
      expect(rows.items.map((r) => [r.index, r.values])).toEqual([
        [0, [[1, "A", 9]]],
        [1, [["", "", ""]]],
        [2, [[2, "B", 5]]],
      ]);
    });
  });

  test("new rows take the number format, fill and validation of the row above", async () => {
    const wb = book();
    await wb.run(async (ctx) => {
      const t = ctx.workbook.tables.add("Vurdering!A1:C2", true);
      const body = t.getDataBodyRange();
      body.numberFormat = [["0", "@", "0.00"]];
      body.getColumn(2).dataValidation.rule = { decimal: { formula1: 0, formula2: 30, operator: "Between" } };
      t.rows.add(undefined, [[1, "PLL", 22.75]]);
      await ctx.sync();
    });
    expect(wb.getCell("Vurdering", "C3")).toMatchObject({ value: 22.75, numberFormat: "0.00", validation: { rule: { decimal: { operator: "Between" } } } });
  });

  test("deleting body rows shrinks the table; deleting all of them leaves one empty row", async () => {
    const wb = book();
    await wb.run(async (ctx) => {
      const t = ctx.workbook.tables.add("Vurdering!A1:C1", true);
      t.name = "Rangering";
      t.rows.add(undefined, [
        [1, "a", 1],
        [2, "b", 2],
        [3, "c", 3],
      ]);
      await ctx.sync();
      ctx.workbook.worksheets.getItem("Vurdering").getRange("A3:C4").delete("Up");
      await ctx.sync();
    });
    expect(wb.tableInfo("Rangering")).toMatchObject({ address: "A1:C3", bodyRowCount: 2 });
    expect(wb.getCell("Vurdering", "A3").value).toBe(3);
    // Rows 5 → 8 when three rows were added, 8 → 6 when two were deleted.
    expect(wb.getCell("Vurdering", "A6").value).toBe("under tabellen");

    await wb.run(async (ctx) => {
      ctx.workbook.tables.getItem("Rangering").getDataBodyRange().delete("Up");
    });
    expect(wb.tableInfo("Rangering")).toMatchObject({ address: "A1:C2", bodyRowCount: 1 });
    expect(wb.getCell("Vurdering", "A2").value).toBeNull();
    expect(wb.getCell("Vurdering", "A5").value).toBe("under tabellen");
  });

  test("deleting part of a table's columns, or cells that would shift a table partly, is refused", async () => {
    const wb = book();
    await wb.run(async (ctx) => {
      ctx.workbook.tables.add("Vurdering!A1:C3", true);
      await ctx.sync();
      ctx.workbook.worksheets.getItem("Vurdering").getRange("B2:B3").delete("Up");
      await expect(ctx.sync()).rejects.toMatchObject({ code: "InvalidOperation" });
      ctx.workbook.worksheets.getItem("Vurdering").getRange("B1:D1").insert("Down");
      await expect(ctx.sync()).rejects.toMatchObject({ code: "InvalidOperation" });
    });
  });

  test("a person typing on the row under a table extends it (AutoExpansion)", async () => {
    const wb = SimWorkbook.fromGrids([sheet("Ark1", [["ID", "Tiltak"], ["T001", "PLL"]])]);
    await wb.run(async (ctx) => {
      ctx.workbook.tables.add("Ark1!A1:B2", true).name = "Vurdering";
    });
    wb.userEdit("Ark1", "B3", "Nytt tiltak");
    expect(wb.tableRowCount("Vurdering")).toBe(2);
    wb.userEdit("Ark1", "B5", "ikke inntil");
    expect(wb.tableRowCount("Vurdering")).toBe(2);
  });

  // Excel's AutoExpansion (AutoCorrect.AutoExpandListRange): typing in the empty row or column next to a table takes it in.
  test("a person typing in the column right of a table adds a column: headed Kolonne1 …, or by what was typed on the header row", async () => {
    const wb = SimWorkbook.fromGrids([sheet("Ark1", [["ID", "Tiltak"], ["T001", "PLL"], ["T002", "DBEP"]])]);
    await wb.run(async (ctx) => {
      ctx.workbook.tables.add("Ark1!A1:B3", true).name = "Vurdering";
    });
    wb.userEdit("Ark1", "C2", "sjekk med juristen");
    expect(wb.tableInfo("Vurdering")).toMatchObject({ address: "A1:C3", headers: ["ID", "Tiltak", "Kolonne3"] });
    expect(wb.getCell("Ark1", "C2").value).toBe("sjekk med juristen");
    wb.userEdit("Ark1", "D1", "Notat");
    expect(wb.tableInfo("Vurdering")).toMatchObject({ address: "A1:D3", headers: ["ID", "Tiltak", "Kolonne3", "Notat"] });
    // Not from a row below the table, nor from two columns away; in English the new column is Column5.
    wb.userEdit("Ark1", "E4", "under");
    wb.userEdit("Ark1", "F2", "langt unna");
    expect(wb.tableInfo("Vurdering").address).toBe("A1:D3");
    wb.locale = "en";
    wb.userEdit("Ark1", "E3", "x");
    expect(wb.tableInfo("Vurdering").headers).toEqual(["ID", "Tiltak", "Kolonne3", "Notat", "Column5"]);
  });

  test("a write through the API on the rows just under a table extends it over them; a blank write, one beside it or into another table does not", async () => {
    const wb = SimWorkbook.fromGrids([sheet("Ark1", [["ID", "Tiltak"], ["T001", "PLL"]])]);
    await wb.run(async (ctx) => {
      ctx.workbook.tables.add("Ark1!A1:B2", true).name = "Rangering";
      await ctx.sync();
      const ws = ctx.workbook.worksheets.getItem("Ark1");
      ws.getRange("A3:B4").values = [["T002", "DBEP"], ["T003", "Kjernejournal"]];
      await ctx.sync();
      expect(wb.tableInfo("Rangering").address).toBe("A1:B4");
      ws.getRange("A5:B5").values = [["", ""]];
      ws.getRange("C5").values = [["ved siden av"]];
      await ctx.sync();
      expect(wb.tableInfo("Rangering").address).toBe("A1:B4");
      ctx.workbook.tables.add("Ark1!A6:B7", true).name = "Annen";
      await ctx.sync();
      ws.getRange("A5:B5").values = [["T004", "Ny"]];
      await ctx.sync();
      // Taking row 5 would not overlap the other table (rows 6–7), so the table takes it.
      expect(wb.tableInfo("Rangering").address).toBe("A1:B5");
    });
  });

  test("an API write that starts inside the table and reaches below it extends the table; the new rows take the last row's number formats", async () => {
    const wb = SimWorkbook.fromGrids([sheet("Ark1", [["ID", "Score"], ["T001", 1], ["T002", 2]])]);
    await wb.run(async (ctx) => {
      const t = ctx.workbook.tables.add("Ark1!A1:B3", true);
      t.name = "Rangering";
      t.getDataBodyRange().getColumn(1).numberFormat = [["0.00"], ["0.00"]];
      await ctx.sync();
      ctx.workbook.worksheets.getItem("Ark1").getRange("A3:B5").values = [["T002", 2], ["T003", 3], ["T004", 4]];
      await ctx.sync();
      expect(wb.tableInfo("Rangering").address).toBe("A1:B5");
    });
    expect(wb.getCell("Ark1", "B5")).toMatchObject({ value: 4, numberFormat: "0.00" });
    expect(wb.getCell("Ark1", "A5")?.numberFormat).toBe("General");
  });
});

describe("columns, resize, delete", () => {
  test("columns by name, id and index; adding a column shifts cells right of it", async () => {
    const wb = book();
    await wb.run(async (ctx) => {
      const t = ctx.workbook.tables.add("Vurdering!A1:C2", true);
      const cols = t.columns.load("items/name, items/id, items/index, count");
      await ctx.sync();
      expect(cols.items.map((c) => [c.name, c.id, c.index])).toEqual([
        ["Rang", 1, 0],
        ["Tiltak", 2, 1],
        ["Score", 3, 2],
      ]);
      expect(cols.count).toBe(3);
      const score = t.columns.getItem("score").getDataBodyRange().load("address");
      const added = t.columns.add(null as unknown as undefined, undefined, "Kommentar").load("name, index");
      const byId = t.columns.getItem(2).load("name");
      const missing = t.columns.getItemOrNullObject("Finnes ikke");
      await ctx.sync();
      expect([score.address, added.name, added.index, byId.name, missing.isNullObject]).toEqual(["Vurdering!C2", "Kommentar", 3, "Tiltak", true]);
    });
    expect(wb.tableInfo("Table1").headers).toEqual(["Rang", "Tiltak", "Score", "Kommentar"]);
    // E1 was right of the new column on the header row: it moved to F1.
    expect(wb.getCell("Vurdering", "F1").value).toBe("utenfor");
  });

  test("resize keeps the header row and may grow the table; delete removes the table and its cells", async () => {
    const wb = book();
    await wb.run(async (ctx) => {
      const t = ctx.workbook.tables.add("Vurdering!A1:C2", true);
      t.name = "Rangering";
      t.resize("Vurdering!A1:D4");
      await ctx.sync();
      expect(wb.tableInfo("Rangering")).toMatchObject({ address: "A1:D4", headers: ["Rang", "Tiltak", "Score", "Kolonne4"] });
      t.resize("A2:D4");
      await expect(ctx.sync()).rejects.toMatchObject({ code: "InvalidArgument" });
      t.delete();
      await ctx.sync();
      ctx.workbook.tables.getItem("Rangering").load("name");
      await expect(ctx.sync()).rejects.toMatchObject({ code: "ItemNotFound" });
    });
    expect(wb.tableNames()).toEqual([]);
    expect(wb.getCell("Vurdering", "A1").value).toBeNull();
    expect(wb.getCell("Vurdering", "E1").value).toBe("utenfor");
  });

  test("using a deleted table fails with ItemNotFound", async () => {
    const wb = book();
    const e = await rejection(
      wb.run(async (ctx) => {
        const t = ctx.workbook.tables.add("Vurdering!A1:C2", true);
        await ctx.sync();
        t.delete();
        await ctx.sync();
        t.style = "TableStyleLight1";
        await ctx.sync();
      }),
    );
    expect(e.code).toBe("ItemNotFound");
  });

  test("a table's worksheet and the tables of a worksheet", async () => {
    const wb = book();
    await wb.run(async (ctx) => {
      const t = ctx.workbook.worksheets.getItem("Modell").tables.add("A1:B1", true);
      const ws = t.worksheet.load("name");
      const count = ctx.workbook.worksheets.getItem("Vurdering").tables.getCount();
      await ctx.sync();
      expect([ws.name, count.value]).toEqual(["Modell", 0]);
      ctx.workbook.worksheets.getItem("Modell").tables.add("Vurdering!A1:B1", true);
      await expect(ctx.sync()).rejects.toMatchObject({ code: "InvalidArgument" });
    });
  });
});
