/**
 * Charts in the in-memory workbook: the part of Excel.Chart the add-in uses (ExcelApi 1.1–1.7):
 * `worksheet.charts.add(type, sourceData, seriesBy)`, `getItem`/`getItemOrNullObject(name)`,
 * `items`/`count`, a chart's `name`, `chartType`, `title.text`, `legend.position`/`visible`,
 * `setPosition(start, end)`, `delete()`, and its series (`name`, `setValues`, `setXAxisValues`,
 * `getItemAt`, `count`).
 *
 * A series is bound to cells, not to numbers, as in Excel: reading it reads the cells as they are
 * now. A range that is a whole column of a table's data body is bound to the table column (Excel
 * charts over a table grow and shrink with it), so a recompute that adds or removes table rows
 * needs no write to the chart. When the table is removed, the series keeps the cells it last had.
 */
import { SimError } from "./errors";
import { rectA1, type Rect } from "./a1";
import type { SimSheet, SimTable } from "./sheet";
import type { SimWorkbook } from "./workbook";
import { SimClientObject, SimRange, SimWorksheet, type SimRequestContext } from "./excel-api";

/** Where a series' numbers or categories are: a table column's body, or fixed cells. */
export type SimBinding = { kind: "table"; table: SimTable; columnId: number; last: Rect } | { kind: "cells"; sheet: SimSheet; rect: Rect };

export interface SimSeriesState {
  name: string;
  /** Fill colour from format.fill.setSolidColor, "" for automatic. */
  fill: string;
  values: SimBinding | null;
  categories: SimBinding | null;
}

export interface SimChartState {
  id: string;
  name: string;
  chartType: string;
  sheet: SimSheet;
  title: string;
  legend: { position: string; visible: boolean };
  /** Category axis drawn from the last category to the first (rank 1 on top of a bar chart). */
  reversePlotOrder: boolean;
  /** Top-left and bottom-right cells from setPosition, "" until set. */
  position: { start: string; end: string };
  series: SimSeriesState[];
  deleted: boolean;
}

/** What a test sees of a chart: its series with the cells they read now and their values. */
export interface SimChartInfo {
  name: string;
  chartType: string;
  title: string;
  legend: string;
  reversePlotOrder: boolean;
  position: { start: string; end: string };
  series: { name: string; fill: string; values: string | null; categories: string | null; numbers: (number | null)[]; labels: string[] }[];
}

const notFound = (what: string) => new SimError("ItemNotFound", `The requested resource doesn't exist: ${what}.`);

/** Charts per sheet, kept beside the workbook without widening its state. */
const registry = new WeakMap<SimSheet, SimChartState[]>();
let nextChartId = 1;

export function chartsOf(sheet: SimSheet): SimChartState[] {
  let list = registry.get(sheet);
  if (!list) registry.set(sheet, (list = []));
  return list;
}

/** The cells a binding reads now. */
export function bindingRect(b: SimBinding): { sheet: SimSheet; rect: Rect } {
  if (b.kind === "cells") return { sheet: b.sheet, rect: b.rect };
  const t = b.table;
  if (!t.deleted) {
    const i = t.columnIds.indexOf(b.columnId);
    if (i >= 0) {
      const body = t.bodyRect;
      b.last = { r0: body.r0, c0: body.c0 + i, r1: body.r1, c1: body.c0 + i };
    }
  }
  return { sheet: t.sheet, rect: b.last };
}

/** A range as a series binding: a whole table-body column binds to the table, anything else to its cells. */
export function bind(wb: SimWorkbook, sheet: SimSheet, r: Rect): SimBinding {
  for (const t of wb.tables) {
    if (t.sheet !== sheet || r.c0 !== r.c1) continue;
    const body = t.bodyRect;
    if (r.r0 === body.r0 && r.r1 === body.r1 && r.c0 >= body.c0 && r.c0 <= body.c1) return { kind: "table", table: t, columnId: t.columnIds[r.c0 - body.c0], last: r };
  }
  return { kind: "cells", sheet, rect: r };
}

function cellsOf(b: SimBinding | null): { address: string | null; values: unknown[] } {
  if (!b) return { address: null, values: [] };
  const { sheet, rect } = bindingRect(b);
  const values: unknown[] = [];
  for (let r = rect.r0; r <= rect.r1; r++) for (let c = rect.c0; c <= rect.c1; c++) values.push(sheet.get(r, c)?.value ?? null);
  return { address: `${sheet.name}!${rectA1(rect)}`, values };
}

