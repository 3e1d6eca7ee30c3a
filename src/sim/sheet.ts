/** The state of one worksheet and of one table of the in-memory workbook. */
import type { CellValue } from "../core/cell";
import { MAX_COLS, areaOf, cellKey, keyCol, keyRow, rect, type Rect } from "./a1";

export interface SimFont {
  bold?: boolean;
  italic?: boolean;
  color?: string;
  size?: number;
  name?: string;
  underline?: string;
}

/** Direct formatting of a cell (table styles are not expanded into cells). */
export interface SimCellFormat {
  /** Fill colour as written, e.g. "#F8CBAD". */
  fill?: string;
  font?: SimFont;
  wrapText?: boolean;
  horizontalAlignment?: string;
  verticalAlignment?: string;
}

export interface SimErrorAlert {
  showAlert: boolean;
  style: string;
  title: string;
  message: string;
}

export interface SimPrompt {
  showPrompt: boolean;
  title: string;
  message: string;
}

export interface SimValidation {
  rule: Record<string, unknown> | null;
  errorAlert: SimErrorAlert;
  prompt: SimPrompt;
  ignoreBlanks: boolean;
}

export function defaultValidation(): SimValidation {
  return {
    rule: null,
    errorAlert: { showAlert: true, style: "Stop", title: "", message: "" },
    prompt: { showPrompt: false, title: "", message: "" },
    ignoreBlanks: true,
  };
}

export interface SimCell {
  /** The constant, or the last computed result of the formula. */
  value: CellValue;
  /** The formula without "=". */
  formula?: string;
  /** undefined means "General". */
  numberFormat?: string;
  format?: SimCellFormat;
  note?: string;
  /** Shared between cells and never changed in place: a change makes a new object. */
  validation?: SimValidation;
}

export interface SimConditionalFormat {
  id: string;
  rect: Rect;
  /** "DataBar", "Custom", "CellValue", "ColorScale", "IconSet", "TopBottom", "PresetCriteria", "ContainsText". */
  type: string;
  priority: number;
  stopIfTrue: boolean;
  /** What was set through the sub-objects, e.g. `{ dataBar: { barDirection: "LeftToRight", positiveFormat: { fillColor } } }`. */
  props: Record<string, unknown>;
}

export type Visibility = "Visible" | "Hidden" | "VeryHidden";

export const DEFAULT_COLUMN_WIDTH = 48;
export const DEFAULT_ROW_HEIGHT = 15;

function isEmptyCell(c: SimCell): boolean {
  return (
    c.value === null &&
    c.formula === undefined &&
    c.numberFormat === undefined &&
    c.format === undefined &&
    c.note === undefined &&
    c.validation === undefined
  );
}

/** Whether a cell holds something a used range with valuesOnly counts. */
export function hasContent(c: SimCell | undefined): boolean {
  return c !== undefined && (c.value !== null || c.formula !== undefined);
}

export class SimSheet {
  readonly cells = new Map<number, SimCell>();
  /** Keys of the cells that hold formulas. */
  readonly formulaKeys = new Set<number>();
  visibility: Visibility = "Visible";
  tabColor = "";
  showGridlines = true;
  conditionalFormats: SimConditionalFormat[] = [];
  frozenRows = 0;
  frozenColumns = 0;
  readonly columnWidths = new Map<number, number>();
  readonly rowHeights = new Map<number, number>();
  merges: Rect[] = [];
  /** The selection this sheet shows when it is active. */
  selection: Rect = rect(0, 0);
  deleted = false;

  constructor(
    readonly id: string,
    public name: string,
  ) {}

  get(row: number, col: number): SimCell | undefined {
    return this.cells.get(cellKey(row, col));
  }

  /** The cell at (row, col), created blank if absent. */
  ensure(row: number, col: number): SimCell {
    const k = cellKey(row, col);
    let c = this.cells.get(k);
    if (!c) {
      c = { value: null };
      this.cells.set(k, c);
    }
    return c;
  }

  /** Drops the cell when nothing is left in it; keeps formulaKeys in step. */
  tidy(row: number, col: number): void {
    const k = cellKey(row, col);
    const c = this.cells.get(k);
    if (!c) {
      this.formulaKeys.delete(k);
      return;
    }
    if (c.formula === undefined) this.formulaKeys.delete(k);
    else this.formulaKeys.add(k);
    if (isEmptyCell(c)) this.cells.delete(k);
  }

