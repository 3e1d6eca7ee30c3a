/**
 * Office's proxy semantics in the in-memory workbook: what may be read when, when writes land,
 * how syncs are counted, null objects, errors at sync, and the Range API the adapter uses.
 */
import type { ExcelHost } from "../../src/excel/host";
import { SHAPE_MISMATCH } from "../../src/sim/errors";
import { SimWorkbook } from "../../src/sim/workbook";
import { rejection, sheet } from "./support";

function book(): SimWorkbook {
  return SimWorkbook.fromGrids([
    sheet("Vurdering", [
      ["ID", "Tiltak", "Score"],
      ["T001", "PLL", 22.75],
      ["T002", "DBEP", "=C2-4.583333333333332"],
    ]),
    sheet("Kritisk info", [[null], [null], [null], [null], [null], [null], [null], [null], [null, null, null, null, null, "Sjekke med jurist?"]]),
    sheet("Tom", []),
  ]);
}

test("the workbook's run is an ExcelHost's run", () => {
  const host: ExcelHost = book();
  expect(typeof host.run).toBe("function");
});

describe("reading before load and sync", () => {
  test("an unloaded property throws PropertyNotLoaded with Office's message, also between load and sync", async () => {
    const wb = book();
    await wb.run(async (ctx) => {
      const range = ctx.workbook.worksheets.getItem("Vurdering").getRange("A1:C3");
      expect(() => range.values).toThrow(
        "The property 'values' is not available. Before reading the property's value, call the load method on the containing object and call \"context.sync()\" on the associated request context.",
      );
      range.load("values");
      let code: string | undefined;
      try {
        void range.values;
      } catch (e) {
        code = (e as { code: string }).code;
      }
      expect(code).toBe("PropertyNotLoaded");
      await ctx.sync();
      expect(range.values).toEqual([
        ["ID", "Tiltak", "Score"],
        ["T001", "PLL", 22.75],
        ["T002", "DBEP", 18.166666666666668],
      ]);
      // Only what was loaded is readable.
      expect(() => range.formulas).toThrow("The property 'formulas' is not available");
      expect(() => range.address).toThrow("The property 'address' is not available");
    });
  });

  test("collection items and isNullObject need a sync too", async () => {
    const wb = book();
    await wb.run(async (ctx) => {
      const sheets = ctx.workbook.worksheets;
      expect(() => sheets.items).toThrow("The property 'items' is not available");
      const s = sheets.getItemOrNullObject("Vurdering");
      expect(() => s.isNullObject).toThrow("The property 'isNullObject' is not available");
      sheets.load("items/name");
      await ctx.sync();
      expect(sheets.items.map((x) => x.name)).toEqual(["Vurdering", "Kritisk info", "Tom"]);
      expect(() => sheets.items[0].visibility).toThrow("The property 'visibility' is not available");
      expect(s.isNullObject).toBe(false);
    });
  });

  test("load accepts Office's option forms, and load() without arguments loads every scalar property", async () => {
    const wb = book();
    await wb.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem("Vurdering");
      const a = ws.getRange("A1").load(["values", "rowIndex"]);
      const b = ws.getRange("B2").load({ select: "text, columnIndex" });
      const c = ws.getRange("C3").load("address, format/fill/color, format/font/bold");
      const d = ws.getRange("A1:B1").load();
      await ctx.sync();
      expect([a.values, a.rowIndex, b.text, b.columnIndex, c.address]).toEqual([[["ID"]], 0, [["PLL"]], 1, "Vurdering!C3"]);
      expect([c.format.fill.color, c.format.font.bold]).toEqual(["#FFFFFF", false]);
      expect(d.toJSON()).toMatchObject({ address: "Vurdering!A1:B1", values: [["ID", "Tiltak"]], rowCount: 1, columnCount: 2, cellCount: 2 });
    });
  });
});

