/**
 * A table ends where it ends: the Excel table object's range is the authority. A person's note
 * beside or below the Vurdering or Sjekkliste table («Husk: møte fredag» two rows under the last
 * measure) is never read as a measure, copied into the other table, or written over — with or
 * without a blank row or column between. Each case is compared with the same workbook without
 * the note: every output (ranking, findings, checklist, store) must be exactly the same.
 */
import { defaultModel } from "../../src/core/model";
import { createLayout } from "../../src/excel/layout";
import { recompute, type RecomputeResult } from "../../src/excel/recompute";
import { ExcelController } from "../../src/excel/controller";
import { SHEETS, TABLES } from "../../src/grid/layout";
import { newStore, STORE_SHEET } from "../../src/grid/store";
import type { SimWorkbook } from "../../src/sim/workbook";
import { emptyWorkbook, generatedRows, hostOf } from "./helpers";

const NOTE = "Husk: møte fredag";

/** Two measures T001, T002 in Vurdering (A2:P4) and Sjekkliste (A1:R3), recomputed once. */
async function twoMeasures(): Promise<SimWorkbook> {
  const wb = emptyWorkbook();
  const host = hostOf(wb);
  const rows = generatedRows(2).map((r, i) => ({ ...r, id: `T00${i + 1}` }));
  const created = await host.run((ctx) =>
    createLayout(ctx, defaultModel(), rows, newStore(defaultModel(), 3), "nb")
  );
  expect(created).toEqual({ ok: true });
  await host.run((ctx) => recompute(ctx, "nb", () => new Date("2026-11-27T12:00:00Z")));
  expect(wb.tableInfo(TABLES.scoring).address).toBe("A2:P4");
  expect(wb.tableInfo(TABLES.checklist).address).toBe("A1:R3");
  return wb;
}

async function run(wb: SimWorkbook): Promise<RecomputeResult> {
  return hostOf(wb).run((ctx) => recompute(ctx, "nb", () => new Date("2026-11-27T12:00:00Z")));
}

/** Everything on a sheet except one cell, as comparable text. */
function sheetWithout(wb: SimWorkbook, sheet: string, except?: string): string {
  const g = wb.toGrids().find((x) => x.name === sheet)!;
  const cells: string[] = [];
  g.rows.forEach((row, r) =>
    row?.forEach((c, col) => {
      const a = `${String.fromCharCode(65 + col)}${r + 1}`;
      if (c && a !== except)
        cells.push(`${a}=${JSON.stringify(c)}|${JSON.stringify(wb.getCell(sheet, a))}`);
    })
  );
  return cells.join("\n");
}

interface Case {
  sheet: string;
  where: string;
  cell: string;
}

const CASES: Case[] = [
  {
    sheet: SHEETS.scoring,
    where: "two rows below the last measure (one blank row between), under Tiltak",
    cell: "B6",
  },
  {
    sheet: SHEETS.scoring,
    where: "right below the last measure (no blank row), under Tiltak",
    cell: "B5",
  },
  {
    sheet: SHEETS.scoring,
    where: "right below the last measure (no blank row), under ID",
    cell: "A5",
  },
  { sheet: SHEETS.scoring, where: "three rows below, under a score column", cell: "F7" },
  { sheet: SHEETS.scoring, where: "beside the header row (no blank column)", cell: "Q2" },
  { sheet: SHEETS.scoring, where: "beside the header row (one blank column between)", cell: "R2" },
  { sheet: SHEETS.scoring, where: "beside a measure (no blank column)", cell: "Q3" },
  {
    sheet: SHEETS.checklist,
    where: "two rows below the last row (one blank row between), under Tiltak",
    cell: "B5",
  },
  {
    sheet: SHEETS.checklist,
    where: "right below the last row (no blank row), under Tiltak",
    cell: "B4",
  },
  {
    sheet: SHEETS.checklist,
    where: "right below the last row (no blank row), under a question",
    cell: "G4",
  },
  { sheet: SHEETS.checklist, where: "beside the header row (no blank column)", cell: "S1" },
  {
    sheet: SHEETS.checklist,
    where: "beside the header row (one blank column between)",
    cell: "T1",
  },
  { sheet: SHEETS.checklist, where: "beside a row (no blank column)", cell: "S2" },
];

