/**
 * The minimum list's (and the plus list's) weight intervals against brute force: on random small
 * models and selection problems (≤ 9 measures, dependencies, forced in and held out, minimum frames,
 * segment limits), every admissible subset is enumerated (test/support/selection-brute.ts), the
 * node's weight is swept over a grid and every measure re-scored with assess() (the add-in's own
 * aggregation, no closed form), the first weight at which the list now is strictly beaten is
 * narrowed down by bisection, and the interval ends and the lists just beyond them are compared
 * with listStability's (HiGHS doing the search).
 */
import type { MeasureInput } from "../../src/core/aggregate";
import { assess, type Assessment } from "../../src/core/assess";
import { allNodes, defaultModel, withWeight, type CriterionNode, type Model } from "../../src/core/model";
import type { SelectionItem, SelectionProblem } from "../../src/core/selection-problem";
import { listStability, type ListChange, type ListInterval } from "../../src/core/selection-stability";
import { highsSolver } from "../../src/solve/highs";
import { prng } from "../support/grids";
import { admissible, type Subset } from "../support/selection-brute";

jest.setTimeout(300_000);

const solver = highsSolver();

function randomModel(random: () => number, total: "sum" | "mean"): Model {
  let next = 0;
  const weight = () => Math.round((0.2 + random() * 2.8) * 100) / 100;
  const node = (depth: number): CriterionNode => {
    const id = `n${next++}`;
    const label = { nb: id, en: id };
    if (depth >= 2 || (depth > 0 && random() < 0.45)) return { id, label, weight: weight(), direction: random() < 0.2 ? "inverted" : "higher-better" };
    const count = 1 + Math.floor(random() * 3);
    return { id, label, weight: weight(), children: Array.from({ length: count }, () => node(depth + 1)) };
  };
  const tops = 2 + Math.floor(random() * 2);
  return { ...defaultModel(), total, criteria: Array.from({ length: tops }, () => node(0)) };
}

/** Values with two decimals (few exact ties); a share `blank` of the leaves left blank. */
function randomInputs(model: Model, random: () => number, count: number, blank = 0): MeasureInput[] {
  const leafIds = allNodes(model)
    .filter((n) => !n.children)
    .map((n) => n.id);
  return Array.from({ length: count }, (_, i) => ({
    id: `m${i}`,
    name: `Tiltak ${i}`,
    scores: Object.fromEntries(leafIds.map((l) => [l, blank > 0 && random() < blank ? undefined : { value: Math.round(random() * 1000) / 100 }])),
  }));
}

function randomProblem(a: Assessment, random: () => number): SelectionProblem {
  const int = (lo: number, hi: number) => lo + Math.floor(random() * (hi - lo + 1));
  const items: SelectionItem[] = a.measures.map((m, i) => {
    const requires = new Set<string>();
    if (i > 0 && random() < 0.35) requires.add(`m${int(0, i - 1)}`);
    if (i > 1 && random() < 0.1) requires.add(`m${int(0, i - 1)}`);
    const roll = random();
    return {
      id: m.id,
      name: m.name,
      cost: int(1, 40) * 100,
      score: m.total,
      requires: [...requires],
      forced: roll < 0.08 ? "in" : roll < 0.16 ? "out" : null,
      segment: random() < 0.5 ? "Samstyre" : "Koordinere",
      rank: m.rank,
    };
  });
  const total = items.reduce((s, it) => s + (it.cost ?? 0), 0);
  const p: SelectionProblem = { items, budget: int(Math.round(total * 0.3), Math.round(total * 0.8)) };
  if (random() < 0.5) p.minimum = int(Math.round(p.budget * 0.4), p.budget);
  if (random() < 0.2) p.segmentLimits = { Samstyre: int(Math.round(total * 0.2), Math.round(total * 0.5)) };
  return p;
}

interface Brute {
  subsets: Subset[];
  /** Value of every subset at weight t of the node (assess, re-scored). */
  values(t: number): number[];
}

function bruteOf(model: Model, inputs: MeasureInput[], problem: SelectionProblem, nodeId: string): Brute {
  const subsets = admissible(problem);
  return {
    subsets,
    values(t) {
      const a = assess(withWeight(model, nodeId, t), inputs);
      const total = new Map(a.measures.map((m) => [m.id, m.total ?? 0]));
      const score = problem.items.map((it) => total.get(it.id) ?? 0);
      return subsets.map((s) => score.reduce((v, x, i) => ((s.mask >> i) & 1 ? v + x : v), 0));
    },
  };
}

