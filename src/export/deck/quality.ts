/**
 * Data quality on one slide: the findings counted by severity, then the measures with a finding
 * that changes a rank or a total, as many as fit, the rest counted in a last line.
 */
import { SEVERITY_ORDER } from "../../core/findings";
import { ex } from "../../i18n/export";
import { fitWithMore, rowHeightIn } from "../paginate";
import { qualitySummary } from "../quality";
import type { DeckSlide } from "./context";
import { BODY_PT, CELL_MARGIN, CONTENT_W, FONT, GREY, LEFT, METRICS, RULE, TABLE_BOTTOM, TABLE_TOP } from "./look";
import { bodyCell, headerCell, newSlide, type Cell, type Column } from "./table";

/** The findings table beside the counts: its left edge and width (inches). */
const QUALITY_X = LEFT + 3.0;
const QUALITY_W = CONTENT_W - 3.0;

/**
 * One slide: the findings counted by severity, then the measures with a finding that changes a
 * rank or a total, each with its cells and what it changes; as many as fit, the rest counted in a
 * last line «+N flere under Funn i arbeidsboken».
 */
export const qualitySlide: DeckSlide = {
  kind: "quality",
  add({ pptx, input, lang, notes }) {
    const q = qualitySummary(input.assessment, lang);
    const slide = newSlide(pptx, ex(lang, "deck.quality"), notes);
    const sevColumns: Column[] = [
      { header: ex(lang, "deck.col.severity"), widthIn: 1.7, align: "left" },
      { header: ex(lang, "deck.col.count"), widthIn: 0.9, align: "right" },
    ];
    const sevRowH = rowHeightIn([{ text: "X", widthIn: 2 }], METRICS);
    slide.addTable(
      [
        sevColumns.map(headerCell),
        ...SEVERITY_ORDER.map((s) => [bodyCell(ex(lang, `deck.severity.${s}`), sevColumns[0]), bodyCell(String(q.counts[s]), sevColumns[1])]),
      ],
      {
        x: LEFT,
        y: TABLE_TOP,
        w: 2.6,
        colW: sevColumns.map((c) => c.widthIn),
        rowH: [sevRowH, sevRowH, sevRowH, sevRowH],
        border: { type: "solid", pt: 0.75, color: RULE },
        fontFace: FONT,
        fontSize: BODY_PT,
      }
    );
    const leadH = 0.4;
    slide.addText(ex(lang, q.rows.length ? "deck.qualityLead" : "deck.qualityNone", { count: q.total }), {
      x: QUALITY_X,
      y: TABLE_TOP - 0.06,
      w: QUALITY_W,
      h: leadH,
      fontFace: FONT,
      fontSize: 14,
      color: GREY,
      valign: "top",
      margin: 0,
    });
    if (q.rows.length === 0) return;
    const nameW = 2.8;
    const cellsW = 2.3;
    const columns: Column[] = [
      { header: ex(lang, "deck.col.name"), widthIn: nameW, align: "left" },
      { header: ex(lang, "deck.col.cells"), widthIn: cellsW, align: "left" },
      { header: ex(lang, "deck.col.effect"), widthIn: QUALITY_W - nameW - cellsW, align: "left" },
    ];
    const top = TABLE_TOP + leadH;
    const headerH = rowHeightIn(
      columns.map((c) => ({ text: c.header, widthIn: c.widthIn, bold: true })),
      METRICS
    );
    const heightOf = (texts: string[]) =>
      rowHeightIn(
        texts.map((x, i) => ({ text: x, widthIn: columns[i].widthIn })),
        METRICS
      );
    const rows = q.rows.map((r) => ({
      texts: [r.name, r.cells, r.effects],
      count: r.count,
      h: heightOf([r.name, r.cells, r.effects]),
    }));
    // As many rows as fit above the footer; when some do not, the last line says how many findings are left out.
    const room = TABLE_BOTTOM - top - headerH;
    const more = (n: number) => ex(lang, "deck.qualityMore", { count: n });
    const moreH = rowHeightIn([{ text: more(999), widthIn: QUALITY_W }], METRICS);
    const shown = fitWithMore(
      rows.map((r) => r.h),
      room,
      moreH
    );
    const left = rows.slice(shown).reduce((s, r) => s + r.count, 0);
    const body: Cell[][] = rows.slice(0, shown).map((r) => r.texts.map((x, i) => bodyCell(x, columns[i])));
    const heights = rows.slice(0, shown).map((r) => r.h);
    if (left > 0) {
      body.push([
        {
          text: more(left),
          options: {
            colspan: columns.length,
            italic: true,
            color: GREY,
            fontFace: FONT,
            fontSize: BODY_PT,
            margin: CELL_MARGIN,
          },
        },
      ]);
      heights.push(moreH);
    }
    slide.addTable([columns.map(headerCell), ...body], {
      x: QUALITY_X,
      y: top,
      w: QUALITY_W,
      colW: columns.map((c) => c.widthIn),
      rowH: [headerH, ...heights],
      border: { type: "solid", pt: 0.75, color: RULE },
      fontFace: FONT,
      fontSize: BODY_PT,
    });
  },
};
