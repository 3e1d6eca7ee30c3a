/**
 * Events of the in-memory workbook: a person's edits and the add-in's own writes raise
 * onChanged (sheet, sheet collection, table, table collection) after a microtask, unless
 * `context.runtime.enableEvents` is false; handlers register and unregister at sync.
 */
import { SimWorkbook } from "../../src/sim/workbook";
import { sheet, ticks } from "./support";

function book(): SimWorkbook {
  return SimWorkbook.fromGrids([
    sheet("Vurdering", [
      ["ID", "Tiltak", "Score"],
      ["T001", "PLL", 22],
    ]),
    sheet("Modell", [["Node", "Vekt"]]),
  ]);
}

type Args = Record<string, unknown>;

/** Registers handlers on the sheet, the sheet collection, the table and the table collection. */
async function listen(wb: SimWorkbook): Promise<{ sheet: Args[]; sheets: Args[]; table: Args[]; tables: Args[]; selection: Args[] }> {
  const seen = { sheet: [] as Args[], sheets: [] as Args[], table: [] as Args[], tables: [] as Args[], selection: [] as Args[] };
  await wb.run(async (ctx) => {
    const t = ctx.workbook.tables.add("Vurdering!A1:C2", true);
    t.name = "Vurdering";
    await ctx.sync();
    const ws = ctx.workbook.worksheets.getItem("Vurdering");
    ws.onChanged.add(async (e) => void seen.sheet.push(e as unknown as Args));
    ws.onSelectionChanged.add(async (e) => void seen.selection.push(e as unknown as Args));
    ctx.workbook.worksheets.onChanged.add(async (e) => void seen.sheets.push(e as unknown as Args));
    t.onChanged.add(async (e) => void seen.table.push(e as unknown as Args));
    ctx.workbook.tables.onChanged.add(async (e) => void seen.tables.push(e as unknown as Args));
    await ctx.sync();
  });
  return seen;
}

test("a person's edit raises onChanged with address, changeType, source and worksheetId, after a microtask", async () => {
  const wb = book();
  const seen = await listen(wb);
  wb.userEdit("Vurdering", "C2", "7");
  expect(seen.sheet).toEqual([]);
  await ticks();
  const id = wb.sheetInfo("Vurdering").id;
  expect(seen.sheet).toEqual([
    {
      type: "WorksheetChanged",
      address: "C2",
      changeType: "RangeEdited",
      source: "Local",
      worksheetId: id,
      triggerSource: "Unknown",
      details: { valueBefore: 22, valueAfter: 7, valueTypeBefore: "Double", valueTypeAfter: "Double" },
      getRange: expect.any(Function),
      getRangeOrNullObject: expect.any(Function),
    },
  ]);
  expect(seen.sheets.map((e) => [e.address, e.worksheetId])).toEqual([["C2", id]]);
  expect(seen.table.map((e) => [e.type, e.address, e.tableId, e.changeType, e.source])).toEqual([["TableChanged", "C2", "1", "RangeEdited", "Local"]]);
  expect(seen.tables).toHaveLength(1);
  expect(wb.handlerErrors).toEqual([]);
});

test("the event's range can be read in a new batch", async () => {
  const wb = book();
  const values: unknown[] = [];
  await wb.run(async (ctx) => {
    ctx.workbook.worksheets.getItem("Modell").onChanged.add(async (e) => {
      await wb.run(async (c2) => {
        const r = e.getRange(c2).load("values, address");
        await c2.sync();
        values.push(r.address, r.values);
      });
    });
    await ctx.sync();
  });
  wb.userEdit("Modell", "B2", 2);
  await new Promise((resolve) => setTimeout(resolve, 0));
  expect(values).toEqual(["Modell!B2", [[2]]]);
});

test("edits elsewhere do not reach a sheet's or a table's handlers", async () => {
  const wb = book();
  const seen = await listen(wb);
  wb.userEdit("Modell", "A2", "kost");
  wb.userEdit("Vurdering", "E9", "ved siden av");
  await ticks();
  expect(seen.sheet.map((e) => e.address)).toEqual(["E9"]);
  expect(seen.sheets.map((e) => e.address)).toEqual(["A2", "E9"]);
  expect(seen.table).toEqual([]);
  expect(seen.tables).toEqual([]);
});

test("the add-in's writes raise events (triggerSource ThisLocalAddin) unless enableEvents is off at that point of the batch", async () => {
  const wb = book();
  const seen = await listen(wb);
  await wb.run(async (ctx) => {
    const ws = ctx.workbook.worksheets.getItem("Vurdering");
    ws.getRange("C2").values = [[5]];
    ctx.runtime.enableEvents = false;
    ws.getRange("B2").values = [["stille"]];
    ws.getRange("A5:B6").clear();
    ctx.runtime.enableEvents = true;
    await ctx.sync();
  });
  await ticks();
  expect(seen.sheet.map((e) => [e.address, e.triggerSource, e.source])).toEqual([["C2", "ThisLocalAddin", "Local"]]);
  expect(wb.getCell("Vurdering", "B2").value).toBe("stille");
});

test("with events off, nothing is raised, not even for a person's edit", async () => {
  const wb = book();
  const seen = await listen(wb);
  await wb.run(async (ctx) => {
    ctx.runtime.enableEvents = false;
  });
  wb.userEdit("Vurdering", "C2", 9);
  await ticks();
  expect(seen.sheet).toEqual([]);
  wb.eventsEnabled = true;
  wb.userEdit("Vurdering", "C2", 8);
  await ticks();
  expect(seen.sheet).toHaveLength(1);
});

