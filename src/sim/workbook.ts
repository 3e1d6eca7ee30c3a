/**
 * An in-memory Excel workbook: sheets with cells (values, formulas, number formats, direct
 * formats, notes, data validation), tables, conditional formats, freeze panes, column widths,
 * the selection, the active sheet and event handlers. `run` gives batches a request context with
 * Office's proxy semantics (see excel-api.ts), so the adapter in src/excel runs against it
 * unchanged, in jest and in the browser preview. No Node imports.
 *
 * Sync counting: every `context.sync()` adds one to `syncCount`. `run` ends like Excel.run: if
 * the batch left queued operations after its last sync, one more sync flushes them and is
 * counted (it is a real round trip in Excel); a batch that ends with nothing queued costs no
 * extra sync.
 */
import type { CellValue } from "../core/cell";
import type { Grid, GridCell } from "../grid/grid";
import {
  MAX_COLS,
  MAX_ROWS,
  areaOf,
  colsOf,
  contains,
  intersection,
  intersects,
  isUnbounded,
  parseRange,
  rect,
  rectA1,
  rowsOf,
  type Rect,
} from "./a1";
import { clone } from "./clone";
import { SHAPE_MISMATCH, SimError, TABLE_OVERLAP } from "./errors";
import { REF, evaluateFormula, formulaSheets, formulaSyntaxError, generalText, isErr, mapReferences, offsetFormula, refText, type FormulaHost, type Scalar } from "./formula";
import { SimSheet, SimTable, defaultValidation, type SimCell, type SimCellFormat, type SimConditionalFormat, type SimValidation, type Visibility } from "./sheet";
import { insertCells } from "./shift";
import { SimRequestContext } from "./excel-api";
import { chartInfo, chartsOf, detachTable, type SimChartInfo } from "./charts";
import { displayText, impliedNumberFormat, localFormat, officeValue, readEntry, valueType, type Entry } from "./values";
import { WEB_PAYLOAD_LIMIT, type SyncPayload } from "./payload";

/** The locale typed input is read in and number formats are read back in: Norwegian bokmål or US English. */
export type SimLocale = "nb" | "en";

/** How the in-memory Excel behaves: by default as Excel on the web in Norwegian. */
export interface SimOptions {
  /** Typed input and number formats read back (default "nb"). */
  locale?: SimLocale;
  /**
   * "web" (default): Excel on the web, with its 5 MB payload limit and number formats read back in
   * the locale. "desktop": no payload limit, number formats read back in en-US.
   */
  platform?: "web" | "desktop";
  /** The payload limit of one request or response in bytes; null for none, as on the desktop (default 5,000,000). */
  payloadLimit?: number | null;
  /** Today, for dates typed without a year (default: the real today). */
  today?: Date;
}

export type TriggerSource = "ThisLocalAddin" | "Unknown";

export type ChangeType = "RangeEdited" | "RowInserted" | "RowDeleted" | "ColumnInserted" | "ColumnDeleted" | "CellInserted" | "CellDeleted";

export type SimEventKind =
  | "WorksheetChanged"
  | "TableChanged"
  | "WorksheetSelectionChanged"
  | "WorksheetActivated"
  | "WorksheetDeactivated"
  | "WorksheetAdded"
  | "WorksheetDeleted";

/** Where a handler listens: one sheet, one table, the tables of one sheet, or the whole workbook. */
export interface EventScope {
  sheet?: SimSheet;
  table?: SimTable;
  tablesOf?: SimSheet;
}

export interface Registration {
  kind: SimEventKind;
  scope: EventScope;
  handler: (args: unknown) => unknown;
  removed: boolean;
  /** The co-author's Excel whose add-in registered it. */
  session: SimSession;
}

interface PendingEvent {
  kind: SimEventKind;
  sheet: SimSheet;
  table?: SimTable;
  args: Record<string, unknown>;
  /** Whose change it is: Local to that session's add-in, Remote to the others'. */
  origin: SimSession;
  /** Sessions whose add-in had events off when it happened: they never hear of it. */
  muted: readonly SimSession[];
}

/** Events a person's own Excel raises only for them (where they click, which sheet they look at). */
const LOCAL_ONLY: ReadonlySet<SimEventKind> = new Set(["WorksheetSelectionChanged", "WorksheetActivated", "WorksheetDeactivated"]);

/**
 * One co-author's Excel on the shared workbook (Excel on the web or in Teams, a workbook on
 * OneDrive or SharePoint): its own add-in runtime (events switched on and off for it alone, its
 * own event handlers) and its own person at the keyboard. A change made in one session reaches
 * the handlers of the others with `source: "Remote"` ("Coauthoring in Excel add-ins"; EventSource),
 * the add-in's own writes too (its `enableEvents = false` silences only its own handlers).
 */
export class SimSession {
  /** Application.runtime.enableEvents of this session's add-in. */
  eventsEnabled = true;

  constructor(
    readonly wb: SimWorkbook,
    readonly name: string,
  ) {}

  /** Like Excel.run, in this co-author's Excel. */
  run<T>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T> {
    return this.wb._runIn(this, batch);
  }

  /** This co-author types into a cell (see SimWorkbook.userEdit). */
  userEdit(sheet: string, address: string, value: CellValue | string, options: { autoExpand?: boolean } = {}): void {
    this.wb._as(this, () => this.wb.userEdit(sheet, address, value, options));
  }
}

/** A cell as tests and the preview read it. */
export interface SimCellSnapshot {
  value: CellValue;
  formula?: string;
  numberFormat: string;
  format?: SimCellFormat;
  note?: string;
  validation?: SimValidation;
}

export interface SimTableInfo {
  name: string;
  id: string;
  sheet: string;
  address: string;
  headers: string[];
  bodyRowCount: number;
  style: string;
  showTotals: boolean;
}

export interface SimSheetInfo {
  name: string;
  id: string;
  position: number;
  visibility: Visibility;
  tabColor: string;
  frozenRows: number;
  frozenColumns: number;
  columnWidths: Record<number, number>;
}

const SHEET_NAME_FORBIDDEN = /[[\]:*?/\\]/;
const TABLE_NAME = /^[A-Za-z_\\\u00C0-\uFFFF][A-Za-z0-9_.\u00C0-\uFFFF]*$/;
const VISIBILITIES: Visibility[] = ["Visible", "Hidden", "VeryHidden"];
/** Excel's limits: the characters a cell holds, and the characters of a formula ("Excel specifications and limits"). */
export const CELL_TEXT_LIMIT = 32_767;
export const FORMULA_LIMIT = 8_192;

/** Refuses text longer than a cell holds and formulas longer than Excel takes, as Excel refuses them. */
function checkCellLimits(entry: Entry): void {
  if ("formula" in entry) {
    if (entry.formula.length + 1 > FORMULA_LIMIT) throw new SimError("InvalidArgument", `A formula can be at most ${FORMULA_LIMIT} characters long.`);
  } else if (typeof entry.value === "string" && entry.value.length > CELL_TEXT_LIMIT) {
    throw new SimError("InvalidArgument", `A cell can hold at most ${CELL_TEXT_LIMIT} characters; this text has ${entry.value.length}.`);
  }
}

/** Above this many cells, formats set on a range touch only the cells that already exist. */
const FORMAT_FILL_LIMIT = 200_000;


export class SimWorkbook {
  /** Sheets in tab order. */
  readonly sheets: SimSheet[] = [];
  readonly tables: SimTable[] = [];
  /** @internal */ active!: SimSheet;
  /** The Excel the workbook's own `run` and `userEdit` act in; `session()` opens a co-author's. */
  readonly mainSession: SimSession = new SimSession(this, "main");
  /** @internal Every session open on the workbook. */
  readonly sessions: SimSession[] = [this.mainSession];
  /** @internal The session whose batch or person is acting now. */
  current: SimSession = this.mainSession;

