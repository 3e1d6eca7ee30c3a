/**
 * A cell value is classified, never guessed: a number inside the scale is a score, a blank is
 * missing, everything else is invalid with its reason and, where the intent is obvious, the fix.
 */
import { classify, numberInText, type CellValue } from "../../src/core/cell";
import { scoreMeasure } from "../../src/core/aggregate";
import { defaultModel } from "../../src/core/model";
import { findingMessage } from "../../src/i18n";

const scale = { min: 0, max: 10 };

describe("a number inside the scale is a score", () => {
  test.each([0, 7, 7.5, 10, 0.1 + 0.2])("%p", (v) => {
    expect(classify(v, scale)).toEqual({ kind: "score", value: v });
  });
});

describe("a blank is missing", () => {
  test.each([
    ["null", null],
    ["undefined", undefined],
    ["empty text", ""],
    ["spaces only", "  "],
    ["tab and newline", "\t\n"],
  ] as [string, CellValue | undefined][])("%s", (_what, v) => {
    expect(classify(v, scale)).toEqual({ kind: "missing" });
  });
});

describe("a number typed as text is invalid, with the number as the suggested fix", () => {
  test("«7,5» (Norwegian decimal comma) → 7.5", () => {
    expect(classify("7,5", scale)).toEqual({ kind: "invalid", reason: "text", raw: "7,5", suggestion: 7.5 });
  });
  test("«7» as text is not a score; the suggestion is 7", () => {
    expect(classify("7", scale)).toEqual({ kind: "invalid", reason: "text", raw: "7", suggestion: 7 });
  });
  test("« 7.5 » with spaces and a point → 7.5", () => {
    expect(classify(" 7.5 ", scale)).toEqual({ kind: "invalid", reason: "text", raw: " 7.5 ", suggestion: 7.5 });
  });
  test("a text number outside the scale gets no suggestion («11», «-1»)", () => {
    expect(classify("11", scale)).toEqual({ kind: "invalid", reason: "text", raw: "11" });
    expect(classify("-1", scale)).toEqual({ kind: "invalid", reason: "text", raw: "-1" });
  });
  test.each(["1 000", "7,5,1", "7.5.1", "ca. 7", "7 av 10", "7-8", "1e1", "0x7", "sju"])("«%s» is not plainly one number: no suggestion", (s) => {
    expect(numberInText(s)).toBeUndefined();
    expect(classify(s, scale)).toEqual({ kind: "invalid", reason: "text", raw: s });
  });
});

test("the council's «Sjekke med jurist?» is text, invalid, without a suggestion", () => {
  expect(classify("Sjekke med jurist?", scale)).toEqual({ kind: "invalid", reason: "text", raw: "Sjekke med jurist?" });
});

describe("numbers outside the scale are invalid", () => {
  test.each([11, -1, 10.000001, -0.5, 1e308])("%p", (v) => {
    expect(classify(v, scale)).toEqual({ kind: "invalid", reason: "out-of-scale", raw: String(v) });
  });
  test("the scale is the model's: 0 is outside 1–5, 5 inside", () => {
    expect(classify(0, { min: 1, max: 5 }).kind).toBe("invalid");
    expect(classify(5, { min: 1, max: 5 })).toEqual({ kind: "score", value: 5 });
  });
});

describe("NaN and Infinity are invalid (not finite)", () => {
  test.each([NaN, Infinity, -Infinity])("%p", (v) => {
    expect(classify(v, scale)).toEqual({ kind: "invalid", reason: "not-finite", raw: String(v) });
  });
});

describe("booleans are invalid", () => {
  test("TRUE", () => expect(classify(true, scale)).toEqual({ kind: "invalid", reason: "boolean", raw: "TRUE" }));
  test("FALSE", () => expect(classify(false, scale)).toEqual({ kind: "invalid", reason: "boolean", raw: "FALSE" }));
});

describe("Excel error values are invalid", () => {
  test.each(["#REF!", "#DIV/0!", "#N/A", "#VALUE!", "#NAME?"])("%s", (error) => {
    expect(classify({ error }, scale)).toEqual({ kind: "invalid", reason: "error", raw: error });
  });
});

