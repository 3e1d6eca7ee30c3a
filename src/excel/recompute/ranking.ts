/**
 * The Rangering table: one row per measure in assessment order (rank, name, score, groups, the
 * checklist's Inn/Ut, Segment and Rang i segment, Fullstendighet, Merknader, ID, the groups'
 * contributions, Utvalg, Endring), written where it differs from what sync 2 read. When the model's
 * groups change, the table gets new columns and is rebuilt in place. Utvalg, Merknader with the
 * scorers' notes and Endring's baseline are handed on by the capabilities before it in the list.
 */
import type { MeasureResult } from "../../core/assess";
import type { CellValue } from "../../core/cell";
import { contributionHeader, rankingHeaders, TABLES } from "../../grid/layout";
import { bySeverity } from "../../core/findings";
import { totalMax, totalMin, type Model } from "../../core/model";
import { moveText, movesAgainst, type Baseline } from "../../core/movement";
import { groupContributions } from "../../core/contributions";
import { fullNameTexts } from "../../core/full-name";
import { displayTotals } from "../../core/display-total";
import { segmentLabel } from "../../grid/checklist-sync";
import type { Grid } from "../../grid/grid";
import { findingMessage, t, type Lang } from "../../i18n";
import { officeRows } from "../cells";
import { writeChanged, writeChangedFormats } from "../diff-write";
import { charge, jsonSize, room } from "../payload";
import type { AddinRead, Capability, NotesText } from "./capability";
import { entryWord } from "./checklist";

function completenessText(m: MeasureResult, lang: Lang): string {
  if (m.complete) return t(lang, "excel.complete");
  const parts: string[] = [];
  if (m.missing.length) parts.push(t(lang, "excel.missing", { count: m.missing.length }));
  if (m.invalid.length) parts.push(t(lang, "excel.invalid", { count: m.invalid.length }));
  return parts.join(" · ");
}

function notesText(m: MeasureResult, model: Model, lang: Lang): string {
  const fs = [...m.findings].sort(bySeverity);
  if (fs.length === 0) return "";
  const first = findingMessage(fs[0], lang, model);
  return fs.length > 1 ? `${first} ${t(lang, "excel.moreFindings", { count: fs.length - 1 })}` : first;
}

/**
 * The Rangering table's rows, in assessment order; Inn/Ut, Segment and Rang i segment from the
 * checklist when there is one; Endring against the baseline round; Utvalg from `lists` (measure
 * id → its list's word) when a frame is set; Merknader from `notes` when given (the scorers' notes too).
 */
export function rankingRows(
  read: AddinRead,
  lang: Lang,
  baseline: Baseline | null = null,
  lists?: ReadonlyMap<string, string>,
  notes?: NotesText,
): (string | number)[][] {
  const a = read.assessment;
  const moves = baseline ? movesAgainst(baseline, a.measures) : undefined;
  const newWord = t(lang, "excel.move.new");
  const names = fullNameTexts(a.measures);
  // A tie is one figure: each total of a tie is written as the first of it (they differ by float noise only).
  const totals = displayTotals(
    a.measures.map((m) => m.total),
    { tolerance: a.model.tolerance },
  ).values;
  return a.measures.map((m, i) => {
    const p = read.checklist?.placements.get(m.id);
    const sr = read.checklist?.segmentRanks.get(m.id);
    return [
      m.rank ?? "",
      names.get(m.id) ?? m.name,
      totals[i] ?? "",
      ...a.model.criteria.map((g) => m.values[g.id] ?? ""),
      p ? entryWord(p) : "",
      p ? segmentLabel(p) : "",
      sr?.rank ?? "",
      completenessText(m, lang),
      notes ? notes(m) : notesText(m, a.model, lang),
      m.id,
      ...(m.total === null ? a.model.criteria.map(() => "") : groupContributions(a.model, m.values)),
      lists?.get(m.id) ?? "",
      moves ? moveText(moves.get(m.id), m.rank !== null, newWord) : "",
    ];
  });
}

/** What the recompute read of the Rangering table in its second sync. */
interface RankingRead {
  table: Excel.Table;
  body: Excel.Range;
  sheet: Excel.Worksheet;
}

/** Rows a block of the Rangering write holds: between blocks the batch is sent when it is full (../payload.ts). */
const BLOCK = 1000;

