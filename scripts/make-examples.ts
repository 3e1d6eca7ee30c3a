/**
 * Writes examples/portefolje-2020.xlsx: the 55 measures of the 2020 checklist test
 * (test/fixtures/sjekkliste-2020.json, from «Porteføljestyring 2.0») in the add-in's own layout,
 * as if the add-in had created the workbook and recomputed it once:
 * - Vurdering: the scoring table (IDs T001…T055, Tiltak, Tema = innsatsområde, Aktør); the scores
 *   are blank, because the document published none;
 * - Modell: the criteria tree and the settings of the default model, side by side;
 * - Rangering: the output table, empty until the add-in recomputes;
 * - Sjekkliste: the six questions answered Ja/Nei, and Inn/Ut, Segment and Rapportering as the
 *   add-in writes them; the document's comment in Kommentar;
 * - PrioData (very hidden): the add-in's store, with what the checklist sync has seen.
 * Real Excel tables, Ja/Nei dropdowns and the add-in's data validation.
 *
 * Deterministic: the same bytes every run (fixed document dates and zip entry times), so the
 * generated file can be checked in and a test can tell when it is out of date.
 *
 *   npx tsx scripts/make-examples.ts
 */
import ExcelJS from "exceljs";
import { writeFileSync } from "fs";
import * as path from "path";
import fixture from "../test/fixtures/sjekkliste-2020.json";
import { columnLetters } from "../src/core/address";
import type { CellValue } from "../src/core/cell";
import { place, QUESTION_TEXT, type ChecklistAnswers } from "../src/core/checklist";
import { defaultModel, leaves, type Model } from "../src/core/model";
import { segmentLabel } from "../src/grid/checklist-sync";
import { QUESTIONS } from "../src/grid/checklist-table";
import { gridFromValues } from "../src/grid/grid";
import { CHECKLIST_COLUMNS, CHECKLIST_HEADERS, CHECKLIST_ORDER, CHECKLIST_WORDS, RANKING_FIXED, rankingHeaders, scoringHeaders, SHEETS, TABLES, type ChecklistColumn } from "../src/grid/layout";
import { MODEL_HEADERS, SETTINGS_HEADERS, modelRows, settingsRows } from "../src/grid/model-table";
import { newStore, nextMeasureId, STORE_SHEET, storeToCells, type Store } from "../src/grid/store";
import { readWorkbook } from "../src/grid/workbook";
import { t } from "../src/i18n";
import { reportingText } from "../src/i18n/checklist";

export const PORTFOLIO_FILE = path.resolve(__dirname, "../examples/portefolje-2020.xlsx");

/** Where src/excel/layout.ts puts the tables (0-based rows; the settings one column right of the model). */
const SCORING_HEADER_ROW = 1;
const MODEL_HEADER_ROW = 0;
const SETTINGS_FIRST_COL = MODEL_HEADERS.length + 1;
const CHECKLIST_HEADER_ROW = 0;

/** Document dates and zip entry times: fixed, so the file is the same bytes every run. */
const FIXED_DATE = new Date(Date.UTC(2020, 0, 1, 0, 0, 0));

const GROUP_FILLS = ["DCE9F5", "E6F2E1", "FBEBD9", "EDE3F4", "F6E0E3"];
const COMPUTED_FILL = "F2F2F2";

export interface PortfolioMeasure {
  id: string;
  name: string;
  theme: string;
  actor: string;
  comment: string;
  answers: ChecklistAnswers;
}

/** The fixture's measures with the ids the example gives them, T001…T055 in the document's order. */
export function portfolioMeasures(): PortfolioMeasure[] {
  return fixture.measures.map((m, i) => ({
    id: `T${String(i + 1).padStart(3, "0")}`,
    name: m.name,
    theme: m.innsatsomraade,
    actor: m.actor,
    comment: m.comment,
    answers: m.answers,
  }));
}

function scoringRows(model: Model, measures: PortfolioMeasure[]): CellValue[][] {
  return measures.map((m) => [m.id, m.name, m.theme, m.actor, ...leaves(model).map(() => null), null]);
}

/** A checklist row as the add-in leaves it after a recompute: answers as Ja/Nei, the placement in words. */
function checklistRow(m: PortfolioMeasure): CellValue[] {
  const p = place(m.answers);
  const values: Record<ChecklistColumn, CellValue> = {
    id: m.id,
    name: m.name,
    actor: m.actor,
    digitaliseringVesentlig: null,
    flereAktorer: null,
    gjenbrukEllerDeling: null,
    samstyre: null,
    koordinere: null,
    inspirere: null,
    entry: p.entry === "inn" ? CHECKLIST_WORDS.inn : p.entry === "ut" ? CHECKLIST_WORDS.ut : CHECKLIST_WORDS.notAssessed,
    segment: segmentLabel(p),
    reporting: p.entry === "inn" && p.segment !== "ikke-vurdert" ? reportingText("nb", p.segment) : null,
    status: null,
    risk: null,
    goal: null,
    sdg: null,
    budget: null,
    comment: m.comment,
  };
  for (const q of QUESTIONS) {
    const a = m.answers[q];
    values[q] = a === true ? CHECKLIST_WORDS.yes : a === false ? CHECKLIST_WORDS.no : null;
  }
  return CHECKLIST_ORDER.map((k) => values[k]);
}

