/**
 * Starts ./plan-worker.ts and waits for its one answer. A module of its own, imported only where the
 * page has Worker: `import.meta` is for webpack (jest and the CLI compile to CommonJS, never load it).
 */
import type { PlanProblem, PlanResult } from "../core/plan";
import type { PlanWorkerMessage } from "./plan-worker";

export function inWorker(problem: PlanProblem): Promise<PlanResult> {
  return new Promise((resolve, reject) => {
    // @ts-expect-error -- import.meta needs module es2020, which webpack compiles this file with (tsconfig.json says commonjs for jest and the CLI)
    const worker = new Worker(new URL("./plan-worker.ts", import.meta.url));
    worker.onmessage = (e: MessageEvent<PlanWorkerMessage>) => {
      worker.terminate();
      if (e.data.kind === "result") resolve(e.data.result);
      else reject(new Error(e.data.message));
    };
    worker.onerror = (e: ErrorEvent) => {
      worker.terminate();
      reject(new Error(e.message || "worker"));
    };
    worker.postMessage(problem);
  });
}
