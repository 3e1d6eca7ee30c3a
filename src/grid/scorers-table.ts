/**
 * The scorers table (sheet *Vurderere*, Excel table *PrioVurderere*): a long table with one row per
 * scorer and measure — ID · Tiltak · Vurderer · one column per question (the same headers as
 * Vurdering's question columns) · Kommentar. ID and Vurderer are required; Tiltak and Kommentar
 * are for the reader and not used. Columns are found by their headers. Two settings rows on
 * Modell's settings table: *Samlet vurdering* (snitt | median) and *Uenighet ved spenn* (a number,
 * default 4). The same code reads the table from Excel and from an .xlsx file.
 */
import type { ScoreCell } from "../core/aggregate";
import type { CellValue } from "../core/cell";
import { rawText } from "../core/cell";
import { cellA1 } from "../core/address";
import { leaves, type Model } from "../core/model";
import {
  analyseScorers,
  DEFAULT_SCORER_SETTINGS,
  scorerFinding,
  type CombineMethod,
  type ScorerFinding,
  type ScorerRow,
  type ScorerSettings,
  type ScorersAnalysis,
} from "../core/scorers";
import { normalize } from "../core/text";
import { addr, isBlank, rowCount, tableOn, textAt, valueAt, type Grid } from "./grid";
import { labelIndex, matchLabel } from "./labels";
import { leafHeader, SHEETS } from "./layout";
import { SETTINGS_HEADERS } from "./model-table";
import { SCORERS_FIXED, SCORERS_SHEET, SCORERS_TABLE } from "./scorers-layout";
import { hasHeaders, regionBelow, regionOfTable, type ScoringTable, type TableRegion } from "./scoring-table";

export { SCORERS_SHEET, SCORERS_TABLE } from "./scorers-layout";
export { SCORERS_FIXED };
export const SCORER_SETTINGS = {
  method: "Samlet vurdering",
  disagreement: "Uenighet ved spenn",
} as const;
export const METHOD_WORDS: Record<CombineMethod, string> = { mean: "snitt", median: "median" };

export function scorersHeaders(model: Model): string[] {
  return [
    SCORERS_FIXED.id,
    SCORERS_FIXED.name,
    SCORERS_FIXED.scorer,
    ...leaves(model).map((l) => leafHeader(model, l.id)),
    SCORERS_FIXED.comment,
  ];
}

export interface ScorersColumns {
  id?: number;
  name?: number;
  scorer?: number;
  comment?: number;
  leaves: Map<string, number>;
}

export interface ScorersTable {
  sheet: string;
  region: TableRegion;
  columns: ScorersColumns;
  /** Valid rows (known measure, a scorer name, first of its scorer + ID). */
  rows: ScorerRow[];
  /** Sheet row (0-based) of each valid row, by `scorerKey(scorer, id)`. */
  rowOf: Map<string, number>;
  findings: ScorerFinding[];
}

/** What readWorkbook attaches to an add-in workbook that has a scorers table. */
export interface ScorersRead {
  table: ScorersTable;
  settings: ScorerSettings;
  analysis: ScorersAnalysis;
  /** The Vurdering cells (A1, no sheet) where the scorers disagree, for the recompute's marks. */
  marks: string[];
}

/** The key of one scorer's row for one measure (names compare as the readers compare labels). */
export function scorerKey(scorer: string, id: string): string {
  return `${normalize(scorer)}\u0000${id}`;
}

/** The table PrioVurderere when the grid knows tables; else a header row with ID and Vurderer. */
export function findScorersRegion(g: Grid): TableRegion | undefined {
  const table = tableOn(g, SCORERS_TABLE);
  if (table)
    return hasHeaders(g, table, [SCORERS_FIXED.id, SCORERS_FIXED.scorer])
      ? regionOfTable(table)
      : undefined;
  // A grid that knows its tables but not this one: the sheet is not the add-in's scorers table.
  if (g.tables && g.tables.length > 0) return undefined;
  for (let r = 0; r < rowCount(g); r++) {
    const row = g.rows[r];
    if (!row) continue;
    let idCol: number | undefined;
    let scorerCol: number | undefined;
    let firstCol: number | undefined;
    for (let c = 0; c < row.length; c++) {
      const h = textAt(g, r, c);
      if (h === undefined) continue;
      firstCol ??= c;
      if (normalize(h) === normalize(SCORERS_FIXED.id)) idCol ??= c;
      if (normalize(h) === normalize(SCORERS_FIXED.scorer)) scorerCol ??= c;
    }
    if (idCol === undefined || scorerCol === undefined || firstCol === undefined) continue;
    return regionBelow(g, r, firstCol);
  }
  return undefined;
}