  /** Application.runtime.enableEvents of the main session's add-in: off means it hears no events at all, from any source. */
  get eventsEnabled(): boolean {
    return this.mainSession.eventsEnabled;
  }
  set eventsEnabled(v: boolean) {
    this.mainSession.eventsEnabled = v;
  }
  /** Errors thrown (or rejected) by event handlers, for tests to check. */
  readonly handlerErrors: unknown[] = [];
  /** The largest request or response one sync may have (Excel on the web: 5 MB); null for no limit. */
  payloadLimit: number | null = WEB_PAYLOAD_LIMIT;
  /** The locale of typed input and of number formats read back. */
  locale: SimLocale = "nb";
  /** Whether number formats read back in the locale (Excel on the web) or in en-US (the desktop). */
  localFormats = true;
  /** Today, for dates typed without a year. */
  today: Date = new Date();
  /** The request and response of every sync since creation or the last resetPayloads(), in bytes. */
  readonly payloads: SyncPayload[] = [];
  /** @internal */ readonly registrations: Registration[] = [];
  /** @internal Everything is calculated again at the next read (the structure or formulas changed). */ dirty = false;
  /**
   * Sheets whose cells were written since the last calculation, when nothing else changed: only
   * the formulas that read them, directly or through other formulas, are calculated again (as
   * Excel recalculates what depends on a change, not the whole workbook).
   */
  private readonly changedSheets = new Set<SimSheet>();
  /** Per sheet, the sheets its formulas read (lower case; its own for references without a sheet), until its formulas change. */
  private readonly sheetReads = new Map<SimSheet, Set<string>>();

  private syncs = 0;
  private cellWriteCount = 0;
  private sheetSeq = 0;
  private tableSeq = 0;
  private cfSeq = 0;
  private pending: PendingEvent[] = [];
  private readonly updateListeners = new Set<() => void>();
  private version = 0;

  /** Use SimWorkbook.fromGrids: a workbook always has at least one sheet. */
  private constructor() {}

  // -------------------------------------------------------------------------------------------
  // Building and reading back

  /** A workbook with the given sheets (formulas kept and evaluated). No grids: one empty "Sheet1". */
  static fromGrids(grids: Grid[], options: SimOptions = {}): SimWorkbook {
    const wb = new SimWorkbook();
    if (options.locale) wb.locale = options.locale;
    if (options.platform === "desktop") {
      wb.payloadLimit = null;
      wb.localFormats = false;
    }
    if (options.payloadLimit !== undefined) wb.payloadLimit = options.payloadLimit;
    if (options.today) wb.today = options.today;
    if (grids.length === 0) wb.addSheet("Sheet1");
    for (const g of grids) {
      const sheet = wb.addSheet(g.name);
      g.rows.forEach((row, r) => {
        row?.forEach((gc, c) => {
          if (!gc) return;
          const cell = sheet.ensure(r, c);
          if (gc.formula !== undefined && gc.formula !== "") cell.formula = gc.formula.replace(/^=/, "");
          cell.value = gc.value ?? null;
          if (gc.note !== undefined) cell.note = gc.note;
          sheet.tidy(r, c);
        });
      });
    }
    wb.active = wb.sheets[0];
    wb.dirty = true;
    wb.calculate();
    wb.pending = [];
    return wb;
  }

  /** Values, formulas and notes of every sheet, in tab order (hidden sheets included). */
  toGrids(): Grid[] {
    this.calculate();
    return this.sheets.map((s) => this.gridOf(s));
  }

  /** One sheet as a grid. */
  gridOf(sheet: SimSheet | string): Grid {
    this.calculate();
    const s = typeof sheet === "string" ? this.requireSheet(sheet) : sheet;
    const rows: (GridCell | undefined)[][] = [];
    const keys = [...s.cells.keys()].sort((a, b) => a - b);
    for (const k of keys) {
      const c = s.cells.get(k)!;
      if (c.value === null && c.formula === undefined && c.note === undefined) continue;
      const r = Math.floor(k / MAX_COLS);
      const col = k % MAX_COLS;
      const gc: GridCell = { value: c.value };
      if (c.formula !== undefined) gc.formula = c.formula;
      if (c.note !== undefined) gc.note = c.note;
      (rows[r] ??= [])[col] = gc;
    }
    return { name: s.name, rows };
  }

  /**
   * The cell as stored, by zero-based row and column, formulas calculated: read-only and not
   * copied, for a viewer that draws thousands of cells a frame. Undefined for a blank cell.
   */
  peekCell(sheet: string, row: number, col: number): Readonly<SimCell> | undefined {
    this.calculate();
    return this.requireSheet(sheet).get(row, col);
  }

  /** A cell as it stands (formulas calculated). Blank cells read as `{ value: null, numberFormat: "General" }`. */
  getCell(sheet: string, address: string): SimCellSnapshot {
    this.calculate();
    const s = this.requireSheet(sheet);
    const p = parseRange(address);
    if (!p) throw new Error(`Not a cell address: ${address}`);
    const c = s.get(p.rect.r0, p.rect.c0);
    const out: SimCellSnapshot = { value: c?.value ?? null, numberFormat: c?.numberFormat ?? "General" };
    if (c?.formula !== undefined) out.formula = c.formula;
    if (c?.format !== undefined) out.format = clone(c.format);
    if (c?.note !== undefined) out.note = c.note;
    if (c?.validation !== undefined) out.validation = clone(c.validation);
    return out;
  }

  /** The text Excel would show in a cell (number format applied). */
  getText(sheet: string, address: string): string {
    const s = this.requireSheet(sheet);
    const p = parseRange(address);
    if (!p) throw new Error(`Not a cell address: ${address}`);
    return this.readText(s, rect(p.rect.r0, p.rect.c0))[0][0];
  }

  sheetNames(): string[] {
    return this.sheets.map((s) => s.name);
  }

  sheetInfo(name: string): SimSheetInfo {
    const s = this.requireSheet(name);
    return {
      name: s.name,
      id: s.id,
      position: this.sheets.indexOf(s),
      visibility: s.visibility,
      tabColor: s.tabColor,
      frozenRows: s.frozenRows,
      frozenColumns: s.frozenColumns,
      columnWidths: Object.fromEntries(s.columnWidths),
    };
  }

  tableNames(): string[] {
    return this.tables.map((t) => t.name);
  }

  tableInfo(name: string): SimTableInfo {
    const t = this.tableByName(name);
    if (!t) throw new Error(`No table ${name}`);
    return {
      name: t.name,
      id: t.id,
      sheet: t.sheet.name,
      address: `${rectA1(t.rect)}`,
      headers: t.headers(),
      bodyRowCount: t.bodyRowCount,
      style: t.style,
      showTotals: t.showTotals,
    };
  }

  /** The charts on a sheet with the cells their series read now and the values there. */
  charts(sheet: string): SimChartInfo[] {
    const s = this.requireSheet(sheet);
    return chartsOf(s)
      .filter((c) => !c.deleted)
      .map((c) => chartInfo(this, c));
  }

  /** Number of rows in the table's data body. */
  tableRowCount(name: string): number {
    return this.tableInfo(name).bodyRowCount;
  }

  conditionalFormats(sheet: string): { address: string; type: string; priority: number; props: Record<string, unknown> }[] {
    const s = this.requireSheet(sheet);
    return [...s.conditionalFormats]
      .sort((a, b) => a.priority - b.priority)
      .map((cf) => ({ address: rectA1(cf.rect), type: cf.type, priority: cf.priority, props: clone(cf.props) }));
  }

  /** The active sheet and its selection, e.g. `{ sheet: "Kritisk info", address: "F9" }`. */
  selection(): { sheet: string; address: string } {
    return { sheet: this.active.name, address: rectA1(this.active.selection) };
  }

  activeSheetName(): string {
    return this.active.name;
  }

  // -------------------------------------------------------------------------------------------
  // A person at the keyboard

