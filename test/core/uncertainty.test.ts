/**
 * Monte Carlo (SMAA-2): reproducible for a seed, a rank matrix whose rows and columns sum to 1,
 * top-N from the rank matrix, a measure that cannot lose keeps probability 1, and exact answers
 * where the probability is known in closed form.
 */
import type { MeasureInput } from "../../src/core/aggregate";
import { assess } from "../../src/core/assess";
import { defaultModel, leaves, type Model } from "../../src/core/model";
import { checkOptions, createSimulation, DEFAULT_UNCERTAINTY, simulate, uncertaintyInput, type UncertaintyOptions } from "../../src/core/uncertainty";
import { readMeeting } from "../support/meeting";

jest.setTimeout(60_000);

const LEAVES = leaves(defaultModel()).map((l) => l.id);

function measure(id: string, scores: (number | null)[]): MeasureInput {
  return { id, name: id.toUpperCase(), scores: Object.fromEntries(LEAVES.map((l, k) => [l, scores[k] === null ? undefined : { value: scores[k] }])) };
}

const flat = (v: number) => LEAVES.map(() => v);

async function meetingInput() {
  const read = await readMeeting();
  if (read.kind !== "legacy") throw new Error("legacy expected");
  return uncertaintyInput(read.assessment);
}

const sumsToOne = (xs: number[]) => expect(Math.abs(xs.reduce((s, x) => s + x, 0) - 1)).toBeLessThanOrEqual(1e-12);

describe("Monte Carlo on the council meeting", () => {
  const options: UncertaintyOptions = { ...DEFAULT_UNCERTAINTY, draws: 2000, seed: 42, top: 5, pairwise: true };

  test("only the 13 measures with a total take part, in rank order", async () => {
    const input = await meetingInput();
    expect(input.measures).toHaveLength(13);
    expect(input.measures[0].name).toBe("PLL");
    expect(input.measures.map((m) => m.name)).not.toContain("Dokumentdeling: Andre helseaktører/tjenester");
  });

  test("the same seed gives the same numbers; another seed other numbers", async () => {
    const input = await meetingInput();
    const a = simulate(input, options);
    const b = simulate(input, options);
    expect(b).toEqual(a);
    const c = simulate(input, { ...options, seed: 43 });
    expect(c.ranks).not.toEqual(a.ranks);
  });

  test("running in chunks (as the worker does) gives the same result as at once", async () => {
    const input = await meetingInput();
    const sim = createSimulation(input, options);
    const seen: number[] = [];
    while (sim.done < sim.total) seen.push(sim.step(333));
    expect(seen[seen.length - 1]).toBe(2000);
    expect(seen).toHaveLength(Math.ceil(2000 / 333));
    expect(sim.result()).toEqual(simulate(input, options));
  });

  test("every row and every column of the rank matrix sums to 1", async () => {
    const r = simulate(await meetingInput(), options);
    expect(r.ranks).toHaveLength(13);
    for (const row of r.ranks) {
      expect(row).toHaveLength(13);
      sumsToOne(row);
    }
    for (let c = 0; c < 13; c++) sumsToOne(r.ranks.map((row) => row[c]));
  });

  test("top 5 is the sum of the first five rank probabilities; the top-5 column sums to 5", async () => {
    const r = simulate(await meetingInput(), options);
    r.topN!.forEach((p, i) => expect(p).toBeCloseTo(r.ranks[i].slice(0, 5).reduce((s, x) => s + x, 0), 14));
    expect(r.topN!.reduce((s, p) => s + p, 0)).toBeCloseTo(5, 12);
  });

  test("pairwise: P(i above j) + P(j above i) = 1, and agrees with the rank matrix for the leader", async () => {
    const r = simulate(await meetingInput(), options);
    const beats = r.beats!;
    for (let i = 0; i < 13; i++) for (let j = 0; j < 13; j++) if (i !== j) expect(beats[i][j] + beats[j][i]).toBeCloseTo(1, 12);
    // P(PLL first) ≤ P(PLL above any one other measure).
    for (let j = 1; j < 13; j++) expect(r.ranks[0][0]).toBeLessThanOrEqual(beats[0][j] + 1e-12);
  });

  test("without any uncertainty the ranks are the assessment's, and the tie DBEP = Legevakt/ØHD is split ½–½ over places 6 and 7", async () => {
    const input = await meetingInput();
    const r = simulate(input, { draws: 10, seed: 1, weights: { kind: "none" }, scores: { kind: "none" } });
    const dbep = r.names.indexOf("Implementering av DBEP");
    const legevakt = r.names.indexOf("Dokumentdeling: Legevakt/ØHD");
    expect(r.ranks[dbep][5]).toBe(0.5);
    expect(r.ranks[dbep][6]).toBe(0.5);
    expect(r.ranks[legevakt][5]).toBe(0.5);
    expect(r.ranks[legevakt][6]).toBe(0.5);
    r.ranks.forEach((row, i) => {
      if (i === dbep || i === legevakt) return;
      expect(row[i]).toBe(1);
    });
  });
});

