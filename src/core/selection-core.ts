/**
 * Frames above beyond the entry tables' window (selection-profile.ts), without a solve: the frames
 * from `start` up are taken in windows of cost units, and in each window most measures are settled by
 * a Lagrange bound before any table is made. With a multiplier λ ≥ 0, every selection X within u
 * units is worth at most λu + Σ_{i∈X} (value_i − λ cost_i), and the best of that sum over the
 * selections closed under the forest's kept prerequisites (Φ; extra prerequisites dropped, a
 * relaxation) is found by one pass over the trees, as are its best without i (Φ¬i) and with i and all
 * above it (Φ+i). F(u), a real selection's value at every unit (the forest without the measures that
 * presuppose two or more: every such selection is real), is a floor on f(u). So where
 * λu + Φ¬i < F(u) − ε at every unit of the window, every selection within ε of the best holds i (H);
 * where λu + Φ+i < F(u) − ε, none does (L). Every selection that decides "j in at u" (the best, and
 * the best with j when it is within ε of it) then holds H with all it presupposes and none of L with
 * all that presuppose them, so the question is the same on the core, the measures left, with H's cost
 * taken off the frame: its entry tables (entryProfile) answer it for the core's measures, a measure
 * of H is in at the window's first frame, one of L out in the whole window. Exact throughout; a
 * measure whose answer the core's tables do not reach is left out (the caller leaves it open).
 */
import { closureOf, SCORE_EPS, type Prepared } from "./selection-problem";
import { entryProfile } from "./selection-profile";
import { addTreeRows, forestPreorder, knapsackUnits } from "./tree-knapsack";

/** A window's core at most this many measures (else the window is halved). */
const CORE_MAX = 400;
/** The first window's width in cost units. */
const FIRST_WIDTH = 4096;

/**
 * The frame above (≥ start, as entryFrames' `above`: null when in at no frame) of each measure of
 * `todo` that the windows settle, given that each is out at every frame in [from of the tables, start);
 * `tables` the work done, in whole tables of the whole problem (measures × cost units).
 */
