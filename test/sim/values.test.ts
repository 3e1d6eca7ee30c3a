/** What typed text becomes in a cell (en-US Excel), and how a cell's value is shown with its number format. */
import { displayText, generalDisplay, readEntry } from "../../src/sim/values";

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
