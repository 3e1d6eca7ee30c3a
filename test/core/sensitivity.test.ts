/**
 * Weight stability against brute force: sweep one weight over a fine grid, re-score and re-rank
 * every measure with assess() (the add-in's own path, no closed form), find the first weight on
 * each side at which two measures strictly ordered now are strictly in the other order, narrow it
 * down by bisection, and compare with the closed-form interval.
 */
import type { MeasureInput } from "../../src/core/aggregate";
import { assess, type Assessment } from "../../src/core/assess";
import { allNodes, defaultModel, withWeight, type CriterionNode, type Model } from "../../src/core/model";
import { nearlyEqual } from "../../src/core/rank";
import { crossings, stabilityReport, totalAtWeight, weightStability } from "../../src/core/sensitivity";
import { prng } from "../support/grids";
import { readMeeting } from "../support/meeting";

// Brute force re-assesses the workbook thousands of times; on a busy machine a case takes seconds.
jest.setTimeout(120_000);

/** Pairs [above, below] strictly ordered in `a` (by total, with the model's tolerance). */
function strictPairs(a: Assessment): [string, string][] {
  const ranked = a.measures.filter((m) => m.total !== null);
  const out: [string, string][] = [];
  for (const x of ranked)
    for (const y of ranked) if (x.total! > y.total! && !nearlyEqual(x.total!, y.total!, a.model.tolerance)) out.push([x.id, y.id]);
  return out;
}

/** Totals by id after setting the node's weight to w (assess: the real aggregation and ranking). */
function totalsAt(model: Model, inputs: MeasureInput[], nodeId: string, w: number): Map<string, number | null> {
  const a = assess(withWeight(model, nodeId, w), inputs);
  return new Map(a.measures.map((m) => [m.id, m.total]));
}

/** The first pair (strict now) found strictly reversed at w, or null. */
function reversedAt(model: Model, inputs: MeasureInput[], nodeId: string, w: number, pairs: [string, string][]): [string, string] | null {
  const t = totalsAt(model, inputs, nodeId, w);
  for (const [hi, lo] of pairs) {
    const a = t.get(hi);
    const b = t.get(lo);
    if (a === null || b === null || a === undefined || b === undefined) continue;
    if (b > a && !nearlyEqual(a, b, 1e-12)) return [hi, lo];
  }
  return null;
}

/** Brute force: the weight (to ~1e-10) where an order first reverses, moving from w0 towards `to`; null if none on the grid. */
function bruteBound(model: Model, inputs: MeasureInput[], nodeId: string, w0: number, to: number, steps: number, pairs: [string, string][]): number | null {
  let prev = w0;
  for (let k = 1; k <= steps; k++) {
    const w = w0 + ((to - w0) * k) / steps;
    if (reversedAt(model, inputs, nodeId, w, pairs)) {
      let ok = prev;
      let bad = w;
      for (let i = 0; i < 60; i++) {
        const mid = (ok + bad) / 2;
        if (reversedAt(model, inputs, nodeId, mid, pairs)) bad = mid;
        else ok = mid;
      }
      return (ok + bad) / 2;
    }
    prev = w;
  }
  return null;
}

async function meeting() {
  const read = await readMeeting();
  if (read.kind !== "legacy") throw new Error("legacy expected");
  return read;
}

function inputsOfMeeting(read: Awaited<ReturnType<typeof meeting>>): MeasureInput[] {
  return read.legacy.measures.map((m) => m.input);
}

const near = (a: number, b: number, tol = 1e-7) => Math.abs(a - b) <= tol * Math.max(1, Math.abs(b));

