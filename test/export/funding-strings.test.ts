/** The funding probabilities' strings (i18n/funding.ts): both languages, the same keys and placeholders, none empty; the share and threshold texts. */
import { fundingCatalogs, robustLabel, sharePercent, thresholdPercent } from "../../src/i18n/funding";

const names = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

test("bokmål and English: the same keys, the same placeholders, no empty string", () => {
  const { nb, en } = fundingCatalogs;
  expect(Object.keys(en).sort()).toEqual(Object.keys(nb).sort());
  for (const key of Object.keys(nb) as (keyof typeof nb)[]) {
    expect([key, names(en[key])]).toEqual([key, names(nb[key])]);
    expect(nb[key].trim()).not.toBe("");
    expect(en[key].trim()).not.toBe("");
  }
});

test("shares print as the pane prints probabilities: whole per cent, <1 and >99 near the ends, 0 and 100 only at them", () => {
  expect([0, 0.004, 0.18, 0.995, 1].map((p) => sharePercent("nb", p))).toEqual(["0\u00a0%", "<1\u00a0%", "18\u00a0%", ">99\u00a0%", "100\u00a0%"]);
  expect(sharePercent("en", 0.18)).toBe("18%");
  expect([thresholdPercent("nb", 0.975), thresholdPercent("en", 0.95)]).toEqual(["97,5\u00a0%", "95%"]);
  expect([robustLabel("nb", "core"), robustLabel("nb", "borderline"), robustLabel("nb", "exterior"), robustLabel("en", "borderline"), robustLabel("en", null)]).toEqual(["kjerne", "grense", "utenfor", "borderline", "–"]);
});
