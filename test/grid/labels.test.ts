/**
 * Question labels are matched to the model's leaves despite the variants found in real sheets
 * (a trailing «?», «og kvalitet», «/pårørende», case, extra spaces) and in any row order; a row
 * that matches nothing is a finding with its cell, never a crash and never a guess.
 */
import { assess } from "../../src/core/assess";
import { defaultModel, leaves } from "../../src/core/model";
import { readLegacyWorkbook } from "../../src/grid/legacy";
import { labelIndex, matchLabel } from "../../src/grid/labels";
import { COUNCIL_ROWS, prng, shuffled, themeSheet } from "../support/grids";

const model = defaultModel();
const index = labelIndex(model);
const id = (label: string) => {
  const role = matchLabel(label, index);
  return role.kind === "node" ? role.id : role.kind;
};

describe("variants of the council's labels match their leaf", () => {
  test.each([
    ["Juridisk utvikling?", "kost.juridisk"],
    ["Semantisk utvikling?", "kost.semantisk"],
    ["I hvor stor grad bidrar tiltaket til økt pasientsikkerhet og kvalitet?", "nytte.pasient.sikkerhet"],
    ["I hvor stor grad bidrar tiltaket til en enklere hverdag for innbyggere/pasienter/pårørende?", "nytte.pasient.hverdag"],
    ["JURIDISK UTVIKLING", "kost.juridisk"],
    ["juridisk utvikling", "kost.juridisk"],
    ["  Semantisk    utvikling  ", "kost.semantisk"],
    ["i hvor stor grad er tiltaket   TEKNISK komplekst ?", "kost.teknisk"],
    ["Samsvarer tiltaket med sektorens prioriteringer", "maal.prioritet"],
    ["Realisere sentral infrastruktur:", "nytte.infra"],
    ["Tryggere på at beslutninger er riktige??", "nytte.hp.beslutning"],
    ["Juridisk\u00a0utvikling", "kost.juridisk"],
  ])("%p → %s", (label, leaf) => {
    expect(id(label)).toBe(leaf);
  });
});

describe("group rows, Score and Rangering", () => {
  test.each([
    ["Måloppnåelse", "maal"],
    ["KOSTNADER", "kost"],
    ["Nytte ", "nytte"],
    ["Pasient", "nytte.pasient"],
    ["Helsepersonell", "nytte.hp"],
    ["Score", "total"],
    ["Rangering", "rank"],
    ["Prioriteringsnummer", "rank"],
  ])("%p → %s", (label, role) => expect(id(label)).toBe(role));
});

describe("what is not a question of the model is not guessed", () => {
  test.each(["Kommentar fra møtet", "Budsjett 2023", "Kompleksitet", "I hvor stor grad", "?", ""])("%p is unknown", (label) => {
    expect(id(label)).toBe("unknown");
  });
});

