/**
 * What a capability of the recompute is (src/excel/recompute.ts is the frame; the list is
 * ./capabilities.ts). The frame owns the three syncs: 1. what exists; 2. the reads; 3. the writes,
 * with events off. A capability takes part through these steps, each optional, in this order:
 *   read          after sync 1: queue its lookups into sync 2 (and name more sheets to read as grids);
 *   beforeAssess  after sync 2, on the grids before the one assessment is read from them;
 *   prepare       after the assessment, before sync 3: findings, values handed on, work without a
 *                 sync (it may load a chunk then, e.g. HiGHS or the scorers' strings);
 *   write         queue its writes into sync 3 (only what differs from what sync 2 read).
 * Capabilities run in the list's order in every step, so a value handed on in `prepare` is read by
 * the capabilities after it, and writes are queued in the list's order.
 */
import type { Baseline } from "../../core/movement";
import type { MeasureResult } from "../../core/assess";
import type { Grid } from "../../grid/grid";
import type { StoreRead, StoreTarget } from "../../grid/store";
import type { AddinRead, ScorersReader } from "../../grid/workbook";
import type { Lang } from "../../i18n";
import type { SheetList } from "../own-sheets";

export type { AddinRead };

/** What sync 1 found. */
export interface Found {
  /** The sheets (with their visibility) and the tables (with their sheets). */
  list: SheetList;
  /** Whether the workbook has a sheet of this name (Excel's sheet names ignore case). */
  has(name: string): boolean;
  /** The sheet's name as the workbook spells it (only for a name that `has`). */
  exact(name: string): string;
}

/** A measure's Merknader text; with scorers' notes, src/excel/scorer-notes-column.ts makes it. */
export type NotesText = (m: MeasureResult) => string;

/** The state of one recompute after the assessment, shared by every capability's `prepare` and `write`. */
export interface FrameState {
  found: Found;
  /** The sheets read in sync 2, as grids (ids for new rows already in them). */
  grids: Grid[];
  /** The one assessment: the add-in's layout read from the grids. */
  read: AddinRead;
  /** The workbook's language (the store's `lang`): every text written into sheets is in it. */
  lang: Lang;
  /** The store's slot the next store write goes to. */
  storeTarget: StoreTarget;
  /** Wall clock for Logg lines. */
  now(): Date;
  // Values one capability hands on to those after it in the list (and to the recompute's result).
  /** Ids given to rows without one (ids.ts). */
  idsAssigned: number;
  /** The saved round movement is measured against (movement.ts); null without one. */
  baseline: Baseline | null;
  /** The Utvalg word of each measure id (selection.ts), when Modell sets a budget frame and it has an answer. */
  lists?: ReadonlyMap<string, string>;
  /** Merknader with the scorers' notes (scorers.ts), when the workbook has a scorers table. */
  notes?: NotesText;
  /** Whether the store was written (store.ts): its target slot is then the slot in force. */
  storeWritten?: boolean;
  /** Whether the write batch rebuilds the Rangering table (ranking.ts; its columns change); undefined without the table. */
  rankingRebuilt?: boolean;
}

/** What `beforeAssess` sees: the grids and the store as parsed from them. */
export interface AssessInputs {
  grids: Grid[];
  stored: StoreRead;
}

/** One capability's part in one recompute: the steps after its `read` (its closures keep what it queued). */
export interface Part {
  /** More sheets to read as grids in sync 2, beside the add-in's own (when they exist). */
  sheets?: readonly string[];
  /** More tables whose ranges come with the grids (where each table ends). */
  tables?: readonly string[];
  /** Options for reading the assessment from the grids (the scorers' reader). */
  reading?: { scorers?: ScorersReader };
  beforeAssess?(inputs: AssessInputs): void;
  prepare?(state: FrameState): void | Promise<void>;
  /** Queues its writes (a large one may `await flushIfFull(context)` between parts, ../payload.ts). */
  write?(context: Excel.RequestContext, state: FrameState): void | Promise<void>;
}

export interface Capability {
  /** A short name, unique in the list. */
  readonly id: string;
  /**
   * After sync 1: queues this capability's lookups into sync 2's batch and returns its part in
   * this recompute, or undefined when the workbook gives it nothing to do. Never syncs.
   */
  read(context: Excel.RequestContext, found: Found): Part | undefined | Promise<Part | undefined>;
}
