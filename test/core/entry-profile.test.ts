/**
 * The entry frames read off the tables of f and g_j (src/core/selection-profile.ts), against
 * enumeration on random small instances: ties (whole scores and costs), frames where the measure is
 * in below and above but not at the frame (not monotone), dependencies with measures presupposing
 * two or more, a minimum list held fixed, «Tas med» and «Holdes utenfor». Called directly, so that
 * the path is tested whether or not select takes it; and through select with it.
 */
import { prepare, type SelectionItem, type SelectionProblem } from "../../src/core/selection-problem";
import { select } from "../../src/core/select";
import { entryProfile } from "../../src/core/selection-profile";
import { highsSolver } from "../../src/solve/highs";
import { admissible, entersAt, impossible, inBelow, smallInstance } from "../support/selection-brute";
import { settingOf } from "../support/entry-setting";
import { prng } from "../support/grids";

const solver = highsSolver();

const instance = (seed: number): SelectionProblem => smallInstance(9000 + seed, { measures: [7, 12], whole: 0.75, budget: [0.1, 0.6], minimum: 0.4 });

test("the frames read off the tables equal the enumerated ones on 300 instances", async () => {
  let checked = 0;
  let notMonotone = 0;
  let withMulti = 0;
  let declined = 0;
  let fixedList = 0;
  for (let seed = 1; seed <= 300; seed++) {
    const problem = instance(seed);
    const setting = await settingOf(problem, solver);
    if (!setting) continue;
    const { pre, hasMinimum, fixedIn, asked, fixedMask } = setting;
    const profile = entryProfile(pre, fixedIn, asked, problem.budget);
    if (!profile) {
      declined++;
      continue;
    }
    if (hasMinimum) fixedList++;
    if (problem.items.some((it) => it.requires.length > 1)) withMulti++;
    const subsets = admissible(problem);
    for (const j of asked) {
      const want = [entersAt(subsets, j, fixedMask, problem.budget), inBelow(subsets, j, fixedMask, problem.budget)];
      const got = profile.frames.get(j)!;
      expect({ seed, j, frames: [got.above, got.below] }).toEqual({ seed, j, frames: want });
      if (want[0] !== null && want[1] !== null) notMonotone++;
      checked++;
    }
  }
  expect(checked).toBeGreaterThan(600);
  expect(notMonotone).toBeGreaterThan(50);
  expect(withMulti).toBeGreaterThan(50);
  expect(fixedList).toBeGreaterThan(50);
  expect(declined).toBeLessThan(30);
}, 300_000);

test("select gives the same frames with the tables as the enumeration, complete, within a bound the tables fit", async () => {
  let checked = 0;
  for (let seed = 301; seed <= 380; seed++) {
    const problem = instance(seed);
    const result = await select(problem, solver, { frontier: false, maxSolves: 1000 });
    if (result.status !== "ok") continue;
    expect({ seed, complete: result.complete }).toEqual({ seed, complete: true });
    const subsets = admissible(problem);
    const hasMinimum = problem.minimum !== undefined && problem.minimum !== null;
    const fixedMask = hasMinimum ? result.measures.reduce((m, x, i) => (x.list === "minimum" ? m | (1 << i) : m), 0) : 0;
    const bad = impossible(problem.items);
    result.measures.forEach((m, j) => {
      if (m.list !== "out" || m.score === null) return;
      const want = bad.has(j) ? [null, null] : [entersAt(subsets, j, fixedMask, problem.budget), inBelow(subsets, j, fixedMask, problem.budget)];
      expect({ seed, id: m.id, frames: [m.entersAt, m.inBelow] }).toEqual({ seed, id: m.id, frames: want });
      checked++;
    });
  }
  expect(checked).toBeGreaterThan(150);
}, 300_000);

test("segment limits and more work than the solves left are not read off the tables", () => {
  const items: SelectionItem[] = ["A", "B", "C"].map((id, i) => ({ id, name: id, cost: 100 * (i + 1), score: 3 - i, requires: [], forced: null, rank: null, segment: "S" }));
  const limited = prepare({ items, budget: 300, segmentLimits: { S: 200 } });
  expect(entryProfile(limited, limited.forcedClosure, [2], 300)).toBeNull();
  const free = prepare({ items, budget: 300 });
  expect(entryProfile(free, free.forcedClosure, [2], 300, 0)).toBeNull();
  expect(entryProfile(free, free.forcedClosure, [2], 300)?.frames.get(2)).toEqual({ above: 600, below: null });
});

/** Linked groups with many measures presupposing two or more (more than the 2^6 cases the tables once took), costs with a large common factor. */
function linked(seed: number): SelectionProblem {
  const r = prng(17000 + seed);
  const int = (lo: number, hi: number) => lo + Math.floor(r() * (hi - lo + 1));
  const n = int(10, 13);
  const scale = r() < 0.5 ? 5000 : 100;
  const items: SelectionItem[] = [];
  for (let i = 0; i < n; i++) {
    const requires = new Set<string>();
    if (i > 0 && r() < 0.6) requires.add(`M${int(0, i - 1)}`);
    if (i > 1 && r() < 0.85) requires.add(`M${int(0, i - 1)}`);
    if (i > 2 && r() < 0.3) requires.add(`M${int(0, i - 1)}`);
    const roll = r();
    items.push({
      id: `M${i}`,
      name: `Tiltak ${i}`,
      cost: r() < 0.8 ? int(0, 6) * scale : int(1, 6 * scale),
      score: r() < 0.05 ? null : r() < 0.7 ? int(0, 6) : r() * 8,
      requires: [...requires],
      forced: roll < 0.05 ? "in" : roll < 0.09 ? "out" : null,
      rank: null,
    });
  }
  const total = items.reduce((a, it) => a + (it.cost ?? 0), 0);
  const problem: SelectionProblem = { items, budget: int(Math.round(total * 0.1), Math.round(total * 0.6)) };
  if (r() < 0.3) problem.minimum = int(0, problem.budget);
  return problem;
}

