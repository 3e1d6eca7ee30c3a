/**
 * Entry frames read off tables, without a solve (selection-entry.ts defines them): f(u), the best
 * total within u cost units with the fixed measures in, and g_j(u), the best with measure j in too,
 * at every frame at once, from the forest's dynamic program; j is in at u iff g_j(u) ≥ f(u) − ε. So
 * the nearest frame at or above the current one and the nearest below are read off two rows.
 *
 * Exact when no segment is limited and there are no rule rows, and when few measures still
 * presuppose two or more once the fixed measures and the prerequisites implied by another are
 * taken off (each measure then keeps its one open prerequisite as its parent in a forest). Such a
 * measure joins its tree with the trees of all it presupposes into a group; a group's best is the
 * best over its cases, the subsets T of its few such measures (those of T in with all they
 * presuppose, the others out), each case a forest (see ForestBounds in selection-forest.ts for why
 * that is every real selection and only real ones), and the groups are independent of each other.
 * g_j is j's group with j and all it presupposes forced (in its group, or fixed), case by case, on
 * top of the best of every other group by frame; those "every other group" rows come from halving
 * the groups that hold measures asked about, each half getting the other half added, so each group
 * is added about log₂(groups) times and no whole table is kept. Null (the solve-based path) when it
 * does not apply or would take too many cells, or more whole tables' work than the solves left.
 */
import { closureOf, SCORE_EPS, type Prepared } from "./selection-problem";
import { knapsackUnits, type ForestItem } from "./tree-knapsack";

