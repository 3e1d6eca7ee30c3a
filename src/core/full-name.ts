/**
 * A measure's name, the one rule of every output (the Rangering sheet and its chart, the slides,
 * CSV and the clipboard table, the command line, the task pane's lists, Stabilitet, Utvalg and
 * the presenter): «Tema: tiltak», unless the name already says the theme («Dokumentdeling:
 * Fastleger», «Implementering av DBEP»). The meeting names several measures only by their column
 * («Spesialisthelsetjenesten» under Dokumentdeling and under Kritisk info), so a list without the
 * theme has rows that read the same. A list's names are unique as read ({@link fullNames}): rows
 * that would still read the same (case and spacing aside) carry their ID, «E-resept (T002)». Pure.
 */
import { normalize } from "./text";

/** Between the theme and the name: «Legemidler: PLL». */
export const THEME_SEPARATOR = ": ";

/**
 * «Tema: tiltak», or the name when it already says its theme (or has none). Compared in lower case
 * by Unicode's default mapping, which is bokmål's (only Turkish, Azeri and Lithuanian lower-case
 * differently), and a tenth of the cost of `toLocaleLowerCase("nb-NO")` in Chromium (the pane
 * names every measure on every recompute).
 */
export function fullName(m: { name: string; theme?: string }): string {
  const theme = m.theme?.trim();
  if (!theme || m.name.toLowerCase().includes(theme.toLowerCase())) return m.name;
  return `${theme}${THEME_SEPARATOR}${m.name}`;
}

export interface FullName {
  /** The theme put before the name (a view may show it quieter); absent when the name already says it. */
  theme?: string;
  /** The measure's name as written. */
  name: string;
  /** The ID, after the name, when two measures of the list would otherwise read the same. */
  id?: string;
  /** The whole name as every output prints it: «Legemidler: PLL», «Legemidler: E-resept (T002)». */
  text: string;
}

/**
 * The names of a list of measures, by id: {@link fullName}, and the ID after it where two measures
 * would read the same (case and spacing aside). A measure whose ID repeats keeps the first's name.
 */
export function fullNames(measures: readonly { id: string; name: string; theme?: string }[]): Map<string, FullName> {
  const count = new Map<string, number>();
  const read = measures.map((m) => {
    const text = fullName(m);
    const key = normalize(text);
    count.set(key, (count.get(key) ?? 0) + 1);
    return { m, text, key };
  });
  const out = new Map<string, FullName>();
  for (const { m, text, key } of read) {
    if (out.has(m.id)) continue;
    const shown: FullName = { name: m.name, text };
    if (text !== m.name) shown.theme = m.theme!.trim();
    if ((count.get(key) ?? 0) > 1 && m.id !== "") {
      shown.id = m.id;
      shown.text = `${text} (${m.id})`;
    }
    out.set(m.id, shown);
  }
  return out;
}

/** {@link fullNames} as text by id, for outputs that print the name as one string. */
export function fullNameTexts(measures: readonly { id: string; name: string; theme?: string }[]): Map<string, string> {
  return new Map([...fullNames(measures)].map(([id, n]) => [id, n.text]));
}
