/**
 * Monte Carlo (SMAA-2): reproducible for a seed, a rank matrix whose rows and columns sum to 1,
 * top-N from the rank matrix, a measure that cannot lose keeps probability 1, and exact answers
 * where the probability is known in closed form.
 */
import type { MeasureInput } from "../../src/core/aggregate";
import { assess } from "../../src/core/assess";
import { defaultModel, leaves, type Model } from "../../src/core/model";
import fc from "fast-check";
import { mulberry32 } from "../../src/core/random";
import { checkOptions, createSimulation, DEFAULT_UNCERTAINTY, drawSimplexShares, simulate, uncertaintyInput, type UncertaintyOptions } from "../../src/core/uncertainty";
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

/**
 * Runs `draws` draws one at a time; from the change of the rank counts after each, the draw's
 * place of every measure (a tie run shares its first place), and from the places every pair
 * counted; the simulation's beats and ties must equal these counts. Returns the draws with a tie.
 */
function bruteForcePairs(input: ReturnType<typeof uncertaintyInput>, o: UncertaintyOptions, draws: number): number {
  const sim = createSimulation(input, o);
  const n = input.measures.length;
  const rankCount = (): number[][] => sim.result().ranks.map((row) => row.map((p) => p * sim.done));
  const beatsBrute = Array.from({ length: n }, () => new Array<number>(n).fill(0));
  const tiesBrute = Array.from({ length: n }, () => new Array<number>(n).fill(0));
  let before = rankCount();
  let tied = 0;
  for (let d = 0; d < draws; d++) {
    sim.step(1);
    const after = rankCount();
    const place = after.map((row, i) => row.findIndex((c, k) => c - before[i][k] > 1e-9));
    for (let i = 0; i < n; i++)
      for (let j = 0; j < n; j++) {
        if (i === j) continue;
        if (place[i] < place[j]) beatsBrute[i][j]++;
        else if (place[i] === place[j]) tiesBrute[i][j]++;
      }
    if (new Set(place).size < n) tied++;
    before = after;
  }
  const r = sim.result();
  expect(r.beats!.map((row) => row.map((p) => Math.round(p * draws)))).toEqual(beatsBrute);
  expect(r.ties!.map((row) => row.map((p) => Math.round(p * draws)))).toEqual(tiesBrute);
  return tied;
}

const sumsToOne = (xs: number[]) => expect(Math.abs(xs.reduce((s, x) => s + x, 0) - 1)).toBeLessThanOrEqual(1e-12);

