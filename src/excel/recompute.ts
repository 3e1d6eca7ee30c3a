/**
 * One recompute of the add-in's layout: read the inputs, score and rank with the core, write the
 * outputs. This file is the frame: it owns the three context.sync() calls, whatever the number of
 * measures, and the one assessment; what is read and written around it belongs to the capabilities
 * listed in src/excel/recompute/capabilities.ts (each a module in that folder; the steps are in
 * src/excel/recompute/capability.ts):
 *   1. which sheets and tables exist (a person's sheet with one of the add-in's names stops it);
 *   2. the used ranges of the add-in's sheets (and of those a capability adds), where their tables
 *      end, and each capability's own lookups (a hidden PrioData without a store slot stops it);
 *   3. every capability's writes, with events off so the add-in's own writes do not trigger another
 *      recompute; events are switched on again whatever happens, a failed write too.
 * Only cells whose value or number format differs from what sync 2 read are written. The text
 * written into sheets is in the workbook's language (the store's `lang`), not the display's.
 * Excel on the web takes at most 5 MB a request or response: above that the reads go in bands of
 * rows (./sheet-reads.ts) and the writes in batches (./payload.ts), so the syncs are three below
 * it and a function of the payload's size above it. A recompute for a co-author's change reads
 * and assesses without writing (`write: false`): the pane whose person made the change writes.
 */
import type { Baseline } from "../core/movement";
import type { Lang } from "../i18n";
import type { Grid } from "../grid/grid";
import { SCORING_FIXED, SHEETS, TABLES } from "../grid/layout";
import { STORE_SHEET } from "../grid/store";
import { readStoreSlots, readWorkbook } from "../grid/workbook";
import { clashes, listOwned, storeClash, workbookLang, type SheetList } from "./own-sheets";
import { restoreEvents } from "./events-off";
import { flushIfFull, isPayloadLimit, startMeter, stopMeter } from "./payload";
import { afterWrite, planSheetReads, type ReadHints, type SheetSpec } from "./sheet-reads";
import { attachTableBounds, BOUNDED_TABLES, queueTableBounds } from "./table-bounds";
import type { AddinRead, FrameState, Found, Part } from "./recompute/capability";
import { CAPABILITIES } from "./recompute/capabilities";

export type { ReadHints };

export type RecomputeResult =
  | { kind: "ready"; read: AddinRead; grids: Grid[]; idsAssigned: number; sheets: string[]; lang: Lang; baseline: Baseline | null; hints: ReadHints; wrote: boolean }
  /** The workbook has no scoring table of the add-in's. Nothing was written. */
  | { kind: "absent"; sheets: string[] }
  /** The stored state was written by a newer version. Nothing was written. */
  | { kind: "newer"; format: number; sheets: string[] }
  /** Sheets with the add-in's names that a person made. Nothing was read from them or written. */
  | { kind: "clash"; clashes: string[]; sheets: string[] };

/**
 * The add-in's sheets, read as grids in sync 2 (those that exist): value types on the sheets of a
 * person's input; formulas and number formats where the checklist sync copies text and ids are
 * written (the ID, Tiltak and Aktør columns); the store's slots.
 */
const KEY_COLUMNS = [SCORING_FIXED.id, SCORING_FIXED.name, SCORING_FIXED.actor];
const OWN_SHEETS: Omit<SheetSpec, "name">[] = [
  { types: true, detail: { table: TABLES.scoring, headers: KEY_COLUMNS } },
  { types: true },
  { types: false },
  { types: true, detail: { table: TABLES.checklist, headers: KEY_COLUMNS } },
  { types: false, store: true },
];
const OWN_NAMES = [SHEETS.scoring, SHEETS.model, SHEETS.ranking, SHEETS.checklist, STORE_SHEET];

export interface RecomputeOptions {
  /** What the last recompute learned about its reads' size (the controller keeps it). */
  hints?: ReadHints;
  /** False: read and assess, write nothing (a co-author's change; their pane writes). */
  write?: boolean;
  /** Called with the assessment before the writes: the pane shows the ranking while they go to Excel. */
  onAssessed?: (ready: Assessed) => void;
}

/** A recompute's result before its writes. */
export type Assessed = Omit<Extract<RecomputeResult, { kind: "ready" }>, "wrote">;