const maskOf = (problem: SelectionProblem, ids: Iterable<string>): number => {
  const set = new Set(ids);
  return problem.items.reduce((m, it, i) => (set.has(it.id) ? m | (1 << i) : m), 0);
};
const idsOf = (problem: SelectionProblem, mask: number): string[] => problem.items.filter((_, i) => (mask >> i) & 1).map((it) => it.id);

/** The best value among subsets within `frame` that contain `fixed`. */
function bestAt(b: Brute, vals: number[], frame: number, fixed: number): number {
  let v = -Infinity;
  b.subsets.forEach((s, k) => {
    if (s.cost <= frame && (s.mask & fixed) === fixed && vals[k] > v) v = vals[k];
  });
  return v;
}
const valueOfMask = (b: Brute, vals: number[], mask: number): number => vals[b.subsets.findIndex((s) => s.mask === mask)];

const TOL = 1e-12;
const beaten = (v: number, best: number) => best > v + TOL * Math.max(1, Math.abs(v));
const optimal = (v: number, best: number) => v >= best - TOL * Math.max(1, Math.abs(v));

/** The first weight (bisection to ~1e-12) moving from w0 towards `to` at which `bad` holds; null if none on the grid. */
function firstBad(w0: number, to: number, steps: number, bad: (t: number) => boolean): number | null {
  let prev = w0;
  for (let k = 1; k <= steps; k++) {
    const w = w0 + ((to - w0) * k) / steps;
    if (bad(w)) {
      let ok = prev;
      let no = w;
      for (let i = 0; i < 60; i++) {
        const mid = (ok + no) / 2;
        if (bad(mid)) no = mid;
        else ok = mid;
      }
      return (ok + no) / 2;
    }
    prev = w;
  }
  return null;
}

const near = (a: number, b: number, tol = 1e-6) => Math.abs(a - b) <= tol * Math.max(1, Math.abs(b));

const applied = (before: number, c: ListChange, problem: SelectionProblem): number => {
  const ids = new Set(idsOf(problem, before));
  c.leaves.forEach((id) => ids.delete(id));
  c.enters.forEach((id) => ids.add(id));
  return maskOf(problem, ids);
};

interface Tally {
  notLinear: number;
  finite: number;
  checked: number;
  changes: number;
}

/**
 * Checks one end of an interval: the list stays up to it (brute force finds the first strict
 * beating at the same weight), and just beyond it the list reported is optimal.
 */
function checkEnd(
  dir: 1 | -1,
  w0: number,
  end: number | null,
  bad: (t: number) => boolean,
  beyondOk: (t: number) => boolean,
  tally: Tally,
): void {
  const far = dir === 1 ? w0 * 40 : w0 * 1e-6;
  const found = firstBad(w0, far, dir === 1 ? 400 : 200, bad);
  tally.checked++;
  if (end === null || (dir === -1 && end === 0) || (dir === 1 && end > far) || (dir === -1 && end < far)) {
    expect(found).toBeNull();
    return;
  }
  tally.finite++;
  expect(found).not.toBeNull();
  expect(near(found!, end)).toBe(true);
  // Just beyond: the reported list is optimal there (and the list now is not).
  const past = end + dir * Math.max(1e-7, 1e-6 * end);
  expect(bad(past)).toBe(true);
  expect(beyondOk(past)).toBe(true);
}

