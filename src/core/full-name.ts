/**
 * A measure's full, unambiguous name: «Tema: tiltak», unless the name already says the theme
 * («Dokumentdeling: Fastleger», «Implementering av DBEP»). The meeting names several measures
 * only by their column («Spesialisthelsetjenesten» under Dokumentdeling and under Kritisk info),
 * so a list without the theme has rows that read the same. The Rangering table's Tiltak column
 * (and so the chart's bar labels) uses it; the same rule as the slides' names (export/rows.ts).
 */
export function fullName(m: { name: string; theme?: string }): string {
  const theme = m.theme?.trim();
  if (!theme || m.name.toLocaleLowerCase("nb-NO").includes(theme.toLocaleLowerCase("nb-NO"))) return m.name;
  return `${theme}: ${m.name}`;
}
