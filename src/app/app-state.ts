/**
 * The contract between the task pane views and the controller that talks to Excel. Views only
 * read AppState and call AppActions; they never touch Excel.* themselves. The real controller
 * lives in src/excel/controller.ts; tests and stories use a fake.
 */
import type { Assessment } from "../core/assess";
import type { Answer, ChecklistAnswers, ChecklistQuestion, Placement, PortfolioSummary } from "../core/checklist";
import type { SegmentRank } from "../core/segments";
import type { Portfolio } from "../grid/checklist-table";
import type { Model } from "../core/model";
import type { Lang } from "../i18n";
import type { Baseline } from "../core/movement";
import type { Finding } from "../core/findings";
import type { Round } from "../core/rounds";
import type { Grid } from "../grid/grid";
import type { ScorerFinding } from "../core/scorers";
import type { FetchedRow } from "../grid/scorer-import";
import type { AddinRead } from "../grid/workbook";

export type AppStatus =
  /** Reading the workbook for the first time. */
  | "loading"
  /** No scoring table and nothing to import: offer to create one. */
  | "empty"
  /** No scoring table, but the open workbook has the legacy meeting layout: offer import (and create). */
  | "legacy"
  /** The add-in's scoring table exists and the assessment is current. */
  | "ready"
  /** Something failed; `error` says what in the UI language. */
  | "error";

/** One measure's row of the portfolio checklist. */
export interface ChecklistEntry {
  id: string;
  name: string;
  answers: ChecklistAnswers;
  placement: Placement;
  portfolio: Portfolio;
  /** Rank among the measures of its segment (absent outside a segment). */
  segmentRank?: SegmentRank;
  /** Excel address of the row's Segment cell, for selecting it. */
  cell: string;
}

export interface ChecklistState {
  /** In the checklist's row order. */
  entries: ChecklistEntry[];
  summary: PortfolioSummary;
}

export interface AppState {
  status: AppStatus;
  lang: Lang;
  /** Present when status is "ready" (the add-in layout) or "legacy" (read-only preview of the legacy workbook). */
  assessment?: Assessment;
  /** The model in force (the Modell sheet's when valid). */
  model?: Model;
  /** True while an action writes to the workbook. */
  busy: boolean;
  /** A message in the UI language for status "error", or a transient notice after an action. */
  error?: string;
  notice?: string;
  /** How to show the notice: a success, or a warning (the action could not be done and nothing changed). */
  noticeKind?: "success" | "warning";
  /** Milliseconds the last recompute took, edit to updated ranking (for the status line). */
  lastRecomputeMs?: number;
  /** Whether the open workbook also holds legacy theme sheets that "Synkroniser" can update. */
  hasLegacySheets: boolean;
  /** What «Synkroniser» will write, while the pane asks for confirmation (after planSync). */
  syncPlan?: { cells: number; sheets: string[] };
  /** The portfolio checklist, when the workbook has one (status "ready"). */
  checklist?: ChecklistState;
  /** The add-in's store is damaged: offer repairStore (sync of names and deletions paused until then). */
  storeDamaged?: boolean;
  /** The language of the text the add-in writes into this workbook's sheets (status "ready"). */
  workbookLang?: Lang;
  /** The saved round movement is shown against (status "ready"); null without rounds: movement since the previous recompute. */
  baseline?: Baseline | null;
  /** The saved rounds, once the Runder view asked for them (RoundActions.load). */
  rounds?: RoundsState;
  /** Notes on the scorers table (Vurderere) from the last recompute: disagreements, few scorers, bad rows; shown in Funn. */
  scorerFindings?: ScorerFinding[];
  /** The Vurderere view's read of the workbook with its scorers (ScorerActions.load), once the view asked for it. */
  scorers?: ScorersLoad;
}

/** The rounds as read from the workbook: those that read well, and those that did not (by name). */
export interface RoundsState {
  rounds: Round[];
  /** A finding (round-damaged) for each round that could not be read, naming it. */
  findings: Finding[];
  /** The round chosen as baseline; null: the last round. */
  pinned: string | null;
}

/** The rounds' actions (src/excel/rounds.ts, loaded on first use). */
export interface RoundActions {
  /** Reads every round (each checked) into `rounds`. */
  load(): Promise<void>;
  /** Saves the workbook's state now as a round named exactly as typed. */
  save(name: string): Promise<void>;
  /** Deletes a round (the pane asked first); logged in Logg. */
  remove(roundId: string): Promise<void>;
  /** The baseline for movement: a round, or null for the last round. */
  choose(roundId: string | null): Promise<void>;
  /** Another workbook's ranking (its sheets read in the pane) saved as a round. */
  importFile(file: { name: string; grids: Grid[] }, name: string): Promise<void>;
}