export function chartInfo(wb: SimWorkbook, c: SimChartState): SimChartInfo {
  wb.calculate();
  return {
    name: c.name,
    chartType: c.chartType,
    title: c.title,
    legend: c.legend.visible ? c.legend.position : "",
    reversePlotOrder: c.reversePlotOrder,
    position: { ...c.position },
    series: c.series.map((s) => {
      const v = cellsOf(s.values);
      const x = cellsOf(s.categories);
      return {
        name: s.name,
        fill: s.fill,
        values: v.address,
        categories: x.address,
        numbers: v.values.map((n) => (typeof n === "number" ? n : null)),
        labels: x.values.map((l) => (l === null ? "" : typeof l === "object" ? String((l as { error: string }).error) : String(l))),
      };
    }),
  };
}

const CHART_TYPES = new Set(["BarStacked", "BarClustered", "BarStacked100", "ColumnStacked", "ColumnClustered", "ColumnStacked100", "Line", "Pie"]);

/** Excel.ChartCollection of a worksheet. */
export class SimChartCollection extends SimClientObject<SimSheet> {
  readonly _entity = "ChartCollection";
  /** @internal */ _items: SimChart$[] | undefined;

  protected override _props() {
    return { count: { get: (s: SimSheet) => chartsOf(s).filter((c) => !c.deleted).length } };
  }

  get count(): number {
    return this._get("count");
  }

  get items(): SimChart$[] {
    if (!this._items) throw new SimError("PropertyNotLoaded", "The property 'items' is not available. Load it and sync first.");
    return this._items;
  }

