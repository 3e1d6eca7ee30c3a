/**
 * The smallest budget at which each measure out would enter, exact: against enumeration on random
 * instances made to be hard for it — small whole costs and scores, so many selections tie and the
 * best total rises in many small steps above the frame, with dependencies, forced choices and a
 * minimum list held fixed — without a cap on solves. test/core/selection.test.ts checks it on the
 * general random instances as well.
 */
import type { SelectionItem, SelectionProblem } from "../../src/core/selection-problem";
import { costOf, feasible, type BinaryProgram } from "../../src/core/selection-solver";
import { select } from "../../src/core/select";
import { forestKnapsack, type ForestItem } from "../../src/core/tree-knapsack";
import { highsSolver } from "../../src/solve/highs";
import { admissible, entersAt, impossible, inBelow } from "../support/selection-brute";
import { prng } from "../support/grids";

const solver = highsSolver();

/** The frame of an instance: a budget between 15 % and 50 % of all costs, and a minimum frame in 2 of 5. */
function framed(items: SelectionItem[], int: (lo: number, hi: number) => number, r: () => number): SelectionProblem {
  const total = items.reduce((a, it) => a + (it.cost ?? 0), 0);
  const budget = int(Math.round(total * 0.15), Math.round(total * 0.5));
  const problem: SelectionProblem = { items, budget };
  if (r() < 0.4) problem.minimum = int(0, budget);
  return problem;
}

/**
 * The enumerated nearest frames of measure j at or above and below the frame, with the minimum
 * list of `result` held fixed when there is one.
 */
function enumerated(problem: SelectionProblem, result: Extract<Awaited<ReturnType<typeof select>>, { status: "ok" }>): (j: number) => [number | null, number | null] {
  const subsets = admissible(problem);
  const minMask = result.measures.reduce((m, x, i) => (x.list === "minimum" ? m | (1 << i) : m), 0);
  const fixed = problem.minimum !== undefined && problem.minimum !== null ? minMask : 0;
  const bad = impossible(problem.items);
  return (j) => (bad.has(j) ? [null, null] : [entersAt(subsets, j, fixed, problem.budget), inBelow(subsets, j, fixed, problem.budget)]);
}

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
  return framed(items, int, r);
}

