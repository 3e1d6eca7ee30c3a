/**
 * The slides' and tables' minimum/plus split in the pane: the exact selection within the budget
 * frame, read and solved as the *Utvalg* view does (src/excel/selection.ts, HiGHS), with what is
 * tried there and not saved (frames, choices: selection-tried.ts), and where each came from;
 * undefined without a frame, or when the selection has no answer (the top-N cut applies then).
 * Loaded by the export dialog when it opens; the selection and the solver load only when a frame is set.
 * Also the plan by steps for the roadmap slide, when Modell has steps (`panePlan`).
 */
import { officeHost } from "../../excel/host";
import type { SelectionSplit } from "../../export/selection-split";
import type { PlanResult } from "../../core/plan";
import { triedProblem, triedSelection } from "../selection-tried";

export async function paneSplit(): Promise<SelectionSplit | undefined> {
  const m = await import("../../excel/selection");
  const inputs = await m.loadSelectionInputs(officeHost);
  if (!inputs || !inputs.columns.cost) return undefined;
  const tried = triedProblem(inputs.problem, triedSelection());
  if (!tried.problem) return undefined;
  const { splitOf } = await import("../../export/selection-split");
  return splitOf(await m.solveSelection(tried.problem, { entryBudgets: false, frontier: false }), tried.source);
}

/**
 * The plan by steps when Modell has a steps table (the roadmap slide): read when the dialog opens (so
 * it offers the slide only then), solved as the *Etter steg* view solves it (a Web Worker) when the
 * deck is made; undefined without steps.
 */
export async function panePlan(): Promise<{ solve(): Promise<PlanResult> } | undefined> {
  const { planActions } = await import("../../excel/plan-actions");
  const actions = planActions({ host: officeHost });
  const load = await actions.load();
  return load.kind === "plan" ? { solve: () => actions.solve(load.problem) } : undefined;
}
