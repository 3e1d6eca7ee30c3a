/**
 * One recompute of the add-in's layout: read the inputs, score and rank with the core, write
 * the outputs. Exactly three context.sync() calls whatever the number of measures:
 *   1. which sheets and tables exist;
 *   2. the used ranges of the add-in's sheets and the size of the Rangering table;
 *   3. every write (ids for new rows, the Rangering rows, highlights, implied weights, store),
 *      with events off so the add-in's own writes do not trigger another recompute.
 */
import type { MeasureResult } from "../core/assess";
import type { Placement } from "../core/checklist";
import { segmentLabel } from "../grid/checklist-sync";
import { bySeverity, finding } from "../core/findings";
import { groups as groupNodes, impliedLeafWeights, stableJson, totalMax, totalMin, type Model } from "../core/model";
import { findingMessage, t, type Lang } from "../i18n";
import { textAt, type Grid } from "../grid/grid";
import { CHECKLIST_COLUMNS, CHECKLIST_WORDS, MODEL_COLUMNS, rankingHeaders, scoringHeaders, SHEETS, TABLES } from "../grid/layout";
import { findScoringRegion, scoringColumns } from "../grid/scoring-table";
import { newStore, nextMeasureId, STORE_SHEET, type Store, type StoreRead } from "../grid/store";
import { address } from "../core/address";
import { reportingText } from "../i18n/checklist";
import { findChecklistRegion } from "../grid/checklist-table";
import type { TableRegion } from "../grid/scoring-table";
import { readModel, readStore, readWorkbook, type ChecklistRead, type WorkbookRead } from "../grid/workbook";
import { gridOf, listSheets, queueSheetRead } from "./grids";
import { checklistRowFor, queueStoreWrite } from "./layout";
import { queueLog } from "./legacy";
import { ensureRankingChart, probeRankingChart } from "./chart";

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

/** The Rangering table's rows, in assessment order; Inn/Ut, Segment and Rang i segment from the checklist when there is one. */
export function rankingRows(read: AddinRead, lang: Lang): (string | number)[][] {
  const a = read.assessment;
  return a.measures.map((m) => {
    const p = read.checklist?.placements.get(m.id);
    const sr = read.checklist?.segmentRanks.get(m.id);
    return [
      m.rank ?? "",
      m.name,
      m.total ?? "",
      ...a.model.criteria.map((g) => m.values[g.id] ?? ""),
      p ? entryWord(p) : "",
      p ? segmentLabel(p) : "",
      sr?.rank ?? "",
      completenessText(m, lang),
      notesText(m, a.model, lang),
      m.id,
    ];
  });
}

/** Inn / Ut / ikke vurdert, as the checklist sheet writes them. */
export function entryWord(p: Placement): string {
  return p.entry === "inn" ? CHECKLIST_WORDS.inn : p.entry === "ut" ? CHECKLIST_WORDS.ut : CHECKLIST_WORDS.notAssessed;
}

interface IdTarget {
  grid: Grid;
  region: TableRegion;
  idCol: number;
}

/** The ID column of the scoring table and of the checklist, where each table is found. */
function idTargets(grids: Grid[], model: Model): IdTarget[] {
  const out: IdTarget[] = [];
  const scoring = grids.find((g) => g.name.toLowerCase() === SHEETS.scoring.toLowerCase());
  const sRegion = scoring ? findScoringRegion(scoring) : undefined;
  if (scoring && sRegion) {
    const idCol = scoringColumns(scoring, sRegion, model).id;
    if (idCol !== undefined) out.push({ grid: scoring, region: sRegion, idCol });
  }
  const checklist = grids.find((g) => g.name.toLowerCase() === SHEETS.checklist.toLowerCase());
  const cRegion = checklist ? findChecklistRegion(checklist) : undefined;
  if (checklist && cRegion) {
    for (let c = cRegion.firstCol; c <= cRegion.lastCol; c++) {
      if (textAt(checklist, cRegion.headerRow, c) === CHECKLIST_COLUMNS.id) {
        out.push({ grid: checklist, region: cRegion, idCol: c });
        break;
      }
    }
  }
  return out;
}

function idText(grid: Grid, r: number, c: number): string | undefined {
  const v = grid.rows[r]?.[c]?.value;
  if (typeof v === "number") return String(v);
  return textAt(grid, r, c);
}

