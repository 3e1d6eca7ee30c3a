import fc from "fast-check";
import { clone } from "../../src/sim/clone";

const viaJson = (v: unknown): unknown => (v === undefined ? undefined : JSON.parse(JSON.stringify(v)));

describe("the in-memory Excel's copies", () => {
  test("a grid of plain values is copied row by row: equal, never shared", () => {
    const grid = [["a", 1, true, null], ["", -2.5, false, "x"]];
    const copy = clone(grid);
    expect(copy).toEqual(grid);
    expect(copy).not.toBe(grid);
    expect(copy[0]).not.toBe(grid[0]);
    copy[0][0] = "changed";
    expect(grid[0][0]).toBe("a");
  });

  test("what JSON changes, the copy changes the same way (NaN, Infinity, -0, undefined in a row, dates, nesting)", () => {
    const odd = [[NaN, Infinity, -0, undefined, new Date(Date.UTC(2022, 8, 21))], [{ a: 1 }]];
    expect(clone(odd)).toEqual(viaJson(odd));
    expect(Object.is((clone([[-0]]) as number[][])[0][0], 0)).toBe(true);
    expect(clone({ fill: { color: "#FFFF00" } })).toEqual({ fill: { color: "#FFFF00" } });
    expect(clone(undefined)).toBeUndefined();
    expect(clone(null)).toBeNull();
    expect(clone("text")).toBe("text");
    expect(clone(Infinity)).toBeNull();
    expect(clone(NaN)).toBeNull();
    expect(Object.is(clone(-0), 0)).toBe(true);
  });

  test("for any JSON-like value the copy equals a trip through JSON", () => {
    const cell = fc.oneof(fc.string(), fc.double(), fc.boolean(), fc.constant(null), fc.constant(undefined), fc.integer());
    const value = fc.oneof(fc.array(fc.array(cell)), fc.array(cell), fc.dictionary(fc.string(), cell), cell);
    fc.assert(fc.property(value, (v) => expect(clone(v)).toEqual(viaJson(v))), { numRuns: 2000 });
  });
});
