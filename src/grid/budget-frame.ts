/**
 * Whether Modell's settings table sets a budget frame: a value beside «Budsjettramme (MNOK)». The
 * cheap check the recompute makes before it loads the selection and its solver (a lazy chunk), so
 * a workbook without a frame never loads HiGHS. Whether the value is a valid amount is the
 * selection reader's to say (src/grid/selection-inputs.ts).
 */
import { normalize } from "../core/text";
import { rowCount, textAt, valueAt, type Grid } from "./grid";
import { SELECTION_SETTINGS, SHEETS } from "./layout";

export function setsBudgetFrame(grids: readonly Grid[]): boolean {
  const g = grids.find((x) => normalize(x.name) === normalize(SHEETS.model));
  if (!g) return false;
  const key = normalize(SELECTION_SETTINGS.budget);
  for (let r = 0; r < rowCount(g); r++) {
    const row = g.rows[r] ?? [];
    for (let c = 0; c < row.length; c++) {
      if (normalize(textAt(g, r, c) ?? "") !== key) continue;
      const v = valueAt(g, r, c + 1);
      return v !== null && !(typeof v === "string" && v.trim() === "");
    }
  }
  return false;
}
