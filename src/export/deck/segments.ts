/** Measures per segment of the checklist: a column chart and the counts as a table. */
import { ex } from "../../i18n/export";
import { formatList } from "../../i18n/format";
import { segmentCounts, segmentName } from "../rows";
import type { DeckSlide } from "./context";
import { BLUE, BODY_PT, FONT, LEFT, RULE, TABLE_TOP } from "./look";
import { bodyCell, headerCell, newSlide, type Column } from "./table";

export const segmentsSlide: DeckSlide = {
  kind: "segments",
  add({ pptx, input, table: t, lang, notes }) {
    if (!t.hasChecklist) return;
    const counts = segmentCounts(input);
    const total = counts.reduce((s, c) => s + c.count, 0);
    const slide = newSlide(pptx, ex(lang, "deck.segments"), notes, ex(lang, "deck.segmentsLead", { count: total }));
    const labels = counts.map((c) => segmentName(lang, c.key));
    slide.addChart(pptx.ChartType.bar, [{ name: ex(lang, "deck.measures"), labels, values: counts.map((c) => c.count) }], {
      altText: ex(lang, "deck.segmentsAlt", {
        counts: formatList(
          lang,
          counts.map((c, i) => `${labels[i]} ${c.count}`)
        ),
      }),
      x: LEFT,
      y: TABLE_TOP,
      w: 7.6,
      h: 5.3,
      barDir: "col",
      barGapWidthPct: 60,
      chartColors: [BLUE],
      catAxisLabelFrequency: "1",
      catAxisLabelFontFace: FONT,
      catAxisLabelFontSize: BODY_PT,
      valAxisLabelFontFace: FONT,
      valAxisLabelFontSize: BODY_PT,
      valAxisMinVal: 0,
      valAxisLabelFormatCode: "0",
      valGridLine: { color: "D9D9D9", style: "solid", size: 0.5 },
      showValue: true,
      dataLabelFontFace: FONT,
      dataLabelFontSize: BODY_PT,
      dataLabelFormatCode: "0",
      showLegend: false,
    });
    const columns: Column[] = [
      { header: ex(lang, "deck.col.segment"), widthIn: 2.6, align: "left" },
      { header: ex(lang, "deck.measures"), widthIn: 1.4, align: "right" },
    ];
    const rows = counts.map((c) => [bodyCell(labels[counts.indexOf(c)], columns[0]), bodyCell(String(c.count), columns[1])]);
    slide.addTable([columns.map(headerCell), ...rows], {
      x: LEFT + 8.2,
      y: TABLE_TOP + 0.3,
      w: 4.0,
      colW: columns.map((c) => c.widthIn),
      border: { type: "solid", pt: 0.75, color: RULE },
      fontFace: FONT,
      fontSize: BODY_PT,
    });
  },
};
