/**
 * Rows that look like measures just below or beside the add-in's tables (PrioVurdering,
 * PrioSjekkliste, PrioVurderere) but outside their ranges: one finding per table and side, at the
 * first such row, with how many there are and whether the table can be extended over them. A
 * person's note below or beside a table is not a measure.
 */
import type { CellValue } from "../../src/core/cell";
import { defaultModel, leaves } from "../../src/core/model";
import { gridFromValues, type Grid } from "../../src/grid/grid";
import { CHECKLIST_HEADERS, scoringHeaders, SHEETS, TABLES } from "../../src/grid/layout";
import { measureTables, outsideRowFindings, rowsBelow } from "../../src/grid/outside-rows";
import { SCORERS_FIXED, SCORERS_SHEET, SCORERS_TABLE } from "../../src/grid/scorers-layout";

const model = defaultModel();
const leafCount = leaves(model).length;
const headers = scoringHeaders(model);
const measure = (id: CellValue, name: CellValue, score: CellValue = 5): CellValue[] => [id, name, "Tema", "Aktør", ...new Array<CellValue>(leafCount).fill(score), null];

/** Vurdering with the table over the header and `inTable` rows, then `after` rows outside it. */
function scoring(inTable: number, after: CellValue[][]): Grid {
  const rows = [headers, ...Array.from({ length: inTable }, (_, i) => measure(`T${String(i + 1).padStart(3, "0")}`, `Tiltak ${i + 1}`)), ...after];
  const g = gridFromValues(SHEETS.scoring, rows);
  g.tables = [{ name: TABLES.scoring, headerRow: 0, firstCol: 0, lastRow: inTable, lastCol: headers.length - 1 }];
  return g;
}

const outside = (grids: Grid[]) => outsideRowFindings(grids, model).map((f) => ({ cell: f.cell, ...f.params }));

test("1 970 measures pasted under the table: one finding at the first, with the count and the last row, extendable", () => {
  const after = Array.from({ length: 1970 }, (_, i) => measure(`X${i + 1}`, `Limt inn ${i + 1}`));
  expect(outside([scoring(30, after)])).toEqual([
    { cell: "Vurdering!A32", sheet: "Vurdering", table: "PrioVurdering", where: "below", row: 32, count: 1970, last: 2001, extend: true },
  ]);
});

test("after blank rows, and with blank rows among them: still found, still extendable; a note after them ends the block", () => {
  const after: CellValue[][] = [[], [], measure("X1", "Første"), [], measure(null, "Uten ID"), ["Kilde: regionene"], measure("X9", "Etter notatet")];
  expect(outside([scoring(3, after)])).toEqual([
    { cell: "Vurdering!A7", sheet: "Vurdering", table: "PrioVurdering", where: "below", row: 7, count: 2, last: 9, extend: true },
  ]);
});

test("a note between the table and the rows: found, but not extendable (the note would join the table)", () => {
  expect(outside([scoring(3, [["Notat: disse er fra i fjor"], measure("X1", "Gammelt tiltak")])])).toEqual([
    { cell: "Vurdering!A6", sheet: "Vurdering", table: "PrioVurdering", where: "below", row: 6, count: 1, last: 6, extend: false },
  ]);
});

test("notes are not measures: two words side by side, a sum, text in the score columns, rows more than 10 below", () => {
  const sum = new Array<CellValue>(headers.length).fill(null);
  sum[0] = "Sum";
  sum[4] = 211;
  const far: CellValue[][] = [...new Array<CellValue[]>(10).fill([]), measure("X1", "Langt nede")];
  expect(outside([scoring(3, [["Kilde", "Helsedirektoratet"], sum, ["Merk", null, null, null, "høy", "lav"]])])).toEqual([]);
  expect(outside([scoring(3, far)])).toEqual([]);
  // An id-like ID with a name is a measure even before it is scored.
  expect(outside([scoring(3, [measure("T031", "Nytt tiltak", null)])])).toHaveLength(1);
});

test("measures beside the table (its columns repeated after a blank column) are found; notes beside it are not", () => {
  const g = scoring(3, []);
  const width = headers.length;
  // Row 3 gets a copy of a measure's row starting two columns right of the table.
  measure("X1", "Ved siden av").forEach((value, i) => (g.rows[2][width + 1 + i] = { value }));
  expect(outside([g])).toEqual([
    { cell: `Vurdering!${String.fromCharCode(65 + width + 1)}3`, sheet: "Vurdering", table: "PrioVurdering", where: "beside", row: 3, count: 1, last: null, extend: false },
  ]);
  const notes = scoring(3, []);
  notes.rows[1][width + 1] = { value: "Husk" };
  notes.rows[1][width + 2] = { value: "Møte 21.9" };
  expect(outside([notes])).toEqual([]);
});

test("Sjekkliste (ID, Tiltak and a Ja/Nei) and Vurderere (ID, Vurderer and a score)", () => {
  const cl = gridFromValues(SHEETS.checklist, [CHECKLIST_HEADERS, ["T001", "A", "Aktør", "Ja"], [], ["Tiltak uten ID", "B", null, "Nei"], ["T003", "C"]]);
  cl.tables = [{ name: TABLES.checklist, headerRow: 0, firstCol: 0, lastRow: 1, lastCol: CHECKLIST_HEADERS.length - 1 }];
  const sHeaders = [SCORERS_FIXED.id, SCORERS_FIXED.name, SCORERS_FIXED.scorer, ...leaves(model).map((l) => l.id), SCORERS_FIXED.comment];
  const sc = gridFromValues(SCORERS_SHEET, [sHeaders, ["T001", "A", "Kari", 5], ["T001", "A", "Ola", 6], ["T002", "B", null, 7]]);
  sc.tables = [{ name: SCORERS_TABLE, headerRow: 0, firstCol: 0, lastRow: 2, lastCol: sHeaders.length - 1 }];
  expect(outside([cl, sc])).toEqual([
    { cell: "Sjekkliste!A4", sheet: "Sjekkliste", table: "PrioSjekkliste", where: "below", row: 4, count: 2, last: 5, extend: true },
    { cell: "Vurderere!A4", sheet: "Vurderere", table: "PrioVurderere", where: "below", row: 4, count: 1, last: 4, extend: true },
  ]);
});

test("a grid without table information (a file from another tool) reads to its last row already: no finding", () => {
  const g = scoring(3, [measure("X1", "Under")]);
  delete g.tables;
  expect(outside([g])).toEqual([]);
  expect(rowsBelow(scoring(3, []), scoring(3, []).tables![0], measureTables(model)[0])).toBeUndefined();
});
