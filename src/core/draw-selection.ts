/**
 * The exact selection of one Monte Carlo draw, fast: the minimum list and the plus list of the
 * selection model (src/core/selection-problem.ts) for the draw's scores, with every rule in force
 * (frames, the minimum frame, dependencies, Tas med, Holdes utenfor, segment limits). Costs do not
 * change between draws, only the scores, so the structure is analysed once and each draw is a few
 * dynamic programs over the frame (src/core/tree-knapsack.ts CappedForest), never a heuristic:
 *
 * - Branch and bound on the forest relaxation. A node fixes some measures in (with everything they
 *   presuppose) and some out (with everything that presupposes them). Its relaxation keeps, for
 *   every free measure, one prerequisite that is not fixed in (a measure whose prerequisites are
 *   all fixed in but one is exact) and drops the segment limits; its best value, solved exactly for
 *   the node's frame by the forest DP, is a ceiling over every selection in the node. A relaxed
 *   optimum that honours every rule is the node's optimum. Otherwise the node branches on a broken
 *   rule: a measure chosen without a dropped prerequisite (out, or in with all it presupposes), or a
 *   segment over its limit (one of its chosen measures out, or in).
 * - Nodes are taken best ceiling first; the search stops when the best ceiling left is not above
 *   the best selection found (within 10⁻⁹ score points, far below the selection's SCORE_EPS).
 *   Selections that are real from the start: the previous draws' optima (a few kept), evaluated at
 *   this draw's scores, and every relaxed optimum repaired to honour the rules. A draw much like the
 *   last is settled by its first ceiling.
 * - A bound on the work (nodes, and cells of the tables): a step that reaches it is not solved
 *   here; the caller (src/core/funding.ts) then asks the injected solver (HiGHS), or counts the draw
 *   as not done. Deterministic: counts, not clocks.
 */
import { closureOf, type Prepared } from "./selection-problem";
import { CappedForest } from "./tree-knapsack";

/** A step's optimum is this close to its ceiling: equal. */
const PRUNE = 1e-9;
/** The previous optima kept per step, tried as first selections. */
const POOL = 4;

export interface DrawSelectionLimits {
  /** Branch and bound nodes (each one dynamic program) per step; beyond, the step is not solved here. */
  maxNodes?: number;
  /** Cells of one dynamic program's table; beyond, the step is not solved here. */
  maxCells?: number;
}

const gcd = (a: number, b: number): number => {
  while (b) [a, b] = [b, a % b];
  return a;
};

interface Node {
  fixedIn: Uint8Array;
  fixedOut: Uint8Array;
  /** Ceiling over the node (value of the relaxed optimum). */
  bound: number;
  /** The relaxed optimum (fixed-in measures included). */
  x: Uint8Array;
}

/** Counters of the work done, for the bench and the tests. */
export interface DrawSelectionStats {
  steps: number;
  nodes: number;
  /** Steps settled by the first ceiling (the root's relaxed optimum, or a kept or repaired selection, met it). */
  atRoot: number;
  /** Steps that reached the bound on the work. */
  unsolved: number;
}

export class DrawSelector {
  private readonly n: number;
  private readonly unit: number;
  private readonly costUnits: Int32Array;
  private readonly cost: number[];
  private readonly adj: number[][];
  private readonly dependents: number[][];
  private readonly excluded: Uint8Array;
  private readonly forcedClosure: Uint8Array;
  private readonly limits: { members: number[]; cap: number }[];
  private readonly dp: CappedForest;
  private readonly maxNodes: number;
  private readonly maxCells: number;
  private readonly free: Int32Array;
  private readonly parent: Int32Array;
  private readonly chosen: Uint8Array;
  private readonly pools: Uint8Array[][] = [[], []];
  readonly stats: DrawSelectionStats = { steps: 0, nodes: 0, atRoot: 0, unsolved: 0 };

  /** Null when the forced measures cannot be honoured (prepare found the problem infeasible). */
  static create(pre: Prepared, budget: number, minimum: number | null, limits: DrawSelectionLimits = {}): DrawSelector | null {
    if (pre.infeasible) return null;
    return new DrawSelector(pre, budget, minimum, limits);
  }

