/**
 * One language per workbook: the text the add-in writes into sheets (Fullstendighet, Merknader,
 * Rapportering, Logg) follows the workbook's setting — set from the display language when the
 * layout is created, changeable in the pane — not the display language of whoever recomputed.
 * Logg times are Excel date-times in local time.
 */
import { execFileSync } from "child_process";
import { defaultModel } from "../../src/core/model";
import { ExcelController } from "../../src/excel/controller";
import { createLayout } from "../../src/excel/layout";
import { excelDateTime } from "../../src/excel/legacy";
import { SHEETS } from "../../src/grid/layout";
import { newStore } from "../../src/grid/store";
import { readStore } from "../../src/grid/workbook";
import { SimWorkbook } from "../../src/sim/workbook";
import { emptyWorkbook, hostOf, valueAt } from "./helpers";

async function layoutIn(lang: "nb" | "en"): Promise<SimWorkbook> {
  const wb = emptyWorkbook();
  const rows = [{ id: "T001", name: "PLL", theme: "", actor: "", scores: [7], comment: "" }];
  await wb.run((ctx) => createLayout(ctx, defaultModel(), rows, newStore(defaultModel(), 2), lang));
  return wb;
}

const controller = (wb: SimWorkbook, lang: "nb" | "en") =>
  new ExcelController(hostOf(wb), lang, { debounceMs: 5, clock: () => new Date("2026-11-23T10:00:00Z") });

test("a workbook made in English gets English text in its sheets when someone with a Norwegian display recomputes", async () => {
  const wb = await layoutIn("en");
  expect(readStore(wb.toGrids())).toMatchObject({ kind: "ok", store: { lang: "en" } });
  const c = controller(wb, "nb");
  await c.start();
  expect(c.getState().workbookLang).toBe("en");
  expect(valueAt(wb, SHEETS.ranking, "J2")).toBe("10 missing");
  expect(String(valueAt(wb, SHEETS.ranking, "K2"))).toMatch(/^PLL has no score for /);
  // The pane itself stays in the display language.
  expect(c.getState().lang).toBe("nb");
});

test("the same recompute from an English display keeps a Norwegian workbook in bokmål; the pane changes it, and the sheets follow", async () => {
  const wb = await layoutIn("nb");
  const c = controller(wb, "en");
  await c.start();
  expect(valueAt(wb, SHEETS.ranking, "J2")).toBe("Mangler 10");
  expect(String(valueAt(wb, SHEETS.ranking, "K2"))).toMatch(/^PLL mangler score for /);
  await c.setAnswer("T001", "digitaliseringVesentlig", true);
  for (const q of ["flereAktorer", "gjenbrukEllerDeling", "samstyre"] as const) await c.setAnswer("T001", q, true);
  expect(valueAt(wb, SHEETS.checklist, "L2")).toBe("4 ganger i året: status og risiko");
  expect(String(valueAt(wb, SHEETS.log, "B2"))).toMatch(/^Segmentendring: /);

  await c.setWorkbookLang("en");
  expect(c.getState()).toMatchObject({ workbookLang: "en", notice: "The add-in now writes notes, reporting and the log in English in this workbook." });
  expect(valueAt(wb, SHEETS.ranking, "J2")).toBe("10 missing");
  expect(valueAt(wb, SHEETS.checklist, "L2")).toBe("4 times a year: status and risk");
  await c.setAnswer("T001", "samstyre", false);
  await c.setAnswer("T001", "koordinere", true);
  const log = wb.toGrids().find((g) => g.name === SHEETS.log)!;
  expect(String(log.rows[log.rows.length - 1]?.[1]?.value)).toMatch(/^Segment change: /);
});

test("Logg times are Excel serial date-times in local time (run in Oslo's time zone)", () => {
  const script = [
    'const { excelDateTime } = require("./src/excel/legacy");',
    'console.log(JSON.stringify([excelDateTime(new Date("2026-11-23T10:00:00Z")), excelDateTime(new Date("2026-07-01T10:00:00Z"))]));',
  ].join("\n");
  const out = execFileSync("npx", ["tsx", "-e", script], { cwd: `${__dirname}/../..`, env: { ...process.env, TZ: "Europe/Oslo" }, encoding: "utf8" });
  const [winter, summer] = JSON.parse(out.trim().split("\n").pop()!) as number[];
  // 10:00 UTC is 11:00 in Oslo on 23 November (UTC+1) and 12:00 on 1 July (UTC+2).
  expect(winter).toBeCloseTo(46349 + 11 / 24, 9);
  expect(summer).toBeCloseTo(46204 + 12 / 24, 9);
});
