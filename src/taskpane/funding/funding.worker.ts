/**
 * The funding probabilities in a Web Worker, so the pane stays responsive: the draws in chunks with
 * progress after each; cancelling terminates the worker (worker-runner.ts).
 */
import type { FundingMessage, FundingRequest } from "./protocol";
import { runFunding } from "./run";

interface WorkerScope {
  onmessage: ((e: { data: FundingRequest }) => void) | null;
  postMessage(message: FundingMessage): void;
}

const scope = self as unknown as WorkerScope;

scope.onmessage = (e) => {
  runFunding(e.data, (done, total) => scope.postMessage({ kind: "progress", done, total }))
    .then((result) => result && scope.postMessage({ kind: "result", result }))
    .catch((err: unknown) => scope.postMessage({ kind: "error", message: err instanceof Error ? err.message : String(err) }));
};
