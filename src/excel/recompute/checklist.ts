/**
 * The checklist (Sjekkliste): its computed columns (Inn/Ut, Segment, Rapportering; changed cells
 * only), what the checklist sync plans (names and actors copied between the two tables, rows added
 * to either), and segment changes in Logg. Before the writes, `guardSync` keeps the sync from
 * writing over a formula, copying a formula's result over typed text, or acting on a damaged
 * store's memory.
 */
import { address } from "../../core/address";
import type { Placement } from "../../core/checklist";
import { segmentLabel } from "../../grid/checklist-sync";
import type { Grid } from "../../grid/grid";
import { CHECKLIST_COLUMNS, CHECKLIST_WORDS, scoringHeaders, SHEETS, TABLES } from "../../grid/layout";
import { findScoringRegion } from "../../grid/scoring-table";
import type { ChecklistRead } from "../../grid/workbook";
import { t, type Lang } from "../../i18n";
import { reportingText } from "../../i18n/checklist";
import { asText, capText, textInto, type OfficeInput } from "../cells";
import { writeChanged } from "../diff-write";
import { checklistRowIn } from "../layout-rows";
import { queueLog } from "../legacy";
import type { AddinRead, Capability } from "./capability";

/** Inn / Ut / ikke vurdert, as the checklist sheet writes them. */
export function entryWord(p: Placement): string {
  return p.entry === "inn" ? CHECKLIST_WORDS.inn : p.entry === "ut" ? CHECKLIST_WORDS.ut : CHECKLIST_WORDS.notAssessed;
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
  if (plan.appendToChecklist.length && existing.tables.includes(TABLES.checklist)) {
    const width = region.lastCol - region.firstCol + 1;
    appendRows(context, TABLES.checklist, sheet, grid, region, (textColumn) => plan.appendToChecklist.map((seed) => checklistRowIn(seed, columns, region.firstCol, width, textColumn)));
  }
  if (plan.appendToScoring.length && existing.tables.includes(TABLES.scoring)) {
    // The table as it is (a person may have added or moved columns): each value in its column by header.
    const sGrid = grids.find((g) => g.name.toLowerCase() === SHEETS.scoring.toLowerCase());
    const sRegion = sGrid ? findScoringRegion(sGrid) : undefined;
    const first = sRegion?.firstCol ?? 0;
    const width = sRegion ? sRegion.lastCol - sRegion.firstCol + 1 : scoringHeaders(read.model).length;
    const cols = read.scoring.columns;
    const rows = (textColumn: (j: number) => boolean) =>
      plan.appendToScoring.map((m) => {
        const row = new Array<string>(width).fill("");
        const put = (c: number | undefined, v: string) => {
          if (c !== undefined && c >= first && c < first + width) row[c - first] = textColumn(c - first) ? capText(v) : asText(v);
        };
        put(cols.id, m.id);
        put(cols.name, m.name);
        put(cols.actor, m.actor);
        return row;
      });
    if (sGrid && sRegion) appendRows(context, TABLES.scoring, scoringSheet, sGrid, sRegion, rows);
    else context.workbook.tables.getItem(TABLES.scoring).rows.add(undefined, rows(() => false));
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

/**
 * Rows added to a table. Onto the blank rows right under it (as read), where Excel's AutoExpansion
 * takes them into the table with its formats (Table.resize needs ExcelApi 1.13): the same rows
 * written twice are the same cells, so two co-authors' panes that add the same measure at once add
 * it once (with rows.add they would add it twice). When something of a person's lies under the
 * table, through rows.add, which inserts them above it.
 * With rows.add a new row takes the formats of the last one: text goes literally into a Text cell;
 * under the table the cells are as they are (text with its apostrophe).
 */
function appendRows(
  context: Excel.RequestContext,
  table: string,
  sheet: Excel.Worksheet,
  grid: Grid,
  region: { headerRow: number; lastRow: number; firstCol: number; lastCol: number },
  rows: (textColumn: (j: number) => boolean) => OfficeInput[][],
): void {
  const width = region.lastCol - region.firstCol + 1;
  let free = true;
  for (let r = region.lastRow + 1; r <= region.lastRow + rows(() => false).length && free; r++) {
    for (let c = region.firstCol; c <= region.lastCol && free; c++) {
      const cell = grid.rows[r]?.[c];
      free = cell === undefined || cell === null || ((cell.value === null || cell.value === "") && cell.formula === undefined);
    }
  }
  if (!free) {
    const textColumn = (j: number) => grid.textFormatted?.has(`${region.lastRow},${region.firstCol + j}`) ?? false;
    context.workbook.tables.getItem(table).rows.add(undefined, rows(textColumn));
    return;
  }
  const values = rows((j) => grid.textFormatted?.has(`${region.lastRow + 1},${region.firstCol + j}`) ?? false);
  sheet.getRangeByIndexes(region.lastRow + 1, region.firstCol, values.length, width).values = values;
}

function answerWord(a: boolean | null): string {
  return a === true ? CHECKLIST_WORDS.yes : a === false ? CHECKLIST_WORDS.no : "–";
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

export const checklist: Capability = {
  id: "checklist",
  read: () => ({
    prepare: ({ read, grids }) => {
      if (read.checklist) guardSync(read, read.checklist, grids);
    },
    write: (context, { read, grids, lang, found, now }) => {
      if (read.checklist) writeChecklist(context, read, read.checklist, grids, lang, found.list, now());
    },
  }),
};