  private constructor(
    pre: Prepared,
    private readonly budget: number,
    private readonly minimum: number | null,
    limits: DrawSelectionLimits,
  ) {
    const n = pre.items.length;
    this.n = n;
    this.cost = pre.items.map((it) => it.cost ?? 0);
    let unit = 0;
    pre.items.forEach((_, i) => {
      if (!pre.excluded.has(i)) unit = gcd(unit, this.cost[i]);
    });
    this.unit = unit > 0 ? unit : 1;
    this.costUnits = Int32Array.from(this.cost, (c) => Math.round(c / this.unit));
    this.adj = pre.adj;
    this.dependents = pre.items.map(() => []);
    pre.adj.forEach((js, i) => js.forEach((j) => this.dependents[j].push(i)));
    this.excluded = new Uint8Array(n);
    for (const i of pre.excluded.keys()) this.excluded[i] = 1;
    this.forcedClosure = new Uint8Array(n);
    for (const i of pre.forcedClosure) this.forcedClosure[i] = 1;
    this.limits = pre.limits.map((l) => ({ members: l.members, cap: l.cap }));
    this.dp = new CappedForest(n);
    this.maxNodes = limits.maxNodes ?? 400;
    this.maxCells = limits.maxCells ?? 8_000_000;
    this.free = new Int32Array(n);
    this.parent = new Int32Array(n);
    this.chosen = new Uint8Array(n);
  }

  /**
   * The lists of one draw: for every measure 1 (minimum list), 2 (plus list) or 0 (out), written
   * into `lists`; false when a step reached the bound on the work (then `lists` is not meaningful).
   * `values` are the measures' totals in the draw (0 for a measure without one).
   */
  lists(values: Float64Array, lists: Uint8Array): boolean {
    const first = this.optimum(values, this.minimum ?? this.budget, this.forcedClosure, 0);
    if (!first) return false;
    return this.plusFrom(values, first, lists);
  }

  /** The minimum list of a draw alone (x, or null when not solved here). */
  minimumList(values: Float64Array): Uint8Array | null {
    return this.optimum(values, this.minimum ?? this.budget, this.forcedClosure, 0);
  }

  /** The plus list with the minimum list `min` fixed, into `lists` (1 minimum, 2 plus, 0 out); false when not solved here. */
  plusFrom(values: Float64Array, min: Uint8Array, lists: Uint8Array): boolean {
    if (this.minimum === null) {
      for (let i = 0; i < this.n; i++) lists[i] = min[i];
      return true;
    }
    const all = this.optimum(values, this.budget, min, 1);
    if (!all) return false;
    for (let i = 0; i < this.n; i++) lists[i] = min[i] ? 1 : all[i] ? 2 : 0;
    return true;
  }

  /** What a step solves: the frame and the measures fixed in (closed under "presupposes"). */
  stepOf(min: Uint8Array | null): { frame: number; fixedIn: Set<number> } {
    const fixed = min ?? this.forcedClosure;
    const set = new Set<number>();
    fixed.forEach((v, i) => v && set.add(i));
    return { frame: min ? this.budget : (this.minimum ?? this.budget), fixedIn: set };
  }

  private valueOf(x: Uint8Array, values: Float64Array): number {
    let v = 0;
    for (let i = 0; i < this.n; i++) if (x[i]) v += values[i];
    return v;
  }

  /** True when x honours every rule of the step (frame, fixed, exclusions, dependencies, segment limits). */
  private feasible(x: Uint8Array, frame: number, fixedIn: Uint8Array): boolean {
    let cost = 0;
    for (let i = 0; i < this.n; i++) {
      if (fixedIn[i] && !x[i]) return false;
      if (!x[i]) continue;
      if (this.excluded[i]) return false;
      for (const j of this.adj[i]) if (!x[j]) return false;
      cost += this.cost[i];
    }
    if (cost > frame) return false;
    for (const l of this.limits) {
      let c = 0;
      for (const i of l.members) if (x[i]) c += this.cost[i];
      if (c > l.cap) return false;
    }
    return true;
  }