describe("queued writes", () => {
  test("a write is invisible in the workbook until the sync", async () => {
    const wb = book();
    await wb.run(async (ctx) => {
      ctx.workbook.worksheets.getItem("Vurdering").getRange("C2").values = [[10]];
      expect(wb.getCell("Vurdering", "C2").value).toBe(22.75);
      expect(wb.getCell("Vurdering", "C3").value).toBe(18.166666666666668);
      await ctx.sync();
      expect(wb.getCell("Vurdering", "C2").value).toBe(10);
      expect(wb.getCell("Vurdering", "C3").value).toBe(10 - 4.583333333333332);
    });
  });

  test("a load sees the workbook at its place in the batch: before a write the old value, after it the new one (formulas recalculated)", async () => {
    const wb = book();
    await wb.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem("Vurdering");
      const before = ws.getRange("C2:C3").load("values");
      ws.getRange("C2").values = [[5]];
      const after = ws.getRange("C2:C3").load("values");
      await ctx.sync();
      expect(before.values).toEqual([[22.75], [18.166666666666668]]);
      expect(after.values).toEqual([[5], [5 - 4.583333333333332]]);
    });
  });

  test("a value set on a proxy reads back from the proxy without a load, as Office.js keeps it", async () => {
    const wb = book();
    await wb.run(async (ctx) => {
      const r = ctx.workbook.worksheets.getItem("Vurdering").getRange("A4");
      r.values = [["T003"]];
      expect(r.values).toEqual([["T003"]]);
      await ctx.sync();
    });
    expect(wb.getCell("Vurdering", "A4").value).toBe("T003");
  });

  test("operations run in order: a sheet added in the batch can be used later in the same batch", async () => {
    const wb = book();
    await wb.run(async (ctx) => {
      ctx.workbook.worksheets.add("Logg");
      ctx.workbook.worksheets.getItem("Logg").getRange("A1:B1").values = [["Tid", "Handling"]];
      await ctx.sync();
    });
    expect(wb.getCell("Logg", "B1").value).toBe("Handling");
  });
});

describe("counting syncs", () => {
  test("every context.sync() counts; run's final flush counts only when something is still queued", async () => {
    const wb = book();
    expect(wb.syncCount).toBe(0);
    await wb.run(async (ctx) => {
      const r = ctx.workbook.worksheets.getItem("Vurdering").getRange("A1").load("values");
      await ctx.sync();
      await ctx.sync(); // an empty sync is still a call the adapter made
      return r.values;
    });
    expect(wb.syncCount).toBe(2);

    wb.resetSyncCount();
    await wb.run(async (ctx) => {
      ctx.workbook.worksheets.getItem("Vurdering").getRange("A5").values = [["etter siste sync"]];
    });
    expect(wb.syncCount).toBe(1);
    expect(wb.getCell("Vurdering", "A5").value).toBe("etter siste sync");

    wb.resetSyncCount();
    await wb.run(async () => "nothing queued");
    expect(wb.syncCount).toBe(0);

    const measured = await wb.countSyncs(() =>
      wb.run(async (ctx) => {
        ctx.workbook.worksheets.getItem("Vurdering").getRange("A6").values = [[1]];
        await ctx.sync();
        return "done";
      }),
    );
    expect(measured).toEqual({ result: "done", syncs: 1 });
  });

  test("a batch that rejects flushes nothing, and its objects cannot be used after the run", async () => {
    const wb = book();
    let leaked: Excel.Range | undefined;
    const e = await rejection(
      wb.run(async (ctx) => {
        leaked = ctx.workbook.worksheets.getItem("Vurdering").getRange("A7");
        leaked.values = [["aldri skrevet"]];
        throw new Error("stopp");
      }),
    );
    expect(e.message).toBe("stopp");
    expect(wb.getCell("Vurdering", "A7").value).toBeNull();
    expect(wb.syncCount).toBe(0);
    let code: string | undefined;
    try {
      leaked!.values = [["for sent"]];
    } catch (err) {
      code = (err as { code: string }).code;
    }
    expect(code).toBe("InvalidObjectPath");
  });

  test("a batch must return a promise", async () => {
    const wb = book();
    const e = await rejection(wb.run((() => 1) as unknown as (ctx: Excel.RequestContext) => Promise<number>));
    expect(e.code).toBe("RunMustReturnPromise");
  });
});