/** At most this many measures with two or more open prerequisites in one group (2^k cases of its forest). */
const PROFILE_MULTI = 6;
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
  const sizeOf = (k: number) => size[pos[roots[k]]];
  // Groups: a measure with two or more open prerequisites joins its tree with the trees of all it
  // presupposes (what its case forces); the cases are taken group by group, independent of the others.
  const link = roots.map((_, k) => k);
  const find = (k: number): number => (link[k] === k ? k : (link[k] = find(link[k])));
  for (const i of multi) for (const w of closure(i)) if (!fixed.has(w)) link[find(treeOf[w])] = find(treeOf[i]);
  const groupOf = new Map<number, { trees: number[]; multi: number[]; nodes: number[]; asked: number[] }>();
  const group = (k: number) => {
    const r = find(k);
    let gr = groupOf.get(r);
    if (!gr) groupOf.set(r, (gr = { trees: [], multi: [], nodes: [], asked: [] }));
    return gr;
  };
  roots.forEach((_, k) => group(k).trees.push(k));
  for (let i = 0; i < n; i++) group(treeOf[i]).nodes.push(i);
  for (const i of multi) group(treeOf[i]).multi.push(i);
  for (const j of todo) group(treeOf[j]).asked.push(j);
  const groups = [...groupOf.values()];
  if (groups.some((gr) => gr.multi.length > PROFILE_MULTI)) return null;
  const askedGroups = groups.filter((gr) => gr.asked.length > 0);
  const otherGroups = groups.filter((gr) => gr.asked.length === 0);
  const depth = Math.ceil(Math.log2(Math.max(1, askedGroups.length)));
  let largest = 0;
  let cells = 0;
  for (const gr of groups) {
    for (const k of gr.trees) largest = Math.max(largest, sizeOf(k));
    cells += 2 ** gr.multi.length * gr.nodes.length * W * (gr.asked.length > 0 ? depth + 2 + gr.asked.length : 2);
  }
  const tables = Math.ceil(cells / ((n + 1) * W));
  if ((largest + 2 * depth + 6) * W > PROFILE_ROWS || cells > PROFILE_WORK || tables > maxTables) return null;

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
  for (const i of fixed) forced[i] = 1;
  excluded.forEach((_, i) => (banned[i] = 1));

  /** Tree k on top of `rest` (the best of other trees by frame): the best of both by frame, into `out`. */
  const addTree = (k: number, rest: Float64Array, out: Float64Array) => {
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
        if (forced[i]) scratch.fill(-Infinity, row, row + W);
        else scratch.copyWithin(row, skip, skip + W);
      } else if (forced[i]) {
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
  /**
   * Sets the flags of the group's case t (its measures of t in with all they presuppose, its other
   * ones with two or more prerequisites out) and `also` forced; false when that contradicts itself.
   */
  const setCase = (gr: (typeof groups)[number], t: number, also: number[]): boolean => {
    for (const i of gr.nodes) (forced[i] = 0), (banned[i] = excluded.has(i) ? 1 : 0);
    gr.multi.forEach((i, k) => {
      if (t & (1 << k)) for (const w of [i, ...closure(i)]) forced[w] = 1;
      else banned[i] = 1;
    });
    for (const w of also) forced[w] = 1;
    for (const w of fixed) forced[w] = 1;
    return !gr.nodes.some((i) => forced[i] && banned[i]) && !also.some((w) => banned[w]);
  };
  /** The best of the group's trees on top of `rest`, over its cases (into a new row). */
  const tmp = new Float64Array(W);
  const addGroup = (gr: (typeof groups)[number], rest: Float64Array): Float64Array => {
    const out = new Float64Array(W).fill(-Infinity);
    for (let t = 0; t < 1 << gr.multi.length; t++) {
      if (!setCase(gr, t, [])) continue;
      tmp.set(rest);
      for (const k of gr.trees) addTree(k, tmp, tmp);
      for (let u = 0; u < W; u++) if (tmp[u] > out[u]) out[u] = tmp[u];
    }
    return out;
  };
  const addGroups = (grs: typeof groups, rest: Float64Array): Float64Array => grs.reduce((acc, gr) => addGroup(gr, acc), rest);
  let consistent = true;
  /** g_j of the measures in the groups given `rest`, the best of every other group: halves, each with the other added. */
  const split = (grs: typeof groups, rest: Float64Array) => {
    if (grs.length > 1) {
      const mid = grs.length >> 1;
      split(grs.slice(0, mid), addGroups(grs.slice(mid), rest));
      split(grs.slice(mid), addGroups(grs.slice(0, mid), rest));
      return;
    }
    const gr = grs[0];
    const inGroup = new Set(gr.nodes);
    for (const j of gr.asked) {
      const need = [j, ...closure(j)];
      // What j presupposes is in its group or fixed (see above); anything else would be a mistake here: the solves decide.
      if (need.some((w) => !inGroup.has(w) && !fixed.has(w))) consistent = false;
      for (let t = 0; t < 1 << gr.multi.length; t++) {
        if (!setCase(gr, t, need)) continue;
        row.set(rest);
        for (const k of gr.trees) addTree(k, row, row);
        // j is in at u iff some case's g_j(u) ≥ f(u) − ε: the nearest units over the cases.
        const inAt = (u: number) => row[u] !== -Infinity && row[u] >= f[u] - SCORE_EPS;
        for (let u = uFrom; u < Math.min(above.get(j)!, W); u++) if (inAt(u)) above.set(j, u);
        for (let u = uBelow; u > below.get(j)!; u--) if (inAt(u)) below.set(j, u);
      }
    }
  };
  // f first, then each g_j read off against it.
  f.set(addGroups(askedGroups, addGroups(otherGroups, new Float64Array(W))));
  if (askedGroups.length > 0) split(askedGroups, addGroups(otherGroups, new Float64Array(W)));
  if (!consistent) return null;
  const out = new Map<number, EntryFrames>();
  for (const j of todo) {
    const a = above.get(j)!;
    const b = below.get(j)!;
    out.set(j, { above: a === Infinity ? null : Math.max(from, a * unit), below: b < 0 ? null : Math.min(from - 1, (b + 1) * unit - 1) });
  }
  return { frames: out, tables };
}
