/**
 * Several scorers: combined scores, spreads, flags and Kendall's W against hand-computed values,
 * and W against a brute-force computation on small random cases.
 */
import fc from "fast-check";
import type { MeasureInput } from "../../src/core/aggregate";
import { defaultModel, leaves } from "../../src/core/model";
import {
  analyseScorers,
  combine,
  fewThreshold,
  kendallW,
  median,
  midRanks,
  populationSd,
  type ScorerRow,
} from "../../src/core/scorers";

const model = defaultModel();
const LEAVES = leaves(model).map((l) => l.id);

/** A row with every question scored `v`, except the overrides. */
function row(
  scorer: string,
  measureId: string,
  v: number,
  overrides: Record<string, number | string> = {}
): ScorerRow {
  return {
    scorer,
    measureId,
    scores: Object.fromEntries(
      LEAVES.map((id, i) => [
        id,
        {
          value: overrides[id] ?? v,
          address: `Vurderere!${String.fromCharCode(68 + i)}${measureId.slice(1)}`,
        },
      ])
    ),
    address: `Vurderere!C${measureId.slice(1)}`,
  };
}

function measure(id: string, v: number): MeasureInput {
  const r = Number(id.slice(1)) + 1;
  return {
    id,
    name: `Tiltak ${id}`,
    scores: Object.fromEntries(
      LEAVES.map((l, i) => [
        l,
        { value: v, address: `Vurdering!${String.fromCharCode(69 + i)}${r}` },
      ])
    ),
    address: `Vurdering!B${r}`,
  };
}

describe("one cell", () => {
  test("8, 2, 7: mean 17/3, median 7, population sd √(62/9), range 6", () => {
    // mean (8+2+7)/3 = 17/3 = 5.667; deviations 7/3, −11/3, 4/3; squares 49/9 + 121/9 + 16/9 = 186/9;
    // divided by n = 3: 62/9; sd = √(62/9) = 2.6247.
    expect(combine([8, 2, 7], "mean")).toBeCloseTo(17 / 3, 12);
    expect(combine([8, 2, 7], "median")).toBe(7);
    expect(populationSd([8, 2, 7])).toBeCloseTo(Math.sqrt(62 / 9), 12);
    expect(median([4, 1, 9, 6])).toBe(5); // (4 + 6) / 2
    expect(combine([], "mean")).toBeNull();
  });

  test("few: fewer than max(2, ⌈n/2⌉) of n scorers, at most n", () => {
    expect([1, 2, 3, 4, 5, 6, 7].map(fewThreshold)).toEqual([1, 2, 2, 2, 3, 3, 4]);
  });
});

