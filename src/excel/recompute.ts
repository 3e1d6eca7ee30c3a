/**
 * One recompute of the add-in's layout: read the inputs, score and rank with the core, write
 * the outputs. Exactly three context.sync() calls whatever the number of measures:
 *   1. which sheets and tables exist;
 *   2. the used ranges of the add-in's sheets and the size of the Rangering table;
 *   3. every write (ids for new rows, the Rangering rows, highlights, implied weights, store),
 *      with events off so the add-in's own writes do not trigger another recompute.
 * Only cells whose value or number format differs from what sync 2 read are written. The text
 * written into sheets is in the workbook's language (the store's `lang`), not the display's.
 */
import type { MeasureResult } from "../core/assess";
import type { Placement } from "../core/checklist";
import { segmentLabel } from "../grid/checklist-sync";
import { bySeverity, finding } from "../core/findings";
import { groups as groupNodes, impliedLeafWeights, stableJson, totalMax, totalMin, type Model } from "../core/model";
import { findingMessage, t, type Lang } from "../i18n";
import { tableOn, textAt, type Grid } from "../grid/grid";
import { CHECKLIST_COLUMNS, CHECKLIST_WORDS, contributionHeader, MODEL_COLUMNS, rankingHeaders, scoringHeaders, SHEETS, TABLES } from "../grid/layout";
import { findScoringRegion, scoringColumns } from "../grid/scoring-table";
import { newStore, nextMeasureId, STORE_SHEET, type Store, type StoreRead, type StoreTarget } from "../grid/store";
import { address } from "../core/address";
import { reportingText } from "../i18n/checklist";
import { findChecklistRegion } from "../grid/checklist-table";
import type { TableRegion } from "../grid/scoring-table";
import { readModel, readStoreSlots, readWorkbook, type ChecklistRead, type WorkbookRead } from "../grid/workbook";
import type { CellValue } from "../core/cell";
import { cellA1 } from "../core/address";
import { gridOf, queueSheetRead } from "./grids";
import { asText, officeRows, textInto } from "./cells";
import { writeChanged, writeChangedFormats } from "./diff-write";
import { clashes, listOwned, workbookLang } from "./own-sheets";
import { attachTableBounds, queueTableBounds } from "./table-bounds";
import { checklistRowIn, queueStoreWrite } from "./layout";
import { queueLog } from "./legacy";
import { chartWork, probeRankingChart, retitleRankingChart } from "./chart-probe";
import { moveText, movesAgainst, type Baseline } from "../core/movement";
import { META_ROWS, metaFromRange, ROUNDS_SHEET } from "../grid/rounds-register";
import { groupContributions } from "../core/contributions";
import { fullName } from "../core/full-name";
import { setsBudgetFrame } from "../grid/budget-frame";
import { DISAGREE_FILL, SCORERS_SHEET, SCORERS_TABLE } from "../grid/scorers-layout";
import { BOUNDED_TABLES } from "./table-bounds";

export type AddinRead = Extract<WorkbookRead, { kind: "addin" }>;

export type RecomputeResult =
  | { kind: "ready"; read: AddinRead; grids: Grid[]; idsAssigned: number; sheets: string[]; lang: Lang; baseline: Baseline | null }
  /** The workbook has no scoring table of the add-in's. Nothing was written. */
  | { kind: "absent"; sheets: string[] }
  /** The stored state was written by a newer version. Nothing was written. */
  | { kind: "newer"; format: number; sheets: string[] }
  /** Sheets with the add-in's names that a person made. Nothing was read from them or written. */
  | { kind: "clash"; clashes: string[]; sheets: string[] };

export const INVALID_FILL = "#F8CBAD";
export const MISSING_FILL = "#FFF2CC";
/**
 * The add-in's marks on score cells are conditional formats whose rule is always true and names
 * the add-in, the cell and the fill: `=ISTEXT("PrioMerknad E5 #F8CBAD")`. So they are told apart
 * from a person's own conditional formats and fills (never touched), and a recompute adds and
 * removes only the marks that changed, without reading where each one is.
 */
export function markRule(a1: string, fill: string): string {
  return `=ISTEXT("${MARK_PREFIX} ${a1} ${fill}")`;
}
const MARK_PREFIX = "PrioMerknad";
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