export function coreEntries(
  pre: Prepared,
  fixedIn: Set<number>,
  todo: number[],
  start: number,
  maxTables: number,
  /** The first window's width in cost units and the largest core with tables (tests take small ones). */
  { firstWidth = FIRST_WIDTH, coreMax = CORE_MAX } = {},
): { above: Map<number, number | null>; tables: number } {
  const above = new Map<number, number | null>();
  const { items, adj, excluded } = pre;
  const n = items.length;
  const none = { above, tables: 0 };
  if (n === 0 || todo.length === 0 || pre.limits.length > 0 || pre.rows.length > 0) return none;
  if (items.some((it) => (it.cost ?? 0) < 0 || !Number.isInteger(it.cost ?? 0))) return none;
  const fixed = new Set(fixedIn);
  for (const w of closureOf([...fixedIn], adj)) fixed.add(w);
  if ([...fixed].some((i) => excluded.has(i))) return none;
  const { unit, units } = knapsackUnits(items.map((it) => ({ cost: it.cost ?? 0, value: 0, parent: -1, banned: false })));
  const W = units + 1;
  const whole = (n + 1) * W;
  const maxCells = maxTables * whole;
  let cells = 0;
  // The forest as the tables keep it: each measure's open prerequisites without those another of them presupposes.
  const parent = new Int32Array(n).fill(-1);
  const multi = new Uint8Array(n);
  /** The prerequisites the forest drops (i needs b besides its parent), each with a multiplier μ ≥ 0 (see lagrange). */
  const links: [number, number][] = [];
  for (let i = 0; i < n; i++) {
    if (excluded.has(i) || fixed.has(i)) continue;
    const open = [...new Set(adj[i].filter((k) => !fixed.has(k)))];
    const kept = open.filter((a) => !open.some((b) => b !== a && closureOf([b], adj).has(a)));
    if (kept.length > 0) parent[i] = kept[0];
    if (kept.length > 1) multi[i] = 1;
    for (const b of kept.slice(1)) links.push([i, b]);
  }
  const cost = new Int32Array(n);
  const value = new Float64Array(n);
  for (let i = 0; i < n; i++) (cost[i] = (items[i].cost ?? 0) / unit), (value[i] = items[i].score ?? 0);
  // value_i − μ and value_b + μ for a dropped "i needs b": every real selection is worth at least as much, so Φ stays a ceiling.
  const mu = new Float64Array(links.length);
  const val = Float64Array.from(value);
  const setMu = (m: Float64Array) => {
    val.set(value);
    links.forEach(([i, b], e) => ((val[i] -= m[e]), (val[b] += m[e])));
  };
  const children: number[][] = Array.from({ length: n }, () => []);
  const roots: number[] = [];
  for (let i = 0; i < n; i++) (parent[i] >= 0 ? children[parent[i]] : roots).push(i);
  const { order, size, pos } = forestPreorder(children, roots);
  // f itself where the tables' rows allow (every group by the ways of its links), beyond that the forest without the measures that presuppose two or more.
  const exact = entryProfile(pre, fixedIn, [], 0)?.best ?? new Float64Array(0);
  cells += exact.length * n;
  const floor = exact.length >= W ? exact : floorRow(order, size, pos, roots, cost, value, (i) => excluded.has(i) || multi[i] === 1, (i) => fixed.has(i), W);
  if (floor !== exact) (floor.set(exact), (cells += n * W));

  // Φ, Φ¬i and Φ+i at λ (see above).
  const down = new Float64Array(n);
  /** 0 free, 1 fixed, 2 excluded. */
  const kind = new Uint8Array(n);
  for (let i = 0; i < n; i++) kind[i] = excluded.has(i) ? 2 : fixed.has(i) ? 1 : 0;
  const opt = (i: number, d: number) => (kind[i] === 2 ? 0 : kind[i] === 1 ? d : d > 0 ? d : 0);
  // By preorder position (a measure's children follow it, each after the subtree of the one before): the same sums in the same order.
  const kindAt = Uint8Array.from(order, (i) => kind[i]);
  const downAt = new Float64Array(n);
  const phi = (lambda: number): number => {
    for (let p = n - 1; p >= 0; p--) {
      const i = order[p];
      let d = val[i] - lambda * cost[i];
      for (let c = p + 1, end = p + size[p]; c < end; c += size[c]) {
        const x = downAt[c];
        const k = kindAt[c];
        d += k === 2 ? 0 : k === 1 ? x : x > 0 ? x : 0;
      }
      downAt[p] = down[i] = kindAt[p] === 2 ? -Infinity : d;
    }
    let s = 0;
    for (let p = 0; p < n; p += size[p]) {
      const x = downAt[p];
      const k = kindAt[p];
      s += k === 2 ? 0 : k === 1 ? x : x > 0 ? x : 0;
    }
    return s;
  };
  /** Φ with i held out (forced: false) or taken with all above it (true). */
  const phiWith = (total: number, i: number, forced: boolean): number => {
    let o = forced ? (kind[i] === 2 ? -Infinity : down[i]) : kind[i] === 1 ? -Infinity : 0;
    let v = i;
    for (let p = parent[v]; p >= 0; v = p, p = parent[p]) {
      const d = down[p] - opt(v, down[v]) + o;
      o = forced ? d : opt(p, d);
    }
    return total - opt(v, down[v]) + o;
  };
  let lambdaMax = 0;
  for (let i = 0; i < n; i++) if (cost[i] > 0) lambdaMax = Math.max(lambdaMax, Math.abs(value[i]) / cost[i]);

  /** λ for the current μ (the gap is convex in λ), then subgradient steps on μ; the best pair found. */
  const lagrange = (lowest: (lambda: number) => number, rounds: number): { lambda: number; m: Float64Array; gap: number } => {
    let best = { lambda: 0, m: mu.slice(), gap: Infinity };
    let theta = 1;
    for (let round = 0; round < (links.length ? rounds : 1); round++) {
      setMu(mu);
      // Golden-section search.
      const r = (Math.sqrt(5) - 1) / 2;
      const gapAt = (l: number) => phi(l) - lowest(l);
      let a = 0;
      let b = lambdaMax;
      let m1 = b - r * (b - a);
      let m2 = a + r * (b - a);
      let g1 = gapAt(m1);
      let g2 = gapAt(m2);
      for (let it = 0; it < 40; it++) {
        if (g1 <= g2) {
          b = m2;
          (m2 = m1), (g2 = g1);
          m1 = b - r * (b - a);
          g1 = gapAt(m1);
        } else {
          a = m1;
          (m1 = m2), (g1 = g2);
          m2 = a + r * (b - a);
          g2 = gapAt(m2);
        }
      }
      const lambda = (a + b) / 2;
      const gap = phi(lambda) - lowest(lambda);
      if (gap < best.gap) best = { lambda, m: mu.slice(), gap };
      else theta /= 2;
      // The closed set Φ takes: a root when worth it, a child when its parent is taken and it is worth it.
      const x = new Uint8Array(n);
      for (let p = 0; p < n; p++) {
        const i = order[p];
        if (kind[i] === 2 || (parent[i] >= 0 && !x[parent[i]])) continue;
        if (kind[i] === 1 || down[i] > 0) x[i] = 1;
      }
      let norm = 0;
      const g = links.map(([i, k], e) => {
        const d = x[i] - x[k];
        if (mu[e] > 0 || d > 0) norm += d * d;
        return d;
      });
      if (norm === 0 || gap <= SCORE_EPS) break;
      const step = (theta * gap) / norm;
      links.forEach((_, e) => (mu[e] = Math.max(0, mu[e] + step * g[e])));
    }
    mu.set(best.m);
    return best;
  };
  let left = todo.filter((j) => !excluded.has(j) && !fixed.has(j));
  let u1 = Math.min(units, Math.floor(start / unit));
  let width = firstWidth;
  let rounds = 40;
  while (left.length > 0 && u1 <= units) {
    const u2 = Math.min(units, u1 + width - 1);
    // λ with the smallest gap Φ(λ) − min_u (F(u) − λu) over the window (convex in λ).
    const lowest = lowestOf(floor, u1, u2);
    const { lambda, m } = lagrange(lowest, rounds);
    rounds = 10;
    setMu(m);
    const total = phi(lambda);
    const limit = lowest(lambda) - 1.5 * SCORE_EPS;
    const inH = new Uint8Array(n);
    const inL = new Uint8Array(n);
    for (let i = 0; i < n; i++) {
      if (excluded.has(i) || fixed.has(i)) continue;
      if (phiWith(total, i, false) < limit) inH[i] = 1;
      else if (phiWith(total, i, true) < limit) inL[i] = 1;
    }
    // H with all it presupposes, L with all that presuppose it.
    for (const w of closureOf([...inH.keys()].filter((i) => inH[i]), adj)) if (!fixed.has(w)) inH[w] = 1;
    for (let changed = true; changed; ) {
      changed = false;
      for (let i = 0; i < n; i++) if (!inL[i] && !excluded.has(i) && !fixed.has(i) && adj[i].some((k) => inL[k] || excluded.has(k))) (inL[i] = 1), (changed = true);
    }
    const core: number[] = [];
    let costH = 0;
    let bad = false;
    for (let i = 0; i < n; i++) {
      if (fixed.has(i)) costH += items[i].cost ?? 0;
      else if (inH[i]) (costH += items[i].cost ?? 0), (bad ||= inL[i] === 1 || excluded.has(i));
      else if (!inL[i] && !excluded.has(i)) core.push(i);
    }
    const askedHere = left.filter((j) => !inH[j] && !inL[j]);
    if (askedHere.length > 0 && core.length > coreMax && width > 1) {
      width = Math.max(1, width >> 1);
      continue;
    }
    const f1 = Math.max(start, u1 * unit);
    const f2 = (u2 + 1) * unit - 1;
    if (bad || costH > f1) break;
    const at = new Map(core.map((i, k) => [i, k]));
    const sub: Prepared = {
      items: core.map((i) => items[i]),
      adj: core.map((i) => adj[i].filter((k) => at.has(k)).map((k) => at.get(k)!)),
      excluded: new Map(),
      forcedClosure: new Set(),
      findings: [],
      infeasible: false,
      limits: [],
      rows: [],
      quotas: [],
    };
    let profile: ReturnType<typeof entryProfile> = null;
    if (askedHere.length > 0) {
      const subWhole = (core.length + 1) * (knapsackUnits(core.map((i) => ({ cost: items[i].cost ?? 0, value: 0, parent: -1, banned: false }))).units + 1);
      profile = entryProfile(sub, new Set(), askedHere.map((j) => at.get(j)!), f1 - costH, Math.max(0, (maxCells - cells) / subWhole), f2 - costH, false);
      if (!profile) break;
      cells += profile.tables * subWhole;
    }
    const next: number[] = [];
    for (const j of left) {
      if (inH[j]) above.set(j, f1);
      else if (inL[j]) next.push(j);
      else {
        const fr = profile!.frames.get(at.get(j)!);
        if (!fr) continue;
        if (typeof fr.above === "number" && fr.above + costH <= f2) above.set(j, fr.above + costH);
        else if (fr.above === undefined && fr.beyond! + costH <= f2) continue;
        else next.push(j);
      }
    }
    left = next;
    u1 = u2 + 1;
    width *= askedHere.length > 0 ? 2 : 4;
  }
  // Out at every frame up to the last: in at none.
  if (u1 > units) for (const j of left) above.set(j, null);
  return { above, tables: Math.ceil(cells / whole) };
}

