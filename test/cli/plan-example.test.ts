/**
 * examples/utvalg.xlsx by steps: its plan checked by hand, through `prio plan --json` on the real
 * file (the JSON the issue asks for, exactly).
 *
 * Why this plan (by hand, from the workbook's numbers):
 * - Steps on Modell: Steg 2 (the Budsjettramme, 240 MNOK, minimum frame 100), Steg 3 128 MNOK,
 *   Steg 4 100 MNOK. T003 PLL i kommunale helse- og omsorgstjenester and T025 Legemiddelmodul i
 *   kommunal journal are alternatives (*Gruppe* «Legemidler i kommunene»); T028 Nasjonal
 *   kjernejournal for tannhelse is *Tidligst* Steg 4.
 * - Steg 2 is the selection within 240/100 MNOK (test/cli/select-example.test.ts: the minimum list
 *   and the plus list fill their frames exactly with the strictly best measures per MNOK, so no
 *   other selection is as good, and the later steps cannot change it).
 * - Steg 3, 128 MNOK, among the rest (T027 held out, T028 not before Steg 4): by score per MNOK
 *   T026 0,73 · T029 0,69 · T021 0,66 · T022 0,63 · T025 0,56, then T015 0,49 · T012 0,47 ·
 *   T003 0,47 · T030 0,23 · T023 0,23. The first five cost exactly 22 + 25 + 26 + 24 + 31 = 128, and
 *   what they presuppose is in Steg 2 (T021 needs T020, T022 needs T019): no selection within 128
 *   can score more (the fractional knapsack bound), and the next is strictly worse per MNOK.
 * - Steg 4, 100 MNOK: T003 is out (its alternative T025 is in Steg 3). T012 + T015 + T028 cost
 *   38 + 34 + 27,5 = 99,5 (score 50,42); a selection with T023 (95) or T030 (88) has at most 12 MNOK
 *   left, where nothing else fits (the cheapest costs 27,5), and scores 21,50 or 20,42.
 * - Senere: T023 and T030 (0,5 MNOK left in Steg 4, none elsewhere), T003 (alternative to T025),
 *   T027 (held out).
 * The test recomputes the ratios and sums from the example's numbers, so a change of the example
 * that breaks the reasoning fails here, not only a change of the solver.
 */
import * as path from "path";
import { UTVALG_STEPS, utvalgMeasures, utvalgTotals } from "../../scripts/make-utvalg";
import { ROOT, run } from "../support/cli";

const FILE = path.join(ROOT, "examples/utvalg.xlsx");
const STEG2 = ["T001", "T002", "T004", "T005", "T006", "T007", "T008", "T009", "T010", "T011", "T013", "T014", "T016", "T017", "T018", "T019", "T020", "T024"];
const STEG3 = ["T021", "T022", "T025", "T026", "T029"];
const STEG4 = ["T012", "T015", "T028"];

interface PlanJson {
  steps: { name: string; budget: number; cost: number; score: number; measures: string[] }[];
  measures: { id: string; name: string; step: string | null; reason: string | null }[];
  findings: { code: string; severity: string; cell: string | null; message: string }[];
}

let json: PlanJson;

beforeAll(async () => {
  const r = await run(["plan", FILE, "--json"]);
  expect(r.err).toBe("");
  expect(r.code).toBe(0);
  json = JSON.parse(r.out);
}, 240_000);