export function scorersColumns(g: Grid, region: TableRegion, model: Model): ScorersColumns {
  const out: ScorersColumns = { leaves: new Map() };
  const index = labelIndex(model);
  const leafIds = new Set(leaves(model).map((l) => l.id));
  const fixed: [keyof Omit<ScorersColumns, "leaves">, string][] = [
    ["id", SCORERS_FIXED.id],
    ["name", SCORERS_FIXED.name],
    ["scorer", SCORERS_FIXED.scorer],
    ["comment", SCORERS_FIXED.comment],
  ];
  for (let c = region.firstCol; c <= region.lastCol; c++) {
    const header = textAt(g, region.headerRow, c);
    if (header === undefined) continue;
    const f = fixed.find(([, h]) => normalize(h) === normalize(header));
    if (f) {
      if (out[f[0]] === undefined) out[f[0]] = c;
      continue;
    }
    const role = matchLabel(header, index);
    if (role.kind === "node" && leafIds.has(role.id) && !out.leaves.has(role.id))
      out.leaves.set(role.id, c);
  }
  return out;
}

function text(v: CellValue): string {
  if (v === null || typeof v === "object") return "";
  return String(v).trim();
}

/** The rows of the scorers table; rows for unknown measures, without a scorer or repeated are findings. */
export function readScorersTable(
  g: Grid,
  region: TableRegion,
  model: Model,
  scoring: ScoringTable
): ScorersTable {
  const columns = scorersColumns(g, region, model);
  const findings: ScorerFinding[] = [];
  const rows: ScorerRow[] = [];
  const rowOf = new Map<string, number>();
  const known = new Map(scoring.measures.map((m) => [m.id, m]));
  const byUpper = new Map(scoring.measures.map((m) => [m.id.toUpperCase(), m.id]));
  const leafNodes = leaves(model);
  for (let r = region.headerRow + 1; r <= region.lastRow; r++) {
    let any = false;
    for (let c = region.firstCol; c <= region.lastCol && !any; c++)
      any = !isBlank(valueAt(g, r, c));
    if (!any) continue;
    const idCell = addr(g, r, columns.id ?? region.firstCol);
    const scorerCell = addr(g, r, columns.scorer ?? region.firstCol);
    const typedId = columns.id === undefined ? "" : text(valueAt(g, r, columns.id));
    const scorer = columns.scorer === undefined ? "" : text(valueAt(g, r, columns.scorer));
    if (typedId === "") {
      findings.push(
        scorerFinding("scorers-no-id", "warning", { row: r + 1, scorer }, { cell: idCell })
      );
      continue;
    }
    const id = known.has(typedId) ? typedId : byUpper.get(typedId.toUpperCase());
    if (id === undefined) {
      findings.push(
        scorerFinding("scorers-unknown-id", "warning", { id: typedId, scorer }, { cell: idCell })
      );
      continue;
    }
    const measure = known.get(id)!;
    if (scorer === "") {
      findings.push(
        scorerFinding(
          "scorers-no-name",
          "warning",
          { measure: measure.name, row: r + 1 },
          { cell: scorerCell, measureId: id }
        )
      );
      continue;
    }
    const key = scorerKey(scorer, id);
    const first = rowOf.get(key);
    if (first !== undefined) {
      findings.push(
        scorerFinding(
          "scorers-duplicate",
          "warning",
          {
            measure: measure.name,
            scorer,
            first: addr(g, first, columns.scorer ?? region.firstCol),
          },
          { cell: scorerCell, measureId: id }
        )
      );
      continue;
    }
    const scores: Record<string, ScoreCell | undefined> = {};
    for (const leaf of leafNodes) {
      const c = columns.leaves.get(leaf.id);
      if (c !== undefined) scores[leaf.id] = { value: valueAt(g, r, c), address: addr(g, r, c) };
    }
    // One spelling per scorer: the first met.
    const same = rows.find((x) => normalize(x.scorer) === normalize(scorer));
    rows.push({ scorer: same ? same.scorer : scorer, measureId: id, scores, address: scorerCell });
    rowOf.set(key, r);
  }
  return { sheet: g.name, region, columns, rows, rowOf, findings };
}

