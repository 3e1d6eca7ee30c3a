/**
 * `npx tsx test/bench/scorers-bench.ts`: several scorers at council and portfolio sizes — the
 * whole analysis (combined cells, spreads, flags, one ranking per scorer, Kendall's W) of
 * 50 / 200 / 1,000 measures × 12 scorers on the default model, median of 5 runs, beside the plain
 * assessment of the same measures (what a recompute costs without scorers); the recompute's
 * variant leaves out the per-scorer rankings and W (only the Vurderere view needs them).
 * `npm run bench` runs it as its section «scorers».
 */
import type { MeasureInput } from "../../src/core/aggregate";
import { assess } from "../../src/core/assess";
import { defaultModel, leaves } from "../../src/core/model";
import { analyseScorers, DEFAULT_SCORER_SETTINGS, type ScorerRow } from "../../src/core/scorers";
import { prng } from "../support/grids";

const model = defaultModel();
const LEAVES = leaves(model).map((l) => l.id);

function instance(
  n: number,
  m: number,
  seed: number
): { measures: MeasureInput[]; rows: ScorerRow[] } {
  const r = prng(seed);
  const measures: MeasureInput[] = Array.from({ length: n }, (_, i) => ({
    id: `T${i}`,
    name: `Tiltak ${i}`,
    scores: Object.fromEntries(LEAVES.map((l) => [l, { value: Math.floor(r() * 11) }])),
  }));
  const rows: ScorerRow[] = [];
  for (let j = 0; j < m; j++)
    for (const x of measures) {
      if (r() < 0.1) continue; // a scorer skips a measure now and then
      rows.push({
        scorer: `Vurderer ${j + 1}`,
        measureId: x.id,
        scores: Object.fromEntries(
          LEAVES.map((l) => [l, { value: r() < 0.03 ? null : Math.floor(r() * 11) }])
        ),
      });
    }
  return { measures, rows };
}

function median(f: () => unknown, runs = 5): number {
  const ts: number[] = [];
  for (let k = 0; k < runs; k++) {
    const t = performance.now();
    f();
    ts.push(performance.now() - t);
  }
  return ts.sort((a, b) => a - b)[runs >> 1];
}

/** The figures above (no goal of its own). */
export function scorersBench(): [] {
  console.log("measures × scorers   analysis (ms)   as in a recompute (ms)   assess alone (ms)");
  for (const n of [50, 200, 1000]) {
    const { measures, rows } = instance(n, 12, n);
    const a = median(() => analyseScorers(model, measures, rows, DEFAULT_SCORER_SETTINGS));
    const c = median(() => analyseScorers(model, measures, rows, DEFAULT_SCORER_SETTINGS, { rankings: false }));
    const b = median(() => assess(model, measures));
    console.log(`${`${n} × 12`.padEnd(20)} ${a.toFixed(1).padStart(13)}   ${c.toFixed(1).padStart(22)}   ${b.toFixed(1).padStart(17)}`);
  }
  console.log("");
  return [];
}

if (require.main === module) scorersBench();
