/**
 * A linked group of trees for the entry tables (selection-profile.ts) without taking every subset of
 * its measures with two or more open prerequisites. Each such measure i keeps one prerequisite as its
 * parent in the forest; every other one b it keeps is a link "i in ⇒ b in" between two trees (or
 * within one). The trees are added one after the other onto rows of the best total by frame, and a
 * link is decided at the first of its two ends that is added: that end's measure is taken both ways
 * (in: it and all above it in its tree forced; out: held out), the status carried on a row of its own
 * while the other end is still to come; at the other end, i in forces b, and b out holds i out. Every
 * selection of the group is in exactly one of these ways and every way is a real selection, so the
 * best over the rows left at the end is the group's best, as the best over all subsets was; but the
 * rows held are 2^(ends carried), not 2^(measures with two or more): the trees go in the order that
 * carries fewest.
 */

/**
 * Where a row of the passes stops changing: row[u] = row[top] at every u ≥ top (addTreeRows in
 * tree-knapsack.ts works a row out only up to there). Rows not made by the passes: their length.
 */
const tops = new WeakMap<Float64Array, number>();
export const topOf = (row: Float64Array): number => tops.get(row) ?? row.length;
export const setTop = (row: Float64Array, top: number): void => void tops.set(row, top);
/** A row of zeros (nothing in yet: the same at every unit). */
export const zeros = (w: number): Float64Array => {
  const r = new Float64Array(w);
  tops.set(r, 0);
  return r;
};
/** A copy of the row, with its top. */
export const copyRow = (row: Float64Array): Float64Array => {
  const r = Float64Array.from(row);
  tops.set(r, topOf(row));
  return r;
};

/** The order of the trees and what each step takes both ways, applies and carries on. */
export interface GroupPlan {
  /** The trees (indices into the forest's roots) in the order they are added. */
  order: number[];
  /** Per step: the measures of that tree taken both ways (the first end of a link). */
  branch: number[][];
  /** Per step: links whose first end is already decided: [first end, other end, 1 when "i in ⇒ b in" (first end i), 0 when "b out ⇒ i out"]. */
  apply: [number, number, number][][];
  /** Per step: the measures whose status is carried on after it (its rows' keys, bit k for the k-th). */
  carried: number[][];
  /** Cells per cost unit of one pass (states × ways × tree size, summed over the steps). */
  cost: number;
  /** The most rows held at once in one pass. */
  rows: number;
}

/**
 * The plan of a group: `trees` its trees, `links` its [i, b] (i needs b, beside its parent), `treeOf`
 * a measure's tree, `sizeOf` a tree's size, `units` the widest table it is used for. The order is
 * greedy (next the tree after which fewest ends are carried), or the cheapest order of all (fewest
 * cells, no more rows held) where finding it (a step for each subset of the trees and each tree,
 * cheapestOrder) costs less than an eighth of the greedy plan's pass over the widest table.
 */
export function planGroup(trees: number[], links: [number, number][], treeOf: ArrayLike<number>, sizeOf: (k: number) => number, units = 0): GroupPlan {
  const greedy = planInOrder(trees, links, treeOf, sizeOf, null);
  const m = trees.length;
  if (m < 3 || m > 20 || 2 ** m * m > (greedy.cost * units) / 8) return greedy;
  const plan = planInOrder(trees, links, treeOf, sizeOf, cheapestOrder(trees, links, treeOf, sizeOf, greedy.rows));
  return plan.cost < greedy.cost && plan.rows <= greedy.rows ? plan : greedy;
}

/**
 * The order of the trees with the fewest cells a unit, holding at most `maxRows` rows at once: over
 * the subsets D of the trees added so far (a dynamic program, each subset after its subsets), adding
 * tree k to D costs 2^(ends carried after D) × 2^(ends of k taken both ways) × size(k). An end (one
 * measure at the end of links) is carried after D when its tree is in D and the tree of some other
 * end of its links is not; taken both ways at k when the same holds before k is added, or it is the
 * first end of a link within k's tree.
 */
