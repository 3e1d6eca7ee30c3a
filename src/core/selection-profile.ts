/**
 * Entry frames read off tables, without a solve (selection-entry.ts defines them): f(u), the best
 * total within u cost units with the fixed measures in, and g_j(u), the best with measure j in too,
 * at every frame at once, from the forest's dynamic program; j is in at u iff g_j(u) ≥ f(u) − ε. So
 * the nearest frame at or above the current one and the nearest below are read off two rows.
 *
 * Exact when no segment is limited and there are no rule rows, and when few measures still
 * presuppose two or more once the fixed measures and the prerequisites implied by another are
 * taken off (each measure then keeps its one open prerequisite as its parent in a forest): the best
 * is the best over the subsets T of those few (the measures of T in with all they presuppose, the
 * others out), each a forest (see ForestBounds in selection-forest.ts for why that is every real
 * selection and only real ones). g_j needs the table again with j and what it presupposes forced;
 * the rows after j's position in preorder do not change (its forest ancestors come before it, and
 * the rest of what it presupposes is fixed or in T already), so only the rows up to it are made
 * again, and the trees holding measures asked about come first. Null (the solve-based path) when it
 * does not apply or would take too many cells, or more whole tables' work than the solves left.
 */
import { closureOf, SCORE_EPS, type Prepared } from "./selection-problem";
import { knapsackUnits, type ForestItem } from "./tree-knapsack";

/** At most this many measures with two or more open prerequisites (2^k forests). */
const PROFILE_MULTI = 4;
/** One table (measures × cost units) at most this many cells. */
const PROFILE_TABLE = 6_000_000;
/** All the work (cells made, over the subsets and the measures asked about) at most this many. */
const PROFILE_WORK = 2_500_000_000;
/** The rows g_j kept (measures asked about × cost units) at most this many cells. */
const PROFILE_KEPT = 12_000_000;

export interface EntryFrames {
  /** The nearest frame ≥ from at which j is in a best selection; null when none. */
  above: number | null;
  /** The nearest frame < from at which j is in a best selection; null when none. */
  below: number | null;
}

/**
 * Each measure of `todo` with its two frames around `from`, with `fixedIn` (closed under
 * "presupposes") fixed in; null when the tables do not apply (see above) or would be too large.
 */
