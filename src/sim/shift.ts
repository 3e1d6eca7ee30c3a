/**
 * Inserting and deleting cells (Range.insert / Range.delete, table rows and columns): cells
 * move, tables move, grow or shrink, conditional formats and merges follow, and every formula
 * that points into the moved area is rewritten as Excel rewrites it (#REF! for deleted cells).
 */
import { MAX_COLS, MAX_ROWS, keyCol, keyRow, type Rect } from "./a1";
import { SHIFT_TABLE, SimError } from "./errors";
import { mapReferences, refRect, type Ref, type RefPart } from "./formula";
import type { SimCell, SimSheet, SimTable } from "./sheet";
import type { SimWorkbook, TriggerSource } from "./workbook";

type Axis = "rows" | "cols";

/** A rectangle seen along the shift axis (a) and across it (b). */
interface Span {
  a0: number;
  a1: number;
  b0: number;
  b1: number;
}

function toSpan(r: Rect, ax: Axis): Span {
  return ax === "rows" ? { a0: r.r0, a1: r.r1, b0: r.c0, b1: r.c1 } : { a0: r.c0, a1: r.c1, b0: r.r0, b1: r.r1 };
}

function fromSpan(s: Span, ax: Axis): Rect {
  return ax === "rows" ? { r0: s.a0, r1: s.a1, c0: s.b0, c1: s.b1 } : { r0: s.b0, r1: s.b1, c0: s.a0, c1: s.a1 };
}

function limit(ax: Axis): number {
  return ax === "rows" ? MAX_ROWS : MAX_COLS;
}

function refersTo(ref: Ref, formulaSheet: SimSheet, sheet: SimSheet): boolean {
  return ref.sheet === undefined ? formulaSheet === sheet : ref.sheet.toLowerCase() === sheet.name.toLowerCase();
}

function along(p: RefPart, ax: Axis): number | undefined {
  return ax === "rows" ? p.row : p.col;
}

function withAlong(p: RefPart, ax: Axis, v: number): RefPart {
  return ax === "rows" ? { ...p, row: v } : { ...p, col: v };
}

/** Whether the band spans everything across (whole rows for a row shift, whole columns for a column shift). */
function isWhole(band: Span, ax: Axis): boolean {
  return band.b0 === 0 && band.b1 === (ax === "rows" ? MAX_COLS : MAX_ROWS) - 1;
}

function moveCells(sheet: SimSheet, ax: Axis, band: Span, from: number, delta: number): void {
  const moved: [number, number, SimCell][] = [];
  for (const [k, c] of sheet.cells) {
    const row = keyRow(k);
    const col = keyCol(k);
    const a = ax === "rows" ? row : col;
    const b = ax === "rows" ? col : row;
    if (b >= band.b0 && b <= band.b1 && a >= from) moved.push([row, col, c]);
  }
  for (const [row, col] of moved) sheet.place(row, col, undefined);
  for (const [row, col, c] of moved) {
    if (ax === "rows") sheet.place(row + delta, col, c);
    else sheet.place(row, col + delta, c);
  }
}

function shiftSizes(sizes: Map<number, number>, at: number, delta: number, removeTo?: number): void {
  const entries = [...sizes.entries()];
  sizes.clear();
  for (const [k, v] of entries) {
    if (removeTo !== undefined) {
      if (k >= at && k <= removeTo) continue;
      sizes.set(k > removeTo ? k + delta : k, v);
    } else sizes.set(k >= at ? k + delta : k, v);
  }
}

/**
 * Inserts the rectangle `r`, shifting cells down ("Down") or right ("Right"). `except` is a
 * table the caller grows itself (table rows and columns being added).
 */