test("linked groups with many measures presupposing two or more, whole and in a window, equal the enumeration", async () => {
  let checked = 0;
  let manyLinks = 0;
  let windowed = 0;
  let beyond = 0;
  for (let seed = 1; seed <= 80; seed++) {
    const problem = linked(seed);
    const setting = await settingOf(problem, solver);
    if (!setting) continue;
    const { pre, fixedIn, asked, fixedMask } = setting;
    const subsets = admissible(problem);
    if (problem.items.filter((it) => it.requires.length > 1).length > 6) manyLinks++;
    const whole = entryProfile(pre, fixedIn, asked, problem.budget);
    expect({ seed, whole: whole !== null }).toEqual({ seed, whole: true });
    // The least work (in whole tables) that reaches the frame: the tables stop in a window above it.
    let part: ReturnType<typeof entryProfile> = null;
    for (let t = 0.05; !part && t < 1000; t *= 1.1) part = entryProfile(pre, fixedIn, asked, problem.budget, t);
    if (part && [...part.frames.values()].some((f) => f.above === undefined)) windowed++;
    for (const j of asked) {
      const want = [entersAt(subsets, j, fixedMask, problem.budget), inBelow(subsets, j, fixedMask, problem.budget)];
      const got = whole!.frames.get(j)!;
      expect({ seed, j, frames: [got.above, got.below] }).toEqual({ seed, j, frames: want });
      checked++;
      const p = part?.frames.get(j);
      if (!p) continue;
      expect({ seed, j, below: p.below }).toEqual({ seed, j, below: want[1] });
      if (p.above !== undefined) expect({ seed, j, above: p.above }).toEqual({ seed, j, above: want[0] });
      else {
        // Not in within the window: the enumeration's frame is beyond it, or none.
        beyond++;
        expect({ seed, j, beyond: want[0] === null || want[0] >= p.beyond! }).toEqual({ seed, j, beyond: true });
        expect({ seed, j, window: p.beyond! > problem.budget }).toEqual({ seed, j, window: true });
      }
    }
  }
  expect(checked).toBeGreaterThan(300);
  expect(manyLinks).toBeGreaterThan(8);
  expect(windowed).toBeGreaterThan(6);
  expect(beyond).toBeGreaterThan(15);
}, 300_000);

test("select with few solves left: the tables stop in a window and the solves go on beyond it; every frame given is the enumeration's, progress counts up to the measures asked about", async () => {
  let windowedThenSolved = 0;
  for (let seed = 1; seed <= 16; seed++) {
    const problem = linked(seed);
    const subsets = admissible(problem);
    const bad = impossible(problem.items);
    // The enumeration's frames, once per measure and fixed list (the same for every bound on solves).
    const known = new Map<string, [number | null, number | null]>();
    const want = (j: number, fixedMask: number) => {
      const key = `${j}/${fixedMask}`;
      if (!known.has(key)) known.set(key, [entersAt(subsets, j, fixedMask, problem.budget), inBelow(subsets, j, fixedMask, problem.budget)]);
      return known.get(key)!;
    };
    for (const maxSolves of [1, 3]) {
      const progress: [number, number][] = [];
      const result = await select(problem, solver, { frontier: false, maxSolves, onProgress: (done, of) => progress.push([done, of]) });
      if (result.status !== "ok") continue;
      const hasMinimum = problem.minimum !== undefined && problem.minimum !== null;
      const fixedMask = hasMinimum ? result.measures.reduce((m, x, i) => (x.list === "minimum" ? m | (1 << i) : m), 0) : 0;
      const asked = result.measures.filter((m, i) => m.list === "out" && m.score !== null && !bad.has(i)).length;
      let given = 0;
      result.measures.forEach((m, j) => {
        if (m.list !== "out" || m.score === null || bad.has(j)) return;
        if (m.entersAt !== undefined) {
          given++;
          expect({ seed, maxSolves, j, above: m.entersAt }).toEqual({ seed, maxSolves, j, above: want(j, fixedMask)[0] });
        }
        if (m.inBelow !== undefined) expect({ seed, maxSolves, j, below: m.inBelow }).toEqual({ seed, maxSolves, j, below: want(j, fixedMask)[1] });
      });
      if (result.complete) expect({ seed, maxSolves, given }).toEqual({ seed, maxSolves, given: asked });
      if (!result.complete && given > 0) windowedThenSolved++;
      // Progress: one step a measure, of the measures asked about, never back.
      expect(progress.map(([d]) => d)).toEqual(progress.map((_, k) => k + 1));
      expect(new Set(progress.map(([, of]) => of))).toEqual(new Set(progress.length ? [asked] : []));
    }
  }
  expect(windowedThenSolved).toBeGreaterThan(2);
}, 300_000);