describe("weight stability on the council meeting of 21 September 2022", () => {
  test("Måloppnåelse: 0,78 to 1,17; at 1,17 DBEP passes Kritisk info: Kommunal (closed form by hand)", async () => {
    const read = await meeting();
    const s = weightStability(read.assessment, "maal")!;
    const id = (name: string) => read.assessment.measures.find((m) => m.name === name)!.id;
    // DBEP 7,5 + 4,5 + 6,1667 = 18,1667; KI kommunal 7 + 6,25 + 5 = 18,25: equal at 1 + (1/12)/0,5 = 7/6.
    expect(s.interval.upper).toBeCloseTo(7 / 6, 12);
    expect(s.interval.upperSwap).toEqual({ above: id("Kritisk info: Kommunal helse- og omsorg"), below: id("Implementering av DBEP"), at: s.interval.upper });
    // Fastleger 7 + 3,5 + 4,667 = 15,1667; Andre kommunal 5,5 + 6 + 3,333 = 14,8333: equal at 1 − (1/3)/1,5 = 7/9.
    expect(s.interval.lower).toBeCloseTo(7 / 9, 12);
    expect(s.interval.lowerSwap).toEqual({ above: id("Dokumentdeling: Fastleger"), below: id("Dokumentdeling: Andre kommunal helse-omsorg"), at: s.interval.lower });
    // DBEP and Legevakt/ØHD (both 54,5/3) are tied now and do not narrow the interval.
    expect(s.interval.tied).toEqual([[id("Implementering av DBEP"), id("Dokumentdeling: Legevakt/ØHD")]]);
    // The smallest change: 7/6 − 1 = 0,167 up is nearer than 1 − 7/9 = 0,222 down.
    expect(s.interval.firstSwap).toBe(s.interval.upperSwap);
  });

  test("Nytte at weight 0: the measure without any Nytte score would get a total", async () => {
    const read = await meeting();
    const s = weightStability(read.assessment, "nytte")!;
    const m = read.assessment.measures.find((x) => x.name === "Dokumentdeling: Andre helseaktører/tjenester")!;
    expect(s.interval.changesAtZero).toEqual([m.id]);
  });

  test.each(["maal", "kost", "nytte", "nytte.pasient", "nytte.hp", "nytte.infra", "kost.teknisk", "maal.behov", "nytte.pasient.sikkerhet"])(
    "%s: the interval agrees with a brute-force sweep and bisection",
    async (nodeId) => {
      const read = await meeting();
      const inputs = inputsOfMeeting(read);
      const model = read.assessment.model;
      const pairs = strictPairs(read.assessment);
      const s = weightStability(read.assessment, nodeId)!;
      const up = bruteBound(model, inputs, nodeId, 1, 25, 2400, pairs);
      const down = bruteBound(model, inputs, nodeId, 1, 1e-9, 400, pairs);
      if (s.interval.upper === null) expect(up).toBeNull();
      else {
        expect(up).not.toBeNull();
        expect(near(up!, s.interval.upper)).toBe(true);
        // Just past the bound the reported pair is the one reversed.
        const past = s.interval.upper * (1 + 1e-6);
        const t = totalsAt(model, inputs, nodeId, past);
        expect(t.get(s.interval.upperSwap!.below)!).toBeGreaterThan(t.get(s.interval.upperSwap!.above)!);
      }
      if (s.interval.lower === 0) expect(down).toBeNull();
      else {
        expect(down).not.toBeNull();
        expect(near(down!, s.interval.lower)).toBe(true);
        const past = s.interval.lower * (1 - 1e-6);
        const t = totalsAt(model, inputs, nodeId, past);
        expect(t.get(s.interval.lowerSwap!.below)!).toBeGreaterThan(t.get(s.interval.lowerSwap!.above)!);
      }
    },
  );

  test("cut top 5: brute force finds the first weight at which the top five change", async () => {
    const read = await meeting();
    const inputs = inputsOfMeeting(read);
    const model = read.assessment.model;
    for (const g of model.criteria) {
      const s = weightStability(read.assessment, g.id, { cuts: [5] })!;
      const cut = s.cuts[0];
      const topAt = (w: number) =>
        assess(withWeight(model, g.id, w), inputs)
          .measures.filter((m) => m.rank !== null && m.rank <= 5)
          .map((m) => m.id)
          .sort()
          .join();
      const now = topAt(1);
      const first = (to: number, steps: number): number | null => {
        let prev = 1;
        for (let k = 1; k <= steps; k++) {
          const w = 1 + ((to - 1) * k) / steps;
          if (topAt(w) !== now) {
            let ok = prev;
            let bad = w;
            for (let i = 0; i < 60; i++) {
              const mid = (ok + bad) / 2;
              if (topAt(mid) !== now) bad = mid;
              else ok = mid;
            }
            return (ok + bad) / 2;
          }
          prev = w;
        }
        return null;
      };
      const up = first(25, 2400);
      const down = first(1e-9, 400);
      if (cut.upper === null) expect(up).toBeNull();
      else expect(near(up!, cut.upper, 1e-6)).toBe(true);
      if (cut.lower === 0) expect(down).toBeNull();
      else expect(near(down!, cut.lower, 1e-6)).toBe(true);
      if (cut.upperCross) {
        const after = assess(withWeight(model, g.id, cut.upper! * (1 + 1e-6)), inputs).measures;
        expect(after.find((m) => m.id === cut.upperCross!.below)!.rank).toBeLessThanOrEqual(5);
        expect(after.find((m) => m.id === cut.upperCross!.above)!.rank).toBeGreaterThan(5);
      }
    }
  });

  test("the closed form gives assess()'s totals for every node and weight", async () => {
    const read = await meeting();
    const inputs = inputsOfMeeting(read);
    for (const n of allNodes(read.assessment.model))
      for (const w of [0.1, 0.5, 2, 7.3]) {
        const t = totalsAt(read.assessment.model, inputs, n.id, w);
        for (const m of read.assessment.measures) {
          if (m.total === null) continue;
          const closed = totalAtWeight(read.assessment, n.id, m.id, w);
          expect(closed).not.toBeNull();
          expect(Math.abs(closed! - t.get(m.id)!)).toBeLessThanOrEqual(1e-12 * 30);
        }
      }
  });
});

