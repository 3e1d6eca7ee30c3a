/**
 * Rounds in the in-memory workbook: saving, the movement column in Rangering against the baseline
 * (kept through unrelated edits and weight changes, until the baseline changes), deleting (logged),
 * a damaged round, the file round trip, and the number of syncs.
 */
import { compareRounds, roundFromAssessment } from "../../src/core/rounds";
import { importLegacy } from "../../src/excel/legacy";
import { recompute } from "../../src/excel/recompute";
import { chooseBaseline, deleteRound, importRound, loadRounds, saveRound } from "../../src/excel/rounds";
import { readXlsx } from "../../src/cli/xlsx";
import { rankingHeaders, SHEETS, TABLES } from "../../src/grid/layout";
import { readRounds, ROUNDS_SHEET } from "../../src/grid/rounds-store";
import { workbookToXlsx } from "../../src/preview/download";
import ExcelJS from "exceljs";
import { worksheetToGrid } from "../../src/grid/xlsx";
import { readWorkbook } from "../../src/grid/workbook";
import { moveText, movesAgainst } from "../../src/core/movement";
import type { SimWorkbook } from "../../src/sim/workbook";
import { MEETING_XLSX, meetingWorkbook, valueAt } from "./helpers";

const AT = new Date("2026-11-27T10:00:00Z");

async function imported(): Promise<SimWorkbook> {
  const wb = await meetingWorkbook();
  await wb.run((ctx) => importLegacy(ctx, "nb"));
  await wb.run((ctx) => recompute(ctx, "nb"));
  return wb;
}

/** The Endring column of Rangering by measure id. */
function moves(wb: SimWorkbook): Record<string, string> {
  const grid = wb.toGrids().find((g) => g.name === SHEETS.ranking)!;
  const header = grid.rows[0]!.map((c) => c?.value);
  const idCol = header.indexOf("ID");
  const moveCol = header.indexOf("Endring");
  const out: Record<string, string> = {};
  for (const row of grid.rows.slice(1)) if (row?.[idCol]?.value) out[String(row[idCol]!.value)] = String(row[moveCol]?.value ?? "");
  return out;
}

async function ok<T>(p: Promise<{ ok: true; value: T } | { ok: false; message: string }>): Promise<T> {
  const r = await p;
  if (!r.ok) throw new Error(r.message);
  return r.value;
}

test("without rounds the Endring column is there, last, and blank", async () => {
  const wb = await imported();
  const model = await meetingModel(wb);
  expect(wb.toGrids().find((g) => g.name === SHEETS.ranking)!.rows[0]!.map((c) => c?.value)).toEqual(rankingHeaders(model));
  expect(rankingHeaders(model).slice(-2)).toEqual(["Utvalg", "Endring"]);
  expect(new Set(Object.values(moves(wb)))).toEqual(new Set([""]));
});

async function meetingModel(wb: SimWorkbook) {
  const r = await wb.run((ctx) => recompute(ctx, "nb"));
  if (r.kind !== "ready") throw new Error(r.kind);
  return r.read.model;
}

