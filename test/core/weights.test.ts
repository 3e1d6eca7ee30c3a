/**
 * The default model is the council's tree with equal weights and total = M + K + N (0–30).
 * Other weights, directions and total kinds work; the numbers below are computed by hand from
 * the fixture's group values (Måloppnåelse, Kostnader, Nytte as in `expected`).
 */
import { assess } from "../../src/core/assess";
import { scoreMeasure } from "../../src/core/aggregate";
import { defaultModel, impliedLeafWeights, totalMax, totalMin, withWeight, type Model } from "../../src/core/model";
import { validateModel } from "../../src/core/model-validate";
import { expectWithin, fixture, fixtureMeasure, inputOf } from "../support/meeting";

const inputs = fixture.measures.map(inputOf);

describe("the default model", () => {
  const model = defaultModel();
  test("is valid, sums the three groups and runs 0–30", () => {
    expect(validateModel(model)).toEqual([]);
    expect(model.total).toBe("sum");
    expect(model.criteria.map((g) => g.id)).toEqual(["maal", "kost", "nytte"]);
    expect(totalMin(model)).toBe(0);
    expect(totalMax(model)).toBe(30);
  });
  test("has equal weights on every node", () => {
    const weights = (nodes: Model["criteria"]): number[] => nodes.flatMap((n) => [n.weight, ...weights(n.children ?? [])]);
    expect(new Set(weights(model.criteria))).toEqual(new Set([1]));
  });
  test("gives each leaf its share of the total: ⅓·½ for Måloppnåelse's, ⅓·⅓·½ for Pasient's, ⅓·⅓ for infrastructure", () => {
    const w = impliedLeafWeights(model);
    expect(w.get("maal.behov")).toBeCloseTo(1 / 6, 15);
    expect(w.get("kost.juridisk")).toBeCloseTo(1 / 12, 15);
    expect(w.get("nytte.pasient.sikkerhet")).toBeCloseTo(1 / 18, 15);
    expect(w.get("nytte.infra")).toBeCloseTo(1 / 9, 15);
    expect([...w.values()].reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
  });
});

describe("double weight on Nytte: total = Måloppnåelse + Kostnader + 2·Nytte (0–40)", () => {
  const model = withWeight(defaultModel(), "nytte", 2);
  const a = assess(model, inputs);
  const byId = new Map(a.measures.map((m) => [m.id, m]));

  // M + K + 2N from the fixture's group values, as exact fractions.
  const hand: [string, number, number | null, boolean][] = [
    ["pll", 9 + 6.25 + 2 * 7.5 /* 121/4 = 30.25 */, 1, false],
    ["dok.spes", 15 / 2 + 8 + 2 * (16 / 3) /* 157/6 ≈ 26.17 */, 2, false],
    ["ki.spes", 7 + 15 / 2 + 2 * (16 / 3) /* 151/6 ≈ 25.17 */, 3, false],
    ["ki.fastleger", 15 / 2 + 25 / 4 + 2 * (16 / 3) /* 293/12 ≈ 24.42 */, 4, false],
    ["dbep", 15 / 2 + 9 / 2 + 2 * (37 / 6) /* 73/3 ≈ 24.33: was 6=, now 5 */, 5, false],
    ["ki.kommunal", 7 + 25 / 4 + 2 * 5 /* 93/4 = 23.25: was 5, now 6 */, 6, false],
    ["dok.legevakt", 7 + 13 / 2 + 2 * (14 / 3) /* 137/6 ≈ 22.83: was 6=, now 7 */, 7, false],
    ["hjelpenummer", 4 + 29 / 4 + 2 * (29 / 6) /* 251/12 ≈ 20.92 */, 8, false],
    ["dok.fastleger", 7 + 7 / 2 + 2 * (14 / 3) /* 119/6 ≈ 19.83: was 10, now 9 */, 9, false],
    ["dho", 9 / 2 + 29 / 4 + 2 * 4 /* 79/4 = 19.75: was 9, now 10 */, 10, false],
    ["dok.kommunal", 11 / 2 + 6 + 2 * (10 / 3) /* 109/6 ≈ 18.17 */, 11, false],
    ["ki.andre", 13 / 2 + 4 + 2 * (5 / 2) /* 31/2 = 15.5 */, 12, false],
    ["dok.utenfor", 5 + 21 / 4 + 2 * 2 /* 57/4 = 14.25 */, 13, false],
  ];

  test.each(hand)("%s: total %p, rank %p", (id, total, rank, tied) => {
    const m = byId.get(id)!;
    expectWithin(m.total, total);
    expect(m.rank).toBe(rank);
    expect(m.tied).toBe(tied);
  });
  test("the tie of DBEP and legevakt/ØHD is broken: Nytte 37/6 against 28/6", () => {
    expect(a.measures.filter((m) => m.tied)).toEqual([]);
    expect(a.findings.filter((f) => f.code === "tie")).toEqual([]);
  });
  test("the measure without Nytte values still has no total", () => {
    expect(byId.get("dok.andre")).toMatchObject({ total: null, rank: null });
  });
  test("the scale of the total is 0–40", () => {
    expect(totalMax(model)).toBe(40);
  });
});

describe("a zero weight", () => {
  test("on infrastructure takes it out of Nytte: Felles hjelpenummer Nytte (2.5 + 2) / 2 = 2.25, total 4 + 7.25 + 2.25 = 13.5", () => {
    const s = scoreMeasure(withWeight(defaultModel(), "nytte.infra", 0), inputOf(fixtureMeasure("hjelpenummer")));
    expect(s.values.nytte).toBe(2.25);
    expect(s.total).toBe(13.5);
  });
  test("on Nytte makes the total Måloppnåelse + Kostnader (0–20), so the measure without Nytte values gets one: 4 + 4 = 8", () => {
    const model = withWeight(defaultModel(), "nytte", 0);
    expect(totalMax(model)).toBe(20);
    const a = assess(model, inputs);
    const byId = new Map(a.measures.map((m) => [m.id, m]));
    expect(byId.get("dok.andre")!.total).toBe(8);
    expect(byId.get("pll")!.total).toBe(9 + 6.25);
    // Every measure now has a total; M + K: dok.spes 15.5 first, PLL 15.25 second.
    expect(a.measures.every((m) => m.rank !== null)).toBe(true);
    expect(byId.get("dok.spes")!.rank).toBe(1);
    expect(byId.get("pll")!.rank).toBe(2);
  });
  test("on a leaf with a value does not make the measure incomplete", () => {
    const s = scoreMeasure(withWeight(defaultModel(), "maal.behov", 0), inputOf(fixtureMeasure("pll")));
    // Måloppnåelse is now the priority question alone: 10; total 10 + 6.25 + 7.5.
    expect(s.values.maal).toBe(10);
    expect(s.total).toBe(23.75);
    expect(s.complete).toBe(true);
  });
});

test("an inverted leaf counts from the top: PLL teknisk 6 → 4, Kostnader (4 + 1 + 9 + 9) / 4 = 5.75, total 22.25", () => {
  const base = defaultModel();
  const model: Model = {
    ...base,
    criteria: base.criteria.map((g) =>
      g.id !== "kost" ? g : { ...g, children: g.children!.map((c) => (c.id === "kost.teknisk" ? { ...c, direction: "inverted" as const } : c)) },
    ),
  };
  const s = scoreMeasure(model, inputOf(fixtureMeasure("pll")));
  expect(s.values["kost.teknisk"]).toBe(4);
  expect(s.leaves["kost.teknisk"]).toMatchObject({ kind: "score", value: 6 });
  expect(s.values.kost).toBe(5.75);
  expect(s.total).toBe(22.25);
});

describe("total kind «mean»: the weighted mean of the groups, on the scale (0–10)", () => {
  const mean: Model = { ...defaultModel(), total: "mean" };
  test("PLL (9 + 6.25 + 7.5) / 3 = 7.583…", () => {
    expectWithin(scoreMeasure(mean, inputOf(fixtureMeasure("pll"))).total, 22.75 / 3);
    expect(totalMin(mean)).toBe(0);
    expect(totalMax(mean)).toBe(10);
  });
  test("with Nytte weighted 2: (9 + 6.25 + 2·7.5) / 4 = 7.5625", () => {
    expect(scoreMeasure(withWeight(mean, "nytte", 2), inputOf(fixtureMeasure("pll"))).total).toBe(7.5625);
  });
  test("ranks as the sum does under equal weights (same order, same tie)", () => {
    const a = assess(mean, inputs);
    for (const m of fixture.measures) {
      const r = a.measures.find((x) => x.id === m.id)!;
      expect([r.rank, r.tied]).toEqual([m.expected.rank, m.expected.tied ?? false]);
    }
  });
});

test("weights need not be integers: Nytte 0.5 equals M + K + N/2", () => {
  const s = scoreMeasure(withWeight(defaultModel(), "nytte", 0.5), inputOf(fixtureMeasure("pll")));
  expect(s.total).toBe(9 + 6.25 + 7.5 / 2);
});

test("a weight validation would refuse (Infinity, NaN, negative) counts as 0 and never makes NaN", () => {
  // Infinity on Nytte: ∞·7.5 / ∞ would be NaN; counted as 0 the total is M + K = 9 + 6.25.
  for (const w of [Infinity, NaN, -1]) {
    const s = scoreMeasure(withWeight(defaultModel(), "nytte", w), inputOf(fixtureMeasure("pll")));
    expect(s.total).toBe(15.25);
    const g = scoreMeasure(withWeight(defaultModel(), "nytte.infra", w), inputOf(fixtureMeasure("pll")));
    expect(g.values.nytte).toBe(9.75); // mean(10, 9.5)
  }
});