async function checkCase(seed: number, tally: Tally, blank = 0): Promise<void> {
  const random = prng(seed * 104_729);
  const model = randomModel(random, seed % 2 === 0 ? "sum" : "mean");
  const inputs = randomInputs(model, random, 5 + Math.floor(random() * 5), blank);
  const a = assess(model, inputs);
  const problem = randomProblem(a, random);
  const report = await listStability(a, problem, solver, { allNodes: true });
  if (report.status !== "ok") {
    expect(report.status).toBe("infeasible");
    return;
  }
  const minFrame = problem.minimum ?? problem.budget;
  const hasMin = problem.minimum !== undefined && problem.minimum !== null;
  const s0 = maskOf(problem, report.minimum);
  const x0 = s0 | maskOf(problem, report.plus ?? []);
  for (const n of report.nodes) {
    if (blank > 0 && n.status === "not-linear") {
      // Only below a top-level group can blanks give measures different denominators.
      expect(model.criteria.some((g) => g.id === n.nodeId)).toBe(false);
      tally.notLinear++;
      continue;
    }
    expect(n.status).toBe("ok");
    if (n.status !== "ok") continue;
    const brute = bruteOf(model, inputs, problem, n.nodeId);
    const w0 = n.weight;
    // The list now is optimal now.
    const now = brute.values(w0);
    expect(optimal(valueOfMask(brute, now, s0), bestAt(brute, now, minFrame, 0))).toBe(true);
    const minBad = (t: number) => {
      const v = brute.values(t);
      return beaten(valueOfMask(brute, v, s0), bestAt(brute, v, minFrame, 0));
    };
    const minEnd = (dir: 1 | -1, m: ListInterval) => {
      const end = dir === 1 ? m.upper : m.lower;
      const c = dir === 1 ? m.atUpper : m.atLower;
      checkEnd(
        dir,
        w0,
        end,
        minBad,
        (t) => {
          const v = brute.values(t);
          const next = applied(s0, c!, problem);
          tally.changes += c!.enters.length + c!.leaves.length > 0 ? 1 : 0;
          return brute.subsets.some((s) => s.mask === next && s.cost <= minFrame) && optimal(valueOfMask(brute, v, next), bestAt(brute, v, minFrame, 0));
        },
        tally,
      );
    };
    minEnd(1, n.minimum);
    minEnd(-1, n.minimum);
    if (!hasMin) {
      expect(n.plus).toBeNull();
      continue;
    }
    // The plus list stays while the minimum list stays and the whole selection stays optimal with it fixed.
    const plusBad = (t: number) => {
      const v = brute.values(t);
      return beaten(valueOfMask(brute, v, s0), bestAt(brute, v, minFrame, 0)) || beaten(valueOfMask(brute, v, x0), bestAt(brute, v, problem.budget, s0));
    };
    for (const dir of [1, -1] as const) {
      const m = n.plus!;
      const end = dir === 1 ? m.upper : m.lower;
      const c = dir === 1 ? m.atUpper : m.atLower;
      const minChange = dir === 1 ? n.minimum.atUpper : n.minimum.atLower;
      const minAt = dir === 1 ? n.minimum.upper : n.minimum.lower;
      checkEnd(
        dir,
        w0,
        end,
        plusBad,
        (t) => {
          const v = brute.values(t);
          // Beyond the end: the minimum list is the new one where the minimum list ends here, else the same.
          const newMin = end === minAt && minChange ? applied(s0, minChange, problem) : s0;
          const plusNow = x0 & ~s0;
          const plusNext = applied(plusNow, c!, problem);
          const whole = newMin | plusNext;
          return (plusNext & newMin) === 0 && optimal(valueOfMask(brute, v, whole), bestAt(brute, v, problem.budget, newMin));
        },
        tally,
      );
    }
  }
}

describe("the minimum list's weight intervals agree with brute force on random small problems", () => {
  const tally: Tally = { notLinear: 0, finite: 0, checked: 0, changes: 0 };
  const seeds = Array.from({ length: 16 }, (_, i) => i + 1);
  test.each(seeds)("seed %p, every node", async (seed) => {
    await checkCase(seed, tally);
  });
  // Blanks: measures without a total (they count 0), nodes whose forms are constants for some measures.
  test.each(seeds.slice(0, 8).map((s) => s + 100))("seed %p with 15 %% blank scores, every node that is linear", async (seed) => {
    await checkCase(seed, tally, 0.15);
  });
  test("the cases are not trivial: many ends are finite and move a measure", () => {
    expect(tally.checked).toBeGreaterThan(150);
    expect(tally.finite).toBeGreaterThan(50);
    expect(tally.changes).toBeGreaterThan(30);
    expect(tally.notLinear).toBeGreaterThan(0);
  });
});

