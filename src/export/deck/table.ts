/**
 * A slide with its heading, and tables laid over as many slides as they need: the rows' heights
 * computed from the font's widths (paginate.ts), the header repeated on each slide, and a slide of
 * several numbered «Rangert liste (2 av 3)», so no two slides carry the same title.
 */
import type PptxGenJS from "pptxgenjs";
import type { Lang } from "../../i18n";
import { ex } from "../../i18n/export";
import { paginate, rowHeightIn, textWidthPt, widestWordPt, type CellBox, type PageItem } from "../paginate";
import { BODY_PT, CELL_MARGIN, CONTENT_W, FONT, GREY, HEADING, LEFT, MASTER, METRICS, NAVY, RULE, TABLE_BOTTOM, TABLE_TOP, TITLE } from "./look";

export function newSlide(pptx: PptxGenJS, heading: string, notes: string, sub?: string): PptxGenJS.Slide {
  const slide = pptx.addSlide({ masterName: MASTER });
  slide.addText(heading, { placeholder: TITLE, ...HEADING });
  if (sub)
    slide.addText(sub, {
      x: LEFT,
      y: 0.88,
      w: CONTENT_W,
      h: 0.34,
      fontFace: FONT,
      fontSize: 14,
      color: GREY,
      valign: "middle",
      margin: 0,
    });
  slide.addNotes(notes);
  return slide;
}

/** The heading of slide `page` (0-based) of `pages`: as it is on one slide, numbered «(2 av 3)» on several. */
export function pagedHeading(lang: Lang, heading: string, page: number, pages: number): string {
  return pages <= 1 ? heading : ex(lang, "deck.page", { heading, page: page + 1, pages });
}

export interface Column {
  header: string;
  widthIn: number;
  align: "left" | "right" | "center";
}

export type Cell = PptxGenJS.TableCell;

export const headerCell = (c: Column): Cell => ({
  text: c.header,
  options: {
    bold: true,
    color: "FFFFFF",
    fill: { color: NAVY },
    align: c.align,
    valign: "bottom",
    fontFace: FONT,
    fontSize: BODY_PT,
    margin: CELL_MARGIN,
  },
});

export const bodyCell = (text: string, c: Column, extra: PptxGenJS.TableCellProps = {}): Cell => ({
  text,
  options: {
    align: c.align,
    valign: "top",
    fontFace: FONT,
    fontSize: BODY_PT,
    color: "1A1A1A",
    margin: CELL_MARGIN,
    ...extra,
  },
});

export interface TableRow {
  cells: Cell[];
  boxes: CellBox[];
  keepWithNext?: boolean;
}

/** A row across the whole table: a list's heading (kept with the row after it). */
export function sectionRow(text: string, fill: string, columns: number): TableRow {
  return {
    cells: [
      {
        text,
        options: {
          colspan: columns,
          bold: true,
          color: NAVY,
          fill: { color: fill },
          fontFace: FONT,
          fontSize: BODY_PT,
          margin: CELL_MARGIN,
        },
      },
    ],
    boxes: [{ text, widthIn: CONTENT_W, bold: true }],
    keepWithNext: true,
  };
}

/** Adds the rows over as many slides as they need, the header on each, the headings numbered when there are several. */
export function tableSlides(
  pptx: PptxGenJS,
  heading: string,
  columns: Column[],
  rows: TableRow[],
  notes: string,
  sub: string | undefined,
  lang: Lang,
  firstTop = TABLE_TOP,
  onFirst?: (slide: PptxGenJS.Slide) => void
): void {
  const headerH = rowHeightIn(
    columns.map((c) => ({ text: c.header, widthIn: c.widthIn, bold: true })),
    METRICS
  );
  const heights = rows.map((r) => rowHeightIn(r.boxes, METRICS));
  const items: PageItem[] = rows.map((r, i) => ({
    heightIn: heights[i],
    keepWithNext: r.keepWithNext,
  }));
  const pages = paginate(items, headerH, TABLE_BOTTOM - firstTop, TABLE_BOTTOM - TABLE_TOP);
  pages.forEach((page, p) => {
    const slide = newSlide(pptx, pagedHeading(lang, heading, p, pages.length), notes, sub);
    if (p === 0) onFirst?.(slide);
    const top = p === 0 ? firstTop : TABLE_TOP;
    const body = page.map((i) => rows[i].cells);
    slide.addTable([columns.map(headerCell), ...body], {
      x: LEFT,
      y: top,
      w: columns.reduce((s, c) => s + c.widthIn, 0),
      colW: columns.map((c) => c.widthIn),
      rowH: [headerH, ...page.map((i) => heights[i])],
      border: { type: "solid", pt: 0.75, color: RULE },
      fontFace: FONT,
      fontSize: BODY_PT,
    });
  });
}

/** Room beside the text in a fitted column, so a renderer's rounding never wraps it. */
export const FIT_SLACK = 0.06;

/**
 * A column as wide as its widest value, and its header's widest word (bold): the header may wrap
 * onto more lines, but only between words («Nr. i / segment»), never inside one.
 */
export function fittedWidth(header: string, values: string[], bold = false): number {
  const text = Math.max(widestWordPt(header, BODY_PT, true), ...values.map((v) => textWidthPt(v, BODY_PT, bold)));
  return text / 72 + METRICS.padXIn + FIT_SLACK;
}

/** Its header's whole width on one line (bold), up to `max` inches. */
export function headerWidth(header: string, max: number): number {
  return Math.min(max, textWidthPt(header, BODY_PT, true) / 72 + METRICS.padXIn + FIT_SLACK);
}
