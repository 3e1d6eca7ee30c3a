/**
 * The proxy objects of the Excel JavaScript API over a SimWorkbook, with Office's semantics:
 *
 * - Objects returned by methods (getItem, getRange, add …) are instantiated at their place in the
 *   batch when the next sync runs: a missing sheet or table rejects that sync with ItemNotFound;
 *   `*OrNullObject` methods give a null object instead (`isNullObject` after the sync).
 * - Reading a property that was not loaded and synced throws PropertyNotLoaded. Setting a
 *   property keeps the value on the proxy (as Office.js does) and queues the write.
 * - Property sets and method calls are queued and applied at `context.sync()`, in order. A load
 *   reads the workbook at its place in the batch, so a load queued before a write sees the value
 *   before the write; the loaded values become readable when the sync resolves.
 * - A failing operation rejects the sync; the operations before it stay applied, none after it
 *   run, and nothing loaded in that batch becomes readable.
 * - Objects of a context whose `run` has ended cannot queue anything (InvalidObjectPath).
 */
import type { CellValue } from "../core/cell";
import {
  MAX_COLS,
  MAX_ROWS,
  areaOf,
  boundingRect,
  colsOf,
  inBounds,
  intersection,
  isEntireColumns,
  isEntireRows,
  parseRange,
  rowsOf,
  sheetAddress,
  type Rect,
} from "./a1";
import { clone } from "./clone";
import { SimError, propertyNotLoaded } from "./errors";
import { deleteCells, insertCells } from "./shift";
import { DEFAULT_COLUMN_WIDTH, defaultValidation, type SimCellFormat, type SimConditionalFormat, type SimSheet, type SimTable, type SimValidation } from "./sheet";
import type { EventScope, Registration, SimEventKind, SimSession, SimWorkbook } from "./workbook";
import { displayText } from "./values";
import { ACTION_BYTES, ITEM_BYTES, RESULT_BYTES, jsonBytes, utf8Length } from "./payload";

const ADDIN: "ThisLocalAddin" = "ThisLocalAddin";

interface Op {
  where: string;
  run: () => void;
  /** Whether the operation changes the workbook (for redrawing the preview). */
  write: boolean;
  /** What the operation adds to the request, in bytes (its action and its arguments as JSON). */
  bytes: number;
}

type LoadOption = string | string[] | { select?: string | string[]; expand?: string | string[] } | undefined;

function loadPaths(option: unknown): string[] {
  if (option === undefined || option === null) return [];
  if (typeof option === "string") return option.split(",").map((s) => s.trim()).filter(Boolean);
  if (Array.isArray(option)) return option.flatMap((o) => loadPaths(o));
  if (typeof option === "object") {
    const o = option as { select?: unknown; expand?: unknown };
    return [...loadPaths(o.select), ...loadPaths(o.expand)];
  }
  return [];
}


const notFound = (what: string) => new SimError("ItemNotFound", `The requested resource doesn't exist: ${what}.`);

// -----------------------------------------------------------------------------------------------
// Request context

/** Methods that make something (a sheet, table, row, chart …), not look it up. */
const CREATES = /\.(add|insert|convertToRange)$/;

export class SimRequestContext {
  readonly workbook: SimWorkbookObject;
  readonly runtime: SimRuntime;
  readonly application: SimApplication;
  /** Excel.run tracks objects automatically; these are no-ops kept for code that calls them. */
  readonly trackedObjects = { add: (_o: unknown): void => undefined, remove: (_o: unknown): void => undefined };
  /** @internal */ _queue: Op[] = [];
  /** @internal */ private commits: (() => void)[] | undefined;
  /** @internal */ _closed = false;
  /** @internal Bytes of the response of the sync that is running (what its loads read). */
  _response = 0;

  constructor(
    readonly _wb: SimWorkbook,
    /** @internal The co-author's Excel this context belongs to. */
    readonly _session: SimSession = _wb.mainSession,
  ) {
    this.workbook = new SimWorkbookObject(this);
    this.runtime = new SimRuntime(this);
    this.application = new SimApplication(this);
  }

  /** @internal */
  _enqueue(where: string, run: () => void, write: boolean, args?: unknown): void {
    if (this._closed) throw new SimError("InvalidObjectPath", undefined, where);
    const bytes = ACTION_BYTES + utf8Length(where) + (args === undefined ? 0 : jsonBytes(args));
    this._queue.push({ where, run, write, bytes });
  }

  /** @internal Adds to the response of the running sync. */
  _respond(bytes: number): void {
    this._response += bytes;
  }

  /** @internal Registers what a load read, to become visible when the sync succeeds. */
  _commit(c: () => void): void {
    if (!this.commits) throw new SimError("GeneralException", "A load ran outside a sync.");
    this.commits.push(c);
  }

  /** @internal */
  _hasPending(): boolean {
    return this._queue.length > 0;
  }

  /** @internal */
  _close(): void {
    this._closed = true;
    this._queue = [];
  }

  /** Runs the queued operations in order; counted on the workbook's syncCount. */
  async sync<T>(passThroughValue?: T): Promise<T> {
    if (this._closed) throw new SimError("InvalidRequestContext", "The request context was used after its Excel.run had ended.");
    this._wb._countSync();
    const ops = this._queue;
    this._queue = [];
    const commits: (() => void)[] = [];
    this.commits = commits;
    let failure: unknown;
    const was = this._wb.current;
    this._wb.current = this._session;
    // Excel on the web refuses a request over its payload limit before running any of it.
    const request = ops.reduce((n, o) => n + o.bytes + 1, 40);
    const limit = this._wb.payloadLimit;
    this._response = 40;
    if (limit !== null && request > limit) failure = new SimError("RequestPayloadSizeLimitExceeded");
    else {
      for (const op of ops) {
        try {
          op.run();
        } catch (e) {
          failure = e instanceof SimError ? e.at(op.where) : e;
          break;
        }
      }
      // A response over the limit is not delivered: what ran stays done, nothing loaded is readable.
      if (failure === undefined && limit !== null && this._response > limit) failure = new SimError("ResponsePayloadSizeLimitExceeded");
    }
    this.commits = undefined;
    this._wb._recordPayload({ request, response: this._response });
    this._wb._afterBatch(ops.some((o) => o.write));
    this._wb.current = was;
    await Promise.resolve();
    if (failure !== undefined) throw failure;
    for (const c of commits) c();
    return passThroughValue as T;
  }
}

// -----------------------------------------------------------------------------------------------
// Base of every proxy

interface Prop<T> {
  get?: (t: T) => unknown;
  set?: (t: T, v: unknown) => void;
  /** Left out of a load() without arguments. */
  noDefault?: boolean;
}

type Props<T> = Record<string, Prop<T>>;
type Navs = Record<string, () => SimClientObject<any>>;

export abstract class SimClientObject<T> {
  /** @internal */ _loaded = new Map<string, unknown>();
  /** @internal */ _target: T | null | undefined;
  /** @internal */ _isNull: boolean | undefined;
  /** @internal */ _derive?: () => T | null;
  /** @internal */ _parent?: SimClientObject<unknown>;
  /** @internal */ abstract readonly _entity: string;

  constructor(readonly context: SimRequestContext) {}

  /** @internal */ protected _props(): Props<T> {
    return {};
  }

  /** @internal */ protected _navs(): Navs {
    return {};
  }

  /** @internal */ protected _check(_t: T): void {}

  /** @internal The object in the workbook, or null for a null object. */
  _tOrNull(): T | null {
    let t: T | null | undefined;
    if (this._derive) t = this._derive();
    else t = this._target;
    if (t === undefined) throw new SimError("InvalidObjectPath", `${this._entity} was used before the operation that creates it ran.`);
    if (t !== null) this._check(t);
    return t;
  }

  /** @internal The object in the workbook; a null object fails with ItemNotFound. */
  _t(): T {
    const t = this._tOrNull();
    if (t === null) throw notFound(this._entity);
    return t;
  }

  /**
   * @internal Created by a method: instantiated at this place of the batch. A lookup (getItem,
   * getRange …) changes nothing, so a batch of lookups and loads does not redraw the preview;
   * add, insert and convertToRange do.
   */
  _instantiate(where: string, resolve: () => T | null, args?: unknown[]): this {
    this.context._enqueue(where, () => {
      const t = resolve();
      this._target = t;
      this._isNull = t === null;
    }, CREATES.test(where), args);
    return this;
  }

  /** @internal Created from the result of a sync (collection items). */
  _fix(t: T): this {
    this._target = t;
    this._isNull = false;
    return this;
  }

  /** @internal A navigation property of another object (format, fill, rows …). */
  _deriveFrom<P>(parent: SimClientObject<P>, derive: (p: P) => T | null): this {
    this._parent = parent as SimClientObject<unknown>;
    this._derive = () => {
      const p = parent._tOrNull();
      return p === null ? null : derive(p);
    };
    return this;
  }

  get isNullObject(): boolean {
    if (this._parent) return this._parent.isNullObject;
    if (this._isNull === undefined) throw propertyNotLoaded("isNullObject", this._entity);
    return this._isNull;
  }

  /** @internal */
  protected _get<V>(name: string): V {
    if (!this._loaded.has(name)) throw propertyNotLoaded(name, this._entity);
    return this._loaded.get(name) as V;
  }

  /** @internal */
  protected _put(name: string, value: unknown): void {
    const spec = this._props()[name];
    if (!spec?.set) throw new TypeError(`Cannot set property ${name} of ${this._entity}: it is read-only.`);
    this._loaded.set(name, value);
    const set = spec.set;
    this.context._enqueue(`${this._entity}.${name}`, () => set(this._t(), value), true, [value]);
  }

  /** @internal Queues a method call (`args`: what it sends, for the request's size). */
  protected _call(name: string, run: (t: T) => void, args?: unknown[]): void {
    this.context._enqueue(`${this._entity}.${name}`, () => run(this._t()), true, args);
  }

  /** @internal Reads the requested properties now; the returned function makes them visible. */
  _snapshot(paths: string[]): () => void {
    const t = this._tOrNull();
    if (t === null) return () => undefined;
    const props = this._props();
    const navs = this._navs();
    const names = paths.length ? [] : Object.keys(props).filter((k) => props[k].get && !props[k].noDefault);
    const nested: (() => void)[] = [];
    for (const p of paths) {
      const [head, ...rest] = p.split("/");
      const nav = navs[head];
      if (nav) {
        nested.push(nav()._snapshot(rest.length ? [rest.join("/")] : []));
        continue;
      }
      if (!props[head]?.get) throw new SimError("InvalidArgument", `The property '${head}' doesn't exist on ${this._entity}.`);
      names.push(head);
    }
    const values = names.map((n) => [n, props[n].get!(t)] as const);
    let bytes = RESULT_BYTES;
    for (const [n, v] of values) bytes += n.length + 4 + jsonBytes(v);
    this.context._respond(bytes);
    return () => {
      for (const [n, v] of values) this._loaded.set(n, v);
      for (const c of nested) c();
    };
  }

