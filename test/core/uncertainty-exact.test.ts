/**
 * The Monte Carlo's shortcuts give the doubles of the plain way, bit for bit:
 * - the score noise's clamp picked without a branch (createDrawer) equals
 *   Math.min(max, Math.max(min, v)) on a scale below zero (and one upside down), with a spread
 *   wider than the scale, an odd and an even number of questions (one noise output feeds two
 *   values, a row's last low half the next row);
 * - the leaf coefficients, a pattern of blanks copying an earlier pattern's where its blanks in a
 *   top-level group are the same, equal each measure's shares worked out on their own;
 * - the rank counts, kept as whole draws in two bytes a cell until a cell's first fraction and
 *   added to the doubles past 65,535 draws, equal the counts added draw by draw in order, with ties
 *   (1/2, 1/3 of a place) mixed among the whole draws.
 */
import { defaultModel, type CriterionNode, type Model } from "../../src/core/model";
import { rankTotals } from "../../src/core/rank";
import { mulberry32 } from "../../src/core/random";
import { noiseStream } from "../support/noise-stream";
import { createDrawer, simulate, type UncertaintyInput, type UncertaintyOptions } from "../../src/core/uncertainty";

const leaf = (id: string, weight: number) => ({ id, label: { nb: id, en: id }, weight });

const input = (model: Model, rows: (number | null)[][]): UncertaintyInput => ({
  model,
  measures: rows.map((values, i) => ({ id: `m${i}`, name: `M${i}`, values })),
});


describe("the clamp without a branch", () => {
  const weights = [1, 2, 0.5];
  const model = (questions: number): Model => ({
    ...defaultModel(),
    scale: { min: -2, max: 3 },
    criteria: [{ id: "g", label: { nb: "G", en: "G" }, weight: 1, children: weights.slice(0, questions).map((w, k) => leaf(`g.${k}`, w)) }],
  });

  test.each([
    [2, -2, 3],
    [3, -2, 3],
    [3, 3, -2],
  ])("%i questions on a scale from %d to %d: Math.min/Math.max's doubles", (questions, min, max) => {
    const m = { ...model(questions), scale: { min, max } };
    const rows = [
      [-2, 3, 0.5],
      [3, -2, -2],
      [0, 0, 3],
      [-1.25, 2.75, 1],
      [2.9, -1.9, 0],
    ].map((r) => r.slice(0, questions));
    const share = weights.slice(0, questions).map((w, _, all) => w / all.reduce((a, b) => a + b, 0));
    for (const [seed, spread] of [
      [5, 0.8],
      [9, 7],
      [0xffffffff, 2.5],
    ]) {
      const drawer = createDrawer(input(m, rows), { draws: 30, seed, weights: { kind: "none" }, scores: { kind: "uniform", spread } });
      const next16 = noiseStream(seed);
      const step = (2 * spread) / 65536;
      const differ: number[][] = [];
      for (let d = 0; d < 30; d++) {
        drawer.next();
        rows.forEach((values, i) => {
          let t = 0;
          for (let k = 0; k < questions; k++) t += share[k] * Math.min(max, Math.max(min, values[k] + step * (next16() + 0.5) - spread));
          if (!Object.is(t, drawer.totals[i])) differ.push([d, i, t, drawer.totals[i]]);
        });
      }
      expect(differ).toEqual([]);
    }
  });
});

