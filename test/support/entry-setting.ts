/** What the entry-frame tests ask of the tables and the core: the selection, and the measures to find frames for. */
import { select } from "../../src/core/select";
import { prepare, type SelectionProblem } from "../../src/core/selection-problem";
import type { BinarySolver } from "../../src/core/selection-solver";
import { impossible } from "./selection-brute";

/**
 * The selection of `problem` (entry frames not asked for), the fixed measures (the minimum list, else
 * those forced in; `fixedMask`: the minimum list as the enumeration's bit mask, 0 without one) and
 * those out with a total; null when infeasible.
 */
export async function settingOf(problem: SelectionProblem, solver: BinarySolver) {
  const result = await select(problem, solver, { frontier: false, entryBudgets: false });
  if (result.status !== "ok") return null;
  const pre = prepare(problem);
  const hasMinimum = problem.minimum !== undefined && problem.minimum !== null;
  const minList = result.measures.map((m, i) => (m.list === "minimum" ? i : -1)).filter((i) => i >= 0);
  const fixedIn = hasMinimum ? new Set(minList) : pre.forcedClosure;
  const bad = impossible(problem.items);
  const asked = result.measures.map((m, i) => (m.list === "out" && m.score !== null && !bad.has(i) ? i : -1)).filter((i) => i >= 0);
  const fixedMask = hasMinimum ? minList.reduce((m, i) => m | (1 << i), 0) : 0;
  return { result, pre, hasMinimum, minList, fixedIn, bad, asked, fixedMask };
}
