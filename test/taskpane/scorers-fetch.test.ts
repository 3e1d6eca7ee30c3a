/**
 * *Hent vurderinger* in the pane: a file is looked at by the guard before exceljs sees it, so a
 * CSV, an old .xls, an absurd merge or a workbook with nothing to score gives one plain line
 * naming the file, never a library's error; a real copy gives its rows.
 */
import { readFileSync } from "fs";
import * as path from "path";
import { defaultModel } from "../../src/core/model";
import { legacyToScoringRows } from "../../src/grid/import";
import { readLegacyWorkbook } from "../../src/grid/legacy";
import { readXlsx } from "../../src/cli/xlsx";
import { fetchScores } from "../../src/taskpane/scorers/fetch";
import { cfb, minimalXlsx, sheetXml } from "../support/hostile";

const model = defaultModel();
const MEETING = path.resolve(__dirname, "../fixtures/prioritering-2022-09.xlsx");
const bytes = (b: Buffer): ArrayBuffer =>
  b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength) as ArrayBuffer;

test("a CSV, an old .xls and an absurd merge: a plain message naming the file", async () => {
  const csv = await fetchScores(
    bytes(Buffer.from("ID;Tiltak\nT001;PLL\n")),
    "kari.xlsx",
    [],
    model,
    "nb"
  );
  expect(csv).toEqual({ ok: false, message: expect.stringMatching(/^kari\.xlsx/) });
  const xls = await fetchScores(bytes(cfb(["Workbook"])), "ola.xls", [], model, "en");
  expect(xls.ok).toBe(false);
  expect((xls as { message: string }).message).toMatch(/ola\.xls/);
  const merge = await fetchScores(
    bytes(
      await minimalXlsx(
        sheetXml({ after: '<mergeCells count="1"><mergeCell ref="A1:XFD1048576"/></mergeCells>' })
      )
    ),
    "nhn.xlsx",
    [],
    model,
    "nb"
  );
  expect(merge.ok).toBe(false);
  expect((merge as { message: string }).message).toMatch(/^nhn\.xlsx/);
  for (const r of [csv, xls, merge])
    expect((r as { message: string }).message).not.toMatch(/Error|at .*\.js|exceljs|JSZip/);
});

test("a workbook with nothing to score here: says so", async () => {
  const r = await fetchScores(bytes(await minimalXlsx(sheetXml())), "tom.xlsx", [], model, "nb");
  expect(r).toEqual({
    ok: false,
    message: "tom.xlsx har ingen scorer for tiltak i denne arbeidsboken.",
  });
});

test("the meeting workbook: one row per scored measure, matched to the imported measures", async () => {
  const { grids } = await readXlsx(MEETING);
  const here = legacyToScoringRows(readLegacyWorkbook(grids, model)!, model).rows.map((r) => ({
    id: r.id,
    name: r.name,
    theme: r.theme,
    scores: {},
  }));
  const r = await fetchScores(
    bytes(readFileSync(MEETING)),
    "prioritering-2022-09.xlsx",
    here,
    model,
    "nb"
  );
  if (!r.ok) throw new Error(r.message);
  expect(r.scores.layout).toBe("legacy");
  expect(r.scores.rows.length).toBe(14);
  expect(r.scores.unmatched).toEqual([]);
});