describe("Kendall's W", () => {
  test("three scorers, four measures, one tie: W = 19/29", () => {
    // Totals → mid-ranks (highest = 1):
    //   A 10 8 6 4 → 1 2 3 4
    //   B  9 9 5 3 → 1,5 1,5 3 4   (one tie of t = 2: T = 2³ − 2 = 6)
    //   C  4 7 8 2 → 3 2 1 4
    // Rank sums R = 5,5 5,5 7 12; mean m(n+1)/2 = 3·5/2 = 7,5; S = 4 + 4 + 0,25 + 20,25 = 28,5.
    // W = 12·28,5 / (3²·(4³ − 4) − 3·6) = 342 / 522 = 19/29 = 0,6552.
    expect(
      kendallW([
        [10, 8, 6, 4],
        [9, 9, 5, 3],
        [4, 7, 8, 2],
      ])
    ).toBeCloseTo(19 / 29, 12);
  });

  test("identical rankings give 1, opposite rankings of two scorers give 0, all ties give null", () => {
    expect(
      kendallW([
        [3, 2, 1],
        [30, 20, 10],
        [9, 5, 0],
      ])
    ).toBeCloseTo(1, 12);
    expect(
      kendallW([
        [3, 2, 1],
        [1, 2, 3],
      ])
    ).toBeCloseTo(0, 12);
    expect(
      kendallW([
        [5, 5],
        [2, 2],
      ])
    ).toBeNull();
    expect(kendallW([[1, 2, 3]])).toBeNull();
  });

  test("mid-ranks share places; ties within the tolerance", () => {
    expect(midRanks([7, 9, 7, 1], 1e-9)).toEqual({ ranks: [2.5, 1, 2.5, 4], ties: [2] });
    expect(midRanks([0.1 + 0.2, 0.3], 1e-9).ranks).toEqual([1.5, 1.5]);
  });

  /** Brute force: mid-ranks by counting, tie groups by counting equal values, the textbook formula. */
  function bruteW(x: number[][]): number | null {
    const m = x.length;
    const n = x[0].length;
    const R = new Array(n).fill(0);
    let T = 0;
    for (const row of x) {
      for (let i = 0; i < n; i++) {
        const above = row.filter((v) => v > row[i]).length;
        const same = row.filter((v) => v === row[i]).length;
        R[i] += above + (same + 1) / 2;
      }
      for (const v of new Set(row)) {
        const t = row.filter((w) => w === v).length;
        T += t ** 3 - t;
      }
    }
    const meanR = R.reduce((a, b) => a + b, 0) / n;
    const S = R.reduce((a, r) => a + (r - meanR) ** 2, 0);
    const den = m * m * (n ** 3 - n) - m * T;
    return den === 0 ? null : (12 * S) / den;
  }

  test("equals the brute-force formula on random small cases with many ties", () => {
    const cases = fc
      .tuple(fc.integer({ min: 2, max: 5 }), fc.integer({ min: 2, max: 6 }))
      .chain(([m, n]) =>
        fc.array(fc.array(fc.integer({ min: 0, max: 4 }), { minLength: n, maxLength: n }), {
          minLength: m,
          maxLength: m,
        })
      );
    fc.assert(
      fc.property(cases, (x) => {
        const w = kendallW(x);
        const b = bruteW(x);
        if (b === null) return w === null;
        return w !== null && Math.abs(w - b) < 1e-12 && w >= 0 && w <= 1;
      }),
      { numRuns: 500, seed: 11 }
    );
  });

  test("without ties, W = ((m − 1)·ρ̄ + 1)/m with ρ̄ the mean Spearman correlation over pairs", () => {
    const cases = fc
      .tuple(fc.integer({ min: 2, max: 5 }), fc.integer({ min: 2, max: 7 }))
      .chain(([m, n]) =>
        fc.array(fc.shuffledSubarray([...Array(n).keys()], { minLength: n, maxLength: n }), {
          minLength: m,
          maxLength: m,
        })
      );
    fc.assert(
      fc.property(cases, (x) => {
        const m = x.length;
        const n = x[0].length;
        const spearman = (a: number[], b: number[]) =>
          1 - (6 * a.reduce((s, v, i) => s + (v - b[i]) ** 2, 0)) / (n * (n * n - 1));
        let sum = 0;
        let pairs = 0;
        for (let i = 0; i < m; i++)
          for (let j = i + 1; j < m; j++) ((sum += spearman(x[i], x[j])), pairs++);
        const expected = ((m - 1) * (sum / pairs) + 1) / m;
        return Math.abs(kendallW(x)! - expected) < 1e-12;
      }),
      { numRuns: 300, seed: 5 }
    );
  });
});

