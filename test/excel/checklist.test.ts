/**
 * The checklist in the in-memory workbook, through the controller: the 2020 portfolio's 55
 * measures get their published segments through the Sjekkliste table, and the two tables stay
 * in step (add, rename, delete, near-duplicates), with segment changes in the log.
 */
import { columnLetters } from "../../src/core/address";
import { defaultModel } from "../../src/core/model";
import { ExcelController } from "../../src/excel/controller";
import { createLayout } from "../../src/excel/layout";
import { excelDateTime } from "../../src/excel/legacy";
import { CHECKLIST_ORDER, SHEETS, type ChecklistColumn } from "../../src/grid/layout";
import { newStore } from "../../src/grid/store";
import { SimWorkbook } from "../../src/sim/workbook";
import { MEASURES_2020, jaNei } from "../support/checklist";
import { emptyWorkbook, hostOf, settle, valueAt } from "./helpers";

/** Column letter of a checklist column (the table starts in A). */
const col = (k: ChecklistColumn) => columnLetters(CHECKLIST_ORDER.indexOf(k));

async function portfolio(n = MEASURES_2020.length): Promise<{ wb: SimWorkbook; c: ExcelController }> {
  const wb = emptyWorkbook();
  const measures = MEASURES_2020.slice(0, n);
  const rows = measures.map((m) => ({ id: m.id, name: m.name, theme: m.theme, actor: m.actor, scores: [], comment: "" }));
  await wb.run((ctx) => createLayout(ctx, defaultModel(), rows, newStore(defaultModel(), n + 1), "nb"));
  const c = new ExcelController(hostOf(wb), "nb", { debounceMs: 5, clock: () => new Date("2026-11-23T10:00:00Z") });
  await c.start();
  return { wb, c };
}

test("the 55 measures of the 2020 checklist test, answered in the Sjekkliste table, get exactly their published segments", async () => {
  const { wb, c } = await portfolio();
  MEASURES_2020.forEach((m, i) => {
    for (const [q, a] of Object.entries(m.answers)) wb.userEdit(SHEETS.checklist, `${col(q as ChecklistColumn)}${i + 2}`, jaNei(a) ?? "");
  });
  await settle(150);
  const entries = c.getState().checklist!.entries;
  expect(entries).toHaveLength(55);
  for (const m of MEASURES_2020) {
    const e = entries.find((x) => x.id === m.id)!;
    expect([m.name, e.placement.segment]).toEqual([m.name, m.segment]);
  }
  expect(c.getState().checklist!.summary).toEqual({ bySegment: { Samstyre: 30, Koordinere: 11, Inspirere: 8, Observere: 6 }, ut: 0, notAssessed: 0, reportsPerYear: 162 });
  // The computed columns on the sheet.
  expect(valueAt(wb, SHEETS.checklist, `${col("entry")}2`)).toBe("Inn");
  expect(valueAt(wb, SHEETS.checklist, `${col("segment")}2`)).toBe("Samstyre");
  expect(valueAt(wb, SHEETS.checklist, `${col("reporting")}2`)).toBe("4 ganger i året: status og risiko");
  const observere = MEASURES_2020.findIndex((m) => m.segment === "Observere") + 2;
  expect(valueAt(wb, SHEETS.checklist, `${col("reporting")}${observere}`)).toBe("2 ganger i året: fremdrift, erfaringer og hindringer");
});

test("an unanswered question gives «ikke vurdert», never a guessed segment; a Nei on significance gives Ut", async () => {
  const { c } = await portfolio(2);
  await c.setAnswer("T001", "digitaliseringVesentlig", true);
  await c.setAnswer("T001", "flereAktorer", true);
  await c.setAnswer("T001", "gjenbrukEllerDeling", true);
  let e = c.getState().checklist!.entries.find((x) => x.id === "T001")!;
  expect(e.placement).toEqual({ entry: "inn", segment: "ikke-vurdert", unanswered: "samstyre" });
  await c.setAnswer("T001", "samstyre", false);
  e = c.getState().checklist!.entries.find((x) => x.id === "T001")!;
  expect(e.placement).toEqual({ entry: "inn", segment: "ikke-vurdert", unanswered: "koordinere" });
  await c.setAnswer("T002", "flereAktorer", false);
  e = c.getState().checklist!.entries.find((x) => x.id === "T002")!;
  expect(e.placement).toMatchObject({ entry: "ut", segment: null, no: ["flereAktorer"] });
});

