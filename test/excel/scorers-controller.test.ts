/**
 * The scorers' writes through the controller (AppController.scorers), on the in-memory workbook:
 * Opprett and Hent vurderinger run on the controller's host, the recompute follows a write (the
 * combined ranking, Merknader), a replace logs the old values in Logg in the workbook's language
 * at the controller's clock, a refusal writes and recomputes nothing; the syncs of each action do
 * not grow with the number of measures.
 */
import { defaultModel, leaves } from "../../src/core/model";
import { ExcelController } from "../../src/excel/controller";
import { createLayout } from "../../src/excel/layout";
import type { FetchedRow } from "../../src/grid/scorer-import";
import { SHEETS, TABLES } from "../../src/grid/layout";
import { SCORERS_SHEET, SCORERS_TABLE } from "../../src/grid/scorers-layout";
import { newStore } from "../../src/grid/store";
import type { Lang } from "../../src/i18n";
import { emptyWorkbook, generatedRows, hostOf, valueAt } from "./helpers";

const model = defaultModel();
const LEAVES = leaves(model).length;
const clock = () => new Date("2026-11-27T12:00:00Z");

const fetched = (count: number, v: (i: number) => number): FetchedRow[] =>
  Array.from({ length: count }, (_, i) => ({
    id: `T${String(i + 1).padStart(4, "0")}`,
    name: `Tiltak ${i + 1}`,
    values: Array.from({ length: LEAVES }, () => v(i)),
  }));

async function started(n: number, workbookLang: Lang = "nb", display: Lang = "nb") {
  const wb = emptyWorkbook();
  await wb.run((ctx) => createLayout(ctx, model, generatedRows(n), newStore(model, n + 1, workbookLang), workbookLang));
  const c = new ExcelController(hostOf(wb), display, { debounceMs: 5, clock });
  await c.start();
  return { wb, c };
}

describe.each([10, 400])("%i measures", (n) => {
  test("Opprett, then two scorers fetched: each write is followed by the recompute; syncs fixed", async () => {
    const { wb, c } = await started(n);
    const syncs: number[] = [];

    wb.resetSyncCount();
    expect(await c.scorers.create()).toEqual({ ok: true, added: 0, replaced: 0, skipped: 0, conflicts: [] });
    syncs.push(wb.syncCount);
    expect(valueAt(wb, SCORERS_SHEET, "C1")).toBe("Vurderer");
    expect(c.getState().busy).toBe(false);

    const before = c.getState().assessment;
    wb.resetSyncCount();
    // Kari 8 on T0001, 4 elsewhere; Ola 6 on T0001, 4 elsewhere.
    expect(await c.scorers.add("Kari", fetched(n, (i) => (i === 0 ? 8 : 4)), false)).toEqual({ ok: true, added: n, replaced: 0, skipped: 0, conflicts: [] });
    syncs.push(wb.syncCount);
    expect(c.getState().assessment).not.toBe(before);
    wb.resetSyncCount();
    expect(await c.scorers.add("Ola", fetched(n, (i) => (i === 0 ? 6 : 4)), false)).toMatchObject({ ok: true, added: n });
    syncs.push(wb.syncCount);
    // Opprett: 5 of its own (writable check 2, list, read, write), the recompute's 3, the look for the
    // meeting layout that a new sheet list brings (2: the workbook's Ark1 is a person's sheet) and the
    // first listening to Vurderere (1); each fetch: 5 of its own and the recompute's 3.
    expect(syncs).toEqual([11, 8, 8]);

    // The recompute followed: T0001 ranked on the combined scores, (8 + 6) / 2 = 7 everywhere → 21; the rest 12.
    const s = c.getState();
    const t1 = s.assessment!.measures.find((m) => m.id === "T0001")!;
    expect([t1.total, t1.rank]).toEqual([21, 1]);
    expect(s.assessment!.measures.filter((m) => m.id !== "T0001").every((m) => m.total === 12)).toBe(true);
    expect(valueAt(wb, SHEETS.ranking, "B2")).toBe("Tema 1: Tiltak 1");
    expect(valueAt(wb, SHEETS.ranking, "C2")).toBe(21);
    expect(wb.tableRowCount(SCORERS_TABLE)).toBe(2 * n);

    // The view's read goes into the state: two syncs, each scorer's ranking and W.
    wb.resetSyncCount();
    await c.scorers.load();
    expect(wb.syncCount).toBe(2);
    const a = c.getState().scorers!.read!.scorers!.analysis;
    expect(a.scorers).toEqual(["Kari", "Ola"]);
    expect(a.rankings.map((r) => r.assessment.measures.length)).toEqual([n, n]);
    expect(c.getState().scorers!.hasSheet).toBe(true);
  });
});

test("a replace through the controller logs the old values in the workbook's language at the controller's clock", async () => {
  // An English workbook, a Norwegian display: Logg in English, the refusal to the person in bokmål.
  const { wb, c } = await started(2, "en", "nb");
  await c.scorers.add("Kari", fetched(1, () => 5), false);
  expect(await c.scorers.add("kari", fetched(2, () => 9), false)).toEqual({ ok: true, added: 1, replaced: 0, skipped: 1, conflicts: ["Tiltak 1"] });
  expect(valueAt(wb, SCORERS_SHEET, "D2")).toBe(5);
  expect(await c.scorers.add("Kari", fetched(1, () => 7), true)).toEqual({ ok: true, added: 0, replaced: 1, skipped: 0, conflicts: ["Tiltak 1"] });
  expect(valueAt(wb, SCORERS_SHEET, "D2")).toBe(7);
  const log = wb.toGrids().find((g) => g.name === SHEETS.log)!;
  expect(wb.tableRowCount(TABLES.log)).toBe(LEAVES);
  expect(log.rows[1]!.slice(1).map((cell) => cell?.value)).toEqual(["Fetch scores (Kari): replaced", "Vurderere!D2", "5", "7", "Tiltak 1"]);
  // Excel's serial date-time of the clock, in local time.
  const at = clock();
  const serial = (Date.UTC(at.getFullYear(), at.getMonth(), at.getDate(), at.getHours(), at.getMinutes(), at.getSeconds()) - Date.UTC(1899, 11, 30)) / 86400000;
  expect(log.rows[1]![0]!.value).toBeCloseTo(serial, 9);
  // The recompute followed: T0001 is ranked on Kari's 7s (21), T0002 on its 9s (27).
  expect(c.getState().assessment!.measures.map((m) => [m.id, m.total])).toEqual([
    ["T0002", 27],
    ["T0001", 21],
  ]);
});

test("a refusal (a person's own Vurderere sheet) writes nothing and does not recompute", async () => {
  const { wb, c } = await started(2);
  wb.addSheet(SCORERS_SHEET);
  wb.userEdit(SCORERS_SHEET, "A1", "mine");
  await c.recalc();
  const before = c.getState().assessment;
  wb.resetSyncCount();
  expect(await c.scorers.create()).toEqual({ ok: false, message: expect.stringContaining("«Vurderere» finnes allerede") });
  expect(await c.scorers.add("Kari", fetched(1, () => 5), false)).toEqual({ ok: false, message: expect.stringContaining("«Vurderere» finnes allerede") });
  // Opprett: writable check 2; Hent: writable check 2, list and read 2. No recompute.
  expect(wb.syncCount).toBe(6);
  expect(c.getState().assessment).toBe(before);
  expect(valueAt(wb, SCORERS_SHEET, "A1")).toBe("mine");
  expect(valueAt(wb, SCORERS_SHEET, "A2")).toBeNull();
  expect(c.getState().busy).toBe(false);
});