function foundIn(list: SheetList): Found {
  const has = (name: string) => list.sheets.some((s) => s.toLowerCase() === name.toLowerCase());
  const exact = (name: string) => list.sheets.find((s) => s.toLowerCase() === name.toLowerCase())!;
  return { list, has, exact };
}

export async function recompute(
  context: Excel.RequestContext,
  _displayLang: Lang,
  now: () => Date = () => new Date(),
  options: RecomputeOptions = {},
): Promise<RecomputeResult> {
  // 1. What exists.
  const list = await listOwned(context);
  const { sheets, tables } = list;
  const clash = clashes(list);
  if (clash.length) return { kind: "clash", clashes: clash, sheets };
  const found = foundIn(list);
  if (!found.has(SHEETS.scoring)) return { kind: "absent", sheets };

  // 2. Read: each capability queues its lookups; the sheets as grids, with where their tables end
  // (cells outside them are the person's). Refused as too large, it is read again in bands.
  let hints = options.hints ?? {};
  let parts: Part[];
  let grids: Grid[];
  for (;;) {
    parts = [];
    for (const capability of CAPABILITIES) {
      const part = await capability.read(context, found);
      if (part) parts.push(part);
    }
    const specs = sheetSpecs(found, parts);
    const reads = planSheetReads(context, specs, hints, tables);
    const bounds = queueTableBounds(context, tables, [...BOUNDED_TABLES, ...parts.flatMap((p) => p.tables ?? [])]);
    try {
      // At most twice: a read Excel refused as too large is planned again in bands.
      // eslint-disable-next-line office-addins/no-context-sync-in-loop
      await context.sync();
      const done = await reads.finish();
      grids = attachTableBounds(done.grids, bounds);
      hints = done.hints;
      break;
    } catch (e) {
      if (!isPayloadLimit(e) || hints.bands) throw e;
      hints = { ...hints, bands: 2 };
    }
  }
  // A hidden (not very hidden) PrioData is the add-in's only when it holds a store slot; otherwise it is a person's.
  const person = storeClash(list, grids);
  if (person.length) return { kind: "clash", clashes: person, sheets };

  // The one assessment, from the store parsed once.
  const { read: stored, target } = readStoreSlots(grids);
  if (stored.kind === "newer") return { kind: "newer", format: stored.format, sheets };
  const lang = workbookLang(stored);
  for (const part of parts) part.beforeAssess?.({ grids, stored });
  const read = readWorkbook(grids, stored, Object.assign({}, ...parts.map((p) => p.reading)) as Part["reading"]);
  if (read.kind !== "addin") return { kind: "absent", sheets };
  const state: FrameState = { found, grids, read, lang, storeTarget: target, now, idsAssigned: 0, baseline: null };
  for (const part of parts) await part.prepare?.(state);
  const ready = { kind: "ready" as const, read, grids, idsAssigned: state.idsAssigned, sheets, lang, baseline: state.baseline, hints };
  if (options.write === false) return { ...ready, wrote: false };
  options.onAssessed?.(ready);

  // 3. Write, in batches under the payload limit; events on again whatever happens.
  context.runtime.enableEvents = false;
  startMeter(context);
  let written = 0;
  try {
    for (const part of parts) {
      await part.write?.(context, state);
      await flushIfFull(context);
    }
    context.runtime.enableEvents = true;
    await context.sync();
  } catch (e) {
    // A batch that failed part-way may have switched events off: on again (./events-off.ts).
    await restoreEvents(context);
    throw e;
  } finally {
    written = stopMeter(context);
  }
  return { ...ready, hints: afterWrite(hints, written, state.storeWritten ? target.col : undefined), wrote: true };
}

/** The sheets read whole in sync 2: the add-in's own that exist, and those a capability adds (value types included). */
function sheetSpecs(found: Found, parts: Part[]): SheetSpec[] {
  const own = OWN_NAMES.map((n, i) => ({ name: n, ...OWN_SHEETS[i] }));
  const more = parts.flatMap((p) => p.sheets ?? []).map((n) => ({ name: n, types: true }));
  return [...own, ...more].filter((s) => found.has(s.name)).map((s) => ({ ...s, name: found.exact(s.name) }));
}
