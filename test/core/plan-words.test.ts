/**
 * Small cases of either–or groups, quotas and steps, each worked by hand, with every finding and
 * reason in words (bokmål and English): what the pane, the sheet and the command line say.
 */
import { plan, type PlanItem, type PlanProblem } from "../../src/core/plan";
import { select } from "../../src/core/select";
import type { SelectionFinding, SelectionItem, SelectionProblem } from "../../src/core/selection-problem";
import type { Quota } from "../../src/core/selection-rules";
import { highsSolver } from "../../src/solve/highs";
import { reasonText, selectionFindingMessage } from "../../src/i18n/selection";
import { planReasonText } from "../../src/i18n/plan";

const solver = highsSolver();

const item = (id: string, cost: number, score: number, extra: Partial<PlanItem> = {}): PlanItem => ({
  id,
  name: `Tiltak ${id}`,
  cost: cost * 100,
  score,
  requires: [],
  forced: null,
  cells: { name: `Vurdering!B${id}`, forced: `Vurdering!S${id}`, group: `Vurdering!T${id}`, earliest: `Vurdering!U${id}` },
  ...extra,
});
const names = (ids: string[]) => ids.map((id) => `Tiltak ${id}`).join(", ");
const words = (f: SelectionFinding) => [f.code, f.cell ?? "", selectionFindingMessage(f, "nb"), selectionFindingMessage(f, "en")];

describe("either–or groups and quotas in a single selection", () => {
  it("chooses one of a group and says why the other is out", async () => {
    // Frame 20: A + B (35) is not allowed; A + C (23) beats B + C (18).
    const items: SelectionItem[] = [item("A", 10, 20, { group: "G" }), item("B", 5, 15, { group: "g" }), item("C", 5, 3)];
    const r = await select({ items, budget: 2000 }, solver, { entryBudgets: false, frontier: false });
    if (r.status !== "ok") throw new Error(r.status);
    expect(r.measures.map((m) => [m.id, m.list])).toEqual([
      ["A", "minimum"],
      ["B", "out"],
      ["C", "minimum"],
    ]);
    expect(r.measures[1].reason).toEqual({ kind: "group", group: "G", ids: ["A"] });
    expect(reasonText("nb", r.measures[1].reason!, names)).toBe("alternativ til Tiltak A, som er med (gruppen G)");
    expect(reasonText("en", r.measures[1].reason!, names)).toBe("alternative to Tiltak A, which is selected (group G)");
    // Rank order takes A, skips B (its alternative is taken) and goes on to C.
    expect(r.greedy.ids).toEqual(["A", "C"]);
  });

  it("keeps to an at-most quota in MNOK and words the reason", async () => {
    const q: Quota = { kind: "segment", name: "Inspirere", bound: "max", unit: "mnok", value: 1000, step: null, cell: "Modell!R3" };
    const items: SelectionItem[] = [item("A", 8, 20, { segment: "Inspirere" }), item("B", 5, 15, { segment: "Inspirere" }), item("C", 5, 3)];
    const r = await select({ items, budget: 3000, quotas: [q] }, solver, { entryBudgets: false, frontier: false });
    if (r.status !== "ok") throw new Error(r.status);
    expect(r.measures.map((m) => m.list)).toEqual(["minimum", "out", "minimum"]);
    expect(reasonText("nb", r.measures[1].reason!, names)).toBe("kvoten «høyst 10 MNOK til Inspirere» er full (2 MNOK igjen)");
    expect(reasonText("en", r.measures[1].reason!, names)).toBe("the quota “at most 10 MNOK for Inspirere” is full (2 MNOK left)");
  });

  it("meets an at-least quota with the whole selection, not with the minimum list alone", async () => {
    // Minimum frame 10: the best there is A (20). The quota «minst 1 tiltak i temaet Deling» can only
    // be met by C, in the plus list; the minimum list need not meet it.
    const q: Quota = { kind: "theme", name: "Deling", bound: "min", unit: "count", value: 1, step: null, cell: "Modell!R3" };
    const items: SelectionItem[] = [item("A", 10, 20), item("B", 10, 15), item("C", 10, 3, { theme: "Deling" })];
    const r = await select({ items, budget: 2000, minimum: 1000, quotas: [q] }, solver, { entryBudgets: false, frontier: false });
    if (r.status !== "ok") throw new Error(r.status);
    expect(r.measures.map((m) => m.list)).toEqual(["minimum", "out", "plus"]);
  });

  it("names forced measures that break a group or a quota, and a quota no measure can reach", async () => {
    const quotas: Quota[] = [
      { kind: "segment", name: "Samstyre", bound: "max", unit: "count", value: 1, step: null, cell: "Modell!R3" },
      { kind: "theme", name: "Deling", bound: "min", unit: "mnok", value: 2500, step: null, cell: "Modell!R4" },
      { kind: "segment", name: "Observere", bound: "max", unit: "count", value: 2, step: null, cell: "Modell!R5" },
    ];
    const items: SelectionItem[] = [
      item("A", 10, 20, { group: "G", forced: "in", segment: "Samstyre" }),
      item("B", 5, 15, { group: "G", forced: "in", segment: "Samstyre" }),
      item("C", 10, 3, { theme: "Deling" }),
      item("D", 10, 3, { theme: "Deling", forced: "out" }),
    ];
    const problem: SelectionProblem = { items, budget: 5000, quotas };
    const r = await select(problem, solver);
    expect(r.status).toBe("infeasible");
    expect(r.findings.map(words)).toEqual([
      [
        "rule-group-forced",
        "Vurdering!TA",
        "Tiltak A og Tiltak B er merket «Tas med», men er alternativer i gruppen G: bare ett av dem kan velges. Ta bort «Tas med» fra alle unntatt ett (Vurdering!SA og Vurdering!SB), eller rett Gruppe (Vurdering!TA og Vurdering!TB).",
        "Tiltak A and Tiltak B are marked “Tas med” (include), but are alternatives in group G: only one of them can be chosen. Remove “Tas med” from all but one (Vurdering!SA and Vurdering!SB), or correct Gruppe (Vurdering!TA and Vurdering!TB).",
      ],
      [
        "rule-quota-forced",
        "Modell!R3",
        "Tiltakene som må tas med (Tiltak A og Tiltak B) gir 2 tiltak mot kvoten «høyst 1 tiltak i Samstyre». Øk kvoten eller ta bort «Tas med» (Vurdering!SA og Vurdering!SB).",
        "The measures that must be included (Tiltak A and Tiltak B) give 2 measures against the quota “at most 1 measure in Samstyre”. Raise the quota or remove “Tas med” (Vurdering!SA and Vurdering!SB).",
      ],
      [
        "rule-quota-unreachable",
        "Modell!R4",
        "Kvoten «minst 25 MNOK til temaet Deling» kan ikke nås: tiltakene den teller, kan til sammen gi 10 MNOK (høyst ett fra hver gruppe), og Tiltak D kan ikke velges. Senk kvoten eller rett den.",
        "The quota “at least 25 MNOK for theme Deling” cannot be met: the measures it counts can give 10 MNOK in all (at most one from each group), and Tiltak D cannot be chosen. Lower or correct the quota.",
      ],
      [
        "rule-quota-empty",
        "Modell!R5",
        "Kvoten «høyst 2 tiltak i Observere» teller ingen tiltak: ingen tiltak har segmentet Observere. Rett navnet i Kvote for.",
        "The quota “at most 2 measures in Observere” counts no measure: no measure has the segment Observere. Correct the name in Kvote for.",
      ],
    ]);
    expect(r.findings.map((f) => f.severity)).toEqual(["error", "error", "error", "warning"]);
  });
});

