/**
 * Creates the add-in's own layout in the open workbook: Vurdering (the scoring table), Modell
 * (the criteria tree and settings as editable tables), Rangering (the output table) and the
 * hidden store. Refuses, changing nothing, when a sheet of the same name exists that the
 * add-in did not make. Two syncs whatever the number of measures.
 */
import type { CellValue } from "../core/cell";
import { leaves, type Model } from "../core/model";
import { columnLetters } from "../core/address";
import { t, type Lang } from "../i18n";
import { QUESTION_TEXT } from "../core/checklist";
import { QUESTIONS } from "../grid/checklist-table";
import {
  CHECKLIST_COLUMNS,
  CHECKLIST_HEADERS,
  CHECKLIST_ORDER,
  CHECKLIST_WORDS,
  RANKING_FIXED,
  rankingHeaders,
  scoringHeaders,
  SHEETS,
  TABLES,
  type ChecklistColumn,
} from "../grid/layout";
import { MODEL_HEADERS, SETTINGS_HEADERS, modelRows, settingsRows } from "../grid/model-table";
import type { ScoringRow } from "../grid/import";
import { STORE_SHEET, type Store } from "../grid/store";
import { asText, officeRows } from "./cells";
import { checkWritable } from "./own-sheets";
import { syncEventsOff } from "./events-off";
import { NOT_ASSESSED_ROW, queueStoreWrite, type ChecklistSeed } from "./layout-rows";

export { checklistRowFor, checklistRowIn, queueStoreWrite, type ChecklistSeed } from "./layout-rows";

export type LayoutResult = { ok: true } | { ok: false; message: string };

/** The rows of the scoring table start under a band of group names and the header row. */
export const SCORING_HEADER_ROW = 1;
export const RANKING_HEADER_ROW = 0;
export const MODEL_HEADER_ROW = 0;
/** The settings table sits to the right of the model table, one column apart. */
export const SETTINGS_FIRST_COL = MODEL_HEADERS.length + 1;

const GROUP_FILLS = ["#DCE9F5", "#E6F2E1", "#FBEBD9", "#EDE3F4", "#F6E0E3"];

function rangeAddress(row: number, col: number, rows: number, cols: number): string {
  const a = `${columnLetters(col)}${row + 1}`;
  const b = `${columnLetters(col + cols - 1)}${row + rows}`;
  return a === b ? a : `${a}:${b}`;
}

const blank = (n: number): CellValue[] => new Array<CellValue>(n).fill("");


function writeScoringSheet(context: Excel.RequestContext, model: Model, rows: ScoringRow[], lang: Lang): void {
  const sheet = context.workbook.worksheets.add(SHEETS.scoring);
  const headers = scoringHeaders(model);
  const leafNodes = leaves(model);
  const firstLeafCol = 4;
  const width = headers.length;

  // A band naming the top-level group above its questions.
  let col = firstLeafCol;
  model.criteria.forEach((g, i) => {
    const n = leafNodes.filter((l) => l.id === g.id || l.id.startsWith(`${g.id}.`)).length;
    if (n === 0) return;
    const band = sheet.getRangeByIndexes(0, col, 1, n);
    band.format.fill.color = GROUP_FILLS[i % GROUP_FILLS.length];
    band.format.font.bold = true;
    sheet.getRangeByIndexes(0, col, 1, 1).values = [[asText(g.label.nb)]];
    col += n;
  });

  const body = rows.length
    ? rows.map((r) => [r.id, r.name, r.theme, r.actor, ...leafNodes.map((_, i) => r.scores[i] ?? null), r.comment])
    : [blank(width)];
  const all = [headers, ...body];
  const tableRange = rangeAddress(SCORING_HEADER_ROW, 0, all.length, width);
  sheet.getRange(tableRange).values = officeRows(all);
  const table = sheet.tables.add(`${SHEETS.scoring}!${tableRange}`, true);
  table.name = TABLES.scoring;
  table.style = "TableStyleMedium2";

  const header = sheet.getRangeByIndexes(SCORING_HEADER_ROW, 0, 1, width);
  header.format.wrapText = true;
  header.format.font.bold = true;
  sheet.getRangeByIndexes(SCORING_HEADER_ROW, 0, 1, 1).format.columnWidth = 60;
  sheet.getRangeByIndexes(SCORING_HEADER_ROW, 1, 1, 1).format.columnWidth = 240;
  sheet.getRangeByIndexes(SCORING_HEADER_ROW, 2, 1, 2).format.columnWidth = 110;
  sheet.getRangeByIndexes(SCORING_HEADER_ROW, firstLeafCol, 1, leafNodes.length).format.columnWidth = 86;
  sheet.getRangeByIndexes(SCORING_HEADER_ROW, width - 1, 1, 1).format.columnWidth = 260;

  // Scores: a warning (not a stop) outside the scale, and the question with its anchors as a prompt.
  const bodyRows = Math.max(rows.length, 1);
  const { min, max } = model.scale;
  leafNodes.forEach((leaf, i) => {
    const r = sheet.getRangeByIndexes(SCORING_HEADER_ROW + 1, firstLeafCol + i, bodyRows, 1);
    r.dataValidation.rule = { decimal: { formula1: min, formula2: max, operator: "Between" } };
    r.dataValidation.errorAlert = {
      showAlert: true,
      style: "Warning",
      title: t(lang, "excel.validation.title", { min, max }),
      message: t(lang, "excel.validation.message", { min, max }),
    };
    const anchors = (leaf.descriptors ?? []).map((d) => `${d.score} = ${d.text[lang]}`).join(" · ");
    r.dataValidation.prompt = {
      showPrompt: true,
      title: (leaf.short ?? leaf.label)[lang].slice(0, 32),
      message: `${leaf.label[lang]}${anchors ? `\n${anchors}` : ""}`.slice(0, 255),
    };
  });
  sheet.freezePanes.freezeRows(SCORING_HEADER_ROW + 1);
}