describe("null objects and errors at sync", () => {
  test("getItemOrNullObject and getUsedRangeOrNullObject give null objects; their other properties throw", async () => {
    const wb = book();
    await wb.run(async (ctx) => {
      const missing = ctx.workbook.worksheets.getItemOrNullObject("Finnes ikke").load("name");
      const used = ctx.workbook.worksheets.getItem("Tom").getUsedRangeOrNullObject(true).load("values, address");
      const table = ctx.workbook.tables.getItemOrNullObject("Rangering").load("name");
      const present = ctx.workbook.worksheets.getItem("Vurdering").getUsedRangeOrNullObject(true).load("address");
      await ctx.sync();
      expect([missing.isNullObject, used.isNullObject, table.isNullObject, present.isNullObject]).toEqual([true, true, true, false]);
      expect(() => missing.name).toThrow("The property 'name' is not available");
      expect(() => used.values).toThrow("The property 'values' is not available");
      expect(present.address).toBe("Vurdering!A1:C3");
    });
  });

  test("getUsedRange of an empty sheet is A1, as in Excel", async () => {
    const wb = book();
    const address = await wb.run(async (ctx) => {
      const r = ctx.workbook.worksheets.getItem("Tom").getUsedRange().load("address");
      await ctx.sync();
      return r.address;
    });
    expect(address).toBe("Tom!A1");
  });

  test("getItem of a missing sheet or table rejects the sync with ItemNotFound; what came before stays applied, what came after does not run", async () => {
    const wb = book();
    const e = await rejection(
      wb.run(async (ctx) => {
        const ws = ctx.workbook.worksheets.getItem("Vurdering");
        ws.getRange("D1").values = [["før"]];
        ctx.workbook.worksheets.getItem("Finnes ikke");
        ws.getRange("E1").values = [["etter"]];
        await ctx.sync();
      }),
    );
    expect(e.code).toBe("ItemNotFound");
    expect(e.debugInfo?.errorLocation).toBe("WorksheetCollection.getItem");
    expect(wb.getCell("Vurdering", "D1").value).toBe("før");
    expect(wb.getCell("Vurdering", "E1").value).toBeNull();

    const t = await rejection(
      wb.run(async (ctx) => {
        ctx.workbook.tables.getItem("Rangering").load("name");
        await ctx.sync();
      }),
    );
    expect(t.code).toBe("ItemNotFound");
  });

  test("nothing loaded in a failed batch becomes readable", async () => {
    const wb = book();
    await wb.run(async (ctx) => {
      const r = ctx.workbook.worksheets.getItem("Vurdering").getRange("A1").load("values");
      ctx.workbook.worksheets.getItem("Finnes ikke").load("name");
      await expect(ctx.sync()).rejects.toMatchObject({ code: "ItemNotFound" });
      expect(() => r.values).toThrow("The property 'values' is not available");
    });
  });

  test("a sheet name that exists (in any case) rejects with ItemAlreadyExists; invalid names with InvalidArgument", async () => {
    const wb = book();
    const dup = await rejection(
      wb.run(async (ctx) => {
        ctx.workbook.worksheets.add("vurdering");
        await ctx.sync();
      }),
    );
    expect(dup.code).toBe("ItemAlreadyExists");
    for (const bad of ["", "a/b", "[x]", "'start", "x".repeat(32)]) {
      const e = await rejection(
        wb.run(async (ctx) => {
          ctx.workbook.worksheets.add(bad);
          await ctx.sync();
        }),
      );
      expect(e.code).toBe("InvalidArgument");
    }
  });

  test("errors look like OfficeExtension.Error", async () => {
    const wb = book();
    const e = (await rejection(
      wb.run(async (ctx) => {
        ctx.workbook.worksheets.getItem("X").load("name");
        await ctx.sync();
      }),
    )) as unknown as { name: string; code: string; message: string; debugInfo: { code: string; message: string }; traceMessages: string[] };
    expect(e.name).toBe("RichApi.Error");
    expect(e.debugInfo.code).toBe("ItemNotFound");
    expect(e.debugInfo.message).toBe(e.message);
    expect(e.traceMessages).toEqual([]);
  });
});