  load(option?: LoadOption): this {
    const paths = loadPaths(option);
    this.context._enqueue(`${this._entity}.load`, () => {
      this.context._wb.calculate();
      this.context._commit(this._snapshot(paths));
    }, false);
    return this;
  }

  /** Sets several properties at once, navigation properties included. */
  set(properties: Record<string, unknown>): void {
    const navs = this._navs();
    for (const [k, v] of Object.entries(properties)) {
      if (navs[k]) (navs[k]() as unknown as { set(p: unknown): void }).set(v);
      else this._put(k, v);
    }
  }

  toJSON(): Record<string, unknown> {
    return Object.fromEntries(this._loaded);
  }
}

/** Result of getCount() and similar: `value` is readable after the sync. */
export class SimClientResult<T> {
  /** @internal */ _value: T | undefined;
  /** @internal */ _ready = false;
  get value(): T {
    if (!this._ready) throw new SimError("ValueNotLoaded");
    return this._value as T;
  }
}

function result<T>(ctx: SimRequestContext, where: string, compute: () => T): SimClientResult<T> {
  const r = new SimClientResult<T>();
  ctx._enqueue(where, () => {
    const v = compute();
    ctx._respond(RESULT_BYTES + jsonBytes(v));
    ctx._commit(() => {
      r._value = v;
      r._ready = true;
    });
  }, false);
  return r;
}

// -----------------------------------------------------------------------------------------------
// Collections

abstract class SimCollection<T, Item, P extends SimClientObject<Item>> extends SimClientObject<T> {
  /** @internal */ _items: P[] | undefined;

  /** @internal */ protected abstract _list(t: T): Item[];
  /** @internal */ protected abstract _item(x: Item): P;

  get items(): P[] {
    if (!this._items) throw propertyNotLoaded("items", this._entity);
    return this._items;
  }

  override _snapshot(paths: string[]): () => void {
    const t = this._tOrNull();
    if (t === null) return () => undefined;
    const props = this._props();
    const own: string[] = [];
    const itemPaths: string[] = [];
    for (const p of paths) {
      if (p === "items" || p === "$all") continue;
      if (p.startsWith("items/")) itemPaths.push(p.slice(6));
      else if (props[p]?.get) own.push(p);
      else itemPaths.push(p);
    }
    const items = this._list(t).map((x) => this._item(x));
    const commits = items.map((it) => it._snapshot(itemPaths));
    const ownValues = own.map((n) => [n, props[n].get!(t)] as const);
    let bytes = items.length * ITEM_BYTES;
    for (const [n, v] of ownValues) bytes += n.length + 4 + jsonBytes(v);
    this.context._respond(bytes);
    return () => {
      this._items = items;
      for (const c of commits) c();
      for (const [n, v] of ownValues) this._loaded.set(n, v);
    };
  }

  getCount(): SimClientResult<number> {
    return result(this.context, `${this._entity}.getCount`, () => this._list(this._t()).length);
  }

  override toJSON(): Record<string, unknown> {
    return { ...super.toJSON(), items: this._items?.map((i) => i.toJSON()) };
  }
}

// -----------------------------------------------------------------------------------------------
// Events

export class SimEventHandlerResult {
  constructor(
    readonly context: SimRequestContext,
    private readonly reg: Registration,
  ) {}

  remove(): void {
    this.context._enqueue("EventHandlerResult.remove", () => {
      this.reg.removed = true;
    }, false);
  }
}

export class SimEventHandlers<A> {
  private readonly mine: Registration[] = [];

  constructor(
    private readonly context: SimRequestContext,
    private readonly kind: SimEventKind,
    private readonly scope: () => EventScope,
  ) {}

  /** Registers the handler at the next sync (as Office does). */
  add(handler: (args: A) => Promise<unknown>): SimEventHandlerResult {
    const reg: Registration = { kind: this.kind, scope: {}, handler: handler as (args: unknown) => unknown, removed: false, session: this.context._session };
    this.context._enqueue(`${this.kind}.add`, () => {
      reg.scope = this.scope();
      this.context._wb.registrations.push(reg);
    }, false);
    this.mine.push(reg);
    return new SimEventHandlerResult(this.context, reg);
  }

  remove(handler: (args: A) => Promise<unknown>): void {
    this.context._enqueue(`${this.kind}.remove`, () => {
      for (const r of this.mine) if (r.handler === handler) r.removed = true;
    }, false);
  }
}

// -----------------------------------------------------------------------------------------------
// Application, runtime, workbook

export class SimRuntime extends SimClientObject<SimWorkbook> {
  readonly _entity = "Runtime";
  constructor(ctx: SimRequestContext) {
    super(ctx);
    this._fix(ctx._wb);
  }
  protected override _props(): Props<SimWorkbook> {
    return {
      // The add-in's own runtime: off, its handlers hear nothing; co-authors' add-ins still hear its changes.
      enableEvents: { get: () => this.context._session.eventsEnabled, set: (_wb, v) => (this.context._session.eventsEnabled = Boolean(v)) },
    };
  }
  get enableEvents(): boolean {
    return this._get("enableEvents");
  }
  set enableEvents(v: boolean) {
    this._put("enableEvents", v);
  }
}

export class SimApplication extends SimClientObject<SimWorkbook> {
  readonly _entity = "Application";
  constructor(ctx: SimRequestContext) {
    super(ctx);
    this._fix(ctx._wb);
  }
  protected override _props(): Props<SimWorkbook> {
    return { calculationMode: { get: () => "Automatic", set: () => undefined } };
  }
  get calculationMode(): string {
    return this._get("calculationMode");
  }
  set calculationMode(v: string) {
    this._put("calculationMode", v);
  }
  calculate(_type?: string): void {
    this._call("calculate", (wb) => {
      wb.dirty = true;
      wb.calculate();
    });
  }
  suspendApiCalculationUntilNextSync(): void {}
  suspendScreenUpdatingUntilNextSync(): void {}
}

export class SimWorkbookObject extends SimClientObject<SimWorkbook> {
  readonly _entity = "Workbook";
  private _worksheets?: SimWorksheetCollection;
  private _tables?: SimTableCollection;

  constructor(ctx: SimRequestContext) {
    super(ctx);
    this._fix(ctx._wb);
  }

  protected override _props(): Props<SimWorkbook> {
    return { name: { get: () => "Book1.xlsx" }, readOnly: { get: () => false } };
  }

  protected override _navs(): Navs {
    return { worksheets: () => this.worksheets, tables: () => this.tables };
  }

  get name(): string {
    return this._get("name");
  }

  get readOnly(): boolean {
    return this._get("readOnly");
  }

  get worksheets(): SimWorksheetCollection {
    return (this._worksheets ??= new SimWorksheetCollection(this.context)._deriveFrom(this, (wb) => wb));
  }

  get tables(): SimTableCollection {
    return (this._tables ??= new SimTableCollection(this.context)._deriveFrom(this, () => ({ sheet: undefined })));
  }

  get application(): SimApplication {
    return this.context.application;
  }

  getSelectedRange(): SimRange {
    return new SimRange(this.context)._instantiate("Workbook.getSelectedRange", () => {
      const wb = this._t();
      return { sheet: wb.active, rect: { ...wb.active.selection } };
    });
  }

  getActiveCell(): SimRange {
    return new SimRange(this.context)._instantiate("Workbook.getActiveCell", () => {
      const wb = this._t();
      const s = wb.active.selection;
      return { sheet: wb.active, rect: { r0: s.r0, c0: s.c0, r1: s.r0, c1: s.c0 } };
    });
  }
}

// -----------------------------------------------------------------------------------------------
// Worksheets

export class SimWorksheetCollection extends SimCollection<SimWorkbook, SimSheet, SimWorksheet> {
  readonly _entity = "WorksheetCollection";
  private events = new Map<string, SimEventHandlers<unknown>>();

  protected _list(wb: SimWorkbook): SimSheet[] {
    return [...wb.sheets];
  }

  protected _item(s: SimSheet): SimWorksheet {
    return new SimWorksheet(this.context)._fix(s);
  }

  private ev<A>(kind: SimEventKind): SimEventHandlers<A> {
    let h = this.events.get(kind);
    if (!h) this.events.set(kind, (h = new SimEventHandlers(this.context, kind, () => ({}))));
    return h as SimEventHandlers<A>;
  }

  get onChanged(): SimEventHandlers<Excel.WorksheetChangedEventArgs> {
    return this.ev("WorksheetChanged");
  }
  get onSelectionChanged(): SimEventHandlers<Excel.WorksheetSelectionChangedEventArgs> {
    return this.ev("WorksheetSelectionChanged");
  }
  get onActivated(): SimEventHandlers<Excel.WorksheetActivatedEventArgs> {
    return this.ev("WorksheetActivated");
  }
  get onDeactivated(): SimEventHandlers<Excel.WorksheetDeactivatedEventArgs> {
    return this.ev("WorksheetDeactivated");
  }
  get onAdded(): SimEventHandlers<Excel.WorksheetAddedEventArgs> {
    return this.ev("WorksheetAdded");
  }
  get onDeleted(): SimEventHandlers<Excel.WorksheetDeletedEventArgs> {
    return this.ev("WorksheetDeleted");
  }

  /** Adds a sheet at the end (not activated). No name: Sheet1, Sheet2 … */
  add(name?: string): SimWorksheet {
    return new SimWorksheet(this.context)._instantiate("WorksheetCollection.add", () => this._t().addSheet(name));
  }

  /** By name (any case) or id. */
  getItem(key: string): SimWorksheet {
    return new SimWorksheet(this.context)._instantiate("WorksheetCollection.getItem", () => {
      const s = this._t().sheetByKey(key);
      if (!s) throw notFound(`worksheet '${key}'`);
      return s;
    });
  }

  getItemOrNullObject(key: string): SimWorksheet {
    return new SimWorksheet(this.context)._instantiate("WorksheetCollection.getItemOrNullObject", () => this._t().sheetByKey(key) ?? null);
  }

  getActiveWorksheet(): SimWorksheet {
    return new SimWorksheet(this.context)._instantiate("WorksheetCollection.getActiveWorksheet", () => this._t().active);
  }

