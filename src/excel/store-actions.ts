/**
 * Actions on the add-in's store: rebuilding a damaged one from the tables (the old content goes
 * to Logg first), and setting the workbook's language for the text the add-in writes into sheets;
 * `storeActions` makes them the controller's actions (each followed by a recompute).
 */
import type { AppActions } from "../app/app-state";
import { t, type Lang } from "../i18n";
import { segmentLabel, type ChecklistMemory } from "../grid/checklist-sync";
import { SHEETS } from "../grid/layout";
import { newStore, nextMeasureId, STORE_SHEET } from "../grid/store";
import { readWorkbook } from "../grid/workbook";
import { Refusal, type Control } from "./action-control";
import { gridOf, queueSheetRead } from "./grids";
import { queueStoreWrite } from "./layout-rows";
import { queueLog } from "./legacy";
import { checkWritable } from "./own-sheets";

export type StoreActionResult = { ok: true } | { ok: false; message: string };

/**
 * Rebuilds a damaged store from what the tables hold now: the model in force, the counter above
 * every id in use, and the checklist memory as the two tables stand (every id in either table
 * is known, so a measure in one table only stays a question for the person, never re-added; a
 * name that differs between the tables is a question too, never overwritten either way).
 * The damaged text goes to Logg first. Four syncs.
 */
export async function repairStore(context: Excel.RequestContext, lang: Lang, at: Date): Promise<StoreActionResult> {
  const writable = await checkWritable(context, lang);
  if (!writable.ok) return writable;
  const { list, store } = writable;
  if (store.read.kind !== "damaged") return { ok: false, message: t(lang, "excel.repair.notDamaged") };
  const own = [SHEETS.scoring, SHEETS.model, SHEETS.checklist].filter((n) => list.sheets.includes(n));
  const reads = own.map((n) => queueSheetRead(context, n));
  await context.sync();
  const read = readWorkbook(reads.map(gridOf), { kind: "absent" });
  const memory: ChecklistMemory = { known: [], names: {}, actors: {}, last: {} };
  const ids: string[] = [];
  if (read.kind === "addin") {
    for (const m of read.scoring.measures) {
      ids.push(m.id);
      memory.names[m.id] = m.unnamed ? "" : m.name;
      memory.actors[m.id] = m.actor ?? "";
    }
    for (const r of read.checklist?.table.rows ?? []) {
      if (r.id === "") continue;
      ids.push(r.id);
      // Names that differ between the tables: which was typed last is not known, so neither wins (a finding asks).
      if (!memory.names[r.id]) memory.names[r.id] = r.name;
      else if (r.name !== "" && r.name !== memory.names[r.id]) memory.names[r.id] = "";
      if (!memory.actors[r.id]) memory.actors[r.id] = r.actor;
      memory.last[r.id] = { segment: segmentLabel(r.placement), answers: { ...r.answers } };
    }
  }
  memory.known = [...new Set(ids)];
  const nextId = nextMeasureId({ nextId: 1 }, ids).nextId - 1;
  const rebuilt = { ...newStore(read.model, nextId, lang), checklist: memory };
  const raw = store.read.raw;
  // The log keeps the start of a long store: a cell holds 32,767 characters (queueLog cuts every text).
  queueLog(context, list, [[at, t(lang, "excel.log.repair"), `${STORE_SHEET}!A1`, raw, "", ""]]);
  queueStoreWrite(context, rebuilt, store.target, true);
  await context.sync();
  return { ok: true };
}

/** Sets the workbook's language (kept in the store). Three syncs. */
export async function setWorkbookLang(context: Excel.RequestContext, lang: Lang, displayLang: Lang): Promise<StoreActionResult> {
  const writable = await checkWritable(context, displayLang);
  if (!writable.ok) return writable;
  const { store, list } = writable;
  if (store.read.kind === "damaged") return { ok: false, message: t(displayLang, "excel.repair.explain") };
  const current = store.read.kind === "ok" ? store.read.store : undefined;
  if (!current) return { ok: false, message: t(displayLang, "excel.error.noChecklist") };
  if (current.lang === lang) return { ok: true };
  queueStoreWrite(context, { ...current, lang }, store.target, list.sheets.includes(STORE_SHEET));
  await context.sync();
  return { ok: true };
}

export function storeActions(c: Control): Pick<AppActions, "repairStore" | "setWorkbookLang"> {
  return {
    /** Rebuilds a damaged store from the tables, the old content logged; then recomputes. */
    repairStore: () =>
      c.act(async () => {
        const result = await c.host.run((ctx) => repairStore(ctx, c.lang(), c.clock()));
        if (!result.ok) return new Refusal(result.message);
        await c.refresh();
        return t(c.lang(), "excel.repair.done");
      }),

    /** Sets the language the add-in writes into this workbook's sheets; then recomputes. */
    setWorkbookLang: (lang: Lang) =>
      c.act(async () => {
        const result = await c.host.run((ctx) => setWorkbookLang(ctx, lang, c.lang()));
        if (!result.ok) return new Refusal(result.message);
        await c.refresh();
        return t(c.lang(), "excel.workbookLang.set", { lang: t(c.lang(), lang === "nb" ? "excel.lang.nb" : "excel.lang.en") });
      }),
  };
}
