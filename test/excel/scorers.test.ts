/**
 * Several scorers in Excel, against the in-memory workbook: *Hent vurderinger* appends a scorer's
 * rows (never over a row the scorer has unless asked, and then the old values go to Logg), the
 * recompute ranks the combined scores and marks the Vurdering cells where the scorers disagree
 * with the add-in's own conditional format; sync counts do not grow with the measures.
 */
import { defaultModel, leaves } from "../../src/core/model";
import { createLayout } from "../../src/excel/layout";
import { recompute } from "../../src/excel/recompute";
import { addScorer, createScorersSheet, loadScorers } from "../../src/excel/scorers";
import type { FetchedRow } from "../../src/grid/scorer-import";
import { SHEETS, TABLES } from "../../src/grid/layout";
import { DISAGREE_FILL, SCORERS_SHEET, SCORERS_TABLE } from "../../src/grid/scorers-layout";
import { newStore } from "../../src/grid/store";
import { emptyWorkbook, generatedRows, hostOf, valueAt } from "./helpers";

const model = defaultModel();
const LEAVES = leaves(model).length;
const clock = () => new Date(2026, 10, 27, 12, 0, 0);

/** Every question v for each of the first `count` measures (ids T0001…). */
const fetched = (
  count: number,
  v: (i: number) => number,
  except: Record<number, [number, number]> = {}
): FetchedRow[] =>
  Array.from({ length: count }, (_, i) => ({
    id: `T${String(i + 1).padStart(4, "0")}`,
    name: `Tiltak ${i + 1}`,
    values: Array.from({ length: LEAVES }, (_, l) => (except[i]?.[0] === l ? except[i][1] : v(i))),
  }));

async function layout(n: number) {
  const wb = emptyWorkbook();
  const host = hostOf(wb);
  await host.run((ctx) => createLayout(ctx, model, generatedRows(n), newStore(model, n + 1), "nb"));
  return { wb, host };
}

describe.each([10, 400])("%i measures", (n) => {
  test("two scorers fetched, then the recompute ranks the combined scores and marks the disagreement; syncs fixed", async () => {
    const { wb, host } = await layout(n);
    const before = wb.toGrids().find((g) => g.name === SHEETS.scoring)!;

    wb.resetSyncCount();
    // Kari: every question 8 (T0001), 4 elsewhere; Ola: 2 on Informasjonsbehov of T0001, else 6 there, 4 elsewhere.
    const kari = await addScorer(
      host,
      "Kari",
      fetched(n, (i) => (i === 0 ? 8 : 4)),
      false,
      "nb",
      clock
    );
    expect(kari).toEqual({ ok: true, added: n, replaced: 0, skipped: 0, conflicts: [] });
    const first = wb.syncCount;
    wb.resetSyncCount();
    const ola = await addScorer(
      host,
      "Ola",
      fetched(n, (i) => (i === 0 ? 6 : 4), { 0: [0, 2] }),
      false,
      "nb",
      clock
    );
    expect(ola).toMatchObject({ ok: true, added: n });
    // Creating the sheet and appending to it: five syncs each (writable check 2, list, read, write).
    expect([first, wb.syncCount]).toEqual([5, 5]);
    expect(wb.tableRowCount(SCORERS_TABLE)).toBe(2 * n);

    wb.resetSyncCount();
    const r = await host.run((ctx) => recompute(ctx, "nb", clock));
    expect(wb.syncCount).toBe(3);
    if (r.kind !== "ready") throw new Error(r.kind);
    // T0001 combined: Informasjonsbehov (8+2)/2 = 5, Prioriteringer (8+6)/2 = 7 → Måloppnåelse 6; every other question 7:
    // total 6 + 7 + 7 = 20. Every other measure: 4 everywhere → 12.
    const t1 = r.read.assessment.measures.find((m) => m.id === "T0001")!;
    expect(t1.total).toBe(20);
    expect(
      r.read.assessment.measures.filter((m) => m.id !== "T0001").every((m) => m.total === 12)
    ).toBe(true);
    expect(t1.rank).toBe(1);
    // The disagreement (8 vs 2: range 6) marked on Vurdering's Informasjonsbehov cell of T0001 (row 3, column E).
    const marks = wb
      .conditionalFormats(SHEETS.scoring)
      .filter((cf) => JSON.stringify(cf.props).includes(DISAGREE_FILL));
    expect(marks.map((m) => m.address)).toEqual(["E3"]);
    // The recompute leaves out each scorer's ranking and W (the view computes them).
    expect(r.read.scorers!.analysis.agreement).toMatchObject({ w: null, reason: "not-computed" });
    expect(r.read.scorers!.analysis.rankings).toEqual([]);

    // Vurdering is read, never written.
    expect(
      wb
        .toGrids()
        .find((g) => g.name === SHEETS.scoring)!
        .rows.map((row) => row.map((c) => c?.value ?? null))
    ).toEqual(before.rows.map((row) => row.map((c) => c?.value ?? null)));

    // The view's read: two syncs.
    wb.resetSyncCount();
    const view = await loadScorers(host);
    expect(wb.syncCount).toBe(2);
    expect(view.read!.scorers!.analysis.scorers).toEqual(["Kari", "Ola"]);
    expect(view.read!.scorers!.analysis.agreement.measures.length).toBe(n);
    expect(view.read!.scorers!.analysis.rankings.map((x) => x.assessment.measures.length)).toEqual([
      n,
      n,
    ]);
  });
});

