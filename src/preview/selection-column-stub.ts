/**
 * In the office.js stub's own bundle (one file, no chunks beside it) the recompute that opens a
 * workbook leaves Rangering's Utvalg column as it is: HiGHS is not bundled there. The task pane's
 * recompute, right after, fills it with the real selection (src/excel/selection-column.ts).
 */
export async function selectionWords(): Promise<undefined> {
  return undefined;
}
