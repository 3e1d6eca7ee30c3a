/**
 * A model read from storage or edited by a person is validated; every problem names the node
 * or field and what is wrong. Problems are values, never exceptions; newer versions are refused.
 */
import { defaultModel, type CriterionNode, type Model } from "../../src/core/model";
import { parseModel, validateModel } from "../../src/core/model-validate";

const base = defaultModel();
const mapNodes = (model: Model, f: (n: CriterionNode) => CriterionNode): Model => {
  const walk = (nodes: CriterionNode[]): CriterionNode[] => nodes.map((n) => f({ ...n, children: n.children ? walk(n.children) : undefined }));
  return { ...model, criteria: walk(model.criteria) };
};

test("the default model is valid and survives JSON", () => {
  expect(validateModel(base)).toEqual([]);
  const parsed = parseModel(JSON.parse(JSON.stringify(base)));
  expect(parsed).toEqual({ ok: true, model: base });
});

test("duplicate ids are named", () => {
  const m = mapNodes(base, (n) => (n.id === "kost.org" ? { ...n, id: "kost.teknisk" } : n));
  expect(validateModel(m)).toEqual([{ code: "duplicate-id", at: "kost.teknisk" }]);
});

test.each([
  ["negative", -1],
  ["NaN", NaN],
  ["Infinity", Infinity],
])("a %s weight is named with its node", (_what, weight) => {
  const m = mapNodes(base, (n) => (n.id === "nytte.hp" ? { ...n, weight } : n));
  expect(validateModel(m)).toContainEqual({ code: "weight", at: "nytte.hp", detail: String(weight) });
});

test("a zero weight is allowed", () => {
  expect(validateModel(mapNodes(base, (n) => (n.id === "nytte.infra" ? { ...n, weight: 0 } : n)))).toEqual([]);
});

test("a group whose children all weigh zero cannot have a value", () => {
  const m = mapNodes(base, (n) => (n.id.startsWith("maal.") ? { ...n, weight: 0 } : n));
  expect(validateModel(m)).toEqual([{ code: "group-without-weight", at: "maal" }]);
});

test("top-level groups that all weigh zero leave no total", () => {
  const m = { ...base, criteria: base.criteria.map((g) => ({ ...g, weight: 0 })) };
  expect(validateModel(m)).toEqual([{ code: "group-without-weight", at: "criteria" }]);
});

test("an unknown tie-break group is named; a leaf is not a group either", () => {
  expect(validateModel({ ...base, tieBreak: ["nytte", "kvalitet"] })).toEqual([{ code: "tie-break-unknown", at: "kvalitet" }]);
  expect(validateModel({ ...base, tieBreak: ["nytte.infra"] })).toEqual([{ code: "tie-break-unknown", at: "nytte.infra" }]);
  expect(validateModel({ ...base, tieBreak: ["nytte.pasient", "kost"] })).toEqual([]);
});

test("a newer version is refused, not guessed at", () => {
  expect(parseModel({ ...base, version: 2 })).toEqual({ ok: false, problems: [{ code: "newer-version", at: "version", detail: "2" }] });
});

test("a scale that is not min < max", () => {
  expect(validateModel({ ...base, scale: { min: 10, max: 0 } })).toContainEqual({ code: "scale", at: "scale", detail: "10–0" });
  expect(validateModel({ ...base, scale: { min: 5, max: 5 } }).map((p) => p.code)).toContain("scale");
});

test.each([-1e-9, 0.5, NaN])("a tolerance of %p", (tolerance) => {
  expect(validateModel({ ...base, tolerance }).map((p) => p.code)).toEqual(["tolerance"]);
});

test("a descriptor outside the scale names the leaf", () => {
  const m = mapNodes(base, (n) => (n.id === "kost.juridisk" ? { ...n, descriptors: [{ score: 11, text: { nb: "x", en: "x" } }] } : n));
  expect(validateModel(m)).toEqual([{ code: "descriptor-outside-scale", at: "kost.juridisk", detail: "11" }]);
});

test("no criteria at all", () => {
  expect(validateModel({ ...base, criteria: [] }).map((p) => p.code)).toEqual(["no-criteria"]);
});

describe("shape problems name the path; nothing throws", () => {
  test("a text weight", () => {
    const data = JSON.parse(JSON.stringify(base));
    data.criteria[2].children[0].weight = "to";
    const parsed = parseModel(data);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.problems).toContainEqual(expect.objectContaining({ code: "shape", at: "criteria.2.children.0.weight" }));
  });
  test.each([null, undefined, 42, "model", [], {}, { version: "2" }])("%p", (data) => {
    const parsed = parseModel(data);
    expect(parsed.ok).toBe(false);
  });
});
