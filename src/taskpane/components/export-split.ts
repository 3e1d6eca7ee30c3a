/**
 * The slides' minimum/plus split in the pane: the exact selection within the workbook's budget
 * frame, read and solved as the *Utvalg* view does (src/excel/selection.ts, HiGHS), when Modell
 * sets one; undefined otherwise (the top-N cut applies then). Loaded by the export dialog on
 * *PowerPoint* only; the selection and the solver load only when a frame is set.
 */
import { officeHost } from "../../excel/host";
import type { SelectionSplit } from "../../export/selection-split";

export async function workbookSplit(): Promise<SelectionSplit | undefined> {
  const m = await import("../../excel/selection");
  const inputs = await m.loadSelectionInputs(officeHost);
  if (!inputs || inputs.problem.budget === null) return undefined;
  const { splitOf } = await import("../../export/selection-split");
  return splitOf(await m.solveSelection({ ...inputs.problem, budget: inputs.problem.budget }, { entryBudgets: false, frontier: false }));
}
