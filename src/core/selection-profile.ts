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
 * selection and only real ones). g_j of a case is j's tree with j and its ancestors forced, on top
 * of the best of every other tree by frame (the rest of what j presupposes is fixed, or in the case
 * already); those "every other tree" rows come from halving the trees that hold measures asked
 * about, each half getting the other half added, so each tree is added about log₂(trees) times and
 * no whole table is kept. Null (the solve-based path) when it does not apply or would take too
 * many cells, or more whole tables' work than the solves left.
 */
import { closureOf, SCORE_EPS, type Prepared } from "./selection-problem";
import { knapsackUnits, type ForestItem } from "./tree-knapsack";

/** At most this many measures with two or more open prerequisites (2^k forests). */
const PROFILE_MULTI = 4;
/** The rows held at once (the largest tree, and one for each halving) × cost units: at most this many cells. */
const PROFILE_ROWS = 4_000_000;
/** All the work (cells made, over the subsets and the measures asked about) at most this many. */
const PROFILE_WORK = 2_500_000_000;

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

  // The trees in preorder: positions, and the size of the subtree at each position.
  const children: number[][] = Array.from({ length: n }, () => []);
  const roots: number[] = [];
  for (let i = 0; i < n; i++) (parent[i] >= 0 ? children[parent[i]] : roots).push(i);
  const order: number[] = [];
  const size = new Int32Array(n);
  const pos = new Int32Array(n);
  const treeOf = new Int32Array(n);
  const rootIndex = new Map(roots.map((r, k) => [r, k]));
  const stack: [number, boolean][] = [...roots].reverse().map((r) => [r, false]);
  while (stack.length) {
    const [v, done] = stack.pop()!;
    if (done) {
      size[pos[v]] = order.length - pos[v];
      continue;
    }
    pos[v] = order.length;
    treeOf[v] = parent[v] >= 0 ? treeOf[parent[v]] : rootIndex.get(v)!;
    order.push(v);
    stack.push([v, true]);
    for (let k = children[v].length - 1; k >= 0; k--) stack.push([children[v][k], false]);
  }
  // The trees holding a measure asked about (split in halves below), and the others.
  const askedIn = new Map<number, number[]>();
  for (const j of todo) askedIn.set(treeOf[j], [...(askedIn.get(treeOf[j]) ?? []), j]);
  const askedTrees = [...askedIn.keys()].sort((a, b) => a - b);
  const otherTrees = roots.map((_, k) => k).filter((k) => !askedIn.has(k));
  const sizeOf = (k: number) => size[pos[roots[k]]];
  const depth = Math.ceil(Math.log2(Math.max(1, askedTrees.length)));
  let largest = 0;
  let cellsPerCase = 0;
  for (let k = 0; k < roots.length; k++) {
    largest = Math.max(largest, sizeOf(k));
    cellsPerCase += sizeOf(k) * W * (askedIn.has(k) ? depth + 2 + askedIn.get(k)!.length : 2);
  }
  const cells = 2 ** multi.length * cellsPerCase;
  const tables = Math.ceil(cells / ((n + 1) * W));
  if ((largest + 2 * depth + 4) * W > PROFILE_ROWS || cells > PROFILE_WORK || tables > maxTables) return null;

  const cost = new Int32Array(n);
  const value = new Float64Array(n);
  for (let i = 0; i < n; i++) (cost[i] = forestItems[i].cost / unit), (value[i] = forestItems[i].value);
  const scratch = new Float64Array((largest + 1) * W);
  const f = new Float64Array(W).fill(-Infinity);
  // The nearest unit at or above the frame's and the nearest below at which j is in, over the cases so far.
  const uFrom = Math.min(Math.floor(Math.max(0, from) / unit), units);
  const uBelow = from > 0 ? Math.min(Math.floor((from - 1) / unit), units) : -1;
  const above = new Map<number, number>(todo.map((j) => [j, Infinity]));
  const below = new Map<number, number>(todo.map((j) => [j, -1]));
  const row = new Float64Array(W);
  const forced = new Uint8Array(n);
  const banned = new Uint8Array(n);
  const forcedJ = new Uint8Array(n);

  /**
   * Tree k on top of `rest` (the best of other trees by frame): the best of both by frame, into
   * `out`, with the given forced flags (and `banned`). The tree's rows from its last position up.
   */
  const addTree = (k: number, rest: Float64Array, out: Float64Array, isForced: Uint8Array) => {
    const s = pos[roots[k]];
    const len = size[s];
    scratch.set(rest, len * W);
    for (let l = len - 1; l >= 0; l--) {
      const i = order[s + l];
      const c = cost[i];
      const v = value[i];
      const row = l * W;
      const next = (l + 1) * W;
      const skip = (l + size[s + l]) * W;
      const lo = Math.min(c, W);
      if (banned[i]) {
        if (isForced[i]) scratch.fill(-Infinity, row, row + W);
        else scratch.copyWithin(row, skip, skip + W);
      } else if (isForced[i]) {
        scratch.fill(-Infinity, row, row + lo);
        for (let u = lo; u < W; u++) scratch[row + u] = scratch[next + u - c] + v;
      } else {
        scratch.copyWithin(row, skip, skip + lo);
        for (let u = lo; u < W; u++) {
          const take = scratch[next + u - c] + v;
          const leave = scratch[skip + u];
          scratch[row + u] = take > leave ? take : leave;
        }
      }
    }
    out.set(scratch.subarray(0, W));
  };
  const addTrees = (ks: number[], rest: Float64Array): Float64Array => {
    const out = rest.slice();
    for (const k of ks) addTree(k, out, out, forced);
    return out;
  };
  /** g_j of the measures in the trees ks[a…b) given `rest`, the best of every other tree: halves, each with the other added. */
  let consistent = true;
  const split = (ks: number[], rest: Float64Array) => {
    if (ks.length === 1) {
      for (const j of askedIn.get(ks[0])!) {
        const need = [j, ...closure(j)];
        if (need.some((w) => banned[w])) continue;
        forcedJ.set(forced);
        for (const w of need) {
          // Only j's tree changes (see above); anything else would be a mistake here: the solves decide.
          if (!forced[w] && treeOf[w] !== ks[0]) consistent = false;
          forcedJ[w] = 1;
        }
        addTree(ks[0], rest, row, forcedJ);
        // j is in at u iff some case's g_j(u) ≥ f(u) − ε: the nearest units over the cases.
        const inAt = (u: number) => row[u] !== -Infinity && row[u] >= f[u] - SCORE_EPS;
        for (let u = uFrom; u < Math.min(above.get(j)!, W); u++) if (inAt(u)) above.set(j, u);
        for (let u = uBelow; u > below.get(j)!; u--) if (inAt(u)) below.set(j, u);
      }
      return;
    }
    const mid = ks.length >> 1;
    split(ks.slice(0, mid), addTrees(ks.slice(mid), rest));
    split(ks.slice(mid), addTrees(ks.slice(0, mid), rest));
  };

  /** The flags of case t (the measures of t in with all they presuppose, the others of multi out); false when it contradicts itself. */
  const setCase = (t: number): boolean => {
    forced.fill(0);
    banned.fill(0);
    for (const i of fixed) forced[i] = 1;
    excluded.forEach((_, i) => (banned[i] = 1));
    multi.forEach((i, k) => {
      if (t & (1 << k)) for (const w of [i, ...closure(i)]) forced[w] = 1;
      else banned[i] = 1;
    });
    return !forced.some((x, i) => x === 1 && banned[i] === 1);
  };
  // f first, the best over the cases; then g_j of each case, read off against f as it comes.
  const zero = new Float64Array(W);
  for (let t = 0; t < 1 << multi.length; t++) {
    if (!setCase(t)) continue;
    const all = addTrees([...otherTrees, ...askedTrees], zero);
    for (let u = 0; u < W; u++) if (all[u] > f[u]) f[u] = all[u];
  }
  for (let t = 0; t < 1 << multi.length; t++) {
    if (setCase(t) && askedTrees.length > 0) split(askedTrees, addTrees(otherTrees, zero));
  }
  if (!consistent) return null;
  const out = new Map<number, EntryFrames>();
  for (const j of todo) {
    const a = above.get(j)!;
    const b = below.get(j)!;
    out.set(j, { above: a === Infinity ? null : Math.max(from, a * unit), below: b < 0 ? null : Math.min(from - 1, (b + 1) * unit - 1) });
  }
  return { frames: out, tables };
}