/**
 * The store the add-in keeps after its first recompute of this workbook: the default model, the
 * next free id, and what the checklist sync saw (found by running the same reader on the tables).
 */
export function portfolioStore(model: Model, measures: PortfolioMeasure[]): Store {
  const scoring = gridFromValues(SHEETS.scoring, [scoringHeaders(model), ...scoringRows(model, measures)]);
  const checklist = gridFromValues(SHEETS.checklist, [CHECKLIST_HEADERS, ...measures.map(checklistRow)]);
  const read = readWorkbook([scoring, checklist]);
  if (read.kind !== "addin" || !read.checklist) throw new Error("the example's tables were not read back as the add-in's layout");
  const nextId = nextMeasureId({ nextId: 1 }, measures.map((m) => m.id)).nextId - 1;
  return { ...newStore(model, nextId), checklist: read.checklist.plan.memory };
}

const excel = (v: CellValue): ExcelJS.CellValue => (v !== null && typeof v === "object" ? ({ error: v.error } as ExcelJS.CellErrorValue) : v);

/**
 * exceljs validates a whole range (`worksheet.dataValidations.add`) although its types do not
 * declare it. Per-cell validations would be merged on write into overlapping ranges (it sorts
 * addresses as text, so D10 comes before D2), which Excel may repair; one range per column is clean.
 */
type WithRangeValidations = ExcelJS.Worksheet & { dataValidations: { add(range: string, rule: ExcelJS.DataValidation): void } };

/** Data validation on one column (0-based) from sheet row `first` to `last` (1-based). */
function validate(ws: ExcelJS.Worksheet, col: number, first: number, last: number, rule: ExcelJS.DataValidation): void {
  const c = columnLetters(col);
  (ws as WithRangeValidations).dataValidations.add(`${c}${first}:${c}${last}`, rule);
}

function fill(argb: string): ExcelJS.Fill {
  return { type: "pattern", pattern: "solid", fgColor: { argb: `FF${argb}` } };
}

function addTable(ws: ExcelJS.Worksheet, name: string, row: number, col: number, headers: readonly string[], rows: CellValue[][], theme: string): void {
  ws.addTable({
    name,
    displayName: name,
    ref: `${columnLetters(col)}${row + 1}`,
    headerRow: true,
    style: { theme: theme as ExcelJS.TableStyleProperties["theme"], showRowStripes: true },
    columns: headers.map((h) => ({ name: h, filterButton: true })),
    // A table needs a body row; an empty one is one blank row, as the add-in makes it.
    rows: rows.length ? rows.map((r) => r.map(excel)) : [headers.map(() => null)],
  });
}

function writeScoringSheet(wb: ExcelJS.Workbook, model: Model, measures: PortfolioMeasure[]): void {
  const ws = wb.addWorksheet(SHEETS.scoring, { views: [{ state: "frozen", ySplit: SCORING_HEADER_ROW + 1 }] });
  const headers = scoringHeaders(model);
  const leafNodes = leaves(model);
  const firstLeafCol = 4;

  // The band naming each top-level group above its questions.
  let col = firstLeafCol;
  model.criteria.forEach((g, i) => {
    const n = leafNodes.filter((l) => l.id === g.id || l.id.startsWith(`${g.id}.`)).length;
    if (n === 0) return;
    for (let c = col; c < col + n; c++) {
      const cell = ws.getCell(1, c + 1);
      cell.fill = fill(GROUP_FILLS[i % GROUP_FILLS.length]);
      cell.font = { bold: true };
    }
    ws.getCell(1, col + 1).value = g.label.nb;
    col += n;
  });

  addTable(ws, TABLES.scoring, SCORING_HEADER_ROW, 0, headers, scoringRows(model, measures), "TableStyleMedium2");
  const header = ws.getRow(SCORING_HEADER_ROW + 1);
  header.alignment = { wrapText: true, vertical: "top" };
  header.font = { bold: true };
  ws.getColumn(1).width = 8;
  ws.getColumn(2).width = 44;
  ws.getColumn(3).width = 30;
  ws.getColumn(4).width = 24;
  for (let i = 0; i < leafNodes.length; i++) ws.getColumn(firstLeafCol + i + 1).width = 13;
  ws.getColumn(headers.length).width = 40;

  // Scores: a warning (not a stop) outside the scale, and the question with its anchors as a prompt.
  const { min, max } = model.scale;
  const first = SCORING_HEADER_ROW + 2;
  const last = SCORING_HEADER_ROW + 1 + Math.max(measures.length, 1);
  leafNodes.forEach((leaf, i) => {
    const anchors = (leaf.descriptors ?? []).map((d) => `${d.score} = ${d.text.nb}`).join(" · ");
    validate(ws, firstLeafCol + i, first, last, {
      type: "decimal",
      operator: "between",
      allowBlank: true,
      formulae: [min, max],
      showErrorMessage: true,
      errorStyle: "warning",
      errorTitle: t("nb", "excel.validation.title", { min, max }),
      error: t("nb", "excel.validation.message", { min, max }),
      showInputMessage: true,
      promptTitle: (leaf.short ?? leaf.label).nb.slice(0, 32),
      // A line break in an XML attribute is read back as a space, so the anchors follow after a dash.
      prompt: `${leaf.label.nb}${anchors ? ` – ${anchors}` : ""}`.slice(0, 255),
    });
  });
}