describe("exact cases", () => {
  const model: Model = defaultModel();

  test("a measure that cannot lose keeps probability 1 of place 1 and of the top 1", () => {
    // All 10s against at most 5s: ±1 on every score and ±20 % on every weight cannot close a gap of 4 per leaf.
    const inputs = [measure("low", flat(5)), measure("best", flat(10)), measure("mid", flat(4))];
    const r = simulate(uncertaintyInput(assess(model, inputs)), { ...DEFAULT_UNCERTAINTY, draws: 3000, seed: 7, top: 1 });
    expect(r.ids[0]).toBe("best");
    expect(r.ranks[0]).toEqual([1, 0, 0]);
    expect(r.topN![0]).toBe(1);
  });

  test("two measures equal in every score: each first with probability exactly ½ under weight draws alone", () => {
    const inputs = [measure("a", flat(6)), measure("b", flat(6))];
    const r = simulate(uncertaintyInput(assess(model, inputs)), { draws: 500, seed: 3, weights: { kind: "simplex" }, scores: { kind: "none" } });
    expect(r.ranks).toEqual([
      [0.5, 0.5],
      [0.5, 0.5],
    ]);
  });

  test("weight draws alone: one group decides, so P(first) is the probability that its share is large enough", () => {
    // A beats B on Måloppnåelse only (10 vs 0), B beats A on Kostnader and Nytte (5 vs 0 each):
    // A first ⇔ 10·w_M > 5·w_K + 5·w_N ⇔ share_M > 1/3. Uniform on the 3-simplex: P(share_M > 1/3) = (2/3)² = 4/9.
    const a = measure("a", [10, 10, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
    const b = measure("b", [0, 0, 5, 5, 5, 5, 5, 5, 5, 5, 5]);
    const r = simulate(uncertaintyInput(assess(model, [a, b])), { draws: 40_000, seed: 11, weights: { kind: "simplex" }, scores: { kind: "none" } });
    const ia = r.ids.indexOf("a");
    // Standard error √(4/9·5/9/40000) ≈ 0,0025; 4 standard errors.
    expect(Math.abs(r.ranks[ia][0] - 4 / 9)).toBeLessThan(0.01);
  });

  const one: Model = {
    ...defaultModel(),
    criteria: [{ id: "g", label: { nb: "G", en: "G" }, weight: 1, children: [{ id: "g.x", label: { nb: "X", en: "X" }, weight: 1 }] }],
  };
  const pair = (a: number, b: number): MeasureInput[] => [
    { id: "a", name: "A", scores: { "g.x": { value: a } } },
    { id: "b", name: "B", scores: { "g.x": { value: b } } },
  ];

  test("score draws alone: 5,5 against 5 with ±1 is first with probability 1 − 1,5²/8 = 0,71875", () => {
    // a first ⇔ u_b − u_a < 0,5, and u_b − u_a is triangular on [−2, 2].
    const r = simulate(uncertaintyInput(assess(one, pair(5.5, 5))), { draws: 40_000, seed: 5, weights: { kind: "none" }, scores: { kind: "uniform", spread: 1 } });
    // Standard error ≈ 0,0022.
    expect(Math.abs(r.ranks[0][0] - 0.71875)).toBeLessThan(0.01);
  });

  test("scores are clamped to the scale: 10 against 9,5 with ±1 is first with probability 11/16 (0,71875 without the clamp)", () => {
    // a = 10 + min(0, u_a), b = min(10, 9,5 + u_b). u_a ≥ 0 (½): a = 10; b reaches 10 when u_b ≥ 0,5 (¼), a tie.
    // u_a < 0 (½): b > a ⇔ u_b > 0,5 + u_a, probability (0,5 − u_a)/2, on average ½.
    // So P(a above) = ½·¾ + ½·½ = 5/8, P(tie) = 1/8, and place 1 for a: 5/8 + ½·1/8 = 11/16 = 0,6875.
    const r = simulate(uncertaintyInput(assess(one, pair(10, 9.5))), { draws: 40_000, seed: 9, weights: { kind: "none" }, scores: { kind: "uniform", spread: 1 } });
    // Standard error ≈ 0,0023; the unclamped answer is 0,031 away.
    expect(Math.abs(r.ranks[0][0] - 11 / 16)).toBeLessThan(0.008);
  });

  test("options are checked, not trusted", () => {
    expect(checkOptions(DEFAULT_UNCERTAINTY)).toBeNull();
    expect(checkOptions({ ...DEFAULT_UNCERTAINTY, draws: 0 })).toBe("draws");
    expect(checkOptions({ ...DEFAULT_UNCERTAINTY, draws: 2.5 })).toBe("draws");
    expect(checkOptions({ ...DEFAULT_UNCERTAINTY, seed: -1 })).toBe("seed");
    expect(checkOptions({ ...DEFAULT_UNCERTAINTY, weights: { kind: "relative", spread: 1 } })).toBe("weightSpread");
    expect(checkOptions({ ...DEFAULT_UNCERTAINTY, scores: { kind: "uniform", spread: NaN } })).toBe("scoreSpread");
    expect(checkOptions({ ...DEFAULT_UNCERTAINTY, top: 0 })).toBe("top");
  });
});