describe("writing values", () => {
  test("a 2-D array of the wrong shape fails at sync with InvalidArgument; nothing of it is written", async () => {
    const wb = book();
    const e = await rejection(
      wb.run(async (ctx) => {
        const r = ctx.workbook.worksheets.getItem("Vurdering").getRange("A5:C5");
        r.values = [["a", "b"]];
        await ctx.sync();
      }),
    );
    expect(e.code).toBe("InvalidArgument");
    expect(e.message).toBe(SHAPE_MISMATCH);
    expect(wb.getCell("Vurdering", "A5").value).toBeNull();

    const one = await rejection(
      wb.run(async (ctx) => {
        ctx.workbook.worksheets.getItem("Vurdering").getRange("A5:B5").values = [["a"]];
        await ctx.sync();
      }),
    );
    expect(one.message).toBe(SHAPE_MISMATCH);
  });

  test("a scalar fills a multi-cell range; a formula is filled relative to the top-left cell", async () => {
    const wb = book();
    await wb.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem("Vurdering");
      ws.getRange("E1:F2").values = 0 as unknown as unknown[][];
      ws.getRange("G2:G3").formulas = "=C2*2" as unknown as unknown[][];
      await ctx.sync();
    });
    expect(["E1", "F1", "E2", "F2"].map((a) => wb.getCell("Vurdering", a).value)).toEqual([0, 0, 0, 0]);
    expect(wb.getCell("Vurdering", "G3").formula).toBe("C3*2");
    expect(wb.getCell("Vurdering", "G3").value).toBe(36.333333333333336);
  });

  test("null in a values array leaves that cell unchanged; \"\" clears it", async () => {
    const wb = book();
    await wb.run(async (ctx) => {
      ctx.workbook.worksheets.getItem("Vurdering").getRange("A2:B2").values = [[null, ""]] as unknown as unknown[][];
      await ctx.sync();
    });
    expect(wb.getCell("Vurdering", "A2").value).toBe("T001");
    expect(wb.getCell("Vurdering", "B2").value).toBeNull();
  });

  test("written strings are read as Excel reads typed input (en-US); text format and an apostrophe keep text", async () => {
    const wb = book();
    await wb.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem("Tom");
      ws.getRange("B1").numberFormat = [["@"]];
      ws.getRange("A1:A8").values = [["7"], ["7,5"], ["=1+1"], ["'=C3+C6"], ["TRUE"], ["#N/A"], ["50%"], ["2026-11-23T10:00:00.000Z"]];
      ws.getRange("B1").values = [["16.083333333333332"]];
      await ctx.sync();
    });
    const col = ["A1", "A2", "A3", "A4", "A5", "A6", "A7", "A8", "B1"].map((a) => wb.getCell("Tom", a));
    expect(col.map((c) => c.value)).toEqual([7, "7,5", 2, "=C3+C6", true, { error: "#N/A" }, 0.5, "2026-11-23T10:00:00.000Z", "16.083333333333332"]);
    expect(col[2].formula).toBe("1+1");
    expect(col[3].formula).toBeUndefined();
    expect(col[6].numberFormat).toBe("0%");
  });

  test("an invalid formula is refused at sync", async () => {
    const wb = book();
    const e = await rejection(
      wb.run(async (ctx) => {
        ctx.workbook.worksheets.getItem("Tom").getRange("A1").formulas = [["=SUM(1,"]];
        await ctx.sync();
      }),
    );
    expect(e.code).toBe("InvalidArgument");
  });

  test("values, formulas, valueTypes, numberFormat and text as Office.js returns them", async () => {
    const wb = book();
    await wb.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem("Tom");
      ws.getRange("A1:E1").formulas = [["=1/0", "=A9", "", "tekst", "=TRUE"]];
      ws.getRange("A2:D2").values = [[6, 16.083333333333332, 0.25, 1234.5]];
      ws.getRange("A2:D2").numberFormat = [['0"="', "0.0", "0.0%", "#,##0"]];
      await ctx.sync();
      const r = ws.getRange("A1:E2").load("values, formulas, valueTypes, numberFormat, text");
      await ctx.sync();
      expect(r.values).toEqual([
        ["#DIV/0!", 0, "", "tekst", true],
        [6, 16.083333333333332, 0.25, 1234.5, ""],
      ]);
      expect(r.formulas).toEqual([
        ["=1/0", "=A9", "", "tekst", "=TRUE"],
        [6, 16.083333333333332, 0.25, 1234.5, ""],
      ]);
      expect(r.valueTypes).toEqual([
        ["Error", "Double", "Empty", "String", "Boolean"],
        ["Double", "Double", "Double", "Double", "Empty"],
      ]);
      // Excel on the web reads number formats back in the workbook's locale (office-js #1553, #1632, #2824).
      expect(r.numberFormat).toEqual([
        ["Standard", "Standard", "Standard", "Standard", "Standard"],
        ['0"="', "0,0", "0,0%", "#\u00a0##0", "Standard"],
      ]);
      expect(r.text).toEqual([
        ["#DIV/0!", "0", "", "tekst", "TRUE"],
        ["6=", "16.1", "25.0%", "1,235", ""],
      ]);
    });
    expect(wb.getCell("Tom", "A1").value).toEqual({ error: "#DIV/0!" });
    expect(wb.getCell("Tom", "B2").numberFormat).toBe("0.0");
  });

  test("on the desktop, and in an English workbook, number formats read back in en-US", async () => {
    for (const options of [{ platform: "desktop" as const }, { locale: "en" as const }]) {
      const wb = SimWorkbook.fromGrids([{ name: "Tom", rows: [] }], options);
      await wb.run(async (ctx) => {
        const ws = ctx.workbook.worksheets.getItem("Tom");
        ws.getRange("A1:D1").values = [[6, 16.083333333333332, 0.25, 1234.5]];
        ws.getRange("A1:E1").numberFormat = [['0"="', "0.0", "0.0%", "#,##0", "yyyy-mm-dd hh:mm"]];
        await ctx.sync();
        const r = ws.getRange("A1:F1").load("numberFormat");
        await ctx.sync();
        expect(r.numberFormat).toEqual([['0"="', "0.0", "0.0%", "#,##0", "yyyy-mm-dd hh:mm", "General"]]);
      });
    }
  });

  test("Norwegian date letters read back as Norwegian Excel writes them: å for year, t for hour", async () => {
    const wb = SimWorkbook.fromGrids([{ name: "Tom", rows: [] }]);
    await wb.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem("Tom");
      ws.getRange("A1:B1").numberFormat = [["yyyy-mm-dd hh:mm:ss", '[Red]0.0;"y h"0']];
      await ctx.sync();
      const r = ws.getRange("A1:B1").load("numberFormat");
      await ctx.sync();
      expect(r.numberFormat).toEqual([["åååå-mm-dd tt:mm:ss", '[Red]0,0;"y h"0']]);
    });
  });

  test("a 1×1 number format fills the range; clear(\"Contents\") keeps formats, clear() removes them", async () => {
    const wb = book();
    await wb.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem("Tom");
      ws.getRange("A1:A3").values = [[1], [2], [3]];
      ws.getRange("A1:A3").numberFormat = [["0.00"]];
      ws.getRange("A1").clear("Contents");
      ws.getRange("A2").clear();
      await ctx.sync();
    });
    expect(wb.getCell("Tom", "A1")).toEqual({ value: null, numberFormat: "0.00" });
    expect(wb.getCell("Tom", "A2")).toEqual({ value: null, numberFormat: "General" });
    expect(wb.getCell("Tom", "A3")).toEqual({ value: 3, numberFormat: "0.00" });
  });

  test("whole columns: clear works, cell-level properties read as null, values cannot be set", async () => {
    const wb = book();
    await wb.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem("Vurdering");
      ws.getRange("A:A").clear("Contents");
      const col = ws.getRange("B:B").load("values, address, rowCount, isEntireColumn");
      await ctx.sync();
      expect([col.values, col.address, col.rowCount, col.isEntireColumn]).toEqual([null, "Vurdering!B:B", 1048576, true]);
      ws.getRange("C:C").values = [[1]];
      await expect(ctx.sync()).rejects.toMatchObject({ code: "InvalidArgument" });
    });
    expect(wb.getCell("Vurdering", "A2").value).toBeNull();
    expect(wb.getCell("Vurdering", "B2").value).toBe("PLL");
  });
});