  /**
   * A person types into a cell (or fills a range), read in the workbook's locale (values.ts): a
   * string starting with "=" is a formula (en-US function names), "7" becomes the number 7; in
   * Norwegian "7,5" is 7.5 and "7.5" the date 7 May, in English "7,5" stays text; "" clears.
   * Typing on the row right under a table, or in the column right of it, extends the table, as
   * Excel's AutoExpansion does. Change events (source "Local",
   * triggerSource "Unknown") follow after a microtask, unless events are disabled.
   * `autoExpand: false` is a person who has AutoExpansion off or undid it (Ctrl+Z right after
   * typing): the text stays under the table and the table keeps its size.
   */
  userEdit(sheet: string, address: string, value: CellValue | string, options: { autoExpand?: boolean } = {}): void {
    const s = this.requireSheet(sheet);
    const p = parseRange(address);
    if (!p || (p.sheet !== undefined && p.sheet.toLowerCase() !== s.name.toLowerCase())) throw new Error(`Not an address on ${sheet}: ${address}`);
    const r = p.rect;
    if (areaOf(r) > FORMAT_FILL_LIMIT) throw new Error(`Range too large for userEdit: ${address}`);
    const before = this.detailsBefore(s, r);
    for (let row = r.r0; row <= r.r1; row++) {
      for (let col = r.c0; col <= r.c1; col++) {
        let entry: Entry;
        if (typeof value === "string") {
          const numberFormat = s.get(row, col)?.numberFormat;
          entry = readEntry(value, numberFormat, this.locale, this.today);
          if ("formula" in entry) {
            const problem = formulaSyntaxError(entry.formula);
            if (problem) throw new Error(`Excel would not accept the formula ${value}: ${problem}`);
            if (r.r0 !== r.r1 || r.c0 !== r.c1) entry = { formula: offsetFormula(entry.formula, row - r.r0, col - r.c0) };
          }
          const implied = impliedNumberFormat(value, this.locale, this.today);
          if (implied && numberFormat === undefined) s.ensure(row, col).numberFormat = implied;
        } else {
          entry = { value };
        }
        checkCellLimits(entry);
        this.putEntry(s, row, col, entry);
      }
    }
    if (options.autoExpand !== false) this.autoExpand(s, r, value);
    this.afterCellWrite(s, r);
    this.calculate();
    this.emitChanged(s, r, "RangeEdited", "Unknown", before);
    this.flushEvents();
    this.touch();
  }

  /**
   * A person formats cells (Home ▸ Fill Color, Home ▸ Number Format): a fill colour ("#FFC000";
   * null removes it) and/or a number format ("General" resets it). The person's action, not the
   * add-in's: it does not count in cellWrites. No event follows (Excel's onFormatChanged is not
   * simulated).
   */
  userFormat(sheet: string, address: string, format: { fill?: string | null; numberFormat?: string }): void {
    const s = this.requireSheet(sheet);
    const p = parseRange(address);
    if (!p || (p.sheet !== undefined && p.sheet.toLowerCase() !== s.name.toLowerCase())) throw new Error(`Not an address on ${sheet}: ${address}`);
    const r = p.rect;
    if (areaOf(r) > FORMAT_FILL_LIMIT) throw new Error(`Range too large for userFormat: ${address}`);
    for (let row = r.r0; row <= r.r1; row++) {
      for (let col = r.c0; col <= r.c1; col++) {
        const cell = s.ensure(row, col);
        if (format.numberFormat !== undefined) cell.numberFormat = format.numberFormat === "General" ? undefined : format.numberFormat;
        if (format.fill !== undefined) {
          const f = (cell.format ??= {});
          if (format.fill === null) delete f.fill;
          else f.fill = format.fill;
          if (Object.keys(f).length === 0) delete cell.format;
        }
        s.tidy(row, col);
      }
    }
    this.dirty = true;
    this.touch();
  }

  /** A person clicks a cell or selects a range: the sheet becomes active and selection events follow. */
  userSelect(sheet: string, address: string): void {
    const s = this.requireSheet(sheet);
    const p = parseRange(address);
    if (!p) throw new Error(`Not an address: ${address}`);
    this.select(s, p.rect);
    this.flushEvents();
    this.touch();
  }

  /** A person clicks a sheet tab. */
  userActivate(sheet: string): void {
    this.activate(this.requireSheet(sheet));
    this.flushEvents();
    this.touch();
  }

  /**
   * Excel's AutoExpansion for a person typing: on the row right under a table (the table takes the
   * row) or in the column right of it, on the header row or a body row (the table takes the
   * column, headed by what was typed there or Kolonne1 / Column1). Not over another table.
   */
  private autoExpand(s: SimSheet, r: Rect, value: CellValue | string): void {
    if (value === null || value === "" || r.r0 !== r.r1) return;
    if (this.expandBelow(s, r)) return;
    if (r.c0 !== r.c1) return;
    for (const t of this.tables) {
      if (t.sheet !== s || r.c0 !== t.rect.c1 + 1 || r.r0 < t.rect.r0 || r.r0 > t.bodyRect.r1) continue;
      const grown = { ...t.rect, c1: t.rect.c1 + 1 };
      if (this.tables.some((o) => o !== t && o.sheet === s && intersects(o.rect, grown))) return;
      t.rect = grown;
      t.columnIds.push(t.nextColumnId++);
      this.normalizeHeaders(t);
      return;
    }
  }

  /**
   * A write (typed, or through the API) that reaches the row right under a table, within its
   * columns (starting there or inside the table), extends the table down to the last row written,
   * as Excel's AutoExpansion does; the new rows take the number formats, formats and validation of
   * the table's last row, as the table's columns carry them. True when it did.
   */
  private expandBelow(s: SimSheet, r: Rect): boolean {
    for (const t of this.tables) {
      if (t.sheet !== s || t.showTotals) continue;
      if (r.r0 <= t.rect.r1 + 1 && r.r0 > t.rect.r0 && r.r1 > t.rect.r1 && r.c0 >= t.rect.c0 && r.c1 <= t.rect.c1) {
        const last = t.rect.r1;
        const n = r.r1 - last;
        const grown = { ...t.rect, r1: r.r1 };
        if (this.tables.some((o) => o !== t && o.sheet === s && intersects(o.rect, grown))) return false;
        t.rect = grown;
        this.extendConditionalFormats(t, last, n);
        if (last > t.rect.r0) {
          for (let c = t.rect.c0; c <= t.rect.c1; c++) {
            const src = s.get(last, c);
            if (!src || (src.numberFormat === undefined && src.format === undefined && src.validation === undefined)) continue;
            for (let row = last + 1; row <= r.r1; row++) {
              const cell = s.ensure(row, c);
              if (src.numberFormat !== undefined && cell.numberFormat === undefined) cell.numberFormat = src.numberFormat;
              if (src.format !== undefined && cell.format === undefined) cell.format = clone(src.format);
              if (src.validation !== undefined && cell.validation === undefined) cell.validation = src.validation;
            }
          }
        }
        return true;
      }
    }
    return false;
  }

  // -------------------------------------------------------------------------------------------
  // Running batches

  /** The number of context.sync() calls since creation or the last resetSyncCount(). */
  get syncCount(): number {
    return this.syncs;
  }

  resetSyncCount(): void {
    this.syncs = 0;
  }

  /**
   * Cells written through the API since creation or the last resetCellWrites(): one per cell
   * whose value/formula, number format or format (fill, font …) a batch set. A cell written twice
   * counts twice. A person's edits (userEdit) are not counted.
   */
  get cellWrites(): number {
    return this.cellWriteCount;
  }

  resetCellWrites(): void {
    this.cellWriteCount = 0;
  }

  /** Runs `work` and reports how many syncs it took. */
  async countSyncs<T>(work: () => Promise<T>): Promise<{ result: T; syncs: number }> {
    const before = this.syncs;
    const result = await work();
    return { result, syncs: this.syncs - before };
  }

