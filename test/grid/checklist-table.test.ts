/**
 * The Sjekkliste table read from cells: the 55 measures of the 2020 checklist test get exactly the
 * segment the test gave them; every branch of the rules is reached through Ja/Nei cells; what is
 * not Ja/Nei is a finding at its cell and never a guess; the portfolio columns are checked.
 * Columns: A ID · B Tiltak · C Aktør · D–F national significance · G–I segment questions ·
 * J Inn/Ut · K Segment · L Rapportering · M Status · N Risiko · O Hovedmål · P Bærekraftsmål ·
 * Q Budsjett · R Kommentar; the header is row 1, the first measure row 2.
 */
import type { CellValue } from "../../src/core/cell";
import { REPORTING, summarise, type Segment } from "../../src/core/checklist";
import { findChecklistRegion, readChecklistTable, type ChecklistTable } from "../../src/grid/checklist-table";
import { CHECKLIST_HEADERS } from "../../src/grid/layout";
import { reportingText } from "../../src/i18n/checklist";
import { INN, MEASURES_2020, cellsOf, checklistGrid, type ChecklistCells } from "../support/checklist";

function read(rows: ChecklistCells[]): ChecklistTable {
  const g = checklistGrid(rows);
  const region = findChecklistRegion(g);
  if (!region) throw new Error("no checklist region");
  return readChecklistTable(g, region);
}

/** One row with the given cells (under ID T001, name «Tiltak»). */
function one(cells: ChecklistCells): ChecklistTable {
  return read([{ id: "T001", name: "Tiltak", ...cells }]);
}

describe("the 55 measures of the 2020 checklist test, typed as Ja/Nei in the table", () => {
  let t: ChecklistTable;
  beforeAll(() => (t = read(MEASURES_2020.map(cellsOf))));

  test("55 rows, every column found, no findings", () => {
    expect(t.rows).toHaveLength(55);
    expect(Object.keys(t.columns)).toHaveLength(CHECKLIST_HEADERS.length);
    expect(t.findings).toEqual([]);
  });
  test.each(MEASURES_2020.map((m, i) => [m.id, m.name, m.segment, i] as const))("%s %s → %s", (id, name, segment, i) => {
    const row = t.rows[i];
    expect([row.id, row.name, row.row]).toEqual([id, name, i + 1]);
    expect(row.placement).toMatchObject({ entry: "inn", segment, reporting: REPORTING[segment] });
  });
  test("30 Samstyre, 11 Koordinere, 8 Inspirere, 6 Observere; 30·4 + 11·2 + 8·1 + 6·2 = 162 reports a year", () => {
    expect(summarise(t.rows.map((r) => r.placement))).toEqual({
      bySegment: { Samstyre: 30, Koordinere: 11, Inspirere: 8, Observere: 6 },
      ut: 0,
      notAssessed: 0,
      reportsPerYear: 162,
    });
  });
  test("actor and comment are read", () => {
    expect(t.rows[30]).toMatchObject({ id: "T031", name: "Akson - journal", actor: "Akson journal AS", comment: MEASURES_2020[30].comment });
  });
});

describe("national significance through the cells: all Ja → Inn, any Nei → Ut, a blank → not assessed", () => {
  test("all three Ja → Inn", () => expect(one({ ...INN, samstyre: "Ja" }).rows[0].placement).toMatchObject({ entry: "inn", segment: "Samstyre" }));
  test.each(["digitaliseringVesentlig", "flereAktorer", "gjenbrukEllerDeling"] as const)("%s Nei → Ut, with no segment even when the segment questions are answered", (q) => {
    const p = one({ ...INN, [q]: "Nei", samstyre: "Ja" }).rows[0].placement;
    expect(p).toEqual({ entry: "ut", segment: null, no: [q] });
  });
  test.each(["digitaliseringVesentlig", "flereAktorer", "gjenbrukEllerDeling"] as const)("%s blank, the rest Ja → not assessed, no segment guessed", (q) => {
    const p = one({ ...INN, [q]: null, samstyre: "Ja" }).rows[0].placement;
    expect(p).toEqual({ entry: "ikke-vurdert", segment: "ikke-vurdert", unanswered: [q] });
  });
  test("a Nei decides Ut although another question is blank", () => {
    expect(one({ digitaliseringVesentlig: null, flereAktorer: "Nei", gjenbrukEllerDeling: "Ja" }).rows[0].placement).toEqual({
      entry: "ut",
      segment: null,
      no: ["flereAktorer"],
    });
  });
  test("a row with only ID and name: not assessed, all three questions named", () => {
    expect(one({}).rows[0].placement).toEqual({
      entry: "ikke-vurdert",
      segment: "ikke-vurdert",
      unanswered: ["digitaliseringVesentlig", "flereAktorer", "gjenbrukEllerDeling"],
    });
  });
});

