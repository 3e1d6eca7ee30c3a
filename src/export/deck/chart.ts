/**
 * The score as stacked group contributions in rank order, every bar labelled: as many bars a slide
 * as have room for their label's lines.
 */
import { groupContributions } from "../../core/contributions";
import { totalMax, type Model } from "../../core/model";
import { formatShort } from "../../i18n";
import { ex } from "../../i18n/export";
import { formatList } from "../../i18n/format";
import { LINE_HEIGHT, textWidthPt, wrapLines } from "../paginate";
import type { ExportRow } from "../rows";
import { CHART_NAME_MAX, chartName } from "../short-name";
import type { DeckSlide } from "./context";
import { BODY_PT, CONTENT_W, FONT, GROUP_COLOURS, LEFT, TABLE_BOTTOM, TABLE_TOP } from "./look";
import { newSlide, pagedHeading } from "./table";

/** How much each top-level group adds to the total (core/contributions.ts, shared with the Rangering chart). */
export function contributions(model: Model, values: Record<string, number | null>): number[] {
  return groupContributions(model, values);
}

export { CHART_NAME_MAX, chartName };

/** The chart's geometry (inches): the legend on top, the category labels in a band at the left, the value axis below. */
const CHART = {
  legendIn: 0.45,
  axisIn: 0.4,
  labelGapIn: 0.15,
  labelMaxFraction: 0.45,
  minBarIn: 0.3,
} as const;

export interface ChartPage {
  rows: ExportRow[];
  labels: string[];
  /** The width of the label band (inches) and the lines each label takes there. */
  labelIn: number;
  lines: number[];
}

/**
 * The bars per chart slide, so that every bar is labelled: each label is drawn (frequency 1) in a
 * band wide enough for the longest label up to 45 % of the chart, and a slide takes only as many
 * bars as have room for their label's lines (a label that wraps to two lines needs two lines of
 * height per bar, so fewer bars fit).
 */
export function chartPages(rows: ExportRow[]): ChartPage[] {
  // The row's name (unique in the list) when it fits; a longer one shortened (short-name.ts).
  const labels = rows.map((r) => `${r.rank}  ${[...r.name].length <= CHART_NAME_MAX ? r.name : chartName(r.measure)}`);
  const widest = Math.max(0, ...labels.map((l) => textWidthPt(l, BODY_PT))) / 72;
  const labelIn = Math.min(CONTENT_W * CHART.labelMaxFraction, widest + 0.1);
  const lines = labels.map((l) => wrapLines(l, labelIn * 72, BODY_PT).length);
  const plotIn = TABLE_BOTTOM - TABLE_TOP - CHART.legendIn - CHART.axisIn;
  const barIn = (n: number) => Math.max(CHART.minBarIn, (n * BODY_PT * LINE_HEIGHT) / 72 + 0.06);
  const pages: ChartPage[] = [];
  let start = 0;
  while (start < rows.length) {
    // All bars of a chart get the same band: the page ends before the tallest label would not fit.
    let end = start + 1;
    let tallest = lines[start];
    while (end < rows.length && (end + 1 - start) * barIn(Math.max(tallest, lines[end])) <= plotIn + 1e-9) tallest = Math.max(tallest, lines[end++]);
    pages.push({
      rows: rows.slice(start, end),
      labels: labels.slice(start, end),
      labelIn,
      lines: lines.slice(start, end),
    });
    start = end;
  }
  return pages;
}

export const chartSlide: DeckSlide = {
  kind: "chart",
  add({ pptx, table: t, input, lang, notes }) {
    if (t.ranked.length === 0) return;
    const model = input.assessment.model;
    const pages = chartPages(t.ranked);
    const max = totalMax(model);
    pages.forEach((page, p) => {
      const heading = pagedHeading(lang, ex(lang, "deck.chart"), p, pages.length);
      const slide = newSlide(pptx, heading, notes, ex(lang, "deck.chartLead"));
      const contrib = page.rows.map((r) => contributions(model, r.measure.values));
      const data = model.criteria.map((g, gi) => ({
        name: g.label[lang],
        labels: page.labels,
        values: contrib.map((c) => round3(c[gi])),
      }));
      const tallest = Math.max(...page.lines);
      const bar = Math.max(CHART.minBarIn, (tallest * BODY_PT * LINE_HEIGHT) / 72 + 0.06);
      const plot = page.rows.length * bar;
      const height = CHART.legendIn + plot + CHART.axisIn;
      const first = page.rows[0];
      const last = page.rows[page.rows.length - 1];
      slide.addChart(pptx.ChartType.bar, data, {
        altText: ex(lang, "deck.chartAlt", {
          max: formatShort(lang, niceMax(max)),
          from: first.rank,
          to: last.rank,
          groups: formatList(
            lang,
            model.criteria.map((g) => g.label[lang])
          ),
          first: first.name,
          firstScore: first.score,
          last: last.name,
          lastScore: last.score,
        }),
        x: LEFT,
        y: TABLE_TOP,
        w: CONTENT_W,
        h: height,
        barDir: "bar",
        barGrouping: "stacked",
        barGapWidthPct: 45,
        // Rank 1 at the top. pptxgenjs writes the value as given; its type only lists "minMax".
        catAxisOrientation: "maxMin" as "minMax",
        // Every bar's label, never every other one (c:tickLblSkip 1).
        catAxisLabelFrequency: "1",
        catAxisLabelFontFace: FONT,
        catAxisLabelFontSize: BODY_PT,
        catAxisLabelColor: "1A1A1A",
        valAxisLabelFontFace: FONT,
        valAxisLabelFontSize: BODY_PT,
        valAxisMinVal: 0,
        valAxisMaxVal: niceMax(max),
        valAxisLabelFormatCode: "0",
        valGridLine: { color: "D9D9D9", style: "solid", size: 0.5 },
        chartColors: model.criteria.map((_, i) => GROUP_COLOURS[i % GROUP_COLOURS.length]),
        showLegend: true,
        legendPos: "t",
        legendFontFace: FONT,
        legendFontSize: BODY_PT,
        showValue: false,
      });
    });
  },
};

const round3 = (v: number) => Math.round(v * 1000) / 1000;

function niceMax(max: number): number {
  if (!(max > 0)) return 1;
  const step = max <= 10 ? 1 : max <= 50 ? 5 : 10 ** Math.floor(Math.log10(max));
  return Math.ceil(max / step) * step;
}
