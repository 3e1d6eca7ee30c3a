/**
 * Entry frames read off tables, without a solve (selection-entry.ts defines them): f(u), the best
 * total within u cost units with the fixed measures in, and g_j(u), the best with measure j in too,
 * at every frame at once, from the forest's dynamic program; j is in at u iff g_j(u) ≥ f(u) − ε. So
 * the nearest frame at or above the current one and the nearest below are read off two rows.
 *
 * Exact when no segment is limited and there are no rule rows (each measure keeps one open
 * prerequisite, once the fixed measures and the prerequisites implied by another are taken off, as
 * its parent in a forest). A measure that keeps two or more joins its tree with the trees of all it
 * presupposes into a group; a group's best is the best over the ways of its links (each other
 * prerequisite kept is a link, decided at the first of its ends added: selection-profile-states.ts),
 * each way a forest (see ForestBounds in selection-forest.ts for why that is every real selection
 * and only real ones), and the groups are independent of each other.
 * g_j is j's tree with j and all above it forced on top of the best of every other tree by frame
 * (what j presupposes in other trees of its group forced by the links' carried statuses); those
 * "every other" rows come from halving the groups that hold measures asked about, each half getting
 * the other half added, then the same over the trees of the group (splitTrees), so each group is
 * added about log₂(groups) times and no whole table is kept. A measure nothing presupposes gets no
 * pass where f's bound leaves it out (outByBound); rows are worked out only up to where they stop
 * changing (the costs they hold) and, in the split, only from the units read less what is still to
 * be added (bandOf).
 * The tables are made in windows of cost units from 0 (a table's values below a unit need no more),
 * each larger than the last, while some measure asked about is not in within them and the work
 * (bounded, and by the solves left, a whole table counting as one) allows: the frames below the
 * current one are all read in the first, those above within the last; a measure not in within it has
 * `above` undefined and goes on by the solves from `beyond`. Null (the solve-based path) when the
 * tables do not apply or the first window would not reach the frame.
 */
import { closureOf, SCORE_EPS, type Prepared } from "./selection-problem";
import { addGroupPlan, addTreeStates, bestOfStates, copyRow, planGroup, setTop, splitTrees, topOf, zeros, type GroupPlan, type States } from "./selection-profile-states";
import { addTreeRows, forestPreorder, knapsackUnits, type ForestItem } from "./tree-knapsack";

/** The rows held at once (the largest tree, a group's carried rows, one for each halving) × cost units: at most this many cells. */
const PROFILE_ROWS = 8_000_000;
/** All the work (cells made, over the groups' ways and the measures asked about) at most this many. */
const PROFILE_WORK = 700_000_000;

