/**
 * How tall a table row will be on a slide, and which rows go on which slide. PowerPoint grows a
 * row to fit its text and never shrinks it, so a table that is cut by the slide's edge or squeezed
 * below a readable size is a layout error we must prevent before writing: we wrap each cell's text
 * with the font's character widths (Calibri, which LibreOffice replaces by the metric-compatible
 * Carlito) plus a safety margin, and start a new slide before a row would cross the bottom.
 */

/** Calibri advance widths in thousandths of an em (regular). Characters not listed use `DEFAULT_WIDTH`. */
const WIDTHS: Record<string, number> = {
  " ": 226, a: 479, b: 525, c: 423, d: 525, e: 498, f: 305, g: 471, h: 525, i: 229, j: 239, k: 455, l: 229, m: 799,
  n: 525, o: 527, p: 525, q: 525, r: 349, s: 391, t: 335, u: 525, v: 452, w: 715, x: 433, y: 453, z: 395,
  A: 579, B: 544, C: 533, D: 615, E: 488, F: 459, G: 631, H: 623, I: 252, J: 319, K: 520, L: 420, M: 855, N: 646,
  O: 662, P: 517, Q: 673, R: 543, S: 459, T: 487, U: 642, V: 567, W: 890, X: 519, Y: 487, Z: 468,
  æ: 773, ø: 527, å: 479, Æ: 866, Ø: 662, Å: 579, é: 498, ö: 527, ä: 479, ü: 525,
  ".": 252, ",": 250, ":": 268, ";": 268, "-": 306, "–": 498, "—": 905, "/": 386, "(": 303, ")": 303, "«": 498,
  "»": 498, "'": 221, '"': 401, "=": 498, "+": 498, "!": 326, "?": 463, "&": 682, "%": 715, "_": 498,
};
const DIGIT_WIDTH = 507;
const DEFAULT_WIDTH = 600;
/** Renderers differ in kerning and hinting; wrap as if text were this much wider. */
const SAFETY = 1.08;
/** Bold Calibri is about 4 % wider. */
const BOLD = 1.05;
/** A line's height relative to the font size (Calibri's ascent + descent + gap, rounded up). */
export const LINE_HEIGHT = 1.25;

export function textWidthPt(text: string, sizePt: number, bold = false): number {
  let units = 0;
  for (const ch of text) units += /[0-9]/.test(ch) ? DIGIT_WIDTH : (WIDTHS[ch] ?? DEFAULT_WIDTH);
  return (units / 1000) * sizePt * SAFETY * (bold ? BOLD : 1);
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
