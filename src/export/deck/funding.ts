/**
 * How sure the minimum list is (issue 20): the minimum list now with each measure's share of the
 * draws on the minimum list, selected at all, and its label; the measures closest to coming in
 * below; the draws' settings and the frames in the lead (src/export/funding-table.ts). Only when
 * the Utvalg view's funding probabilities are given.
 */
import { fu } from "../../i18n/funding";
import { fundingTable } from "../funding-table";
import { rowHeightIn } from "../paginate";
import type { DeckSlide } from "./context";
import { BODY_PT, CELL_MARGIN, CONTENT_W, FONT, GREY, LEFT, LIGHT, METRICS, NAVY, TABLE_TOP } from "./look";
import { bodyCell, tableSlides, type Column, type TableRow } from "./table";

export const fundingSlide: DeckSlide = {
  kind: "funding",
  add({ pptx, options, lang, notes }) {
    const basis = options.funding;
    if (!basis) return;
    const t = fundingTable(basis, lang);
    const numW = 2.1;
    const robustW = 1.6;
    const columns: Column[] = [
      { header: t.captions.measure, widthIn: CONTENT_W - 2 * numW - robustW, align: "left" },
      { header: t.captions.minimum, widthIn: numW, align: "right" },
      { header: t.captions.selected, widthIn: numW, align: "right" },
      { header: t.captions.robust, widthIn: robustW, align: "left" },
    ];
    const row = (r: (typeof t.minimum)[number]): TableRow => {
      const texts = [r.name, r.minimumText, r.selectedText, r.robustText];
      return {
        cells: texts.map((x, i) => bodyCell(x, columns[i], i === 3 && r.robust === "core" ? { bold: true } : {})),
        boxes: texts.map((x, i) => ({ text: x, widthIn: columns[i].widthIn })),
      };
    };
    const rows: TableRow[] = t.minimum.map(row);
    if (t.challengers.length) {
      const label = fu(lang, "presenter.challengers");
      rows.push({
        cells: [{ text: label, options: { colspan: columns.length, bold: true, fill: { color: LIGHT }, fontFace: FONT, fontSize: BODY_PT, color: NAVY, margin: CELL_MARGIN } }],
        boxes: [{ text: label, widthIn: CONTENT_W, bold: true }],
        keepWithNext: true,
      });
      rows.push(...t.challengers.map(row));
    }
    const lead = t.notDone ? `${t.lead} ${t.notDone}` : t.lead;
    const leadH = rowHeightIn([{ text: lead, widthIn: CONTENT_W }], { ...METRICS, padYIn: 0.02 });
    tableSlides(pptx, t.title, columns, rows, notes, undefined, lang, TABLE_TOP + leadH + 0.05, (slide) =>
      slide.addText(lead, { x: LEFT, y: TABLE_TOP - 0.1, w: CONTENT_W, h: leadH, fontFace: FONT, fontSize: BODY_PT, color: GREY, valign: "top", margin: 0 }),
    );
  },
};
