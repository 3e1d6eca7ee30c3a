/**
 * `npx tsx test/bench/funding-bench.ts` — how fast the funding probabilities are (issue 20's item 5:
 * 1,000 draws × 200 measures with dependencies and a minimum frame ≤ 10 s on the 2-core machine).
 *
 * Data: the stability bench's 200 measures (the council's 11 leaves, seeded), ranked with the
 * default model, and the selection bench's structure for them (benchInstance(200): costs 2–60 MNOK
 * in steps of 0,5, 35 % presupposing one earlier measure and 10 % a second, one measure *Tas med*,
 * one *Holdes utenfor*, the frame 30 % and the minimum frame 15 % of all costs), the scores the
 * measures' totals. src/core/funding.ts with the defaults (1,000 draws, seed 1, every weight ±20 %,
 * every score ±1), HiGHS injected for any step the fast path does not settle. Prints the CPU and
 * wall time, the draws done, and the fast path's work (steps, branch and bound nodes, steps settled
 * at the root, steps left to HiGHS). `npm run bench` runs it as its section «funding».
 */
import { assess } from "../../src/core/assess";
import { defaultModel } from "../../src/core/model";
import { DEFAULT_FUNDING, fund, type FundingInput, type FundingOptions } from "../../src/core/funding";
import type { SelectionProblem } from "../../src/core/selection-problem";
import { uncertaintyInput } from "../../src/core/uncertainty";
import { highsSolver } from "../../src/solve/highs";
import { ms, timeRuns, type Goal } from "./goals";
import { benchInstance } from "./selection-bench";
import { generate } from "./stability-bench";

const model = defaultModel();

/** n measures with the selection bench's costs and dependencies and their totals as scores. */
export function fundingInstance(n: number, seed = 2026): FundingInput {
  const a = assess(model, generate(n));
  const structure = benchInstance(n, seed);
  const total = new Map(a.measures.map((m) => [m.id, m.total]));
  // generate() names its measures m1…mn, benchInstance T0…T(n-1): measure m(i+1) gets T(i)'s structure.
  const rename = (id: string) => `m${Number(id.slice(1)) + 1}`;
  const problem: SelectionProblem = {
    ...structure,
    items: structure.items.map((it) => ({ ...it, id: rename(it.id), name: a.measures.find((m) => m.id === rename(it.id))!.name, requires: it.requires.map(rename), score: total.get(rename(it.id)) ?? null })),
  };
  return { draws: uncertaintyInput(a), problem };
}

export async function fundingBench(): Promise<Goal[]> {
  const runs = Number(process.env.BENCH_FUNDING_RUNS ?? 3);
  const input = fundingInstance(200);
  const options: FundingOptions = { ...DEFAULT_FUNDING };
  const solver = highsSolver();
  let last: Awaited<ReturnType<typeof fund>> | undefined;
  const t = await timeRuns(runs, async () => (last = await fund(input, options, solver)), 1);
  const r = last!;
  const s = r.stats;
  const withDeps = input.problem.items.filter((i) => i.requires.length).length;
  process.stdout.write(
    `funding probabilities, ${r.requested} draws × ${input.problem.items.length} measures (${withDeps} with dependencies, minimum frame): ` +
      `median ${ms(t.cpu)} CPU, ${ms(t.wall)} wall; ${r.done} of ${r.requested} draws done, ${r.bySolver} with HiGHS; ` +
      `${s.steps} steps, ${s.nodes} nodes, ${s.atRoot} settled at the root, ${s.unsolved} left to HiGHS (target ≤ 10 s)\n\n`,
  );
  return [
    {
      section: "funding",
      measure: "funding probabilities, 1,000 draws × 200 measures with dependencies and a minimum frame (issue 20)",
      before: "",
      now: `${ms(t.cpu)}${r.done === r.requested ? "" : `, ${r.done} of ${r.requested} done`}`,
      goal: "≤ 10 s",
      met: r.done === r.requested && t.cpu <= 10_000,
      how: `CPU-time median of ${runs} runs after 1 warm-up, fund(fundingInstance(200), DEFAULT_FUNDING, highs): ${s.nodes} branch and bound nodes in ${s.steps} steps, ${s.unsolved} steps by HiGHS; wall ${ms(t.wall)}`,
    },
  ];
}

if (require.main === module) {
  fundingBench().catch((e: unknown) => {
    process.stderr.write(`funding-bench: ${(e as Error).message ?? String(e)}\n`);
    process.exitCode = 1;
  });
}
