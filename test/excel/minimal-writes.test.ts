/**
 * A recompute writes only the cells whose value or number format changed, in three syncs, and
 * what it leaves is what a full rewrite would have written.
 */
import { cellA1 } from "../../src/core/address";
import { defaultModel } from "../../src/core/model";
import { displayTotals } from "../../src/core/display-total";
import { createLayout } from "../../src/excel/layout";
import { recompute } from "../../src/excel/recompute";
import { rankingRows } from "../../src/excel/recompute/ranking";
import { SHEETS } from "../../src/grid/layout";
import { newStore, STORE_SHEET } from "../../src/grid/store";
import { SimWorkbook } from "../../src/sim/workbook";
import { recomputeWritesAfterOneEdit } from "../support/recompute-writes";
import { emptyWorkbook, generatedRows } from "./helpers";

/** Every cell of every sheet, by aspect: value (and formula), number format, format. */
function snapshot(wb: SimWorkbook): Map<string, string> {
  const out = new Map<string, string>();
  for (const g of wb.toGrids()) {
    const width = Math.max(0, ...g.rows.map((r) => r?.length ?? 0));
    for (let r = 0; r < g.rows.length; r++) {
      for (let c = 0; c < width; c++) {
        const cell = wb.getCell(g.name, cellA1(r, c));
        const at = `${g.name}!${cellA1(r, c)}`;
        out.set(`${at} value`, JSON.stringify([cell.value, cell.formula]));
        out.set(`${at} numberFormat`, cell.numberFormat);
        out.set(`${at} format`, JSON.stringify(cell.format ?? null));
      }
    }
  }
  return out;
}

/** The aspects of cells that differ (a cell whose value and number format changed counts twice, as a write of each does). */
function changed(a: Map<string, string>, b: Map<string, string>): string[] {
  const keys = new Set([...a.keys(), ...b.keys()]);
  const blank = (k: string) => (k.endsWith(" value") ? JSON.stringify([null, undefined]) : k.endsWith(" numberFormat") ? "General" : "null");
  return [...keys].filter((k) => (a.get(k) ?? blank(k)) !== (b.get(k) ?? blank(k))).sort();
}

async function layout(n: number): Promise<SimWorkbook> {
  const wb = emptyWorkbook();
  await wb.run((ctx) => createLayout(ctx, defaultModel(), generatedRows(n), newStore(defaultModel(), n + 1), "nb"));
  await wb.run((ctx) => recompute(ctx, "nb"));
  return wb;
}

test("a score edit that keeps the order writes exactly the three cells that change: Score, the group's value and its contribution", async () => {
  const wb = await layout(3);
  const result0 = await wb.run((ctx) => recompute(ctx, "nb"));
  if (result0.kind !== "ready") throw new Error(result0.kind);
  const first = result0.read.assessment.measures[0];
  const row = result0.read.scoring.rowOf.get(first.id)! + 1;
  // The leader's Sentral infrastruktur (column O, Nytte) goes up by one: still first.
  const before = wb.getCell(SHEETS.scoring, `O${row}`).value as number;
  const up = before === 10 ? 9 : before + 1;
  wb.userEdit(SHEETS.scoring, `O${row}`, up);
  const snap = snapshot(wb);
  wb.resetCellWrites();
  wb.resetSyncCount();
  const result = await wb.run((ctx) => recompute(ctx, "nb"));
  if (result.kind !== "ready") throw new Error(result.kind);
  expect(result.read.assessment.measures[0].id).toBe(first.id);
  expect(wb.syncCount).toBe(3);
  expect(wb.cellWrites).toBe(3);
  // C Score, F Nytte, O Nytte (bidrag): the contribution columns follow ID.
  expect(changed(snap, snapshot(wb))).toEqual([`${SHEETS.ranking}!C2 value`, `${SHEETS.ranking}!F2 value`, `${SHEETS.ranking}!O2 value`]);
});

test("at 200 measures one score edit writes exactly the cells that differ, and the sheets equal a full rewrite", async () => {
  const wb = await layout(200);
  wb.userEdit(SHEETS.scoring, "E103", 0);
  wb.userEdit(SHEETS.scoring, "F103", 0);
  const snap = snapshot(wb);
  wb.resetCellWrites();
  wb.resetSyncCount();
  const result = await wb.run((ctx) => recompute(ctx, "nb"));
  if (result.kind !== "ready") throw new Error(result.kind);
  const diff = changed(snap, snapshot(wb));
  expect(wb.syncCount).toBe(3);
  expect(diff.length).toBeGreaterThan(2);
  expect(wb.cellWrites).toBe(diff.length);
  expect(diff.every((k) => k.startsWith(`${SHEETS.ranking}!`))).toBe(true);

  // What a full rewrite writes: every row of the ranking as the core computes it.
  const rows = rankingRows(result.read, "nb");
  const grid = wb.toGrids().find((g) => g.name === SHEETS.ranking)!;
  rows.forEach((r, i) => expect(r.map((_, j) => grid.rows[i + 1]?.[j]?.value ?? null)).toEqual(r.map((v) => (v === "" ? null : v))));
  // Score with the ranking's decimals (core/display-total.ts; test/excel/ranking-decimals.test.ts): 200 random totals need more than one.
  const { decimals } = displayTotals(result.read.assessment.measures.map((m) => m.total));
  expect(decimals).toBeGreaterThan(1);
  result.read.assessment.measures.forEach((m, i) => {
    expect(wb.getCell(SHEETS.ranking, `A${i + 2}`).numberFormat).toBe(m.tied ? '0"="' : "0");
    expect(wb.getCell(SHEETS.ranking, `C${i + 2}`).numberFormat).toBe(`0.${"0".repeat(decimals)}`);
  });

  // Nothing changed: nothing written, the store included.
  const store = wb.toGrids().find((g) => g.name === STORE_SHEET);
  expect(store?.rows.length).toBeGreaterThan(1);
  wb.resetCellWrites();
  await wb.run((ctx) => recompute(ctx, "nb"));
  expect(wb.cellWrites).toBe(0);
  expect(wb.toGrids().find((g) => g.name === STORE_SHEET)).toEqual(store);
});

test("the recompute parses the store once", async () => {
  const wb = await layout(5);
  const parse = jest.spyOn(JSON, "parse");
  try {
    await wb.run((ctx) => recompute(ctx, "nb"));
    expect(parse.mock.calls.filter(([text]) => typeof text === "string" && text.startsWith('{"format"'))).toHaveLength(1);
  } finally {
    parse.mockRestore();
  }
});

test("the bench helper reports the cells of one score edit", async () => {
  const r = await recomputeWritesAfterOneEdit(50);
  expect(r.syncs).toBe(3);
  expect(r.cellWrites).toBeGreaterThan(0);
  expect(r.cellWrites).toBeLessThan(r.fullWrites / 4);
});
