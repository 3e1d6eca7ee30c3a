/**
 * A workbook in the add-in's own layout (a Vurdering table and the Modell tables, written with
 * exceljs using the headers of src/grid/layout.ts and src/grid/model-table.ts) is scored by the
 * same command, with the model the workbook holds.
 */
import ExcelJS from "exceljs";
import * as path from "path";
import { columnLetters } from "../../src/core/address";
import type { CellValue } from "../../src/core/cell";
import { defaultModel, leaves, withWeight, type Model } from "../../src/core/model";
import { SHEETS, scoringHeaders } from "../../src/grid/layout";
import { MODEL_HEADERS, SETTINGS_HEADERS, modelRows, settingsRows } from "../../src/grid/model-table";
import { fixture } from "../support/meeting";
import { BUILD_TIMEOUT, ensureCliBuilt, run, spawnPrio, tempDir } from "../support/cli";

const excelValue = (v: CellValue): ExcelJS.CellValue => (v !== null && typeof v === "object" ? ({ error: v.error } as ExcelJS.CellErrorValue) : v);

async function writeAddinWorkbook(file: string, model: Model, extra: (ws: ExcelJS.Worksheet) => void = () => undefined): Promise<void> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(SHEETS.scoring);
  ws.addRow(scoringHeaders(model));
  fixture.measures.forEach((m, i) => {
    const values = m.values as Record<string, CellValue>;
    ws.addRow([`T${String(i + 1).padStart(3, "0")}`, m.header, m.sheet, "", ...leaves(model).map((l) => excelValue(values[l.id] ?? null)), ""]);
  });
  extra(ws);
  const ms = wb.addWorksheet(SHEETS.model);
  ms.addRow([...MODEL_HEADERS]);
  for (const r of modelRows(model)) ms.addRow(r.map(excelValue));
  ms.addRow([]);
  ms.addRow([...SETTINGS_HEADERS]);
  for (const r of settingsRows(model)) ms.addRow(r.map(excelValue));
  await wb.xlsx.writeFile(file);
}

interface Json {
  measures: { id: string; name: string; sheet: string; score: number | null; rank: number | null; tied: boolean; complete: boolean; findings: { code: string; cell: string | null }[] }[];
  findings: { code: string; cell: string | null }[];
}

let dir: string;
let cleanup: () => void;
beforeAll(() => ({ dir, cleanup } = tempDir()));
afterAll(() => cleanup());

describe("the default model in the Modell sheet: the meeting's totals and ranks", () => {
  let out: Json;
  let file: string;
  beforeAll(async () => {
    file = path.join(dir, "vurdering.xlsx");
    await writeAddinWorkbook(file, defaultModel());
    const r = await run(["score", file, "--json"]);
    expect([r.code, r.err]).toEqual([0, ""]);
    out = JSON.parse(r.out);
  });
  test.each(fixture.measures.map((m, i) => [m.id, `T${String(i + 1).padStart(3, "0")}`, m] as const))("%s (%s)", (_id, tid, m) => {
    const j = out.measures.find((x) => x.id === tid)!;
    expect(j.sheet).toBe("Vurdering");
    expect(j.name).toBe(m.header);
    if (m.expected.score === null) expect(j.score).toBeNull();
    else expect(Math.abs(j.score! - m.expected.score)).toBeLessThanOrEqual(1e-9);
    expect([j.rank, j.tied, j.complete]).toEqual([m.expected.rank, m.expected.tied ?? false, m.expected.complete]);
  });
  test("the text in a score cell is a finding at its cell in the table", () => {
    // Row: header is row 1, measure i is row i + 2; Juridisk utvikling is leaf 5 → column E + 4 = I.
    const i = fixture.measures.findIndex((m) => m.id === "ki.andre");
    const col = columnLetters(4 + leaves(defaultModel()).findIndex((l) => l.id === "kost.juridisk"));
    const j = out.measures.find((x) => x.id === `T${String(i + 1).padStart(3, "0")}`)!;
    expect(j.findings.find((f) => f.code === "cell-text")!.cell).toBe(`Vurdering!${col}${i + 2}`);
  });
  test("no findings about the table or the model", () => {
    expect(out.findings.filter((f) => f.code.startsWith("table-") || f.code === "model-invalid")).toEqual([]);
  });
  test("the real binary prints the same ranking in text", () => {
    ensureCliBuilt();
    const r = spawnPrio(["score", file]);
    expect([r.code, r.err]).toEqual([0, ""]);
    expect(r.out.match(/^\s*6=\s/gm)).toHaveLength(2);
    expect(r.out).toMatch(/^\s*1\s+Legemidler: PLL\s+22,8\s/m);
  }, BUILD_TIMEOUT);
});

test("the workbook's model is the one in force: Nytte weighted 2 in Modell gives M + K + 2N", async () => {
  const file = path.join(dir, "vekt.xlsx");
  await writeAddinWorkbook(file, withWeight(defaultModel(), "nytte", 2));
  const r = await run(["score", file, "--json"]);
  expect(r.code).toBe(0);
  const out: Json = JSON.parse(r.out);
  const byName = new Map(out.measures.map((m) => [m.name, m]));
  // Hand-computed in test/core/weights.test.ts: DBEP 73/3 rank 5, legevakt/ØHD 137/6 rank 7, PLL 121/4.
  expect(byName.get("PLL")!.score).toBe(30.25);
  expect(Math.abs(byName.get("Implementering av DBEP")!.score! - 73 / 3)).toBeLessThanOrEqual(1e-9);
  expect([byName.get("Implementering av DBEP")!.rank, byName.get("Legevakt/ØHD")!.rank]).toEqual([5, 7]);
  expect(out.measures.some((m) => m.tied)).toBe(false);
});

test("an unreadable weight in Modell: the default model is used and the problem is a finding", async () => {
  const file = path.join(dir, "feil-vekt.xlsx");
  const model = defaultModel();
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(SHEETS.scoring);
  ws.addRow(scoringHeaders(model));
  ws.addRow(["T001", "PLL", "", "", ...leaves(model).map((l) => (fixture.measures.find((m) => m.id === "pll")!.values as Record<string, number>)[l.id]), ""]);
  const ms = wb.addWorksheet(SHEETS.model);
  ms.addRow([...MODEL_HEADERS]);
  for (const r of modelRows(model)) ms.addRow(r.map((v, i) => (r[0] === "nytte" && i === MODEL_HEADERS.indexOf("Vekt") ? "tung" : excelValue(v))));
  await wb.xlsx.writeFile(file);
  const r = await run(["score", file, "--json"]);
  expect(r.code).toBe(0);
  const out: Json = JSON.parse(r.out);
  expect(out.measures[0].score).toBe(22.75);
  expect(out.findings).toContainEqual(expect.objectContaining({ code: "model-invalid", cell: "Modell!G10" }));
});
