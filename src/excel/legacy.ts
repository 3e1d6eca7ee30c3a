/**
 * The legacy meeting workbook in Excel: read it (for the read-only preview and for import),
 * import it into the add-in's layout leaving the original sheets untouched, and «Synkroniser»:
 * write correct values into its group, Score and Rangering rows and its summary sheet, with
 * what each cell held before appended to the Logg sheet.
 */
import type { Assessment } from "../core/assess";
import type { Model } from "../core/model";
import { t, type Lang } from "../i18n";
import type { Grid } from "../grid/grid";
import { legacyToScoringRows } from "../grid/import";
import { LOG_HEADERS, SHEETS, TABLES } from "../grid/layout";
import { assessLegacy } from "../grid/legacy-audit";
import { planLegacySync, type CellWrite } from "../grid/legacy-sync";
import { readLegacyWorkbook, type LegacyWorkbook } from "../grid/legacy";
import { newStore, STORE_SHEET, type Store } from "../grid/store";
import { ROUNDS_SHEET } from "../grid/rounds-register";
import { readModel, readStore } from "../grid/workbook";
import { gridOf, listSheets, queueSheetRead } from "./grids";
import { asText } from "./cells";
import { SCORERS_SHEET } from "../grid/scorers-layout";
import { checkWritable, workbookLang } from "./own-sheets";
import { syncEventsOff } from "./events-off";

const OWN = new Set<string>([SHEETS.scoring, SHEETS.model, SHEETS.ranking, SHEETS.checklist, SHEETS.log, STORE_SHEET, ROUNDS_SHEET, SCORERS_SHEET].map((s) => s.toLowerCase()));

/** Whether a sheet is one the add-in makes (the legacy reader skips those). */
export function isOwnSheet(name: string): boolean {
  return OWN.has(name.toLowerCase());
}

export interface LegacyRead {
  sheets: string[];
  tables: string[];
  grids: Grid[];
  model: Model;
  legacy?: LegacyWorkbook;
  assessment?: Assessment;
}

/** Reads every sheet with formulas and finds the legacy layout among those the add-in does not own. Two syncs. */
export async function readLegacy(context: Excel.RequestContext): Promise<LegacyRead> {
  const { sheets, tables } = await listSheets(context);
  const reads = sheets.map((name) => queueSheetRead(context, name, true));
  await context.sync();
  const grids = reads.map(gridOf);
  const { model } = readModel(grids, readStore(grids));
  const legacy = readLegacyWorkbook(
    grids.filter((g) => !isOwnSheet(g.name)),
    model,
  );
  if (!legacy || legacy.measures.length === 0) return { sheets, tables, grids, model };
  return { sheets, tables, grids, model, legacy, assessment: assessLegacy(legacy, model) };
}

export type ImportResult = { ok: true; count: number } | { ok: false; message: string };

/** Imports the legacy measures into a new scoring table. Four syncs. */
export async function importLegacy(context: Excel.RequestContext, lang: Lang): Promise<ImportResult> {
  const read = await readLegacy(context);
  if (!read.legacy) return { ok: false, message: t(lang, "excel.noLegacy") };
  const stored = readStore(read.grids);
  if (stored.kind === "newer") return { ok: false, message: t(lang, "excel.storeNewer", { format: stored.format }) };
  const { rows, nextId } = legacyToScoringRows(read.legacy, read.model);
  const store: Store | undefined =
    stored.kind === "damaged" ? undefined : newStore(read.model, nextId);
  // The layout's creation is loaded when a layout is made, not with the pane.
  const { createLayout } = await import("./layout");
  const created = await createLayout(context, read.model, rows, store, lang);
  return created.ok ? { ok: true, count: rows.length } : created;
}

/** One log row: when (an Excel date-time in local time), what, which cell, before, after, which measure. */
export type LogEntry = [Date, string, string, string, string, string];

/** Excel's serial date-time for a moment, in the local time of the machine the add-in runs on. */
export function excelDateTime(d: Date): number {
  return (d.getTime() - d.getTimezoneOffset() * 60000) / 86400000 + 25569;
}

export const LOG_TIME_FORMAT = "yyyy-mm-dd hh:mm:ss";

/**
 * Queues rows onto the log table, creating it when absent: on the Logg sheet, or on "Logg 2" …
 * when a sheet called Logg exists that the add-in did not make.
 */
export function queueLog(context: Excel.RequestContext, existing: { sheets: string[]; tables: string[] }, entries: LogEntry[]): void {
  if (entries.length === 0) return;
  // Excel reads values as typed input: a leading apostrophe keeps "=AVERAGE(…)" and "16.08" as the text they are.
  const rows = entries.map(([at, ...rest]) => [excelDateTime(at), ...rest.map(asText)]);
  if (existing.tables.includes(TABLES.log)) {
    const table = context.workbook.tables.getItem(TABLES.log);
    table.rows.add(undefined, rows);
    table.columns.getItemAt(0).getDataBodyRange().numberFormat = [[LOG_TIME_FORMAT]];
    return;
  }
  const taken = new Set(existing.sheets.map((s) => s.toLowerCase()));
  let name: string = SHEETS.log;
  for (let i = 2; taken.has(name.toLowerCase()); i++) name = `${SHEETS.log} ${i}`;
  const sheet = context.workbook.worksheets.add(name);
  const range = sheet.getRangeByIndexes(0, 0, rows.length + 1, LOG_HEADERS.length);
  range.values = [[...LOG_HEADERS], ...rows];
  sheet.getRangeByIndexes(1, 0, rows.length, 1).numberFormat = [[LOG_TIME_FORMAT]];
  const table = sheet.tables.add(range, true);
  table.name = TABLES.log;
  table.style = "TableStyleLight1";
  sheet.getRangeByIndexes(0, 0, 1, 1).format.columnWidth = 140;
  sheet.getRangeByIndexes(0, 2, 1, 3).format.columnWidth = 170;
  sheet.getRangeByIndexes(0, 5, 1, 1).format.columnWidth = 260;
}

export interface SyncResult {
  ok: boolean;
  writes: CellWrite[];
  message?: string;
}

/** «Synkroniser». Four or five syncs: whether it may write, sheet names, every sheet's cells, all writes and the log. */
export async function syncLegacy(context: Excel.RequestContext, lang: Lang, now: () => Date = () => new Date()): Promise<SyncResult> {
  const writable = await checkWritable(context, lang);
  if (!writable.ok) return { ok: false, writes: [], message: writable.message };
  const read = await readLegacy(context);
  if (!read.legacy || !read.assessment) return { ok: false, writes: [], message: t(lang, "excel.noLegacy") };
  const writes = planLegacySync(read.legacy, read.assessment);
  if (writes.length === 0) return { ok: true, writes };
  context.runtime.enableEvents = false;
  for (const w of writes) {
    const input = w.formula || typeof w.after === "number" ? w.after : asText(w.after);
    context.workbook.worksheets.getItem(w.sheet).getRangeByIndexes(w.row, w.col, 1, 1).formulas = [[input]];
  }
  const at = now();
  const action = t(workbookLang(writable.store.read), "excel.log.sync");
  queueLog(
    context,
    read,
    writes.map((w) => [at, action, w.address, w.before, String(w.after), w.measure]),
  );
  context.runtime.enableEvents = true;
  await syncEventsOff(context);
  return { ok: true, writes };
}
