/**
 * Rows that look like measures just below or beside one of the add-in's tables (PrioVurdering,
 * PrioSjekkliste, PrioVurderere) but outside its range. The table object's range is the
 * authority on what belongs to a table (a note below it is the person's, never read), so rows a
 * person pasted under a table that did not grow are not measures; they must be named, not
 * passed over with «30 av 30 tiltak rangert». One finding per table and side, at the first such
 * row. Rows right below the table, with only blank rows between, can be taken in by extending
 * the table (excel/table-actions.ts), which `rowsBelow` finds again at the time it is asked.
 *
 * A row looks like a measure when, read in the table's own columns, it has a key (ID, Tiltak;
 * ID, Vurderer) and a value (a score on the model's scale; a Ja/Nei answer), or every key with an
 * id-like ID (T031, JD-1). Only the grids already read are looked at: the first such row must be within
 * `NEAR` rows of the table's end, and the side is searched in the table's rows and `NEAR` more.
 */
import { answerFromCell } from "../core/checklist";
import type { CellValue } from "../core/cell";
import { finding, type Finding } from "../core/findings";
import type { Model } from "../core/model";
import { normalize } from "../core/text";
import { addr, errorOf, isBlank, rowCount, tableOn, textAt, valueAt, type Grid, type GridTable } from "./grid";
import { CHECKLIST_COLUMNS, SCORING_FIXED, SHEETS, TABLES } from "./layout";
import { SCORERS_FIXED, SCORERS_SHEET, SCORERS_TABLE } from "./scorers-layout";

/** How far below (or beside, to the right: how many blank columns) a table rows are still «just» there. */
export const NEAR = 10;
const BESIDE_GAP = 3;

/** One of the tables whose rows are measures. */
export interface TableShape {
  sheet: string;
  table: string;
  /** Headers of the columns that name a row. */
  keys: string[];
  /** Whether a cell of another column holds what a measure's row holds there. */
  value(v: CellValue): boolean;
}

export function measureTables(model: Model): TableShape[] {
  const score = (v: CellValue) => typeof v === "number" && Number.isFinite(v) && v >= model.scale.min && v <= model.scale.max;
  const answer = (v: CellValue) => {
    const a = answerFromCell(v);
    return a.ok && a.answer !== null;
  };
  return [
    { sheet: SHEETS.scoring, table: TABLES.scoring, keys: [SCORING_FIXED.id, SCORING_FIXED.name], value: score },
    { sheet: SHEETS.checklist, table: TABLES.checklist, keys: [CHECKLIST_COLUMNS.id, CHECKLIST_COLUMNS.name], value: answer },
    { sheet: SCORERS_SHEET, table: SCORERS_TABLE, keys: [SCORERS_FIXED.id, SCORERS_FIXED.scorer], value: score },
  ];
}

/** The rows right below a table that look like measures: the first and last (0-based) and how many. */
export interface RowsBelow {
  first: number;
  last: number;
  count: number;
  /** Only blank rows between the table's end and the first: the table can be extended over them. */
  adjoining: boolean;
}

interface Roles {
  keys: number[];
  values: number[];
}

/** The key columns (in the shape's order, ID first) and the others, as offsets from the table's first column. */
function roles(g: Grid, t: GridTable, shape: TableShape): Roles | undefined {
  const wanted = shape.keys.map(normalize);
  const keys: (number | undefined)[] = wanted.map(() => undefined);
  const values: number[] = [];
  for (let c = t.firstCol; c <= t.lastCol; c++) {
    const h = textAt(g, t.headerRow, c);
    const k = h === undefined ? -1 : wanted.indexOf(normalize(h));
    if (k >= 0 && keys[k] === undefined) keys[k] = c - t.firstCol;
    else values.push(c - t.firstCol);
  }
  return keys.every((k) => k !== undefined) ? { keys: keys as number[], values } : undefined;
}

function named(v: CellValue): boolean {
  return !isBlank(v) && errorOf(v) === undefined;
}

/** An id as people write them: one short token with a digit (T031, JD-1, 17). */
function idLike(v: CellValue): boolean {
  if (typeof v === "number") return Number.isFinite(v);
  return typeof v === "string" && /^[\p{L}\p{N}_.\-/]{1,20}$/u.test(v.trim()) && /\d/.test(v);
}

