/**
 * The checklist in a whole workbook, read by readWorkbook the way the CLI and the add-in read it:
 * the 55 measures of the 2020 checklist test, once as grids built in memory and once from the
 * checked-in example examples/portefolje-2020.xlsx (exceljs → grids), get exactly the segments the
 * test published; the rank within each segment follows the scores; the example is what
 * scripts/make-examples.ts writes, byte for byte.
 */
import { readFileSync } from "fs";
import { summarise } from "../../src/core/checklist";
import { defaultModel } from "../../src/core/model";
import { readXlsx } from "../../src/cli/xlsx";
import { CHECKLIST_COLUMNS, SHEETS, TABLES } from "../../src/grid/layout";
import { readWorkbook, type WorkbookRead } from "../../src/grid/workbook";
import { reportingText } from "../../src/i18n/checklist";
import { portfolioWorkbook } from "../../scripts/make-examples";
import { EXAMPLE_XLSX, INN, MEASURES_2020, cellsOf, checklistGrid, scoringGrid, type ChecklistCells } from "../support/checklist";

type AddinRead = Extract<WorkbookRead, { kind: "addin" }>;

function addin(read: WorkbookRead): AddinRead & { checklist: NonNullable<AddinRead["checklist"]> } {
  if (read.kind !== "addin" || !read.checklist) throw new Error(`expected the add-in's layout with a checklist, got ${read.kind}`);
  return read as AddinRead & { checklist: NonNullable<AddinRead["checklist"]> };
}

const PUBLISHED = { bySegment: { Samstyre: 30, Koordinere: 11, Inspirere: 8, Observere: 6 }, ut: 0, notAssessed: 0, reportsPerYear: 162 };

describe("the 55 measures as grids in memory (Vurdering + Sjekkliste)", () => {
  let read: ReturnType<typeof addin>;
  beforeAll(() => {
    read = addin(readWorkbook([scoringGrid(MEASURES_2020.map((m) => ({ id: m.id, name: m.name, actor: m.actor }))), checklistGrid(MEASURES_2020.map(cellsOf))]));
  });
  test.each(MEASURES_2020.map((m) => [m.id, m.name, m.segment] as const))("%s %s → %s", (id, _name, segment) => {
    expect(read.checklist.placements.get(id)).toMatchObject({ entry: "inn", segment });
  });
  test("the published portfolio, and no checklist findings", () => {
    expect(summarise([...read.checklist.placements.values()])).toEqual(PUBLISHED);
    expect(read.checklist.table.findings).toEqual([]);
    expect(read.checklist.plan.findings).toEqual([]);
    expect([read.checklist.plan.appendToChecklist, read.checklist.plan.appendToScoring]).toEqual([[], []]);
  });
});

describe("examples/portefolje-2020.xlsx through readXlsx, as the CLI reads it", () => {
  let read: ReturnType<typeof addin>;
  let workbook: Awaited<ReturnType<typeof readXlsx>>["workbook"];
  beforeAll(async () => {
    const x = await readXlsx(EXAMPLE_XLSX);
    workbook = x.workbook;
    read = addin(readWorkbook(x.grids));
  });

  test("the add-in's layout: the default model from Modell, a valid store, 55 measures without scores", () => {
    expect(read.model).toEqual(defaultModel());
    expect(read.modelProblems).toEqual([]);
    expect(read.store.kind).toBe("ok");
    expect(read.assessment.measures).toHaveLength(55);
    expect(read.assessment.measures.every((m) => m.total === null)).toBe(true);
    expect(read.region.headerRow).toBe(1);
  });

  test.each(MEASURES_2020.map((m, i) => [m.id, m.name, m.segment, i] as const))("%s %s → %s", (id, name, segment, i) => {
    const row = read.checklist.table.rows[i];
    expect([row.id, row.name, row.actor]).toEqual([id, name, MEASURES_2020[i].actor]);
    expect(read.checklist.placements.get(id)).toMatchObject({ entry: "inn", segment });
    const scoring = read.scoring.measures[i];
    expect([scoring.id, scoring.name, scoring.actor, scoring.theme]).toEqual([id, name, MEASURES_2020[i].actor, MEASURES_2020[i].theme]);
  });

  test("the published portfolio, no checklist findings, nothing for the sync to do", () => {
    expect(summarise(read.checklist.table.rows.map((r) => r.placement))).toEqual(PUBLISHED);
    const { plan } = read.checklist;
    expect([read.checklist.table.findings, plan.findings, plan.appendToChecklist, plan.appendToScoring, plan.checklistEdits, plan.scoringEdits, plan.segmentChanges]).toEqual([
      [],
      [],
      [],
      [],
      [],
      [],
      [],
    ]);
  });

  test("the store remembers the 55 ids, names and segments, as after a recompute", () => {
    if (read.store.kind !== "ok") throw new Error("no store");
    const memory = read.store.store.checklist;
    expect([...memory.known].sort()).toEqual(MEASURES_2020.map((m) => m.id));
    expect(memory.names.T031).toBe("Akson - journal");
    expect(memory.last.T031.segment).toBe("Koordinere");
    expect(read.store.store.nextId).toBe(56);
  });

  test("Inn/Ut, Segment and Rapportering are filled as the add-in writes them; answers are Ja/Nei", () => {
    const ws = workbook.getWorksheet(SHEETS.checklist)!;
    const header = (ws.getRow(1).values as unknown[]).slice(1);
    const col = (h: string) => header.indexOf(h) + 1;
    MEASURES_2020.forEach((m, i) => {
      const row = ws.getRow(i + 2);
      expect(row.getCell(col(CHECKLIST_COLUMNS.entry)).value).toBe("Inn");
      expect(row.getCell(col(CHECKLIST_COLUMNS.segment)).value).toBe(m.segment);
      expect(row.getCell(col(CHECKLIST_COLUMNS.reporting)).value).toBe(reportingText("nb", m.segment));
      expect(row.getCell(col(CHECKLIST_COLUMNS.samstyre)).value).toBe(m.answers.samstyre ? "Ja" : "Nei");
      expect(row.getCell(col(CHECKLIST_COLUMNS.comment)).value).toBe(m.comment);
    });
  });

  test("real Excel tables where the add-in makes them, and a very hidden store", () => {
    const tables = (name: string) => (workbook.getWorksheet(name)! as unknown as { getTables(): { name: string }[] }).getTables().map((t) => t.name);
    expect(tables(SHEETS.scoring)).toEqual([TABLES.scoring]);
    expect(tables(SHEETS.model)).toEqual([TABLES.model, TABLES.settings]);
    expect(tables(SHEETS.ranking)).toEqual([TABLES.ranking]);
    expect(tables(SHEETS.checklist)).toEqual([TABLES.checklist]);
    expect(workbook.getWorksheet("PrioData")!.state).toBe("veryHidden");
  });

  test("Ja/Nei dropdowns on the six questions, colour lists on Status and Risiko, 1–5 on Hovedmål", () => {
    const ws = workbook.getWorksheet(SHEETS.checklist)!;
    for (const c of ["D", "E", "F", "G", "H", "I"]) {
      expect(ws.getCell(`${c}2`).dataValidation).toMatchObject({ type: "list", formulae: ['"Ja,Nei"'] });
      expect(ws.getCell(`${c}56`).dataValidation).toMatchObject({ type: "list", formulae: ['"Ja,Nei"'] });
    }
    expect(ws.getCell("M2").dataValidation).toMatchObject({ type: "list", formulae: ['"rød,gul,grønn"'] });
    expect(ws.getCell("N30").dataValidation).toMatchObject({ type: "list", formulae: ['"rød,gul,grønn"'] });
    expect(ws.getCell("O2").dataValidation).toMatchObject({ type: "whole", formulae: [1, 5] });
  });

  test("scripts/make-examples.ts writes exactly the checked-in file (regenerate with `npx tsx scripts/make-examples.ts`)", async () => {
    const fresh = await portfolioWorkbook();
    expect(fresh.equals(readFileSync(EXAMPLE_XLSX))).toBe(true);
  });
});