test("a saved round is the baseline: movement shows after a score edit and stays through unrelated edits and a weight change", async () => {
  const wb = await imported();
  wb.resetSyncCount();
  const round = await ok(wb.run((ctx) => saveRound(ctx, "Runde 1 =SUM(A1)", "nb", AT)));
  expect(wb.syncCount).toBe(3);
  expect(round.name).toBe("Runde 1 =SUM(A1)");
  expect(round.measures).toHaveLength(14);
  expect(wb.sheetInfo(ROUNDS_SHEET).visibility).toBe("VeryHidden");

  wb.resetSyncCount();
  const r0 = await wb.run((ctx) => recompute(ctx, "nb"));
  expect(wb.syncCount).toBe(3);
  if (r0.kind !== "ready") throw new Error(r0.kind);
  expect(r0.baseline?.name).toBe("Runde 1 =SUM(A1)");
  // Ranked measures unchanged («–»), the one without a total blank.
  const m0 = moves(wb);
  expect(Object.values(m0).filter((v) => v === "–")).toHaveLength(13);
  expect(m0.T006).toBe("");

  // T006 (row 8) gets Nytte scores: ranked 12th with 14, so 12 and 13 move down one.
  for (const col of ["K", "L", "M", "N", "O"]) wb.userEdit(SHEETS.scoring, `${col}8`, "6");
  const r1 = await wb.run((ctx) => recompute(ctx, "nb"));
  if (r1.kind !== "ready") throw new Error(r1.kind);
  const m1 = moves(wb);
  expect(m1.T006).toBe("ny");
  const movedDown = r1.read.assessment.measures.filter((m) => m.rank !== null && m.rank > 12).map((m) => m.id);
  expect(movedDown.map((id) => m1[id])).toEqual(movedDown.map(() => "↓1"));
  const after = { ...m1 };

  // An unrelated edit (a comment) and a second recompute keep every arrow.
  wb.userEdit(SHEETS.scoring, "C2", "'Eier endret");
  await wb.run((ctx) => recompute(ctx, "nb"));
  await wb.run((ctx) => recompute(ctx, "nb"));
  expect(moves(wb)).toEqual(after);

  // A weight change re-ranks; movement is still against round 1 (not against the previous ranking).
  const model = wb.toGrids().find((g) => g.name === SHEETS.model)!;
  const weightRow = model.rows.findIndex((r) => r?.[0]?.value === "kost");
  wb.userEdit(SHEETS.model, `D${weightRow + 1}`, "3");
  const r2 = await wb.run((ctx) => recompute(ctx, "nb"));
  if (r2.kind !== "ready") throw new Error(r2.kind);
  const round1 = new Map(round.measures.map((m) => [m.id, m.rank]));
  for (const m of r2.read.assessment.measures) {
    if (m.rank === null) continue;
    const was = round1.get(m.id) ?? null;
    const want = was === null ? "ny" : was === m.rank ? "–" : was > m.rank ? `↑${was - m.rank}` : `↓${m.rank - was}`;
    expect([m.id, moves(wb)[m.id]]).toEqual([m.id, want]);
  }
});

test("a second round becomes the baseline unless one is chosen; choosing and going back to the last round", async () => {
  const wb = await imported();
  await ok(wb.run((ctx) => saveRound(ctx, "Før", "nb", AT)));
  for (const col of ["K", "L", "M", "N", "O"]) wb.userEdit(SHEETS.scoring, `${col}8`, "6");
  await ok(wb.run((ctx) => saveRound(ctx, "Etter", "nb", new Date("2026-11-27T11:00:00Z"))));
  await wb.run((ctx) => recompute(ctx, "nb"));
  expect(moves(wb).T006).toBe("–");

  wb.resetSyncCount();
  expect(await ok(wb.run((ctx) => chooseBaseline(ctx, "R1", "nb")))).toBe("Før");
  expect(wb.syncCount).toBe(3);
  const r = await wb.run((ctx) => recompute(ctx, "nb"));
  if (r.kind !== "ready") throw new Error(r.kind);
  expect(r.baseline?.roundId).toBe("R1");
  expect(moves(wb).T006).toBe("ny");

  // A third round does not move a chosen baseline.
  await ok(wb.run((ctx) => saveRound(ctx, "Tredje", "nb", new Date("2026-11-27T12:00:00Z"))));
  const r3 = await wb.run((ctx) => recompute(ctx, "nb"));
  expect(r3.kind === "ready" && r3.baseline?.roundId).toBe("R1");

  await ok(wb.run((ctx) => chooseBaseline(ctx, null, "nb")));
  const r4 = await wb.run((ctx) => recompute(ctx, "nb"));
  expect(r4.kind === "ready" && r4.baseline?.roundId).toBe("R3");
});

