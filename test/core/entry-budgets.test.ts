/**
 * The smallest budget at which each measure out would enter, exact: against enumeration on random
 * instances made to be hard for it — small whole costs and scores, so many selections tie and the
 * best total rises in many small steps above the frame, with dependencies, forced choices and a
 * minimum list held fixed — without a cap on solves. test/core/selection.test.ts checks it on the
 * general random instances as well.
 */
import { select, type SelectionItem, type SelectionProblem } from "../../src/core/selection";
import { highsSolver } from "../../src/solve/highs";
import { admissible, entersAt, impossible } from "../support/selection-brute";
import { prng } from "../support/grids";

const solver = highsSolver();

function tiedInstance(seed: number): SelectionProblem {
  const r = prng(seed);
  const int = (lo: number, hi: number) => lo + Math.floor(r() * (hi - lo + 1));
  const n = int(8, 13);
  const items: SelectionItem[] = [];
  for (let i = 0; i < n; i++) {
    const requires = new Set<string>();
    if (i > 0 && r() < 0.35) requires.add(`M${int(0, i - 1)}`);
    if (i > 1 && r() < 0.15) requires.add(`M${int(0, i - 1)}`);
    const roll = r();
    items.push({
      id: `M${i}`,
      name: `Tiltak ${i}`,
      cost: int(1, 9) * 100,
      score: int(1, 6),
      requires: [...requires],
      forced: roll < 0.08 ? "in" : roll < 0.14 ? "out" : null,
      rank: null,
    });
  }
  const total = items.reduce((a, it) => a + (it.cost ?? 0), 0);
  const budget = int(Math.round(total * 0.15), Math.round(total * 0.5));
  const problem: SelectionProblem = { items, budget };
  if (r() < 0.4) problem.minimum = int(0, budget);
  return problem;
}

test("equals the enumerated smallest entering budget of every measure out on 80 instances full of ties", async () => {
  let checked = 0;
  for (let seed = 1; seed <= 80; seed++) {
    const problem = tiedInstance(seed);
    const result = await select(problem, solver, { frontier: false, maxSolves: Infinity });
    if (result.status !== "ok") continue;
    const subsets = admissible(problem);
    const minMask = result.measures.reduce((m, x, i) => (x.list === "minimum" ? m | (1 << i) : m), 0);
    const fixed = problem.minimum !== undefined && problem.minimum !== null ? minMask : 0;
    const bad = impossible(problem.items);
    result.measures.forEach((m, j) => {
      if (m.list !== "out") return;
      const want = bad.has(j) ? null : entersAt(subsets, j, fixed, problem.budget);
      expect({ seed, id: m.id, entersAt: m.entersAt }).toEqual({ seed, id: m.id, entersAt: want });
      checked++;
    });
    expect(result.complete).toBe(true);
  }
  // Enough measures out to mean something.
  expect(checked).toBeGreaterThan(150);
}, 300_000);

/** A forest of dependencies (one prerequisite at most), no segment limits: the forest bounds are exact. */
function forestInstance(seed: number): SelectionProblem {
  const r = prng(seed);
  const int = (lo: number, hi: number) => lo + Math.floor(r() * (hi - lo + 1));
  const n = int(8, 14);
  const items: SelectionItem[] = [];
  for (let i = 0; i < n; i++) {
    const roll = r();
    items.push({
      id: `M${i}`,
      name: `Tiltak ${i}`,
      // Costs often sharing a factor (whole MNOK), sometimes not; ties in whole scores, sometimes floats.
      cost: r() < 0.7 ? int(1, 9) * 100 : int(1, 900),
      score: r() < 0.7 ? int(1, 6) : r() * 10,
      requires: i > 0 && r() < 0.4 ? [`M${int(0, i - 1)}`] : [],
      forced: roll < 0.08 ? "in" : roll < 0.14 ? "out" : null,
      rank: null,
    });
  }
  const total = items.reduce((a, it) => a + (it.cost ?? 0), 0);
  const budget = int(Math.round(total * 0.15), Math.round(total * 0.5));
  const problem: SelectionProblem = { items, budget };
  if (r() < 0.4) problem.minimum = int(0, budget);
  return problem;
}

test("on forests of dependencies, equals the enumeration on 80 instances without a single solve", async () => {
  let checked = 0;
  for (let seed = 1; seed <= 80; seed++) {
    const problem = forestInstance(seed);
    // No solve allowed for the entry budgets (the lists' own solves are not counted): complete means none was needed.
    const result = await select(problem, solver, { frontier: false, maxSolves: 0 });
    if (result.status !== "ok") continue;
    expect({ seed, complete: result.complete }).toEqual({ seed, complete: true });
    const subsets = admissible(problem);
    const minMask = result.measures.reduce((m, x, i) => (x.list === "minimum" ? m | (1 << i) : m), 0);
    const fixed = problem.minimum !== undefined && problem.minimum !== null ? minMask : 0;
    const bad = impossible(problem.items);
    result.measures.forEach((m, j) => {
      if (m.list !== "out") return;
      const want = bad.has(j) ? null : entersAt(subsets, j, fixed, problem.budget);
      expect({ seed, id: m.id, entersAt: m.entersAt }).toEqual({ seed, id: m.id, entersAt: want });
      checked++;
    });
  }
  expect(checked).toBeGreaterThan(150);
}, 300_000);
