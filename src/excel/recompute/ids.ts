/**
 * Ids for new rows: rows with content but no ID, in the scoring table and the checklist, get the
 * next free ids (one counter for both, above every id in use) before the assessment is read, so
 * the read sees them; the write batch puts them into their cells.
 */
import type { Model } from "../../core/model";
import { errorOf, textAt, type Grid } from "../../grid/grid";
import { CHECKLIST_COLUMNS, SHEETS } from "../../grid/layout";
import { findChecklistRegion } from "../../grid/checklist-table";
import { findScoringRegion, scoringColumns, type TableRegion } from "../../grid/scoring-table";
import { nextMeasureId, type StoreRead } from "../../grid/store";
import { readModel } from "../../grid/workbook";
import { textInto } from "../cells";
import type { Capability } from "./capability";

interface IdTarget {
  grid: Grid;
  region: TableRegion;
  idCol: number;
}

interface NewId {
  sheet: string;
  row: number;
  col: number;
  id: string;
}

/** The ID column of the scoring table and of the checklist, where each table is found. */
function idTargets(grids: Grid[], model: Model): IdTarget[] {
  const out: IdTarget[] = [];
  const scoring = grids.find((g) => g.name.toLowerCase() === SHEETS.scoring.toLowerCase());
  const sRegion = scoring ? findScoringRegion(scoring) : undefined;
  if (scoring && sRegion) {
    const idCol = scoringColumns(scoring, sRegion, model).id;
    if (idCol !== undefined) out.push({ grid: scoring, region: sRegion, idCol });
  }
  const checklist = grids.find((g) => g.name.toLowerCase() === SHEETS.checklist.toLowerCase());
  const cRegion = checklist ? findChecklistRegion(checklist) : undefined;
  if (checklist && cRegion) {
    for (let c = cRegion.firstCol; c <= cRegion.lastCol; c++) {
      if (textAt(checklist, cRegion.headerRow, c) === CHECKLIST_COLUMNS.id) {
        out.push({ grid: checklist, region: cRegion, idCol: c });
        break;
      }
    }
  }
  return out;
}

function idText(grid: Grid, r: number, c: number): string | undefined {
  const v = grid.rows[r]?.[c]?.value;
  if (typeof v === "number") return String(v);
  return textAt(grid, r, c);
}

/** An ID cell holding an error value (`#N/A` typed, or a formula's): the person's, never given an id. */
function heldByError(grid: Grid, r: number, c: number): boolean {
  return errorOf(grid.rows[r]?.[c]?.value) !== undefined;
}

/** The next free ids for the rows without one; the grids are patched so the read sees them. */
function assignIds(targets: IdTarget[], store: StoreRead): NewId[] {
  const inUse: string[] = [];
  const blanks: { t: IdTarget; row: number }[] = [];
  for (const t of targets) {
    for (let r = t.region.headerRow + 1; r <= t.region.lastRow; r++) {
      const id = idText(t.grid, r, t.idCol);
      let content = false;
      for (let c = t.region.firstCol; c <= t.region.lastCol && !content; c++) {
        const v = t.grid.rows[r]?.[c]?.value;
        content = c !== t.idCol && v !== null && v !== undefined && !(typeof v === "string" && v.trim() === "");
      }
      if (id !== undefined) inUse.push(id);
      else if (content && !heldByError(t.grid, r, t.idCol)) blanks.push({ t, row: r });
    }
  }
  let counter = { nextId: store.kind === "ok" ? store.store.nextId : 1 };
  const out: NewId[] = [];
  for (const { t, row } of blanks) {
    const next = nextMeasureId(counter, inUse);
    counter = { nextId: next.nextId };
    inUse.push(next.id);
    out.push({ sheet: t.grid.name, row, col: t.idCol, id: next.id });
    const cells = (t.grid.rows[row] = t.grid.rows[row] ?? []);
    cells[t.idCol] = { value: next.id };
  }
  return out;
}

export const ids: Capability = {
  id: "ids",
  read: () => {
    let assigned: NewId[] = [];
    return {
      beforeAssess: ({ grids, stored }) => {
        assigned = assignIds(idTargets(grids, readModel(grids, stored).model), stored);
      },
      prepare: (state) => {
        state.idsAssigned = assigned.length;
      },
      write: (context, { grids }) => {
        for (const w of assigned) {
          const g = grids.find((x) => x.name === w.sheet);
          context.workbook.worksheets.getItem(w.sheet).getRangeByIndexes(w.row, w.col, 1, 1).values = [[textInto(g, w.row, w.col, w.id)]];
        }
      },
    };
  },
};