function writeModelSheet(context: Excel.RequestContext, model: Model, lang: Lang): void {
  const sheet = context.workbook.worksheets.add(SHEETS.model);
  const rows = modelRows(model);
  const all = [[...MODEL_HEADERS], ...rows];
  const address = rangeAddress(MODEL_HEADER_ROW, 0, all.length, MODEL_HEADERS.length);
  sheet.getRange(address).values = officeRows(all);
  const table = sheet.tables.add(`${SHEETS.model}!${address}`, true);
  table.name = TABLES.model;
  table.style = "TableStyleLight9";
  const weightCol = MODEL_HEADERS.indexOf("Vekt");
  const impliedCol = MODEL_HEADERS.indexOf("Andel av total");
  const weights = sheet.getRangeByIndexes(MODEL_HEADER_ROW + 1, weightCol, rows.length, 1);
  weights.dataValidation.rule = { decimal: { formula1: 0, operator: "GreaterThanOrEqualTo" } };
  weights.dataValidation.errorAlert = {
    showAlert: true,
    style: "Warning",
    title: t(lang, "excel.weight.title"),
    message: t(lang, "excel.weight.message"),
  };
  sheet.getRangeByIndexes(MODEL_HEADER_ROW + 1, impliedCol, rows.length, 1).numberFormat = [["0.0%"]];
  sheet.getRangeByIndexes(MODEL_HEADER_ROW, 0, 1, 1).format.columnWidth = 150;
  sheet.getRangeByIndexes(MODEL_HEADER_ROW, 1, 1, 1).format.columnWidth = 90;
  sheet.getRangeByIndexes(MODEL_HEADER_ROW, 2, 1, 2).format.columnWidth = 300;
  sheet.getRangeByIndexes(MODEL_HEADER_ROW, 4, 1, 2).format.columnWidth = 150;
  sheet.getRangeByIndexes(MODEL_HEADER_ROW, 8, 1, 1).format.columnWidth = 320;

  const settings = [[...SETTINGS_HEADERS], ...settingsRows(model)];
  const sAddress = rangeAddress(MODEL_HEADER_ROW, SETTINGS_FIRST_COL, settings.length, SETTINGS_HEADERS.length);
  sheet.getRange(sAddress).values = officeRows(settings);
  const sTable = sheet.tables.add(`${SHEETS.model}!${sAddress}`, true);
  sTable.name = TABLES.settings;
  sTable.style = "TableStyleLight9";
  sheet.getRangeByIndexes(MODEL_HEADER_ROW, SETTINGS_FIRST_COL, 1, 2).format.columnWidth = 130;
}

