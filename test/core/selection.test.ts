/**
 * The selection within a budget against enumeration of every subset (test/support/selection-brute.ts)
 * on random instances of up to 12 measures: costs, budgets, minimum frames, dependency chains and
 * cycles, forced choices and segment limits. HiGHS does the search; the brute force is the oracle.
 */
import { dependencyCycles, SCORE_EPS, type SelectionItem, type SelectionProblem } from "../../src/core/selection-problem";
import { select, type SelectionResult } from "../../src/core/select";
import { highsSolver } from "../../src/solve/highs";
import { admissible, best, entersAt, frontier, impossible, inBelow } from "../support/selection-brute";
import { prng } from "../support/grids";

const solver = highsSolver();

function randomInstance(seed: number): SelectionProblem {
  const r = prng(seed);
  const int = (lo: number, hi: number) => lo + Math.floor(r() * (hi - lo + 1));
  const n = int(4, 12);
  const items: SelectionItem[] = [];
  for (let i = 0; i < n; i++) {
    const requires = new Set<string>();
    // Chains and trees: presuppose earlier measures; now and then a later one (which may close a cycle).
    if (i > 0 && r() < 0.4) requires.add(`M${int(0, i - 1)}`);
    if (i > 1 && r() < 0.15) requires.add(`M${int(0, i - 1)}`);
    if (r() < 0.04) requires.add(`M${int(0, n - 1)}`);
    const roll = r();
    items.push({
      id: `M${i}`,
      name: `Tiltak ${i}`,
      // Hundredths of a MNOK: 0–60 MNOK, often with decimals; now and then no cost.
      cost: r() < 0.05 ? null : r() < 0.5 ? int(1, 60) * 100 : int(0, 6000),
      // Scores as the add-in makes them (quarters) or arbitrary floats; now and then no total.
      score: r() < 0.05 ? null : r() < 0.6 ? int(0, 120) / 4 : r() * 30,
      requires: [...requires],
      forced: roll < 0.1 ? "in" : roll < 0.2 ? "out" : null,
      segment: r() < 0.5 ? "Samstyre" : "Koordinere",
      rank: null,
      cells: { name: `Vurdering!B${i + 3}`, cost: `Vurdering!P${i + 3}`, requires: `Vurdering!Q${i + 3}`, forced: `Vurdering!R${i + 3}` },
    });
  }
  const total = items.reduce((a, it) => a + (it.cost ?? 0), 0);
  const budget = int(0, total);
  const problem: SelectionProblem = { items, budget, cells: { budget: "Modell!M9", minimum: "Modell!M10" } };
  if (r() < 0.5) problem.minimum = int(0, Math.round(budget * 1.1));
  if (r() < 0.3) problem.segmentLimits = { Samstyre: int(0, Math.round(total / 2)) };
  return problem;
}

const maskOf = (r: Extract<SelectionResult, { status: "ok" }>, lists: string[]) =>
  r.measures.reduce((m, x, i) => (lists.includes(x.list) ? m | (1 << i) : m), 0);

