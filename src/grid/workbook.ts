/**
 * A whole workbook as grids → the model in force, the measures and their assessment. The one
 * entry point the CLI and the Excel adapter share: the add-in's own layout when the workbook
 * has it (Vurdering + Modell), the legacy meeting layout otherwise.
 */
import { assess, type Assessment } from "../core/assess";
import type { CellValue } from "../core/cell";
import { finding, type Finding } from "../core/findings";
import { defaultModel, type Model } from "../core/model";
import type { ModelProblem } from "../core/model-validate";
import { normalize } from "../core/text";
import type { Placement } from "../core/checklist";
import { rankWithin, type SegmentRank } from "../core/segments";
import { findChecklistRegion, readChecklistTable, type ChecklistTable } from "./checklist-table";
import { emptyMemory, planChecklistSync, type ChecklistPlan } from "./checklist-sync";
import { outsideRowFindings } from "./outside-rows";
import { addr, rowCount, tableOn, textAt, valueAt, type Grid, type GridTable } from "./grid";
import { SHEETS, TABLES } from "./layout";
import { assessLegacy } from "./legacy-audit";
import { readLegacyWorkbook, type LegacyWorkbook } from "./legacy";
import { MODEL_HEADERS, SETTINGS_HEADERS, readModelTables } from "./model-table";
import { findScoringRegion, readScoringTable, type ScoringTable, type TableRegion } from "./scoring-table";
import type { ScorersRead } from "./scorers-table";
import { holdsStoreSlot, STORE_SHEET, storeFromColumns, type StoreRead, type StoreTarget } from "./store";

/** The checklist of an add-in workbook, placed and checked against the scoring table. */
export interface ChecklistRead {
  sheet: string;
  table: ChecklistTable;
  plan: ChecklistPlan;
  /** Placement of every measure with a checklist row, by id. */
  placements: Map<string, Placement>;
  /** Rank within the segment, by id (measures in a segment only). */
  segmentRanks: Map<string, SegmentRank>;
}

export type WorkbookRead =
  | {
      kind: "addin";
      model: Model;
      modelProblems: ModelProblem[];
      store: StoreRead;
      scoring: ScoringTable;
      region: TableRegion;
      assessment: Assessment;
      checklist?: ChecklistRead;
      /** The scorers table (Vurderere) when the reader was given and the workbook has one: what is ranked then is the combined scores. */
      scorers?: ScorersRead;
    }
  | { kind: "legacy"; model: Model; modelProblems: ModelProblem[]; store: StoreRead; legacy: LegacyWorkbook; assessment: Assessment }
  | { kind: "none"; model: Model; modelProblems: ModelProblem[]; store: StoreRead };

/** The read of a workbook in the add-in's layout (its scoring table exists). */
export type AddinRead = Extract<WorkbookRead, { kind: "addin" }>;

function findByName(grids: Grid[], name: string): Grid | undefined {
  return grids.find((g) => normalize(g.name) === normalize(name));
}

/**
 * Rows under a header row that starts with the given headers, until the first blank first cell
 * or, when the grid knows the Excel table that holds them, the table's last row.
 */
function tableBelow(g: Grid, headers: readonly string[], table?: GridTable): CellValue[][] | undefined {
  return tableAt(g, headers, table)?.rows;
}

/** The same, with the sheet position of its first row and column. */
function tableAt(g: Grid, headers: readonly string[], table?: GridTable): { rows: CellValue[][]; row: number; col: number } | undefined {
  const heads = headers.map(normalize);
  const startsAt = (r: number, c: number) => heads.every((h, i) => normalize(textAt(g, r, c + i) ?? "") === h);
  // The Excel table's own header row first: no scan of the sheet when the table is where it says.
  const origin = table && startsAt(table.headerRow, table.firstCol) ? { r: table.headerRow, c: table.firstCol } : undefined;
  for (let r = origin?.r ?? 0; r < rowCount(g); r++) {
    const row = g.rows[r];
    if (!row) continue;
    for (let c = origin?.c ?? 0; c < row.length; c++) {
      const text = textAt(g, r, c);
      if (text === undefined || normalize(text) !== heads[0]) continue;
      if (!startsAt(r, c)) continue;
      const out: CellValue[][] = [];
      const last = table && table.headerRow === r ? Math.min(table.lastRow, rowCount(g) - 1) : rowCount(g) - 1;
      for (let rr = r + 1; rr <= last; rr++) {
        const first = valueAt(g, rr, c);
        if (first === null || (typeof first === "string" && first.trim() === "")) break;
        out.push(headers.map((_, i) => valueAt(g, rr, c + i)));
      }
      return { rows: out, row: r + 1, col: c };
    }
  }
  return undefined;
}

export function readStore(grids: Grid[]): StoreRead {
  return readStoreSlots(grids).read;
}

/** The store sheet's two slots (columns A and B), top to bottom. */
function storeColumns(g: Grid): CellValue[][] {
  const columns: CellValue[][] = [[], []];
  for (let r = 0; r < rowCount(g); r++) for (const c of [0, 1]) columns[c].push(valueAt(g, r, c));
  return columns;
}

/** The store and where its next write goes (the other slot, one generation up). */
export function readStoreSlots(grids: Grid[]): { read: StoreRead; target: StoreTarget } {
  const g = findByName(grids, STORE_SHEET);
  if (!g) return { read: { kind: "absent" }, target: { col: 0, generation: 1 } };
  return storeFromColumns(storeColumns(g));
}