describe("segment ranks in a workbook: by score, among the measures of the same segment", () => {
  // Totals are 3× the score typed in every leaf.
  const scoring = [
    { id: "T001", name: "A", all: 8 }, // 24 Samstyre
    { id: "T002", name: "B", all: 7 }, // 21 Samstyre
    { id: "T003", name: "C", all: 7 }, // 21 Samstyre
    { id: "T004", name: "D", all: 9 }, // 27 Koordinere
    { id: "T005", name: "E", all: 10 }, // 30 Ut
    { id: "T006", name: "F", all: 6 }, // 18 ikke vurdert
    { id: "T007", name: "G", all: 5 }, // 15 no checklist row
    { id: "T008", name: "H" }, // no total, Koordinere
  ];
  const checklist: ChecklistCells[] = [
    { id: "T001", name: "A", ...INN, samstyre: "Ja" },
    { id: "T002", name: "B", ...INN, samstyre: "Ja" },
    { id: "T003", name: "C", ...INN, samstyre: "Ja" },
    { id: "T004", name: "D", ...INN, samstyre: "Nei", koordinere: "Ja" },
    { id: "T005", name: "E", ...INN, digitaliseringVesentlig: "Nei", samstyre: "Ja" },
    { id: "T006", name: "F", ...INN, samstyre: "Nei" },
    { id: "T008", name: "H", ...INN, samstyre: "Nei", koordinere: "Ja" },
  ];
  test("Samstyre 1, 2=, 2=; Koordinere 1; none for Ut, not assessed, no row, or no total", () => {
    const read = addin(readWorkbook([scoringGrid(scoring), checklistGrid(checklist)]));
    expect(Object.fromEntries(read.checklist.segmentRanks)).toEqual({
      T001: { rank: 1, tied: false },
      T002: { rank: 2, tied: true },
      T003: { rank: 2, tied: true },
      T004: { rank: 1, tied: false },
      T005: { rank: null, tied: false },
      T006: { rank: null, tied: false },
      T007: { rank: null, tied: false },
      T008: { rank: null, tied: false },
    });
    // The overall ranking is untouched by the checklist: E (Ut) is still first.
    expect(read.assessment.measures.map((m) => [m.id, m.rank])).toEqual([
      ["T005", 1],
      ["T004", 2],
      ["T001", 3],
      ["T002", 4],
      ["T003", 4],
      ["T006", 6],
      ["T007", 7],
      ["T008", null],
    ]);
  });
  test("the checklist's findings join the workbook's findings", () => {
    const read = addin(readWorkbook([scoringGrid(scoring), checklistGrid([...checklist, { id: "T009", name: "I", ...INN, samstyre: "kanskje" }])]));
    expect(read.assessment.findings.filter((f) => f.code === "checklist-answer").map((f) => f.cell)).toEqual(["Sjekkliste!G9"]);
  });
  test("a workbook without a Sjekkliste sheet has no checklist", () => {
    const read = readWorkbook([scoringGrid(scoring)]);
    expect(read.kind).toBe("addin");
    expect(read.kind === "addin" && read.checklist).toBeUndefined();
  });
});
