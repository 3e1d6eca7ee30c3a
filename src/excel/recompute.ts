/**
 * One recompute of the add-in's layout: read the inputs, score and rank with the core, write
 * the outputs. Exactly three context.sync() calls whatever the number of measures:
 *   1. which sheets and tables exist;
 *   2. the used ranges of the add-in's sheets and the size of the Rangering table;
 *   3. every write (ids for new rows, the Rangering rows, highlights, implied weights, store),
 *      with events off so the add-in's own writes do not trigger another recompute.
 */
import type { Assessment, MeasureResult } from "../core/assess";
import { bySeverity, finding } from "../core/findings";
import { groups as groupNodes, impliedLeafWeights, totalMax, totalMin, type Model } from "../core/model";
import { findingMessage, t, type Lang } from "../i18n";
import { textAt, type Grid } from "../grid/grid";
import { MODEL_COLUMNS, rankingHeaders, SHEETS, TABLES } from "../grid/layout";
import { findScoringRegion, scoringColumns } from "../grid/scoring-table";
import { nextMeasureId, STORE_SHEET, type Store, type StoreRead } from "../grid/store";
import { readWorkbook, type WorkbookRead } from "../grid/workbook";
import { gridOf, listSheets, queueSheetRead } from "./grids";
import { queueStoreWrite } from "./layout";

export type AddinRead = Extract<WorkbookRead, { kind: "addin" }>;

export type RecomputeResult =
  | { kind: "ready"; read: AddinRead; grids: Grid[]; idsAssigned: number; sheets: string[] }
  /** The workbook has no scoring table of the add-in's. Nothing was written. */
  | { kind: "absent"; sheets: string[] }
  /** The stored state was written by a newer version. Nothing was written. */
  | { kind: "newer"; format: number; sheets: string[] };

const INVALID_FILL = "#F8CBAD";
const MISSING_FILL = "#FFF2CC";
const OWN_SHEETS = [SHEETS.scoring, SHEETS.model, SHEETS.ranking, SHEETS.checklist, STORE_SHEET];

function completenessText(m: MeasureResult, lang: Lang): string {
  if (m.complete) return t(lang, "excel.complete");
  const parts: string[] = [];
  if (m.missing.length) parts.push(t(lang, "excel.missing", { count: m.missing.length }));
  if (m.invalid.length) parts.push(t(lang, "excel.invalid", { count: m.invalid.length }));
  return parts.join(" · ");
}

function notesText(m: MeasureResult, model: Model, lang: Lang): string {
  const fs = [...m.findings].sort(bySeverity);
  if (fs.length === 0) return "";
  const first = findingMessage(fs[0], lang, model);
  return fs.length > 1 ? `${first} ${t(lang, "excel.moreFindings", { count: fs.length - 1 })}` : first;
}

/** The Rangering table's rows, in assessment order. */
export function rankingRows(a: Assessment, lang: Lang): (string | number)[][] {
  return a.measures.map((m) => [
    m.rank ?? "",
    m.name,
    m.total ?? "",
    ...a.model.criteria.map((g) => m.values[g.id] ?? ""),
    completenessText(m, lang),
    notesText(m, a.model, lang),
    m.id,
  ]);
}

/** Rows of the scoring table with content but no ID get the next free ids; the grid is patched. */
function assignIds(grid: Grid, model: Model, store: StoreRead): { row: number; col: number; id: string }[] {
  const region = findScoringRegion(grid);
  if (!region) return [];
  const cols = scoringColumns(grid, region, model);
  if (cols.id === undefined) return [];
  const inUse: string[] = [];
  const blanks: number[] = [];
  for (let r = region.headerRow + 1; r <= region.lastRow; r++) {
    const id = textAt(grid, r, cols.id) ?? (typeof grid.rows[r]?.[cols.id]?.value === "number" ? String(grid.rows[r]![cols.id]!.value) : undefined);
    let content = false;
    for (let c = region.firstCol; c <= region.lastCol && !content; c++) {
      const v = grid.rows[r]?.[c]?.value;
      content = c !== cols.id && v !== null && v !== undefined && !(typeof v === "string" && v.trim() === "");
    }
    if (id !== undefined) inUse.push(id);
    else if (content) blanks.push(r);
  }
  let counter = { nextId: store.kind === "ok" ? store.store.nextId : 1 };
  const out: { row: number; col: number; id: string }[] = [];
  for (const r of blanks) {
    const next = nextMeasureId(counter, inUse);
    counter = { nextId: next.nextId };
    inUse.push(next.id);
    out.push({ row: r, col: cols.id, id: next.id });
    const row = (grid.rows[r] = grid.rows[r] ?? []);
    row[cols.id] = { value: next.id };
  }
  return out;
}

