/**
 * The baseline for the Endring column and the pane's arrows: sync 2 reads only the rounds'
 * register (A1:B12 of the very hidden sheet PrioRunder, never the rounds), so the recompute's cost
 * does not depend on the rounds. A damaged register is a finding; the rounds are read and checked
 * when the Runder view opens (src/excel/rounds.ts).
 */
import type { CellValue } from "../../core/cell";
import { finding } from "../../core/findings";
import { META_ROWS, metaFromRange, ROUNDS_SHEET } from "../../grid/rounds-register";
import type { Capability } from "./capability";

export const movement: Capability = {
  id: "movement",
  read: (context, found) => {
    const visibility = found.has(ROUNDS_SHEET) && found.list.visibility.get(found.exact(ROUNDS_SHEET));
    if (visibility !== "VeryHidden") return undefined;
    const register = context.workbook.worksheets.getItem(found.exact(ROUNDS_SHEET)).getRange(`A1:B${META_ROWS}`).load("values");
    return {
      prepare: (state) => {
        const registerRead = metaFromRange(register.values as CellValue[][]).read;
        if (registerRead.kind === "ok") state.baseline = registerRead.meta.baseline;
        else if (registerRead.kind === "damaged") {
          state.read.assessment.findings.push(finding("rounds-register-damaged", "warning", { detail: registerRead.detail }, { cell: `${ROUNDS_SHEET}!A1` }));
        }
      },
    };
  },
};
