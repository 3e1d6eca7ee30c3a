/**
 * The deck's words for the committee: the plus list without a budget frame, the title slide's date
 * when no meeting is typed, the tolerance in plain words, the source of the figures in the notes,
 * and why a measure has no total (without the analyst's «Fyll inn …»).
 */
import type { Assessment } from "../../src/core/assess";
import { dateLine, modelNotes, noTotalReason, toleranceWords } from "../../src/export/deck";
import { exportTable } from "../../src/export/rows";
import { ex } from "../../src/i18n/export";
import { readMeeting } from "../support/meeting";

let assessment: Assessment;
beforeAll(async () => {
  const read = await readMeeting();
  if (read.kind === "none") throw new Error("the meeting fixture has measures");
  assessment = read.assessment;
});

test("the plus list of a top-N cut is the rest of the ranking, not «within the cost frame»", () => {
  expect(ex("nb", "deck.plus")).toBe("Pluss-liste – resten av rangeringen");
  expect(ex("en", "deck.plus")).toBe("Plus list – the rest of the ranking");
});

test("no meeting typed: the date the deck is about, or «Utskrevet» when that is today (the default)", () => {
  expect(dateLine({ lang: "nb", date: "2026-11-27", today: "2026-11-27" })).toBe("Utskrevet 27.11.2026");
  expect(dateLine({ lang: "en", date: "2026-11-27", today: "2026-11-27" })).toBe("Printed 2026-11-27");
  expect(dateLine({ lang: "nb", date: "2022-09-21", today: "2026-11-27" })).toBe("21.09.2022");
  expect(dateLine({ lang: "en", date: "2022-09-21", today: "2026-11-27" })).toBe("2022-09-21");
});

test("the tolerance in words: 1e-9 is «en milliarddel» / «one billionth»; an unnamed one a plain decimal", () => {
  expect(toleranceWords(1e-9, "nb")).toBe("en milliarddel");
  expect(toleranceWords(1e-9, "en")).toBe("one billionth");
  expect(toleranceWords(1e-6, "nb")).toBe("en milliondel");
  expect(toleranceWords(0.0005, "nb")).toBe("0,0005");
  expect(toleranceWords(0.0005, "en")).toBe("0.0005");
});

test("the notes: the tie rule in plain words, no «1e-9», and no sheet named that a legacy workbook lacks", () => {
  const nb = modelNotes(assessment.model, "nb", 6);
  expect(nb).toContain("To score som skiller seg med høyst en milliarddel av scoren (bare avrunding i regnestykket), regnes som like og deler plass, vist som «6=».");
  expect(nb).toContain("Laget av tillegget Prioritering: tallene er regnet fra scorene i arbeidsboken med modellen og vektene over.");
  expect(nb).not.toMatch(/1e-9|Rangering/);
  const en = modelNotes(assessment.model, "en", null);
  expect(en).toContain("Two scores that differ by at most one billionth of the score (only rounding in the arithmetic) count as equal and share a place, shown as “6=”.");
  expect(en).not.toMatch(/1e-9|Rangering/);
});

test("why a measure has no total, for the committee: the groups without a score, no instruction", () => {
  const t = exportTable({ assessment }, "nb");
  expect(t.unranked.map((r) => [r.name, noTotalReason(r, assessment.model, "nb")])).toEqual([
    ["Dokumentdeling: Andre helseaktører/tjenester", "Nytte har ingen score, så tiltaket har ingen total og er ikke rangert."],
  ]);
  const en = exportTable({ assessment }, "en");
  expect(noTotalReason(en.unranked[0], assessment.model, "en")).toBe("Benefit has no score, so the measure has no total and is not ranked.");
  // The pane and the CSV keep the analyst's message with what to do.
  expect(t.unranked[0].reason).toContain("Fyll inn minst én score under Nytte.");
});
