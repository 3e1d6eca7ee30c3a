/**
 * How tall a table row will be on a slide, and which rows go on which slide. PowerPoint grows a
 * row to fit its text and never shrinks it, so a table that is cut by the slide's edge or squeezed
 * below a readable size is a layout error we must prevent before writing: we wrap each cell's text
 * with the font's character widths (Calibri, which LibreOffice replaces by the metric-compatible
 * Carlito; src/export/font-widths.ts holds its advance widths) plus a small safety margin, and
 * start a new slide before a row would cross the bottom.
 */
import { BOLD, REGULAR } from "./font-widths";

/** A character the tables do not hold (a CJK ideograph, an emoji): as wide as an em, so never underestimated. */
const DEFAULT_WIDTH = 1000;
/**
 * The advance widths are exact (Carlito's, which are Calibri's); renderers place glyphs on a grid
 * of device units and may round a line's width up by a fraction of a point, so wrap as if text
 * were this much wider. Calibrated by the render test, which compares each row's predicted lines
 * with LibreOffice's (test/export/render.test.ts, «every row has the lines predicted»).
 */
export const SAFETY = 1.01;
/** A line's height relative to the font size (Calibri's ascent + descent + gap is 1.22, rounded up). */
export const LINE_HEIGHT = 1.25;

export function textWidthPt(text: string, sizePt: number, bold = false): number {
  const widths = bold ? BOLD : REGULAR;
  let units = 0;
  for (const ch of text) units += widths[ch] ?? DEFAULT_WIDTH;
  return (units / 1000) * sizePt * SAFETY;
}

/** The widest word of a text (split at spaces and line breaks): a column at least this wide never breaks a word. */
export function widestWordPt(text: string, sizePt: number, bold = false): number {
  return Math.max(0, ...text.split(/\s+/).map((w) => textWidthPt(w, sizePt, bold)));
}

/** The lines a text wraps to in a box `widthPt` wide: greedy by words, a word too long for a line broken by characters. */
export function wrapLines(text: string, widthPt: number, sizePt: number, bold = false): string[] {
  const out: string[] = [];
  for (const paragraph of text.split(/\r?\n/)) {
    let line = "";
    for (const word of paragraph.split(/ +/).filter((w) => w !== "")) {
      const candidate = line === "" ? word : `${line} ${word}`;
      if (textWidthPt(candidate, sizePt, bold) <= widthPt) {
        line = candidate;
        continue;
      }
      if (line !== "") out.push(line);
      line = "";
      let rest = word;
      while (textWidthPt(rest, sizePt, bold) > widthPt) {
        let n = 1;
        while (n < rest.length && textWidthPt(rest.slice(0, n + 1), sizePt, bold) <= widthPt) n++;
        out.push(rest.slice(0, n));
        rest = rest.slice(n);
      }
      line = rest;
    }
    out.push(line);
  }
  return out;
}

export interface CellBox {
  text: string;
  /** Column width in inches. */
  widthIn: number;
  bold?: boolean;
}

export interface RowMetrics {
  fontPt: number;
  /** Cell margins in inches: left+right and top+bottom. */
  padXIn: number;
  padYIn: number;
}

/** The height of a row in inches: the tallest cell's wrapped lines plus the cell margins. */
export function rowHeightIn(cells: CellBox[], m: RowMetrics): number {
  let lines = 1;
  for (const c of cells) {
    const width = Math.max(1, (c.widthIn - m.padXIn) * 72);
    lines = Math.max(lines, wrapLines(c.text, width, m.fontPt, c.bold).length);
  }
  return (lines * m.fontPt * LINE_HEIGHT) / 72 + m.padYIn;
}

export interface PageItem {
  heightIn: number;
  /** A heading row («Minimumsliste»): never the last row of a page. */
  keepWithNext?: boolean;
}

/**
 * Splits rows into pages. Each page holds the repeated header (`headerIn`) and as many rows as fit
 * in `firstIn` (first page) or `nextIn` (the following ones). A row taller than a whole page gets
 * a page of its own (it is never cut; the caller makes such rows impossible by its column widths).
 */
export function paginate(items: PageItem[], headerIn: number, firstIn: number, nextIn: number): number[][] {
  const pages: number[][] = [];
  let page: number[] = [];
  let used = headerIn;
  let room = firstIn;
  const flush = () => {
    pages.push(page);
    page = [];
    used = headerIn;
    room = nextIn;
  };
  for (let i = 0; i < items.length; i++) {
    const h = items[i].heightIn;
    // A heading takes the next row with it, so both must fit.
    const need = items[i].keepWithNext && i + 1 < items.length ? h + items[i + 1].heightIn : h;
    if (page.length > 0 && used + need > room + 1e-9) flush();
    page.push(i);
    used += h;
  }
  if (page.length > 0 || pages.length === 0) pages.push(page);
  return pages;
}

/**
 * How many of the rows (heights in inches, in order) fit in `room` on one page: all of them if
 * they fit; else as many as fit together with a last line of height `moreH` that counts the rest.
 */
export function fitWithMore(heights: number[], room: number, moreH: number): number {
  const total = heights.reduce((s, h) => s + h, 0);
  if (total <= room + 1e-9) return heights.length;
  let used = moreH;
  let n = 0;
  while (n < heights.length && used + heights[n] <= room + 1e-9) used += heights[n++];
  return n;
}
