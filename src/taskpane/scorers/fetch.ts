/**
 * *Hent vurderinger* in the pane: a file the person chose, looked at by the guard before anything
 * parses it (src/grid/xlsx-guard.ts: an old .xls, a CSV, a password, a zip bomb get a plain
 * message), then read by exceljs (loaded only now) into grids and matched as one scorer's rows.
 */
import type { MeasureInput } from "../../core/aggregate";
import type { Model } from "../../core/model";
import { scoresFromWorkbook, type FetchedScores } from "../../grid/scorer-import";
import { worksheetToGrid } from "../../grid/xlsx";
import { guardWorkbook } from "../../grid/xlsx-guard";
import type { Lang } from "../../i18n";
import { refusalMessage } from "../../i18n/files";
import { sc } from "../../i18n/scorers";

export type FetchResult =
  { ok: true; scores: Extract<FetchedScores, { ok: true }> } | { ok: false; message: string };

export async function fetchScores(
  data: ArrayBuffer,
  fileName: string,
  here: readonly MeasureInput[],
  model: Model,
  lang: Lang
): Promise<FetchResult> {
  const checked = await guardWorkbook(new Uint8Array(data), fileName);
  if (!checked.ok) return { ok: false, message: refusalMessage(lang, fileName, checked.refusal) };
  const { default: ExcelJS } = await import("exceljs");
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(checked.zip.slice().buffer);
  } catch {
    return { ok: false, message: refusalMessage(lang, fileName, { kind: "damaged" }) };
  }
  const scores = scoresFromWorkbook(wb.worksheets.map(worksheetToGrid), here, model);
  if (!scores.ok || scores.rows.length === 0)
    return { ok: false, message: sc(lang, "paneFetchNothing", { file: fileName }) };
  return { ok: true, scores };
}
