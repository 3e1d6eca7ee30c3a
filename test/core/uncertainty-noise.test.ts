/**
 * The score noise drawn as each total adds it (createDrawer's scoreNoisy, each 16-bit draw found by
 * its place in the stream) is the stream drawn as before, into a buffer first: mulberry32 from
 * seed ^ 0x9e3779b9, two 16-bit draws per output (its high, then its low half), one per value in
 * the order of the values, draw after draw — an odd number of values a draw carries the low half
 * over to the next. Every total equal bit for bit to the buffered reference's.
 */
import { defaultModel, type Model } from "../../src/core/model";
import { noiseStream } from "../support/noise-stream";
import { createDrawer, type UncertaintyInput } from "../../src/core/uncertainty";

const leaf = (id: string, weight: number) => ({ id, label: { nb: id, en: id }, weight });
const one: Model = { ...defaultModel(), criteria: [{ id: "g", label: { nb: "G", en: "G" }, weight: 1, children: [leaf("g.x", 1)] }] };
const two: Model = { ...defaultModel(), criteria: [{ id: "g", label: { nb: "G", en: "G" }, weight: 1, children: [leaf("g.x", 1), leaf("g.y", 1.2)] }] };

/** The draws as the buffered version made them: the whole draw's noise first, then each total in leaf order. */
function reference(input: UncertaintyInput, coefficients: (values: (number | null)[]) => number[], seed: number, spread: number, draws: number): Float64Array[] {
  const { min, max } = input.model.scale;
  const next16 = noiseStream(seed);
  const step = (2 * spread) / 65536;
  const out: Float64Array[] = [];
  for (let d = 0; d < draws; d++) {
    const noise = input.measures.flatMap((m) => m.values.map(() => next16()));
    let e = 0;
    out.push(
      Float64Array.from(input.measures, (m) => {
        const c = coefficients(m.values);
        let t = 0;
        for (let k = 0; k < m.values.length; k++) {
          const v = m.values[k] ?? 0;
          t += c[k] * Math.min(max, Math.max(min, v + step * (noise[e++] + 0.5) - spread));
        }
        return t;
      }),
    );
  }
  return out;
}

function drawn(input: UncertaintyInput, seed: number, spread: number, draws: number): Float64Array[] {
  const drawer = createDrawer(input, { draws, seed, weights: { kind: "none" }, scores: { kind: "uniform", spread } });
  return Array.from({ length: draws }, () => {
    drawer.next();
    return Float64Array.from(drawer.totals);
  });
}

const input = (model: Model, rows: (number | null)[][]): UncertaintyInput => ({
  model,
  measures: rows.map((values, i) => ({ id: `m${i}`, name: `M${i}`, values })),
});

/** Every total the same double (Object.is: -0 and 0 apart). */
function same(got: Float64Array[], want: Float64Array[]): void {
  expect(got).toHaveLength(want.length);
  const differ = got.flatMap((t, d) => Array.from(t).flatMap((x, i) => (Object.is(x, want[d][i]) ? [] : [[d, i, x, want[d][i]]])));
  expect(differ).toEqual([]);
}

describe("score noise drawn in the dot product", () => {
  test("one question, 7 measures (an odd number of values a draw): the buffered stream's totals, bit for bit", () => {
    const measures = input(one, [[10], [9.5], [0], [0.3], [5], [7.5], [2]]);
    for (const [seed, spread] of [
      [1, 1],
      [0xffffffff, 0.7],
      [42, 3],
    ])
      same(drawn(measures, seed, spread, 60), reference(measures, () => [1], seed, spread, 60));
  });

  test("two questions with a blank (its draw still taken), 5 and 4 measures: the buffered stream's totals, bit for bit", () => {
    // The questions' shares as createDrawer computes them: the group's share 1 split by the weights of the answered questions.
    const shares = (values: (number | null)[]): number[] => {
      const w = [1, 1.2].map((x, k) => (values[k] === null ? 0 : x));
      const s = w.reduce((a, b) => a + b, 0);
      return w.map((x) => (x > 0 ? (1 * x) / s : 0));
    };
    for (const rows of [
      [[10, 9], [9.5, null], [0, 0.5], [null, 4], [5, 5]],
      [[1, 2], [3, 4], [10, 10], [0, null]],
    ]) {
      const measures = input(two, rows);
      for (const seed of [3, 77]) {
        same(drawn(measures, seed, 1, 40), reference(measures, shares, seed, 1, 40));
      }
    }
  });
});