describe("a theme sheet in any row order, with label variants", () => {
  // PLL's scores (test/fixtures: Legemidler C4:C18); expected total 22.75.
  const pll: Record<string, number | null> = {
    maal: null,
    "maal.behov": 8,
    "maal.prioritet": 10,
    kost: null,
    "kost.teknisk": 6,
    "kost.org": 1,
    "kost.juridisk": 9,
    "kost.semantisk": 9,
    nytte: null,
    "nytte.pasient": null,
    "nytte.pasient.sikkerhet": 10,
    "nytte.pasient.hverdag": 10,
    "nytte.hp": null,
    "nytte.hp.arbeidshverdag": 9,
    "nytte.hp.beslutning": 10,
    "nytte.infra": 3,
    total: null,
    rank: null,
  };
  const variant: Record<string, string> = {
    "kost.juridisk": "Juridisk utvikling?",
    "kost.semantisk": "  SEMANTISK   utvikling ",
    "nytte.pasient.sikkerhet": "I hvor stor grad bidrar tiltaket til økt pasientsikkerhet og kvalitet?",
    "nytte.pasient.hverdag": "I hvor stor grad bidrar tiltaket til en enklere hverdag for innbyggere/pasienter/pårørende?",
    "maal.prioritet": "samsvarer tiltaket med sektorens prioriteringer",
  };

  test.each([1, 2, 3, 4, 5, 6, 7, 8])("shuffle %p: every leaf found in its row, PLL scores 22.75", (seed) => {
    const rows = shuffled(COUNCIL_ROWS, prng(seed)).map((r) => ({ label: variant[r.key] ?? r.label, values: [pll[r.key]] }));
    const lw = readLegacyWorkbook([themeSheet("Legemidler", ["PLL"], rows)], model)!;
    expect(lw.findings).toEqual([]);
    expect(lw.measures).toHaveLength(1);
    const m = lw.measures[0];
    for (const leaf of leaves(model)) {
      const row = rows.findIndex((r) => r.label === (variant[leaf.id] ?? leaf.label.nb));
      expect(m.input.scores[leaf.id]).toEqual({ value: pll[leaf.id], address: `Legemidler!C${row + 3}` });
    }
    expect(assess(model, [m.input]).measures[0].total).toBe(22.75);
  });

  test("an unmatched row among the questions is an «unmatched-row» finding at its label cell, and is not counted", () => {
    const rows = COUNCIL_ROWS.map((r) => ({ label: variant[r.key] ?? r.label, values: [pll[r.key]] }));
    // Insert «Budsjett» with a score of 0 right after Juridisk utvikling (sheet row 3 + 7 = 10).
    const at = rows.findIndex((r) => r.label === "Juridisk utvikling?") + 1;
    rows.splice(at, 0, { label: "Budsjett", values: [0] });
    const lw = readLegacyWorkbook([themeSheet("Legemidler", ["PLL"], rows)], model)!;
    expect(lw.findings).toEqual([
      { code: "unmatched-row", severity: "warning", cell: `Legemidler!B${at + 3}`, params: { label: "Budsjett", sheet: "Legemidler" } },
    ]);
    expect(assess(model, [lw.measures[0].input]).measures[0].total).toBe(22.75);
  });

  test("a sheet name that needs quotes is quoted in the finding's cell", () => {
    const rows = COUNCIL_ROWS.map((r) => ({ label: r.label, values: [pll[r.key]] }));
    rows.splice(1, 0, { label: "Hva med drift?", values: [5] });
    const lw = readLegacyWorkbook([themeSheet("Kritisk info", ["PLL"], rows)], model)!;
    expect(lw.findings.map((f) => [f.code, f.cell])).toEqual([["unmatched-row", "'Kritisk info'!B4"]]);
  });

  test("a question row left out is a «missing-row» finding, and its leaf is missing", () => {
    const rows = COUNCIL_ROWS.filter((r) => r.key !== "kost.semantisk").map((r) => ({ label: r.label, values: [pll[r.key]] }));
    const lw = readLegacyWorkbook([themeSheet("Legemidler", ["PLL"], rows)], model)!;
    expect(lw.findings).toEqual([
      expect.objectContaining({ code: "missing-row", cell: "Legemidler!B3", params: { sheet: "Legemidler", criteria: ["kost.semantisk"] } }),
    ]);
    const r = assess(model, [lw.measures[0].input]).measures[0];
    expect(r.missing).toEqual(["kost.semantisk"]);
    // Kostnader (6 + 1 + 9) / 3 = 16/3; total 9 + 16/3 + 7.5.
    expect(r.total).toBeCloseTo(9 + 16 / 3 + 7.5, 12);
  });

  test("a question typed twice: the first row counts, the second is a «duplicate-row» finding", () => {
    const rows = COUNCIL_ROWS.map((r) => ({ label: r.label, values: [pll[r.key]] }));
    const at = rows.findIndex((r) => r.label === "Juridisk utvikling") + 1;
    rows.splice(at, 0, { label: "Juridisk utvikling?", values: [0] });
    const lw = readLegacyWorkbook([themeSheet("Legemidler", ["PLL"], rows)], model)!;
    expect(lw.findings).toEqual([
      expect.objectContaining({ code: "duplicate-row", cell: `Legemidler!B${at + 3}`, params: { label: "Juridisk utvikling?", first: `Legemidler!B${at + 2}` } }),
    ]);
    expect(lw.measures[0].input.scores["kost.juridisk"]!.value).toBe(9);
  });

  test("a sheet with no group labels is not a theme sheet (and is not a crash)", () => {
    const g = themeSheet("Notater", ["A"], [{ label: "Hei", values: [1] }]);
    expect(readLegacyWorkbook([g], model)).toBeUndefined();
  });
});
