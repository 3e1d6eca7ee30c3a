/**
 * Rounded totals never fake a tie nor hide one (issue 16, item 4): a list prints its totals with
 * the fewest decimals (at least one) at which no two totals of different ranks print alike, and
 * every total of a tie prints one figure. Checked on the meeting, on hand-made cases, and against
 * brute force over random lists (the ranks from core/rank.ts, every pair printed by Intl).
 */
import { assess } from "../../src/core/assess";
import { displayTotals, MAX_TOTAL_DECIMALS, roundedDigits } from "../../src/core/display-total";
import { defaultModel, DEFAULT_TOLERANCE, withWeight } from "../../src/core/model";
import { mulberry32 } from "../../src/core/random";
import { rank } from "../../src/core/rank";
import { fixtureInputs } from "../support/meeting";

/** Every total printed as the pane prints it (bokmål), with the decided decimals. */
function printed(totals: (number | null)[], options?: Parameters<typeof displayTotals>[1]): (string | null)[] {
  const { decimals, values } = displayTotals(totals, options);
  const f = new Intl.NumberFormat("nb-NO", { minimumFractionDigits: decimals, maximumFractionDigits: decimals, useGrouping: false });
  return values.map((v) => (v === null ? null : f.format(v)));
}

describe("the meeting", () => {
  test("with equal weights one decimal tells every rank apart, and DBEP and Legevakt/ØHD (both 54,5/3) print one figure", () => {
    const a = assess(defaultModel(), fixtureInputs());
    const d = displayTotals(a.measures.map((m) => m.total));
    expect(d.decimals).toBe(1);
    const shown = a.measures.map((m, i) => [m.rank, m.tied, d.values[i] === null ? null : roundedDigits(d.values[i]!, d.decimals)]);
    const tied = shown.filter(([, t]) => t);
    expect(tied.map(([r, , v]) => [r, v])).toEqual([
      [6, "18.2"],
      [6, "18.2"],
    ]);
  });

  test("Nytte at 1,9: places 9 and 10 (19,3667 and 19,35) were both «19,4»; now the list has two decimals", () => {
    const a = assess(withWeight(defaultModel(), "nytte", 1.9), fixtureInputs());
    const p = printed(a.measures.map((m) => m.total));
    expect(a.measures.map((m) => m.rank)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, null]);
    expect(p).toEqual(["29,50", "25,63", "24,63", "23,88", "23,72", "22,75", "22,37", "20,43", "19,37", "19,35", "17,83", "15,25", "14,05", null]);
  });
});

describe("hand-made lists", () => {
  test("one decimal is enough: one decimal", () => {
    expect(displayTotals([22.75, 18.25, 12]).decimals).toBe(1);
  });
  test("the fewest decimals that part the closest neighbours: 17,3 four times → three decimals for 17,301 / 17,3 / 17,299", () => {
    expect(printed([17.34, 17.301, 17.3, 17.299, 12])).toEqual(["17,340", "17,301", "17,300", "17,299", "12,000"]);
  });
  test("figures are compared as printed: 6,55 prints 6,6 (the decimal 6.55 rounded half up, not the double 6.5499999…), so 6,55 and 6,5 need no second decimal", () => {
    expect((6.55).toFixed(1)).toBe("6.5");
    expect(printed([6.55, 6.5])).toEqual(["6,6", "6,5"]);
    expect(printed([6.55, 6.6])).toEqual(["6,55", "6,60"]);
  });
  test("a real tie within the tolerance prints one figure, even across a rounding step (19,35 and 19,35 − 1e-14)", () => {
    const below = 19.35 - 1e-14;
    expect(roundedDigits(below, 1)).toBe("19.3");
    expect(roundedDigits(19.35, 1)).toBe("19.4");
    expect(printed([below, 19.35, 18])).toEqual(["19,4", "19,4", "18,0"]);
  });
  test("the tie takes the first value of its run, as the ranking does; the input order is kept", () => {
    const d = displayTotals([18, 19.35 - 1e-14, null, 19.35]);
    expect(d.values).toEqual([18, 19.35, null, 19.35]);
  });
  test("totals 1,5e-8 apart near 20 tie (tolerance 2e-8); 3e-8 apart they are two ranks, shown with the decimals that part them", () => {
    expect(printed([20 + 1.5e-8, 20])).toEqual(["20,0", "20,0"]);
    const d = displayTotals([20 + 3e-8, 20]);
    expect(d.decimals).toBe(8);
    expect(printed([20 + 3e-8, 20])).toEqual(["20,00000003", "20,00000000"]);
  });
  test("a tolerance of 0: totals one ulp apart are two ranks; the decimals stop at the cap", () => {
    const next = 20 + 20 * Number.EPSILON;
    expect(displayTotals([next, 20], { tolerance: 0 }).decimals).toBe(MAX_TOTAL_DECIMALS);
  });
  test("no totals, one total, only ties: the minimum", () => {
    expect(displayTotals([])).toEqual({ decimals: 1, values: [] });
    expect(displayTotals([null, 7])).toEqual({ decimals: 1, values: [null, 7] });
    expect(displayTotals([3, 3, 3], { min: 2 })).toEqual({ decimals: 2, values: [3, 3, 3] });
  });
  test("NaN and Infinity are no totals", () => {
    expect(displayTotals([Number.NaN, Number.POSITIVE_INFINITY, 4]).values).toEqual([null, null, 4]);
  });
});