function cheapestOrder(trees: number[], links: [number, number][], treeOf: ArrayLike<number>, sizeOf: (k: number) => number, maxRows: number): number[] {
  const m = trees.length;
  const at = new Map(trees.map((k, a) => [k, a]));
  const ends = new Map<number, { tree: number; others: number; within: boolean }>();
  const end = (x: number) => {
    let e = ends.get(x);
    if (!e) ends.set(x, (e = { tree: at.get(treeOf[x])!, others: 0, within: false }));
    return e;
  };
  for (const [i, b] of links) {
    const [ti, tb] = [at.get(treeOf[i])!, at.get(treeOf[b])!];
    if (ti === tb) end(i).within = true;
    else (end(i).others |= 1 << tb), (end(b).others |= 1 << ti);
  }
  const list = [...ends.values()].sort((a, b) => a.tree - b.tree);
  const tree = Int32Array.from(list, (e) => e.tree);
  const others = Int32Array.from(list, (e) => e.others);
  const within = Uint8Array.from(list, (e) => (e.within ? 1 : 0));
  const N = 1 << m;
  const carried = new Uint16Array(N);
  for (let D = 1; D < N; D++) {
    let c = 0;
    for (let e = 0; e < tree.length; e++) if ((D >> tree[e]) & 1 && others[e] & ~D) c++;
    carried[D] = c;
  }
  // The ends of each tree: list[first[k] … first[k + 1]).
  const first = new Int32Array(m + 1);
  for (const e of list) first[e.tree + 1]++;
  for (let k = 0; k < m; k++) first[k + 1] += first[k];
  const size = trees.map((k) => sizeOf(k));
  const pow2 = Float64Array.from({ length: 2 * tree.length + 2 }, (_, e) => 2 ** e);
  const best = new Float64Array(N).fill(Infinity);
  const last = new Int8Array(N).fill(-1);
  best[0] = 0;
  for (let D = 0; D < N; D++) {
    if (best[D] === Infinity) continue;
    for (let k = 0; k < m; k++) {
      const E = D | (1 << k);
      if (E === D || pow2[carried[D]] + pow2[carried[E]] > maxRows) continue;
      let both = 0;
      for (let e = first[k]; e < first[k + 1]; e++) if (within[e] || others[e] & ~D) both++;
      const c = best[D] + pow2[carried[D] + both] * size[k];
      if (c < best[E]) (best[E] = c), (last[E] = k);
    }
  }
  if (best[N - 1] === Infinity) return trees;
  const order: number[] = [];
  for (let D = N - 1; D > 0; D &= ~(1 << last[D])) order.unshift(trees[last[D]]);
  return order;
}

/** The plan with the trees in `order`, or greedy (null). */
export function planInOrder(trees: number[], links: [number, number][], treeOf: ArrayLike<number>, sizeOf: (k: number) => number, order: number[] | null): GroupPlan {
  const plan: GroupPlan = { order: [], branch: [], apply: [], carried: [], cost: 0, rows: 1 };
  const done = new Set<number>();
  const left = new Set(trees);
  const carriedAfter = (k: number): number[] => [...carriedEnds(k, done, links, treeOf)];
  let states = 1;
  while (left.size > 0) {
    let k = -1;
    let carried: number[] = [];
    if (order) carried = carriedAfter((k = order[plan.order.length]));
    else
      for (const t of left) {
        const c = carriedAfter(t);
        if (k < 0 || c.length < carried.length) (k = t), (carried = c);
      }
    const branch = new Set<number>();
    const apply: [number, number, number][] = [];
    for (const [i, b] of links) {
      const [ti, tb] = [treeOf[i], treeOf[b]];
      if (ti !== k && tb !== k) continue;
      if (ti === k && (tb === k || !done.has(tb))) branch.add(i);
      else if (tb === k && !done.has(ti)) branch.add(b);
      // Both ends known at this step: the rule joins them (i first: i in ⇒ b in; b first: b out ⇒ i out).
      if (ti === k && tb === k) apply.push([i, b, 1]);
      else if (tb === k && done.has(ti)) apply.push([i, b, 1]);
      else if (ti === k && done.has(tb)) apply.push([b, i, 0]);
    }
    const br = [...branch];
    plan.order.push(k);
    plan.branch.push(br);
    plan.apply.push(apply);
    plan.carried.push(carried);
    plan.cost += states * 2 ** br.length * sizeOf(k);
    const next = 2 ** carried.length;
    plan.rows = Math.max(plan.rows, states + next);
    states = next;
    done.add(k);
    left.delete(k);
  }
  return plan;
}

/** What a pass over a group needs of the forest's tables (selection-profile.ts). */
export interface TreeFlags {
  /** Tree k's flags back to the base: excluded held out; fixed and the pass's own forced measures in. */
  reset(k: number): void;
  /** Measure i in, with all above it in its tree. */
  force(i: number): void;
  /** Measure i held out. */
  ban(i: number): void;
  /** False when some measure of tree k is both forced and held out. */
  consistent(k: number): boolean;
  /** Tree k, with the flags, on top of `rest`: into `out` (default: in place), with `merge` the better of that and `out`. */
  add(k: number, rest: Float64Array, out?: Float64Array, merge?: boolean): void;
}

/**
 * The best of the group on top of `rest` by frame, over every way of its links: into a new row, or
 * into `rest` itself when `inPlace` and the group has no links (one way).
 */
export function addGroupPlan(plan: GroupPlan, rest: Float64Array, t: TreeFlags, inPlace = false): Float64Array {
  if (plan.branch.every((br) => br.length === 0) && plan.apply.every((a) => a.length === 0)) {
    const r = inPlace ? rest : copyRow(rest);
    for (const k of plan.order) {
      t.reset(k);
      if (!t.consistent(k)) return r.fill(-Infinity);
      t.add(k, r);
    }
    return r;
  }
  let st: States = { carried: [], rows: new Map([[0, rest]]) };
  plan.order.forEach((k, s) => (st = addWays(k, st, plan.branch[s], plan.apply[s], plan.carried[s], t)));
  return bestOfStates(st, rest.length);
}

