/**
 * The layout of steps, either–or groups and quotas (issue 21), beside the selection's
 * (layout.ts SELECTION_*). Headers are bokmål, as the users write.
 *
 * - Vurdering, optional columns by header: *Gruppe* (measures with the same group are
 *   alternatives: at most one is chosen) and *Tidligst* (the earliest step, «Steg 3»).
 * - Modell, the steps table (PrioSteg, or found by its header row): *Steg* · *Ramme (MNOK)*, one
 *   row per step in order; the first step's frame is the Budsjettramme (its Minimumsramme too).
 * - Modell, the quotas table (PrioKvoter, or found by its header row): *Kvote for* (a segment,
 *   a group or a theme) · *Grense* (minst / høyst) · *Verdi* · *Enhet* (tiltak / MNOK; blank:
 *   tiltak) · *Steg* (blank: every step).
 * - The add-in's sheet *Veikart* (table PrioVeikart), written by the recompute when Modell has steps.
 */
import { normalize } from "../core/text";
import { rowCount, tableOn, textAt, type Grid } from "./grid";
import { SHEETS } from "./layout";

export const PLAN_COLUMNS = { group: "Gruppe", earliest: "Tidligst" } as const;
export const STEP_HEADERS = ["Steg", "Ramme (MNOK)"] as const;
export const QUOTA_HEADERS = ["Kvote for", "Grense", "Verdi", "Enhet", "Steg"] as const;
export const PLAN_TABLES = { steps: "PrioSteg", quotas: "PrioKvoter", veikart: "PrioVeikart" } as const;
export const VEIKART_SHEET = "Veikart";
export const VEIKART_HEADERS = ["Steg", "ID", "Tiltak", "Kostnad (MNOK)", "Score", "Segment", "Begrunnelse"] as const;
/** The per-step sums beside the Veikart table. */
export const VEIKART_SUM_HEADERS = ["Steg", "Ramme (MNOK)", "Kostnad (MNOK)", "Tiltak", "Score"] as const;

/** Words of the quotas table (bokmål and English, as typed). */
export const QUOTA_WORDS = {
  min: ["minst", "at least", "min", ">=", "≥"],
  max: ["høyst", "hoyst", "maks", "at most", "max", "<=", "≤"],
  count: ["tiltak", "antall", "measures", "count"],
  mnok: ["mnok", "mill", "mill. kr", "millioner"],
} as const;

/** A table on a sheet: its header row and columns, and the last row that belongs to it. */
export interface FoundTable {
  headerRow: number;
  firstCol: number;
  lastRow: number;
}

/**
 * The table named `name` on `g`, else the first header row whose cells read `headers` from its
 * first column on (the rest may be missing when `required` is shorter); rows below it up to the
 * first blank first cell, or the table's end.
 */
export function findHeaderTable(g: Grid | undefined, name: string, headers: readonly string[], required = headers.length): FoundTable | undefined {
  if (!g) return undefined;
  const same = (r: number, c: number, h: string) => normalize(textAt(g, r, c) ?? "") === normalize(h);
  const t = tableOn(g, name);
  if (t && headers.slice(0, required).every((h, k) => same(t.headerRow, t.firstCol + k, h))) return { headerRow: t.headerRow, firstCol: t.firstCol, lastRow: t.lastRow };
  for (let r = 0; r < rowCount(g); r++) {
    const row = g.rows[r] ?? [];
    for (let c = 0; c < row.length; c++) {
      if (!headers.slice(0, required).every((h, k) => same(r, c + k, h))) continue;
      let last = r;
      for (let rr = r + 1; rr < rowCount(g); rr++) {
        const blank = headers.every((_, k) => g.rows[rr]?.[c + k]?.value === null || g.rows[rr]?.[c + k]?.value === undefined || (typeof g.rows[rr]?.[c + k]?.value === "string" && String(g.rows[rr]?.[c + k]?.value).trim() === ""));
        if (blank) break;
        last = rr;
      }
      return { headerRow: r, firstCol: c, lastRow: last };
    }
  }
  return undefined;
}

export const modelGrid = (grids: readonly Grid[]): Grid | undefined => grids.find((x) => normalize(x.name) === normalize(SHEETS.model));

/** Whether Modell has a steps table with at least one row: the recompute's cheap check before it loads the plan. */
export function setsSteps(grids: readonly Grid[]): boolean {
  const t = findHeaderTable(modelGrid(grids), PLAN_TABLES.steps, STEP_HEADERS);
  return t !== undefined && t.lastRow > t.headerRow;
}
