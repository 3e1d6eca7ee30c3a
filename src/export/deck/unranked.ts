/** The measures without a total, each with why (the groups without a score), for the committee. */
import type { Model } from "../../core/model";
import type { Lang } from "../../i18n";
import { ex } from "../../i18n/export";
import { formatList } from "../../i18n/format";
import type { ExportRow } from "../rows";
import type { DeckSlide } from "./context";
import { CONTENT_W } from "./look";
import { bodyCell, tableSlides, type Column, type TableRow } from "./table";

/** Why a measure has no total, for the committee: the groups without a score (the analyst's «Fyll inn …» is for the pane). */
export function noTotalReason(r: ExportRow, model: Model, lang: Lang): string {
  const f = r.measure.findings.find((x) => x.code === "no-total");
  const ids = f && Array.isArray(f.params.groups) ? (f.params.groups as string[]) : [];
  if (ids.length === 0) return r.reason;
  const labels = ids.map((id) => model.criteria.find((g) => g.id === id)?.label[lang] ?? id);
  return ex(lang, labels.length === 1 ? "deck.noTotal.one" : "deck.noTotal.many", {
    groups: formatList(lang, labels),
  });
}

export const unrankedSlide: DeckSlide = {
  kind: "unranked",
  add({ pptx, table: t, input, lang, notes }) {
    if (t.unranked.length === 0) return;
    const model = input.assessment.model;
    const columns: Column[] = [
      { header: ex(lang, "deck.col.name"), widthIn: 4.6, align: "left" },
      { header: ex(lang, "deck.col.reason"), widthIn: CONTENT_W - 4.6, align: "left" },
    ];
    const rows: TableRow[] = t.unranked.map((r) => {
      const reason = noTotalReason(r, model, lang);
      return {
        cells: [bodyCell(r.name, columns[0]), bodyCell(reason, columns[1])],
        boxes: [
          { text: r.name, widthIn: columns[0].widthIn },
          { text: reason, widthIn: columns[1].widthIn },
        ],
      };
    });
    tableSlides(pptx, ex(lang, "deck.unranked"), columns, rows, notes, ex(lang, "deck.unrankedLead"), lang);
  },
};
