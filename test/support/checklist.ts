/**
 * The checklist as test data: the 55 measures of the 2020 checklist test with the ids the
 * example workbook gives them (T001…T055), and builders for Sjekkliste/Vurdering grids in memory
 * and for .xlsx workbooks in the add-in's layout (exceljs), with the headers of src/grid/layout.ts.
 */
import ExcelJS from "exceljs";
import * as path from "path";
import checklist2020 from "../fixtures/sjekkliste-2020.json";
import type { CellValue } from "../../src/core/cell";
import type { ChecklistAnswers, Segment } from "../../src/core/checklist";
import { defaultModel, leaves, type Model } from "../../src/core/model";
import { gridFromValues, type Grid } from "../../src/grid/grid";
import { CHECKLIST_HEADERS, CHECKLIST_ORDER, SHEETS, scoringHeaders, type ChecklistColumn } from "../../src/grid/layout";
import { MODEL_HEADERS, SETTINGS_HEADERS, modelRows, settingsRows } from "../../src/grid/model-table";
import { STORE_SHEET, storeToCells, type Store } from "../../src/grid/store";

export { checklist2020 };

export const EXAMPLE_XLSX = path.resolve(__dirname, "../../examples/portefolje-2020.xlsx");

export interface Measure2020 {
  id: string;
  name: string;
  actor: string;
  theme: string;
  segment: Segment;
  comment: string;
  answers: ChecklistAnswers;
}

/** The fixture's measures in the document's order, as T001…T055. */
export const MEASURES_2020: Measure2020[] = checklist2020.measures.map((m, i) => ({
  id: `T${String(i + 1).padStart(3, "0")}`,
  name: m.name,
  actor: m.actor,
  theme: m.innsatsomraade,
  segment: m.segment as Segment,
  comment: m.comment,
  answers: m.answers,
}));

/** Ja / Nei / blank, as a person types them in the sheet. */
export const jaNei = (a: boolean | null | undefined): CellValue => (a === true ? "Ja" : a === false ? "Nei" : null);

/** All three national-significance questions Ja. */
export const INN = { digitaliseringVesentlig: "Ja", flereAktorer: "Ja", gjenbrukEllerDeling: "Ja" } as const;

export type ChecklistCells = Partial<Record<ChecklistColumn, CellValue>>;

/** A checklist row in the table's column order. */
export function checklistValues(cells: ChecklistCells): CellValue[] {
  return CHECKLIST_ORDER.map((k) => cells[k] ?? null);
}

/** The cells of a 2020 measure's checklist row: answers as Ja/Nei. */
export function cellsOf(m: Measure2020): ChecklistCells {
  const out: ChecklistCells = { id: m.id, name: m.name, actor: m.actor, comment: m.comment };
  for (const [q, a] of Object.entries(m.answers)) out[q as ChecklistColumn] = jaNei(a);
  return out;
}

/** A Sjekkliste sheet: the header in row 1 (0-based row 0), one row per entry below. */
export function checklistGrid(rows: ChecklistCells[], name: string = SHEETS.checklist): Grid {
  return gridFromValues(name, [CHECKLIST_HEADERS, ...rows.map(checklistValues)]);
}

export interface ScoringEntry {
  id: string;
  name: string;
  actor?: string;
  theme?: string;
  /** Every leaf gets this score (so each group is worth it and the total is 3×it); none when absent. */
  all?: number;
}

export function scoringValues(model: Model, e: ScoringEntry): CellValue[] {
  return [e.id, e.name, e.theme ?? "", e.actor ?? "", ...leaves(model).map(() => e.all ?? null), ""];
}

/** A Vurdering sheet: the header in row 1, one measure per row below. */
export function scoringGrid(entries: ScoringEntry[], model: Model = defaultModel()): Grid {
  return gridFromValues(SHEETS.scoring, [scoringHeaders(model), ...entries.map((e) => scoringValues(model, e))]);
}

/** The store sheet holding a store, as the add-in keeps it. */
export function storeGrid(store: Store): Grid {
  return gridFromValues(STORE_SHEET, storeToCells(store));
}

const excelValue = (v: CellValue): ExcelJS.CellValue => (v !== null && typeof v === "object" ? ({ error: v.error } as ExcelJS.CellErrorValue) : v);

/**
 * An .xlsx in the add-in's layout: Vurdering (header in row 1), Modell, optionally Sjekkliste
 * (header in row 1) and the store.
 */
