/**
 * Two-way sync of the scoring table (Vurdering) and the checklist (Sjekkliste), keyed by the ID,
 * through the same path as the CLI and the add-in (grids → readWorkbook → plan), with what the
 * add-in remembered last time in the store. A measure new in one table is added to the other; a
 * measure known before but now in one table only is a finding and is never re-added or deleted
 * silently; a rename follows the ID; a rename on both sides is a finding and neither side wins;
 * names alike under different IDs are flagged; a change of segment is reported with its answers.
 * Vurdering: header row 1, names in column B. Sjekkliste: header row 1, names in column B.
 */
import { defaultModel } from "../../src/core/model";
import { emptyMemory, nearDuplicates, type ChecklistMemory, type ChecklistPlan } from "../../src/grid/checklist-sync";
import { newStore } from "../../src/grid/store";
import { readWorkbook } from "../../src/grid/workbook";
import { findingMessage } from "../../src/i18n";
import { INN, MEASURES_2020, cellsOf, checklistGrid, scoringGrid, storeGrid, type ChecklistCells, type ScoringEntry } from "../support/checklist";

function plan(scoring: ScoringEntry[], checklist: ChecklistCells[], memory?: ChecklistMemory): ChecklistPlan {
  const grids = [scoringGrid(scoring), checklistGrid(checklist)];
  if (memory) grids.push(storeGrid({ ...newStore(defaultModel()), checklist: memory }));
  const read = readWorkbook(grids);
  if (read.kind !== "addin" || !read.checklist) throw new Error(`expected the add-in's layout with a checklist, got ${read.kind}`);
  return read.checklist.plan;
}

const codes = (p: ChecklistPlan) => p.findings.map((f) => f.code);
const samstyre = { ...INN, samstyre: "Ja" } as const;

describe("a measure new in one table is added to the other", () => {
  const scoring: ScoringEntry[] = [
    { id: "T001", name: "PLL", actor: "Direktoratet for e-helse" },
    { id: "T002", name: "Dokumentdeling", actor: "Norsk helsenett" },
  ];
  const checklist: ChecklistCells[] = [
    { id: "T001", name: "PLL", actor: "Direktoratet for e-helse", ...samstyre },
    { id: "T003", name: "Kritisk info", actor: "Helse Nord RHF", ...samstyre },
  ];

  test.each([
    ["without a store (the checklist was just made or typed in)", undefined],
    ["with an empty memory", emptyMemory()],
    ["with a memory that knows only T001", { known: ["T001"], names: { T001: "PLL" }, actors: { T001: "Direktoratet for e-helse" }, last: {} }],
  ] as [string, ChecklistMemory | undefined][])("%s", (_what, memory) => {
    const p = plan(scoring, checklist, memory);
    expect(p.appendToChecklist).toEqual([{ id: "T002", name: "Dokumentdeling", actor: "Norsk helsenett" }]);
    expect(p.appendToScoring).toEqual([{ id: "T003", name: "Kritisk info", actor: "Helse Nord RHF" }]);
    expect(p.findings).toEqual([]);
    expect(p.checklistEdits).toEqual([]);
    expect(p.scoringEdits).toEqual([]);
    // Once carried out, both are in both tables: known from now on.
    expect([...p.memory.known].sort()).toEqual(["T001", "T002", "T003"]);
  });

  test("next run, after the add-in has added them: nothing to add, nothing to report", () => {
    const first = plan(scoring, checklist);
    const both = [...scoring, { id: "T003", name: "Kritisk info", actor: "Helse Nord RHF" }];
    const next = plan(both, [...checklist, { id: "T002", name: "Dokumentdeling", actor: "Norsk helsenett" }], first.memory);
    expect([next.appendToChecklist, next.appendToScoring, next.findings, next.checklistEdits, next.scoringEdits]).toEqual([[], [], [], [], []]);
  });
});

