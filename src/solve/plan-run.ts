/**
 * Solves a plan by steps off the page's main thread: in a Web Worker (./plan-worker.ts, its own
 * webpack chunk with HiGHS, started by ./plan-worker-start.ts) where the page has one, else here
 * (Node, jest, the CLI). The recompute's Veikart and the pane's *Etter steg* view both solve through
 * it. A worker that fails to start or answer gives way to solving here, so a plan is never lost to it.
 */
import { plan, type PlanProblem, type PlanResult } from "../core/plan";
import { highsSolver } from "./highs";

const inline = highsSolver();

export async function solvePlan(problem: PlanProblem): Promise<PlanResult> {
  if (typeof Worker === "undefined") return plan(problem, inline);
  try {
    const { inWorker } = await import("./plan-worker-start");
    return await inWorker(problem);
  } catch {
    return plan(problem, inline);
  }
}
