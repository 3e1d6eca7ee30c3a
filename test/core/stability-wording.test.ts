/**
 * Stabilitet sentences that say something (issue 16, item 8): weights print with the digits that
 * tell the ends apart («fra 0,998 til 1», never «fra 1 til 1»), a change that is not 0 never prints
 * as «+0», and when the weight now is an end of its interval a sentence says so, in bokmål and
 * English, for the ranking, the top N, and the minimum and plus lists.
 */
import { assess } from "../../src/core/assess";
import { defaultModel } from "../../src/core/model";
import type { ListInterval } from "../../src/core/selection-stability";
import { weightStability, type WeightInterval } from "../../src/core/sensitivity";
import { listSentence, nodeLines } from "../../src/i18n/minimum-stability";
import { cutSentence, intervalNotes, intervalSentence, weightPrinter } from "../../src/i18n/stability";

const names: Record<string, string> = { a: "A", b: "B", c: "C" };
const nameOf = (id: string) => names[id] ?? id;

/**
 * Three measures on the default tree: A has Kostnader 5 and every other score 6,501; B Kostnader 6
 * and the rest 6. With Kostnader's weight k the totals are 13,002 + 5k and 12 + 6k: A leads by
 * 0,002 now (k = 1), and B passes A at k = 1,002. C (all 1) is far behind.
 */
function nearTie(): WeightInterval {
  const leaves = (kost: number, rest: number) => ({
    "maal.behov": { value: rest },
    "maal.prioritet": { value: rest },
    "kost.teknisk": { value: kost },
    "kost.org": { value: kost },
    "kost.juridisk": { value: kost },
    "kost.semantisk": { value: kost },
    "nytte.pasient.sikkerhet": { value: rest },
    "nytte.pasient.hverdag": { value: rest },
    "nytte.hp.arbeidshverdag": { value: rest },
    "nytte.hp.beslutning": { value: rest },
    "nytte.infra": { value: rest },
  });
  const a = assess(defaultModel(), [
    { id: "a", name: "A", scores: leaves(5, 6.501) },
    { id: "b", name: "B", scores: leaves(6, 6) },
    { id: "c", name: "C", scores: leaves(1, 1) },
  ]);
  return weightStability(a, "kost")!.interval;
}

