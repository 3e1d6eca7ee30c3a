/**
 * The Veikart sheet and Utvalg by step (issue 21) in the recompute's three syncs, on
 * examples/utvalg.xlsx, whose plan test/cli/plan-example.test.ts checks by hand: the sheet is made
 * with one row per measure (each step best score first, then «Senere» with its reason) and the
 * sums per step beside it; Rangering's Utvalg says the step; a recompute with nothing changed
 * writes nothing; a changed step frame writes only the cells that change; a person's own sheet
 * named Veikart is left alone.
 */
import { promises as fs } from "fs";
import * as path from "path";
import { openXlsx } from "../../src/preview/workbook";
import { recompute } from "../../src/excel/recompute";
import { RANKING_FIXED, rankingHeaders, SHEETS, TABLES } from "../../src/grid/layout";
import { VEIKART_HEADERS, VEIKART_SUM_HEADERS } from "../../src/grid/plan-layout";
import { SimWorkbook } from "../../src/sim/workbook";
import type { RecomputeResult } from "../../src/excel/recompute";

const FILE = path.join(__dirname, "../../examples/utvalg.xlsx");
const MINIMUM = ["T001", "T004", "T005", "T008", "T009", "T013", "T016", "T017", "T018"];
const STEG2 = ["T001", "T002", "T004", "T005", "T006", "T007", "T008", "T009", "T010", "T011", "T013", "T014", "T016", "T017", "T018", "T019", "T020", "T024"];
const STEG3 = ["T021", "T022", "T025", "T026", "T029"];
const STEG4 = ["T012", "T015", "T028"];
const LATER = ["T003", "T023", "T027", "T030"];

async function example(): Promise<SimWorkbook> {
  const data = await fs.readFile(FILE);
  const opened = await openXlsx(new Uint8Array(data).buffer, "utvalg.xlsx", "nb");
  if (!opened.ok) throw new Error(opened.message);
  return opened.workbook;
}

async function recomputed(wb: SimWorkbook): Promise<Extract<RecomputeResult, { kind: "ready" }>> {
  wb.resetSyncCount();
  const r = await wb.run((ctx) => recompute(ctx, "nb"));
  expect(wb.syncCount).toBe(3);
  if (r.kind !== "ready") throw new Error(r.kind);
  return r;
}

const rowsOf = (wb: SimWorkbook, sheet: string) => wb.toGrids().find((g) => g.name === sheet)!.rows.map((r) => Array.from(r ?? [], (c) => c?.value ?? null));

/** Modell's cell of the steps table's frame for a step (A1 address). */
function stepFrameCell(wb: SimWorkbook, step: string): string {
  const rows = rowsOf(wb, SHEETS.model);
  for (let r = 0; r < rows.length; r++) {
    const c = rows[r].indexOf(step);
    if (c >= 0 && typeof rows[r][c + 1] === "number") return `${String.fromCharCode(65 + c + 1)}${r + 1}`;
  }
  throw new Error(step);
}

function utvalg(wb: SimWorkbook, r: Extract<RecomputeResult, { kind: "ready" }>): Map<string, string> {
  const headers = rankingHeaders(r.read.model);
  const id = headers.indexOf(RANKING_FIXED.id);
  const col = headers.indexOf(RANKING_FIXED.selection);
  const rows = rowsOf(wb, SHEETS.ranking);
  const out = new Map<string, string>();
  for (let i = 1; i <= wb.tableRowCount(TABLES.ranking); i++) out.set(String(rows[i][id]), String(rows[i][col] ?? ""));
  return out;
}

