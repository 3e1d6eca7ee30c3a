/**
 * Text that looks like a formula (a leading =, +, -, @) stays text wherever the add-in writes
 * it: the new layout, the checklist sync, the Rangering table, a legacy import. And the sync
 * never writes over a cell that holds a person's formula.
 */
import { defaultModel } from "../../src/core/model";
import { ExcelController } from "../../src/excel/controller";
import { createLayout } from "../../src/excel/layout";
import { recompute } from "../../src/excel/recompute";
import { importLegacy, readLegacy, syncLegacy } from "../../src/excel/legacy";
import { SHEETS } from "../../src/grid/layout";
import { newStore } from "../../src/grid/store";
import { SimWorkbook } from "../../src/sim/workbook";
import { emptyWorkbook, hostOf, meetingWorkbook, settle } from "./helpers";

const TRICKY = ["= viktig tiltak (fase 2", "=SUM(1,2)", "+47 22 00 00 00", "-nytt tiltak", "@helse", "'sitat"];

function cell(wb: SimWorkbook, sheet: string, a1: string): { value: unknown; formula?: string } {
  const c = wb.getCell(sheet, a1);
  return c.formula === undefined ? { value: c.value } : { value: c.value, formula: c.formula };
}

test("a new layout writes names, Tema, Aktør and comments that start with = + - @ ' as the text they are", async () => {
  const wb = emptyWorkbook();
  const rows = TRICKY.map((name, i) => ({ id: `T00${i + 1}`, name, theme: `=tema${i}`, actor: `-aktør ${i}`, scores: [7], comment: `@merk ${i}` }));
  const created = await wb.run((ctx) => createLayout(ctx, defaultModel(), rows, newStore(defaultModel(), 7), "nb"));
  expect(created).toEqual({ ok: true });
  TRICKY.forEach((name, i) => {
    const r = i + 3;
    expect(cell(wb, SHEETS.scoring, `B${r}`)).toEqual({ value: name });
    expect(cell(wb, SHEETS.scoring, `C${r}`)).toEqual({ value: `=tema${i}` });
    expect(cell(wb, SHEETS.scoring, `D${r}`)).toEqual({ value: `-aktør ${i}` });
    expect(cell(wb, SHEETS.scoring, `P${r}`)).toEqual({ value: `@merk ${i}` });
    expect(cell(wb, SHEETS.checklist, `B${i + 2}`)).toEqual({ value: name });
    expect(cell(wb, SHEETS.checklist, `C${i + 2}`)).toEqual({ value: `-aktør ${i}` });
  });
  // Recomputing works and the ranking shows the full names («Tema: tiltak») as text.
  const result = await wb.run((ctx) => recompute(ctx, "nb"));
  expect(result.kind).toBe("ready");
  const names = wb.toGrids().find((g) => g.name === SHEETS.ranking)!.rows.slice(1).map((r) => r?.[1]);
  expect(names.map((c) => c?.formula)).toEqual(TRICKY.map(() => undefined));
  expect(names.map((c) => c?.value).sort()).toEqual(TRICKY.map((n, i) => `=tema${i}: ${n}`).sort());
});

test("a name typed as text «= viktig tiltak (fase 2» (an invalid formula) is copied to the checklist and ranked; recomputes keep working", async () => {
  const wb = emptyWorkbook();
  await wb.run((ctx) => createLayout(ctx, defaultModel(), [{ id: "T001", name: "PLL", theme: "", actor: "", scores: [], comment: "" }], newStore(defaultModel(), 2), "nb"));
  const c = new ExcelController(hostOf(wb), "nb", { debounceMs: 5 });
  await c.start();
  // The person types it with an apostrophe (Excel would refuse it as a formula).
  wb.userEdit(SHEETS.scoring, "B4", "'= viktig tiltak (fase 2");
  wb.userEdit(SHEETS.scoring, "D4", "'-Helsedirektoratet");
  wb.userEdit(SHEETS.scoring, "B3", "'+PLL (fase 2)");
  await settle(80);
  await c.recalc();
  expect(c.getState().status).toBe("ready");
  expect(cell(wb, SHEETS.checklist, "B3")).toEqual({ value: "= viktig tiltak (fase 2" });
  expect(cell(wb, SHEETS.checklist, "C3")).toEqual({ value: "-Helsedirektoratet" });
  expect(cell(wb, SHEETS.checklist, "B2")).toEqual({ value: "+PLL (fase 2)" });
  expect(c.getState().assessment!.measures.map((m) => m.name).sort()).toEqual(["+PLL (fase 2)", "= viktig tiltak (fase 2"]);
  // Renamed in the checklist: the text goes back to Vurdering as text.
  wb.userEdit(SHEETS.checklist, "B3", "'=viktig (fase 3)");
  await settle(80);
  await c.recalc();
  expect(c.getState().status).toBe("ready");
  expect(cell(wb, SHEETS.scoring, "B4")).toEqual({ value: "=viktig (fase 3)" });
});

