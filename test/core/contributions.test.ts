/**
 * A group's contribution is weight × value under "sum" and weight × value / Σ weights under "mean";
 * the contributions of a measure add up to its total as totalOf computes it, with unequal weights.
 */
import { totalOf } from "../../src/core/aggregate";
import { groupContributions } from "../../src/core/contributions";
import { defaultModel, type Model } from "../../src/core/model";

function weighted(total: "sum" | "mean", weights: number[]): Model {
  const m = defaultModel();
  return { ...m, total, criteria: m.criteria.map((g, i) => ({ ...g, weight: weights[i] })) };
}

test("sum: weight × value per group, adding up to the total exactly", () => {
  const model = weighted("sum", [2, 0.5, 1.5]);
  const values = { maal: 9, kost: 6.25, nytte: 7.5 };
  expect(groupContributions(model, values)).toEqual([18, 3.125, 11.25]);
  expect(groupContributions(model, values).reduce((s, v) => s + v, 0)).toBe(totalOf(model, values).total);
  expect(totalOf(model, values).total).toBe(32.375);
});

test("mean: weight × value / Σ weights; a group of weight 0 adds nothing and does not count in the divisor", () => {
  const model = weighted("mean", [3, 0, 1]);
  const values = { maal: 8, kost: 2, nytte: 4 };
  expect(groupContributions(model, values)).toEqual([6, 0, 1]);
  expect(totalOf(model, values).total).toBe(7);
});

test("a group without a value contributes 0", () => {
  expect(groupContributions(weighted("sum", [1, 1, 1]), { maal: 5, kost: null, nytte: 2 })).toEqual([5, 0, 2]);
});
