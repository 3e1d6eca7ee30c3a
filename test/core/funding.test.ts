/**
 * Funding probabilities (src/core/funding.ts with src/core/draw-selection.ts): every draw's lists
 * against enumeration of every subset (optimal and feasible, the minimum list and the plus list
 * with it fixed), on random small instances with dependencies (some measures presupposing two),
 * forced choices, segment limits and a minimum frame; the counts recounted draw by draw; Tas med →
 * 1, Holdes utenfor and what presupposes it → 0; the same seed the same result; a step beyond the
 * fast path's bound goes to HiGHS or is counted as not done; what a choice implies, recounted.
 */
import { assess } from "../../src/core/assess";
import type { MeasureInput } from "../../src/core/aggregate";
import { createFunding, fund, given, robustOf, sharesOf, type FundingInput, type FundingOptions, type FundingResult } from "../../src/core/funding";
import { defaultModel, leaves } from "../../src/core/model";
import { prepare, type SelectionItem, type SelectionProblem } from "../../src/core/selection-problem";
import { createDrawer, uncertaintyInput } from "../../src/core/uncertainty";
import { highsSolver } from "../../src/solve/highs";
import { prng } from "../support/grids";
import { admissible, type Subset } from "../support/selection-brute";

const model = defaultModel();
const LEAVES = leaves(model).map((l) => l.id);
const OPTIONS: FundingOptions = { draws: 40, seed: 7, weights: { kind: "relative", spread: 0.3 }, scores: { kind: "uniform", spread: 1.5 } };

/** A random small instance: 6–12 measures, some without a total (a group unscored), costs in whole MNOK. */
function instance(seed: number): FundingInput {
  const r = prng(seed);
  const int = (lo: number, hi: number) => lo + Math.floor(r() * (hi - lo + 1));
  const n = int(6, 12);
  const inputs: MeasureInput[] = [];
  const items: SelectionItem[] = [];
  for (let i = 0; i < n; i++) {
    const blankGroup = r() < 0.1;
    inputs.push({
      id: `M${i}`,
      name: `Tiltak ${i}`,
      // Leaves 0–1 are Måloppnåelse's: both blank leaves the measure without a total.
      scores: Object.fromEntries(LEAVES.map((l, k) => [l, blankGroup && k < 2 ? undefined : { value: int(0, 10) }])),
    });
    const requires = new Set<string>();
    if (i > 0 && r() < 0.4) requires.add(`M${int(0, i - 1)}`);
    if (i > 1 && r() < 0.25) requires.add(`M${int(0, i - 1)}`);
    const roll = r();
    items.push({
      id: `M${i}`,
      name: `Tiltak ${i}`,
      cost: int(1, 9) * 100,
      score: null,
      requires: [...requires],
      forced: roll < 0.08 ? "in" : roll < 0.15 ? "out" : null,
      segment: r() < 0.5 ? "Samstyre" : "Koordinere",
    });
  }
  const a = assess(model, inputs);
  for (const it of items) it.score = a.measures.find((m) => m.id === it.id)!.total;
  const total = items.reduce((s, it) => s + (it.cost ?? 0), 0);
  const budget = int(Math.round(total * 0.2), Math.round(total * 0.6));
  const problem: SelectionProblem = { items, budget };
  if (r() < 0.6) problem.minimum = int(0, budget);
  if (r() < 0.3) problem.segmentLimits = { Samstyre: int(Math.round(budget * 0.2), budget) };
  return { draws: uncertaintyInput(a), problem };
}

/** The first instance from `seed` on whose forced choices can be honoured (a selection exists). */
function feasibleInstance(seed: number): FundingInput {
  for (let s = seed; ; s++) {
    const input = instance(s);
    if (prepare(input.problem).infeasible === false) return input;
  }
}

/** The first feasible instance from `seed` on in which some measure is on the minimum list in some draws but not all. */
async function variedInstance(seed: number, options: FundingOptions): Promise<{ input: FundingInput; r: FundingResult }> {
  for (let s = seed; ; s++) {
    const input = instance(s);
    if (prepare(input.problem).infeasible) continue;
    const r = await fund(input, options);
    if (r.minimum.some((c) => c > 0 && c < r.done)) return { input, r };
  }
}

/** Each draw's values (the measures' totals, 0 without one), drawn again here with the Monte Carlo's drawer. */
function drawValues(input: FundingInput, options: FundingOptions): Float64Array[] {
  const drawer = createDrawer(input.draws, options);
  const at = new Map(input.draws.measures.map((m, k) => [m.id, k]));
  const out: Float64Array[] = [];
  for (let d = 0; d < options.draws; d++) {
    drawer.next();
    out.push(Float64Array.from(input.problem.items, (it) => (at.has(it.id) ? drawer.totals[at.get(it.id)!] : 0)));
  }
  return out;
}

