/**
 * examples/utvalg.xlsx, the worked example of selection within a budget: its minimum and plus
 * lists checked by hand, through `prio select --json` on the real file.
 *
 * Why these lists (by hand, from the workbook's numbers):
 * - Frames on Modell: Budsjettramme 240 MNOK, Minimumsramme 100 MNOK. T004 Kritisk informasjon i
 *   kjernejournal is *Tas med* (30 MNOK), T027 KI i bildediagnostikk is *Holdes utenfor*.
 * - A measure's worth per MNOK is score / cost. Of the measures free to choose, eight have more
 *   than 1,9 points per MNOK (T009 3,53 · T008 2,90 · T018 2,72 · T013 2,51 · T017 2,27 ·
 *   T016 2,20 · T005 2,11 · T001 1,94), nine between 0,96 and 1,44, all others below 0,74.
 * - The minimum list: T004 takes 30 of the 100 MNOK. The eight best per MNOK cost exactly the 70
 *   left (6 + 7,5 + 7,5 + 8 + 9,5 + 9,5 + 10 + 12), and what each presupposes is among them
 *   (T005 needs T018). No selection within 70 MNOK can score more than the measures with the best
 *   score per MNOK filling it completely (the fractional knapsack bound), and the next measure is
 *   strictly worse per MNOK, so the minimum list is T004 and those eight, and nothing else.
 * - The plus list, the minimum list fixed: 140 MNOK left. The nine in the middle band cost
 *   exactly 140 (18 + 16 + 20,5 + 13,5 + 13,5 + 14,5 + 17,5 + 14 + 12,5), they presuppose only
 *   measures already chosen (T006 and T019 need T018, T011 needs T016–T017), and all others are
 *   below 0,74 per MNOK: by the same bound the plus list is exactly the middle band.
 * - Out: T027 is held out; the rest do not fit (0 MNOK left). T003 and T025 are alternatives
 *   (*Gruppe* «Legemidler i kommunene», for the plan by steps): both out here, so the group keeps
 *   neither of them out.
 * - Rank order (highest score first until the money runs out) takes T030 Felles plattform for
 *   kommunal journal (20,42 points for 88 MNOK) early and stops at T003, so it differs.
 * The test also recomputes the bound argument from the file (bands, sums, ratios), so a change of
 * the example that breaks the reasoning fails here, not only a change of the solver.
 */
import { readFileSync } from "fs";
import * as path from "path";
import { UTVALG_BUDGET, UTVALG_FILE, UTVALG_MINIMUM, utvalgMeasures, utvalgTotals, utvalgWorkbook } from "../../scripts/make-utvalg";
import { ROOT, run } from "../support/cli";

const FILE = path.join(ROOT, "examples/utvalg.xlsx");

const MINIMUM = ["T001", "T004", "T005", "T008", "T009", "T013", "T016", "T017", "T018"];
const PLUS = ["T002", "T006", "T007", "T010", "T011", "T014", "T019", "T020", "T024"];
const OUT = ["T003", "T012", "T015", "T021", "T022", "T023", "T025", "T026", "T027", "T028", "T029", "T030"];

interface JsonMeasure {
  id: string;
  name: string;
  cost: number | null;
  score: number | null;
  requires: string[];
  forced: "in" | "out" | null;
  list: "minimum" | "plus" | "out";
  reason: string | null;
  reasonCode?: string;
  entersAt?: number | null;
  inBelow?: number | null;
}

let json: {
  budget: number;
  minimum: number | null;
  measures: JsonMeasure[];
  totals: Record<string, { count: number; cost: number; score: number }>;
  rankOrder: { onlyExact: string[]; onlyRankOrder: string[]; stoppedAt: string | null };
};

beforeAll(async () => {
  const r = await run(["select", FILE, "--json"]);
  expect(r.err).toBe("");
  expect(r.code).toBe(0);
  json = JSON.parse(r.out);
}, 240_000);

