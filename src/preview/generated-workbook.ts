/**
 * A generated N-measure workbook in the in-memory Excel, for the preview (`?measures=300`) and the
 * bench: the legacy sheets of src/preview/generate.ts imported into the add-in's layout and
 * computed (unless `computed` is false), optionally with the checklist (Sjekkliste) answered for most measures.
 */
import { CHECKLIST_WORDS, SHEETS } from "../grid/layout";
import { findChecklistRegion, QUESTIONS, readChecklistTable } from "../grid/checklist-table";
import { importLegacy } from "../excel/legacy";
import { recompute } from "../excel/recompute";
import type { Lang } from "../i18n";
import { SimWorkbook } from "../sim/workbook";
import { generateMeasures, legacyGrids } from "./generate";

/** The legacy workbook of n generated measures, as it would be opened (not imported). */
export function generatedLegacyWorkbook(n: number, summary = true): SimWorkbook {
  return SimWorkbook.fromGrids(legacyGrids(generateMeasures(n), { summary }));
}

/**
 * The n generated measures imported into the add-in's layout (Vurdering, Modell, Rangering and the
 * checklist the import makes) and computed once; with `answered`, the checklist is answered for 9
 * measures in 10 from a fixed pattern (most Inn, spread over the segments).
 */
export async function generatedWorkbook(n: number, lang: Lang, options: { answered?: boolean; computed?: boolean } = {}): Promise<SimWorkbook> {
  const wb = generatedLegacyWorkbook(n, false);
  const imported = await wb.run((ctx) => importLegacy(ctx, lang));
  if (!imported.ok) throw new Error(imported.message);
  const grid = wb.gridOf(SHEETS.checklist);
  const region = options.answered ? findChecklistRegion(grid) : undefined;
  if (region && region.lastRow > region.headerRow) {
    const table = readChecklistTable(grid, region);
    const count = region.lastRow - region.headerRow;
    await wb.run(async (ctx) => {
      ctx.runtime.enableEvents = false;
      const sheet = ctx.workbook.worksheets.getItem(SHEETS.checklist);
      QUESTIONS.forEach((q, qi) => {
        const col = table.columns[q];
        if (col === undefined) return;
        // National significance: Ja but for one measure in 13; then Samstyre, Koordinere, Inspirere in turn, else Observere.
        const yes = (i: number) => (qi < 3 ? !(i % 13 === 5 && qi === i % 3) : i % 4 === qi - 3);
        const values = Array.from({ length: count }, (_, i) => [i % 10 === 9 ? "" : yes(i) ? CHECKLIST_WORDS.yes : CHECKLIST_WORDS.no]);
        sheet.getRangeByIndexes(region.headerRow + 1, col, count, 1).values = values;
      });
      ctx.runtime.enableEvents = true;
      await ctx.sync();
    });
  }
  // Without `computed` (the preview), the task pane's first recompute makes Rangering, as it
  // would for a workbook just imported in Excel.
  if (options.computed !== false) await wb.run((ctx) => recompute(ctx, lang));
  return wb;
}
