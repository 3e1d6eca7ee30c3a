/**
 * What the add-in owns in a workbook, and the check that it leaves everything else alone.
 *
 * OWNED (the add-in may write these cells freely) — `owned` is the one definition:
 *   1. every cell of the sheets the add-in keeps for itself: the sheet that holds the table
 *      PrioRangering (Rangering), the store sheets PrioData and PrioRunder (saved rounds), and the sheet that holds the table
 *      PrioLogg (Logg, or «Logg 2» … when a person has a Logg sheet of their own);
 *   2. the data body of the computed columns of its tables: Inn/Ut, Segment and Rapportering of
 *      PrioSjekkliste, and «Andel av total» of PrioModell (found by header, as the readers do).
 * Everything else is the PERSON's: every input of Vurdering, Sjekkliste and Modell (IDs, names,
 * Tema, Aktør, scores, answers, portfolio columns, comments, weights, settings), the tables'
 * header rows, the group band above Vurdering, every cell beside or below a table, and every
 * other sheet (legacy theme sheets, summaries, notes). A sheet the add-in creates in an
 * operation is its own during that operation; from then on its cells are the person's like any
 * other (except those owned above).
 *
 * The person's cells are tracked as objects through the operation (the in-memory workbook moves
 * cell objects when rows are inserted or deleted, as Excel moves cells), and each must keep its
 * value (its formula, for a formula), number format and fill, unless one of these applies:
 *   a. ID: a blank ID cell of a row of PrioVurdering or PrioSjekkliste gets the next id (T…);
 *   b. growth: rows appended at the end of PrioVurdering or PrioSjekkliste (the checklist sync,
 *      an orphan put back); cells under the table in its columns move down with it, unchanged;
 *   c. mirror: a Tiltak or Aktør cell of a row of one of those tables that was blank, or that
 *      held exactly what both tables agreed on at the last recompute (the store's memory), takes
 *      the other table's text for the same ID — a rename follows the ID, nothing typed is lost;
 *   d. asked: the cells the person set through the pane (a checklist answer, a weight, «Ved lik
 *      total») hold exactly what was asked;
 *   e. logged: a cell Synkroniser rewrote, or a row the person asked to remove, has a new row in
 *      the Logg table naming its address and what it held before.
 * A new cell (content or format) outside what the add-in owns is allowed only under a–e.
 */
import { address } from "../../src/core/address";
import type { CellValue } from "../../src/core/cell";
import { normalize } from "../../src/core/text";
import { describeCell } from "../../src/grid/legacy-sync";
import { CHECKLIST_COLUMNS, MODEL_COLUMNS, SCORING_FIXED, TABLES } from "../../src/grid/layout";
import { STORE_SHEET } from "../../src/grid/store";
import { ROUNDS_SHEET } from "../../src/grid/rounds-register";
import { readStore } from "../../src/grid/workbook";
import type { Rect } from "../../src/sim/a1";
import type { SimCell, SimSheet, SimTable } from "../../src/sim/sheet";
import type { SimWorkbook } from "../../src/sim/workbook";

export type Owner = "addin" | "person";

const same = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();

function tableNamed(wb: SimWorkbook, name: string): SimTable | undefined {
  return wb.tables.find((t) => !t.deleted && same(t.name, name));
}

/** The sheet column of the first header of a table equal (as the readers compare) to `header`. */
function columnOf(t: SimTable, header: string): number | undefined {
  const i = t.headers().findIndex((h) => normalize(h) === normalize(header));
  return i < 0 ? undefined : t.rect.c0 + i;
}

/** What the add-in owns in the workbook as it stands: whole sheets, and computed columns' body cells. */
export interface Owned {
  sheets: Set<SimSheet>;
  columns: { sheet: SimSheet; col: number; r0: number; r1: number }[];
}

/**
 * The one definition of what the add-in owns (see the header of this file). `made` holds the
 * sheets the add-in created: a person's own sheet that happens to be called PrioData is theirs.
 */
