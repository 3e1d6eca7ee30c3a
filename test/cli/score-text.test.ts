/**
 * `prio score <file.xlsx>` prints the ranked list (rank with «=» for ties, name, total to one
 * decimal, group values, completeness), the measures without a total with the reason, and the
 * findings; bokmål by default, English with --lang en. Exit 0: findings are not failures.
 */
import { MEETING_XLSX } from "../support/meeting";
import { run, type Run } from "../support/cli";

let nb: Run;
let en: Run;
beforeAll(async () => {
  nb = await run(["score", MEETING_XLSX]);
  en = await run(["score", MEETING_XLSX, "--lang", "en"]);
});

const rankedLines = (r: Run) => r.out.split("\n").filter((l) => /^\s*\d+=?\s{2}/.test(l));

test("exit 0 and nothing on stderr, though there are findings", () => {
  expect([nb.code, nb.err]).toEqual([0, ""]);
  expect([en.code, en.err]).toEqual([0, ""]);
});

test("thirteen ranked rows in rank order, the tie shown as 6= twice", () => {
  const lines = rankedLines(nb);
  expect(lines.map((l) => l.trim().split(/\s+/)[0])).toEqual(["1", "2", "3", "4", "5", "6=", "6=", "8", "9", "10", "11", "12", "13"]);
  expect(nb.out.match(/^\s*6=\s/gm)).toHaveLength(2);
  expect(lines[5]).toContain("Implementering av DBEP");
  expect(lines[6]).toContain("Dokumentdeling: Legevakt/ØHD");
});

test("bokmål: PLL 22,8 with Måloppnåelse 9,00, Kostnader 6,25, Nytte 7,50, complete «ja»", () => {
  const pll = rankedLines(nb)[0];
  // One name everywhere: «Tema: tiltak», as the slides and Rangering print it.
  expect(pll).toMatch(/^\s*1\s+Legemidler: PLL\s+22,8\s+9,00\s+6,25\s+7,50\s+ja$/);
  expect(nb.out).toContain("Måloppnåelse");
  expect(rankedLines(nb)[7]).toMatch(/Felles hjelpenummer\s+16,1\s/);
});

test("incomplete measures say what is missing or invalid", () => {
  expect(rankedLines(nb)[11]).toMatch(/Kritisk info: Andre helseaktører\s+13,0\s+6,50\s+4,00\s+2,50\s+nei \(1 ugyldig\)$/);
});

test("the measure without a total is listed after the ranking, with why", () => {
  const after = nb.out.split("Uten total:")[1];
  expect(after).toBeDefined();
  expect(after.split("\n")[1]).toContain("Dokumentdeling: Andre helseaktører/tjenester har ingen total fordi Nytte ikke har noen score");
  expect(rankedLines(nb).join("\n")).not.toContain("Andre helseaktører/tjenester");
});

test("findings with their cells, errors first", () => {
  const findings = nb.out.split(/^Funn \(\d+\)$/m)[1].split("\n").filter((l) => l.startsWith("  ["));
  expect(findings[0]).toMatch(/^  \[Feil\] 'Kritisk info'!F9: «Sjekke med jurist\?»/);
  for (const cell of ["Dokumentdeling!G11:", "'Felles hjelpenummer'!C20:", "DBEP!C21:", "Samlet!B10:", "Samlet!D8:D9:", "Samlet!C3:C13:"]) {
    expect(findings.some((l) => l.includes(cell))).toBe(true);
  }
  expect(nb.out).toMatch(/13 av 14 tiltak rangert; 1 feil, \d+ advarsler, \d+ merknader\./);
});

test("English with --lang en: 22.8, «No total», English group names", () => {
  const pll = rankedLines(en)[0];
  expect(pll).toMatch(/^\s*1\s+Legemidler: PLL\s+22\.8\s+9\.00\s+6\.25\s+7\.50\s+yes$/);
  expect(en.out).toContain("Goal attainment");
  expect(en.out).toContain("No total:");
  expect(en.out).not.toContain("22,8");
  expect(en.out.match(/^\s*6=\s/gm)).toHaveLength(2);
});
