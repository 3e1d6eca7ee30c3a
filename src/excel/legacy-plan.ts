/**
 * What «Synkroniser» would write, without writing it: the number of cells and the sheets, so the
 * pane can ask before the add-in writes into a person's sheets. Reads only (two syncs).
 */
import { planLegacySync } from "../grid/legacy-sync";
import { readLegacy } from "./legacy";

export interface SyncPlan {
  /** Cells that would get a new value or formula. */
  cells: number;
  /** Their sheets, in the order the writes come. */
  sheets: string[];
}

/** The plan for the open workbook; undefined when it has no legacy sheets. */
export async function planLegacySyncIn(context: Excel.RequestContext): Promise<SyncPlan | undefined> {
  const read = await readLegacy(context);
  if (!read.legacy || !read.assessment) return undefined;
  const writes = planLegacySync(read.legacy, read.assessment);
  return { cells: writes.length, sheets: [...new Set(writes.map((w) => w.sheet))] };
}
