/**
 * A bad cell on the Modell sheet (a weight typed as «mye», a tie-break naming no group) is
 * coloured like an invalid score on Vurdering, and cleared once it is put right. The colour is the
 * add-in's own conditional format, never the cell's fill, so a person's formatting stays. The
 * controller remembers which cells it marked, so a recompute writes here only when that set changes.
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

/**
 * The rule of the add-in's mark on one Modell cell: a conditional format whose formula names the
 * cell (always true), so the add-in finds and removes its own mark without touching a person's
 * fill or their own conditional formats.
 */
export function modelMarkRule(a1: string): string {
  return `=ISTEXT("PrioModellmerknad ${a1}")`;
}

/**
 * Applies the changes as conditional formats: two syncs, and only when the set of bad cells
 * changed (the caller remembers it). Cells whose sheet is gone are skipped by the caller's check.
 */
export async function applyHighlights(context: Excel.RequestContext, changes: { clear: string[]; fill: string[] }): Promise<void> {
  const range = (a: string) => {
    const p = parseAddress(a);
    if (!p || p.sheet === undefined) return undefined;
    return { range: context.workbook.worksheets.getItem(p.sheet).getRange(cellA1(p.row, p.col)), a1: a };
  };
  const clearing = changes.clear.flatMap((a) => {
    const r = range(a);
    if (!r) return [];
    const formats = r.range.conditionalFormats;
    formats.load("items/type,items/customOrNullObject/rule/formula");
    return [{ formats, rule: modelMarkRule(r.a1) }];
  });
  if (clearing.length) await context.sync();
  for (const { formats, rule } of clearing) {
    for (const cf of formats.items) {
      if (cf.type !== "Custom" || cf.customOrNullObject.isNullObject) continue;
      if (cf.customOrNullObject.rule.formula === rule) cf.delete();
    }
  }
  for (const a of changes.fill) {
    const r = range(a);
    if (!r) continue;
    const cf = r.range.conditionalFormats.add("Custom");
    cf.custom.rule.formula = modelMarkRule(r.a1);
    cf.custom.format.fill.color = MODEL_PROBLEM_FILL;
  }
  await context.sync();
}
