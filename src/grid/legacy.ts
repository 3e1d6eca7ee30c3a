/**
 * Reader of the legacy meeting layout (DESIGN §1, shared/fixtures/prioritering-2022-09.xlsx):
 * theme sheets with measures as columns and questions as rows, group rows, a Score row and a
 * Rangering row, a notes column; and a summary sheet (Tiltak · Score · Prioriteringsnummer).
 * It reads what is there and reports what does not fit; it never throws on odd content.
 */
import type { MeasureInput, ScoreCell } from "../core/aggregate";
import type { CellValue } from "../core/cell";
import { columnLetters } from "../core/address";
import { finding, type Finding } from "../core/findings";
import { leaves, type Model } from "../core/model";
import { contentWords, normalize, slug } from "../core/text";
import { addr, cellAt, colCount, isBlank, numberOf, rowCount, textAt, valueAt, type Grid, type GridCell } from "./grid";
import { formulaValue } from "./formula";
import { labelIndex, matchLabel, type LabelIndex, type LabelRole } from "./labels";

/** A cell of the sheet with where it is. */
export interface PlacedCell {
  row: number;
  col: number;
  address: string;
  cell: GridCell | undefined;
  /**
   * For a formula the file holds no result for (`cell.uncalculated`, saved by openpyxl): what it
   * would show, worked out from its formula (grid/formula.ts); undefined when that cannot be told.
   */
  calculated?: CellValue;
}

export interface ThemeSheet {
  sheet: string;
  labelCol: number;
  headerRow: number;
  /** Row of every matched node id, and of "total" (Score) and "rank" (Rangering). */
  rows: Map<string, number>;
  measureCols: number[];
  notesCols: number[];
}

export interface LegacyMeasure {
  input: MeasureInput;
  sheet: string;
  col: number;
  /** The heading as typed ("" when the column has none). */
  header: string;
  /** The cells the sheet computes: group ids and "total" → the cell. */
  computed: Map<string, PlacedCell>;
  rankCell?: PlacedCell;
}

export interface SummaryRow {
  row: number;
  name: string;
  nameCell: PlacedCell;
  scoreCell: PlacedCell;
  rankCell: PlacedCell;
}

export interface Summary {
  sheet: string;
  headerRow: number;
  nameCol: number;
  scoreCol: number;
  rankCol: number;
  rows: SummaryRow[];
}

export interface LegacyWorkbook {
  themes: ThemeSheet[];
  measures: LegacyMeasure[];
  summary?: Summary;
  /** What the reader itself found: rows it could not place, unnamed columns, missing rows. */
  findings: Finding[];
}

const NOTE_HEADERS = new Set(["kommentar", "kommentarer", "merknad", "merknader", "notat", "notater", "comment", "comments", "note", "notes"]);
const NAME_HEADERS = new Set(["tiltak", "navn", "name", "measure", "tiltaksnavn"]);
const SCORE_HEADERS = new Set(["score", "total", "poeng", "sum", "totalscore"]);
const RANK_HEADERS = new Set(["prioriteringsnummer", "rangering", "rang", "rank", "prioritet", "plass", "nr", "nummer"]);

function place(g: Grid, row: number, col: number): PlacedCell {
  const cell = cellAt(g, row, col);
  const placed: PlacedCell = { row, col, address: addr(g, row, col), cell };
  if (cell?.uncalculated) {
    const calculated = formulaValue(g, row, col);
    if (calculated !== undefined) placed.calculated = calculated;
  }
  return placed;
}

/** One finding for every formula cell the file holds no result for (saved by a program that does not calculate): the count and the first. */
function uncalculatedFinding(grids: Grid[]): Finding | undefined {
  let count = 0;
  let first: string | undefined;
  for (const g of grids) {
    g.rows.forEach((row, r) =>
      row?.forEach((cell, c) => {
        if (!cell?.uncalculated) return;
        count++;
        first ??= addr(g, r, c);
      }),
    );
  }
  return first === undefined ? undefined : finding("legacy-not-calculated", "warning", { count, first }, { cell: first });
}

