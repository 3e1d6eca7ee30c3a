/**
 * A legacy meeting workbook saved by openpyxl (test/fixtures/interop/openpyxl/, made by
 * scripts/interop-fixtures.ts) keeps every formula but no result. Before, the audit read the 84
 * group and Score cells as blank: 84 «viser –» warnings where Excel's file has 8, and the four
 * #DIV/0! findings were lost. Now the cells without a result are said once («ikke beregnet – åpne
 * og lagre i Excel»), and what the SUM/AVERAGE/+ formulas would show is worked out from the cells
 * they name, so the audit finds what it finds in the file Excel saved, on the same cells.
 */
import { promises as fs } from "fs";
import * as path from "path";
import { DecompressionStream } from "stream/web";
import { allFindings } from "../../src/core/assess";
import type { CellValue } from "../../src/core/cell";
import { readXlsx } from "../../src/cli/xlsx";
import { formulaValue } from "../../src/grid/formula";
import type { Grid, GridCell } from "../../src/grid/grid";
import { readWorkbook } from "../../src/grid/workbook";
import { findingMessage } from "../../src/i18n";
import { readWorkbookFile } from "../../src/ui/read-file";

const ROOT = path.resolve(__dirname, "../..");
const EXCEL = path.join(ROOT, "examples/prioritering-2022-09.xlsx");
const OPENPYXL = path.join(ROOT, "test/fixtures/interop/openpyxl/prioritering-2022-09.xlsx");

/** [code, severity, cell, measure, shown/error, correct] of the findings about computed cells. */
async function computedFindings(file: string) {
  const read = readWorkbook((await readXlsx(file)).grids);
  if (read.kind !== "legacy") throw new Error("expected the legacy layout");
  return {
    read,
    rows: allFindings(read.assessment)
      .filter((f) => f.code === "legacy-formula" || f.code === "legacy-error-value")
      .map((f) => [f.code, f.severity, f.cell, f.measureId, f.params.shown ?? f.params.error, f.params.correct]),
  };
}

test("openpyxl's meeting workbook: one «not calculated» finding, and the same 8 formula and 4 #DIV/0! findings as Excel's file", async () => {
  const excel = await computedFindings(EXCEL);
  const openpyxl = await computedFindings(OPENPYXL);
  expect(excel.rows).toHaveLength(12);
  expect(excel.rows.filter((r) => r[0] === "legacy-error-value").map((r) => [r[2], r[4]])).toEqual([
    ["Dokumentdeling!G11", "#DIV/0!"],
    ["Dokumentdeling!G12", "#DIV/0!"],
    ["Dokumentdeling!G15", "#DIV/0!"],
    ["Dokumentdeling!G20", "#DIV/0!"],
  ]);
  expect(openpyxl.rows).toEqual(excel.rows);

  const once = allFindings(openpyxl.read.assessment).filter((f) => f.code === "legacy-not-calculated");
  expect(once).toHaveLength(1);
  expect(once[0]).toMatchObject({ severity: "warning", cell: "DBEP!C3", params: { count: 84, first: "DBEP!C3" } });
  expect(openpyxl.read.assessment.findings[0].code).toBe("legacy-not-calculated");
  expect(findingMessage(once[0], "nb", openpyxl.read.model)).toBe(
    "84 formelceller (den første er DBEP!C3) er ikke beregnet – åpne og lagre i Excel. Filen er lagret av et program som ikke regner ut formler (for eksempel Python med openpyxl), så den har ingen lagret verdi i dem. Det som kan regnes ut fra formlene selv, er kontrollert; resten blir kontrollert når filen er åpnet og lagret i Excel.",
  );
  expect(findingMessage(once[0], "en", openpyxl.read.model)).toBe(
    "84 formula cells (the first is DBEP!C3) are not calculated — open and save in Excel. The file was saved by a program that does not calculate formulas (Python's openpyxl, for one), so it holds no value for them. What can be worked out from the formulas themselves has been checked; the rest is checked once the file has been opened and saved in Excel.",
  );
  expect(allFindings(excel.read.assessment).some((f) => f.code === "legacy-not-calculated")).toBe(false);

  // A value worked out from the formula is said «vil vise», not «viser».
  const g20 = allFindings(openpyxl.read.assessment).find((f) => f.cell === "Dokumentdeling!G20")!;
  expect(findingMessage(g20, "nb", openpyxl.read.model)).toBe(
    "Score vil vise #DIV/0! (Dokumentdeling: Andre helseaktører/tjenester). Tiltaket har ingen total fordi Nytte ikke har noen score. Fyll inn scorene.",
  );
  expect(findingMessage(g20, "en", openpyxl.read.model)).toBe(
    "Score would show #DIV/0! (Dokumentdeling: Andre helseaktører/tjenester). The measure has no total because Benefit has no scores. Fill in the scores.",
  );
  const c12 = allFindings(openpyxl.read.assessment).find((f) => f.cell === "'Felles hjelpenummer'!C12")!;
  expect(findingMessage(c12, "nb", openpyxl.read.model)).toBe(
    "Pasient vil vise 5, men modellen gir 2,5 (Felles hjelpenummer). Formelen er =SUM(C13:C14); den summerer der modellen tar snittet. Velg «Synkroniser» for å skrive riktig formel, eller rett den selv.",
  );
});

