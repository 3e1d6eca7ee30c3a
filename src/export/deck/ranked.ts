/**
 * Rangert liste: every ranked measure with its rank, score and group scores, paginated by computed
 * row heights with the header repeated; the minimum and plus list marked when a top-N cut is set.
 * Also the ranked list per segment (with a checklist). With the selection's split the decision list
 * (decision.ts) takes this slide's place.
 */
import { ex } from "../../i18n/export";
import { segmentName, type ExportRow, type ExportTable, type SegmentKey, filterText } from "../rows";
import { textWidthPt } from "../paginate";
import type { DeckSlide } from "./context";
import { BODY_PT, CONTENT_W, LIGHT, METRICS, MINIMUM_FILL, PLUS_FILL } from "./look";
import { FIT_SLACK, bodyCell, fittedWidth, sectionRow, tableSlides, type Column, type TableRow } from "./table";
import type PptxGenJS from "pptxgenjs";

/**
 * The ranked list's columns. The numbers are as narrow as their header's longest word (the
 * header «Prioriteringsnummer» stays one word on one line); each group column holds its whole
 * header on one line up to 1.6 in, and wraps it between words beyond that. The name gets the rest.
 */
export function rankedColumns(t: ExportTable, bySegment: boolean, rows: ExportRow[] = t.ranked): Column[] {
  const lang = t.lang;
  const groupW = t.groupLabels.length
    ? Math.max(
        ...t.groupLabels.map((g) =>
          fittedWidth(
            g,
            rows.flatMap((r) => r.groups)
          )
        ),
        Math.min(1.6, Math.max(0.9, ...t.groupLabels.map((g) => textWidthPt(g, BODY_PT, true) / 72 + METRICS.padXIn + FIT_SLACK)))
      )
    : 0;
  const cols: Column[] = [];
  if (bySegment) {
    const header = ex(lang, "deck.col.segmentRank");
    cols.push({ header, widthIn: fittedWidth(header, rows.map(segmentRankText)), align: "center" });
  }
  const rankHeader = ex(lang, "deck.col.rank");
  cols.push({
    header: rankHeader,
    widthIn: fittedWidth(
      rankHeader,
      rows.map((r) => r.rank)
    ),
    align: "center",
  });
  const scoreHeader = ex(lang, "deck.col.score");
  const scoreW = Math.max(
    0.6,
    fittedWidth(
      scoreHeader,
      rows.map((r) => r.score),
      true
    )
  );
  const rest = CONTENT_W - cols.reduce((s, c) => s + c.widthIn, 0) - scoreW - groupW * t.groupLabels.length;
  cols.push({ header: ex(lang, "deck.col.name"), widthIn: rest, align: "left" });
  cols.push({ header: scoreHeader, widthIn: scoreW, align: "right" });
  for (const g of t.groupLabels) cols.push({ header: g, widthIn: groupW, align: "right" });
  return cols;
}

const segmentRankText = (r: ExportRow): string => (r.segmentRank ? `${r.segmentRank.rank}${r.segmentRank.tied ? "=" : ""}` : "–");

function rankedSlides(pptx: PptxGenJS, t: ExportTable, heading: string, rows: ExportRow[], notes: string, bySegment: boolean): void {
  const lang = t.lang;
  const columns = rankedColumns(t, bySegment, rows);
  const out: TableRow[] = [];
  const cut = !bySegment && t.top !== null;
  let lastList: ExportRow["list"] = null;
  const scoreHeader = ex(lang, "deck.col.score");
  for (const r of rows) {
    if (cut && r.list !== lastList) {
      if (r.list === "minimum") out.push(sectionRow(ex(lang, "deck.minimum", { count: t.top! }), MINIMUM_FILL, columns.length));
      else if (r.list === "plus") out.push(sectionRow(ex(lang, "deck.plus"), PLUS_FILL, columns.length));
      lastList = r.list;
    }
    const fill = cut && r.list === "minimum" ? { fill: { color: LIGHT } } : {};
    const texts = [...(bySegment ? [segmentRankText(r)] : []), r.rank, r.name, r.score, ...r.groups];
    out.push({
      cells: texts.map((x, i) => bodyCell(x, columns[i], { ...fill, bold: columns[i].header === scoreHeader })),
      boxes: texts.map((x, i) => ({
        text: x,
        widthIn: columns[i].widthIn,
        bold: columns[i].header === scoreHeader,
      })),
    });
  }
  const filter = filterText(t);
  const sub = [filter ? ex(lang, "deck.filter", { filter }) : "", minimumNote(t, rows, bySegment)].filter((s) => s).join(" · ");
  tableSlides(pptx, heading, columns, out, notes, sub || undefined, lang);
}

/** When ties at the cut make the minimum list longer than N, say so. */
function minimumNote(t: ExportTable, rows: ExportRow[], bySegment: boolean): string {
  if (bySegment || t.top === null) return "";
  const min = rows.filter((r) => r.list === "minimum");
  if (min.length <= t.top) return "";
  const last = min[min.length - 1];
  return ex(t.lang, "deck.minimumTies", { count: min.length, rank: last.rank.replace("=", "") });
}

/** The ranked list (without the selection's split: then decision.ts shows the lists). */
export const rankedSlide: DeckSlide = {
  kind: "ranked",
  add({ pptx, table, lang, notes }) {
    if (table.split) return;
    rankedSlides(pptx, table, ex(lang, "deck.ranked"), table.ranked, notes, false);
  },
};

/** The ranked list of each segment of the checklist. */
export const segmentListsSlide: DeckSlide = {
  kind: "segmentLists",
  add({ pptx, table, lang, notes }) {
    if (!table.hasChecklist) return;
    for (const key of ["Samstyre", "Koordinere", "Observere", "Inspirere"] as SegmentKey[]) {
      const rows = table.ranked.filter((r) => r.segment === key);
      if (rows.length) rankedSlides(pptx, table, ex(lang, "deck.segmentList", { segment: segmentName(lang, key) }), rows, notes, true);
    }
  },
};
