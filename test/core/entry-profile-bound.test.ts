/**
 * The entry tables' bound (src/core/selection-profile.ts, outByBound): a measure nothing presupposes
 * gets no pass of its own where f(u − c) + v is below f(u) − ε at every unit read. Against
 * enumeration on random small instances, with the frames below asked for and not (the core's
 * tables), whole and in windows; the bound must have left out many passes.
 */
import type { SelectionProblem } from "../../src/core/selection-problem";
import { entryProfile } from "../../src/core/selection-profile";
import { planGroup, planInOrder } from "../../src/core/selection-profile-states";
import { highsSolver } from "../../src/solve/highs";
import { admissible, entersAt, inBelow, smallInstance } from "../support/selection-brute";
import { settingOf } from "../support/entry-setting";
import { prng } from "../support/grids";

const solver = highsSolver();

const instance = (seed: number): SelectionProblem => smallInstance(52000 + seed, { measures: [8, 13], whole: 0.6, budget: [0.05, 0.5], minimum: 0.3 });

test("frames with passes left out by f's bound equal the enumerated ones on 300 instances, with and without the frames below, whole and in windows", async () => {
  let checked = 0;
  let bounded = 0;
  let windowed = 0;
  for (let seed = 1; seed <= 300; seed++) {
    const problem = instance(seed);
    const setting = await settingOf(problem, solver);
    if (!setting) continue;
    const { pre, fixedIn, asked, fixedMask } = setting;
    const subsets = admissible(problem);
    const want = new Map(asked.map((j) => [j, [entersAt(subsets, j, fixedMask, problem.budget), inBelow(subsets, j, fixedMask, problem.budget)]]));
    for (const withBelow of [true, false]) {
      const whole = entryProfile(pre, fixedIn, asked, problem.budget, Infinity, Infinity, withBelow);
      if (!whole) continue;
      bounded += whole.bounded ?? 0;
      for (const j of asked) {
        const got = whole.frames.get(j)!;
        expect({ seed, j, withBelow, frames: [got.above, got.below] }).toEqual({ seed, j, withBelow, frames: withBelow ? want.get(j) : [want.get(j)![0], undefined] });
        checked++;
      }
      // In windows: the least work that reaches the frame, so that the tables stop above it.
      let part: ReturnType<typeof entryProfile> = null;
      for (let t = 0.05; !part && t < 1000; t *= 1.2) part = entryProfile(pre, fixedIn, asked, problem.budget, t, Infinity, withBelow);
      if (!part) continue;
      bounded += part.bounded ?? 0;
      for (const j of asked) {
        const p = part.frames.get(j);
        if (!p) continue;
        const [above, below] = want.get(j)!;
        if (withBelow) expect({ seed, j, below: p.below }).toEqual({ seed, j, below });
        if (p.above !== undefined) expect({ seed, j, above: p.above }).toEqual({ seed, j, above });
        else {
          windowed++;
          expect({ seed, j, beyond: above === null || above >= p.beyond! }).toEqual({ seed, j, beyond: true });
        }
      }
    }
  }
  expect(checked).toBeGreaterThan(1500);
  expect(bounded).toBeGreaterThan(800);
  expect(windowed).toBeGreaterThan(400);
}, 300_000);

test("a linked group's cheapest order of trees: no dearer than greedy, no more rows, the cheapest of every order on 200 random groups", () => {
  const r = prng(5300);
  const int = (lo: number, hi: number) => lo + Math.floor(r() * (hi - lo + 1));
  const orders = (ks: number[]): number[][] => (ks.length <= 1 ? [ks] : ks.flatMap((k) => orders(ks.filter((x) => x !== k)).map((o) => [k, ...o])));
  let cheaper = 0;
  for (let seed = 0; seed < 200; seed++) {
    const m = int(3, 6);
    const trees = Array.from({ length: m }, (_, k) => 10 + k);
    // Measures 0…3m−1, three a tree; links between any two (within a tree too).
    const treeOf = Array.from({ length: 3 * m }, (_, i) => 10 + Math.floor(i / 3));
    const links: [number, number][] = Array.from({ length: int(m - 1, 2 * m) }, () => [int(0, 3 * m - 1), int(0, 3 * m - 1)]);
    const sizes = trees.map(() => int(1, 9));
    const sizeOf = (k: number) => sizes[k - 10];
    const greedy = planGroup(trees, links, treeOf, sizeOf, 0);
    const plan = planGroup(trees, links, treeOf, sizeOf, 1e9);
    expect([...plan.order].sort()).toEqual(trees);
    expect(plan.cost).toBeLessThanOrEqual(greedy.cost);
    expect(plan.rows).toBeLessThanOrEqual(greedy.rows);
    if (plan.cost < greedy.cost) cheaper++;
    // Every order (replayed through the plan of that order) within the greedy plan's rows costs at least as much.
    for (const o of orders(trees)) {
      const p = planInOrder(trees, links, treeOf, sizeOf, o);
      if (p.rows <= greedy.rows) expect({ seed, o, cost: Math.min(p.cost, plan.cost) }).toEqual({ seed, o, cost: plan.cost });
    }
  }
  expect(cheaper).toBeGreaterThan(20);
});