/** Adds the Sjekkliste sheet: Ja/Nei dropdowns, colour lists, the computed columns shaded. */
export function writeChecklistSheet(context: Excel.RequestContext, seeds: ChecklistSeed[], lang: Lang): void {
  const sheet = context.workbook.worksheets.add(SHEETS.checklist);
  const width = CHECKLIST_HEADERS.length;
  const body = seeds.length ? seeds.map(NOT_ASSESSED_ROW) : [new Array<string>(width).fill("")];
  const all = [CHECKLIST_HEADERS, ...body];
  const range = sheet.getRangeByIndexes(0, 0, all.length, width);
  range.values = officeRows(all);
  const table = sheet.tables.add(range, true);
  table.name = TABLES.checklist;
  table.style = "TableStyleMedium9";
  const header = sheet.getRangeByIndexes(0, 0, 1, width);
  header.format.wrapText = true;
  const col = (k: ChecklistColumn) => CHECKLIST_ORDER.indexOf(k);
  const rows = body.length;
  for (const q of QUESTIONS) {
    const r = sheet.getRangeByIndexes(1, col(q), rows, 1);
    r.dataValidation.rule = { list: { inCellDropDown: true, source: `${CHECKLIST_WORDS.yes},${CHECKLIST_WORDS.no}` } };
    r.dataValidation.errorAlert = { showAlert: true, style: "Warning", title: t(lang, "excel.answer.title"), message: t(lang, "excel.answer.message") };
    r.dataValidation.prompt = { showPrompt: true, title: CHECKLIST_COLUMNS[q].slice(0, 32), message: QUESTION_TEXT[q][lang].slice(0, 255) };
    r.format.columnWidth = 78;
  }
  for (const k of ["status", "risk"] as const) {
    const r = sheet.getRangeByIndexes(1, col(k), rows, 1);
    r.dataValidation.rule = { list: { inCellDropDown: true, source: CHECKLIST_WORDS.colours.join(",") } };
  }
  const goal = sheet.getRangeByIndexes(1, col("goal"), rows, 1);
  goal.dataValidation.rule = { wholeNumber: { formula1: 1, formula2: 5, operator: "Between" } };
  sheet.getRangeByIndexes(1, col("entry"), rows, 3).format.fill.color = "#F2F2F2";
  sheet.getRangeByIndexes(0, col("id"), 1, 1).format.columnWidth = 60;
  sheet.getRangeByIndexes(0, col("name"), 1, 1).format.columnWidth = 240;
  sheet.getRangeByIndexes(0, col("actor"), 1, 1).format.columnWidth = 150;
  sheet.getRangeByIndexes(0, col("reporting"), 1, 1).format.columnWidth = 220;
  sheet.getRangeByIndexes(0, col("comment"), 1, 1).format.columnWidth = 260;
  sheet.freezePanes.freezeRows(1);
}

function writeRankingSheet(context: Excel.RequestContext, model: Model): void {
  const sheet = context.workbook.worksheets.add(SHEETS.ranking);
  const headers = rankingHeaders(model);
  const address = rangeAddress(RANKING_HEADER_ROW, 0, 2, headers.length);
  sheet.getRange(address).values = officeRows([headers, blank(headers.length)]);
  const table = sheet.tables.add(`${SHEETS.ranking}!${address}`, true);
  table.name = TABLES.ranking;
  table.style = "TableStyleMedium2";
  sheet.getRangeByIndexes(RANKING_HEADER_ROW, 0, 1, 1).format.columnWidth = 40;
  sheet.getRangeByIndexes(RANKING_HEADER_ROW, 1, 1, 1).format.columnWidth = 260;
  sheet.getRangeByIndexes(RANKING_HEADER_ROW, 2, 1, 1).format.columnWidth = 120;
  sheet.getRangeByIndexes(RANKING_HEADER_ROW, headers.indexOf(RANKING_FIXED.complete), 1, 1).format.columnWidth = 120;
  sheet.getRangeByIndexes(RANKING_HEADER_ROW, headers.indexOf(RANKING_FIXED.notes), 1, 1).format.columnWidth = 360;
  sheet.freezePanes.freezeRows(RANKING_HEADER_ROW + 1);
}

/**
 * Creates the layout with the given measures (none for an empty scoring table). Two syncs (three
 * when a store exists). Refuses, writing nothing, when a sheet of a person's has one of the
 * add-in's names, when the add-in's sheets exist already, or when the store is newer. The store
 * records the workbook's language: `lang` unless the store says otherwise.
 */
export async function createLayout(
  context: Excel.RequestContext,
  model: Model,
  rows: ScoringRow[],
  store: Store | undefined,
  lang: Lang,
): Promise<LayoutResult> {
  const writable = await checkWritable(context, lang);
  if (!writable.ok) return writable;
  const names = new Set(writable.list.sheets.map((s) => s.toLowerCase()));
  const taken = [SHEETS.scoring, SHEETS.model, SHEETS.ranking, SHEETS.checklist].find((n) => names.has(n.toLowerCase()));
  if (taken) return { ok: false, message: t(lang, "excel.conflict", { sheet: taken }) };
  const hasStore = names.has(STORE_SHEET.toLowerCase());
  // The chart's code is loaded here, not with the pane: only Opprett and a recompute that must make one need it.
  const { queueRankingChart } = await import("./chart");
  context.runtime.enableEvents = false;
  writeScoringSheet(context, model, rows, lang);
  writeModelSheet(context, model, lang);
  writeRankingSheet(context, model);
  queueRankingChart(context.workbook.worksheets.getItem(SHEETS.ranking), model, lang);
  writeChecklistSheet(
    context,
    rows.map((r) => ({ id: r.id, name: r.name, actor: r.actor })),
    lang,
  );
  // A damaged store is left as it is (the caller passes none then, and repair rebuilds it).
  if (store && writable.store.read.kind !== "damaged") {
    queueStoreWrite(context, { ...store, lang: store.lang ?? lang }, writable.store.target, hasStore);
  }
  context.workbook.worksheets.getItem(SHEETS.scoring).activate();
  context.runtime.enableEvents = true;
  await syncEventsOff(context);
  return { ok: true };
}