describe("an invalid value is never used silently", () => {
  const model = defaultModel();
  const leaf = "kost.juridisk";
  const others = { "kost.teknisk": 2, "kost.org": 4, "kost.semantisk": 6 };
  const withJuridisk = (value: CellValue) =>
    scoreMeasure(model, {
      id: "m",
      name: "Tiltak",
      scores: {
        ...Object.fromEntries(Object.entries(others).map(([k, v]) => [k, { value: v }])),
        [leaf]: { value, address: "'Kritisk info'!F9" },
      },
    });

  test.each([
    ["7,5", "cell-text"],
    ["7", "cell-text"],
    [11, "cell-out-of-scale"],
    [-1, "cell-out-of-scale"],
    [NaN, "cell-not-finite"],
    [Infinity, "cell-not-finite"],
    [true, "cell-boolean"],
    [{ error: "#REF!" }, "cell-error"],
  ] as [CellValue, string][])("%p is left out of Kostnader and reported at its cell as %s", (value, code) => {
    const s = withJuridisk(value);
    // Kostnader = mean of the three valid leaves: (2 + 4 + 6) / 3 = 4, never including the invalid one.
    expect(s.values.kost).toBe(4);
    expect(s.values[leaf]).toBeNull();
    expect(s.invalid).toEqual([leaf]);
    expect(s.complete).toBe(false);
    const f = s.findings.filter((x) => x.code === code);
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ severity: "error", cell: "'Kritisk info'!F9", measureId: "m", criterionId: leaf });
  });

  test("the finding names the fix for «7,5»: 7,5 in bokmål, 7.5 in English", () => {
    const f = withJuridisk("7,5").findings.find((x) => x.code === "cell-text")!;
    expect(f.params.suggestion).toBe(7.5);
    expect(findingMessage(f, "nb", model)).toContain("Skriv 7,5 som et tall");
    expect(findingMessage(f, "en", model)).toContain("Type 7.5 as a number");
  });

  test("a score Norwegian Excel read as a date says what happened: «7.5 ble lest som datoen 7. mai; skriv 7,5»", () => {
    // 7 May 2026 is Excel's serial 46149 (Excel makes «7.5» typed into a cell a date of this year).
    const f = withJuridisk(46149).findings.find((x) => x.code === "cell-out-of-scale")!;
    expect(f.params).toMatchObject({ day: 7, month: 5 });
    expect(findingMessage(f, "nb", model)).toContain("7.5 ble lest som datoen 7. mai; skriv 7,5");
    expect(findingMessage(f, "en", model)).toContain("7.5 was read as the date 7 May; type 7,5");
    // 12.03 → 12 March, 1/2 → 1 February (2026).
    expect(findingMessage(withJuridisk(46093).findings.find((x) => x.code === "cell-out-of-scale")!, "nb", model)).toContain("12.3 ble lest som datoen 12. mars; skriv 12,3");
    expect(findingMessage(withJuridisk(46054).findings.find((x) => x.code === "cell-out-of-scale")!, "en", model)).toContain("1.2 was read as the date 1 February; type 1,2");
  });

  test("only a whole number in the range of recent dates is taken for a date, and only on a scale far below it", () => {
    expect(classify(46149, scale)).toEqual({ kind: "invalid", reason: "out-of-scale", raw: "46149", date: { day: 7, month: 5 } });
    expect(classify(46149.5, scale)).toEqual({ kind: "invalid", reason: "out-of-scale", raw: "46149.5" });
    expect(classify(32873, scale)).toEqual({ kind: "invalid", reason: "out-of-scale", raw: "32873" });
    expect(classify(73051, scale)).toEqual({ kind: "invalid", reason: "out-of-scale", raw: "73051" });
    expect(classify(32874, scale)).toMatchObject({ date: { day: 1, month: 1 } });
    expect(classify(46149, { min: 0, max: 100_000 })).toEqual({ kind: "score", value: 46149 });
    expect(classify(146149, { min: 0, max: 100_000 })).toEqual({ kind: "invalid", reason: "out-of-scale", raw: "146149" });
    expect(findingMessage(withJuridisk(11).findings.find((x) => x.code === "cell-out-of-scale")!, "nb", model)).toContain("11 i");
  });

  test("a blank is missing, not invalid, and has no cell finding of its own", () => {
    const s = withJuridisk("  ");
    expect(s.values.kost).toBe(4);
    expect(s.missing).toContain(leaf);
    expect(s.invalid).toEqual([]);
    expect(s.findings.some((f) => f.code.startsWith("cell-"))).toBe(false);
  });
});
