/**
 * Exact dynamic programming for a 0–1 knapsack whose dependencies form a forest (each measure has at
 * most one parent it presupposes), for every capacity at once. The entry budgets use it as a
 * relaxation of the real program (extra dependencies and segment limits dropped): its best value at
 * a capacity is a ceiling over the real best, and its best selection, once repaired to honour every
 * rule, is a floor (see src/core/selection-forest.ts and entryBudget in selection-entry.ts). Pure; no solver.
 *
 * Costs (whole, ≥ 0) are counted in units of their greatest common divisor, so a capacity B is unit ⌊B / unit⌋.
 * Time and memory: items × (units + 1) cells; `knapsackCells` tells the caller the size beforehand.
 */

const gcd = (a: number, b: number): number => {
  while (b) [a, b] = [b, a % b];
  return a;
};

export interface ForestItem {
  cost: number;
  value: number;
  /** The one parent kept (index), or -1. */
  parent: number;
  /** Never chosen (its descendants neither). */
  banned: boolean;
}

/**
 * The common unit of the costs (1 when all are 0) and the number of units of their sum. Banned
 * items count too, so that the same items with other bans share one scale of capacities.
 */
export function knapsackUnits(items: ForestItem[]): { unit: number; units: number } {
  let unit = 0;
  for (const it of items) unit = gcd(unit, it.cost);
  if (unit === 0) unit = 1;
  let total = 0;
  for (const it of items) total += it.cost / unit;
  return { unit, units: total };
}

export const knapsackCells = (items: ForestItem[]): number => items.length * (knapsackUnits(items).units + 1);

/**
 * A forest in preorder (roots in their order, each measure's children in theirs, each subtree right
 * after its root): `order` the measures by position, `pos` each measure's position, `size[p]` the
 * size of the subtree at position p. Iterative, so a long chain does not overflow the call stack.
 */
export function forestPreorder(children: number[][], roots: number[]): { order: number[]; size: Int32Array; pos: Int32Array } {
  const n = children.length;
  const order: number[] = [];
  const size = new Int32Array(n);
  const pos = new Int32Array(n);
  const stack: [number, boolean][] = [...roots].reverse().map((r) => [r, false]);
  while (stack.length) {
    const [v, done] = stack.pop()!;
    if (done) {
      size[pos[v]] = order.length - pos[v];
      continue;
    }
    pos[v] = order.length;
    order.push(v);
    stack.push([v, true]);
    for (let k = children[v].length - 1; k >= 0; k--) stack.push([children[v][k], false]);
  }
  return { order, size, pos };
}

/** The items' forest in preorder (forestPreorder). */
function preorder(items: ForestItem[]): { order: number[]; size: Int32Array } {
  const children: number[][] = items.map(() => []);
  const roots: number[] = [];
  items.forEach((it, i) => (it.parent >= 0 ? children[it.parent].push(i) : roots.push(i)));
  return forestPreorder(children, roots);
}

export interface ForestKnapsack {
  unit: number;
  units: number;
  /** Best value by capacity in units (0…units); -Infinity where the forced items do not fit. */
  best(u: number): number;
  /** best(0…units) as one row (a view into the table: read it before the buffer is used again). */
  bestRow: Float64Array;
  /** A selection reaching best(u), by item index; null where none fits. */
  selection(u: number): boolean[] | null;
}

/**
 * The best value for every capacity, with `forced` items always chosen. The forced set must hold
 * the kept parent of each forced item (the caller passes closed sets). With `maxUnits`, only the
 * capacities up to it (a larger one reads as maxUnits).
 */
export function forestKnapsack(items: ForestItem[], forced: boolean[], buffer?: Float64Array, maxUnits?: number): ForestKnapsack {
  const all = knapsackUnits(items);
  const unit = all.unit;
  const units = maxUnits === undefined ? all.units : Math.max(0, Math.min(all.units, Math.floor(maxUnits)));
  const { order, size } = preorder(items);
  const n = order.length;
  const W = units + 1;
  // table[p * W + u]: the best value of positions p… within u units. A buffer passed in is reused
  // (the answer reads it, so it must not be shared while the answer is in use).
  const table = buffer && buffer.length >= (n + 1) * W ? buffer : new Float64Array((n + 1) * W);
  table.fill(0, n * W, (n + 1) * W);
  for (let p = n - 1; p >= 0; p--) {
    const i = order[p];
    const it = items[i];
    const c = it.cost / unit;
    const value = it.value;
    const row = p * W;
    const next = (p + 1) * W;
    const skip = (p + size[p]) * W;
    if (it.banned) {
      if (forced[i]) table.fill(-Infinity, row, row + W);
      else table.copyWithin(row, skip, skip + W);
    } else if (forced[i]) {
      const lo = Math.min(c, W);
      table.fill(-Infinity, row, row + lo);
      for (let u = lo; u < W; u++) table[row + u] = table[next + u - c] + value;
    } else {
      const lo = Math.min(c, W);
      table.copyWithin(row, skip, skip + lo);
      for (let u = lo; u < W; u++) {
        const take = table[next + u - c] + value;
        const leave = table[skip + u];
        table[row + u] = take > leave ? take : leave;
      }
    }
  }
  return {
    unit,
    units,
    best: (u) => table[Math.min(Math.max(u, 0), units)],
    bestRow: table.subarray(0, W),
    selection(u0) {
      let u = Math.min(Math.max(u0, 0), units);
      if (table[u] === -Infinity) return null;
      const x = new Array<boolean>(items.length).fill(false);
      for (let p = 0; p < n; ) {
        const i = order[p];
        const it = items[i];
        const c = it.cost / unit;
        const here = table[p * W + u];
        if (!it.banned && c <= u && table[(p + 1) * W + u - c] + it.value === here) {
          x[i] = true;
          u -= c;
          p++;
        } else p += size[p];
      }
      return x;
    },
  };
}