test("a conflict is skipped unless replace is chosen; then the old values are logged in Logg", async () => {
  const { wb, host } = await layout(3);
  await addScorer(
    host,
    "Kari",
    fetched(2, () => 5),
    false,
    "nb",
    clock
  );
  // Again with 9s for T0001–T0003: T0001 and T0002 exist for Kari → skipped, T0003 added.
  const again = await addScorer(
    host,
    "kari",
    fetched(3, () => 9),
    false,
    "nb",
    clock
  );
  expect(again).toEqual({
    ok: true,
    added: 1,
    replaced: 0,
    skipped: 2,
    conflicts: ["Tiltak 1", "Tiltak 2"],
  });
  expect(valueAt(wb, SCORERS_SHEET, "D2")).toBe(5);
  expect(wb.toGrids().some((g) => g.name === SHEETS.log)).toBe(false);

  const replaced = await addScorer(
    host,
    "Kari",
    fetched(3, () => 7),
    true,
    "nb",
    clock
  );
  expect(replaced).toEqual({
    ok: true,
    added: 0,
    replaced: 3,
    skipped: 0,
    conflicts: ["Tiltak 1", "Tiltak 2", "Tiltak 3"],
  });
  expect(valueAt(wb, SCORERS_SHEET, "D2")).toBe(7);
  const log = wb.toGrids().find((g) => g.name === SHEETS.log)!;
  // 3 rows × 11 questions changed, each logged with its cell, old and new value.
  expect(log.rows.length - 1).toBe(3 * LEAVES);
  expect(log.rows[1]!.slice(1).map((c) => c?.value)).toEqual([
    "Hent vurderinger (Kari): erstattet",
    "Vurderere!D2",
    "5",
    "7",
    "Tiltak 1",
  ]);
  expect(wb.tableRowCount(TABLES.log)).toBe(3 * LEAVES);
});

test("text stays text, and a person's own Vurderere sheet is neither read nor written", async () => {
  const { wb, host } = await layout(2);
  const rows = fetched(1, () => 5);
  rows[0].values[0] = "=SUM(1)";
  await addScorer(host, "Kari", rows, false, "nb", clock);
  expect(valueAt(wb, SCORERS_SHEET, "D2")).toBe("=SUM(1)");

  const other = await layout(2);
  other.wb.addSheet(SCORERS_SHEET);
  other.wb.userEdit(SCORERS_SHEET, "A1", "ID");
  other.wb.userEdit(SCORERS_SHEET, "C1", "Vurderer");
  other.wb.userEdit(SCORERS_SHEET, "A2", "T0001");
  other.wb.userEdit(SCORERS_SHEET, "C2", "Kari");
  const refused = await addScorer(
    other.host,
    "Kari",
    fetched(1, () => 5),
    false,
    "nb",
    clock
  );
  expect(refused).toEqual({
    ok: false,
    message: expect.stringContaining("«Vurderere» finnes allerede"),
  });
  const r = await other.host.run((ctx) => recompute(ctx, "nb", clock));
  if (r.kind !== "ready") throw new Error(r.kind);
  expect(r.read.scorers).toBeUndefined();
});

