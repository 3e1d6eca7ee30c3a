/**
 * The Veikart sheet's rows and the Rangering sheet's Utvalg words from the plan by steps (issue 21).
 * Loaded with a dynamic import by the recompute only when Modell has a steps table (grid/plan-layout.ts
 * `setsSteps`), so the plan's code and HiGHS load only then; it works on the grids the recompute
 * already read (no sync of its own) and solves through solve/plan-run.ts (a Web Worker in the pane).
 * Undefined when the workbook has no cost column or no step, or the solver failed. Also the sheet's
 * writer (`writeVeikart`), so that the pane's first scripts carry neither.
 */
import type { CellValue } from "../core/cell";
import { byScore, type PlanProblem, type PlanResult } from "../core/plan";
import { COST_UNITS_PER_MNOK } from "../core/selection-problem";
import type { Grid } from "../grid/grid";
import { VEIKART_HEADERS, VEIKART_SHEET, VEIKART_SUM_HEADERS, PLAN_TABLES } from "../grid/plan-layout";
import { officeRows } from "./cells";
import { writeChanged } from "./diff-write";
import { planProblemOf } from "../grid/plan-problem";
import { readSelectionInputs } from "../grid/selection-inputs";
import type { WorkbookRead } from "../grid/workbook";
import type { Lang } from "../i18n/format";
import { planReasonText, pt, stepWord } from "../i18n/plan";
import { selectionFindingMessage } from "../i18n/selection";
import { solvePlan } from "../solve/plan-run";

export interface Veikart {
  /** The PrioVeikart table's body: Steg · ID · Tiltak · Kostnad (MNOK) · Score · Segment · Begrunnelse. */
  rows: CellValue[][];
  /** The sums beside it: Steg · Ramme (MNOK) · Kostnad (MNOK) · Tiltak · Score, a row per step and «Senere». */
  sums: CellValue[][];
  /** The Utvalg word of each measure id («Steg 2 · minimum», «Steg 3», «Senere»); undefined when the plan has no answer. */
  words?: Map<string, string>;
}

const mnok = (h: number | null): CellValue => (h === null ? null : h / COST_UNITS_PER_MNOK);

/** The sheet's rows of a plan, in the workbook's language: each step's measures best score first, then «senere» with the reason. */
export function veikartOf(problem: PlanProblem, r: PlanResult, lang: Lang): Veikart {
  const names = new Map(r.measures.map((m) => [m.id, m.name]));
  const nameList = (ids: string[]) => ids.map((id) => names.get(id) ?? id).join(", ");
  const forced = new Set(problem.items.filter((it) => it.forced === "in").map((it) => it.id));
  if (r.status !== "ok") {
    const why = r.findings.filter((f) => f.severity === "error").map((f) => selectionFindingMessage(f, lang));
    return { rows: [[pt(lang, "laterWord"), null, null, null, null, null, why.join(" ") || pt(lang, "infeasible")]], sums: [] };
  }
  const rows: CellValue[][] = [];
  const sums: CellValue[][] = [];
  r.steps.forEach((s, k) => {
    for (const m of byScore(r.measures.filter((x) => x.step === k))) {
      const why = forced.has(m.id) ? pt(lang, "forcedReason") : m.list ? pt(lang, m.list === "minimum" ? "minimumWord" : "plusWord") : "";
      rows.push([s.name, m.id, m.name, mnok(m.cost), m.score, m.segment ?? "", why]);
    }
    sums.push([s.name, mnok(s.budget), mnok(s.cost), s.count, s.score]);
  });
  const later = byScore(r.measures.filter((x) => x.step === null));
  for (const m of later) rows.push([pt(lang, "laterWord"), m.id, m.name, mnok(m.cost), m.score, m.segment ?? "", m.reason ? planReasonText(lang, m.reason, nameList, m.score !== null) : ""]);
  sums.push([pt(lang, "laterWord"), null, mnok(later.reduce((a, m) => a + (m.cost ?? 0), 0)), later.length, null]);
  const words = new Map(r.measures.map((m) => [m.id, stepWord(lang, m.step === null ? null : r.steps[m.step].name, m.list)]));
  return { rows, sums, words };
}

