/**
 * The frames a selection is solved in: the command line's when --budget is given (then --minimum is
 * the only minimum frame), else the workbook's (Budsjettramme, Minimumsramme on Modell). Shared by
 * `prio select` and the minimum list's part of `prio sensitivity` (list-stability.ts). A frame typed
 * on the command line is named as typed («--budget 30») in the findings, never by the Modell cell
 * it replaces.
 */
import type { SelectionProblem } from "../core/selection-problem";
import type { SelectionInputs } from "../grid/selection-inputs";

/** A frame from the command line: hundredths of a MNOK, and the option as typed. */
export interface GivenFrame {
  hundredths: number;
  typed: string;
}

/** The problem with the frames in force: the command line's when --budget is given, else the workbook's. */
export function problemWithFrames(inputs: SelectionInputs, budget?: GivenFrame, minimum?: GivenFrame): SelectionProblem | undefined {
  const p = inputs.problem;
  const frame = budget?.hundredths ?? p.budget;
  if (frame === null) return undefined;
  const out: SelectionProblem = { ...p, budget: frame, cells: { ...p.cells } };
  const given: NonNullable<SelectionProblem["given"]> = {};
  if (budget !== undefined) {
    given.budget = budget.typed;
    delete out.cells!.budget;
    // The workbook's minimum frame does not go with a frame from the command line.
    delete out.minimum;
    delete out.cells!.minimum;
  }
  if (minimum !== undefined) {
    out.minimum = minimum.hundredths;
    given.minimum = minimum.typed;
    delete out.cells!.minimum;
  }
  if (given.budget !== undefined || given.minimum !== undefined) out.given = given;
  return out;
}