export async function writeChecklistWorkbook(
  file: string,
  parts: { scoring: ScoringEntry[]; checklist?: ChecklistCells[]; store?: Store; model?: Model },
): Promise<void> {
  const model = parts.model ?? defaultModel();
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(SHEETS.scoring);
  ws.addRow(scoringHeaders(model));
  for (const e of parts.scoring) ws.addRow(scoringValues(model, e).map(excelValue));
  const ms = wb.addWorksheet(SHEETS.model);
  ms.addRow([...MODEL_HEADERS]);
  for (const r of modelRows(model)) ms.addRow(r.map(excelValue));
  ms.addRow([]);
  ms.addRow([...SETTINGS_HEADERS]);
  for (const r of settingsRows(model)) ms.addRow(r.map(excelValue));
  if (parts.checklist) {
    const cs = wb.addWorksheet(SHEETS.checklist);
    cs.addRow(CHECKLIST_HEADERS);
    for (const r of parts.checklist) cs.addRow(checklistValues(r).map(excelValue));
  }
  if (parts.store) {
    const ss = wb.addWorksheet(STORE_SHEET, { state: "veryHidden" });
    storeToCells(parts.store).forEach((row, i) => (ss.getCell(i + 1, 1).value = excelValue(row[0])));
  }
  await wb.xlsx.writeFile(file);
}

/**
 * A small portfolio for the command line, scored (every leaf of a measure the same score, so
 * the total is 3× it) and checked, with one of each case. Vurdering rows 2–10, Sjekkliste rows 2–10.
 *
 * | ID   | Vurdering            | total | Sjekkliste                                   | placement                    |
 * |------|----------------------|-------|----------------------------------------------|------------------------------|
 * | T001 | Akson - forberedelse | 24    | Samstyre; grønn, gul, mål 2, SDG 3 9, 12,5   | Inn, Samstyre                |
 * | T002 | Legemiddelprogrammet | 21    | Samstyre; Status «blå» (M3)                  | Inn, Samstyre                |
 * | T003 | Helsedataprogrammet  | 21    | Samstyre; Hovedmål 7 (O4)                    | Inn, Samstyre                |
 * | T004 | Helseplattformen     | 18    | Nei, Ja; Budsjett 4 (Q5)                     | Inn, Koordinere              |
 * | T005 | FRESK                | 27    | Flere aktører? Nei                           | Ut                           |
 * | T006 | HMN Lab              | 15    | Nei, blank (H7)                              | Inn, ikke vurdert            |
 * | T007 | Primærhelseteam      | 12    | Gjenbruk eller deling? blank (F8)            | ikke vurdert                 |
 * | T008 | Alle møter           | 9     | Bredt samarbeid? «Kanskje» (G9)              | Inn, ikke vurdert            |
 * | T009 | Akson journal        | 6     | (no row)                                     | –                            |
 * | T010 | (no row)             |       | Akson - journal: Nei, Ja (row 10)            | Inn, Koordinere              |
 */
export const SCENARIO_SCORING: ScoringEntry[] = [
  { id: "T001", name: "Akson - forberedelse", actor: "Direktoratet for e-helse", all: 8 },
  { id: "T002", name: "Legemiddelprogrammet", actor: "Direktoratet for e-helse", all: 7 },
  { id: "T003", name: "Helsedataprogrammet", actor: "Direktoratet for e-helse", all: 7 },
  { id: "T004", name: "Helseplattformen", actor: "Helse Midt-Norge RHF", all: 6 },
  { id: "T005", name: "FRESK", actor: "Helse Nord RHF", all: 9 },
  { id: "T006", name: "HMN Lab", actor: "Helse Midt-Norge RHF", all: 5 },
  { id: "T007", name: "Primærhelseteam", actor: "Helsedirektoratet", all: 4 },
  { id: "T008", name: "Alle møter", actor: "Helse Vest RHF", all: 3 },
  { id: "T009", name: "Akson journal", actor: "Akson journal AS", all: 2 },
];

export const SCENARIO_CHECKLIST: ChecklistCells[] = [
  { id: "T001", name: "Akson - forberedelse", actor: "Direktoratet for e-helse", ...INN, samstyre: "Ja", status: "grønn", risk: "gul", goal: 2, sdg: "3, 9", budget: 12.5 },
  { id: "T002", name: "Legemiddelprogrammet", actor: "Direktoratet for e-helse", ...INN, samstyre: "Ja", status: "blå" },
  { id: "T003", name: "Helsedataprogrammet", actor: "Direktoratet for e-helse", ...INN, samstyre: "Ja", goal: 7 },
  { id: "T004", name: "Helseplattformen", actor: "Helse Midt-Norge RHF", ...INN, samstyre: "Nei", koordinere: "Ja", budget: 4 },
  { id: "T005", name: "FRESK", actor: "Helse Nord RHF", ...INN, flereAktorer: "Nei" },
  { id: "T006", name: "HMN Lab", actor: "Helse Midt-Norge RHF", ...INN, samstyre: "Nei" },
  { id: "T007", name: "Primærhelseteam", actor: "Helsedirektoratet", digitaliseringVesentlig: "Ja", flereAktorer: "Ja" },
  { id: "T008", name: "Alle møter", actor: "Helse Vest RHF", ...INN, samstyre: "Kanskje" },
  { id: "T010", name: "Akson - journal", actor: "Akson journal AS", ...INN, samstyre: "Nei", koordinere: "Ja" },
];