describe("segment through the cells, the questions in order", () => {
  const cases: [CellValue, CellValue, CellValue, Segment | "ikke-vurdert"][] = [
    ["Ja", null, null, "Samstyre"],
    ["Ja", "Ja", "Ja", "Samstyre"],
    ["Nei", "Ja", null, "Koordinere"],
    ["Nei", "Ja", "Ja", "Koordinere"],
    ["Nei", "Nei", "Ja", "Inspirere"],
    ["Nei", "Nei", "Nei", "Observere"],
    [null, "Ja", "Ja", "ikke-vurdert"],
    ["Nei", null, "Ja", "ikke-vurdert"],
    ["Nei", "Nei", null, "ikke-vurdert"],
  ];
  test.each(cases)("Bredt samarbeid %p, Avhengig av samstyring %p, Utforskende %p → %s", (samstyre, koordinere, inspirere, segment) => {
    const t = one({ ...INN, samstyre, koordinere, inspirere });
    expect(t.findings).toEqual([]);
    expect(t.rows[0].placement.entry).toBe("inn");
    expect(t.rows[0].placement.segment).toBe(segment);
  });
  test("the unanswered question the order reached is named", () => {
    expect(one({ ...INN, samstyre: "Nei", koordinere: "Nei" }).rows[0].placement).toEqual({ entry: "inn", segment: "ikke-vurdert", unanswered: "inspirere" });
    expect(one({ ...INN, samstyre: null, koordinere: "Ja" }).rows[0].placement).toEqual({ entry: "inn", segment: "ikke-vurdert", unanswered: "samstyre" });
  });
});

describe("what a cell may hold", () => {
  test.each([
    ["Ja", true],
    ["ja", true],
    [" JA ", true],
    ["J", true],
    ["j", true],
    ["Yes", true],
    ["TRUE", true],
    [true, true],
    ["SANN", true],
    ["Nei", false],
    ["nei", false],
    ["N", false],
    ["No", false],
    ["FALSE", false],
    [false, false],
    ["USANN", false],
    [null, null],
    ["", null],
    ["   ", null],
  ] as [CellValue, boolean | null][])("%p in Bredt samarbeid? → %p, no finding", (cell, answer) => {
    const t = one({ ...INN, samstyre: cell });
    expect(t.rows[0].answers.samstyre).toBe(answer);
    expect(t.findings).toEqual([]);
  });

  test.each([["Kanskje"], ["x"], ["?"], ["Ja/Nei"], [1], [0], [{ error: "#N/A" }]] as [CellValue][])(
    "%p in Bredt samarbeid? is a «checklist-answer» error at G2, and the measure is not assessed (never Koordinere)",
    (cell) => {
      const t = one({ ...INN, samstyre: cell, koordinere: "Ja" });
      expect(t.rows[0].answers.samstyre).toBeNull();
      expect(t.rows[0].placement).toEqual({ entry: "inn", segment: "ikke-vurdert", unanswered: "samstyre" });
      expect(t.findings).toEqual([
        {
          code: "checklist-answer",
          severity: "error",
          cell: "Sjekkliste!G2",
          measureId: "T001",
          params: { raw: typeof cell === "object" && cell !== null ? "#N/A" : String(cell), question: "samstyre", measure: "Tiltak" },
        },
      ]);
    },
  );

  test("an invalid national-significance answer: not assessed, not Inn; with another Nei still Ut", () => {
    const a = one({ ...INN, flereAktorer: "kanskje", samstyre: "Ja" });
    expect(a.rows[0].placement).toEqual({ entry: "ikke-vurdert", segment: "ikke-vurdert", unanswered: ["flereAktorer"] });
    expect(a.findings.map((f) => [f.code, f.cell])).toEqual([["checklist-answer", "Sjekkliste!E2"]]);
    const b = one({ ...INN, flereAktorer: "kanskje", gjenbrukEllerDeling: "Nei" });
    expect(b.rows[0].placement).toEqual({ entry: "ut", segment: null, no: ["gjenbrukEllerDeling"] });
  });

  test("the findings carry each cell, row by row", () => {
    const t = read([
      { id: "T001", name: "A", ...INN, inspirere: "vet ikke" },
      { id: "T002", name: "B", digitaliseringVesentlig: "??", samstyre: "Ja" },
    ]);
    expect(t.findings.map((f) => [f.code, f.cell, f.measureId])).toEqual([
      ["checklist-answer", "Sjekkliste!I2", "T001"],
      ["checklist-answer", "Sjekkliste!D3", "T002"],
    ]);
  });

  test("blank rows between measures are skipped; a row without ID is still read", () => {
    const t = read([{ id: "T001", name: "A", ...INN, samstyre: "Ja" }, {}, { name: "Uten ID", ...INN, samstyre: "Nei", koordinere: "Ja" }]);
    expect(t.rows.map((r) => [r.id, r.name, r.row, r.placement.segment])).toEqual([
      ["T001", "A", 1, "Samstyre"],
      ["", "Uten ID", 3, "Koordinere"],
    ]);
  });
});

