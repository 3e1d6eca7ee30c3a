/** A note typed beside a score on a theme sheet is kept as a comment of that score, never as a score. */
import { defaultModel } from "../../src/core/model";
import { readLegacyWorkbook } from "../../src/grid/legacy";
import type { WorkbookRead } from "../../src/grid/workbook";
import { fixture, readMeeting, resultFor } from "../support/meeting";
import { COUNCIL_ROWS, themeSheet } from "../support/grids";

let read: WorkbookRead;
beforeAll(async () => {
  read = await readMeeting();
});

test("DBEP: the «*» beside «enklere arbeidshverdag» (DBEP!D16)", () => {
  expect(resultFor(read, "dbep").comments).toEqual({ "nytte.hp.arbeidshverdag": "*" });
});

test("Kritisk info / Andre helseaktører: «Lovkrav om meldeplikt?» beside Juridisk utvikling ('Kritisk info'!G9)", () => {
  expect(resultFor(read, "ki.andre").comments).toEqual({ "kost.juridisk": "Lovkrav om meldeplikt?" });
});

test.each(fixture.measures.map((m) => [m.id, m.notes] as const))("%s: the notes of the fixture, no more", (id, notes) => {
  expect(resultFor(read, id).comments).toEqual(notes);
});

test("a note column is not a measure: 14 measures on the meeting's sheets", () => {
  if (read.kind !== "legacy") throw new Error(read.kind);
  expect(read.legacy.measures).toHaveLength(14);
  const notesCols = Object.fromEntries(read.legacy.themes.map((t) => [t.sheet, t.notesCols]));
  // Column D (index 3) on DBEP, Legemidler, DHO and Felles hjelpenummer; G (6) on Kritisk info.
  expect(notesCols).toMatchObject({ DBEP: [3], "Kritisk info": [6], Legemidler: [3], DHO: [3], "Felles hjelpenummer": [3] });
});

test("a note goes to the nearest measure on its left, on the row it stands", () => {
  const rows = COUNCIL_ROWS.map((r) => ({
    label: r.label,
    values: r.key === "kost.juridisk" ? [5, 6, "spør jurist"] : r.key.includes(".") ? [5, 6, null] : [null, null, null],
  }));
  const lw = readLegacyWorkbook([themeSheet("Tema", ["A", "B", ""], rows)], defaultModel())!;
  expect(lw.measures.map((m) => [m.header, m.input.comments])).toEqual([
    ["A", {}],
    ["B", { "kost.juridisk": "spør jurist" }],
  ]);
});