export async function recompute(context: Excel.RequestContext, lang: Lang): Promise<RecomputeResult> {
  // 1. What exists.
  const { sheets, tables } = await listSheets(context);
  const has = (name: string) => sheets.some((s) => s.toLowerCase() === name.toLowerCase());
  const exact = (name: string) => sheets.find((s) => s.toLowerCase() === name.toLowerCase())!;
  if (!has(SHEETS.scoring)) return { kind: "absent", sheets };

  // 2. Read the add-in's sheets and the size of the output table.
  const reads = OWN_SHEETS.filter(has).map((n) => queueSheetRead(context, exact(n)));
  const rankingTable = tables.includes(TABLES.ranking) ? context.workbook.tables.getItem(TABLES.ranking) : undefined;
  const body = rankingTable?.getDataBodyRange();
  body?.load(["rowIndex", "columnIndex", "rowCount", "columnCount"]);
  await context.sync();
  const grids = reads.map(gridOf);

  const scoringGrid = grids.find((g) => g.name.toLowerCase() === SHEETS.scoring.toLowerCase())!;
  const pre = readWorkbook(grids);
  if (pre.store.kind === "newer") return { kind: "newer", format: pre.store.format, sheets };
  const newIds = assignIds(scoringGrid, pre.model, pre.store);
  const read = newIds.length ? readWorkbook(grids) : pre;
  if (read.kind !== "addin") return { kind: "absent", sheets };
  if (read.store.kind === "damaged") {
    const detail = read.store.problems.map((p) => `${p.at}: ${p.detail ?? p.code}`).join("; ");
    read.assessment.findings.unshift(finding("store-damaged", "warning", { detail }, { cell: `${STORE_SHEET}!A1` }));
  }

  // 3. Write.
  context.runtime.enableEvents = false;
  const scoringSheet = context.workbook.worksheets.getItem(scoringGrid.name);
  for (const w of newIds) scoringSheet.getRangeByIndexes(w.row, w.col, 1, 1).values = [[w.id]];
  writeHighlights(scoringSheet, read);
  if (rankingTable && body) writeRanking(rankingTable, body, read.assessment, lang);
  const modelGrid = grids.find((g) => g.name.toLowerCase() === SHEETS.model.toLowerCase());
  if (modelGrid && read.modelProblems.length === 0) writeImplied(context, modelGrid, read.model);
  writeStoreIfChanged(context, read, has(STORE_SHEET));
  context.runtime.enableEvents = true;
  await context.sync();
  return { kind: "ready", read, grids, idsAssigned: newIds.length, sheets };
}

function writeHighlights(sheet: Excel.Worksheet, read: AddinRead): void {
  const { region, scoring, assessment } = read;
  const leafCols = [...scoring.columns.leaves.values()];
  if (leafCols.length === 0 || region.lastRow <= region.headerRow) return;
  const first = Math.min(...leafCols);
  const last = Math.max(...leafCols);
  sheet.getRangeByIndexes(region.headerRow + 1, first, region.lastRow - region.headerRow, last - first + 1).format.fill.clear();
  for (const m of assessment.measures) {
    const row = scoring.rowOf.get(m.id);
    if (row === undefined) continue;
    for (const id of m.invalid) {
      const c = scoring.columns.leaves.get(id);
      if (c !== undefined) sheet.getRangeByIndexes(row, c, 1, 1).format.fill.color = INVALID_FILL;
    }
    if (m.total === null) {
      for (const id of m.missing) {
        const c = scoring.columns.leaves.get(id);
        if (c !== undefined) sheet.getRangeByIndexes(row, c, 1, 1).format.fill.color = MISSING_FILL;
      }
    }
  }
}