describe("Rapportering per segment (DESIGN §1)", () => {
  const rows: [Segment, ChecklistCells, number, string, string][] = [
    ["Samstyre", { samstyre: "Ja" }, 4, "4 ganger i året: status og risiko", "4 times a year: status and risk"],
    ["Koordinere", { samstyre: "Nei", koordinere: "Ja" }, 2, "2 ganger i året: avhengigheter", "2 times a year: dependencies"],
    [
      "Observere",
      { samstyre: "Nei", koordinere: "Nei", inspirere: "Nei" },
      2,
      "2 ganger i året: fremdrift, erfaringer og hindringer",
      "2 times a year: progress, experience and obstacles",
    ],
    ["Inspirere", { samstyre: "Nei", koordinere: "Nei", inspirere: "Ja" }, 1, "1 gang i året: idéer", "once a year: ideas"],
  ];
  test.each(rows)("%s: %d× a year", (segment, answers, times, nb, en) => {
    const p = one({ ...INN, ...answers }).rows[0].placement;
    expect(p).toMatchObject({ entry: "inn", segment, reporting: { timesPerYear: times } });
    expect(reportingText("nb", segment)).toBe(nb);
    expect(reportingText("en", segment)).toBe(en);
  });
  test("Ut and not assessed report nothing", () => {
    expect(one({ ...INN, flereAktorer: "Nei" }).rows[0].placement).not.toHaveProperty("reporting");
    expect(one({ ...INN }).rows[0].placement).not.toHaveProperty("reporting");
  });
});