const valueOf = (mask: number, v: Float64Array) => {
  let s = 0;
  for (let i = 0; i < v.length; i++) if ((mask >> i) & 1) s += v[i];
  return s;
};

function maskOf(r: FundingResult, d: number, lists: number[]): number {
  const n = r.ids.length;
  let m = 0;
  for (let i = 0; i < n; i++) if (lists.includes(r.lists[d * n + i])) m |= 1 << i;
  return m;
}

/**
 * Rules beyond `admissible` (test/support/selection-brute.ts): `each` every list must meet (an
 * either–or group), `whole` the whole selection must meet (an at-least quota: the minimum list
 * need only leave room for it within the budget frame).
 */
interface BruteRules {
  each?: (mask: number) => boolean;
  whole?: (mask: number) => boolean;
}

/** Checks every draw of `r` against enumeration; returns how many draws were checked. */
function checkAgainstEnumeration(input: FundingInput, r: FundingResult, options: FundingOptions, rules: BruteRules = {}): number {
  const p = input.problem;
  const each = rules.each ?? (() => true);
  const whole = rules.whole ?? (() => true);
  const subsets: Subset[] = admissible(p).filter((s) => each(s.mask));
  const byMask = new Map(subsets.map((s) => [s.mask, s]));
  const values = drawValues(input, options);
  const minFrame = p.minimum ?? p.budget;
  const completes = (m: number) => subsets.some((s) => (s.mask & m) === m && s.cost <= p.budget && whole(s.mask));
  expect(r.done).toBe(options.draws);
  values.forEach((v, d) => {
    const min = maskOf(r, d, [1]);
    const all = maskOf(r, d, [1, 2]);
    // Feasible: both are admissible subsets within their frames, the minimum list inside the selection.
    expect(byMask.get(min)?.cost ?? Infinity).toBeLessThanOrEqual(minFrame);
    expect(byMask.get(all)?.cost ?? Infinity).toBeLessThanOrEqual(p.budget);
    expect(whole(all)).toBe(true);
    expect(all & min).toBe(min);
    if (p.minimum === undefined || p.minimum === null) expect(all).toBe(min);
    // Optimal: no admissible subset within the minimum frame is worth more; none with the minimum list and within the frame either.
    let bestMin = -Infinity;
    let bestAll = -Infinity;
    for (const s of subsets) {
      const val = valueOf(s.mask, v);
      if (s.cost <= minFrame && val > bestMin && completes(s.mask)) bestMin = val;
      if (s.cost <= p.budget && (s.mask & min) === min && whole(s.mask) && val > bestAll) bestAll = val;
    }
    expect(valueOf(min, v)).toBeGreaterThanOrEqual(bestMin - 1e-9);
    expect(valueOf(all, v)).toBeGreaterThanOrEqual(bestAll - 1e-9);
  });
  return values.length;
}

function recount(r: FundingResult) {
  const n = r.ids.length;
  const c = { minimum: new Array(n).fill(0), plus: new Array(n).fill(0), selected: new Array(n).fill(0) };
  for (let d = 0; d < r.done; d++)
    for (let i = 0; i < n; i++) {
      const l = r.lists[d * n + i];
      if (l === 1) c.minimum[i]++;
      if (l === 2) c.plus[i]++;
      if (l !== 0) c.selected[i]++;
    }
  return c;
}

test("every draw's minimum list and plus list are feasible and optimal, against enumeration on 60 random instances", async () => {
  let draws = 0;
  let withMinimum = 0;
  let withLimits = 0;
  let twoPrereqs = 0;
  for (let seed = 1; seed <= 60; seed++) {
    const input = instance(seed);
    const r = await fund(input, OPTIONS);
    if (r.status !== "ok") continue;
    draws += checkAgainstEnumeration(input, r, OPTIONS);
    if (input.problem.minimum !== undefined) withMinimum++;
    if (input.problem.segmentLimits) withLimits++;
    if (input.problem.items.some((it) => it.requires.length > 1)) twoPrereqs++;
    // The counts are the draws' lists recounted.
    const c = recount(r);
    expect({ minimum: r.minimum, plus: r.plus, selected: r.selected }).toEqual(c);
  }
  // The instances cover what they should.
  expect(draws).toBeGreaterThanOrEqual(40 * OPTIONS.draws);
  expect(withMinimum).toBeGreaterThan(15);
  expect(withLimits).toBeGreaterThan(5);
  expect(twoPrereqs).toBeGreaterThan(15);
});

