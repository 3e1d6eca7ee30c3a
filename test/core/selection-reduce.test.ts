/**
 * The reduction before the search (src/core/selection-reduce.ts) against enumeration: on random
 * 0–1 programs of up to 12 variables (max-value and min-cost, dependencies with one, two or three
 * prerequisites, fixed variables, segment rows, negative values as the weight intervals make them,
 * infeasible ones), the reduced answer is admissible and exactly as good as the best of every
 * assignment; the inner solver is the enumeration itself, so every path (settled by bounds, by the
 * dynamic program, by the solver on what is left, passed whole) is checked. On larger programs
 * (60–400 variables) it equals HiGHS on the whole program.
 */
import { solveByForest } from "../../src/core/selection-dp";
import { newReduceStats, reducingSolver } from "../../src/core/selection-reduce";
import { costOf, feasible, valueOf, type BinaryAnswer, type BinaryProgram, type BinarySolver } from "../../src/core/selection-solver";
import { highsSolver } from "../../src/solve/highs";
import { prng } from "../support/grids";

/** Every assignment: the best admissible one (max value, or min cost), or infeasible. */
const enumeration: BinarySolver = {
  async solve(p: BinaryProgram): Promise<BinaryAnswer> {
    let best: boolean[] | null = null;
    let bestObj = -Infinity;
    for (let mask = 0; mask < 1 << p.n; mask++) {
      const x = Array.from({ length: p.n }, (_, i) => ((mask >> i) & 1) === 1);
      if (!feasible(p, x)) continue;
      const obj = p.sense === "max-value" ? valueOf(p, x) : -costOf(p, x);
      if (obj > bestObj) (bestObj = obj), (best = x);
    }
    return best ? { status: "optimal", x: best } : { status: "infeasible" };
  },
};

/**
 * The reduced solver's answer on `p` against enumeration's: the same status and, when both are
 * optimal, an admissible answer of the same value (max-value) or cost (min-cost). True when optimal.
 */
async function agreesWithEnumeration(reduced: BinarySolver, p: BinaryProgram, seed: number): Promise<boolean> {
  const want = await enumeration.solve(p);
  const got = await reduced.solve(p);
  expect([seed, got.status]).toEqual([seed, want.status]);
  if (got.status !== "optimal" || want.status !== "optimal") return false;
  expect([seed, feasible(p, got.x)]).toEqual([seed, true]);
  if (p.sense === "max-value") expect(Math.abs(valueOf(p, got.x) - valueOf(p, want.x))).toBeLessThanOrEqual(1e-9);
  else expect([seed, costOf(p, got.x)]).toEqual([seed, costOf(p, want.x)]);
  return true;
}

function randomProgram(seed: number, n: number): BinaryProgram {
  const r = prng(seed);
  const int = (lo: number, hi: number) => lo + Math.floor(r() * (hi - lo + 1));
  const requires: [number, number][] = [];
  const many = r() < 0.3;
  for (let i = 1; i < n; i++) {
    const k = r() < 0.45 ? (r() < (many ? 0.6 : 0.2) ? (r() < 0.3 ? 3 : 2) : 1) : 0;
    const seen = new Set<number>();
    for (let t = 0; t < k; t++) seen.add(int(0, i - 1));
    for (const j of seen) requires.push([i, j]);
  }
  const negative = r() < 0.25;
  const value = Array.from({ length: n }, () => (r() < 0.5 ? int(0, 120) / 4 : r() * 30) - (negative && r() < 0.3 ? r() * 20 : 0));
  const cost = Array.from({ length: n }, () => (r() < 0.1 ? 0 : r() < 0.5 ? int(1, 60) * 100 : int(1, 6000)));
  const fixed = Array.from({ length: n }, () => (r() < 0.06 ? 1 : r() < 0.06 ? 0 : null)) as (0 | 1 | null)[];
  const total = cost.reduce((a, c) => a + c, 0);
  const all = Array.from({ length: n }, (_, i) => i);
  const limits = [{ members: all, cap: r() < 0.5 ? int(0, total) : int(0, Math.round(total / 2)) }];
  if (r() < 0.25) limits.push({ members: all.filter(() => r() < 0.5), cap: int(0, Math.round(total / 3)) });
  const p: BinaryProgram = { n, value, cost, fixed, requires, limits, sense: r() < 0.6 ? "max-value" : "min-cost" };
  if (p.sense === "min-cost") {
    const positive = value.reduce((a, v) => a + Math.max(0, v), 0);
    p.limits[0].cap = r() < 0.5 ? total : int(0, total);
    p.minValue = r() < 0.9 ? r() * positive * 0.9 : positive + 1;
  }
  return p;
}

