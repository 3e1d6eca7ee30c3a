/**
 * A bad cell on the Modell sheet (a weight typed as «mye», a tie-break naming no group) is
 * coloured like an invalid score on Vurdering, and cleared once it is put right. The controller
 * remembers which cells it coloured, so a recompute writes here only when that set changes.
 */
import { parseAddress, cellA1 } from "../core/address";
import type { ModelProblem } from "../core/model-validate";

/** The fill of a cell the add-in cannot read (as on Vurdering). */
export const MODEL_PROBLEM_FILL = "#F8CBAD";

/** The cells of the problems, in Excel's form, sorted and without repeats. */
export function problemCells(problems: readonly ModelProblem[]): string[] {
  return [...new Set(problems.flatMap((p) => (p.cell ? [p.cell] : [])))].sort();
}

/** What to clear and what to colour to go from the coloured cells `before` to `after`. */
export function highlightChanges(before: readonly string[], after: readonly string[]): { clear: string[]; fill: string[] } {
  return { clear: before.filter((c) => !after.includes(c)), fill: after.filter((c) => !before.includes(c)) };
}

/** Queues the changes (no sync). Cells whose sheet is gone are skipped by the caller's check. */
export function queueHighlights(context: Excel.RequestContext, changes: { clear: string[]; fill: string[] }): void {
  const range = (a: string) => {
    const p = parseAddress(a);
    if (!p || p.sheet === undefined) return undefined;
    return context.workbook.worksheets.getItem(p.sheet).getRange(cellA1(p.row, p.col));
  };
  for (const a of changes.clear) range(a)?.format.fill.clear();
  for (const a of changes.fill) {
    const r = range(a);
    if (r) r.format.fill.color = MODEL_PROBLEM_FILL;
  }
}
