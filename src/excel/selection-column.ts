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

export async function selectionWords(grids: Grid[], read: Extract<WorkbookRead, { kind: "addin" }>, lang: Lang): Promise<Map<string, string> | undefined> {
  const { problem } = readSelectionInputs(grids, read);
  if (problem.budget === null) return undefined;
  const result = await solveSelection({ ...problem, budget: problem.budget }, { entryBudgets: false, frontier: false });
  if (result.status !== "ok") return undefined;
  return new Map(result.measures.map((m) => [m.id, listWord(lang, m.list)]));
}
