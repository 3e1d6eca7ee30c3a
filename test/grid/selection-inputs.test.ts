/**
 * The selection's inputs read from cells: Kostnad (MNOK), Forutsetter and Valg in Vurdering, the
 * frames in Modell's settings table. Bad cells are findings at their cell, never guesses.
 * Vurdering columns: A ID · B Tiltak · C Tema · D Aktør · E–O the 11 questions · P Kommentar ·
 * Q Kostnad (MNOK) · R Forutsetter · S Valg; header row 1, first measure row 2.
 */
import type { CellValue } from "../../src/core/cell";
import { defaultModel, leaves } from "../../src/core/model";
import { gridFromValues, type Grid } from "../../src/grid/grid";
import { SELECTION_COLUMNS, SELECTION_SETTINGS, scoringHeaders, SHEETS } from "../../src/grid/layout";
import { SETTINGS_HEADERS } from "../../src/grid/model-table";
import { parseRequires, readSelectionInputs } from "../../src/grid/selection-inputs";
import { readWorkbook } from "../../src/grid/workbook";
import { selectionFindingMessage as findingMessage } from "../../src/i18n/selection";

const model = defaultModel();
const headers = [...scoringHeaders(model), SELECTION_COLUMNS.cost, SELECTION_COLUMNS.requires, SELECTION_COLUMNS.choice];
const scores = leaves(model).map(() => 7);

function workbook(rows: [string, string, CellValue, CellValue, CellValue][], settings: [string, CellValue][] = []): Grid[] {
  const scoring = gridFromValues(SHEETS.scoring, [headers, ...rows.map(([id, name, cost, req, choice]) => [id, name, "", "", ...scores, null, cost, req, choice])]);
  const modell = gridFromValues(SHEETS.model, [[...SETTINGS_HEADERS], ...settings]);
  return [scoring, modell];
}

function inputs(grids: Grid[]) {
  const read = readWorkbook(grids);
  if (read.kind !== "addin") throw new Error("not the add-in layout");
  return { read, inputs: readSelectionInputs(grids, read) };
}

