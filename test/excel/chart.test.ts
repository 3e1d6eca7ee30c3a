/**
 * The chart beside the Rangering table: made once with the layout (no extra sync), its series the
 * table's group columns and its categories the Tiltak column, in rank order with rank 1 on top;
 * after recomputes that add and remove rows it still reads exactly the table's rows, and a
 * recompute writes nothing to it (three syncs, as before).
 */
import { defaultModel } from "../../src/core/model";
import { RANKING_CHART } from "../../src/excel/chart";
import { createLayout } from "../../src/excel/layout";
import { recompute } from "../../src/excel/recompute";
import { SHEETS, TABLES } from "../../src/grid/layout";
import { newStore } from "../../src/grid/store";
import type { SimWorkbook } from "../../src/sim/workbook";
import { emptyWorkbook, generatedRows, hostOf } from "./helpers";

/** The Rangering table's names and group values, row by row, as the cells hold them. */
function tableColumns(wb: SimWorkbook): { names: string[]; groups: (number | null)[][] } {
  const grid = wb.toGrids().find((g) => g.name === SHEETS.ranking)!;
  const n = wb.tableRowCount(TABLES.ranking);
  const rows = grid.rows.slice(1, n + 1);
  const num = (v: unknown) => (typeof v === "number" ? v : null);
  return {
    names: rows.map((r) => String(r?.[1]?.value ?? "")),
    groups: [3, 4, 5].map((c) => rows.map((r) => num(r?.[c]?.value))),
  };
}

async function laidOut(n: number): Promise<SimWorkbook> {
  const wb = emptyWorkbook();
  wb.resetSyncCount();
  const created = await hostOf(wb).run((ctx) => createLayout(ctx, defaultModel(), generatedRows(n), newStore(defaultModel(), n + 1), "nb"));
  expect(created).toEqual({ ok: true });
  expect(wb.syncCount).toBe(2);
  return wb;
}

test("the layout makes one stacked bar chart over the table's group columns, rank 1 on top", async () => {
  const wb = await laidOut(12);
  const [chart] = wb.charts(SHEETS.ranking);
  expect(wb.charts(SHEETS.ranking)).toHaveLength(1);
  expect(chart).toMatchObject({
    name: RANKING_CHART,
    chartType: "BarStacked",
    title: "Score fordelt på grupper, i rangert rekkefølge",
    legend: "Top",
    reversePlotOrder: true,
    position: { start: "O2", end: "W25" },
  });
  expect(chart.series.map((s) => [s.name, s.values, s.categories, s.fill])).toEqual([
    ["Måloppnåelse", "Rangering!D2", "Rangering!B2", "#1F4E79"],
    ["Kostnader", "Rangering!E2", "Rangering!B2", "#2E75B6"],
    ["Nytte", "Rangering!F2", "Rangering!B2", "#9DC3E6"],
  ]);
});

test("recomputes that grow and shrink the table: the chart reads every row of it, and nothing is written to the chart", async () => {
  const wb = await laidOut(12);
  const host = hostOf(wb);
  wb.resetSyncCount();
  const first = await host.run((ctx) => recompute(ctx, "nb"));
  expect(wb.syncCount).toBe(3);
  if (first.kind !== "ready") throw new Error(first.kind);
  let [chart] = wb.charts(SHEETS.ranking);
  let table = tableColumns(wb);
  expect(table.names).toHaveLength(12);
  expect(chart.series.map((s) => s.values)).toEqual(["Rangering!D2:D13", "Rangering!E2:E13", "Rangering!F2:F13"]);
  expect(chart.series[0].labels).toEqual(table.names);
  expect(chart.series.map((s) => s.numbers)).toEqual(table.groups);
  // In rank order: the first bar is rank 1.
  expect(chart.series[0].labels[0]).toBe(first.read.assessment.measures[0].name);

  // Delete five measures from the scoring table (rows 3–7 of Vurdering): the table shrinks, the chart with it.
  await host.run(async (ctx) => {
    ctx.workbook.worksheets.getItem(SHEETS.scoring).getRange("A4:P8").delete("Up");
    await ctx.sync();
  });
  wb.resetSyncCount();
  await host.run((ctx) => recompute(ctx, "nb"));
  expect(wb.syncCount).toBe(3);
  [chart] = wb.charts(SHEETS.ranking);
  table = tableColumns(wb);
  expect(table.names).toHaveLength(7);
  expect(chart.series.map((s) => s.values)).toEqual(["Rangering!D2:D8", "Rangering!E2:E8", "Rangering!F2:F8"]);
  expect(chart.series[1].labels).toEqual(table.names);
  expect(chart.series.map((s) => s.numbers)).toEqual(table.groups);
});

test("a workbook whose layout was made before the chart existed gets it on the next recompute, in the same three syncs; the one after leaves it alone", async () => {
  const wb = await laidOut(5);
  const host = hostOf(wb);
  await host.run(async (ctx) => {
    ctx.workbook.worksheets.getItem(SHEETS.ranking).charts.getItem(RANKING_CHART).delete();
    await ctx.sync();
  });
  expect(wb.charts(SHEETS.ranking)).toEqual([]);
  wb.resetSyncCount();
  await host.run((ctx) => recompute(ctx, "nb"));
  expect(wb.syncCount).toBe(3);
  const charts = wb.charts(SHEETS.ranking);
  expect(charts.map((c) => [c.name, c.series.map((x) => x.values)])).toEqual([[RANKING_CHART, ["Rangering!D2:D6", "Rangering!E2:E6", "Rangering!F2:F6"]]]);
  expect(charts[0].series[2].labels).toEqual(tableColumns(wb).names);
  await host.run((ctx) => recompute(ctx, "nb"));
  expect(wb.charts(SHEETS.ranking)).toEqual(charts);
});

test("a chart under the name with another number of series than the model has groups is made again", async () => {
  const wb = await laidOut(4);
  const host = hostOf(wb);
  await host.run(async (ctx) => {
    const ws = ctx.workbook.worksheets.getItem(SHEETS.ranking);
    ws.charts.getItem(RANKING_CHART).delete();
    ws.charts.add("BarStacked", ws.getRange("D1:E2"), "Columns").name = RANKING_CHART;
    await ctx.sync();
  });
  expect(wb.charts(SHEETS.ranking)[0].series).toHaveLength(2);
  await host.run((ctx) => recompute(ctx, "nb"));
  const charts = wb.charts(SHEETS.ranking);
  expect(charts).toHaveLength(1);
  expect(charts[0].series.map((x) => [x.name, x.values])).toEqual([
    ["Måloppnåelse", "Rangering!D2:D5"],
    ["Kostnader", "Rangering!E2:E5"],
    ["Nytte", "Rangering!F2:F5"],
  ]);
});