describe.each(CASES)("a note on $sheet $where ($cell)", ({ sheet, cell }) => {
  test("is not a measure, is not copied, is not written over; every output equals the workbook without it", async () => {
    const plain = await twoMeasures();
    const noted = await twoMeasures();
    // The person typed the note; AutoExpansion undone (Ctrl+Z), so the table keeps its size.
    noted.userEdit(sheet, cell, NOTE, { autoExpand: false });
    const tablesBefore = [TABLES.scoring, TABLES.checklist].map((t) => noted.tableInfo(t).address);

    // Twice, as the controller does after the checklist sync appended rows.
    for (let pass = 0; pass < 2; pass++) {
      const a = await run(plain);
      noted.resetSyncCount();
      const b = await run(noted);
      expect(noted.syncCount).toBe(3);
      if (a.kind !== "ready" || b.kind !== "ready") throw new Error(`${a.kind}/${b.kind}`);
      expect(b.read.assessment.measures.map((m) => m.id)).toEqual(["T001", "T002"]);
      expect(b.read.checklist!.table.rows.map((r) => r.id)).toEqual(["T001", "T002"]);
      expect(b.read.assessment.measures).toEqual(a.read.assessment.measures);
      expect(b.read.assessment.findings).toEqual(a.read.assessment.findings);
      expect(b.read.checklist!.plan).toEqual(a.read.checklist!.plan);
    }
    expect(noted.getCell(sheet, cell)).toEqual({ value: NOTE, numberFormat: "General" });
    expect([TABLES.scoring, TABLES.checklist].map((t) => noted.tableInfo(t).address)).toEqual(
      tablesBefore
    );
    for (const s of [SHEETS.scoring, SHEETS.checklist, SHEETS.ranking, STORE_SHEET]) {
      expect(sheetWithout(noted, s, s === sheet ? cell : undefined)).toBe(sheetWithout(plain, s));
    }
    expect(noted.sheetNames()).toEqual(plain.sheetNames());
  });
});

test("the pane's actions read the tables to their end too: an answer, an orphan removal and a new checklist leave the note alone", async () => {
  const wb = await twoMeasures();
  const host = hostOf(wb);
  wb.userEdit(SHEETS.checklist, "A4", "T001", { autoExpand: false }); // a note that looks like an id, under the ID column
  wb.userEdit(SHEETS.scoring, "A5", "T002", { autoExpand: false });
  const c = new ExcelController(host, "nb", { clock: () => new Date("2026-11-27T12:00:00Z") });
  c.notifyChanged = () => undefined; // the test recomputes explicitly
  await c.start();
  expect(c.getState().assessment!.measures.map((m) => m.id)).toEqual(["T001", "T002"]);

  // The answer goes to T001's row inside the table, not to the note row that says T001.
  await c.setAnswer("T001", "samstyre", true);
  expect(wb.getCell(SHEETS.checklist, "G2").value).toBe("Ja");
  expect(wb.getCell(SHEETS.checklist, "G4").value).toBe(null);
  expect(wb.getCell(SHEETS.checklist, "A4").value).toBe("T001");

  // Removing T002 from the checklist (after it is gone from Vurdering) deletes its table row only.
  for (const col of "ABCDEFGHIJKLMNOP") wb.userEdit(SHEETS.scoring, `${col}4`, "");
  await c.recalc();
  expect(
    c
      .getState()
      .assessment!.findings.filter((f) => f.code === "checklist-only-checklist")
      .map((f) => f.measureId)
  ).toEqual(["T002"]);
  await c.resolveOrphan("T002", "remove");
  expect(c.getState().status).toBe("ready");
  expect(wb.tableInfo(TABLES.checklist).address).toBe("A1:R2");
  // The note moved up with the cells under the table (Excel shifts them), unchanged.
  expect(wb.getCell(SHEETS.checklist, "A3").value).toBe("T001");
  expect(wb.getCell(SHEETS.scoring, "A5").value).toBe("T002");
  expect(c.getState().assessment!.measures.map((m) => m.id)).toEqual(["T001"]);

  // A new checklist is seeded from the scoring table's rows only, not from the note under it.
  await host.run(async (ctx) => {
    ctx.workbook.worksheets.getItem(SHEETS.checklist).delete();
    await ctx.sync();
  });
  await c.createChecklist();
  expect(c.getState().status).toBe("ready");
  expect(c.getState().checklist!.entries.map((e) => e.id)).toEqual(["T001"]);
  expect(wb.tableInfo(TABLES.checklist).address).toBe("A1:R2");
  expect(wb.getCell(SHEETS.scoring, "A5").value).toBe("T002");
});