describe("the ranking's interval", () => {
  test("a swap 0,002 above the weight now: «fra 0 til 1,002» and «+0,002 (fra 1 til 1,002)», not «til 1» and «+0 (fra 1 til 1)»", () => {
    const interval = nearTie();
    expect(interval.weight).toBe(1);
    expect(interval.lower).toBe(0);
    expect(interval.upper).toBeCloseTo(1.002, 12);
    expect(intervalSentence("nb", "Kostnader", interval, nameOf)).toBe("Kostnader kan veie fra 0 til 1,002 uten at noen plass endres; ved 1,002 går B forbi A.");
    expect(intervalNotes("nb", "Kostnader", interval, nameOf)[0]).toBe("Minste endring som bytter to tiltak: +0,002 (fra 1 til 1,002).");
    expect(intervalSentence("en", "Costs", interval, nameOf)).toBe("Costs can weigh from 0 to 1.002 without any place changing; at 1.002 B passes A.");
  });

  test("the smallest change prints with the digits that make it more than 0 and its ends differ", () => {
    const i: WeightInterval = {
      nodeId: "kost",
      weight: 1,
      lower: 0.98,
      upper: 1.0004,
      lowerSwap: { at: 0.98, below: "c", above: "a" },
      upperSwap: { at: 1.0004, below: "b", above: "a" },
      firstSwap: { at: 1.0004, below: "b", above: "a" },
      tied: [],
      changesAtZero: [],
    };
    expect(intervalSentence("nb", "Kostnader", i, nameOf)).toBe("Kostnader kan veie fra 0,98 til 1,0004 uten at noen plass endres; ved 1,0004 går B forbi A, og ved 0,98 går C forbi A.");
    expect(intervalNotes("nb", "Kostnader", i, nameOf)[0]).toBe("Minste endring som bytter to tiltak: +0,0004 (fra 1 til 1,0004).");
    expect(intervalNotes("en", "Costs", i, nameOf)[0]).toBe("Smallest change that swaps two measures: +0.0004 (from 1 to 1.0004).");
  });

  test("the weight now is the upper end: said in words, in bokmål and English", () => {
    const i: WeightInterval = {
      nodeId: "kost",
      weight: 1,
      lower: 0.98,
      upper: 1,
      lowerSwap: null,
      upperSwap: { at: 1, below: "b", above: "a" },
      firstSwap: { at: 1, below: "b", above: "a" },
      tied: [],
      changesAtZero: [],
    };
    expect(intervalSentence("nb", "Kostnader", i, nameOf)).toBe(
      "Kostnader kan veie fra 0,98 til 1 uten at noen plass endres; ved 1 går B forbi A. Vekten nå, 1, er den øvre enden: enhver økning endrer rangeringen.",
    );
    expect(intervalSentence("en", "Costs", i, nameOf)).toBe(
      "Costs can weigh from 0.98 to 1 without any place changing; at 1 B passes A. The weight now, 1, is the upper end: any increase changes the ranking.",
    );
  });

  test("the top N: the lower end said in words", () => {
    const c = { nodeId: "nytte", top: 5, weight: 1.5, lower: 1.5, upper: 2.25, lowerCross: { at: 1.5, below: "c", above: "a" }, upperCross: null, firstCross: null };
    expect(cutSentence("nb", "Nytte", c, nameOf)).toBe(
      "Topp 5: Nytte kan veie fra 1,5 til 2,25 uten at noen går inn i eller ut av topp 5; ved 1,5 kommer C inn og A går ut. Vekten nå, 1,5, er den nedre enden: enhver senkning endrer topp 5.",
    );
    expect(cutSentence("en", "Benefit", c, nameOf)).toBe(
      "Top 5: Benefit can weigh from 1.5 to 2.25 without any measure entering or leaving the top 5; at 1.5 C comes in and A drops out. The weight now, 1.5, is the lower end: any decrease changes the top 5.",
    );
  });

  test("ordinary intervals read as before: two decimals, no words about ends", () => {
    const i: WeightInterval = { nodeId: "maal", weight: 1, lower: 0.78, upper: 1.17, lowerSwap: null, upperSwap: null, firstSwap: null, tied: [], changesAtZero: [] };
    expect(intervalSentence("nb", "Måloppnåelse", i, nameOf)).toBe("Måloppnåelse kan veie fra 0,78 til 1,17 uten at noen plass endres.");
  });
});

describe("the minimum and plus lists", () => {
  const change = { enters: ["c"], leaves: ["a"] };
  test("«Kostnader kan veie fra 0,98 til 1» with 1 the weight now: the sentence says the weight is the upper end", () => {
    const i: ListInterval = { lower: 0.98, upper: 1, atLower: change, atUpper: { enters: ["b"], leaves: ["c"] } };
    expect(listSentence("nb", "Kostnader", i, nameOf, "min", 1)).toBe(
      "Kostnader kan veie fra 0,98 til 1 uten at minimumslisten endres; ved 1 kommer B inn og C går ut, og ved 0,98 kommer C inn og A går ut. Vekten nå, 1, er den øvre enden: enhver økning endrer minimumslisten.",
    );
    expect(
      nodeLines("en", "Costs", { nodeId: "kost", weight: 1, status: "ok", minimum: i, plus: { lower: 0.5, upper: 1, atLower: null, atUpper: change }, solves: 4 }, nameOf),
    ).toEqual([
      "Costs can weigh from 0.98 to 1 without the minimum list changing; at 1 B comes in and C drops out, and at 0.98 C comes in and A drops out. The weight now, 1, is the upper end: any increase changes the minimum list.",
      "Costs can weigh from 0.5 to 1 without the plus list changing; at 1 C comes in and A drops out. The weight now, 1, is the upper end: any increase changes the plus list.",
    ]);
  });
  test("ends 0,001 apart print with three decimals", () => {
    const i: ListInterval = { lower: 0.999, upper: 1.001, atLower: null, atUpper: null };
    expect(listSentence("nb", "Nytte", i, nameOf, "plus", 1)).toBe("Nytte kan veie fra 0,999 til 1,001 uten at plusslisten endres.");
  });
});

test("weightPrinter: two decimals when they part the weights; more only where needed; never «0» for a change", () => {
  expect(weightPrinter("nb", [1, 0.78, 1.17])(0.78)).toBe("0,78");
  expect(weightPrinter("nb", [1, 1.0004])(1.0004)).toBe("1,0004");
  expect(weightPrinter("en", [0.00003])(0.00003)).toBe("0.00003");
  expect(weightPrinter("nb", [2, 2])(2)).toBe("2");
});
