/**
 * The controller on the council meeting workbook, as a facilitator would use it: import, edit a
 * score, change a weight, synchronise the old sheets; and what it refuses to do.
 */
import { allFindings, type MeasureResult } from "../../src/core/assess";
import { ExcelController } from "../../src/excel/controller";
import { excelDateTime, readLegacy } from "../../src/excel/legacy";
import { markRule } from "../../src/excel/recompute/marks";
import { SHEETS, TABLES } from "../../src/grid/layout";
import { STORE_SHEET } from "../../src/grid/store";
import { SimWorkbook } from "../../src/sim/workbook";
import { gridsExcept, hostOf, meetingWorkbook, settle, valueAt, writeNextSlot } from "./helpers";

const AT = excelDateTime(new Date("2026-11-23T10:00:00Z"));


const OWN = [SHEETS.scoring, SHEETS.model, SHEETS.ranking, SHEETS.checklist, SHEETS.log, STORE_SHEET];

function byName(measures: MeasureResult[], name: string): MeasureResult {
  const m = measures.find((x) => x.name === name);
  if (!m) throw new Error(`no measure ${name}`);
  return m;
}

async function started(wb: SimWorkbook): Promise<ExcelController> {
  const c = new ExcelController(hostOf(wb), "nb", { debounceMs: 5, clock: () => new Date("2026-11-23T10:00:00Z") });
  await c.start();
  return c;
}

