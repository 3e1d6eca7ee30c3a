/** .xlsx files → grids, with exceljs (Node). */
import ExcelJS from "exceljs";
import type { Grid } from "../grid/grid";
import { worksheetToGrid } from "../grid/xlsx";

export { cellOf, worksheetToGrid } from "../grid/xlsx";

export async function readXlsx(path: string): Promise<{ workbook: ExcelJS.Workbook; grids: Grid[] }> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(path);
  const grids: Grid[] = [];
  workbook.eachSheet((ws) => grids.push(worksheetToGrid(ws)));
  return { workbook, grids };
}
