/**
 * What is tried in the pane's *Utvalg* and not saved: the frames as typed and the choices made
 * there. Kept here (not in the view) so that they stay when the view closes and the export uses
 * the same selection the secretariat sees (src/taskpane/components/export-split.ts). Pure state and
 * the one rule that applies it to the workbook's selection problem; no React.
 */
import type { Forced, SelectionProblem } from "../core/selection-problem";
import type { SplitSource } from "../export/selection-split";

export interface TriedSelection {
  /** The budget and minimum frame as typed in the pane (MNOK, "" for none); undefined = the workbook's. */
  budgetText?: string;
  minimumText?: string;
  /** Choices made in the pane by measure id; absent = the workbook's Valg. */
  choices: Record<string, Forced>;
}

let tried: TriedSelection = { choices: {} };

export function triedSelection(): TriedSelection {
  return tried;
}

export function keepTriedSelection(next: TriedSelection): void {
  tried = next;
}

/** A frame as typed: hundredths of a MNOK, null for none, "bad" when it is not a number. */
export function mnokInput(text: string): number | null | "bad" {
  const s = text.trim().replace(",", ".");
  if (s === "") return null;
  if (!/^\d+(\.\d+)?$/.test(s)) return "bad";
  return Math.round(Number(s) * 100);
}

export interface TriedProblem {
  budget: number | null | "bad";
  minimum: number | null | "bad";
  /** The problem to solve; undefined without a budget frame or with a frame that is not a number. */
  problem?: SelectionProblem;
  /** Where its frames and choices came from. */
  source: SplitSource;
}

/**
 * The workbook's problem with what is tried applied. A choice made here has no cell in the
 * workbook: its findings name the measure, not the empty Valg cell; a frame typed here has no cell.
 */
export function triedProblem(base: Omit<SelectionProblem, "budget"> & { budget: number | null }, t: TriedSelection): TriedProblem {
  const budget = t.budgetText === undefined ? base.budget : mnokInput(t.budgetText);
  const minimum = t.minimumText === undefined ? (base.minimum ?? null) : mnokInput(t.minimumText);
  const paneFrames = budget !== base.budget || minimum !== (base.minimum ?? null);
  const paneChoices = base.items.filter((it) => it.id in t.choices && t.choices[it.id] !== it.forced).map((it) => it.id);
  const source: SplitSource = { frames: paneFrames ? "pane" : "workbook", choices: paneChoices };
  if (budget === null || budget === "bad" || minimum === "bad") return { budget, minimum, source };
  const items = base.items.map((it) =>
    it.id in t.choices
      ? {
          ...it,
          forced: t.choices[it.id],
          cells: { ...it.cells, forced: undefined, name: undefined },
        }
      : it
  );
  const cells = { ...base.cells };
  if (t.budgetText !== undefined) delete cells.budget;
  if (t.minimumText !== undefined) delete cells.minimum;
  const problem: SelectionProblem = { ...base, items, budget, cells };
  delete problem.minimum;
  if (minimum !== null) problem.minimum = minimum;
  return { budget, minimum, problem, source };
}
