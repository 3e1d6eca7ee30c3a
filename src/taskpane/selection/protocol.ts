/** Messages between the Utvalg view and the selection worker (plain data, structured-clone safe). */
import type { SelectionResult } from "../../core/select";
import type { SelectionProblem } from "../../core/selection-problem";

export interface SelectRequest {
  problem: SelectionProblem;
}

export type SelectMessage =
  /** The lists (two solves), before the nearest frames and the frontier. */
  | { kind: "lists"; result: SelectionResult }
  /** Measures out whose nearest frames are done, of all that get them. */
  | { kind: "progress"; done: number; total: number }
  /** Everything: the lists again, the nearest frames and the frontier. */
  | { kind: "result"; result: SelectionResult }
  | { kind: "error"; message: string };

/** A started selection: the lists, progress and the full result as they come; cancel stops it. */
export interface SelectHandle {
  cancel(): void;
}

export interface SelectCallbacks {
  onLists(r: SelectionResult): void;
  onProgress(done: number, total: number): void;
  onResult(r: SelectionResult): void;
  onError(message: string): void;
}