describe("examples/utvalg.xlsx", () => {
  it("is what scripts/make-utvalg.ts writes", async () => {
    expect(path.resolve(UTVALG_FILE)).toBe(FILE);
    expect((await utvalgWorkbook()).equals(readFileSync(FILE))).toBe(true);
  });

  it("holds the numbers the reasoning above uses", () => {
    const totals = utvalgTotals();
    const ms = utvalgMeasures().map((m) => ({ ...m, ratio: totals.get(m.id)! / m.cost }));
    const band = (b: string) => ms.filter((m) => m.band === b);
    const cost = (xs: { cost: number }[]) => xs.reduce((a, m) => a + m.cost, 0);
    expect(band("F").map((m) => [m.id, m.cost, m.choice])).toEqual([["T004", 30, "Tas med"]]);
    expect(band("X").map((m) => [m.id, m.choice])).toEqual([["T027", "Holdes utenfor"]]);
    expect(cost(band("H"))).toBe(UTVALG_MINIMUM - 30);
    expect(cost(band("M"))).toBe(UTVALG_BUDGET - UTVALG_MINIMUM);
    expect(Math.min(...band("H").map((m) => m.ratio))).toBeGreaterThan(Math.max(...band("M").map((m) => m.ratio)));
    expect(Math.min(...band("M").map((m) => m.ratio))).toBeGreaterThan(Math.max(...band("L").map((m) => m.ratio), band("F")[0].ratio));
    expect([...band("H"), ...band("F")].map((m) => m.id).sort()).toEqual(MINIMUM);
    expect(band("M").map((m) => m.id).sort()).toEqual(PLUS);
  });

  it("gives the minimum list, the plus list and the measures out as reasoned by hand", () => {
    expect(json.budget).toBe(240);
    expect(json.minimum).toBe(100);
    const ids = (list: string) => json.measures.filter((m) => m.list === list).map((m) => m.id);
    expect(ids("minimum")).toEqual(MINIMUM);
    expect(ids("plus")).toEqual(PLUS);
    expect(ids("out")).toEqual(OUT);
    expect(json.totals.minimum.cost).toBe(100);
    expect(json.totals.plus.cost).toBe(140);
    expect([json.totals.selected.count, json.totals.selected.cost]).toEqual([18, 240]);
    expect(json.totals.selected.score).toBeCloseTo(json.totals.minimum.score + json.totals.plus.score, 9);
    // The scores of the lists, from the totals the add-in computes for the example's scores.
    const totals = utvalgTotals();
    const sum = (ids: string[]) => ids.reduce((a, id) => a + totals.get(id)!, 0);
    expect(json.totals.minimum.score).toBeCloseTo(sum(MINIMUM), 9);
    expect(json.totals.plus.score).toBeCloseTo(sum(PLUS), 9);
  });

  it("says why each measure is out, in the JSON the issue asks for", () => {
    const t027 = json.measures.find((m) => m.id === "T027")!;
    expect(t027).toEqual({
      id: "T027",
      name: "Helsedata: Kunstig intelligens i bildediagnostikk (pilot)",
      cost: 9,
      score: 17.5,
      requires: ["T007"],
      forced: "out",
      list: "out",
      reason: "holdes utenfor",
      reasonCode: "held-out",
      entersAt: null,
      inBelow: null,
    });
    const t025 = json.measures.find((m) => m.id === "T025")!;
    expect([t025.requires, t025.reasonCode, t025.reason]).toEqual([[], "budget", "over rammen: koster 31, 0 MNOK igjen"]);
    const t030 = json.measures.find((m) => m.id === "T030")!;
    expect([t030.requires, t030.reasonCode, t030.reason]).toEqual([["T016", "T017", "T018"], "budget", "over rammen: koster 88, 0 MNOK igjen"]);
    expect(json.measures.find((m) => m.id === "T004")!.forced).toBe("in");
    expect(json.measures.find((m) => m.id === "T011")!.requires).toEqual(["T016", "T017"]);
  });

  it("shows where rank order differs from the exact selection", () => {
    expect(json.rankOrder.onlyRankOrder).toEqual(["T030"]);
    expect(json.rankOrder.onlyExact).toEqual(["T005", "T006", "T011", "T014", "T019", "T020", "T024"]);
    expect(json.rankOrder.stoppedAt).toBe("T003");
  });
});