describe("the council meeting workbook", () => {
  test("opens as a legacy workbook with its ranking, and imports into the add-in's layout leaving the old sheets untouched", async () => {
    const wb = await meetingWorkbook();
    const before = gridsExcept(wb, OWN);
    const c = await started(wb);
    expect(c.getState().status).toBe("legacy");
    expect(c.getState().assessment!.measures.filter((m) => m.rank !== null)).toHaveLength(13);

    await c.importLegacy();
    const s = c.getState();
    expect(s.status).toBe("ready");
    expect(s.noticeKind).toBe("success");
    expect(s.hasLegacySheets).toBe(true);
    expect(gridsExcept(wb, OWN)).toEqual(before);

    const ms = s.assessment!.measures;
    expect(ms).toHaveLength(14);
    expect(ms[0]).toMatchObject({ name: "PLL", total: 22.75, rank: 1, tied: false });
    expect(byName(ms, "Implementering av DBEP")).toMatchObject({ rank: 6, tied: true });
    expect(byName(ms, "Dokumentdeling: Legevakt/ØHD")).toMatchObject({ rank: 6, tied: true });
    expect(byName(ms, "Dokumentdeling: Andre helseaktører/tjenester")).toMatchObject({ rank: null, total: null });

    // Typed text was carried over as text, so its finding follows it to the new cell and is highlighted.
    const ki = byName(ms, "Kritisk info: Andre helseaktører");
    const text = ki.findings.find((f) => f.code === "cell-text")!;
    expect(text.cell).toMatch(/^Vurdering!I\d+$/);
    const a1 = text.cell!.split("!")[1];
    expect(valueAt(wb, SHEETS.scoring, a1)).toBe("Sjekke med jurist?");
    // Marked by the add-in's own conditional format (a person's fills stay their own).
    expect(wb.conditionalFormats(SHEETS.scoring).filter((cf) => cf.address === a1)).toEqual([
      { address: a1, type: "Custom", priority: expect.any(Number), props: { custom: { rule: { formula: markRule(a1, "#F8CBAD") }, format: { fill: { color: "#F8CBAD" } } } } },
    ]);
    // The note beside the score went to the Kommentar column.
    const kiRow = Number(a1.slice(1));
    expect(valueAt(wb, SHEETS.scoring, `P${kiRow}`)).toBe("Juridisk utvikling: Lovkrav om meldeplikt?");

    // Rangering: ties shown as 6= through the number format, totals unrounded.
    const rank6 = [7, 8].map((r) => wb.getCell(SHEETS.ranking, `A${r}`));
    expect(rank6.map((c2) => c2.value)).toEqual([6, 6]);
    expect(rank6.map((c2) => c2.numberFormat)).toEqual(['0"="', '0"="']);
    expect(valueAt(wb, SHEETS.ranking, "C2")).toBe(22.75);
    expect(wb.tableRowCount(TABLES.ranking)).toBe(14);
  });

  test("typing scores for the measure without Nytte gives it a total and a rank, and removes its finding", async () => {
    const wb = await meetingWorkbook();
    const c = await started(wb);
    await c.importLegacy();
    const andre = byName(c.getState().assessment!.measures, "Dokumentdeling: Andre helseaktører/tjenester");
    expect(andre.findings.map((f) => f.code)).toContain("no-total");
    const row = Number(andre.address!.split("!")[1].slice(1));

    // Nytte's five questions are columns K–O.
    for (const col of ["K", "L", "M", "N", "O"]) wb.userEdit(SHEETS.scoring, `${col}${row}`, 6);
    await settle(80);

    const after = byName(c.getState().assessment!.measures, "Dokumentdeling: Andre helseaktører/tjenester");
    // Måloppnåelse (4+4)/2 = 4, Kostnader 4 (only teknisk typed), Nytte 6: 14, between 14.83 and 13.
    expect(after.total).toBe(14);
    expect(after.rank).toBe(12);
    expect(after.findings.map((f) => f.code)).not.toContain("no-total");
    expect(byName(c.getState().assessment!.measures, "Kritisk info: Andre helseaktører").rank).toBe(13);
    expect(c.getState().lastRecomputeMs).toBeGreaterThanOrEqual(0);

    // The add-in's own writes raise no events: nothing more happens once it has settled.
    const syncs = wb.syncCount;
    await settle(50);
    expect(wb.syncCount).toBe(syncs);
  });

  test("double weight on Nytte re-orders the ranking as computed by hand", async () => {
    const wb = await meetingWorkbook();
    const models: number[] = [];
    const c = new ExcelController(hostOf(wb), "nb", { debounceMs: 5, onModel: (m) => models.push(m.criteria.find((g) => g.id === "nytte")!.weight) });
    await c.start();
    await c.importLegacy();
    await c.setWeight("nytte", 2);
    const ms = c.getState().assessment!.measures;
    // Total = M + K + 2N: DBEP 7.5 + 4.5 + 2·6.1667 = 24.3333 < Kritisk info/fastleger 7.5 + 6.25 + 2·5.3333 = 24.4167;
    // Legevakt 7 + 6.5 + 2·4.6667 = 22.8333 no longer ties; Dokumentdeling/fastleger 19.8333 passes DHO 19.75.
    expect(ms.map((m) => [m.name, m.rank])).toEqual([
      ["PLL", 1],
      ["Dokumentdeling: Spesialisthelsetjenesten", 2],
      ["Kritisk info: Spesialisthelsetjenesten", 3],
      ["Kritisk info: Fastleger og avtalespesialister", 4],
      ["Implementering av DBEP", 5],
      ["Kritisk info: Kommunal helse- og omsorg", 6],
      ["Dokumentdeling: Legevakt/ØHD", 7],
      ["Felles hjelpenummer", 8],
      ["Dokumentdeling: Fastleger", 9],
      ["Generiske datadelingstjenester", 10],
      ["Dokumentdeling: Andre kommunal helse-omsorg", 11],
      ["Kritisk info: Andre helseaktører", 12],
      ["Dokumentdeling: Dokumenter utenfor kjernejournal", 13],
      ["Dokumentdeling: Andre helseaktører/tjenester", null],
    ]);
    expect(ms[0].total).toBeCloseTo(30.25, 12);
    // The Modell sheet holds the new weight and Sentral infrastruktur's share is now 2/4 · 1/3 = 1/6.
    const model = c.getState().model!;
    expect(model.criteria.find((g) => g.id === "nytte")!.weight).toBe(2);
    expect(c.getState().notice).toBeUndefined();
    // The custom functions were handed the new model (=PRIO.SCORE follows the weights).
    expect(models).toEqual([1, 2]);

    await c.resetWeights();
    expect(byName(c.getState().assessment!.measures, "Implementering av DBEP")).toMatchObject({ rank: 6, tied: true });
  });

  test("Synkroniser writes correct values into the old sheets and the summary, and logs what was there", async () => {
    const wb = await meetingWorkbook();
    const c = await started(wb);
    await c.syncLegacy();
    expect(c.getState().noticeKind).toBe("success");

    const after = await hostOf(wb).run((ctx) => readLegacy(ctx));
    const codes = allFindings(after.assessment!).map((f) => f.code);
    for (const gone of ["legacy-formula", "legacy-error-value", "legacy-rank-stale", "legacy-rank-missing", "summary-score", "summary-rank", "summary-tie", "summary-missing", "summary-typed"]) {
      expect(codes).not.toContain(gone);
    }
    // What only a person can decide stays: the summary's names, the text in a score cell, the missing Nytte.
    expect(codes).toEqual(expect.arrayContaining(["summary-name", "cell-text", "no-total"]));

    expect(valueAt(wb, "Felles hjelpenummer", "C20")).toBeCloseTo(16.083333333333332, 12);
    expect(valueAt(wb, "Dokumentdeling", "G11")).toBeNull();
    expect(valueAt(wb, "DBEP", "C21")).toBe(6);
    expect(wb.getCell("Samlet", "C3").formula).toBe("Legemidler!C20");

    const log = wb.toGrids().find((g) => g.name === SHEETS.log)!;
    const entries = log.rows.slice(1).map((r) => Array.from({ length: 6 }, (_, i) => r[i]?.value ?? null));
    // The time is an Excel date-time (local time) shown with a date-time format.
    expect(wb.getCell(SHEETS.log, "A2").numberFormat).toBe("yyyy-mm-dd hh:mm:ss");
    expect(wb.getCell(SHEETS.log, `A${log.rows.length}`).numberFormat).toBe("yyyy-mm-dd hh:mm:ss");
    expect(entries).toContainEqual([AT, "Synkroniser", "'Felles hjelpenummer'!C20", "=C3+C6+C11+C18", "16.083333333333332", "Felles hjelpenummer"]);
    expect(entries).toContainEqual([AT, "Synkroniser", "Dokumentdeling!G11", "=AVERAGE(G12,G15,G18)", null, "Dokumentdeling: Andre helseaktører/tjenester"]);

    // A second Synkroniser finds nothing to do.
    await c.syncLegacy();
    expect(c.getState().notice).toBe("De opprinnelige arkene stemmer allerede med modellen; ingenting er endret.");
  });
});

