/**
 * A measure's name as the views show it (the task pane's lists, the presenter's rows): the name,
 * with the theme as secondary text. Pure.
 */

/**
 * The name to show and the theme as secondary text. A legacy name carries its theme sheet as a
 * prefix ("Dokumentdeling: Legevakt/ØHD"); the prefix moves to the secondary line, and a theme
 * equal to the name is not repeated.
 */
export function nameParts(m: { name: string; theme?: string }): { name: string; theme?: string } {
  if (!m.theme || m.name === m.theme) return { name: m.name };
  const prefix = `${m.theme}:`;
  const rest = m.name.startsWith(prefix) ? m.name.slice(prefix.length).trim() : "";
  return { name: rest !== "" ? rest : m.name, theme: m.theme };
}