describe("the reduction against enumeration", () => {
  jest.setTimeout(120_000);

  it("gives an admissible optimum, or says infeasible, on 1,500 random programs of up to 12 variables", async () => {
    const stats = newReduceStats();
    const reduced = reducingSolver(enumeration, stats);
    const tally = { optimal: 0, infeasible: 0 };
    for (let seed = 1; seed <= 1500; seed++) {
      const p = randomProgram(seed, 1 + (seed % 12));
      if (await agreesWithEnumeration(reduced, p, seed)) tally.optimal++;
      else tally.infeasible++;
    }
    expect(tally.optimal).toBeGreaterThan(1000);
    expect(tally.infeasible).toBeGreaterThan(50);
    // Every path was taken.
    expect(stats.fixed).toBeGreaterThan(50);
    expect(stats.dp).toBeGreaterThan(200);
    expect(stats.solver).toBeGreaterThan(20);
    expect(stats.whole).toBeGreaterThan(20);
    expect(stats.freeAfter).toBeLessThan(stats.freeBefore);
  });

  it("passes a program with rule rows (either–or, at least, at most) to the solver whole, and its answer is the optimum", async () => {
    // The bounds and the dynamic program know only the limits and "presupposes": a row they do not
    // see (two alternatives, «minst 2») would let them fix a variable the rule needs otherwise.
    const stats = newReduceStats();
    const reduced = reducingSolver(enumeration, stats);
    let optimal = 0;
    for (let seed = 1; seed <= 300; seed++) {
      const p = randomProgram(50_000 + seed, 2 + (seed % 10));
      const r = prng(seed);
      const pick = () => Math.floor(r() * p.n);
      const pair = [...new Set([pick(), pick()])];
      p.rows = [
        { vars: pair, coefs: pair.map(() => 1), sense: "<=", bound: 1 },
        { vars: [pick(), pick(), pick()], coefs: [1, 1, 1], sense: r() < 0.5 ? ">=" : "<=", bound: 1 + Math.floor(r() * 2) },
      ];
      if (await agreesWithEnumeration(reduced, p, seed)) optimal++;
    }
    expect(optimal).toBeGreaterThan(100);
    // Programs whose rows are all «at most one» are split into cases; the rest go whole.
    expect(stats.programs).toBe(300);
    expect(stats.split).toBeGreaterThan(20);
    expect(stats.whole).toBeGreaterThan(100);
    expect(stats.split + stats.whole).toBe(300);
  });

  it("splits a program with either–or rows only into its cases, each reduced, and its answer is the optimum (max-value and min-cost)", async () => {
    const stats = newReduceStats();
    const reduced = reducingSolver(enumeration, stats);
    let optimal = 0;
    for (let seed = 1; seed <= 300; seed++) {
      const p = randomProgram(70_000 + seed, 3 + (seed % 10));
      const r = prng(seed);
      const groups = 1 + (seed % 3);
      p.rows = Array.from({ length: groups }, () => {
        const size = 2 + Math.floor(r() * 2);
        const vars = [...new Set(Array.from({ length: size }, () => Math.floor(r() * p.n)))];
        return { vars, coefs: vars.map(() => 1), sense: "<=" as const, bound: 1, rule: { kind: "group" as const, name: "G" } };
      });
      if (await agreesWithEnumeration(reduced, p, seed)) optimal++;
    }
    expect(optimal).toBeGreaterThan(150);
    // Every program split but those with two members of a group fixed in (whole: the solver says infeasible),
    // the cases settled by the bounds and the dynamic program.
    expect(stats.programs).toBe(300);
    expect(stats.split).toBeGreaterThan(280);
    expect(stats.split + stats.whole).toBe(300);
    expect(stats.fixed + stats.dp).toBeGreaterThan(300);
  });

  it("equals HiGHS on the whole program at 60–400 variables, and leaves it little to do", async () => {
    const highs = highsSolver();
    const stats = newReduceStats();
    const reduced = reducingSolver(highs, stats);
    for (let seed = 1; seed <= 12; seed++) {
      const p = randomProgram(10_000 + seed, [60, 150, 400][seed % 3]);
      const want = await highs.solve(p);
      const got = await reduced.solve(p);
      expect([seed, got.status]).toEqual([seed, want.status]);
      if (got.status !== "optimal" || want.status !== "optimal") continue;
      expect(feasible(p, got.x)).toBe(true);
      if (p.sense === "max-value") expect(Math.abs(valueOf(p, got.x) - valueOf(p, want.x))).toBeLessThanOrEqual(1e-6);
      else expect(costOf(p, got.x)).toBe(costOf(p, want.x));
    }
    expect(stats.freeAfter).toBeLessThan(stats.freeBefore / 3);
  });
});

describe("the forest's dynamic program as a solver", () => {
  it("solves a chain within the frame, and says when it does not apply", () => {
    // C presupposes B presupposes A; frame 10: A + B (cost 8, value 9) beats A alone and A + B + C does not fit.
    const p: BinaryProgram = {
      n: 3,
      value: [4, 5, 6],
      cost: [300, 500, 400],
      fixed: [null, null, null],
      requires: [
        [1, 0],
        [2, 1],
      ],
      limits: [{ members: [0, 1, 2], cap: 1000 }],
      sense: "max-value",
    };
    expect(solveByForest(p)).toEqual({ status: "optimal", x: [true, true, false] });
    expect(solveByForest({ ...p, sense: "min-cost", minValue: 15 })).toEqual({ status: "infeasible" });
    expect(solveByForest({ ...p, limits: [{ members: [0, 1, 2], cap: 2000 }], sense: "min-cost", minValue: 15 })).toEqual({ status: "optimal", x: [true, true, true] });
    // A segment row that binds: not for the dynamic program.
    expect(solveByForest({ ...p, limits: [...p.limits, { members: [1, 2], cap: 400 }] })).toBeNull();
  });
});
