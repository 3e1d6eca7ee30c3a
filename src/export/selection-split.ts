/**
 * The slides' minimum/plus split from the exact selection within the workbook's budget frame
 * (core/select.ts): which list each measure is on, the frames that made it and each list's
 * totals. When a frame is set it replaces the top-N cut. Built from a SelectionResult by the pane
 * (src/taskpane/components/ExportDialog.tsx) and by `prio slides` (src/cli/slides.ts).
 */
import type { ListTotals } from "../core/selection-problem";
import type { ListName, SelectionResult } from "../core/select";

export interface SelectionSplit {
  /** Measure id → its list. Measures absent here are out. */
  lists: ReadonlyMap<string, ListName>;
  /** The full frame, hundredths of a MNOK. */
  budget: number;
  /** The minimum frame (hundredths); null when the whole selection is the minimum list. */
  minimum: number | null;
  totals: { minimum: ListTotals; plus: ListTotals };
}

/** The split of a solved selection; undefined when the selection has no answer (infeasible, failed). */
export function splitOf(result: SelectionResult): SelectionSplit | undefined {
  if (result.status !== "ok") return undefined;
  return {
    lists: new Map(result.measures.map((m) => [m.id, m.list])),
    budget: result.budget,
    minimum: result.minimum,
    totals: { minimum: result.totals.minimum, plus: result.totals.plus },
  };
}