test("deleting a round clears its column, logs it, and the baseline falls back to the last round left", async () => {
  const wb = await imported();
  await ok(wb.run((ctx) => saveRound(ctx, "Før", "nb", AT)));
  await ok(wb.run((ctx) => saveRound(ctx, "Etter", "nb", AT)));
  wb.resetSyncCount();
  expect(await ok(wb.run((ctx) => deleteRound(ctx, "R2", "nb", AT)))).toBe("Etter");
  expect(wb.syncCount).toBe(3);
  const rounds = await ok(wb.run((ctx) => loadRounds(ctx, "nb")));
  expect(rounds.rounds.map((r) => r.round.name)).toEqual(["Før"]);
  expect(rounds.problems).toEqual([]);
  expect(valueAt(wb, ROUNDS_SHEET, "D1")).toBeNull();
  const log = wb.toGrids().find((g) => g.name === SHEETS.log)!;
  const last = log.rows[log.rows.length - 1]!.map((c) => c?.value);
  expect(last.slice(1, 4)).toEqual(["Runde slettet", "PrioRunder!D1", expect.stringContaining("«Etter», lagret")]);
  expect(String(last[3])).toContain("14 tiltak");
  const r = await wb.run((ctx) => recompute(ctx, "nb"));
  expect(r.kind === "ready" && r.baseline?.roundId).toBe("R1");
  // The last round gone: no baseline, the column blank again.
  await ok(wb.run((ctx) => deleteRound(ctx, "R1", "nb", AT)));
  const r2 = await wb.run((ctx) => recompute(ctx, "nb"));
  expect(r2.kind === "ready" && r2.baseline).toBeNull();
  expect(new Set(Object.values(moves(wb)))).toEqual(new Set([""]));
  // A new round reuses a free column.
  await ok(wb.run((ctx) => saveRound(ctx, "Ny", "nb", AT)));
  const again = await ok(wb.run((ctx) => loadRounds(ctx, "nb")));
  expect(again.rounds.map((r) => [r.round.id, r.col])).toEqual([["R3", 2]]);
});

test("a damaged round is reported by name and the other rounds still load; the baseline is not taken from it", async () => {
  const wb = await imported();
  await ok(wb.run((ctx) => saveRound(ctx, "Første", "nb", AT)));
  await ok(wb.run((ctx) => saveRound(ctx, "Andre", "nb", AT)));
  // Someone edits round 1's text in the hidden sheet.
  const text = String(valueAt(wb, ROUNDS_SHEET, "C2"));
  wb.userEdit(ROUNDS_SHEET, "C2", `'${text.replace('"rank":1', '"rank":2')}`);
  const read = await ok(wb.run((ctx) => loadRounds(ctx, "nb")));
  expect(read.rounds.map((r) => r.round.name)).toEqual(["Andre"]);
  expect(read.problems).toEqual([{ roundId: "R1", name: "Første", cell: "PrioRunder!C1", detail: expect.stringContaining("checksum") }]);
  // The recompute's baseline is round 2 (the last one), which reads well.
  const r = await wb.run((ctx) => recompute(ctx, "nb"));
  expect(r.kind === "ready" && r.baseline?.roundId).toBe("R2");
});

