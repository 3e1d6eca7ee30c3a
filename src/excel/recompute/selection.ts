/**
 * The Utvalg column's words: only when Modell sets a budget frame (grid/budget-frame.ts is the
 * cheap check) does the recompute load src/excel/selection-column.ts (and HiGHS) and solve the lists,
 * between its second and third sync; blank without a frame or without an answer.
 */
import { setsBudgetFrame } from "../../grid/budget-frame";
import type { Capability } from "./capability";

export const selection: Capability = {
  id: "selection",
  read: () => ({
    prepare: async (state) => {
      if (!setsBudgetFrame(state.grids)) return;
      state.lists = await import("../selection-column").then((m) => m.selectionWords(state.grids, state.read, state.lang)).catch(() => undefined);
    },
  }),
};