/** A measure's Merknader text; with scorers' notes, src/excel/scorer-notes-column.ts makes it. */
export type NotesText = (m: MeasureResult) => string;

/**
 * The Rangering table's rows, in assessment order; Inn/Ut, Segment and Rang i segment from the
 * checklist when there is one; Endring against the baseline round; Utvalg from `lists` (measure
 * id → its list's word) when a frame is set; Merknader from `notes` when given (the scorers' notes too).
 */
export function rankingRows(
  read: AddinRead,
  lang: Lang,
  baseline: Baseline | null = null,
  lists?: ReadonlyMap<string, string>,
  notes?: NotesText,
): (string | number)[][] {
  const a = read.assessment;
  const moves = baseline ? movesAgainst(baseline, a.measures) : undefined;
  const newWord = t(lang, "excel.move.new");
  return a.measures.map((m) => {
    const p = read.checklist?.placements.get(m.id);
    const sr = read.checklist?.segmentRanks.get(m.id);
    return [
      m.rank ?? "",
      fullName(m),
      m.total ?? "",
      ...a.model.criteria.map((g) => m.values[g.id] ?? ""),
      p ? entryWord(p) : "",
      p ? segmentLabel(p) : "",
      sr?.rank ?? "",
      completenessText(m, lang),
      notes ? notes(m) : notesText(m, a.model, lang),
      m.id,
      ...(m.total === null ? a.model.criteria.map(() => "") : groupContributions(a.model, m.values)),
      lists?.get(m.id) ?? "",
      moves ? moveText(moves.get(m.id), m.rank !== null, newWord) : "",
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

/** The checklist's computed columns (changed cells only), what the sync plan adds or renames, and segment changes in the log. */
function writeChecklist(
  context: Excel.RequestContext,
  read: AddinRead,
  cl: ChecklistRead,
  grids: Grid[],
  lang: Lang,
  existing: { sheets: string[]; tables: string[] },
  at: Date,
): void {
  const { table, plan } = cl;
  const sheet = context.workbook.worksheets.getItem(cl.sheet);
  const grid = grids.find((g) => g.name === cl.sheet) ?? { name: cl.sheet, rows: [] };
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
      writeChanged(sheet, grid, region.headerRow + 1, c, values);
    };
    column("entry", entryWord);
    column("segment", segmentLabel);
    column("reporting", (p) => (p.entry === "inn" && p.segment !== "ikke-vurdert" ? reportingText(lang, p.segment) : ""));
  }
  for (const e of plan.checklistEdits) {
    const c = columns[e.field];
    if (c !== undefined) sheet.getRangeByIndexes(e.row, c, 1, 1).values = [[textInto(grid, e.row, c, e.value)]];
  }
  const scoringSheet = context.workbook.worksheets.getItem(SHEETS.scoring);
  for (const e of plan.scoringEdits) {
    const row = read.scoring.rowOf.get(e.id);
    const c = e.field === "name" ? read.scoring.columns.name : read.scoring.columns.actor;
    const sGrid = grids.find((g) => g.name.toLowerCase() === SHEETS.scoring.toLowerCase());
    if (row !== undefined && c !== undefined) scoringSheet.getRangeByIndexes(row, c, 1, 1).values = [[textInto(sGrid, row, c, e.value)]];
  }
  // A table's new row takes the formats of its last row: text goes literally into a Text cell.
  if (plan.appendToChecklist.length && existing.tables.includes(TABLES.checklist)) {
    const textColumn = (j: number) => grid.textFormatted?.has(`${region.lastRow},${region.firstCol + j}`) ?? false;
    const width = region.lastCol - region.firstCol + 1;
    context.workbook.tables
      .getItem(TABLES.checklist)
      .rows.add(undefined, plan.appendToChecklist.map((seed) => checklistRowIn(seed, columns, region.firstCol, width, textColumn)));
  }
  if (plan.appendToScoring.length && existing.tables.includes(TABLES.scoring)) {
    // The table as it is (a person may have added or moved columns): each value in its column by header.
    const sGrid = grids.find((g) => g.name.toLowerCase() === SHEETS.scoring.toLowerCase());
    const sRegion = sGrid ? findScoringRegion(sGrid) : undefined;
    const first = sRegion?.firstCol ?? 0;
    const width = sRegion ? sRegion.lastCol - sRegion.firstCol + 1 : scoringHeaders(read.model).length;
    const cols = read.scoring.columns;
    const text = (c: number, v: string) => (sRegion ? textInto(sGrid, sRegion.lastRow, c, v) : asText(v));
    const rows = plan.appendToScoring.map((m) => {
      const row = new Array<string>(width).fill("");
      const put = (c: number | undefined, v: string) => {
        if (c !== undefined && c >= first && c < first + width) row[c - first] = text(c, v);
      };
      put(cols.id, m.id);
      put(cols.name, m.name);
      put(cols.actor, m.actor);
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
        at,
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

export async function recompute(context: Excel.RequestContext, _displayLang: Lang, now: () => Date = () => new Date()): Promise<RecomputeResult> {
  // 1. What exists.
  const list = await listOwned(context);
  const { sheets, tables } = list;
  const has = (name: string) => sheets.some((s) => s.toLowerCase() === name.toLowerCase());
  const exact = (name: string) => sheets.find((s) => s.toLowerCase() === name.toLowerCase())!;
  const clash = clashes(list);
  if (clash.length) return { kind: "clash", clashes: clash, sheets };
  if (!has(SHEETS.scoring)) return { kind: "absent", sheets };

  // Several scorers: the table PrioVurderere on the sheet Vurderere; its code loads only when there is one.
  const scorers = list.tableSheet.get(SCORERS_TABLE)?.toLowerCase() === SCORERS_SHEET.toLowerCase() ? (await import("../grid/scorers-table")).readScorersForRecompute : undefined;

  // 2. Read the add-in's sheets (formulas too where the sync copies text), the output table and the marks.
  const withFormulas = new Set<string>([SHEETS.scoring, SHEETS.checklist]);
  const reads = [...OWN_SHEETS, ...(scorers ? [SCORERS_SHEET] : [])].filter(has).map((n) => queueSheetRead(context, exact(n), withFormulas.has(n)));
  // Where the add-in's tables end, in the same sync: cells outside them are the person's.
  const bounds = queueTableBounds(context, tables, scorers ? [...BOUNDED_TABLES, SCORERS_TABLE] : BOUNDED_TABLES);
  const rankingTable = tables.includes(TABLES.ranking) ? context.workbook.tables.getItem(TABLES.ranking) : undefined;
  const chart = rankingTable && has(SHEETS.ranking) ? probeRankingChart(context.workbook.worksheets.getItem(exact(SHEETS.ranking))) : undefined;
  const body = rankingTable?.getDataBodyRange();
  body?.load(["rowIndex", "columnIndex", "rowCount", "columnCount", "numberFormat"]);
  const rankingSheet = rankingTable?.worksheet;
  rankingSheet?.load("name");
  const scoringSheet = context.workbook.worksheets.getItem(exact(SHEETS.scoring));
  // A navigation property (a collection to load), not a value read: the rule mistakes it for one.
  // eslint-disable-next-line office-addins/load-object-before-read
  const marks = scoringSheet.getRange().conditionalFormats;
  marks.load("items/type,items/customOrNullObject/rule/formula");
  // The rounds' register only (never the rounds): the baseline's ranks for the movement column.
  const roundsName = has(ROUNDS_SHEET) && list.visibility.get(exact(ROUNDS_SHEET)) === "VeryHidden" ? exact(ROUNDS_SHEET) : undefined;
  const register = roundsName ? context.workbook.worksheets.getItem(roundsName).getRange(`A1:B${META_ROWS}`).load("values") : undefined;
  await context.sync();
  const registerRead = register ? metaFromRange(register.values as CellValue[][]).read : undefined;
  const baseline = registerRead?.kind === "ok" ? registerRead.meta.baseline : null;
  const grids = attachTableBounds(reads.map(gridOf), bounds);

  const { read: stored, target } = readStoreSlots(grids);
  if (stored.kind === "newer") return { kind: "newer", format: stored.format, sheets };
  const lang = workbookLang(stored);
  const newIds = assignIds(idTargets(grids, readModel(grids, stored).model), stored);
  const read = readWorkbook(grids, stored, { scorers });
  if (read.kind !== "addin") return { kind: "absent", sheets };
  if (read.store.kind === "damaged") {
    const detail = read.store.problems.map((p) => `${p.at}: ${p.detail ?? p.code}`).join("; ");
    read.assessment.findings.unshift(finding("store-damaged", "warning", { detail }, { cell: `${STORE_SHEET}!A1` }));
  }
  if (read.checklist) guardSync(read, read.checklist, grids);
  if (registerRead?.kind === "damaged") {
    read.assessment.findings.push(finding("rounds-register-damaged", "warning", { detail: registerRead.detail }, { cell: `${ROUNDS_SHEET}!A1` }));
  }
  // The Utvalg column: the selection (and HiGHS) load only when Modell sets a budget frame; no sync.
  const lists = setsBudgetFrame(grids)
    ? await import("./selection-column").then((m) => m.selectionWords(grids, read, lang)).catch(() => undefined)
    : undefined;
  // Merknader with the scorers' notes (their code and strings load only with a scorers table); no sync.
  const notes = read.scorers ? (await import("./scorer-notes-column")).scorerNotesText(read, lang) : undefined;
  // The chart beside Rangering: usually nothing to do; the code that makes one loads only when one must be made.
  const chartTodo = chart && body ? chartWork(chart, read.model, lang, body.columnCount !== rankingHeaders(read.model).length) : "none";
  const remakeChart = chartTodo === "make" ? (await import("./chart")).remakeRankingChart : undefined;

  // 3. Write.
  context.runtime.enableEvents = false;
  for (const w of newIds) {
    const g = grids.find((x) => x.name === w.sheet);
    context.workbook.worksheets.getItem(w.sheet).getRangeByIndexes(w.row, w.col, 1, 1).values = [[textInto(g, w.row, w.col, w.id)]];
  }
  writeMarks(scoringSheet, read, marks.items);
  if (rankingTable && body && rankingSheet) {
    const rankingGrid = grids.find((g) => g.name.toLowerCase() === rankingSheet.name.toLowerCase());
    writeRanking(context, { table: rankingTable, body, sheet: rankingSheet }, rankingGrid, read, lang, baseline, lists, notes);
  }
  if (chart && rankingTable && body) {
    if (remakeChart) remakeChart(context.workbook.worksheets.getItem(exact(SHEETS.ranking)), chart, read.model, lang, read.assessment.measures.length);
    else if (chartTodo === "title") retitleRankingChart(chart, lang);
  }
  const modelGrid = grids.find((g) => g.name.toLowerCase() === SHEETS.model.toLowerCase());
  if (modelGrid && read.modelProblems.length === 0) writeImplied(context, modelGrid, read.model);
  if (read.checklist) writeChecklist(context, read, read.checklist, grids, lang, list, now());
  writeStoreIfChanged(context, read, target, has(STORE_SHEET));
  context.runtime.enableEvents = true;
  await context.sync();
  return { kind: "ready", read, grids, idsAssigned: newIds.length, sheets, lang, baseline };
}

/**
 * What the checklist sync may not do: write over a cell that holds a formula, copy a formula's
 * result over typed text, or act on a damaged store's memory (it would revert renames and add
 * deleted measures back); then only the computed columns are written.
 */
function guardSync(read: AddinRead, cl: ChecklistRead, grids: Grid[]): void {
  const plan = cl.plan;
  if (read.store.kind === "damaged") {
    plan.checklistEdits = [];
    plan.scoringEdits = [];
    plan.appendToChecklist = [];
    plan.appendToScoring = [];
    return;
  }
  const sGrid = grids.find((g) => g.name.toLowerCase() === SHEETS.scoring.toLowerCase());
  const cGrid = grids.find((g) => g.name === cl.sheet);
  const isFormula = (g: Grid | undefined, row: number | undefined, col: number | undefined) =>
    g !== undefined && row !== undefined && col !== undefined && g.rows[row]?.[col]?.formula !== undefined;
  const scoringCell = (id: string, field: "name" | "actor") =>
    isFormula(sGrid, read.scoring.rowOf.get(id), field === "name" ? read.scoring.columns.name : read.scoring.columns.actor);
  const rowOfChecklist = new Map(cl.table.rows.map((r) => [r.id, r.row]));
  const idAtRow = new Map(cl.table.rows.map((r) => [r.row, r.id]));
  const checklistCell = (row: number | undefined, field: "name" | "actor") => isFormula(cGrid, row, cl.table.columns[field]);
  plan.checklistEdits = plan.checklistEdits.filter((e) => !checklistCell(e.row, e.field) && !scoringCell(idAtRow.get(e.row) ?? "", e.field));
  plan.scoringEdits = plan.scoringEdits.filter((e) => !scoringCell(e.id, e.field) && !checklistCell(rowOfChecklist.get(e.id), e.field));
}

/**
 * The add-in's marks on score cells (invalid: orange; missing where the total cannot be
 * computed: yellow) as conditional formats with the add-in's rule; only marks that changed are
 * added or removed. A person's fills and conditional formats stay as they are.
 */
function writeMarks(sheet: Excel.Worksheet, read: AddinRead, existing: Excel.ConditionalFormat[]): void {
  const want = new Map<string, string>();
  const { scoring, assessment } = read;
  for (const m of assessment.measures) {
    const row = scoring.rowOf.get(m.id);
    if (row === undefined) continue;
    const mark = (ids: string[], fill: string) => {
      for (const id of ids) {
        const c = scoring.columns.leaves.get(id);
        if (c !== undefined) want.set(cellA1(row, c), fill);
      }
    };
    if (m.total === null) mark(m.missing, MISSING_FILL);
    mark(m.invalid, INVALID_FILL);
  }
  // Cells where the scorers disagree (Vurderere), unless the cell already carries a mark.
  for (const a1 of read.scorers?.marks ?? []) if (!want.has(a1)) want.set(a1, DISAGREE_FILL);
  const rules = new Map([...want].map(([a1, fill]) => [markRule(a1, fill), { a1, fill }]));
  const kept = new Set<string>();
  for (const cf of existing) {
    if (cf.type !== "Custom" || cf.customOrNullObject.isNullObject) continue;
    const rule = cf.customOrNullObject.rule.formula;
    if (!rule.startsWith(`=ISTEXT("${MARK_PREFIX}`)) continue;
    if (rules.has(rule) && !kept.has(rule)) kept.add(rule);
    else cf.delete();
  }
  for (const [rule, { a1, fill }] of rules) {
    if (kept.has(rule)) continue;
    const cf = sheet.getRange(a1).conditionalFormats.add("Custom");
    cf.custom.rule.formula = rule;
    cf.custom.format.fill.color = fill;
  }
}

/** What the recompute read of the Rangering table in its second sync. */
interface RankingRead {
  table: Excel.Table;
  body: Excel.Range;
  sheet: Excel.Worksheet;
}

/** Writes the Rangering rows; true when the table was rebuilt (its columns changed). */
function writeRanking(
  context: Excel.RequestContext,
  rt: RankingRead,
  grid: Grid | undefined,
  read: AddinRead,
  lang: Lang,
  baseline: Baseline | null,
  lists?: ReadonlyMap<string, string>,
  notes?: NotesText,
): boolean {
  const a = read.assessment;
  const headers = rankingHeaders(a.model);
  const width = headers.length;
  const rows = rankingRows(read, lang, baseline, lists, notes);
  const target = Math.max(rows.length, 1);
  const values: CellValue[][] = rows.length ? rows : [new Array<CellValue>(width).fill(null)];
  const { body, table } = rt;
  // The sheet by name: after table.delete() nothing may be reached through the table.
  const sheet = context.workbook.worksheets.getItem(rt.sheet.name);
  const top = body.rowIndex;
  const left = body.columnIndex;
  const seen: Grid = grid ?? { name: rt.sheet.name, rows: [] };
  let formatsNow = body.numberFormat as string[][] | undefined;
  const rebuild = body.columnCount !== width;

  if (rebuild) {
    // The model's groups changed: the table gets new columns, so it is rebuilt in place.
    table.delete();
    const all = sheet.getRangeByIndexes(top - 1, left, Math.max(body.rowCount, target) + 1, Math.max(body.columnCount, width));
    all.clear("All");
    const range = sheet.getRangeByIndexes(top - 1, left, target + 1, width);
    range.values = officeRows([headers, ...values]);
    const rebuilt = sheet.tables.add(range, true);
    rebuilt.name = TABLES.ranking;
    rebuilt.style = "TableStyleMedium2";
    formatsNow = undefined;
  } else {
    writeChanged(sheet, seen, top - 1, left, [headers]);
    if (target > body.rowCount) {
      table.rows.add(undefined, Array.from({ length: target - body.rowCount }, () => new Array<string>(width).fill("")));
    }
    writeChanged(sheet, seen, top, left, values, body.rowCount);
    if (target < body.rowCount) sheet.getRangeByIndexes(top + target, left, body.rowCount - target, width).delete("Up");
  }

  const groupCount = a.model.criteria.length;
  const segRankCol = 3 + groupCount + 2;
  const firstContribution = headers.indexOf(contributionHeader(a.model.criteria[0]?.label.nb ?? ""));
  const formats = values.map((_, i) => {
    const row = (formatsNow?.[i] ?? []).slice(0, width);
    while (row.length < width) row.push("General");
    row[0] = a.measures[i]?.tied ? '0"="' : "0";
    row[segRankCol] = read.checklist?.segmentRanks.get(a.measures[i]?.id ?? "")?.tied ? '0"="' : "0";
    row[2] = "0.0";
    for (let g = 0; g < groupCount; g++) row[3 + g] = row[firstContribution + g] = "0.00";
    return row;
  });
  writeChangedFormats(sheet, formatsNow && body.rowCount >= 1 ? formatsNow : undefined, top, left, formats);
  const scoreColumn = sheet.getRangeByIndexes(top, left + 2, target, 1);
  scoreColumn.conditionalFormats.clearAll();
  const bar = scoreColumn.conditionalFormats.add("DataBar");
  bar.dataBar.barDirection = "LeftToRight";
  bar.dataBar.lowerBoundRule = { type: "Number", formula: String(totalMin(a.model)) };
  bar.dataBar.upperBoundRule = { type: "Number", formula: String(totalMax(a.model)) };
  bar.dataBar.positiveFormat.fillColor = "#5B9BD5";
  bar.dataBar.positiveFormat.gradientFill = false;
  return rebuild;
}

/**
 * The "Andel av total" column of the Modell table: each leaf's implied share of the total. Only
 * inside the table PrioModell when the grid knows it: a note under the table is never written over.
 */
function writeImplied(context: Excel.RequestContext, grid: Grid, model: Model): void {
  let headerRow = -1;
  let idCol = -1;
  let impliedCol = -1;
  const table = tableOn(grid, TABLES.model);
  const lastRow = table ? table.lastRow : grid.rows.length - 1;
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
  const out: CellValue[][] = [];
  for (let r = headerRow + 1; r <= lastRow; r++) {
    const id = textAt(grid, r, idCol);
    if (id === undefined) break;
    out.push([groupIds.has(id) ? null : (implied.get(id) ?? null)]);
  }
  if (out.length === 0) return;
  writeChanged(context.workbook.worksheets.getItem(grid.name), grid, headerRow + 1, impliedCol, out);
}

function writeStoreIfChanged(context: Excel.RequestContext, read: AddinRead, target: StoreTarget, exists: boolean): void {
  if (read.store.kind === "damaged" || read.store.kind === "newer") return;
  const ids = read.assessment.measures.map((m) => m.id);
  const nextId = nextMeasureId({ nextId: read.store.kind === "ok" ? read.store.store.nextId : 1 }, ids).nextId - 1;
  const model = read.modelProblems.length === 0 ? read.model : read.store.kind === "ok" ? read.store.store.model : read.model;
  const previous = read.store.kind === "ok" ? read.store.store : undefined;
  const store: Store = {
    ...newStore(model, nextId, previous?.lang),
    checklist: read.checklist?.plan.memory ?? previous?.checklist ?? newStore(model).checklist,
  };
  if (previous && stableJson(previous) === stableJson(store)) return;
  queueStoreWrite(context, store, target, exists);
}
