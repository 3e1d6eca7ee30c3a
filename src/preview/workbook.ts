/**
 * The preview's workbook: the council meeting example (or an empty one) in the in-memory
 * workbook, shared by the preview page and the task pane it shows in a frame.
 */
import { importLegacy } from "../excel/legacy";
import { recompute } from "../excel/recompute";
import type { Lang } from "../i18n";
import type { Grid } from "../grid/grid";
import { SimWorkbook } from "../sim/workbook";
import { readWorkbookFile } from "../ui/read-file";

export type ExampleKind = "imported" | "legacy" | "empty";

export const EXAMPLE_URL = "examples/prioritering-2022-09.xlsx";

/** What the preview page puts on `window` for the task pane's office.js stub to find. */
export interface PreviewHost {
  /** The workbook once in place; until then `pending` (the pane's frame loads meanwhile). */
  workbook?: SimWorkbook;
  pending?: Promise<SimWorkbook>;
  /** Starts making the workbook (the pane's office.js stub calls it as it starts; idempotent). */
  start?: () => void;
  displayLanguage: string;
  /** When the workbook was in place (performance.timeOrigin + performance.now()), for the speed figures. */
  readyAt?: number;
}

declare global {
  interface Window {
    __prioPreview?: PreviewHost;
  }
}

/** A file opened in the preview, or the one-line reason it is not read (src/grid/xlsx-guard.ts). */
export type Opened = { ok: true; workbook: SimWorkbook } | { ok: false; message: string };

/**
 * An .xlsx into the in-memory workbook, through the same guard as the command line: a hostile or
 * odd file (an absurd merge, a zip bomb, an old .xls, a CSV, a password) is refused in a moment
 * with a plain message instead of freezing the tab.
 */
export async function openXlsx(data: ArrayBuffer, fileName: string, lang: Lang): Promise<Opened> {
  const file = await readWorkbookFile(data, fileName, lang);
  if (!file.ok) return file;
  const sim = SimWorkbook.fromGrids(file.grids.length ? file.grids : [{ name: "Ark1", rows: [] }]);
  await restoreTablesAndVisibility(sim, file.grids, file.sheets);
  return { ok: true, workbook: sim };
}

/**
 * The file's Excel tables and hidden sheets, as Excel has them after opening: the add-in knows its
 * own sheets by their tables (and PrioData by being very hidden), so a workbook saved by the
 * add-in opens as the add-in's, not as a person's sheets with its names.
 */
async function restoreTablesAndVisibility(sim: SimWorkbook, grids: Grid[], states: (readonly [string, string])[]): Promise<void> {
  await sim.run(async (ctx) => {
    for (const g of grids) {
      for (const t of g.tables ?? []) {
        const sheet = ctx.workbook.worksheets.getItem(g.name);
        const range = sheet.getRangeByIndexes(t.headerRow, t.firstCol, t.lastRow - t.headerRow + 1, t.lastCol - t.firstCol + 1);
        const table = sheet.tables.add(range, true);
        table.name = t.name;
      }
    }
    for (const [name, state] of states) {
      if (state === "veryHidden") ctx.workbook.worksheets.getItem(name).visibility = "VeryHidden";
      else if (state === "hidden") ctx.workbook.worksheets.getItem(name).visibility = "Hidden";
    }
    await ctx.sync();
  });
  sim.resetSyncCount();
  sim.resetCellWrites();
}

export async function workbookFromXlsx(data: ArrayBuffer, lang: Lang = "nb"): Promise<SimWorkbook> {
  const opened = await openXlsx(data, EXAMPLE_URL, lang);
  if (!opened.ok) throw new Error(opened.message);
  return opened.workbook;
}

/** The example as asked: the original meeting workbook, imported into the add-in's layout, or empty. */
export async function loadExample(kind: ExampleKind, lang: Lang, base = ""): Promise<SimWorkbook> {
  if (kind === "empty") return SimWorkbook.fromGrids([{ name: "Ark1", rows: [] }]);
  const response = await fetch(`${base}${EXAMPLE_URL}`);
  if (!response.ok) throw new Error(`${EXAMPLE_URL}: ${response.status}`);
  const wb = await workbookFromXlsx(await response.arrayBuffer(), lang);
  if (kind === "imported") {
    const result = await wb.run((ctx) => importLegacy(ctx, lang));
    if (!result.ok) throw new Error(result.message);
    await wb.run((ctx) => recompute(ctx, lang));
  }
  return wb;
}