  getFirst(visibleOnly?: boolean): SimWorksheet {
    return new SimWorksheet(this.context)._instantiate("WorksheetCollection.getFirst", () => {
      const s = this._t().sheets.find((x) => !visibleOnly || x.visibility === "Visible");
      if (!s) throw notFound("worksheet");
      return s;
    });
  }

  getLast(visibleOnly?: boolean): SimWorksheet {
    return new SimWorksheet(this.context)._instantiate("WorksheetCollection.getLast", () => {
      const s = [...this._t().sheets].reverse().find((x) => !visibleOnly || x.visibility === "Visible");
      if (!s) throw notFound("worksheet");
      return s;
    });
  }
}

export class SimWorksheet extends SimClientObject<SimSheet> {
  readonly _entity = "Worksheet";
  private _tables?: SimTableCollection;
  private _freeze?: SimFreezePanes;
  private events = new Map<string, SimEventHandlers<unknown>>();

  protected override _check(s: SimSheet): void {
    if (s.deleted) throw notFound(`worksheet '${s.name}' (deleted)`);
  }

  protected override _props(): Props<SimSheet> {
    const wb = this.context._wb;
    return {
      name: { get: (s) => s.name, set: (s, v) => wb.renameSheet(s, String(v)) },
      id: { get: (s) => s.id },
      position: { get: (s) => wb.sheets.indexOf(s), set: (s, v) => wb.moveSheet(s, Number(v)) },
      visibility: { get: (s) => s.visibility, set: (s, v) => wb.setVisibility(s, String(v)) },
      tabColor: { get: (s) => s.tabColor, set: (s, v) => (s.tabColor = String(v ?? "")) },
      showGridlines: { get: (s) => s.showGridlines, set: (s, v) => (s.showGridlines = Boolean(v)) },
      standardWidth: { get: () => DEFAULT_COLUMN_WIDTH },
    };
  }

  protected override _navs(): Navs {
    return { tables: () => this.tables, freezePanes: () => this.freezePanes };
  }

  get name(): string {
    return this._get("name");
  }
  set name(v: string) {
    this._put("name", v);
  }
  get id(): string {
    return this._get("id");
  }
  get position(): number {
    return this._get("position");
  }
  set position(v: number) {
    this._put("position", v);
  }
  get visibility(): Excel.SheetVisibility | "Visible" | "Hidden" | "VeryHidden" {
    return this._get("visibility");
  }
  set visibility(v: Excel.SheetVisibility | "Visible" | "Hidden" | "VeryHidden") {
    this._put("visibility", v);
  }
  get tabColor(): string {
    return this._get("tabColor");
  }
  set tabColor(v: string) {
    this._put("tabColor", v);
  }
  get showGridlines(): boolean {
    return this._get("showGridlines");
  }
  set showGridlines(v: boolean) {
    this._put("showGridlines", v);
  }
  get standardWidth(): number {
    return this._get("standardWidth");
  }

  get tables(): SimTableCollection {
    return (this._tables ??= new SimTableCollection(this.context)._deriveFrom(this, (s) => ({ sheet: s })));
  }

  get freezePanes(): SimFreezePanes {
    return (this._freeze ??= new SimFreezePanes(this.context)._deriveFrom(this, (s) => s));
  }

  private ev<A>(kind: SimEventKind): SimEventHandlers<A> {
    let h = this.events.get(kind);
    if (!h) this.events.set(kind, (h = new SimEventHandlers(this.context, kind, () => ({ sheet: this._t() }))));
    return h as SimEventHandlers<A>;
  }

  get onChanged(): SimEventHandlers<Excel.WorksheetChangedEventArgs> {
    return this.ev("WorksheetChanged");
  }
  get onSelectionChanged(): SimEventHandlers<Excel.WorksheetSelectionChangedEventArgs> {
    return this.ev("WorksheetSelectionChanged");
  }
  get onActivated(): SimEventHandlers<Excel.WorksheetActivatedEventArgs> {
    return this.ev("WorksheetActivated");
  }
  get onDeactivated(): SimEventHandlers<Excel.WorksheetDeactivatedEventArgs> {
    return this.ev("WorksheetDeactivated");
  }

  /** @internal */
  _range(where: string, resolve: (s: SimSheet) => Rect): SimRange {
    return new SimRange(this.context)._instantiate(`Worksheet.${where}`, () => {
      const s = this._tOrNull();
      if (s === null) return null;
      return { sheet: s, rect: resolve(s) };
    });
  }

  /** `A1`, `A1:C3`, `A:A`, `2:4`, with or without this sheet's name; no address: the whole sheet. */
  getRange(address?: string): SimRange {
    return this._range("getRange", (s) => {
      if (address === undefined || address === "") return { r0: 0, c0: 0, r1: MAX_ROWS - 1, c1: MAX_COLS - 1 };
      return parseOn(s, address);
    });
  }

  getRangeByIndexes(startRow: number, startColumn: number, rowCount: number, columnCount: number): SimRange {
    return this._range("getRangeByIndexes", () => {
      const r = { r0: startRow, c0: startColumn, r1: startRow + rowCount - 1, c1: startColumn + columnCount - 1 };
      if (![startRow, startColumn, rowCount, columnCount].every(Number.isInteger) || rowCount < 1 || columnCount < 1 || !inBounds(r)) {
        throw new SimError("InvalidArgument", `getRangeByIndexes(${startRow}, ${startColumn}, ${rowCount}, ${columnCount}) is outside the sheet.`);
      }
      return r;
    });
  }

  getCell(row: number, column: number): SimRange {
    return this.getRangeByIndexes(row, column, 1, 1);
  }

  /** The used range; an empty sheet gives A1, as Excel does. */
  getUsedRange(valuesOnly?: boolean): SimRange {
    return this._range("getUsedRange", (s) => s.usedRect(Boolean(valuesOnly)) ?? { r0: 0, c0: 0, r1: 0, c1: 0 });
  }

  getUsedRangeOrNullObject(valuesOnly?: boolean): SimRange {
    return new SimRange(this.context)._instantiate("Worksheet.getUsedRangeOrNullObject", () => {
      const s = this._tOrNull();
      if (s === null) return null;
      const r = s.usedRect(Boolean(valuesOnly));
      return r ? { sheet: s, rect: r } : null;
    });
  }

  activate(): void {
    this._call("activate", (s) => this.context._wb.activate(s));
  }

  delete(): void {
    this._call("delete", (s) => this.context._wb.deleteSheet(s));
  }
}

function parseOn(s: SimSheet, address: string): Rect {
  const p = parseRange(address);
  if (!p) throw new SimError("InvalidArgument", `'${address}' is not an address the in-memory workbook understands (named ranges are not supported).`);
  if (p.sheet !== undefined && p.sheet.toLowerCase() !== s.name.toLowerCase()) {
    throw new SimError("InvalidArgument", `'${address}' is not on worksheet '${s.name}'.`);
  }
  return p.rect;
}

export class SimFreezePanes extends SimClientObject<SimSheet> {
  readonly _entity = "WorksheetFreezePanes";

  freezeRows(count = 1): void {
    this._call("freezeRows", (s) => {
      s.frozenRows = count;
      s.frozenColumns = 0;
    });
  }

  freezeColumns(count = 1): void {
    this._call("freezeColumns", (s) => {
      s.frozenColumns = count;
      s.frozenRows = 0;
    });
  }

  freezeAt(frozenRange: SimRange | string): void {
    this._call("freezeAt", (s) => {
      const r = typeof frozenRange === "string" ? parseOn(s, frozenRange) : frozenRange._t().rect;
      s.frozenRows = r.r1 + 1;
      s.frozenColumns = r.c1 + 1;
    });
  }

  unfreeze(): void {
    this._call("unfreeze", (s) => {
      s.frozenRows = 0;
      s.frozenColumns = 0;
    });
  }

  getLocationOrNullObject(): SimRange {
    return new SimRange(this.context)._instantiate("WorksheetFreezePanes.getLocationOrNullObject", () => {
      const s = this._t();
      if (!s.frozenRows && !s.frozenColumns) return null;
      const r1 = s.frozenRows ? s.frozenRows - 1 : MAX_ROWS - 1;
      const c1 = s.frozenColumns ? s.frozenColumns - 1 : MAX_COLS - 1;
      return { sheet: s, rect: { r0: 0, c0: 0, r1, c1 } };
    });
  }
}

// -----------------------------------------------------------------------------------------------
// Ranges

export interface RangeTarget {
  sheet: SimSheet;
  rect: Rect;
}

function unboundedNull<V>(t: RangeTarget, read: () => V): V | null {
  return isEntireColumns(t.rect) || isEntireRows(t.rect) ? null : read();
}

/** One value for all cells of the range, or null when they differ (as Office reports mixed formats). */
function common<V>(t: RangeTarget, at: (row: number, col: number) => V, fallback: V): V | null {
  const stored = t.sheet.cellsIn(t.rect);
  const values = stored.map(({ row, col }) => at(row, col));
  if (stored.length < areaOf(t.rect)) values.push(fallback);
  const first = JSON.stringify(values[0]);
  return values.every((v) => JSON.stringify(v) === first) ? values[0] : null;
}

export class SimRange extends SimClientObject<RangeTarget> {
  readonly _entity = "Range";
  private _format?: SimRangeFormat;
  private _cfs?: SimConditionalFormatCollection;
  private _dv?: SimDataValidation;
  private _ws?: SimWorksheet;

  protected override _check(t: RangeTarget): void {
    if (t.sheet.deleted) throw notFound(`worksheet '${t.sheet.name}' (deleted)`);
  }

  protected override _props(): Props<RangeTarget> {
    const wb = this.context._wb;
    return {
      address: { get: (t) => sheetAddress(t.sheet.name, t.rect) },
      addressLocal: { get: (t) => sheetAddress(t.sheet.name, t.rect) },
      values: { get: (t) => unboundedNull(t, () => wb.readValues(t.sheet, t.rect)), set: (t, v) => wb.writeCells(t.sheet, t.rect, v, ADDIN) },
      formulas: { get: (t) => unboundedNull(t, () => wb.readFormulas(t.sheet, t.rect)), set: (t, v) => wb.writeCells(t.sheet, t.rect, v, ADDIN) },
      formulasLocal: { get: (t) => unboundedNull(t, () => wb.readFormulas(t.sheet, t.rect)), set: (t, v) => wb.writeCells(t.sheet, t.rect, v, ADDIN) },
      valueTypes: { get: (t) => unboundedNull(t, () => wb.readValueTypes(t.sheet, t.rect)) },
      numberFormat: { get: (t) => unboundedNull(t, () => wb.readNumberFormats(t.sheet, t.rect)), set: (t, v) => wb.writeNumberFormat(t.sheet, t.rect, v) },
      numberFormatLocal: { get: (t) => unboundedNull(t, () => wb.readNumberFormats(t.sheet, t.rect)), set: (t, v) => wb.writeNumberFormat(t.sheet, t.rect, v) },
      text: { get: (t) => unboundedNull(t, () => wb.readText(t.sheet, t.rect)) },
      rowIndex: { get: (t) => t.rect.r0 },
      columnIndex: { get: (t) => t.rect.c0 },
      rowCount: { get: (t) => rowsOf(t.rect) },
      columnCount: { get: (t) => colsOf(t.rect) },
      cellCount: { get: (t) => areaOf(t.rect) },
      isEntireColumn: { get: (t) => isEntireColumns(t.rect) },
      isEntireRow: { get: (t) => isEntireRows(t.rect) },
    };
  }