describe("crossings (the exact roots)", () => {
  test("linear: 10 + 2w and 12 + w meet at 2", () => {
    expect(crossings({ p0: 10, p1: 2, q0: 1, q1: 0 }, { p0: 12, p1: 1, q0: 1, q1: 0 })).toEqual([2]);
  });
  test("ratios: (2 + 8w)/(1 + w) and (6 + 4w)/(2 + w) meet at (−2 + √6)/2", () => {
    const f = { p0: 2, p1: 8, q0: 1, q1: 1 };
    const g = { p0: 6, p1: 4, q0: 2, q1: 1 };
    const roots = crossings(f, g);
    expect(roots).toHaveLength(1);
    const v = (h: typeof f, w: number) => (h.p0 + h.p1 * w) / (h.q0 + h.q1 * w);
    expect(Math.abs(v(f, roots[0]) - v(g, roots[0]))).toBeLessThan(1e-12);
    // (2 + 8w)(2 + w) = (6 + 4w)(1 + w) ⇔ 4w² + 8w − 2 = 0 ⇔ w = (−2 + √6)/2.
    expect(roots[0]).toBeCloseTo((-2 + Math.sqrt(6)) / 2, 14);
  });
  test("parallel lines never cross; a touch (double root) is not a change of place", () => {
    expect(crossings({ p0: 10, p1: 2, q0: 1, q1: 0 }, { p0: 12, p1: 2, q0: 1, q1: 0 })).toEqual([]);
    // w + 1 and 4w/(w + 1) touch at w = 1: (w + 1)² − 4w = (w − 1)², no change of sign.
    expect(crossings({ p0: 1, p1: 1, q0: 1, q1: 0 }, { p0: 0, p1: 4, q0: 1, q1: 1 })).toEqual([]);
  });
});

/** A random small tree: 2–3 top-level groups, subgroups, leaves, positive random weights. */
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

function randomInputs(model: Model, random: () => number, count: number): MeasureInput[] {
  const leafIds = allNodes(model)
    .filter((n) => !n.children)
    .map((n) => n.id);
  return Array.from({ length: count }, (_, i) => ({
    id: `m${i}`,
    name: `Tiltak ${i}`,
    scores: Object.fromEntries(leafIds.map((l) => [l, random() < 0.12 ? undefined : { value: Math.floor(random() * 21) / 2 }])),
  }));
}

