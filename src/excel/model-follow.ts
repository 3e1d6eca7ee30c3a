/**
 * What follows the model in force after every recompute: it is handed to the custom functions
 * (when it changed, a weight or the tie-break, Excel recalculates so =PRIO.SCORE cells follow), and
 * the Modell cells that hold a problem are coloured and those put right cleared
 * (src/excel/model-highlight.ts). Each only on a change, so a score edit costs nothing here.
 */
import { stableJson, type Model } from "../core/model";
import { SHEETS } from "../grid/layout";
import type { ExcelHost } from "./host";
import { applyHighlights, highlightChanges } from "./model-highlight";
import { syncEventsOff } from "./events-off";

export class ModelFollow {
  private modelKey: string | undefined;
  /** The Modell cells coloured as problems. */
  private highlighted: string[] = [];

  constructor(
    private readonly host: ExcelHost,
    private readonly onModel?: (model: Model) => void,
  ) {}

  /** Hands the model to the custom functions; when it changed, Excel recalculates (one sync). */
  async inForce(model: Model): Promise<void> {
    const key = stableJson(model);
    if (key === this.modelKey) return;
    const first = this.modelKey === undefined;
    this.modelKey = key;
    this.onModel?.(model);
    if (first) return;
    await this.host.run(async (ctx) => {
      ctx.workbook.application.calculate("Full");
      await ctx.sync();
    });
  }

  /** Colours the Modell cells that hold a problem and clears those put right; only on a change. */
  async highlight(cells: string[], sheets: string[]): Promise<void> {
    const changes = highlightChanges(this.highlighted, cells);
    if (changes.clear.length + changes.fill.length === 0) return;
    if (!sheets.includes(SHEETS.model)) {
      this.highlighted = [];
      return;
    }
    await this.host.run(async (ctx) => {
      ctx.runtime.enableEvents = false;
      await applyHighlights(ctx, changes);
      ctx.runtime.enableEvents = true;
      await syncEventsOff(ctx);
    });
    this.highlighted = cells;
  }
}