describe("roundedDigits prints what Intl.NumberFormat prints", () => {
  test("hand-picked: halves, carries, tiny and large numbers, negatives", () => {
    expect(roundedDigits(6.55, 1)).toBe("6.6");
    expect(roundedDigits(1.005, 2)).toBe("1.01");
    expect(roundedDigits(9.96, 1)).toBe("10.0");
    expect(roundedDigits(99.95, 1)).toBe("100.0");
    expect(roundedDigits(0.049, 1)).toBe("0.0");
    expect(roundedDigits(1e-7, 8)).toBe("0.00000010");
    expect(roundedDigits(3e-8 + 20, 8)).toBe("20.00000003");
    expect(roundedDigits(1e21, 1)).toBe("1000000000000000000000.0");
    expect(roundedDigits(-2.25, 1)).toBe("-2.3");
    expect(roundedDigits(-0.04, 1)).toBe("0.0");
    expect(roundedDigits(7, 0)).toBe("7");
  });
  test("20 000 random numbers at 0–12 decimals, against Intl.NumberFormat (en-GB)", () => {
    const random = mulberry32(7);
    const formats = Array.from({ length: 13 }, (_, d) => new Intl.NumberFormat("en-GB", { minimumFractionDigits: d, maximumFractionDigits: d, useGrouping: false }));
    for (let k = 0; k < 20000; k++) {
      const scale = 10 ** Math.floor(random() * 8 - 3);
      const x = random() < 0.5 ? Math.round(random() * 4000) / 200 + (random() - 0.5) * 1e-13 : (random() - 0.2) * scale;
      const d = Math.floor(random() * 13);
      const intl = formats[d].format(x).replace(/^-(?=0(\.0*)?$)/, "");
      if (roundedDigits(x, d) !== intl) throw new Error(`${x} at ${d}: ${roundedDigits(x, d)}, Intl ${intl}`);
    }
  });
});

describe("against brute force", () => {
  const FORMATS = Array.from({ length: MAX_TOTAL_DECIMALS + 1 }, (_, d) => new Intl.NumberFormat("en-GB", { minimumFractionDigits: d, maximumFractionDigits: d, useGrouping: false }));
  /** The fewest decimals at which every pair of different ranks prints differently and every tie alike, by trying each. */
  function bruteDecimals(totals: (number | null)[], values: (number | null)[], tolerance: number): number | null {
    const slots = rank(totals.map((total) => ({ total })), tolerance);
    const rankOf: (number | null)[] = [];
    for (const s of slots) rankOf[s.index] = s.rank;
    for (let d = 1; d <= MAX_TOTAL_DECIMALS; d++) {
      const f = FORMATS[d];
      let ok = true;
      for (let i = 0; i < totals.length && ok; i++)
        for (let j = i + 1; j < totals.length && ok; j++) {
          if (rankOf[i] === null || rankOf[j] === null) continue;
          // «-0,0» is read as 0,0: a zero prints without a sign.
          const print = (v: number) => f.format(v).replace(/^-(?=0(\.0*)?$)/, "");
          const same = print(values[i]!) === print(values[j]!);
          if (same !== (rankOf[i] === rankOf[j])) ok = false;
        }
      if (ok) return d;
    }
    return null;
  }

  test("2 000 random lists with near ties, rounding steps and float noise", () => {
    const random = mulberry32(16);
    for (let run = 0; run < 2000; run++) {
      const n = 1 + Math.floor(random() * 12);
      const totals: (number | null)[] = [];
      for (let i = 0; i < n; i++) {
        const kind = random();
        // Values on a coarse grid (many ties and near ties), at rounding steps (x,x5), with noise below the tolerance or above it.
        const grid = Math.round(random() * 60) / 4 + (random() < 0.3 ? 0.05 : 0);
        const noise = kind < 0.2 ? (random() - 0.5) * 1e-12 : kind < 0.3 ? (random() - 0.5) * 1e-5 : kind < 0.4 ? (random() - 0.5) * 1e-3 : 0;
        totals.push(kind > 0.95 ? null : grid + noise);
      }
      const { decimals, values } = displayTotals(totals);
      // Each printed value is its own total, or the total its tie starts with.
      values.forEach((v, i) => {
        if (totals[i] === null) expect(v).toBeNull();
        else expect(Math.abs(v! - totals[i]!)).toBeLessThanOrEqual(DEFAULT_TOLERANCE * Math.max(1, Math.abs(v!)));
      });
      const brute = bruteDecimals(totals, values, DEFAULT_TOLERANCE);
      if (brute !== decimals) throw new Error(`totals ${JSON.stringify(totals)}: ${decimals} decimals, brute force ${brute}`);
    }
  });

  test("random lists with the tie-break's case: equal totals of different ranks still print alike", () => {
    // With a tie-break, 6 and 7 can have one total; the rule is about totals, so they print one figure.
    const d = displayTotals([19.35, 19.35, 19.2]);
    expect(d.decimals).toBe(1);
    expect(d.values).toEqual([19.35, 19.35, 19.2]);
  });
});
