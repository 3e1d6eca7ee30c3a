/**
 * What «Synkroniser» writes into a legacy meeting workbook: the correct value in every group
 * and Score cell that disagrees with the model (a blank where there is no value, instead of
 * #DIV/0!), the correct rank in every Rangering cell, and a summary sheet listed in rank order
 * whose scores are links to the theme sheets' Score cells instead of typed copies. Each write
 * carries what the cell held before, for the log. Cells that already agree are left alone, and
 * summary rows that match no measure stay where they are.
 */
import type { Assessment, MeasureResult } from "../core/assess";
import { address } from "../core/address";
import { isCellError, type CellValue } from "../core/cell";
import { nearlyEqual } from "../core/rank";
import { numberOf, type GridCell } from "./grid";
import type { LegacyMeasure, LegacyWorkbook, PlacedCell, SummaryRow } from "./legacy";
import { matchSummary } from "./legacy-audit";

export interface CellWrite {
  sheet: string;
  row: number;
  col: number;
  /** Excel's address with the sheet, for the log. */
  address: string;
  /** A value, or (when `formula`) a formula starting with "=". */
  after: string | number;
  /** `after` is a formula; otherwise a string is text, whatever it starts with. */
  formula?: boolean;
  /** What the cell held: its formula if it had one, else its value as text. */
  before: string;
  measure: string;
}

export function describeCell(cell: GridCell | undefined): string {
  if (!cell) return "";
  if (cell.formula) return `=${cell.formula}`;
  const v: CellValue = cell.value;
  if (v === null) return "";
  if (isCellError(v)) return v.error;
  return String(v);
}

function sameContent(cell: GridCell | undefined, after: string | number, tolerance: number, formula: boolean): boolean {
  if (formula && typeof after === "string") return `=${cell?.formula ?? ""}`.toLowerCase() === after.toLowerCase();
  const v = cell?.value ?? null;
  if (cell?.formula) return false;
  if (after === "") return v === null || (typeof v === "string" && v.trim() === "");
  if (typeof after === "string") return typeof v === "string" && v.trim() === after.trim();
  const n = numberOf(v);
  return typeof after === "number" && n !== undefined && nearlyEqual(n, after, tolerance);
}

function plan(out: CellWrite[], placed: PlacedCell, sheet: string, after: string | number, measure: string, tolerance: number, formula = false): void {
  if (sameContent(placed.cell, after, tolerance, formula)) return;
  out.push({ sheet, row: placed.row, col: placed.col, address: placed.address, after, before: describeCell(placed.cell), measure, ...(formula ? { formula } : {}) });
}

/** The cells the legacy sheets compute, made to agree with the model. */
function themeWrites(lw: LegacyWorkbook, byId: Map<string, MeasureResult>, tolerance: number): CellWrite[] {
  const out: CellWrite[] = [];
  for (const m of lw.measures) {
    const r = byId.get(m.input.id)!;
    for (const [key, placed] of m.computed) {
      const correct = key === "total" ? r.total : (r.values[key] ?? null);
      const shown = numberOf(placed.cell?.value);
      const agrees = correct === null ? !placed.cell || placed.cell.value === null : shown !== undefined && nearlyEqual(shown, correct, tolerance);
      if (!agrees) plan(out, placed, m.sheet, correct ?? "", m.input.name, tolerance);
    }
    if (m.rankCell) plan(out, m.rankCell, m.sheet, r.rank ?? "", m.input.name, tolerance);
  }
  return out;
}

function scoreLink(m: LegacyMeasure): string | undefined {
  const total = m.computed.get("total");
  return total ? `=${total.address}` : undefined;
}

/** The summary in rank order: matched rows and missing ranked measures fill the matched rows' places, then new rows below. */
function summaryWrites(lw: LegacyWorkbook, byId: Map<string, MeasureResult>, tolerance: number): CellWrite[] {
  const summary = lw.summary;
  if (!summary || summary.scoreCol < 0 || summary.rankCol < 0) return [];
  const matched = matchSummary(summary, lw.measures);
  const listed = new Set(matched.values());
  type Entry = { name: string; m: LegacyMeasure; r: MeasureResult; order: number };
  const entries: Entry[] = [];
  for (const [row, m] of matched) entries.push({ name: row.name, m, r: byId.get(m.input.id)!, order: row.row });
  for (const m of lw.measures) {
    const r = byId.get(m.input.id)!;
    if (!listed.has(m) && r.rank !== null) entries.push({ name: m.input.name, m, r, order: Number.MAX_SAFE_INTEGER });
  }
  entries.sort((a, b) => (a.r.rank ?? Infinity) - (b.r.rank ?? Infinity) || a.order - b.order);

  const places = [...matched.keys()].map((row: SummaryRow) => row.row).sort((a, b) => a - b);
  let below = Math.max(summary.headerRow, ...summary.rows.map((row) => row.row)) + 1;
  while (places.length < entries.length) places.push(below++);

  const cellAt = (row: number, col: number): PlacedCell => {
    const existing = summary.rows.find((x) => x.row === row);
    const cell =
      existing && col === summary.nameCol ? existing.nameCell : existing && col === summary.scoreCol ? existing.scoreCell : existing && col === summary.rankCol ? existing.rankCell : undefined;
    return cell ?? { row, col, address: address(summary.sheet, row, col), cell: undefined };
  };

  const out: CellWrite[] = [];
  entries.forEach((e, i) => {
    const row = places[i];
    plan(out, cellAt(row, summary.nameCol), summary.sheet, e.name, e.m.input.name, tolerance);
    const link = e.r.total === null ? undefined : scoreLink(e.m);
    plan(out, cellAt(row, summary.scoreCol), summary.sheet, e.r.total === null ? "" : (link ?? e.r.total), e.m.input.name, tolerance, link !== undefined);
    plan(out, cellAt(row, summary.rankCol), summary.sheet, e.r.rank ?? "", e.m.input.name, tolerance);
  });
  return out;
}

export function planLegacySync(lw: LegacyWorkbook, a: Assessment): CellWrite[] {
  const byId = new Map(a.measures.map((m) => [m.id, m]));
  return [...themeWrites(lw, byId, a.model.tolerance), ...summaryWrites(lw, byId, a.model.tolerance)];
}