/** Whether the PrioData grid holds a slot the add-in wrote (grid/store.ts `holdsStoreSlot`). */
export function isStoreGrid(g: Grid): boolean {
  return holdsStoreSlot(storeColumns(g));
}

/**
 * The model in force: the Modell sheet's tables when they are valid; otherwise the last valid
 * model in the store; otherwise the default. Problems of the sheet are returned, not thrown.
 */
export function readModel(grids: Grid[], store: StoreRead): { model: Model; problems: ModelProblem[] } {
  const fallback = store.kind === "ok" ? store.store.model : defaultModel();
  const sheet = findByName(grids, SHEETS.model);
  if (!sheet) return { model: fallback, problems: [] };
  const modelTable = tableOn(sheet, TABLES.model);
  const rows = tableBelow(sheet, MODEL_HEADERS.slice(0, 3), modelTable);
  if (!rows) return { model: fallback, problems: [] };
  const settingsTable = tableOn(sheet, TABLES.settings);
  const at = tableAt(sheet, MODEL_HEADERS, modelTable) ?? tableAt(sheet, MODEL_HEADERS.slice(0, 3), modelTable)!;
  const full = tableBelow(sheet, MODEL_HEADERS, modelTable) ?? rows;
  const settingsAt = tableAt(sheet, SETTINGS_HEADERS, settingsTable);
  const settings = settingsAt?.rows ?? [];
  const read = readModelTables(full, settings, fallback, {
    row: (i, c) => addr(sheet, at.row + i, at.col + c),
    setting: (i) => (settingsAt ? addr(sheet, settingsAt.row + i, settingsAt.col + 1) : addr(sheet, 0, 0)),
  });
  return read.ok ? { model: read.model, problems: [] } : { model: fallback, problems: read.problems };
}

/** Model problems as findings of the workbook, so every view shows them like the rest. */
export function modelFindings(problems: ModelProblem[]): Finding[] {
  return problems.map((p) =>
    finding("model-invalid", "error", { problem: p.code, at: p.at, detail: p.detail ?? "" }, { cell: p.cell ?? `${SHEETS.model}!A1` }),
  );
}

function readChecklist(grids: Grid[], scoring: ScoringTable, assessment: Assessment, store: StoreRead): ChecklistRead | undefined {
  const sheet = findByName(grids, SHEETS.checklist);
  const region = sheet ? findChecklistRegion(sheet) : undefined;
  if (!sheet || !region) return undefined;
  const table = readChecklistTable(sheet, region);
  const memory = store.kind === "ok" ? store.store.checklist : emptyMemory();
  const nameCells = new Map(scoring.measures.map((m) => [m.id, m.address]));
  const plan = planChecklistSync(scoring.measures, nameCells, table, (row, field) => addr(sheet, row.row, table.columns[field] ?? region.firstCol), memory, scoring.errorCells);
  const placements = new Map<string, Placement>();
  for (const row of table.rows) if (row.id !== "" && !placements.has(row.id)) placements.set(row.id, row.placement);
  const inSegment = (id: string): string | undefined => {
    const p = placements.get(id);
    return p && p.entry === "inn" && p.segment !== "ikke-vurdert" ? p.segment : undefined;
  };
  const model = assessment.model;
  const segmentRanks = rankWithin(assessment.measures, inSegment, model.tolerance, (m) => model.tieBreak.map((g) => m.values[g] ?? null));
  return { sheet: sheet.name, table, plan, placements, segmentRanks };
}

/** Reads the scorers table (grid/scorers-table.ts `readScorers`), passed in so that its code loads only where it is used. */
export type ScorersReader = (grids: Grid[], model: Model, scoring: ScoringTable) => ScorersRead | undefined;

/**
 * Reads the workbook; `stored` is the store when the caller already parsed it (parsed once per
 * recompute). With `options.scorers`, a scorers table (Vurderere) makes the ranking use the combined scores.
 */
export function readWorkbook(grids: Grid[], stored?: StoreRead, options: { scorers?: ScorersReader } = {}): WorkbookRead {
  const store = stored ?? readStore(grids);
  const { model, problems } = readModel(grids, store);
  const scoringSheet = findByName(grids, SHEETS.scoring);
  const region = scoringSheet ? findScoringRegion(scoringSheet) : undefined;
  if (scoringSheet && region) {
    const scoring = readScoringTable(scoringSheet, region, model);
    const scorers = options.scorers?.(grids, model, scoring);
    const assessment = assess(model, scorers ? scorers.analysis.inputs : scoring.measures);
    assessment.findings.unshift(...modelFindings(problems), ...scoring.findings, ...outsideRowFindings(grids, model));
    const checklist = readChecklist(grids, scoring, assessment, store);
    if (checklist) assessment.findings.push(...checklist.table.findings, ...checklist.plan.findings);
    const out: WorkbookRead = { kind: "addin", model, modelProblems: problems, store, scoring, region, assessment, checklist };
    if (scorers) out.scorers = scorers;
    return out;
  }
  const legacy = readLegacyWorkbook(grids, model);
  if (legacy && legacy.measures.length > 0) {
    const assessment = assessLegacy(legacy, model);
    assessment.findings.unshift(...modelFindings(problems));
    return { kind: "legacy", model, modelProblems: problems, store, legacy, assessment };
  }
  return { kind: "none", model, modelProblems: problems, store };
}
