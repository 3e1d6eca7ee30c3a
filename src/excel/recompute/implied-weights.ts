/**
 * The "Andel av total" column of the Modell table: each leaf's implied share of the total, written
 * when the model read without problems. Only inside the table PrioModell when the grid knows it: a
 * note under the table is never written over.
 */
import type { CellValue } from "../../core/cell";
import { groups as groupNodes, impliedLeafWeights, type Model } from "../../core/model";
import { tableOn, textAt, type Grid } from "../../grid/grid";
import { MODEL_COLUMNS, SHEETS, TABLES } from "../../grid/layout";
import { writeChanged } from "../diff-write";
import type { Capability } from "./capability";

function writeImplied(context: Excel.RequestContext, grid: Grid, model: Model): void {
  let headerRow = -1;
  let idCol = -1;
  let impliedCol = -1;
  const table = tableOn(grid, TABLES.model);
  const lastRow = table ? table.lastRow : grid.rows.length - 1;
  for (let r = 0; r < grid.rows.length && headerRow < 0; r++) {
    const row = grid.rows[r] ?? [];
    for (let c = 0; c < row.length; c++) {
      if (textAt(grid, r, c) === MODEL_COLUMNS.implied) {
        headerRow = r;
        impliedCol = c;
      }
      if (textAt(grid, r, c) === MODEL_COLUMNS.id && idCol < 0) idCol = c;
    }
  }
  if (headerRow < 0 || idCol < 0) return;
  const implied = impliedLeafWeights(model);
  const groupIds = new Set(groupNodes(model).map((g) => g.id));
  const out: CellValue[][] = [];
  for (let r = headerRow + 1; r <= lastRow; r++) {
    const id = textAt(grid, r, idCol);
    if (id === undefined) break;
    out.push([groupIds.has(id) ? null : (implied.get(id) ?? null)]);
  }
  if (out.length === 0) return;
  writeChanged(context.workbook.worksheets.getItem(grid.name), grid, headerRow + 1, impliedCol, out);
}

export const impliedWeights: Capability = {
  id: "implied-weights",
  read: () => ({
    write: (context, { grids, read }) => {
      const modelGrid = grids.find((g) => g.name.toLowerCase() === SHEETS.model.toLowerCase());
      if (modelGrid && read.modelProblems.length === 0) writeImplied(context, modelGrid, read.model);
    },
  }),
};