describe("a known measure now in one table only: a finding with the choice, never re-added, never deleted", () => {
  const memory: ChecklistMemory = {
    known: ["T001", "T002"],
    names: { T001: "PLL", T002: "Dokumentdeling" },
    actors: { T001: "", T002: "" },
    last: {},
  };

  test("deleted from Sjekkliste: «checklist-only-scoring» at its name in Vurdering; not appended again", () => {
    const p = plan([{ id: "T001", name: "PLL" }, { id: "T002", name: "Dokumentdeling" }], [{ id: "T001", name: "PLL" }], memory);
    expect(p.findings).toEqual([
      { code: "checklist-only-scoring", severity: "warning", cell: "Vurdering!B3", measureId: "T002", params: { id: "T002", name: "Dokumentdeling" } },
    ]);
    expect(p.appendToChecklist).toEqual([]);
    expect(p.appendToScoring).toEqual([]);
    expect(p.memory.known).toContain("T002");
    // And on the next run, still a finding, still not re-added.
    const again = plan([{ id: "T001", name: "PLL" }, { id: "T002", name: "Dokumentdeling" }], [{ id: "T001", name: "PLL" }], p.memory);
    expect(codes(again)).toEqual(["checklist-only-scoring"]);
    expect(again.appendToChecklist).toEqual([]);
  });

  test("deleted from Vurdering: «checklist-only-checklist» at its name in Sjekkliste; not appended again", () => {
    const p = plan([{ id: "T001", name: "PLL" }], [{ id: "T001", name: "PLL" }, { id: "T002", name: "Dokumentdeling" }], memory);
    expect(p.findings).toEqual([
      { code: "checklist-only-checklist", severity: "warning", cell: "Sjekkliste!B3", measureId: "T002", params: { id: "T002", name: "Dokumentdeling" } },
    ]);
    expect(p.appendToScoring).toEqual([]);
    expect(p.appendToChecklist).toEqual([]);
    const again = plan([{ id: "T001", name: "PLL" }], [{ id: "T001", name: "PLL" }, { id: "T002", name: "Dokumentdeling" }], p.memory);
    expect(codes(again)).toEqual(["checklist-only-checklist"]);
    expect(again.appendToScoring).toEqual([]);
  });

  test("removed from both: nothing to report, nothing added", () => {
    const p = plan([{ id: "T001", name: "PLL" }], [{ id: "T001", name: "PLL" }], memory);
    expect([p.findings, p.appendToChecklist, p.appendToScoring]).toEqual([[], [], []]);
  });
});

