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
import { PLAN_TABLES, setsSteps, VEIKART_SHEET } from "../../grid/plan-layout";
import type { Capability } from "./capability";
import type { Veikart } from "../veikart-plan";

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
    let writer: typeof import("../veikart-plan").writeVeikart | undefined;
    return {
      sheets: ours ? [VEIKART_SHEET] : [],
      tables: [PLAN_TABLES.steps, PLAN_TABLES.quotas],
      prepare: async (state) => {
        if (!setsSteps(state.grids)) return;
        // The plan and the sheet's writer are a chunk of their own (with HiGHS in a worker): only with steps.
        const m = await import("../veikart-plan").catch(() => undefined);
        out = await m?.veikartPlan(state.grids, state.read, state.lang).catch(() => undefined);
        writer = m?.writeVeikart;
        if (out?.words) state.lists = out.words;
      },
      write: (context, { grids }) => {
        if (out && writer) writer(context, grids, out, ours ? body : undefined);
      },
    };
  },
};
