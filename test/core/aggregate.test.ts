/**
 * A group's value is the weighted mean of its children that have values; a group with none has
 * no value; the total exists only when every top-level group has a value. Numbers from the
 * council meeting of 21 September 2022.
 */
import { assess } from "../../src/core/assess";
import { scoreMeasure, nodeValues, totalOf } from "../../src/core/aggregate";
import { defaultModel, leaves } from "../../src/core/model";
import { findingMessage } from "../../src/i18n";
import { DISPLAY_KEY_TO_NODE, cellOf, expectWithin, fixture, fixtureMeasure, inputOf } from "../support/meeting";

const model = defaultModel();
const score = (id: string) => scoreMeasure(model, inputOf(fixtureMeasure(id)));

test("PLL: Måloppnåelse 9 + Kostnader 6.25 + Nytte 7.5 = 22.75", () => {
  const s = score("pll");
  // Måloppnåelse (8 + 10) / 2 = 9; Kostnader (6 + 1 + 9 + 9) / 4 = 6.25;
  // Nytte = mean(Pasient (10 + 10) / 2 = 10, Helsepersonell (9 + 10) / 2 = 9.5, infrastruktur 3) = 22.5 / 3 = 7.5.
  expect(s.values).toMatchObject({ maal: 9, kost: 6.25, "nytte.pasient": 10, "nytte.hp": 9.5, nytte: 7.5 });
  expect(s.total).toBe(22.75);
  expect(s.complete).toBe(true);
});

test("Felles hjelpenummer: infrastructure counted once, in Nytte: 16.083333333333332 (the sheet shows 25.75)", () => {
  const s = score("hjelpenummer");
  // Måloppnåelse (3 + 5) / 2 = 4; Kostnader (2 + 8 + 10 + 9) / 4 = 7.25;
  // Pasient (3 + 2) / 2 = 2.5; Helsepersonell (2 + 2) / 2 = 2; Nytte (2.5 + 2 + 10) / 3 = 4.8333…;
  // total 4 + 7.25 + 14.5 / 3 = 193 / 12.
  expect(s.values["nytte.pasient"]).toBe(2.5);
  expect(s.values["nytte.hp"]).toBe(2);
  expectWithin(s.values.nytte, 14.5 / 3);
  expectWithin(s.total, 16.083333333333332);
  expectWithin(s.total, 193 / 12);
});

test("Kritisk info / Andre helseaktører: the text «Sjekke med jurist?» is left out, Kostnader = (2 + 4 + 6) / 3 = 4", () => {
  const s = score("ki.andre");
  expect(s.values.kost).toBe(4);
  expect(s.values["kost.juridisk"]).toBeNull();
  expect(s.invalid).toEqual(["kost.juridisk"]);
  expect(s.missing).toEqual([]);
  expect(s.complete).toBe(false);
  // The total still exists (every group has a value): 6.5 + 4 + 2.5 = 13.
  expect(s.total).toBe(13);
  const f = s.findings.find((x) => x.code === "cell-text")!;
  expect(f.cell).toBe("'Kritisk info'!F9");
  expect(f.params.raw).toBe("Sjekke med jurist?");
  expect(f.params.suggestion).toBeUndefined();
});

describe("a group with no values has no value, and then there is no total", () => {
  const s = score("dok.andre");
  test("Dokumentdeling / Andre helseaktører: Måloppnåelse 4, Kostnader 4 (the one score), Nytte none", () => {
    expect(s.values).toMatchObject({ maal: 4, kost: 4, "nytte.pasient": null, "nytte.hp": null, "nytte.infra": null, nytte: null });
    expect(s.total).toBeNull();
    expect(s.missingGroups).toEqual(["nytte"]);
  });
  test("coverage: the blank leaves in model order", () => {
    expect(s.missing).toEqual(fixtureMeasure("dok.andre").expected.missing);
    expect(s.invalid).toEqual([]);
    expect(s.complete).toBe(false);
  });
  test("says why: a no-total finding naming Nytte, at the first Nytte cell", () => {
    const f = s.findings.find((x) => x.code === "no-total")!;
    expect(f).toMatchObject({ severity: "warning", cell: cellOf("dok.andre", "nytte.pasient.sikkerhet"), params: { groups: ["nytte"] } });
    expect(findingMessage(f, "nb", model)).toContain("fordi Nytte ikke har noen score");
    expect(findingMessage(f, "en", model)).toMatch(/Benefit/);
  });
  test("and lists the missing scores (a warning, since the total is lost)", () => {
    const f = s.findings.find((x) => x.code === "missing-scores")!;
    expect(f.severity).toBe("warning");
    expect(f.params.count).toBe(8);
    expect(f.cell).toBe(cellOf("dok.andre", "kost.org"));
  });
});

