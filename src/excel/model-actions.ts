/**
 * The model's actions: weights (one, several at once as what-if weights applied, all back to 1)
 * and the tie-break, written into the Modell sheet as it is now. Every cell whose value changes is
 * logged in Logg with what it held before («Modellendring»); then a recompute.
 */
import { address } from "../core/address";
import type { AppActions } from "../app/app-state";
import type { Grid } from "../grid/grid";
import { tableOn, textAt } from "../grid/grid";
import { MODEL_COLUMNS, SETTINGS_KEYS, SHEETS, TABLES } from "../grid/layout";
import { describeCell } from "../grid/legacy-sync";
import { SETTINGS_HEADERS } from "../grid/model-table";
import { normalize } from "../core/text";
import { t } from "../i18n";
import { Refusal, type Control } from "./action-control";
import { asText } from "./cells";
import { gridOf, listSheets, queueSheetRead } from "./grids";
import { queueLog } from "./legacy";
import { attachTableBounds, queueTableBounds } from "./table-bounds";

type ModelCells = { row: number; col: number; value: string | number }[];

export function modelActions(c: Control): Pick<AppActions, "setWeight" | "setWeights" | "resetWeights" | "setTieBreak"> {
  /**
   * Writes cells of the Modell sheet found from its current content, then recomputes. Every cell
   * whose value changes is logged in Logg with what it held before (action `excel.log.model`).
   */
  const editModel = (edit: (grid: Grid) => ModelCells | string): Promise<void> =>
    c.act(async () => {
      const refused = await c.refusedWrite();
      if (refused) return refused;
      const message = await c.host.run(async (ctx) => {
        // The tables' ranges say where the Modell tables end: a note under them is not a row to write.
        const existing = await listSheets(ctx);
        const { tables } = existing;
        const read = queueSheetRead(ctx, SHEETS.model);
        const bounds = queueTableBounds(ctx, tables);
        await ctx.sync();
        const [grid] = attachTableBounds([gridOf(read)], bounds);
        const cells = edit(grid);
        if (typeof cells === "string") return cells;
        const sheet = ctx.workbook.worksheets.getItem(SHEETS.model);
        const when = c.clock();
        const changed = cells.filter((x) => grid.rows[x.row]?.[x.col]?.value !== x.value);
        queueLog(
          ctx,
          existing,
          changed.map((x) => [when, t(c.lang(), "excel.log.model"), address(SHEETS.model, x.row, x.col), describeCell(grid.rows[x.row]?.[x.col]), String(x.value), ""]),
        );
        for (const x of changed) sheet.getRangeByIndexes(x.row, x.col, 1, 1).values = [[typeof x.value === "string" ? asText(x.value) : x.value]];
        await ctx.sync();
        return undefined;
      });
      if (message) return new Refusal(message);
      await c.refresh();
      return undefined;
    });

  return {
    setWeight: (nodeId: string, weight: number) =>
      editModel((grid) => {
        const rows = modelTableRows(grid);
        const row = rows?.byId.get(nodeId);
        if (!rows || row === undefined) return t(c.lang(), "excel.error.unknownNode", { id: nodeId });
        return [{ row, col: rows.weightCol, value: weight }];
      }),

    /** Sets several weights in one write (what-if weights applied); unknown ids refuse the whole change. */
    setWeights: (weights: Record<string, number>) =>
      editModel((grid) => {
        const rows = modelTableRows(grid);
        const cells: { row: number; col: number; value: number }[] = [];
        for (const [nodeId, weight] of Object.entries(weights)) {
          const row = rows?.byId.get(nodeId);
          if (!rows || row === undefined) return t(c.lang(), "excel.error.unknownNode", { id: nodeId });
          cells.push({ row, col: rows.weightCol, value: weight });
        }
        return cells;
      }),

    resetWeights: () =>
      editModel((grid) => {
        const rows = modelTableRows(grid);
        if (!rows) return t(c.lang(), "excel.error.unknownNode", { id: MODEL_COLUMNS.weight });
        return [...rows.byId.values()].map((row) => ({ row, col: rows.weightCol, value: 1 }));
      }),

    setTieBreak: (groupIds: string[]) =>
      editModel((grid) => {
        const at = settingCell(grid, SETTINGS_KEYS.tieBreak);
        if (!at) return t(c.lang(), "excel.error.unknownNode", { id: SETTINGS_KEYS.tieBreak });
        return [{ ...at, value: groupIds.join(", ") }];
      }),
  };
}

/** Rows of the Modell table by node id, and the weight column. */
function modelTableRows(grid: Grid): { byId: Map<string, number>; weightCol: number } | undefined {
  for (let r = 0; r < grid.rows.length; r++) {
    const row = grid.rows[r] ?? [];
    const idCol = row.findIndex((_, c) => textAt(grid, r, c) === MODEL_COLUMNS.id);
    const weightCol = row.findIndex((_, c) => textAt(grid, r, c) === MODEL_COLUMNS.weight);
    if (idCol < 0 || weightCol < 0) continue;
    const byId = new Map<string, number>();
    const table = tableOn(grid, TABLES.model);
    const last = table && table.headerRow === r ? Math.min(table.lastRow, grid.rows.length - 1) : grid.rows.length - 1;
    for (let rr = r + 1; rr <= last; rr++) {
      const id = textAt(grid, rr, idCol);
      if (id === undefined) break;
      byId.set(id, rr);
    }
    return { byId, weightCol };
  }
  return undefined;
}

/** The value cell of a setting in the settings table (Innstilling · Verdi). */
function settingCell(grid: Grid, key: string): { row: number; col: number } | undefined {
  for (let r = 0; r < grid.rows.length; r++) {
    const row = grid.rows[r] ?? [];
    for (let c = 0; c < row.length; c++) {
      if (textAt(grid, r, c) !== SETTINGS_HEADERS[0] || textAt(grid, r, c + 1) !== SETTINGS_HEADERS[1]) continue;
      const table = tableOn(grid, TABLES.settings);
      const last = table && table.headerRow === r ? Math.min(table.lastRow, grid.rows.length - 1) : grid.rows.length - 1;
      for (let rr = r + 1; rr <= last; rr++) {
        const k = textAt(grid, rr, c);
        if (k === undefined) break;
        if (normalize(k) === normalize(key)) return { row: rr, col: c + 1 };
      }
    }
  }
  return undefined;
}
