/**
 * The add-in's store (the very hidden sheet PrioData): a damaged store is a finding (and is not
 * written: the pane offers to rebuild it), and the store is written, to the slot not in force,
 * only when the model in force, the id counter or the checklist sync's memory changed. A store
 * LibreOffice saved as hidden is made very hidden again. The store
 * itself is parsed once by the frame, which stops at a newer one.
 */
import { finding } from "../../core/findings";
import { stableJson } from "../../core/model";
import { newStore, nextMeasureId, STORE_SHEET, type Store, type StoreTarget } from "../../grid/store";
import { queueStoreWrite } from "../layout-rows";
import { hiddenStoreSheet } from "../own-sheets";
import { room } from "../payload";
import type { AddinRead, Capability } from "./capability";

async function writeStoreIfChanged(context: Excel.RequestContext, read: AddinRead, target: StoreTarget, exists: boolean): Promise<boolean> {
  if (read.store.kind === "damaged" || read.store.kind === "newer") return false;
  const ids = read.assessment.measures.map((m) => m.id);
  const nextId = nextMeasureId({ nextId: read.store.kind === "ok" ? read.store.store.nextId : 1 }, ids).nextId - 1;
  const model = read.modelProblems.length === 0 ? read.model : read.store.kind === "ok" ? read.store.store.model : read.model;
  const previous = read.store.kind === "ok" ? read.store.store : undefined;
  const store: Store = {
    ...newStore(model, nextId, previous?.lang),
    checklist: read.checklist?.plan.memory ?? previous?.checklist ?? newStore(model).checklist,
  };
  if (previous && stableJson(previous) === stableJson(store)) return false;
  await room(context, JSON.stringify(store).length * 1.2);
  queueStoreWrite(context, store, target, exists);
  return true;
}

export const store: Capability = {
  id: "store",
  read: () => ({
    prepare: ({ read }) => {
      if (read.store.kind !== "damaged") return;
      const detail = read.store.problems.map((p) => `${p.at}: ${p.detail ?? p.code}`).join("; ");
      read.assessment.findings.unshift(finding("store-damaged", "warning", { detail }, { cell: `${STORE_SHEET}!A1` }));
    },
    write: async (context, state) => {
      // Saved by LibreOffice, the store is hidden, not very hidden (the frame has checked it holds a store slot): hidden again
      // as the add-in hides it. Only the visibility changes, no cell, so nothing is logged.
      const hidden = hiddenStoreSheet(state.found.list);
      if (hidden !== undefined) context.workbook.worksheets.getItem(hidden).visibility = "VeryHidden";
      state.storeWritten = await writeStoreIfChanged(context, state.read, state.storeTarget, state.found.has(STORE_SHEET));
    },
  }),
};
