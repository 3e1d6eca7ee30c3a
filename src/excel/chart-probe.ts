/**
 * What the recompute needs of the Rangering chart on every run, kept small because it is in the
 * task pane's first scripts: the lookup queued into the read batch, and what the write batch must
 * do about it. Making the chart (src/excel/chart.ts) is loaded only when there is one to make.
 */
import type { Model } from "../core/model";
import { t, type Lang } from "../i18n";

export const RANKING_CHART = "PrioRangeringDiagram";

/** Queues the chart's lookup into the recompute's read batch (no sync of its own): a null object when absent. */
export function probeRankingChart(sheet: Excel.Worksheet): Excel.Chart {
  return sheet.charts.getItemOrNullObject(RANKING_CHART).load("name, series/count, title/text");
}

/**
 * After the read: «make» when the workbook has no chart (a layout made before the chart existed),
 * when the table is rebuilt in this batch (its columns change: the old chart would read the cells
 * the old table had) or the chart has another number of series than the model has groups;
 * «title» when the chart's title is the add-in's in the other language (the workbook's language
 * changed); else «none»: the chart follows the table by itself. A title someone typed is theirs.
 */
export function chartWork(found: Excel.Chart, model: Model, lang: Lang, rebuilt: boolean): "make" | "title" | "none" {
  if (found.isNullObject || rebuilt || found.series.count !== model.criteria.length) return "make";
  const other: Lang = lang === "nb" ? "en" : "nb";
  return found.title.text === t(other, "excel.chart.title") ? "title" : "none";
}

/** In the write batch: the title in the workbook's language. */
export function retitleRankingChart(found: Excel.Chart, lang: Lang): void {
  found.title.text = t(lang, "excel.chart.title");
}
