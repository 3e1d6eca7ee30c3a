/**
 * Standard competition ranking (1, 2, 2, 4) on unrounded totals; totals equal within the
 * model's tolerance tie and are flagged; an optional tie-break (ordered groups) separates them;
 * measures without a total come after the ranked ones, with the reason.
 */
import { assess, rankLabel } from "../../src/core/assess";
import { defaultModel, DEFAULT_TOLERANCE, type Model } from "../../src/core/model";
import { nearlyEqual, rank } from "../../src/core/rank";
import { expectWithin, fixture, fixtureMeasure, inputOf } from "../support/meeting";

const ranksOf = (totals: (number | null)[], tolerance?: number) => {
  const slots = rank(totals.map((total) => ({ total })), tolerance);
  const out: { rank: number | null; tied: boolean }[] = [];
  for (const s of slots) out[s.index] = { rank: s.rank, tied: s.tied };
  return out;
};

describe("standard competition ranking", () => {
  test("1, 2, 2, 4", () => {
    expect(ranksOf([20, 18, 18, 15])).toEqual([
      { rank: 1, tied: false },
      { rank: 2, tied: true },
      { rank: 2, tied: true },
      { rank: 4, tied: false },
    ]);
  });
  test("whatever the input order", () => {
    expect(ranksOf([15, 18, 20, 18]).map((r) => r.rank)).toEqual([4, 2, 1, 2]);
  });
  test("a three-way tie at the top: 1, 1, 1, 4", () => {
    expect(ranksOf([7, 7, 7, 6]).map((r) => r.rank)).toEqual([1, 1, 1, 4]);
  });
  test("ranked slots come in rank order, ties in input order, then the unranked in input order", () => {
    const slots = rank([{ total: null }, { total: 3 }, { total: 5 }, { total: 3 }, { total: null }]);
    expect(slots.map((s) => s.index)).toEqual([2, 1, 3, 0, 4]);
    expect(slots.map((s) => s.rank)).toEqual([1, 2, 2, null, null]);
  });
  test("labels: 6= for a tie, 6 alone, – without a rank", () => {
    expect(rankLabel({ rank: 6, tied: true })).toBe("6=");
    expect(rankLabel({ rank: 6, tied: false })).toBe("6");
    expect(rankLabel({ rank: null, tied: false })).toBe("–");
  });
});

describe("equal within a tolerance", () => {
  test("two sums that differ in the last bit tie (0.1 + 0.2 against 0.3)", () => {
    expect(0.1 + 0.2).not.toBe(0.3);
    expect(nearlyEqual(0.1 + 0.2, 0.3)).toBe(true);
    expect(ranksOf([0.1 + 0.2, 0.3, 0.2])).toEqual([
      { rank: 1, tied: true },
      { rank: 1, tied: true },
      { rank: 3, tied: false },
    ]);
  });
  test("the council's tie: DBEP 7.5 + 4.5 + 37/6 and legevakt/ØHD 7 + 6.5 + 28/6 are both 54.5/3", () => {
    const dbep = 7.5 + 4.5 + 6.166666666666667;
    const legevakt = 7 + 6.5 + 4.666666666666667;
    expectWithin(dbep, 54.5 / 3);
    expectWithin(legevakt, 54.5 / 3);
    // The same sum one ulp apart still ties.
    const nextUp = legevakt + legevakt * Number.EPSILON;
    expect(nextUp).not.toBe(legevakt);
    expect(ranksOf([dbep, nextUp])).toEqual([
      { rank: 1, tied: true },
      { rank: 1, tied: true },
    ]);
  });
  test("the tolerance is relative above 1: 1e-9 of 20 is 2e-8", () => {
    expect(nearlyEqual(20, 20 + 1.5e-8)).toBe(true);
    expect(nearlyEqual(20, 20 + 3e-8)).toBe(false);
    expect(nearlyEqual(0.5, 0.5 + 1.5e-9)).toBe(false);
  });
  test("a real difference is not a tie: 18.25 against 18.166…", () => {
    expect(ranksOf([18.25, 54.5 / 3]).map((r) => r.tied)).toEqual([false, false]);
  });
  test("equality does not chain across a slope of tiny steps", () => {
    // Steps of 6e-9 on totals near 10 (tolerance 1e-9 × 10 = 1e-8): neighbours are equal, but the
    // first and the third are 1.2e-8 apart. A run is what equals its first member, so 1, 1, 3, 3, 5.
    const step = 6e-9;
    const totals = [0, 1, 2, 3, 4].map((k) => 10 - k * step);
    expect(nearlyEqual(totals[0], totals[1], DEFAULT_TOLERANCE)).toBe(true);
    expect(nearlyEqual(totals[0], totals[2], DEFAULT_TOLERANCE)).toBe(false);
    expect(ranksOf(totals).map((r) => r.rank)).toEqual([1, 1, 3, 3, 5]);
  });
  test("a long slope is not one big tie", () => {
    const totals = Array.from({ length: 1000 }, (_, k) => 10 - k * 1e-10) // spans 1e-7, ten tolerances;
    const ranks = ranksOf(totals).map((r) => r.rank!);
    expect(new Set(ranks).size).toBeGreaterThan(1);
    // no run spans more than the tolerance: first and last of each rank are within 1e-8
    for (const r of new Set(ranks)) {
      const members = totals.filter((_, i) => ranks[i] === r);
      expect(Math.max(...members) - Math.min(...members)).toBeLessThanOrEqual(1e-8);
    }
  });
  test("tolerance 0 means exact: 0.30000000000000004 ranks above 0.3", () => {
    expect(ranksOf([0.1 + 0.2, 0.3], 0).map((r) => r.rank)).toEqual([1, 2]);
  });
});

