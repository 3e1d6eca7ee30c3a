/**
 * The Rangering table's Utvalg column: the list the exact selection within the workbook's budget
 * frame puts each measure on («Minimum», «Pluss», «Utenfor»; without a minimum frame the whole
 * selection is the minimum list). Loaded with a dynamic import by the recompute only when Modell
 * sets a frame, so HiGHS loads only then; it works on the grids the recompute already read (no
 * sync of its own) and solves the lists only (no entry budgets, no frontier). Undefined when the
 * frame is not a valid amount or the selection has no answer (its findings are in the Utvalg view).
 */
import type { Lang } from "../i18n/format";
import { listWord } from "../i18n/selection-column";
import type { Grid } from "../grid/grid";
import { readSelectionInputs } from "../grid/selection-inputs";
import type { WorkbookRead } from "../grid/workbook";
import { solveSelection } from "./selection";

/** The last inputs solved and their words: a recompute whose selection inputs did not change (an edit elsewhere) solves nothing. */
let last: { key: string; words: Map<string, string> | undefined } | undefined;

export async function selectionWords(grids: Grid[], read: Extract<WorkbookRead, { kind: "addin" }>, lang: Lang): Promise<Map<string, string> | undefined> {
  const { problem } = readSelectionInputs(grids, read);
  if (problem.budget === null) return undefined;
  const key = JSON.stringify([lang, problem.budget, problem.minimum ?? null, problem.segmentLimits ?? null, problem.items.map((it) => [it.id, it.cost, it.score, it.requires, it.forced, it.segment ?? null])]);
  if (last?.key === key) return last.words;
  const result = await solveSelection({ ...problem, budget: problem.budget }, { entryBudgets: false, frontier: false });
  const words = result.status === "ok" ? new Map(result.measures.map((m) => [m.id, listWord(lang, m.list)])) : undefined;
  // A failed solve (HiGHS not loaded) is tried again next time; an answer or an infeasible frame is kept.
  if (result.status !== "failed") last = { key, words };
  return words;
}
