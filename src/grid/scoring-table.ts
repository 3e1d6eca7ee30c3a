/**
 * Reader of the add-in's own scoring table (Vurdering: one row per measure; ID, Tiltak, Tema,
 * Aktør, one column per leaf question, Kommentar). The same code reads it from Excel and from
 * an .xlsx file. Columns are found by their headers, so a user may reorder them.
 */
import type { MeasureInput, ScoreCell } from "../core/aggregate";
import { finding, type Finding } from "../core/findings";
import { leaves, type Model } from "../core/model";
import { normalize } from "../core/text";
import { addr, errorOf, isBlank, rowCount, tableOn, textAt, valueAt, type Grid } from "./grid";
import { labelIndex, matchLabel } from "./labels";
import { SCORING_FIXED, SELECTION_HEADERS, TABLES } from "./layout";
import { PLAN_COLUMNS } from "./plan-layout";

/** Where a table sits on its sheet, 0-based, last row inclusive. */
export interface TableRegion {
  headerRow: number;
  firstCol: number;
  lastCol: number;
  lastRow: number;
}

export interface ScoringColumns {
  id?: number;
  name?: number;
  theme?: number;
  actor?: number;
  comment?: number;
  /** Leaf id → sheet column. */
  leaves: Map<string, number>;
}

/** The text columns of a row that are copied between tables (the checklist sync). */
export type TextField = "id" | "name" | "actor";

export interface ScoringTable {
  measures: MeasureInput[];
  /** The sheet row of each measure, by id (as read, duplicates suffixed). */
  rowOf: Map<string, number>;
  columns: ScoringColumns;
  findings: Finding[];
  /**
   * The text cells holding an error value (`#N/A` typed, or a formula's result), by measure id:
   * a person's content, never filled or overwritten by the add-in (a finding names each).
   */
  errorCells: Map<string, Set<TextField>>;
}

const FIXED_KEYS: [keyof Omit<ScoringColumns, "leaves">, string][] = [
  ["id", SCORING_FIXED.id],
  ["name", SCORING_FIXED.name],
  ["theme", SCORING_FIXED.theme],
  ["actor", SCORING_FIXED.actor],
  ["comment", SCORING_FIXED.comment],
];

/**
 * Where the scoring table is. The Excel table PrioVurdering, when the grid knows it, is the
 * authority: its range is the region, and notes beside or below it are never read. Without
 * table information (a file written by other tools, a table converted to a range) the header
 * row (a row with ID and Tiltak) and the cells under it give the extent.
 */
export function findScoringRegion(g: Grid): TableRegion | undefined {
  const table = tableOn(g, TABLES.scoring);
  if (table) return hasHeaders(g, table, [SCORING_FIXED.id, SCORING_FIXED.name]) ? regionOfTable(table) : undefined;
  for (let r = 0; r < rowCount(g); r++) {
    const row = g.rows[r];
    if (!row) continue;
    const cols = row.map((c, i) => (c && typeof c.value === "string" ? [normalize(c.value), i] : undefined)).filter(Boolean) as [string, number][];
    const idCol = cols.find(([k]) => k === normalize(SCORING_FIXED.id));
    const nameCol = cols.find(([k]) => k === normalize(SCORING_FIXED.name));
    if (!idCol || !nameCol) continue;
    return regionBelow(g, r, Math.min(...cols.map(([, c]) => c)));
  }
  return undefined;
}

/**
 * A table found by its header row, without table information: the headers run right from
 * `firstCol` to the first blank one, and the rows down to the last with anything in those columns.
 */
export function regionBelow(g: Grid, headerRow: number, firstCol: number): TableRegion {
  let lastCol = firstCol;
  while (textAt(g, headerRow, lastCol + 1) !== undefined) lastCol++;
  let lastRow = headerRow;
  for (let rr = headerRow + 1; rr < rowCount(g); rr++) {
    let any = false;
    for (let c = firstCol; c <= lastCol && !any; c++) any = !isBlank(valueAt(g, rr, c));
    if (any) lastRow = rr;
  }
  return { headerRow, firstCol, lastCol, lastRow };
}

/** Whether the table's header row holds each of the headers (as the readers compare them). */
export function hasHeaders(g: Grid, t: { headerRow: number; firstCol: number; lastCol: number }, headers: string[]): boolean {
  const found = new Set<string>();
  for (let c = t.firstCol; c <= t.lastCol; c++) {
    const h = textAt(g, t.headerRow, c);
    if (h !== undefined) found.add(normalize(h));
  }
  return headers.every((h) => found.has(normalize(h)));
}

/** The region of an Excel table: its header row, columns and last row (totals row included, if any). */
export function regionOfTable(t: { headerRow: number; firstCol: number; lastCol: number; lastRow: number }): TableRegion {
  return { headerRow: t.headerRow, firstCol: t.firstCol, lastCol: t.lastCol, lastRow: t.lastRow };
}

