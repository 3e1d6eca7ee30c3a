/** Messages between the Stabilitet view and the Monte Carlo worker (plain data, structured-clone safe). */
import type { UncertaintyInput, UncertaintyOptions, UncertaintyResult } from "../../core/uncertainty";

export interface RunRequest {
  input: UncertaintyInput;
  options: UncertaintyOptions;
  /** Draws between two progress messages. */
  chunk: number;
}

export type RunMessage =
  | { kind: "progress"; done: number; total: number }
  | { kind: "result"; result: UncertaintyResult }
  | { kind: "error"; message: string };

/** A started run: progress as it goes, the result (or null when cancelled) at the end. */
export interface RunHandle {
  result: Promise<UncertaintyResult | null>;
  cancel(): void;
}

/** Starts a run; the view gets one from the worker (the default) or, in tests, from runInline. */
export type UncertaintyRunner = (request: RunRequest, onProgress: (done: number, total: number) => void) => RunHandle;
