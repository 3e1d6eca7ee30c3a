/**
 * addTreeRows (src/core/tree-knapsack.ts) with the unit where its rows stop changing (`top`): the
 * same values, bit for bit, as working out every unit, on random trees and rows, with measures
 * forced, banned or both, into a new row, in place and merged into a row that holds the same trees;
 * and worked out only from a unit up (`start`), from a rest right only from there less the tree's costs.
 */
import { addTreeRows, forestPreorder } from "../../src/core/tree-knapsack";
import { prng } from "../support/grids";

test("rows worked out up to where they stop changing equal rows worked out at every unit on 400 random trees", () => {
  const r = prng(6100);
  const int = (lo: number, hi: number) => lo + Math.floor(r() * (hi - lo + 1));
  let filled = 0;
  let banded = 0;
  for (let seed = 0; seed < 400; seed++) {
    // A forest: the first few measures make the rest row, the last tree is added.
    const n = int(2, 12);
    const children: number[][] = Array.from({ length: n }, () => []);
    const roots: number[] = [];
    const restRoots = int(1, n - 1);
    for (let i = 0; i < n; i++) {
      if (i < restRoots || i === restRoots) roots.push(i);
      else children[int(restRoots, i - 1)].push(i);
    }
    const { order, size, pos } = forestPreorder(children, roots);
    const cost = Int32Array.from({ length: n }, () => int(0, 6));
    const value = Float64Array.from({ length: n }, () => (r() < 0.5 ? int(-2, 6) : r() * 8 - 1) / 3);
    const banned = Uint8Array.from({ length: n }, () => (r() < 0.12 ? 1 : 0));
    const forced = Uint8Array.from({ length: n }, () => (r() < 0.12 ? 1 : 0));
    const w = int(1, 45);
    const scratch = new Float64Array((n + 1) * w);
    // The rest row: the first trees onto zeros, each with its top (the sum of their costs).
    const rest = new Float64Array(w);
    let top = 0;
    for (let k = 0; k < restRoots; k++) top = addTreeRows(rest, rest, w, scratch, order, size, pos[k], cost, value, banned, forced, false, top);
    const whole = new Float64Array(w);
    for (let k = 0; k < restRoots; k++) addTreeRows(whole, whole, w, scratch, order, size, pos[k], cost, value, banned, forced);
    expect({ seed, rest: [...rest] }).toEqual({ seed, rest: [...whole] });
    const s = pos[restRoots];
    // Into a new row, in place, and merged (onto the tree added with other flags).
    const a = new Float64Array(w);
    const b = new Float64Array(w);
    const topA = addTreeRows(rest, a, w, scratch, order, size, s, cost, value, banned, forced, false, top);
    addTreeRows(rest, b, w, scratch, order, size, s, cost, value, banned, forced);
    expect({ seed, row: [...a] }).toEqual({ seed, row: [...b] });
    for (let u = topA; u < w; u++) expect({ seed, u, v: a[u] }).toEqual({ seed, u, v: a[topA] });
    if (topA < w - 1) filled++;
    const inPlace = Float64Array.from(rest);
    addTreeRows(inPlace, inPlace, w, scratch, order, size, s, cost, value, banned, forced, false, top);
    expect({ seed, inPlace: [...inPlace] }).toEqual({ seed, inPlace: [...b] });
    const other = Uint8Array.from(forced, (x, i) => (i >= restRoots && r() < 0.3 ? 1 - x : x));
    const m1 = Float64Array.from(a);
    const m2 = Float64Array.from(b);
    addTreeRows(rest, m1, w, scratch, order, size, s, cost, value, banned, other, true, top, topA);
    addTreeRows(rest, m2, w, scratch, order, size, s, cost, value, banned, other, true);
    expect({ seed, merged: [...m1] }).toEqual({ seed, merged: [...m2] });
    // From a unit up (`start`), onto a rest right only from there less the tree's costs (garbage
    // below, and in the scratch): right from `start` up, into a new row and merged.
    let treeCost = 0;
    for (let l = 0; l < size[s]; l++) treeCost += cost[order[s + l]];
    const start = int(0, w);
    const partial = Float64Array.from(rest, (x, u) => (u < start - treeCost ? r() * 100 - 50 : x));
    scratch.fill(77);
    const c1 = Float64Array.from({ length: w }, () => r() * 9);
    addTreeRows(partial, c1, w, scratch, order, size, s, cost, value, banned, forced, false, w, w, start);
    expect({ seed, start, from: [...c1.subarray(start)] }).toEqual({ seed, start, from: [...b.subarray(start)] });
    const c2 = Float64Array.from(b);
    addTreeRows(partial, c2, w, scratch, order, size, s, cost, value, banned, other, true, w, w, start);
    expect({ seed, start, merged: [...c2.subarray(start)] }).toEqual({ seed, start, merged: [...m2.subarray(start)] });
    if (start > treeCost) banded++;
  }
  expect(filled).toBeGreaterThan(100);
  expect(banded).toBeGreaterThan(50);
});