  /**
   * A relaxed optimum made real: a measure missing a prerequisite leaves (with what presupposes it),
   * and a segment over its limit drops its chosen measures of least score per cost that are not
   * fixed in, until it fits. Null when the fixed measures alone break a rule.
   */
  private repair(x0: Uint8Array, fixedIn: Uint8Array, values: Float64Array): Uint8Array | null {
    const x = x0.slice();
    const drop = (i: number): void => {
      const todo = [i];
      while (todo.length) {
        const v = todo.pop()!;
        if (!x[v]) continue;
        x[v] = 0;
        for (const d of this.dependents[v]) if (x[d]) todo.push(d);
      }
    };
    for (let i = 0; i < this.n; i++) if (x[i] && this.adj[i].some((j) => !x[j])) drop(i);
    const used = (l: { members: number[] }): number => {
      let c = 0;
      for (const i of l.members) if (x[i]) c += this.cost[i];
      return c;
    };
    for (const l of this.limits) {
      if (used(l) <= l.cap) continue;
      const order = l.members.filter((i) => x[i] && !fixedIn[i]).sort((a, b) => values[a] * this.cost[b] - values[b] * this.cost[a] || a - b);
      for (const i of order) {
        if (used(l) <= l.cap) break;
        drop(i);
      }
      if (used(l) > l.cap) return null;
    }
    for (let i = 0; i < this.n; i++) if (fixedIn[i] && !x[i]) return null;
    return x;
  }

  /** The node's relaxation solved: its ceiling and relaxed optimum; null when the node holds no selection. */
  private relax(fixedIn: Uint8Array, fixedOut: Uint8Array, frame: number, values: Float64Array): Node | null {
    const n = this.n;
    let fixedCost = 0;
    let fixedValue = 0;
    for (let i = 0; i < n; i++)
      if (fixedIn[i]) {
        if (fixedOut[i]) return null;
        fixedCost += this.cost[i];
        fixedValue += values[i];
      }
    if (fixedCost > frame) return null;
    for (const l of this.limits) {
      let c = 0;
      for (const i of l.members) if (fixedIn[i]) c += this.cost[i];
      if (c > l.cap) return null;
    }
    const free = this.free;
    const parent = this.parent;
    let count = 0;
    for (let i = 0; i < n; i++) {
      if (fixedIn[i] || fixedOut[i]) continue;
      let p = -1;
      for (const j of this.adj[i])
        if (!fixedIn[j]) {
          p = j;
          break;
        }
      parent[i] = p;
      free[count++] = i;
    }
    const x = new Uint8Array(n);
    const cap = Math.floor((frame - fixedCost) / this.unit);
    const best = this.dp.solve(free, count, parent, this.costUnits, values, cap, x, this.maxCells);
    if (best === -Infinity) return { fixedIn, fixedOut, bound: NaN, x };
    for (let i = 0; i < n; i++) if (fixedIn[i]) x[i] = 1;
    // The sum of the chosen, as the selection's value is counted (not the table's order of additions).
    return { fixedIn, fixedOut, bound: Math.max(best + fixedValue, this.valueOf(x, values)), x };
  }

  /** The first rule the relaxed optimum breaks: [measure, kind]; null when it honours them all. */
  private broken(x: Uint8Array, fixedIn: Uint8Array, values: Float64Array): { branch: number } | null {
    for (let i = 0; i < this.n; i++) {
      if (!x[i] || fixedIn[i]) continue;
      for (const j of this.adj[i]) if (!x[j]) return { branch: i };
    }
    for (const l of this.limits) {
      let c = 0;
      for (const i of l.members) if (x[i]) c += this.cost[i];
      if (c <= l.cap) continue;
      // The chosen free measure of the segment with the least score per cost.
      let pick = -1;
      for (const i of l.members) if (x[i] && !fixedIn[i] && (pick < 0 || values[i] * this.cost[pick] < values[pick] * this.cost[i])) pick = i;
      if (pick >= 0) return { branch: pick };
    }
    return null;
  }

