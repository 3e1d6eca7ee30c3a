/** The chunked funding run on the calling thread, yielding between chunks (tests, and browsers without Worker). */
import type { FundingRunner } from "./protocol";
import { runFunding } from "./run";

export const runFundingInline: FundingRunner = (request, onProgress) => {
  let cancelled = false;
  const result = runFunding(
    request,
    async (done, total) => {
      onProgress(done, total);
      await new Promise((r) => setTimeout(r, 0));
    },
    () => cancelled,
  );
  return {
    result,
    cancel: () => {
      cancelled = true;
    },
  };
};
