/**
 * What-if weights: slider to re-ranked list. For 200 measures (seeded PRNG, whole scores 0–10,
 * a few blanks), each run moves one group weight to a new value and times what the pane does per
 * slider step: the re-ranked assessment of the last read inputs under the tried weights (core
 * assess) plus the movement of every measure against the ranking in force. The inputs are
 * recovered once per assessment (as the pane memoises them) and timed separately.
 * Prints median and max wall-clock ms; the target is ≤ 50 ms at 200 measures.
 *
 * Environment: WHATIF_N (measures, default 200), WHATIF_RUNS (default 101).
 * Run: npx tsx test/bench/whatif-bench.ts  (or the way npm run bench runs bench.ts)
 */
import { assess } from "../../src/core/assess";
import type { MeasureInput } from "../../src/core/aggregate";
import { defaultModel, leaves } from "../../src/core/model";
import { inputsOf, whatIfRanking } from "../../src/taskpane/whatif/whatif";
import { prng } from "../support/grids";

const N = Number(process.env.WHATIF_N ?? 200);
const RUNS = Number(process.env.WHATIF_RUNS ?? 101);
const TARGET_MS = 50;

const model = defaultModel();
const random = prng(20221011);
const inputs: MeasureInput[] = Array.from({ length: N }, (_, i) => ({
  id: `m${i}`,
  name: `Tiltak ${i}`,
  scores: Object.fromEntries(
    leaves(model)
      .filter(() => random() > 0.02)
      .map((l) => [l.id, { value: Math.floor(random() * 11) }]),
  ),
}));
const inForce = assess(model, inputs);

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
};

let t = performance.now();
const recovered = inputsOf(inForce);
const recoverMs = performance.now() - t;

const groups = model.criteria.map((g) => g.id);
const times: number[] = [];
let moved = 0;
for (let i = 0; i < RUNS + 5; i++) {
  const w = Math.round((0.1 + 4.9 * random()) * 10) / 10;
  const tried = { [groups[i % groups.length]]: w };
  t = performance.now();
  const r = whatIfRanking(inForce, recovered, tried);
  const ms = performance.now() - t;
  if (i >= 5) times.push(ms); // the first five warm up
  moved += r.moves.size;
}

const med = median(times);
console.log(`what-if re-rank, ${N} measures × ${leaves(model).length} leaves, ${RUNS} slider steps`);
console.log(`  inputs recovered once: ${recoverMs.toFixed(2)} ms`);
console.log(`  slider → re-ranked list: median ${med.toFixed(2)} ms, max ${Math.max(...times).toFixed(2)} ms (target ≤ ${TARGET_MS} ms)  [${moved} moves seen]`);
if (med > TARGET_MS) {
  console.log(`  ABOVE TARGET: median ${med.toFixed(2)} ms > ${TARGET_MS} ms`);
  process.exitCode = 1;
}
