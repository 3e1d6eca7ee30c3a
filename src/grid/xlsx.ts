/**
 * exceljs worksheets → grids. Only exceljs types are imported here, so the same conversion runs
 * in Node (the CLI) and in the browser preview, each loading the file its own way.
 */
import type ExcelJS from "exceljs";
import { parseAddress } from "../core/address";
import type { CellValue } from "../core/cell";
import type { Grid, GridCell, GridTable } from "./grid";

type ExcelValue = ExcelJS.CellValue;

function noteText(note: ExcelJS.Cell["note"]): string | undefined {
  if (note === undefined || note === null) return undefined;
  if (typeof note === "string") return note;
  const texts = (note as { texts?: { text: string }[] }).texts;
  return texts ? texts.map((t) => t.text).join("") : undefined;
}

/** Excel's date serial number for a Date (1900 system), as Office.js reports dates. */
function dateSerial(d: Date): number {
  return d.getTime() / 86400000 + 25569;
}

function plain(v: ExcelValue): CellValue {
  if (v === null || v === undefined) return null;
  if (typeof v === "number" || typeof v === "string" || typeof v === "boolean") return v;
  if (v instanceof Date) return dateSerial(v);
  if (typeof v === "object") {
    if ("error" in v && typeof v.error === "string") return { error: v.error };
    if ("richText" in v && Array.isArray(v.richText)) return v.richText.map((r) => r.text).join("");
    if ("text" in v && typeof (v as { text: unknown }).text === "string") return (v as { text: string }).text;
    if ("result" in v) return plain((v as { result?: ExcelValue }).result ?? null);
    if ("formula" in v || "sharedFormula" in v) return null;
  }
  return String(v);
}

export function cellOf(cell: ExcelJS.Cell): GridCell | undefined {
  const v = cell.value;
  let formula: string | undefined;
  if (v && typeof v === "object" && !(v instanceof Date)) {
    if ("formula" in v && typeof v.formula === "string") formula = v.formula;
    else if ("sharedFormula" in v && typeof (v as { sharedFormula?: unknown }).sharedFormula === "string") {
      // exceljs gives the translated formula of a shared-formula cell as .formula on the cell.
      formula = cell.formula || undefined;
    }
  }
  const value = plain(v);
  const note = noteText(cell.note);
  if (value === null && formula === undefined && note === undefined) return undefined;
  const out: GridCell = { value };
  if (formula !== undefined) out.formula = formula;
  // exceljs has no result when the file holds none (openpyxl writes an empty <v>); so does Excel's
  // empty-text result, which the legacy audit therefore treats the same way.
  if (formula !== undefined && (v as { result?: unknown }).result === undefined) out.uncalculated = true;
  if (note !== undefined) out.note = note;
  return out;
}

export function worksheetToGrid(ws: ExcelJS.Worksheet): Grid {
  const rows: (GridCell | undefined)[][] = [];
  ws.eachRow({ includeEmpty: false }, (row, r) => {
    const cells: (GridCell | undefined)[] = [];
    row.eachCell({ includeEmpty: false }, (cell, c) => {
      const gc = cellOf(cell);
      if (gc) cells[c - 1] = gc;
    });
    rows[r - 1] = cells;
  });
  const tables = tablesOf(ws);
  return tables.length ? { name: ws.name, rows, tables } : { name: ws.name, rows };
}

/** The sheet's Excel tables (name and range), so the readers know where each table ends. */
function tablesOf(ws: ExcelJS.Worksheet): GridTable[] {
  const out: GridTable[] = [];
  const list = typeof ws.getTables === "function" ? ws.getTables() : [];
  for (const t of list as unknown as { table?: { name?: string; tableRef?: string; headerRow?: boolean } }[]) {
    const model = t.table;
    const ref = model?.tableRef;
    const at = ref ? parseAddress(ref) : undefined;
    if (!model?.name || !at || model.headerRow === false) continue;
    out.push({ name: model.name, headerRow: Math.min(at.row, at.toRow), firstCol: Math.min(at.col, at.toCol), lastRow: Math.max(at.row, at.toRow), lastCol: Math.max(at.col, at.toCol) });
  }
  return out;
}

