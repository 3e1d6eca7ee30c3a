/**
 * The portfolio checklist (DESIGN §1): national significance decides Inn/Ut, then the segment
 * questions in order decide Samstyre, Koordinere, Inspirere or Observere, and the segment
 * decides the reporting. Unanswered questions the order reaches are «ikke vurdert», never a guess.
 */
import checklist from "../fixtures/sjekkliste-2020.json";
import {
  REPORTING,
  answerFromCell,
  nationalSignificance,
  place,
  segmentOf,
  summarise,
  type Answer,
  type ChecklistAnswers,
  type Segment,
} from "../../src/core/checklist";

const inn = { digitaliseringVesentlig: true, flereAktorer: true, gjenbrukEllerDeling: true } as const;

describe("the 55 measures of the 2020 checklist test get exactly their published segment", () => {
  test("55 measures", () => expect(checklist.measures).toHaveLength(55));
  test.each(checklist.measures.map((m) => [m.name, m.segment, m.answers] as const))("%s → %s", (_name, segment, answers) => {
    const p = place(answers);
    expect(p.entry).toBe("inn");
    expect(p.segment).toBe(segment);
  });
  test("the portfolio: 30 Samstyre, 11 Koordinere, 8 Inspirere, 6 Observere; 30·4 + 11·2 + 8·1 + 6·2 = 162 reports a year", () => {
    expect(summarise(checklist.measures.map((m) => place(m.answers)))).toEqual({
      bySegment: { Samstyre: 30, Koordinere: 11, Inspirere: 8, Observere: 6 },
      ut: 0,
      notAssessed: 0,
      reportsPerYear: 162,
    });
  });
});

describe("national significance: all three Ja → Inn, any Nei → Ut, otherwise not assessed", () => {
  test("all Ja → Inn", () => expect(nationalSignificance(inn)).toEqual({ entry: "inn" }));
  test.each(["digitaliseringVesentlig", "flereAktorer", "gjenbrukEllerDeling"] as const)("%s Nei → Ut", (q) => {
    expect(nationalSignificance({ ...inn, [q]: false })).toEqual({ entry: "ut", no: [q] });
  });
  test("every Nei is named", () => {
    expect(nationalSignificance({ digitaliseringVesentlig: false, flereAktorer: true, gjenbrukEllerDeling: false })).toEqual({
      entry: "ut",
      no: ["digitaliseringVesentlig", "gjenbrukEllerDeling"],
    });
  });
  test("a Nei decides even when another question is unanswered", () => {
    expect(nationalSignificance({ digitaliseringVesentlig: null, flereAktorer: false })).toEqual({ entry: "ut", no: ["flereAktorer"] });
  });
  test.each(["digitaliseringVesentlig", "flereAktorer", "gjenbrukEllerDeling"] as const)("%s unanswered, the rest Ja → not assessed", (q) => {
    expect(nationalSignificance({ ...inn, [q]: null })).toEqual({ entry: "ikke-vurdert", unanswered: [q] });
  });
  test("nothing answered → not assessed, naming all three", () => {
    expect(nationalSignificance({})).toEqual({ entry: "ikke-vurdert", unanswered: ["digitaliseringVesentlig", "flereAktorer", "gjenbrukEllerDeling"] });
  });
});

describe("segment: the questions in order", () => {
  const cases: [Answer, Answer, Answer, Segment][] = [
    // samstyre Ja decides, whatever follows
    [true, false, false, "Samstyre"],
    [true, true, true, "Samstyre"],
    [true, null, null, "Samstyre"],
    // else koordinere
    [false, true, false, "Koordinere"],
    [false, true, true, "Koordinere"],
    [false, true, null, "Koordinere"],
    // else inspirere
    [false, false, true, "Inspirere"],
    // else Observere
    [false, false, false, "Observere"],
  ];
  test.each(cases)("samstyre %p, koordinere %p, inspirere %p → %s", (samstyre, koordinere, inspirere, segment) => {
    expect(segmentOf({ samstyre, koordinere, inspirere }).segment).toBe(segment);
    const p = place({ ...inn, samstyre, koordinere, inspirere });
    expect(p).toMatchObject({ entry: "inn", segment, reporting: REPORTING[segment] });
  });
  test("the deciding question is named (none for Observere)", () => {
    expect(segmentOf({ samstyre: false, koordinere: true })).toEqual({ segment: "Koordinere", decidedBy: "koordinere" });
    expect(segmentOf({ samstyre: false, koordinere: false, inspirere: false })).toEqual({ segment: "Observere", decidedBy: null });
  });
});