describe("examples/utvalg.xlsx by steps", () => {
  it("reads Gruppe and Tidligst as the plan's columns: the scoring table does not call them unknown", async () => {
    const r = await run(["score", FILE, "--json"]);
    const findings = (JSON.parse(r.out) as { findings: { code: string; cell: string }[] }).findings;
    expect(findings.filter((f) => f.code === "table-unknown-column")).toEqual([]);
  });

  it("holds the numbers the reasoning above uses", () => {
    const totals = utvalgTotals();
    const ms = new Map(utvalgMeasures().map((m) => [m.id, { ...m, ratio: totals.get(m.id)! / m.cost }]));
    const ratio = (id: string) => ms.get(id)!.ratio;
    const cost = (ids: string[]) => ids.reduce((a, id) => a + ms.get(id)!.cost, 0);
    expect(UTVALG_STEPS).toEqual([
      ["Steg 2", 240],
      ["Steg 3", 128],
      ["Steg 4", 100],
    ]);
    expect(["T003", "T025"].map((id) => ms.get(id)!.group)).toEqual(["Legemidler i kommunene", "Legemidler i kommunene"]);
    expect(ms.get("T028")!.earliest).toBe("Steg 4");
    expect(ms.get("T025")!.requires).toBe("");
    // Steg 3: the five best per MNOK fill 128 exactly; every other candidate is strictly worse per MNOK.
    expect(cost(STEG3)).toBe(128);
    const rest = ["T003", "T012", "T015", "T023", "T030"];
    expect(Math.min(...STEG3.map(ratio))).toBeGreaterThan(Math.max(...rest.map(ratio)));
    expect(STEG3.map((id) => ms.get(id)!.requires)).toEqual(["T020", "T019", "", "", ""]);
    // Steg 4: the three fit in 100; T023 or T030 leaves less than the cheapest other.
    expect(cost(STEG4)).toBe(99.5);
    expect(100 - ms.get("T030")!.cost).toBeLessThan(Math.min(...STEG4.map((id) => ms.get(id)!.cost)));
    const score = (ids: string[]) => ids.reduce((a, id) => a + totals.get(id)!, 0);
    expect(score(STEG4)).toBeGreaterThan(Math.max(totals.get("T023")!, totals.get("T030")!));
  });

  it("places every measure as reasoned by hand, in the JSON the issue asks for", () => {
    const totals = utvalgTotals();
    const score = (ids: string[]) => ids.reduce((a, id) => a + totals.get(id)!, 0);
    expect(Object.keys(json)).toEqual(["steps", "measures", "findings"]);
    expect(json.steps.map((s) => Object.keys(s))).toEqual(json.steps.map(() => ["name", "budget", "cost", "score", "measures"]));
    expect(json.steps.map((s) => [s.name, s.budget, s.cost, s.measures])).toEqual([
      ["Steg 2", 240, 240, STEG2],
      ["Steg 3", 128, 128, STEG3],
      ["Steg 4", 100, 99.5, STEG4],
    ]);
    expect(json.steps[0].score).toBeCloseTo(score(STEG2), 9);
    expect(json.steps[1].score).toBeCloseTo(score(STEG3), 9);
    expect(json.steps[2].score).toBeCloseTo(score(STEG4), 9);
    expect(json.measures.map((m) => Object.keys(m))).toEqual(json.measures.map(() => ["id", "name", "step", "reason"]));
    const later = json.measures.filter((m) => m.step === null);
    expect(later).toEqual([
      { id: "T003", name: "Legemidler: PLL i kommunale helse- og omsorgstjenester", step: null, reason: "alternativ til Legemidler: Legemiddelmodul i kommunal journal, som er med i Steg 3 (gruppen Legemidler i kommunene)" },
      { id: "T023", name: "Helsedata: Nasjonal helseanalyseplattform", step: null, reason: "passer ikke i noe steg: koster 95, mest ledig 0,5 MNOK (Steg 4)" },
      { id: "T027", name: "Helsedata: Kunstig intelligens i bildediagnostikk (pilot)", step: null, reason: "holdes utenfor" },
      { id: "T030", name: "Samhandling: Felles plattform for kommunal journal", step: null, reason: "passer ikke i noe steg: koster 88, mest ledig 0,5 MNOK (Steg 4)" },
    ]);
    expect(json.measures.find((m) => m.id === "T028")).toEqual({ id: "T028", name: "Kritisk info: Nasjonal kjernejournal for tannhelse", step: "Steg 4", reason: null });
    expect(json.findings).toEqual([]);
  });

  it("takes the steps from the command line when given, in their order, and says which Tidligst it cannot place", async () => {
    const r = await run(["plan", FILE, "--step", "Nå=100", "--step", "Neste=140", "--json"]);
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out) as PlanJson;
    expect(j.steps.map((s) => [s.name, s.budget, s.cost])).toEqual([
      ["Nå", 100, 100],
      ["Neste", 140, 140],
    ]);
    // Without the minimum frame the first step is the best within 100: the minimum list of the example.
    expect(j.steps[0].measures).toEqual(["T001", "T004", "T005", "T008", "T009", "T013", "T016", "T017", "T018"]);
    expect(j.findings).toEqual([
      {
        code: "plan-earliest-unknown",
        severity: "warning",
        cell: "Vurdering!U30",
        message: "«Steg 4» i Tidligst for Kritisk info: Nasjonal kjernejournal for tannhelse er ikke et steg på Modell og er ikke regnet med. Skriv navnet på et steg (for eksempel «Neste») eller la cellen stå tom.",
      },
    ]);
  });

  it("names a bad --step and a workbook without steps", async () => {
    const bad = await run(["plan", FILE, "--step", "Steg 3"]);
    expect([bad.code, bad.out, bad.err]).toEqual([2, "", '--step må følges av NAVN=MNOK (for eksempel --step "Steg 3=300"), ikke Steg 3.']);
    const twice = await run(["plan", FILE, "--step", "A=1", "--step", "a=2", "--lang", "en"]);
    expect([twice.code, twice.err]).toEqual([2, "The step a is given more than once with --step."]);
    const none = await run(["plan", path.join(ROOT, "examples/portefolje-2020.xlsx")]);
    expect(none.code).toBe(2);
    expect(none.err).toMatch(/Kostnad \(MNOK\)|Ingen steg/);
  });
});
