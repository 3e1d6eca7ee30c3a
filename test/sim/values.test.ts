/** What typed text becomes in a cell (en-US and Norwegian Excel), and how a cell's value is shown with its number format. */
import { displayText, generalDisplay, impliedNumberFormat, readEntry } from "../../src/sim/values";

test.each<[string, unknown]>([
  ["7", { value: 7 }],
  [" 7 ", { value: 7 }],
  ["-3.5", { value: -3.5 }],
  ["1,000", { value: 1000 }],
  ["1e3", { value: 1000 }],
  ["50%", { value: 0.5 }],
  ["7,5", { value: "7,5" }],
  ["Sjekke med jurist?", { value: "Sjekke med jurist?" }],
  ["true", { value: true }],
  ["#div/0!", { value: { error: "#DIV/0!" } }],
  ["=AVERAGE(C4:C5)", { formula: "AVERAGE(C4:C5)" }],
  ["'=C3+C6", { value: "=C3+C6" }],
  ["'7", { value: "7" }],
  ["", { value: null }],
  ["=", { value: "=" }],
  // Lotus habits Excel keeps: a leading + or - starts a formula unless the entry is a number; @ too.
  ["+A1", { formula: "+A1" }],
  ["-viktig", { formula: "-viktig" }],
  ["- viktig tiltak (fase 2", { formula: "- viktig tiltak (fase 2" }],
  ["@SUM(A1)", { formula: "@SUM(A1)" }],
  ["+", { value: "+" }],
  ["-", { value: "-" }],
  ["'-viktig", { value: "-viktig" }],
])("typing %j gives %j", (text, entry) => {
  expect(readEntry(text)).toEqual(entry);
});

// In Norwegian Excel the decimal sign is a comma, and a point or a slash between two numbers
// that could be a day and a month makes a date of this year (15 January 2026 here).
const TODAY = new Date(2026, 0, 15);
test.each<[string, unknown, string | undefined]>([
  ["7,5", { value: 7.5 }, undefined],
  [" 7,5 ", { value: 7.5 }, undefined],
  ["-0,25", { value: -0.25 }, undefined],
  ["1 000,5", { value: 1000.5 }, undefined],
  ["1\u00a0000", { value: 1000 }, undefined],
  ["50 %", { value: 0.5 }, "0%"],
  ["7", { value: 7 }, undefined],
  ["7.5", { value: 46149 }, "d-mmm"],
  ["12.03", { value: 46093 }, "d-mmm"],
  ["1/2", { value: 46054 }, "d-mmm"],
  ["7.5.2024", { value: 45419 }, "m/d/yyyy"],
  ["7.5.24", { value: 45419 }, "m/d/yyyy"],
  ["31.2", { value: "31.2" }, undefined],
  ["7.50", { value: "7.50" }, undefined],
  ["7,5,1", { value: "7,5,1" }, undefined],
  ["SANN", { value: true }, undefined],
  ["usann", { value: false }, undefined],
  ["TRUE", { value: "TRUE" }, undefined],
  ["#I/T", { value: { error: "#N/A" } }, undefined],
  ["#N/A", { value: { error: "#N/A" } }, undefined],
  ["'7.5", { value: "7.5" }, undefined],
])("typing %j in Norwegian Excel gives %j (format %j)", (text, entry, format) => {
  expect(readEntry(text, undefined, "nb", TODAY)).toEqual(entry);
  expect(impliedNumberFormat(text, "nb", TODAY)).toBe(format);
});

test("in US English a slash makes a date month first, a point a decimal", () => {
  expect(readEntry("7/5", undefined, "en", TODAY)).toEqual({ value: 46208 });
  expect(readEntry("7.5", undefined, "en", TODAY)).toEqual({ value: 7.5 });
  expect(readEntry("13/5", undefined, "en", TODAY)).toEqual({ value: "13/5" });
  expect(readEntry("7.5", "@", "nb", TODAY)).toEqual({ value: "7.5" });
});

test("in a cell formatted as Text everything stays text", () => {
  expect(readEntry("=A1", "@")).toEqual({ value: "=A1" });
  expect(readEntry("16.083333333333332", "@")).toEqual({ value: "16.083333333333332" });
});

test.each<[unknown, string | undefined, string]>([
  [22.75, undefined, "22.75"],
  [18.166666666666668, "General", "18.16666667"],
  [1234567890123, "General", "1.23457E+12"],
  [6, '0"="', "6="],
  [6.5, "0", "7"],
  [16.083333333333332, "0.0", "16.1"],
  [0.6667, "0.0%", "66.7%"],
  [1234.5, "#,##0.00", "1,234.50"],
  [-2, "0.0;(0.0)", "(2.0)"],
  [0, "0.00", "0.00"],
  [5, "0.##", "5."],
  ["PLL", "0.0", "PLL"],
  [true, undefined, "TRUE"],
  [{ error: "#N/A" }, undefined, "#N/A"],
  [null, "0.0", ""],
])("%j shown with %j is %j", (value, format, text) => {
  expect(displayText(value as never, format)).toBe(text);
});

test("General shows at most ten significant characters", () => {
  expect(generalDisplay(1 / 3)).toBe("0.333333333");
  expect(generalDisplay(-1 / 3)).toBe("-0.33333333");
  expect(generalDisplay(100)).toBe("100");
});
