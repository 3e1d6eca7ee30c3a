/**
 * Several scorers in Excel, loaded with the *Vurderere* view (a dynamic import), not at start:
 * - `loadScorers`: the workbook read with its scorers table, for the view (two syncs, writes nothing);
 * - `createScorersSheet`: the sheet Vurderere with the table PrioVurderere (headers only);
 * - `addScorer` (*Hent vurderinger*): another workbook's scores appended as one scorer's rows.
 *   A row the scorer already has for a measure is a conflict: skipped, unless the person chose to
 *   replace, and then every cell's old content goes to Logg first. Nothing in Vurdering is written.
 * Each is a fixed number of context.sync() calls whatever the number of measures or rows.
 */
import { address } from "../core/address";
import { rawText, type CellValue } from "../core/cell";
import { leaves, type Model } from "../core/model";
import type { Grid } from "../grid/grid";
import { SHEETS } from "../grid/layout";
import type { FetchedRow } from "../grid/scorer-import";
import { planScorerRows } from "../grid/scorer-import";
import {
  findScorersRegion,
  readScorers,
  readScorersTable,
  SCORERS_SHEET,
  SCORERS_TABLE,
  scorersColumns,
  scorersHeaders,
} from "../grid/scorers-table";
import { STORE_SHEET } from "../grid/store";
import { readWorkbook } from "../grid/workbook";
import type { ScorersLoad, ScorersWrite } from "../app/app-state";
import { t, type Lang } from "../i18n";
import { sc } from "../i18n/scorers";
import { asText, officeInput, type OfficeInput } from "./cells";
import { gridOf, queueSheetRead } from "./grids";
import type { ExcelHost } from "./host";
import { queueLog } from "./legacy";
import { checkWritable, workbookLang } from "./own-sheets";
import { attachTableBounds, BOUNDED_TABLES, queueTableBounds } from "./table-bounds";
import { syncEventsOff } from "./events-off";

/** The sheets the scorers need, with the tables' bounds: one sync after the list. */
async function readGrids(
  context: Excel.RequestContext
): Promise<{
  grids: Grid[];
  list: { sheets: string[]; tables: string[]; tableSheet: Map<string, string> };
}> {
  const sheets = context.workbook.worksheets;
  sheets.load("items/name");
  const tables = context.workbook.tables;
  tables.load("items/name,items/worksheet/name");
  await context.sync();
  const list = {
    sheets: sheets.items.map((s) => s.name),
    tables: tables.items.map((tb) => tb.name),
    tableSheet: new Map(tables.items.map((tb) => [tb.name, tb.worksheet.name])),
  };
  const wanted = new Set(
    [SHEETS.scoring, SHEETS.model, STORE_SHEET, SCORERS_SHEET].map((s) => s.toLowerCase())
  );
  const ownScorers =
    list.tableSheet.get(SCORERS_TABLE)?.toLowerCase() === SCORERS_SHEET.toLowerCase();
  const reads = list.sheets
    .filter(
      (s) =>
        wanted.has(s.toLowerCase()) &&
        (s.toLowerCase() !== SCORERS_SHEET.toLowerCase() || ownScorers)
    )
    .map((s) => queueSheetRead(context, s, s.toLowerCase() === SCORERS_SHEET.toLowerCase()));
  const bounds = queueTableBounds(context, list.tables, [...BOUNDED_TABLES, SCORERS_TABLE]);
  await context.sync();
  return { grids: attachTableBounds(reads.map(gridOf), bounds), list };
}

export async function loadScorers(host: ExcelHost): Promise<ScorersLoad> {
  return host.run(async (context) => {
    const { grids, list } = await readGrids(context);
    const read = readWorkbook(grids, undefined, { scorers: readScorers });
    return {
      read: read.kind === "addin" ? read : undefined,
      hasSheet: list.sheets.some((s) => s.toLowerCase() === SCORERS_SHEET.toLowerCase()),
    };
  });
}

/** The new sheet and table, queued (no sync): headers and the given rows. */
function queueScorersSheet(
  context: Excel.RequestContext,
  model: Model,
  rows: OfficeInput[][]
): void {
  const headers = scorersHeaders(model);
  const sheet = context.workbook.worksheets.add(SCORERS_SHEET);
  const body = rows.length ? rows : [new Array<OfficeInput>(headers.length).fill("")];
  const range = sheet.getRangeByIndexes(0, 0, body.length + 1, headers.length);
  range.values = [headers.map(asText), ...body];
  const table = sheet.tables.add(range, true);
  table.name = SCORERS_TABLE;
  table.style = "TableStyleLight9";
  sheet.getRangeByIndexes(0, 1, 1, 1).format.columnWidth = 200;
  sheet.getRangeByIndexes(0, 2, 1, 1).format.columnWidth = 110;
}

/** Creates the Vurderere sheet with its table (an empty first row). Three syncs. */
export async function createScorersSheet(host: ExcelHost, lang: Lang): Promise<ScorersWrite> {
  return host.run(async (context) => {
    const writable = await checkWritable(context, lang);
    if (!writable.ok) return writable;
    if (writable.list.sheets.some((s) => s.toLowerCase() === SCORERS_SHEET.toLowerCase()))
      return { ok: false, message: t(lang, "excel.conflict", { sheet: SCORERS_SHEET }) };
    const { grids } = await readGrids(context);
    const read = readWorkbook(grids);
    if (read.kind !== "addin") return { ok: false, message: sc(lang, "paneNotAddin") };
    context.runtime.enableEvents = false;
    queueScorersSheet(context, read.model, []);
    context.runtime.enableEvents = true;
    await syncEventsOff(context);
    return { ok: true, added: 0, replaced: 0, skipped: 0, conflicts: [] };
  });
}