describe("costs, dependencies and choices in Vurdering", () => {
  const grids = workbook(
    [
      ["T001", "PLL grunnmur", 12.5, null, "Tas med"],
      ["T002", "PLL i sykehus", "7,5", "T001", null],
      ["T003", "Kritisk info", "7,5 mill", "T001–T002", "holdes utenfor"],
      ["T004", "Dokumentdeling", null, "T001, T009; T003", "ja"],
      ["T005", "Bildedeling", 3.456, "T005 og T002", null],
      ["T006", "Labsvar", -2, "se notat!", null],
      ["T007", "Meldingsløftet", 0, "t001-t003", null],
    ],
    [
      [SELECTION_SETTINGS.budget, 100],
      [SELECTION_SETTINGS.minimum, "50 MNOK"],
      ["Ramme Samstyre (MNOK)", 40],
    ],
  );
  const { inputs: r } = inputs(grids);

  it("reads costs as whole hundredths of a MNOK, and never takes text as a number", () => {
    expect(r.problem.items.map((i) => i.cost)).toEqual([1250, null, null, null, 346, null, 0]);
    expect(r.columns).toEqual({ cost: true, requires: true, choice: true });
  });

  it("reads Forutsetter: lists, ranges (– or -, any case), and drops unknown and own IDs", () => {
    expect(r.problem.items.map((i) => i.requires)).toEqual([[], ["T001"], ["T001", "T002"], ["T001", "T003"], ["T002"], [], ["T001", "T002", "T003"]]);
  });

  it("reads Valg: Tas med / Holdes utenfor in any case; anything else is a finding", () => {
    expect(r.problem.items.map((i) => i.forced)).toEqual(["in", null, "out", null, null, null, null]);
  });

  it("reads the frames from Modell; an amount typed with a unit is a finding, not a frame", () => {
    expect(r.problem.budget).toBe(10000);
    expect(r.problem.minimum).toBeUndefined();
    expect(r.problem.segmentLimits).toEqual({ Samstyre: 4000 });
    expect(r.problem.cells).toEqual({ budget: "Modell!B2", minimum: "Modell!B3", segments: { Samstyre: "Modell!B4" } });
  });

  it("names each bad cell with what to do, in bokmål and English", () => {
    const lines = r.findings.map((f) => `${f.cell} ${f.code}: ${findingMessage(f, "nb")}`);
    expect(lines).toEqual([
      "Vurdering!Q3 selection-cost-invalid: «7,5» er ikke en kostnad i MNOK, så PLL i sykehus kan ikke velges. Skriv 7,5 som et tall.",
      "Vurdering!Q4 selection-cost-invalid: «7,5 mill» er ikke en kostnad i MNOK, så Kritisk info kan ikke velges. Skriv kostnaden i millioner kroner som et tall, for eksempel 7,5.",
      "Vurdering!Q5 selection-cost-missing: Dokumentdeling har ingen kostnad, så tiltaket kan ikke velges. Skriv kostnaden i MNOK (0 hvis det ikke koster noe).",
      "Vurdering!R5 selection-requires-unknown: Dokumentdeling forutsetter T009, men den ID-en finnes ikke i Vurdering og er ikke regnet med. Rett ID-en.",
      "Vurdering!S5 selection-choice-invalid: «ja» i Valg for Dokumentdeling er ikke et valg og er ikke regnet med. Skriv «Tas med», «Holdes utenfor» eller la cellen stå tom.",
      "Vurdering!Q6 selection-cost-rounded: Kostnaden «3.456» for Bildedeling regnes som 3,46 MNOK: utvalget regner i hele 10 000 kr.",
      "Vurdering!R6 selection-requires-self: Bildedeling forutsetter seg selv; det er ikke regnet med. Ta bort tiltakets egen ID fra Forutsetter.",
      "Vurdering!Q7 selection-cost-invalid: «-2» er negativ (en kostnad kan ikke være under 0), så Labsvar kan ikke velges. Skriv kostnaden i millioner kroner som et tall, for eksempel 7,5.",
      "Vurdering!R7 selection-requires-text: «se notat!» i Forutsetter for Labsvar er ikke ID-er. Skriv ID-ene med komma mellom, for eksempel «T001, T004», eller et område som «T001–T004».",
      "Modell!B3 selection-frame-invalid: «50 MNOK» i Minimumsramme (MNOK) er ikke et beløp og er ikke brukt. Skriv rammen i millioner kroner som et tall.",
    ]);
    expect(findingMessage(r.findings[3], "en")).toBe("Dokumentdeling presupposes T009, but that ID is not in Vurdering and is not counted. Correct the ID.");
  });

  it("does not report the selection's columns as unknown columns of the scoring table", () => {
    const { read } = inputs(grids);
    expect(read.assessment.findings.filter((f) => f.code === "table-unknown-column")).toEqual([]);
  });
});

describe("Forutsetter text", () => {
  const known = new Set(["T001", "T002", "T003", "T004", "JD-1", "JD-2", "JD-3", "JD-4", "JD-10"]);
  it.each([
    ["T001, T004", ["T001", "T004"], []],
    ["T001–T004", ["T001", "T002", "T003", "T004"], []],
    ["T002-T003", ["T002", "T003"], []],
    ["JD-1 – JD-4", ["JD-1", "JD-2", "JD-3", "JD-4"], []],
    ["JD-2", ["JD-2"], []],
    ["T003–T005", ["T003", "T004"], ["T005"]],
    ["T001 T003", ["T001", "T003"], []],
    ["T001 og JD-10", ["T001", "JD-10"], []],
    ["X99", [], ["X99"]],
  ])("%s", (text, ids, unknown) => {
    expect(parseRequires(text, known)).toEqual({ ids, unknown, garbled: false });
  });
});
