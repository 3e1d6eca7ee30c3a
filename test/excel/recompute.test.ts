/**
 * The adapter against the in-memory workbook with Office's proxy semantics: the layout it
 * creates, what one recompute writes, and how many context.sync() calls that takes.
 */
import { assess } from "../../src/core/assess";
import { defaultModel } from "../../src/core/model";
import { createLayout } from "../../src/excel/layout";
import { recompute } from "../../src/excel/recompute";
import { readScoringTable, findScoringRegion } from "../../src/grid/scoring-table";
import { SHEETS, TABLES } from "../../src/grid/layout";
import { newStore } from "../../src/grid/store";
import { emptyWorkbook, generatedRows, hostOf, valueAt } from "./helpers";

const store = (nextId = 1) => newStore(defaultModel(), nextId);

describe.each([10, 1000])("a scoring table of %i measures", (n) => {
  test("is created in two syncs and recomputed in three, with the ranking the core computes", async () => {
    const wb = emptyWorkbook();
    const host = hostOf(wb);
    const rows = generatedRows(n);
    wb.resetSyncCount();
    const created = await host.run((ctx) => createLayout(ctx, defaultModel(), rows, store(n + 1), "nb"));
    expect(created).toEqual({ ok: true });
    expect(wb.syncCount).toBe(2);

    wb.resetSyncCount();
    const result = await host.run((ctx) => recompute(ctx, "nb"));
    expect(wb.syncCount).toBe(3);
    if (result.kind !== "ready") throw new Error(result.kind);

    // The same measures scored directly by the core.
    const grid = wb.toGrids().find((g) => g.name === SHEETS.scoring)!;
    const direct = assess(defaultModel(), readScoringTable(grid, findScoringRegion(grid)!, defaultModel()).measures);
    expect(result.read.assessment.measures.map((m) => [m.id, m.rank, m.total])).toEqual(direct.measures.map((m) => [m.id, m.rank, m.total]));

    // The Rangering table holds one row per measure, in rank order, ids in the last column.
    const ranking = wb.toGrids().find((g) => g.name === SHEETS.ranking)!;
    expect(wb.tableRowCount(TABLES.ranking)).toBe(n);
    // A tie is one figure: its totals, equal within the tolerance, are written as the first of them.
    const first = new Map<number, number>();
    direct.measures.forEach((m, i) => {
      expect(ranking.rows[i + 1]?.[0]?.value ?? null).toBe(m.rank ?? null);
      const written = ranking.rows[i + 1]?.[2]?.value ?? null;
      if (m.total === null) expect(written).toBeNull();
      else {
        expect(Math.abs((written as number) - m.total)).toBeLessThanOrEqual(1e-9 * Math.abs(m.total));
        if (!first.has(m.rank!)) first.set(m.rank!, written as number);
        expect(written).toBe(first.get(m.rank!));
      }
      expect(ranking.rows[i + 1]?.[11]?.value).toBe(m.id);
    });

    // A data bar on the Score column, from 0 to 30 (the model's range).
    const bar = wb.conditionalFormats(SHEETS.ranking).find((cf) => cf.type === "DataBar")!;
    expect(bar.address).toBe(`C2:C${n + 1}`);
    expect(JSON.stringify(bar.props)).toContain('"formula":"30"');

    // A second recompute with nothing changed costs the same and writes the same.
    wb.resetSyncCount();
    await host.run((ctx) => recompute(ctx, "nb"));
    expect(wb.syncCount).toBe(3);
    expect(wb.tableRowCount(TABLES.ranking)).toBe(n);
  });
});

test("the ranking table shrinks and grows with the scoring table, keeping three syncs", async () => {
  const wb = emptyWorkbook();
  const host = hostOf(wb);
  await host.run((ctx) => createLayout(ctx, defaultModel(), generatedRows(12), store(13), "nb"));
  await host.run((ctx) => recompute(ctx, "nb"));
  expect(wb.tableRowCount(TABLES.ranking)).toBe(12);

  // Clear the last two measures' rows 13–14 (the table keeps its size; blank rows are no measures).
  for (let row = 13; row <= 14; row++) for (const col of "ABCDEFGHIJKLMNOP") wb.userEdit(SHEETS.scoring, `${col}${row}`, "");
  wb.resetSyncCount();
  await host.run((ctx) => recompute(ctx, "nb"));
  expect(wb.syncCount).toBe(3);
  expect(wb.tableRowCount(TABLES.ranking)).toBe(10);

  // A new measure typed on the row below (no ID) gets the next id and a rank.
  wb.userEdit(SHEETS.scoring, "B15", "Nytt tiltak");
  for (const col of ["E", "G", "K"]) wb.userEdit(SHEETS.scoring, `${col}15`, 8);
  wb.resetSyncCount();
  const result = await host.run((ctx) => recompute(ctx, "nb"));
  expect(wb.syncCount).toBe(3);
  expect(valueAt(wb, SHEETS.scoring, "A15")).toBe("T013");
  if (result.kind !== "ready") throw new Error(result.kind);
  const added = result.read.assessment.measures.find((m) => m.name === "Nytt tiltak")!;
  expect(added.id).toBe("T013");
  expect(added.total).toBe(24); // 8 + 8 + 8: one question per group, each group its only value
  expect(wb.tableRowCount(TABLES.ranking)).toBe(11);
});
