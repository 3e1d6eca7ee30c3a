/** Rank acceptability: the probability of each place for each measure (seeded Monte Carlo), heat-mapped, every cell printed. */
import { DEFAULT_UNCERTAINTY, simulate, uncertaintyInput } from "../../core/uncertainty";
import { ex } from "../../i18n/export";
import { drawCount, drawModel, drawSettings } from "../../i18n/stability";
import { acceptabilityTable } from "../acceptability";
import type { DeckSlide } from "./context";
import { CONTENT_W } from "./look";
import { bodyCell, tableSlides, type Column, type TableRow } from "./table";

/**
 * How sure the ranking is: the probability of each place for each measure (Monte Carlo, seeded, so
 * the same workbook gives the same slide), heat-mapped, every cell printed as a percentage.
 */
export const acceptabilitySlide: DeckSlide = {
  kind: "acceptability",
  add({ pptx, input, table: t, options: o, lang, notes }) {
    if (t.ranked.length <= 1) return;
    const given = o.acceptability;
    const options = DEFAULT_UNCERTAINTY;
    const result = given ?? simulate(uncertaintyInput(input.assessment), options);
    const table = acceptabilityTable(result, input.assessment, lang);
    const placeW = Math.min(0.78, (CONTENT_W - 0.7 - 3.6) / table.places.length);
    const columns: Column[] = [
      { header: ex(lang, "deck.col.rankShort"), widthIn: 0.7, align: "center" },
      {
        header: ex(lang, "deck.col.name"),
        widthIn: CONTENT_W - 0.7 - placeW * table.places.length,
        align: "left",
      },
      ...table.places.map((p): Column => ({ header: p, widthIn: placeW, align: "center" })),
    ];
    const rows: TableRow[] = table.rows.map((r) => {
      const texts = [r.rank, r.name, ...r.cells.map((c) => c.text)];
      return {
        cells: [
          bodyCell(r.rank, columns[0]),
          bodyCell(r.name, columns[1]),
          ...r.cells.map((c, k) =>
            bodyCell(c.text, columns[k + 2], {
              color: c.ink,
              ...(c.fill ? { fill: { color: c.fill } } : {}),
            })
          ),
        ],
        boxes: texts.map((x, i) => ({ text: x, widthIn: columns[i].widthIn })),
      };
    });
    // The settings the result was drawn with (the pane's choice, or the defaults), the draws grouped as the locale groups them.
    const sub = ex(lang, "deck.acceptabilityLead", {
      draws: drawCount(lang, table.draws),
      ...drawSettings(lang, result.weights, result.scores),
    });
    // The speaker notes say exactly what was drawn (the words of the README and the Stabilitet view).
    const drawn = [ex(lang, "notes.acceptability", { draws: drawCount(lang, table.draws), seed: result.seed }), ...drawModel(lang, result.weights, result.scores)];
    tableSlides(pptx, ex(lang, "deck.acceptability"), columns, rows, `${notes}\n${drawn.join("\n")}`, sub, lang);
  },
};