describe("analyseScorers on the default model", () => {
  // Vurdering: T1 typed all 9, T2 all 4, T3 all 5, T4 all 3. Scorers table:
  //   Kari: T1 all 8, T2 all 5, T4 all 6      Ola: T1 all 6 but Informasjonsbehov 2, T2 all 7      NHN: T1 all 7, T2 all 6
  // A measure with every question v has total 3v (three groups of value v, summed).
  const measures = [measure("T1", 9), measure("T2", 4), measure("T3", 5), measure("T4", 3)];
  const rows = [
    row("Kari", "T1", 8),
    row("Kari", "T2", 5),
    row("Kari", "T4", 6),
    row("Ola", "T1", 6, { "maal.behov": 2 }),
    row("Ola", "T2", 7),
    row("NHN", "T1", 7),
    row("NHN", "T2", 6),
  ];

  test("mean: combined cells, spreads and the flag; the ranking uses the combined scores; Vurdering kept", () => {
    const a = analyseScorers(model, measures, rows, { method: "mean", disagreement: 4 });
    expect(a.scorers).toEqual(["Kari", "Ola", "NHN"]);
    const t1 = a.spreads.find((s) => s.measureId === "T1")!;
    const behov = t1.cells.find((c) => c.leafId === "maal.behov")!;
    // 8, 2, 7: mean 17/3, sd √(62/9), range 6 ≥ 4 → flagged.
    expect(behov.combined).toBeCloseTo(17 / 3, 12);
    expect(behov.sd).toBeCloseTo(Math.sqrt(62 / 9), 12);
    expect(behov.range).toBe(6);
    expect(behov.flagged).toBe(true);
    expect(behov.address).toBe("Vurdering!E2");
    // Every other T1 cell: 8, 6, 7: mean 7, sd √(2/3), range 2, not flagged.
    const other = t1.cells.filter((c) => c.leafId !== "maal.behov");
    expect(other.every((c) => c.combined === 7 && c.range === 2 && !c.flagged)).toBe(true);
    expect(other[0].sd).toBeCloseTo(Math.sqrt(2 / 3), 12);
    expect(t1.maxRange).toBe(6);
    // T1 ranked: Måloppnåelse (17/3 + 7)/2 = 19/3, Kostnader 7, Nytte 7: total 61/3 = 20,33 (not 27 from Vurdering's 9s).
    const t1Input = a.inputs.find((m) => m.id === "T1")!;
    expect(t1Input.scores["maal.behov"]).toEqual({ value: 17 / 3, address: "Vurdering!E2" });
    expect(measures[0].scores["maal.behov"]!.value).toBe(9);
    // T3 has no scorer rows: its Vurdering row is ranked as typed.
    expect(a.inputs.find((m) => m.id === "T3")).toBe(measures[2]);
    // T4: scored by Kari alone, 1 of 3 (< 2): few.
    expect(a.spreads.find((s) => s.measureId === "T4")).toMatchObject({
      scorers: ["Kari"],
      few: true,
      maxRange: null,
    });
    expect(a.findings.map((f) => [f.code, f.cell ?? null, f.measureId ?? null])).toEqual([
      ["scorers-in-use", null, null],
      ["scorers-disagree", "Vurdering!E2", "T1"],
      ["scorers-none", "Vurdering!B4", "T3"],
      ["scorers-few", "Vurdering!B5", "T4"],
      ["scorers-agreement-partial", null, null],
    ]);
    expect(a.findings[1].params).toEqual({
      measure: "Tiltak T1",
      criteria: ["maal.behov"],
      ranges: [6],
      cells: ["Vurdering!E2"],
      threshold: 4,
    });
  });

  test("per scorer rankings and W = 1/9 over T1 and T2", () => {
    // Totals: Kari T1 24, T2 15, T4 18; Ola T1 (2+6)/2 + 6 + 6 = 16, T2 21; NHN T1 21, T2 18.
    // Ranks over the measures all three gave a total (T1, T2): Kari 1 2, Ola 2 1, NHN 1 2.
    // R = 4, 5; mean 3·3/2 = 4,5; S = 0,25 + 0,25 = 0,5; W = 12·0,5 / (9·(8 − 2)) = 6/54 = 1/9.
    const a = analyseScorers(model, measures, rows, { method: "mean", disagreement: 4 });
    const totals = a.rankings.map((r) => [
      r.scorer,
      r.assessment.measures.map((m) => [m.id, m.total, m.rank]),
    ]);
    expect(totals).toEqual([
      [
        "Kari",
        [
          ["T1", 24, 1],
          ["T4", 18, 2],
          ["T2", 15, 3],
        ],
      ],
      [
        "Ola",
        [
          ["T2", 21, 1],
          ["T1", 16, 2],
        ],
      ],
      [
        "NHN",
        [
          ["T1", 21, 1],
          ["T2", 18, 2],
        ],
      ],
    ]);
    expect(a.agreement.measures).toEqual(["T1", "T2"]);
    expect(a.agreement.w).toBeCloseTo(1 / 9, 12);
  });

  test("median and a threshold of 7: T1's Informasjonsbehov is 7, not flagged (range 6 < 7)", () => {
    const a = analyseScorers(model, measures, rows, { method: "median", disagreement: 7 });
    const behov = a.spreads[0].cells.find((c) => c.leafId === "maal.behov")!;
    expect(behov.combined).toBe(7);
    expect(behov.flagged).toBe(false);
    expect(a.findings.some((f) => f.code === "scorers-disagree")).toBe(false);
  });

  test("a text score in a scorer's cell is a finding at its cell and left out, not zeroed", () => {
    const a = analyseScorers(
      model,
      measures,
      [row("Kari", "T1", 8, { "kost.org": "7,5" }), row("Ola", "T1", 6)],
      { method: "mean", disagreement: 4 }
    );
    const org = a.spreads[0].cells.find((c) => c.leafId === "kost.org")!;
    // Kostnader: organisatorisk is the fourth question, column G in this test's rows.
    expect(org.values).toEqual([{ scorer: "Ola", value: 6, address: "Vurderere!G1" }]);
    expect(org.combined).toBe(6);
    const f = a.findings.find((x) => x.code === "scorers-cell-invalid")!;
    expect(f).toMatchObject({
      cell: "Vurderere!G1",
      measureId: "T1",
      params: { scorer: "Kari", raw: "7,5", suggestion: 7.5, criterion: "kost.org" },
    });
  });

  test("a row with no valid score is not a voice: T2 scored by Kari alone is few", () => {
    const blank = Object.fromEntries(LEAVES.map((id) => [id, ""]));
    const a = analyseScorers(
      model,
      measures,
      [row("Kari", "T2", 5), row("Ola", "T2", 0, blank), row("NHN", "T1", 7)],
      { method: "mean", disagreement: 4 }
    );
    expect(a.spreads.find((s) => s.measureId === "T2")).toMatchObject({
      scorers: ["Kari", "Ola"],
      few: true,
    });
    // T1 (NHN alone) is few as well; T2 counts Kari only.
    expect(
      a.findings.find((f) => f.code === "scorers-few" && f.measureId === "T2")!.params
    ).toEqual({ measure: "Tiltak T2", count: 1, of: 3, needed: 2 });
  });

  test("without rankings (the recompute): the same inputs, spreads and flags; no per-scorer ranking, W not computed", () => {
    const full = analyseScorers(model, measures, rows, { method: "mean", disagreement: 4 });
    const lean = analyseScorers(
      model,
      measures,
      rows,
      { method: "mean", disagreement: 4 },
      { rankings: false }
    );
    expect(lean.inputs).toEqual(full.inputs);
    expect(lean.spreads).toEqual(full.spreads);
    expect(lean.findings).toEqual(
      full.findings.filter((f) => f.code !== "scorers-agreement-partial")
    );
    expect(lean.rankings).toEqual([]);
    expect(lean.agreement).toEqual({
      w: null,
      scorers: ["Kari", "Ola", "NHN"],
      measures: [],
      reason: "not-computed",
    });
  });

  test("no rows: nothing changes and no findings", () => {
    const a = analyseScorers(model, measures, [], { method: "mean", disagreement: 4 });
    expect(a.inputs).toEqual(measures);
    expect(a.findings).toEqual([]);
    expect(a.agreement).toMatchObject({ w: null, reason: "few-scorers" });
  });
});
