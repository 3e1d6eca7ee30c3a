/**
 * `npx tsx test/bench/list-stability-bench.ts`: the minimum list's weight intervals
 * (src/core/selection-stability.ts) at 200 measures with dependencies, a forced choice and a
 * minimum frame (the selection bench's instance), scores from the default model with random typed
 * scores: the time and the number of HiGHS solves for the three groups, and for every node.
 */
import { assess } from "../../src/core/assess";
import { allNodes, defaultModel } from "../../src/core/model";
import { listStability } from "../../src/core/selection-stability";
import { highsSolver } from "../../src/solve/highs";
import { prng } from "../support/grids";
import { benchInstance } from "./selection-bench";

async function main(): Promise<void> {
  const model = defaultModel();
  const leafIds = allNodes(model)
    .filter((n) => !n.children)
    .map((n) => n.id);
  const r = prng(11);
  const base = benchInstance(200, 2026);
  const inputs = base.items.map((it) => ({ id: it.id, name: it.name, scores: Object.fromEntries(leafIds.map((l) => [l, { value: Math.floor(r() * 21) / 2 }])) }));
  const a = assess(model, inputs);
  const solver = highsSolver();
  await solver.solve({ n: 1, value: [1], cost: [1], fixed: [null], requires: [], limits: [{ members: [0], cap: 1 }], sense: "max-value" });
  for (const all of [false, true]) {
    let solves = 0;
    const counting = { solve: (q: Parameters<typeof solver.solve>[0]) => (solves++, solver.solve(q)) };
    const t = performance.now();
    const rep = await listStability(a, base, counting, { allNodes: all });
    const ms = performance.now() - t;
    const nodes = rep.status === "ok" ? rep.nodes : [];
    const finite = nodes.filter((n) => n.status === "ok" && (n.minimum.upper !== null || n.minimum.lower > 0)).length;
    process.stdout.write(
      `minimum-list intervals, 200 measures, ${all ? "every node" : "the groups"} (${nodes.length}): ${ms.toFixed(0)} ms, ${solves} solves, ${finite} with a finite end, complete ${rep.status === "ok" && rep.complete}\n`,
    );
  }
}

void main();
