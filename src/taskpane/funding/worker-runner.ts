/**
 * Runs the funding probabilities in a Web Worker (webpack 5 bundles `new Worker(new URL(…,
 * import.meta.url))` as its own chunk, loaded only when a run starts). Cancel terminates the worker
 * at once. Where a browser has no Worker, the same chunked run happens on the page between frames.
 */
import { runFundingInline } from "./inline-runner";
import type { FundingMessage, FundingRunner } from "./protocol";

export const fundingWorkerRunner: FundingRunner = (request, onProgress) => {
  if (typeof Worker === "undefined") return runFundingInline(request, onProgress);
  // @ts-expect-error -- import.meta needs module es2020, which webpack compiles this file with (tsconfig.json says commonjs for jest and the CLI)
  const worker = new Worker(new URL("./funding.worker.ts", import.meta.url));
  type Result = Awaited<ReturnType<FundingRunner>["result"]>;
  let settle: (r: Result) => void = () => undefined;
  let fail: (e: Error) => void = () => undefined;
  const result = new Promise<Result>((resolve, reject) => {
    settle = resolve;
    fail = reject;
  });
  worker.onmessage = (e: MessageEvent<FundingMessage>) => {
    const m = e.data;
    if (m.kind === "progress") onProgress(m.done, m.total);
    else if (m.kind === "result") {
      worker.terminate();
      settle(m.result);
    } else {
      worker.terminate();
      fail(new Error(m.message));
    }
  };
  worker.onerror = (e: ErrorEvent) => {
    worker.terminate();
    fail(new Error(e.message || "worker"));
  };
  worker.postMessage(request);
  return {
    result,
    cancel: () => {
      worker.terminate();
      settle(null);
    },
  };
};
