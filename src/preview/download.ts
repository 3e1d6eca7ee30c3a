/**
 * «Last ned»: the preview's workbook as an .xlsx file, built in the browser with exceljs. exceljs
 * is loaded only when this runs (a dynamic import), so the preview starts without waiting for it.
 * Kept: every sheet's values, formulas (with their results), notes, number formats, fills, column
 * widths and visibility. Not kept: Excel tables, data validation and conditional formats; the
 * add-in finds its tables by their headers and makes them again.
 */
import type ExcelJS from "exceljs";
import type { CellValue } from "../core/cell";
import { cellA1 } from "../core/address";
import type { SimWorkbook } from "../sim/workbook";

/** The file's bytes. */
export async function workbookToXlsx(wb: SimWorkbook): Promise<ArrayBuffer> {
  const ExcelJS = (await import("exceljs")).default;
  const book = new ExcelJS.Workbook();
  for (const grid of wb.toGrids()) {
    const info = wb.sheetInfo(grid.name);
    const ws = book.addWorksheet(grid.name, {
      state: info.visibility === "VeryHidden" ? "veryHidden" : info.visibility === "Hidden" ? "hidden" : "visible",
    });
    for (const [col, width] of Object.entries(info.columnWidths)) {
      // Office.js widths are points; exceljs wants characters (about 7 points each).
      if (typeof width === "number" && width > 0) ws.getColumn(Number(col) + 1).width = Math.round((width / 7) * 100) / 100;
    }
    grid.rows.forEach((row, r) => {
      row?.forEach((cell, c) => {
        if (!cell) return;
        const target = ws.getCell(r + 1, c + 1);
        const snapshot = wb.getCell(grid.name, cellA1(r, c));
        target.value = cell.formula !== undefined ? { formula: cell.formula, result: resultOf(cell.value) } : valueOf(cell.value);
        if (snapshot.numberFormat && snapshot.numberFormat !== "General") target.numFmt = snapshot.numberFormat;
        const fill = snapshot.format?.fill;
        if (typeof fill === "string" && /^#[0-9a-f]{6}$/i.test(fill)) {
          target.fill = { type: "pattern", pattern: "solid", fgColor: { argb: `FF${fill.slice(1).toUpperCase()}` } };
        }
        if (snapshot.format?.font?.bold) target.font = { bold: true };
        if (cell.note) target.note = cell.note;
      });
    });
  }
  return (await book.xlsx.writeBuffer()) as ArrayBuffer;
}

type ExcelValue = number | string | boolean | null | ExcelJS.CellErrorValue;

function valueOf(v: CellValue): ExcelValue {
  if (v !== null && typeof v === "object") return { error: v.error as ExcelJS.CellErrorValue["error"] };
  return v;
}

function resultOf(v: CellValue): Exclude<ExcelValue, null> | undefined {
  if (v === null) return undefined;
  return valueOf(v) ?? undefined;
}

/** Hands the file to the browser as a download. */
export async function downloadWorkbook(wb: SimWorkbook, fileName: string): Promise<void> {
  const data = await workbookToXlsx(wb);
  const blob = new Blob([data], { type: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" });
  const url = URL.createObjectURL(blob);
  const a = document.createElement("a");
  a.href = url;
  a.download = fileName;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10000);
}
