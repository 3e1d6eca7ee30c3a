/**
 * Extending one of the add-in's tables (PrioVurdering, PrioSjekkliste, PrioVurderere) over the
 * rows right below it that look like measures (grid/outside-rows.ts; the finding
 * «table-rows-outside» offers it). Only the table's range changes: no cell is written, so nothing
 * typed is replaced and nothing goes to Logg. The rows are found again in the sheet as it is now,
 * not taken from the finding. `Table.resize` is ExcelApi 1.13; where Excel lacks it the pane says
 * how to drag the table's corner instead, and nothing is changed.
 */
import type { AppActions } from "../app/app-state";
import { cellA1 } from "../core/address";
import { defaultModel } from "../core/model";
import { tableOn } from "../grid/grid";
import { measureTables, rowsBelow } from "../grid/outside-rows";
import { t } from "../i18n";
import { Refusal, type Control } from "./action-control";
import { gridOf, listSheets, queueSheetRead } from "./grids";
import { attachTableBounds, queueTableBounds } from "./table-bounds";

/** `Table.resize` (ExcelApi 1.13), above the 1.8 the types are checked against: called only where Excel has it. */
interface Resizable {
  resize(newRange: string): void;
}

/** Whether this Excel can resize a table from an add-in (the in-memory workbook and the preview can). */
function canResize(): boolean {
  if (typeof Office === "undefined") return true;
  return Office.context?.requirements?.isSetSupported?.("ExcelApi", "1.13") !== false;
}

export function tableActions(c: Control): Pick<AppActions, "extendTable"> {
  return {
    extendTable: (table: string) =>
      c.act(async () => {
        const refused = await c.refusedWrite();
        if (refused) return refused;
        const lang = c.lang();
        const shape = measureTables(c.state().model ?? defaultModel()).find((s) => s.table.toLowerCase() === table.toLowerCase());
        if (!shape) return new Refusal(t(lang, "excel.extend.nothing", { table }));
        const result = await c.host.run(async (ctx) => {
          const { sheets, tables } = await listSheets(ctx);
          const sheet = sheets.find((s) => s.toLowerCase() === shape.sheet.toLowerCase());
          if (!sheet || !tables.some((n) => n.toLowerCase() === shape.table.toLowerCase())) return new Refusal(t(lang, "excel.extend.nothing", { table }));
          const read = queueSheetRead(ctx, sheet);
          const bounds = queueTableBounds(ctx, tables, [shape.table]);
          await ctx.sync();
          const [grid] = attachTableBounds([gridOf(read)], bounds);
          const at = tableOn(grid, shape.table);
          const below = at ? rowsBelow(grid, at, shape) : undefined;
          if (!at || !below) return new Refusal(t(lang, "excel.extend.nothing", { table }));
          if (!below.adjoining) return new Refusal(t(lang, "excel.extend.between", { sheet, row: below.first + 1 }));
          const to = `${cellA1(at.headerRow, at.firstCol)}:${cellA1(below.last, at.lastCol)}`;
          if (!canResize()) return new Refusal(t(lang, "excel.extend.unsupported", { sheet, row: below.last + 1 }));
          // Its own batch, events on: a refused resize leaves nothing half done (the recompute follows anyway).
          (ctx.workbook.tables.getItem(shape.table) as unknown as Resizable).resize(to);
          try {
            await ctx.sync();
          } catch {
            // Another table or merged cells in the way, or an Excel without resize: nothing changed.
            return new Refusal(t(lang, "excel.extend.failed", { sheet, row: below.last + 1 }));
          }
          return t(lang, "excel.extend.done", { sheet, row: below.last + 1, count: below.count });
        });
        if (result instanceof Refusal) return result;
        await c.refresh();
        return result;
      }),
  };
}