test("Tas med is on the minimum list in every draw; Holdes utenfor and everything that presupposes it in none", async () => {
  const input = instance(11);
  const items: SelectionItem[] = input.problem.items.map((it) => ({ ...it, forced: null, requires: [...it.requires] }));
  // M0 held out, M2 presupposes M0, M3 presupposes M2; M1 forced in (with nothing it presupposes).
  items[0].forced = "out";
  items[1].forced = "in";
  items[1].requires = [];
  items[2].requires = ["M0"];
  items[3].requires = ["M2"];
  const problem = { ...input.problem, items, budget: 10_000, minimum: 5_000 };
  delete (problem as SelectionProblem).segmentLimits;
  const r = await fund({ ...input, problem }, { ...OPTIONS, draws: 200 });
  expect(r.done).toBe(200);
  const s = (id: string) => sharesOf(r, r.ids.indexOf(id));
  expect(s("M1")).toMatchObject({ pMinimum: 1, pPlus: 0, pSelected: 1, robust: "core" });
  for (const id of ["M0", "M2", "M3"]) expect(s(id)).toMatchObject({ pMinimum: 0, pPlus: 0, pSelected: 0, robust: "exterior" });
});

test("the same seed gives the same result; another seed another", async () => {
  const { input, r: a } = await variedInstance(5, { ...OPTIONS, draws: 300 });
  const b = await fund(input, { ...OPTIONS, draws: 300 });
  expect(b).toEqual(a);
  const c = await fund(input, { ...OPTIONS, draws: 300, seed: 8 });
  expect(c.lists).not.toEqual(a.lists);
  expect(c.drawnWeights).not.toEqual(a.drawnWeights);
  // In steps as in one go (the pane's worker runs it in chunks).
  const f = createFunding(input, { ...OPTIONS, draws: 300 });
  while (f.attempted < f.total) await f.step(37);
  expect(f.result()).toEqual(a);
});

test("the draws are the Monte Carlo's: a measure's totals in a draw are those of uncertainty's drawer", async () => {
  // With every measure free and a frame for exactly one, the minimum list is the best total of the draw.
  const input = feasibleInstance(3);
  const items = input.problem.items.map((it) => ({ ...it, cost: 100, requires: [], forced: null }));
  const problem: SelectionProblem = { items, budget: 100 };
  const r = await fund({ ...input, problem }, OPTIONS);
  const values = drawValues({ ...input, problem }, OPTIONS);
  values.forEach((v, d) => {
    const best = v.indexOf(Math.max(...v));
    expect(r.lists[d * items.length + best]).toBe(1);
  });
});

test("a step beyond the fast path's bound is solved by the injected solver (HiGHS) or the draw is counted as not done", async () => {
  // An instance that needs branching: measures presupposing two.
  let seed = 1;
  let input = feasibleInstance(seed);
  let full = await fund(input, OPTIONS);
  while (full.stats.nodes <= full.stats.steps) {
    input = feasibleInstance(++seed);
    full = await fund(input, OPTIONS);
  }
  const bounded = await fund(input, { ...OPTIONS, limits: { maxNodes: 1 } });
  expect(bounded.done).toBeLessThan(OPTIONS.draws);
  expect(bounded.done).toBe(OPTIONS.draws - bounded.stats.unsolved);
  // The counts are of the draws done only.
  expect(bounded.selected.every((c) => c <= bounded.done)).toBe(true);
  const withHighs = await fund(input, { ...OPTIONS, limits: { maxNodes: 1 } }, highsSolver());
  expect(withHighs.done).toBe(OPTIONS.draws);
  expect(withHighs.bySolver).toBeGreaterThan(0);
  checkAgainstEnumeration(input, withHighs, OPTIONS);
});

test("an infeasible forced choice: no draw is done, and the result says so", async () => {
  const input = instance(4);
  const items = input.problem.items.map((it, i) => ({ ...it, forced: i < 3 ? ("in" as const) : null, requires: [] }));
  const r = await fund({ ...input, problem: { items, budget: 100 } }, OPTIONS);
  expect(r).toMatchObject({ status: "infeasible", done: 0, requested: OPTIONS.draws });
  expect(sharesOf(r, 0)).toEqual({ pMinimum: null, pPlus: null, pSelected: null, robust: null });
});

test("the labels: core at ≥ 95 % selected, exterior at ≤ 5 %, by counts; other thresholds as options", () => {
  expect(robustOf(95, 100, 0.95, 0.05)).toBe("core");
  expect(robustOf(94, 100, 0.95, 0.05)).toBe("borderline");
  expect(robustOf(5, 100, 0.95, 0.05)).toBe("exterior");
  expect(robustOf(6, 100, 0.95, 0.05)).toBe("borderline");
  expect(robustOf(90, 100, 0.9, 0.1)).toBe("core");
  expect(robustOf(10, 100, 0.9, 0.1)).toBe("exterior");
});

