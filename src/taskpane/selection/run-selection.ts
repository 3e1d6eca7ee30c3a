/**
 * The selection as the Utvalg view runs it, wherever it runs: the lists first (two solves), then
 * the nearest frames (with progress) and the frontier. Shared by the worker and by the fallback on
 * the page (a browser without Worker); `solve` is core's select with a solver.
 */
import type { SelectOptions, SelectionResult } from "../../core/select";
import type { SelectionProblem } from "../../core/selection-problem";
import type { SelectMessage } from "./protocol";

export type Solve = (problem: SelectionProblem, options: SelectOptions) => Promise<SelectionResult>;

export async function runSelection(problem: SelectionProblem, solve: Solve, post: (m: SelectMessage) => void, cancelled: () => boolean = () => false): Promise<void> {
  try {
    const lists = await solve(problem, { entryBudgets: false, frontier: false });
    if (cancelled()) return;
    post({ kind: "lists", result: lists });
    if (lists.status !== "ok") return;
    const full = await solve(problem, { onProgress: (done, total) => !cancelled() && post({ kind: "progress", done, total }) });
    if (!cancelled()) post({ kind: "result", result: full });
  } catch (err) {
    if (!cancelled()) post({ kind: "error", message: err instanceof Error ? err.message : String(err) });
  }
}