describe("keeping the two tables in step", () => {
  test("a measure added in Vurdering appears in Sjekkliste, and the other way round", async () => {
    const { wb, c } = await portfolio(3);
    wb.userEdit(SHEETS.scoring, "B6", "Ny kjernejournalfunksjon");
    wb.userEdit(SHEETS.scoring, "D6", "Norsk helsenett");
    await settle(80);
    expect(valueAt(wb, SHEETS.scoring, "A6")).toBe("T004");
    expect([valueAt(wb, SHEETS.checklist, "A5"), valueAt(wb, SHEETS.checklist, "B5"), valueAt(wb, SHEETS.checklist, "C5")]).toEqual([
      "T004",
      "Ny kjernejournalfunksjon",
      "Norsk helsenett",
    ]);

    wb.userEdit(SHEETS.checklist, "B6", "Helsedata på tvers");
    await settle(80);
    expect(valueAt(wb, SHEETS.checklist, "A6")).toBe("T005");
    expect([valueAt(wb, SHEETS.scoring, "A7"), valueAt(wb, SHEETS.scoring, "B7")]).toEqual(["T005", "Helsedata på tvers"]);
    expect(c.getState().assessment!.measures.map((m) => m.id)).toContain("T005");
  });

  test("a rename follows the ID, from either table; renamed on both sides it is a finding and neither wins", async () => {
    const { wb, c } = await portfolio(3);
    wb.userEdit(SHEETS.scoring, "B3", "Akson forberedelse (fase 1)");
    await settle(80);
    expect(valueAt(wb, SHEETS.checklist, "B2")).toBe("Akson forberedelse (fase 1)");
    wb.userEdit(SHEETS.checklist, "B3", "Digital patologi, interregional");
    await settle(80);
    expect(valueAt(wb, SHEETS.scoring, "B4")).toBe("Digital patologi, interregional");

    wb.userEdit(SHEETS.scoring, "B5", "Pakkeforløp hjem (kreft)");
    wb.userEdit(SHEETS.checklist, "B4", "Pakkeforløp kreft hjemme");
    await settle(80);
    await c.recalc();
    expect(valueAt(wb, SHEETS.scoring, "B5")).toBe("Pakkeforløp hjem (kreft)");
    expect(valueAt(wb, SHEETS.checklist, "B4")).toBe("Pakkeforløp kreft hjemme");
    expect(c.getState().assessment!.findings.find((f) => f.code === "checklist-name-conflict")).toMatchObject({ measureId: "T003", cell: "Sjekkliste!B4" });
  });

  test("an error value typed into ID, Tiltak or Aktør (either table) stays: nothing copied over it or from it, no new id, a finding at its cell", async () => {
    const { wb, c } = await portfolio(3);
    const before = wb.toGrids().find((g) => g.name === SHEETS.log);
    wb.userEdit(SHEETS.scoring, "B4", "#N/A");
    wb.userEdit(SHEETS.scoring, "D4", "#REF!");
    wb.userEdit(SHEETS.scoring, "A3", "#N/A");
    wb.userEdit(SHEETS.checklist, "B4", "#DIV/0!");
    await settle(80);
    await c.recalc();
    // Excel's typed error values, as the person left them.
    expect(valueAt(wb, SHEETS.scoring, "B4")).toEqual({ error: "#N/A" });
    expect(valueAt(wb, SHEETS.scoring, "D4")).toEqual({ error: "#REF!" });
    expect(valueAt(wb, SHEETS.scoring, "A3")).toEqual({ error: "#N/A" });
    expect(valueAt(wb, SHEETS.checklist, "B4")).toEqual({ error: "#DIV/0!" });
    // The other table keeps its own text; nothing is added to it for the row without an id.
    expect([valueAt(wb, SHEETS.checklist, "B3"), valueAt(wb, SHEETS.checklist, "C3")]).toEqual(["Interregional Digital Patologi", "Helse Vest RHF"]);
    expect(valueAt(wb, SHEETS.scoring, "B5")).toBe("Pakkeforløp hjem - kreft");
    expect(wb.tableRowCount("PrioSjekkliste")).toBe(3);
    expect(wb.toGrids().find((g) => g.name === SHEETS.log)).toEqual(before);
    const found = c
      .getState()
      .assessment!.findings.filter((f) => f.code === "table-error-value")
      .map((f) => [f.cell, f.params.raw, f.params.column, f.measureId]);
    expect(found).toEqual([
      ["Vurdering!A3", "#N/A", "ID", "rad-3"],
      ["Vurdering!B4", "#N/A", "Tiltak", "T002"],
      ["Vurdering!D4", "#REF!", "Aktør", "T002"],
      ["Sjekkliste!B4", "#DIV/0!", "Tiltak", "T003"],
    ]);
    expect(c.getState().assessment!.findings.map((f) => f.code)).not.toContain("table-missing-name");
    // Once the person types a name again, the tables follow it as before.
    wb.userEdit(SHEETS.scoring, "B4", "Digital patologi");
    await settle(80);
    await c.recalc();
    expect(valueAt(wb, SHEETS.checklist, "B3")).toBe("Digital patologi");
  });

  test("a row deleted from one table is a finding, never re-added or deleted silently; the person chooses", async () => {
    const { wb, c } = await portfolio(3);
    // A person deletes T002's row in Sjekkliste.
    await wb.run(async (ctx) => {
      ctx.workbook.worksheets.getItem(SHEETS.checklist).getRange("A3:R3").delete("Up");
      await ctx.sync();
    });
    await settle(80);
    const orphan = c.getState().assessment!.findings.find((f) => f.code === "checklist-only-scoring");
    expect(orphan).toMatchObject({ measureId: "T002", cell: "Vurdering!B4" });
    expect(valueAt(wb, SHEETS.scoring, "A4")).toBe("T002");
    expect(wb.tableRowCount("PrioSjekkliste")).toBe(2);

    await c.resolveOrphan("T002", "add");
    expect(wb.tableRowCount("PrioSjekkliste")).toBe(3);
    expect(c.getState().assessment!.findings.map((f) => f.code)).not.toContain("checklist-only-scoring");

    // Deleted again, and this time removed from Vurdering too, with the row logged.
    await wb.run(async (ctx) => {
      ctx.workbook.worksheets.getItem(SHEETS.checklist).getRange("A4:R4").delete("Up");
      await ctx.sync();
    });
    await settle(80);
    await c.resolveOrphan("T002", "remove");
    expect(c.getState().assessment!.measures.map((m) => m.id)).toEqual(["T001", "T003"]);
    expect(c.getState().assessment!.findings.map((f) => f.code)).not.toContain("checklist-only-scoring");
    const log = wb.toGrids().find((g) => g.name === SHEETS.log)!;
    expect(log.rows[1]?.[1]?.value).toBe("Fjernet fra Vurdering");
    expect(String(log.rows[1]?.[3]?.value)).toContain("Interregional Digital Patologi");
  });

  test("names that look like the same measure under different IDs are flagged with both", async () => {
    const { wb, c } = await portfolio(3);
    wb.userEdit(SHEETS.scoring, "B6", "Akson forberedelse");
    await settle(80);
    const f = c.getState().assessment!.findings.find((x) => x.code === "near-duplicate");
    expect(f?.params).toMatchObject({ id: "T001", name: "Akson - forberedelse", otherId: "T004", otherName: "Akson forberedelse" });
  });

  test("a change of segment is logged with the date, from, to and the answer that changed", async () => {
    const { wb, c } = await portfolio(1);
    for (const q of ["digitaliseringVesentlig", "flereAktorer", "gjenbrukEllerDeling"] as const) await c.setAnswer("T001", q, true);
    await c.setAnswer("T001", "samstyre", false);
    await c.setAnswer("T001", "koordinere", true);
    await c.setAnswer("T001", "samstyre", true);
    const log = wb.toGrids().find((g) => g.name === SHEETS.log)!;
    const entries = log.rows.slice(1).map((r) => Array.from({ length: 6 }, (_, i) => r[i]?.value ?? null));
    expect(entries).toContainEqual([
      excelDateTime(new Date("2026-11-23T10:00:00Z")),
      "Segmentendring: Bredt samarbeid? Nei → Ja",
      `Sjekkliste!${col("segment")}2`,
      "Koordinere",
      "Samstyre",
      "Akson - forberedelse",
    ]);
    expect(entries.map((e) => [e[3], e[4]])).toEqual([
      ["ikke vurdert", "Koordinere"],
      ["Koordinere", "Samstyre"],
    ]);
  });
});