export function owned(wb: SimWorkbook, made: ReadonlySet<SimSheet>): Owned {
  const out: Owned = { sheets: new Set(), columns: [] };
  for (const sheet of wb.sheets)
    if ((same(sheet.name, STORE_SHEET) || same(sheet.name, ROUNDS_SHEET)) && made.has(sheet)) out.sheets.add(sheet);
  for (const name of [TABLES.ranking, TABLES.log]) {
    const t = tableNamed(wb, name);
    if (t) out.sheets.add(t.sheet);
  }
  const computed: [string, string[]][] = [
    [
      TABLES.checklist,
      [CHECKLIST_COLUMNS.entry, CHECKLIST_COLUMNS.segment, CHECKLIST_COLUMNS.reporting],
    ],
    [TABLES.model, [MODEL_COLUMNS.implied]],
  ];
  for (const [name, headers] of computed) {
    const t = tableNamed(wb, name);
    if (!t) continue;
    for (const h of headers) {
      const col = columnOf(t, h);
      if (col !== undefined)
        out.columns.push({ sheet: t.sheet, col, r0: t.bodyRect.r0, r1: t.bodyRect.r1 });
    }
  }
  return out;
}

/** Who owns a cell, by `owned` (computed once per state of the workbook). */
export function ownerOf(o: Owned, sheet: SimSheet, row: number, col: number): Owner {
  if (o.sheets.has(sheet)) return "addin";
  return o.columns.some((c) => c.sheet === sheet && c.col === col && row >= c.r0 && row <= c.r1)
    ? "addin"
    : "person";
}

/** What must stay byte-identical in a person's cell. */
export interface Snap {
  value?: CellValue;
  formula?: string;
  numberFormat?: string;
  fill?: string;
}

export function snapOf(c: SimCell): Snap {
  const s: Snap = {};
  if (c.formula !== undefined) s.formula = c.formula;
  else s.value = c.value;
  if (c.numberFormat !== undefined) s.numberFormat = c.numberFormat;
  if (c.format?.fill !== undefined) s.fill = c.format.fill;
  return s;
}

/** A snapshot for a message, cut short (the store's JSON is long). */
const show = (s: Snap) => {
  const j = JSON.stringify(s);
  return j.length > 160 ? `${j.slice(0, 160)}…` : j;
};

const key = (s: Snap) =>
  JSON.stringify([
    s.value === undefined ? "\u0000f" : s.value,
    s.formula ?? null,
    s.numberFormat ?? null,
    s.fill ?? null,
  ]);
const hasContent = (s: Snap) =>
  s.formula !== undefined || !(s.value === null || s.value === undefined || s.value === "");
const isEmpty = (s: Snap) => !hasContent(s) && s.numberFormat === undefined && s.fill === undefined;

interface Tracked {
  sheet: SimSheet;
  row: number;
  col: number;
  cell: SimCell;
  snap: Snap;
}

/** A cell the person asked to set through the pane, and what it must hold afterwards. */
export interface Asked {
  sheet: string;
  row: number;
  col: number;
  value: CellValue;
}

export interface Before {
  tracked: Tracked[];
  objects: Set<SimCell>;
  /** The sheets there were before the operation. */
  sheets: Set<SimSheet>;
  tables: Map<SimTable, Rect>;
  logRows: number;
  memory: { names: Record<string, string>; actors: Record<string, string> };
}

function logTable(wb: SimWorkbook): SimTable | undefined {
  return tableNamed(wb, TABLES.log);
}

/** Takes stock before an operation of the add-in. */
export function before(wb: SimWorkbook, made: ReadonlySet<SimSheet>): Before {
  const tracked: Tracked[] = [];
  const objects = new Set<SimCell>();
  const o = owned(wb, made);
  for (const sheet of wb.sheets) {
    for (const { row, col, cell } of allCells(sheet)) {
      objects.add(cell);
      if (ownerOf(o, sheet, row, col) === "person")
        tracked.push({ sheet, row, col, cell, snap: snapOf(cell) });
    }
  }
  const storeSheet = wb.sheets.find((x) => same(x.name, STORE_SHEET) && made.has(x));
  const store = readStore(storeSheet ? [wb.gridOf(storeSheet)] : []);
  const memory =
    store.kind === "ok"
      ? { names: store.store.checklist.names, actors: store.store.checklist.actors }
      : { names: {}, actors: {} };
  const log = logTable(wb);
  return {
    tracked,
    objects,
    sheets: new Set(wb.sheets),
    tables: new Map(wb.tables.filter((t) => !t.deleted).map((t) => [t, { ...t.rect }])),
    logRows: log ? log.bodyRowCount : 0,
    memory,
  };
}

