/**
 * Bounds on the best total at every frame at once, without a solve, for the entry budgets
 * (selection-entry.ts): a ceiling from the forest relaxation (src/core/tree-knapsack.ts: each measure
 * keeps one prerequisite, segment limits dropped) and a floor from its selections repaired to honour
 * every rule; exact when the forest is the whole truth, or when few measures presuppose two or more
 * (then the best over their subsets).
 */
import { closureOf, SCORE_EPS, sum, type Prepared } from "./selection-problem";
import { forestKnapsack, knapsackCells, knapsackUnits, type ForestItem } from "./tree-knapsack";
import { rowsHold } from "./selection-rules";

/** Above this many cells (measures × cost units) the entry budgets go without the forest bounds. */
const FOREST_CELLS = 4_000_000;
/** Exact f by subsets of the measures with more than one prerequisite: at most this many of them, and 2^k × cells. */
const EXACT_MULTI = 8;
const EXACT_CELLS = 200_000_000;

/**
 * Bounds on f and on g_j (the best total with j chosen too) at every frame, from the forest
 * relaxation (src/core/tree-knapsack.ts): each measure keeps only its first prerequisite, segment
 * limits are dropped. Its best value is a ceiling (every real selection is a relaxed one); its best
 * selection, repaired to honour every rule (missing prerequisites of a forced measure added, any
 * other measure missing one dropped), is a real selection and so a floor. Where the two meet, f is
 * known without a solve; where g_j's ceiling is below f's floor, j is proven out; where g_j's floor
 * reaches f's ceiling, j is proven in. Exact where the forest is the whole truth (no measure with
 * two prerequisites, no segment limits): then no solve is needed at all.
 */
export class ForestBounds {
  readonly unit: number;
  readonly units: number;
  private readonly items: ForestItem[];
  /** f's floor by unit (running maximum of repaired selections and exact values). */
  private readonly fLow: Float64Array;
  /** f's ceiling by unit (the relaxation, or exact values where known). */
  private readonly fHigh: Float64Array;
  /** True when fLow = fHigh = f at every unit. */
  exactF = false;
  /** The table of the relaxation with a measure (withMeasure), reused. */
  private readonly buffer: Float64Array;
  /** The items with the multipliers of the dropped prerequisites in their values (tighten). */
  private adjusted: ForestItem[];

  static build(pre: Prepared, fixedIn: Set<number>): ForestBounds | null {
    const items: ForestItem[] = pre.items.map((it, i) => ({
      cost: it.cost ?? 0,
      value: it.score ?? 0,
      parent: pre.excluded.has(i) ? -1 : (pre.adj[i][0] ?? -1),
      banned: pre.excluded.has(i),
    }));
    if (items.some((it) => it.cost < 0 || !Number.isInteger(it.cost))) return null;
    if (knapsackCells(items) > FOREST_CELLS) return null;
    return new ForestBounds(pre, fixedIn, items);
  }

  private constructor(
    private readonly pre: Prepared,
    private readonly fixedIn: Set<number>,
    items: ForestItem[],
  ) {
    this.items = items;
    this.adjusted = items;
    ({ unit: this.unit, units: this.units } = knapsackUnits(items));
    this.buffer = new Float64Array((items.length + 1) * (this.units + 1));
    this.fLow = new Float64Array(this.units + 1);
    this.fHigh = new Float64Array(this.units + 1);
    // Exact f when few measures presuppose more than one and no segment is limited: every real
    // selection S is a selection of the forest in which the measures T = S ∩ (those with more than
    // one prerequisite) are chosen with all they presuppose and the others of them are not, and
    // every such forest selection is real; so f is the best over the subsets T.
    const multi = items.map((_, i) => i).filter((i) => pre.adj[i].length > 1 && !pre.excluded.has(i) && !fixedIn.has(i));
    if (pre.limits.length === 0 && pre.rows.length === 0 && multi.length <= EXACT_MULTI && knapsackCells(items) * 2 ** multi.length <= EXACT_CELLS) {
      this.fHigh.fill(-Infinity);
      for (let t = 0; t < 1 << multi.length; t++) {
        const forced = new Set(fixedIn);
        const banned = new Set<number>();
        multi.forEach((i, k) => {
          if (t & (1 << k)) for (const w of [i, ...closureOf([i], pre.adj)]) forced.add(w);
          else banned.add(i);
        });
        const dp = forestKnapsack(
          items.map((it, i) => ({ ...it, banned: it.banned || banned.has(i) })),
          items.map((_, i) => forced.has(i)),
          this.buffer,
        );
        const row = dp.bestRow;
        for (let u = 0; u <= this.units; u++) this.fHigh[u] = Math.max(this.fHigh[u], u < row.length ? row[u] : dp.best(u));
      }
      this.fLow.set(this.fHigh);
      this.exactF = true;
      return;
    }
    // A second floor: the forest without the measures that presuppose more than one (real
    // selections as they stand, segment limits checked by repair).
    const strict = items.some((_, i) => pre.adj[i].length > 1)
      ? forestKnapsack(
          items.map((it, i) => ({ ...it, banned: it.banned || pre.adj[i].length > 1 })),
          items.map((_, i) => fixedIn.has(i)),
        )
      : null;
    const relaxed = forestKnapsack(items, items.map((_, i) => fixedIn.has(i)));
    let low = -Infinity;
    for (let u = 0; u <= this.units; u++) {
      this.fHigh[u] = relaxed.best(u);
      const r = this.repair(relaxed.selection(u), fixedIn, u);
      if (r !== null && r.value > low) low = r.value;
      if (strict && strict.best(u) > low) {
        const t = this.repair(strict.selection(u), fixedIn, u);
        if (t !== null && t.value > low) low = t.value;
      }
      this.fLow[u] = low;
    }
  }