describe("ranges", () => {
  test("addresses quote sheet names as Excel does", async () => {
    const wb = book();
    await wb.run(async (ctx) => {
      const a = ctx.workbook.worksheets.getItem("Kritisk info").getRange("F9").load("address, values");
      const b = ctx.workbook.worksheets.getItem("Vurdering").getRangeByIndexes(0, 0, 3, 3).load("address");
      const c = ctx.workbook.worksheets.getItem("Vurdering").getRange("'Vurdering'!$B$2").load("address");
      await ctx.sync();
      expect([a.address, a.values, b.address, c.address]).toEqual(["'Kritisk info'!F9", [["Sjekke med jurist?"]], "Vurdering!A1:C3", "Vurdering!B2"]);
    });
  });

  test("getCell, getResizedRange, getOffsetRange, getRow, getColumn, getLastRow, getUsedRange, getEntireRow", async () => {
    const wb = book();
    await wb.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem("Vurdering");
      const base = ws.getRange("B2:C3");
      const got = [
        base.getCell(1, 1),
        base.getResizedRange(1, -1),
        base.getOffsetRange(-1, 1),
        base.getRow(0),
        base.getColumn(1),
        base.getLastRow(),
        base.getLastCell(),
        ws.getRange("A1:Z99").getUsedRange(true),
        base.getEntireRow(),
        base.getBoundingRect("E5"),
        base.getIntersection("C1:D9"),
      ].map((r) => r.load("address"));
      const idx = base.load("rowIndex, columnIndex, rowCount, columnCount");
      await ctx.sync();
      expect(got.map((r) => r.address)).toEqual([
        "Vurdering!C3",
        "Vurdering!B2:B4",
        "Vurdering!C1:D2",
        "Vurdering!B2:C2",
        "Vurdering!C2:C3",
        "Vurdering!B3:C3",
        "Vurdering!C3",
        "Vurdering!A1:C3",
        "Vurdering!2:3",
        "Vurdering!B2:E5",
        "Vurdering!C2:C3",
      ]);
      expect([idx.rowIndex, idx.columnIndex, idx.rowCount, idx.columnCount]).toEqual([1, 1, 2, 2]);
    });
  });

  test("a range off the sheet, or an address the sim does not know, fails at sync", async () => {
    const wb = book();
    for (const make of [
      (ctx: Excel.RequestContext) => ctx.workbook.worksheets.getItem("Vurdering").getRangeByIndexes(0, 0, 0, 1),
      (ctx: Excel.RequestContext) => ctx.workbook.worksheets.getItem("Vurdering").getRange("A1").getOffsetRange(-1, 0),
      (ctx: Excel.RequestContext) => ctx.workbook.worksheets.getItem("Vurdering").getRange("MittNavn"),
      (ctx: Excel.RequestContext) => ctx.workbook.worksheets.getItem("Vurdering").getRange("Tom!A1"),
    ]) {
      const e = await rejection(
        wb.run(async (ctx) => {
          make(ctx).load("address");
          await ctx.sync();
        }),
      );
      expect(e.code).toBe("InvalidArgument");
    }
  });

  test("select() activates the sheet and selects; getSelectedRange and getActiveWorksheet follow", async () => {
    const wb = book();
    expect(wb.selection()).toEqual({ sheet: "Vurdering", address: "A1" });
    await wb.run(async (ctx) => {
      ctx.workbook.worksheets.getItem("Kritisk info").getRange("F9").select();
      await ctx.sync();
      const sel = ctx.workbook.getSelectedRange().load("address");
      const active = ctx.workbook.worksheets.getActiveWorksheet().load("name");
      await ctx.sync();
      expect([sel.address, active.name]).toEqual(["'Kritisk info'!F9", "Kritisk info"]);
    });
    expect(wb.selection()).toEqual({ sheet: "Kritisk info", address: "F9" });
    await wb.run(async (ctx) => {
      ctx.workbook.worksheets.getItem("Vurdering").activate();
    });
    expect(wb.selection()).toEqual({ sheet: "Vurdering", address: "A1" });
  });
});