test("Opprett: the sheet with an empty table; the first fetched row fills its blank row", async () => {
  const { wb, host } = await layout(2);
  expect(await createScorersSheet(host, "nb")).toMatchObject({ ok: true });
  expect(valueAt(wb, SCORERS_SHEET, "C1")).toBe("Vurderer");
  expect(await createScorersSheet(host, "nb")).toMatchObject({ ok: false });
  await addScorer(
    host,
    "Kari",
    fetched(2, () => 5),
    false,
    "nb",
    clock
  );
  expect(valueAt(wb, SCORERS_SHEET, "A2")).toBe("T0001");
  expect(valueAt(wb, SCORERS_SHEET, "A3")).toBe("T0002");
  expect(wb.tableRowCount(SCORERS_TABLE)).toBe(2);
});

test("the controller follows a person's typing on Vurderere: a new disagreement re-ranks and is marked", async () => {
  const { ExcelController } = await import("../../src/excel/controller");
  const { settle } = await import("./helpers");
  const { wb, host } = await layout(3);
  const c = new ExcelController(host, "nb", { debounceMs: 5, clock });
  await c.start();
  // Two scorers agree on T0001 (all 5).
  await addScorer(
    host,
    "Kari",
    fetched(1, () => 5),
    false,
    "nb",
    clock
  );
  await addScorer(
    host,
    "Ola",
    fetched(1, () => 5),
    false,
    "nb",
    clock
  );
  await c.recalc();
  const t1 = () => c.getState().assessment!.measures.find((m) => m.id === "T0001")!;
  expect(t1().total).toBe(15);
  expect(
    wb
      .conditionalFormats(SHEETS.scoring)
      .filter((cf) => JSON.stringify(cf.props).includes(DISAGREE_FILL))
  ).toEqual([]);
  // Ola types 9 for Informasjonsbehov (row 3 of Vurderere, column D): range 4 → flagged; T0001: (5+9)/2 = 7, Måloppnåelse 6: total 16.
  expect((c.getState().scorerFindings ?? []).filter((f) => f.code === "scorers-disagree")).toEqual([]);
  wb.userEdit(SCORERS_SHEET, "D3", 9);
  await settle(120);
  expect(t1().total).toBe(16);
  // The notes reach the pane's state (Funn lists them): the disagreement at its Vurdering cell.
  expect((c.getState().scorerFindings ?? []).filter((f) => f.code === "scorers-disagree").map((f) => [f.severity, f.cell, f.measureId])).toEqual([
    ["warning", "Vurdering!E3", "T0001"],
  ]);
  expect(
    wb
      .conditionalFormats(SHEETS.scoring)
      .filter((cf) => JSON.stringify(cf.props).includes(DISAGREE_FILL))
      .map((cf) => cf.address)
  ).toEqual(["E3"]);
});

test("replacing a cell that held a formula logs the formula", async () => {
  const { wb, host } = await layout(1);
  await addScorer(
    host,
    "Kari",
    fetched(1, () => 5),
    false,
    "nb",
    clock
  );
  wb.userEdit(SCORERS_SHEET, "D2", "=2+3");
  await addScorer(
    host,
    "Kari",
    fetched(1, () => 7),
    true,
    "nb",
    clock
  );
  const log = wb.toGrids().find((g) => g.name === SHEETS.log)!;
  expect(log.rows[1]!.slice(2, 5).map((c) => c?.value)).toEqual(["Vurderere!D2", "=2+3", "7"]);
  expect(valueAt(wb, SCORERS_SHEET, "D2")).toBe(7);
});
