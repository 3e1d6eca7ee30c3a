/**
 * Rank acceptability (the Monte Carlo of src/core/uncertainty.ts) as a table for the slides and
 * the presenter view: each measure in rank order with the probability of each place, the places
 * after the first `maxPlaces` summed in one column. Every cell prints its percentage (colour is
 * never the only signal) and carries its heat colour: the brand blue, stronger for higher p, with
 * the text colour that reaches 4.5:1 on it. Pure values; the deck and the pane render them.
 */
import { rankLabel, type Assessment } from "../core/assess";
import type { UncertaintyResult } from "../core/uncertainty";
import { probabilityText, type Lang } from "../i18n/format";
import { fullNameTexts } from "../core/full-name";

export interface AcceptabilityCell {
  p: number;
  /** «62 %», «<1 %» / «>99 %» near the ends, «0 %» / «100 %» only for no / every draw. */
  text: string;
  /** Fill and text colour as hex without «#» ("" for no fill). */
  fill: string;
  ink: string;
}

export interface AcceptabilityTable {
  /** Column captions of the places: «1», «2», …, and «13–60» for the rest when cut. */
  places: string[];
  /** `top`: the probability of a place within the result's top N, when it has a cut. */
  rows: { id: string; rank: string; name: string; cells: AcceptabilityCell[]; top: AcceptabilityCell | null }[];
  draws: number;
}

/** The one rule of every output (i18n/format.ts): «0 %»/«100 %» only for no/every draw, «<1 %», «>99 %» near them. */
export function percentText(lang: Lang, p: number): string {
  return probabilityText(lang, p);
}

/** The contrast ratio of two colours given as hex without «#» (WCAG 2.x relative luminance). */
export function contrastRatio(a: string, b: string): number {
  const lum = (hex: string) => {
    const c = [0, 2, 4].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255).map((v) => (v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4));
    return 0.2126 * c[0] + 0.7152 * c[1] + 0.0722 * c[2];
  };
  const [x, y] = [lum(a), lum(b)].sort((p, q) => q - p);
  return (x + 0.05) / (y + 0.05);
}

/** Text colours for a fill, in order of preference; black and white between them reach 4.58:1 on any fill. */
const INKS = ["1A1A1A", "FFFFFF", "000000"];

/**
 * The heat colour of a probability, mixed from white to #0F6CBD, and its text colour: the first of
 * #1A1A1A, white and black that reaches 4.5:1 on the fill, measured (so every shade is readable).
 */
export function heatColour(p: number): { fill: string; ink: string } {
  if (!(p > 0)) return { fill: "", ink: "1A1A1A" };
  const a = Math.min(1, 0.08 + 0.82 * p);
  const mix = (c: number) => Math.round(255 + (c - 255) * a).toString(16).padStart(2, "0").toUpperCase();
  const fill = `${mix(0x0f)}${mix(0x6c)}${mix(0xbd)}`;
  const ink = INKS.find((i) => contrastRatio(i, fill) >= 4.5) ?? "000000";
  return { fill, ink };
}

export function acceptabilityTable(result: UncertaintyResult, assessment: Assessment, lang: Lang, maxPlaces = 12): AcceptabilityTable {
  const n = result.ids.length;
  const shown = n > maxPlaces ? maxPlaces - 1 : n;
  const places = Array.from({ length: shown }, (_, k) => String(k + 1));
  if (shown < n) places.push(`${shown + 1}–${n}`);
  const byId = new Map(assessment.measures.map((m) => [m.id, m]));
  const names = fullNameTexts(assessment.measures);
  const cell = (p: number): AcceptabilityCell => ({ p, text: percentText(lang, p), ...heatColour(p) });
  return {
    places,
    draws: result.draws,
    rows: result.ids.map((id, i) => {
      const m = byId.get(id);
      const ps = result.ranks[i];
      const cells = ps.slice(0, shown).map(cell);
      if (shown < n) cells.push(cell(ps.slice(shown).reduce((s, p) => s + p, 0)));
      return { id, rank: m ? rankLabel(m) : "–", name: names.get(id) ?? result.names[i], cells, top: result.topN ? cell(result.topN[i]) : null };
    }),
  };
}
