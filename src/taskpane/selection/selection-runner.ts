/**
 * Starts the Utvalg view's selection in a Web Worker (webpack 5 bundles `new Worker(new URL(…,
 * import.meta.url))` as a chunk of its own, with HiGHS, loaded only when Utvalg opens). Cancel
 * terminates the worker at once. Where a browser has no Worker, the same run happens on the page
 * (excel/selection.ts, HiGHS loaded on first use), and cancel only silences it.
 */
import type { SelectionProblem } from "../../core/selection-problem";
import type { SelectCallbacks, SelectHandle, SelectMessage } from "./protocol";
import { runSelection } from "./run-selection";

function deliver(m: SelectMessage, cb: SelectCallbacks): void {
  if (m.kind === "lists") cb.onLists(m.result);
  else if (m.kind === "progress") cb.onProgress(m.done, m.total);
  else if (m.kind === "result") cb.onResult(m.result);
  else cb.onError(m.message);
}

export function startSelection(problem: SelectionProblem, cb: SelectCallbacks): SelectHandle {
  let cancelled = false;
  if (typeof Worker === "undefined") {
    // On the page: the same run through excel/selection.ts (HiGHS loaded on first use).
    void import("../../excel/selection")
      .then((m) => runSelection(problem, m.solveSelection, (msg) => !cancelled && deliver(msg, cb), () => cancelled))
      .catch((e: unknown) => !cancelled && cb.onError(String((e as Error).message ?? e)));
    return { cancel: () => void (cancelled = true) };
  }
  // @ts-expect-error -- import.meta needs module es2020, which webpack compiles this file with (tsconfig.json says commonjs for jest and the CLI)
  const worker = new Worker(new URL("./selection.worker.ts", import.meta.url));
  worker.onmessage = (e: MessageEvent<SelectMessage>) => {
    if (cancelled) return;
    if (e.data.kind === "result" || e.data.kind === "error" || (e.data.kind === "lists" && e.data.result.status !== "ok")) worker.terminate();
    deliver(e.data, cb);
  };
  worker.onerror = (e: ErrorEvent) => {
    worker.terminate();
    if (!cancelled) cb.onError(e.message || "worker");
  };
  worker.postMessage({ problem });
  return {
    cancel: () => {
      cancelled = true;
      worker.terminate();
    },
  };
}