  protected override _navs(): Navs {
    return {
      format: () => this.format,
      conditionalFormats: () => this.conditionalFormats,
      dataValidation: () => this.dataValidation,
      worksheet: () => this.worksheet,
    };
  }

  get address(): string {
    return this._get("address");
  }
  get addressLocal(): string {
    return this._get("addressLocal");
  }
  get values(): any[][] {
    return this._get("values");
  }
  set values(v: any[][]) {
    this._put("values", v);
  }
  get formulas(): any[][] {
    return this._get("formulas");
  }
  set formulas(v: any[][]) {
    this._put("formulas", v);
  }
  get formulasLocal(): any[][] {
    return this._get("formulasLocal");
  }
  set formulasLocal(v: any[][]) {
    this._put("formulasLocal", v);
  }
  get valueTypes(): Excel.RangeValueType[][] {
    return this._get("valueTypes");
  }
  get numberFormat(): any[][] {
    return this._get("numberFormat");
  }
  set numberFormat(v: any[][]) {
    this._put("numberFormat", v);
  }
  get numberFormatLocal(): any[][] {
    return this._get("numberFormatLocal");
  }
  set numberFormatLocal(v: any[][]) {
    this._put("numberFormatLocal", v);
  }
  get text(): string[][] {
    return this._get("text");
  }
  get rowIndex(): number {
    return this._get("rowIndex");
  }
  get columnIndex(): number {
    return this._get("columnIndex");
  }
  get rowCount(): number {
    return this._get("rowCount");
  }
  get columnCount(): number {
    return this._get("columnCount");
  }
  get cellCount(): number {
    return this._get("cellCount");
  }
  get isEntireColumn(): boolean {
    return this._get("isEntireColumn");
  }
  get isEntireRow(): boolean {
    return this._get("isEntireRow");
  }

  get format(): SimRangeFormat {
    return (this._format ??= new SimRangeFormat(this.context)._deriveFrom(this, (t) => t));
  }
  get conditionalFormats(): SimConditionalFormatCollection {
    return (this._cfs ??= new SimConditionalFormatCollection(this.context)._deriveFrom(this, (t) => t));
  }
  get dataValidation(): SimDataValidation {
    return (this._dv ??= new SimDataValidation(this.context)._deriveFrom(this, (t) => t));
  }
  get worksheet(): SimWorksheet {
    return (this._ws ??= new SimWorksheet(this.context)._deriveFrom(this, (t) => t.sheet));
  }

  /** @internal A range computed from this one at its place in the batch. */
  private _derived(where: string, make: (t: RangeTarget) => Rect | null): SimRange {
    return new SimRange(this.context)._instantiate(`Range.${where}`, () => {
      const t = this._tOrNull();
      if (t === null) return null;
      const r = make(t);
      if (r === null) return null;
      if (!inBounds(r)) throw new SimError("InvalidArgument", `Range.${where} goes outside the worksheet.`);
      return { sheet: t.sheet, rect: r };
    });
  }

  getCell(row: number, column: number): SimRange {
    return this._derived("getCell", (t) => ({ r0: t.rect.r0 + row, c0: t.rect.c0 + column, r1: t.rect.r0 + row, c1: t.rect.c0 + column }));
  }

  getResizedRange(deltaRows: number, deltaColumns: number): SimRange {
    return this._derived("getResizedRange", (t) => ({ ...t.rect, r1: t.rect.r1 + deltaRows, c1: t.rect.c1 + deltaColumns }));
  }

  getAbsoluteResizedRange(numRows: number, numColumns: number): SimRange {
    return this._derived("getAbsoluteResizedRange", (t) => ({ ...t.rect, r1: t.rect.r0 + numRows - 1, c1: t.rect.c0 + numColumns - 1 }));
  }

  getOffsetRange(rowOffset: number, columnOffset: number): SimRange {
    return this._derived("getOffsetRange", (t) => ({ r0: t.rect.r0 + rowOffset, c0: t.rect.c0 + columnOffset, r1: t.rect.r1 + rowOffset, c1: t.rect.c1 + columnOffset }));
  }

  getRow(row: number): SimRange {
    return this._derived("getRow", (t) => {
      if (row < 0 || row >= rowsOf(t.rect)) throw new SimError("InvalidArgument", `Row ${row} is outside the range.`);
      return { ...t.rect, r0: t.rect.r0 + row, r1: t.rect.r0 + row };
    });
  }

  getColumn(column: number): SimRange {
    return this._derived("getColumn", (t) => {
      if (column < 0 || column >= colsOf(t.rect)) throw new SimError("InvalidArgument", `Column ${column} is outside the range.`);
      return { ...t.rect, c0: t.rect.c0 + column, c1: t.rect.c0 + column };
    });
  }

  getRowsAbove(count = 1): SimRange {
    return this._derived("getRowsAbove", (t) => ({ ...t.rect, r0: t.rect.r0 - count, r1: t.rect.r0 - 1 }));
  }

  getRowsBelow(count = 1): SimRange {
    return this._derived("getRowsBelow", (t) => ({ ...t.rect, r0: t.rect.r1 + 1, r1: t.rect.r1 + count }));
  }

  getColumnsBefore(count = 1): SimRange {
    return this._derived("getColumnsBefore", (t) => ({ ...t.rect, c0: t.rect.c0 - count, c1: t.rect.c0 - 1 }));
  }

  getColumnsAfter(count = 1): SimRange {
    return this._derived("getColumnsAfter", (t) => ({ ...t.rect, c0: t.rect.c1 + 1, c1: t.rect.c1 + count }));
  }

  getLastRow(): SimRange {
    return this._derived("getLastRow", (t) => ({ ...t.rect, r0: t.rect.r1 }));
  }

  getLastColumn(): SimRange {
    return this._derived("getLastColumn", (t) => ({ ...t.rect, c0: t.rect.c1 }));
  }

  getLastCell(): SimRange {
    return this._derived("getLastCell", (t) => ({ r0: t.rect.r1, c0: t.rect.c1, r1: t.rect.r1, c1: t.rect.c1 }));
  }

  getEntireRow(): SimRange {
    return this._derived("getEntireRow", (t) => ({ r0: t.rect.r0, r1: t.rect.r1, c0: 0, c1: MAX_COLS - 1 }));
  }

  getEntireColumn(): SimRange {
    return this._derived("getEntireColumn", (t) => ({ r0: 0, r1: MAX_ROWS - 1, c0: t.rect.c0, c1: t.rect.c1 }));
  }

  private other(t: RangeTarget, o: SimRange | string): Rect {
    if (typeof o === "string") return parseOn(t.sheet, o);
    const ot = o._t();
    if (ot.sheet !== t.sheet) throw new SimError("InvalidArgument", "The ranges are on different worksheets.");
    return ot.rect;
  }

  getIntersection(anotherRange: SimRange | string): SimRange {
    return this._derived("getIntersection", (t) => {
      const r = intersection(t.rect, this.other(t, anotherRange));
      if (!r) throw notFound("intersection");
      return r;
    });
  }

  getIntersectionOrNullObject(anotherRange: SimRange | string): SimRange {
    return this._derived("getIntersectionOrNullObject", (t) => intersection(t.rect, this.other(t, anotherRange)) ?? null);
  }

  getBoundingRect(anotherRange: SimRange | string): SimRange {
    return this._derived("getBoundingRect", (t) => boundingRect(t.rect, this.other(t, anotherRange)));
  }

  /** The used part of this range; ItemNotFound when nothing in it is used. */
  getUsedRange(valuesOnly?: boolean): SimRange {
    return this._derived("getUsedRange", (t) => {
      const used = t.sheet.usedRect(Boolean(valuesOnly));
      const r = used && intersection(used, t.rect);
      if (!r) throw notFound("used range");
      return r;
    });
  }

  getUsedRangeOrNullObject(valuesOnly?: boolean): SimRange {
    return this._derived("getUsedRangeOrNullObject", (t) => {
      const used = t.sheet.usedRect(Boolean(valuesOnly));
      return (used && intersection(used, t.rect)) ?? null;
    });
  }

  /** "All" (default), "Contents", "Formats". */
  clear(applyTo?: Excel.ClearApplyTo | "All" | "Formats" | "Contents" | "Hyperlinks" | "RemoveHyperlinks" | "ResetContents"): void {
    this._call("clear", (t) => this.context._wb.clearRange(t.sheet, t.rect, applyTo ?? "All", ADDIN));
  }

  /** Deletes the cells, shifting the rest "Up" or "Left". */
  delete(shift: Excel.DeleteShiftDirection | "Up" | "Left"): void {
    this._call("delete", (t) => {
      if (shift !== "Up" && shift !== "Left") throw new SimError("InvalidArgument", `Not a delete direction: ${String(shift)}`);
      deleteCells(this.context._wb, t.sheet, t.rect, shift, ADDIN);
      const type = isEntireRows(t.rect) ? "RowDeleted" : isEntireColumns(t.rect) ? "ColumnDeleted" : "CellDeleted";
      this.context._wb.emitChanged(t.sheet, t.rect, type, ADDIN);
    });
  }

  /** Inserts cells here, shifting the rest "Down" or "Right"; returns the new cells. */
  insert(shift: Excel.InsertShiftDirection | "Down" | "Right"): SimRange {
    return new SimRange(this.context)._instantiate("Range.insert", () => {
      const t = this._t();
      if (shift !== "Down" && shift !== "Right") throw new SimError("InvalidArgument", `Not an insert direction: ${String(shift)}`);
      insertCells(this.context._wb, t.sheet, t.rect, shift, ADDIN);
      const type = isEntireRows(t.rect) ? "RowInserted" : isEntireColumns(t.rect) ? "ColumnInserted" : "CellInserted";
      this.context._wb.emitChanged(t.sheet, t.rect, type, ADDIN);
      return { sheet: t.sheet, rect: { ...t.rect } };
    });
  }

