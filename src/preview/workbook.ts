/**
 * The preview's workbook: the council meeting example (or an empty one) in the in-memory
 * workbook, shared by the preview page and the task pane it shows in a frame.
 */
import { importLegacy } from "../excel/legacy";
import { recompute } from "../excel/recompute";
import type { Lang } from "../i18n";
import { worksheetToGrid } from "../grid/xlsx";
import { SimWorkbook } from "../sim/workbook";

export type ExampleKind = "imported" | "legacy" | "empty";

export const EXAMPLE_URL = "examples/prioritering-2022-09.xlsx";

/** What the preview page puts on `window` for the task pane's office.js stub to find. */
export interface PreviewHost {
  workbook: SimWorkbook;
  displayLanguage: string;
}

declare global {
  interface Window {
    __prioPreview?: PreviewHost;
  }
}

export async function workbookFromXlsx(data: ArrayBuffer): Promise<SimWorkbook> {
  // exceljs (≈ 1 MB) is loaded when a file is opened, not with the page or the task pane's office.js stub.
  const { default: ExcelJS } = await import("exceljs");
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(data);
  const grids = wb.worksheets.map(worksheetToGrid);
  return SimWorkbook.fromGrids(grids.length ? grids : [{ name: "Ark1", rows: [] }]);
}

/** The example as asked: the original meeting workbook, imported into the add-in's layout, or empty. */
export async function loadExample(kind: ExampleKind, lang: Lang, base = ""): Promise<SimWorkbook> {
  if (kind === "empty") return SimWorkbook.fromGrids([{ name: "Ark1", rows: [] }]);
  const response = await fetch(`${base}${EXAMPLE_URL}`);
  if (!response.ok) throw new Error(`${EXAMPLE_URL}: ${response.status}`);
  const wb = await workbookFromXlsx(await response.arrayBuffer());
  if (kind === "imported") {
    const result = await wb.run((ctx) => importLegacy(ctx, lang));
    if (!result.ok) throw new Error(result.message);
    await wb.run((ctx) => recompute(ctx, lang));
  }
  return wb;
}
