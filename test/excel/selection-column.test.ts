/**
 * The Rangering table's Utvalg column: when Modell sets a budget frame, each measure's list in the
 * exact selection («Minimum», «Pluss», «Utenfor»; en: Minimum, Plus, Out, after the workbook's
 * language), in the recompute's three syncs, writing only the cells that change. HiGHS loads only
 * once a frame is set. On examples/utvalg.xlsx, whose lists test/cli/select-example.test.ts checks by hand.
 */
import { promises as fs } from "fs";
import * as path from "path";
import { openXlsx } from "../../src/preview/workbook";
import { recompute } from "../../src/excel/recompute";
import { setWorkbookLang } from "../../src/excel/store-actions";
import { select } from "../../src/core/select";
import { RANKING_FIXED, rankingHeaders, SHEETS, TABLES } from "../../src/grid/layout";
import { readSelectionInputs } from "../../src/grid/selection-inputs";
import { highsSolver } from "../../src/solve/highs";
import { SimWorkbook } from "../../src/sim/workbook";
import type { RecomputeResult } from "../../src/excel/recompute";

// select counted where the recompute calls it: the real function behind a jest.fn (module exports
// are read-only, so jest.spyOn cannot replace them).
jest.mock("../../src/core/select", () => {
  const actual = jest.requireActual<typeof import("../../src/core/select")>("../../src/core/select");
  return { ...actual, select: jest.fn(actual.select) };
});

let mockHighsLoaded = false;
jest.mock("highs", () => {
  mockHighsLoaded = true;
  return jest.requireActual("highs");
});

const FILE = path.join(__dirname, "../../examples/utvalg.xlsx");
const MINIMUM = ["T001", "T004", "T005", "T008", "T009", "T013", "T016", "T017", "T018"];
const PLUS = ["T002", "T006", "T007", "T010", "T011", "T014", "T019", "T020", "T024"];

/**
 * The example as the preview opens it (its tables and very hidden store restored), without its
 * steps table: with steps, Utvalg says the step (test/excel/veikart.test.ts); here, the single frame.
 */
async function example(): Promise<SimWorkbook> {
  const data = await fs.readFile(FILE);
  const opened = await openXlsx(new Uint8Array(data).buffer, "utvalg.xlsx", "nb");
  if (!opened.ok) throw new Error(opened.message);
  const wb = opened.workbook;
  const g = wb.toGrids().find((x) => x.name === SHEETS.model)!;
  const top = g.rows.findIndex((cells) => cells?.some((c) => c?.value === "Ramme (MNOK)"));
  const col = g.rows[top]!.findIndex((c) => c?.value === "Steg");
  for (let r = top; r < g.rows.length && g.rows[r]?.[col]?.value; r++)
    for (const c of [col, col + 1]) wb.userEdit(SHEETS.model, `${String.fromCharCode(65 + c)}${r + 1}`, "");
  return wb;
}

/** Modell's cell beside a setting's key (A1 address). */
function settingCell(wb: SimWorkbook, key: string): string {
  const g = wb.toGrids().find((x) => x.name === SHEETS.model)!;
  for (let r = 0; r < g.rows.length; r++) {
    const c = (g.rows[r] ?? []).findIndex((cell) => cell?.value === key);
    if (c >= 0) return `${String.fromCharCode(65 + c + 1)}${r + 1}`;
  }
  throw new Error(key);
}

/** The Utvalg column by measure id, as the Rangering sheet holds it. */
function utvalg(wb: SimWorkbook, model: Extract<RecomputeResult, { kind: "ready" }>["read"]["model"]): Map<string, string> {
  const headers = rankingHeaders(model);
  const id = headers.indexOf(RANKING_FIXED.id);
  const col = headers.indexOf(RANKING_FIXED.selection);
  const g = wb.toGrids().find((x) => x.name === SHEETS.ranking)!;
  const out = new Map<string, string>();
  for (let r = 1; r <= wb.tableRowCount(TABLES.ranking); r++) out.set(String(g.rows[r]?.[id]?.value), String(g.rows[r]?.[col]?.value ?? ""));
  return out;
}

async function recomputed(wb: SimWorkbook): Promise<Extract<RecomputeResult, { kind: "ready" }>> {
  wb.resetSyncCount();
  const r = await wb.run((ctx) => recompute(ctx, "nb"));
  expect(wb.syncCount).toBe(3);
  if (r.kind !== "ready") throw new Error(r.kind);
  return r;
}