describe("worksheets", () => {
  test("add puts a sheet at the end without activating it; position, tab colour, visibility, freeze panes", async () => {
    const wb = book();
    await wb.run(async (ctx) => {
      const s = ctx.workbook.worksheets.add("PrioData");
      s.visibility = "VeryHidden";
      const r = ctx.workbook.worksheets.add("Rangering");
      r.position = 0;
      r.tabColor = "#1F4E79";
      r.freezePanes.freezeRows(1);
      const sheets = ctx.workbook.worksheets.load("items/name, items/visibility, items/position");
      const count = ctx.workbook.worksheets.getCount();
      expect(() => count.value).toThrow("The value of the result object has not been loaded yet");
      await ctx.sync();
      expect(sheets.items.map((x) => [x.name, x.visibility, x.position])).toEqual([
        ["Rangering", "Visible", 0],
        ["Vurdering", "Visible", 1],
        ["Kritisk info", "Visible", 2],
        ["Tom", "Visible", 3],
        ["PrioData", "VeryHidden", 4],
      ]);
      expect(count.value).toBe(5);
    });
    expect(wb.activeSheetName()).toBe("Vurdering");
    expect(wb.sheetInfo("Rangering")).toMatchObject({ position: 0, tabColor: "#1F4E79", frozenRows: 1, frozenColumns: 0 });
  });

  test("a hidden sheet cannot be activated, and the last visible sheet cannot be hidden or deleted", async () => {
    const wb = SimWorkbook.fromGrids([sheet("A", [[1]]), sheet("B", [[2]])]);
    await wb.run(async (ctx) => {
      ctx.workbook.worksheets.getItem("B").visibility = "Hidden";
      await ctx.sync();
      ctx.workbook.worksheets.getItem("B").activate();
      await expect(ctx.sync()).rejects.toMatchObject({ code: "InvalidOperation" });
      ctx.workbook.worksheets.getItem("A").visibility = "Hidden";
      await expect(ctx.sync()).rejects.toMatchObject({ code: "InvalidOperation" });
      ctx.workbook.worksheets.getItem("A").delete();
      await expect(ctx.sync()).rejects.toMatchObject({ code: "InvalidOperation" });
    });
  });

  test("renaming a sheet rewrites the formulas that point to it; deleting it makes them #REF!", async () => {
    const wb = SimWorkbook.fromGrids([sheet("Samlet", [["=Legemidler!C20", "=SUM(Legemidler!C1:C20)*2"]]), sheet("Legemidler", [[1], [null, null, 2]])]);
    await wb.run(async (ctx) => {
      ctx.workbook.worksheets.getItem("Legemidler").getRange("C20").values = [[22.75]];
      ctx.workbook.worksheets.getItem("Legemidler").name = "PLL og legemidler";
      await ctx.sync();
    });
    expect(wb.getCell("Samlet", "A1")).toMatchObject({ formula: "'PLL og legemidler'!C20", value: 22.75 });
    expect(wb.getCell("Samlet", "B1")).toMatchObject({ formula: "SUM('PLL og legemidler'!C1:C20)*2", value: (2 + 22.75) * 2 });
    await wb.run(async (ctx) => {
      ctx.workbook.worksheets.getItem("PLL og legemidler").delete();
      await ctx.sync();
    });
    expect(wb.getCell("Samlet", "A1")).toMatchObject({ formula: "#REF!C20", value: { error: "#REF!" } });
    expect(wb.sheetNames()).toEqual(["Samlet"]);
  });

  test("getItem takes the sheet's id as well as its name", async () => {
    const wb = book();
    const id = wb.sheetInfo("Tom").id;
    const name = await wb.run(async (ctx) => {
      const s = ctx.workbook.worksheets.getItem(id).load("name, id");
      await ctx.sync();
      return [s.name, s.id];
    });
    expect(name).toEqual(["Tom", id]);
  });
});

