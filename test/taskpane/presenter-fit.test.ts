// Fitting the projector's top 15: the largest row font that fits, whole names before clamped
// ones, checked against trying every font; and the font range for a window.
import { chooseFit, fontRange, type Clamp } from "../../src/presenter/fit";

/** A monotone layout (a name `nameWidth` em wide in a `column` px column): row 15 ends at `lines(font, clamp) × font × 1.08 + 11` per row, 15 rows under a 90 px header. */
function layout(nameWidth: number, column: number) {
  return (font: number, clamp: Clamp) => {
    const natural = Math.ceil((nameWidth * font) / column);
    const lines = clamp === 0 ? natural : Math.min(natural, clamp);
    return 90 + 15 * (lines * font * 1.08 + 11);
  };
}

function brute(floor: number, max: number, bottom: (f: number, c: Clamp) => number, height: number) {
  for (const clamp of [0, 2, 1] as const) {
    let best: number | null = null;
    // Whole names: the largest font that fits; clamped names: the floor (the most of each name shown).
    for (let f = floor; f <= (clamp === 0 ? max : floor); f++) if (bottom(f, clamp) <= height) best = f;
    if (best !== null) return { font: best, clamp, fits: true };
  }
  return { font: floor, clamp: 1, fits: false };
}

test("the font range at 1280×720 is 22–40 px, scaled for other windows, never below 14 px", () => {
  expect(fontRange(1280, 720)).toEqual({ floor: 22, max: 40 });
  expect(fontRange(1920, 1080)).toEqual({ floor: 33, max: 60 });
  expect(fontRange(1280, 1024)).toEqual({ floor: 22, max: 40 });
  expect(fontRange(640, 360)).toEqual({ floor: 14, max: 20 });
  expect(fontRange(100, 100)).toEqual({ floor: 14, max: 14 });
});

test("short names get the largest font; clamping only when no whole-name font fits, then at the floor", () => {
  // One line at any font (a short name): 15 × (font × 1.08 + 11) + 90 ≤ 720 → font ≤ 28.7.
  expect(chooseFit(22, 40, (f, c) => layout(10, 1000)(f, c) <= 720)).toEqual({ font: 28, clamp: 0, fits: true });
  // Names that take two lines at 22 px and more: whole names do not fit at the floor, two lines do not either, one line does.
  expect(chooseFit(22, 40, (f, c) => layout(60, 1000)(f, c) <= 720)).toEqual({ font: 22, clamp: 1, fits: true });
  // Names that take three lines at the floor, in a taller window: two lines fit, at the floor.
  expect(chooseFit(22, 40, (f, c) => layout(120, 1000)(f, c) <= 1000)).toEqual({ font: 22, clamp: 2, fits: true });
  // A window too small for anything: the floor, one line, and it says it does not fit.
  expect(chooseFit(22, 40, () => false)).toEqual({ font: 22, clamp: 1, fits: false });
});

test("agrees with trying every font, for many name widths and windows", () => {
  let calls = 0;
  for (let width = 1; width <= 200; width += 7)
    for (const height of [500, 620, 720, 900, 1080]) {
      const bottom = layout(width, 900);
      const got = chooseFit(22, 40, (f, c) => {
        calls++;
        return bottom(f, c) <= height;
      });
      expect(got).toEqual(brute(22, 40, bottom, height));
    }
  // A binary search: at most 3 × (1 + ⌈log2 19⌉) layouts per fit, far fewer than 3 × 19.
  expect(calls / (29 * 5)).toBeLessThanOrEqual(18);
});

test("given the last fit, two layouts confirm it when it still holds; otherwise the search finds the same as trying every font", () => {
  for (const [width, prevFont] of [
    [10, 28],
    [10, 30],
    [10, 26],
    [60, 24],
    [120, 22],
  ] as const) {
    const bottom = layout(width, 1000);
    let calls = 0;
    const got = chooseFit(
      22,
      40,
      (f, c) => {
        calls++;
        return bottom(f, c) <= 720;
      },
      { font: prevFont, clamp: 0, fits: true },
    );
    expect(got).toEqual(brute(22, 40, bottom, 720));
    if (got.font === prevFont && got.clamp === 0) expect(calls).toBe(2);
  }
});
