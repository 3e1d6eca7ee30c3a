/**
 * The minimum list's weight intervals for the task pane's Stabilitet view, loaded with a dynamic
 * import by MinimumListStability.tsx: reads the selection's inputs from the open workbook (two
 * context.sync() calls, src/excel/selection.ts) and, only when Modell sets a budget frame and the
 * scoring table has costs, solves with HiGHS (loaded on the first solve). Writes nothing.
 */
import type { Assessment } from "../../core/assess";
import type { SelectionProblem } from "../../core/selection-problem";
import type { BinarySolver } from "../../core/selection-solver";
import { listStability, type ListStabilityReport } from "../../core/selection-stability";
import { loadSelectionInputs } from "../../excel/selection";
import type { ExcelHost } from "../../excel/host";
import { highsSolver } from "../../solve/highs";

const solver = highsSolver();

/** The selection problem with the workbook's frames; null when it sets no frame, has no cost column, or is not in the add-in's layout. */
export async function loadListProblem(host: ExcelHost): Promise<SelectionProblem | null> {
  const inputs = await loadSelectionInputs(host);
  if (!inputs || !inputs.columns.cost || inputs.problem.budget === null) return null;
  const { budget, ...rest } = inputs.problem;
  return { ...rest, budget };
}

/** The run was given up (the view moved on to newer inputs). */
export class Cancelled extends Error {}

/**
 * The analysis; HiGHS solves synchronously, so the run yields to the page before every solve (the
 * pane stays responsive between solves) and stops at the next one once `cancelled()` says so.
 */
export function minimumListStability(assessment: Assessment, problem: SelectionProblem, allNodes: boolean, cancelled: () => boolean = () => false): Promise<ListStabilityReport> {
  const yielding: BinarySolver = {
    async solve(p) {
      await new Promise((resolve) => setTimeout(resolve, 0));
      if (cancelled()) throw new Cancelled("cancelled");
      return solver.solve(p);
    },
  };
  return listStability(assessment, problem, yielding, { allNodes });
}