describe("coefficients shared between patterns of blanks", () => {
  const tree = (total: Model["total"]): Model => ({
    ...defaultModel(),
    total,
    criteria: [
      { id: "a", label: { nb: "A", en: "A" }, weight: 2, children: [leaf("a.1", 1), leaf("a.2", 3)] },
      {
        id: "b",
        label: { nb: "B", en: "B" },
        weight: 1.5,
        children: [{ id: "b.1", label: { nb: "B1", en: "B1" }, weight: 1, children: [leaf("b.1.1", 1), leaf("b.1.2", 0.7)] }, leaf("b.2", 2)],
      },
      leaf("c", 0.8),
      { id: "d", label: { nb: "D", en: "D" }, weight: 0, children: [leaf("d.1", 1)] },
    ],
  });

  /** A measure's total worked out on its own: each group's share split among its answered children by weight, in leaf order. */
  function plainTotal(model: Model, values: (number | null)[]): number {
    const base = (nd: CriterionNode): number => (Number.isFinite(nd.weight) && nd.weight > 0 ? nd.weight : 0);
    const coef: number[] = [];
    let column = 0;
    // Which nodes count: walk once per node, the leaf columns in order.
    const h = new Map<CriterionNode, boolean>();
    const mark = (nd: CriterionNode): void => {
      if (!nd.children?.length) {
        h.set(nd, values[column++] !== null);
        return;
      }
      nd.children.forEach(mark);
      h.set(nd, nd.children.some((c) => h.get(c) && base(c) > 0));
    };
    model.criteria.forEach(mark);
    const split = (nd: CriterionNode, share: number): void => {
      if (!nd.children?.length) {
        coef.push(h.get(nd) ? share : 0);
        return;
      }
      let s = 0;
      for (const c of nd.children) if (h.get(c) && base(c) > 0) s += base(c);
      for (const c of nd.children) split(c, h.get(c) && base(c) > 0 && s > 0 ? (share * base(c)) / s : 0);
    };
    let den = 0;
    for (const g of model.criteria) den += base(g);
    if (model.total !== "mean") den = 1;
    for (const g of model.criteria) split(g, den > 0 ? base(g) / den : 0);
    let t = 0;
    values.forEach((v, k) => (t += coef[k] * (v ?? 0)));
    return t;
  }

  test.each(["mean", "sum"] as const)("total %s: 60 measures with blanks here and there, every total as worked out on its own", (total) => {
    const model = tree(total);
    const r = mulberry32(8);
    const rows = Array.from({ length: 60 }, () => Array.from({ length: 7 }, () => (r() < 0.3 ? null : Math.floor(r() * 21) / 2)));
    const drawer = createDrawer(input(model, rows), { draws: 1, seed: 1, weights: { kind: "none" }, scores: { kind: "none" } });
    drawer.next();
    const differ = rows.flatMap((values, i) => (Object.is(plainTotal(model, values), drawer.totals[i]) ? [] : [[i, plainTotal(model, values), drawer.totals[i]]]));
    expect(differ).toEqual([]);
  });
});

describe("rank counts in two bytes, then doubles", () => {
  const one: Model = { ...defaultModel(), criteria: [{ id: "g", label: { nb: "G", en: "G" }, weight: 1, children: [leaf("g.x", 1)] }] };

  /** Every draw ranked as rank.ts ranks it, each place of a run of len getting 1/len, added in draw order. */
  function reference(inp: UncertaintyInput, o: UncertaintyOptions): number[][] {
    const n = inp.measures.length;
    const counts = new Float64Array(n * n);
    const drawer = createDrawer(inp, o);
    for (let d = 0; d < o.draws; d++) {
      drawer.next();
      // rank.ts's order and ranks: a run is the stretch of the order that shares a rank.
      const { order, rank } = rankTotals(Array.from(drawer.totals), null, inp.model.tolerance);
      for (let start = 0; start < n; ) {
        let end = start;
        while (end < n && rank[end] === rank[start]) end++;
        const len = end - start;
        for (let q = start; q < end; q++) for (let r = start; r < end; r++) counts[order[q] * n + r] += len === 1 ? 1 : 1 / len;
        start = end;
      }
    }
    return Array.from({ length: n }, (_, i) => Array.from(counts.subarray(i * n, (i + 1) * n), (c) => c / o.draws));
  }

  test("140,000 draws: whole counts past 65,535, ties of two and three among them, the same doubles as draw by draw", () => {
    // 10s tie when clamped (a quarter of the draws, with 9.7 a third), 0s likewise; the 5s almost never tie; 2 is always third from last.
    const inp = input(one, [[10], [5], [10], [0], [9.7], [5], [2], [0]]);
    const o: UncertaintyOptions = { draws: 140_000, seed: 11, weights: { kind: "none" }, scores: { kind: "uniform", spread: 1 }, pairwise: false };
    const got = simulate(inp, o).ranks;
    const want = reference(inp, o);
    expect(got).toEqual(want);
    // Fractions of three: 1/3 does not add up exactly, so the order of the additions shows.
    expect(got[0].some((p) => p * o.draws !== Math.round(p * o.draws))).toBe(true);
  });
});
