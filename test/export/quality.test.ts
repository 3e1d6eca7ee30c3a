/**
 * The data-quality slide's content: the findings counted by severity, and one row per measure
 * with a finding that changes a rank or a total (decided by what the finding does), its cells
 * sheet by sheet, and what it changes in words for the committee. Exact rows for the meeting.
 */
import { allFindings, type Assessment } from "../../src/core/assess";
import { withWeight } from "../../src/core/model";
import { changesRankOrTotal, qualitySummary } from "../../src/export/quality";
import { readMeeting } from "../support/meeting";

let assessment: Assessment;
beforeAll(async () => {
  const read = await readMeeting();
  if (read.kind === "none") throw new Error("the meeting fixture has measures");
  assessment = read.assessment;
});

test("the meeting: 1 error, 29 warnings, 5 notes; eight measures whose rank or total the findings change, the most severe first, then in rank order", () => {
  const q = qualitySummary(assessment, "nb");
  expect(q.counts).toEqual({ error: 1, warning: 29, info: 5 });
  expect(q.total).toBe(35);
  expect(q.rows.map((r) => [r.name, r.cells, r.effects, r.severity, r.count])).toEqual([
    ["Kritisk info: Andre helseaktører", "Kritisk info!F9, F21; Samlet!D13", "Juridisk utvikling er ikke en gyldig score og er ikke regnet med; Kritisk info viser plass 9, riktig er 12; Samlet viser plass 11, riktig er 12", "error", 3],
    ["Implementering av DBEP", "Samlet!D8:D9; DBEP!C21", "Samlet viser lik score som plass 6 og 7; de deler plass 6; DBEP viser plass 3, riktig er 6", "warning", 2],
    ["Felles hjelpenummer", "Felles hjelpenummer!C11, C12, C15, C20", "Felles hjelpenummer viser en annen gruppeverdi enn modellen gir; Felles hjelpenummer viser score 25,75, modellen gir 16,08", "warning", 4],
    ["DHO: Generiske datadelingstjenester", "Samlet!D10", "Samlet viser plass 8, riktig er 9", "warning", 1],
    ["Dokumentdeling: Fastleger", "Dokumentdeling!F21; Samlet!D11", "Dokumentdeling viser plass 7, riktig er 10; Samlet viser plass 9, riktig er 10", "warning", 2],
    ["Dokumentdeling: Andre kommunal helse-omsorg", "Dokumentdeling!E21; Samlet!D12", "Dokumentdeling viser plass 8, riktig er 11; Samlet viser plass 10, riktig er 11", "warning", 2],
    ["Dokumentdeling: Dokumenter utenfor kjernejournal", "Dokumentdeling!H11, H12, H15, H20", "Dokumentdeling viser en annen gruppeverdi enn modellen gir; Dokumentdeling viser score 16,25, modellen gir 12,25", "warning", 4],
    ["Dokumentdeling: Andre helseaktører/tjenester", "Dokumentdeling!G13, G11, G12, G15, G20", "ingen total; Dokumentdeling viser en annen gruppeverdi enn modellen gir; Dokumentdeling viser score #DIV/0!, modellen gir –", "warning", 5],
  ]);
  // In English, the same rows in English words and number format.
  const en = qualitySummary(assessment, "en");
  expect(en.rows[2].effects).toBe("Felles hjelpenummer shows another group value than the model gives; Felles hjelpenummer shows the score 25.75, the model gives 16.08");
  expect(en.rows[0].effects).toBe("Legal development is not a valid score and is not counted; Kritisk info shows place 9, the right place is 12; Samlet shows place 11, the right place is 12");
});

test("a text in a score cell changes the total only when its criterion counts: not under a weight of 0, on the leaf or on its group", () => {
  const text = allFindings(assessment).find((f) => f.code === "cell-text")!;
  expect([text.cell, text.criterionId]).toEqual(["'Kritisk info'!F9", "kost.juridisk"]);
  expect(changesRankOrTotal(text, assessment.model)).toBe(true);
  expect(changesRankOrTotal(text, withWeight(assessment.model, "kost.juridisk", 0))).toBe(false);
  expect(changesRankOrTotal(text, withWeight(assessment.model, "kost", 0))).toBe(false);
  expect(changesRankOrTotal(text, withWeight(assessment.model, "kost.teknisk", 0))).toBe(true);
});

test("findings that leave every rank and total as they are stay off the slide: 12 of the meeting's 35", () => {
  const off = allFindings(assessment).filter((f) => !changesRankOrTotal(f, assessment.model));
  expect(off).toHaveLength(12);
  expect([...new Set(off.map((f) => f.code))].sort()).toEqual(["legacy-rank-missing", "missing-scores", "summary-missing", "summary-name", "summary-typed", "tie"]);
});
