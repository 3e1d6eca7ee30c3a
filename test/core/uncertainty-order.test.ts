/**
 * The Monte Carlo's ordering and pairwise counting paths give the same numbers: a draw ordered by
 * the bucket sort (many measures close together, so insertion would need too many swaps) ranks as
 * one ordered by insertion, and the pairwise rows of the first K measures (counted from the places
 * of each draw) equal the first K rows of every pair (counted from the insertion's swaps) — exactly,
 * and by a recount of every pair draw by draw.
 */
import type { MeasureInput } from "../../src/core/aggregate";
import { assess } from "../../src/core/assess";
import { defaultModel, leaves, type Model } from "../../src/core/model";
import { mulberry32 } from "../../src/core/random";
import { createSimulation, DEFAULT_UNCERTAINTY, PAIRWISE_FIRST, simulate, uncertaintyInput, type UncertaintyOptions } from "../../src/core/uncertainty";

const model = defaultModel();
const LEAVES = leaves(model).map((l) => l.id);

/** n measures with scores near 5 (a few blank), so every draw reorders most of them. */
function crowd(n: number, seed: number, m: Model = model): MeasureInput[] {
  const r = mulberry32(seed);
  const ids = leaves(m).map((l) => l.id);
  return Array.from({ length: n }, (_, i) => ({
    id: `m${i}`,
    name: `M${i}`,
    scores: Object.fromEntries(ids.map((l) => [l, r() < 0.03 ? undefined : { value: 4 + Math.floor(r() * 5) / 2 }])),
  }));
}

/** Draw by draw: each measure's place from the change of the rank counts, then every pair of the first `rows` counted. */
function recount(input: ReturnType<typeof uncertaintyInput>, o: UncertaintyOptions, rows: number) {
  const sim = createSimulation(input, o);
  const n = input.measures.length;
  const counts = (): number[][] => sim.result().ranks.map((row) => row.map((p) => p * sim.done));
  const beats = Array.from({ length: rows }, () => new Array<number>(n).fill(0));
  const ties = Array.from({ length: rows }, () => new Array<number>(n).fill(0));
  let before = counts();
  while (sim.done < sim.total) {
    sim.step(1);
    const after = counts();
    const place = after.map((row, i) => row.findIndex((c, k) => c - before[i][k] > 1e-9));
    for (let i = 0; i < rows; i++)
      for (let j = 0; j < n; j++) {
        if (i === j) continue;
        if (place[i] < place[j]) beats[i][j]++;
        else if (place[i] === place[j]) ties[i][j]++;
      }
    before = after;
  }
  const r = sim.result();
  expect(r.beats!.map((row) => row.map((p) => Math.round(p * o.draws)))).toEqual(beats);
  expect(r.ties!.map((row) => row.map((p) => Math.round(p * o.draws)))).toEqual(ties);
}

describe("ordering by the disorder seen, pairwise rows of the first K", () => {
  test("300 crowded measures: the same rank matrix and the same first K rows whichever way the draws are ordered and counted", () => {
    const input = uncertaintyInput(assess(model, crowd(300, 5)));
    expect(input.measures).toHaveLength(300);
    const o: UncertaintyOptions = { ...DEFAULT_UNCERTAINTY, draws: 400, seed: 9, top: 5 };
    const every = simulate(input, { ...o, pairwise: true });
    const first = simulate(input, { ...o, pairwise: 12 });
    const none = simulate(input, { ...o, pairwise: false });
    expect(first.ranks).toEqual(every.ranks);
    expect(none.ranks).toEqual(every.ranks);
    expect(first.topN).toEqual(every.topN);
    expect(first.beats).toHaveLength(12);
    expect(first.beats).toEqual(every.beats!.slice(0, 12));
    expect(first.ties).toEqual(every.ties!.slice(0, 12));
    expect(none.beats).toBeNull();
    // The default counts the rows the pane shows.
    expect(DEFAULT_UNCERTAINTY.pairwise).toBe(PAIRWISE_FIRST);
    const byDefault = simulate(input, o);
    expect(byDefault.beats).toEqual(every.beats!.slice(0, PAIRWISE_FIRST));
    expect(byDefault.ranks).toEqual(every.ranks);
  });

  test("the first K rows by brute force, with ties (one question, scores clamped at the ends of the scale)", () => {
    const one: Model = {
      ...defaultModel(),
      criteria: [{ id: "g", label: { nb: "G", en: "G" }, weight: 1, children: [{ id: "g.x", label: { nb: "X", en: "X" }, weight: 1 }] }],
    };
    const r = mulberry32(3);
    const many: MeasureInput[] = Array.from({ length: 120 }, (_, i) => ({ id: `m${i}`, name: `M${i}`, scores: { "g.x": { value: [0, 10, 0.5, 9.5][i % 4] + (i % 8 < 4 ? 0 : Math.floor(r() * 3) / 10) } } }));
    const input = uncertaintyInput(assess(one, many));
    recount(input, { draws: 150, seed: 4, weights: { kind: "none" }, scores: { kind: "uniform", spread: 1 }, pairwise: 9 }, 9);
  });

  test("the first K rows by brute force on crowded measures with weight and score draws", () => {
    recount(uncertaintyInput(assess(model, crowd(90, 8))), { ...DEFAULT_UNCERTAINTY, draws: 120, seed: 2, pairwise: 7 }, 7);
  });

  test("totals bunched in one bucket (two measures at the ends of the scale stretch the range): the comparison sort gives the same", () => {
    const one: Model = {
      ...defaultModel(),
      criteria: [{ id: "g", label: { nb: "G", en: "G" }, weight: 1, children: [{ id: "g.x", label: { nb: "X", en: "X" }, weight: 1 }] }],
    };
    const values = [10, 0, ...Array.from({ length: 300 }, (_, i) => 5 + (i % 7) / 1e5)];
    const input = uncertaintyInput(assess(one, values.map((v, i) => ({ id: `m${i}`, name: `M${i}`, scores: { "g.x": { value: v } } }))));
    const o: UncertaintyOptions = { draws: 60, seed: 6, weights: { kind: "none" }, scores: { kind: "uniform", spread: 0.001 } };
    const every = simulate(input, { ...o, pairwise: true });
    const first = simulate(input, { ...o, pairwise: 5 });
    expect(first.ranks).toEqual(every.ranks);
    expect(first.beats).toEqual(every.beats!.slice(0, 5));
    expect(first.ties).toEqual(every.ties!.slice(0, 5));
  });

  test("pairwise as a number: at least the number of measures counts every pair; 0 or less none", () => {
    const input = uncertaintyInput(assess(model, crowd(20, 1)));
    const o: UncertaintyOptions = { ...DEFAULT_UNCERTAINTY, draws: 50, seed: 1 };
    const every = simulate(input, { ...o, pairwise: true });
    expect(simulate(input, { ...o, pairwise: 20 }).beats).toEqual(every.beats);
    expect(simulate(input, { ...o, pairwise: 500 }).beats).toEqual(every.beats);
    expect(simulate(input, { ...o, pairwise: 0 }).beats).toBeNull();
    expect(simulate(input, { ...o, pairwise: -3 }).ties).toBeNull();
  });
});