describe("formats, validation and conditional formats", () => {
  test("fill, font, wrap, alignment and column widths; mixed fills read as null", async () => {
    const wb = book();
    await wb.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem("Vurdering");
      const header = ws.getRange("A1:C1");
      header.format.fill.color = "#1F4E79";
      header.format.font.bold = true;
      header.format.font.color = "#FFFFFF";
      header.format.wrapText = true;
      header.format.horizontalAlignment = "Center";
      ws.getRange("B1").format.columnWidth = 240;
      ws.getRange("C2").format.fill.color = "#F8CBAD";
      const mixed = ws.getRange("C1:C2").format.fill.load("color");
      const width = ws.getRange("B1:B9").format.load("columnWidth");
      const widths = ws.getRange("A1:B1").format.load("columnWidth");
      await ctx.sync();
      expect([mixed.color, width.columnWidth, widths.columnWidth]).toEqual([null, 240, null]);
      ws.getRange("C2").format.fill.clear();
      await ctx.sync();
    });
    expect(wb.getCell("Vurdering", "A1").format).toEqual({ fill: "#1F4E79", font: { bold: true, color: "#FFFFFF" }, wrapText: true, horizontalAlignment: "Center" });
    expect(wb.getCell("Vurdering", "C2").format).toBeUndefined();
    expect(wb.sheetInfo("Vurdering").columnWidths).toEqual({ 1: 240 });
  });

  test("data validation: rules are checked when set, stored per cell, read back and cleared", async () => {
    const wb = book();
    await wb.run(async (ctx) => {
      const dv = ctx.workbook.worksheets.getItem("Vurdering").getRange("C2:C3").dataValidation;
      dv.rule = { decimal: { formula1: 0, formula2: 10, operator: "Between" } };
      dv.errorAlert = { showAlert: true, style: "Warning", title: "Skala 0–10", message: "Bruk et tall fra 0 til 10." };
      dv.load("type, rule, valid");
      await ctx.sync();
      expect([dv.type, dv.rule, dv.valid]).toEqual(["Decimal", { decimal: { formula1: 0, formula2: 10, operator: "Between" } }, false]);
      dv.rule = { decimal: { formula1: 0, operator: "Between" } } as Excel.DataValidationRule;
      await expect(ctx.sync()).rejects.toMatchObject({ code: "InvalidArgument" });
    });
    expect(wb.getCell("Vurdering", "C3").validation).toMatchObject({ errorAlert: { style: "Warning", title: "Skala 0–10" }, ignoreBlanks: true });
    await wb.run(async (ctx) => {
      ctx.workbook.worksheets.getItem("Vurdering").getRange("C2:C3").dataValidation.clear();
    });
    expect(wb.getCell("Vurdering", "C3").validation).toBeUndefined();
  });

  test("conditional formats store what was set on their parts; clearAll removes them; the wrong part fails", async () => {
    const wb = book();
    await wb.run(async (ctx) => {
      const score = ctx.workbook.worksheets.getItem("Vurdering").getRange("C2:C3");
      score.conditionalFormats.clearAll();
      const bar = score.conditionalFormats.add("DataBar");
      bar.dataBar.barDirection = "LeftToRight";
      bar.dataBar.lowerBoundRule = { type: "Number", formula: "0" };
      bar.dataBar.positiveFormat.fillColor = "#5B9BD5";
      bar.dataBar.positiveFormat.gradientFill = false;
      const custom = score.conditionalFormats.add("Custom");
      custom.custom.rule.formula = "=C2>20";
      custom.custom.format.fill.color = "#C6EFCE";
      await ctx.sync();
      const cfs = score.conditionalFormats.load("items/type");
      await ctx.sync();
      expect(cfs.items.map((c) => c.type)).toEqual(["Custom", "DataBar"]);
      bar.custom.rule.formula = "=1";
      await expect(ctx.sync()).rejects.toMatchObject({ code: "InvalidOperation" });
    });
    expect(wb.conditionalFormats("Vurdering")).toEqual([
      { address: "C2:C3", type: "Custom", priority: 0, props: { custom: { rule: { formula: "=C2>20" }, format: { fill: { color: "#C6EFCE" } } } } },
      {
        address: "C2:C3",
        type: "DataBar",
        priority: 1,
        props: { dataBar: { barDirection: "LeftToRight", lowerBoundRule: { type: "Number", formula: "0" }, positiveFormat: { fillColor: "#5B9BD5", gradientFill: false } } },
      },
    ]);
    await wb.run(async (ctx) => {
      ctx.workbook.worksheets.getItem("Vurdering").getRange("C3").conditionalFormats.clearAll();
    });
    expect(wb.conditionalFormats("Vurdering")).toEqual([]);
  });

  test("enableEvents is readable and settable through the runtime", async () => {
    const wb = book();
    await wb.run(async (ctx) => {
      ctx.runtime.load("enableEvents");
      await ctx.sync();
      expect(ctx.runtime.enableEvents).toBe(true);
      ctx.runtime.enableEvents = false;
      await ctx.sync();
    });
    expect(wb.eventsEnabled).toBe(false);
  });
});

