/**
 * One funding run in chunks, shared by the worker and the inline runner: the exact selection of
 * every draw (src/core/funding.ts), HiGHS (loaded on first need) for a step the fast path does not
 * settle; a draw that still cannot be solved exactly is counted as not done.
 */
import { checkFundingOptions, createFunding, type FundingResult } from "../../core/funding";
import { highsSolver } from "../../solve/highs";
import type { FundingRequest } from "./protocol";

const solver = highsSolver();

export async function runFunding(request: FundingRequest, onProgress: (done: number, total: number) => void | Promise<void>, cancelled: () => boolean = () => false): Promise<FundingResult | null> {
  const problem = checkFundingOptions(request.options);
  if (problem) throw new Error(problem);
  const f = createFunding(request.input, request.options, solver);
  while (f.attempted < f.total) {
    if (cancelled()) return null;
    await f.step(request.chunk);
    await onProgress(f.attempted, f.total);
  }
  return cancelled() ? null : f.result();
}