test("the checklist sync never writes over a person's formula; its result is not copied over typed text", async () => {
  const wb = emptyWorkbook();
  const rows = ["PLL", "Akson"].map((name, i) => ({ id: `T00${i + 1}`, name, theme: "", actor: "", scores: [], comment: "" }));
  await wb.run((ctx) => createLayout(ctx, defaultModel(), rows, newStore(defaultModel(), 3), "nb"));
  await wb.run((ctx) => recompute(ctx, "nb"));
  // A person makes Sjekkliste's name of T001 a formula whose result differs from Vurdering's name.
  wb.userEdit(SHEETS.checklist, "B2", '="PLL"&" (fase 2)"');
  // And renames T002 in Vurdering, while Sjekkliste's T002 name is a formula.
  wb.userEdit(SHEETS.checklist, "B3", '="Akson"');
  await wb.run((ctx) => recompute(ctx, "nb"));
  wb.userEdit(SHEETS.scoring, "B4", "Akson journal");
  const result = await wb.run((ctx) => recompute(ctx, "nb"));
  expect(result.kind).toBe("ready");
  expect(cell(wb, SHEETS.checklist, "B2")).toEqual({ value: "PLL (fase 2)", formula: '"PLL"&" (fase 2)"' });
  expect(cell(wb, SHEETS.scoring, "B3")).toEqual({ value: "PLL" });
  expect(cell(wb, SHEETS.checklist, "B3")).toEqual({ value: "Akson", formula: '"Akson"' });
  expect(cell(wb, SHEETS.scoring, "B4")).toEqual({ value: "Akson journal" });
});

test("a legacy import carries names that start with = or - as text", async () => {
  const wb = await meetingWorkbook();
  const grids = wb.toGrids();
  // The first measure's name cell on the first theme sheet, found as the importer reads it.
  const before = await wb.run(async (ctx) => {
    const { readLegacy } = await import("../../src/excel/legacy");
    return readLegacy(ctx);
  });
  const first = before.legacy!.measures[0];
  const sheet = grids.find((g) => g.name === first.sheet)!;
  let at: { r: number; c: number } | undefined;
  sheet.rows.forEach((row, r) => row.forEach((c, col) => (c?.value === first.input.name && !at ? (at = { r, c: col }) : undefined)));
  const a1 = `${String.fromCharCode(65 + at!.c)}${at!.r + 1}`;
  wb.userEdit(first.sheet, a1, "'=Ny " + first.input.name);
  const result = await wb.run((ctx) => importLegacy(ctx, "nb"));
  expect(result.ok).toBe(true);
  expect(cell(wb, SHEETS.scoring, "B3")).toEqual({ value: "=Ny " + first.input.name });
  expect(cell(wb, SHEETS.checklist, "B2")).toEqual({ value: "=Ny " + first.input.name });
});

test("a measure put back into Vurdering from Sjekkliste keeps a name that starts with - as text", async () => {
  const wb = emptyWorkbook();
  const rows = ["PLL", "-Akson (fase 2"].map((name, i) => ({ id: `T00${i + 1}`, name, theme: "", actor: "@Helse Nord", scores: [], comment: "" }));
  await wb.run((ctx) => createLayout(ctx, defaultModel(), rows, newStore(defaultModel(), 3), "nb"));
  const c = new ExcelController(hostOf(wb), "nb", { debounceMs: 5 });
  await c.start();
  await wb.run(async (ctx) => {
    ctx.workbook.worksheets.getItem(SHEETS.scoring).getRange("A4:P4").delete("Up");
    await ctx.sync();
  });
  await settle(80);
  await c.recalc();
  expect(c.getState().assessment!.findings.map((f) => f.code)).toContain("checklist-only-checklist");
  await c.resolveOrphan("T002", "add");
  expect(c.getState().status).toBe("ready");
  expect(cell(wb, SHEETS.scoring, "B4")).toEqual({ value: "-Akson (fase 2" });
  expect(cell(wb, SHEETS.scoring, "D4")).toEqual({ value: "@Helse Nord" });
});

test("Synkroniser writes a measure's name that starts with = into the summary as text, and a second run finds nothing to do", async () => {
  const wb = await meetingWorkbook();
  const before = await wb.run((ctx) => readLegacy(ctx));
  const first = before.legacy!.measures.find((m) => m.input.name === "PLL")!;
  const sheet = wb.toGrids().find((g) => g.name === first.sheet)!;
  let at: { r: number; c: number } | undefined;
  sheet.rows.forEach((row, r) => row.forEach((c, col) => (c?.value === "PLL" && !at ? (at = { r, c: col }) : undefined)));
  wb.userEdit(first.sheet, `${String.fromCharCode(65 + at!.c)}${at!.r + 1}`, "'=PLL (fase 2");
  const synced = await wb.run((ctx) => syncLegacy(ctx, "nb", () => new Date("2026-11-23T10:00:00Z")));
  expect(synced.ok).toBe(true);
  const write = synced.writes.find((w) => w.after === "=PLL (fase 2")!;
  expect(write.formula).toBeUndefined();
  expect(wb.getCell(write.sheet, write.address.split("!")[1])).toMatchObject({ value: "=PLL (fase 2" });
  expect(wb.getCell(write.sheet, write.address.split("!")[1]).formula).toBeUndefined();
  const again = await wb.run((ctx) => syncLegacy(ctx, "nb", () => new Date("2026-11-23T10:00:00Z")));
  expect(again.writes).toEqual([]);
});