/** A row of the scorers table in its columns (as they stand; a person may have moved them). */
function rowValues(
  width: number,
  firstCol: number,
  cols: { id?: number; name?: number; scorer?: number; leaves: Map<string, number> },
  model: Model,
  scorer: string,
  r: FetchedRow
): OfficeInput[] {
  const out = new Array<OfficeInput>(width).fill("");
  const put = (c: number | undefined, v: OfficeInput) => {
    if (c !== undefined && c >= firstCol && c < firstCol + width) out[c - firstCol] = v;
  };
  put(cols.id, asText(r.id));
  put(cols.name, asText(r.name));
  put(cols.scorer, asText(scorer));
  leaves(model).forEach((l, i) => put(cols.leaves.get(l.id), officeInput(r.values[i])));
  return out;
}

/**
 * *Hent vurderinger*: appends the fetched rows under the scorer's name. A measure the scorer
 * already has a row for is skipped (and listed), unless `replace`: then its question cells are
 * written over and each old value is logged in Logg. Creates the sheet when it is missing.
 * Three syncs (writable check, read, write) whatever the number of rows.
 */
export async function addScorer(
  host: ExcelHost,
  scorer: string,
  rows: readonly FetchedRow[],
  replace: boolean,
  displayLang: Lang,
  now: () => Date = () => new Date()
): Promise<ScorersWrite> {
  return host.run(async (context) => {
    const writable = await checkWritable(context, displayLang);
    if (!writable.ok) return writable;
    // Logg is written in the workbook's language; messages to the person in the display language.
    const lang = workbookLang(writable.store.read);
    const { grids, list } = await readGrids(context);
    const read = readWorkbook(grids);
    if (read.kind !== "addin") return { ok: false, message: sc(displayLang, "paneNotAddin") };
    const model = read.model;
    const name = scorer.trim();
    const hasSheet = list.sheets.some((s) => s.toLowerCase() === SCORERS_SHEET.toLowerCase());
    const ownTable =
      list.tableSheet.get(SCORERS_TABLE)?.toLowerCase() === SCORERS_SHEET.toLowerCase();
    if (hasSheet && !ownTable)
      return { ok: false, message: t(displayLang, "excel.conflict", { sheet: SCORERS_SHEET }) };

    const grid = grids.find((g) => g.name.toLowerCase() === SCORERS_SHEET.toLowerCase());
    const region = grid ? findScorersRegion(grid) : undefined;
    const table = grid && region ? readScorersTable(grid, region, model, read.scoring) : undefined;
    const plan = planScorerRows(name, rows, table);
    const replacing = replace ? plan.conflicts : [];

    context.runtime.enableEvents = false;
    if (!grid || !region || !table) {
      const cols = scorersColumns(
        { name: SCORERS_SHEET, rows: [scorersHeaders(model).map((h) => ({ value: h }))] },
        { headerRow: 0, firstCol: 0, lastCol: scorersHeaders(model).length - 1, lastRow: 0 },
        model
      );
      queueScorersSheet(
        context,
        model,
        plan.add.map((r) => rowValues(scorersHeaders(model).length, 0, cols, model, name, r))
      );
    } else {
      const width = region.lastCol - region.firstCol + 1;
      const sheet = context.workbook.worksheets.getItem(grid.name);
      // The table's one blank row (as created) is filled first, so no empty row stays above the data.
      let blankFirst =
        region.lastRow === region.headerRow + 1 &&
        table.rows.length === 0 &&
        isBlankRow(grid, region.headerRow + 1, region.firstCol, region.lastCol);
      const toAdd: OfficeInput[][] = [];
      for (const r of plan.add) {
        const values = rowValues(width, region.firstCol, table.columns, model, name, r);
        if (blankFirst) {
          sheet.getRangeByIndexes(region.headerRow + 1, region.firstCol, 1, width).values = [
            values,
          ];
          blankFirst = false;
        } else toAdd.push(values);
      }
      if (toAdd.length) context.workbook.tables.getItem(SCORERS_TABLE).rows.add(undefined, toAdd);
      const at = now();
      const log: [Date, string, string, string, string, string][] = [];
      for (const r of replacing) {
        leaves(model).forEach((l, i) => {
          const c = table.columns.leaves.get(l.id);
          if (c === undefined) return;
          const cell = grid.rows[r.row]?.[c];
          const before = cell?.value ?? null;
          const after = r.values[i];
          if (sameValue(before, after) && cell?.formula === undefined) return;
          log.push([
            at,
            sc(lang, "logReplace", { scorer: name }),
            address(grid.name, r.row, c),
            // A formula is logged as the formula it was, not its result.
            cell?.formula !== undefined ? `=${cell.formula}` : before === null ? "" : rawText(before),
            after === null ? "" : rawText(after),
            r.name,
          ]);
          sheet.getRangeByIndexes(r.row, c, 1, 1).values = [[officeInput(after)]];
        });
      }
      queueLog(context, list, log);
    }
    context.runtime.enableEvents = true;
    await syncEventsOff(context);
    return {
      ok: true,
      added: plan.add.length,
      replaced: replacing.length,
      skipped: plan.conflicts.length - replacing.length,
      conflicts: plan.conflicts.map((c) => c.name),
    };
  });
}

function isBlankRow(g: Grid, r: number, from: number, to: number): boolean {
  for (let c = from; c <= to; c++) {
    const v = g.rows[r]?.[c]?.value;
    if (v !== null && v !== undefined && !(typeof v === "string" && v.trim() === "")) return false;
  }
  return true;
}

function sameValue(a: CellValue, b: CellValue): boolean {
  if (a === null || b === null) return a === b;
  return rawText(a) === rawText(b) && typeof a === typeof b;
}