  /**
   * Like Excel.run: a fresh request context, the batch, then one final sync if the batch left
   * operations queued (counted in syncCount). A batch that rejects flushes nothing. Objects of
   * the context cannot queue anything once the run has ended.
   */
  async run<T>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T> {
    return this._runIn(this.mainSession, batch);
  }

  /** A co-author's Excel on this workbook, with its own add-in runtime and person (see SimSession). */
  session(name = `session ${this.sessions.length + 1}`): SimSession {
    const s = new SimSession(this, name);
    this.sessions.push(s);
    return s;
  }

  /** @internal Runs `work` as the given session's change. */
  _as<T>(session: SimSession, work: () => T): T {
    const was = this.current;
    this.current = session;
    try {
      return work();
    } finally {
      this.current = was;
    }
  }

  /** @internal Excel.run in a session. */
  async _runIn<T>(session: SimSession, batch: (context: Excel.RequestContext) => Promise<T>): Promise<T> {
    const ctx = new SimRequestContext(this, session);
    try {
      const p = batch(ctx as unknown as Excel.RequestContext);
      if (!p || typeof (p as Promise<T>).then !== "function") {
        throw new SimError("RunMustReturnPromise");
      }
      const result = await p;
      if (ctx._hasPending()) await ctx.sync();
      return result;
    } finally {
      ctx._close();
    }
  }

  /** @internal */
  _countSync(): void {
    this.syncs++;
  }

  /** @internal */
  _recordPayload(p: SyncPayload): void {
    this.payloads.push(p);
  }

  resetPayloads(): void {
    this.payloads.length = 0;
  }

  /** The largest request and the largest response of the syncs since the last resetPayloads(). */
  get largestPayload(): SyncPayload {
    return this.payloads.reduce((m, p) => ({ request: Math.max(m.request, p.request), response: Math.max(m.response, p.response) }), { request: 0, response: 0 });
  }

  /** Called after the preview should redraw (any change of cells, sheets, tables or selection). */
  onUpdate(listener: () => void): () => void {
    this.updateListeners.add(listener);
    return () => this.updateListeners.delete(listener);
  }

  /** Increases on every change; a cheap way for the preview to know it must redraw. */
  get changeVersion(): number {
    return this.version;
  }

  /** @internal */
  touch(): void {
    this.version++;
    for (const l of this.updateListeners) {
      try {
        l();
      } catch (e) {
        this.handlerErrors.push(e);
      }
    }
  }

  // -------------------------------------------------------------------------------------------
  // Calculation

  /** Recalculates every formula if anything changed since the last calculation. */
  calculate(): void {
    if (!this.dirty && this.changedSheets.size === 0) return;
    // Formulas are rewritten, sheets renamed or removed only with a calculation of the whole workbook.
    if (this.dirty) this.sheetReads.clear();
    const only = this.dirty ? undefined : this.dependents(this.changedSheets);
    this.dirty = false;
    this.changedSheets.clear();
    const state = new Map<SimCell, 1 | 2>();
    for (const sheet of this.sheets) {
      if (only && !only.has(sheet)) continue;
      for (const k of [...sheet.formulaKeys]) this.evalCell(sheet, Math.floor(k / MAX_COLS), k % MAX_COLS, state);
    }
  }

  /**
   * The changed sheets and every sheet with a formula that reads one of them, or reads a sheet so
   * found (a formula's references name their sheets: there is no INDIRECT or OFFSET here). A
   * formula on another sheet that such a formula reads is evaluated again through it, from inputs
   * that did not change.
   */
  private dependents(changed: Set<SimSheet>): Set<SimSheet> {
    const out = new Set(changed);
    const names = new Set([...changed].map((s) => s.name.toLowerCase()));
    for (let grew = true; grew; ) {
      grew = false;
      for (const sheet of this.sheets) {
        if (out.has(sheet) || sheet.formulaKeys.size === 0) continue;
        if (![...this.readsOf(sheet)].some((n) => names.has(n))) continue;
        out.add(sheet);
        names.add(sheet.name.toLowerCase());
        grew = true;
      }
    }
    return out;
  }

  private readsOf(sheet: SimSheet): Set<string> {
    let reads = this.sheetReads.get(sheet);
    if (!reads) {
      reads = new Set<string>();
      for (const k of sheet.formulaKeys) for (const n of formulaSheets(sheet.cells.get(k)?.formula ?? "")) reads.add(n === "" ? sheet.name.toLowerCase() : n);
      this.sheetReads.set(sheet, reads);
    }
    return reads;
  }

  private evalCell(sheet: SimSheet, row: number, col: number, state: Map<SimCell, 1 | 2>): Scalar {
    const cell = sheet.get(row, col);
    if (!cell) return null;
    if (cell.formula === undefined) return cell.value;
    const s = state.get(cell);
    if (s === 2) return cell.value;
    // A circular reference: Excel shows 0 and warns; here the cycle reads as #REF! so it is visible.
    if (s === 1) return REF;
    state.set(cell, 1);
    const host: FormulaHost = {
      cell: (name, r, c) => {
        const target = name === undefined ? sheet : this.sheetByName(name);
        return target ? this.evalCell(target, r, c, state) : undefined;
      },
      cells: (name, area) => {
        const target = name === undefined ? sheet : this.sheetByName(name);
        if (!target) return undefined;
        const out: Scalar[] = [];
        for (const { row: r, col: c } of target.cellsIn(area)) {
          const v = this.evalCell(target, r, c, state);
          if (v !== null) out.push(v);
        }
        return out;
      },
    };
    cell.value = evaluateFormula(cell.formula, host);
    state.set(cell, 2);
    return cell.value;
  }

  // -------------------------------------------------------------------------------------------
  // Sheets

  sheetByName(name: string): SimSheet | undefined {
    const n = name.toLowerCase();
    return this.sheets.find((s) => s.name.toLowerCase() === n);
  }

  /** @internal By name or by id, as WorksheetCollection.getItem takes either. */
  sheetByKey(key: string): SimSheet | undefined {
    return this.sheets.find((s) => s.id === key) ?? this.sheetByName(key);
  }

  private requireSheet(name: string): SimSheet {
    const s = this.sheetByName(name);
    if (!s) throw new Error(`No sheet ${name}`);
    return s;
  }

  private checkSheetName(name: string, self?: SimSheet): void {
    if (typeof name !== "string" || name.length === 0 || name.length > 31 || SHEET_NAME_FORBIDDEN.test(name) || name.startsWith("'") || name.endsWith("'") || name.trim() === "") {
      throw new SimError("InvalidArgument", `The sheet name "${String(name)}" isn't valid.`);
    }
    const other = this.sheetByName(name);
    if (other && other !== self) throw new SimError("ItemAlreadyExists", `A sheet named "${name}" already exists.`);
  }

  /** @internal */
  addSheet(name?: string): SimSheet {
    let n = name;
    if (n === undefined || n === null) {
      let i = this.sheets.length + 1;
      while (this.sheetByName(`Sheet${i}`)) i++;
      n = `Sheet${i}`;
    }
    this.checkSheetName(n);
    this.sheetSeq++;
    const id = `{00000000-0001-0000-${String(this.sheetSeq).padStart(4, "0")}-000000000000}`;
    const sheet = new SimSheet(id, n);
    this.sheets.push(sheet);
    if (!this.active) this.active = sheet;
    // Formulas that named it before it existed (#REF!) read it now: they depend on it as on a change.
    this.changedSheets.add(sheet);
    this.emit({ kind: "WorksheetAdded", sheet, args: { type: "WorksheetAdded", worksheetId: id, source: "Local" } });
    return sheet;
  }

  /** @internal */
  renameSheet(sheet: SimSheet, name: string): void {
    if (sheet.name === name) return;
    this.checkSheetName(name, sheet);
    const old = sheet.name.toLowerCase();
    this.rewriteAllFormulas((formula) =>
      mapReferences(formula, (ref) => (ref.sheet !== undefined && ref.sheet.toLowerCase() === old ? { ...ref, sheet: name } : undefined)),
    );
    sheet.name = name;
    this.dirty = true;
  }

