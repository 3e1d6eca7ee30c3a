/**
 * The relaxation the reduction bounds a 0–1 program with (selection-bounds.ts): the program
 * written as max Σ a_i x_i subject to Σ b_i x_i ≤ cap (the "main" row: the frame for a max-value
 * program; the value floor, negated, for a min-cost one), x_i ≤ x_j where i presupposes j, fixed
 * variables and other rows (segment limits, the frame of a min-cost program) — `normal`; the fixed
 * variables and their spreading along "presupposes" — `Reducer`; and the forest that keeps each
 * free measure's first free prerequisite, whose best closure of the weights a − λb (+ multipliers
 * of the dropped prerequisites) is a sum over subtrees — `Forest`.
 */
import type { BinaryProgram } from "./selection-solver";

export interface Normal {
  n: number;
  a: Float64Array;
  b: Float64Array;
  cap: number;
  /** Rows other than the main one: Σ_{members} cost ≤ cap (costs of the program). */
  rows: { members: number[]; cap: number }[];
}

/** The program as max a·x, b·x ≤ cap; null when it has no such form here (staircase, no main row). */
export function normal(p: BinaryProgram): Normal | null {
  if (p.steps && p.steps.length) return null;
  const n = p.n;
  const a = new Float64Array(n);
  const b = new Float64Array(n);
  if (p.sense === "max-value") {
    const main = p.limits[0];
    if (!main || main.members.length !== n) return null;
    for (let i = 0; i < n; i++) (a[i] = p.value[i]), (b[i] = p.cost[i]);
    return { n, a, b, cap: main.cap, rows: p.limits.slice(1) };
  }
  for (let i = 0; i < n; i++) (a[i] = -p.cost[i]), (b[i] = p.minValue === undefined ? 0 : -p.value[i]);
  return { n, a, b, cap: p.minValue === undefined ? 0 : -p.minValue, rows: p.limits };
}

export class Reducer {
  readonly n: number;
  /** -1 free, 0 or 1 fixed. */
  readonly fix: Int8Array;
  readonly req: number[][];
  readonly deps: number[][];

  constructor(
    readonly p: BinaryProgram,
    readonly m: Normal,
  ) {
    this.n = p.n;
    this.fix = new Int8Array(p.n).fill(-1);
    this.req = Array.from({ length: p.n }, () => []);
    this.deps = Array.from({ length: p.n }, () => []);
    for (const [i, j] of p.requires) {
      this.req[i].push(j);
      this.deps[j].push(i);
    }
  }

  /** Sets x_i = v and spreads it along "presupposes"; false on a contradiction. */
  set(i: number, v: 0 | 1): boolean {
    const todo = [i];
    if (this.fix[i] === 1 - v) return false;
    if (this.fix[i] === v) return true;
    this.fix[i] = v;
    while (todo.length) {
      const k = todo.pop()!;
      for (const w of v === 1 ? this.req[k] : this.deps[k]) {
        if (this.fix[w] === 1 - v) return false;
        if (this.fix[w] === -1) {
          this.fix[w] = v;
          todo.push(w);
        }
      }
    }
    return true;
  }

  free(): number[] {
    const out: number[] = [];
    for (let i = 0; i < this.n; i++) if (this.fix[i] === -1) out.push(i);
    return out;
  }

  /** The free variables in an order where every prerequisite comes first; null on a cycle among them. */
  topo(free: number[]): number[] | null {
    const indeg = new Int32Array(this.n);
    for (const i of free) for (const j of this.req[i]) if (this.fix[j] === -1) indeg[i]++;
    const order: number[] = free.filter((i) => indeg[i] === 0);
    for (let k = 0; k < order.length; k++) for (const d of this.deps[order[k]]) if (this.fix[d] === -1 && --indeg[d] === 0) order.push(d);
    return order.length === free.length ? order : null;
  }

  /** Σ of a row over x (costs of the program). */
  rowOk(x: Uint8Array): boolean {
    for (const r of this.m.rows) {
      let s = 0;
      for (const i of r.members) if (x[i]) s += this.p.cost[i];
      if (s > r.cap) return false;
    }
    return true;
  }
}

/** The forest relaxation over the free variables: each keeps its first free prerequisite. */
export class Forest {
  readonly parent: Int32Array;
  /** Prerequisites first. */
  readonly pre: Int32Array;
  /** Children before parents. */
  readonly post: Int32Array;
  readonly down: Float64Array;
  readonly contrib: Float64Array;
  /** The closure of the last eval: taken where its contribution and every ancestor's is positive. */
  readonly taken: Uint8Array;
  /** Prerequisites the forest drops: [i, k], i presupposes k. */
  readonly dropped: [number, number][] = [];
  /** Added to a − λb: the multipliers of the dropped prerequisites (−μ on i, +μ on k). */
  readonly adj: Float64Array;

  constructor(
    private readonly r: Reducer,
    order: number[],
  ) {
    const n = r.n;
    this.parent = new Int32Array(n).fill(-1);
    for (const i of order) {
      const first = r.req[i].find((j) => r.fix[j] === -1);
      this.parent[i] = first ?? -1;
      for (const k of r.req[i]) if (r.fix[k] === -1 && k !== first) this.dropped.push([i, k]);
    }
    this.pre = Int32Array.from(order);
    this.post = Int32Array.from(order).reverse();
    this.down = new Float64Array(n);
    this.contrib = new Float64Array(n);
    this.taken = new Uint8Array(n);
    this.adj = new Float64Array(n);
  }

  /** The best closure of a − λb + adj (free variables only): its value and its Σ b; fills down, contrib, taken. */
  eval(lambda: number): { value: number; weight: number } {
    const { a, b } = this.r.m;
    const { down, contrib, parent, adj, post, pre, taken } = this;
    for (let k = 0; k < post.length; k++) {
      const i = post[k];
      down[i] = a[i] - lambda * b[i] + adj[i];
    }
    // Children come before their parent: each adds its contribution to its parent's.
    let value = 0;
    for (let k = 0; k < post.length; k++) {
      const i = post[k];
      const c = down[i] > 0 ? down[i] : 0;
      contrib[i] = c;
      if (parent[i] >= 0) down[parent[i]] += c;
      else value += c;
    }
    let weight = 0;
    for (let k = 0; k < pre.length; k++) {
      const i = pre[k];
      const p = parent[i];
      const t = contrib[i] > 0 && (p < 0 || taken[p] === 1) ? 1 : 0;
      taken[i] = t;
      if (t) weight += b[i];
    }
    return { value, weight };
  }

  /** A copy of the closure of the last eval. */
  closure(): Uint8Array {
    return this.taken.slice();
  }
}

