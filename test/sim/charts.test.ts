/**
 * Charts in the in-memory workbook: created from a range (a series per column, named by its
 * header), with Office's proxy semantics (a property is readable only after load + sync; a
 * missing chart is a null object); a series over a whole table column follows the table as rows
 * are added and deleted, a series over other cells stays on them, and a deleted table leaves its
 * series on the cells they read last.
 */
import { SimWorkbook } from "../../src/sim/workbook";
import { rejection, sheet } from "./support";

function book(): SimWorkbook {
  return SimWorkbook.fromGrids([
    sheet("Rangering", [
      ["Rang", "Tiltak", "M", "K"],
      [1, "PLL", 9, 6.25],
      [2, "DBEP", 7.5, 4.5],
    ]),
  ]);
}

async function withTable(wb: SimWorkbook): Promise<void> {
  await wb.run(async (ctx) => {
    ctx.workbook.tables.add("Rangering!A1:D3", true).name = "T";
    await ctx.sync();
  });
}

test("add: a series per column named by the header; name, type and series count readable after load", async () => {
  const wb = book();
  await withTable(wb);
  await wb.run(async (ctx) => {
    const ws = ctx.workbook.worksheets.getItem("Rangering");
    const chart = ws.charts.add("BarStacked", ws.getRange("C1:D3"), "Columns");
    chart.name = "Diagram";
    chart.series.getItemAt(0).setXAxisValues(ws.getRange("B2:B3"));
    const count = chart.series.load("count");
    expect(() => chart.chartType).toThrow(/PropertyNotLoaded|not available|load/i);
    chart.load("chartType");
    await ctx.sync();
    expect(chart.chartType).toBe("BarStacked");
    expect(chart.name).toBe("Diagram"); // set on the proxy, so readable
    expect(count.count).toBe(2);
  });
  expect(wb.charts("Rangering")).toEqual([
    {
      name: "Diagram",
      chartType: "BarStacked",
      title: "",
      legend: "Right",
      reversePlotOrder: false,
      position: { start: "", end: "" },
      series: [
        { name: "M", fill: "", values: "Rangering!C2:C3", categories: "Rangering!B2:B3", numbers: [9, 7.5], labels: ["PLL", "DBEP"] },
        { name: "K", fill: "", values: "Rangering!D2:D3", categories: null, numbers: [6.25, 4.5], labels: [] },
      ],
    },
  ]);
});

test("getItemOrNullObject: a null object for a missing chart; getItem rejects the sync", async () => {
  const wb = book();
  await wb.run(async (ctx) => {
    const missing = ctx.workbook.worksheets.getItem("Rangering").charts.getItemOrNullObject("Diagram").load("name");
    await ctx.sync();
    expect(missing.isNullObject).toBe(true);
    expect(() => missing.name).toThrow("The property 'name' is not available");
  });
  const e = await rejection(
    wb.run(async (ctx) => {
      ctx.workbook.worksheets.getItem("Rangering").charts.getItem("Diagram");
      await ctx.sync();
    }),
  );
  expect(e.code).toBe("ItemNotFound");
});

test("a chart type the sim does not draw is refused", async () => {
  const wb = book();
  const e = await rejection(
    wb.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem("Rangering");
      ws.charts.add("Radar", ws.getRange("C1:D3"), "Columns");
      await ctx.sync();
    }),
  );
  expect(e.code).toBe("InvalidArgument");
});

test("a series over a whole table column follows rows added and deleted; one over other cells stays", async () => {
  const wb = book();
  await withTable(wb);
  await wb.run(async (ctx) => {
    const ws = ctx.workbook.worksheets.getItem("Rangering");
    const chart = ws.charts.add("BarStacked", ws.getRange("C1:D3"), "Columns");
    chart.name = "Diagram";
    chart.series.getItemAt(0).setXAxisValues(ws.getRange("B2:B3"));
    chart.series.getItemAt(1).setXAxisValues(ws.getRange("B2:B2"));
    await ctx.sync();
    ctx.workbook.tables.getItem("T").rows.add(undefined, [[3, "Kritisk info", 7, 7.5]]);
    await ctx.sync();
  });
  let [chart] = wb.charts("Rangering");
  expect(chart.series[0]).toMatchObject({ values: "Rangering!C2:C4", categories: "Rangering!B2:B4", numbers: [9, 7.5, 7], labels: ["PLL", "DBEP", "Kritisk info"] });
  expect(chart.series[1]).toMatchObject({ values: "Rangering!D2:D4", categories: "Rangering!B2", labels: ["PLL"] });

  await wb.run(async (ctx) => {
    ctx.workbook.worksheets.getItem("Rangering").getRange("A2:D2").delete("Up");
    await ctx.sync();
  });
  [chart] = wb.charts("Rangering");
  expect(chart.series[0]).toMatchObject({ values: "Rangering!C2:C3", numbers: [7.5, 7], labels: ["DBEP", "Kritisk info"] });
});

test("a deleted table leaves the series on the cells they read last; a deleted chart is gone", async () => {
  const wb = book();
  await withTable(wb);
  await wb.run(async (ctx) => {
    const ws = ctx.workbook.worksheets.getItem("Rangering");
    ws.charts.add("BarStacked", ws.getRange("C1:C3"), "Columns").name = "Diagram";
    await ctx.sync();
    ctx.workbook.tables.getItem("T").convertToRange();
    await ctx.sync();
  });
  expect(wb.charts("Rangering")[0].series[0]).toMatchObject({ values: "Rangering!C2:C3", numbers: [9, 7.5] });
  await wb.run(async (ctx) => {
    ctx.workbook.worksheets.getItem("Rangering").charts.getItem("Diagram").delete();
    await ctx.sync();
  });
  expect(wb.charts("Rangering")).toEqual([]);
});