  /** @internal */
  deleteSheet(sheet: SimSheet): void {
    const visible = this.sheets.filter((s) => s.visibility === "Visible");
    if (this.sheets.length === 1 || (sheet.visibility === "Visible" && visible.length === 1)) {
      throw new SimError("InvalidOperation", "A workbook must contain at least one visible worksheet.");
    }
    const old = sheet.name.toLowerCase();
    for (const t of this.tables.filter((x) => x.sheet === sheet)) this.removeTable(t);
    const index = this.sheets.indexOf(sheet);
    this.sheets.splice(index, 1);
    sheet.deleted = true;
    this.rewriteAllFormulas((formula) =>
      mapReferences(formula, (ref) => (ref.sheet !== undefined && ref.sheet.toLowerCase() === old ? `#REF!${refText({ ...ref, sheet: undefined })}` : undefined)),
    );
    if (this.active === sheet) {
      const next = this.sheets.slice(index).find((s) => s.visibility === "Visible") ?? [...this.sheets].reverse().find((s) => s.visibility === "Visible")!;
      this.active = next;
      this.emit({ kind: "WorksheetActivated", sheet: next, args: { type: "WorksheetActivated", worksheetId: next.id } });
    }
    for (const reg of this.registrations) if (reg.scope.sheet === sheet || reg.scope.tablesOf === sheet) reg.removed = true;
    this.dirty = true;
    this.emit({ kind: "WorksheetDeleted", sheet, args: { type: "WorksheetDeleted", worksheetId: sheet.id, source: "Local" } });
  }

  /** @internal */
  moveSheet(sheet: SimSheet, position: number): void {
    if (!Number.isInteger(position) || position < 0 || position >= this.sheets.length) throw new SimError("InvalidArgument", "The position is outside the worksheet collection.");
    this.sheets.splice(this.sheets.indexOf(sheet), 1);
    this.sheets.splice(position, 0, sheet);
  }

  /** @internal */
  setVisibility(sheet: SimSheet, v: string): void {
    if (!VISIBILITIES.includes(v as Visibility)) throw new SimError("InvalidArgument", `Not a sheet visibility: ${v}`);
    const vis = v as Visibility;
    if (vis !== "Visible" && sheet.visibility === "Visible") {
      if (this.sheets.filter((s) => s.visibility === "Visible").length === 1) {
        throw new SimError("InvalidOperation", "A workbook must contain at least one visible worksheet.");
      }
    }
    sheet.visibility = vis;
    if (vis !== "Visible" && this.active === sheet) {
      const i = this.sheets.indexOf(sheet);
      const next = this.sheets.slice(i + 1).find((s) => s.visibility === "Visible") ?? [...this.sheets.slice(0, i)].reverse().find((s) => s.visibility === "Visible")!;
      this.activate(next);
    }
  }

  /** @internal */
  activate(sheet: SimSheet): void {
    if (sheet.visibility !== "Visible") throw new SimError("InvalidOperation", "A hidden worksheet can't be activated.");
    if (this.active === sheet) return;
    const old = this.active;
    this.active = sheet;
    this.emit({ kind: "WorksheetDeactivated", sheet: old, args: { type: "WorksheetDeactivated", worksheetId: old.id } });
    this.emit({ kind: "WorksheetActivated", sheet, args: { type: "WorksheetActivated", worksheetId: sheet.id } });
  }

  /** @internal */
  select(sheet: SimSheet, r: Rect): void {
    if (sheet.visibility !== "Visible") throw new SimError("InvalidOperation", "A range on a hidden worksheet can't be selected.");
    this.activate(sheet);
    sheet.selection = { ...r };
    this.emit({ kind: "WorksheetSelectionChanged", sheet, args: { type: "WorksheetSelectionChanged", worksheetId: sheet.id, address: rectA1(r) } });
  }

  private rewriteAllFormulas(rewrite: (formula: string, sheet: SimSheet) => string): void {
    for (const s of this.sheets) {
      for (const k of s.formulaKeys) {
        const cell = s.cells.get(k)!;
        const next = rewrite(cell.formula!, s);
        if (next !== cell.formula) {
          cell.formula = next;
          this.dirty = true;
        }
      }
    }
  }

  /** @internal Rewrites formulas of every sheet (used by shifts). */
  _rewriteFormulas(rewrite: (formula: string, sheet: SimSheet) => string): void {
    this.rewriteAllFormulas(rewrite);
  }

  // -------------------------------------------------------------------------------------------
  // Cells

  /** @internal */
  putEntry(s: SimSheet, row: number, col: number, entry: Entry): void {
    const cell = s.ensure(row, col);
    if ("formula" in entry || cell.formula !== undefined) this.sheetReads.delete(s);
    if ("formula" in entry) {
      cell.formula = entry.formula;
      cell.value = null;
    } else {
      delete cell.formula;
      cell.value = entry.value;
    }
    s.tidy(row, col);
    this.changedSheets.add(s);
  }

  /** An Office.js input (values/formulas/numberFormat) as a function of (i, j), checking its shape. */
  private inputAt(input: unknown, r: Rect, broadcastOneByOne: boolean): (i: number, j: number) => unknown {
    if (!Array.isArray(input)) return () => input;
    const rows = rowsOf(r);
    const cols = colsOf(r);
    if (input.length === 1 && Array.isArray(input[0]) && input[0].length === 1 && broadcastOneByOne) {
      const v = (input[0] as unknown[])[0];
      return () => v;
    }
    if (input.length !== rows || input.some((row) => !Array.isArray(row) || row.length !== cols)) {
      throw new SimError("InvalidArgument", SHAPE_MISMATCH);
    }
    return (i, j) => (input[i] as unknown[])[j];
  }

  /** @internal Range.values / Range.formulas. */
  writeCells(s: SimSheet, r: Rect, input: unknown, trigger: TriggerSource, emit = true): void {
    if (isUnbounded(r)) throw new SimError("InvalidArgument", "Cell values can't be set on an entire row or column; use a bounded range.");
    const at = this.inputAt(input, r, false);
    const fill = !Array.isArray(input) && areaOf(r) > 1;
    // Check everything first: Excel applies a rejected write to no cell.
    const entries: (Entry | undefined)[] = [];
    for (let i = 0; i < rowsOf(r); i++) {
      for (let j = 0; j < colsOf(r); j++) {
        const v = at(i, j);
        if (v === null || v === undefined) {
          entries.push(undefined);
          continue;
        }
        let entry: Entry;
        if (typeof v === "string") {
          entry = readEntry(v, s.get(r.r0 + i, r.c0 + j)?.numberFormat);
          checkCellLimits(entry);
          if ("formula" in entry) {
            const problem = formulaSyntaxError(entry.formula);
            if (problem) throw new SimError("InvalidArgument", `The formula "${v}" isn't valid: ${problem}`);
            if (fill) entry = { formula: offsetFormula(entry.formula, i, j) };
          }
        } else if (typeof v === "number") {
          if (!Number.isFinite(v)) throw new SimError("InvalidArgument", `${v} can't be written into a cell.`);
          entry = { value: v };
        } else if (typeof v === "boolean") {
          entry = { value: v };
        } else {
          throw new SimError("InvalidArgument", `A ${typeof v} can't be written into a cell.`);
        }
        entries.push(entry);
      }
    }
    const before = this.detailsBefore(s, r);
    let n = 0;
    for (let i = 0; i < rowsOf(r); i++) {
      for (let j = 0; j < colsOf(r); j++) {
        const entry = entries[n++];
        if (!entry) continue;
        this.cellWriteCount++;
        const v = at(i, j);
        if (typeof v === "string") {
          const implied = impliedNumberFormat(v);
          if (implied && s.get(r.r0 + i, r.c0 + j)?.numberFormat === undefined) s.ensure(r.r0 + i, r.c0 + j).numberFormat = implied;
        }
        this.putEntry(s, r.r0 + i, r.c0 + j, entry);
      }
    }
    // Writing under a table through the API extends it as typing does (AutoExpansion), when something was written.
    if (emit && entries.some((e) => e !== undefined && !("value" in e && (e.value === null || e.value === "")))) this.expandBelow(s, r);
    this.afterCellWrite(s, r);
    if (emit) this.emitChanged(s, r, "RangeEdited", trigger, before);
  }