function allCells(sheet: SimSheet): { row: number; col: number; cell: SimCell }[] {
  const r = sheet.usedRect(false);
  return r ? sheet.cellsIn(r) : [];
}

/** The new rows of the Logg table: [Celle, Før] of each. */
function newLogEntries(wb: SimWorkbook, b: Before): { cell: string; before: string }[] {
  const t = logTable(wb);
  if (!t) return [];
  const out: { cell: string; before: string }[] = [];
  const firstNew = t.bodyRect.r0 + (b.tables.has(t) ? b.logRows : 0);
  const text = (r: number, c: number) => {
    const v = t.sheet.get(r, c)?.value;
    return v === null || v === undefined ? "" : typeof v === "object" ? v.error : String(v);
  };
  for (let r = firstNew; r <= t.bodyRect.r1; r++)
    out.push({ cell: text(r, t.rect.c0 + 2), before: text(r, t.rect.c0 + 3) });
  return out;
}

function snapText(s: Snap): string {
  return describeCell(
    s.formula !== undefined ? { value: null, formula: s.formula } : { value: s.value ?? null }
  );
}

/** Whether the log names this cell (alone, or in a logged row range) with what it held. */
function logged(
  entries: { cell: string; before: string }[],
  sheet: SimSheet,
  row: number,
  col: number,
  s: Snap
): boolean {
  const here = address(sheet.name, row, col);
  const what = snapText(s);
  for (const e of entries) {
    if (e.cell === here && e.before === what) return true;
    const m = /^(.*)!([A-Z]+)(\d+):([A-Z]+)(\d+)$/.exec(e.cell);
    if (!m) continue;
    const from = address(sheet.name, row, 0).split("!")[0];
    if (m[1] !== from || Number(m[3]) !== row + 1 || Number(m[5]) !== row + 1) continue;
    const c0 = letters(m[2]);
    const c1 = letters(m[4]);
    if (col < c0 || col > c1) continue;
    if (e.before.split(" | ")[col - c0] === what) return true;
  }
  return false;
}

