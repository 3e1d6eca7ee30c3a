/**
 * Bounds that settle variables of a 0–1 program before any search (used by selection-reduce.ts).
 *
 * The program, written as max Σ a_i x_i subject to Σ b_i x_i ≤ cap (the "main" row: the frame for
 * a max-value program; the value floor, negated, for a min-cost one), x_i ≤ x_j where i presupposes
 * j, fixed variables and other rows (segment limits, the frame of a min-cost program).
 *
 * - A ceiling (Lagrange): for any λ ≥ 0 and any admissible x, Σ a x ≤ λ·cap + Σ (a − λ b) x ≤
 *   λ·cap + the best closure of the weights a − λ b, where the closure keeps each measure's first
 *   free prerequisite only (a forest, so the best closure is a sum over subtrees) and the other
 *   rows are dropped; a dropped "i presupposes k" gets a multiplier μ ≥ 0 (a_i − μ, a_k + μ), which
 *   an admissible x never loses by. λ and μ are chosen near the lowest ceiling (the crossing of the
 *   ceiling's lines in λ, subgradient steps in μ).
 * - A floor: the closure at the λ whose closure satisfies the main row, made admissible (measures
 *   missing a prerequisite dropped), then filled greedily by a/b and emptied of what costs more
 *   than it gives; and the least settled measures re-solved by the forest's dynamic program. Checked
 *   against every row. Or a floor given by the caller.
 * - Fixing: the same ceiling with x_i = 1 forced (i and its forest ancestors in) or x_i = 0 (its
 *   subtree out), for every i at once along the path to its root, at λ and at the λ of nearby
 *   turns. Where the ceiling with x_i = v is below the floor by more than a tolerance, no selection
 *   within that tolerance of the optimum has x_i = v: x_i is fixed to 1 − v. Every optimum survives.
 *
 * Pure; no solver of its own but the dynamic program.
 */
import { SCORE_EPS } from "./selection-problem";
import { coreFloor, floorOf } from "./selection-floors";
import { Forest, type Reducer } from "./selection-relax";

/** Ceilings with each free variable forced in and forced out, at one λ (path to the root for each). */
function flipCeilings(forest: Forest, order: number[], base: number, T: number, withIn: Float64Array, withOut: Float64Array): void {
  const { down, contrib, parent } = forest;
  for (const i of order) {
    // In: i and its ancestors forced, each taking its own value whatever its sign.
    let cur = down[i];
    let v = i;
    while (parent[v] >= 0) {
      const pv = parent[v];
      cur = down[pv] - contrib[v] + cur;
      v = pv;
    }
    const cin = base + T - contrib[v] + cur;
    // Out: i's subtree gone; each ancestor takes what is left if positive.
    cur = 0;
    v = i;
    while (parent[v] >= 0) {
      const pv = parent[v];
      const nd = down[pv] - contrib[v] + cur;
      cur = nd > 0 ? nd : 0;
      v = pv;
    }
    const cout = base + T - contrib[v] + cur;
    if (cin < withIn[i]) withIn[i] = cin;
    if (cout < withOut[i]) withOut[i] = cout;
  }
}

/** λ values near `at` where some subtree of the closure turns (its a/b): the ceilings with a variable flipped are lowest near one of them. */
function nearbyLambdas(r: Reducer, forest: Forest, at: number, each: number): number[] {
  const { a, b } = r.m;
  const ratios: number[] = [];
  for (const i of forest.post) if (b[i] > 0 && a[i] > 0) ratios.push(a[i] / b[i]);
  else if (b[i] < 0 && a[i] < 0) ratios.push(a[i] / b[i]);
  ratios.sort((x, y) => x - y);
  let k = 0;
  while (k < ratios.length && ratios[k] < at) k++;
  const out = new Set<number>();
  for (let d = 1; d <= each; d++) {
    if (k - d >= 0) out.add(ratios[k - d]);
    if (k + d - 1 < ratios.length) out.add(ratios[k + d - 1]);
  }
  out.delete(at);
  return [...out].filter((l) => l >= 0 && Number.isFinite(l));
}

/**
 * One round of fixing by the Lagrange ceiling; returns how many were fixed, or null on a
 * contradiction or a relaxation with no admissible closure (the caller then passes the program whole).
 */
