/** Saved rounds in the core: a round from an assessment, movement against a baseline, and what changed between two rounds. */
import { assess } from "../../src/core/assess";
import type { MeasureInput } from "../../src/core/aggregate";
import { defaultModel, leaves, withWeight } from "../../src/core/model";
import { moveText, movesAgainst, type Baseline } from "../../src/core/movement";
import { baselineOf, compareRounds, roundFromAssessment } from "../../src/core/rounds";

const model = defaultModel();
const leafIds = leaves(model).map((l) => l.id);
/** A measure with every leaf at `v`, except the overrides; cells on row `row` from column E. */
function measure(id: string, name: string, v: number, row: number, over: Record<string, number | string | null> = {}, theme?: string): MeasureInput {
  const scores: MeasureInput["scores"] = {};
  leafIds.forEach((l, i) => {
    const value = l in over ? over[l] : v;
    if (value !== null) scores[l] = { value, address: `Vurdering!${String.fromCharCode(69 + i)}${row}` };
  });
  return { id, name, scores, ...(theme ? { theme } : {}) };
}

const before = assess(model, [measure("T1", "PLL", 9, 2), measure("T2", "Kritisk info", 7, 3), measure("T3", "DBEP", 5, 4)]);
const round1 = roundFromAssessment(before, { id: "R1", name: "Runde 1", savedAt: "2026-11-27T10:00:00.000Z", source: "workbook" });

test("a round keeps the typed scores, the cells, ranks and totals of every measure", () => {
  expect(round1.leaves).toEqual(leafIds);
  expect(round1.measures.map((m) => [m.id, m.rank, m.total])).toEqual([
    ["T1", 1, 27],
    ["T2", 2, 21],
    ["T3", 3, 15],
  ]);
  expect(round1.measures[0].sheet).toBe("Vurdering");
  expect(round1.measures[1].cells?.[0]).toBe("E3");
  expect(round1.measures[2].scores).toEqual(leafIds.map(() => 5));
});

test("movement against the baseline: up, down, new, unchanged; and the sheet's words", () => {
  const now = assess(model, [
    measure("T1", "PLL", 6, 2),
    measure("T2", "Kritisk info", 7, 3),
    measure("T3", "DBEP", 5, 4),
    measure("T4", "Legevakt", 8, 5),
    measure("T5", "Uten sum", 8, 6, { [leafIds[0]]: null, [leafIds[1]]: null }),
  ]);
  // Now: Legevakt 24 (1), Kritisk info 21 (2), PLL 18 (3), DBEP 15 (4), Uten sum: no total.
  const moves = movesAgainst(baselineOf(round1), now.measures);
  expect(Object.fromEntries(moves)).toEqual({
    T4: { by: 0, from: 0, fresh: true },
    T1: { by: -2, from: 1 },
    T3: { by: -1, from: 3 },
  });
  const text = (id: string) => {
    const m = now.measures.find((x) => x.id === id)!;
    return moveText(moves.get(id), m.rank !== null, "ny");
  };
  expect(["T1", "T2", "T3", "T4", "T5"].map(text)).toEqual(["↓2", "–", "↓1", "ny", ""]);
});

test("a round from another file matches by theme and name, then by a unique name", () => {
  const file: Baseline = {
    roundId: "R2",
    name: "2025",
    savedAt: "2025-09-21T10:00:00.000Z",
    source: "file",
    entries: [
      ["x1", "Kritisk info", "Kjernejournal", 1],
      ["x2", "DBEP", "", 2],
      ["x3", "PLL", "Legemidler", 3],
      ["x4", "PLL", "Annet", 4],
    ],
  };
  const now = assess(model, [measure("T1", "Kritisk  info", 9, 2, {}, "Kjernejournal"), measure("T2", "dbep", 7, 3), measure("T3", "PLL", 5, 4)]);
  // Kritisk info by theme + name (spaces and case normalised), DBEP by name, PLL is ambiguous → new.
  expect(Object.fromEntries(movesAgainst(file, now.measures))).toEqual({ T3: { by: 0, from: 0, fresh: true } });
});

test("comparing two rounds lists the changed ranks, totals, cells (with address) and weights", () => {
  const m2 = withWeight(model, "kost", 2);
  const after = assess(m2, [
    measure("T1", "PLL", 9, 2, { [leafIds[0]]: 3 }),
    measure("T2", "Kritisk info", 7, 3, { [leafIds[2]]: "7,5" }),
    measure("T4", "Ny", 1, 5),
  ]);
  const round2 = roundFromAssessment(after, { id: "R2", name: "Runde 2", savedAt: "2026-11-27T11:00:00.000Z", source: "workbook" });
  const c = compareRounds(round1, round2);
  // PLL: Mål (3+9)/2 = 6, Kost 9·2 = 18, Nytte 9 → 33. Kritisk info: the text leaf is left out: 7 + 14 + 7 = 28.
  expect(c.totals).toEqual([{ id: "T1", name: "PLL", from: 27, to: 33 }, { id: "T2", name: "Kritisk info", from: 21, to: 28 }]);
  expect(c.ranks).toEqual([]);
  expect(c.cells).toEqual([
    { id: "T1", name: "PLL", leafId: leafIds[0], cell: "Vurdering!E2", from: 9, to: 3 },
    { id: "T2", name: "Kritisk info", leafId: leafIds[2], cell: "Vurdering!G3", from: 7, to: "7,5" },
  ]);
  expect(c.weights).toEqual([{ nodeId: "kost", from: 1, to: 2 }]);
  expect(c.added).toEqual([{ id: "T4", name: "Ny" }]);
  expect(c.removed).toEqual([{ id: "T3", name: "DBEP" }]);
  // And the other way round.
  const back = compareRounds(round2, round1);
  expect(back.weights).toEqual([{ nodeId: "kost", from: 2, to: 1 }]);
  expect(back.cells.map((x) => [x.cell, x.from, x.to])).toEqual([
    ["Vurdering!E2", 3, 9],
    ["Vurdering!G3", "7,5", 7],
  ]);
});

test("a round compared with itself has no changes", () => {
  const c = compareRounds(round1, round1);
  expect([c.ranks, c.totals, c.cells, c.weights, c.added, c.removed]).toEqual([[], [], [], [], [], []]);
});
