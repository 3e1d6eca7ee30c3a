/**
 * Runs the Monte Carlo in a Web Worker (webpack 5 bundles `new Worker(new URL(…, import.meta.url))`
 * as its own chunk, loaded only when a run starts). Cancel terminates the worker at once.
 * Where a browser has no Worker, the same chunked run happens on the page between frames.
 */
import { runInWorker } from "../worker-run";
import { runInline } from "./inline-runner";
import type { UncertaintyResult } from "../../core/uncertainty";
import type { UncertaintyRunner } from "./protocol";

export const workerRunner: UncertaintyRunner = (request, onProgress) => {
  if (typeof Worker === "undefined") return runInline(request, onProgress);
  // @ts-expect-error -- import.meta needs module es2020, which webpack compiles this file with (tsconfig.json says commonjs for jest and the CLI)
  const worker = new Worker(new URL("./uncertainty.worker.ts", import.meta.url));
  return runInWorker<typeof request, UncertaintyResult>(worker, request, onProgress);
};