/** What the Vurderere view shows: the workbook read with its scorers (none: `read.scorers` undefined), and whether the sheet exists. */
export interface ScorersLoad {
  read: AddinRead | undefined;
  hasSheet: boolean;
}

/** What a write to the scorers table did (the Vurderere view words it), or why nothing was written. */
export type ScorersWrite =
  | { ok: true; added: number; replaced: number; skipped: number; conflicts: string[] }
  | { ok: false; message: string };

/**
 * Several scorers' actions (src/excel/scorers-actions.ts and src/excel/scorers.ts, loaded on first
 * use). A write answers with what it did (the Vurderere view words it) and is followed by a recompute.
 */
export interface ScorerActions {
  /** Reads the workbook with its scorers (each scorer's ranking, W) into `scorers`. Writes nothing. */
  load(): Promise<void>;
  /** *Opprett arket Vurderere*: the sheet with an empty table. */
  create(): Promise<ScorersWrite>;
  /**
   * *Hent vurderinger*: another workbook's scores appended as one scorer's rows; a row the scorer has
   * is skipped unless `replace`, and then its old values go to Logg first.
   */
  add(scorer: string, rows: readonly FetchedRow[], replace: boolean): Promise<ScorersWrite>;
}

export interface AppActions {
  /** Creates the add-in's sheets (Vurdering, Modell, Rangering) from the default model. */
  createWorkbook(): Promise<void>;
  /** Imports the open legacy meeting workbook into the add-in's layout; the original sheets stay untouched. */
  importLegacy(): Promise<void>;
  /**
   * Works out what «Synkroniser» would write (cells, sheets) without writing, and puts it in
   * `syncPlan` for the pane to confirm; with nothing to write, says so instead.
   */
  planSync(): Promise<void>;
  /** Drops the plan: the person chose not to synchronise. */
  cancelSync(): Promise<void>;
  /** Writes correct values into the legacy sheets and the summary, logging what was there (the confirmed plan). */
  syncLegacy(): Promise<void>;
  /** Reads the workbook again and rewrites the outputs. */
  recalc(): Promise<void>;
  /** Selects a cell or range in the workbook, e.g. `'Kritisk info'!F9`. */
  selectCell(address: string): Promise<void>;
  /**
   * Selects a measure's row in the scoring table (Vurdering), found by its ID; in the legacy
   * layout, the measure's name cell on its theme sheet.
   */
  selectMeasure(measureId: string): Promise<void>;
  /** Sets one node's weight (writes the Modell sheet, which triggers a recompute). */
  setWeight(nodeId: string, weight: number): Promise<void>;
  /** Sets several weights in one write to Modell (what-if weights applied); old values are logged. */
  setWeights(weights: Record<string, number>): Promise<void>;
  /** Sets every weight back to 1. */
  resetWeights(): Promise<void>;
  /** Sets the tie-break: an ordered list of group ids (empty for none). */
  setTieBreak(groupIds: string[]): Promise<void>;
  /** Answers one checklist question for a measure (null clears the answer). */
  setAnswer(measureId: string, question: ChecklistQuestion, answer: Answer): Promise<void>;
  /**
   * A measure found in only one of the scoring table and the checklist: "add" puts it back into
   * the table that lacks it, "remove" deletes it from the table that has it (logged in Logg).
   */
  resolveOrphan(measureId: string, choice: "add" | "remove"): Promise<void>;
  /** Adds the Sjekkliste sheet to a workbook whose layout was made without it. */
  createChecklist(): Promise<void>;
  /**
   * Extends one of the add-in's tables (PrioVurdering, PrioSjekkliste, PrioVurderere) over the rows
   * right below it that look like measures (the finding «table-rows-outside»); only the table's range changes.
   */
  extendTable(table: string): Promise<void>;
  /** Rebuilds a damaged store from the tables (its old content goes to Logg). */
  repairStore(): Promise<void>;
  /** Sets the workbook's language for the text the add-in writes into sheets. */
  setWorkbookLang(lang: Lang): Promise<void>;
}

export interface AppController extends AppActions {
  /** Saved rounds and the baseline (absent in a controller without them). */
  rounds?: RoundActions;
  /** Several scorers: the Vurderere view's read and writes (absent in a controller without them). */
  scorers?: ScorerActions;
  getState(): AppState;
  /** Calls the listener on every state change; returns the unsubscribe function. */
  subscribe(listener: (state: AppState) => void): () => void;
}