export function scoringColumns(g: Grid, region: TableRegion, model: Model, findings: Finding[] = []): ScoringColumns {
  const out: ScoringColumns = { leaves: new Map() };
  const index = labelIndex(model);
  const leafIds = new Set(leaves(model).map((l) => l.id));
  for (let c = region.firstCol; c <= region.lastCol; c++) {
    const header = textAt(g, region.headerRow, c);
    if (header === undefined) continue;
    const fixed = FIXED_KEYS.find(([, h]) => normalize(h) === normalize(header));
    if (fixed) {
      if (out[fixed[0]] === undefined) out[fixed[0]] = c;
      continue;
    }
    // The selection's optional columns (Kostnad, Forutsetter, Valg) are read by selection-inputs.ts, the plan's (Gruppe, Tidligst) by plan-inputs.ts.
    if ([...SELECTION_HEADERS, ...Object.values(PLAN_COLUMNS)].some((h) => normalize(h) === normalize(header))) continue;
    const role = matchLabel(header, index);
    if (role.kind === "node" && leafIds.has(role.id)) {
      const first = out.leaves.get(role.id);
      if (first === undefined) out.leaves.set(role.id, c);
      else {
        findings.push(
          finding(
            "table-duplicate-column",
            "warning",
            { criteria: [role.id], first: addr(g, region.headerRow, first) },
            { cell: addr(g, region.headerRow, c), criterionId: role.id },
          ),
        );
      }
    } else {
      findings.push(finding("table-unknown-column", "info", { header }, { cell: addr(g, region.headerRow, c) }));
    }
  }
  const absent = leaves(model)
    .filter((l) => !out.leaves.has(l.id))
    .map((l) => l.id);
  if (absent.length) {
    findings.push(finding("table-missing-column", "warning", { criteria: absent }, { cell: addr(g, region.headerRow, region.firstCol) }));
  }
  return out;
}

function cellText(g: Grid, r: number, c: number | undefined): string {
  if (c === undefined) return "";
  const v = valueAt(g, r, c);
  if (v === null || typeof v === "object") return "";
  return String(v).trim();
}

export function readScoringTable(g: Grid, region: TableRegion, model: Model): ScoringTable {
  const findings: Finding[] = [];
  const columns = scoringColumns(g, region, model, findings);
  const measures: MeasureInput[] = [];
  const rowOf = new Map<string, number>();
  const rowsById = new Map<string, number[]>();
  const errorCells = new Map<string, Set<TextField>>();
  const leafNodes = leaves(model);

  for (let r = region.headerRow + 1; r <= region.lastRow; r++) {
    let any = false;
    for (let c = region.firstCol; c <= region.lastCol && !any; c++) any = !isBlank(valueAt(g, r, c));
    if (!any) continue;

    const typedId = cellText(g, r, columns.id);
    let name = cellText(g, r, columns.name);
    const nameCell = addr(g, r, columns.name ?? region.firstCol);
    // An error value in a text cell is what the person (or their formula) put there: named, kept, not filled.
    const errors = new Set<TextField>();
    const errorIn = (field: keyof Omit<ScoringColumns, "leaves">): string | undefined => {
      const c = columns[field];
      const e = c === undefined ? undefined : errorOf(valueAt(g, r, c));
      if (e !== undefined && (field === "id" || field === "name" || field === "actor")) errors.add(field);
      return e;
    };
    const nameError = errorIn("name");
    if (name === "") name = `(${r + 1})`;
    if (cellText(g, r, columns.name) === "" && nameError === undefined) findings.push(finding("table-missing-name", "warning", { row: r + 1 }, { cell: nameCell }));
    let id = typedId;
    const idError = errorIn("id");
    if (id === "") {
      id = `rad-${r + 1}`;
      if (idError === undefined) findings.push(finding("table-missing-id", "warning", { name }, { cell: addr(g, r, columns.id ?? region.firstCol) }));
    }
    const seen = rowsById.get(typedId || id);
    rowsById.set(typedId || id, [...(seen ?? []), r + 1]);
    if (seen) id = `${id}#${seen.length + 1}`;

    const scores: Record<string, ScoreCell | undefined> = {};
    for (const leaf of leafNodes) {
      const c = columns.leaves.get(leaf.id);
      if (c !== undefined) scores[leaf.id] = { value: valueAt(g, r, c), address: addr(g, r, c) };
    }
    const m: MeasureInput = { id, name, scores, address: nameCell };
    if (cellText(g, r, columns.name) === "") m.unnamed = true;
    for (const field of ["id", "name", "theme", "actor", "comment"] as const) {
      const raw = field === "id" ? idError : field === "name" ? nameError : errorIn(field);
      if (raw === undefined) continue;
      const cell = addr(g, r, columns[field]!);
      findings.push(finding("table-error-value", "warning", { raw, column: textAt(g, region.headerRow, columns[field]!) ?? "", measure: m.unnamed && typedId !== "" ? typedId : name }, { cell, measureId: id }));
    }
    if (errors.size) errorCells.set(id, errors);
    const theme = cellText(g, r, columns.theme);
    const actor = cellText(g, r, columns.actor);
    const comment = cellText(g, r, columns.comment);
    if (theme) m.theme = theme;
    if (actor) m.actor = actor;
    if (comment) m.comments = { "*": comment };
    measures.push(m);
    rowOf.set(id, r);
  }

  for (const [id, rows] of rowsById) {
    if (rows.length > 1 && columns.id !== undefined) {
      findings.push(
        finding("table-duplicate-id", "warning", { id, rows: rows.map(String) }, { cell: addr(g, rows[1] - 1, columns.id) }),
      );
    }
  }
  return { measures, rowOf, columns, findings, errorCells };
}
