/**
 * The add-in's store (the very hidden PrioData sheet) as findings of the command line: a damaged
 * store or one written by a newer version is reported, as the task pane reports it, not passed
 * over in silence. The readers already leave such a store unused (src/grid/workbook.ts).
 */
import { finding, type Finding } from "../core/findings";
import { STORE_SHEET, type StoreRead } from "../grid/store";

export function storeFindings(store: StoreRead): Finding[] {
  const cell = `${STORE_SHEET}!A1`;
  if (store.kind === "damaged") {
    const detail = store.problems.map((p) => `${p.at}: ${p.detail ?? p.code}`).join("; ");
    return [finding("store-damaged", "warning", { detail }, { cell })];
  }
  if (store.kind === "newer") return [finding("store-newer", "warning", { format: store.format }, { cell })];
  return [];
}