  override _snapshot(paths: string[]): () => void {
    const s = this._tOrNull();
    if (s === null) return () => undefined;
    const itemPaths = paths.filter((p) => p !== "items" && p !== "count").map((p) => p.replace(/^items\//, ""));
    const items = chartsOf(s)
      .filter((c) => !c.deleted)
      .map((c) => new SimChart$(this.context)._fix(c));
    const commits = items.map((i) => i._snapshot(itemPaths));
    const count = items.length;
    return () => {
      this._items = items;
      this._loaded.set("count", count);
      for (const c of commits) c();
    };
  }

  /**
   * A chart over `sourceData`: with seriesBy "Columns" (or "Auto" on a range taller than wide)
   * each column is a series, named by its first cell when that is text; otherwise each row.
   */
  add(type: string, sourceData: SimRange, seriesBy: string = "Auto"): SimChart$ {
    return new SimChart$(this.context)._instantiate("ChartCollection.add", () => {
      const sheet = this._t();
      if (!CHART_TYPES.has(String(type))) throw new SimError("InvalidArgument", `Chart type '${type}' is not one the in-memory workbook draws.`);
      const src = sourceData._t();
      const r = src.rect;
      const byColumns = seriesBy === "Columns" || (seriesBy !== "Rows" && r.r1 - r.r0 >= r.c1 - r.c0);
      const wb = this.context._wb;
      const series: SimSeriesState[] = [];
      const n = byColumns ? r.c1 - r.c0 + 1 : r.r1 - r.r0 + 1;
      for (let i = 0; i < n; i++) {
        const first = byColumns ? src.sheet.get(r.r0, r.c0 + i)?.value : src.sheet.get(r.r0 + i, r.c0)?.value;
        const named = typeof first === "string" && first !== "";
        const body: Rect = byColumns
          ? { r0: r.r0 + (named ? 1 : 0), c0: r.c0 + i, r1: r.r1, c1: r.c0 + i }
          : { r0: r.r0 + i, c0: r.c0 + (named ? 1 : 0), r1: r.r0 + i, c1: r.c1 };
        series.push({ name: named ? first : `Series${i + 1}`, fill: "", values: bind(wb, src.sheet, body), categories: null });
      }
      const c: SimChartState = {
        id: `{chart-${nextChartId++}}`,
        name: `Chart ${chartsOf(sheet).length + 1}`,
        chartType: String(type),
        sheet,
        title: "",
        legend: { position: "Right", visible: true },
        reversePlotOrder: false,
        position: { start: "", end: "" },
        series,
        deleted: false,
      };
      chartsOf(sheet).push(c);
      return c;
    });
  }

  getItem(name: string): SimChart$ {
    return new SimChart$(this.context)._instantiate("ChartCollection.getItem", () => {
      const c = this.find(name);
      if (!c) throw notFound(`chart '${name}'`);
      return c;
    });
  }

  getItemOrNullObject(name: string): SimChart$ {
    return new SimChart$(this.context)._instantiate("ChartCollection.getItemOrNullObject", () => this.find(name) ?? null);
  }

  private find(name: string): SimChartState | undefined {
    return chartsOf(this._t()).find((c) => !c.deleted && c.name.toLowerCase() === name.toLowerCase());
  }
}

/** Excel.Chart. */
export class SimChart$ extends SimClientObject<SimChartState> {
  readonly _entity = "Chart";
  private _series?: SimSeriesCollection;
  private _title?: SimChartTitle;
  private _legend?: SimChartLegend;
  private _axes?: SimChartAxes;

  protected override _check(c: SimChartState): void {
    if (c.deleted) throw notFound(`chart '${c.name}' (deleted)`);
  }

  protected override _props() {
    return {
      name: {
        get: (c: SimChartState) => c.name,
        set: (c: SimChartState, v: unknown) => {
          const name = String(v);
          if (chartsOf(c.sheet).some((o) => o !== c && !o.deleted && o.name.toLowerCase() === name.toLowerCase())) {
            throw new SimError("InvalidArgument", `A chart named '${name}' already exists on the sheet.`);
          }
          c.name = name;
        },
      },
      id: { get: (c: SimChartState) => c.id },
      chartType: { get: (c: SimChartState) => c.chartType, set: (c: SimChartState, v: unknown) => (c.chartType = String(v)) },
    };
  }

  protected override _navs() {
    return { series: () => this.series, title: () => this.title, legend: () => this.legend, axes: () => this.axes };
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
  get chartType(): string {
    return this._get("chartType");
  }
  set chartType(v: string) {
    this._put("chartType", v);
  }

  get series(): SimSeriesCollection {
    return (this._series ??= new SimSeriesCollection(this.context)._deriveFrom(this, (c) => c));
  }
  get title(): SimChartTitle {
    return (this._title ??= new SimChartTitle(this.context)._deriveFrom(this, (c) => c));
  }
  get legend(): SimChartLegend {
    return (this._legend ??= new SimChartLegend(this.context)._deriveFrom(this, (c) => c));
  }
  get axes(): SimChartAxes {
    return (this._axes ??= new SimChartAxes(this.context)._deriveFrom(this, (c) => c));
  }

  /** Places the chart over the cells from `startCell` to `endCell` (A1 addresses on its sheet, or Ranges). */
  setPosition(startCell: SimRange | string, endCell?: SimRange | string): void {
    this._call("setPosition", (c) => {
      const cell = (x: SimRange | string) => (typeof x === "string" ? x : rectA1(x._t().rect));
      c.position = { start: cell(startCell), end: endCell === undefined ? "" : cell(endCell) };
    });
  }

  delete(): void {
    this._call("delete", (c) => (c.deleted = true));
  }
}

export class SimChartAxes extends SimClientObject<SimChartState> {
  readonly _entity = "ChartAxes";
  private _category?: SimCategoryAxis;
  protected override _navs() {
    return { categoryAxis: () => this.categoryAxis };
  }
  get categoryAxis(): SimCategoryAxis {
    return (this._category ??= new SimCategoryAxis(this.context)._deriveFrom(this, (c) => c));
  }
}

/** The category axis: only reversePlotOrder (ExcelApi 1.7). */
export class SimCategoryAxis extends SimClientObject<SimChartState> {
  readonly _entity = "ChartAxis";
  protected override _props() {
    return { reversePlotOrder: { get: (c: SimChartState) => c.reversePlotOrder, set: (c: SimChartState, v: unknown) => (c.reversePlotOrder = Boolean(v)) } };
  }
  get reversePlotOrder(): boolean {
    return this._get("reversePlotOrder");
  }
  set reversePlotOrder(v: boolean) {
    this._put("reversePlotOrder", v);
  }
}

export class SimChartTitle extends SimClientObject<SimChartState> {
  readonly _entity = "ChartTitle";
  protected override _props() {
    return { text: { get: (c: SimChartState) => c.title, set: (c: SimChartState, v: unknown) => (c.title = String(v)) } };
  }
  get text(): string {
    return this._get("text");
  }
  set text(v: string) {
    this._put("text", v);
  }
}

export class SimChartLegend extends SimClientObject<SimChartState> {
  readonly _entity = "ChartLegend";
  protected override _props() {
    return {
      position: { get: (c: SimChartState) => c.legend.position, set: (c: SimChartState, v: unknown) => (c.legend.position = String(v)) },
      visible: { get: (c: SimChartState) => c.legend.visible, set: (c: SimChartState, v: unknown) => (c.legend.visible = Boolean(v)) },
    };
  }
  get position(): string {
    return this._get("position");
  }
  set position(v: string) {
    this._put("position", v);
  }
  get visible(): boolean {
    return this._get("visible");
  }
  set visible(v: boolean) {
    this._put("visible", v);
  }
}

export class SimSeriesCollection extends SimClientObject<SimChartState> {
  readonly _entity = "ChartSeriesCollection";
  /** @internal */ _items: SimSeries$[] | undefined;

  protected override _props() {
    return { count: { get: (c: SimChartState) => c.series.length } };
  }
  get count(): number {
    return this._get("count");
  }
  get items(): SimSeries$[] {
    if (!this._items) throw new SimError("PropertyNotLoaded", "The property 'items' is not available. Load it and sync first.");
    return this._items;
  }

  override _snapshot(paths: string[]): () => void {
    const c = this._tOrNull();
    if (c === null) return () => undefined;
    const itemPaths = paths.filter((p) => p !== "items" && p !== "count").map((p) => p.replace(/^items\//, ""));
    const items = c.series.map((s) => new SimSeries$(this.context)._fix(s));
    const commits = items.map((i) => i._snapshot(itemPaths));
    const count = items.length;
    return () => {
      this._items = items;
      this._loaded.set("count", count);
      for (const x of commits) x();
    };
  }

  getItemAt(index: number): SimSeries$ {
    return new SimSeries$(this.context)._instantiate("ChartSeriesCollection.getItemAt", () => {
      const s = this._t().series[index];
      if (!s) throw notFound(`series ${index}`);
      return s;
    });
  }

  /** A new series without data (ExcelApi 1.7); give it values with setValues. */
  add(name?: string): SimSeries$ {
    return new SimSeries$(this.context)._instantiate("ChartSeriesCollection.add", () => {
      const c = this._t();
      const s: SimSeriesState = { name: name ?? `Series${c.series.length + 1}`, fill: "", values: null, categories: null };
      c.series.push(s);
      return s;
    });
  }
}

export class SimSeries$ extends SimClientObject<SimSeriesState> {
  readonly _entity = "ChartSeries";
  private _format?: SimSeriesFormat;
  protected override _navs() {
    return { format: () => this.format };
  }
  get format(): SimSeriesFormat {
    return (this._format ??= new SimSeriesFormat(this.context)._deriveFrom(this, (s) => s));
  }
  protected override _props() {
    return { name: { get: (s: SimSeriesState) => s.name, set: (s: SimSeriesState, v: unknown) => (s.name = String(v)) } };
  }
  get name(): string {
    return this._get("name");
  }
  set name(v: string) {
    this._put("name", v);
  }

  /** The numbers of the series: a one-column or one-row range (ExcelApi 1.7). */
  setValues(sourceData: SimRange): void {
    this._call("setValues", (s) => (s.values = this.bindRange(sourceData)));
  }

  /** The category labels: a one-column or one-row range (ExcelApi 1.7). */
  setXAxisValues(sourceData: SimRange): void {
    this._call("setXAxisValues", (s) => (s.categories = this.bindRange(sourceData)));
  }

  private bindRange(r: SimRange): SimBinding {
    const t = r._t();
    if (t.rect.r0 !== t.rect.r1 && t.rect.c0 !== t.rect.c1) throw new SimError("InvalidArgument", "A series takes one row or one column.");
    return bind(this.context._wb, t.sheet, t.rect);
  }
}

export class SimSeriesFormat extends SimClientObject<SimSeriesState> {
  readonly _entity = "ChartSeriesFormat";
  private _fill?: SimSeriesFill;
  protected override _navs() {
    return { fill: () => this.fill };
  }
  get fill(): SimSeriesFill {
    return (this._fill ??= new SimSeriesFill(this.context)._deriveFrom(this, (s) => s));
  }
}

export class SimSeriesFill extends SimClientObject<SimSeriesState> {
  readonly _entity = "ChartFill";
  setSolidColor(color: string): void {
    this._call("setSolidColor", (s) => (s.fill = String(color)));
  }
  clear(): void {
    this._call("clear", (s) => (s.fill = ""));
  }
}

/** A table is going: series bound to its columns keep the cells they read last. */
export function detachTable(sheets: readonly SimSheet[], t: SimTable): void {
  for (const sheet of sheets) {
    for (const c of chartsOf(sheet)) {
      for (const s of c.series) {
        for (const key of ["values", "categories"] as const) {
          const b = s[key];
          if (b?.kind === "table" && b.table === t) {
            const { rect } = bindingRect(b);
            s[key] = { kind: "cells", sheet: t.sheet, rect };
          }
        }
      }
    }
  }
}

// Worksheet.charts, added here so the worksheet proxy stays as it is.
declare module "./excel-api" {
  interface SimWorksheet {
    readonly charts: SimChartCollection;
  }
}
const chartCollections = new WeakMap<SimWorksheet, SimChartCollection>();
Object.defineProperty(SimWorksheet.prototype, "charts", {
  get(this: SimWorksheet): SimChartCollection {
    let c = chartCollections.get(this);
    if (!c) chartCollections.set(this, (c = new SimChartCollection(this.context)._deriveFrom(this, (s) => s)));
    return c;
  },
});

export type { SimRequestContext };
