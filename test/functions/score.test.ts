/**
 * =PRIO.SCORE over the council meeting of 21 September 2022: the measures' typed scores in model
 * order, as Excel passes a row or a column, give the totals the core gives (fixture `expected`).
 */
import fc from "fast-check";
import fixture from "../fixtures/prioritering-2022-09.json";
import { defaultModel, leaves, withWeight, type Model } from "../../src/core/model";
import { score } from "../../src/functions/functions";
import { getFunctionsModel, setFunctionsModel } from "../../src/functions/model-source";
import {
  CustomFunctionsError,
  installCustomFunctionsHost,
  setDisplayLanguage,
  thrown,
} from "./host";

type Measure = (typeof fixture.measures)[number];
type LeafId = keyof Measure["values"];

const byId = (id: string): Measure => {
  const m = fixture.measures.find((x) => x.id === id);
  if (!m) throw new Error(`no measure ${id} in the fixture`);
  return m;
};

/** The measure's 11 typed values in leafOrder (the model's order), as one Excel row. */
const row = (m: Measure): unknown[][] => [fixture.leafOrder.map((id) => m.values[id as LeafId])];
const column = (m: Measure): unknown[][] => fixture.leafOrder.map((id) => [m.values[id as LeafId]]);

beforeAll(() => installCustomFunctionsHost());
beforeEach(() => setDisplayLanguage(undefined));
afterEach(() => setFunctionsModel(defaultModel()));

test("the fixture's leaf order is the default model's leaf order", () => {
  expect(leaves(defaultModel()).map((l) => l.id)).toEqual(fixture.leafOrder);
  expect(getFunctionsModel()).toEqual(defaultModel());
});

test("PLL scores exactly 22.75 (9 + 6.25 + 7.5), from a row and from a column", () => {
  expect(score(row(byId("pll")))).toBe(22.75);
  expect(score(column(byId("pll")))).toBe(22.75);
});

test("DBEP scores 18.166666666666668", () => {
  expect(score(row(byId("dbep")))).toBe(18.166666666666668);
});

test("every measure with a total and only valid cells scores what the core's model intends", () => {
  const scored = fixture.measures.filter(
    (m) => m.expected.score !== null && m.expected.invalid.length === 0
  );
  expect(scored.length).toBe(12);
  for (const m of scored) expect([m.id, score(row(m))]).toEqual([m.id, m.expected.score]);
});

describe("no total: #N/A naming what is missing", () => {
  const andre = byId("dok.andre"); // Nytte has no values at all

  test("bokmål", () => {
    setDisplayLanguage("nb-NO");
    const e = thrown(() => score(row(andre)));
    expect(e.code).toBe("#N/A");
    expect(e.message).toBe("Nytte mangler score.");
  });

  test("English", () => {
    setDisplayLanguage("en-US");
    const e = thrown(() => score(row(andre)));
    expect(e.code).toBe("#N/A");
    expect(e.message).toBe("Benefit has no scores.");
  });

  test("no Office (the runtime is not there): English", () => {
    expect(thrown(() => score(row(andre))).message).toBe("Benefit has no scores.");
  });

  test("nynorsk and plain «no» display languages read bokmål", () => {
    for (const locale of ["nn-NO", "no", "nb"]) {
      setDisplayLanguage(locale);
      expect(thrown(() => score(row(andre))).message).toBe("Nytte mangler score.");
    }
  });

  test("two groups missing are both named", () => {
    const values = [[4, 4, null, null, null, null, null, null, null, null, null]];
    setDisplayLanguage("nb-NO");
    expect(thrown(() => score(values)).message).toBe("Kostnader og Nytte mangler score.");
    setDisplayLanguage("en-GB");
    expect(thrown(() => score(values)).message).toBe(
      "Costs (complexity) and Benefit have no scores."
    );
  });

  test("a blank inside a group is left out, like in the add-in: PLL without infrastructure", () => {
    const values = row(byId("pll"));
    values[0][10] = null; // Nytte = mean(Pasient 10, Helsepersonell 9.5) = 9.75
    expect(score(values)).toBe(9 + 6.25 + 9.75);
    values[0][10] = "  "; // whitespace is blank too
    expect(score(values)).toBe(9 + 6.25 + 9.75);
  });
});

