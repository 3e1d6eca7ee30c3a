/**
 * `prio score` on a workbook with several scorers: the combined ranking, the disagreements, each
 * scorer's ranking and Kendall's W; `--json` adds "scorers" and per measure "spread". The numbers
 * are the hand computation of test/core/scorers.test.ts:
 *   combined (mean) T1: Informasjonsbehov (8+2+7)/3 = 17/3, every other question 7 → Måloppnåelse 19/3,
 *   total 19/3 + 7 + 7 = 61/3 = 20,33; T2: 5, 7, 6 → 6 everywhere → 18; T4 (Kari alone) 18;
 *   T3 (no scorer rows) its Vurdering row, 15. So T1 1, T2 and T4 2=, T3 4. W over T1, T2 = 1/9.
 */
import * as path from "path";
import { run, tempDir } from "../support/cli";
import { writeScorersWorkbook } from "../support/scorers-workbook";

let dir: string;
let cleanup: () => void;
let file: string;
beforeAll(async () => {
  ({ dir, cleanup } = tempDir());
  file = path.join(dir, "vurderere.xlsx");
  await writeScorersWorkbook(file);
});
afterAll(() => cleanup());

interface Json {
  measures: {
    id: string;
    score: number | null;
    rank: number | null;
    tied: boolean;
    spread: null | {
      scorers: string[];
      few: boolean;
      maxRange: number | null;
      cells: {
        criterionId: string;
        combined: number;
        sd: number;
        range: number;
        flagged: boolean;
        cell: string;
        values: { scorer: string; value: number; cell: string }[];
      }[];
    };
  }[];
  scorers: {
    names: string[];
    method: string;
    agreement: { w: number; measures: string[] };
    disagreements: { id: string; cell: string; range: number }[];
    rankings: { scorer: string; measures: { id: string; rank: number }[] }[];
    findings: { code: string; cell: string | null }[];
  };
}

test("--json: the combined ranking, spreads per measure and the scorers", async () => {
  const r = await run(["score", file, "--json"]);
  expect(r.code).toBe(0);
  const j = JSON.parse(r.out) as Json;
  expect(j.measures.map((m) => [m.id, m.rank, m.tied])).toEqual([
    ["T1", 1, false],
    ["T2", 2, true],
    ["T4", 2, true],
    ["T3", 4, false],
  ]);
  expect(j.measures[0].score).toBeCloseTo(61 / 3, 12);
  const behov = j.measures[0].spread!.cells[0];
  expect(behov).toMatchObject({
    criterionId: "maal.behov",
    cell: "Vurdering!E2",
    range: 6,
    flagged: true,
  });
  expect(behov.combined).toBeCloseTo(17 / 3, 12);
  expect(behov.sd).toBeCloseTo(Math.sqrt(62 / 9), 12);
  expect(behov.values).toEqual([
    { scorer: "Kari", value: 8, cell: "Vurderere!D2" },
    { scorer: "Ola", value: 2, cell: "Vurderere!D5" },
    { scorer: "NHN", value: 7, cell: "Vurderere!D7" },
  ]);
  expect(j.measures.find((m) => m.id === "T3")!.spread).toBeNull();
  expect(j.measures.find((m) => m.id === "T4")!.spread).toMatchObject({
    scorers: ["Kari"],
    few: true,
    maxRange: null,
  });
  expect(j.scorers.names).toEqual(["Kari", "Ola", "NHN"]);
  expect(j.scorers.method).toBe("mean");
  expect(j.scorers.agreement.measures).toEqual(["T1", "T2"]);
  expect(j.scorers.agreement.w).toBeCloseTo(1 / 9, 12);
  expect(j.scorers.disagreements).toEqual([
    expect.objectContaining({ id: "T1", cell: "Vurdering!E2", range: 6 }),
  ]);
  expect(
    j.scorers.rankings.map((x) => [x.scorer, x.measures.map((m) => `${m.id}:${m.rank}`)])
  ).toEqual([
    ["Kari", ["T1:1", "T4:2", "T2:3"]],
    ["Ola", ["T2:1", "T1:2"]],
    ["NHN", ["T1:1", "T2:2"]],
  ]);
  expect(j.scorers.findings.map((f) => [f.code, f.cell])).toEqual([
    ["scorers-in-use", null],
    ["scorers-disagree", "Vurdering!E2"],
    ["scorers-none", "Vurdering!B4"],
    ["scorers-few", "Vurdering!B5"],
    ["scorers-agreement-partial", null],
  ]);
});

test("text: the disagreement with its cell, the agreement and each scorer's ranking, in bokmål", async () => {
  const r = await run(["score", file]);
  expect(r.code).toBe(0);
  expect(r.out).toContain("Vurderere (3): Kari, Ola, NHN");
  expect(r.out).toContain("Samstemthet mellom rangeringene (Kendalls W): 0,11, over 2 tiltak");
  expect(r.out).toContain("Uenighet (spenn ≥ 4):");
  expect(r.out).toContain(
    "  Vurdering!E2  Pasientens legemiddelliste · Informasjonsbehov: Kari 8, Ola 2, NHN 7; samlet 5,67, spenn 6,00, sd 2,62"
  );
  expect(r.out).toContain("  Ola: 1 Dokumentdeling · 2 Pasientens legemiddelliste");
  expect(r.out).toMatch(/^ {3}1 {2}Pasientens legemiddelliste {3}20,3/m);
  expect(r.out).toContain(
    "Vurdering!E2: Vurdererne er uenige om Pasientens legemiddelliste: Informasjonsbehov (spenn 6), minst 4 mellom høyeste og laveste score."
  );
});

test("English, median and a threshold of 7 set on Modell: no disagreement, T1's Informasjonsbehov is 7", async () => {
  const f = path.join(dir, "median.xlsx");
  await writeScorersWorkbook(f, {
    settings: [
      ["Samlet vurdering", "median"],
      ["Uenighet ved spenn", 7],
    ],
  });
  const r = await run(["score", f, "--lang", "en"]);
  expect(r.out).toContain(
    "Combined score per cell: the median of the scorers' scores. Disagreement: a range of at least 7."
  );
  expect(r.out).toContain("No cells with strong disagreement (range ≥ 7).");
  // T1 median: every question 7 → 21.
  expect(r.out).toMatch(/^ {3}1 {2}Pasientens legemiddelliste {3}21\.0 {13}7\.00/m);
});

test("a bad setting is a finding at its cell and the default holds; a scorers sheet without the table is read by its headers", async () => {
  const f = path.join(dir, "bad.xlsx");
  await writeScorersWorkbook(f, { settings: [["Samlet vurdering", "typetall"]], table: false });
  const j = JSON.parse((await run(["score", f, "--json"])).out) as Json;
  expect(j.scorers.method).toBe("mean");
  // Modell: header row 1, 16 nodes (rows 2–17), a blank row, the settings header (19), 7 settings (20–26), then this row.
  expect(j.scorers.findings.find((x) => x.code === "scorers-setting-invalid")!.cell).toBe(
    "Modell!B27"
  );
});