function writeModelSheet(wb: ExcelJS.Workbook, model: Model): void {
  const ws = wb.addWorksheet(SHEETS.model);
  const rows = modelRows(model);
  addTable(ws, TABLES.model, MODEL_HEADER_ROW, 0, MODEL_HEADERS, rows, "TableStyleLight9");
  const weightCol = MODEL_HEADERS.indexOf("Vekt");
  const impliedCol = MODEL_HEADERS.indexOf("Andel av total");
  const first = MODEL_HEADER_ROW + 2;
  const last = MODEL_HEADER_ROW + 1 + rows.length;
  validate(ws, weightCol, first, last, {
    type: "decimal",
    operator: "greaterThanOrEqual",
    allowBlank: true,
    formulae: [0],
    showErrorMessage: true,
    errorStyle: "warning",
    errorTitle: t("nb", "excel.weight.title"),
    error: t("nb", "excel.weight.message"),
  });
  for (let r = first; r <= last; r++) ws.getCell(r, impliedCol + 1).numFmt = "0.0%";
  const widths = [22, 12, 44, 44, 22, 22, 8, 16, 46, 14];
  widths.forEach((w, i) => (ws.getColumn(i + 1).width = w));

  addTable(ws, TABLES.settings, MODEL_HEADER_ROW, SETTINGS_FIRST_COL, SETTINGS_HEADERS, settingsRows(model), "TableStyleLight9");
  ws.getColumn(SETTINGS_FIRST_COL + 1).width = 18;
  ws.getColumn(SETTINGS_FIRST_COL + 2).width = 30;
}

function writeRankingSheet(wb: ExcelJS.Workbook, model: Model): void {
  const ws = wb.addWorksheet(SHEETS.ranking, { views: [{ state: "frozen", ySplit: 1 }] });
  const headers = rankingHeaders(model);
  addTable(ws, TABLES.ranking, 0, 0, headers, [], "TableStyleMedium2");
  ws.getColumn(1).width = 6;
  ws.getColumn(2).width = 44;
  ws.getColumn(3).width = 16;
  ws.getColumn(headers.indexOf(RANKING_FIXED.notes) + 1).width = 60;
}

function writeChecklistSheet(wb: ExcelJS.Workbook, measures: PortfolioMeasure[]): void {
  const ws = wb.addWorksheet(SHEETS.checklist, { views: [{ state: "frozen", ySplit: CHECKLIST_HEADER_ROW + 1 }] });
  addTable(ws, TABLES.checklist, CHECKLIST_HEADER_ROW, 0, CHECKLIST_HEADERS, measures.map(checklistRow), "TableStyleMedium9");
  ws.getRow(CHECKLIST_HEADER_ROW + 1).alignment = { wrapText: true, vertical: "top" };
  const col = (k: ChecklistColumn) => CHECKLIST_ORDER.indexOf(k);
  const first = CHECKLIST_HEADER_ROW + 2;
  const last = CHECKLIST_HEADER_ROW + 1 + Math.max(measures.length, 1);

  for (const q of QUESTIONS) {
    validate(ws, col(q), first, last, {
      type: "list",
      allowBlank: true,
      formulae: [`"${CHECKLIST_WORDS.yes},${CHECKLIST_WORDS.no}"`],
      showErrorMessage: true,
      errorStyle: "warning",
      errorTitle: t("nb", "excel.answer.title"),
      error: t("nb", "excel.answer.message"),
      showInputMessage: true,
      promptTitle: CHECKLIST_COLUMNS[q].slice(0, 32),
      prompt: QUESTION_TEXT[q].nb.slice(0, 255),
    });
    ws.getColumn(col(q) + 1).width = 12;
  }
  for (const k of ["status", "risk"] as const) {
    validate(ws, col(k), first, last, { type: "list", allowBlank: true, formulae: [`"${CHECKLIST_WORDS.colours.join(",")}"`] });
  }
  validate(ws, col("goal"), first, last, { type: "whole", operator: "between", allowBlank: true, formulae: [1, 5] });
  for (let r = first; r <= last; r++) for (const k of ["entry", "segment", "reporting"] as const) ws.getCell(r, col(k) + 1).fill = fill(COMPUTED_FILL);

  const widths: Partial<Record<ChecklistColumn, number>> = {
    id: 8,
    name: 44,
    actor: 24,
    entry: 12,
    segment: 13,
    reporting: 40,
    status: 9,
    risk: 9,
    goal: 10,
    sdg: 14,
    budget: 10,
    comment: 44,
  };
  for (const [k, w] of Object.entries(widths)) ws.getColumn(col(k as ChecklistColumn) + 1).width = w;
}