  /** The unit of frame b (every selection's cost is a whole number of units). */
  unitOf(b: number): number {
    return Math.min(Math.floor(b / this.unit), this.units);
  }

  low(u: number): number {
    return this.fLow[u];
  }

  high(u: number): number {
    return this.fHigh[u];
  }

  /** f is `value` on frames [lo, hi] (an optimal selection found there). */
  exact(lo: number, hi: number, value: number): void {
    for (let u = Math.max(0, Math.ceil(lo / this.unit)); u <= this.unitOf(hi); u++) {
      this.fLow[u] = Math.max(this.fLow[u], value);
      this.fHigh[u] = Math.min(this.fHigh[u], value);
    }
    for (let u = this.unitOf(hi) + 1; u <= this.units && this.fLow[u] < value; u++) this.fLow[u] = value;
  }

  /**
   * The relaxation with j (and all it presupposes) chosen: g_j's ceiling by unit, and a selection
   * to repair into a floor. Its table lives in one buffer reused from measure to measure.
   */
  withMeasure(j: number): { forced: Set<number>; high: (u: number) => number; selection: (u: number) => boolean[] | null } {
    const forced = new Set([...this.fixedIn, j, ...closureOf([j], this.pre.adj)]);
    const g = forestKnapsack(
      this.adjusted,
      this.items.map((_, i) => forced.has(i)),
      this.buffer,
    );
    return { forced, high: (u) => g.best(u), selection: (u) => g.selection(u) };
  }

  /**
   * Tightens the ceilings: the relaxation drops every prerequisite but the first, so a measure
   * may be chosen without its second one. With a multiplier μ ≥ 0 for each dropped "i presupposes
   * k", value_i − μ and value_k + μ: a real selection (x_i ≤ x_k) is worth at least as much as
   * before, so the relaxation's best is still a ceiling, for every frame at once. μ is found by
   * subgradient steps at frame b, where `value` is the best total: each step one dynamic program,
   * raising μ where the relaxed selection takes i without k. f's ceiling then takes the lower of
   * the two; the measures' ceilings (withMeasure) use the multipliers.
   */
  tighten(b: number, value: number, iterations = 16): void {
    const { pre } = this;
    const edges: [number, number][] = [];
    pre.adj.forEach((ks, i) => {
      if (!pre.excluded.has(i)) for (const k of ks.slice(1)) edges.push([i, k]);
    });
    if (edges.length === 0) return;
    const u0 = this.unitOf(b);
    const forced = this.items.map((_, i) => this.fixedIn.has(i));
    const mu = new Float64Array(edges.length);
    let best = this.fHigh[u0];
    let bestMu = new Float64Array(edges.length);
    let theta = 1;
    for (let it = 0; it < iterations; it++) {
      const adjusted = this.withMultipliers(edges, mu);
      const dp = forestKnapsack(adjusted, forced, this.buffer);
      const high = dp.best(u0);
      if (high < best) (best = high), (bestMu = mu.slice());
      else theta /= 2;
      const x = dp.selection(u0);
      if (!x) break;
      let norm = 0;
      const g = edges.map(([i, k], e) => {
        const d = (x[k] ? 1 : 0) - (x[i] ? 1 : 0);
        if (mu[e] > 0 || d < 0) norm += d * d;
        return d;
      });
      const gap = high - value;
      if (norm === 0 || gap <= SCORE_EPS) break;
      const step = (theta * gap) / norm;
      edges.forEach((_, e) => (mu[e] = Math.max(0, mu[e] - step * g[e])));
    }
    this.adjusted = this.withMultipliers(edges, bestMu);
    const dp = forestKnapsack(this.adjusted, forced, this.buffer);
    const row = dp.bestRow;
    for (let u = 0; u <= this.units; u++) this.fHigh[u] = Math.min(this.fHigh[u], Math.max(u < row.length ? row[u] : dp.best(u), this.fLow[u]));
  }

  private withMultipliers(edges: [number, number][], mu: Float64Array): ForestItem[] {
    const out = this.items.map((it) => ({ ...it }));
    edges.forEach(([i, k], e) => {
      out[i].value -= mu[e];
      out[k].value += mu[e];
    });
    return out;
  }

  /**
   * A relaxed selection made real within `u` units: a forced measure's missing prerequisites are
   * added (with theirs), any other measure missing one is dropped; null when that breaks the frame,
   * a segment limit or an exclusion.
   */
  repair(sel: boolean[] | null, forced: Set<number>, u: number): { x: boolean[]; value: number } | null {
    if (!sel) return null;
    const { adj, excluded, items } = this.pre;
    const x = sel.slice();
    for (let changed = true; changed; ) {
      changed = false;
      for (let i = 0; i < x.length; i++) {
        if (!x[i]) continue;
        const missing = adj[i].filter((q) => !x[q]);
        if (!missing.length) continue;
        changed = true;
        if (!forced.has(i)) {
          x[i] = false;
          continue;
        }
        for (const w of [...missing, ...closureOf(missing, adj)]) {
          if (excluded.has(w)) return null;
          x[w] = true;
        }
      }
    }
    let cost = 0;
    let value = 0;
    for (let i = 0; i < x.length; i++) if (x[i]) (cost += items[i].cost ?? 0), (value += items[i].score ?? 0);
    if (cost > u * this.unit) return null;
    for (const l of this.pre.limits) if (sum(l.members.filter((i) => x[i]).map((i) => items[i].cost ?? 0)) > l.cap) return null;
    // Either–or groups and quotas (selection-rules.ts): the relaxation drops them, a floor must keep them.
    if (!rowsHold(this.pre.rows, x)) return null;
    return { x, value };
  }
}