function writeRanking(table: Excel.Table, body: Excel.Range, a: Assessment, lang: Lang): void {
  const headers = rankingHeaders(a.model);
  const width = headers.length;
  const rows = rankingRows(a, lang);
  const target = Math.max(rows.length, 1);
  const values = rows.length ? rows : [new Array<string>(width).fill("")];
  const sheet = table.worksheet;
  const top = body.rowIndex;
  const left = body.columnIndex;

  if (body.columnCount !== width) {
    // The model's groups changed: the table gets new columns, so it is rebuilt in place.
    table.delete();
    const all = sheet.getRangeByIndexes(top - 1, left, Math.max(body.rowCount, target) + 1, Math.max(body.columnCount, width));
    all.clear("All");
    const range = sheet.getRangeByIndexes(top - 1, left, target + 1, width);
    range.values = [headers, ...values];
    const rebuilt = sheet.tables.add(range, true);
    rebuilt.name = TABLES.ranking;
    rebuilt.style = "TableStyleMedium2";
  } else {
    sheet.getRangeByIndexes(top - 1, left, 1, width).values = [headers];
    if (target > body.rowCount) {
      table.rows.add(undefined, Array.from({ length: target - body.rowCount }, () => new Array<string>(width).fill("")));
    }
    sheet.getRangeByIndexes(top, left, target, width).values = values;
    if (target < body.rowCount) sheet.getRangeByIndexes(top + target, left, body.rowCount - target, width).delete("Up");
  }

  const groupCount = a.model.criteria.length;
  const rankFormats = values.map((_, i) => [a.measures[i]?.tied ? '0"="' : "0"]);
  sheet.getRangeByIndexes(top, left, target, 1).numberFormat = rankFormats;
  sheet.getRangeByIndexes(top, left + 2, target, 1).numberFormat = [["0.0"]];
  if (groupCount > 0) sheet.getRangeByIndexes(top, left + 3, target, groupCount).numberFormat = [["0.00"]];
  const scoreColumn = sheet.getRangeByIndexes(top, left + 2, target, 1);
  scoreColumn.conditionalFormats.clearAll();
  const bar = scoreColumn.conditionalFormats.add("DataBar");
  bar.dataBar.barDirection = "LeftToRight";
  bar.dataBar.lowerBoundRule = { type: "Number", formula: String(totalMin(a.model)) };
  bar.dataBar.upperBoundRule = { type: "Number", formula: String(totalMax(a.model)) };
  bar.dataBar.positiveFormat.fillColor = "#5B9BD5";
  bar.dataBar.positiveFormat.gradientFill = false;
}

/** The "Andel av total" column of the Modell table: each leaf's implied share of the total. */
function writeImplied(context: Excel.RequestContext, grid: Grid, model: Model): void {
  let headerRow = -1;
  let idCol = -1;
  let impliedCol = -1;
  for (let r = 0; r < grid.rows.length && headerRow < 0; r++) {
    const row = grid.rows[r] ?? [];
    for (let c = 0; c < row.length; c++) {
      if (textAt(grid, r, c) === MODEL_COLUMNS.implied) {
        headerRow = r;
        impliedCol = c;
      }
      if (textAt(grid, r, c) === MODEL_COLUMNS.id && idCol < 0) idCol = c;
    }
  }
  if (headerRow < 0 || idCol < 0) return;
  const implied = impliedLeafWeights(model);
  const groupIds = new Set(groupNodes(model).map((g) => g.id));
  const out: (string | number)[][] = [];
  for (let r = headerRow + 1; r < grid.rows.length; r++) {
    const id = textAt(grid, r, idCol);
    if (id === undefined) break;
    out.push([groupIds.has(id) ? "" : (implied.get(id) ?? "")]);
  }
  if (out.length === 0) return;
  const sheet = context.workbook.worksheets.getItem(grid.name);
  sheet.getRangeByIndexes(headerRow + 1, impliedCol, out.length, 1).values = out;
}

function writeStoreIfChanged(context: Excel.RequestContext, read: AddinRead, exists: boolean): void {
  if (read.store.kind === "damaged" || read.store.kind === "newer") return;
  const ids = read.assessment.measures.map((m) => m.id);
  const nextId = nextMeasureId({ nextId: read.store.kind === "ok" ? read.store.store.nextId : 1 }, ids).nextId - 1;
  const model = read.modelProblems.length === 0 ? read.model : read.store.kind === "ok" ? read.store.store.model : read.model;
  const previous = read.store.kind === "ok" ? read.store.store : undefined;
  const store: Store = {
    format: 1,
    model,
    nextId,
    segmentLog: previous?.segmentLog ?? [],
    segments: previous?.segments ?? {},
  };
  if (previous && previous.nextId === store.nextId && JSON.stringify(previous.model) === JSON.stringify(store.model)) return;
  queueStoreWrite(context, store, exists);
}
