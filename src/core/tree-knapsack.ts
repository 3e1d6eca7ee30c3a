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

/** The forest in preorder: positions, and the size of the subtree at each position. */
function preorder(items: ForestItem[]): { order: number[]; size: number[] } {
  const children: number[][] = items.map(() => []);
  const roots: number[] = [];
  items.forEach((it, i) => (it.parent >= 0 ? children[it.parent].push(i) : roots.push(i)));
  const order: number[] = [];
  const size: number[] = [];
  // Iterative, so a long chain does not overflow the call stack.
  const stack: [number, boolean][] = roots.reverse().map((r) => [r, false]);
  const start = new Map<number, number>();
  while (stack.length) {
    const [v, done] = stack.pop()!;
    if (done) {
      size[start.get(v)!] = order.length - start.get(v)!;
      continue;
    }
    start.set(v, order.length);
    order.push(v);
    stack.push([v, true]);
    for (let k = children[v].length - 1; k >= 0; k--) stack.push([children[v][k], false]);
  }
  return { order, size };
}

export interface ForestKnapsack {
  unit: number;
  units: number;
  /** Best value by capacity in units (0…units); -Infinity where the forced items do not fit. */
  best(u: number): number;
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