test("a note right under the Modell table is not a criterion, and what the person wrote beside it stays", async () => {
  const plain = await twoMeasures();
  const wb = await twoMeasures();
  expect(wb.tableInfo(TABLES.model).address).toBe("A1:J17");
  wb.userEdit(SHEETS.model, "A18", NOTE, { autoExpand: false });
  wb.userEdit(SHEETS.model, "J18", "Obs", { autoExpand: false });
  wb.userEdit(SHEETS.model, "L8", "Husk", { autoExpand: false }); // under the settings table (L1:M7)
  const a = await run(plain);
  const b = await run(wb);
  if (a.kind !== "ready" || b.kind !== "ready") throw new Error(`${a.kind}/${b.kind}`);
  expect(b.read.modelProblems).toEqual([]);
  expect(b.read.model).toEqual(a.read.model);
  expect(b.read.assessment.findings).toEqual(a.read.assessment.findings);
  expect(wb.getCell(SHEETS.model, "J18").value).toBe("Obs");
  expect(wb.getCell(SHEETS.model, "A18").value).toBe(NOTE);
  expect(wb.getCell(SHEETS.model, "L8").value).toBe("Husk");
});

test("weights are written inside the Modell table only: a note under it is not a criterion row", async () => {
  const wb = await twoMeasures();
  wb.userEdit(SHEETS.model, "A18", NOTE, { autoExpand: false });
  wb.userEdit(SHEETS.model, "A19", "nytte", { autoExpand: false }); // a note that names a criterion
  const c = new ExcelController(hostOf(wb), "nb", {
    clock: () => new Date("2026-11-27T12:00:00Z"),
  });
  c.notifyChanged = () => undefined;
  await c.start();
  await c.setWeight("nytte", 2);
  expect(c.getState().status).toBe("ready");
  const nytteRow = [...Array(17).keys()]
    .map((i) => i + 1)
    .find((r) => wb.getCell(SHEETS.model, `A${r}`).value === "nytte")!;
  expect(wb.getCell(SHEETS.model, `G${nytteRow}`).value).toBe(2);
  expect(c.getState().model!.criteria.find((g) => g.id === "nytte")!.weight).toBe(2);
  await c.resetWeights();
  expect(wb.getCell(SHEETS.model, `G${nytteRow}`).value).toBe(1);
  for (const a of ["G18", "G19"])
    expect(wb.getCell(SHEETS.model, a)).toEqual({ value: null, numberFormat: "General" });
  expect(wb.getCell(SHEETS.model, "A19").value).toBe("nytte");
});

test("a removed row goes to the log as it was typed: a formula as its formula, not its result", async () => {
  const wb = await twoMeasures();
  const c = new ExcelController(hostOf(wb), "nb", {
    clock: () => new Date("2026-11-27T12:00:00Z"),
  });
  c.notifyChanged = () => undefined;
  await c.start();
  wb.userEdit(SHEETS.checklist, "A3", ""); // T002 leaves the checklist: an orphan in Vurdering
  wb.userEdit(SHEETS.scoring, "P4", "=1+2"); // its Kommentar is a formula
  await c.recalc();
  await c.resolveOrphan("T002", "remove");
  expect(c.getState().status).toBe("ready");
  const log = wb.toGrids().find((g) => g.name === SHEETS.log)!;
  expect(log.rows[1]?.[2]?.value).toBe("Vurdering!A4:P4");
  expect(String(log.rows[1]?.[3]?.value).split(" | ")).toEqual([
    "T002",
    "Tiltak 2",
    "Tema 2",
    "",
    ...generatedRows(2)[1].scores.map((v) => (v === null ? "" : String(v))),
    "=1+2",
  ]);
});

test("a table whose ID or Tiltak header was typed over is not read as the scoring table (as without table information)", async () => {
  const wb = await twoMeasures();
  wb.userEdit(SHEETS.scoring, "A2", "Nr.");
  const result = await run(wb);
  expect(result.kind).toBe("absent");
  wb.userEdit(SHEETS.scoring, "A2", "ID");
  wb.userEdit(SHEETS.checklist, "G1", "Samarbeid");
  const again = await run(wb);
  if (again.kind !== "ready") throw new Error(again.kind);
  expect(again.read.checklist).toBeUndefined();
  expect(again.read.assessment.measures.map((m) => m.id)).toEqual(["T001", "T002"]);
});
