/**
 * Typing in the preview's grid as Excel does in the display language: in bokmål the decimal
 * comma, so «7,5» is the number 7.5 (and «1 000,5» 1000.5), as Excel with Norwegian settings
 * reads it. The in-memory workbook reads typed text as en-US, so the preview turns a bokmål
 * number into that form before handing it over; anything else is passed on as typed.
 */
import type { Lang } from "../i18n";

const NB_NUMBER = /^([-+\u2212]?)(\d{1,3}(?:[ \u00a0\u202f]\d{3})+|\d+)(?:,(\d+))?(%?)$/u;

/** What to hand to the in-memory workbook for what a person typed. */
export function typedInput(lang: Lang, text: string): string {
  if (lang !== "nb") return text;
  const t = text.trim();
  const m = NB_NUMBER.exec(t);
  if (!m) return text;
  const sign = m[1] === "" || m[1] === "+" ? "" : "-";
  const whole = m[2].replace(/[ \u00a0\u202f]/g, "");
  return `${sign}${whole}${m[3] !== undefined ? `.${m[3]}` : ""}${m[4]}`;
}

/** A number as the formula bar shows it: 7,5 in bokmål, 7.5 in English (no grouping). */
export function shownInput(lang: Lang, raw: string, isNumber: boolean): string {
  return lang === "nb" && isNumber ? raw.replace(".", ",") : raw;
}

/** A number's text in a cell as Excel shows it in the language: «22,8» and «1 000,5» in bokmål. */
export function shownText(lang: Lang, text: string, isNumber: boolean): string {
  if (lang !== "nb" || !isNumber) return text;
  return text.replace(/[.,]/g, (c) => (c === "." ? "," : "\u00a0"));
}
