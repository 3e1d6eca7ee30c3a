/**
 * The add-in's marks on score cells (invalid: orange; missing where the total cannot be computed:
 * yellow; the scorers disagree: their fill) as conditional formats with the add-in's own rule.
 * Sync 2 reads the scoring sheet's conditional formats; the write batch adds and removes only the
 * marks that changed. A person's fills and conditional formats stay as they are.
 */
import { cellA1 } from "../../core/address";
import { SHEETS } from "../../grid/layout";
import { DISAGREE_FILL } from "../../grid/scorers-layout";
import type { AddinRead, Capability } from "./capability";

export const INVALID_FILL = "#F8CBAD";
export const MISSING_FILL = "#FFF2CC";
const MARK_PREFIX = "PrioMerknad";

/**
 * The add-in's marks on score cells are conditional formats whose rule is always true and names
 * the add-in, the fill and the cell: `=ISTEXT("PrioMerknad #F8CBAD")*ISREF($E$5)`. So they are told
 * apart from a person's own conditional formats and fills (never touched), and a recompute adds
 * and removes only the marks that changed. The cell is a reference, not text: when rows are
 * deleted or inserted Excel moves the format and rewrites the reference with it, so the rule
 * always says where its mark is now (the text of the first layout, `=ISTEXT("PrioMerknad E5
 * #F8CBAD")`, kept the old address: two marks on one cell and none on the next).
 */
export function markRule(a1: string, fill: string): string {
  const m = /^([A-Z]+)(\d+)$/.exec(a1);
  return `=ISTEXT("${MARK_PREFIX} ${fill}")*ISREF(${m ? `$${m[1]}$${m[2]}` : a1})`;
}

/** The cell and fill a rule of the add-in's names, as the rule reads now; undefined for the first layout's rules. */
export function markOf(rule: string): { a1: string; fill: string } | undefined {
  const m = /^=ISTEXT\("PrioMerknad (#[0-9A-Fa-f]{6})"\)\*ISREF\(\$?([A-Z]+)\$?(\d+)\)$/.exec(rule);
  return m ? { a1: `${m[2]}${m[3]}`, fill: m[1] } : undefined;
}

function writeMarks(sheet: Excel.Worksheet, read: AddinRead, existing: Excel.ConditionalFormat[]): void {
  const want = new Map<string, string>();
  const { scoring, assessment } = read;
  for (const m of assessment.measures) {
    const row = scoring.rowOf.get(m.id);
    if (row === undefined) continue;
    const mark = (ids: string[], fill: string) => {
      for (const id of ids) {
        const c = scoring.columns.leaves.get(id);
        if (c !== undefined) want.set(cellA1(row, c), fill);
      }
    };
    if (m.total === null) mark(m.missing, MISSING_FILL);
    mark(m.invalid, INVALID_FILL);
  }
  // Cells where the scorers disagree (Vurderere), unless the cell already carries a mark.
  for (const a1 of read.scorers?.marks ?? []) if (!want.has(a1)) want.set(a1, DISAGREE_FILL);
  const kept = new Set<string>();
  for (const cf of existing) {
    if (cf.type !== "Custom" || cf.customOrNullObject.isNullObject) continue;
    const rule = cf.customOrNullObject.rule.formula;
    if (!rule.startsWith(`=ISTEXT("${MARK_PREFIX}`)) continue;
    const mark = markOf(rule);
    if (mark && want.get(mark.a1) === mark.fill && !kept.has(mark.a1)) kept.add(mark.a1);
    else cf.delete();
  }
  for (const [a1, fill] of want) {
    if (kept.has(a1)) continue;
    const cf = sheet.getRange(a1).conditionalFormats.add("Custom");
    cf.custom.rule.formula = markRule(a1, fill);
    cf.custom.format.fill.color = fill;
  }
}

export const marks: Capability = {
  id: "marks",
  read: (context, found) => {
    const sheet = context.workbook.worksheets.getItem(found.exact(SHEETS.scoring));
    // A navigation property (a collection to load), not a value read: the rule mistakes it for one.
    // eslint-disable-next-line office-addins/load-object-before-read
    const formats = sheet.getRange().conditionalFormats;
    formats.load("items/type,items/customOrNullObject/rule/formula");
    return { write: (_context, { read }) => writeMarks(sheet, read, formats.items) };
  },
};