export function entryProfile(
  pre: Prepared,
  fixedIn: Set<number>,
  todo: number[],
  from: number,
  /** The work allowed, in whole tables (measures × cost units): each counts as one solve against the bound on solves. */
  maxTables = Infinity,
): { frames: Map<number, EntryFrames>; tables: number } | null {
  const { items, adj, excluded } = pre;
  const n = items.length;
  if (n === 0 || pre.limits.length > 0 || pre.rows.length > 0) return null;
  const forestItems: ForestItem[] = items.map((it) => ({ cost: it.cost ?? 0, value: it.score ?? 0, parent: -1, banned: false }));
  if (forestItems.some((it) => it.cost < 0 || !Number.isInteger(it.cost))) return null;
  const fixed = new Set(fixedIn);
  for (const w of closureOf([...fixedIn], adj)) fixed.add(w);
  if ([...fixed].some((i) => excluded.has(i))) return null;
  // The forest: each measure's open prerequisites without those another of them presupposes.
  const parent = new Int32Array(n).fill(-1);
  const multi: number[] = [];
  const closures = new Map<number, Set<number>>();
  const closure = (i: number): Set<number> => {
    let c = closures.get(i);
    if (!c) closures.set(i, (c = closureOf([i], adj)));
    return c;
  };
  for (let i = 0; i < n; i++) {
    if (excluded.has(i) || fixed.has(i)) continue;
    const open = [...new Set(adj[i].filter((k) => !fixed.has(k)))];
    const kept = open.filter((a) => !open.some((b) => b !== a && closure(b).has(a)));
    if (kept.length > 0) parent[i] = kept[0];
    if (kept.length > 1) multi.push(i);
  }
  if (multi.length > PROFILE_MULTI) return null;
  const { unit, units } = knapsackUnits(forestItems);
  const W = units + 1;
  if ((n + 1) * W > PROFILE_TABLE || todo.length * W > PROFILE_KEPT) return null;

  // Preorder, the trees holding a measure asked about first.
  const asked = new Uint8Array(n);
  for (const j of todo) asked[j] = 1;
  const children: number[][] = Array.from({ length: n }, () => []);
  const roots: number[] = [];
  for (let i = 0; i < n; i++) (parent[i] >= 0 ? children[parent[i]] : roots).push(i);
  const holds = new Uint8Array(n);
  const order: number[] = [];
  const size = new Int32Array(n);
  const pos = new Int32Array(n);
  {
    // Post-order marks (children before parents: indices need not be ordered).
    const stack: [number, boolean][] = roots.map((r) => [r, false]);
    const post: number[] = [];
    while (stack.length) {
      const [v, done] = stack.pop()!;
      if (done) post.push(v);
      else {
        stack.push([v, true]);
        for (const c of children[v]) stack.push([c, false]);
      }
    }
    for (const v of post) holds[v] = asked[v] || children[v].some((c) => holds[c]) ? 1 : 0;
    const first = (a: number, b: number) => holds[b] - holds[a] || a - b;
    const pre2: [number, boolean][] = [...roots].sort(first).reverse().map((r) => [r, false]);
    while (pre2.length) {
      const [v, done] = pre2.pop()!;
      if (done) {
        size[pos[v]] = order.length - pos[v];
        continue;
      }
      pos[v] = order.length;
      order.push(v);
      pre2.push([v, true]);
      const cs = [...children[v]].sort(first);
      for (let k = cs.length - 1; k >= 0; k--) pre2.push([cs[k], false]);
    }
  }
  let work = 0;
  for (const j of todo) work += (pos[j] + 1) * W;
  const cells = 2 ** multi.length * ((n + 1) * W + work);
  const tables = Math.ceil(cells / ((n + 1) * W));
  if (cells > PROFILE_WORK || tables > maxTables) return null;

  const cost = new Int32Array(n);
  const value = new Float64Array(n);
  for (let i = 0; i < n; i++) (cost[i] = forestItems[i].cost / unit), (value[i] = forestItems[i].value);
  const base = new Float64Array((n + 1) * W);
  const scratch = new Float64Array((n + 1) * W);
  const f = new Float64Array(W).fill(-Infinity);
  const g = new Map<number, Float64Array>(todo.map((j) => [j, new Float64Array(W).fill(-Infinity)]));
  const forced = new Uint8Array(n);
  const banned = new Uint8Array(n);
  const forcedJ = new Uint8Array(n);

  /** Rows `top`…0 of `out` (rows below top read from `below`), with the given forced and banned flags. */
  const fill = (out: Float64Array, below: Float64Array, top: number, isForced: Uint8Array) => {
    for (let p = top; p >= 0; p--) {
      const i = order[p];
      const c = cost[i];
      const v = value[i];
      const row = p * W;
      const nextArr = p + 1 <= top ? out : below;
      const next = (p + 1) * W;
      const skipArr = p + size[p] <= top ? out : below;
      const skip = (p + size[p]) * W;
      const lo = Math.min(c, W);
      if (banned[i]) {
        if (isForced[i]) out.fill(-Infinity, row, row + W);
        else out.set(skipArr.subarray(skip, skip + W), row);
      } else if (isForced[i]) {
        out.fill(-Infinity, row, row + lo);
        for (let u = lo; u < W; u++) out[row + u] = nextArr[next + u - c] + v;
      } else {
        out.set(skipArr.subarray(skip, skip + lo), row);
        for (let u = lo; u < W; u++) {
          const take = nextArr[next + u - c] + v;
          const leave = skipArr[skip + u];
          out[row + u] = take > leave ? take : leave;
        }
      }
    }
  };

  for (let t = 0; t < 1 << multi.length; t++) {
    forced.fill(0);
    banned.fill(0);
    for (const i of fixed) forced[i] = 1;
    excluded.forEach((_, i) => (banned[i] = 1));
    multi.forEach((i, k) => {
      if (t & (1 << k)) for (const w of [i, ...closure(i)]) forced[w] = 1;
      else banned[i] = 1;
    });
    if (forced.some((x, i) => x === 1 && banned[i] === 1)) continue;
    base.fill(0, n * W, (n + 1) * W);
    fill(base, base, n - 1, forced);
    for (let u = 0; u < W; u++) if (base[u] > f[u]) f[u] = base[u];
    for (const j of todo) {
      const need = [j, ...closure(j)];
      if (need.some((w) => banned[w])) continue;
      const fresh = need.filter((w) => !forced[w]);
      const gj = g.get(j)!;
      let row: Float64Array = base;
      if (fresh.length > 0) {
        forcedJ.set(forced);
        let top = 0;
        for (const w of fresh) (forcedJ[w] = 1), (top = Math.max(top, pos[w]));
        fill(scratch, base, top, forcedJ);
        row = scratch;
      }
      for (let u = 0; u < W; u++) if (row[u] > gj[u]) gj[u] = row[u];
    }
  }

  const inAt = (gj: Float64Array, u: number) => gj[u] !== -Infinity && gj[u] >= f[u] - SCORE_EPS;
  const unitOf = (b: number) => Math.min(Math.floor(b / unit), units);
  const out = new Map<number, EntryFrames>();
  for (const j of todo) {
    const gj = g.get(j)!;
    let above: number | null = null;
    for (let u = unitOf(Math.max(0, from)); u <= units; u++) {
      if (inAt(gj, u)) {
        above = Math.max(from, u * unit);
        break;
      }
    }
    let below: number | null = null;
    if (from > 0) {
      for (let u = unitOf(from - 1); u >= 0; u--) {
        if (inAt(gj, u)) {
          below = Math.min(from - 1, (u + 1) * unit - 1);
          break;
        }
      }
    }
    out.set(j, { above, below });
  }
  return { frames: out, tables };
}