/** Checks one instance in full against the enumeration; returns its status for the tally. */
async function check(problem: SelectionProblem): Promise<string> {
  const result = await select(problem, solver, { frontierUpTo: Number.MAX_SAFE_INTEGER, maxSolves: Infinity });
  const subsets = admissible(problem);
  const minFrame = problem.minimum ?? problem.budget;
  const minimumOverBudget = problem.minimum !== undefined && problem.minimum !== null && problem.minimum > problem.budget;
  const bestMin = best(subsets, minFrame);

  if (minimumOverBudget || bestMin === null) {
    expect(result.status).toBe("infeasible");
    return "infeasible";
  }
  if (result.status !== "ok") throw new Error(`${JSON.stringify(result.findings)} on ${JSON.stringify(problem)}`);

  // The minimum list: admissible, within the minimum frame, and as good as the best subset.
  const minMask = maskOf(result, ["minimum"]);
  const minSubset = subsets.find((s) => s.mask === minMask);
  expect(minSubset).toBeDefined();
  expect(minSubset!.cost).toBeLessThanOrEqual(minFrame);
  expect(Math.abs(minSubset!.value - bestMin)).toBeLessThanOrEqual(SCORE_EPS);
  expect(result.totals.minimum.cost).toBe(minSubset!.cost);

  // The plus list: with the minimum list fixed, the best within the full frame.
  const allMask = maskOf(result, ["minimum", "plus"]);
  const allSubset = subsets.find((s) => s.mask === allMask);
  expect(allSubset).toBeDefined();
  expect(allSubset!.cost).toBeLessThanOrEqual(problem.budget);
  const fixed = problem.minimum !== undefined && problem.minimum !== null ? minMask : 0;
  expect(Math.abs(allSubset!.value - best(subsets, problem.budget, fixed)!)).toBeLessThanOrEqual(SCORE_EPS);
  if (problem.minimum === undefined || problem.minimum === null) expect(result.measures.every((m) => m.list !== "plus")).toBe(true);

  // Each measure out: a reason, and the nearest frames at or above and below the current one at
  // which it is in a best selection; none for a measure without a total (issue 17, items 10–11).
  const bad = impossible(problem.items);
  result.measures.forEach((m, j) => {
    if (m.list !== "out") return;
    expect(m.reason).not.toBeNull();
    if (bad.has(j)) {
      expect(["held-out", "no-cost", "cycle", "requires-excluded"]).toContain(m.reason!.kind);
      expect([m.entersAt, m.inBelow]).toEqual([null, null]);
    } else if (problem.items[j].score === null) {
      expect(m.reason).toEqual({ kind: "no-total" });
      expect([m.entersAt, m.inBelow]).toEqual([undefined, undefined]);
    } else expect([m.entersAt, m.inBelow]).toEqual([entersAt(subsets, j, fixed, problem.budget), inBelow(subsets, j, fixed, problem.budget)]);
  });

  expect(result.complete).toBe(true);
  // The frontier, breakpoint by breakpoint.
  const expected = frontier(subsets);
  expect(result.frontierTruncated).toBe(false);
  expect(result.frontier.map((p) => p.budget)).toEqual(expected.map((p) => p.budget));
  result.frontier.forEach((p, k) => expect(Math.abs(p.score - expected[k].score)).toBeLessThanOrEqual(SCORE_EPS));
  return "ok";
}

describe("selection against brute force", () => {
  jest.setTimeout(240_000);

  it("equals the enumerated optimum on 120 random instances (minimum and plus lists, entry budgets, frontier, infeasibility)", async () => {
    const tally: Record<string, number> = {};
    for (let seed = 1; seed <= 120; seed++) {
      const status = await check(randomInstance(seed));
      tally[status] = (tally[status] ?? 0) + 1;
    }
    // Both kinds of instance occur, so both branches were checked.
    expect(tally.ok).toBeGreaterThan(60);
    expect(tally.infeasible).toBeGreaterThan(3);
  });
});