/** The last plan solved: a recompute whose plan inputs did not change (an edit elsewhere) solves nothing. */
let last: { key: string; out: Veikart | undefined } | undefined;

export async function veikartPlan(grids: Grid[], read: Extract<WorkbookRead, { kind: "addin" }>, lang: Lang): Promise<Veikart | undefined> {
  const inputs = readSelectionInputs(grids, read);
  if (!inputs.columns.cost) return undefined;
  const { problem } = planProblemOf(inputs);
  if (!problem) return undefined;
  const key = JSON.stringify([lang, problem]);
  if (last?.key === key) return last.out;
  const result = await solvePlan(problem);
  if (result.status === "failed") return undefined;
  const out = veikartOf(problem, result, lang);
  last = { key, out };
  return out;
}

const WIDTH = VEIKART_HEADERS.length;
/** The sums start one blank column to the right of the table. */
const SUMS_COL = WIDTH + 1;

function grow(rows: readonly CellValue[][], width: number, height: number): CellValue[][] {
  const out = rows.map((r) => [...r]);
  while (out.length < height) out.push(new Array<CellValue>(width).fill(null));
  return out;
}

/** How far the sums beside the table reach as read (to blank rows a shorter plan no longer fills). */
function sumsHeight(g: Grid | undefined): number {
  let n = 0;
  while (g && g.rows[n]?.[SUMS_COL]?.value !== undefined && g.rows[n]?.[SUMS_COL]?.value !== null) n++;
  return n;
}

/**
 * Queues the Veikart sheet's writes into the recompute's last sync: the sheet and its table made on
 * the first plan (`body` undefined); after that only the cells that differ from what sync 2 read,
 * the table's rows added or deleted to the plan's length. `body` is PrioVeikart's body as loaded in sync 2.
 */
export function writeVeikart(context: Excel.RequestContext, grids: readonly Grid[], out: Veikart, body: Excel.Range | undefined): void {
  const rows = out.rows.length ? out.rows : [new Array<CellValue>(WIDTH).fill(null)];
  const grid = grids.find((g) => g.name.toLowerCase() === VEIKART_SHEET.toLowerCase()) ?? { name: VEIKART_SHEET, rows: [] };
  const sums = [[...VEIKART_SUM_HEADERS], ...out.sums];
  if (!body) {
    const sheet = context.workbook.worksheets.add(VEIKART_SHEET);
    const range = sheet.getRangeByIndexes(0, 0, rows.length + 1, WIDTH);
    range.values = officeRows([[...VEIKART_HEADERS], ...rows]);
    const table = sheet.tables.add(range, true);
    table.name = PLAN_TABLES.veikart;
    table.style = "TableStyleMedium2";
    sheet.getRangeByIndexes(1, 3, rows.length, 2).numberFormat = rows.map(() => ["0.0", "0.00"]);
    sheet.getRangeByIndexes(0, SUMS_COL, sums.length, sums[0].length).values = officeRows(sums);
    sheet.getRangeByIndexes(0, 0, rows.length + 1, SUMS_COL + sums[0].length).format.autofitColumns();
    return;
  }
  // Read after sync 2 (the recompute syncs between the capability's `read` and its `write`).
  const { rowIndex: top, columnIndex: left, rowCount } = body;
  const sheet = context.workbook.worksheets.getItem(VEIKART_SHEET);
  const table = context.workbook.tables.getItem(PLAN_TABLES.veikart);
  writeChanged(sheet, grid, top - 1, left, [[...VEIKART_HEADERS]]);
  if (rows.length > rowCount) table.rows.add(undefined, Array.from({ length: rows.length - rowCount }, () => new Array<string>(WIDTH).fill("")));
  writeChanged(sheet, grid, top, left, rows, rowCount);
  if (rows.length < rowCount) sheet.getRangeByIndexes(top + rows.length, left, rowCount - rows.length, WIDTH).delete("Up");
  if (rows.length > rowCount) sheet.getRangeByIndexes(top + rowCount, left + 3, rows.length - rowCount, 2).numberFormat = rows.slice(rowCount).map(() => ["0.0", "0.00"]);
  writeChanged(sheet, grid, 0, SUMS_COL, grow(sums, sums[0].length, sumsHeight(grid)));
}
