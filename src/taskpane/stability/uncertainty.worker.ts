/**
 * The Monte Carlo in a Web Worker, so the pane stays responsive: runs the draws in chunks and
 * reports progress after each; cancelling terminates the worker (src/taskpane/stability/worker-runner.ts).
 */
import { checkOptions, createSimulation } from "../../core/uncertainty";
import type { RunMessage, RunRequest } from "./protocol";

interface WorkerScope {
  onmessage: ((e: { data: RunRequest }) => void) | null;
  postMessage(message: RunMessage): void;
}

const scope = self as unknown as WorkerScope;

scope.onmessage = (e) => {
  const { input, options, chunk } = e.data;
  try {
    const problem = checkOptions(options);
    if (problem) {
      scope.postMessage({ kind: "error", message: problem });
      return;
    }
    const sim = createSimulation(input, options);
    while (sim.done < sim.total) {
      sim.step(chunk);
      scope.postMessage({ kind: "progress", done: sim.done, total: sim.total });
    }
    scope.postMessage({ kind: "result", result: sim.result() });
  } catch (err) {
    scope.postMessage({ kind: "error", message: err instanceof Error ? err.message : String(err) });
  }
};