function letters(s: string): number {
  let n = 0;
  for (const ch of s) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

export interface Relax {
  /** An Aktør of Sjekkliste overwritten with Vurdering's when both changed since the last recompute. */
  actorConflict: boolean;
  /** Fills of Vurdering's score cells (highlights as direct fills). */
  scoreFills: boolean;
}

/** Where a cell sits in the add-in's input tables: the table and the column's header. */
function inputColumn(
  wb: SimWorkbook,
  sheet: SimSheet,
  row: number,
  col: number,
  at?: Map<SimTable, Rect>
): { table: SimTable; header: string } | undefined {
  for (const name of [TABLES.scoring, TABLES.checklist]) {
    const t = tableNamed(wb, name);
    // `at`: where the tables were before the operation (for a cell that is gone now).
    const r = t ? (at?.get(t) ?? t.rect) : undefined;
    if (!t || !r || t.sheet !== sheet || row <= r.r0 || row > r.r1 || col < r.c0 || col > r.c1)
      continue;
    return { table: t, header: t.headers()[col - t.rect.c0] };
  }
  return undefined;
}

function textOf(v: CellValue | undefined): string {
  return v === null || v === undefined ? "" : typeof v === "object" ? v.error : String(v).trim();
}

/** The Tiltak/Aktør cell value the other input table holds for this ID. */
function otherTableValue(
  wb: SimWorkbook,
  table: SimTable,
  row: number,
  header: string
): CellValue | undefined {
  const idCol = columnOf(table, SCORING_FIXED.id);
  if (idCol === undefined) return undefined;
  const id = textOf(table.sheet.get(row, idCol)?.value);
  const other = tableNamed(
    wb,
    same(table.name, TABLES.scoring) ? TABLES.checklist : TABLES.scoring
  );
  if (!other || id === "") return undefined;
  const oIdCol = columnOf(other, SCORING_FIXED.id);
  const oCol = columnOf(other, header);
  if (oIdCol === undefined || oCol === undefined) return undefined;
  for (let r = other.bodyRect.r0; r <= other.bodyRect.r1; r++) {
    if (textOf(other.sheet.get(r, oIdCol)?.value) === id)
      return other.sheet.get(r, oCol)?.value ?? null;
  }
  return undefined;
}

function leafColumn(header: string): boolean {
  return !Object.values(SCORING_FIXED).some((h) => normalize(h) === normalize(header));
}

/**
 * Checks the workbook after an operation against the stock taken before it. Returns the
 * violations, each naming the cell, what it held and what it holds.
 */
export function check(
  wb: SimWorkbook,
  b: Before,
  asked: Asked[],
  relax: Relax,
  made: ReadonlySet<SimSheet>
): string[] {
  const problems: string[] = [];
  const o = owned(wb, made);
  const where = new Map<SimCell, { sheet: SimSheet; row: number; col: number }>();
  for (const sheet of wb.sheets)
    for (const { row, col, cell } of allCells(sheet)) where.set(cell, { sheet, row, col });
  const log = newLogEntries(wb, b);
  const askedAt = (sheet: SimSheet, row: number, col: number) =>
    asked.find((a) => same(a.sheet, sheet.name) && a.row === row && a.col === col);
  /** Rows removed from a sheet in this operation (each logged as a row range). */
  const removedRows = (sheet: SimSheet) =>
    log.filter(
      (e) =>
        e.cell.startsWith(`${address(sheet.name, 0, 0).split("!")[0]}!`) &&
        /:[A-Z]+\d+$/.test(e.cell)
    ).length;
  const grew = (t: SimTable) => {
    const r = b.tables.get(t);
    return r ? t.rect.r1 - t.rect.r0 - (r.r1 - r.r0) : 0;
  };

  /** Whether a change to what a person's cell holds (or a new cell) is one of a–e. */
  const allowed = (
    sheet: SimSheet,
    row: number,
    col: number,
    was: Snap | undefined,
    now: Snap
  ): string | undefined => {
    const a = askedAt(sheet, row, col);
    if (a) {
      const ok =
        now.formula === undefined &&
        textOf(now.value) === textOf(a.value) &&
        (typeof a.value !== "number" || now.value === a.value);
      return ok ? undefined : `asked for ${JSON.stringify(a.value)}`;
    }
    if (logged(log, sheet, row, col, was ?? {})) return undefined;
    const input = inputColumn(wb, sheet, row, col);
    if (input) {
      const { table, header } = input;
      const pre = b.tables.get(table);
      // Rows removed in this operation (each logged as a row range on the sheet) move the end up.
      const removed = removedRows(sheet);
      if (pre && !was && row > pre.r1 - removed && row <= table.rect.r1) return undefined; // b. appended row
      const wasBlank = !was || !hasContent(was);
      const onlyFill =
        was !== undefined && key({ ...was, fill: undefined }) === key({ ...now, fill: undefined });
      const fillOnly =
        (!was || isEmpty({ ...was, fill: undefined })) &&
        !hasContent(now) &&
        now.numberFormat === (was?.numberFormat ?? undefined);
      if (
        relax.scoreFills &&
        same(table.name, TABLES.scoring) &&
        leafColumn(header) &&
        (onlyFill || fillOnly)
      )
        return undefined;
      const sameFormat =
        (was?.numberFormat ?? undefined) === now.numberFormat &&
        (was?.fill ?? undefined) === now.fill;
      if (
        normalize(header) === normalize(SCORING_FIXED.id) &&
        wasBlank &&
        sameFormat &&
        /^T\d{3,}$/.test(textOf(now.value)) &&
        now.formula === undefined
      )
        return undefined; // a.
      if (
        [SCORING_FIXED.name, SCORING_FIXED.actor].some((h) => normalize(h) === normalize(header)) &&
        sameFormat
      ) {
        const other = otherTableValue(wb, table, row, header);
        const idCol = columnOf(table, SCORING_FIXED.id)!;
        const id = textOf(table.sheet.get(row, idCol)?.value);
        const memory =
          normalize(header) === normalize(SCORING_FIXED.name) ? b.memory.names : b.memory.actors;
        const agreed =
          was !== undefined &&
          was.formula === undefined &&
          memory[id] !== undefined &&
          textOf(was.value) === memory[id];
        // A faithful copy: the same text, and text stays text. A name or Aktør is text, so the add-in
        // writes every copy as text (a name typed as the number 0 arrives as the text «0»); what may
        // never happen is text arriving as something else («001» as the number 1).
        const kindKept = typeof now.value === typeof other || typeof now.value === "string";
        const copy =
          other !== undefined &&
          now.formula === undefined &&
          kindKept &&
          textOf(now.value) === textOf(other);
        const actorConflict =
          relax.actorConflict &&
          same(table.name, TABLES.checklist) &&
          normalize(header) === normalize(SCORING_FIXED.actor);
        if (copy && (wasBlank || agreed || actorConflict)) return undefined; // c.
      }
    }
    return "not the add-in's";
  };

  for (const t of b.tracked) {
    const at = where.get(t.cell);
    if (!at) {
      const input = inputColumn(wb, t.sheet, t.row, t.col, b.tables);
      const fillOnly = !hasContent(t.snap) && t.snap.numberFormat === undefined;
      if (
        relax.scoreFills &&
        fillOnly &&
        input &&
        same(input.table.name, TABLES.scoring) &&
        leafColumn(input.header)
      )
        continue;
      if (!logged(log, t.sheet, t.row, t.col, t.snap))
        problems.push(
          `${address(t.sheet.name, t.row, t.col)} ${show(t.snap)} was removed, not logged`
        );
      continue;
    }
    const now = snapOf(t.cell);
    if (at.sheet !== t.sheet || at.col !== t.col) {
      problems.push(
        `${address(t.sheet.name, t.row, t.col)} moved to ${address(at.sheet.name, at.row, at.col)}`
      );
      continue;
    }
    if (at.row !== t.row) {
      // Only cells under a table that grew or shrank move, in the table's columns, as in Excel.
      const mover = [...b.tables.keys()].find(
        (x) =>
          x.sheet === t.sheet &&
          (grew(x) !== 0 || removedRows(x.sheet) > 0) &&
          t.col >= x.rect.c0 &&
          t.col <= x.rect.c1 &&
          t.row > b.tables.get(x)!.r0
      );
      if (!mover)
        problems.push(`${address(t.sheet.name, t.row, t.col)} moved to row ${at.row + 1}`);
    }
    if (key(now) === key(t.snap)) continue;
    if (ownerOf(o, at.sheet, at.row, at.col) === "addin") continue;
    const why = allowed(at.sheet, at.row, at.col, t.snap, now);
    if (why)
      problems.push(
        `${address(t.sheet.name, at.row, at.col)} ${show(t.snap)} → ${show(now)} (${why})`
      );
  }

  for (const [cell, at] of where) {
    if (b.objects.has(cell) || !b.sheets.has(at.sheet)) continue; // known cells are checked above; new sheets are the add-in's
    const now = snapOf(cell);
    if (isEmpty(now)) continue;
    if (ownerOf(o, at.sheet, at.row, at.col) === "addin") continue;
    const why = allowed(at.sheet, at.row, at.col, undefined, now);
    if (why) problems.push(`${address(at.sheet.name, at.row, at.col)} new ${show(now)} (${why})`);
  }

  // Cells the person asked for hold what was asked.
  for (const a of asked) {
    const s = wb.sheets.find((x) => same(x.name, a.sheet));
    const v = s?.get(a.row, a.col)?.value ?? null;
    if (textOf(v) !== textOf(a.value))
      problems.push(
        `${address(a.sheet, a.row, a.col)} asked ${JSON.stringify(a.value)}, holds ${JSON.stringify(v)}`
      );
  }
  return problems;
}
