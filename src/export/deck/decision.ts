/**
 * The decision list, in place of Rangert liste when the selection within the budget splits it:
 * the minimum list, the plus list, the measures the council holds out, and the rest not selected,
 * each in rank order with its score, its cost and why it is where it is in the committee's words
 * (tas med, innenfor rammen, holdes utenfor, forutsetter X, over rammen, ingen total); each list
 * closes with its sum (measures and MNOK); the subtitle says which frames made it (Modell's, or
 * tried in the pane's *Utvalg*). Every measure once.
 */
import { ex } from "../../i18n/export";
import { dx } from "../../i18n/decision";
import { mnokText } from "../../i18n/selection";
import type { ListTotals } from "../../core/selection-problem";
import { filterText, framesText, type ExportRow, type ExportTable } from "../rows";
import type { SelectionSplit } from "../selection-split";
import type { DeckSlide } from "./context";
import { CONTENT_W, LIGHT, MINIMUM_FILL, PLUS_FILL } from "./look";
import { mnok } from "./notes";
import { bodyCell, fittedWidth, sectionRow, tableSlides, type Column, type TableRow } from "./table";

/** The reason column's width (inches): room for «forutsetter Tema: tiltak, som ikke er med» on two lines. */
const WHY_W = 4.4;

/** The decision list's columns: Nr., Tiltak (the rest), Score, Kostnad (MNOK), Begrunnelse. */
export function decisionColumns(t: ExportTable, rows: ExportRow[], sums: string[]): Column[] {
  const lang = t.lang;
  const rank = ex(lang, "deck.col.rankShort");
  const score = ex(lang, "deck.col.score");
  const cost = dx(lang, "col.cost");
  const rankW = fittedWidth(
    rank,
    rows.map((r) => r.rank)
  );
  const scoreW = Math.max(
    0.6,
    fittedWidth(
      score,
      rows.map((r) => r.score),
      true
    )
  );
  const costW = Math.max(0.9, fittedWidth(cost, [...rows.map((r) => r.cost), ...sums], true));
  return [
    { header: rank, widthIn: rankW, align: "center" },
    {
      header: ex(lang, "deck.col.name"),
      widthIn: CONTENT_W - rankW - scoreW - costW - WHY_W,
      align: "left",
    },
    { header: score, widthIn: scoreW, align: "right" },
    { header: cost, widthIn: costW, align: "right" },
    { header: dx(lang, "col.why"), widthIn: WHY_W, align: "left" },
  ];
}

export type DecisionSection = "minimum" | "plus" | "heldOut" | "out";

/** The rows of each section in rank order (measures without a total last): held out are the council's «Holdes utenfor». */
export function decisionSections(t: ExportTable): { section: DecisionSection; rows: ExportRow[] }[] {
  const all = [...t.ranked, ...t.unranked];
  const of = (s: DecisionSection) =>
    all.filter((r) => {
      const list = r.list ?? "out";
      if (s === "minimum" || s === "plus") return list === s;
      const held = list === "out" && r.choice === "out";
      return s === "heldOut" ? held : list === "out" && !held;
    });
  const split = t.split!;
  const sections: DecisionSection[] = split.minimum === null ? ["minimum", "heldOut", "out"] : ["minimum", "plus", "heldOut", "out"];
  // A list of the selection is shown even when empty (its sum says 0); held out and not selected only when they hold a measure.
  return sections.map((section) => ({ section, rows: of(section) })).filter((s) => s.rows.length > 0 || s.section === "minimum" || s.section === "plus");
}

function sectionTitle(t: ExportTable, split: SelectionSplit, s: DecisionSection): string {
  const lang = t.lang;
  if (s === "minimum") {
    return split.minimum === null
      ? ex(lang, "deck.sel.minimumOnly", { frame: mnok(lang, split.budget) })
      : ex(lang, "deck.sel.minimum", { frame: mnok(lang, split.minimum) });
  }
  if (s === "plus") return ex(lang, "deck.sel.plus", { frame: mnok(lang, split.budget) });
  return dx(lang, s === "heldOut" ? "section.heldOut" : "section.out");
}

export const decisionSlide: DeckSlide = {
  kind: "ranked",
  add({ pptx, table: t, lang, notes }) {
    const split = t.split;
    if (!split) return;
    const sections = decisionSections(t);
    const totals: Record<"minimum" | "plus", ListTotals> = split.totals;
    const sumText = (s: "minimum" | "plus") => dx(lang, "sum", { count: totals[s].count });
    const sumCost = (s: "minimum" | "plus") => mnokText(lang, totals[s].cost);
    const columns = decisionColumns(
      t,
      sections.flatMap((s) => s.rows),
      ["minimum", "plus"].map((s) => sumCost(s as "minimum" | "plus"))
    );
    const row = (texts: string[], extra: (i: number) => object = () => ({})): TableRow => ({
      cells: texts.map((x, i) => bodyCell(x, columns[i], extra(i))),
      boxes: texts.map((x, i) => ({
        text: x,
        widthIn: columns[i].widthIn,
        bold: i === 2 || (extra(i) as { bold?: boolean }).bold === true,
      })),
    });
    const out: TableRow[] = [];
    for (const { section, rows } of sections) {
      out.push(sectionRow(sectionTitle(t, split, section), section === "minimum" ? MINIMUM_FILL : PLUS_FILL, columns.length));
      const fill = section === "minimum" ? { fill: { color: LIGHT } } : {};
      for (const r of rows) out.push(row([r.rank, r.name, r.score, r.cost, r.decision], (i) => ({ ...fill, bold: i === 2 })));
      if (section === "minimum" || section === "plus") {
        if (rows.length === 0) out.push(row(["", dx(lang, "empty"), "", "", ""], () => ({ italic: true })));
        out.push(
          row(["", sumText(section), "", sumCost(section), ""], (i) => ({
            bold: i === 1 || i === 3,
          }))
        );
      }
    }
    const filter = filterText(t);
    const sub = [framesText(t) ?? "", filter ? ex(lang, "deck.filter", { filter }) : ""].filter((s) => s).join(" · ");
    tableSlides(pptx, dx(lang, "title"), columns, out, notes, sub, lang);
  },
};
