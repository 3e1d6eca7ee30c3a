/**
 * Floors for the reduction (selection-bounds.ts): admissible selections, each as good as can be
 * found cheaply. `floorOf` makes a closure of the relaxation admissible (measures missing a
 * prerequisite dropped), fills it greedily by a/b and empties it of what costs more than it gives;
 * `coreFloor` re-solves the least settled measures by the forest's dynamic program, the others
 * kept, then repairs the same way. Both are checked against every row.
 */
import { solveByForest, subProgram } from "./selection-dp";
import type { Reducer } from "./selection-relax";

/** At most this many measures that presuppose two or more of those left: each doubles the dynamic program's work. */
const FLOOR_MULTI = 1;

/** Floor: the closure made admissible, filled and trimmed greedily; null when it breaks a row. */
export function floorOf(r: Reducer, order: number[], start: Uint8Array, capFree: number): { x: Uint8Array; value: number } | null {
  const { a, b } = r.m;
  const x = new Uint8Array(r.n);
  for (let i = 0; i < r.n; i++) if (r.fix[i] === 1) x[i] = 1;
  for (const i of order) if (start[i] && r.req[i].every((j) => x[j] === 1)) x[i] = 1;
  let load = 0;
  for (const i of order) if (x[i]) load += b[i];
  const available = (i: number) => !x[i] && r.req[i].every((j) => x[j] === 1);
  const chosenDeps = (i: number) => r.deps[i].some((d) => x[d] === 1);
  for (let pass = 0; pass < 64; pass++) {
    let changed = false;
    if (load > capFree) {
      // Over the main row: add what lowers it most for what it costs in a.
      const cands = order.filter((i) => available(i) && b[i] < 0).sort((i, j) => a[j] / -b[j] - a[i] / -b[i]);
      for (const i of cands) {
        if (load <= capFree) break;
        x[i] = 1;
        if (!r.rowOk(x)) {
          x[i] = 0;
          continue;
        }
        load += b[i];
        changed = true;
      }
    } else {
      const cands = order.filter((i) => available(i) && a[i] > 0).sort((i, j) => a[j] / Math.max(b[j], 1e-12) - a[i] / Math.max(b[i], 1e-12));
      for (const i of cands) {
        if (load + b[i] > capFree) continue;
        x[i] = 1;
        if (!r.rowOk(x)) {
          x[i] = 0;
          continue;
        }
        load += b[i];
        changed = true;
      }
    }
    // Trim: a measure nothing chosen presupposes, that takes away from a, out while the main row holds.
    const trim = order.filter((i) => x[i] && a[i] < 0 && !chosenDeps(i)).sort((i, j) => a[i] - a[j]);
    for (const i of trim) {
      if (chosenDeps(i) || load - b[i] > capFree) continue;
      x[i] = 0;
      load -= b[i];
      changed = true;
    }
    if (!changed) break;
  }
  if (load > capFree || !r.rowOk(x)) return null;
  let value = 0;
  for (let i = 0; i < r.n; i++) if (x[i]) value += a[i];
  return { x, value };
}

/** How many measures the floor's second try re-solves by the dynamic program (those least settled). */
const CORE = 24;

/**
 * A second floor: the measures least settled by the ceiling (smallest loss when flipped) re-solved
 * by the forest's dynamic program, the others as in `h`; then made admissible and filled.
 */
export function coreFloor(r: Reducer, order: number[], h: Uint8Array, loss: Float64Array, capFree: number): { x: Uint8Array; value: number } | null {
  const core = order.slice().sort((i, j) => loss[i] - loss[j]).slice(0, CORE);
  const inCore = new Uint8Array(r.n);
  for (const i of core) inCore[i] = 1;
  const hf = Int8Array.from(r.fix);
  for (const i of order) if (!inCore[i]) hf[i] = h[i] ? 1 : 0;
  // Keep it admissible: what a measure in presupposes is in, what presupposes one out is out.
  for (const i of order) {
    if (inCore[i] || !h[i]) continue;
    const todo = [i];
    while (todo.length) for (const j of r.req[todo.pop()!]) if (hf[j] === -1) (hf[j] = 1), todo.push(j);
  }
  for (const i of order) {
    if (inCore[i] || h[i]) continue;
    const todo = [i];
    while (todo.length) for (const d of r.deps[todo.pop()!]) if (hf[d] === -1) (hf[d] = 0), todo.push(d);
  }
  // At most one measure that presupposes two or more of those left (each doubles the work of the
  // dynamic program): the others keep their place in h.
  let free = core.filter((i) => hf[i] === -1);
  for (;;) {
    const inFree = new Uint8Array(r.n);
    for (const i of free) inFree[i] = 1;
    const multi = free.filter((i) => r.req[i].filter((j) => inFree[j]).length > 1).sort((i, j) => loss[j] - loss[i]);
    if (multi.length <= FLOOR_MULTI) break;
    for (const i of multi.slice(0, multi.length - FLOOR_MULTI)) {
      const v = h[i] ? 1 : 0;
      hf[i] = v;
      const todo = [i];
      while (todo.length) for (const w of v === 1 ? r.req[todo.pop()!] : r.deps[todo.pop()!]) if (hf[w] === -1) (hf[w] = v), todo.push(w);
    }
    free = free.filter((i) => hf[i] === -1);
  }
  if (free.length === 0) return null;
  const q = subProgram(r.p, hf, free);
  // Only the rows over every measure (a segment row is checked by the repair below).
  q.limits = q.limits.filter((l) => l.members.length === q.n).slice(0, 1);
  const ans = solveByForest(q);
  if (!ans || ans.status !== "optimal") return null;
  const start = new Uint8Array(r.n);
  for (let i = 0; i < r.n; i++) if (hf[i] === 1) start[i] = 1;
  free.forEach((i, k) => (start[i] = ans.x[k] ? 1 : 0));
  return floorOf(r, order, start, capFree);
}