export function insertCells(wb: SimWorkbook, sheet: SimSheet, r: Rect, dir: "Down" | "Right", _trigger: TriggerSource, except?: SimTable): void {
  const ax: Axis = dir === "Down" ? "rows" : "cols";
  const band = toSpan(r, ax);
  const n = band.a1 - band.a0 + 1;
  const max = limit(ax);

  const updates: (() => void)[] = [];
  for (const t of wb.tables) {
    if (t.sheet !== sheet || t === except) continue;
    const T = toSpan(t.rect, ax);
    if (T.b1 < band.b0 || T.b0 > band.b1 || T.a1 < band.a0) continue;
    if (T.b0 < band.b0 || T.b1 > band.b1) throw new SimError("InvalidOperation", SHIFT_TABLE);
    if (T.a1 + n >= max) throw new SimError("InvalidOperation", "Cells can't be shifted off the worksheet.");
    if (T.a0 >= band.a0) updates.push(() => (t.rect = fromSpan({ ...T, a0: T.a0 + n, a1: T.a1 + n }, ax)));
    else
      updates.push(() => {
        t.rect = fromSpan({ ...T, a1: T.a1 + n }, ax);
        if (ax === "cols") t.columnIds.splice(band.a0 - T.a0, 0, ...Array.from({ length: n }, () => t.nextColumnId++));
      });
  }
  for (const k of sheet.cells.keys()) {
    const a = ax === "rows" ? keyRow(k) : keyCol(k);
    const b = ax === "rows" ? keyCol(k) : keyRow(k);
    if (b >= band.b0 && b <= band.b1 && a >= band.a0 && a + n >= max) throw new SimError("InvalidOperation", "Cells can't be shifted off the worksheet.");
  }

  moveCells(sheet, ax, band, band.a0, n);
  for (const u of updates) u();
  for (const t of wb.tables) if (t.sheet === sheet && t !== except && ax === "cols") wb.normalizeHeaders(t);

  const shiftRect = (x: Rect): Rect => {
    const s = toSpan(x, ax);
    if (s.b0 < band.b0 || s.b1 > band.b1) return x;
    return fromSpan({ ...s, a0: s.a0 >= band.a0 ? s.a0 + n : s.a0, a1: s.a1 >= band.a0 ? Math.min(max - 1, s.a1 + n) : s.a1 }, ax);
  };
  for (const cf of sheet.conditionalFormats) cf.rect = shiftRect(cf.rect);
  sheet.merges = sheet.merges.map(shiftRect);
  if (isWhole(band, ax)) shiftSizes(ax === "rows" ? sheet.rowHeights : sheet.columnWidths, band.a0, n);

  const rewrite = (formula: string, fs: SimSheet) =>
    mapReferences(formula, (ref) => {
      if (!refersTo(ref, fs, sheet)) return undefined;
      const s = toSpan(refRect(ref), ax);
      if (s.b0 < band.b0 || s.b1 > band.b1) return undefined;
      const pa = along(ref.a, ax);
      const pb = along(ref.b, ax);
      if (pa === undefined || pb === undefined) return undefined;
      if (pa < band.a0 && pb < band.a0) return undefined;
      const na = pa >= band.a0 ? pa + n : pa;
      const nb = pb >= band.a0 ? pb + n : pb;
      if (na >= max || nb >= max) return "#REF!";
      return { ...ref, a: withAlong(ref.a, ax, na), b: withAlong(ref.b, ax, nb) };
    });
  wb._rewriteFormulas(rewrite);
  rewriteRuleFormulas(wb, rewrite);
  wb.dirty = true;
}

/**
 * Formulas in conditional formats' rules (a custom rule's formula, a cell-value rule's formula1
 * and formula2) move with the cells as every other formula does: Excel keeps them pointing at
 * the same cells when rows or columns are inserted or deleted.
 */
function rewriteRuleFormulas(wb: SimWorkbook, rewrite: (formula: string, fs: SimSheet) => string): void {
  for (const s of wb.sheets) {
    for (const cf of s.conditionalFormats) {
      const visit = (o: Record<string, unknown>) => {
        for (const [k, v] of Object.entries(o)) {
          if (typeof v === "string" && (k === "formula" || k === "formula1" || k === "formula2") && v.startsWith("=")) o[k] = `=${rewrite(v.slice(1), s)}`;
          else if (typeof v === "object" && v !== null) visit(v as Record<string, unknown>);
        }
      };
      visit(cf.props);
    }
  }
}

