/**
 * Rank within a segment: the overall ranking's rules (competition ranking 1, 2, 2, 4; the model's
 * tolerance; the tie-break) applied among the measures of one segment only. Measures outside any
 * segment (Ut, not assessed, no checklist row) and measures without a total get no rank.
 * Every leaf of a measure below gets the same score v, so each group is worth v and the total is 3v.
 */
import type { ScoreCell } from "../../src/core/aggregate";
import { assess, type MeasureResult } from "../../src/core/assess";
import { defaultModel, leaves } from "../../src/core/model";
import { rankWithin } from "../../src/core/segments";

const model = defaultModel();

/** Measures with every leaf scored v (null: nothing scored, no total). */
function measures(spec: [id: string, v: number | null][]): MeasureResult[] {
  return assess(
    model,
    spec.map(([id, v]) => {
      const scores: Record<string, ScoreCell> = {};
      for (const l of leaves(model)) scores[l.id] = { value: v, address: `Vurdering!A1` };
      return { id, name: id, scores };
    }),
  ).measures;
}

const group = (map: Record<string, string>) => (id: string) => map[id];

test("each segment is ranked on its own", () => {
  const ms = measures([
    ["a", 6], // 18
    ["b", 8], // 24
    ["c", 5], // 15
    ["d", 9], // 27
    ["e", 7], // 21, no segment
  ]);
  const r = rankWithin(ms, group({ a: "Samstyre", b: "Samstyre", c: "Koordinere", d: "Koordinere" }), model.tolerance);
  expect(Object.fromEntries(r)).toEqual({
    b: { rank: 1, tied: false },
    a: { rank: 2, tied: false },
    d: { rank: 1, tied: false },
    c: { rank: 2, tied: false },
    e: { rank: null, tied: false },
  });
});

test("equal totals share a rank and the next rank is skipped (1, 2=, 2=, 4)", () => {
  const ms = measures([
    ["a", 8], // 24
    ["b", 7], // 21
    ["c", 7], // 21
    ["d", 6], // 18
  ]);
  const r = rankWithin(ms, () => "Samstyre", model.tolerance);
  expect([r.get("a"), r.get("b"), r.get("c"), r.get("d")]).toEqual([
    { rank: 1, tied: false },
    { rank: 2, tied: true },
    { rank: 2, tied: true },
    { rank: 4, tied: false },
  ]);
});

test("a tie overall is not a tie in the segment when the other measure is elsewhere", () => {
  const ms = measures([
    ["a", 7],
    ["b", 7],
  ]);
  expect(ms.map((m) => [m.id, m.rank, m.tied])).toEqual([
    ["a", 1, true],
    ["b", 1, true],
  ]);
  const r = rankWithin(ms, group({ a: "Samstyre", b: "Koordinere" }), model.tolerance);
  expect([r.get("a"), r.get("b")]).toEqual([
    { rank: 1, tied: false },
    { rank: 1, tied: false },
  ]);
});

test("totals within the tolerance tie, as in the overall ranking", () => {
  const ms = measures([
    ["a", 7],
    ["b", 7],
  ]);
  // 21 and 21 + 1e-12: a float step, not a difference.
  const shifted = ms.map((m) => (m.id === "b" ? { ...m, total: (m.total as number) + 1e-12 } : m));
  const r = rankWithin(shifted, () => "Inspirere", model.tolerance);
  expect([r.get("a"), r.get("b")]).toEqual([
    { rank: 1, tied: true },
    { rank: 1, tied: true },
  ]);
});

test("the tie-break keys separate equal totals", () => {
  const ms = measures([
    ["a", 7],
    ["b", 7],
  ]);
  const keys: Record<string, number> = { a: 4, b: 9 };
  const r = rankWithin(ms, () => "Observere", model.tolerance, (m) => [keys[m.id]]);
  expect([r.get("a"), r.get("b")]).toEqual([
    { rank: 2, tied: false },
    { rank: 1, tied: false },
  ]);
});

test("a measure without a total has no rank in its segment and does not take a place", () => {
  const ms = measures([
    ["a", null],
    ["b", 5],
    ["c", 4],
  ]);
  const r = rankWithin(ms, () => "Samstyre", model.tolerance);
  expect([r.get("a"), r.get("b"), r.get("c")]).toEqual([
    { rank: null, tied: false },
    { rank: 1, tied: false },
    { rank: 2, tied: false },
  ]);
});

test("no measures, no ranks", () => {
  expect(rankWithin([], () => "Samstyre", model.tolerance).size).toBe(0);
});