describe("what the add-in refuses", () => {
  test("a sheet called Modell made by a person is never taken over", async () => {
    const wb = SimWorkbook.fromGrids([{ name: "Modell", rows: [[{ value: "Mine notater" }]] }]);
    const before = wb.toGrids();
    const c = await started(wb);
    // Said at once, with what to do; nothing is offered that would write.
    expect(c.getState().status).toBe("error");
    expect(c.getState().error).toBe(
      "Arket «Modell» har et navn tillegget bruker, men er ikke laget av tillegget. Gi arket et annet navn (høyreklikk på arkfanen, Gi nytt navn); til da skriver tillegget ingenting i arbeidsboken.",
    );
    await c.createWorkbook();
    expect(c.getState().noticeKind).toBe("warning");
    expect(c.getState().notice).toContain("«Modell»");
    expect(wb.toGrids()).toEqual(before);
  });

  test("a store written by a newer version stops every write", async () => {
    const wb = await meetingWorkbook();
    const c = await started(wb);
    await c.importLegacy();
    writeNextSlot(wb, JSON.stringify({ format: 99, model: {}, nextId: 1 }));
    const before = wb.toGrids();
    await c.recalc();
    expect(c.getState().status).toBe("error");
    expect(c.getState().error).toContain("format 99");
    expect(wb.toGrids()).toEqual(before);
    // Neither a new layout nor Synkroniser writes anything.
    await c.createWorkbook();
    expect(c.getState().notice).toContain("format 99");
    await c.syncLegacy();
    expect(c.getState().notice).toContain("format 99");
    expect(wb.toGrids()).toEqual(before);
  });

  test("a newer store stops Opprett and Synkroniser also when there is no Vurdering sheet yet", async () => {
    const wb = await meetingWorkbook();
    await wb.run(async (ctx) => {
      const sheet = ctx.workbook.worksheets.add(STORE_SHEET);
      sheet.visibility = "VeryHidden";
      await ctx.sync();
    });
    writeNextSlot(wb, JSON.stringify({ format: 99, model: {}, nextId: 1 }));
    const c = await started(wb);
    const before = wb.toGrids();
    await c.createWorkbook();
    expect(c.getState().notice).toBe("Arbeidsboken er lagret av en nyere versjon av tillegget (format 99). Oppdater tillegget; ingenting er endret i arbeidsboken.");
    await c.syncLegacy();
    expect(c.getState().notice).toBe("Arbeidsboken er lagret av en nyere versjon av tillegget (format 99). Oppdater tillegget; ingenting er endret i arbeidsboken.");
    await c.importLegacy();
    expect(c.getState().notice).toBe("Arbeidsboken er lagret av en nyere versjon av tillegget (format 99). Oppdater tillegget; ingenting er endret i arbeidsboken.");
    expect(wb.toGrids()).toEqual(before);
  });

  test("a damaged store is reported and kept as it is", async () => {
    const wb = await meetingWorkbook();
    const c = await started(wb);
    await c.importLegacy();
    writeNextSlot(wb, "{ this is not json");
    const store = wb.toGrids().find((g) => g.name === STORE_SHEET);
    await c.recalc();
    expect(c.getState().status).toBe("ready");
    expect(c.getState().assessment!.findings.map((f) => f.code)).toContain("store-damaged");
    expect(wb.toGrids().find((g) => g.name === STORE_SHEET)).toEqual(store);
  });

  test("a weight typed as text on the Modell sheet is a finding, and the last valid model still ranks", async () => {
    const wb = await meetingWorkbook();
    const c = await started(wb);
    await c.importLegacy();
    // Sheet row 5 of Modell is Kostnader (header, maal, maal.behov, maal.prioritet, kost); Vekt is column G.
    wb.userEdit(SHEETS.model, "G5", "mye");
    await settle(80);
    const s = c.getState();
    const f = s.assessment!.findings.find((x) => x.code === "model-invalid");
    expect(f?.params).toMatchObject({ problem: "weight", at: "kost" });
    expect(s.assessment!.measures[0]).toMatchObject({ name: "PLL", rank: 1, total: 22.75 });
  });
});

test("selecting a finding's cell activates its sheet and selects the cell", async () => {
  const wb = await meetingWorkbook();
  const c = await started(wb);
  await c.selectCell("'Kritisk info'!F9");
  expect(wb.selection()).toEqual({ sheet: "Kritisk info", address: "F9" });
});
