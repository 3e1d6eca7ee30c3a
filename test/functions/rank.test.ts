/**
 * =PRIO.RANK: standard competition rank (1, 2, 2, 4) among the numbers of a list, equal within the
 * core's tolerance, over the meeting's totals (DBEP and Legevakt/ØHD tie at 18.166666666666668).
 */
import fixture from "../fixtures/prioritering-2022-09.json";
import { defaultModel } from "../../src/core/model";
import { rank, score } from "../../src/functions/functions";
import { setFunctionsModel } from "../../src/functions/model-source";
import {
  CustomFunctionsError,
  installCustomFunctionsHost,
  setDisplayLanguage,
  thrown,
} from "./host";

type Measure = (typeof fixture.measures)[number];
type LeafId = keyof Measure["values"];

/** The meeting's totals as a Score column; the measure without a total is a blank cell. */
const totals: unknown[][] = fixture.measures.map((m) => [m.expected.score]);

beforeAll(() => installCustomFunctionsHost());
beforeEach(() => setDisplayLanguage(undefined));
afterEach(() => setFunctionsModel(defaultModel()));

test("18.166666666666668 ranks 6 among the meeting's totals, for both tied measures", () => {
  expect(rank(18.166666666666668, totals)).toBe(6);
  const tied = fixture.measures
    .filter((m) => m.expected.score === 18.166666666666668)
    .map((m) => m.id);
  expect(tied.sort()).toEqual(["dbep", "dok.legevakt"]);
  for (const id of tied) {
    const m = fixture.measures.find((x) => x.id === id)!;
    expect(rank(m.expected.score, totals)).toBe(6);
  }
});

test("every ranked measure gets the fixture's rank; the next after the tie is 8", () => {
  for (const m of fixture.measures) {
    if (m.expected.rank === null || m.expected.rank === undefined) continue;
    expect([m.id, rank(m.expected.score, totals)]).toEqual([m.id, m.expected.rank]);
  }
  expect(rank(16.083333333333332, totals)).toBe(8);
});

test("with the totals PRIO.SCORE computes: errors in the list are skipped like blanks", () => {
  // The column a user gets with =PRIO.SCORE on every row: #N/A for the measure without Nytte and
  // #VALUE! for the text cell arrive in the list as error values.
  const column = fixture.measures.map((m) => {
    try {
      return [score([fixture.leafOrder.map((id) => m.values[id as LeafId])])];
    } catch (e) {
      return [e];
    }
  });
  expect(column.filter(([v]) => v instanceof CustomFunctionsError)).toHaveLength(2);
  const dbep = column[fixture.measures.findIndex((m) => m.id === "dbep")][0];
  const legevakt = column[fixture.measures.findIndex((m) => m.id === "dok.legevakt")][0];
  expect(rank(dbep, column)).toBe(6);
  expect(rank(legevakt, column)).toBe(6);
  expect(rank(22.75, column)).toBe(1);
});

test("standard competition ranking: 1, 2, 2, 4", () => {
  const list = [[30], [20], [20], [10]];
  expect([30, 20, 10].map((s) => rank(s, list))).toEqual([1, 2, 4]);
  expect(rank(20, [[30, 20, 20, 10]])).toBe(2);
});

test("totals equal within the tolerance tie, whichever float sum they came from", () => {
  const a = 18.166666666666668; // DBEP and Legevakt/ØHD
  const b = 7.3 + 4.6 + 6.266666666666667; // the same total summed from other groups: 18.166666666666664
  expect(nearlyDifferentFloats(a, b)).toBe(true);
  const list = [[22.75], [a], [b], [12]];
  expect(rank(a, list)).toBe(2);
  expect(rank(b, list)).toBe(2);
  expect(rank(12, list)).toBe(4);
  // Beyond the tolerance they do not.
  expect(rank(18.1667, [[18.1667], [18.1666]])).toBe(1);
  expect(rank(18.1666, [[18.1667], [18.1666]])).toBe(2);
});

test("formatted numbers (data types) count as their numbers, in the list and as the score", () => {
  const formatted = (n: number) => ({
    type: "FormattedNumber",
    basicValue: n,
    numberFormat: "0.00",
  });
  expect(rank(formatted(20), [[formatted(30)], [20], [formatted(10)]])).toBe(2);
});

test("blank cells, text, booleans and errors in the list are skipped", () => {
  const list = [[30], [null], ["tekst"], ["25"], [true], [new CustomFunctionsError("#N/A")], [20]];
  expect(rank(20, list)).toBe(2);
});

describe("errors", () => {
  test("a score that is not in the list: #N/A", () => {
    setDisplayLanguage("nb-NO");
    const nb = thrown(() => rank(19, totals));
    expect([nb.code, nb.message]).toEqual(["#N/A", "19 finnes ikke blant 13 tall i listen."]);
    setDisplayLanguage("en-US");
    const en = thrown(() => rank(18.5, totals));
    expect([en.code, en.message]).toEqual([
      "#N/A",
      "18.5 is not among the 13 numbers in the list.",
    ]);
  });

  test("a score that is not a number: #VALUE!", () => {
    setDisplayLanguage("nb-NO");
    const text = thrown(() => rank("18", totals));
    expect([text.code, text.message]).toEqual([
      "#VALUE!",
      "PRIO.RANK trenger et tall som score, men fikk «18».",
    ]);
    const bool = thrown(() => rank(true, totals));
    expect([bool.code, bool.message]).toEqual([
      "#VALUE!",
      "PRIO.RANK trenger et tall som score, men fikk SANN.",
    ]);
    setDisplayLanguage("en-US");
    const blank = thrown(() => rank(null, totals));
    expect([blank.code, blank.message]).toEqual([
      "#VALUE!",
      "PRIO.RANK needs a number as the score, but the cell is empty.",
    ]);
  });

  test("a score that is an error (a measure without a total) has no rank: #N/A", () => {
    setDisplayLanguage("en-US");
    const e = thrown(() =>
      rank(new CustomFunctionsError("#N/A", "Benefit has no scores."), totals)
    );
    expect([e.code, e.message]).toEqual([
      "#N/A",
      "The score is the error #N/A, so it has no rank.",
    ]);
  });
});

test("the tolerance is the model's", () => {
  setFunctionsModel({ ...defaultModel(), tolerance: 0.001 });
  expect(rank(18.17, [[18.166], [18.1], [20]])).toBe(2);
  expect(rank(18.1, [[18.166], [18.1], [20]])).toBe(3);
});

function nearlyDifferentFloats(a: number, b: number): boolean {
  return a !== b && Math.abs(a - b) < 1e-12;
}
