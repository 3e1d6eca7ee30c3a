/**
 * The chart beside the Rangering table: made once with the layout (no extra sync), its series the
 * table's contribution columns (weight × group value, after ID) and its categories the Tiltak column, in rank order with rank 1 on top;
 * after recomputes that add and remove rows it still reads exactly the table's rows, and a
 * recompute writes nothing to it (three syncs, as before).
 */
import { fullName } from "../../src/core/full-name";
import { defaultModel } from "../../src/core/model";
import { RANKING_CHART } from "../../src/excel/chart-probe";
import { readXlsx } from "../../src/cli/xlsx";
import { legacyToScoringRows } from "../../src/grid/import";
import { readLegacyWorkbook } from "../../src/grid/legacy";
import { setWorkbookLang } from "../../src/excel/store-actions";
import { createLayout } from "../../src/excel/layout";
import { recompute } from "../../src/excel/recompute";
import { SHEETS, TABLES } from "../../src/grid/layout";
import { newStore } from "../../src/grid/store";
import type { SimWorkbook } from "../../src/sim/workbook";
import { MEETING_XLSX, emptyWorkbook, generatedRows, hostOf } from "./helpers";

/** The Rangering table's names and group contributions (columns M–O), row by row, as the cells hold them. */
function tableColumns(wb: SimWorkbook): { names: string[]; groups: (number | null)[][] } {
  const grid = wb.toGrids().find((g) => g.name === SHEETS.ranking)!;
  const n = wb.tableRowCount(TABLES.ranking);
  const rows = grid.rows.slice(1, n + 1);
  const num = (v: unknown) => (typeof v === "number" ? v : null);
  return {
    names: rows.map((r) => String(r?.[1]?.value ?? "")),
    groups: [12, 13, 14].map((c) => rows.map((r) => num(r?.[c]?.value))),
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

test("the layout makes one stacked bar chart over the table's contribution columns, rank 1 on top", async () => {
  const wb = await laidOut(12);
  const [chart] = wb.charts(SHEETS.ranking);
  expect(wb.charts(SHEETS.ranking)).toHaveLength(1);
  expect(chart).toMatchObject({
    name: RANKING_CHART,
    chartType: "BarStacked",
    title: "Score fordelt på grupper, i rangert rekkefølge",
    legend: "Top",
    reversePlotOrder: true,
    position: { start: "S2", end: "AA25" },
  });
  expect(chart.series.map((s) => [s.name, s.values, s.categories, s.fill])).toEqual([
    ["Måloppnåelse (bidrag)", "Rangering!M2", "Rangering!B2", "#1F4E79"],
    ["Kostnader (bidrag)", "Rangering!N2", "Rangering!B2", "#2E75B6"],
    ["Nytte (bidrag)", "Rangering!O2", "Rangering!B2", "#9DC3E6"],
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
  expect(chart.series.map((s) => s.values)).toEqual(["Rangering!M2:M13", "Rangering!N2:N13", "Rangering!O2:O13"]);
  expect(chart.series[0].labels).toEqual(table.names);
  expect(chart.series.map((s) => s.numbers)).toEqual(table.groups);
  // In rank order: the first bar is rank 1, labelled with its full name (theme: measure).
  expect(chart.series[0].labels[0]).toBe(fullName(first.read.assessment.measures[0]));
  expect(chart.series[0].labels[0]).toBe("Tema 3: Tiltak 3");

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
  expect(chart.series.map((s) => s.values)).toEqual(["Rangering!M2:M8", "Rangering!N2:N8", "Rangering!O2:O8"]);
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
  expect(charts.map((c) => [c.name, c.series.map((x) => x.values)])).toEqual([[RANKING_CHART, ["Rangering!M2:M6", "Rangering!N2:N6", "Rangering!O2:O6"]]]);
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
    ["Måloppnåelse (bidrag)", "Rangering!M2:M5"],
    ["Kostnader (bidrag)", "Rangering!N2:N5"],
    ["Nytte (bidrag)", "Rangering!O2:O5"],
  ]);
});

/** Modell's row (1-based) of a criterion, by its ID in column A. */
function modelRow(wb: SimWorkbook, id: string): number {
  const grid = wb.toGrids().find((g) => g.name === SHEETS.model)!;
  const r = grid.rows.findIndex((row) => row?.[0]?.value === id);
  if (r < 0) throw new Error(id);
  return r + 1;
}

test("with unequal weights each series holds exactly weight × group value, and each stacked bar is the measure's Score; still three syncs", async () => {
  const wb = await laidOut(9);
  const host = hostOf(wb);
  // Vekt is column G of Modell: Måloppnåelse 2, Kostnader 0,5, Nytte 1,5.
  wb.userEdit(SHEETS.model, `G${modelRow(wb, "maal")}`, 2);
  wb.userEdit(SHEETS.model, `G${modelRow(wb, "kost")}`, 0.5);
  wb.userEdit(SHEETS.model, `G${modelRow(wb, "nytte")}`, 1.5);
  wb.resetSyncCount();
  const result = await host.run((ctx) => recompute(ctx, "nb"));
  expect(wb.syncCount).toBe(3);
  if (result.kind !== "ready") throw new Error(result.kind);
  expect(result.read.model.criteria.map((g) => [g.id, g.weight])).toEqual([
    ["maal", 2],
    ["kost", 0.5],
    ["nytte", 1.5],
  ]);
  const [chart] = wb.charts(SHEETS.ranking);
  const measures = result.read.assessment.measures;
  expect(chart.series[0].labels).toEqual(measures.map((m) => fullName(m)));
  const weights = [2, 0.5, 1.5];
  const grid = wb.toGrids().find((g) => g.name === SHEETS.ranking)!;
  measures.forEach((m, i) => {
    // The group values in D–F as the table shows them, the contributions the chart reads.
    const values = [3, 4, 5].map((c) => grid.rows[i + 1]![c]!.value as number);
    expect(values).toEqual(["maal", "kost", "nytte"].map((g) => m.values[g]));
    expect(chart.series.map((s) => s.numbers[i])).toEqual(values.map((v, g) => weights[g] * v));
    const bar = chart.series.reduce((sum, s) => sum + s.numbers[i]!, 0);
    expect(bar).toBe(m.total);
    expect(bar).toBe(grid.rows[i + 1]![2]!.value);
  });
  // Equal weights would have made the bars 2/3 to 1/3 longer or shorter: the bars are not the value sums.
  const i0 = 0;
  const valueSum = [3, 4, 5].reduce((s, c) => s + (grid.rows[i0 + 1]![c]!.value as number), 0);
  expect(chart.series.reduce((s, x) => s + x.numbers[i0]!, 0)).not.toBe(valueSum);
  // A further recompute with nothing changed writes nothing: the chart follows the cells.
  wb.resetCellWrites();
  wb.resetSyncCount();
  await host.run((ctx) => recompute(ctx, "nb"));
  expect(wb.syncCount).toBe(3);
  expect(wb.cellWrites).toBe(0);
});

test("a workbook laid out before the contribution columns: the recompute rebuilds the table with them and makes the chart again over them, in three syncs", async () => {
  const wb = await laidOut(6);
  const host = hostOf(wb);
  await host.run((ctx) => recompute(ctx, "nb"));
  // The old layout: the table ends at ID (L), without the contribution, Utvalg and Endring columns, and the chart reads the group values D–F.
  await host.run(async (ctx) => {
    const ws = ctx.workbook.worksheets.getItem(SHEETS.ranking);
    ws.charts.getItem(RANKING_CHART).delete();
    ws.getRange("M1:Q7").delete("Left");
    const old = ws.charts.add("BarStacked", ws.getRange("D1:F7"), "Columns");
    old.name = RANKING_CHART;
    await ctx.sync();
  });
  expect(wb.tableInfo(TABLES.ranking).address).toBe("A1:L7");
  expect(wb.charts(SHEETS.ranking)[0].series.map((s) => s.values)).toEqual(["Rangering!D2:D7", "Rangering!E2:E7", "Rangering!F2:F7"]);
  wb.resetSyncCount();
  const result = await host.run((ctx) => recompute(ctx, "nb"));
  expect(wb.syncCount).toBe(3);
  if (result.kind !== "ready") throw new Error(result.kind);
  expect(wb.tableInfo(TABLES.ranking).address).toBe("A1:Q7");
  const charts = wb.charts(SHEETS.ranking);
  expect(charts.map((c) => [c.name, c.series.map((s) => [s.name, s.values])])).toEqual([
    [
      RANKING_CHART,
      [
        ["Måloppnåelse (bidrag)", "Rangering!M2:M7"],
        ["Kostnader (bidrag)", "Rangering!N2:N7"],
        ["Nytte (bidrag)", "Rangering!O2:O7"],
      ],
    ],
  ]);
  expect(charts[0].series.map((s) => s.numbers)).toEqual(tableColumns(wb).groups);
  result.read.assessment.measures.forEach((m, i) => expect(charts[0].series.reduce((sum, s) => sum + s.numbers[i]!, 0)).toBe(m.total));
});

test("the meeting imported: every bar label is the full name, so «Spesialisthelsetjenesten» and «Fastleger» are told apart; one label per measure, none twice", async () => {
  const model = defaultModel();
  const { grids } = await readXlsx(MEETING_XLSX);
  const { rows, nextId } = legacyToScoringRows(readLegacyWorkbook(grids, model)!, model);
  const wb = emptyWorkbook();
  const host = hostOf(wb);
  expect(await host.run((ctx) => createLayout(ctx, model, rows, newStore(model, nextId), "nb"))).toEqual({ ok: true });
  wb.resetSyncCount();
  const result = await host.run((ctx) => recompute(ctx, "nb"));
  expect(wb.syncCount).toBe(3);
  if (result.kind !== "ready") throw new Error(result.kind);
  const [chart] = wb.charts(SHEETS.ranking);
  expect(chart.series[0].labels).toEqual([
    "Legemidler: PLL",
    "Dokumentdeling: Spesialisthelsetjenesten",
    "Kritisk info: Spesialisthelsetjenesten",
    "Kritisk info: Fastleger og avtalespesialister",
    "Kritisk info: Kommunal helse- og omsorg",
    "Implementering av DBEP",
    "Dokumentdeling: Legevakt/ØHD",
    "Felles hjelpenummer",
    "DHO: Generiske datadelingstjenester",
    "Dokumentdeling: Fastleger",
    "Dokumentdeling: Andre kommunal helse-omsorg",
    "Kritisk info: Andre helseaktører",
    "Dokumentdeling: Dokumenter utenfor kjernejournal",
    "Dokumentdeling: Andre helseaktører/tjenester",
  ]);
  expect(new Set(chart.series[0].labels).size).toBe(14);
  // The table's Tiltak column is where the labels come from.
  expect(tableColumns(wb).names).toEqual(chart.series[0].labels);
});

test("the chart's title follows the workbook's language when it changes, in the same three syncs; a title someone typed stays", async () => {
  const wb = await laidOut(4);
  const host = hostOf(wb);
  await host.run((ctx) => recompute(ctx, "nb"));
  expect(wb.charts(SHEETS.ranking)[0].title).toBe("Score fordelt på grupper, i rangert rekkefølge");
  // The workbook's language becomes English (the pane's setting writes the store), then the recompute.
  await host.run((ctx) => setWorkbookLang(ctx, "en", "nb"));
  wb.resetSyncCount();
  await host.run((ctx) => recompute(ctx, "nb"));
  expect(wb.syncCount).toBe(3);
  expect(wb.charts(SHEETS.ranking)[0].title).toBe("Score by group, in rank order");
  // Nothing changed: nothing is written, to the cells or the chart.
  wb.resetCellWrites();
  await host.run((ctx) => recompute(ctx, "nb"));
  expect(wb.cellWrites).toBe(0);
  expect(wb.charts(SHEETS.ranking)[0].title).toBe("Score by group, in rank order");
  // A title typed by someone is theirs, whatever the language.
  await host.run(async (ctx) => {
    ctx.workbook.worksheets.getItem(SHEETS.ranking).charts.getItem(RANKING_CHART).title.text = "Rådets rangering";
    await ctx.sync();
  });
  await host.run((ctx) => setWorkbookLang(ctx, "nb", "nb"));
  await host.run((ctx) => recompute(ctx, "nb"));
  expect(wb.charts(SHEETS.ranking)[0].title).toBe("Rådets rangering");
});