/** min over the window's units of F(u) − λu, as a function of λ: over the lower convex hull of the points (u, F(u)). */
function lowestOf(floor: Float64Array, u1: number, u2: number): (lambda: number) => number {
  const hull: number[] = [];
  for (let u = u1; u <= u2; u++) {
    if (floor[u] === -Infinity) return () => -Infinity;
    while (hull.length >= 2) {
      const [a, b] = [hull[hull.length - 2], hull[hull.length - 1]];
      // b is above the segment from a to u: not on the lower hull.
      if ((floor[b] - floor[a]) * (u - a) >= (floor[u] - floor[a]) * (b - a)) hull.pop();
      else break;
    }
    hull.push(u);
  }
  return (lambda) => {
    let m = Infinity;
    for (const u of hull) m = Math.min(m, floor[u] - lambda * u);
    return m;
  };
}

/** F(u): the best of the forest (`banned` never chosen, `forced` always) within u units, at every unit; one tree at a time onto the row. */
function floorRow(order: number[], size: Int32Array, pos: Int32Array, roots: number[], cost: Int32Array, value: Float64Array, banned: (i: number) => boolean, forced: (i: number) => boolean, W: number): Float64Array {
  const row = new Float64Array(W);
  let largest = 0;
  for (const r of roots) largest = Math.max(largest, size[pos[r]]);
  const scratch = new Float64Array((largest + 1) * W);
  const n = cost.length;
  const isBanned = new Uint8Array(n);
  const isForced = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    if (banned(i)) isBanned[i] = 1;
    if (forced(i)) isForced[i] = 1;
  }
  let top = 0;
  for (const r of roots) top = addTreeRows(row, row, W, scratch, order, size, pos[r], cost, value, isBanned, isForced, false, top);
  return row;
}
