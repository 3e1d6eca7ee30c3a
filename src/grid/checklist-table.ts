/**
 * Reader of the checklist table (Sjekkliste: one row per measure, keyed by the scoring table's
 * ID): the six Ja/Nei questions, the placement the core computes from them, and the optional
 * portfolio columns (Aktør, Status, Risiko, Hovedmål, Bærekraftsmål, Budsjett). Columns are
 * found by their headers. An answer that is not Ja/Nei is a finding, never a guess.
 */
import { answerFromCell, place, SEGMENT_QUESTIONS, SIGNIFICANCE_QUESTIONS, type ChecklistAnswers, type ChecklistQuestion, type Placement } from "../core/checklist";
import { numberInText, type CellValue } from "../core/cell";
import { finding, type Finding } from "../core/findings";
import { normalize } from "../core/text";
import { addr, errorOf, isBlank, rowCount, tableOn, textAt, valueAt, type Grid } from "./grid";
import { CHECKLIST_COLUMNS, CHECKLIST_WORDS, TABLES, type ChecklistColumn } from "./layout";
import { hasHeaders, regionOfTable, type TableRegion, type TextField } from "./scoring-table";

export const QUESTIONS: ChecklistQuestion[] = [...SIGNIFICANCE_QUESTIONS, ...SEGMENT_QUESTIONS];

export type Colour = (typeof CHECKLIST_WORDS.colours)[number];

export interface Portfolio {
  status?: Colour;
  risk?: Colour;
  goal?: number;
  sdg?: number[];
  budget?: number;
}

export interface ChecklistRow {
  /** As typed ("" when blank). */
  id: string;
  name: string;
  actor: string;
  answers: ChecklistAnswers;
  placement: Placement;
  portfolio: Portfolio;
  comment: string;
  /** 0-based sheet row. */
  row: number;
  /** ID, Tiltak or Aktør cells holding an error value: the person's, never filled or overwritten. */
  errors?: Set<TextField>;
}

export interface ChecklistTable {
  rows: ChecklistRow[];
  columns: Partial<Record<ChecklistColumn, number>>;
  region: TableRegion;
  findings: Finding[];
}

/**
 * Where the checklist is: the Excel table PrioSjekkliste when the grid knows it (its range is
 * the region; notes beside or below are the person's); otherwise the header row (ID, Tiltak and
 * at least one question) and the cells under it.
 */
export function findChecklistRegion(g: Grid): TableRegion | undefined {
  const table = tableOn(g, TABLES.checklist);
  const headers = [CHECKLIST_COLUMNS.id, CHECKLIST_COLUMNS.name, CHECKLIST_COLUMNS.samstyre];
  if (table) return hasHeaders(g, table, headers) ? regionOfTable(table) : undefined;
  const want = new Set([CHECKLIST_COLUMNS.id, CHECKLIST_COLUMNS.name, CHECKLIST_COLUMNS.samstyre].map(normalize));
  for (let r = 0; r < rowCount(g); r++) {
    const row = g.rows[r] ?? [];
    const found = row.map((c, i) => [typeof c?.value === "string" ? normalize(c.value) : "", i] as const).filter(([k]) => want.has(k));
    if (found.length < want.size) continue;
    let firstCol = Math.min(...found.map(([, c]) => c));
    while (firstCol > 0 && textAt(g, r, firstCol - 1) !== undefined) firstCol--;
    let lastCol = Math.max(...found.map(([, c]) => c));
    while (textAt(g, r, lastCol + 1) !== undefined) lastCol++;
    let lastRow = r;
    for (let rr = r + 1; rr < rowCount(g); rr++) {
      for (let c = firstCol; c <= lastCol; c++) if (!isBlank(valueAt(g, rr, c))) lastRow = rr;
    }
    return { headerRow: r, firstCol, lastCol, lastRow };
  }
  return undefined;
}

function text(g: Grid, r: number, c: number | undefined): string {
  if (c === undefined) return "";
  const v = valueAt(g, r, c);
  return v === null || typeof v === "object" ? "" : String(v).trim();
}

function colour(v: string): Colour | undefined {
  const k = normalize(v);
  return CHECKLIST_WORDS.colours.find((c) => normalize(c) === k);
}

function numberCell(v: CellValue): number | undefined {
  if (typeof v === "number" && Number.isFinite(v)) return v;
  if (typeof v === "string") return numberInText(v);
  return undefined;
}