test("rounds survive saving the file and opening it again", async () => {
  const wb = await imported();
  await ok(wb.run((ctx) => saveRound(ctx, "'Runde 1' = 2025", "nb", AT)));
  for (const col of ["K", "L", "M", "N", "O"]) wb.userEdit(SHEETS.scoring, `${col}8`, "6");
  await wb.run((ctx) => recompute(ctx, "nb"));
  const before = moves(wb);
  expect(before.T006).toBe("ny");

  const data = await workbookToXlsx(wb);
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(data);
  expect(book.getWorksheet(ROUNDS_SHEET)!.state).toBe("veryHidden");
  const grids = book.worksheets.map(worksheetToGrid);
  const read = readRounds(grids.find((g) => g.name === ROUNDS_SHEET));
  expect(read.problems).toEqual([]);
  expect(read.rounds.map((r) => r.round.name)).toEqual(["'Runde 1' = 2025"]);
  expect(read.meta.kind === "ok" && read.meta.meta.baseline?.roundId).toBe("R1");
  const now = readWorkbook(grids);
  if (now.kind !== "addin" || read.meta.kind !== "ok") throw new Error(now.kind);
  // The movement read back from the file is the one the sheet showed.
  const again = movesAgainst(read.meta.meta.baseline!, now.assessment.measures);
  for (const m of now.assessment.measures) expect([m.id, moveText(again.get(m.id), m.rank !== null, "ny")]).toEqual([m.id, before[m.id]]);
  // The comparison with now names the changed cells.
  const nowRound = roundFromAssessment(now.assessment, { id: "now", name: "nå", savedAt: AT.toISOString(), source: "workbook" });
  const c = compareRounds(read.rounds[0].round, nowRound);
  expect(c.cells.filter((x) => x.id === "T006").map((x) => [x.cell, x.from, x.to])).toEqual(
    ["K", "L", "M", "N", "O"].map((col) => [`Vurdering!${col}8`, null, 6]),
  );
});

test("last year's meeting workbook imported as a round is the baseline, matched by theme and name", async () => {
  const wb = await imported();
  const file = await readXlsx(MEETING_XLSX);
  wb.resetSyncCount();
  const round = await ok(wb.run((ctx) => importRound(ctx, { name: "prioritering-2022-09.xlsx", grids: file.grids }, "Møtet 2022", "nb", AT)));
  expect(wb.syncCount).toBe(3);
  expect(round.source).toBe("file");
  expect(round.measures).toHaveLength(14);
  const r = await wb.run((ctx) => recompute(ctx, "nb"));
  if (r.kind !== "ready") throw new Error(r.kind);
  // The imported workbook ranks exactly as the meeting: every measure found, none moved.
  const m = moves(wb);
  expect(Object.values(m).filter((v) => v === "–")).toHaveLength(13);
  expect(wb.tableNames()).toContain(TABLES.ranking);
});

test("a name that is only spaces, and a file with nothing to rank, are refused with a message; nothing is written", async () => {
  const wb = await imported();
  const blank = await wb.run((ctx) => saveRound(ctx, "   ", "nb", AT));
  expect(blank).toEqual({ ok: false, message: "Skriv et navn på runden." });
  const none = await wb.run((ctx) => importRound(ctx, { name: "tom.xlsx", grids: [{ name: "Ark1", rows: [] }] }, "X", "en", AT));
  expect(none).toEqual({ ok: false, message: "No measures to rank in “tom.xlsx”. Choose a workbook with the scoring table or the meeting layout." });
  expect(wb.sheetNames()).not.toContain(ROUNDS_SHEET);
});

test("with a baseline a recompute still writes only what changed: nothing when nothing changed, nothing for a comment", async () => {
  const wb = await imported();
  await ok(wb.run((ctx) => saveRound(ctx, "Runde 1", "nb", AT)));
  await wb.run((ctx) => recompute(ctx, "nb"));
  wb.resetCellWrites();
  await wb.run((ctx) => recompute(ctx, "nb"));
  expect(wb.cellWrites).toBe(0);
  // T006 gets Nytte scores (ranked now: «ny»); then a comment changes no rank, so no cell is written.
  for (const col of ["K", "L", "M", "N"]) wb.userEdit(SHEETS.scoring, `${col}8`, "6");
  await wb.run((ctx) => recompute(ctx, "nb"));
  const before = moves(wb);
  wb.resetCellWrites();
  wb.userEdit(SHEETS.scoring, "P8", "'kommentar");
  await wb.run((ctx) => recompute(ctx, "nb"));
  expect(wb.cellWrites).toBe(0);
  expect(moves(wb)).toEqual(before);
});

