/**
 * A long analysis in a Web Worker, as the views' runners start it: progress messages to
 * `onProgress`, the result (or null when cancelled) as a promise, an error as a rejection. Cancel
 * terminates the worker at once. The caller makes the worker itself (`new Worker(new URL(…,
 * import.meta.url))` must stay in its own file for webpack to bundle the worker as a chunk).
 */
export type WorkerMessage<R> = { kind: "progress"; done: number; total: number } | { kind: "result"; result: R } | { kind: "error"; message: string };

export interface WorkerRun<R> {
  result: Promise<R | null>;
  cancel(): void;
}

export function runInWorker<Q, R>(worker: Worker, request: Q, onProgress: (done: number, total: number) => void): WorkerRun<R> {
  let settle: (r: R | null) => void = () => undefined;
  let fail: (e: Error) => void = () => undefined;
  const result = new Promise<R | null>((resolve, reject) => {
    settle = resolve;
    fail = reject;
  });
  worker.onmessage = (e: MessageEvent<WorkerMessage<R>>) => {
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
}