describe("the rules at the edges", () => {
  const model = defaultModel();
  const leafIds = allNodes(model)
    .filter((n) => !n.children)
    .map((n) => n.id);
  /** A measure with the same value on every leaf of a group (by the group's id prefix), blank where asked. */
  const measure = (id: string, byGroup: Record<string, number | undefined>): MeasureInput => ({
    id,
    name: id,
    scores: Object.fromEntries(
      leafIds.map((l) => {
        const v = byGroup[l.split(".")[0]];
        return [l, v === undefined ? undefined : { value: v }];
      }),
    ),
  });
  const item = (id: string, cost: number, score: number | null): SelectionItem => ({ id, name: id, cost, score, requires: [], forced: null });

  test("two measures worth the same now, one fits: the list is tied now, and the interval ends at the weight now on the side where the other gains", async () => {
    // a: 6 + 4 + 5 = 15, b: 4 + 6 + 5 = 15 (sum); 10 MNOK each, 10 MNOK frame.
    const inputs = [measure("a", { maal: 6, kost: 4, nytte: 5 }), measure("b", { maal: 4, kost: 6, nytte: 5 })];
    const a = assess(model, inputs);
    const problem: SelectionProblem = { items: a.measures.map((m) => item(m.id, 1000, m.total)), budget: 1000 };
    const r = await listStability(a, problem, solver);
    if (r.status !== "ok") throw new Error(r.status);
    const chosen = r.minimum[0];
    const other = chosen === "a" ? "b" : "a";
    const maal = r.nodes.find((n) => n.nodeId === "maal")!;
    if (maal.status !== "ok") throw new Error(maal.status);
    // a gains with Måloppnåelse: if a is the list now it stays upwards and ends at 1 downwards; if b, the reverse.
    if (chosen === "a") {
      expect(maal.minimum).toEqual({ lower: 1, upper: null, atLower: { enters: ["b"], leaves: ["a"] }, atUpper: null });
    } else {
      expect(maal.minimum).toEqual({ lower: 0, upper: 1, atLower: null, atUpper: { enters: ["a"], leaves: ["b"] } });
    }
    // Nytte moves both alike: the list stays for every weight.
    const nytte = r.nodes.find((n) => n.nodeId === "nytte")!;
    expect(nytte.status === "ok" && nytte.minimum).toEqual({ lower: 0, upper: null, atLower: null, atUpper: null });
    expect(other).not.toBe(chosen);
  });

  test("a blank below a subgroup gives the measures different denominators: that node is not-linear, the groups are analysed", async () => {
    // Helsepersonell scored 8 against 5 elsewhere in Nytte; b has no score on Sentral infrastruktur.
    const hp = (m: MeasureInput, blank: boolean): MeasureInput => ({
      ...m,
      scores: Object.fromEntries(Object.entries(m.scores).map(([l, v]) => [l, l === "nytte.infra" && blank ? undefined : l.startsWith("nytte.hp.") ? { value: 8 } : v])),
    });
    const inputs = [hp(measure("a", { maal: 6, kost: 4, nytte: 5 }), false), hp(measure("b", { maal: 4, kost: 6, nytte: 5 }), true)];
    const a = assess(model, inputs);
    const problem: SelectionProblem = { items: a.measures.map((m) => item(m.id, 1000, m.total)), budget: 1000 };
    const r = await listStability(a, problem, solver, { allNodes: true });
    if (r.status !== "ok") throw new Error(r.status);
    const byId = new Map(r.nodes.map((n) => [n.nodeId, n.status]));
    expect(byId.get("nytte.hp")).toBe("not-linear");
    // Below Pasient both measures have every score: common denominators there.
    expect(byId.get("nytte.pasient.hverdag")).toBe("ok");
    expect(byId.get("maal")).toBe("ok");
    expect(byId.get("nytte")).toBe("ok");
  });

  test("a weight of 0 now is not analysed; a bound of one solve leaves the node incomplete, said so", async () => {
    const inputs = [measure("a", { maal: 6, kost: 4, nytte: 5 }), measure("b", { maal: 4, kost: 6, nytte: 3 })];
    const a = assess(withWeight(model, "kost", 0), inputs);
    const problem: SelectionProblem = { items: a.measures.map((m) => item(m.id, 1000, m.total)), budget: 1000 };
    const r = await listStability(a, problem, solver, { maxSolves: 1 });
    if (r.status !== "ok") throw new Error(r.status);
    expect(r.nodes.map((n) => [n.nodeId, n.status, n.solves])).toEqual([
      ["maal", "incomplete", 1],
      ["kost", "zero-weight", 0],
      ["nytte", "incomplete", 1],
    ]);
    expect(r.complete).toBe(false);
  });

  test("forced measures over the frame: infeasible, with the selection's finding", async () => {
    const inputs = [measure("a", { maal: 6, kost: 4, nytte: 5 })];
    const a = assess(model, inputs);
    const problem: SelectionProblem = { items: [{ ...item("a", 2000, 15), forced: "in" }], budget: 1000 };
    const r = await listStability(a, problem, solver);
    expect(r.status).toBe("infeasible");
    expect(r.status !== "ok" && r.findings.map((f) => f.code)).toEqual(["selection-forced-over-budget"]);
  });
});