export interface EntryFrames {
  /**
   * The nearest frame ≥ from at which j is in a best selection; null when none; undefined when the
   * tables stop below the frames (their window) and it is in at none within them.
   */
  above: number | null | undefined;
  /** When above is undefined: the first frame beyond the tables (j is out at every frame from `from` below it). */
  beyond?: number;
  /** The nearest frame < from at which j is in a best selection; null when none; absent when not asked for. */
  below?: number | null;
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
  /** The tables go no higher than this frame (the frames above beyond it are left undefined). */
  upTo = Infinity,
  /** False: the frames below are not asked for (`below` left out). */
  withBelow = true,
): { frames: Map<number, EntryFrames>; tables: number; best?: Float64Array; unit?: number; bounded?: number } | null {
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
  const links: [number, number][] = [];
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
    for (const b of kept.slice(1)) links.push([i, b]);
  }
  const { unit, units } = knapsackUnits(forestItems);

  // The trees in preorder: positions, and the size of the subtree at each position.
  const children: number[][] = Array.from({ length: n }, () => []);
  const roots: number[] = [];
  for (let i = 0; i < n; i++) (parent[i] >= 0 ? children[parent[i]] : roots).push(i);
  const { order, size, pos } = forestPreorder(children, roots);
  // The tree (its root's index in roots) of every measure: its root's subtree in preorder.
  const treeOf = new Int32Array(n);
  roots.forEach((r, k) => {
    for (let p = pos[r]; p < pos[r] + size[pos[r]]; p++) treeOf[order[p]] = k;
  });
  const sizeOf = (k: number) => size[pos[roots[k]]];
  // Groups: a measure with two or more open prerequisites joins its tree with the trees of all it
  // presupposes (what its case forces); the cases are taken group by group, independent of the others.
  const link = roots.map((_, k) => k);
  const find = (k: number): number => (link[k] === k ? k : (link[k] = find(link[k])));
  for (const i of multi) for (const w of closure(i)) if (!fixed.has(w)) link[find(treeOf[w])] = find(treeOf[i]);
  type Group = { trees: number[]; links: [number, number][]; nodes: number[]; asked: number[]; plan?: GroupPlan };
  const groupOf = new Map<number, Group>();
  const group = (k: number) => {
    const r = find(k);
    let gr = groupOf.get(r);
    if (!gr) groupOf.set(r, (gr = { trees: [], links: [], nodes: [], asked: [] }));
    return gr;
  };
  roots.forEach((_, k) => group(k).trees.push(k));
  for (let i = 0; i < n; i++) group(treeOf[i]).nodes.push(i);
  for (const l of links) group(treeOf[l[0]]).links.push(l);
  for (const j of todo) group(treeOf[j]).asked.push(j);
  const groups = [...groupOf.values()];
  const askedGroups = groups.filter((gr) => gr.asked.length > 0);
  /** A group's work per unit for measures `js` of it: its trees' halving, then a pass of a tree per measure. */
  const groupWork = (gr: Group, js: number[]): number => {
    const trees = new Set(js.map((j) => treeOf[j]));
    if (trees.size === 0) return 0;
    return gr.plan!.cost * (Math.ceil(Math.log2(trees.size)) + 1) + js.reduce((a, j) => a + sizeOf(treeOf[j]) * gr.plan!.rows, 0);
  };
  let largest = 0;
  let held = 0;
  let all = 0;
  for (const gr of groups) {
    gr.plan = planGroup(gr.trees, gr.links, treeOf, sizeOf, Math.min(units + 1, Math.floor(upTo / unit) + 1));
    for (const k of gr.trees) largest = Math.max(largest, sizeOf(k));
    held = Math.max(held, gr.plan.rows);
    all += gr.plan.cost;
  }
  const depthAll = Math.ceil(Math.log2(Math.max(1, askedGroups.length)));
  // The tables go up in windows of cost units, each twice the last, as long as some measure asked
  // about is not in within them: a window's work is f and the rest of every group (twice each group),
  // the halving over the groups still asked about and a pass per measure. The work (a whole table,
  // measures × every cost unit, counting as one solve) and the rows held at once are bounded.
  const whole = (n + 1) * (units + 1);
  const budget = Math.min(PROFILE_WORK, maxTables * whole);
  const W = Math.min(units + 1, Math.floor(upTo / unit) + 1, Math.floor(PROFILE_ROWS / (largest + held + 2 * depthAll + 6)));
  // The frames below the current one need every unit up to it.
  const need = Math.min(Math.floor(Math.max(0, from) / unit), units) + 1;
  if (W < need) return null;
  const roundWork = (active: Group[], open: (gr: Group) => number[]): number => {
    const depth = Math.ceil(Math.log2(Math.max(1, active.length)));
    return active.reduce((a, gr) => a + gr.plan!.cost * depth + groupWork(gr, open(gr)), 2 * all);
  };
  if (roundWork(askedGroups, (gr) => gr.asked) * need > budget) return null;
  /** The cells made so far (the work), and the cells a unit the last window took. */
  let cells = 0;
  let lastPer = Infinity;

  const cost = new Int32Array(n);
  const value = new Float64Array(n);
  for (let i = 0; i < n; i++) (cost[i] = forestItems[i].cost / unit), (value[i] = forestItems[i].value);
  const scratch = new Float64Array((largest + 1) * W);
  // The nearest unit at or above the frame's and the nearest below at which j is in, over the cases so far.
  const uFrom = need - 1;
  const uBelow = from > 0 ? Math.min(Math.floor((from - 1) / unit), units) : -1;
  const above = new Map<number, number>(todo.map((j) => [j, Infinity]));
  const below = new Map<number, number>(todo.map((j) => [j, -1]));
  /** The units each measure was read within (absent: not read, left to the solves). */
  const reach = new Map<number, number>();
  const forced = new Uint8Array(n);
  const banned = new Uint8Array(n);
  for (const i of fixed) forced[i] = 1;
  excluded.forEach((_, i) => (banned[i] = 1));

  /** Tree k on top of `rest` (the best of other trees by frame): the best of both by frame, into `out` (with `merge`: the better of that and `out`). */
  const addTree = (k: number, rest: Float64Array, out: Float64Array, merge: boolean) => {
    // The row may stop before W (a group's shorter window): the values below a unit need no more.
    const s = pos[roots[k]];
    cells += size[s] * rest.length;
    if (band === 0) setTop(out, addTreeRows(rest, out, W, scratch, order, size, s, cost, value, banned, forced, merge, topOf(rest), topOf(out)));
    else setTop(out, addTreeRows(rest, out, W, scratch, order, size, s, cost, value, banned, forced, merge, rest.length, out.length, band));
  };
  /** The lowest unit the passes work out (0: all; see bandOf). */
  let band = 0;
  /** A group's first unit read in the split (its measures' g_j), in this window. */
  const firstRead = new Map<Group, number>();
  /**
   * The split's rows for the groups `grs` are read from their first unit read up, once what is added
   * onto them has been (the groups of `grs`, at most): so the row `grs` is given need be right only
   * from that unit less the costs of `grs`. A row made from a row by adding groups one after the other
   * (`other`, or a group's trees), each worked out only from a unit up, is right from that unit plus
   * the costs added (a unit reads units as far below as the cost): so those are worked out from the
   * first unit read less the costs of `grs` and `other` together. That is no lower than where the
   * parent's row is right (its groups are those of `grs` and `other`, its first unit read no higher).
   */
  const bandOf = (grs: Group[], other: Group[]): number => {
    let first = Infinity;
    let added = 0;
    for (const gr of grs) first = Math.min(first, firstRead.get(gr) ?? 0);
    for (const gr of [...grs, ...other]) for (const i of gr.nodes) added += cost[i];
    return Math.max(0, first - added);
  };
  /** The flags of a pass: `also` forced besides the fixed measures (a measure asked about with all it presupposes). */
  let also = new Set<number>();
  const flags = {
    reset: (k: number) => {
      const s0 = pos[roots[k]];
      for (let l = 0; l < size[s0]; l++) {
        const i = order[s0 + l];
        forced[i] = fixed.has(i) || also.has(i) ? 1 : 0;
        banned[i] = excluded.has(i) ? 1 : 0;
      }
    },
    force: (i: number) => {
      for (let w = i; w >= 0 && !forced[w]; w = parent[w]) forced[w] = 1;
    },
    ban: (i: number) => void (banned[i] = 1),
    consistent: (k: number) => {
      const s0 = pos[roots[k]];
      for (let l = 0; l < size[s0]; l++) if (forced[order[s0 + l]] && banned[order[s0 + l]]) return false;
      return true;
    },
    add: (k: number, rest: Float64Array, out = rest, merge = false) => addTree(k, rest, out, merge),
  };
  const addGroups = (grs: typeof groups, rest: Float64Array): Float64Array =>
    grs.reduce<Float64Array>((acc, gr) => addGroupPlan(gr.plan!, acc, flags, true), copyRow(rest));
  let consistent = true;
  /** g_j of the measures in the groups given `rest`, the best of every other group: halves, each with the other added. */
  const split = (grs: typeof groups, rest: Float64Array) => {
    if (grs.length > 1) {
      const mid = grs.length >> 1;
      for (const [part, other] of [
        [grs.slice(0, mid), grs.slice(mid)],
        [grs.slice(mid), grs.slice(0, mid)],
      ]) {
        band = bandOf(part, other);
        split(part, addGroups(other, rest));
      }
      return;
    }
    band = bandOf(grs, []);
    const gr = grs[0];
    const inGroup = new Set(gr.nodes);
    const w = rest.length;
    const byTree = new Map<number, number[]>();
    for (const j of gr.asked) {
      if (above.get(j) !== Infinity || skip.has(j)) continue;
      // What j presupposes is in its group or fixed (see above); anything else would be a mistake here: the solves decide.
      if ([...closure(j)].some((w) => !inGroup.has(w) && !fixed.has(w))) consistent = false;
      byTree.set(treeOf[j], [...(byTree.get(treeOf[j]) ?? []), j]);
    }
    // Each tree of the group with the group's others in (their links' ends carried), then one pass
    // of the tree per measure asked about, j forced with all above it (what it presupposes
    // elsewhere is forced by the links' statuses).
    const start: States = { carried: [], rows: new Map([[0, rest]]) };
    const asked = gr.plan!.order.filter((k) => byTree.has(k));
    splitTrees(asked, carryOthers(gr, asked, start), new Set(gr.trees.filter((k) => !byTree.has(k))), gr.links, treeOf, flags, (k, st, done) => {
      for (const j of byTree.get(k)!) {
        also = new Set([j, ...closure(j)]);
        const row = bestOfStates(addTreeStates(k, st, done, gr.links, treeOf, flags), w);
        also = new Set();
        // j is in at u iff g_j(u) ≥ f(u) − ε: the nearest units.
        const inAt = (u: number) => row[u] !== -Infinity && row[u] >= f[u] - SCORE_EPS;
        // The units below the last window's end are known to be out (the first window: from the frame's).
        const end = Math.min(above.get(j)!, w);
        for (let u = Math.max(uFrom, reach.get(j) ?? 0); u < end; u++) if (inAt(u)) (above.set(j, u), (u = end));
        if (withBelow && !reach.has(j)) for (let u = uBelow, stop = below.get(j)!; u > stop; u--) if (inAt(u)) (below.set(j, u), (u = stop));
        reach.set(j, w);
      }
    });
  };
  /** The group's trees without measures asked about, added onto `st` first (in the plan's order). */
  const carryOthers = (gr: Group, asked: number[], st: States): States => {
    const done = new Set<number>();
    for (const k of gr.plan!.order) if (!asked.includes(k)) (st = addTreeStates(k, st, done, gr.links, treeOf, flags)), done.add(k);
    return st;
  };
  let f: Float64Array = new Float64Array(0);
  /** Rounding in a table's sums (of at most n values each) and in comparing two of them: below this. */
  const slack = SCORE_EPS + 4 * (n + 2) * Number.EPSILON * value.reduce((a, v) => a + Math.abs(v), 0);
  /** Measures another presupposes through a link (see above); with children in the forest, those are all. */
  const linkTarget = new Set(links.map((l) => l[1]));
  /**
   * A measure j nothing presupposes (no children in the forest, no link to it): g_j(u) ≤ f(u − c_j)
   * + v_j, since a selection with j is one without it (still a selection) and j. Where that bound is
   * below f(u) − ε (with the rounding's slack) at every unit the pass would read (the frames below
   * too in the first window, when asked for), j is out at all of them: its pass is not made (`skip`).
   */
  let skip = new Set<number>();
  /** The passes left out so (for the tests). */
  let bounded = 0;
  const outByBound = (j: number, w: number): boolean => {
    if (children[j].length > 0 || linkTarget.has(j) || fixed.has(j) || excluded.has(j) || above.get(j) !== Infinity) return false;
    const c = cost[j];
    const v = value[j];
    const lo = withBelow && !reach.has(j) ? 0 : Math.max(uFrom, reach.get(j) ?? 0);
    for (let u = Math.max(lo, c); u < w; u++) if (f[u - c] + v >= f[u] - slack) return false;
    reach.set(j, w);
    bounded++;
    return true;
  };
  // Nothing asked about: f alone, as far as the rows held allow (selection-core.ts's floor).
  if (todo.length === 0) {
    const best = addGroups(groups, zeros(Math.min(W, Math.floor(budget / Math.max(1, all)))));
    return { frames: new Map(), tables: Math.ceil(cells / whole), best, unit };
  }
  const first = Math.max(need, Math.floor(budget / 2 / roundWork(askedGroups, (gr) => gr.asked)));
  for (let w = Math.min(W, first), last = 0; w > last; last = w, w = Math.min(W, 4 * w)) {
    const open = (gr: Group) => gr.asked.filter((j) => above.get(j) === Infinity);
    const active = askedGroups.filter((gr) => open(gr).length > 0);
    if (active.length === 0) break;
    // The work a unit as the last window took (fewer measures are left now), or as estimated.
    const per = Math.min(lastPer, roundWork(active, open));
    // The last window within the work left (the first one at least reaches the frame: checked above).
    if (cells + per * w > budget) w = Math.max(last === 0 ? need : 0, Math.floor((budget - cells) / per));
    if (w <= last) break;
    const before = cells;
    const others = groups.filter((gr) => !active.includes(gr));
    // f first (the groups without a measure asked about, the rest of every pass, then the others), then
    // each g_j read off against it; a measure f's bound leaves out (outByBound) needs no g_j.
    const base = addGroups(others, zeros(w));
    f = addGroups(active, base);
    skip = new Set(active.flatMap((gr) => gr.asked.filter((j) => outByBound(j, w))));
    const left = active.filter((gr) => gr.asked.some((j) => above.get(j) === Infinity && !skip.has(j)));
    if (left.length > 0) {
      // Each g_j is read from its first unit not yet known up (`firstRead`), unless the frames below are read too.
      firstRead.clear();
      for (const gr of left) {
        const reads = gr.asked.filter((j) => above.get(j) === Infinity && !skip.has(j));
        const below = withBelow && reads.some((j) => !reach.has(j));
        firstRead.set(gr, below ? 0 : Math.min(...reads.map((j) => Math.max(uFrom, reach.get(j) ?? 0))));
      }
      split(left, addGroups(active.filter((gr) => !left.includes(gr)), base));
      band = 0;
    }
    if (!consistent) return null;
    lastPer = (cells - before) / w;
  }
  const tables = Math.ceil(cells / whole);
  const out = new Map<number, EntryFrames>();
  for (const j of todo) {
    if (!reach.has(j)) continue;
    const a = above.get(j)!;
    const b = below.get(j)!;
    const fr: EntryFrames = { above: a === Infinity ? (reach.get(j) === units + 1 ? null : undefined) : Math.max(from, a * unit) };
    if (withBelow) fr.below = b < 0 ? null : Math.min(from - 1, (b + 1) * unit - 1);
    if (fr.above === undefined) fr.beyond = reach.get(j)! * unit;
    out.set(j, fr);
  }
  return { frames: out, tables, bounded };
}
