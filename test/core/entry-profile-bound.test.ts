/**
 * The entry tables' bound (src/core/selection-profile.ts, outByBound): a measure nothing presupposes
 * gets no pass of its own where f(u − c) + v is below f(u) − ε at every unit read. Against
 * enumeration on random small instances, with the frames below asked for and not (the core's
 * tables), whole and in windows; the bound must have left out many passes.
 */
import type { SelectionProblem } from "../../src/core/selection-problem";
import { entryProfile } from "../../src/core/selection-profile";
import { highsSolver } from "../../src/solve/highs";
import { admissible, entersAt, inBelow, smallInstance } from "../support/selection-brute";
import { settingOf } from "../support/entry-setting";

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
    const { pre, hasMinimum, minList, fixedIn, asked } = setting;
    const subsets = admissible(problem);
    const fixedMask = hasMinimum ? minList.reduce((m, i) => m | (1 << i), 0) : 0;
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
