/**
 * Counts read right in both languages: «1 celle», "1 finding", "1 measure was imported". Every
 * catalog string with a count is checked at 1 and at 2; the plural forms are written
 * `{count|one|other}` (src/i18n/format.ts).
 */
import { fill, t } from "../../src/i18n";
import { enFunctions, nbFunctions } from "../../src/i18n/functions";
import { enTaskpane, nbTaskpane, tp } from "../../src/i18n/taskpane";
import { ctp, enChecklistPane, nbChecklistPane } from "../../src/i18n/checklist-pane";
import { enFindingsPane, nbFindingsPane } from "../../src/i18n/findings-pane";
import { enModelPane, nbModelPane } from "../../src/i18n/model-pane";
import { enUi, nbUi } from "../../src/i18n/ui";
import { enCliUi, nbCliUi, tc } from "../../src/i18n/cli-ui";

test("fill picks the form for the number: the first for 1, the second otherwise", () => {
  expect(fill("{count} {count|celle|celler}", { count: 1 })).toBe("1 celle");
  expect(fill("{count} {count|celle|celler}", { count: 0 })).toBe("0 celler");
  expect(fill("{count} {count|celle|celler}", { count: 12 })).toBe("12 celler");
  expect(fill("{count|cell was|cells were}", {})).toBe("{count|cell was|cells were}");
});

test("the counts the pane and the CLI show, at 1 and at 2, in bokmål and English", () => {
  expect(t("nb", "excel.notice.synced", { count: 1 })).toBe("1 celle er oppdatert i de opprinnelige arkene. Det som sto der før, står i arket Logg.");
  expect(t("en", "excel.notice.synced", { count: 1 })).toBe("1 cell was updated in the original sheets. What was there before is in the Logg sheet.");
  expect(t("en", "excel.notice.synced", { count: 2 })).toBe("2 cells were updated in the original sheets. What was there before is in the Logg sheet.");
  expect(tc("nb", "cli.summary", { ranked: 1, count: 1, errors: 1, warnings: 1, infos: 1 })).toBe("1 av 1 tiltak rangert; 1 feil, 1 advarsel, 1 merknad.");
  expect(tc("nb", "cli.summary", { ranked: 2, count: 2, errors: 2, warnings: 2, infos: 2 })).toBe("2 av 2 tiltak rangert; 2 feil, 2 advarsler, 2 merknader.");
  expect(tc("en", "cli.summary", { ranked: 1, count: 1, errors: 1, warnings: 1, infos: 1 })).toBe("1 of 1 measure ranked; 1 error, 1 warning, 1 note.");
  expect(tc("en", "cli.summary", { ranked: 0, count: 2, errors: 0, warnings: 2, infos: 2 })).toBe("0 of 2 measures ranked; 0 errors, 2 warnings, 2 notes.");
  expect(t("en", "excel.notice.imported", { count: 1 })).toBe("1 measure was imported to the Vurdering sheet. The original sheets are untouched.");
  expect(tp("en", "tab.findingsCount", { count: 1 })).toBe("1 finding");
  expect(tp("en", "ranking.summary", { ranked: 1, count: 1 })).toBe("1 of 1 measure ranked");
  expect(ctp("nb", "checklist.reportsPerYear", { n: 1 })).toBe("1 rapportering i året");
  expect(ctp("en", "checklist.reportsPerYear", { n: 2 })).toBe("2 reports a year");
});

test("no catalog string leaves a count's form unfilled or reads «1 … s» in English", () => {
  const catalogs: [string, Record<string, string>][] = [
    ["nbTaskpane", nbTaskpane],
    ["enTaskpane", enTaskpane],
    ["nbChecklistPane", nbChecklistPane],
    ["enChecklistPane", enChecklistPane],
    ["nbFindingsPane", nbFindingsPane],
    ["enFindingsPane", enFindingsPane],
    ["nbModelPane", nbModelPane],
    ["enModelPane", enModelPane],
    ["nbUi", nbUi],
    ["enUi", enUi],
    ["nbCliUi", nbCliUi],
    ["enCliUi", enCliUi],
    ["nbFunctions", nbFunctions as Record<string, string>],
    ["enFunctions", enFunctions as Record<string, string>],
  ];
  const countWords = ["count", "n", "ranked", "errors", "warnings", "infos"];
  for (const [name, table] of catalogs) {
    for (const [key, template] of Object.entries(table)) {
      for (const n of [1, 2]) {
        const params = Object.fromEntries(countWords.map((w) => [w, n]));
        const text = fill(template, params);
        expect([name, key, /\{(count|n|ranked|errors|warnings|infos)\b/.test(text)]).toEqual([name, key, false]);
        if (name.startsWith("en") && n === 1) {
          // "1 cells", "1 measures", "1 findings" …: a plural noun right after the number 1.
          expect([name, key, /\b1 (cells|measures|findings|values|numbers|errors|warnings|notes|reports)\b/.test(text)]).toEqual([name, key, false]);
        }
        if (name.startsWith("nb") && n === 1) {
          expect([name, key, /\b1 (celler|verdier|advarsler|merknader|rapporteringer)\b/.test(text)]).toEqual([name, key, false]);
        }
      }
    }
  }
});