test("equals the enumerated smallest entering budget of every measure out on 80 instances full of ties", async () => {
  let checked = 0;
  for (let seed = 1; seed <= 80; seed++) {
    const problem = tiedInstance(seed);
    const result = await select(problem, solver, { frontier: false, maxSolves: Infinity });
    if (result.status !== "ok") continue;
    const want = enumerated(problem, result);
    result.measures.forEach((m, j) => {
      if (m.list !== "out") return;
      expect({ seed, id: m.id, frames: [m.entersAt, m.inBelow] }).toEqual({ seed, id: m.id, frames: want(j) });
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
  return framed(items, int, r);
}

test("on forests of dependencies, equals the enumeration on 80 instances without a single solve", async () => {
  let checked = 0;
  for (let seed = 1; seed <= 80; seed++) {
    const problem = forestInstance(seed);
    // No solve allowed for the entry budgets (the lists' own solves are not counted): complete means none was needed.
    const result = await select(problem, solver, { frontier: false, maxSolves: 0 });
    if (result.status !== "ok") continue;
    expect({ seed, complete: result.complete }).toEqual({ seed, complete: true });
    const want = enumerated(problem, result);
    result.measures.forEach((m, j) => {
      if (m.list !== "out") return;
      expect({ seed, id: m.id, frames: [m.entersAt, m.inBelow] }).toEqual({ seed, id: m.id, frames: want(j) });
      checked++;
    });
  }
  expect(checked).toBeGreaterThan(150);
}, 300_000);

/** Dependencies where most measures presuppose two or more: f by subsets (≤ 8 of them) or, beyond, forest floors and jumps. */
function tangledInstance(seed: number): SelectionProblem {
  const r = prng(seed);
  const int = (lo: number, hi: number) => lo + Math.floor(r() * (hi - lo + 1));
  const n = int(10, 14);
  const items: SelectionItem[] = [];
  for (let i = 0; i < n; i++) {
    const requires = new Set<string>();
    if (i > 0 && r() < 0.8) requires.add(`M${int(0, i - 1)}`);
    if (i > 1 && r() < 0.8) {
      // A second prerequisite, other than the first.
      let k = int(0, i - 1);
      if (requires.has(`M${k}`)) k = (k + 1) % i;
      requires.add(`M${k}`);
    }
    if (i > 2 && r() < 0.2) requires.add(`M${int(0, i - 1)}`);
    items.push({
      id: `M${i}`,
      name: `Tiltak ${i}`,
      cost: int(1, 6) * 50,
      score: int(1, 8) / 2,
      requires: [...requires],
      forced: r() < 0.05 ? "in" : null,
      rank: null,
    });
  }
  const total = items.reduce((a, it) => a + (it.cost ?? 0), 0);
  const budget = int(Math.round(total * 0.1), Math.round(total * 0.4));
  const problem: SelectionProblem = { items, budget };
  if (r() < 0.3) problem.minimum = int(0, budget);
  return problem;
}

test("with many measures presupposing two or more, equals the enumeration on 60 instances", async () => {
  let checked = 0;
  let manyMulti = 0;
  for (let seed = 1; seed <= 60; seed++) {
    const problem = tangledInstance(seed);
    if (problem.items.filter((it) => it.requires.length > 1).length > 8) manyMulti++;
    const result = await select(problem, solver, { frontier: false, maxSolves: Infinity });
    if (result.status !== "ok") continue;
    const want = enumerated(problem, result);
    result.measures.forEach((m, j) => {
      if (m.list !== "out") return;
      expect({ seed, id: m.id, frames: [m.entersAt, m.inBelow] }).toEqual({ seed, id: m.id, frames: want(j) });
      checked++;
    });
  }
  // Both ways of bounding f were taken: by subsets (≤ 8 such measures) and beyond.
  expect(manyMulti).toBeGreaterThan(10);
  expect(manyMulti).toBeLessThan(50);
  expect(checked).toBeGreaterThan(200);
}, 300_000);

test("the staircase program (worth the step reached at its own cost) solves to the enumerated cheapest selection", async () => {
  let feasibleCount = 0;
  for (let seed = 1; seed <= 150; seed++) {
    const r = prng(1000 + seed);
    const int = (lo: number, hi: number) => lo + Math.floor(r() * (hi - lo + 1));
    const n = int(3, 10);
    const cost = Array.from({ length: n }, () => int(0, 9) * 10);
    const value = Array.from({ length: n }, () => (r() < 0.5 ? int(0, 12) : r() * 12));
    const fixed = Array.from({ length: n }, () => (r() < 0.1 ? 1 : r() < 0.1 ? 0 : null) as 0 | 1 | null);
    const requires: [number, number][] = [];
    for (let i = 1; i < n; i++) if (r() < 0.3) requires.push([i, int(0, i - 1)]);
    const all = cost.reduce((a, c) => a + c, 0);
    const cap = int(0, all);
    const minValue = r() * 10;
    const steps: { cost: number; value: number }[] = [];
    let at = 0;
    let v = minValue;
    for (let k = int(0, 5); k > 0; k--) {
      at += int(1, 60);
      v += r() < 0.3 ? 0.25 : r() * 8;
      if (at <= cap) steps.push({ cost: at, value: v });
    }
    const p: BinaryProgram = { n, value, cost, fixed, requires, limits: [{ members: cost.map((_, i) => i), cap }], sense: "min-cost", minValue, steps };
    // Enumeration: the cheapest x honouring every rule and worth the step at its own cost.
    let want: number | null = null;
    for (let mask = 0; mask < 1 << n; mask++) {
      const x = Array.from({ length: n }, (_, i) => ((mask >> i) & 1) === 1);
      let c = 0;
      let val = 0;
      x.forEach((xi, i) => xi && ((c += cost[i]), (val += value[i])));
      if (fixed.some((f, i) => f !== null && (f === 1) !== x[i])) continue;
      if (requires.some(([i, j]) => x[i] && !x[j])) continue;
      if (c > cap) continue;
      const need = Math.max(minValue, ...steps.filter((s) => s.cost <= c).map((s) => s.value));
      if (val < need - 1e-9) continue;
      if (want === null || c < want) want = c;
    }
    const answer = await solver.solve(p);
    if (want === null) expect({ seed, status: answer.status }).toEqual({ seed, status: "infeasible" });
    else {
      if (answer.status !== "optimal") throw new Error(`seed ${seed}: ${answer.status}`);
      expect({ seed, feasible: feasible(p, answer.x), cost: costOf(p, answer.x) }).toEqual({ seed, feasible: true, cost: want });
      feasibleCount++;
    }
  }
  expect(feasibleCount).toBeGreaterThan(60);
});

test("the forest knapsack equals the enumeration at every capacity, and its selections reach it", () => {
  for (let seed = 1; seed <= 200; seed++) {
    const r = prng(5000 + seed);
    const int = (lo: number, hi: number) => lo + Math.floor(r() * (hi - lo + 1));
    const n = int(1, 12);
    const items: ForestItem[] = [];
    for (let i = 0; i < n; i++) items.push({ cost: int(0, 6) * 30, value: r() < 0.5 ? int(0, 9) : r() * 9, parent: i > 0 && r() < 0.5 ? int(0, i - 1) : -1, banned: r() < 0.08 });
    // Forced: a few measures with their ancestors.
    const forced = items.map(() => false);
    for (let i = 0; i < n; i++) if (r() < 0.1) for (let w = i; w >= 0; w = items[w].parent) forced[w] = true;
    const dp = forestKnapsack(items, forced);
    const total = items.reduce((a, it) => a + it.cost, 0);
    for (let b = 0; b <= total; b += 30) {
      let want = -Infinity;
      for (let mask = 0; mask < 1 << n; mask++) {
        let ok = true;
        let c = 0;
        let v = 0;
        for (let i = 0; i < n && ok; i++) {
          const x = ((mask >> i) & 1) === 1;
          if (forced[i] && !x) ok = false;
          if (!x) continue;
          if (items[i].banned || (items[i].parent >= 0 && !((mask >> items[i].parent) & 1))) ok = false;
          c += items[i].cost;
          v += items[i].value;
        }
        if (ok && c <= b && v > want) want = v;
      }
      const u = Math.floor(b / dp.unit);
      expect({ seed, b, best: dp.best(u) }).toEqual({ seed, b, best: want === -Infinity ? -Infinity : expect.closeTo(want, 9) });
      const x = dp.selection(u);
      if (want === -Infinity) expect(x).toBeNull();
      else {
        const c = x!.reduce((a, xi, i) => a + (xi ? items[i].cost : 0), 0);
        const v = x!.reduce((a, xi, i) => a + (xi ? items[i].value : 0), 0);
        const valid = x!.every((xi, i) => (!xi || (!items[i].banned && (items[i].parent < 0 || x![items[i].parent]))) && (!forced[i] || xi));
        expect({ seed, b, valid, fits: c <= b, v }).toEqual({ seed, b, valid: true, fits: true, v: expect.closeTo(want, 9) });
      }
    }
  }
});

test("within a bound of one solve, every entry budget given is the enumerated one and the rest are left out", async () => {
  let given = 0;
  let left = 0;
  for (let seed = 1; seed <= 30; seed++) {
    const problem = tangledInstance(seed);
    const result = await select(problem, solver, { frontier: false, maxSolves: 1 });
    if (result.status !== "ok") continue;
    const want = enumerated(problem, result);
    result.measures.forEach((m, j) => {
      if (m.list !== "out") return;
      if (m.entersAt === undefined || m.inBelow === undefined) return void left++;
      expect({ seed, id: m.id, frames: [m.entersAt, m.inBelow] }).toEqual({ seed, id: m.id, frames: want(j) });
      given++;
    });
    if (result.measures.some((m) => m.list === "out" && (m.entersAt === undefined || m.inBelow === undefined))) expect(result.complete).toBe(false);
  }
  expect(given).toBeGreaterThan(20);
  expect(left).toBeGreaterThan(20);
}, 120_000);

test("a selection below a step of the staircase that it reaches by its cost is not feasible", () => {
  // Two measures: A (cost 10, value 5), B (cost 20, value 6). Steps: worth 5.5 from cost 15 on.
  const p: BinaryProgram = { n: 2, value: [5, 6], cost: [10, 20], fixed: [null, null], requires: [], limits: [{ members: [0, 1], cap: 30 }], sense: "min-cost", minValue: 4, steps: [{ cost: 15, value: 5.5 }] };
  expect([feasible(p, [true, false]), feasible(p, [false, true]), feasible(p, [true, true]), feasible(p, [false, false])]).toEqual([true, true, true, false]);
  expect(feasible({ ...p, steps: [{ cost: 15, value: 6.5 }] }, [false, true])).toBe(false);
});