describe("a cell that is not a score: #VALUE! naming the criterion and the position", () => {
  const kiAndre = byId("ki.andre"); // "Sjekke med jurist?" typed into Juridisk utvikling

  test("the meeting's text cell, in bokmål", () => {
    expect(kiAndre.values["kost.juridisk"]).toBe("Sjekke med jurist?");
    expect(fixture.leafOrder.indexOf("kost.juridisk")).toBe(4);
    setDisplayLanguage("nb-NO");
    const e = thrown(() => score(row(kiAndre)));
    expect(e.code).toBe("#VALUE!");
    expect(e.message).toBe(
      "Posisjon 5 (Juridisk utvikling) inneholder teksten «Sjekke med jurist?», ikke en score fra 0 til 10."
    );
  });

  test("the same in English", () => {
    setDisplayLanguage("en-US");
    const e = thrown(() => score(column(kiAndre)));
    expect(e.code).toBe("#VALUE!");
    expect(e.message).toBe(
      "Position 5 (Legal development) holds the text “Sjekke med jurist?”, not a score from 0 to 10."
    );
  });

  test("a number typed as text is named with the number to type", () => {
    const values = row(byId("pll"));
    values[0][0] = "7,5";
    setDisplayLanguage("nb-NO");
    expect(thrown(() => score(values)).message).toBe(
      "Posisjon 1 (Informasjonsbehov) inneholder «7,5» som tekst. Skriv inn tallet 7,5."
    );
    setDisplayLanguage("en-US");
    expect(thrown(() => score(values)).message).toBe(
      "Position 1 (Information needs) holds “7,5” as text. Type the number 7.5."
    );
  });

  test("booleans, error values and numbers outside the scale", () => {
    setDisplayLanguage("nb-NO");
    const withCell = (i: number, v: unknown): unknown[][] => {
      const values = row(byId("pll"));
      values[0][i] = v;
      return values;
    };
    const bool = thrown(() => score(withCell(6, true)));
    expect([bool.code, bool.message]).toEqual([
      "#VALUE!",
      "Posisjon 7 (Pasientsikkerhet) inneholder SANN, ikke en score fra 0 til 10.",
    ]);
    // An error value arrives as an error object carrying its code.
    const err = thrown(() => score(withCell(10, new CustomFunctionsError("#DIV/0!"))));
    expect([err.code, err.message]).toEqual([
      "#VALUE!",
      "Posisjon 11 (Sentral infrastruktur) inneholder feilen #DIV/0!.",
    ]);
    // … or, with data types enabled, as an Excel.CellValue.
    const cellValue = thrown(() =>
      score(withCell(10, { type: "Error", basicValue: "#REF!", errorType: "Ref" }))
    );
    expect(cellValue.message).toBe("Posisjon 11 (Sentral infrastruktur) inneholder feilen #REF!.");
    const out = thrown(() => score(withCell(2, 11)));
    expect([out.code, out.message]).toEqual([
      "#VALUE!",
      "Posisjon 3 (Teknisk kompleksitet) er 11, utenfor skalaen 0–10.",
    ]);
  });

  test("a formatted number (data type) counts as its number", () => {
    const values = row(byId("pll"));
    values[0][0] = { type: "FormattedNumber", basicValue: 8, numberFormat: "0.0" };
    expect(score(values)).toBe(22.75);
  });

  test("several bad cells: the first is named, the others counted", () => {
    const values = row(byId("ki.andre"));
    values[0][0] = "x";
    values[0][1] = false;
    setDisplayLanguage("en-US");
    expect(thrown(() => score(values)).message).toBe(
      "Position 1 (Information needs) holds the text “x”, not a score from 0 to 10. 2 other cells are not valid scores either."
    );
  });
});

