/**
 * The controller's rounds: the pane's state carries the baseline after saving, keeps it through a
 * weight change and a score edit (movement against the round, not the previous recompute), and
 * reads the rounds back for the Runder view; refusals are warnings and change nothing.
 */
import { movesAgainst } from "../../src/core/movement";
import { ExcelController } from "../../src/excel/controller";
import { SHEETS } from "../../src/grid/layout";
import { ROUNDS_SHEET } from "../../src/grid/rounds-store";
import { findingMessage } from "../../src/i18n";
import { hostOf, meetingWorkbook, settle } from "./helpers";

test("save, edit, change a weight, choose the baseline and delete, through the controller", async () => {
  const wb = await meetingWorkbook();
  const c = new ExcelController(hostOf(wb), "nb", { debounceMs: 5, clock: () => new Date("2026-11-23T10:00:00Z") });
  await c.start();
  await c.importLegacy();
  expect(c.getState().baseline).toBeNull();

  await c.rounds.save("Runde 1");
  let s = c.getState();
  expect([s.notice, s.noticeKind]).toEqual(["Runden «Runde 1» er lagret (14 tiltak).", "success"]);
  expect(s.baseline?.name).toBe("Runde 1");
  expect(s.rounds?.rounds.map((r) => r.name)).toEqual(["Runde 1"]);
  const saved = new Map(s.rounds!.rounds[0].measures.map((m) => [m.id, m.rank]));

  // A weight change and a score edit: the baseline stays, so the pane's moves are against round 1.
  await c.setWeight("nytte", 2);
  wb.userEdit(SHEETS.scoring, "E15", "0");
  await settle();
  s = c.getState();
  expect(s.baseline?.roundId).toBe("R1");
  const moves = movesAgainst(s.baseline!, s.assessment!.measures);
  for (const m of s.assessment!.measures) {
    if (m.rank === null) continue;
    const was = saved.get(m.id)!;
    expect([m.id, moves.get(m.id)]).toEqual([m.id, was === m.rank ? undefined : { by: was - m.rank, from: was }]);
  }
  expect(moves.size).toBeGreaterThan(0);

  await c.rounds.save("Runde 2");
  expect(c.getState().baseline?.roundId).toBe("R2");
  await c.rounds.choose("R1");
  expect([c.getState().notice, c.getState().baseline?.roundId, c.getState().rounds?.pinned]).toEqual(["Bevegelse vises nå mot «Runde 1».", "R1", "R1"]);

  await c.rounds.remove("R1");
  s = c.getState();
  expect(s.notice).toBe("Runden «Runde 1» er slettet.");
  expect([s.baseline?.roundId, s.rounds?.pinned, s.rounds?.rounds.map((r) => r.id)]).toEqual(["R2", null, ["R2"]]);

  // Refused: a blank name, an unknown round. Warnings; nothing written.
  await c.rounds.save("  ");
  expect([c.getState().notice, c.getState().noticeKind]).toEqual(["Skriv et navn på runden.", "warning"]);
  await c.rounds.remove("R9");
  expect([c.getState().notice, c.getState().noticeKind]).toEqual(["Runden finnes ikke lenger. Les rundene på nytt.", "warning"]);
  expect(wb.sheetInfo(ROUNDS_SHEET).visibility).toBe("VeryHidden");
});

test("a visible sheet called PrioRunder is a person's: the rounds refuse to write and the recompute ignores it", async () => {
  const wb = await meetingWorkbook();
  const c = new ExcelController(hostOf(wb), "en", { debounceMs: 5 });
  await c.start();
  await c.importLegacy();
  await wb.run(async (ctx) => {
    ctx.workbook.worksheets.add(ROUNDS_SHEET).getRange("A1").values = [["mine"]];
    await ctx.sync();
  });
  await c.rounds.save("Round 1");
  expect([c.getState().notice, c.getState().noticeKind]).toEqual(["The sheet “PrioRunder” is not the add-in's own (it is visible). Rename it; nothing was changed.", "warning"]);
  expect(wb.getCell(ROUNDS_SHEET, "A1").value).toBe("mine");
  await c.recalc();
  expect(c.getState().baseline).toBeNull();
});

test("a damaged round is a finding naming it, in Funn and in Runder; a damaged register is a finding of the recompute", async () => {
  const wb = await meetingWorkbook();
  const c = new ExcelController(hostOf(wb), "nb", { debounceMs: 5 });
  await c.start();
  await c.importLegacy();
  await c.rounds.save("Første runde");
  await c.rounds.save("Andre runde");
  wb.userEdit(ROUNDS_SHEET, "C2", `'${String(wb.getCell(ROUNDS_SHEET, "C2").value).slice(0, -5)}`);
  await c.rounds.load();
  const s = c.getState();
  expect(s.rounds?.rounds.map((r) => r.name)).toEqual(["Andre runde"]);
  expect(s.rounds?.findings.map((f) => [f.code, f.cell, findingMessage(f, "nb").split(" (")[0], findingMessage(f, "en").split(" (")[0]])).toEqual([
    ["round-damaged", "PrioRunder!C1", "Runden «Første runde» er skadet og ble ikke lest", "The round “Første runde” is damaged and was not read"],
  ]);

  // The register itself altered: the recompute reports it and shows no baseline; the rounds still load.
  wb.userEdit(ROUNDS_SHEET, "A2", "'{}");
  wb.userEdit(ROUNDS_SHEET, "B2", "'{}");
  await c.recalc();
  expect(c.getState().baseline).toBeNull();
  expect(c.getState().assessment!.findings.filter((f) => f.code === "rounds-register-damaged").map((f) => f.cell)).toEqual(["PrioRunder!A1"]);
  await c.rounds.load();
  expect(c.getState().rounds?.rounds.map((r) => r.name)).toEqual(["Andre runde"]);
});
