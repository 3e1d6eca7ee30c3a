/**
 * The names the ranking shows, so that a council can tell every row apart on a 320 px pane or a
 * projector: the theme and the measure, never two rows that read the same. Pure; no React.
 *
 * The meeting workbook names measures by their theme sheet and column header: «Dokumentdeling:
 * Spesialisthelsetjenesten» and «Kritisk info: Spesialisthelsetjenesten». Dropping the theme (or
 * cutting it to «Dokum…») leaves two identical rows, so the theme always comes first and the
 * name is never cut (the views wrap it). A theme the name already starts with is not repeated;
 * rows that would still read the same get their ID after the name.
 */
import { normalize } from "../core/text";

export interface DisplayName {
  /** The theme shown before the name; absent when there is none or the name already says it. */
  theme?: string;
  /** The measure's own name (without a «Theme:» prefix). */
  name: string;
  /** The ID, shown after the name when two rows would otherwise read the same. */
  id?: string;
  /** The row's name as one line of text: «Kritisk info · Spesialisthelsetjenesten». */
  text: string;
  /** The name as written in the workbook. */
  full: string;
}

/** Between the theme and the name. */
export const THEME_SEPARATOR = " · ";

/** «Theme: rest», «Theme – rest», «Theme / rest» → «rest»; undefined when the name does not start so. */
function withoutPrefix(name: string, theme: string): string | undefined {
  if (name.slice(0, theme.length).toLocaleLowerCase("nb") !== theme.toLocaleLowerCase("nb")) return undefined;
  const m = /^\s*[:\-–—/|·]\s*(.*)$/su.exec(name.slice(theme.length));
  return m ? m[1].trim() : undefined;
}

/** One measure's parts before the rows are compared: theme and name. */
export function nameAndTheme(m: { name: string; theme?: string }): { theme?: string; name: string } {
  const name = m.name.trim();
  const theme = m.theme?.trim() ?? "";
  if (theme === "") return { name };
  const rest = withoutPrefix(name, theme);
  if (rest !== undefined) return rest === "" ? { name } : { theme, name: rest };
  // A name that starts with its theme as a word («Kritisk info hos fastleger») already says it.
  const n = normalize(name);
  const t = normalize(theme);
  if (n === t || (n.startsWith(t) && /^\W/u.test(n.slice(t.length)))) return { name };
  return { theme, name };
}

function lineOf(p: { theme?: string; name: string; id?: string }): string {
  return `${p.theme ? p.theme + THEME_SEPARATOR : ""}${p.name}${p.id ? ` (${p.id})` : ""}`;
}

/**
 * The display names of a list of measures, by id: theme and name, unique as read (case and
 * accents aside); equal ones carry their IDs. Measures with equal IDs keep what they have.
 */
export function displayNames(measures: readonly { id: string; name: string; theme?: string }[]): Map<string, DisplayName> {
  const parts = measures.map((m) => ({ key: m.id, full: m.name, ...nameAndTheme(m) }));
  const readAs = (p: { theme?: string; name: string }) => normalize(lineOf({ theme: p.theme, name: p.name }));
  const count = new Map<string, number>();
  for (const p of parts) count.set(readAs(p), (count.get(readAs(p)) ?? 0) + 1);
  const out = new Map<string, DisplayName>();
  for (const p of parts) {
    if (out.has(p.key)) continue;
    const clash = (count.get(readAs(p)) ?? 0) > 1;
    const shown: DisplayName = { name: p.name, text: "", full: p.full };
    if (p.theme) shown.theme = p.theme;
    if (clash) shown.id = p.key;
    shown.text = lineOf(shown);
    out.set(p.key, shown);
  }
  return out;
}