test("the .xlsx reader marks a formula without a result (openpyxl), not one with a result (Excel); the pane's reader too", async () => {
  const cellOf = (grids: Grid[], sheet: string, row: number, col: number) => grids.find((g) => g.name === sheet)!.rows[row]![col];
  expect(cellOf((await readXlsx(OPENPYXL)).grids, "DBEP", 2, 2)).toEqual({ value: null, formula: "AVERAGE(C4:C5)", uncalculated: true });
  expect(cellOf((await readXlsx(EXCEL)).grids, "DBEP", 2, 2)).toEqual({ value: 7.5, formula: "AVERAGE(C4:C5)" });
  (globalThis as { DecompressionStream?: unknown }).DecompressionStream ??= DecompressionStream;
  const pane = await readWorkbookFile(new Uint8Array(await fs.readFile(OPENPYXL)).buffer, "møte.xlsx", "nb");
  if (!pane.ok) throw new Error(pane.message);
  expect(cellOf(pane.grids, "DBEP", 2, 2)).toEqual({ value: null, formula: "AVERAGE(C4:C5)", uncalculated: true });
});

describe("formulaValue: what Excel would calculate, from the cells a formula names", () => {
  /** One sheet from rows of values; a string starting with «=» is a formula without a result. */
  function sheet(rows: (CellValue | string)[][]): Grid {
    return {
      name: "Ark",
      rows: rows.map((row) =>
        row.map((v): GridCell | undefined => {
          if (typeof v === "string" && v.startsWith("=")) return { value: null, formula: v.slice(1), uncalculated: true };
          return v === null ? undefined : { value: v };
        }),
      ),
    };
  }
  const at = (rows: (CellValue | string)[][], col = 0) => formulaValue(sheet(rows), rows.length - 1, col);

  test.each<[string, (CellValue | string)[][], CellValue | undefined]>([
    ["AVERAGE of numbers", [[4], [7], ["=AVERAGE(A1:A2)"]], 5.5],
    ["AVERAGE leaves out blanks, text and TRUE", [[4], [null], ["x"], [true], ["=AVERAGE(A1:A4)"]], 4],
    ["AVERAGE of only blanks is #DIV/0!", [[null], [null], ["=AVERAGE(A1:A2)"]], { error: "#DIV/0!" }],
    ["GJENNOMSNITT (Norwegian Excel) is AVERAGE", [[2], [3], ["=GJENNOMSNITT(A1;A2)"]], 2.5],
    ["SUM of nothing is 0", [[null], ["tekst"], ["=SUM(A1:A2)"]], 0],
    ["a sum of cells counts a blank as 0", [[3], [null], ["=A1+A2"]], 3],
    ["a sum of cells reads a number in text", [[3], [" 2 "], ["=A1+A2"]], 5],
    ["a sum of cells with other text is #VALUE!", [[3], ["fem"], ["=A1+A2"]], { error: "#VALUE!" }],
    ["an error in a named cell is the result", [[{ error: "#N/A" }], [1], ["=SUM(A1:A2)"]], { error: "#N/A" }],
    ["a chain of formulas without results: #DIV/0! carried up", [[null], ["=AVERAGE(A1)"], [5], ["=A2+A3"]], { error: "#DIV/0!" }],
    ["a chain of formulas without results: numbers", [[6], [8], ["=AVERAGE(A1:A2)"], ["=A3+A1"]], 13],
    ["another function cannot be told", [[1], ["=RANK(A1,A1:A1)"]], undefined],
    ["a formula naming a cell that cannot be told cannot be told", [["=IF(1,2,3)"], ["=SUM(A1)"]], undefined],
    ["a formula naming itself cannot be told", [["=A1+B1", 1]], undefined],
    ["a cell with a result is read as it is", [[{ error: "#DIV/0!" }]], { error: "#DIV/0!" }],
  ])("%s", (_what, rows, expected) => {
    expect(at(rows)).toEqual(expected);
  });

  test("a formula cell with a result keeps it (Excel's file): not worked out again", () => {
    const g: Grid = { name: "Ark", rows: [[{ value: 1 }], [{ value: 9, formula: "A1+A1" }]] };
    expect(formulaValue(g, 1, 0)).toBe(9);
  });
});
