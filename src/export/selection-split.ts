/**
 * The slides' minimum/plus split from the exact selection within the budget frame (core/select.ts):
 * which list each measure is on, its cost, the council's choice and why it is out, the frames that
 * made it and where they came from (the workbook's Modell and Valg, or tried in the pane's *Utvalg*),
 * and each list's totals. When a frame is set it replaces the top-N cut. Built from a SelectionResult
 * by the pane (src/taskpane/components/export-split.ts) and by `prio slides` (src/cli/slides.ts).
 */
import type { Forced, ListTotals, OutReason } from "../core/selection-problem";
import type { ListName, SelectionResult } from "../core/select";

/** One measure of the split: cost (hundredths of a MNOK; null without one), the choice in force, and why it is out. */
export interface SplitMeasure {
  cost: number | null;
  forced: Forced;
  reason: OutReason | null;
}

/** Where the frames and the choices came from. */
export interface SplitSource {
  /** The workbook's Budsjettramme/Minimumsramme, or frames tried in the pane's *Utvalg* (not saved). */
  frames: "workbook" | "pane";
  /** Measures whose choice (Tas med / Holdes utenfor / none) was tried in the pane, not the workbook's Valg. */
  choices: string[];
}

export const WORKBOOK_SOURCE: SplitSource = { frames: "workbook", choices: [] };

export interface SelectionSplit {
  /** Measure id → its list. Measures absent here are out. */
  lists: ReadonlyMap<string, ListName>;
  /** Measure id → its cost, choice and reason. */
  measures: ReadonlyMap<string, SplitMeasure>;
  /** The full frame, hundredths of a MNOK. */
  budget: number;
  /** The minimum frame (hundredths); null when the whole selection is the minimum list. */
  minimum: number | null;
  totals: { minimum: ListTotals; plus: ListTotals };
  source: SplitSource;
}

/** The split of a solved selection; undefined when the selection has no answer (infeasible, failed). */
export function splitOf(result: SelectionResult, source: SplitSource = WORKBOOK_SOURCE): SelectionSplit | undefined {
  if (result.status !== "ok") return undefined;
  return {
    lists: new Map(result.measures.map((m) => [m.id, m.list])),
    measures: new Map(result.measures.map((m) => [m.id, { cost: m.cost, forced: m.forced, reason: m.reason }])),
    budget: result.budget,
    minimum: result.minimum,
    totals: { minimum: result.totals.minimum, plus: result.totals.plus },
    source,
  };
}