test("a missing leaf that does not cost the total is an info, and the group is the mean of the rest", () => {
  const input = inputOf(fixtureMeasure("pll"));
  input.scores["nytte.infra"] = { value: null, address: "Legemidler!C18" };
  const s = scoreMeasure(model, input);
  // Nytte = mean(10, 9.5) = 9.75 without infrastructure; total 9 + 6.25 + 9.75 = 25.
  expect(s.values.nytte).toBe(9.75);
  expect(s.total).toBe(25);
  expect(s.findings.find((f) => f.code === "missing-scores")).toMatchObject({ severity: "info", cell: "Legemidler!C18" });
});

describe.each(fixture.measures.map((m) => [m.id, m] as const))("every fixture measure: %s", (id, m) => {
  const s = score(id);
  test.each(Object.entries(DISPLAY_KEY_TO_NODE))("%s as expected", (key, node) => {
    const expected = (m.expected as Record<string, unknown>)[key] as number | null;
    const actual = node === "total" ? s.total : s.values[node];
    if (expected === null) expect(actual).toBeNull();
    else expectWithin(actual, expected);
  });
  test("coverage as expected", () => {
    expect(s.missing).toEqual(m.expected.missing);
    expect(s.invalid).toEqual(m.expected.invalid);
    expect(s.complete).toBe(m.expected.complete);
  });
});

test("nothing comes out as NaN or Infinity, even with every leaf blank, invalid or weighted 0", () => {
  const blank = scoreMeasure(model, { id: "x", name: "x", scores: {} });
  expect(blank.total).toBeNull();
  expect(Object.values(blank.values).every((v) => v === null)).toBe(true);
  const junk = scoreMeasure(model, {
    id: "y",
    name: "y",
    scores: Object.fromEntries(leaves(model).map((l, i) => [l.id, { value: [NaN, Infinity, { error: "#DIV/0!" }, "x", true][i % 5] }])),
  });
  expect(junk.total).toBeNull();
  expect(Object.values(junk.values).every((v) => v === null)).toBe(true);
  const { total } = totalOf(
    { ...model, criteria: model.criteria.map((g) => ({ ...g, weight: 0 })) },
    nodeValues(model, { "maal.behov": 5 }),
  );
  expect(total).toBeNull();
});

test("assess scores all 14 measures to finite totals or none", () => {
  const a = assess(model, fixture.measures.map(inputOf));
  expect(a.measures).toHaveLength(14);
  for (const r of a.measures) expect(r.total === null || Number.isFinite(r.total)).toBe(true);
});

describe("outcomes of scores without an address are shared per value, and stay exact", () => {
  const ids = leaves(model).map((l) => l.id);
  const input = (id: string, values: (number | null)[], address?: string) => ({
    id,
    name: id,
    scores: Object.fromEntries(ids.map((l, k) => [l, { value: values[k % values.length], ...(address ? { address: `Vurdering!E${k + 3}` } : {}) }])),
  });
  test("two measures scoring 5 share the outcome { kind: score, value: 5 }; with an address each has its own", () => {
    const a = assess(model, [input("a", [5, 7]), input("b", [5, 7]), input("c", [5, 7], "x")]);
    const [ma, mb, mc] = ["a", "b", "c"].map((id) => a.measures.find((m) => m.id === id)!);
    expect(ma.leaves[ids[0]]).toEqual({ kind: "score", value: 5 });
    expect(ma.leaves[ids[0]]).toBe(mb.leaves[ids[0]]);
    expect(ma.leaves[ids[0]]).toBe(ma.leaves[ids[2]]);
    expect(mc.leaves[ids[0]]).toEqual({ kind: "score", value: 5, address: "Vurdering!E3" });
    expect(mc.leaves[ids[2]]).toEqual({ kind: "score", value: 5, address: "Vurdering!E5" });
  });
  test("−0 keeps its sign beside a 0 (twice −0 would index 0)", () => {
    const a = assess(model, [input("a", [0]), input("b", [-0])]);
    const valueOf = (id: string) => (a.measures.find((m) => m.id === id)!.leaves[ids[0]] as { kind: string; value: number }).value;
    expect(Object.is(valueOf("a"), 0)).toBe(true);
    expect(Object.is(valueOf("b"), -0)).toBe(true);
  });
});