test("a workbook laid out before the Endring column: the table gets it on the next recompute and the chart follows the rebuilt table", async () => {
  const wb = await imported();
  // The layout as it was: the Rangering table without its last column.
  await wb.run(async (ctx) => {
    ctx.workbook.tables.getItem(TABLES.ranking).columns.getItem("Endring").delete();
    await ctx.sync();
  });
  expect(wb.tableInfo(TABLES.ranking).address).toBe("A1:P15");
  wb.resetSyncCount();
  await wb.run((ctx) => recompute(ctx, "nb"));
  expect(wb.syncCount).toBe(3);
  expect(wb.tableInfo(TABLES.ranking).address).toBe("A1:Q15");
  expect(valueAt(wb, SHEETS.ranking, "Q1")).toBe("Endring");
  // A new measure: the table grows by a row and the chart reads it (bound to the rebuilt table).
  await ok(wb.run((ctx) => saveRound(ctx, "Runde 1", "nb", AT)));
  await wb.run(async (ctx) => {
    ctx.workbook.tables.getItem(TABLES.scoring).rows.add(undefined, [["", "'Nytt tiltak", "", "", 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, ""]]);
    await ctx.sync();
  });
  await wb.run((ctx) => recompute(ctx, "nb"));
  expect(wb.tableInfo(TABLES.ranking).address).toBe("A1:Q16");
  const [chart] = wb.charts(SHEETS.ranking);
  expect(chart.series.map((s) => s.values)).toEqual(["Rangering!M2:M16", "Rangering!N2:N16", "Rangering!O2:O16"]);
  expect(Object.values(moves(wb))).toContain("ny");
});

test("saved by LibreOffice (PrioRunder hidden, not very hidden): still the rounds, the baseline kept, hidden very again; a hidden sheet of a person's stays theirs", async () => {
  const wb = await imported();
  const round = await ok(wb.run((ctx) => saveRound(ctx, "Før møtet", "nb", AT)));
  wb.userEdit(SHEETS.scoring, "E3", "1");
  await wb.run((ctx) => recompute(ctx, "nb"));
  const before = moves(wb);
  await wb.run(async (ctx) => {
    ctx.workbook.worksheets.getItem(ROUNDS_SHEET).visibility = "Hidden";
    await ctx.sync();
  });
  wb.resetSyncCount();
  const r = await wb.run((ctx) => recompute(ctx, "nb"));
  expect(wb.syncCount).toBe(3);
  if (r.kind !== "ready") throw new Error(r.kind);
  expect(r.baseline?.name).toBe(round.name);
  expect(moves(wb)).toEqual(before);
  expect(wb.sheetInfo(ROUNDS_SHEET).visibility).toBe("VeryHidden");
  // Hidden again before the Runder view opens: it loads the round.
  await wb.run(async (ctx) => {
    ctx.workbook.worksheets.getItem(ROUNDS_SHEET).visibility = "Hidden";
    await ctx.sync();
  });
  const read = await ok(wb.run((ctx) => loadRounds(ctx, "nb")));
  expect(read.rounds.map((x) => x.round.name)).toEqual(["Før møtet"]);

  // A person's own hidden sheet named PrioRunder: not read as rounds, not hidden further, refused by name.
  const other = await imported();
  await other.run(async (ctx) => {
    const sheet = ctx.workbook.worksheets.add(ROUNDS_SHEET);
    sheet.getRange("A1:A2").values = [["Mine notater"], ["ikke runder"]];
    sheet.visibility = "Hidden";
    await ctx.sync();
  });
  const r2 = await other.run((ctx) => recompute(ctx, "nb"));
  if (r2.kind !== "ready") throw new Error(r2.kind);
  expect(r2.baseline).toBeNull();
  expect(other.sheetInfo(ROUNDS_SHEET).visibility).toBe("Hidden");
  expect(valueAt(other, ROUNDS_SHEET, "A1")).toBe("Mine notater");
  expect(await other.run((ctx) => loadRounds(ctx, "nb"))).toEqual({ ok: false, message: "Arket «PrioRunder» er skjult, men holder ikke tilleggets runder. Gi det et annet navn; ingenting er endret." });
});
