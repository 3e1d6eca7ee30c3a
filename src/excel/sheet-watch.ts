/**
 * Listening to the sheets a person edits: the input sheets (Vurdering, Modell, Sjekkliste) once
 * they exist, and the Vurderere sheet once it exists; each change calls back (the controller then
 * schedules a recompute, writing for a change of its own person, reading for a co-author's). One sync, and only when something new is to be listened to.
 */
import { SHEETS } from "../grid/layout";
import { SCORERS_SHEET } from "../grid/scorers-layout";
import { listSheets } from "./grids";
import type { ExcelHost } from "./host";

export class SheetWatch {
  private watching = false;
  private scorersWatched: string | undefined;

  constructor(
    private readonly host: ExcelHost,
    private readonly changed: (source: "Local" | "Remote") => void,
  ) {}

  /** Listens to changes on the add-in's input sheets (once they exist). */
  async inputs(): Promise<void> {
    if (this.watching) return;
    this.watching = true;
    try {
      await this.host.run(async (ctx) => {
        const { sheets } = await listSheets(ctx);
        for (const name of [SHEETS.scoring, SHEETS.model, SHEETS.checklist]) {
          if (!sheets.includes(name)) continue;
          ctx.workbook.worksheets.getItem(name).onChanged.add(async (e) => this.changed(e.source === "Remote" ? "Remote" : "Local"));
        }
        await ctx.sync();
      });
    } catch (e) {
      this.watching = false;
      throw e;
    }
  }

  /** The Vurderere sheet, once it exists, is listened to like the input sheets (one sync, the first time only). */
  async scorers(sheets: string[]): Promise<void> {
    const name = sheets.find((s) => s.toLowerCase() === SCORERS_SHEET.toLowerCase());
    // A sheet deleted and made again is a new sheet: listened to afresh.
    if (name === undefined) this.scorersWatched = undefined;
    if (name === undefined || this.scorersWatched === name) return;
    this.scorersWatched = name;
    await this.host.run(async (ctx) => {
      ctx.workbook.worksheets.getItem(name).onChanged.add(async (e) => this.changed(e.source === "Remote" ? "Remote" : "Local"));
      await ctx.sync();
    });
  }

  /** The input sheets are listened to afresh on the next `inputs` (a new layout, a new sheet). */
  again(): void {
    this.watching = false;
  }
}
