/** The preview's grid reads typed numbers as Excel does in the display language. */
import { shownInput, shownText, typedInput } from "../../src/preview/typing";

test("bokmål: the decimal comma makes a number; other text is passed on as typed", () => {
  expect(typedInput("nb", "7,5")).toBe("7.5");
  expect(typedInput("nb", " 7,5 ")).toBe("7.5");
  expect(typedInput("nb", "-0,25")).toBe("-0.25");
  expect(typedInput("nb", "\u22121,5")).toBe("-1.5");
  expect(typedInput("nb", "1 000,5")).toBe("1000.5");
  expect(typedInput("nb", "12")).toBe("12");
  expect(typedInput("nb", "50%")).toBe("50%");
  expect(typedInput("nb", "7,5 poeng")).toBe("7,5 poeng");
  expect(typedInput("nb", "=AVERAGE(C3:C4)")).toBe("=AVERAGE(C3:C4)");
  expect(typedInput("nb", "Sjekke med jurist?")).toBe("Sjekke med jurist?");
  expect(typedInput("nb", "7,5,1")).toBe("7,5,1");
});

test("English: typed as is (the comma is not a decimal mark)", () => {
  expect(typedInput("en", "7,5")).toBe("7,5");
  expect(typedInput("en", "7.5")).toBe("7.5");
});

test("the formula bar shows a number with the language's decimal mark", () => {
  expect(shownInput("nb", "7.5", true)).toBe("7,5");
  expect(shownInput("en", "7.5", true)).toBe("7.5");
  expect(shownInput("nb", "Dokumentdeling: Fastleger.", false)).toBe("Dokumentdeling: Fastleger.");
});

test("a number in a cell shows with the language's marks: 22,8 and 1\u00a0000,5 in bokmål", () => {
  expect(shownText("nb", "22.8", true)).toBe("22,8");
  expect(shownText("nb", "1,000.5", true)).toBe("1\u00a0000,5");
  expect(shownText("en", "22.8", true)).toBe("22.8");
  expect(shownText("nb", "Kritisk info: Fastleger.", false)).toBe("Kritisk info: Fastleger.");
});