/**
 * The same dynamic program for one capacity bound, solved again and again on one set of items with
 * other values, other bans and other kept parents, without allocating: src/core/draw-selection.ts
 * solves a branch and bound node of every Monte Carlo draw with it. Only capacities 0…cap are
 * tabled (the frame, not the sum of all costs), so a solve costs (free items + 1) × (cap + 1) cells.
 */
export class CappedForest {
  private table = new Float64Array(0);
  private readonly order: Int32Array;
  private readonly size: Int32Array;
  private readonly head: Int32Array;
  private readonly sibling: Int32Array;
  private readonly stack: Int32Array;
  private readonly start: Int32Array;

  constructor(private readonly n: number) {
    this.order = new Int32Array(n);
    this.size = new Int32Array(n);
    this.head = new Int32Array(n + 1);
    this.sibling = new Int32Array(n);
    this.stack = new Int32Array(2 * n + 2);
    this.start = new Int32Array(n);
  }

  /**
   * The best value of the `count` items listed in `items` within `cap` units (costs in units), an
   * item only with its kept parent (`parent[i]`, an index among the listed items, or -1); the chosen
   * items are set to 1 in `out` (the others listed to 0; entries of items not listed are left as
   * they are). Of equally good choices the one without the item is taken. Returns -Infinity (and
   * chooses nothing) when (count + 1) × (cap + 1) exceeds `maxCells`.
   */
  solve(items: Int32Array, count: number, parent: Int32Array, cost: Int32Array, value: Float64Array, cap: number, out: Uint8Array, maxCells: number): number {
    const W = Math.max(0, Math.floor(cap)) + 1;
    const cells = (count + 1) * W;
    if (cells > maxCells) return -Infinity;
    if (this.table.length < cells) this.table = new Float64Array(Math.max(cells, Math.min(maxCells, 2 * this.table.length)));
    const table = this.table;
    const { order, size, head, sibling, stack, start } = this;
    // Children lists (in the order listed), the roots under the slot n.
    const ROOT = this.n;
    head[ROOT] = -1;
    for (let k = 0; k < count; k++) head[items[k]] = -1;
    for (let k = count - 1; k >= 0; k--) {
      const i = items[k];
      const p = parent[i] >= 0 ? parent[i] : ROOT;
      sibling[i] = head[p];
      head[p] = i;
    }
    // Preorder with subtree sizes, iteratively (a long chain does not overflow the call stack).
    let m = 0;
    let top = 0;
    for (let r = head[ROOT]; r >= 0; r = sibling[r]) {
      stack[top++] = r;
      while (top > 0) {
        const v = stack[top - 1];
        if (v >= 0) {
          stack[top - 1] = -v - 1;
          start[v] = m;
          order[m++] = v;
          // Children pushed in reverse, so they come out in their listed order.
          let c = head[v];
          const first = top;
          for (; c >= 0; c = sibling[c]) stack[top++] = c;
          for (let a = first, b = top - 1; a < b; a++, b--) [stack[a], stack[b]] = [stack[b], stack[a]];
        } else {
          const w = -v - 1;
          size[start[w]] = m - start[w];
          top--;
        }
      }
    }
    table.fill(0, count * W, (count + 1) * W);
    for (let p = count - 1; p >= 0; p--) {
      const i = order[p];
      const c = cost[i];
      const val = value[i];
      const row = p * W;
      const next = row + W;
      const skip = (p + size[p]) * W;
      const lo = c < W ? c : W;
      table.copyWithin(row, skip, skip + lo);
      for (let u = lo; u < W; u++) {
        const take = table[next + u - c] + val;
        const leave = table[skip + u];
        table[row + u] = take > leave ? take : leave;
      }
    }
    let u = W - 1;
    for (let k = 0; k < count; k++) out[items[k]] = 0;
    for (let p = 0; p < count; ) {
      const i = order[p];
      const here = table[p * W + u];
      if (table[(p + size[p]) * W + u] === here) p += size[p];
      else {
        out[i] = 1;
        u -= cost[i];
        p++;
      }
    }
    return count > 0 ? table[W - 1] : 0;
  }
}

