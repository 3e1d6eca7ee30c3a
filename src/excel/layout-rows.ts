/**
 * The rows and the store write that the recompute and the checklist's actions need at every
 * change, apart from the layout's creation (excel/layout.ts, loaded only when a layout is made):
 * a checklist row for a measure new in the scoring table, and the store's write into its slot.
 */
import { columnLetters } from "../core/address";
import { CHECKLIST_ORDER, CHECKLIST_WORDS, type ChecklistColumn } from "../grid/layout";
import { STORE_SHEET, storeToCells, type Store, type StoreTarget } from "../grid/store";
import { officeInput, officeRows, type OfficeInput } from "./cells";
import { charge } from "./payload";

/** The rows a new checklist starts with: every measure of the scoring table, unanswered. */
export interface ChecklistSeed {
  id: string;
  name: string;
  actor: string;
}

export const NOT_ASSESSED_ROW = (seed: ChecklistSeed): (string | number)[] =>
  CHECKLIST_ORDER.map((k) =>
    k === "id" ? seed.id : k === "name" ? seed.name : k === "actor" ? seed.actor : k === "entry" || k === "segment" ? CHECKLIST_WORDS.notAssessed : "",
  );

/**
 * A checklist row as it is appended for a measure new in the scoring table (values input: text
 * kept as text). `textColumn(j)` tells whether the new row's j-th cell will be formatted as Text
 * (a table's new row takes the formats of the row above), where text goes in literally.
 */
export function checklistRowFor(seed: ChecklistSeed, textColumn: (j: number) => boolean = () => false): OfficeInput[] {
  return NOT_ASSESSED_ROW(seed).map((v, j) => (typeof v === "string" && textColumn(j) ? v : officeInput(v)));
}

/**
 * The same row laid out for the checklist table as it is now: `width` columns from `firstCol`,
 * each value in its column by header (a person may have added, moved or removed columns); cells
 * of columns the add-in does not know stay blank.
 */
export function checklistRowIn(
  seed: ChecklistSeed,
  columns: Partial<Record<ChecklistColumn, number>>,
  firstCol: number,
  width: number,
  textColumn: (j: number) => boolean = () => false,
): OfficeInput[] {
  const out = new Array<OfficeInput>(width).fill("");
  const values = NOT_ASSESSED_ROW(seed);
  CHECKLIST_ORDER.forEach((k, i) => {
    const c = columns[k];
    if (c === undefined || c < firstCol || c >= firstCol + width) return;
    const v = values[i];
    out[c - firstCol] = typeof v === "string" && textColumn(c - firstCol) ? v : officeInput(v);
  });
  return out;
}

/**
 * Writes the store into the slot that does not hold the one in force (see grid/store.ts): the
 * header (generation, length, checksum) and the chunks in one write, so a failure half-way
 * leaves the previous store readable. Every chunk is written as text, whatever it starts with.
 */
export function queueStoreWrite(context: Excel.RequestContext, store: Store, target: StoreTarget, exists: boolean): void {
  const sheet = exists ? context.workbook.worksheets.getItem(STORE_SHEET) : context.workbook.worksheets.add(STORE_SHEET);
  const col = columnLetters(target.col);
  if (exists) sheet.getRange(`${col}:${col}`).clear("Contents");
  const cells = officeRows(storeToCells(store, target.generation));
  sheet.getRangeByIndexes(0, target.col, cells.length, 1).values = cells;
  charge(context, cells);
  sheet.visibility = "VeryHidden";
}
