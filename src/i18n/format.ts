/** Locale-aware formatting shared by the catalogs and the views. */

export type Lang = "nb" | "en";

/**
 * A catalog string with its `{name}` placeholders filled in; unknown placeholders stay as they are.
 * `{count|celle|celler}` is the word for the number: the first form for 1, the second otherwise
 * (bokmål and English agree on that rule): "{count} {count|celle|celler}" → "1 celle", "3 celler".
 */
export function fill(template: string, params: Record<string, string | number> = {}): string {
  return template.replace(/\{(\w+)(?:\|([^|{}]*)\|([^|{}]*))?\}/g, (m, name: string, one?: string, other?: string) => {
    if (!(name in params)) return m;
    if (one === undefined || other === undefined) return String(params[name]);
    return Number(params[name]) === 1 ? one : other;
  });
}

export const LOCALE: Record<Lang, string> = { nb: "nb-NO", en: "en-GB" };

/** Office display language → UI language: nb-NO, nn-NO, no, no-NO (and nb, nn) are bokmål. */
export function langFromLocale(locale: string | undefined | null): Lang {
  const l = (locale ?? "").toLowerCase();
  return /^(nb|nn|no)(-|_|$)/.test(l) ? "nb" : "en";
}

const formatters = new Map<string, Intl.NumberFormat>();

/** 22,8 in bokmål, 22.8 in English; a fixed number of decimals. Minus is ASCII for copy-paste. */
export function formatNumber(lang: Lang, n: number, digits = 1): string {
  const key = `${lang}:${digits}`;
  let f = formatters.get(key);
  if (!f) {
    f = new Intl.NumberFormat(LOCALE[lang], { minimumFractionDigits: digits, maximumFractionDigits: digits, useGrouping: false });
    formatters.set(key, f);
  }
  return f.format(n).replace(/\u2212/g, "-");
}

/** Up to `digits` decimals, no trailing zeros: 7,5 · 7 · 16,08. */
export function formatShort(lang: Lang, n: number, digits = 2): string {
  const key = `${lang}:short${digits}`;
  let f = formatters.get(key);
  if (!f) {
    f = new Intl.NumberFormat(LOCALE[lang], { minimumFractionDigits: 0, maximumFractionDigits: digits, useGrouping: false });
    formatters.set(key, f);
  }
  return f.format(n).replace(/\u2212/g, "-");
}

export function formatPercent(lang: Lang, share: number, digits = 1): string {
  return `${formatNumber(lang, share * 100, digits)}${lang === "nb" ? "\u00a0%" : "%"}`;
}

/**
 * A probability (a share of Monte Carlo draws) as every output prints it, in whole per cent: «0» only
 * when no draw, «100» only when every draw; «<1» below ½ % and «>99» from 99½ %, else rounded. The
 * one rule of the pane, the presenter, the slides and the command line.
 */
export function probabilityFigure(p: number): string {
  if (!(p > 0)) return "0";
  if (p >= 1) return "100";
  // p·100 to 12 significant digits first, so that an exact half (23 of 40 draws, 57,5 %) rounds up as written, not by its binary error.
  const r = Math.round(Number((p * 100).toPrecision(12)));
  return r === 0 ? "<1" : r === 100 ? ">99" : String(r);
}

/** {@link probabilityFigure} with the sign: «<1 %», «62 %», «>99 %» (no-break space in bokmål). */
export function probabilityText(lang: Lang, p: number): string {
  return `${probabilityFigure(p)}${lang === "nb" ? "\u00a0%" : "%"}`;
}

/** {@link probabilityText} as it is read out: «under 1 %» and «over 99 %» in words (less than / more than in English), so a name never says 0 % or 100 % for what is shown as «<1» or «>99». */
export function probabilitySpoken(lang: Lang, p: number): string {
  const figure = probabilityFigure(p);
  const sign = lang === "nb" ? "\u00a0%" : "%";
  if (figure === "<1") return `${lang === "nb" ? "under" : "less than"} 1${sign}`;
  if (figure === ">99") return `${lang === "nb" ? "over" : "more than"} 99${sign}`;
  return `${figure}${sign}`;
}

/** "a, b og c" / "a, b and c". */
export function formatList(lang: Lang, items: string[]): string {
  if (items.length <= 1) return items.join("");
  const last = items[items.length - 1];
  return `${items.slice(0, -1).join(", ")} ${lang === "nb" ? "og" : "and"} ${last}`;
}