/**
 * Rows with content but no ID, in the scoring table and the checklist, get the next free ids
 * (one counter for both, above every id in use); the grids are patched so the read sees them.
 */
function assignIds(targets: IdTarget[], store: StoreRead): { sheet: string; row: number; col: number; id: string }[] {
  const inUse: string[] = [];
  const blanks: { t: IdTarget; row: number }[] = [];
  for (const t of targets) {
    for (let r = t.region.headerRow + 1; r <= t.region.lastRow; r++) {
      const id = idText(t.grid, r, t.idCol);
      let content = false;
      for (let c = t.region.firstCol; c <= t.region.lastCol && !content; c++) {
        const v = t.grid.rows[r]?.[c]?.value;
        content = c !== t.idCol && v !== null && v !== undefined && !(typeof v === "string" && v.trim() === "");
      }
      if (id !== undefined) inUse.push(id);
      else if (content) blanks.push({ t, row: r });
    }
  }
  let counter = { nextId: store.kind === "ok" ? store.store.nextId : 1 };
  const out: { sheet: string; row: number; col: number; id: string }[] = [];
  for (const { t, row } of blanks) {
    const next = nextMeasureId(counter, inUse);
    counter = { nextId: next.nextId };
    inUse.push(next.id);
    out.push({ sheet: t.grid.name, row, col: t.idCol, id: next.id });
    const cells = (t.grid.rows[row] = t.grid.rows[row] ?? []);
    cells[t.idCol] = { value: next.id };
  }
  return out;
}

/** The checklist's computed columns, what the sync plan adds or renames, and segment changes in the log. */
function writeChecklist(
  context: Excel.RequestContext,
  read: AddinRead,
  cl: ChecklistRead,
  lang: Lang,
  existing: { sheets: string[]; tables: string[] },
  at: Date,
): void {
  const { table, plan } = cl;
  const sheet = context.workbook.worksheets.getItem(cl.sheet);
  const { region, columns } = table;
  const height = region.lastRow - region.headerRow;
  if (height > 0) {
    const byRow = new Map(table.rows.map((r) => [r.row, r]));
    const column = (key: "entry" | "segment" | "reporting", value: (p: Placement) => string) => {
      const c = columns[key];
      if (c === undefined) return;
      const values: string[][] = [];
      for (let r = region.headerRow + 1; r <= region.lastRow; r++) {
        const row = byRow.get(r);
        values.push([row ? value(row.placement) : ""]);
      }
      sheet.getRangeByIndexes(region.headerRow + 1, c, height, 1).values = values;
    };
    column("entry", entryWord);
    column("segment", segmentLabel);
    column("reporting", (p) => (p.entry === "inn" && p.segment !== "ikke-vurdert" ? reportingText(lang, p.segment) : ""));
  }
  for (const e of plan.checklistEdits) {
    const c = columns[e.field];
    if (c !== undefined) sheet.getRangeByIndexes(e.row, c, 1, 1).values = [[e.value]];
  }
  const scoringSheet = context.workbook.worksheets.getItem(SHEETS.scoring);
  for (const e of plan.scoringEdits) {
    const row = read.scoring.rowOf.get(e.id);
    const c = e.field === "name" ? read.scoring.columns.name : read.scoring.columns.actor;
    if (row !== undefined && c !== undefined) scoringSheet.getRangeByIndexes(row, c, 1, 1).values = [[e.value]];
  }
  if (plan.appendToChecklist.length && existing.tables.includes(TABLES.checklist)) {
    context.workbook.tables.getItem(TABLES.checklist).rows.add(undefined, plan.appendToChecklist.map(checklistRowFor));
  }
  if (plan.appendToScoring.length && existing.tables.includes(TABLES.scoring)) {
    const width = scoringHeaders(read.model).length;
    const rows = plan.appendToScoring.map((m) => {
      const row = new Array<string>(width).fill("");
      row[0] = m.id;
      row[1] = m.name;
      row[3] = m.actor;
      return row;
    });
    context.workbook.tables.getItem(TABLES.scoring).rows.add(undefined, rows);
  }
  if (plan.segmentChanges.length) {
    const segmentCol = columns.segment ?? region.firstCol;
    queueLog(
      context,
      existing,
      plan.segmentChanges.map((ch) => [
        at.toISOString(),
        `${t(lang, "excel.log.segment")}: ${ch.changed.map((x) => `${CHECKLIST_COLUMNS[x.question]} ${answerWord(x.from)} → ${answerWord(x.to)}`).join("; ")}`,
        address(cl.sheet, ch.row, segmentCol),
        ch.from,
        ch.to,
        ch.name,
      ]),
    );
  }
}

