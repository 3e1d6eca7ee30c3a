/**
 * The baseline for the Endring column and the pane's arrows: sync 2 reads only the rounds'
 * register (A1:B12 of the very hidden sheet PrioRunder, never the rounds), so the recompute's cost
 * does not depend on the rounds. A damaged register is a finding; the rounds are read and checked
 * when the Runder view opens (src/excel/rounds.ts). LibreOffice saves the very hidden sheet as
 * hidden: a hidden PrioRunder whose register reads as the add-in's is taken as it, and hidden very
 * again (only the visibility changes, nothing is logged); a hidden one without it is a person's.
 */
import type { CellValue } from "../../core/cell";
import { finding } from "../../core/findings";
import { META_ROWS, metaFromRange, ROUNDS_SHEET } from "../../grid/rounds-register";
import type { Capability } from "./capability";

export const movement: Capability = {
  id: "movement",
  read: (context, found) => {
    const visibility = found.has(ROUNDS_SHEET) && found.list.visibility.get(found.exact(ROUNDS_SHEET));
    if (visibility !== "VeryHidden" && visibility !== "Hidden") return undefined;
    const name = found.exact(ROUNDS_SHEET);
    const register = context.workbook.worksheets.getItem(name).getRange(`A1:B${META_ROWS}`).load("values");
    let rehide = false;
    return {
      prepare: (state) => {
        const registerRead = metaFromRange(register.values as CellValue[][]).read;
        if (visibility === "Hidden") {
          // Only a register the add-in wrote makes a hidden PrioRunder the add-in's.
          if (registerRead.kind !== "ok") return;
          rehide = true;
        }
        if (registerRead.kind === "ok") state.baseline = registerRead.meta.baseline;
        else if (registerRead.kind === "damaged") {
          state.read.assessment.findings.push(finding("rounds-register-damaged", "warning", { detail: registerRead.detail }, { cell: `${ROUNDS_SHEET}!A1` }));
        }
      },
      write: (context) => {
        if (rehide) context.workbook.worksheets.getItem(name).visibility = "VeryHidden";
      },
    };
  },
};
