/**
 * Workbooks made from examples/utvalg.xlsx (scripts/make-utvalg.ts) with a few cells changed, as a
 * person would leave them: read with exceljs, edited, written again (its tables and the very hidden
 * store kept). Vurdering's table PrioVurdering is A2:S32 (header row 2, T001 in row 3, Kostnad in
 * column Q, Valg in S); Modell's Budsjettramme is M9, Minimumsramme M10.
 */
import ExcelJS from "exceljs";
import * as path from "path";

export const UTVALG = path.resolve(__dirname, "../../examples/utvalg.xlsx");

/** The sheet row (1-based) of a measure of the example: T001 is row 3, T030 row 32. */
export const rowOf = (id: string): number => Number(id.slice(1)) + 2;

/** The example with `edit` applied, as bytes of an .xlsx file. */
export async function utvalgWith(edit: (wb: ExcelJS.Workbook) => void): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(UTVALG);
  edit(wb);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** Sets cells of a sheet by A1 address. */
export function setCells(wb: ExcelJS.Workbook, sheet: string, cells: Record<string, ExcelJS.CellValue>): void {
  const ws = wb.getWorksheet(sheet);
  if (!ws) throw new Error(`no sheet ${sheet}`);
  for (const [a1, v] of Object.entries(cells)) ws.getCell(a1).value = v;
}