test("a handler is registered at sync and removed with remove(), also at sync", async () => {
  const wb = book();
  const calls: string[] = [];
  let result: { remove(): void } | undefined;
  await wb.run(async (ctx) => {
    const ws = ctx.workbook.worksheets.getItem("Modell");
    result = ws.onChanged.add(async (e) => void calls.push(e.address));
    wb.userEdit("Modell", "A2", "før sync");
    await ticks();
    expect(calls).toEqual([]);
    await ctx.sync();
  });
  wb.userEdit("Modell", "A3", "etter sync");
  await ticks();
  expect(calls).toEqual(["A3"]);
  // remove() belongs to the context the handler was added in, and that run has ended.
  let code: string | undefined;
  try {
    result!.remove();
  } catch (e) {
    code = (e as { code: string }).code;
  }
  expect(code).toBe("InvalidObjectPath");
});

test("remove() in the same run stops the handler", async () => {
  const wb = book();
  const calls: string[] = [];
  await wb.run(async (ctx) => {
    const h = ctx.workbook.worksheets.getItem("Modell").onChanged.add(async (e) => void calls.push(e.address));
    await ctx.sync();
    wb.userEdit("Modell", "A2", "x");
    await ticks();
    h.remove();
    await ctx.sync();
  });
  wb.userEdit("Modell", "A3", "y");
  await ticks();
  expect(calls).toEqual(["A2"]);
});

test("selecting raises onSelectionChanged; table rows added raise RowInserted", async () => {
  const wb = book();
  const seen = await listen(wb);
  wb.userSelect("Vurdering", "B2");
  await wb.run(async (ctx) => {
    ctx.workbook.worksheets.getItem("Vurdering").getRange("C2").select();
    ctx.workbook.tables.getItem("Vurdering").rows.add(undefined, [["T002", "DBEP", 18]]);
  });
  await ticks();
  expect(seen.selection.map((e) => [e.type, e.address])).toEqual([
    ["WorksheetSelectionChanged", "B2"],
    ["WorksheetSelectionChanged", "C2"],
  ]);
  expect(seen.table.map((e) => [e.changeType, e.address])).toEqual([["RowInserted", "A3:C3"]]);
});

test("a handler that throws is recorded, not lost", async () => {
  const wb = book();
  await wb.run(async (ctx) => {
    ctx.workbook.worksheets.getItem("Modell").onChanged.add(async () => {
      throw new Error("feil i handler");
    });
  });
  wb.userEdit("Modell", "A2", 1);
  await ticks();
  expect(wb.handlerErrors.map((e) => (e as Error).message)).toEqual(["feil i handler"]);
});

describe("co-authoring: two Excels on one workbook", () => {
  /** One co-author's add-in listening to Vurdering's changes and selections. */
  async function listening(run: (batch: (ctx: Excel.RequestContext) => Promise<void>) => Promise<void>): Promise<{ changed: Args[]; selected: Args[] }> {
    const seen = { changed: [] as Args[], selected: [] as Args[] };
    await run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem("Vurdering");
      ws.onChanged.add(async (e) => void seen.changed.push(e as unknown as Args));
      ws.onSelectionChanged.add(async (e) => void seen.selected.push(e as unknown as Args));
      await ctx.sync();
    });
    return seen;
  }

  test("an edit in one is Local to its add-in and Remote to the other's; the add-in's own write too, even with its events off", async () => {
    const wb = book();
    const other = wb.session("Kari");
    const mine = await listening((b) => wb.run(b));
    const theirs = await listening((b) => other.run(b));

    other.userEdit("Vurdering", "C2", "7");
    await ticks();
    expect(theirs.changed.map((e) => [e.address, e.source, e.triggerSource])).toEqual([["C2", "Local", "Unknown"]]);
    expect(mine.changed.map((e) => [e.address, e.source, e.triggerSource])).toEqual([["C2", "Remote", "Unknown"]]);

    // My add-in writes with its events off: it hears nothing of its own write, the other add-in hears it as Remote.
    await wb.run(async (ctx) => {
      ctx.runtime.enableEvents = false;
      ctx.workbook.worksheets.getItem("Vurdering").getRange("B2").values = [["Pasientens legemiddelliste"]];
      ctx.runtime.enableEvents = true;
      await ctx.sync();
    });
    await ticks();
    expect(mine.changed).toHaveLength(1);
    expect(theirs.changed.map((e) => [e.address, e.source, e.triggerSource])).toEqual([
      ["C2", "Local", "Unknown"],
      ["B2", "Remote", "Unknown"],
    ]);
    expect(wb.eventsEnabled).toBe(true);
    expect(other.eventsEnabled).toBe(true);

    // Where a person clicks is theirs alone.
    wb.userSelect("Vurdering", "C2");
    await ticks();
    expect(mine.selected).toHaveLength(1);
    expect(theirs.selected).toHaveLength(0);
  });

  test("one add-in's events off do not silence the other's", async () => {
    const wb = book();
    const other = wb.session();
    const mine = await listening((b) => wb.run(b));
    const theirs = await listening((b) => other.run(b));
    await other.run(async (ctx) => {
      ctx.runtime.enableEvents = false;
      await ctx.sync();
    });
    wb.userEdit("Vurdering", "C2", "5");
    await ticks();
    expect(mine.changed.map((e) => e.source)).toEqual(["Local"]);
    expect(theirs.changed).toHaveLength(0);
  });
});
