/**
 * A workbook chosen in the pane (last year's meeting for «Importer runde», a member's copy for
 * *Hent vurderinger*) or opened in the preview, read into grids:
 * looked at by the same guard as the command line and the preview first (an old .xls, a password,
 * a zip bomb … is refused with a plain message), then read by exceljs, loaded only now. Nothing
 * leaves the machine.
 */
import type { Lang } from "../i18n";
import { refusalMessage } from "../i18n/files";
import type { Grid } from "../grid/grid";
import { worksheetToGrid } from "../grid/xlsx";
import { guardWorkbook } from "../grid/xlsx-guard";
import { loadChecked } from "../grid/xlsx-load";

/** `sheets`: each worksheet's name and visibility as the file has it (visible, hidden, veryHidden). */
export type FileRead = { ok: true; name: string; grids: Grid[]; sheets: (readonly [string, string])[] } | { ok: false; message: string };

export async function readWorkbookFile(data: ArrayBuffer, fileName: string, lang: Lang): Promise<FileRead> {
  const checked = await guardWorkbook(new Uint8Array(data), fileName);
  if (!checked.ok) return { ok: false, message: refusalMessage(lang, fileName, checked.refusal) };
  // exceljs (≈ 1 MB) is loaded only now, not with the pane or the preview.
  const { default: ExcelJS } = await import("exceljs");
  const wb = await loadChecked(() => new ExcelJS.Workbook(), checked);
  if (!wb) return { ok: false, message: refusalMessage(lang, fileName, { kind: "unreadable" }) };
  return { ok: true, name: fileName, grids: wb.worksheets.map(worksheetToGrid), sheets: wb.worksheets.map((ws) => [ws.name, ws.state] as const) };
}