  /** Puts a cell object at a position (used when cells move). */
  place(row: number, col: number, c: SimCell | undefined): void {
    const k = cellKey(row, col);
    if (!c) {
      this.cells.delete(k);
      this.formulaKeys.delete(k);
      return;
    }
    this.cells.set(k, c);
    if (c.formula === undefined) this.formulaKeys.delete(k);
    else this.formulaKeys.add(k);
  }

  /**
   * The stored cells inside a rectangle, row by row. Small rectangles are walked cell by cell;
   * large ones (whole columns) through the stored cells.
   */
  cellsIn(r: Rect): { row: number; col: number; cell: SimCell }[] {
    const out: { row: number; col: number; cell: SimCell }[] = [];
    if (areaOf(r) <= Math.max(4096, this.cells.size)) {
      for (let row = r.r0; row <= r.r1; row++) {
        for (let col = r.c0; col <= r.c1; col++) {
          const cell = this.cells.get(row * MAX_COLS + col);
          if (cell) out.push({ row, col, cell });
        }
      }
      return out;
    }
    const keys = [...this.cells.keys()].filter((k) => {
      const row = keyRow(k);
      const col = keyCol(k);
      return row >= r.r0 && row <= r.r1 && col >= r.c0 && col <= r.c1;
    });
    keys.sort((a, b) => a - b);
    for (const k of keys) out.push({ row: keyRow(k), col: keyCol(k), cell: this.cells.get(k)! });
    return out;
  }

  /** The smallest rectangle holding every cell with content (valuesOnly) or with anything. */
  usedRect(valuesOnly: boolean): Rect | undefined {
    let r0 = Infinity;
    let c0 = Infinity;
    let r1 = -1;
    let c1 = -1;
    for (const [k, c] of this.cells) {
      if (valuesOnly ? !hasContent(c) : false) continue;
      const row = keyRow(k);
      const col = keyCol(k);
      if (row < r0) r0 = row;
      if (row > r1) r1 = row;
      if (col < c0) c0 = col;
      if (col > c1) c1 = col;
    }
    return r1 < 0 ? undefined : { r0, c0, r1, c1 };
  }

  columnWidth(col: number): number {
    return this.columnWidths.get(col) ?? DEFAULT_COLUMN_WIDTH;
  }

  rowHeight(row: number): number {
    return this.rowHeights.get(row) ?? DEFAULT_ROW_HEIGHT;
  }
}

export class SimTable {
  showHeaders = true;
  showTotals = false;
  style = "TableStyleMedium2";
  showBandedRows = true;
  showBandedColumns = false;
  showFilterButton = true;
  highlightFirstColumn = false;
  highlightLastColumn = false;
  deleted = false;
  /** Stable ids of the columns, left to right. */
  columnIds: number[] = [];
  nextColumnId = 1;

  constructor(
    readonly id: string,
    public name: string,
    public sheet: SimSheet,
    /** The whole table: header row, body and (when shown) the totals row. */
    public rect: Rect,
  ) {
    for (let c = rect.c0; c <= rect.c1; c++) this.columnIds.push(this.nextColumnId++);
  }

  get headerRow(): number {
    return this.rect.r0;
  }

  get headerRect(): Rect {
    return { r0: this.rect.r0, c0: this.rect.c0, r1: this.rect.r0, c1: this.rect.c1 };
  }

  get bodyRect(): Rect {
    return { r0: this.rect.r0 + 1, c0: this.rect.c0, r1: this.rect.r1 - (this.showTotals ? 1 : 0), c1: this.rect.c1 };
  }

  get totalsRect(): Rect | undefined {
    return this.showTotals ? { r0: this.rect.r1, c0: this.rect.c0, r1: this.rect.r1, c1: this.rect.c1 } : undefined;
  }

  get bodyRowCount(): number {
    return this.bodyRect.r1 - this.bodyRect.r0 + 1;
  }

  get columnCount(): number {
    return this.rect.c1 - this.rect.c0 + 1;
  }

  /** The header names, as they stand in the header cells. */
  headers(): string[] {
    const out: string[] = [];
    for (let c = this.rect.c0; c <= this.rect.c1; c++) {
      const v = this.sheet.get(this.rect.r0, c)?.value;
      out.push(v === null || v === undefined ? "" : typeof v === "object" ? v.error : String(v));
    }
    return out;
  }
}