describe("weight stability on random small models agrees with brute force", () => {
  const cases = Array.from({ length: 12 }, (_, i) => i + 1);
  const caseOf = (seed: number) => {
    const random = prng(seed * 7919);
    const model = randomModel(random, seed % 2 === 0 ? "sum" : "mean");
    const inputs = randomInputs(model, random, 4 + Math.floor(random() * 5));
    return { model, inputs, a: assess(model, inputs) };
  };
  test("the cases are not trivial: most nodes have a finite bound on each side", () => {
    const all = cases.flatMap((seed) => stabilityReport(caseOf(seed).a, { allNodes: true }).map((s) => s.interval));
    expect(all.length).toBeGreaterThan(60);
    expect(all.filter((i) => i.upper !== null).length).toBeGreaterThan(all.length / 2);
    expect(all.filter((i) => i.lower > 0).length).toBeGreaterThan(all.length / 2);
  });
  test.each(cases)("seed %p, every node", (seed) => {
    const { model, inputs, a } = caseOf(seed);
    const pairs = strictPairs(a);
    for (const s of stabilityReport(a, { allNodes: true })) {
      const { nodeId, weight, lower, upper } = s.interval;
      const up = bruteBound(model, inputs, nodeId, weight, weight * 40, 600, pairs);
      if (upper === null || upper > weight * 40) expect(up).toBeNull();
      else {
        expect(up).not.toBeNull();
        expect(near(up!, upper, 1e-6)).toBe(true);
      }
      const down = bruteBound(model, inputs, nodeId, weight, weight * 1e-6, 250, pairs);
      if (lower < weight * 1e-6) expect(down).toBeNull();
      else {
        expect(down).not.toBeNull();
        expect(near(down!, lower, 1e-6)).toBe(true);
      }
    }
  });
});

describe("a weight of 0 now", () => {
  const model = defaultModel();
  const leafIds = allNodes(model)
    .filter((n) => !n.children)
    .map((n) => n.id);
  const measureWith = (id: string, values: number[], blankUnder?: string): MeasureInput => ({
    id,
    name: id,
    scores: Object.fromEntries(leafIds.map((l, k) => [l, blankUnder && l.startsWith(`${blankUnder}.`) ? undefined : { value: values[k % values.length] }])),
  });

  test("Måloppnåelse at 0, every measure scored there: the interval starts at 0 and ends where brute force finds the first swap", () => {
    const zero = withWeight(model, "maal", 0);
    const inputs = [measureWith("a", [2, 9, 9, 9]), measureWith("b", [9, 6, 6, 6]), measureWith("c", [5, 5, 5, 5])];
    const a = assess(zero, inputs);
    const s = weightStability(a, "maal")!;
    expect(s.interval.lower).toBe(0);
    expect(s.interval.changesAtZero).toEqual([]);
    const up = bruteBound(zero, inputs, "maal", 1e-9, 20, 2000, strictPairs(a));
    expect(s.interval.upper).not.toBeNull();
    expect(near(up!, s.interval.upper!, 1e-6)).toBe(true);
  });

  test("Måloppnåelse at 0 and a measure without any Måloppnåelse score: any positive weight takes its total away", () => {
    const zero = withWeight(model, "maal", 0);
    const inputs = [measureWith("a", [2, 9, 9, 9]), measureWith("b", [9, 6, 6, 6], "maal")];
    const a = assess(zero, inputs);
    expect(a.measures.every((m) => m.total !== null)).toBe(true);
    const s = weightStability(a, "maal")!;
    expect([s.interval.lower, s.interval.upper, s.interval.firstSwap]).toEqual([0, 0, null]);
    expect(s.interval.changesAtZero).toEqual(["b"]);
    expect(assess(withWeight(zero, "maal", 1e-6), inputs).measures.find((m) => m.id === "b")!.total).toBeNull();
  });
});