function answerWord(a: boolean | null): string {
  return a === true ? CHECKLIST_WORDS.yes : a === false ? CHECKLIST_WORDS.no : "–";
}

export async function recompute(context: Excel.RequestContext, lang: Lang, now: () => Date = () => new Date()): Promise<RecomputeResult> {
  // 1. What exists.
  const { sheets, tables } = await listSheets(context);
  const has = (name: string) => sheets.some((s) => s.toLowerCase() === name.toLowerCase());
  const exact = (name: string) => sheets.find((s) => s.toLowerCase() === name.toLowerCase())!;
  if (!has(SHEETS.scoring)) return { kind: "absent", sheets };

  // 2. Read the add-in's sheets and the size of the output table.
  const reads = OWN_SHEETS.filter(has).map((n) => queueSheetRead(context, exact(n)));
  const rankingTable = tables.includes(TABLES.ranking) ? context.workbook.tables.getItem(TABLES.ranking) : undefined;
  const chart = rankingTable && has(SHEETS.ranking) ? probeRankingChart(context.workbook.worksheets.getItem(exact(SHEETS.ranking))) : undefined;
  const body = rankingTable?.getDataBodyRange();
  body?.load(["rowIndex", "columnIndex", "rowCount", "columnCount"]);
  await context.sync();
  const grids = reads.map(gridOf);

  const scoringGrid = grids.find((g) => g.name.toLowerCase() === SHEETS.scoring.toLowerCase())!;
  const stored = readStore(grids);
  if (stored.kind === "newer") return { kind: "newer", format: stored.format, sheets };
  const newIds = assignIds(idTargets(grids, readModel(grids, stored).model), stored);
  const read = readWorkbook(grids);
  if (read.kind !== "addin") return { kind: "absent", sheets };
  if (read.store.kind === "damaged") {
    const detail = read.store.problems.map((p) => `${p.at}: ${p.detail ?? p.code}`).join("; ");
    read.assessment.findings.unshift(finding("store-damaged", "warning", { detail }, { cell: `${STORE_SHEET}!A1` }));
  }

  // 3. Write.
  context.runtime.enableEvents = false;
  const scoringSheet = context.workbook.worksheets.getItem(scoringGrid.name);
  for (const w of newIds) context.workbook.worksheets.getItem(w.sheet).getRangeByIndexes(w.row, w.col, 1, 1).values = [[w.id]];
  writeHighlights(scoringSheet, read);
  if (rankingTable && body) writeRanking(rankingTable, body, read, lang);
  if (chart && rankingTable && body) ensureRankingChart(context.workbook.worksheets.getItem(exact(SHEETS.ranking)), chart, read.model, lang, read.assessment.measures.length);
  const modelGrid = grids.find((g) => g.name.toLowerCase() === SHEETS.model.toLowerCase());
  if (modelGrid && read.modelProblems.length === 0) writeImplied(context, modelGrid, read.model);
  if (read.checklist) writeChecklist(context, read, read.checklist, lang, { sheets, tables }, now());
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

function writeRanking(table: Excel.Table, body: Excel.Range, read: AddinRead, lang: Lang): void {
  const a = read.assessment;
  const headers = rankingHeaders(a.model);
  const width = headers.length;
  const rows = rankingRows(read, lang);
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
  const segmentRankFormats = values.map((_, i) => [read.checklist?.segmentRanks.get(a.measures[i]?.id ?? "")?.tied ? '0"="' : "0"]);
  sheet.getRangeByIndexes(top, left + 3 + groupCount + 2, target, 1).numberFormat = segmentRankFormats;
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
  const store: Store = { ...newStore(model, nextId), checklist: read.checklist?.plan.memory ?? previous?.checklist ?? newStore(model).checklist };
  if (previous && stableJson(previous) === stableJson(store)) return;
  queueStoreWrite(context, store, exists);
}
