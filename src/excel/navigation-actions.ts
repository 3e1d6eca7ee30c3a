/**
 * Going to a place in the workbook from the pane: a cell or range by its address (a finding's
 * cell), or a measure's row in the scoring table, found by its ID in the sheet as it is now.
 */
import { cellA1, parseAddress } from "../core/address";
import { defaultModel } from "../core/model";
import type { AppActions } from "../app/app-state";
import { SHEETS } from "../grid/layout";
import { findScoringRegion, readScoringTable } from "../grid/scoring-table";
import { t } from "../i18n";
import { Refusal, type Control } from "./action-control";
import { gridOf, listSheets, queueSheetRead } from "./grids";

export function navigationActions(c: Control): Pick<AppActions, "selectCell" | "selectMeasure"> {
  /** Activates the address's sheet and selects the cell or range (one sync). */
  const select = async (address: string): Promise<void> => {
    const p = parseAddress(address);
    if (!p || p.sheet === undefined) return;
    await c.host.run(async (ctx) => {
      const sheet = ctx.workbook.worksheets.getItem(p.sheet!);
      sheet.activate();
      const a = cellA1(p.row, p.col);
      const b = cellA1(p.toRow, p.toCol);
      sheet.getRange(a === b ? a : `${a}:${b}`).select();
      await ctx.sync();
    });
  };

  return {
    selectCell: (address: string) =>
      c.act(async () => {
        await select(address);
        return undefined;
      }),

    /**
     * Selects the measure's row of the scoring table, found by its ID in the sheet as it is now (rows
     * may have moved since the last recompute); in the legacy layout, its name cell. Two syncs.
     */
    selectMeasure: (measureId: string) =>
      c.act(async () => {
        const state = c.state();
        if (state.status === "legacy") {
          const cell = state.assessment?.measures.find((m) => m.id === measureId)?.address;
          if (!cell) return new Refusal(t(c.lang(), "excel.error.unknownMeasure", { id: measureId }));
          await select(cell);
          return undefined;
        }
        const found = await c.host.run(async (ctx) => {
          const { sheets } = await listSheets(ctx);
          if (!sheets.includes(SHEETS.scoring)) return false;
          const read = queueSheetRead(ctx, SHEETS.scoring);
          await ctx.sync();
          const grid = gridOf(read);
          const region = findScoringRegion(grid);
          const row = region ? readScoringTable(grid, region, c.state().model ?? defaultModel()).rowOf.get(measureId) : undefined;
          if (!region || row === undefined) return false;
          const sheet = ctx.workbook.worksheets.getItem(SHEETS.scoring);
          sheet.activate();
          sheet.getRange(`${cellA1(row, region.firstCol)}:${cellA1(row, region.lastCol)}`).select();
          await ctx.sync();
          return true;
        });
        return found ? undefined : new Refusal(t(c.lang(), "excel.error.unknownMeasure", { id: measureId }));
      }),
  };
}
