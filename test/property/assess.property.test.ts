/**
 * assess() with random models (random trees, weights including 0, inverted leaves, sum or mean,
 * tie-breaks, tolerances, scales) and random typed values: nothing throws, totals are null or
 * finite and within [totalMin, totalMax], ranks are a valid competition ranking, every invalid
 * leaf has a finding at its cell.
 */
import fc from "fast-check";
import { effectiveScore, nodeValues, totalOf, type MeasureInput } from "../../src/core/aggregate";
import { assess } from "../../src/core/assess";
import { address } from "../../src/core/address";
import { classify } from "../../src/core/cell";
import { allNodes, leaves, type CriterionNode, type Model } from "../../src/core/model";
import { cellValue, model as randomModel, sheetName } from "./arbitraries";
import { checkAssessment } from "./invariants";

const inputsFor = (model: Model) =>
  fc.array(
    fc.record({
      values: fc.array(cellValue, { minLength: leaves(model).length, maxLength: leaves(model).length }),
      withAddress: fc.boolean(),
      sheet: sheetName,
      // Some measures copy another's values, so exact and near ties happen.
      copyOf: fc.option(fc.nat(), { nil: undefined }),
    }),
    { maxLength: 12 },
  );

function build(model: Model, raw: { values: unknown[]; withAddress: boolean; sheet: string; copyOf?: number }[]): MeasureInput[] {
  const ls = leaves(model);
  return raw.map((r, i) => {
    const values = r.copyOf !== undefined && raw.length > 0 ? raw[r.copyOf % raw.length].values : r.values;
    return {
      id: `m${i}`,
      name: `Tiltak ${i}`,
      scores: Object.fromEntries(
        ls.map((l, k) => [l.id, r.withAddress ? { value: values[k] as never, address: address(r.sheet, i + 1, k + 2) } : { value: values[k] as never }]),
      ),
      ...(r.withAddress ? { address: address(r.sheet, 0, i + 2) } : {}),
    };
  });
}

test("random models and values", () => {
  fc.assert(
    fc.property(
      randomModel.chain((m) => fc.tuple(fc.constant(m), inputsFor(m))),
      ([model, raw]) => {
        const inputs = build(model, raw);
        checkAssessment(assess(model, inputs), inputs);
      },
    ),
    { numRuns: 2000 },
  );
});

test("models that validation would refuse (NaN, Infinity, negative weights; inverted scales) still give no NaN and throw nothing", () => {
  const bad = fc.constantFrom(NaN, Infinity, -Infinity, -1, 0, 1e300);
  fc.assert(
    fc.property(
      randomModel,
      fc.array(fc.tuple(fc.nat(), bad), { maxLength: 4 }),
      fc.boolean(),
      (model, edits, invertScale) => {
        const nodes: CriterionNode[] = [];
        const walk = (ns: CriterionNode[]) => ns.forEach((n) => (nodes.push(n), n.children && walk(n.children)));
        walk(model.criteria);
        for (const [k, w] of edits) nodes[k % nodes.length].weight = w;
        const m: Model = invertScale ? { ...model, scale: { min: model.scale.max, max: model.scale.min } } : model;
        const inputs = build(m, [{ values: leaves(m).map((_, i) => i % 11), withAddress: true, sheet: "Ark" }, { values: leaves(m).map(() => 5), withAddress: false, sheet: "Ark" }]);
        const a = assess(m, inputs);
        for (const r of a.measures) {
          if (r.total !== null && !Number.isFinite(r.total)) throw new Error(`total ${r.total}`);
          for (const v of Object.values(r.values)) if (v !== null && !Number.isFinite(v)) throw new Error(`value ${v}`);
        }
      },
    ),
    { numRuns: 1000 },
  );
});

test("every leaf's outcome, every node's value and the total are the model's walk's, for trees of any size and inputs with keys in any order", () => {
  // assess() reads and writes the ids of the first 16 places line by line, the rest in a loop
  // (core/by-name.ts), and one process scores many models in turn: both are covered here.
  let large = 0;
  fc.assert(
    fc.property(
      randomModel.chain((m) => fc.tuple(fc.constant(m), inputsFor(m), fc.array(fc.constantFrom("as-is", "reversed", "one-left-out", "extra-key"), { minLength: 12, maxLength: 12 }))),
      ([model, raw, orders]) => {
        if (allNodes(model).length > 16) large++;
        const ls = leaves(model);
        const inputs = build(model, raw).map((input, i) => {
          const entries = Object.entries(input.scores);
          const order = orders[i];
          if (order === "reversed") entries.reverse();
          if (order === "one-left-out") entries.splice(i % entries.length, 1);
          if (order === "extra-key") entries.splice(1, 0, ["ikke.et.kriterium", { value: 3 as never }]);
          return { ...input, scores: Object.fromEntries(entries) };
        });
        const a = assess(model, inputs);
        for (const input of inputs) {
          const m = a.measures.find((x) => x.id === input.id)!;
          const leafValues: Record<string, number | null> = {};
          for (const leaf of ls) {
            const cell = input.scores[leaf.id];
            const c = classify(cell?.value, model.scale);
            expect(m.leaves[leaf.id]).toEqual(cell?.address !== undefined ? { ...c, address: cell.address } : c);
            leafValues[leaf.id] = c.kind === "score" ? effectiveScore(leaf, c.value, model) : null;
          }
          const values = nodeValues(model, leafValues);
          expect(m.values).toEqual(values);
          expect(Object.keys(m.values).sort()).toEqual(allNodes(model).map((n) => n.id).sort());
          expect(m.total).toBe(totalOf(model, values).total);
        }
      },
    ),
    { numRuns: 600 },
  );
  expect(large).toBeGreaterThan(50);
});