/** Samlet vurdering and Uenighet ved spenn from Modell's settings table; a bad value is a finding and the default holds. */
export function readScorerSettings(grids: Grid[]): {
  settings: ScorerSettings;
  findings: ScorerFinding[];
  cells: { method?: string; disagreement?: string };
} {
  const settings: ScorerSettings = { ...DEFAULT_SCORER_SETTINGS };
  const findings: ScorerFinding[] = [];
  const cells: { method?: string; disagreement?: string } = {};
  const g = grids.find((x) => normalize(x.name) === normalize(SHEETS.model));
  if (!g) return { settings, findings, cells };
  for (let r = 0; r < rowCount(g); r++) {
    const row = g.rows[r] ?? [];
    for (let c = 0; c < row.length; c++) {
      if (textAt(g, r, c) !== SETTINGS_HEADERS[0] || textAt(g, r, c + 1) !== SETTINGS_HEADERS[1])
        continue;
      for (let rr = r + 1; rr < rowCount(g); rr++) {
        const k = textAt(g, rr, c);
        if (k === undefined) break;
        const v = valueAt(g, rr, c + 1);
        const cell = addr(g, rr, c + 1);
        if (normalize(k) === normalize(SCORER_SETTINGS.method)) {
          cells.method = cell;
          const w = normalize(text(v));
          if (w === "") continue;
          if (w === normalize(METHOD_WORDS.mean) || w === "mean") settings.method = "mean";
          else if (w === normalize(METHOD_WORDS.median)) settings.method = "median";
          else
            findings.push(
              scorerFinding(
                "scorers-setting-invalid",
                "warning",
                { setting: SCORER_SETTINGS.method, raw: rawText(v), fallback: METHOD_WORDS.mean },
                { cell }
              )
            );
        } else if (normalize(k) === normalize(SCORER_SETTINGS.disagreement)) {
          cells.disagreement = cell;
          if (isBlank(v)) continue;
          if (typeof v === "number" && Number.isFinite(v) && v > 0) settings.disagreement = v;
          else
            findings.push(
              scorerFinding(
                "scorers-setting-invalid",
                "warning",
                {
                  setting: SCORER_SETTINGS.disagreement,
                  raw: rawText(v),
                  fallback: DEFAULT_SCORER_SETTINGS.disagreement,
                },
                { cell }
              )
            );
        }
      }
      return { settings, findings, cells };
    }
  }
  return { settings, findings, cells };
}

/** The same without each scorer's ranking and W: what a recompute needs (the combined inputs, the marks). */
export const readScorersForRecompute = (
  grids: Grid[],
  model: Model,
  scoring: ScoringTable
): ScorersRead | undefined => readScorers(grids, model, scoring, { rankings: false });

/**
 * The scorers of an add-in workbook: undefined when it has no scorers table. The analysis ranks
 * the combined scores (core/scorers.ts); the Vurdering table is read, never changed.
 */
export function readScorers(
  grids: Grid[],
  model: Model,
  scoring: ScoringTable,
  options: { rankings?: boolean } = {}
): ScorersRead | undefined {
  const g = grids.find((x) => normalize(x.name) === normalize(SCORERS_SHEET));
  const region = g ? findScorersRegion(g) : undefined;
  if (!g || !region) return undefined;
  const table = readScorersTable(g, region, model, scoring);
  const { settings, findings } = readScorerSettings(grids);
  const analysis = analyseScorers(model, scoring.measures, table.rows, settings, options);
  analysis.findings.push(...findings, ...table.findings);
  const marks: string[] = [];
  for (const sp of analysis.spreads) {
    const row = scoring.rowOf.get(sp.measureId);
    for (const c of sp.cells) {
      const col = scoring.columns.leaves.get(c.leafId);
      if (c.flagged && row !== undefined && col !== undefined) marks.push(cellA1(row, col));
    }
  }
  return { table, settings, analysis, marks };
}
