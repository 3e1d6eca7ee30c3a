/** The title slide: the deck's title, the meeting (or the date), and the counts of what the deck shows. */
import { ex } from "../../i18n/export";
import type { Lang } from "../../i18n";
import { isoDate } from "../file-name";
import { filterText } from "../rows";
import type { DeckOptions, DeckSlide } from "./context";
import { BLUE, FONT, GREY, TITLE, TITLE_HEADING, TITLE_MASTER } from "./look";

export function displayDate(iso: string, lang: Lang): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) return iso;
  return lang === "nb" ? `${m[3]}.${m[2]}.${m[1]}` : iso;
}

/**
 * The title slide's line under the title when no meeting is typed: the date the deck is about, or,
 * when that is today (the date the export defaults to), «Utskrevet 27.11.2026», so it is not taken
 * for the meeting's date.
 */
export function dateLine(o: Pick<DeckOptions, "date" | "lang" | "today">): string {
  const today = o.today ?? isoDate(new Date());
  return o.date === today ? ex(o.lang, "deck.printed", { date: displayDate(o.date, o.lang) }) : displayDate(o.date, o.lang);
}

export const titleSlide: DeckSlide = {
  add({ pptx, table: t, title, options: o, lang, notes }) {
    const slide = pptx.addSlide({ masterName: TITLE_MASTER });
    // The bar beside the title is decoration (sanitize.ts marks every shape without text so).
    slide.addText("", { x: 0, y: 2.2, w: 0.28, h: 2.4, fill: { color: BLUE }, margin: 0 });
    slide.addText(title, { placeholder: TITLE, ...TITLE_HEADING });
    const meeting = o.meeting?.trim() || dateLine(o);
    slide.addText(meeting, {
      x: 0.9,
      y: 3.5,
      w: 11.5,
      h: 0.6,
      fontFace: FONT,
      fontSize: 24,
      color: GREY,
      valign: "top",
      margin: 0,
    });
    // Counts of what the deck shows (the selection when one is set, said on the next line).
    const lines = [
      ex(lang, "deck.summary", {
        ranked: t.ranked.length,
        count: t.ranked.length + t.unranked.length,
      }),
    ];
    const filter = filterText(t);
    if (filter) lines.push(ex(lang, "deck.filter", { filter }));
    slide.addText(lines.join("\n"), {
      x: 0.9,
      y: 4.2,
      w: 11.5,
      h: 0.8,
      fontFace: FONT,
      fontSize: 16,
      color: GREY,
      valign: "top",
      margin: 0,
    });
    slide.addNotes(notes);
  },
};
