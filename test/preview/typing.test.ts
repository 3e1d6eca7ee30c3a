/** The preview's grid shows numbers as Excel does in the display language (typing is the in-memory workbook's, test/sim/values.test.ts). */
import { shownInput, shownText } from "../../src/preview/typing";

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