/** Writes the Rangering rows; true when the table was rebuilt (its columns changed). */
async function writeRanking(
  context: Excel.RequestContext,
  rt: RankingRead,
  grid: Grid | undefined,
  read: AddinRead,
  lang: Lang,
  baseline: Baseline | null,
  lists?: ReadonlyMap<string, string>,
  notes?: NotesText,
): Promise<boolean> {
  const a = read.assessment;
  const headers = rankingHeaders(a.model);
  const width = headers.length;
  const rows = rankingRows(read, lang, baseline, lists, notes);
  const target = Math.max(rows.length, 1);
  const values: CellValue[][] = rows.length ? rows : [new Array<CellValue>(width).fill(null)];
  const { body, table } = rt;
  // The sheet by name: after table.delete() nothing may be reached through the table.
  const sheet = context.workbook.worksheets.getItem(rt.sheet.name);
  const top = body.rowIndex;
  const left = body.columnIndex;
  const seen: Grid = grid ?? { name: rt.sheet.name, rows: [] };
  let formatsNow = body.numberFormat as string[][] | undefined;
  const rebuild = body.columnCount !== width;

  if (rebuild) {
    // The model's groups changed: the table gets new columns, so it is rebuilt in place.
    table.delete();
    const all = sheet.getRangeByIndexes(top - 1, left, Math.max(body.rowCount, target) + 1, Math.max(body.columnCount, width));
    all.clear("All");
    const range = sheet.getRangeByIndexes(top - 1, left, target + 1, width);
    const cells = officeRows([headers, ...values]);
    await room(context, jsonSize(cells));
    range.values = cells;
    charge(context, cells);
    const rebuilt = sheet.tables.add(range, true);
    rebuilt.name = TABLES.ranking;
    rebuilt.style = "TableStyleMedium2";
    formatsNow = undefined;
  } else {
    writeChanged(sheet, seen, top - 1, left, [headers]);
    if (target > body.rowCount) {
      table.rows.add(undefined, Array.from({ length: target - body.rowCount }, () => new Array<string>(width).fill("")));
    }
    for (let s = 0; s < values.length; s += BLOCK) {
      const block = values.slice(s, s + BLOCK);
      await room(context, jsonSize(block));
      writeChanged(sheet, seen, top + s, left, block, body.rowCount - s);
    }
    if (target < body.rowCount) sheet.getRangeByIndexes(top + target, left, body.rowCount - target, width).delete("Up");
  }

  const groupCount = a.model.criteria.length;
  const segRankCol = 3 + groupCount + 2;
  const firstContribution = headers.indexOf(contributionHeader(a.model.criteria[0]?.label.nb ?? ""));
  // The Score column's decimals: the fewest that keep different totals apart (core/display-total.ts), as every output prints them.
  const { decimals } = displayTotals(
    a.measures.map((m) => m.total),
    { tolerance: a.model.tolerance },
  );
  const scoreFormat = `0.${"0".repeat(decimals)}`;
  const formats = values.map((_, i) => {
    const row = (formatsNow?.[i] ?? []).slice(0, width);
    while (row.length < width) row.push("General");
    row[0] = a.measures[i]?.tied ? '0"="' : "0";
    row[segRankCol] = read.checklist?.segmentRanks.get(a.measures[i]?.id ?? "")?.tied ? '0"="' : "0";
    row[2] = scoreFormat;
    for (let g = 0; g < groupCount; g++) row[3 + g] = row[firstContribution + g] = "0.00";
    return row;
  });
  const formatsRead = formatsNow && body.rowCount >= 1 ? formatsNow : undefined;
  for (let s = 0; s < formats.length; s += BLOCK) {
    const block = formats.slice(s, s + BLOCK);
    await room(context, jsonSize(block));
    writeChangedFormats(sheet, formatsRead?.slice(s, s + BLOCK), top + s, left, block);
  }
  const scoreColumn = sheet.getRangeByIndexes(top, left + 2, target, 1);
  scoreColumn.conditionalFormats.clearAll();
  const bar = scoreColumn.conditionalFormats.add("DataBar");
  bar.dataBar.barDirection = "LeftToRight";
  bar.dataBar.lowerBoundRule = { type: "Number", formula: String(totalMin(a.model)) };
  bar.dataBar.upperBoundRule = { type: "Number", formula: String(totalMax(a.model)) };
  bar.dataBar.positiveFormat.fillColor = "#5B9BD5";
  bar.dataBar.positiveFormat.gradientFill = false;
  return rebuild;
}

export const ranking: Capability = {
  id: "ranking",
  read: (context, found) => {
    if (!found.list.tables.includes(TABLES.ranking)) return undefined;
    const table = context.workbook.tables.getItem(TABLES.ranking);
    const body = table.getDataBodyRange();
    body.load(["rowIndex", "columnIndex", "rowCount", "columnCount", "numberFormat"]);
    // A navigation property (a proxy to load), not a value read: the rule mistakes it for one.
    // eslint-disable-next-line office-addins/call-sync-before-read, office-addins/load-object-before-read
    const sheet = table.worksheet;
    sheet.load("name");
    return {
      prepare: (state) => {
        // Read after sync 2 (the frame syncs between `read` and `prepare`), which the rule cannot see.
        // eslint-disable-next-line office-addins/call-sync-after-load, office-addins/call-sync-before-read
        state.rankingRebuilt = body.columnCount !== rankingHeaders(state.read.model).length;
      },
      write: async (context, { grids, read, lang, baseline, lists, notes }) => {
        const grid = grids.find((g) => g.name.toLowerCase() === sheet.name.toLowerCase());
        await writeRanking(context, { table, body, sheet }, grid, read, lang, baseline, lists, notes);
      },
    };
  },
};