describe("Monte Carlo on the council meeting", () => {
  const options: UncertaintyOptions = { ...DEFAULT_UNCERTAINTY, draws: 2000, seed: 42, top: 5, pairwise: true };

  test("only the 13 measures with a total take part, in rank order", async () => {
    const input = await meetingInput();
    expect(input.measures).toHaveLength(13);
    // Named as every output names a measure (core/full-name.ts).
    expect(input.measures[0].name).toBe("Legemidler: PLL");
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

  test("pairwise: P(i above j) + P(j above i) + P(tie) = 1, and agrees with the rank matrix for the leader", async () => {
    const r = simulate(await meetingInput(), options);
    const beats = r.beats!;
    const ties = r.ties!;
    for (let i = 0; i < 13; i++) {
      expect(beats[i][i]).toBe(0);
      expect(ties[i][i]).toBe(0);
      for (let j = 0; j < 13; j++)
        if (i !== j) {
          expect(ties[i][j]).toBe(ties[j][i]);
          // Counts over 2000 draws: exact in floating point.
          expect(Math.round((beats[i][j] + beats[j][i] + ties[i][j]) * 2000)).toBe(2000);
          expect(Math.abs(beats[i][j] + beats[j][i] + ties[i][j] - 1)).toBeLessThan(1e-12);
        }
    }
    // P(PLL first) ≤ P(PLL above or level with any one other measure).
    for (let j = 1; j < 13; j++) expect(r.ranks[0][0]).toBeLessThanOrEqual(beats[0][j] + ties[0][j] + 1e-12);
  });

  test("pairwise by brute force: draw by draw, the lazily kept counts equal counting every pair from the places", async () => {
    for (const o of [options, { ...options, weights: { kind: "none" } as const }, { ...options, scores: { kind: "none" } as const, weights: { kind: "simplex" } as const }])
      bruteForcePairs(await meetingInput(), o, 300);
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
    // Pairwise: never above each other, level in every draw.
    expect(r.beats).toEqual([
      [0, 0],
      [0, 0],
    ]);
    expect(r.ties).toEqual([
      [0, 1],
      [1, 0],
    ]);
  });

  test("pairwise: a measure better on every score beats every other in every draw, exactly", () => {
    // 10 against at most 5 on every leaf: neither ±20 % weights nor ±1 scores nor the whole simplex close the gap.
    const inputs = [measure("low", flat(5)), measure("best", flat(10)), measure("mid", flat(4)), measure("mixed", [5, 4, 5, 4, 5, 4, 5, 4, 5, 4, 5])];
    for (const weights of [DEFAULT_UNCERTAINTY.weights, { kind: "simplex" } as const, { kind: "simplex", radius: 0.3 } as const]) {
      const r = simulate(uncertaintyInput(assess(model, inputs)), { ...DEFAULT_UNCERTAINTY, weights, draws: 3000, seed: 7, top: 1 });
      const best = r.ids.indexOf("best");
      expect(best).toBe(0);
      expect(r.beats![best]).toEqual([0, 1, 1, 1]);
      expect(r.beats!.map((row) => row[best])).toEqual([0, 0, 0, 0]);
      expect(r.ties![best]).toEqual([0, 0, 0, 0]);
      expect(r.topN![best]).toBe(1);
    }
  });

  test("pairwise without any uncertainty: the order now, the tie level in every draw", () => {
    const inputs = [measure("a", flat(7)), measure("b", flat(6)), measure("c", flat(6)), measure("d", flat(2))];
    const r = simulate(uncertaintyInput(assess(model, inputs)), { draws: 9, seed: 1, weights: { kind: "none" }, scores: { kind: "none" } });
    expect(r.ids).toEqual(["a", "b", "c", "d"]);
    expect(r.beats).toEqual([
      [0, 1, 1, 1],
      [0, 0, 0, 1],
      [0, 0, 0, 1],
      [0, 0, 0, 0],
    ]);
    expect(r.ties).toEqual([
      [0, 0, 0, 0],
      [0, 0, 1, 0],
      [0, 1, 0, 0],
      [0, 0, 0, 0],
    ]);
    expect(simulate(uncertaintyInput(assess(model, inputs)), { draws: 9, seed: 1, weights: { kind: "none" }, scores: { kind: "none" }, pairwise: false }).beats).toBeNull();
  });

  test("top N is a count over draws: exactly 1 when in the top N in every draw, exactly 0 when never", () => {
    const inputs = Array.from({ length: 7 }, (_, i) => measure(`m${i}`, flat(10 - i * 1.5)));
    const r = simulate(uncertaintyInput(assess(model, inputs)), { ...DEFAULT_UNCERTAINTY, draws: 9999, seed: 3, top: 3 });
    // Gaps of 1,5 on every leaf: ±1 can swap neighbours, never move one from place 1 out of the top 3.
    expect(r.topN![0]).toBe(1);
    expect(r.topN![6]).toBe(0);
    expect(r.topN!.reduce((s, p) => s + p, 0)).toBeCloseTo(3, 12);
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

  test("pairwise by brute force with ties: one question, scores clamped at 10 and 0 meet", () => {
    const many: MeasureInput[] = [10, 10, 9.5, 9.8, 0, 0.3, 5].map((v, i) => ({ id: `m${i}`, name: `M${i}`, scores: { "g.x": { value: v } } }));
    const tied = bruteForcePairs(uncertaintyInput(assess(one, many)), { draws: 400, seed: 2, weights: { kind: "none" }, scores: { kind: "uniform", spread: 1 } }, 400);
    // Both 10s clamp to 10 together in ¼ of the draws, both zeros at 0 in ¼ (at least one of them: 7/16).
    expect(tied).toBeGreaterThan(100);
  });

  // The README's words (i18n/stability.ts drawModel): every node's weight, the questions' too, times its own uniform factor in [1 − P, 1 + P].
  const two: Model = {
    ...defaultModel(),
    criteria: [
      {
        id: "g",
        label: { nb: "G", en: "G" },
        weight: 1,
        children: [
          { id: "g.x", label: { nb: "X", en: "X" }, weight: 1 },
          { id: "g.y", label: { nb: "Y", en: "Y" }, weight: 1.2 },
        ],
      },
    ],
  };
  const scored = (id: string, x: number | null, y: number | null): MeasureInput => ({
    id,
    name: id.toUpperCase(),
    scores: { ...(x === null ? {} : { "g.x": { value: x } }), ...(y === null ? {} : { "g.y": { value: y } }) },
  });

  test("weights ±20 %: the questions' weights are drawn too, each by its own uniform factor in [0,8, 1,2]: P = 0,15 exactly", () => {
    // A scores only X, B only Y, in the one group: A above B ⇔ 1·f_x > 1,2·f_y. With f uniform on [0,8, 1,2]:
    // P(f_x > 1,2·f_y) = ∫ from 0,96 to 1,2 of (f/1,2 − 0,8)/0,4 df/0,4 = 0,15. Drawing only the group's weight would tie them in every draw.
    const r = simulate(uncertaintyInput(assess(two, [scored("a", 10, 0), scored("b", 0, 10)])), {
      draws: 40_000,
      seed: 13,
      weights: { kind: "relative", spread: 0.2 },
      scores: { kind: "none" },
    });
    const ia = r.ids.indexOf("a");
    const ib = r.ids.indexOf("b");
    // Standard error √(0,15·0,85/40000) ≈ 0,0018.
    expect(Math.abs(r.beats![ia][ib] - 0.15)).toBeLessThan(0.008);
    expect(r.ties![ia][ib]).toBe(0);
  });

  test("a blank stays blank under every draw: 8 with Y blank and 8 on both questions tie in every draw", () => {
    const r = simulate(uncertaintyInput(assess(two, [scored("a", 8, null), scored("b", 8, 8)])), {
      draws: 2000,
      seed: 17,
      weights: { kind: "relative", spread: 0.2 },
      scores: { kind: "none" },
    });
    expect(r.ties![0][1]).toBe(1);
  });

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

describe("weights on the simplex around the weights now", () => {
  // fast-check picks the centre and the radius; each case draws 200 share vectors from a seeded generator.
  const centres = fc
    .array(fc.integer({ min: 1, max: 1000 }), { minLength: 1, maxLength: 6 })
    .map((xs) => xs.map((x) => x / xs.reduce((s, y) => s + y, 0)));

  test("every drawn vector lies on the simplex and in the region w ≥ (1 − r)·w₀", () => {
    fc.assert(
      fc.property(centres, fc.double({ min: 0.001, max: 1, noNaN: true }), fc.integer({ min: 0, max: 0xffffffff }), (centre, radius, seed) => {
        const random = mulberry32(seed);
        const out = new Float64Array(centre.length);
        for (let d = 0; d < 200; d++) {
          drawSimplexShares(centre, radius, random, out);
          if (!(Math.abs(out.reduce((s, x) => s + x, 0) - 1) < 1e-12)) return false;
          for (let t = 0; t < out.length; t++) if (!(out[t] >= (1 - radius) * centre[t] - 1e-15 && out[t] <= (1 - radius) * centre[t] + radius + 1e-15)) return false;
        }
        return true;
      }),
      { numRuns: 200, seed: 20221011 },
    );
  });

  test("the mean of the draws is (1 − r)·w₀ + r/k", () => {
    const centre = [0.6, 0.3, 0.1];
    const draws = 40_000;
    for (const radius of [0.2, 0.5, 1]) {
      const random = mulberry32(17);
      const out = new Float64Array(3);
      const sum = [0, 0, 0];
      for (let d = 0; d < draws; d++) {
        drawSimplexShares(centre, radius, random, out);
        out.forEach((x, t) => (sum[t] += x));
      }
      sum.forEach((s, t) => {
        // A share of the uniform simplex with k = 3 has variance (k − 1)/(k²(k + 1)) = 1/18, so the
        // mean of 40 000 draws has standard error r·√(1/18)/200 ≈ 0,0012·r; 5 standard errors.
        expect(Math.abs(s / draws - ((1 - radius) * centre[t] + radius / 3))).toBeLessThan(5 * radius * Math.sqrt(1 / 18) / 200);
      });
    }
  });

  test("r = 1 is the whole simplex, drawn exactly as before the radius existed (counts recorded from that version, seed 42)", async () => {
    const input = await meetingInput();
    const o: UncertaintyOptions = { ...DEFAULT_UNCERTAINTY, draws: 2000, seed: 42, weights: { kind: "simplex" } };
    const counts = (r: ReturnType<typeof simulate>) => r.ranks.map((row) => row.map((p) => Math.round(p * r.draws * 2) / 2));
    const before = [
      [1428, 249, 187, 48, 33, 25, 16, 10, 4, 0, 0, 0, 0],
      [532, 873, 338, 150, 66, 34, 7, 0, 0, 0, 0, 0, 0],
      [40, 427, 787, 322, 220, 123, 55, 20, 6, 0, 0, 0, 0],
      [0, 114, 278, 675, 462, 257, 134, 71, 9, 0, 0, 0, 0],
      [0, 6, 52, 184, 392, 645, 450, 233, 38, 0, 0, 0, 0],
      [0, 309, 193, 202, 229, 168, 280, 103, 200, 214, 99, 3, 0],
      [0, 7, 56, 214, 375, 486, 569, 259, 33, 1, 0, 0, 0],
      [0, 6, 43, 122, 113, 124, 195, 391, 390, 159, 121, 154, 182],
      [0, 8, 59, 69, 88, 83, 156, 228, 389, 430, 292, 159, 39],
      [0, 1, 7, 14, 21, 51, 117, 555, 210, 205, 385, 226, 208],
      [0, 0, 0, 0, 0, 2, 14, 90, 465, 748, 590, 84, 7],
      [0, 0, 0, 0, 1, 2, 7, 40, 252, 124, 140, 875, 559],
      [0, 0, 0, 0, 0, 0, 0, 0, 4, 119, 373, 499, 1005],
    ];
    expect(counts(simulate(input, o))).toEqual(before);
    expect(simulate(input, { ...o, weights: { kind: "simplex", radius: 1 } }).ranks).toEqual(simulate(input, o).ranks);
    // A radius below 1 keeps the ranking closer to now: PLL first more often.
    const near = simulate(input, { ...o, weights: { kind: "simplex", radius: 0.3 } });
    expect(near.ranks[0][0]).toBeGreaterThan(1428 / 2000);
  });

  test("the radius is checked: above 0 and at most 1", () => {
    expect(checkOptions({ ...DEFAULT_UNCERTAINTY, weights: { kind: "simplex", radius: 0 } })).toBe("weightRadius");
    expect(checkOptions({ ...DEFAULT_UNCERTAINTY, weights: { kind: "simplex", radius: 1.01 } })).toBe("weightRadius");
    expect(checkOptions({ ...DEFAULT_UNCERTAINTY, weights: { kind: "simplex", radius: NaN } })).toBe("weightRadius");
    expect(checkOptions({ ...DEFAULT_UNCERTAINTY, weights: { kind: "simplex", radius: 0.25 } })).toBeNull();
    expect(checkOptions({ ...DEFAULT_UNCERTAINTY, weights: { kind: "simplex" } })).toBeNull();
  });
});