describe("formulas in the workbook", () => {
  test("a circular reference reads #REF! in every cell of the cycle (Excel shows 0 and a warning)", () => {
    const wb = SimWorkbook.fromGrids([sheet("Ark1", [["=B1+1", "=A1*2", "=A1+5", 4]])]);
    expect(["A1", "B1", "C1", "D1"].map((a) => wb.getCell("Ark1", a).value)).toEqual([{ error: "#REF!" }, { error: "#REF!" }, { error: "#REF!" }, 4]);
    wb.userEdit("Ark1", "B1", "=D1*2");
    expect(["A1", "B1", "C1"].map((a) => wb.getCell("Ark1", a).value)).toEqual([9, 8, 14]);
  });

  test("a formula on another sheet recalculates when the sheet it reads is added", async () => {
    const wb = SimWorkbook.fromGrids([sheet("Samlet", [["=Ny!A1*2"]])]);
    expect(wb.getCell("Samlet", "A1").value).toEqual({ error: "#REF!" });
    await wb.run(async (ctx) => {
      ctx.workbook.worksheets.add("Ny").getRange("A1").values = [[21]];
    });
    expect(wb.getCell("Samlet", "A1").value).toBe(42);
  });
});

describe("totals and merges", () => {
  test("showTotals adds the totals row under the body and getTotalRowRange finds it", async () => {
    const wb = SimWorkbook.fromGrids([sheet("Ark1", [["Tiltak", "Score"], ["PLL", 22.75]])]);
    await wb.run(async (ctx) => {
      const t = ctx.workbook.tables.add("Ark1!A1:B2", true);
      t.showTotals = true;
      const totals = t.getTotalRowRange().load("address, values");
      const body = t.getDataBodyRange().load("address");
      await ctx.sync();
      // "Ark1" reads as a cell (column ARK, row 1), so Excel quotes it.
      expect([totals.address, totals.values, body.address]).toEqual(["'Ark1'!A3:B3", [["Total", ""]], "'Ark1'!A2:B2"]);
      t.showTotals = false;
      t.getTotalRowRange();
      await expect(ctx.sync()).rejects.toMatchObject({ code: "ItemNotFound" });
    });
  });

  test("merge keeps the top-left value only", async () => {
    const wb = SimWorkbook.fromGrids([sheet("Ark1", [["Måloppnåelse", "x"], ["y", "z"]])]);
    await wb.run(async (ctx) => {
      ctx.workbook.worksheets.getItem("Ark1").getRange("A1:B1").merge();
    });
    expect([wb.getCell("Ark1", "A1").value, wb.getCell("Ark1", "B1").value, wb.getCell("Ark1", "A2").value]).toEqual(["Måloppnåelse", null, "y"]);
  });
});
