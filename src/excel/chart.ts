/**
 * The chart beside the Rangering table: each measure's score as a stacked bar of its groups'
 * weighted contributions (weight × value, core/contributions.ts, the same as the slides' chart), so
 * each bar is as long as the Score, with equal or unequal weights; in the table's order (rank
 * order), rank 1 at the top. Its series are the table's contribution columns (after ID) and its
 * categories the Tiltak column, whole table columns, so Excel keeps the chart on
 * the table as rows come and go: a recompute writes the table and the chart follows without a
 * write of its own. A native Excel chart (ExcelApi 1.7), copyable into PowerPoint as a chart.
 * Made with the layout, or by the first recompute that finds none (a workbook laid out before the
 * chart existed), one with the wrong number of groups, or after the table was rebuilt (its
 * columns changed, e.g. a workbook from before the contribution columns); always queued into the caller's batches
 * (no sync of its own, so a recompute stays at three syncs). The recompute's part on every run
 * (the lookup and what to do) is src/excel/chart-probe.ts; this file is loaded only to make a chart.
 */
import type { Model } from "../core/model";
import { t, type Lang } from "../i18n";
import { columnLetters } from "../core/address";
import { contributionHeader, rankingHeaders } from "../grid/layout";
import { RANKING_CHART } from "./chart-probe";

export { RANKING_CHART };

/** The Rangering table's header row (0-based) and first column, as src/excel/layout.ts writes it. */
const HEADER_ROW = 0;
const FIRST_COL = 0;
const NAME_COL = 1;
const GROUP_COLOURS = ["#1F4E79", "#2E75B6", "#9DC3E6", "#5B9BD5", "#BDD7EE", "#8FAADC"];

/**
 * Queues the chart over a Rangering table that has `bodyRows` rows (1 for a new layout). The
 * source is the contribution columns with their headers, so each series is named by its group.
 */
export function queueRankingChart(sheet: Excel.Worksheet, model: Model, lang: Lang, bodyRows = 1): Excel.Chart {
  const groups = model.criteria.length;
  const headers = rankingHeaders(model);
  const first = groups ? headers.indexOf(contributionHeader(model.criteria[0].label.nb)) : 3;
  const source = sheet.getRangeByIndexes(HEADER_ROW, FIRST_COL + first, bodyRows + 1, Math.max(groups, 1));
  const chart = sheet.charts.add("BarStacked", source, "Columns");
  chart.name = RANKING_CHART;
  chart.title.text = t(lang, "excel.chart.title");
  chart.legend.position = "Top";
  chart.axes.categoryAxis.reversePlotOrder = true;
  const names = sheet.getRangeByIndexes(HEADER_ROW + 1, FIRST_COL + NAME_COL, bodyRows, 1);
  for (let i = 0; i < groups; i++) {
    const series = chart.series.getItemAt(i);
    series.setXAxisValues(names);
    series.format.fill.setSolidColor(GROUP_COLOURS[i % GROUP_COLOURS.length]);
  }
  // Beside the table: from the second column right of it, 9 columns wide and 24 rows tall.
  const left = FIRST_COL + rankingHeaders(model).length + 1;
  chart.setPosition(`${columnLetters(left)}${HEADER_ROW + 2}`, `${columnLetters(left + 8)}${HEADER_ROW + 25}`);
  return chart;
}

/**
 * In the recompute's write batch, when chartWork (src/excel/chart-probe.ts) said «make»: the old
 * chart (if any) goes and a new one is made over the table's current rows.
 */
export function remakeRankingChart(sheet: Excel.Worksheet, found: Excel.Chart, model: Model, lang: Lang, bodyRows: number): void {
  if (!found.isNullObject) found.delete();
  queueRankingChart(sheet, model, lang, Math.max(bodyRows, 1));
}
