/**
 * The selection for the task pane's *Utvalg* view, loaded with a dynamic import so that neither
 * this code nor HiGHS is part of the pane's initial JavaScript. Reads the sheets the selection
 * needs (Vurdering, Modell, Sjekkliste, PrioData) in two context.sync() calls, whatever the
 * number of measures, and solves with HiGHS (webpack emits highs.wasm as an asset next to the
 * chunk; `new URL("highs.wasm", import.meta.url)` in the package finds it). Writes nothing.
 */
import type { SelectionProblem } from "../core/selection-problem";
import { select, type SelectOptions, type SelectionResult } from "../core/select";
import type { Grid } from "../grid/grid";
import { SHEETS } from "../grid/layout";
import { readSelectionInputs, type SelectionInputs } from "../grid/selection-inputs";
import { STORE_SHEET } from "../grid/store";
import { readWorkbook } from "../grid/workbook";
import { readScorers, SCORERS_SHEET } from "../grid/scorers-table";
import { highsSolver } from "../solve/highs";
import { gridOf, listSheets, queueSheetRead } from "./grids";
import type { ExcelHost } from "./host";

export async function readSelectionGrids(host: ExcelHost): Promise<Grid[]> {
  return host.run(async (context) => {
    const { sheets } = await listSheets(context);
    const wanted = new Set([SHEETS.scoring, SHEETS.model, SHEETS.checklist, STORE_SHEET, SCORERS_SHEET].map((s) => s.toLowerCase()));
    const reads = sheets.filter((s) => wanted.has(s.toLowerCase())).map((s) => queueSheetRead(context, s));
    await context.sync();
    return reads.map(gridOf);
  });
}

/** The selection's inputs of the open workbook; undefined when it is not in the add-in's layout. */
export async function loadSelectionInputs(host: ExcelHost): Promise<SelectionInputs | undefined> {
  const grids = await readSelectionGrids(host);
  const read = readWorkbook(grids, undefined, { scorers: readScorers });
  return read.kind === "addin" ? readSelectionInputs(grids, read) : undefined;
}

const solver = highsSolver();

export function solveSelection(problem: SelectionProblem, options: SelectOptions = {}): Promise<SelectionResult> {
  return select(problem, solver, options);
}