export function readChecklistTable(g: Grid, region: TableRegion): ChecklistTable {
  const findings: Finding[] = [];
  const columns: Partial<Record<ChecklistColumn, number>> = {};
  for (let c = region.firstCol; c <= region.lastCol; c++) {
    const h = textAt(g, region.headerRow, c);
    if (h === undefined) continue;
    const key = (Object.keys(CHECKLIST_COLUMNS) as ChecklistColumn[]).find((k) => normalize(CHECKLIST_COLUMNS[k]) === normalize(h));
    if (key && columns[key] === undefined) columns[key] = c;
  }

  const rows: ChecklistRow[] = [];
  for (let r = region.headerRow + 1; r <= region.lastRow; r++) {
    let any = false;
    for (let c = region.firstCol; c <= region.lastCol && !any; c++) any = !isBlank(valueAt(g, r, c));
    if (!any) continue;
    const id = text(g, r, columns.id);
    const name = text(g, r, columns.name);
    const answers: ChecklistAnswers = {};
    for (const q of QUESTIONS) {
      const c = columns[q];
      if (c === undefined) continue;
      const a = answerFromCell(valueAt(g, r, c));
      if (a.ok) answers[q] = a.answer;
      else {
        answers[q] = null;
        findings.push(
          finding("checklist-answer", "error", { raw: a.raw, question: q, measure: name || id }, { cell: addr(g, r, c), measureId: id || undefined }),
        );
      }
    }

    const portfolio: Portfolio = {};
    const measure = name || id;
    const bad = (col: ChecklistColumn, raw: string) =>
      findings.push(finding("portfolio-value", "warning", { column: col, raw, measure }, { cell: addr(g, r, columns[col]!), measureId: id || undefined }));
    for (const key of ["status", "risk"] as const) {
      const raw = text(g, r, columns[key]);
      if (raw === "") continue;
      const c = colour(raw);
      if (c) portfolio[key] = c;
      else bad(key, raw);
    }
    if (columns.goal !== undefined && !isBlank(valueAt(g, r, columns.goal))) {
      const n = numberCell(valueAt(g, r, columns.goal));
      if (n !== undefined && Number.isInteger(n) && n >= 1 && n <= 5) portfolio.goal = n;
      else bad("goal", text(g, r, columns.goal));
    }
    if (columns.sdg !== undefined && !isBlank(valueAt(g, r, columns.sdg))) {
      const raw = text(g, r, columns.sdg);
      const parts = raw.split(/[,;\s]+/).filter(Boolean).map(Number);
      if (parts.length && parts.every((n) => Number.isInteger(n) && n >= 1 && n <= 17)) portfolio.sdg = parts;
      else bad("sdg", raw);
    }
    if (columns.budget !== undefined && !isBlank(valueAt(g, r, columns.budget))) {
      const n = numberCell(valueAt(g, r, columns.budget));
      if (n !== undefined && n >= 0) portfolio.budget = n;
      else bad("budget", text(g, r, columns.budget));
    }

    const placement = place(answers);
    if (portfolio.budget !== undefined && placement.segment !== "Samstyre") {
      findings.push(
        finding("portfolio-budget", "info", { measure }, { cell: addr(g, r, columns.budget!), measureId: id || undefined }),
      );
    }
    const row: ChecklistRow = { id, name, actor: text(g, r, columns.actor), answers, placement, portfolio, comment: text(g, r, columns.comment), row: r };
    for (const field of ["id", "name", "actor"] as const) {
      const c = columns[field];
      const raw = c === undefined ? undefined : errorOf(valueAt(g, r, c));
      if (raw === undefined) continue;
      (row.errors ??= new Set()).add(field);
      findings.push(finding("table-error-value", "warning", { raw, column: CHECKLIST_COLUMNS[field], measure: measure || `(${r + 1})` }, { cell: addr(g, r, c!), measureId: id || undefined }));
    }
    rows.push(row);
  }
  const seen = new Map<string, number[]>();
  for (const r of rows) if (r.id !== "") seen.set(r.id, [...(seen.get(r.id) ?? []), r.row + 1]);
  for (const [id, at] of seen) {
    if (at.length > 1 && columns.id !== undefined) {
      findings.push(finding("table-duplicate-id", "warning", { id, rows: at.map(String) }, { cell: addr(g, at[1] - 1, columns.id) }));
    }
  }
  return { rows, columns, region, findings };
}
