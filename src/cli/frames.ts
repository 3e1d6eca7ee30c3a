/**
 * The frames a selection is solved in: the command line's when --budget is given (then --minimum is
 * the only minimum frame), else the workbook's (Budsjettramme, Minimumsramme on Modell). Shared by
 * `prio select` and the minimum list's part of `prio sensitivity` (list-stability.ts).
 */
import type { SelectionProblem } from "../core/selection-problem";
import type { SelectionInputs } from "../grid/selection-inputs";

/** The problem with the frames in force: the command line's when --budget is given, else the workbook's. */
export function problemWithFrames(inputs: SelectionInputs, budget?: number, minimum?: number): SelectionProblem | undefined {
  const p = inputs.problem;
  const frame = budget ?? p.budget;
  if (frame === null) return undefined;
  const out: SelectionProblem = { ...p, budget: frame };
  if (budget !== undefined) {
    delete out.minimum;
    if (minimum !== undefined) out.minimum = minimum;
  } else if (minimum !== undefined) out.minimum = minimum;
  return out;
}
