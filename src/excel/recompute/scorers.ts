/**
 * Several scorers: with the table PrioVurderere on the sheet Vurderere, the recompute reads that
 * sheet too and ranks the combined scores (the reader, grid/scorers-table.ts, loads only then), and
 * Merknader carries the scorers' notes (src/excel/scorer-notes-column.ts and the scorers' strings,
 * loaded between the second and third sync). The marks of cells where they disagree are marks.ts's.
 */
import { SCORERS_SHEET, SCORERS_TABLE } from "../../grid/scorers-layout";
import type { Capability } from "./capability";

export const scorers: Capability = {
  id: "scorers",
  read: async (_context, found) => {
    if (found.list.tableSheet.get(SCORERS_TABLE)?.toLowerCase() !== SCORERS_SHEET.toLowerCase()) return undefined;
    const reader = (await import("../../grid/scorers-table")).readScorersForRecompute;
    return {
      sheets: [SCORERS_SHEET],
      tables: [SCORERS_TABLE],
      reading: { scorers: reader },
      prepare: async (state) => {
        if (state.read.scorers) state.notes = (await import("../scorer-notes-column")).scorerNotesText(state.read, state.lang);
      },
    };
  },
};