describe("unanswered questions the order reaches: «ikke vurdert», never a guessed segment", () => {
  test.each([
    [{ samstyre: null, koordinere: true, inspirere: true }, "samstyre"],
    [{}, "samstyre"],
    [{ samstyre: false }, "koordinere"],
    [{ samstyre: false, koordinere: null, inspirere: true }, "koordinere"],
    [{ samstyre: false, koordinere: false }, "inspirere"],
  ] as [ChecklistAnswers, string][])("%p → ikke vurdert at %s", (answers, q) => {
    expect(place({ ...inn, ...answers })).toEqual({ entry: "inn", segment: "ikke-vurdert", unanswered: q });
  });
  test("not Observere when inspirere is unanswered after two Nei", () => {
    expect(place({ ...inn, samstyre: false, koordinere: false, inspirere: null }).segment).not.toBe("Observere");
  });
  test("national significance unanswered: not assessed, and no segment is given either", () => {
    expect(place({ digitaliseringVesentlig: true, flereAktorer: null, gjenbrukEllerDeling: true, samstyre: true })).toEqual({
      entry: "ikke-vurdert",
      segment: "ikke-vurdert",
      unanswered: ["flereAktorer"],
    });
  });
});

test("Ut measures have no segment, even with segment answers", () => {
  expect(place({ ...inn, flereAktorer: false, samstyre: true })).toEqual({ entry: "ut", segment: null, no: ["flereAktorer"] });
});

describe("reporting per segment", () => {
  test("Samstyre 4× a year: status and risk", () => expect(REPORTING.Samstyre).toEqual({ timesPerYear: 4, topics: ["status", "risiko"] }));
  test("Koordinere 2× a year: dependencies", () => expect(REPORTING.Koordinere).toEqual({ timesPerYear: 2, topics: ["avhengigheter"] }));
  test("Observere 2× a year: progress, experience, obstacles", () =>
    expect(REPORTING.Observere).toEqual({ timesPerYear: 2, topics: ["fremdrift", "erfaringer", "hindringer"] }));
  test("Inspirere 1× a year: ideas", () => expect(REPORTING.Inspirere).toEqual({ timesPerYear: 1, topics: ["ideer"] }));
});

test("summary counts Ut and not assessed apart from the segments", () => {
  const s = summarise([
    place({ ...inn, samstyre: true }),
    place({ ...inn, flereAktorer: false }),
    place({ ...inn, samstyre: null }),
    place({}),
    place({ ...inn, samstyre: false, koordinere: false, inspirere: false }),
  ]);
  expect(s).toEqual({ bySegment: { Samstyre: 1, Koordinere: 0, Inspirere: 0, Observere: 1 }, ut: 1, notAssessed: 2, reportsPerYear: 6 });
});

describe("a checklist cell as an answer, never guessed", () => {
  test.each([
    ["Ja", true],
    ["ja", true],
    [" JA ", true],
    ["J", true],
    ["Yes", true],
    [true, true],
    ["Nei", false],
    ["nei.", false],
    ["N", false],
    ["No", false],
    [false, false],
    [null, null],
    ["", null],
    ["   ", null],
  ] as const)("%p → %p", (cell, answer) => {
    expect(answerFromCell(cell)).toEqual({ ok: true, answer });
  });
  test.each([["Kanskje"], ["x"], ["?"], [1], [0], [{ error: "#N/A" }]] as const)("%p is invalid", (cell) => {
    expect(answerFromCell(cell).ok).toBe(false);
  });
});
