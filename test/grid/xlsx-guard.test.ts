/**
 * The guard in front of exceljs (src/grid/xlsx-guard.ts), in-process: the cell count of a
 * reference, the shared-strings limit, the limited inflater, and that a real workbook passes with
 * nothing lost: the re-packed zip reads to exactly the grids of the original.
 */
import ExcelJS from "exceljs";
import { readFileSync } from "fs";
import * as path from "path";
import { deflateRawSync } from "zlib";
import { worksheetToGrid } from "../../src/grid/xlsx";
import { guardWorkbook, inflateLimited, LIMITS, refArea } from "../../src/grid/xlsx-guard";
import { minimalParts, minimalXlsx, rawZip, sheetXml } from "../support/hostile";

const ROOT = path.resolve(__dirname, "../..");

test.each([
  ["B2", 1],
  ["A1:B2", 4],
  ["$A$1:$B$2", 4],
  ["B2:A1", 4],
  ["A1:XFD1048576", 16384 * 1048576],
  ["A:A", 1048576],
  ["A:C", 3 * 1048576],
  ["3:3", 16384],
  ["1:1048576", 16384 * 1048576],
  ["ikke en referanse", 1],
])("refArea(%p) = %p", (ref, cells) => {
  expect(refArea(ref)).toBe(cells);
});

async function grids(data: Uint8Array | Buffer) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(data as unknown as ExcelJS.Buffer);
  return wb.worksheets.map(worksheetToGrid);
}

test.each([["examples/prioritering-2022-09.xlsx"], ["examples/portefolje-2020.xlsx"], ["test/fixtures/prioritering-2022-09.xlsx"]])(
  "%s passes, and the re-packed zip reads to exactly the same grids",
  async (file) => {
    const bytes = readFileSync(path.join(ROOT, file));
    const checked = await guardWorkbook(new Uint8Array(bytes), path.basename(file));
    if (!checked.ok) throw new Error(JSON.stringify(checked.refusal));
    expect(await grids(checked.zip)).toEqual(await grids(bytes));
  },
);

test("10 000 measures × 20 columns (200 000 cells) pass: the limits leave room for real portfolios", async () => {
  const rows: string[] = [];
  for (let r = 1; r <= 10_000; r++) {
    let cells = "";
    for (let c = 0; c < 20; c++) cells += `<c r="${String.fromCharCode(65 + c)}${r}"><v>${(r + c) % 11}</v></c>`;
    rows.push(`<row r="${r}">${cells}</row>`);
  }
  const checked = await guardWorkbook(new Uint8Array(await minimalXlsx(sheetXml({ data: rows.join("") }))));
  expect(checked.ok).toBe(true);
}, 60_000);

test("more than a million shared strings are refused even when they are not packed tightly", async () => {
  const strings = "<sst>" + "<si/>".repeat(LIMITS.strings + 1) + "</sst>";
  // Stored (not deflated): no compression ratio to catch it; the count does.
  const zip = rawZip([...minimalParts(sheetXml()), { name: "xl/sharedStrings.xml", packed: Buffer.from(strings), method: 0, declared: strings.length }]);
  expect(await guardWorkbook(new Uint8Array(zip))).toEqual({ ok: false, refusal: { kind: "strings", count: 1_000_001, limit: 1_000_000 } });
});

test("a whole-column merge is a million cells, named by its sheet from the workbook", async () => {
  const parts = minimalParts(sheetXml({ after: '<mergeCells count="1"><mergeCell ref="A:A"/></mergeCells>' }));
  expect(await guardWorkbook(new Uint8Array(rawZip(parts)))).toEqual({
    ok: false,
    refusal: { kind: "merge", part: { entry: "xl/worksheets/sheet1.xml", sheet: "Ark1" }, ref: "A:A", count: 1048576, limit: 1_000_000 },
  });
});

describe("inflateLimited", () => {
  const text = Buffer.from("Tiltak;Score\n".repeat(1000));
  test("gives back exactly the data within the limit", async () => {
    expect(Buffer.from((await inflateLimited(deflateRawSync(text), text.length))!)).toEqual(text);
  });
  test("gives up (null) one byte over the limit", async () => {
    expect(await inflateLimited(deflateRawSync(text), text.length - 1)).toBeNull();
  });
  test("a 200 MB bomb is stopped at the limit", async () => {
    const bomb = deflateRawSync(Buffer.alloc(200 * 1024 * 1024), { level: 9 });
    expect(bomb.length).toBeLessThan(250 * 1024);
    expect(await inflateLimited(bomb, 1024 * 1024)).toBeNull();
  }, 60_000);
  test("broken deflate data is a refusal as damaged, not a thrown library error", async () => {
    const parts = minimalParts(sheetXml()).map((e) => (e.name === "xl/worksheets/sheet1.xml" ? { ...e, packed: Buffer.from([0xff, 0xff, 0xff, 0xff]) } : e));
    expect(await guardWorkbook(new Uint8Array(rawZip(parts)))).toEqual({ ok: false, refusal: { kind: "damaged" } });
  });
});

test("comments count as cells: a million notes are refused", async () => {
  const comments = "<comments><commentList>" + '<comment ref="A1"/>'.repeat(1_000_000) + "</commentList></comments>";
  // Stored, so that the compression ratio does not catch it first.
  const zip = rawZip([...minimalParts(sheetXml()), { name: "xl/comments1.xml", packed: Buffer.from(comments), method: 0, declared: comments.length }]);
  // One row and one cell in the sheet, and the million comments.
  expect(await guardWorkbook(new Uint8Array(zip))).toEqual({ ok: false, refusal: { kind: "cells", count: 1_000_002, limit: 1_000_000 } });
}, 60_000);