  /** Merges the cells (each row separately with `across`); Excel keeps the top-left value only. */
  merge(across?: boolean): void {
    this._call("merge", (t) => {
      const wb = this.context._wb;
      const parts = across ? Array.from({ length: rowsOf(t.rect) }, (_, i) => ({ ...t.rect, r0: t.rect.r0 + i, r1: t.rect.r0 + i })) : [t.rect];
      for (const p of parts) {
        t.sheet.merges = t.sheet.merges.filter((m) => !intersection(m, p));
        t.sheet.merges.push(p);
        for (const { row, col, cell } of t.sheet.cellsIn(p)) {
          if (row === p.r0 && col === p.c0) continue;
          cell.value = null;
          delete cell.formula;
          t.sheet.tidy(row, col);
        }
      }
      wb.dirty = true;
    });
  }

  unmerge(): void {
    this._call("unmerge", (t) => {
      t.sheet.merges = t.sheet.merges.filter((m) => !intersection(m, t.rect));
    });
  }

  /** Activates the range's sheet and selects the range. */
  select(): void {
    this._call("select", (t) => this.context._wb.select(t.sheet, t.rect));
  }
}

// -----------------------------------------------------------------------------------------------
// Formats

export class SimRangeFormat extends SimClientObject<RangeTarget> {
  readonly _entity = "RangeFormat";
  private _fill?: SimRangeFill;
  private _font?: SimRangeFont;

  protected override _props(): Props<RangeTarget> {
    const wb = this.context._wb;
    const fmt = (t: RangeTarget, apply: (f: SimCellFormat) => void) => wb.formatCells(t.sheet, t.rect, apply);
    return {
      wrapText: {
        get: (t) => common(t, (r, c) => t.sheet.get(r, c)?.format?.wrapText ?? false, false),
        set: (t, v) => fmt(t, (f) => (v ? (f.wrapText = true) : delete f.wrapText)),
      },
      horizontalAlignment: {
        get: (t) => common(t, (r, c) => t.sheet.get(r, c)?.format?.horizontalAlignment ?? "General", "General"),
        set: (t, v) => fmt(t, (f) => (v === "General" ? delete f.horizontalAlignment : (f.horizontalAlignment = String(v)))),
      },
      verticalAlignment: {
        get: (t) => common(t, (r, c) => t.sheet.get(r, c)?.format?.verticalAlignment ?? "Bottom", "Bottom"),
        set: (t, v) => fmt(t, (f) => (v === "Bottom" ? delete f.verticalAlignment : (f.verticalAlignment = String(v)))),
      },
      columnWidth: {
        get: (t) => {
          const w = t.sheet.columnWidth(t.rect.c0);
          for (let c = t.rect.c0; c <= Math.min(t.rect.c1, t.rect.c0 + 16384); c++) if (t.sheet.columnWidth(c) !== w) return null;
          return w;
        },
        set: (t, v) => {
          const w = Number(v);
          if (!Number.isFinite(w) || w < 0) throw new SimError("InvalidArgument", `Not a column width: ${String(v)}`);
          for (let c = t.rect.c0; c <= t.rect.c1; c++) t.sheet.columnWidths.set(c, w);
        },
      },
      rowHeight: {
        get: (t) => {
          const h = t.sheet.rowHeight(t.rect.r0);
          for (let r = t.rect.r0; r <= Math.min(t.rect.r1, t.rect.r0 + 100000); r++) if (t.sheet.rowHeight(r) !== h) return null;
          return h;
        },
        set: (t, v) => {
          const h = Number(v);
          if (!Number.isFinite(h) || h < 0) throw new SimError("InvalidArgument", `Not a row height: ${String(v)}`);
          for (let r = t.rect.r0; r <= t.rect.r1; r++) t.sheet.rowHeights.set(r, h);
        },
      },
    };
  }

  protected override _navs(): Navs {
    return { fill: () => this.fill, font: () => this.font };
  }

  get wrapText(): boolean {
    return this._get("wrapText");
  }
  set wrapText(v: boolean) {
    this._put("wrapText", v);
  }
  get horizontalAlignment(): string {
    return this._get("horizontalAlignment");
  }
  set horizontalAlignment(v: string) {
    this._put("horizontalAlignment", v);
  }
  get verticalAlignment(): string {
    return this._get("verticalAlignment");
  }
  set verticalAlignment(v: string) {
    this._put("verticalAlignment", v);
  }
  get columnWidth(): number {
    return this._get("columnWidth");
  }
  set columnWidth(v: number) {
    this._put("columnWidth", v);
  }
  get rowHeight(): number {
    return this._get("rowHeight");
  }
  set rowHeight(v: number) {
    this._put("rowHeight", v);
  }

  get fill(): SimRangeFill {
    return (this._fill ??= new SimRangeFill(this.context)._deriveFrom(this, (t) => t));
  }

  get font(): SimRangeFont {
    return (this._font ??= new SimRangeFont(this.context)._deriveFrom(this, (t) => t));
  }

  /** Widens each column of the range to its longest shown text (an approximation of Excel's fit). */
  autofitColumns(): void {
    this._call("autofitColumns", (t) => {
      const wb = this.context._wb;
      wb.calculate();
      const widest = new Map<number, number>();
      for (const { col, cell } of t.sheet.cellsIn(t.rect)) {
        const len = displayText(cell.value, cell.numberFormat).length;
        widest.set(col, Math.max(widest.get(col) ?? 0, len));
      }
      for (const [col, len] of widest) t.sheet.columnWidths.set(col, Math.max(DEFAULT_COLUMN_WIDTH / 4, Math.round(len * 6 + 9)));
    });
  }

  autofitRows(): void {
    this._call("autofitRows", () => undefined);
  }
}

export class SimRangeFill extends SimClientObject<RangeTarget> {
  readonly _entity = "RangeFill";

  protected override _props(): Props<RangeTarget> {
    const wb = this.context._wb;
    return {
      color: {
        get: (t) => common(t, (r, c) => t.sheet.get(r, c)?.format?.fill ?? "#FFFFFF", "#FFFFFF"),
        set: (t, v) => wb.formatCells(t.sheet, t.rect, (f) => (v === null || v === "" ? delete f.fill : (f.fill = String(v)))),
      },
    };
  }

  get color(): string {
    return this._get("color");
  }
  set color(v: string) {
    this._put("color", v);
  }

  clear(): void {
    this._call("clear", (t) => {
      for (const { row, col, cell } of t.sheet.cellsIn(t.rect)) {
        if (cell.format?.fill === undefined) continue;
        delete cell.format.fill;
        if (Object.keys(cell.format).length === 0) delete cell.format;
        t.sheet.tidy(row, col);
      }
    });
  }
}

type FontKey = "bold" | "italic" | "color" | "size" | "name" | "underline";
const FONT_DEFAULTS: Record<FontKey, unknown> = { bold: false, italic: false, color: "#000000", size: 11, name: "Calibri", underline: "None" };

export class SimRangeFont extends SimClientObject<RangeTarget> {
  readonly _entity = "RangeFont";

  protected override _props(): Props<RangeTarget> {
    const wb = this.context._wb;
    const prop = (k: FontKey): Prop<RangeTarget> => ({
      get: (t) => common(t, (r, c) => t.sheet.get(r, c)?.format?.font?.[k] ?? FONT_DEFAULTS[k], FONT_DEFAULTS[k]),
      set: (t, v) =>
        wb.formatCells(t.sheet, t.rect, (f) => {
          const font = (f.font ??= {}) as Record<string, unknown>;
          if (v === FONT_DEFAULTS[k]) delete font[k];
          else font[k] = v;
        }),
    });
    return { bold: prop("bold"), italic: prop("italic"), color: prop("color"), size: prop("size"), name: prop("name"), underline: prop("underline") };
  }

  get bold(): boolean {
    return this._get("bold");
  }
  set bold(v: boolean) {
    this._put("bold", v);
  }
  get italic(): boolean {
    return this._get("italic");
  }
  set italic(v: boolean) {
    this._put("italic", v);
  }
  get color(): string {
    return this._get("color");
  }
  set color(v: string) {
    this._put("color", v);
  }
  get size(): number {
    return this._get("size");
  }
  set size(v: number) {
    this._put("size", v);
  }
  get name(): string {
    return this._get("name");
  }
  set name(v: string) {
    this._put("name", v);
  }
  get underline(): string {
    return this._get("underline");
  }
  set underline(v: string) {
    this._put("underline", v);
  }
}

// -----------------------------------------------------------------------------------------------
// Conditional formats

/** Property name of each conditional format type's sub-object. */
const CF_PART: Record<string, string> = {
  DataBar: "dataBar",
  Custom: "custom",
  CellValue: "cellValue",
  ColorScale: "colorScale",
  IconSet: "iconSet",
  TopBottom: "topBottom",
  PresetCriteria: "preset",
  ContainsText: "textComparison",
};

type Schema = { [k: string]: Schema };
const FORMAT_SCHEMA: Schema = { fill: {}, font: {}, borders: {} };
const CF_SCHEMA: Record<string, Schema> = {
  dataBar: { positiveFormat: {}, negativeFormat: {} },
  custom: { rule: {}, format: FORMAT_SCHEMA },
  cellValue: { format: FORMAT_SCHEMA },
  colorScale: {},
  iconSet: {},
  topBottom: { format: FORMAT_SCHEMA },
  preset: { format: FORMAT_SCHEMA },
  textComparison: { format: FORMAT_SCHEMA },
};

/** Names that test frameworks and consoles probe on objects; a bag answers undefined for them. */
const INTROSPECTION = new Set(["then", "asymmetricMatch", "nodeType", "tagName", "constructor", "toString", "valueOf", "inspect", "length", "$$typeof"]);

/**
 * A conditional format's sub-object (dataBar, custom.rule, custom.format.fill …): any property
 * may be set (queued, stored on the format's props) and read after load, like the real ones.
 */