describe("on the meeting: DBEP and legevakt/ØHD tie at 6, the next is 8", () => {
  const a = assess(defaultModel(), fixture.measures.map(inputOf));
  const byId = new Map(a.measures.map((m) => [m.id, m]));
  test.each(fixture.measures.map((m) => [m.id, m.expected.rank, m.expected.tied ?? false] as const))("%s: rank %p, tied %p", (id, r, tied) => {
    expect(byId.get(id)!.rank).toBe(r);
    expect(byId.get(id)!.tied).toBe(tied);
  });
  test("one tie finding naming both, with the shared rank", () => {
    const ties = a.findings.filter((f) => f.code === "tie");
    expect(ties).toHaveLength(1);
    expect(ties[0].params).toMatchObject({ rank: 6, names: ["Implementering av DBEP", "Legevakt/ØHD"] });
  });
});

describe("an optional tie-break: ordered groups, higher value first", () => {
  const withTieBreak = (tieBreak: string[]): Model => ({ ...defaultModel(), tieBreak });
  const pair = [inputOf(fixtureMeasure("dok.legevakt")), inputOf(fixtureMeasure("dbep"))];
  test("by Nytte: DBEP (37/6) before legevakt/ØHD (28/6), 6 and 7, no longer tied", () => {
    const a = assess(withTieBreak(["nytte"]), fixture.measures.map(inputOf));
    const byId = new Map(a.measures.map((m) => [m.id, m]));
    expect(byId.get("dbep")).toMatchObject({ rank: 6, tied: false });
    expect(byId.get("dok.legevakt")).toMatchObject({ rank: 7, tied: false });
    expect(byId.get("hjelpenummer")).toMatchObject({ rank: 8, tied: false });
    expect(a.findings.filter((f) => f.code === "tie")).toEqual([]);
  });
  test("by Kostnader: legevakt/ØHD (6.5) before DBEP (4.5)", () => {
    const a = assess(withTieBreak(["kost"]), pair);
    expect(a.measures.map((m) => [m.id, m.rank, m.tied])).toEqual([
      ["dok.legevakt", 1, false],
      ["dbep", 2, false],
    ]);
  });
  test("the second group decides when the first is equal too", () => {
    // Both have Måloppnåelse 7.5 with these scores; Nytte then puts DBEP first.
    const legevakt = inputOf(fixtureMeasure("dok.legevakt"));
    legevakt.scores["maal.behov"] = { value: 8 }; // Måloppnåelse (8 + 7) / 2 = 7.5, total 7.5 + 6.5 + 28/6 = 56/3
    const dbep = inputOf(fixtureMeasure("dbep"));
    dbep.scores["kost.teknisk"] = { value: 6 }; // Kostnader (6 + 3 + 7 + 4) / 4 = 5, total 7.5 + 5 + 37/6 = 56/3
    const a = assess(withTieBreak(["maal", "nytte"]), [legevakt, dbep]);
    expectWithin(a.measures[0].total, 56 / 3);
    expectWithin(a.measures[1].total, 56 / 3);
    expect(a.measures.map((m) => [m.id, m.rank, m.tied])).toEqual([
      ["dbep", 1, false],
      ["dok.legevakt", 2, false],
    ]);
  });
  test("equal on every tie-break group: still tied", () => {
    const a = assess(withTieBreak(["nytte"]), [inputOf(fixtureMeasure("dbep")), { ...inputOf(fixtureMeasure("dbep")), id: "copy" }]);
    expect(a.measures.map((m) => [m.rank, m.tied])).toEqual([
      [1, true],
      [1, true],
    ]);
  });
  test("a measure without a value for the tie-break group comes after one with", () => {
    const slots = rank([
      { total: 10, keys: [null] },
      { total: 10, keys: [2] },
    ]);
    expect(slots.map((s) => [s.index, s.rank, s.tied])).toEqual([
      [1, 1, false],
      [0, 2, false],
    ]);
  });
});

