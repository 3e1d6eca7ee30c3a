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
 *      recompute.
 * Only cells whose value or number format differs from what sync 2 read are written. The text
 * written into sheets is in the workbook's language (the store's `lang`), not the display's.
 */
import type { Baseline } from "../core/movement";
import type { Lang } from "../i18n";
import type { Grid } from "../grid/grid";
import { SHEETS } from "../grid/layout";
import { STORE_SHEET } from "../grid/store";
import { readStoreSlots, readWorkbook } from "../grid/workbook";
import { gridOf, queueSheetRead } from "./grids";
import { clashes, listOwned, storeClash, workbookLang, type SheetList } from "./own-sheets";
import { attachTableBounds, BOUNDED_TABLES, queueTableBounds } from "./table-bounds";
import type { AddinRead, FrameState, Found, Part } from "./recompute/capability";
import { CAPABILITIES } from "./recompute/capabilities";

export type RecomputeResult =
  | { kind: "ready"; read: AddinRead; grids: Grid[]; idsAssigned: number; sheets: string[]; lang: Lang; baseline: Baseline | null }
  /** The workbook has no scoring table of the add-in's. Nothing was written. */
  | { kind: "absent"; sheets: string[] }
  /** The stored state was written by a newer version. Nothing was written. */
  | { kind: "newer"; format: number; sheets: string[] }
  /** Sheets with the add-in's names that a person made. Nothing was read from them or written. */
  | { kind: "clash"; clashes: string[]; sheets: string[] };

/** The add-in's sheets, read as grids in sync 2 (those that exist); formulas too where the checklist sync copies text. */
const OWN_SHEETS = [SHEETS.scoring, SHEETS.model, SHEETS.ranking, SHEETS.checklist, STORE_SHEET];
const WITH_FORMULAS = new Set<string>([SHEETS.scoring, SHEETS.checklist]);

function foundIn(list: SheetList): Found {
  const has = (name: string) => list.sheets.some((s) => s.toLowerCase() === name.toLowerCase());
  const exact = (name: string) => list.sheets.find((s) => s.toLowerCase() === name.toLowerCase())!;
  return { list, has, exact };
}

export async function recompute(context: Excel.RequestContext, _displayLang: Lang, now: () => Date = () => new Date()): Promise<RecomputeResult> {
  // 1. What exists.
  const list = await listOwned(context);
  const { sheets, tables } = list;
  const clash = clashes(list);
  if (clash.length) return { kind: "clash", clashes: clash, sheets };
  const found = foundIn(list);
  if (!found.has(SHEETS.scoring)) return { kind: "absent", sheets };

  // 2. Read: each capability queues its lookups; the sheets as grids, with where their tables end (cells outside them are the person's).
  const parts: Part[] = [];
  for (const capability of CAPABILITIES) {
    const part = await capability.read(context, found);
    if (part) parts.push(part);
  }
  const names = [...OWN_SHEETS, ...parts.flatMap((p) => p.sheets ?? [])].filter(found.has);
  const reads = names.map((n) => queueSheetRead(context, found.exact(n), WITH_FORMULAS.has(n)));
  const bounds = queueTableBounds(context, tables, [...BOUNDED_TABLES, ...parts.flatMap((p) => p.tables ?? [])]);
  await context.sync();
  const grids = attachTableBounds(reads.map(gridOf), bounds);
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

  // 3. Write.
  context.runtime.enableEvents = false;
  for (const part of parts) part.write?.(context, state);
  context.runtime.enableEvents = true;
  await context.sync();
  return { kind: "ready", read, grids, idsAssigned: state.idsAssigned, sheets, lang, baseline: state.baseline };
}