function writeStoreSheet(wb: ExcelJS.Workbook, store: Store): void {
  const ws = wb.addWorksheet(STORE_SHEET, { state: "veryHidden" });
  storeToCells(store).forEach((row, i) => (ws.getCell(i + 1, 1).value = excel(row[0])));
}

/**
 * Sets every entry's modification time in a zip to a fixed value (in place). exceljs stamps the
 * entries with the time of writing; nothing else in its output varies between runs.
 */
export function fixZipTimes(zip: Buffer, at: Date = FIXED_DATE): Buffer {
  const time = (at.getUTCHours() << 11) | (at.getUTCMinutes() << 5) | (at.getUTCSeconds() >> 1);
  const date = ((at.getUTCFullYear() - 1980) << 9) | ((at.getUTCMonth() + 1) << 5) | at.getUTCDate();
  // The end of central directory record: signature 0x06054b50 within the last 64 KiB + 22 bytes.
  let eocd = -1;
  for (let i = zip.length - 22; i >= Math.max(0, zip.length - 22 - 0xffff); i--) {
    if (zip.readUInt32LE(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw new Error("not a zip: no end of central directory");
  const entries = zip.readUInt16LE(eocd + 10);
  let p = zip.readUInt32LE(eocd + 16);
  for (let n = 0; n < entries; n++) {
    if (zip.readUInt32LE(p) !== 0x02014b50) throw new Error(`bad central directory entry at ${p}`);
    zip.writeUInt16LE(time, p + 12);
    zip.writeUInt16LE(date, p + 14);
    const local = zip.readUInt32LE(p + 42);
    if (zip.readUInt32LE(local) !== 0x04034b50) throw new Error(`bad local header at ${local}`);
    zip.writeUInt16LE(time, local + 10);
    zip.writeUInt16LE(date, local + 12);
    p += 46 + zip.readUInt16LE(p + 28) + zip.readUInt16LE(p + 30) + zip.readUInt16LE(p + 32);
  }
  return zip;
}

/** The example workbook as the bytes of an .xlsx file. */
export async function portfolioWorkbook(): Promise<Buffer> {
  const model = defaultModel();
  const measures = portfolioMeasures();
  const wb = new ExcelJS.Workbook();
  wb.creator = "Prioritering";
  wb.lastModifiedBy = "Prioritering";
  wb.title = "Porteføljen 2020: sjekklisten (Porteføljestyring 2.0)";
  wb.created = FIXED_DATE;
  wb.modified = FIXED_DATE;
  writeScoringSheet(wb, model, measures);
  writeModelSheet(wb, model);
  writeRankingSheet(wb, model);
  writeChecklistSheet(wb, measures);
  writeStoreSheet(wb, portfolioStore(model, measures));
  wb.views = [{ x: 0, y: 0, width: 20000, height: 12000, firstSheet: 0, activeTab: 0, visibility: "visible" }];
  const bytes = Buffer.from(await wb.xlsx.writeBuffer());
  return fixZipTimes(bytes);
}

async function main(): Promise<void> {
  const bytes = await portfolioWorkbook();
  writeFileSync(PORTFOLIO_FILE, bytes);
  process.stdout.write(`${path.relative(process.cwd(), PORTFOLIO_FILE)}: ${portfolioMeasures().length} tiltak, ${bytes.length} bytes\n`);
}

if (require.main === module) {
  main().catch((e: unknown) => {
    process.stderr.write(`make-examples: ${(e as Error).message ?? String(e)}\n`);
    process.exitCode = 1;
  });
}