describe("measures without a total are listed after the ranked ones, with the reason", () => {
  const a = assess(defaultModel(), fixture.measures.map(inputOf));
  test("Dokumentdeling / Andre helseaktører/tjenester is last, rank null, not tied", () => {
    const last = a.measures[a.measures.length - 1];
    expect(last).toMatchObject({ id: "dok.andre", rank: null, tied: false, total: null, missingGroups: ["nytte"] });
    expect(last.findings.some((f) => f.code === "no-total")).toBe(true);
  });
  test("the ranked ones come first, in rank order", () => {
    const ranks = a.measures.map((m) => m.rank);
    expect(ranks).toEqual([1, 2, 3, 4, 5, 6, 6, 8, 9, 10, 11, 12, 13, null]);
  });
  test("non-finite totals are never ranked", () => {
    expect(ranksOf([NaN, Infinity, 3]).map((r) => r.rank)).toEqual([null, null, 1]);
  });
});

describe("the order is the comparison sort's at every size (insertion for a few items, the engine's sort for many)", () => {
  // Brute force: the order of sort((a, b) => total[b] − total[a] || a − b), with ±0 equal, the unranked last in input order.
  const reference = (totals: (number | null)[]): number[] => {
    const idx = totals.map((_, i) => i);
    const ranked = idx.filter((i) => totals[i] !== null && Number.isFinite(totals[i]));
    const unranked = idx.filter((i) => !ranked.includes(i));
    return [...ranked.sort((a, b) => totals[b]! - totals[a]! || a - b), ...unranked];
  };
  let state = 20261207;
  const random = () => ((state = (Math.imul(state, 1103515245) + 12345) >>> 0) / 2 ** 32);
  const pick = (): number | null => {
    const u = random();
    if (u < 0.05) return null;
    if (u < 0.1) return u < 0.075 ? 0 : -0;
    if (u < 0.2) return -Math.floor(random() * 5) / 4;
    if (u < 0.6) return Math.floor(random() * 9) / 2;
    return random() * 1e6 - 5e5;
  };
  test.each([1, 2, 3, 5, 8, 20, 47, 48, 49, 50, 64, 100, 255, 256, 257, 300, 513, 2000])("%p items, 40 random portfolios with repeats, ±0, negatives and blanks", (n) => {
    for (let r = 0; r < 40; r++) {
      const totals = Array.from({ length: n }, pick);
      const slots = rank(
        totals.map((total) => ({ total })),
        0,
      );
      expect(slots.map((s) => s.index)).toEqual(reference(totals));
    }
  });
});
