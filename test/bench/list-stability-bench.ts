/**
 * `npx tsx test/bench/list-stability-bench.ts`: the minimum list's weight intervals
 * (src/core/selection-stability.ts) at 200 measures with dependencies, a forced choice and a
 * minimum frame (the selection bench's instance), scores from the default model with random typed
 * scores: the time and the number of HiGHS solves for the three groups, and for every node, in
 * CPU time (HiGHS runs in this process, as WebAssembly). `npm run bench` runs it as its section
 * «intervals»: issue 19's goals are ≤ 2 s for the groups and ≤ 6 s for every node (in a worker in
 * the pane; timed here in the core, as the worker runs it).
 */
import { assess } from "../../src/core/assess";
import { allNodes, defaultModel } from "../../src/core/model";
import { listStability } from "../../src/core/selection-stability";
import { highsSolver } from "../../src/solve/highs";
import { prng } from "../support/grids";
import { ms, timeOnce, type Goal } from "./goals";
import { benchInstance } from "./selection-bench";

/** The figures above; returns the summary's two goal rows. */
export async function listStabilityBench(): Promise<Goal[]> {
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
  const goals: Goal[] = [];
  for (const all of [false, true]) {
    let solves = 0;
    const counting = { solve: (q: Parameters<typeof solver.solve>[0]) => (solves++, solver.solve(q)) };
    const t = await timeOnce(() => listStability(a, base, counting, { allNodes: all }));
    const rep = t.value;
    const nodes = rep.status === "ok" ? rep.nodes : [];
    const finite = nodes.filter((n) => n.status === "ok" && (n.minimum.upper !== null || n.minimum.lower > 0)).length;
    const complete = rep.status === "ok" && rep.complete;
    process.stdout.write(
      `minimum-list intervals, 200 measures, ${all ? "every node" : "the groups"} (${nodes.length}): ${t.cpu.toFixed(0)} ms CPU, ${t.wall.toFixed(0)} ms wall, ${solves} solves, ${finite} with a finite end, complete ${complete}\n`,
    );
    const limit = all ? 6000 : 2000;
    goals.push({
      section: "intervals",
      issue19: 7,
      measure: `minimum-list intervals at 200 measures: ${all ? `all ${nodes.length} nodes` : `${nodes.length} groups`}`,
      before: `${all ? "31.6 s" : "8.3 s"} (at 701d7f4)`,
      now: `${ms(t.cpu)}, ${solves} solves${complete ? "" : ", incomplete"}`,
      goal: `≤ ${limit / 1000} s${complete ? "" : ", complete"}`,
      met: complete && t.cpu <= limit,
      how: `one run of listStability(assess(200 measures), benchInstance(200), highs, { allNodes: ${all} }) after HiGHS is loaded, CPU time (in the core, as the pane's worker runs it); wall ${ms(t.wall)}`,
    });
  }
  console.log("");
  return goals;
}

if (require.main === module)
  void listStabilityBench().catch((e: unknown) => {
    console.error(e instanceof Error ? e.message : String(e));
    process.exitCode = 1;
  });