  /** The optimum of a step (frame, fixed-in set), exact; null when the bound on the work is reached. */
  private optimum(values: Float64Array, frame: number, fixedIn0: Uint8Array, poolIndex: 0 | 1): Uint8Array | null {
    this.stats.steps++;
    const n = this.n;
    let best: Uint8Array | null = null;
    let bestValue = -Infinity;
    const offer = (x: Uint8Array | null): void => {
      if (!x) return;
      const v = this.valueOf(x, values);
      if (v > bestValue) {
        best = x;
        bestValue = v;
      }
    };
    const pool = this.pools[poolIndex];
    for (const x of pool) if (this.feasible(x, frame, fixedIn0)) offer(x);
    const root = this.relax(fixedIn0, this.excluded, frame, values);
    if (!root) return null;
    const heap: Node[] = [];
    const push = (node: Node | null): void => {
      if (!node || !(node.bound > bestValue + PRUNE)) return;
      heap.push(node);
      for (let k = heap.length - 1; k > 0; ) {
        const up = (k - 1) >> 1;
        if (heap[up].bound >= heap[k].bound) break;
        [heap[up], heap[k]] = [heap[k], heap[up]];
        k = up;
      }
    };
    const pop = (): Node => {
      const topNode = heap[0];
      const last = heap.pop()!;
      if (heap.length) {
        heap[0] = last;
        for (let k = 0; ; ) {
          const a = 2 * k + 1;
          const b = a + 1;
          let m = k;
          if (a < heap.length && heap[a].bound > heap[m].bound) m = a;
          if (b < heap.length && heap[b].bound > heap[m].bound) m = b;
          if (m === k) break;
          [heap[m], heap[k]] = [heap[k], heap[m]];
          k = m;
        }
      }
      return topNode;
    };
    let nodes = 1;
    if (Number.isNaN(root.bound)) return this.unsolved();
    let atRoot = true;
    const consider = (node: Node): void => {
      if (this.broken(node.x, node.fixedIn, values) === null) offer(node.x);
      else offer(this.repair(node.x, node.fixedIn, values));
      push(node);
    };
    consider(root);
    while (heap.length) {
      const node = pop();
      if (!(node.bound > bestValue + PRUNE)) break;
      const b = this.broken(node.x, node.fixedIn, values);
      // Its relaxed optimum is real and better than the best so far: the best of the node, and of all left.
      if (b === null) {
        offer(node.x);
        break;
      }
      atRoot = false;
      if (nodes + 2 > this.maxNodes) return this.unsolved();
      const i = b.branch;
      // Out: i and everything that presupposes it.
      const out = node.fixedOut.slice();
      const todo = [i];
      while (todo.length) {
        const v = todo.pop()!;
        if (out[v]) continue;
        out[v] = 1;
        for (const d of this.dependents[v]) todo.push(d);
      }
      const inn = node.fixedIn.slice();
      inn[i] = 1;
      for (const w of closureOf([i], this.adj)) inn[w] = 1;
      for (const [fi, fo] of [
        [node.fixedIn, out],
        [inn, node.fixedOut],
      ] as const) {
        nodes++;
        const child = this.relax(fi, fo, frame, values);
        if (child && Number.isNaN(child.bound)) return this.unsolved();
        if (child) consider(child);
      }
    }
    this.stats.nodes += nodes;
    if (best === null) return null;
    if (atRoot) this.stats.atRoot++;
    const x: Uint8Array = best;
    // Keep it for the next draws (most recent first, no duplicates).
    const same = (a: Uint8Array, b: Uint8Array) => {
      for (let k = 0; k < n; k++) if (a[k] !== b[k]) return false;
      return true;
    };
    const at = pool.findIndex((p) => same(p, x));
    if (at >= 0) pool.splice(at, 1);
    pool.unshift(x);
    if (pool.length > POOL) pool.pop();
    return x;
  }

  private unsolved(): null {
    this.stats.unsolved++;
    return null;
  }
}