/**
 * One tree of a forest onto `rest`, the best of the other trees by frame (units 0 … w − 1, w its
 * length): the best of both by frame, into `out` (which may be `rest`), or with `merge` the better
 * of that and what `out` holds already. The tree is the preorder block order[s … s + size[s]) (each
 * measure's subtree follows it); a banned measure is never chosen (nor what is under it), a forced
 * one always, a measure that is both makes every frame impossible. `scratch` holds size[s] rows of
 * `stride` ≥ w (the tree's rows below its root; `rest` is read where it is, the root's row written
 * straight into `out`). The entry tables (selection-profile.ts) and the core's floor
 * (selection-core.ts) add their trees with it.
 *
 * `top`: rest[u] = rest[top] at every u ≥ top (the sum of the costs of what it holds, where every
 * selection fits; rest.length when not known), `outTop` the same of `out` when merging. A row of the
 * tree then stops changing at `top` plus the costs of its measures: each row is worked out up to
 * there and filled with its last value beyond (the same values, sum for sum, as working out every
 * unit). Returns where `out` stops changing.
 *
 * `start`: the root's row is worked out only from that unit up (those below are left as they are,
 * the tree's other rows from as far below as the root's reads them): `out` is then right from
 * `start` up wherever `rest` is right from `start` less the tree's costs up.
 */
export function addTreeRows(
  rest: Float64Array,
  out: Float64Array,
  stride: number,
  scratch: Float64Array,
  order: ArrayLike<number>,
  size: Int32Array,
  s: number,
  cost: Int32Array,
  value: Float64Array,
  banned: Uint8Array,
  forced: Uint8Array,
  merge = false,
  top = rest.length,
  outTop = out.length,
  start = 0,
): number {
  const w = rest.length;
  const len = size[s];
  let lim = top;
  // Row l is read by the rows above it at units as far down as the costs of the measures before it:
  // it is worked out from `start` less those (the root's row from `start`).
  let before = 0;
  for (let l = 0; l < len; l++) before += cost[order[s + l]];
  for (let l = len - 1; l >= 0; l--) {
    const i = order[s + l];
    const c = cost[i];
    const v = value[i];
    lim += c;
    before -= c;
    const from = Math.max(0, start - before);
    // Row l (the root's is `out`), the row after it and the row after its subtree (row len is `rest`).
    const R = l === 0 ? out : scratch;
    const r0 = l === 0 ? 0 : l * stride;
    const N = l + 1 === len ? rest : scratch;
    const n0 = l + 1 === len ? 0 : (l + 1) * stride;
    const sk = l + size[s + l];
    const S = sk === len ? rest : scratch;
    const s0 = sk === len ? 0 : sk * stride;
    const mergeHere = merge && l === 0;
    // Units from … e − 1 worked out, the rest filled with unit e − 1's value.
    const e = Math.min(w, Math.max(from, mergeHere ? Math.max(lim, outTop) : lim) + 1);
    // Units from … lo − 1 cannot take measure i (it costs more), lo … e − 1 can.
    const lo = Math.max(from, Math.min(c, e));
    if (banned[i]) {
      if (forced[i]) {
        if (!mergeHere) R.fill(-Infinity, r0 + from, r0 + e);
      } else if (mergeHere) {
        for (let u = from; u < e; u++) if (S[s0 + u] > R[u]) R[u] = S[s0 + u];
      } else if (R !== S || r0 !== s0) R.set(S.subarray(s0 + from, s0 + e), r0 + from);
    } else if (mergeHere) {
      // Every unit from the top down: a unit reads only units below it (out may be rest only without merge).
      if (forced[i]) {
        for (let u = e - 1; u >= lo; u--) {
          const take = N[n0 + u - c] + v;
          if (take > R[u]) R[u] = take;
        }
      } else {
        for (let u = e - 1; u >= lo; u--) {
          const take = N[n0 + u - c] + v;
          const leave = S[s0 + u];
          const x = take > leave ? take : leave;
          if (x > R[u]) R[u] = x;
        }
        for (let u = from; u < lo; u++) if (S[s0 + u] > R[u]) R[u] = S[s0 + u];
      }
    } else if (forced[i]) {
      // From the top down, so that `out` may be `rest` (a unit reads only units below it).
      for (let u = e - 1; u >= lo; u--) R[r0 + u] = N[n0 + u - c] + v;
      R.fill(-Infinity, r0 + from, r0 + lo);
    } else {
      for (let u = e - 1; u >= lo; u--) {
        const take = N[n0 + u - c] + v;
        const leave = S[s0 + u];
        R[r0 + u] = take > leave ? take : leave;
      }
      if (R !== S || r0 !== s0) R.set(S.subarray(s0 + from, s0 + lo), r0 + from);
    }
    if (e < w) R.fill(R[r0 + e - 1], r0 + e, r0 + w);
    if (l === 0) return mergeHere ? Math.max(lim, outTop) : lim;
  }
  return lim;
}
