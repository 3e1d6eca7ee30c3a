/**
 * The plan by steps in a Web Worker (src/solve/plan-run.ts starts it): HiGHS loads and solves here,
 * so the pane's page stays responsive while a large plan is solved (issue 21: 200 measures, three
 * steps, in a worker). One message in (the problem), one out (the result, or the error's text).
 */
import { plan, type PlanProblem, type PlanResult } from "../core/plan";
import { highsSolver } from "./highs";

export type PlanWorkerMessage = { kind: "result"; result: PlanResult } | { kind: "error"; message: string };

interface WorkerScope {
  onmessage: ((e: { data: PlanProblem }) => void) | null;
  postMessage(message: PlanWorkerMessage): void;
}

const scope = self as unknown as WorkerScope;
const solver = highsSolver();

scope.onmessage = (e) => {
  plan(e.data, solver).then(
    (result) => scope.postMessage({ kind: "result", result }),
    (err: unknown) => scope.postMessage({ kind: "error", message: err instanceof Error ? err.message : String(err) }),
  );
};