/** Finds the label column: the one where the most top-level groups are named. */
function findLabelColumn(g: Grid, index: LabelIndex, topIds: Set<string>): { col: number; roles: Map<number, LabelRole> } | undefined {
  const perCol = new Map<number, Set<string>>();
  const rows = rowCount(g);
  for (let r = 0; r < rows; r++) {
    const row = g.rows[r];
    if (!row) continue;
    row.forEach((cell, c) => {
      if (!cell || typeof cell.value !== "string") return;
      const role = matchLabel(cell.value, index);
      if (role.kind === "node" && topIds.has(role.id)) {
        const set = perCol.get(c) ?? new Set<string>();
        set.add(role.id);
        perCol.set(c, set);
      }
    });
  }
  let best: { col: number; n: number } | undefined;
  for (const [col, set] of perCol) if (!best || set.size > best.n) best = { col, n: set.size };
  const needed = Math.min(2, topIds.size);
  if (!best || best.n < needed) return undefined;
  const roles = new Map<number, LabelRole>();
  for (let r = 0; r < rows; r++) {
    const text = textAt(g, r, best.col);
    if (text !== undefined) roles.set(r, matchLabel(text, index));
  }
  return { col: best.col, roles };
}

interface SheetRead {
  theme: ThemeSheet;
  columns: { col: number; header: string }[];
  findings: Finding[];
}

function readThemeSheet(g: Grid, model: Model, index: LabelIndex, topIds: Set<string>): SheetRead | undefined {
  const found = findLabelColumn(g, index, topIds);
  if (!found) return undefined;
  const { col: labelCol, roles } = found;
  const findings: Finding[] = [];
  const matchedRows = [...roles.entries()].filter(([, role]) => role.kind !== "unknown").map(([r]) => r);
  const firstRow = Math.min(...matchedRows);
  const lastRow = Math.max(...matchedRows);

  const rows = new Map<string, number>();
  for (const [r, role] of [...roles.entries()].sort((a, b) => a[0] - b[0])) {
    if (r < firstRow || r > lastRow) continue;
    const label = textAt(g, r, labelCol) ?? "";
    if (role.kind === "unknown") {
      findings.push(finding("unmatched-row", "warning", { label, sheet: g.name }, { cell: addr(g, r, labelCol) }));
      continue;
    }
    const key = role.kind === "node" ? role.id : role.kind;
    if (rows.has(key)) {
      findings.push(
        finding("duplicate-row", "warning", { label, first: addr(g, rows.get(key)!, labelCol) }, { cell: addr(g, r, labelCol) }),
      );
      continue;
    }
    rows.set(key, r);
  }

  let headerRow = -1;
  const width = colCount(g);
  for (let r = firstRow - 1; r >= 0 && headerRow < 0; r--) {
    for (let c = labelCol + 1; c < width; c++) if (textAt(g, r, c) !== undefined) headerRow = r;
  }

  const leafRows = leaves(model)
    .map((l) => rows.get(l.id))
    .filter((r): r is number => r !== undefined);
  const measureCols: { col: number; header: string }[] = [];
  const notesCols: number[] = [];
  for (let c = labelCol + 1; c < width; c++) {
    const header = headerRow >= 0 ? (textAt(g, headerRow, c) ?? "") : "";
    const hasNumber = leafRows.some((r) => numberOf(valueAt(g, r, c)) !== undefined);
    const hasAny = leafRows.some((r) => !isBlank(valueAt(g, r, c)));
    if (header !== "" && NOTE_HEADERS.has(normalize(header))) notesCols.push(c);
    else if (header !== "") measureCols.push({ col: c, header });
    else if (hasNumber) {
      measureCols.push({ col: c, header: "" });
    } else if (hasAny) notesCols.push(c);
  }

  const missingLeaves = leaves(model)
    .filter((l) => !rows.has(l.id))
    .map((l) => l.id);
  if (missingLeaves.length > 0 && measureCols.length > 0) {
    findings.push(finding("missing-row", "warning", { sheet: g.name, criteria: missingLeaves }, { cell: addr(g, firstRow, labelCol) }));
  }

  return {
    theme: { sheet: g.name, labelCol, headerRow, rows, measureCols: measureCols.map((m) => m.col), notesCols },
    columns: measureCols,
    findings,
  };
}

