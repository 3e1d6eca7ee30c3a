/**
 * A measure ranked on few scores is a warning: a top-level group with less than the model's
 * share of its questions scored (Modell: «Minste andel besvart», default 0.5 = at least half).
 */
import { scoreMeasure, thinGroups, type MeasureInput } from "../../src/core/aggregate";
import { defaultModel, leaves, type Model } from "../../src/core/model";
import { findingMessage } from "../../src/i18n";
import { readModelTables, modelRows, settingsRows } from "../../src/grid/model-table";
import { SETTINGS_KEYS } from "../../src/grid/layout";

const model = defaultModel();
const ALL = leaves(model).map((l) => l.id);
const KOST = ["kost.teknisk", "kost.org", "kost.juridisk", "kost.semantisk"];

/** A measure's scores (5–9), with the given leaves left blank. */
function pll(blank: string[], m: Model = model): ReturnType<typeof scoreMeasure> {
  const input: MeasureInput = {
    id: "T013",
    name: "PLL",
    // Columns E–O of row 15, as the scoring table reads them: a blank cell is null with its address.
    scores: Object.fromEntries(ALL.map((id, i) => [id, { value: blank.includes(id) ? null : 5 + (i % 5), address: `Vurdering!${String.fromCharCode(69 + i)}15` }])),
    address: "Vurdering!B15",
  };
  return scoreMeasure(m, input);
}

test("Kostnader with 1 of 4 scored: ranked on few scores, a warning at the first blank cell, in both languages", () => {
  const r = pll(["kost.org", "kost.juridisk", "kost.semantisk"]);
  expect(r.total).not.toBeNull();
  const f = r.findings.find((x) => x.code === "few-scores")!;
  expect(f).toMatchObject({ severity: "warning", cell: "Vurdering!H15", measureId: "T013", params: { groups: ["kost"], scored: [1], of: [4], threshold: 0.5 } });
  // Not also the milder missing-scores note.
  expect(r.findings.map((x) => x.code)).toEqual(["few-scores"]);
  expect(findingMessage(f, "nb", model)).toBe(
    "PLL er rangert på få scorer: Kostnader (1 av 4) har færre enn 50\u00a0% av spørsmålene besvart. Totalen kan endre seg mye når resten fylles inn; fyll inn de tomme cellene, eller endre grensen (Minste andel besvart) på arket Modell.",
  );
  expect(findingMessage(f, "en", model)).toBe(
    "PLL is ranked on few scores: Costs (complexity) (1 of 4) has fewer than 50% of the questions answered. The total may change a lot once the rest are filled in; fill in the empty cells, or change the limit (Minste andel besvart) on the Modell sheet.",
  );
});

test("two thin groups are listed together; exactly half is enough", () => {
  const r = pll(["kost.org", "kost.juridisk", "kost.semantisk", "nytte.pasient.sikkerhet", "nytte.pasient.hverdag", "nytte.hp.arbeidshverdag"]);
  const f = r.findings.find((x) => x.code === "few-scores")!;
  expect(f.params).toMatchObject({ groups: ["kost", "nytte"], scored: [1, 2], of: [4, 5] });
  expect(findingMessage(f, "nb", model)).toContain("PLL er rangert på få scorer: Kostnader (1 av 4) og Nytte (2 av 5) har hver færre enn 50\u00a0%");
  expect(findingMessage(f, "en", model)).toContain("Costs (complexity) (1 of 4) and Benefit (2 of 5) each have fewer than 50%");

  const half = pll(["kost.org", "kost.juridisk"]);
  expect(half.findings.map((x) => [x.code, x.severity])).toEqual([["missing-scores", "info"]]);
});

test("the threshold comes from the model: 0.75 makes 2 of 4 thin, 0 never warns", () => {
  expect(pll(["kost.org", "kost.juridisk"], { ...model, completeness: 0.75 }).findings.map((x) => x.code)).toEqual(["few-scores"]);
  expect(pll(["kost.org", "kost.juridisk", "kost.semantisk"], { ...model, completeness: 0 }).findings.map((x) => x.code)).toEqual(["missing-scores"]);
});

test("brute force: thin exactly when some group's scored share is below the threshold (every blank pattern of Kostnader × Måloppnåelse)", () => {
  const maal = ["maal.behov", "maal.prioritet"];
  const pool = [...maal, ...KOST];
  for (let mask = 0; mask < 1 << pool.length; mask++) {
    const blank = pool.filter((_, i) => mask & (1 << i));
    for (const t of [0, 0.25, 0.5, 0.75, 1]) {
      const m = { ...model, completeness: t };
      const share = (ids: string[]) => ids.filter((id) => !blank.includes(id)).length / ids.length;
      const expected = [["maal", maal], ["kost", KOST]].filter(([, ids]) => share(ids as string[]) < t && share(ids as string[]) < 1).map(([g]) => g);
      expect([mask, t, thinGroups(m, new Set(blank)).map((g) => g.id)]).toEqual([mask, t, expected]);
      const r = pll(blank, m);
      const few = r.findings.filter((x) => x.code === "few-scores");
      // A group with no score at all gives no total; then no-total says it, not few-scores.
      expect([mask, t, few.length]).toEqual([mask, t, r.total !== null && expected.length > 0 ? 1 : 0]);
    }
  }
});

test("the Modell setting «Minste andel besvart»: read as a share, a bad one reported at its cell", () => {
  const rows = modelRows(model);
  const settings = settingsRows(model);
  expect(settings[settings.length - 1]).toEqual([SETTINGS_KEYS.completeness, 0.5]);
  const withValue = (v: string | number) => settings.map((r) => (r[0] === SETTINGS_KEYS.completeness ? [r[0], v] : r));
  const read = readModelTables(rows, withValue("0,75"), model);
  expect(read.ok && read.model.completeness).toBe(0.75);
  const bad = readModelTables(rows, withValue(2), model, { row: (i, c) => `Modell!${String.fromCharCode(65 + c)}${i + 2}`, setting: (i) => `Modell!M${i + 2}` });
  expect(bad).toEqual({ ok: false, problems: [{ code: "completeness", at: "completeness", detail: "2", cell: "Modell!M8" }] });
});
