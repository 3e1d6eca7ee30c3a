/** The chunked Monte Carlo on the calling thread, yielding between chunks (tests, and browsers without Worker). */
import { checkOptions, createSimulation } from "../../core/uncertainty";
import type { UncertaintyRunner } from "./protocol";

export const runInline: UncertaintyRunner = (request, onProgress) => {
  let cancelled = false;
  const result = (async () => {
    const problem = checkOptions(request.options);
    if (problem) throw new Error(problem);
    const sim = createSimulation(request.input, request.options);
    while (sim.done < sim.total) {
      if (cancelled) return null;
      sim.step(request.chunk);
      onProgress(sim.done, sim.total);
      await new Promise((r) => setTimeout(r, 0));
    }
    return cancelled ? null : sim.result();
  })();
  return {
    result,
    cancel: () => {
      cancelled = true;
    },
  };
};