function readSummary(g: Grid): Summary | undefined {
  const rows = rowCount(g);
  for (let r = 0; r < rows; r++) {
    const row = g.rows[r];
    if (!row) continue;
    let nameCol = -1;
    let scoreCol = -1;
    let rankCol = -1;
    row.forEach((cell, c) => {
      if (!cell || typeof cell.value !== "string") return;
      const k = normalize(cell.value);
      if (nameCol < 0 && NAME_HEADERS.has(k)) nameCol = c;
      else if (scoreCol < 0 && SCORE_HEADERS.has(k)) scoreCol = c;
      else if (rankCol < 0 && RANK_HEADERS.has(k)) rankCol = c;
    });
    if (nameCol < 0 || (scoreCol < 0 && rankCol < 0)) continue;
    const out: Summary = { sheet: g.name, headerRow: r, nameCol, scoreCol, rankCol, rows: [] };
    for (let rr = r + 1; rr < rows; rr++) {
      const name = textAt(g, rr, nameCol);
      if (name === undefined) continue;
      out.rows.push({
        row: rr,
        name,
        nameCell: place(g, rr, nameCol),
        scoreCell: place(g, rr, scoreCol),
        rankCell: place(g, rr, rankCol),
      });
    }
    return out;
  }
  return undefined;
}

/** The display name of a measure read from a theme sheet. */
function measureName(sheet: string, header: string, manyOnSheet: boolean, col: number): string {
  if (header === "") return `${sheet} ${columnLetters(col)}`;
  if (!manyOnSheet) return header;
  const sheetWords = contentWords(sheet).join(" ");
  return contentWords(header).join(" ").includes(sheetWords) ? header : `${sheet}: ${header}`;
}

/**
 * Reads every theme sheet and the summary sheet of a workbook. Returns undefined when no sheet
 * has the legacy layout.
 */
export function readLegacyWorkbook(grids: Grid[], model: Model): LegacyWorkbook | undefined {
  const index = labelIndex(model);
  const topIds = new Set(model.criteria.map((g) => g.id));
  const leafNodes = leaves(model);
  const themes: ThemeSheet[] = [];
  const measures: LegacyMeasure[] = [];
  const findings: Finding[] = [];
  const usedIds = new Set<string>();
  /** Measures by sheet name, for placing notes. */
  const bySheet = new Map<string, LegacyMeasure[]>();
  let summary: Summary | undefined;

  for (const g of grids) {
    const read = readThemeSheet(g, model, index, topIds);
    if (!read) {
      if (!summary) summary = readSummary(g);
      continue;
    }
    themes.push(read.theme);
    findings.push(...read.findings);
    const { theme } = read;
    const many = read.columns.length > 1;

    for (const { col, header } of read.columns) {
      const name = measureName(g.name, header, many, col);
      let id = `${slug(g.name)}.${slug(header || columnLetters(col))}`;
      for (let k = 2; usedIds.has(id); k++) id = `${slug(g.name)}.${slug(header || columnLetters(col))}-${k}`;
      usedIds.add(id);

      const headerAddress = theme.headerRow >= 0 ? addr(g, theme.headerRow, col) : addr(g, theme.rows.values().next().value ?? 0, col);
      if (header === "") findings.push(finding("unnamed-measure", "warning", { name, sheet: g.name }, { cell: headerAddress, measureId: id }));

      const scores: Record<string, ScoreCell | undefined> = {};
      for (const leaf of leafNodes) {
        const r = theme.rows.get(leaf.id);
        if (r !== undefined) scores[leaf.id] = { value: valueAt(g, r, col), address: addr(g, r, col) };
      }

      const computed = new Map<string, PlacedCell>();
      for (const [key, r] of theme.rows) {
        if (key === "rank") continue;
        if (key === "total" || !leafNodes.some((l) => l.id === key)) computed.set(key, place(g, r, col));
      }
      const rankRow = theme.rows.get("rank");

      const input: MeasureInput = { id, name, theme: g.name, scores, comments: {}, address: headerAddress };
      const m: LegacyMeasure = { input, sheet: g.name, col, header, computed };
      if (rankRow !== undefined) m.rankCell = place(g, rankRow, col);
      measures.push(m);
      const list = bySheet.get(g.name);
      if (list) list.push(m);
      else bySheet.set(g.name, [m]);
    }

    // A note beside a score belongs to the nearest measure column to its left.
    const onSheet = bySheet.get(g.name) ?? [];
    for (const nc of theme.notesCols) {
      const owner = onSheet
        .filter((m) => m.sheet === g.name && m.col < nc)
        .sort((a, b) => b.col - a.col)[0];
      if (!owner) continue;
      for (const [key, r] of theme.rows) {
        const text = textAt(g, r, nc);
        if (text !== undefined && key !== "total" && key !== "rank") owner.input.comments![key] = text;
      }
    }
  }

  if (themes.length === 0) return undefined;
  const uncalculated = uncalculatedFinding(grids);
  if (uncalculated) findings.unshift(uncalculated);
  const out: LegacyWorkbook = { themes, measures, findings };
  if (summary) out.summary = summary;
  return out;
}