/** Deletes the rectangle `r`, shifting cells up ("Up") or left ("Left"). */
export function deleteCells(wb: SimWorkbook, sheet: SimSheet, r: Rect, dir: "Up" | "Left", trigger: TriggerSource): void {
  const ax: Axis = dir === "Up" ? "rows" : "cols";
  const band = toSpan(r, ax);

  // Deleting every body row of a table leaves one empty row, as in Excel.
  if (ax === "rows") {
    for (const t of wb.tables) {
      if (t.sheet !== sheet) continue;
      const body = t.bodyRect;
      const T = toSpan(t.rect, ax);
      const inside = T.b0 >= band.b0 && T.b1 <= band.b1;
      if (inside && band.a0 === body.r0 && band.a1 >= body.r1) {
        if (band.a1 > band.a0) deleteCells(wb, sheet, fromSpan({ ...band, a0: band.a0 + 1 }, ax), dir, trigger);
        wb.clearRange(sheet, fromSpan({ ...band, a1: band.a0 }, ax), "All", trigger);
        return;
      }
    }
  }

  const n = band.a1 - band.a0 + 1;
  const updates: (() => void)[] = [];
  for (const t of [...wb.tables]) {
    if (t.sheet !== sheet) continue;
    const T = toSpan(t.rect, ax);
    if (T.b1 < band.b0 || T.b0 > band.b1 || T.a1 < band.a0) continue;
    if (T.b0 < band.b0 || T.b1 > band.b1) throw new SimError("InvalidOperation", SHIFT_TABLE);
    if (T.a0 > band.a1) updates.push(() => (t.rect = fromSpan({ ...T, a0: T.a0 - n, a1: T.a1 - n }, ax)));
    else if (band.a0 <= T.a0 && band.a1 >= T.a1) updates.push(() => wb.removeTable(t));
    else if (band.a0 <= T.a0) throw new SimError("InvalidOperation", "The table's header row can't be deleted on its own.");
    else {
      const removed = Math.min(band.a1, T.a1) - band.a0 + 1;
      updates.push(() => {
        t.rect = fromSpan({ ...T, a1: T.a1 - removed }, ax);
        if (ax === "cols") t.columnIds.splice(band.a0 - T.a0, removed);
      });
    }
  }

  for (const k of [...sheet.cells.keys()]) {
    const a = ax === "rows" ? keyRow(k) : keyCol(k);
    const b = ax === "rows" ? keyCol(k) : keyRow(k);
    if (b >= band.b0 && b <= band.b1 && a >= band.a0 && a <= band.a1) sheet.place(keyRow(k), keyCol(k), undefined);
  }
  moveCells(sheet, ax, band, band.a1 + 1, -n);
  for (const u of updates) u();

  const shiftRect = (x: Rect): Rect | undefined => {
    const s = toSpan(x, ax);
    if (s.b0 < band.b0 || s.b1 > band.b1) return x;
    const lo = s.a0 > band.a1 ? s.a0 - n : s.a0 >= band.a0 ? band.a0 : s.a0;
    const hi = s.a1 > band.a1 ? s.a1 - n : s.a1 >= band.a0 ? band.a0 - 1 : s.a1;
    return hi < lo ? undefined : fromSpan({ ...s, a0: lo, a1: hi }, ax);
  };
  sheet.conditionalFormats = sheet.conditionalFormats.flatMap((cf) => {
    const next = shiftRect(cf.rect);
    return next ? [{ ...cf, rect: next }] : [];
  });
  sheet.merges = sheet.merges.flatMap((m) => {
    const next = shiftRect(m);
    return next && next.r1 - next.r0 + next.c1 - next.c0 > 0 ? [next] : [];
  });
  if (isWhole(band, ax)) shiftSizes(ax === "rows" ? sheet.rowHeights : sheet.columnWidths, band.a0, -n, band.a1);

  const rewrite = (formula: string, fs: SimSheet) =>
    mapReferences(formula, (ref) => {
      if (!refersTo(ref, fs, sheet)) return undefined;
      const s = toSpan(refRect(ref), ax);
      if (s.b0 < band.b0 || s.b1 > band.b1) return undefined;
      const pa = along(ref.a, ax);
      const pb = along(ref.b, ax);
      if (pa === undefined || pb === undefined) return undefined;
      if (pa < band.a0 && pb < band.a0) return undefined;
      const lo = Math.min(pa, pb);
      const hi = Math.max(pa, pb);
      const nlo = lo > band.a1 ? lo - n : lo >= band.a0 ? band.a0 : lo;
      const nhi = hi > band.a1 ? hi - n : hi >= band.a0 ? band.a0 - 1 : hi;
      if (nhi < nlo) return "#REF!";
      const aIsLo = pa <= pb;
      return { ...ref, a: withAlong(ref.a, ax, aIsLo ? nlo : nhi), b: withAlong(ref.b, ax, aIsLo ? nhi : nlo) };
    });
  wb._rewriteFormulas(rewrite);
  rewriteRuleFormulas(wb, rewrite);
  wb.dirty = true;
}
