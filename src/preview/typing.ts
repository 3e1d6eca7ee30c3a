/**
 * The preview's grid shows numbers as Excel does in the display language: the decimal comma in
 * bokmål. What a person types is read by the in-memory workbook in the same locale (src/sim/values.ts).
 */
import type { Lang } from "../i18n";

/** A number as the formula bar shows it: 7,5 in bokmål, 7.5 in English (no grouping). */
export function shownInput(lang: Lang, raw: string, isNumber: boolean): string {
  return lang === "nb" && isNumber ? raw.replace(".", ",") : raw;
}

/** A number's text in a cell as Excel shows it in the language: «22,8» and «1 000,5» in bokmål. */
export function shownText(lang: Lang, text: string, isNumber: boolean): string {
  if (lang !== "nb" || !isNumber) return text;
  return text.replace(/[.,]/g, (c) => (c === "." ? "," : "\u00a0"));
}
