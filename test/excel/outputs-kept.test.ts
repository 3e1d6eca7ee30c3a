/**
 * The add-in's outputs survive changes a person makes: a new or removed top-level group on
 * Modell rebuilds the Rangering table (never loses it), and fills a person set on score cells
 * stay through recomputes, whether or not a finding marks the cell.
 */
import { defaultModel } from "../../src/core/model";
import { createLayout } from "../../src/excel/layout";
import { recompute } from "../../src/excel/recompute";
import { rankingHeaders, SHEETS, TABLES } from "../../src/grid/layout";
import { newStore } from "../../src/grid/store";
import { emptyWorkbook, generatedRows, valueAt } from "./helpers";

test("adding and removing a top-level group on Modell rebuilds the Rangering table with the new columns", async () => {
  const wb = emptyWorkbook();
  await wb.run((ctx) => createLayout(ctx, defaultModel(), generatedRows(5), newStore(defaultModel(), 6), "nb"));
  await wb.run((ctx) => recompute(ctx, "nb"));
  expect(wb.tableInfo(TABLES.ranking).address).toBe("A1:L6");
  // maal.behov loses its parent: a fourth top-level group.
  expect(valueAt(wb, SHEETS.model, "A3")).toBe("maal.behov");
  wb.userEdit(SHEETS.model, "B3", "");
  const grown = await wb.run((ctx) => recompute(ctx, "nb"));
  if (grown.kind !== "ready") throw new Error(grown.kind);
  expect(grown.read.model.criteria.map((g) => g.id)).toEqual(["maal", "maal.behov", "kost", "nytte"]);
  expect(wb.tableNames()).toContain(TABLES.ranking);
  expect(wb.tableInfo(TABLES.ranking).address).toBe("A1:M6");
  const headers = rankingHeaders(grown.read.model);
  expect(wb.toGrids().find((g) => g.name === SHEETS.ranking)!.rows[0]!.map((c) => c?.value)).toEqual(headers);
  grown.read.assessment.measures.forEach((m, i) => {
    expect(valueAt(wb, SHEETS.ranking, `B${i + 2}`)).toBe(m.name);
    expect(valueAt(wb, SHEETS.ranking, `C${i + 2}`)).toBe(m.total ?? null);
    expect(valueAt(wb, SHEETS.ranking, `M${i + 2}`)).toBe(m.id);
  });
  // And back: three groups again.
  wb.userEdit(SHEETS.model, "B3", "maal");
  const shrunk = await wb.run((ctx) => recompute(ctx, "nb"));
  if (shrunk.kind !== "ready") throw new Error(shrunk.kind);
  expect(wb.tableInfo(TABLES.ranking).address).toBe("A1:L6");
  expect(valueAt(wb, SHEETS.ranking, "M1")).toBeNull();
  expect(valueAt(wb, SHEETS.ranking, "L2")).toBe(shrunk.read.assessment.measures[0].id);
});