test("what a choice implies: its share, the groups' mean weights in those draws and in all, and the measures it displaces, recounted", async () => {
  const { r } = await variedInstance(9, { ...OPTIONS, draws: 400 });
  const n = r.ids.length;
  const G = r.groups.length;
  // A measure on the minimum list in some draws but not all.
  const k = r.minimum.findIndex((c) => c > 0 && c < r.done);
  expect(k).toBeGreaterThanOrEqual(0);
  for (const on of [true, false]) {
    const g = given(r, r.ids[k], on)!;
    const draws = Array.from({ length: r.done }, (_, d) => d).filter((d) => (r.lists[d * n + k] === 1) === on);
    expect(g.count).toBe(draws.length);
    expect(g.share).toBeCloseTo(draws.length / r.done, 12);
    r.groups.forEach((grp, t) => {
      const w = (ds: number[]) => ds.reduce((s, d) => s + r.drawnWeights[d * G + t], 0) / ds.length;
      expect(g.weights[t].group).toBe(grp.id);
      expect(g.weights[t].mean).toBeCloseTo(w(draws), 12);
      expect(g.weights[t].meanAll).toBeCloseTo(w(Array.from({ length: r.done }, (_, d) => d)), 12);
      expect(g.weights[t].now).toBe(1);
    });
    // The others: shares on the minimum list in those draws against all draws, those that change most in the right direction.
    const changes = r.ids
      .map((id, i) => ({ id, share: draws.filter((d) => r.lists[d * n + i] === 1).length / draws.length, shareAll: r.minimum[i] / r.done }))
      .filter((x) => x.id !== r.ids[k] && (on ? x.shareAll > x.share : x.share > x.shareAll))
      .sort((a, b) => Math.abs(b.share - b.shareAll) - Math.abs(a.share - a.shareAll));
    expect(g.others.map((o) => o.id)).toEqual(changes.slice(0, 3).map((x) => x.id));
  }
  // Relative weights ±30 %: every drawn weight of a group of weight 1 lies within [0.7, 1.3].
  for (const w of r.drawnWeights) expect(w >= 0.7 && w <= 1.3).toBe(true);
  expect(given(r, "nope", true)).toBeNull();
});

describe("with the rules of a plan (selection-rules.ts), which the fast path does not know: every draw by the solver, against enumeration", () => {
  const solver = highsSolver();
  const members = (input: FundingInput, pick: (it: SelectionItem) => boolean) => input.problem.items.reduce((m, it, i) => (pick(it) ? m | (1 << i) : m), 0);
  const bits = (m: number) => m.toString(2).split("").filter((b) => b === "1").length;

  test("an either–or group: never two of it in a draw, each draw's lists optimal, on 25 instances", async () => {
    let draws = 0;
    let both = 0;
    for (let seed = 1; draws < 25 * OPTIONS.draws && seed < 200; seed++) {
      const input = instance(seed + 300);
      // Three measures without «Tas med» are alternatives.
      const free = input.problem.items.filter((it) => it.forced === null).slice(0, 3);
      free.forEach((it) => (it.group = "Alternativer"));
      if (prepare(input.problem).infeasible) continue;
      const r = await fund(input, OPTIONS, solver);
      if (r.status !== "ok") continue;
      const group = members(input, (it) => it.group === "Alternativer");
      draws += checkAgainstEnumeration(input, r, OPTIONS, { each: (m) => bits(m & group) <= 1 });
      // Without the rule, some draw would have taken two of them: the rule was in force, not idle.
      const loose = await fund({ ...input, problem: { ...input.problem, items: input.problem.items.map(({ group: _g, ...it }) => it) } }, OPTIONS, solver);
      for (let d = 0; d < loose.done; d++) if (bits(maskOf(loose, d, [1, 2]) & group) > 1) both++;
    }
    expect(draws).toBe(25 * OPTIONS.draws);
    expect(both).toBeGreaterThan(20);
  });

  test("an at-least quota: the whole selection meets it, the minimum list leaves room for it, each draw's lists optimal, on 15 instances", async () => {
    let instances = 0;
    for (let seed = 1; instances < 15 && seed < 200; seed++) {
      const input = instance(seed + 600);
      input.problem.quotas = [{ kind: "segment", name: "Samstyre", bound: "min", unit: "count", value: 2, step: null, cell: "Modell!S2" }];
      if (prepare(input.problem).infeasible) continue;
      const r = await fund(input, { ...OPTIONS, draws: 10 }, solver);
      if (r.status !== "ok" || r.done < 10) continue;
      const samstyre = members(input, (it) => it.segment === "Samstyre");
      checkAgainstEnumeration(input, r, { ...OPTIONS, draws: 10 }, { whole: (m) => bits(m & samstyre) >= 2 });
      instances++;
    }
    expect(instances).toBe(15);
  });
});