describe("selection rules on small cases", () => {
  const item = (id: string, cost: number | null, score: number | null, extra: Partial<SelectionItem> = {}): SelectionItem => ({
    id,
    name: `Tiltak ${id}`,
    cost,
    score,
    requires: [],
    forced: null,
    cells: { name: `Vurdering!B${id}`, cost: `Vurdering!P${id}`, requires: `Vurdering!Q${id}`, forced: `Vurdering!R${id}` },
    ...extra,
  });

  it("takes the better pair over the best single measure that rank order takes first", async () => {
    // Frame 10: A (score 20, cost 10) alone, or B + C (12 + 11 = 23, cost 5 + 5). Rank order takes A and stops.
    const r = await select({ items: [item("A", 1000, 20), item("B", 500, 12), item("C", 500, 11)], budget: 1000 }, solver);
    if (r.status !== "ok") throw new Error(r.status);
    expect(r.measures.map((m) => m.list)).toEqual(["out", "minimum", "minimum"]);
    expect(r.totals.selected).toEqual({ count: 2, cost: 1000, score: 23 });
    expect(r.greedy).toEqual({ ids: ["A"], totals: { count: 1, cost: 1000, score: 20 }, onlyExact: ["B", "C"], onlyGreedy: ["A"], stoppedAt: "B" });
    expect(r.measures[0].reason).toEqual({ kind: "budget", cost: 1000, left: 0 });
    // A enters at 20 MNOK: A + B (32) beats B + C (23) and every other selection within 20.
    expect(r.measures[0].entersAt).toBe(1500);
  });

  it("gives the nearest frames above and below at which a measure out is in, not a «from» (issue 17, item 10)", async () => {
    // A (cost 6, score 10) is the best alone at frames 6–9; at 10, B + C (cost 5 + 5, 7 + 7 = 14) is
    // better and A is out; at 11, A + B (17) is in again. So A is in below the frame and above it.
    const r = await select({ items: [item("A", 600, 10), item("B", 500, 7), item("C", 500, 7)], budget: 1000 }, solver);
    if (r.status !== "ok") throw new Error(r.status);
    expect(r.measures.map((m) => [m.id, m.list])).toEqual([["A", "out"], ["B", "minimum"], ["C", "minimum"]]);
    expect([r.measures[0].entersAt, r.measures[0].inBelow]).toEqual([1100, 999]);
  });

  it("says a measure without a total has none, at every frame, and gives it no frames (issue 17, item 11)", async () => {
    for (const budget of [500, 2000, 6500]) {
      const r = await select({ items: [item("A", 500, 5), item("N", 2466, null), item("B", 1000, 3)], budget }, solver);
      if (r.status !== "ok") throw new Error(r.status);
      const n = r.measures[1];
      expect({ budget, list: n.list, reason: n.reason, entersAt: n.entersAt, inBelow: n.inBelow }).toEqual({ budget, list: "out", reason: { kind: "no-total" }, entersAt: undefined, inBelow: undefined });
    }
  });

  it("gives presupposes-X as the reason, and holds out what presupposes a held-out measure", async () => {
    const items = [item("A", 800, 5), item("B", 300, 20, { requires: ["A"] }), item("C", 100, 3, { forced: "out" }), item("D", 100, 30, { requires: ["C"] })];
    const r = await select({ items, budget: 500 }, solver);
    if (r.status !== "ok") throw new Error(r.status);
    expect(r.measures.map((m) => [m.id, m.list, m.reason])).toEqual([
      ["A", "out", { kind: "budget", cost: 800, left: 500 }],
      ["B", "out", { kind: "requires-out", ids: ["A"] }],
      ["C", "out", { kind: "held-out" }],
      ["D", "out", { kind: "requires-excluded", ids: ["C"] }],
    ]);
    // A alone is the best at 8 MNOK (nothing else can be chosen below 11); B needs A: 11 MNOK.
    expect(r.measures.map((m) => m.entersAt)).toEqual([800, 1100, null, null]);
  });

  it("reports forced measures over the frame with their cells, and no lists", async () => {
    const items = [item("A", 600, 5, { forced: "in" }), item("B", 500, 20, { forced: "in" }), item("C", 100, 3)];
    const r = await select({ items, budget: 1000, cells: { budget: "Modell!M9" } }, solver);
    expect(r).toEqual({
      status: "infeasible",
      budget: 1000,
      minimum: null,
      findings: [
        {
          code: "selection-forced-over-budget",
          severity: "error",
          cell: "Modell!M9",
          params: { cost: 11, frame: 10, minimum: false, names: ["Tiltak A", "Tiltak B"], forcedNames: ["Tiltak A", "Tiltak B"], cells: ["Vurdering!RA", "Vurdering!RB"] },
        },
      ],
    });
  });

  it("reports a forced measure whose prerequisite is held out, and a dependency cycle, naming the cells", async () => {
    const items = [
      item("A", 100, 5, { forced: "out" }),
      item("B", 100, 20, { forced: "in", requires: ["A"] }),
      item("C", 100, 3, { requires: ["D"] }),
      item("D", 100, 3, { requires: ["C"] }),
    ];
    expect(dependencyCycles(items)).toEqual([["C", "D"]]);
    const r = await select({ items, budget: 1000 }, solver);
    expect(r.findings.map((f) => [f.code, f.cell, f.params])).toEqual([
      ["selection-cycle", "Vurdering!QC", { ids: ["C", "D"], names: ["Tiltak C", "Tiltak D"], cells: ["Vurdering!QC", "Vurdering!QD"] }],
      [
        "selection-forced-blocked",
        "Vurdering!RB",
        { measure: "Tiltak B", id: "B", why: "requires-excluded", blockers: ["Tiltak A"], blockerIds: ["A"], blockerReasons: ["held-out"], blockerCells: ["Vurdering!RA"] },
      ],
    ]);
    if (r.status !== "ok") throw new Error(r.status);
    expect(r.measures.map((m) => m.reason?.kind)).toEqual(["held-out", "requires-excluded", "cycle", "cycle"]);
  });

  it("fixes the minimum list and adds the plus list within the full frame", async () => {
    // Minimum frame 5: B (score 9, cost 5). Full frame 9: with B fixed the best addition is C (cost 4,
    // score 6), giving 15, which also beats A + C (14). The frontier: C alone at 4, B at 5, B + C at 9,
    // A + B at 10 (17), all three at 14 (23).
    const items = [item("A", 500, 8), item("B", 500, 9), item("C", 400, 6)];
    const r = await select({ items, budget: 900, minimum: 500 }, solver, { frontierUpTo: 2000 });
    if (r.status !== "ok") throw new Error(r.status);
    expect(r.measures.map((m) => m.list)).toEqual(["out", "minimum", "plus"]);
    expect(r.totals.minimum).toEqual({ count: 1, cost: 500, score: 9 });
    expect(r.totals.plus).toEqual({ count: 1, cost: 400, score: 6 });
    expect(r.frontier).toEqual([
      { budget: 0, score: 0 },
      { budget: 400, score: 6 },
      { budget: 500, score: 9 },
      { budget: 900, score: 15 },
      { budget: 1000, score: 17 },
      { budget: 1400, score: 23 },
    ]);
  });

  it("bounds the entry budgets and the frontier by a count of solves, leaving the lists exact", async () => {
    // A segment limit of 10 MNOK (the forest bounds drop it, so they cannot decide A): A + B would be
    // best at 15 MNOK without it, but no selection with A beats B + C within the limit, so A never enters.
    const items = [item("A", 1000, 20), item("B", 500, 12), item("C", 500, 11)].map((it) => ({ ...it, segment: "Samstyre" }));
    const problem = { items, budget: 1000, segmentLimits: { Samstyre: 1000 } };
    const full = await select(problem, solver);
    const cut = await select(problem, solver, { maxSolves: 1 });
    if (full.status !== "ok" || cut.status !== "ok") throw new Error("not ok");
    expect([full.complete, cut.complete]).toEqual([true, false]);
    expect(full.measures[0].entersAt).toBeNull();
    expect(cut.measures.map((m) => m.list)).toEqual(full.measures.map((m) => m.list));
    // One solve: A's entry budget needs at least two (f at 15 MNOK, then the cheapest selection with A); none is left for the frontier.
    expect(cut.measures[0].entersAt).toBeUndefined();
    expect(cut.frontier).toEqual([]);
    expect(cut.frontierTruncated).toBe(true);
  });

  it("finds an entry budget without a solve where the dependencies form a forest and no segment is limited", async () => {
    const items = [item("A", 1000, 20), item("B", 500, 12), item("C", 500, 11)];
    const cut = await select({ items, budget: 1000 }, solver, { maxSolves: 0, frontier: false });
    if (cut.status !== "ok") throw new Error(cut.status);
    // The forest bounds meet: out at 10 (20 < 23), in at 15 (A + B, 32, is the best there).
    expect(cut.measures[0].entersAt).toBe(1500);
    expect(cut.complete).toBe(true);
  });
});