/**
 * Whether row r, read with the table's columns starting at column `from`, looks like a measure:
 * a key and a value (a score, an answer), or every key with an id-like first one. Two words of a
 * note side by side are not a measure.
 */
function looksLikeMeasure(g: Grid, r: number, from: number, roles: Roles, shape: TableShape, everyKey = false): boolean {
  let keys = 0;
  for (const k of roles.keys) if (named(valueAt(g, r, from + k))) keys++;
  if (keys === 0 || (everyKey && keys < roles.keys.length)) return false;
  if (keys === roles.keys.length && idLike(valueAt(g, r, from + roles.keys[0]))) return true;
  return roles.values.some((k) => shape.value(valueAt(g, r, from + k)));
}

function rowBlank(g: Grid, r: number, from: number, to: number): boolean {
  for (let c = from; c <= to; c++) if (!isBlank(valueAt(g, r, c))) return false;
  return true;
}

/**
 * The block of rows below the table that look like measures: the first within NEAR rows of its
 * end, then down while rows look like measures or are blank (stopping before the first that is
 * neither). Undefined when there is none.
 */
export function rowsBelow(g: Grid, t: GridTable, shape: TableShape): RowsBelow | undefined {
  const r0 = roles(g, t, shape);
  if (!r0) return undefined;
  const end = rowCount(g) - 1;
  let first: number | undefined;
  let adjoining = true;
  for (let r = t.lastRow + 1; r <= Math.min(end, t.lastRow + NEAR); r++) {
    if (looksLikeMeasure(g, r, t.firstCol, r0, shape)) {
      first = r;
      break;
    }
    if (!rowBlank(g, r, t.firstCol, t.lastCol)) adjoining = false;
  }
  if (first === undefined) return undefined;
  let last = first;
  let count = 0;
  for (let r = first; r <= end; r++) {
    if (looksLikeMeasure(g, r, t.firstCol, r0, shape)) {
      last = r;
      count++;
    } else if (!rowBlank(g, r, t.firstCol, t.lastCol)) break;
  }
  return { first, last, count, adjoining };
}

/** The first row right of the table (its columns repeated after up to BESIDE_GAP blank ones) that looks like a measure, and how many do. */
function rowsBeside(g: Grid, t: GridTable, shape: TableShape): { first: number; from: number; count: number } | undefined {
  const r0 = roles(g, t, shape);
  if (!r0) return undefined;
  const end = Math.min(rowCount(g) - 1, t.lastRow + NEAR);
  for (let gap = 1; gap <= BESIDE_GAP; gap++) {
    const from = t.lastCol + gap;
    let first: number | undefined;
    let count = 0;
    for (let r = t.headerRow + 1; r <= end; r++) {
      // Beside the table the columns are only guessed: every key must be there, so a row is not read one column off.
      if (!looksLikeMeasure(g, r, from, r0, shape, true)) continue;
      first ??= r;
      count++;
    }
    if (first !== undefined) return { first, from, count };
  }
  return undefined;
}

/** Findings for the rows that look like measures below or beside each of the add-in's tables the grids know. */
export function outsideRowFindings(grids: Grid[], model: Model): Finding[] {
  const out: Finding[] = [];
  for (const shape of measureTables(model)) {
    const g = grids.find((x) => x.name.toLowerCase() === shape.sheet.toLowerCase());
    const t = g ? tableOn(g, shape.table) : undefined;
    if (!g || !t) continue;
    const below = rowsBelow(g, t, shape);
    if (below) {
      out.push(
        finding(
          "table-rows-outside",
          "warning",
          { sheet: g.name, table: t.name, where: "below", row: below.first + 1, count: below.count, last: below.last + 1, extend: below.adjoining },
          { cell: addr(g, below.first, t.firstCol) },
        ),
      );
    }
    const beside = rowsBeside(g, t, shape);
    if (beside) {
      out.push(
        finding(
          "table-rows-outside",
          "warning",
          { sheet: g.name, table: t.name, where: "beside", row: beside.first + 1, count: beside.count, last: null, extend: false },
          { cell: addr(g, beside.first, beside.from) },
        ),
      );
    }
  }
  return out;
}