export function fixRound(
  r: Reducer,
  floorBox: { x: Uint8Array; value: number } | null,
  /** "first": look for floors, the dynamic program's too; "more": the cheap ones; "given": only floorBox. */
  search: "first" | "more" | "given",
): { fixed: number; floor: { x: Uint8Array; value: number } | null } | null {
  const free = r.free();
  if (free.length === 0) return { fixed: 0, floor: floorBox };
  const order = r.topo(free);
  if (!order) return null;
  const { a, b, cap } = r.m;
  let aFixed = 0;
  let bFixed = 0;
  for (let i = 0; i < r.n; i++) if (r.fix[i] === 1) (aFixed += a[i]), (bFixed += b[i]);
  const capFree = cap - bFixed;
  const forest = new Forest(r, order);
  /**
   * λ where the ceiling is lowest for the current multipliers. The ceiling is convex and piecewise
   * linear in λ with slope capFree − Σ b over the closure (rising with λ): from a λ on each side of
   * the lowest point, the crossing of their two lines is evaluated and replaces the one on its side,
   * until the crossing lies on the ceiling (a corner: the lowest point). lo has slope < 0, hi ≥ 0.
   */
  const bracket = (): { lo: number; hi: number } | null => {
    const at = (l: number) => {
      const e = forest.eval(l);
      return { l, f: l * capFree + e.value, s: capFree - e.weight };
    };
    let hi = at(0);
    if (hi.s >= 0) return { lo: 0, hi: 0 };
    let lo = hi;
    for (let l = 1; ; l *= 4) {
      if (l > 1e15) return null;
      const p = at(l);
      if (p.s >= 0) {
        hi = p;
        break;
      }
      lo = p;
    }
    for (let k = 0; k < 100 && hi.l - lo.l > 1e-13 * hi.l; k++) {
      let l = (hi.f - lo.f + lo.s * lo.l - hi.s * hi.l) / (lo.s - hi.s);
      if (!(l > lo.l && l < hi.l)) l = (lo.l + hi.l) / 2;
      const p = at(l);
      const onLine = lo.f + lo.s * (l - lo.l);
      if (p.s >= 0) {
        hi = p;
        if (p.f <= onLine + 1e-12 * Math.max(1, Math.abs(onLine))) break;
      } else {
        lo = p;
        if (p.f <= onLine + 1e-12 * Math.max(1, Math.abs(onLine))) break;
      }
    }
    return { lo: lo.l, hi: hi.l };
  };
  const ceil = (lambda: number) => aFixed + lambda * capFree + forest.eval(lambda).value;
  let floor = floorBox;
  const tryFloor = (start: Uint8Array) => {
    if (search === "given") return;
    const c = floorOf(r, order, start, capFree);
    if (c && (!floor || c.value > floor.value)) floor = c;
  };
  // The multipliers of the dropped prerequisites by subgradient steps (each choice a valid ceiling;
  // the lowest found is kept), λ best for each.
  const { dropped, adj } = forest;
  const mu = new Float64Array(dropped.length);
  const bestAdj = new Float64Array(r.n);
  let best = Infinity;
  let lambda = 0;
  let hiBest = 0;
  let theta = 1;
  let stall = 0;
  for (let it = 0; it < (dropped.length ? 40 : 1); it++) {
    const br = bracket();
    if (!br) return null;
    const l = br.hi === 0 || ceil(br.hi) <= ceil(br.lo) ? br.hi : br.lo;
    const u = ceil(l);
    if (u < best) {
      best = u;
      bestAdj.set(adj);
      lambda = l;
      hiBest = br.hi;
      stall = 0;
    } else if (++stall >= 3) (theta /= 2), (stall = 0);
    forest.eval(br.hi);
    const atHi = forest.closure();
    if (it % 5 === 0) tryFloor(atHi);
    if (!dropped.length) break;
    forest.eval(l);
    const x = forest.closure();
    let norm = 0;
    const g = new Float64Array(dropped.length);
    dropped.forEach(([i, k], e) => {
      g[e] = x[k] - x[i];
      if (mu[e] > 0 || g[e] < 0) norm += g[e] * g[e];
    });
    if (norm === 0) break;
    const gap = floor ? u - floor.value : Math.abs(u) * 1e-3 + 1;
    if (gap <= 0) break;
    const step = (theta * gap) / norm;
    adj.fill(0);
    dropped.forEach(([i, k], e) => {
      mu[e] = Math.max(0, mu[e] - step * g[e]);
      adj[i] -= mu[e];
      adj[k] += mu[e];
    });
  }
  adj.set(bestAdj);
  const hi = hiBest;
  let scale = Math.abs(lambda * cap);
  for (let i = 0; i < r.n; i++) scale += Math.abs(a[i]) + Math.abs(lambda * b[i]);
  const tol = SCORE_EPS + 1e-9 * scale;
  // Ceilings with each variable flipped: at λ, then at the λ of nearby turns (each a valid ceiling; the lowest counts).
  const withIn = new Float64Array(r.n).fill(Infinity);
  const withOut = new Float64Array(r.n).fill(Infinity);
  const T = forest.eval(lambda).value;
  const top = aFixed + lambda * capFree + T;
  flipCeilings(forest, order, aFixed + lambda * capFree, T, withIn, withOut);
  const atLambda = forest.closure();
  const loss = new Float64Array(r.n);
  for (const i of order) loss[i] = top - (atLambda[i] ? withOut[i] : withIn[i]);
  // Floors: the closure at hi made admissible and filled; the least settled re-solved.
  forest.eval(hi);
  const h = forest.closure();
  tryFloor(h);
  const second = search === "first" ? coreFloor(r, order, floor ? (floor as { x: Uint8Array }).x : h, loss, capFree) : null;
  if (second && (!floor || second.value > (floor as { value: number }).value)) floor = second;
  if (!floor) return { fixed: 0, floor };
  const bar = floor.value - tol;
  if (top < bar) return null; // a ceiling below a floor: numbers gone wrong; leave it whole
  for (const l of nearbyLambdas(r, forest, lambda, 12)) {
    const Tl = forest.eval(l).value;
    flipCeilings(forest, order, aFixed + l * capFree, Tl, withIn, withOut);
  }
  const decide: [number, 0 | 1][] = [];
  for (const i of order) {
    if (withIn[i] < bar) decide.push([i, 0]);
    else if (withOut[i] < bar) decide.push([i, 1]);
  }
  for (const [i, v] of decide) if (!r.set(i, v)) return null;
  // The floor must agree with every fixing (it is within the tolerance of the optimum, so it does).
  for (let i = 0; i < r.n; i++) if (r.fix[i] !== -1 && floor.x[i] !== r.fix[i]) return null;
  return { fixed: decide.length, floor };
}


