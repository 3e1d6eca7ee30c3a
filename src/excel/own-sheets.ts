/**
 * Which sheets are the add-in's own. A sheet called Vurdering, Modell, Rangering, Sjekkliste or
 * Logg is the add-in's when the add-in's table of that sheet (PrioVurdering, PrioModell,
 * PrioRangering, PrioSjekkliste, PrioLogg) sits on it — the add-in names its tables and a person
 * does not make tables with those names. PrioData is the add-in's when it is very hidden (only
 * the add-in, or a macro, can hide a sheet that way), or hidden and holding a store slot the
 * add-in wrote (header, length and checksum: LibreOffice saves a very hidden sheet as hidden; the
 * recompute hides it very again). A sheet with one of these names that is not the add-in's is a
 * clash: the add-in reads nothing from it and writes nothing anywhere until the person renames it.
 */
import { t, type Lang } from "../i18n";
import { SHEETS, TABLES } from "../grid/layout";
import { STORE_SHEET, type StoreRead, type StoreTarget } from "../grid/store";
import type { Grid } from "../grid/grid";
import { isStoreGrid, readStoreSlots } from "../grid/workbook";
import { gridOf, queueSheetRead } from "./grids";

export interface SheetList {
  sheets: string[];
  tables: string[];
  /** The sheet each table is on. */
  tableSheet: Map<string, string>;
  /** Sheets by visibility ("Visible", "Hidden", "VeryHidden"). */
  visibility: Map<string, string>;
}

/** The add-in's sheet names and the table that marks each as the add-in's. */
export const OWN_TABLE: Record<string, string> = {
  [SHEETS.scoring]: TABLES.scoring,
  [SHEETS.model]: TABLES.model,
  [SHEETS.ranking]: TABLES.ranking,
  [SHEETS.checklist]: TABLES.checklist,
  [SHEETS.log]: TABLES.log,
};

/** The names, tables, the table's sheets and visibility (one sync). */
export async function listOwned(context: Excel.RequestContext): Promise<SheetList> {
  const sheets = context.workbook.worksheets;
  sheets.load("items/name,items/visibility");
  const tables = context.workbook.tables;
  tables.load("items/name,items/worksheet/name");
  await context.sync();
  return {
    sheets: sheets.items.map((s) => s.name),
    tables: tables.items.map((tb) => tb.name),
    tableSheet: new Map(tables.items.map((tb) => [tb.name, tb.worksheet.name])),
    visibility: new Map(sheets.items.map((s) => [s.name, String(s.visibility)])),
  };
}

/**
 * Sheets that carry one of the add-in's names but are a person's own, in the order found, as far
 * as the names, tables and visibility tell: a hidden PrioData is decided by what it holds
 * (`storeClash`, once it is read).
 */
export function clashes(list: SheetList): string[] {
  const out: string[] = [];
  for (const name of list.sheets) {
    const key = Object.keys(OWN_TABLE).find((k) => k.toLowerCase() === name.toLowerCase());
    if (key) {
      if (list.tableSheet.get(OWN_TABLE[key]) !== name) out.push(name);
    } else if (name.toLowerCase() === STORE_SHEET.toLowerCase() && list.visibility.get(name) === "Visible") out.push(name);
  }
  return out;
}

/** PrioData's name as the workbook spells it when it is hidden but not very hidden (LibreOffice saves it so). */
export function hiddenStoreSheet(list: SheetList): string | undefined {
  const name = list.sheets.find((s) => s.toLowerCase() === STORE_SHEET.toLowerCase());
  return name !== undefined && list.visibility.get(name) === "Hidden" ? name : undefined;
}

/** [PrioData] when it is hidden and its grid (read with the rest) holds no store slot of the add-in's: a person's sheet. */
export function storeClash(list: SheetList, grids: readonly Grid[]): string[] {
  const name = hiddenStoreSheet(list);
  if (name === undefined) return [];
  const grid = grids.find((g) => g.name === name);
  return grid && isStoreGrid(grid) ? [] : [name];
}

/** The store in the workbook (one more sync when PrioData exists), where its next write goes, and whether a hidden PrioData is a person's. */
export async function readOwnedStore(context: Excel.RequestContext, list: SheetList): Promise<{ read: StoreRead; target: StoreTarget; clash: string[] }> {
  const name = list.sheets.find((s) => s.toLowerCase() === STORE_SHEET.toLowerCase());
  if (!name) return { read: { kind: "absent" }, target: { col: 0, generation: 1 }, clash: [] };
  const q = queueSheetRead(context, name);
  await context.sync();
  const grid = gridOf(q);
  return { ...readStoreSlots([grid]), clash: storeClash(list, [grid]) };
}

export type Writable =
  | { ok: true; list: SheetList; store: { read: StoreRead; target: StoreTarget } }
  | { ok: false; message: string };

/** The message for sheets that carry the add-in's names but are a person's. */
export function clashMessage(lang: Lang, names: string[]): string {
  return names.length === 1
    ? t(lang, "excel.clash", { sheet: names[0] })
    : t(lang, "excel.clashMany", { sheets: names.map((n) => (lang === "nb" ? `«${n}»` : `“${n}”`)).join(", ") });
}

/**
 * Whether the add-in may write into this workbook at all: no sheet of a person's carries one of
 * its names, and the store was not written by a newer version. One or two syncs.
 */
export async function checkWritable(context: Excel.RequestContext, lang: Lang): Promise<Writable> {
  const list = await listOwned(context);
  const clash = clashes(list);
  if (clash.length) return { ok: false, message: clashMessage(lang, clash) };
  const { clash: person, ...store } = await readOwnedStore(context, list);
  if (person.length) return { ok: false, message: clashMessage(lang, person) };
  if (store.read.kind === "newer") return { ok: false, message: t(lang, "excel.storeNewer", { format: store.read.format }) };
  return { ok: true, list, store };
}

/** The language the add-in writes into this workbook's sheets: the store's, bokmål when not set. */
export function workbookLang(read: StoreRead): Lang {
  return read.kind === "ok" ? (read.store.lang ?? "nb") : "nb";
}