test("without a frame the column is blank and HiGHS is not loaded; with the example's frames it holds the hand-checked lists, in three syncs", async () => {
  const wb = await example();
  const budget = settingCell(wb, "Budsjettramme (MNOK)");
  expect(wb.getCell(SHEETS.model, budget).value).toBe(240);
  wb.userEdit(SHEETS.model, budget, "");
  let r = await recomputed(wb);
  expect(mockHighsLoaded).toBe(false);
  expect([...utvalg(wb, r.read.model).values()].every((v) => v === "")).toBe(true);
  expect(utvalg(wb, r.read.model).size).toBe(30);

  wb.userEdit(SHEETS.model, budget, 240);
  wb.resetCellWrites();
  r = await recomputed(wb);
  // The example's two programs are settled by the reduction (core/selection-reduce.ts: bounds and the
  // forest's dynamic program) before HiGHS would be asked, so HiGHS need not load even here.
  const lists = utvalg(wb, r.read.model);
  const expected = new Map([...lists.keys()].map((id) => [id, MINIMUM.includes(id) ? "Minimum" : PLUS.includes(id) ? "Pluss" : "Utenfor"]));
  expect(lists).toEqual(expected);
  // Only the column was written: one cell per measure.
  expect(wb.cellWrites).toBe(30);
  // Nothing changed: nothing written.
  wb.resetCellWrites();
  await recomputed(wb);
  expect(wb.cellWrites).toBe(0);
});

test("holding a measure out changes the lists; the recompute writes exactly the Utvalg cells that changed, and they agree with the selection solved directly", async () => {
  const wb = await example();
  let r = await recomputed(wb);
  const before = utvalg(wb, r.read.model);
  // T009 (6 MNOK, the best per MNOK, on the minimum list) is held out: Valg is a column of Vurdering.
  const sGrid = wb.toGrids().find((g) => g.name === SHEETS.scoring)!;
  const headerRow = sGrid.rows.findIndex((cells) => cells?.some((c) => c?.value === "Valg"));
  const valgCol = sGrid.rows[headerRow]!.findIndex((c) => c?.value === "Valg");
  const row = sGrid.rows.findIndex((cells) => cells?.[0]?.value === "T009");
  expect([valgCol >= 0, row > 0]).toEqual([true, true]);
  expect(before.get("T009")).toBe("Minimum");
  wb.userEdit(SHEETS.scoring, `${String.fromCharCode(65 + valgCol)}${row + 1}`, "Holdes utenfor");
  wb.resetCellWrites();
  r = await recomputed(wb);
  const after = utvalg(wb, r.read.model);
  const changed = [...after].filter(([id, w]) => before.get(id) !== w);
  expect(after.get("T009")).toBe("Utenfor");
  expect(changed.map(([id]) => id)).toContain("T009");
  // Rank order did not change (Valg is not a score), so only the changed Utvalg cells are written.
  expect(wb.cellWrites).toBe(changed.length);
  // The same lists as the core selection over the same inputs with HiGHS.
  const inputs = readSelectionInputs(r.grids, r.read);
  const direct = await select({ ...inputs.problem, budget: inputs.problem.budget! }, highsSolver(), { entryBudgets: false, frontier: false });
  if (direct.status !== "ok") throw new Error(direct.status);
  const word = { minimum: "Minimum", plus: "Pluss", out: "Utenfor" } as const;
  expect(after).toEqual(new Map(direct.measures.map((m) => [m.id, word[m.list]])));
});

test("in an English workbook the words are Minimum, Plus and Out; a frame that is not an amount leaves the column blank", async () => {
  const wb = await example();
  await wb.run((ctx) => setWorkbookLang(ctx, "en", "nb"));
  let r = await recomputed(wb);
  const lists = utvalg(wb, r.read.model);
  expect(lists.get("T001")).toBe("Minimum");
  expect(lists.get("T002")).toBe("Plus");
  expect(lists.get("T003")).toBe("Out");
  expect(new Set(lists.values())).toEqual(new Set(["Minimum", "Plus", "Out"]));
  wb.userEdit(SHEETS.model, settingCell(wb, "Budsjettramme (MNOK)"), "mye");
  r = await recomputed(wb);
  expect([...utvalg(wb, r.read.model).values()].every((v) => v === "")).toBe(true);
});

test("a recompute whose selection inputs did not change solves nothing; a changed cost solves again", async () => {
  const wb = await example();
  await recomputed(wb);
  const spy = select as jest.MockedFunction<typeof select>;
  spy.mockClear();
  {
    const sGrid = wb.toGrids().find((g) => g.name === SHEETS.scoring)!;
    const headerRow = sGrid.rows.findIndex((cells) => cells?.some((c) => c?.value === "Kommentar"));
    const col = (name: string) => String.fromCharCode(65 + sGrid.rows[headerRow]!.findIndex((c) => c?.value === name));
    // A comment is not an input of the selection.
    wb.userEdit(SHEETS.scoring, `${col("Kommentar")}${headerRow + 2}`, "Drøftes i neste møte");
    const before = utvalg(wb, (await recomputed(wb)).read.model);
    expect(spy).not.toHaveBeenCalled();
    // T001's cost doubles: the selection is solved again.
    wb.userEdit(SHEETS.scoring, `${col("Kostnad (MNOK)")}${headerRow + 2}`, 40);
    const after = utvalg(wb, (await recomputed(wb)).read.model);
    expect(spy).toHaveBeenCalledTimes(1);
    expect(before.get("T001")).toBe("Minimum");
    expect(after.get("T001")).not.toBe("Minimum");
  }
});