test("the example's plan on the Veikart sheet and in Utvalg, as reasoned by hand; nothing written when nothing changed", async () => {
  const wb = await example();
  expect(wb.sheetNames()).not.toContain("Veikart");
  const r = await recomputed(wb);
  expect(wb.sheetNames()).toContain("Veikart");
  expect(wb.tableRowCount("PrioVeikart")).toBe(30);
  const rows = rowsOf(wb, "Veikart");
  expect(rows[0].slice(0, 7)).toEqual([...VEIKART_HEADERS]);
  const body = rows.slice(1, 31);
  const byStep = (step: string) => body.filter((x) => x[0] === step).map((x) => String(x[1]));
  expect(byStep("Steg 2").sort()).toEqual(STEG2);
  expect(byStep("Steg 3").sort()).toEqual(STEG3);
  expect(byStep("Steg 4").sort()).toEqual(STEG4);
  expect(byStep("Senere").sort()).toEqual(LATER);
  // Each step best score first.
  for (const step of ["Steg 2", "Steg 3", "Steg 4"]) {
    const scores = body.filter((x) => x[0] === step).map((x) => Number(x[4]));
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
  }
  const row = (id: string) => body.find((x) => x[1] === id)!;
  expect(row("T001")[6]).toBe("minimum");
  expect(row("T002")[6]).toBe("pluss");
  expect(LATER.map((id) => row(id)[3])).toEqual([42, 95, 9, 88]);
  expect(row("T028").slice(0, 4)).toEqual(["Steg 4", "T028", "Kritisk info: Nasjonal kjernejournal for tannhelse", 27.5]);
  expect(row("T027")[6]).toBe("holdes utenfor");
  expect(row("T023")[6]).toBe("passer ikke i noe steg: koster 95, mest ledig 0,5 MNOK (Steg 4)");
  expect(row("T003")[6]).toBe("alternativ til Legemidler: Legemiddelmodul i kommunal journal, som er med i Steg 3 (gruppen Legemidler i kommunene)");
  // The sums beside the table.
  const sums = rows.slice(0, 5).map((x) => x.slice(8, 13));
  expect(sums[0]).toEqual([...VEIKART_SUM_HEADERS]);
  expect(sums.slice(1).map((x) => x.slice(0, 4))).toEqual([
    ["Steg 2", 240, 240, 18],
    ["Steg 3", 128, 128, 5],
    ["Steg 4", 100, 99.5, 3],
    ["Senere", null, LATER.map((id) => Number(row(id)[3])).reduce((a, b) => a + b, 0), 4],
  ]);
  // Rangering's Utvalg says the step.
  const words = utvalg(wb, r);
  for (const id of STEG2) expect(words.get(id)).toBe(`Steg 2 · ${MINIMUM.includes(id) ? "minimum" : "pluss"}`);
  for (const id of STEG3) expect(words.get(id)).toBe("Steg 3");
  for (const id of STEG4) expect(words.get(id)).toBe("Steg 4");
  for (const id of LATER) expect(words.get(id)).toBe("Senere");
  // Nothing changed: nothing written.
  wb.resetCellWrites();
  await recomputed(wb);
  expect(wb.cellWrites).toBe(0);
}, 120_000);

test("a larger Steg 4 moves a measure in: only the cells that change are written, and the table keeps its rows", async () => {
  const wb = await example();
  await recomputed(wb);
  const before = rowsOf(wb, "Veikart");
  // Steg 4 at 200 MNOK: T023 (95) fits beside T012, T015, T028 (99,5).
  wb.userEdit(SHEETS.model, stepFrameCell(wb, "Steg 4"), 200);
  wb.resetCellWrites();
  const r = await recomputed(wb);
  const after = rowsOf(wb, "Veikart");
  expect(wb.tableRowCount("PrioVeikart")).toBe(30);
  const body = after.slice(1, 31);
  expect(body.filter((x) => x[0] === "Steg 4").map((x) => String(x[1])).sort()).toEqual(["T012", "T015", "T023", "T028"]);
  let changed = 0;
  for (let i = 0; i < Math.max(before.length, after.length); i++)
    for (let j = 0; j < 13; j++) if ((before[i]?.[j] ?? null) !== (after[i]?.[j] ?? null)) changed++;
  expect(changed).toBeGreaterThan(0);
  // The changed Veikart cells and T023's Utvalg cell, nothing else.
  expect(wb.cellWrites).toBe(changed + 1);
  expect(utvalg(wb, r).get("T023")).toBe("Steg 4");
}, 120_000);

test("a person's own sheet named Veikart is neither read nor written", async () => {
  const wb = await example();
  wb.addSheet("Veikart");
  wb.userEdit("Veikart", "A1", "mine");
  await recomputed(wb);
  expect(rowsOf(wb, "Veikart")).toEqual([["mine"]]);
}, 120_000);
