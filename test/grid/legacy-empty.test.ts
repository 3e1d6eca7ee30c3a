/**
 * A legacy sheet whose group and Score rows are empty (a copy made before the formulas were
 * typed) is one finding for the sheet that offers «Synkroniser», not one per blank cell; a single
 * blank cell elsewhere says it is empty, never «the formula is =».
 */
import { allFindings } from "../../src/core/assess";
import { readXlsx } from "../../src/cli/xlsx";
import type { Grid } from "../../src/grid/grid";
import { readLegacyWorkbook } from "../../src/grid/legacy";
import { readWorkbook } from "../../src/grid/workbook";
import { findingMessage } from "../../src/i18n";

const FILE = `${__dirname}/../fixtures/prioritering-2022-09.xlsx`;

/** The meeting's grids with the computed cells (groups, Score) of the chosen sheets' measures blanked, or only of one cell. */
async function meetingWithBlanks(blank: (sheet: string, key: string) => boolean): Promise<Grid[]> {
  const grids = (await readXlsx(FILE)).grids;
  const read = readWorkbook(grids);
  if (read.kind !== "legacy") throw new Error("expected the legacy layout");
  const lw = readLegacyWorkbook(grids, read.model)!;
  for (const m of lw.measures) {
    for (const [key, placed] of m.computed) {
      if (!blank(m.sheet, key)) continue;
      const g = grids.find((x) => x.name === m.sheet)!;
      g.rows[placed.row]![placed.col] = undefined;
    }
  }
  return grids;
}

test("Kritisk info with its group and Score rows empty: one finding at the block, in both languages, and no per-cell warnings", async () => {
  const read = readWorkbook(await meetingWithBlanks((sheet) => sheet === "Kritisk info"));
  if (read.kind !== "legacy") throw new Error("expected the legacy layout");
  const all = allFindings(read.assessment);
  const sheetFindings = all.filter((f) => f.code === "legacy-sheet-empty");
  expect(sheetFindings).toHaveLength(1);
  const f = sheetFindings[0];
  // 4 measures (C–F) × 6 computed rows (Måloppnåelse, Kostnader, Nytte, Pasient, Helsepersonell, Score).
  expect(f).toMatchObject({ severity: "warning", params: { sheet: "Kritisk info", cells: 24, measures: 4 } });
  expect(f.cell).toBe("'Kritisk info'!C3:F20");
  expect(findingMessage(f, "nb", read.model)).toBe(
    "Arket Kritisk info har verken verdier eller formler i gruppe- og Score-radene (24 tomme celler for 4 tiltak), så det viser ingen totaler. Velg «Synkroniser» for å skrive formlene, eller skriv dem selv.",
  );
  expect(findingMessage(f, "en", read.model)).toBe(
    "The sheet Kritisk info has neither values nor formulas in its group and Score rows (24 empty cells for 4 measures), so it shows no totals. Choose “Synchronise” to write the formulas, or type them yourself.",
  );
  const onSheet = all.filter((x) => x.cell?.startsWith("'Kritisk info'!") && (x.code === "legacy-formula" || x.code === "legacy-error-value"));
  expect(onSheet).toEqual([]);
  // The other sheets are audited as before: Felles hjelpenummer's SUM is still reported.
  expect(all.some((x) => x.code === "legacy-formula" && x.cell === "'Felles hjelpenummer'!C12")).toBe(true);
});

test("one blank Score cell on an otherwise computed sheet says the cell is empty, not «the formula is =»", async () => {
  const read = readWorkbook(await meetingWithBlanks((sheet, key) => sheet === "Legemidler" && key === "total"));
  if (read.kind !== "legacy") throw new Error("expected the legacy layout");
  const all = allFindings(read.assessment);
  expect(all.filter((f) => f.code === "legacy-sheet-empty")).toEqual([]);
  const f = all.find((x) => x.code === "legacy-formula" && x.cell?.startsWith("Legemidler!"))!;
  expect(f.params).toMatchObject({ node: "total", formula: "", empty: true, correct: 22.75 });
  expect(findingMessage(f, "nb", read.model)).toBe("Score er tom, men modellen gir 22,75 (PLL). Velg «Synkroniser» for å skrive formelen, eller skriv den selv.");
  expect(findingMessage(f, "en", read.model)).toBe("Score is empty, but the model gives 22.75 (PLL). Choose “Synchronise” to write the formula, or type it yourself.");
});
