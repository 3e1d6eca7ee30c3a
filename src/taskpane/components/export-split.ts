/**
 * The slides' minimum/plus split in the pane: the exact selection within the workbook's budget
 * frame, read and solved as the *Utvalg* view does (src/excel/selection.ts, HiGHS), when Modell
 * sets one; undefined otherwise (the top-N cut applies then). Loaded by the export dialog on
 * *PowerPoint* only; the selection and the solver load only when a frame is set. Also the plan by
 * steps for the roadmap slide, when Modell has steps.
 */
import { officeHost } from "../../excel/host";
import type { SelectionSplit } from "../../export/selection-split";
import type { PlanResult } from "../../core/plan";

export async function workbookSplit(): Promise<SelectionSplit | undefined> {
  const m = await import("../../excel/selection");
  const inputs = await m.loadSelectionInputs(officeHost);
  if (!inputs || inputs.problem.budget === null) return undefined;
  const { splitOf } = await import("../../export/selection-split");
  return splitOf(await m.solveSelection({ ...inputs.problem, budget: inputs.problem.budget }, { entryBudgets: false, frontier: false }));
}

/** The plan by steps when Modell has a steps table (the roadmap slide); read and solved as the *Etter steg* view does. */
export async function workbookPlan(): Promise<PlanResult | undefined> {
  const { planActions } = await import("../../excel/plan-actions");
  const actions = planActions({ host: officeHost });
  const load = await actions.load();
  return load.kind === "plan" ? actions.solve(load.problem) : undefined;
}
