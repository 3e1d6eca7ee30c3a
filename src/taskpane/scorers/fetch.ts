/**
 * *Hent vurderinger* in the pane: a file the person chose, looked at by the guard before anything
 * parses it (src/grid/xlsx-guard.ts: an old .xls, a CSV, a password, a zip bomb get a plain
 * message), then read by exceljs (loaded only now) into grids and matched as one scorer's rows.
 */
import type { MeasureInput } from "../../core/aggregate";
import type { Model } from "../../core/model";
import { scoresFromWorkbook, type FetchedScores } from "../../grid/scorer-import";
import type { Lang } from "../../i18n";
import { sc } from "../../i18n/scorers";
import { readWorkbookFile } from "../../ui/read-file";

export type FetchResult =
  { ok: true; scores: Extract<FetchedScores, { ok: true }> } | { ok: false; message: string };

export async function fetchScores(
  data: ArrayBuffer,
  fileName: string,
  here: readonly MeasureInput[],
  model: Model,
  lang: Lang
): Promise<FetchResult> {
  const file = await readWorkbookFile(data, fileName, lang);
  if (!file.ok) return file;
  const scores = scoresFromWorkbook(file.grids, here, model);
  if (!scores.ok || scores.rows.length === 0)
    return { ok: false, message: sc(lang, "paneFetchNothing", { file: fileName }) };
  return { ok: true, scores };
}
