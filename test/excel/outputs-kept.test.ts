/**
 * The add-in's outputs survive changes a person makes: a new or removed top-level group on
 * Modell rebuilds the Rangering table (never loses it), and fills a person set on score cells
 * stay through recomputes, whether or not a finding marks the cell.
 */
import { defaultModel } from "../../src/core/model";
import { fullName } from "../../src/core/full-name";
import { createLayout } from "../../src/excel/layout";
import { recompute } from "../../src/excel/recompute";
import { rankingHeaders, SHEETS, TABLES } from "../../src/grid/layout";
import { newStore } from "../../src/grid/store";
import { emptyWorkbook, generatedRows, valueAt } from "./helpers";

test("adding and removing a top-level group on Modell rebuilds the Rangering table with the new columns", async () => {
  const wb = emptyWorkbook();
  await wb.run((ctx) => createLayout(ctx, defaultModel(), generatedRows(5), newStore(defaultModel(), 6), "nb"));
  await wb.run((ctx) => recompute(ctx, "nb"));
  expect(wb.tableInfo(TABLES.ranking).address).toBe("A1:Q6");
  // maal.behov loses its parent: a fourth top-level group.
  expect(valueAt(wb, SHEETS.model, "A3")).toBe("maal.behov");
  wb.userEdit(SHEETS.model, "B3", "");
  const grown = await wb.run((ctx) => recompute(ctx, "nb"));
  if (grown.kind !== "ready") throw new Error(grown.kind);
  expect(grown.read.model.criteria.map((g) => g.id)).toEqual(["maal", "maal.behov", "kost", "nytte"]);
  expect(wb.tableNames()).toContain(TABLES.ranking);
  expect(wb.tableInfo(TABLES.ranking).address).toBe("A1:S6");
  const headers = rankingHeaders(grown.read.model);
  expect(wb.toGrids().find((g) => g.name === SHEETS.ranking)!.rows[0]!.map((c) => c?.value)).toEqual(headers);
  grown.read.assessment.measures.forEach((m, i) => {
    expect(valueAt(wb, SHEETS.ranking, `B${i + 2}`)).toBe(fullName(m));
    expect(valueAt(wb, SHEETS.ranking, `C${i + 2}`)).toBe(m.total ?? null);
    expect(valueAt(wb, SHEETS.ranking, `M${i + 2}`)).toBe(m.id);
  });
  // And back: three groups again.
  wb.userEdit(SHEETS.model, "B3", "maal");
  const shrunk = await wb.run((ctx) => recompute(ctx, "nb"));
  if (shrunk.kind !== "ready") throw new Error(shrunk.kind);
  expect(wb.tableInfo(TABLES.ranking).address).toBe("A1:Q6");
  expect(valueAt(wb, SHEETS.ranking, "R1")).toBeNull();
  expect(valueAt(wb, SHEETS.ranking, "S1")).toBeNull();
  expect(valueAt(wb, SHEETS.ranking, "L2")).toBe(shrunk.read.assessment.measures[0].id);
});

describe("a person's formatting on score cells stays", () => {
  test("a fill on a score cell survives recomputes with and without a finding there; the finding is shown by the add-in's conditional format", async () => {
    const wb = emptyWorkbook();
    await wb.run((ctx) => createLayout(ctx, defaultModel(), generatedRows(4), newStore(defaultModel(), 5), "nb"));
    // A person colours E3 green and F4 blue, and adds a conditional format of their own on G3:G6.
    await wb.run(async (ctx) => {
      const sheet = ctx.workbook.worksheets.getItem(SHEETS.scoring);
      sheet.getRange("E3").format.fill.color = "#C6EFCE";
      sheet.getRange("F4").format.fill.color = "#BDD7EE";
      const own = sheet.getRange("G3:G6").conditionalFormats.add("Custom");
      own.custom.rule.formula = "=G3>8";
      own.custom.format.fill.color = "#00FF00";
      await ctx.sync();
    });
    const fills = () => [wb.getCell(SHEETS.scoring, "E3").format?.fill, wb.getCell(SHEETS.scoring, "F4").format?.fill];
    const marks = () =>
      wb
        .conditionalFormats(SHEETS.scoring)
        .filter((cf) => JSON.stringify(cf.props).includes("PrioMerknad"))
        .map((cf) => [cf.address, (cf.props as { custom: { format: { fill: { color: string } } } }).custom.format.fill.color]);
    const mine = () => wb.conditionalFormats(SHEETS.scoring).filter((cf) => JSON.stringify(cf.props).includes("G3>8")).map((cf) => cf.address);

    await wb.run((ctx) => recompute(ctx, "nb"));
    expect(fills()).toEqual(["#C6EFCE", "#BDD7EE"]);
    // A text in E3 is a finding there: marked, and the person's fill is still there.
    wb.userEdit(SHEETS.scoring, "E3", "sju");
    await wb.run((ctx) => recompute(ctx, "nb"));
    expect(fills()).toEqual(["#C6EFCE", "#BDD7EE"]);
    expect(marks()).toContainEqual(["E3", "#F8CBAD"]);
    expect(mine()).toEqual(["G3:G6"]);
    // Fixed again: the mark goes, the fill stays.
    wb.userEdit(SHEETS.scoring, "E3", 7);
    await wb.run((ctx) => recompute(ctx, "nb"));
    expect(fills()).toEqual(["#C6EFCE", "#BDD7EE"]);
    expect(marks().map(([a]) => a)).not.toContain("E3");
    expect(mine()).toEqual(["G3:G6"]);
    // Every mark matches a finding of the assessment, and only those; a recompute that changes
    // nothing keeps the very same conditional formats, one that changes one cell changes one mark.
    const ids = () => new Set(wb.conditionalFormats(SHEETS.scoring).map((cf) => JSON.stringify({ address: cf.address, type: cf.type, props: cf.props })));
    const kept = ids();
    const cfIds = () =>
      wb.run(async (ctx) => {
        const cfs = ctx.workbook.worksheets.getItem(SHEETS.scoring).getRange().conditionalFormats;
        cfs.load("items/id");
        await ctx.sync();
        return cfs.items.map((cf) => cf.id).sort();
      });
    const idsBefore = await cfIds();
    await wb.run((ctx) => recompute(ctx, "nb"));
    expect(ids()).toEqual(kept);
    expect(await cfIds()).toEqual(idsBefore);
    wb.userEdit(SHEETS.scoring, "E4", "åtte");
    await wb.run((ctx) => recompute(ctx, "nb"));
    expect([...ids()].filter((x) => !kept.has(x)).map((x) => (JSON.parse(x) as { address: string }).address)).toEqual(["E4"]);
    expect([...kept].filter((x) => !ids().has(x))).toEqual([]);
    const result = await wb.run((ctx) => recompute(ctx, "nb"));
    if (result.kind !== "ready") throw new Error(result.kind);
    const expected = result.read.assessment.measures.flatMap((m) => [...m.invalid, ...(m.total === null ? m.missing : [])].map((id) => `${m.id}:${id}`));
    expect(marks()).toHaveLength(new Set(expected).size);
  });
});