describe("measures without blank or invalid cells share frozen empty lists; the rest have their own", () => {
  const ids = leaves(model).map((l) => l.id);
  const input = (id: string, values: (number | string | null)[]) => ({ id, name: id, scores: Object.fromEntries(ids.map((l, k) => [l, { value: values[k % values.length] }])) });
  test("a complete measure: missing, invalid and missingGroups are [] (frozen, shared), comments {} (frozen, shared); findings its own", () => {
    const a = assess(model, [input("a", [5]), input("b", [7])]);
    const [ma, mb] = a.measures;
    for (const key of ["missing", "invalid", "missingGroups"] as const) {
      expect(ma[key]).toEqual([]);
      expect(Object.isFrozen(ma[key])).toBe(true);
      expect(ma[key]).toBe(mb[key]);
    }
    expect(ma.comments).toEqual({});
    expect(Object.isFrozen(ma.comments)).toBe(true);
    expect(ma.findings).not.toBe(mb.findings);
    expect(Object.isFrozen(ma.findings)).toBe(false);
    expect(JSON.stringify(ma)).toBe(JSON.stringify({ ...ma, missing: [], invalid: [], missingGroups: [], comments: {} }));
  });
  test("a measure with a blank and a text cell has lists of its own, the finding's criteria the same list", () => {
    const a = assess(model, [input("a", [null, "x", 5, 5, 5, 5, 5, 5, 5, 5, 5]), input("b", [null, "x", 5, 5, 5, 5, 5, 5, 5, 5, 5])]);
    const [ma, mb] = a.measures;
    expect(ma.missing).toEqual([ids[0]]);
    expect(ma.invalid).toEqual([ids[1]]);
    expect(ma.missing).not.toBe(mb.missing);
    expect(Object.isFrozen(ma.missing)).toBe(false);
    expect(ma.findings.find((f) => f.code === "few-scores" || f.code === "missing-scores")!.params.criteria).toBe(ma.missing);
  });
});

test("random portfolios: every measure's values, total and rank are those of nodeValues, totalOf and the comparison sort", () => {
  let state = 7;
  const random = () => ((state = (Math.imul(state, 1103515245) + 12345) >>> 0) / 2 ** 32);
  const ids = leaves(model).map((l) => l.id);
  for (const n of [1, 5, 60, 300, 700]) {
    const inputs = Array.from({ length: n }, (_, i) => ({
      id: `m${i}`,
      name: `m${i}`,
      scores: Object.fromEntries(ids.map((l) => [l, { value: random() < 0.05 ? null : random() < 0.03 ? "7,5" : Math.floor(random() * 21) / 2 }])),
    }));
    const a = assess(model, inputs);
    const byId = new Map(a.measures.map((m) => [m.id, m]));
    const expected = inputs.map((input) => {
      const leafValues = Object.fromEntries(ids.map((l) => [l, typeof input.scores[l].value === "number" ? (input.scores[l].value as number) : null]));
      const values = nodeValues(model, leafValues);
      return { id: input.id, values, total: totalOf(model, values).total };
    });
    for (const e of expected) {
      const m = byId.get(e.id)!;
      expect(m.values).toEqual(e.values);
      expect(Object.keys(m.values)).toEqual(Object.keys(e.values));
      expect(Object.is(m.total, e.total)).toBe(true);
    }
    // Competition ranks: 1 + how many totals are higher beyond the tolerance (1e-9 relative, the
    // model's; the data's near-equal totals differ only by rounding, so no chains); equal ranks in input order.
    const scoredOnes = expected.filter((e) => e.total !== null);
    const differ = (x: number, y: number) => Math.abs(x - y) > 1e-9 * Math.max(1, Math.abs(x), Math.abs(y));
    const rankOf = new Map(scoredOnes.map((e) => [e.id, 1 + scoredOnes.filter((o) => o.total! > e.total! && differ(o.total!, e.total!)).length]));
    const order = [...scoredOnes].sort((x, y) => rankOf.get(x.id)! - rankOf.get(y.id)! || Number(x.id.slice(1)) - Number(y.id.slice(1)));
    expect(a.measures.slice(0, order.length).map((m) => [m.id, m.rank])).toEqual(order.map((e) => [e.id, rankOf.get(e.id)]));
    expect(a.measures.slice(order.length).map((m) => m.rank)).toEqual(expected.filter((e) => e.total === null).map(() => null));
  }
});
