/**
 * Pagination by computed row heights: rows are never split or shrunk; a page takes rows while
 * the header plus the rows fit; a heading row never ends a page. Checked against brute force.
 */
import fc from "fast-check";
import { LINE_HEIGHT, SAFETY, fitWithMore, paginate, rowHeightIn, textWidthPt, widestWordPt, wrapLines, type PageItem } from "../../src/export/paginate";

describe("wrapLines", () => {
  test("a short text is one line; a long one wraps at spaces, never past the width", () => {
    expect(wrapLines("PLL", 100, 12)).toEqual(["PLL"]);
    const text = "Dokumentdeling: Dokumenter utenfor kjernejournal og andre helseaktører/tjenester";
    const lines = wrapLines(text, 150, 12);
    expect(lines.length).toBeGreaterThan(1);
    expect(lines.join(" ")).toBe(text);
    for (const l of lines) expect(textWidthPt(l, 12)).toBeLessThanOrEqual(150);
  });
  test("a word wider than the box is broken by characters", () => {
    const lines = wrapLines("Legemiddelregisteret", 40, 12);
    expect(lines.join("")).toBe("Legemiddelregisteret");
    for (const l of lines) expect(textWidthPt(l, 12)).toBeLessThanOrEqual(40);
  });
  test("bold text is wider", () => {
    expect(textWidthPt("Score", 12, true)).toBeGreaterThan(textWidthPt("Score", 12));
  });
});

test("row height: the tallest cell's lines at 12 pt plus the margins", () => {
  const m = { fontPt: 12, padXIn: 0.16, padYIn: 0.08 };
  const one = rowHeightIn([{ text: "1", widthIn: 1 }], m);
  expect(one).toBeCloseTo((12 * LINE_HEIGHT) / 72 + 0.08, 12);
  const name = "Dokumentdeling: Dokumenter utenfor kjernejournal";
  // 2 in less 0.16 in of margins is 132 pt: the name takes three lines there.
  expect(wrapLines(name, (2 - 0.16) * 72, 12)).toEqual(["Dokumentdeling:", "Dokumenter utenfor", "kjernejournal"]);
  const three = rowHeightIn(
    [
      { text: "1", widthIn: 1 },
      { text: name, widthIn: 2 },
    ],
    m,
  );
  expect(three).toBeCloseTo((3 * 12 * LINE_HEIGHT) / 72 + 0.08, 12);
});

describe("paginate", () => {
  test("fills each page as far as it goes", () => {
    const items = [1, 1, 1, 1, 1].map((h) => ({ heightIn: h }));
    expect(paginate(items, 0.5, 3.5, 2.5)).toEqual([[0, 1, 2], [3, 4]]);
  });
  test("a heading is carried to the next page with the row under it", () => {
    const items: PageItem[] = [{ heightIn: 1 }, { heightIn: 0.5, keepWithNext: true }, { heightIn: 1 }];
    expect(paginate(items, 0, 2, 5)).toEqual([[0], [1, 2]]);
  });
  test("a row taller than a page gets a page of its own", () => {
    expect(paginate([{ heightIn: 1 }, { heightIn: 9 }, { heightIn: 1 }], 0, 5, 5)).toEqual([[0], [1], [2]]);
  });
  test("no rows: one empty page", () => {
    expect(paginate([], 0.3, 5, 5)).toEqual([[]]);
  });

  /** Brute force: the greedy pagination as a plain loop over cumulative heights. */
  function brute(heights: number[], header: number, first: number, next: number): number[][] {
    const pages: number[][] = [[]];
    let room = first - header;
    for (let i = 0; i < heights.length; i++) {
      const page = pages[pages.length - 1];
      const used = page.reduce((s, j) => s + heights[j], 0);
      if (page.length > 0 && used + heights[i] > room + 1e-9) {
        pages.push([i]);
        room = next - header;
      } else page.push(i);
    }
    return pages;
  }

  test("property: every row exactly once, in order; no page over its room unless it holds one row; same as brute force", () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: 40 }), { maxLength: 60 }), fc.integer({ min: 1, max: 5 }), (hs, header) => {
        const heights = hs.map((h) => h / 10);
        const first = 4.5;
        const next = 5.5;
        const pages = paginate(
          heights.map((heightIn) => ({ heightIn })),
          header / 10,
          first,
          next,
        );
        expect(pages.flat()).toEqual(heights.map((_, i) => i));
        pages.forEach((p, k) => {
          const used = header / 10 + p.reduce((s, i) => s + heights[i], 0);
          if (p.length > 1) expect(used).toBeLessThanOrEqual((k === 0 ? first : next) + 1e-9);
        });
        expect(pages).toEqual(brute(heights, header / 10, first, next));
      }),
      { seed: 9, numRuns: 300 },
    );
  });
});

describe("the font's advance widths (Carlito, metric-compatible with Calibri)", () => {
  test("Calibri's widths in thousandths of an em, bold from its own table, and the 1 % safety margin on top", () => {
    // P 516.6 + L 420.4 + L 420.4 = 1357.4 thousandths of an em; at 12 pt, 16.2888 pt.
    expect(textWidthPt("PLL", 12)).toBeCloseTo(16.2888 * SAFETY, 9);
    expect(textWidthPt("Prioriteringsnummer", 12, true)).toBeCloseTo(104.3028 * SAFETY, 9);
    expect(SAFETY).toBe(1.01);
    // A character the tables do not hold counts as a whole em.
    expect(textWidthPt("中", 12)).toBeCloseTo(12 * SAFETY, 9);
  });
  test("the widest word bounds a column that never breaks a word", () => {
    expect(widestWordPt("Nr. i segment", 12, true)).toBeCloseTo(textWidthPt("segment", 12, true), 12);
    expect(wrapLines("Nr. i segment", widestWordPt("Nr. i segment", 12, true), 12, true)).toEqual(["Nr. i", "segment"]);
  });
});

describe("fitWithMore", () => {
  test("all rows when they fit; else as many as fit above a last line that counts the rest", () => {
    expect(fitWithMore([1, 1, 1], 3, 0.5)).toBe(3);
    expect(fitWithMore([1, 1, 1, 1], 3, 0.5)).toBe(2);
    expect(fitWithMore([4], 3, 0.5)).toBe(0);
    expect(fitWithMore([], 3, 0.5)).toBe(0);
  });
  test("property: the same as trying every count (the largest n whose rows, with the last line when some are left, fit)", () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: 20 }), { maxLength: 30 }), fc.integer({ min: 1, max: 60 }), fc.integer({ min: 1, max: 5 }), (hs, room, more) => {
        const sum = (n: number) => hs.slice(0, n).reduce((s, h) => s + h, 0);
        let best = 0;
        for (let n = 0; n <= hs.length; n++) if (sum(n) + (n < hs.length ? more : 0) <= room) best = n;
        expect(fitWithMore(hs, room, more)).toBe(best);
      }),
      { seed: 27, numRuns: 500 },
    );
  });
});
