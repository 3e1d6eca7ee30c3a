/**
 * Where the add-in's Excel tables end. The table object's range is the authority on what
 * belongs to a table: a person's notes beside or below it are theirs, never measures. The
 * ranges are queued with the sheet reads and complete with the caller's single
 * context.sync(), so reading them adds no sync.
 */
import { parseAddress } from "../core/address";
import type { Grid, GridTable } from "../grid/grid";
import { TABLES } from "../grid/layout";

/** The tables whose extent the readers and writers need. */
export const BOUNDED_TABLES: string[] = [
  TABLES.scoring,
  TABLES.checklist,
  TABLES.model,
  TABLES.settings,
];

export interface QueuedTableBounds {
  name: string;
  range: Excel.Range;
}

/**
 * Queues the range (and sheet) of each named table that exists. `existing` is the list of
 * table names the caller already read (listSheets), so no table is asked for that is absent.
 */
export function queueTableBounds(
  context: Excel.RequestContext,
  existing: string[],
  names: string[] = BOUNDED_TABLES
): QueuedTableBounds[] {
  const present = new Set(existing.map((n) => n.toLowerCase()));
  return names
    .filter((n) => present.has(n.toLowerCase()))
    .map((name) => {
      const range = context.workbook.tables.getItem(name).getRange();
      // The address names the sheet ('Sheet name'!A2:P40).
      range.load(["address", "rowIndex", "columnIndex", "rowCount", "columnCount"]);
      return { name, range };
    });
}

/** The completed bounds as grid tables, by sheet name (lower case). */
export function tableBoundsOf(bounds: QueuedTableBounds[]): Map<string, GridTable[]> {
  const out = new Map<string, GridTable[]>();
  for (const b of bounds) {
    const sheet = parseAddress(b.range.address)?.sheet;
    if (sheet === undefined) continue;
    const key = sheet.toLowerCase();
    const t: GridTable = {
      name: b.name,
      headerRow: b.range.rowIndex,
      firstCol: b.range.columnIndex,
      lastRow: b.range.rowIndex + b.range.rowCount - 1,
      lastCol: b.range.columnIndex + b.range.columnCount - 1,
    };
    out.set(key, [...(out.get(key) ?? []), t]);
  }
  return out;
}

/** Gives every grid the tables found on its sheet (an empty list when none), after the sync. */
export function attachTableBounds(grids: Grid[], bounds: QueuedTableBounds[]): Grid[] {
  const bySheet = tableBoundsOf(bounds);
  for (const g of grids) g.tables = bySheet.get(g.name.toLowerCase()) ?? [];
  return grids;
}
