/**
 * The plan by steps for the task pane's *Etter steg* view (AppController.plan, loaded on first use
 * through lazy-actions.ts): reads the sheets the selection needs in two syncs, whatever the number of
 * measures, and solves through solve/plan-run.ts (a Web Worker in the pane). Writes nothing.
 */
import type { PlanActions, PlanLoad } from "../app/app-state";
import { planProblemOf } from "../grid/plan-problem";
import { readSelectionInputs } from "../grid/selection-inputs";
import { readScorers } from "../grid/scorers-table";
import { readWorkbook } from "../grid/workbook";
import { solvePlan } from "../solve/plan-run";
import type { Control } from "./action-control";
import { readSelectionGrids } from "./selection";

export function planActions(control: Pick<Control, "host">): PlanActions {
  return {
    async load(): Promise<PlanLoad> {
      const grids = await readSelectionGrids(control.host);
      const read = readWorkbook(grids, undefined, { scorers: readScorers });
      if (read.kind !== "addin") return { kind: "none", reason: "not-addin" };
      const inputs = readSelectionInputs(grids, read);
      if (!inputs.columns.cost) return { kind: "none", reason: "no-cost" };
      const made = planProblemOf(inputs);
      const findings = [...inputs.findings, ...made.findings];
      return made.problem ? { kind: "plan", problem: made.problem, findings } : { kind: "no-steps", findings };
    },
    solve: solvePlan,
  };
}