  /** @internal Range.numberFormat: a 1×1 array or a scalar fills the range, as Excel allows. */
  writeNumberFormat(s: SimSheet, r: Rect, input: unknown): void {
    const at = this.inputAt(input, r, true);
    const each = (row: number, col: number, v: unknown) => {
      if (v === null || v === undefined) return;
      if (typeof v !== "string" && typeof v !== "number") throw new SimError("InvalidArgument", "A number format must be text.");
      const f = String(v);
      const cell = s.ensure(row, col);
      this.cellWriteCount++;
      cell.numberFormat = f === "General" ? undefined : f;
      s.tidy(row, col);
    };
    if (isUnbounded(r) || areaOf(r) > FORMAT_FILL_LIMIT) {
      if (Array.isArray(input) && !(input.length === 1 && Array.isArray(input[0]) && input[0].length === 1)) {
        throw new SimError("InvalidArgument", SHAPE_MISMATCH);
      }
      for (const { row, col } of s.cellsIn(r)) each(row, col, at(0, 0));
      return;
    }
    for (let i = 0; i < rowsOf(r); i++) for (let j = 0; j < colsOf(r); j++) each(r.r0 + i, r.c0 + j, at(i, j));
  }

  /** @internal Clear(applyTo): "All" (contents, formats, notes, conditional formats), "Contents", "Formats". */
  clearRange(s: SimSheet, r: Rect, applyTo: string, trigger: TriggerSource): void {
    const what = applyTo ?? "All";
    const contents = what === "All" || what === "Contents" || what === "ResetContents";
    const formats = what === "All" || what === "Formats";
    if (!["All", "Contents", "Formats", "Hyperlinks", "RemoveHyperlinks", "ResetContents"].includes(what)) {
      throw new SimError("InvalidArgument", `Not a ClearApplyTo value: ${what}`);
    }
    const before = contents ? this.detailsBefore(s, r) : undefined;
    for (const { row, col, cell } of s.cellsIn(r)) {
      if (contents) {
        cell.value = null;
        delete cell.formula;
      }
      if (formats) {
        delete cell.numberFormat;
        delete cell.format;
      }
      if (what === "All") delete cell.note;
      s.tidy(row, col);
    }
    if (formats) s.conditionalFormats = s.conditionalFormats.filter((cf) => !contains(r, cf.rect));
    if (contents) {
      this.dirty = true;
      this.afterCellWrite(s, r);
      // Excel raises onChanged for a clear even when the cells were already empty.
      this.emitChanged(s, r, "RangeEdited", trigger, before);
    }
  }

  /** @internal Applies a format change to every cell of the range (only existing cells of huge ranges). */
  formatCells(s: SimSheet, r: Rect, apply: (f: SimCellFormat) => void): void {
    const each = (row: number, col: number) => {
      const cell = s.ensure(row, col);
      this.cellWriteCount++;
      const f = (cell.format ??= {});
      apply(f);
      if (f.font && Object.keys(f.font).length === 0) delete f.font;
      if (Object.keys(f).length === 0) delete cell.format;
      s.tidy(row, col);
    };
    if (isUnbounded(r) || areaOf(r) > FORMAT_FILL_LIMIT) {
      for (const { row, col } of s.cellsIn(r)) each(row, col);
      return;
    }
    for (let row = r.r0; row <= r.r1; row++) for (let col = r.c0; col <= r.c1; col++) each(row, col);
  }

  /** @internal */
  setValidation(s: SimSheet, r: Rect, patch: (v: SimValidation) => void): void {
    if (areaOf(r) > FORMAT_FILL_LIMIT) throw new SimError("InvalidArgument", "Data validation on this many cells is not supported by the in-memory workbook.");
    // Cells that shared a validation share the patched one (validations are never mutated in place).
    const patched = new Map<SimValidation | undefined, SimValidation>();
    for (let row = r.r0; row <= r.r1; row++) {
      for (let col = r.c0; col <= r.c1; col++) {
        const cell = s.ensure(row, col);
        let v = patched.get(cell.validation);
        if (!v) {
          v = cell.validation ? clone(cell.validation) : defaultValidation();
          patch(v);
          patched.set(cell.validation, v);
        }
        cell.validation = v;
      }
    }
  }

  /** @internal */
  clearValidation(s: SimSheet, r: Rect): void {
    for (const { row, col, cell } of s.cellsIn(r)) {
      delete cell.validation;
      s.tidy(row, col);
    }
  }

  /** @internal */
  addConditionalFormat(s: SimSheet, r: Rect, type: string): SimConditionalFormat {
    const known = ["DataBar", "Custom", "CellValue", "ColorScale", "IconSet", "TopBottom", "PresetCriteria", "ContainsText"];
    if (!known.includes(type)) throw new SimError("InvalidArgument", `Not a conditional format type: ${type}`);
    for (const cf of s.conditionalFormats) cf.priority++;
    const cf: SimConditionalFormat = { id: `{CF-${++this.cfSeq}}`, rect: { ...r }, type, priority: 0, stopIfTrue: false, props: {} };
    s.conditionalFormats.push(cf);
    return cf;
  }

  /** @internal Removes the conditional formats that touch the range. */
  clearConditionalFormats(s: SimSheet, r: Rect): void {
    s.conditionalFormats = s.conditionalFormats.filter((cf) => !intersects(cf.rect, r));
    s.conditionalFormats.sort((a, b) => a.priority - b.priority).forEach((cf, i) => (cf.priority = i));
  }

  /** @internal Grows conditional formats that end on `lastRow` of a table's columns by `n` rows. */
  extendConditionalFormats(t: SimTable, lastRow: number, n: number): void {
    for (const cf of t.sheet.conditionalFormats) {
      if (cf.rect.r1 === lastRow && cf.rect.r0 > t.rect.r0 && cf.rect.c0 >= t.rect.c0 && cf.rect.c1 <= t.rect.c1) cf.rect.r1 += n;
    }
  }

  /** After values changed in a range: table headers stay unique text. */
  private afterCellWrite(s: SimSheet, r: Rect): void {
    for (const t of this.tables) if (t.sheet === s && intersects(t.headerRect, r)) this.normalizeHeaders(t);
  }

  // -------------------------------------------------------------------------------------------
  // Reading ranges (Office.js shapes)

  /** @internal */
  readValues(s: SimSheet, r: Rect): (string | number | boolean)[][] {
    this.calculate();
    return this.grid(r, (row, col) => officeValue(s.get(row, col)?.value ?? null));
  }

  /** @internal */
  readFormulas(s: SimSheet, r: Rect): (string | number | boolean)[][] {
    this.calculate();
    return this.grid(r, (row, col) => {
      const c = s.get(row, col);
      if (c?.formula !== undefined) return `=${c.formula}`;
      return officeValue(c?.value ?? null);
    });
  }

  /** @internal */
  readValueTypes(s: SimSheet, r: Rect): string[][] {
    this.calculate();
    return this.grid(r, (row, col) => valueType(s.get(row, col)?.value ?? null));
  }

  /** @internal */
  readNumberFormats(s: SimSheet, r: Rect): string[][] {
    const local = this.localFormats ? this.locale : "en";
    return this.grid(r, (row, col) => localFormat(s.get(row, col)?.numberFormat ?? "General", local));
  }

