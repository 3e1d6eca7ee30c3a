/** The export, decision-deck, CLI-slides and CLI-help catalogs: bokmål and English have the same keys, no blanks, the same placeholders. */
import { enCliSlides, nbCliSlides } from "../../src/i18n/cli-slides";
import { enExport, nbExport } from "../../src/i18n/export";
import { enDecision, nbDecision } from "../../src/i18n/decision";
import { enCliHelp, nbCliHelp } from "../../src/i18n/cli-help";

const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe.each([
  ["export", nbExport as Record<string, string>, enExport as Record<string, string>],
  ["cli-slides", nbCliSlides as Record<string, string>, enCliSlides as Record<string, string>],
  ["decision", nbDecision as Record<string, string>, enDecision as Record<string, string>],
  ["cli-help", nbCliHelp as Record<string, string>, enCliHelp as Record<string, string>],
])("%s", (_, nb, en) => {
  test("same keys in both languages", () => expect(Object.keys(en).sort()).toEqual(Object.keys(nb).sort()));
  test("no blank string; the same placeholders in both", () => {
    for (const k of Object.keys(nb)) {
      expect({ k, blank: nb[k].trim() === "" || en[k].trim() === "" }).toEqual({ k, blank: false });
      expect({ k, p: placeholders(en[k]) }).toEqual({ k, p: placeholders(nb[k]) });
    }
  });
});