describe("steps", () => {
  const steps = [
    { name: "Steg 2", budget: 1000, cell: "Modell!P2" },
    { name: "Steg 3", budget: 2000, cell: "Modell!P3" },
  ];

  it("places a prerequisite in the same or an earlier step, and honours Tidligst", async () => {
    // A may not come before Steg 3; B presupposes A; C has no conditions.
    // Steg 2 (10): only C (8) can go there. Steg 3 (20): A + B (15, score 15) beats A alone; D (10) does not fit beside them.
    const items = [item("A", 10, 5, { earliest: 1 }), item("B", 5, 10, { requires: ["A"] }), item("C", 10, 8), item("D", 10, 4)];
    const r = await plan({ items, steps }, solver);
    if (r.status !== "ok") throw new Error(r.status);
    expect(r.measures.map((m) => [m.id, m.step === null ? null : r.steps[m.step].name])).toEqual([
      ["A", "Steg 3"],
      ["B", "Steg 3"],
      ["C", "Steg 2"],
      ["D", null],
    ]);
    expect(r.steps.map((s) => [s.name, s.count, s.cost, s.score])).toEqual([
      ["Steg 2", 1, 1000, 8],
      ["Steg 3", 2, 1500, 15],
    ]);
    expect(planReasonText("nb", r.measures[3].reason!, names)).toBe("passer ikke i noe steg: koster 10, mest ledig 5 MNOK (Steg 3)");
    expect(planReasonText("en", r.measures[3].reason!, names)).toBe("fits no step: costs 10, at most 5 MNOK free (Steg 3)");
  });

  it("keeps step 1's best total and decides its ties for the later steps", async () => {
    // Steg 2 (10): A or B, both 10 MNOK and score 8: a tie. C (20 MNOK, score 9) presupposes A.
    // With A in Steg 2, Steg 3 (20) takes C (9, better than B's 8); with B, Steg 3 has only A (8),
    // since A + C cost 30. So the tie goes to A.
    const items = [item("A", 10, 8), item("B", 10, 8), item("C", 20, 9, { requires: ["A"] })];
    const r = await plan({ items, steps }, solver);
    if (r.status !== "ok") throw new Error(r.status);
    expect(r.steps.map((s) => [s.name, s.ids, s.score])).toEqual([
      ["Steg 2", ["A"], 8],
      ["Steg 3", ["C"], 9],
    ]);
    expect(planReasonText("nb", r.measures[1].reason!, names)).toBe("passer ikke i noe steg: koster 10, mest ledig 0 MNOK (Steg 2)");
  });

  it("says that a prerequisite comes too late", async () => {
    // A not before Steg 3; B presupposes A and would fit in Steg 2; in Steg 3 the quota «høyst 1
    // tiltak i temaet T» is taken by A (B beside A would be two).
    const q: Quota = { kind: "theme", name: "T", bound: "max", unit: "count", value: 1, step: 1, stepName: "Steg 3", cell: "Modell!R2" };
    const items = [item("A", 5, 5, { earliest: 1, theme: "T" }), item("B", 5, 10, { requires: ["A"], theme: "T" })];
    const r = await plan({ items, steps, quotas: [q] }, solver);
    if (r.status !== "ok") throw new Error(r.status);
    expect(r.measures.map((m) => m.step)).toEqual([1, null]);
    expect(planReasonText("nb", r.measures[1].reason!, names)).toBe("forutsetter Tiltak A, som kommer etter Steg 2");
    expect(planReasonText("en", r.measures[1].reason!, names)).toBe("presupposes Tiltak A, which comes after Steg 2");
  });

  it("leaves room in the first step for a later step's at-least quota", async () => {
    // «minst 1 tiltak i Samstyre» in every step. Steg 2 alone would take A + B (19), leaving Steg 3
    // no Samstyre measure; so Steg 2 takes A + D (11) and Steg 3 B.
    const q: Quota = { kind: "segment", name: "Samstyre", bound: "min", unit: "count", value: 1, step: null, cell: "Modell!R2" };
    const items = [item("A", 5, 10, { segment: "Samstyre" }), item("B", 5, 9, { segment: "Samstyre" }), item("D", 5, 1)];
    const r = await plan({ items, steps, quotas: [q] }, solver);
    if (r.status !== "ok") throw new Error(r.status);
    expect(r.steps.map((s) => [s.name, s.ids, s.score])).toEqual([
      ["Steg 2", ["A", "D"], 11],
      ["Steg 3", ["B"], 9],
    ]);
  });

  it("names the rules that cannot hold together, with their cells", async () => {
    // «minst 2 tiltak i Samstyre» in Steg 3, but there are two Samstyre measures and A is Tas med (Steg 2).
    const q: Quota = { kind: "segment", name: "Samstyre", bound: "min", unit: "count", value: 2, step: 1, stepName: "Steg 3", cell: "Modell!R2" };
    const items = [item("A", 5, 5, { segment: "Samstyre", forced: "in" }), item("B", 5, 10, { segment: "Samstyre" }), item("C", 5, 1)];
    const problem: PlanProblem = { items, steps, quotas: [q] };
    const r = await plan(problem, solver);
    expect(r.status).toBe("infeasible");
    expect(r.findings.map(words)).toEqual([
      [
        "rule-conflict",
        "Vurdering!SA",
        "Reglene kan ikke oppfylles samtidig: «Tas med» for Tiltak A (Vurdering!SA) og kvoten «minst 2 tiltak i Samstyre (Steg 3)» (Modell!R2). Hver av dem må med for at det skal gå galt; endre eller slå av én av dem (i Utvalg kan en regel slås av for å se hva den koster).",
        "The rules cannot all hold: “Tas med” (include) on Tiltak A (Vurdering!SA) and the quota “at least 2 measures in Samstyre (Steg 3)” (Modell!R2). Each of them is needed for the conflict; change or switch off one of them (in Utvalg a rule can be switched off to see what it costs).",
      ],
    ]);
    // Every measure is in no step, and the steps are empty.
    expect(r.measures.every((m) => m.step === null)).toBe(true);
    expect(r.steps.map((s) => s.count)).toEqual([0, 0]);
  });

  it("lets Tas med win over a later Tidligst, and says so", async () => {
    const items = [item("A", 5, 5, { forced: "in", earliest: 1 }), item("B", 5, 10)];
    const r = await plan({ items, steps }, solver);
    if (r.status !== "ok") throw new Error(r.status);
    expect(r.measures.map((m) => m.step)).toEqual([0, 0]);
    expect(r.findings.map(words)).toEqual([
      [
        "plan-earliest-forced",
        "Vurdering!UA",
        "Tiltak A er merket «Tas med» (Vurdering!SA), som betyr Steg 2, men Tidligst sier Steg 3. «Tas med» gjelder; rett en av dem.",
        "Tiltak A is marked “Tas med” (include) (Vurdering!SA), which means Steg 2, but Tidligst says Steg 3. “Tas med” holds; correct one of them.",
      ],
    ]);
  });
});