function bag(context: SimRequestContext, root: () => Record<string, unknown> | null, path: string[], schema: Schema, entity: string): unknown {
  const loaded = new Map<string, unknown>();
  const children = new Map<string, unknown>();
  const node = (create: boolean): Record<string, unknown> | null | undefined => {
    let o = root();
    if (o === null) return null;
    for (const p of path) {
      if (typeof o[p] !== "object" || o[p] === null) {
        if (!create) return undefined;
        o[p] = {};
      }
      o = o[p] as Record<string, unknown>;
    }
    return o;
  };
  const api: Record<string, unknown> = {
    context,
    load(option?: LoadOption) {
      const names = loadPaths(option);
      context._enqueue(`${entity}.load`, () => {
        const n = node(false);
        const snap = (names.length ? names : Object.keys(n ?? {}).filter((k) => !(k in schema))).map((k) => [k, clone(n?.[k] ?? null)] as const);
        context._respond(snap.reduce((b, [k, v]) => b + k.length + 4 + jsonBytes(v), RESULT_BYTES));
        context._commit(() => snap.forEach(([k, v]) => loaded.set(k, v)));
      }, false);
      return proxy;
    },
    set(props: Record<string, unknown>) {
      for (const [k, v] of Object.entries(props)) (proxy as Record<string, unknown>)[k] = v;
    },
    clear() {
      context._enqueue(`${entity}.clear`, () => {
        const n = node(false);
        if (n === null) throw notFound(entity);
        if (n) for (const k of Object.keys(n)) delete n[k];
      }, true);
    },
    toJSON() {
      return Object.fromEntries(loaded);
    },
    /** A nested load ("items/customOrNullObject/rule/formula"): read now, visible after the sync. */
    _snapshot(paths: string[]): () => void {
      const n = node(false);
      if (n === null) return () => undefined;
      const nested: (() => void)[] = [];
      const own: (readonly [string, unknown])[] = [];
      const names = paths.length ? paths : Object.keys(n ?? {}).filter((k) => !(k in schema));
      for (const p of names) {
        const [head, ...rest] = p.split("/");
        if (schema[head]) {
          const child = (proxy as Record<string, { _snapshot(x: string[]): () => void }>)[head];
          nested.push(child._snapshot(rest.length ? [rest.join("/")] : []));
        } else own.push([head, clone(n?.[head] ?? null)]);
      }
      context._respond(own.reduce((b, [k, v]) => b + k.length + 4 + jsonBytes(v), 2));
      return () => {
        own.forEach(([k, v]) => loaded.set(k, v));
        nested.forEach((c) => c());
      };
    },
  };
  const proxy: unknown = new Proxy(api, {
    get(_target, prop) {
      if (typeof prop !== "string") return undefined;
      if (prop in api) return api[prop];
      if (INTROSPECTION.has(prop) || prop.startsWith("@@") || prop.startsWith("_")) return undefined;
      if (prop === "isNullObject") return root() === null;
      if (schema[prop]) {
        let child = children.get(prop);
        if (!child) children.set(prop, (child = bag(context, root, [...path, prop], schema[prop], `${entity}.${prop}`)));
        return child;
      }
      if (loaded.has(prop)) return loaded.get(prop);
      throw propertyNotLoaded(prop, entity);
    },
    set(_target, prop, value) {
      if (typeof prop !== "string") return false;
      if (schema[prop] && typeof value === "object" && value !== null) {
        ((proxy as Record<string, unknown>)[prop] as { set(v: unknown): void }).set(value);
        return true;
      }
      loaded.set(prop, value);
      const copy = clone(value);
      context._enqueue(`${entity}.${prop}`, () => {
        const n = node(true);
        if (!n) throw notFound(entity);
        n[prop] = copy;
      }, true, [copy]);
      return true;
    },
  });
  return proxy;
}

export class SimConditionalFormatCollection extends SimCollection<RangeTarget, SimConditionalFormat, SimConditionalFormat$> {
  readonly _entity = "ConditionalFormatCollection";

  protected _list(t: RangeTarget): SimConditionalFormat[] {
    return t.sheet.conditionalFormats.filter((cf) => intersection(cf.rect, t.rect)).sort((a, b) => a.priority - b.priority);
  }

  protected _item(cf: SimConditionalFormat): SimConditionalFormat$ {
    return new SimConditionalFormat$(this.context)._fix(cf);
  }

  /** "DataBar", "Custom", "CellValue", "ColorScale", "IconSet", "TopBottom", "PresetCriteria", "ContainsText". */
  add(type: Excel.ConditionalFormatType | string): SimConditionalFormat$ {
    return new SimConditionalFormat$(this.context)._instantiate("ConditionalFormatCollection.add", () => {
      const t = this._t();
      return this.context._wb.addConditionalFormat(t.sheet, t.rect, String(type));
    });
  }

  /** Removes every conditional format that touches the range. */
  clearAll(): void {
    this._call("clearAll", (t) => this.context._wb.clearConditionalFormats(t.sheet, t.rect));
  }

  getItemAt(index: number): SimConditionalFormat$ {
    return new SimConditionalFormat$(this.context)._instantiate("ConditionalFormatCollection.getItemAt", () => {
      const cf = this._list(this._t())[index];
      if (!cf) throw notFound(`conditional format ${index}`);
      return cf;
    });
  }
}

/** Excel.ConditionalFormat. */
export class SimConditionalFormat$ extends SimClientObject<SimConditionalFormat> {
  readonly _entity = "ConditionalFormat";
  private parts = new Map<string, unknown>();

  protected override _check(cf: SimConditionalFormat): void {
    const sheet = this.context._wb.sheets.find((s) => s.conditionalFormats.includes(cf));
    if (!sheet) throw notFound("conditional format (deleted)");
  }

  protected override _navs(): Navs {
    const parts = ["dataBar", "custom", "cellValue", "colorScale", "iconSet", "topBottom", "preset", "textComparison"];
    return Object.fromEntries(
      parts.flatMap((p) => [
        [`${p}OrNullObject`, () => this.part(p, true)],
        [p, () => this.part(p, false)],
      ]),
    ) as Navs;
  }

  protected override _props(): Props<SimConditionalFormat> {
    return {
      id: { get: (cf) => cf.id },
      type: { get: (cf) => cf.type },
      priority: { get: (cf) => cf.priority, set: (cf, v) => (cf.priority = Number(v)) },
      stopIfTrue: { get: (cf) => cf.stopIfTrue, set: (cf, v) => (cf.stopIfTrue = Boolean(v)) },
    };
  }

  get id(): string {
    return this._get("id");
  }
  get type(): string {
    return this._get("type");
  }
  get priority(): number {
    return this._get("priority");
  }
  set priority(v: number) {
    this._put("priority", v);
  }
  get stopIfTrue(): boolean {
    return this._get("stopIfTrue");
  }
  set stopIfTrue(v: boolean) {
    this._put("stopIfTrue", v);
  }

  private part(name: string, nullable: boolean): any {
    const key = `${name}${nullable ? "?" : ""}`;
    let p = this.parts.get(key);
    if (!p) {
      const root = () => {
        const cf = this._tOrNull();
        if (cf === null) return null;
        if (CF_PART[cf.type] !== name) {
          if (nullable) return null;
          throw new SimError("InvalidOperation", `A ${cf.type} conditional format has no ${name}.`);
        }
        return cf.props;
      };
      p = bag(this.context, root, [name], CF_SCHEMA[name], `ConditionalFormat.${name}`);
      this.parts.set(key, p);
    }
    return p;
  }

  get dataBar(): any {
    return this.part("dataBar", false);
  }
  get dataBarOrNullObject(): any {
    return this.part("dataBar", true);
  }
  get custom(): any {
    return this.part("custom", false);
  }
  get customOrNullObject(): any {
    return this.part("custom", true);
  }
  get cellValue(): any {
    return this.part("cellValue", false);
  }
  get cellValueOrNullObject(): any {
    return this.part("cellValue", true);
  }
  get colorScale(): any {
    return this.part("colorScale", false);
  }
  get iconSet(): any {
    return this.part("iconSet", false);
  }
  get topBottom(): any {
    return this.part("topBottom", false);
  }
  get preset(): any {
    return this.part("preset", false);
  }
  get textComparison(): any {
    return this.part("textComparison", false);
  }

  getRange(): SimRange {
    return new SimRange(this.context)._instantiate("ConditionalFormat.getRange", () => {
      const cf = this._t();
      const sheet = this.context._wb.sheets.find((s) => s.conditionalFormats.includes(cf))!;
      return { sheet, rect: { ...cf.rect } };
    });
  }

  delete(): void {
    this._call("delete", (cf) => {
      for (const s of this.context._wb.sheets) s.conditionalFormats = s.conditionalFormats.filter((x) => x !== cf);
    });
  }
}

// -----------------------------------------------------------------------------------------------
// Data validation

const RULE_KINDS: Record<string, string> = {
  wholeNumber: "WholeNumber",
  decimal: "Decimal",
  textLength: "TextLength",
  date: "Date",
  time: "Time",
  list: "List",
  custom: "Custom",
};
const OPERATORS = ["Between", "NotBetween", "EqualTo", "NotEqualTo", "GreaterThan", "LessThan", "GreaterThanOrEqualTo", "LessThanOrEqualTo"];

function checkRule(rule: unknown): Record<string, unknown> {
  if (typeof rule !== "object" || rule === null) throw new SimError("InvalidArgument", "A data validation rule must be an object.");
  const keys = Object.keys(rule).filter((k) => (rule as Record<string, unknown>)[k] !== undefined && (rule as Record<string, unknown>)[k] !== null);
  if (keys.length !== 1 || !RULE_KINDS[keys[0]]) throw new SimError("InvalidArgument", `A data validation rule needs exactly one of ${Object.keys(RULE_KINDS).join(", ")}.`);
  const kind = keys[0];
  const body = (rule as Record<string, Record<string, unknown>>)[kind];
  if (typeof body !== "object" || body === null) throw new SimError("InvalidArgument", `The ${kind} rule must be an object.`);
  if (kind === "list") {
    if (body.source === undefined || body.source === "") throw new SimError("InvalidArgument", "A list rule needs a source.");
  } else if (kind === "custom") {
    if (typeof body.formula !== "string") throw new SimError("InvalidArgument", "A custom rule needs a formula.");
  } else {
    if (!OPERATORS.includes(String(body.operator))) throw new SimError("InvalidArgument", `Not a data validation operator: ${String(body.operator)}`);
    if (body.formula1 === undefined || body.formula1 === null || body.formula1 === "") throw new SimError("InvalidArgument", `The ${kind} rule needs formula1.`);
    if ((body.operator === "Between" || body.operator === "NotBetween") && (body.formula2 === undefined || body.formula2 === null || body.formula2 === "")) {
      throw new SimError("InvalidArgument", `A ${String(body.operator)} rule needs formula2.`);
    }
  }
  return { [kind]: clone(body) };
}

function numberOf(x: unknown): number | undefined {
  if (typeof x === "number") return x;
  if (typeof x === "string" && x.trim() !== "" && Number.isFinite(Number(x.replace(/^=/, "")))) return Number(x.replace(/^=/, ""));
  return undefined;
}

