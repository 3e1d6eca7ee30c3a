/** The checklist as the task pane sees it, from what the workbook reader found. */
import { summarise } from "../core/checklist";
import { addr } from "../grid/grid";
import type { ChecklistRead } from "../grid/workbook";
import type { ChecklistState } from "../app/app-state";

export function checklistState(read: ChecklistRead): ChecklistState {
  const segmentCol = read.table.columns.segment ?? read.table.region.firstCol;
  const grid = { name: read.sheet, rows: [] };
  const entries = read.table.rows
    .filter((r) => r.id !== "")
    .map((r) => {
      const sr = read.segmentRanks.get(r.id);
      return {
        id: r.id,
        name: r.name,
        answers: r.answers,
        placement: r.placement,
        portfolio: r.portfolio,
        ...(sr && sr.rank !== null ? { segmentRank: sr } : {}),
        cell: addr(grid, r.row, segmentCol),
      };
    });
  return { entries, summary: summarise(entries.map((e) => e.placement)) };
}
