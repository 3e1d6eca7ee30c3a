/**
 * In the office.js stub's own bundle (one file, no chunks beside it) the recompute that opens a
 * workbook leaves the Veikart sheet and Utvalg's steps as they are: HiGHS is not bundled there. The
 * task pane's recompute, right after, writes them from the real plan (src/excel/veikart-plan.ts).
 */
export async function veikartPlan(): Promise<undefined> {
  return undefined;
}
