/**
 * The score chart's labels: every bar labelled (frequency 1), names over 60 characters shortened
 * with «…» in the chart only, and fewer bars on a slide when the labels wrap.
 */
import { chartName, chartPages, CHART_NAME_MAX } from "../../src/export/deck";
import type { ExportRow } from "../../src/export/rows";
import { sixtyMeasures, longNames } from "./support";

/** Only what the chart reads of a row: its rank label and the measure's name and theme. */
const row = (rank: string, name: string, theme?: string) => ({ rank, name, measure: { name, theme } }) as unknown as ExportRow;

describe("chartName", () => {
  test("a full name up to 60 characters is kept as the table shows it", () => {
    expect(chartName({ name: "PLL", theme: "Legemidler" })).toBe("Legemidler: PLL");
    expect(chartName({ name: "Implementering av DBEP", theme: "DBEP" })).toBe("Implementering av DBEP");
  });
  test("a longer one keeps the measure's own name and shortens the theme before it", () => {
    expect(chartName({ name: "Realiserer API-management som en tjeneste", theme: "5.1 Utvikle felles byggeklosser som legger til rette" })).toBe(
      "5.1 Utvikle…: Realiserer API-management som en tjeneste",
    );
    expect(chartName({ name: "Nasjonalt prosjekt DigiHelse", theme: "4.1 Mobilisere innbyggeren som ressurs" })).toBe("4.1 Mobilisere innbyggeren…: Nasjonalt prosjekt DigiHelse");
  });
  test("a long name alone is cut at a space with «…»; never over 60 characters", () => {
    const [first] = longNames(sixtyMeasures());
    expect(first.name).toHaveLength(150);
    expect(chartName(first)).toBe("Akson - forberedelse for bedre samhandling mellom…");
    for (const m of longNames(sixtyMeasures())) expect([...chartName(m)].length).toBeLessThanOrEqual(CHART_NAME_MAX);
  });
});

describe("chartPages", () => {
  test("60 measures with 150-character names: one-line labels, 15 bars a slide, every measure once in rank order", () => {
    const rows = longNames(sixtyMeasures()).slice(0, 59).map((m, i) => row(String(i + 1), m.name, m.theme));
    const pages = chartPages(rows);
    expect(pages.map((p) => p.rows.length)).toEqual([15, 15, 15, 14]);
    expect(pages.flatMap((p) => p.lines)).toEqual(rows.map(() => 1));
    expect(pages.flatMap((p) => p.rows)).toEqual(rows);
    expect(pages[0].labels[0]).toBe("1  Akson - forberedelse for bedre samhandling mellom…");
  });
  test("labels too wide for 45 % of the chart wrap to two lines, and a slide takes 9 bars instead of 15", () => {
    // 60 characters of the widest capitals (a 60-character name in ordinary capitals just fits).
    const name = "WMW MWM ".repeat(8).slice(0, 60);
    const rows = Array.from({ length: 20 }, (_, i) => row(String(i + 1), name));
    const pages = chartPages(rows);
    expect(pages[0].labelIn).toBeCloseTo(12.333 * 0.45, 9);
    expect(pages.flatMap((p) => p.lines)).toEqual(rows.map(() => 2));
    expect(pages.map((p) => p.rows.length)).toEqual([9, 9, 2]);
  });
});