describe("a range of the wrong size: #VALUE! saying how many values", () => {
  test.each([
    ["ten values", [[1, 2, 3, 4, 5, 6, 7, 8, 9, 10]], "1 × 10"],
    ["twelve values", [[1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 1, 2]], "1 × 12"],
    ["two rows", [fixture.leafOrder.map(() => 5), fixture.leafOrder.map(() => 5)], "2 × 11"],
    ["one cell", [[5]], "1 × 1"],
  ])("%s", (_, values, shape) => {
    setDisplayLanguage("en-US");
    const e = thrown(() => score(values));
    expect(e.code).toBe("#VALUE!");
    expect(e.message).toBe(
      `PRIO.SCORE expects 11 values in one row or column (the model's questions in order), but got ${shape} cells.`
    );
  });

  test("in bokmål", () => {
    setDisplayLanguage("nb-NO");
    expect(thrown(() => score([[1, 2]])).message).toBe(
      "PRIO.SCORE venter 11 verdier i én rad eller kolonne (modellens spørsmål i rekkefølge), men fikk 1 × 2 celler."
    );
  });
});

describe("the workbook's model, once the controller has read it", () => {
  test("weights: Nytte counted twice", () => {
    setFunctionsModel(withWeight(defaultModel(), "nytte", 2));
    expect(score(row(byId("pll")))).toBe(9 + 6.25 + 2 * 7.5);
  });

  test("mean total and an inverted leaf", () => {
    const base = defaultModel();
    const model: Model = {
      ...base,
      total: "mean",
      criteria: base.criteria.map((g) =>
        g.id === "kost"
          ? {
              ...g,
              children: g.children!.map((c) =>
                c.id === "kost.teknisk" ? { ...c, direction: "inverted" as const } : c
              ),
            }
          : g
      ),
    };
    setFunctionsModel(model);
    // PLL: Kostnader = mean(10 − 6, 1, 9, 9) = 5.75; total = (9 + 5.75 + 7.5) / 3.
    expect(score(row(byId("pll")))).toBe((9 + 5.75 + 7.5) / 3);
  });

  test("a model with fewer questions expects fewer values", () => {
    const base = defaultModel();
    setFunctionsModel({ ...base, criteria: base.criteria.filter((g) => g.id !== "nytte") });
    expect(score([[8, 10, 6, 1, 9, 9]])).toBe(9 + 6.25);
    setDisplayLanguage("en-US");
    expect(thrown(() => score(row(byId("pll")))).message).toContain("expects 6 values");
  });
});

test("any input gives a finite number or a #VALUE!/#N/A with a message, never NaN or an error-looking string", () => {
  const cell = fc.oneof(
    fc.integer({ min: 0, max: 10 }),
    fc.double({ noNaN: false }),
    fc.constantFrom(null, "", "7,5", "#N/A", "tekst", true, false, Infinity, -Infinity, NaN),
    fc.constant(new CustomFunctionsError("#N/A"))
  );
  fc.assert(
    fc.property(
      fc.array(cell, { minLength: 11, maxLength: 11 }),
      fc.boolean(),
      (cells, asColumn) => {
        const input = asColumn ? cells.map((c) => [c]) : [cells];
        try {
          const total = score(input);
          expect(typeof total).toBe("number");
          expect(Number.isFinite(total)).toBe(true);
          expect(total).toBeGreaterThanOrEqual(0);
          expect(total).toBeLessThanOrEqual(30);
        } catch (e) {
          expect(e).toBeInstanceOf(CustomFunctionsError);
          const err = e as CustomFunctionsError;
          expect(["#VALUE!", "#N/A"]).toContain(err.code);
          expect(err.message.length).toBeGreaterThan(0);
        }
      }
    ),
    { numRuns: 500 }
  );
});
