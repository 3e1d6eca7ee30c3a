/**
 * Measures pasted under PrioVurdering without the table growing (examples/utvalg.xlsx, whose table
 * ends at row 32): the recompute names the first of them in three syncs, and «Utvid tabellen»
 * (the controller's extendTable) extends the table's range over them, writing no cell and logging
 * nothing; with a note between, it refuses and changes nothing.
 */
import { promises as fs } from "fs";
import * as path from "path";
import { ExcelController } from "../../src/excel/controller";
import { recompute } from "../../src/excel/recompute";
import { SHEETS, TABLES } from "../../src/grid/layout";
import { openXlsx } from "../../src/preview/workbook";
import type { SimWorkbook } from "../../src/sim/workbook";
import { hostOf } from "./helpers";

const FILE = path.join(__dirname, "../../examples/utvalg.xlsx");

async function example(): Promise<SimWorkbook> {
  const opened = await openXlsx(new Uint8Array(await fs.readFile(FILE)).buffer, "utvalg.xlsx", "nb");
  if (!opened.ok) throw new Error(opened.message);
  return opened.workbook;
}

/**
 * `n` measure rows (ID, Tiltak, Tema, Aktør, 11 scores, Kommentar, Kostnad) written from row `first`
 * (1-based), outside the table: a paste right under it that Excel's AutoExpansion took in is undone
 * (the person's AutoExpansion off, or Ctrl+Z), so the table ends where it did.
 */
async function paste(wb: SimWorkbook, first: number, n: number): Promise<void> {
  const rows = Array.from({ length: n }, (_, i) => [`X${i + 1}`, `Limt inn ${i + 1}`, "Tema", "Aktør", ...new Array<number>(11).fill(5), "", 10, "", ""]);
  const before = wb.tableInfo(TABLES.scoring).address;
  await wb.run(async (ctx) => {
    const sheet = ctx.workbook.worksheets.getItem(SHEETS.scoring);
    sheet.getRange(`A${first}:S${first + n - 1}`).values = rows;
    ctx.workbook.tables.getItem(TABLES.scoring).resize(sheet.getRange(before));
    await ctx.sync();
  });
}

function values(wb: SimWorkbook, sheet: string) {
  return wb.toGrids().find((g) => g.name === sheet)!.rows.map((r) => (r ?? []).map((c) => c?.value ?? null));
}

test("1 970 measures under the table: a finding naming row 33 and counting them, in three syncs", async () => {
  const wb = await example();
  await paste(wb, 33, 1970);
  expect(wb.tableInfo(TABLES.scoring).address).toBe("A2:U32");
  wb.resetSyncCount();
  const r = await wb.run((ctx) => recompute(ctx, "nb"));
  expect(wb.syncCount).toBe(3);
  if (r.kind !== "ready") throw new Error(r.kind);
  expect(r.read.assessment.measures).toHaveLength(30);
  expect(r.read.assessment.findings.filter((f) => f.code === "table-rows-outside")).toEqual([
    {
      code: "table-rows-outside",
      severity: "warning",
      cell: "Vurdering!A33",
      params: { sheet: "Vurdering", table: "PrioVurdering", where: "below", row: 33, count: 1970, last: 2002, extend: true },
    },
  ]);

});

test("«Utvid tabellen» extends the table over the rows below (after a blank row): no cell written, nothing logged, the measures ranked", async () => {
  const wb = await example();
  await paste(wb, 34, 120);
  const c = new ExcelController(hostOf(wb), "nb", { debounceMs: 5 });
  await c.start();
  expect(c.getState().assessment!.findings.find((f) => f.code === "table-rows-outside")?.params).toMatchObject({ row: 34, count: 120, last: 153, extend: true });
  const before = values(wb, SHEETS.scoring);
  await c.extendTable(TABLES.scoring);
  expect([c.getState().noticeKind, c.getState().notice]).toEqual([
    "success",
    "Tabellen på arket Vurdering går nå til rad 153; 120 rader som så ut som tiltak er tatt med. Ingen celler er skrevet over.",
  ]);
  expect(wb.tableInfo(TABLES.scoring).address).toBe("A2:U153");
  expect(values(wb, SHEETS.scoring)).toEqual(before);
  expect(wb.sheetNames()).not.toContain(SHEETS.log);
  expect(c.getState().assessment!.measures).toHaveLength(150);
  expect(c.getState().assessment!.findings.map((f) => f.code)).not.toContain("table-rows-outside");
  // Nothing more below: asked again, it says so and changes nothing.
  await c.extendTable(TABLES.scoring);
  expect(c.getState().notice).toBe("Fant ingen rader rett under tabellen PrioVurdering som ser ut som tiltak; ingenting er endret.");
  expect(wb.tableInfo(TABLES.scoring).address).toBe("A2:U153");
});

test("a note between the table and the rows: the finding stays, extending refuses and changes nothing", async () => {
  const wb = await example();
  wb.userEdit(SHEETS.scoring, "A34", "Fra i fjor:", { autoExpand: false });
  await paste(wb, 35, 3);
  const c = new ExcelController(hostOf(wb), "nb", { debounceMs: 5 });
  await c.start();
  expect(c.getState().assessment!.findings.find((f) => f.code === "table-rows-outside")?.params).toMatchObject({ row: 35, count: 3, extend: false });
  const before = values(wb, SHEETS.scoring);
  await c.extendTable(TABLES.scoring);
  expect([c.getState().noticeKind, c.getState().notice]).toEqual([
    "warning",
    "Det står noe mellom tabellen og radene fra rad 35 på arket Vurdering. Flytt det bort, eller flytt radene inn i tabellen selv; ingenting er endret.",
  ]);
  expect(wb.tableInfo(TABLES.scoring).address).toBe("A2:U32");
  expect(values(wb, SHEETS.scoring)).toEqual(before);
});