/** Whether a cell value satisfies a (number) rule; other kinds are taken as satisfied. */
function satisfies(v: CellValue, validation: SimValidation): boolean {
  const rule = validation.rule;
  if (!rule) return true;
  if (v === null) return validation.ignoreBlanks;
  const kind = Object.keys(rule)[0];
  if (kind !== "decimal" && kind !== "wholeNumber") return true;
  if (typeof v !== "number") return false;
  if (kind === "wholeNumber" && !Number.isInteger(v)) return false;
  const body = rule[kind] as Record<string, unknown>;
  const a = numberOf(body.formula1);
  const b = numberOf(body.formula2);
  if (a === undefined) return true;
  switch (body.operator) {
    case "Between":
      return b === undefined || (v >= a && v <= b);
    case "NotBetween":
      return b === undefined || v < a || v > b;
    case "EqualTo":
      return v === a;
    case "NotEqualTo":
      return v !== a;
    case "GreaterThan":
      return v > a;
    case "LessThan":
      return v < a;
    case "GreaterThanOrEqualTo":
      return v >= a;
    case "LessThanOrEqualTo":
      return v <= a;
    default:
      return true;
  }
}

export class SimDataValidation extends SimClientObject<RangeTarget> {
  readonly _entity = "DataValidation";

  protected override _props(): Props<RangeTarget> {
    const wb = this.context._wb;
    const first = (t: RangeTarget): SimValidation => t.sheet.get(t.rect.r0, t.rect.c0)?.validation ?? defaultValidation();
    return {
      rule: { get: (t) => clone(first(t).rule) ?? {}, set: (t, v) => { const rule = checkRule(v); wb.setValidation(t.sheet, t.rect, (x) => (x.rule = rule)); } },
      errorAlert: {
        get: (t) => clone(first(t).errorAlert),
        set: (t, v) => {
          const alert = clone(v) as Partial<SimValidation["errorAlert"]>;
          wb.setValidation(t.sheet, t.rect, (x) => (x.errorAlert = { ...x.errorAlert, ...alert }));
        },
      },
      prompt: {
        get: (t) => clone(first(t).prompt),
        set: (t, v) => {
          const prompt = clone(v) as Partial<SimValidation["prompt"]>;
          wb.setValidation(t.sheet, t.rect, (x) => (x.prompt = { ...x.prompt, ...prompt }));
        },
      },
      ignoreBlanks: { get: (t) => first(t).ignoreBlanks, set: (t, v) => wb.setValidation(t.sheet, t.rect, (x) => (x.ignoreBlanks = Boolean(v))) },
      type: {
        get: (t) => {
          const kinds = new Set<string>();
          for (let r = t.rect.r0; r <= t.rect.r1; r++) {
            for (let c = t.rect.c0; c <= t.rect.c1; c++) {
              const rule = t.sheet.get(r, c)?.validation?.rule;
              kinds.add(rule ? RULE_KINDS[Object.keys(rule)[0]] : "None");
            }
          }
          return kinds.size === 1 ? [...kinds][0] : "Inconsistent";
        },
      },
      valid: {
        get: (t) => {
          wb.calculate();
          return t.sheet.cellsIn(t.rect).every(({ cell }) => !cell.validation || satisfies(cell.value, cell.validation));
        },
      },
    };
  }

  get rule(): Excel.DataValidationRule {
    return this._get("rule");
  }
  set rule(v: Excel.DataValidationRule) {
    this._put("rule", v);
  }
  get errorAlert(): Excel.DataValidationErrorAlert {
    return this._get("errorAlert");
  }
  set errorAlert(v: Excel.DataValidationErrorAlert) {
    this._put("errorAlert", v);
  }
  get prompt(): Excel.DataValidationPrompt {
    return this._get("prompt");
  }
  set prompt(v: Excel.DataValidationPrompt) {
    this._put("prompt", v);
  }
  get ignoreBlanks(): boolean {
    return this._get("ignoreBlanks");
  }
  set ignoreBlanks(v: boolean) {
    this._put("ignoreBlanks", v);
  }
  get type(): string {
    return this._get("type");
  }
  get valid(): boolean {
    return this._get("valid");
  }

  clear(): void {
    this._call("clear", (t) => this.context._wb.clearValidation(t.sheet, t.rect));
  }
}

// -----------------------------------------------------------------------------------------------
// Tables

interface TablesScope {
  sheet: SimSheet | undefined;
}

export class SimTableCollection extends SimCollection<TablesScope, SimTable, SimTable$> {
  readonly _entity = "TableCollection";
  private _onChanged?: SimEventHandlers<Excel.TableChangedEventArgs>;

  protected override _props(): Props<TablesScope> {
    return { count: { get: (s) => this._list(s).length } };
  }

  get count(): number {
    return this._get("count");
  }

  protected _list(scope: TablesScope): SimTable[] {
    return this.context._wb.tables.filter((t) => scope.sheet === undefined || t.sheet === scope.sheet);
  }

  protected _item(t: SimTable): SimTable$ {
    return new SimTable$(this.context)._fix(t);
  }

  get onChanged(): SimEventHandlers<Excel.TableChangedEventArgs> {
    return (this._onChanged ??= new SimEventHandlers(this.context, "TableChanged", () => {
      const s = this._t();
      return s.sheet ? { tablesOf: s.sheet } : {};
    }));
  }

  /**
   * A table over `address` (`Sheet!A1:D5`, `A1:D5` on this collection's sheet or the active one,
   * or a Range). A header-only range gets one blank body row; hasHeaders false adds a header row
   * above the data.
   */
  add(address: SimRange | string, hasHeaders: boolean): SimTable$ {
    return new SimTable$(this.context)._instantiate("TableCollection.add", () => {
      const scope = this._t();
      const wb = this.context._wb;
      let sheet: SimSheet;
      let r: Rect;
      if (typeof address === "string") {
        const p = parseRange(address);
        if (!p) throw new SimError("InvalidArgument", `'${address}' is not a range address.`);
        const named = p.sheet !== undefined ? wb.sheetByName(p.sheet) : undefined;
        if (p.sheet !== undefined && !named) throw notFound(`worksheet '${p.sheet}'`);
        sheet = named ?? scope.sheet ?? wb.active;
        r = p.rect;
      } else {
        const t = address._t();
        sheet = t.sheet;
        r = t.rect;
      }
      if (scope.sheet && sheet !== scope.sheet) throw new SimError("InvalidArgument", "The range is not on this worksheet.");
      return wb.addTable(sheet, r, Boolean(hasHeaders));
    });
  }

  getItem(key: string): SimTable$ {
    return new SimTable$(this.context)._instantiate("TableCollection.getItem", () => {
      const t = this.find(key);
      if (!t) throw notFound(`table '${key}'`);
      return t;
    });
  }

  getItemOrNullObject(key: string): SimTable$ {
    return new SimTable$(this.context)._instantiate("TableCollection.getItemOrNullObject", () => this.find(key) ?? null);
  }

  getItemAt(index: number): SimTable$ {
    return new SimTable$(this.context)._instantiate("TableCollection.getItemAt", () => {
      const t = this._list(this._t())[index];
      if (!t) throw notFound(`table ${index}`);
      return t;
    });
  }

  private find(key: string): SimTable | undefined {
    const scope = this._t();
    const t = this.context._wb.tableByKey(key);
    return t && (scope.sheet === undefined || t.sheet === scope.sheet) ? t : undefined;
  }
}

/** Excel.Table. */
export class SimTable$ extends SimClientObject<SimTable> {
  readonly _entity = "Table";
  private _rows?: SimTableRowCollection;
  private _columns?: SimTableColumnCollection;
  private _ws?: SimWorksheet;
  private _onChanged?: SimEventHandlers<Excel.TableChangedEventArgs>;

  protected override _check(t: SimTable): void {
    if (t.deleted) throw notFound(`table '${t.name}' (deleted)`);
  }

  protected override _props(): Props<SimTable> {
    const wb = this.context._wb;
    const flag = (k: "showBandedRows" | "showBandedColumns" | "showFilterButton" | "highlightFirstColumn" | "highlightLastColumn"): Prop<SimTable> => ({
      get: (t) => t[k],
      set: (t, v) => (t[k] = Boolean(v)),
    });
    return {
      id: { get: (t) => t.id },
      legacyId: { get: (t) => t.id },
      name: { get: (t) => t.name, set: (t, v) => wb.renameTable(t, String(v)) },
      style: { get: (t) => t.style, set: (t, v) => (t.style = String(v)) },
      showHeaders: { get: (t) => t.showHeaders },
      showTotals: { get: (t) => t.showTotals, set: (t, v) => wb.setShowTotals(t, Boolean(v)) },
      showBandedRows: flag("showBandedRows"),
      showBandedColumns: flag("showBandedColumns"),
      showFilterButton: flag("showFilterButton"),
      highlightFirstColumn: flag("highlightFirstColumn"),
      highlightLastColumn: flag("highlightLastColumn"),
    };
  }

  protected override _navs(): Navs {
    return { rows: () => this.rows, columns: () => this.columns, worksheet: () => this.worksheet };
  }

  get id(): string {
    return this._get("id");
  }
  get legacyId(): string {
    return this._get("legacyId");
  }
  get name(): string {
    return this._get("name");
  }
  set name(v: string) {
    this._put("name", v);
  }
  get style(): string {
    return this._get("style");
  }
  set style(v: string) {
    this._put("style", v);
  }
  get showHeaders(): boolean {
    return this._get("showHeaders");
  }
  get showTotals(): boolean {
    return this._get("showTotals");
  }
  set showTotals(v: boolean) {
    this._put("showTotals", v);
  }
  get showBandedRows(): boolean {
    return this._get("showBandedRows");
  }
  set showBandedRows(v: boolean) {
    this._put("showBandedRows", v);
  }
  get showBandedColumns(): boolean {
    return this._get("showBandedColumns");
  }
  set showBandedColumns(v: boolean) {
    this._put("showBandedColumns", v);
  }
  get showFilterButton(): boolean {
    return this._get("showFilterButton");
  }
  set showFilterButton(v: boolean) {
    this._put("showFilterButton", v);
  }
  get highlightFirstColumn(): boolean {
    return this._get("highlightFirstColumn");
  }
  set highlightFirstColumn(v: boolean) {
    this._put("highlightFirstColumn", v);
  }
  get highlightLastColumn(): boolean {
    return this._get("highlightLastColumn");
  }
  set highlightLastColumn(v: boolean) {
    this._put("highlightLastColumn", v);
  }