/** The ends of links decided once tree k joins the trees of `done` while their other end is still to come: those are carried. */
function carriedEnds(k: number, done: Set<number>, links: [number, number][], treeOf: ArrayLike<number>): Set<number> {
  const out = new Set<number>();
  for (const [i, b] of links) {
    const inI = done.has(treeOf[i]) || treeOf[i] === k;
    const inB = done.has(treeOf[b]) || treeOf[b] === k;
    if (inI && !inB) out.add(i);
    if (inB && !inI) out.add(b);
  }
  return out;
}

/** Rows by the statuses of the measures carried (bit k of a key: the k-th of `carried` in). */
export interface States {
  carried: number[];
  rows: Map<number, Float64Array>;
}

/**
 * Tree k added onto `st`, whose rows hold the trees of `done` (any order): a link with its other end
 * in `done` is applied with that end's carried status, one with both ends in k takes i both ways,
 * one with its other end still to come takes this end both ways and carries it.
 */
export function addTreeStates(k: number, st: States, done: Set<number>, links: [number, number][], treeOf: ArrayLike<number>, t: TreeFlags): States {
  const branch = new Set<number>();
  const apply: [number, number, number][] = [];
  const carried = carriedEnds(k, done, links, treeOf);
  for (const [i, b] of links) {
    const [ti, tb] = [treeOf[i], treeOf[b]];
    if (ti !== k && tb !== k) continue;
    if (ti === k && tb === k) (branch.add(i), apply.push([i, b, 1]));
    else if (ti === k) done.has(tb) ? apply.push([b, i, 0]) : branch.add(i);
    else done.has(ti) ? apply.push([i, b, 1]) : branch.add(b);
  }
  return addWays(k, st, [...branch], apply, [...carried].sort((a, b) => a - b), t);
}

/**
 * Tree k added onto every row of `st`, each measure of `br` both ways (in with all above it in its
 * tree, or held out), the links of `apply` applied ([first end, other end, 1: first in forces the
 * other in; 0: first out holds the other out]); the rows kept by the statuses of `next`, the best of
 * those that meet.
 */
function addWays(k: number, st: States, br: number[], apply: [number, number, number][], next: number[], t: TreeFlags): States {
  const out = new Map<number, Float64Array>();
  const status = new Map<number, number>();
  for (const [key, row] of st.rows) {
    st.carried.forEach((x, b) => status.set(x, (key >> b) & 1));
    for (let m = 0; m < 1 << br.length; m++) {
      br.forEach((x, b) => status.set(x, (m >> b) & 1));
      t.reset(k);
      for (const x of br) if (status.get(x)) t.force(x);
      for (const x of br) if (!status.get(x)) t.ban(x);
      for (const [first, other, kind] of apply) {
        if (kind === 1 && status.get(first)) t.force(other);
        if (kind === 0 && !status.get(first)) t.ban(other);
      }
      if (!t.consistent(k)) continue;
      const nk = next.reduce((acc, x, b) => acc | (status.get(x)! << b), 0);
      const have = out.get(nk);
      if (have) t.add(k, row, have, true);
      else {
        const r = new Float64Array(row.length);
        t.add(k, row, r);
        out.set(nk, r);
      }
    }
  }
  return { carried: next, rows: out };
}

/** The best over the rows (−∞ where there are none). */
export function bestOfStates(st: States, width: number): Float64Array {
  // One row of the full width: that row (the states' rows are a pass's own, made by addWays).
  if (st.rows.size === 1) {
    const only = st.rows.values().next().value!;
    if (only.length === width) return only;
  }
  const result = new Float64Array(width).fill(-Infinity);
  // Each row up to the last top (all are the same beyond it), then that unit's value.
  let top = 0;
  for (const row of st.rows.values()) top = Math.max(top, row.length < width ? width : topOf(row));
  const e = Math.min(width, top + 1);
  for (const row of st.rows.values()) for (let u = 0; u < Math.min(e, row.length); u++) if (row[u] > result[u]) result[u] = row[u];
  if (e < width) result.fill(result[e - 1], e);
  tops.set(result, top);
  return result;
}

/**
 * Each tree of `ks` (a group's, in its plan's order) with all the group's others added before it
 * (`done` those already in `st`): halves, each with the other added, so a tree's rest is made about
 * log₂(trees) times instead of once per measure asked about; `leaf` gets the tree, the rows and `done`.
 */
export function splitTrees(
  ks: number[],
  st: States,
  done: Set<number>,
  links: [number, number][],
  treeOf: ArrayLike<number>,
  t: TreeFlags,
  leaf: (k: number, st: States, done: Set<number>) => void,
): void {
  if (ks.length === 1) return leaf(ks[0], st, done);
  const mid = ks.length >> 1;
  for (const [part, other] of [
    [ks.slice(0, mid), ks.slice(mid)],
    [ks.slice(mid), ks.slice(0, mid)],
  ]) {
    let s = st;
    const d = new Set(done);
    for (const k of other) (s = addTreeStates(k, s, d, links, treeOf, t)), d.add(k);
    splitTrees(part, s, d, links, treeOf, t, leaf);
  }
}
