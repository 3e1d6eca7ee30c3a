/**
 * The add-in's sheet *Veikart* (issue 21): the plan by steps, one row per measure (Steg · ID ·
 * Tiltak · Kostnad (MNOK) · Score · Segment · Begrunnelse, table PrioVeikart) and each step's sums
 * beside it, and the Rangering sheet's Utvalg column saying the step («Steg 2 · minimum», «Steg 3»,
 * «Senere»; it replaces the single frame's words handed on by ./selection.ts, so it runs after it
 * and before ./ranking.ts). Only when Modell has a steps table (grid/plan-layout.ts `setsSteps`, the
 * cheap check) does it load src/excel/veikart-plan.ts (and HiGHS, in a Web Worker in the pane).
 * The sheet is made on the first plan; after that only the cells that differ are written. A sheet
 * named Veikart without the PrioVeikart table is a person's: nothing is read from it or written to it.
 */
import type { CellValue } from "../../core/cell";
import type { Grid } from "../../grid/grid";
import { PLAN_TABLES, setsSteps, VEIKART_HEADERS, VEIKART_SHEET, VEIKART_SUM_HEADERS } from "../../grid/plan-layout";
import { officeRows } from "../cells";
import { writeChanged } from "../diff-write";
import type { Capability } from "./capability";
import type { Veikart } from "../veikart-plan";

const WIDTH = VEIKART_HEADERS.length;
/** The sums start one blank column to the right of the table. */
const SUMS_COL = WIDTH + 1;

function grow(rows: readonly CellValue[][], width: number, height: number): CellValue[][] {
  const out = rows.map((r) => [...r]);
  while (out.length < height) out.push(new Array<CellValue>(width).fill(null));
  return out;
}

/** How far the sums beside the table reach as read (to blank rows a shorter plan no longer fills). */
function sumsHeight(g: Grid | undefined): number {
  let n = 0;
  while (g && g.rows[n]?.[SUMS_COL]?.value !== undefined && g.rows[n]?.[SUMS_COL]?.value !== null) n++;
  return n;
}

export const veikart: Capability = {
  id: "veikart",
  read: (context, found) => {
    const ours = found.list.tableSheet.get(PLAN_TABLES.veikart)?.toLowerCase() === VEIKART_SHEET.toLowerCase();
    if (found.has(VEIKART_SHEET) && !ours) return undefined;
    let body: Excel.Range | undefined;
    if (ours) {
      body = context.workbook.tables.getItem(PLAN_TABLES.veikart).getDataBodyRange();
      body.load(["rowIndex", "columnIndex", "rowCount", "columnCount"]);
    }
    let out: Veikart | undefined;
    return {
      sheets: ours ? [VEIKART_SHEET] : [],
      tables: [PLAN_TABLES.steps, PLAN_TABLES.quotas],
      prepare: async (state) => {
        if (!setsSteps(state.grids)) return;
        out = await import("../veikart-plan").then((m) => m.veikartPlan(state.grids, state.read, state.lang)).catch(() => undefined);
        if (out?.words) state.lists = out.words;
      },
      write: (context, { grids }) => {
        if (!out) return;
        const rows = out.rows.length ? out.rows : [new Array<CellValue>(WIDTH).fill(null)];
        const grid = grids.find((g) => g.name.toLowerCase() === VEIKART_SHEET.toLowerCase()) ?? { name: VEIKART_SHEET, rows: [] };
        const sums = [[...VEIKART_SUM_HEADERS], ...out.sums];
        if (!ours || !body) {
          const sheet = context.workbook.worksheets.add(VEIKART_SHEET);
          const range = sheet.getRangeByIndexes(0, 0, rows.length + 1, WIDTH);
          range.values = officeRows([[...VEIKART_HEADERS], ...rows]);
          const table = sheet.tables.add(range, true);
          table.name = PLAN_TABLES.veikart;
          table.style = "TableStyleMedium2";
          sheet.getRangeByIndexes(1, 3, rows.length, 2).numberFormat = rows.map(() => ["0.0", "0.00"]);
          sheet.getRangeByIndexes(0, SUMS_COL, sums.length, sums[0].length).values = officeRows(sums);
          sheet.getRangeByIndexes(0, 0, rows.length + 1, SUMS_COL + sums[0].length).format.autofitColumns();
          return;
        }
        // Read after sync 2 (the frame syncs between `read` and `write`).
        const { rowIndex: top, columnIndex: left, rowCount } = body;
        const sheet = context.workbook.worksheets.getItem(VEIKART_SHEET);
        const table = context.workbook.tables.getItem(PLAN_TABLES.veikart);
        writeChanged(sheet, grid, top - 1, left, [[...VEIKART_HEADERS]]);
        if (rows.length > rowCount) table.rows.add(undefined, Array.from({ length: rows.length - rowCount }, () => new Array<string>(WIDTH).fill("")));
        writeChanged(sheet, grid, top, left, rows, rowCount);
        if (rows.length < rowCount) sheet.getRangeByIndexes(top + rows.length, left, rowCount - rows.length, WIDTH).delete("Up");
        if (rows.length > rowCount) sheet.getRangeByIndexes(top + rowCount, left + 3, rows.length - rowCount, 2).numberFormat = rows.slice(rowCount).map(() => ["0.0", "0.00"]);
        writeChanged(sheet, grid, 0, SUMS_COL, grow(sums, sums[0].length, sumsHeight(grid)));
      },
    };
  },
};