  /** @internal */
  readText(s: SimSheet, r: Rect): string[][] {
    this.calculate();
    return this.grid(r, (row, col) => {
      const c = s.get(row, col);
      return displayText(c?.value ?? null, c?.numberFormat);
    });
  }

  private grid<T>(r: Rect, at: (row: number, col: number) => T): T[][] {
    if (areaOf(r) > 5_000_000) throw new SimError("InvalidArgument", "The range is too large to read; use getUsedRange().");
    const out: T[][] = [];
    for (let row = r.r0; row <= r.r1; row++) {
      const line: T[] = [];
      for (let col = r.c0; col <= r.c1; col++) line.push(at(row, col));
      out.push(line);
    }
    return out;
  }

  /** @internal The value of a one-cell range before a change, for the event's details (only while events are on). */
  detailsBefore(s: SimSheet, r: Rect): { value: CellValue } | undefined {
    if (!this.anyListening() || r.r0 !== r.r1 || r.c0 !== r.c1) return undefined;
    const cell = s.get(r.r0, r.c0);
    if (cell?.formula !== undefined) this.calculate();
    return { value: cell?.value ?? null };
  }

  // -------------------------------------------------------------------------------------------
  // Tables

  tableByName(name: string): SimTable | undefined {
    const n = name.toLowerCase();
    return this.tables.find((t) => t.name.toLowerCase() === n);
  }

  /** @internal By name or id. */
  tableByKey(key: string): SimTable | undefined {
    return this.tables.find((t) => t.id === key) ?? this.tableByName(key);
  }

  private checkTableName(name: string, self?: SimTable): void {
    const looksLikeCell = /^[A-Za-z]{1,3}\d+$/.test(name) && parseRange(name) !== undefined;
    const looksLikeR1C1 = /^[RrCc]$/.test(name) || /^R\d*C\d*$/i.test(name);
    if (typeof name !== "string" || name.length === 0 || name.length > 255 || !TABLE_NAME.test(name) || looksLikeCell || looksLikeR1C1) {
      throw new SimError("InvalidArgument", `The table name "${String(name)}" isn't valid. Names begin with a letter or underscore and have no spaces.`);
    }
    const other = this.tableByName(name);
    if (other && other !== self) throw new SimError("ItemAlreadyExists", `A table named "${name}" already exists.`);
  }

  private checkOverlap(s: SimSheet, r: Rect, self?: SimTable): void {
    if (this.tables.some((t) => t !== self && t.sheet === s && intersects(t.rect, r))) throw new SimError("InvalidOperation", TABLE_OVERLAP);
  }

  /** @internal TableCollection.add. */
  addTable(s: SimSheet, r: Rect, hasHeaders: boolean): SimTable {
    if (isUnbounded(r)) throw new SimError("InvalidArgument", "A table can't span entire rows or columns.");
    let tr = { ...r };
    this.checkOverlap(s, tr);
    if (!hasHeaders) {
      // Excel adds a header row above the data, shifting the data down one row.
      insertCells(this, s, { r0: r.r0, c0: r.c0, r1: r.r0, c1: r.c1 }, "Down", "ThisLocalAddin");
      tr = { ...r, r1: r.r1 + 1 };
    } else if (r.r0 === r.r1) {
      // A header-only range gets one blank body row.
      if (r.r1 + 1 >= MAX_ROWS) throw new SimError("InvalidArgument", "No room for the table's body.");
      tr = { ...r, r1: r.r1 + 1 };
    }
    this.checkOverlap(s, tr);
    let i = this.tables.length + 1;
    while (this.tableByName(`Table${i}`)) i++;
    const t = new SimTable(String(++this.tableSeq), `Table${i}`, s, tr);
    this.tables.push(t);
    this.normalizeHeaders(t);
    this.dirty = true;
    return t;
  }

  /** @internal */
  renameTable(t: SimTable, name: string): void {
    if (t.name === name) return;
    this.checkTableName(name, t);
    t.name = name;
  }

  /** @internal */
  removeTable(t: SimTable): void {
    const i = this.tables.indexOf(t);
    if (i >= 0) this.tables.splice(i, 1);
    detachTable(this.sheets, t);
    t.deleted = true;
    for (const reg of this.registrations) if (reg.scope.table === t) reg.removed = true;
  }

  /** @internal Table.delete(): the table and what it held go. */
  deleteTable(t: SimTable): void {
    const r = t.rect;
    this.removeTable(t);
    this.clearRange(t.sheet, r, "All", "ThisLocalAddin");
  }

  /** @internal Table.resize(): the header stays on its row and the new range overlaps the old. */
  resizeTable(t: SimTable, s: SimSheet, r: Rect): void {
    if (s !== t.sheet) throw new SimError("InvalidArgument", "A table can't be moved to another sheet.");
    if (r.r0 !== t.rect.r0 || !intersects(r, t.rect) || r.r1 <= r.r0) throw new SimError("InvalidArgument", "The header row must stay where it is and the new range must overlap the table.");
    this.checkOverlap(s, r, t);
    const oldCols = t.columnCount;
    const newCols = colsOf(r);
    if (newCols > oldCols) for (let k = oldCols; k < newCols; k++) t.columnIds.push(t.nextColumnId++);
    else t.columnIds.length = newCols;
    t.rect = { ...r };
    this.normalizeHeaders(t);
  }

  /** @internal Header cells hold unique text; blanks become Column1, Column2 … (Kolonne1 … in Norwegian), repeats get 2, 3 … */
  normalizeHeaders(t: SimTable): void {
    if (!t.showHeaders) return;
    const seen = new Set<string>();
    for (let c = t.rect.c0; c <= t.rect.c1; c++) {
      const cell = t.sheet.get(t.rect.r0, c);
      const v = cell?.value ?? null;
      let name = v === null || v === "" ? "" : typeof v === "number" ? generalText(v) : typeof v === "boolean" ? (v ? "TRUE" : "FALSE") : isErr(v) ? v.error : String(v);
      if (name === "") {
        // Excel names a column without a header Column1 … (Kolonne1 … in Norwegian).
        const word = this.locale === "nb" ? "Kolonne" : "Column";
        let k = c - t.rect.c0 + 1;
        while (seen.has(`${word.toLowerCase()}${k}`)) k++;
        name = `${word}${k}`;
      }
      if (seen.has(name.toLowerCase())) {
        let k = 2;
        while (seen.has(`${name}${k}`.toLowerCase())) k++;
        name = `${name}${k}`;
      }
      seen.add(name.toLowerCase());
      if (cell?.value !== name || cell.formula !== undefined) {
        const target = t.sheet.ensure(t.rect.r0, c);
        target.value = name;
        delete target.formula;
        t.sheet.tidy(t.rect.r0, c);
        this.dirty = true;
      }
    }
  }

  /** @internal TableRowCollection.add(index, values). */
  addTableRows(t: SimTable, index: number | null | undefined, values: unknown, trigger: TriggerSource): Rect {
    const width = t.columnCount;
    let rows: unknown[][];
    if (values === undefined || values === null) rows = [new Array<unknown>(width).fill(null)];
    else {
      if (!Array.isArray(values) || values.length === 0 || values.some((row) => !Array.isArray(row) || row.length !== width)) {
        throw new SimError("InvalidArgument", SHAPE_MISMATCH);
      }
      rows = values as unknown[][];
    }
    const body = t.bodyRect;
    const count = t.bodyRowCount;
    if (index !== undefined && index !== null && (!Number.isInteger(index) || index < 0 || index > count)) {
      throw new SimError("InvalidArgument", `The row index ${index} is outside the table.`);
    }
    const at = index === undefined || index === null ? body.r1 + 1 : body.r0 + index;
    const n = rows.length;
    if (t.rect.r1 + n >= MAX_ROWS) throw new SimError("InvalidOperation", "No room below the table.");
    const band: Rect = { r0: at, c0: t.rect.c0, r1: at + n - 1, c1: t.rect.c1 };
    insertCells(this, t.sheet, band, "Down", trigger, t);
    t.rect = { ...t.rect, r1: t.rect.r1 + n };
    if (at === body.r1 + 1) this.extendConditionalFormats(t, body.r1, n);
    // New rows take the formats and validation of the row above (or below, at the top).
    const model = at - 1 > t.rect.r0 ? at - 1 : at + n <= t.bodyRect.r1 ? at + n : undefined;
    if (model !== undefined) {
      for (let c = t.rect.c0; c <= t.rect.c1; c++) {
        const src = t.sheet.get(model, c);
        if (!src || (src.numberFormat === undefined && src.format === undefined && src.validation === undefined)) continue;
        for (let row = at; row < at + n; row++) {
          const cell = t.sheet.ensure(row, c);
          if (src.numberFormat !== undefined) cell.numberFormat = src.numberFormat;
          if (src.format !== undefined) cell.format = clone(src.format);
          if (src.validation !== undefined) cell.validation = src.validation;
        }
      }
    }
    if (values !== undefined && values !== null) this.writeCells(t.sheet, band, rows, trigger, false);
    this.emitChanged(t.sheet, band, "RowInserted", trigger);
    return band;
  }

