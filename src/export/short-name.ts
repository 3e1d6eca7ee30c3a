/**
 * A measure's name shortened for a place with little room (the score chart's labels, the
 * data-quality slide): whole up to 60 characters, else cut with «…». The ranked tables keep the
 * full name.
 */
import { fullName } from "./rows";

/** A measure's name in a chart label is cut to this many characters (with «…»); the tables keep the full name. */
export const CHART_NAME_MAX = 60;

const chars = (s: string) => [...s].length;

/** A text cut to at most `max` characters: at the last space in its second half, ended with «…». */
function cutText(text: string, max: number): string {
  if (chars(text) <= max) return text;
  const cut = [...text].slice(0, max - 1).join("");
  const space = cut.lastIndexOf(" ");
  return `${(space > max / 2 ? cut.slice(0, space) : cut).replace(/[\s:,;–-]+$/, "")}…`;
}

/**
 * A measure as a chart label shows it: its full name («Tema: tiltak») up to 60 characters; a longer
 * one keeps the measure's own name and shortens the theme in front of it («5.1 Utvikle felles…:
 * Realiserer API-management»), or, when the name alone is long, is the name cut with «…». The
 * tables keep the full name; the rank in front of each label ties the two.
 */
export function chartName(m: { name: string; theme?: string }, max = CHART_NAME_MAX): string {
  const full = fullName(m);
  if (chars(full) <= max) return full;
  const name = m.name.trim();
  const theme = full === m.name ? "" : (m.theme ?? "").trim();
  if (theme === "" || chars(name) > max - 14) return cutText(name, max);
  return `${cutText(theme, max - chars(name) - 2)}: ${name}`;
}