  get rows(): SimTableRowCollection {
    return (this._rows ??= new SimTableRowCollection(this.context)._deriveFrom(this, (t) => t));
  }
  get columns(): SimTableColumnCollection {
    return (this._columns ??= new SimTableColumnCollection(this.context)._deriveFrom(this, (t) => t));
  }
  get worksheet(): SimWorksheet {
    return (this._ws ??= new SimWorksheet(this.context)._deriveFrom(this, (t) => t.sheet));
  }
  get onChanged(): SimEventHandlers<Excel.TableChangedEventArgs> {
    return (this._onChanged ??= new SimEventHandlers(this.context, "TableChanged", () => ({ table: this._t() })));
  }

  private range(where: string, pick: (t: SimTable) => Rect | undefined): SimRange {
    return new SimRange(this.context)._instantiate(`Table.${where}`, () => {
      const t = this._tOrNull();
      if (t === null) return null;
      const r = pick(t);
      if (!r) throw notFound(`${where} of table '${t.name}'`);
      return { sheet: t.sheet, rect: { ...r } };
    });
  }

  getRange(): SimRange {
    return this.range("getRange", (t) => t.rect);
  }
  getHeaderRowRange(): SimRange {
    return this.range("getHeaderRowRange", (t) => t.headerRect);
  }
  getDataBodyRange(): SimRange {
    return this.range("getDataBodyRange", (t) => t.bodyRect);
  }
  getTotalRowRange(): SimRange {
    return this.range("getTotalRowRange", (t) => t.totalsRect);
  }

  /** New range: the header row stays on its row and the range overlaps the old one. */
  resize(newRange: SimRange | string): void {
    this._call("resize", (t) => {
      if (typeof newRange === "string") {
        const p = parseRange(newRange);
        if (!p) throw new SimError("InvalidArgument", `'${newRange}' is not a range address.`);
        const sheet = p.sheet !== undefined ? this.context._wb.sheetByName(p.sheet) : t.sheet;
        if (!sheet) throw notFound(`worksheet '${p.sheet}'`);
        this.context._wb.resizeTable(t, sheet, p.rect);
      } else {
        const r = newRange._t();
        this.context._wb.resizeTable(t, r.sheet, r.rect);
      }
    });
  }

  /** Deletes the table and what it holds. */
  delete(): void {
    this._call("delete", (t) => this.context._wb.deleteTable(t));
  }

  /** Turns the table into plain cells, keeping them. */
  convertToRange(): SimRange {
    return new SimRange(this.context)._instantiate("Table.convertToRange", () => {
      const t = this._t();
      this.context._wb.removeTable(t);
      return { sheet: t.sheet, rect: { ...t.rect } };
    });
  }

  clearFilters(): void {
    this._call("clearFilters", () => undefined);
  }

  reapplyFilters(): void {
    this._call("reapplyFilters", () => undefined);
  }
}

interface RowTarget {
  table: SimTable;
  index: number;
}

export class SimTableRowCollection extends SimCollection<SimTable, RowTarget, SimTableRow> {
  readonly _entity = "TableRowCollection";

  protected override _props(): Props<SimTable> {
    return { count: { get: (t) => t.bodyRowCount } };
  }

  get count(): number {
    return this._get("count");
  }

  protected _list(t: SimTable): RowTarget[] {
    return Array.from({ length: t.bodyRowCount }, (_, index) => ({ table: t, index }));
  }

  protected _item(x: RowTarget): SimTableRow {
    return new SimTableRow(this.context)._fix(x);
  }

  /** Adds rows at `index` (undefined/null: at the end) with `values` (rows × table width). */
  add(index?: number | null, values?: (boolean | string | number)[][] | boolean | string | number, _alwaysInsert?: boolean): SimTableRow {
    return new SimTableRow(this.context)._instantiate("TableRowCollection.add", () => {
      const t = this._t();
      const band = this.context._wb.addTableRows(t, index, values, ADDIN);
      return { table: t, index: band.r0 - t.bodyRect.r0 };
    }, [index ?? null, values ?? null]);
  }

  getItemAt(index: number): SimTableRow {
    return new SimTableRow(this.context)._instantiate("TableRowCollection.getItemAt", () => {
      const t = this._t();
      if (!Number.isInteger(index) || index < 0 || index >= t.bodyRowCount) throw notFound(`row ${index}`);
      return { table: t, index };
    });
  }
}

export class SimTableRow extends SimClientObject<RowTarget> {
  readonly _entity = "TableRow";

  protected override _check(x: RowTarget): void {
    if (x.table.deleted || x.index >= x.table.bodyRowCount) throw notFound("table row");
  }

  private rowRect(x: RowTarget): Rect {
    const b = x.table.bodyRect;
    return { ...b, r0: b.r0 + x.index, r1: b.r0 + x.index };
  }

  protected override _props(): Props<RowTarget> {
    const wb = this.context._wb;
    return {
      index: { get: (x) => x.index },
      values: { get: (x) => wb.readValues(x.table.sheet, this.rowRect(x)), set: (x, v) => wb.writeCells(x.table.sheet, this.rowRect(x), v, ADDIN) },
    };
  }

  get index(): number {
    return this._get("index");
  }
  get values(): any[][] {
    return this._get("values");
  }
  set values(v: any[][]) {
    this._put("values", v);
  }

  getRange(): SimRange {
    return new SimRange(this.context)._instantiate("TableRow.getRange", () => {
      const x = this._t();
      return { sheet: x.table.sheet, rect: this.rowRect(x) };
    });
  }

  delete(): void {
    this._call("delete", (x) => {
      const r = this.rowRect(x);
      deleteCells(this.context._wb, x.table.sheet, r, "Up", ADDIN);
      this.context._wb.emitChanged(x.table.sheet, r, "RowDeleted", ADDIN);
    });
  }
}

interface ColumnTarget {
  table: SimTable;
  id: number;
}

export class SimTableColumnCollection extends SimCollection<SimTable, ColumnTarget, SimTableColumn> {
  readonly _entity = "TableColumnCollection";

  protected override _props(): Props<SimTable> {
    return { count: { get: (t) => t.columnCount } };
  }

  get count(): number {
    return this._get("count");
  }

  protected _list(t: SimTable): ColumnTarget[] {
    return t.columnIds.map((id) => ({ table: t, id }));
  }

  protected _item(x: ColumnTarget): SimTableColumn {
    return new SimTableColumn(this.context)._fix(x);
  }

  /** Adds a column at `index` (undefined/null: at the end), with values (header first, or body only) and/or a name. */
  add(index?: number | null, values?: (boolean | string | number)[][] | boolean | string | number, name?: string): SimTableColumn {
    return new SimTableColumn(this.context)._instantiate("TableColumnCollection.add", () => {
      const t = this._t();
      const id = this.context._wb.addTableColumn(t, index, values, name, ADDIN);
      return { table: t, id };
    }, [index ?? null, values ?? null, name ?? null]);
  }

  /** By header name or by id. */
  getItem(key: number | string): SimTableColumn {
    return new SimTableColumn(this.context)._instantiate("TableColumnCollection.getItem", () => {
      const x = this.find(key);
      if (!x) throw notFound(`table column '${key}'`);
      return x;
    });
  }

  getItemOrNullObject(key: number | string): SimTableColumn {
    return new SimTableColumn(this.context)._instantiate("TableColumnCollection.getItemOrNullObject", () => this.find(key) ?? null);
  }

  getItemAt(index: number): SimTableColumn {
    return new SimTableColumn(this.context)._instantiate("TableColumnCollection.getItemAt", () => {
      const t = this._t();
      const id = t.columnIds[index];
      if (id === undefined) throw notFound(`table column ${index}`);
      return { table: t, id };
    });
  }

  private find(key: number | string): ColumnTarget | undefined {
    const t = this._t();
    const byId = t.columnIds.find((id) => String(id) === String(key));
    if (byId !== undefined) return { table: t, id: byId };
    const i = t.headers().findIndex((h) => h.toLowerCase() === String(key).toLowerCase());
    return i >= 0 ? { table: t, id: t.columnIds[i] } : undefined;
  }
}

export class SimTableColumn extends SimClientObject<ColumnTarget> {
  readonly _entity = "TableColumn";

  protected override _check(x: ColumnTarget): void {
    if (x.table.deleted || !x.table.columnIds.includes(x.id)) throw notFound("table column");
  }

  private col(x: ColumnTarget): number {
    return x.table.rect.c0 + x.table.columnIds.indexOf(x.id);
  }

  private colRect(x: ColumnTarget, part: "all" | "body" | "header" | "totals"): Rect | undefined {
    const c = this.col(x);
    const t = x.table;
    const r = part === "all" ? t.rect : part === "body" ? t.bodyRect : part === "header" ? t.headerRect : t.totalsRect;
    return r && { ...r, c0: c, c1: c };
  }

  protected override _props(): Props<ColumnTarget> {
    const wb = this.context._wb;
    return {
      id: { get: (x) => x.id },
      index: { get: (x) => x.table.columnIds.indexOf(x.id) },
      name: {
        get: (x) => x.table.headers()[x.table.columnIds.indexOf(x.id)],
        set: (x, v) => wb.writeCells(x.table.sheet, this.colRect(x, "header")!, [[String(v)]], ADDIN),
      },
      values: { get: (x) => wb.readValues(x.table.sheet, this.colRect(x, "all")!), set: (x, v) => wb.writeCells(x.table.sheet, this.colRect(x, "all")!, v, ADDIN) },
    };
  }

  get id(): number {
    return this._get("id");
  }
  get index(): number {
    return this._get("index");
  }
  get name(): string {
    return this._get("name");
  }
  set name(v: string) {
    this._put("name", v);
  }
  get values(): any[][] {
    return this._get("values");
  }
  set values(v: any[][]) {
    this._put("values", v);
  }

  private range(where: string, part: "all" | "body" | "header" | "totals"): SimRange {
    return new SimRange(this.context)._instantiate(`TableColumn.${where}`, () => {
      const x = this._t();
      const r = this.colRect(x, part);
      if (!r) throw notFound(`${where} of table '${x.table.name}'`);
      return { sheet: x.table.sheet, rect: r };
    });
  }

  getRange(): SimRange {
    return this.range("getRange", "all");
  }
  getDataBodyRange(): SimRange {
    return this.range("getDataBodyRange", "body");
  }
  getHeaderRowRange(): SimRange {
    return this.range("getHeaderRowRange", "header");
  }
  getTotalRowRange(): SimRange {
    return this.range("getTotalRowRange", "totals");
  }

  delete(): void {
    this._call("delete", (x) => {
      if (x.table.columnCount === 1) throw new SimError("InvalidOperation", "The last column of a table can't be deleted.");
      const r = this.colRect(x, "all")!;
      deleteCells(this.context._wb, x.table.sheet, r, "Left", ADDIN);
      this.context._wb.emitChanged(x.table.sheet, r, "ColumnDeleted", ADDIN);
    });
  }
}
