/**
 * Reading the workbook a command names: the file's sheets as grids, after the guard (src/cli/xlsx.ts),
 * and the workbook read through the same readers as the add-in. Every failure is a UsageError with
 * one plain line naming the file; no library text beyond the first line of its message.
 */
import { promises as fs } from "fs";
import type { Grid } from "../grid/grid";
import { readScorers } from "../grid/scorers-table";
import { readWorkbook, type WorkbookRead } from "../grid/workbook";
import type { Lang } from "../i18n";
import { tc } from "../i18n/cli-ui";
import { refusalMessage } from "../i18n/files";
import { UsageError } from "./usage";
import { readXlsx, RefusedFile } from "./xlsx";

/** The file's sheets as grids, after the guard; every failure is a UsageError with one plain line. */
export async function loadGrids(file: string, lang: Lang): Promise<Grid[]> {
  let stat;
  try {
    stat = await fs.stat(file);
  } catch {
    throw new UsageError(tc(lang, "cli.error.noFile", { file }));
  }
  if (!stat.isFile()) throw new UsageError(tc(lang, "cli.error.notWorkbook", { file, reason: lang === "nb" ? "ikke en fil" : "not a file" }));
  let grids;
  try {
    grids = (await readXlsx(file)).grids;
  } catch (e) {
    if (e instanceof RefusedFile) throw new UsageError(refusalMessage(lang, file, e.refusal));
    const reason = ((e as Error).message || String(e)).split("\n")[0];
    throw new UsageError(tc(lang, "cli.error.notWorkbook", { file, reason }));
  }
  // A zip without a single worksheet (an empty zip renamed .xlsx) is not a workbook: Excel needs one sheet.
  if (grids.length === 0) throw new UsageError(tc(lang, "cli.error.notWorkbook", { file, reason: lang === "nb" ? "ingen regneark" : "no worksheets" }));
  return grids;
}

export async function load(file: string, lang: Lang): Promise<WorkbookRead> {
  return readWorkbook(await loadGrids(file, lang), undefined, { scorers: readScorers });
}
