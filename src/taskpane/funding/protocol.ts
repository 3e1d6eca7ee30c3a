/** Messages between the Utvalg view's funding section and its worker (plain data, structured-clone safe). */
import type { FundingInput, FundingOptions, FundingResult } from "../../core/funding";

export interface FundingRequest {
  input: FundingInput;
  options: FundingOptions;
  /** Draws between two progress messages. */
  chunk: number;
}

export type FundingMessage =
  | { kind: "progress"; done: number; total: number }
  | { kind: "result"; result: FundingResult }
  | { kind: "error"; message: string };

/** A started run: progress as it goes, the result (or null when cancelled) at the end. */
export interface FundingHandle {
  result: Promise<FundingResult | null>;
  cancel(): void;
}

/** Starts a run; the view gets one from the worker (the default) or, in tests, from runFundingInline. */
export type FundingRunner = (request: FundingRequest, onProgress: (done: number, total: number) => void) => FundingHandle;