describe("a rename follows the ID", () => {
  const memory: ChecklistMemory = { known: ["T001"], names: { T001: "Kritisk info" }, actors: { T001: "Helse Nord RHF" }, last: {} };

  test("renamed in Vurdering → written to Sjekkliste (row 2, 0-based 1)", () => {
    const p = plan([{ id: "T001", name: "Kritisk informasjon", actor: "Helse Nord RHF" }], [{ id: "T001", name: "Kritisk info", actor: "Helse Nord RHF" }], memory);
    expect(p.checklistEdits).toEqual([{ row: 1, field: "name", value: "Kritisk informasjon" }]);
    expect(p.scoringEdits).toEqual([]);
    expect(p.findings).toEqual([]);
    expect(p.memory.names.T001).toBe("Kritisk informasjon");
  });

  test("renamed in Sjekkliste → written to Vurdering", () => {
    const p = plan([{ id: "T001", name: "Kritisk info", actor: "Helse Nord RHF" }], [{ id: "T001", name: "Kritisk informasjon", actor: "Helse Nord RHF" }], memory);
    expect(p.scoringEdits).toEqual([{ id: "T001", field: "name", value: "Kritisk informasjon" }]);
    expect(p.checklistEdits).toEqual([]);
    expect(p.findings).toEqual([]);
    expect(p.memory.names.T001).toBe("Kritisk informasjon");
  });

  test("a new Aktør in Sjekkliste follows to Vurdering, and one in Vurdering to Sjekkliste", () => {
    const a = plan([{ id: "T001", name: "Kritisk info", actor: "Helse Nord RHF" }], [{ id: "T001", name: "Kritisk info", actor: "Helse Vest RHF" }], memory);
    expect(a.scoringEdits).toEqual([{ id: "T001", field: "actor", value: "Helse Vest RHF" }]);
    expect(a.memory.actors.T001).toBe("Helse Vest RHF");
    const b = plan([{ id: "T001", name: "Kritisk info", actor: "Helse Vest RHF" }], [{ id: "T001", name: "Kritisk info", actor: "Helse Nord RHF" }], memory);
    expect(b.checklistEdits).toEqual([{ row: 1, field: "actor", value: "Helse Vest RHF" }]);
  });

  test("without a memory the names differ: the scoring table's name is written to the checklist", () => {
    const p = plan([{ id: "T001", name: "Kritisk informasjon" }], [{ id: "T001", name: "Kritisk info" }]);
    expect(p.checklistEdits).toEqual([{ row: 1, field: "name", value: "Kritisk informasjon" }]);
    expect(p.findings).toEqual([]);
  });

  test("a blank Aktør never blanks the other table: it is filled from it instead", () => {
    const a = plan([{ id: "T001", name: "Kritisk info", actor: "" }], [{ id: "T001", name: "Kritisk info", actor: "Helse Nord RHF" }]);
    expect(a.checklistEdits).toEqual([]);
    expect(a.scoringEdits).toEqual([{ id: "T001", field: "actor", value: "Helse Nord RHF" }]);
    const b = plan([{ id: "T001", name: "Kritisk info", actor: "Helse Nord RHF" }], [{ id: "T001", name: "Kritisk info", actor: "" }], memory);
    expect(b.scoringEdits).toEqual([]);
    expect(b.checklistEdits).toEqual([{ row: 1, field: "actor", value: "Helse Nord RHF" }]);
    expect(b.memory.actors.T001).toBe("Helse Nord RHF");
  });

  test("a name cleared in Sjekkliste is filled from Vurdering, not the other way round", () => {
    const p = plan([{ id: "T001", name: "Kritisk info" }], [{ id: "T001", name: "", ...samstyre }], memory);
    expect(p.scoringEdits).toEqual([]);
    expect(p.checklistEdits).toEqual([{ row: 1, field: "name", value: "Kritisk info" }]);
  });

  test("renamed on both sides: «checklist-name-conflict», neither side overwritten, this run or the next", () => {
    const scoring = [{ id: "T001", name: "Kritisk informasjon", actor: "Helse Nord RHF" }];
    const checklist = [{ id: "T001", name: "Kritisk info (KJ)", actor: "Helse Nord RHF" }];
    const p = plan(scoring, checklist, memory);
    expect(p.findings).toEqual([
      {
        code: "checklist-name-conflict",
        severity: "warning",
        cell: "Sjekkliste!B2",
        measureId: "T001",
        params: { id: "T001", scoringName: "Kritisk informasjon", checklistName: "Kritisk info (KJ)" },
      },
    ]);
    expect([p.checklistEdits, p.scoringEdits]).toEqual([[], []]);
    expect(p.memory.names.T001).toBe("Kritisk info");

    const next = plan(scoring, checklist, p.memory);
    expect(codes(next)).toEqual(["checklist-name-conflict"]);
    expect([next.checklistEdits, next.scoringEdits]).toEqual([[], []]);

    // Resolved by hand: the same name in both, and the memory moves on.
    const resolved = plan([{ ...scoring[0], name: "Kritisk info (KJ)" }], checklist, next.memory);
    expect([resolved.findings, resolved.checklistEdits, resolved.scoringEdits]).toEqual([[], [], []]);
    expect(resolved.memory.names.T001).toBe("Kritisk info (KJ)");
  });

  test("Aktør changed on both sides: «checklist-actor-conflict» at the checklist's cell, neither side overwritten, this run or the next", () => {
    const scoring = [{ id: "T001", name: "Kritisk info", actor: "Helse Vest RHF" }];
    const checklist = [{ id: "T001", name: "Kritisk info", actor: "Helse Sør-Øst RHF" }];
    const p = plan(scoring, checklist, memory);
    expect(p.findings).toEqual([
      {
        code: "checklist-actor-conflict",
        severity: "warning",
        cell: "Sjekkliste!C2",
        measureId: "T001",
        params: { id: "T001", scoringActor: "Helse Vest RHF", checklistActor: "Helse Sør-Øst RHF" },
      },
    ]);
    expect(findingMessage(p.findings[0], "nb")).toBe(
      "Aktøren for T001 er «Helse Vest RHF» i Vurdering og «Helse Sør-Øst RHF» i Sjekkliste, og begge er endret. Skriv samme aktør begge steder.",
    );
    expect(findingMessage(p.findings[0], "en")).toBe(
      "The actor of T001 is “Helse Vest RHF” in Vurdering and “Helse Sør-Øst RHF” in Sjekkliste, and both were changed. Use the same actor in both places.",
    );
    expect([p.checklistEdits, p.scoringEdits]).toEqual([[], []]);
    expect(p.memory.actors.T001).toBe("Helse Nord RHF");

    const next = plan(scoring, checklist, p.memory);
    expect(codes(next)).toEqual(["checklist-actor-conflict"]);
    expect([next.checklistEdits, next.scoringEdits]).toEqual([[], []]);

    const resolved = plan(scoring, [{ ...checklist[0], actor: "Helse Vest RHF" }], next.memory);
    expect([resolved.findings, resolved.checklistEdits, resolved.scoringEdits]).toEqual([[], [], []]);
    expect(resolved.memory.actors.T001).toBe("Helse Vest RHF");
  });
});

