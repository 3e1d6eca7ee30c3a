/**
 * The checklist's actions: an answer typed for the pane, the Sjekkliste sheet added to a layout
 * made without it, and a measure found in only one of the two tables put back or removed (the
 * removed row logged in Logg first). Each is one action of the controller, followed by a recompute.
 */
import { address } from "../core/address";
import type { Answer, ChecklistQuestion } from "../core/checklist";
import { defaultModel } from "../core/model";
import type { AppActions } from "../app/app-state";
import { findChecklistRegion, readChecklistTable } from "../grid/checklist-table";
import type { Grid } from "../grid/grid";
import { CHECKLIST_WORDS, scoringHeaders, SHEETS, TABLES } from "../grid/layout";
import { describeCell } from "../grid/legacy-sync";
import { findScoringRegion, readScoringTable, type TableRegion } from "../grid/scoring-table";
import { t } from "../i18n";
import { Refusal, type Control } from "./action-control";
import { asText } from "./cells";
import { gridOf, listSheets, queueSheetRead } from "./grids";
import { checklistRowFor } from "./layout-rows";
import { queueLog } from "./legacy";
import { attachTableBounds, queueTableBounds } from "./table-bounds";
import { syncEventsOff } from "./events-off";

export function checklistActions(c: Control): Pick<AppActions, "setAnswer" | "createChecklist" | "resolveOrphan"> {
  return {
    setAnswer: (measureId: string, question: ChecklistQuestion, answer: Answer) =>
      c.act(async () => {
        const refused = await c.refusedWrite();
        if (refused) return refused;
        const message = await c.host.run(async (ctx) => {
          const { sheets, tables } = await listSheets(ctx);
          if (!sheets.includes(SHEETS.checklist)) return t(c.lang(), "excel.error.noChecklist");
          const read = queueSheetRead(ctx, SHEETS.checklist);
          const bounds = queueTableBounds(ctx, tables);
          await ctx.sync();
          const [grid] = attachTableBounds([gridOf(read)], bounds);
          const region = findChecklistRegion(grid);
          const table = region ? readChecklistTable(grid, region) : undefined;
          const idCol = table?.columns.id;
          const col = table?.columns[question];
          const row = region && idCol !== undefined ? rowById(grid, region, idCol, measureId) : undefined;
          if (row === undefined || col === undefined) return t(c.lang(), "excel.error.unknownMeasure", { id: measureId });
          const word = answer === true ? CHECKLIST_WORDS.yes : answer === false ? CHECKLIST_WORDS.no : "";
          ctx.workbook.worksheets.getItem(SHEETS.checklist).getRangeByIndexes(row, col, 1, 1).values = [[word]];
          await ctx.sync();
          return undefined;
        });
        if (message) return new Refusal(message);
        await c.refresh();
        return undefined;
      }),

    createChecklist: () =>
      c.act(async () => {
        const refused = await c.refusedWrite();
        if (refused) return refused;
        const count = await c.host.run(async (ctx) => {
          const { sheets, tables } = await listSheets(ctx);
          if (sheets.some((s) => s.toLowerCase() === SHEETS.checklist.toLowerCase())) return new Refusal(t(c.lang(), "excel.conflict", { sheet: SHEETS.checklist }));
          const read = queueSheetRead(ctx, SHEETS.scoring);
          const bounds = queueTableBounds(ctx, tables);
          await ctx.sync();
          const [grid] = attachTableBounds([gridOf(read)], bounds);
          const region = findScoringRegion(grid);
          const model = c.state().model ?? defaultModel();
          const measures = region ? readScoringTable(grid, region, model).measures : [];
          // The sheet's writer is loaded with the layout's creation, not with the pane.
          const { writeChecklistSheet } = await import("./layout");
          ctx.runtime.enableEvents = false;
          writeChecklistSheet(
            ctx,
            measures.map((m) => ({ id: m.id, name: m.name, actor: m.actor ?? "" })),
            c.lang(),
          );
          ctx.runtime.enableEvents = true;
          await syncEventsOff(ctx);
          return measures.length;
        });
        if (count instanceof Refusal) return count;
        c.watchAgain();
        await c.refresh();
        return t(c.lang(), "excel.notice.checklistCreated", { count });
      }),

    resolveOrphan: (measureId: string, choice: "add" | "remove") =>
      c.act(async () => {
        const refused = await c.refusedWrite();
        if (refused) return refused;
        const result = await c.host.run(async (ctx) => {
          const existing = await listSheets(ctx);
          if (!existing.sheets.includes(SHEETS.checklist)) return new Refusal(t(c.lang(), "excel.error.noChecklist"));
          // With formulas: a removed row goes to the log as it was typed (=1+2, not 3).
          const sReadQ = queueSheetRead(ctx, SHEETS.scoring, true);
          const cReadQ = queueSheetRead(ctx, SHEETS.checklist, true);
          const bounds = queueTableBounds(ctx, existing.tables);
          await ctx.sync();
          const [sGrid, cGrid] = attachTableBounds([gridOf(sReadQ), gridOf(cReadQ)], bounds);
          const model = c.state().model ?? defaultModel();
          const sRegion = findScoringRegion(sGrid);
          const cRegion = findChecklistRegion(cGrid);
          const scoring = sRegion ? readScoringTable(sGrid, sRegion, model) : undefined;
          const checklist = cRegion ? readChecklistTable(cGrid, cRegion) : undefined;
          const inScoring = scoring?.measures.find((m) => m.id === measureId);
          const inChecklist = checklist?.rows.find((r) => r.id === measureId);
          if (!scoring || !checklist || !sRegion || !cRegion || (inScoring === undefined) === (inChecklist === undefined)) {
            return new Refusal(t(c.lang(), "excel.error.unknownMeasure", { id: measureId }));
          }
          const name = inScoring?.name ?? inChecklist?.name ?? measureId;
          ctx.runtime.enableEvents = false;
          if (choice === "add") {
            if (inScoring) {
              ctx.workbook.tables.getItem(TABLES.checklist).rows.add(undefined, [checklistRowFor({ id: measureId, name, actor: inScoring.actor ?? "" })]);
            } else {
              const row = new Array<string>(scoringHeaders(model).length).fill("");
              row[0] = asText(measureId);
              row[1] = asText(name);
              row[3] = asText(inChecklist!.actor);
              ctx.workbook.tables.getItem(TABLES.scoring).rows.add(undefined, [row]);
            }
          } else {
            // Removing is what the person asked for; the row's content goes to the log first.
            const [grid, region, row] = inScoring ? [sGrid, sRegion, scoring.rowOf.get(measureId)!] : [cGrid, cRegion, inChecklist!.row];
            const width = region.lastCol - region.firstCol + 1;
            const before = Array.from({ length: width }, (_, i) => describeCell(grid.rows[row]?.[region.firstCol + i]));
            queueLog(ctx, existing, [[c.clock(), t(c.state().workbookLang ?? "nb", "excel.log.removed", { sheet: grid.name }), address(grid.name, row, region.firstCol, { row, col: region.lastCol }), before.join(" | "), "", name]]);
            ctx.workbook.worksheets.getItem(grid.name).getRangeByIndexes(row, region.firstCol, 1, width).delete("Up");
          }
          ctx.runtime.enableEvents = true;
          await syncEventsOff(ctx);
          const sheet = choice === "add" ? (inScoring ? SHEETS.checklist : SHEETS.scoring) : inScoring ? SHEETS.scoring : SHEETS.checklist;
          return t(c.lang(), choice === "add" ? "excel.notice.orphanAdded" : "excel.notice.orphanRemoved", { name, sheet });
        });
        if (result instanceof Refusal) return result;
        await c.refresh();
        return result;
      }),
  };
}

/** The row of a measure (by its ID cell) in a table found on a grid, and the table's columns. */
function rowById(grid: Grid, region: TableRegion, idCol: number, id: string): number | undefined {
  for (let r = region.headerRow + 1; r <= region.lastRow; r++) {
    const v = grid.rows[r]?.[idCol]?.value;
    if (v !== null && v !== undefined && String(v).trim() === id) return r;
  }
  return undefined;
}
