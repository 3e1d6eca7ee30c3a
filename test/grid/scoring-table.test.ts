/**
 * The add-in's own scoring table (Vurdering): one row per measure, columns found by their
 * headers (in any order), the same classification and findings as everywhere else.
 */
import { assess } from "../../src/core/assess";
import type { CellValue } from "../../src/core/cell";
import { defaultModel, leaves } from "../../src/core/model";
import { gridFromValues } from "../../src/grid/grid";
import { leafHeader, scoringHeaders } from "../../src/grid/layout";
import { findScoringRegion, readScoringTable } from "../../src/grid/scoring-table";
import { fixtureMeasure } from "../support/meeting";

const model = defaultModel();
const leafIds = leaves(model).map((l) => l.id);
const row = (id: string, name: string, values: Record<string, CellValue>, comment: string | null = null): CellValue[] => [
  id,
  name,
  "Tema",
  "Aktør",
  ...leafIds.map((l) => values[l] ?? null),
  comment,
];

const pll = fixtureMeasure("pll").values as Record<string, CellValue>;
const hjelp = fixtureMeasure("hjelpenummer").values as Record<string, CellValue>;

test("reads measures, addresses and totals; the table may start anywhere on the sheet", () => {
  const g = gridFromValues("Vurdering", [scoringHeaders(model), row("T001", "PLL", pll, "Kritisk info tas av kritisk info"), row("T002", "Felles hjelpenummer", hjelp)], undefined, { row: 3, col: 1 });
  const region = findScoringRegion(g)!;
  expect(region).toEqual({ headerRow: 3, firstCol: 1, lastCol: 1 + 4 + 11, lastRow: 5 });
  const t = readScoringTable(g, region, model);
  expect(t.findings).toEqual([]);
  expect(t.measures.map((m) => [m.id, m.name, m.theme, m.actor, m.address])).toEqual([
    ["T001", "PLL", "Tema", "Aktør", "Vurdering!C5"],
    ["T002", "Felles hjelpenummer", "Tema", "Aktør", "Vurdering!C6"],
  ]);
  // Leaves in columns F.. (B + 4): maal.behov in F, kost.juridisk in J.
  expect(t.measures[0].scores["maal.behov"]).toEqual({ value: 8, address: "Vurdering!F5" });
  expect(t.measures[0].scores["kost.juridisk"]).toEqual({ value: 9, address: "Vurdering!J5" });
  expect(t.measures[0].comments).toEqual({ "*": "Kritisk info tas av kritisk info" });
  const a = assess(model, t.measures);
  expect(a.measures.map((m) => m.total)).toEqual([22.75, expect.closeTo(16.083333333333332, 12)]);
});

test("columns in any order, headers in other case, a question's full label instead of its short one", () => {
  const headers = scoringHeaders(model);
  const order = [1, 0, ...headers.map((_, i) => i).slice(2).reverse()];
  const shuffledHeaders = order.map((i) => headers[i]).map((h, k) => (k === 3 ? h.toUpperCase() : h));
  const fullLabel = leaves(model).find((l) => l.id === "nytte.infra")!.label.nb;
  const renamed = shuffledHeaders.map((h) => (h === leafHeader(model, "nytte.infra") ? fullLabel : h));
  const data = row("T001", "PLL", pll);
  const g = gridFromValues("Vurdering", [renamed, order.map((i) => data[i])]);
  const t = readScoringTable(g, findScoringRegion(g)!, model);
  expect(t.findings).toEqual([]);
  expect(assess(model, t.measures).measures[0].total).toBe(22.75);
});

test("problems of the table are findings with cells", () => {
  const headers = [...scoringHeaders(model).filter((h) => h !== leafHeader(model, "kost.semantisk")), "Budsjett", leafHeader(model, "maal.behov")];
  const rows: CellValue[][] = [
    headers,
    [...row("T001", "PLL", pll).filter((_, i) => i !== 4 + leafIds.indexOf("kost.semantisk")), 100, 3],
    [...row("T001", "Kopi", pll).filter((_, i) => i !== 4 + leafIds.indexOf("kost.semantisk")), null, null],
    [...row("", "Uten ID", pll).filter((_, i) => i !== 4 + leafIds.indexOf("kost.semantisk")), null, null],
    [...row("T009", "", { "maal.behov": "7,5" }).filter((_, i) => i !== 4 + leafIds.indexOf("kost.semantisk")), null, null],
  ];
  const g = gridFromValues("Vurdering", rows);
  const t = readScoringTable(g, findScoringRegion(g)!, model);
  const codes = t.findings.map((f) => [f.code, f.cell]);
  // Headers: ID A, Tiltak B, Tema C, Aktør D, ten questions E–N, Kommentar O, Budsjett P, Informasjonsbehov again Q.
  expect(codes).toEqual([
    ["table-unknown-column", "Vurdering!P1"],
    ["table-duplicate-column", "Vurdering!Q1"],
    ["table-missing-column", "Vurdering!A1"],
    ["table-missing-id", "Vurdering!A4"],
    ["table-missing-name", "Vurdering!B5"],
    ["table-duplicate-id", "Vurdering!A3"],
  ]);
  expect(t.measures.map((m) => m.id)).toEqual(["T001", "T001#2", "rad-4", "T009"]);
  const a = assess(model, t.measures);
  const t009 = a.measures.find((m) => m.id === "T009")!;
  expect(t009.findings.find((f) => f.code === "cell-text")).toMatchObject({ cell: "Vurdering!E5", params: { suggestion: 7.5 } });
  // The missing column makes Semantisk utvikling missing for everyone; Kostnader (6 + 1 + 9) / 3.
  expect(a.measures.find((m) => m.id === "T001")!.values.kost).toBeCloseTo(16 / 3, 12);
});

test("no ID/Tiltak header row: no region", () => {
  expect(findScoringRegion(gridFromValues("Vurdering", [["Tiltak", "Score"], ["PLL", 22.75]]))).toBeUndefined();
});

test("an error value in ID, Tiltak, Aktør or Tema is named at its cell and kept apart for the checklist sync; no «missing» finding for it", () => {
  const rows: CellValue[][] = [
    scoringHeaders(model),
    [{ error: "#N/A" }, "PLL", "Tema", "Aktør", ...leafIds.map((l) => pll[l] ?? null), null],
    ["T002", { error: "#REF!" }, { error: "#VALUE!" }, { error: "#N/A" }, ...leafIds.map((l) => hjelp[l] ?? null), null],
  ];
  const g = gridFromValues("Vurdering", rows);
  const t = readScoringTable(g, findScoringRegion(g)!, model);
  expect(t.findings.map((f) => [f.code, f.cell, f.params.raw, f.params.column, f.params.measure, f.measureId])).toEqual([
    ["table-error-value", "Vurdering!A2", "#N/A", "ID", "PLL", "rad-2"],
    ["table-error-value", "Vurdering!B3", "#REF!", "Tiltak", "T002", "T002"],
    ["table-error-value", "Vurdering!C3", "#VALUE!", "Tema", "T002", "T002"],
    ["table-error-value", "Vurdering!D3", "#N/A", "Aktør", "T002", "T002"],
  ]);
  expect([...t.errorCells].map(([id, fields]) => [id, [...fields]])).toEqual([
    ["rad-2", ["id"]],
    ["T002", ["name", "actor"]],
  ]);
});