describe("names that look like the same measure under different IDs are flagged", () => {
  test.each([
    ["Akson - journal", "Akson journal"],
    ["Generisk datadelingstjeneste", "Generiske datadelingstjenester"],
  ])("%p and %p, both in both tables: «near-duplicate» at the second one's name", (a, b) => {
    const rows = [
      { id: "T001", name: a },
      { id: "T002", name: b },
    ];
    const p = plan(rows, rows);
    expect(p.findings).toEqual([
      { code: "near-duplicate", severity: "warning", cell: "Vurdering!B3", measureId: "T002", params: { id: "T001", name: a, otherId: "T002", otherName: b } },
    ]);
  });

  test("one in Vurdering, the other only in Sjekkliste: flagged too", () => {
    const p = plan([{ id: "T001", name: "Akson journal" }], [{ id: "T001", name: "Akson journal" }, { id: "T002", name: "Akson - journal" }]);
    expect(p.findings.map((f) => [f.code, f.params.id, f.params.otherId])).toEqual([["near-duplicate", "T001", "T002"]]);
  });

  test("the same ID with the two spellings is a rename, not a duplicate", () => {
    const p = plan([{ id: "T001", name: "Akson journal" }], [{ id: "T001", name: "Akson - journal" }]);
    expect(codes(p)).toEqual([]);
  });

  test("the 55 names of the 2020 portfolio raise none (Akson - journal beside Akson - forberedelse and Akson - samhandling)", () => {
    const scoring = MEASURES_2020.map((m) => ({ id: m.id, name: m.name, actor: m.actor }));
    const p = plan(scoring, MEASURES_2020.map(cellsOf));
    expect(p.findings).toEqual([]);
    expect(nearDuplicates(scoring)).toEqual([]);
  });
});

describe("a change of segment is reported with the answers that changed", () => {
  const before: ChecklistCells = { id: "T001", name: "Helseplattformen", ...INN, samstyre: "Ja", koordinere: "Nei", inspirere: "Nei" };
  const scoring = [{ id: "T001", name: "Helseplattformen" }];
  const first = () => plan(scoring, [before]);

  test("the first run has nothing to compare with", () => {
    expect(first().segmentChanges).toEqual([]);
    expect(first().memory.last.T001).toEqual({
      segment: "Samstyre",
      answers: { digitaliseringVesentlig: true, flereAktorer: true, gjenbrukEllerDeling: true, samstyre: true, koordinere: false, inspirere: false },
    });
  });

  test("Samstyre → Koordinere: Bredt samarbeid? Ja → Nei, Avhengig av samstyring? Nei → Ja", () => {
    const p = plan(scoring, [{ ...before, samstyre: "Nei", koordinere: "Ja" }], first().memory);
    expect(p.segmentChanges).toEqual([
      {
        id: "T001",
        name: "Helseplattformen",
        row: 1,
        from: "Samstyre",
        to: "Koordinere",
        changed: [
          { question: "samstyre", from: true, to: false },
          { question: "koordinere", from: false, to: true },
        ],
      },
    ]);
    expect(p.memory.last.T001.segment).toBe("Koordinere");
  });

  test("Samstyre → Ut when a national-significance answer turns Nei", () => {
    const p = plan(scoring, [{ ...before, flereAktorer: "Nei" }], first().memory);
    expect(p.segmentChanges).toMatchObject([{ from: "Samstyre", to: "Ut", changed: [{ question: "flereAktorer", from: true, to: false }] }]);
  });

  test("Samstyre → ikke vurdert when the deciding answer is cleared", () => {
    const p = plan(scoring, [{ ...before, samstyre: null }], first().memory);
    expect(p.segmentChanges).toMatchObject([{ from: "Samstyre", to: "ikke vurdert", changed: [{ question: "samstyre", from: true, to: null }] }]);
  });

  test("answers that do not change the segment are not a segment change", () => {
    const p = plan(scoring, [{ ...before, koordinere: "Ja", inspirere: "Ja" }], first().memory);
    expect(p.segmentChanges).toEqual([]);
  });
});
