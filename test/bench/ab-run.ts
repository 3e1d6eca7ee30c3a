/**
 * One workload on a compiled core, for A/B timing of two versions of src/core as whole processes
 * (farm-bench runs them in turns and takes the ratio pair by pair):
 *
 *   git worktree add /tmp/base <commit>          # the version to compare with
 *   (cd /tmp/base && npx tsc -p tsconfig.core.json --noEmit false --outDir /tmp/core-b --rootDir src --module commonjs --declaration false)
 *   npx tsc -p tsconfig.core.json --noEmit false --outDir /tmp/core-a --rootDir src --module commonjs --declaration false
 *   farm-bench -n 7 --vs 'npx tsx test/bench/ab-run.ts /tmp/core-b assess 20' -- npx tsx test/bench/ab-run.ts /tmp/core-a assess 20
 *   farm-bench -n 3 --vs 'npx tsx test/bench/ab-run.ts /tmp/core-b mc 2000' -- npx tsx test/bench/ab-run.ts /tmp/core-a mc 2000
 *
 * assess R: the hf bench's 10,000 rows built into MeasureInputs and assessed R times.
 * mc N [all]: one simulate() with each version's DEFAULT_UNCERTAINTY (or every pair) on the
 * stability bench's N measures. Exits 1 if the result is not what it should be.
 */
import * as path from "path";
import type * as Assess from "../../src/core/assess";
import type * as ModelT from "../../src/core/model";
import type * as Random from "../../src/core/random";
import type * as Uncertainty from "../../src/core/uncertainty";

const [dir, what, count, all] = process.argv.slice(2);
const load = <T>(name: string): T => require(path.join(path.resolve(dir), "core", name)) as T;
const { assess } = load<typeof Assess>("assess");
const { defaultModel, leaves } = load<typeof ModelT>("model");
const { mulberry32 } = load<typeof Random>("random");
const model = defaultModel();
const LEAVES = leaves(model).map((l) => l.id);
const random = mulberry32(20220921);

if (what === "assess") {
  const TEXTS = ["7,5", "7", "Sjekke med jurist?", "ca. 5"];
  const rows: unknown[][] = [];
  for (let i = 0; i < 10_000; i++) {
    const row: unknown[] = [];
    for (let k = 0; k < LEAVES.length; k++) {
      const u = random();
      row.push(u < 0.02 ? null : u < 0.03 ? TEXTS[Math.floor(random() * TEXTS.length)] : u < 0.1 ? Math.floor(random() * 10) + 0.5 : Math.floor(random() * 11));
    }
    rows.push(row);
  }
  let last: Assess.Assessment | undefined;
  for (let r = 0; r < Number(count ?? 20); r++)
    last = assess(
      model,
      rows.map((row, i) => {
        const scores: Record<string, { value: never }> = {};
        for (let k = 0; k < LEAVES.length; k++) scores[LEAVES[k]] = { value: row[k] as never };
        return { id: `m${i + 1}`, name: `Tiltak ${i + 1}`, scores };
      }),
    );
  if (last?.measures.length !== 10_000) process.exitCode = 1;
} else if (what === "mc") {
  const { DEFAULT_UNCERTAINTY, simulate, uncertaintyInput } = load<typeof Uncertainty>("uncertainty");
  const n = Number(count);
  const inputs = Array.from({ length: n }, (_, i) => ({
    id: `m${i + 1}`,
    name: `Tiltak ${i + 1}`,
    scores: Object.fromEntries(
      LEAVES.map((l) => {
        const u = random();
        return [l, u < 0.02 ? undefined : { value: u < 0.1 ? Math.floor(random() * 10) + 0.5 : Math.floor(random() * 11) }];
      }),
    ),
  }));
  const r = simulate(uncertaintyInput(assess(model, inputs)), { ...DEFAULT_UNCERTAINTY, top: 5, ...(all === "all" ? { pairwise: true } : {}) });
  if (r.ranks.length !== n) process.exitCode = 1;
} else {
  console.error("usage: ab-run.ts <compiled core dir> assess [runs] | mc <measures> [all]");
  process.exitCode = 2;
}