describe("portfolio columns: Status, Risiko, Hovedmål, Bærekraftsmål, Budsjett", () => {
  const samstyre = { ...INN, samstyre: "Ja" } as const;

  test("valid values of every column", () => {
    const t = one({ ...samstyre, status: "grønn", risk: "Gul", goal: 3, sdg: "3, 9, 10, 17", budget: 12.5 });
    expect(t.findings).toEqual([]);
    expect(t.rows[0].portfolio).toEqual({ status: "grønn", risk: "gul", goal: 3, sdg: [3, 9, 10, 17], budget: 12.5 });
  });
  test.each(["rød", "RØD", "gul", "grønn", "Grønn "])("colour %p is valid in Status and Risiko", (c) => {
    const t = one({ ...samstyre, status: c, risk: c });
    expect(t.findings).toEqual([]);
    expect(t.rows[0].portfolio.status).toBe(c.trim().toLowerCase());
  });
  test.each([
    ["status", "M", "blå"],
    ["status", "M", "grønt"],
    ["risk", "N", "høy"],
    ["goal", "O", 0],
    ["goal", "O", 6],
    ["goal", "O", 2.5],
    ["goal", "O", "mål 2"],
    ["sdg", "P", "18"],
    ["sdg", "P", "0"],
    ["sdg", "P", "3 og 9"],
    ["budget", "Q", -1],
    ["budget", "Q", "mye"],
  ] as [string, string, CellValue][])("%s %p (column %s) is a «portfolio-value» warning at its cell", (column, letter, value) => {
    const t = one({ ...samstyre, [column]: value });
    expect(t.findings).toEqual([
      { code: "portfolio-value", severity: "warning", cell: `Sjekkliste!${letter}2`, measureId: "T001", params: { column, raw: String(value), measure: "Tiltak" } },
    ]);
    expect(t.rows[0].portfolio).toEqual({});
  });
  test.each([
    [1, 1],
    [5, 5],
    ["2", 2],
  ] as [CellValue, number][])("Hovedmål %p → %p", (cell, goal) => expect(one({ ...samstyre, goal: cell }).rows[0].portfolio.goal).toBe(goal));
  test.each([
    [3, [3]],
    ["3;9", [3, 9]],
    ["3 9 17", [3, 9, 17]],
    ["1, 17", [1, 17]],
  ] as [CellValue, number[]][])("Bærekraftsmål %p → %p", (cell, sdg) => expect(one({ ...samstyre, sdg: cell }).rows[0].portfolio.sdg).toEqual(sdg));
  test("Budsjett as text with a decimal comma", () => expect(one({ ...samstyre, budget: "12,5" }).rows[0].portfolio.budget).toBe(12.5));

  test("a budget outside Samstyre is a «portfolio-budget» note at the budget cell: Koordinere, Ut and not assessed alike", () => {
    const t = read([
      { id: "T001", name: "Samstyre", ...samstyre, budget: 10 },
      { id: "T002", name: "Koordinere", ...INN, samstyre: "Nei", koordinere: "Ja", budget: 4 },
      { id: "T003", name: "Ut", ...INN, flereAktorer: "Nei", budget: 2 },
      { id: "T004", name: "Uvurdert", budget: 1 },
      { id: "T005", name: "Ugyldig budsjett", ...INN, samstyre: "Nei", koordinere: "Ja", budget: "ukjent" },
    ]);
    expect(t.findings.map((f) => [f.code, f.severity, f.cell, f.params.measure])).toEqual([
      ["portfolio-budget", "info", "Sjekkliste!Q3", "Koordinere"],
      ["portfolio-budget", "info", "Sjekkliste!Q4", "Ut"],
      ["portfolio-budget", "info", "Sjekkliste!Q5", "Uvurdert"],
      ["portfolio-value", "warning", "Sjekkliste!Q6", "Ugyldig budsjett"],
    ]);
  });
  test("blank portfolio cells: nothing recorded, no finding", () => {
    const t = one({ ...samstyre });
    expect(t.rows[0].portfolio).toEqual({});
    expect(t.findings).toEqual([]);
  });
});

describe("finding the table", () => {
  test("the header may sit lower and further right, and columns may be reordered", () => {
    const headers = ["Kommentar", "Tiltak", "ID", "Utforskende?", "Avhengig av samstyring?", "Bredt samarbeid?", "Gjenbruk eller deling?", "Flere aktører?", "Digitalisering vesentlig?"];
    const g = {
      name: "Sjekkliste",
      rows: [
        [],
        [],
        [undefined, undefined, ...headers.map((h) => ({ value: h }))],
        [undefined, undefined, ...["", "Observert", "T009", "Nei", "Nei", "Nei", "Ja", "Ja", "Ja"].map((v) => (v === "" ? undefined : { value: v }))],
      ],
    };
    const region = findChecklistRegion(g)!;
    expect(region).toEqual({ headerRow: 2, firstCol: 2, lastCol: 10, lastRow: 3 });
    const t = readChecklistTable(g, region);
    expect(t.rows[0]).toMatchObject({ id: "T009", name: "Observert", placement: { entry: "inn", segment: "Observere" } });
  });
  test("a sheet without ID, Tiltak and Bredt samarbeid? has no checklist", () => {
    expect(findChecklistRegion({ name: "Sjekkliste", rows: [[{ value: "ID" }, { value: "Tiltak" }, { value: "Segment" }]] })).toBeUndefined();
  });
});