  /** @internal TableColumnCollection.add(index, values, name). */
  addTableColumn(t: SimTable, index: number | null | undefined, values: unknown, name: string | undefined, trigger: TriggerSource): number {
    const count = t.columnCount;
    if (index !== undefined && index !== null && (!Number.isInteger(index) || index < 0 || index > count)) {
      throw new SimError("InvalidArgument", `The column index ${index} is outside the table.`);
    }
    const at = index === undefined || index === null ? t.rect.c1 + 1 : t.rect.c0 + index;
    if (t.rect.c1 + 1 >= MAX_COLS) throw new SimError("InvalidOperation", "No room right of the table.");
    const band: Rect = { r0: t.rect.r0, c0: at, r1: t.rect.r1, c1: at };
    insertCells(this, t.sheet, band, "Right", trigger, t);
    t.rect = { ...t.rect, c1: t.rect.c1 + 1 };
    t.columnIds.splice(at - t.rect.c0, 0, t.nextColumnId++);
    if (values !== undefined && values !== null) {
      const rows = rowsOf(t.rect);
      if (!Array.isArray(values) || (values.length !== rows && values.length !== rows - 1)) throw new SimError("InvalidArgument", SHAPE_MISMATCH);
      const target = values.length === rows ? band : { ...band, r0: band.r0 + 1 };
      this.writeCells(t.sheet, target, values, trigger, false);
    }
    if (name !== undefined && name !== null) this.putEntry(t.sheet, t.rect.r0, at, { value: String(name) });
    this.normalizeHeaders(t);
    this.emitChanged(t.sheet, band, "ColumnInserted", trigger);
    return t.columnIds[at - t.rect.c0];
  }

  /** @internal showTotals: the totals row is the row under the body. */
  setShowTotals(t: SimTable, show: boolean): void {
    if (show === t.showTotals) return;
    if (show) {
      const grown = { ...t.rect, r1: t.rect.r1 + 1 };
      this.checkOverlap(t.sheet, grown, t);
      t.rect = grown;
      t.showTotals = true;
      this.putEntry(t.sheet, grown.r1, grown.c0, { value: "Total" });
    } else {
      const row = { ...t.rect, r0: t.rect.r1 };
      t.showTotals = false;
      t.rect = { ...t.rect, r1: t.rect.r1 - 1 };
      this.clearRange(t.sheet, row, "Contents", "ThisLocalAddin");
    }
  }

  // -------------------------------------------------------------------------------------------
  // Events

  /** Whether any session's add-in would hear of a change now. */
  private anyListening(): boolean {
    return this.sessions.some((x) => x.eventsEnabled);
  }

  /** @internal */
  emit(e: Omit<PendingEvent, "origin" | "muted">): void {
    if (!this.anyListening()) return;
    this.pending.push({ ...e, origin: this.current, muted: this.sessions.filter((x) => !x.eventsEnabled) });
  }

  /** @internal A change of cells: WorksheetChanged for the sheet, TableChanged for each table it touches. */
  emitChanged(s: SimSheet, r: Rect, changeType: ChangeType, trigger: TriggerSource, before?: { value: CellValue }): void {
    if (!this.anyListening()) return;
    let details: Record<string, unknown> | undefined;
    if (before && r.r0 === r.r1 && r.c0 === r.c1) {
      const cell = s.get(r.r0, r.c0);
      if (cell?.formula !== undefined) this.calculate();
      const after = cell?.value ?? null;
      details = {
        valueBefore: officeValue(before.value),
        valueAfter: officeValue(after),
        valueTypeBefore: valueType(before.value),
        valueTypeAfter: valueType(after),
      };
    }
    const base = { changeType, source: "Local", worksheetId: s.id, triggerSource: trigger, details };
    this.emit({ kind: "WorksheetChanged", sheet: s, args: { ...base, type: "WorksheetChanged", address: rectA1(r) } });
    for (const t of this.tables) {
      if (t.sheet !== s) continue;
      const part = intersection(t.rect, r);
      if (!part) continue;
      this.emit({ kind: "TableChanged", sheet: s, table: t, args: { ...base, type: "TableChanged", tableId: t.id, address: rectA1(part) } });
    }
  }

  /** @internal Delivers the queued events to their handlers after a microtask. */
  flushEvents(): void {
    if (this.pending.length === 0) return;
    const events = this.pending;
    this.pending = [];
    const regs = this.registrations.filter((r) => !r.removed);
    void Promise.resolve().then(() => {
      for (const e of events) {
        for (const reg of regs) {
          if (reg.removed || reg.kind !== e.kind || !this.matches(reg.scope, e)) continue;
          if (e.muted.includes(reg.session) || (reg.session !== e.origin && LOCAL_ONLY.has(e.kind))) continue;
          const args = this.eventArgs(e);
          if (reg.session !== e.origin) {
            // A co-author's change: Remote, and not this add-in's own doing.
            if ("source" in args) args.source = "Remote";
            if ("triggerSource" in args) args.triggerSource = "Unknown";
          }
          try {
            const out = reg.handler(args);
            if (out && typeof (out as Promise<unknown>).then === "function") {
              (out as Promise<unknown>).then(undefined, (err: unknown) => this.handlerErrors.push(err));
            }
          } catch (err) {
            this.handlerErrors.push(err);
          }
        }
      }
    });
  }

  private matches(scope: EventScope, e: PendingEvent): boolean {
    if (scope.table) return e.table === scope.table;
    if (scope.tablesOf) return e.table !== undefined && e.table.sheet === scope.tablesOf;
    if (scope.sheet) return e.sheet === scope.sheet;
    return true;
  }

  private eventArgs(e: PendingEvent): Record<string, unknown> {
    const args: Record<string, unknown> = { ...e.args };
    if (args.details === undefined) delete args.details;
    const address = typeof args.address === "string" ? args.address : undefined;
    const sheetId = e.sheet.id;
    if (address !== undefined) {
      args.getRange = (ctx: Excel.RequestContext) => ctx.workbook.worksheets.getItem(sheetId).getRange(address);
      args.getRangeOrNullObject = (ctx: Excel.RequestContext) => ctx.workbook.worksheets.getItem(sheetId).getRange(address);
    }
    return args;
  }

  /** @internal Work after a batch ran: recalculate, deliver events, tell the preview. */
  _afterBatch(changed: boolean): void {
    this.calculate();
    this.flushEvents();
    if (changed) this.touch();
  }

  /** Rows × columns of a sheet's used range (values only), for the preview. */
  usedArea(sheet: string): { rows: number; cols: number } {
    const r = this.requireSheet(sheet).usedRect(true);
    return r ? { rows: r.r1 + 1, cols: r.c1 + 1 } : { rows: 0, cols: 0 };
  }

}

