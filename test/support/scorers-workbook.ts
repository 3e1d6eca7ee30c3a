/**
 * A small workbook in the add-in's layout with several scorers (the case of test/core/scorers.test.ts):
 *   Vurdering: T1 typed all 9, T2 all 4, T3 all 5, T4 all 3 (a measure with every question v totals 3v);
 *   Vurderere (table PrioVurderere): Kari T1 all 8, T2 all 5, T4 all 6; Ola T1 all 6 but
 *   Informasjonsbehov 2, T2 all 7; NHN T1 all 7, T2 all 6.
 */
import ExcelJS from "exceljs";
import type { CellValue } from "../../src/core/cell";
import { defaultModel, leaves, type Model } from "../../src/core/model";
import { SHEETS, scoringHeaders } from "../../src/grid/layout";
import {
  MODEL_HEADERS,
  SETTINGS_HEADERS,
  modelRows,
  settingsRows,
} from "../../src/grid/model-table";
import { SCORERS_SHEET, SCORERS_TABLE, scorersHeaders } from "../../src/grid/scorers-table";

const excelValue = (v: CellValue): ExcelJS.CellValue =>
  v !== null && typeof v === "object" ? ({ error: v.error } as ExcelJS.CellErrorValue) : v;

export const SCORING: [string, string, number][] = [
  ["T1", "Pasientens legemiddelliste", 9],
  ["T2", "Dokumentdeling", 4],
  ["T3", "Kritisk info", 5],
  ["T4", "Digital hjemmeoppfølging", 3],
];

/** [scorer, id, every question, overrides by leaf id] */
export const SCORER_ROWS: [string, string, number, Record<string, CellValue>][] = [
  ["Kari", "T1", 8, {}],
  ["Kari", "T2", 5, {}],
  ["Kari", "T4", 6, {}],
  ["Ola", "T1", 6, { "maal.behov": 2 }],
  ["Ola", "T2", 7, {}],
  ["NHN", "T1", 7, {}],
  ["NHN", "T2", 6, {}],
];

export function scorerRowValues(model: Model, rows = SCORER_ROWS): CellValue[][] {
  const name = new Map(SCORING.map(([id, n]) => [id, n]));
  return rows.map(([scorer, id, v, o]) => [
    id,
    name.get(id) ?? "",
    scorer,
    ...leaves(model).map((l) => (l.id in o ? o[l.id] : v)),
    "",
  ]);
}

export async function writeScorersWorkbook(
  file: string,
  opts: { settings?: [string, CellValue][]; rows?: typeof SCORER_ROWS; table?: boolean } = {}
): Promise<void> {
  const model = defaultModel();
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(SHEETS.scoring);
  ws.addRow(scoringHeaders(model));
  for (const [id, name, v] of SCORING)
    ws.addRow([id, name, "", "", ...leaves(model).map(() => v), ""]);
  const ms = wb.addWorksheet(SHEETS.model);
  ms.addRow([...MODEL_HEADERS]);
  for (const r of modelRows(model)) ms.addRow(r.map(excelValue));
  ms.addRow([]);
  ms.addRow([...SETTINGS_HEADERS]);
  for (const r of settingsRows(model)) ms.addRow(r.map(excelValue));
  for (const r of opts.settings ?? []) ms.addRow(r.map(excelValue));
  const ss = wb.addWorksheet(SCORERS_SHEET);
  const headers = scorersHeaders(model);
  const values = scorerRowValues(model, opts.rows);
  if (opts.table === false) {
    ss.addRow(headers);
    for (const r of values) ss.addRow(r.map(excelValue));
  } else {
    ss.addTable({
      name: SCORERS_TABLE,
      ref: "A1",
      headerRow: true,
      columns: headers.map((name) => ({ name })),
      rows: values.map((r) => r.map(excelValue)),
    });
  }
  await wb.xlsx.writeFile(file);
}
