/**
 * Audit of a legacy meeting workbook against the model: group and Score cells whose value
 * disagrees (with why: SUM for AVERAGE, a child left out, something counted twice, a wrong
 * cell above), error values such as #DIV/0!, stale Rangering cells, and a summary sheet whose
 * names, scores or ranks disagree, that leaves measures out or shows ties as different ranks.
 */
import { assess, type Assessment, type MeasureResult } from "../core/assess";
import { address } from "../core/address";
import { isCellError, type CellValue } from "../core/cell";
import { finding, type Finding, type Severity } from "../core/findings";
import { groupBy } from "../core/group";
import { findNode, pathTo, type Model } from "../core/model";
import { nearlyEqual } from "../core/rank";
import { NameIndex, prepareName, type PreparedName } from "../core/name-index";
import { contentWords } from "../core/text";
import { numberOf } from "./grid";
import { parseFormula } from "./formula";
import type { LegacyMeasure, LegacyWorkbook, PlacedCell, Summary, SummaryRow, ThemeSheet } from "./legacy";

/** The children a computed cell should combine: a group's children, or the top-level groups for the Score. */
function expectedChildren(model: Model, key: string): string[] {
  if (key === "total") return model.criteria.map((g) => g.id);
  return (findNode(model, key)?.children ?? []).map((c) => c.id);
}

function expectsMean(model: Model, key: string): boolean {
  return key === "total" ? model.total === "mean" : true;
}

function isDescendant(model: Model, id: string, ancestor: string): boolean {
  return pathTo(model, id).some((n) => n.id === ancestor) && id !== ancestor;
}

function explainFormula(
  model: Model,
  theme: ThemeSheet,
  m: LegacyMeasure,
  key: string,
  formula: string,
  wrong: Set<string>,
): Record<string, string[] | boolean> {
  const parsed = parseFormula(formula);
  if (parsed.kind === "other") return {};
  const byRow = new Map<number, string>();
  for (const [k, r] of theme.rows) byRow.set(r, k);
  const referenced = parsed.refs.filter((ref) => ref.col === m.col).map((ref) => byRow.get(ref.row) ?? "?");
  const children = expectedChildren(model, key);
  const distinct = [...new Set(referenced)].filter((id) => id !== "?");
  const leftOut = children.filter((c) => !referenced.includes(c));
  const twice = distinct.filter(
    (id) => referenced.filter((x) => x === id).length > 1 || distinct.some((other) => other !== id && isDescendant(model, id, other)),
  );
  const extra = distinct.filter((id) => !children.includes(id) && !twice.includes(id));
  const mean = expectsMean(model, key);
  const out: Record<string, string[] | boolean> = {};
  if (parsed.kind === "sum" && mean) out.sum = true;
  if (parsed.kind === "average" && !mean) out.mean = true;
  if (leftOut.length) out.leftOut = leftOut;
  if (twice.length) out.twice = twice;
  if (extra.length) out.extra = extra;
  const upstream = distinct.filter((id) => wrong.has(id));
  if (upstream.length) out.upstream = upstream;
  return out;
}

/**
 * What a cell shows: its value; for a formula the file holds no result for, what the formula
 * gives (legacy.ts `calculated`), or undefined when that cannot be told (the workbook's one
 * legacy-not-calculated finding speaks for it).
 */
function shownOf(placed: PlacedCell): CellValue | undefined {
  return placed.cell?.uncalculated ? placed.calculated : (placed.cell?.value ?? null);
}

/** `{ uncalculated: true }` for a finding about a value worked out from the formula, not read: its text says «would show». */
const worked = (placed: PlacedCell): Record<string, boolean> => (placed.cell?.uncalculated ? { uncalculated: true } : {});

function auditComputed(model: Model, theme: ThemeSheet, m: LegacyMeasure, result: MeasureResult, out: Finding[]): void {
  const correctOf = (key: string): number | null => (key === "total" ? result.total : (result.values[key] ?? null));
  // Nodes whose shown value is wrong, to tell a wrong formula from a right one fed a wrong value.
  const wrong = new Set<string>();
  const checks: { key: string; placed: PlacedCell; correct: number | null; v: CellValue }[] = [];
  for (const [key, placed] of m.computed) {
    const correct = correctOf(key);
    const v = shownOf(placed);
    if (v === undefined) continue;
    const shown = numberOf(v);
    const agrees =
      (shown !== undefined && correct !== null && nearlyEqual(shown, correct, model.tolerance)) ||
      ((v === null || (typeof v === "string" && v.trim() === "")) && correct === null && !placed.cell?.formula);
    if (!agrees) {
      wrong.add(key);
      checks.push({ key, placed, correct, v });
    }
  }
  for (const { key, placed, correct, v } of checks) {
    const where = { cell: placed.address, measureId: m.input.id, criterionId: key === "total" ? undefined : key };
    if (isCellError(v)) {
      const severity: Severity = correct === null ? "warning" : "error";
      out.push(
        finding("legacy-error-value", severity, { measure: m.input.name, node: key, error: v.error, correct, groups: result.missingGroups, ...worked(placed) }, where),
      );
      continue;
    }
    const formula = placed.cell?.formula ?? "";
    const explanation: Record<string, string[] | boolean> = formula ? explainFormula(model, theme, m, key, formula, wrong) : isBlankCell(placed) ? { empty: true } : {};
    out.push(
      finding(
        "legacy-formula",
        "warning",
        { measure: m.input.name, node: key, shown: numberOf(v) ?? (v === null ? null : String(v)), correct, formula, ...explanation, ...worked(placed) },
        where,
      ),
    );
  }
}

/** A computed cell with neither a value nor a formula. */
function isBlankCell(placed: PlacedCell): boolean {
  const v = placed.cell?.value ?? null;
  return !placed.cell?.formula && (v === null || (typeof v === "string" && v.trim() === ""));
}

function auditRank(m: LegacyMeasure, result: MeasureResult, out: Finding[]): void {
  if (!m.rankCell) return;
  const v = shownOf(m.rankCell);
  if (v === undefined) return;
  const shown = numberOf(v);
  const where = { cell: m.rankCell.address, measureId: m.input.id };
  if (shown === undefined && (v === null || (typeof v === "string" && v.trim() === ""))) {
    if (result.rank !== null) out.push(finding("legacy-rank-missing", "info", { measure: m.input.name, correct: result.rank }, where));
    return;
  }
  if (shown !== result.rank) {
    out.push(
      finding(
        "legacy-rank-stale",
        "warning",
        { measure: m.input.name, shown: shown ?? String(isCellError(v) ? v.error : v), correct: result.rank === null ? "–" : result.rank },
        where,
      ),
    );
  }
}

const NONE: readonly number[] = [];

const MATCH_MIN = 0.6;
const SUGGEST_MIN = 0.3;

/** Whether `shown` is «sheet: heading» (compared without writing that out). */
function isSheetColonHeading(shown: string, sheet: string, heading: string): boolean {
  const n = sheet.length;
  return (
    shown.length === n + 2 + heading.length &&
    shown.charCodeAt(n) === 58 &&
    shown.charCodeAt(n + 1) === 32 &&
    shown.startsWith(sheet) &&
    shown.endsWith(heading)
  );
}

/** An indexed name `p` with words and the same words and acronyms as `q`. */
function sameWordsAndAcronyms(p: PreparedName, q: PreparedName): boolean {
  if (p.joined !== q.joined || p.words.length === 0 || p.acronyms.length !== q.acronyms.length) return false;
  for (let k = 0; k < p.acronyms.length; k++) if (p.acronyms[k] !== q.acronyms[k]) return false;
  return true;
}

/**
 * The measures' names indexed once, for matching many summary rows. A summary name is the
 * measure's when it is the same word for word (connecting words aside) as one of its names, and
 * like it when `nameSimilarity` with one of them is high enough; both are found through the
 * index, never by comparing every row with every measure.
 */
export class SummaryNames {
  /** The similarity index, built on the first lookup over the measures not left out. */
  private index: NameIndex | undefined = undefined;
  /** The measure of each indexed name, and whether that name counts for similarity (not blank). */
  private readonly owner: number[] = [];
  private readonly forSimilarity: boolean[] = [];
  private readonly byWords = new Map<string, number[]>();
  /** Per measure: 1 when left out of the similarity index (see `leaveOut`). */
  private leftOut: Uint8Array | undefined = undefined;
  /** A name's content words, joined: each text once (headings and summary names repeat). */
  private readonly joinedOf = new Map<string, string>();

  private joined(text: string): string {
    let j = this.joinedOf.get(text);
    if (j === undefined) this.joinedOf.set(text, (j = contentWords(text).join(" ")));
    return j;
  }

  /** A display name «Sheet: heading» → the measures with its words (the list in `byWords`, complete once built). */
  private readonly byShown = new Map<string, number[]>();

  private add(joined: string, i: number): number[] {
    const list = this.byWords.get(joined);
    if (!list) {
      const made = [i];
      this.byWords.set(joined, made);
      return made;
    }
    if (list[list.length - 1] !== i) list.push(i);
    return list;
  }

  constructor(readonly measures: LegacyMeasure[]) {
    let lastSheet: string | undefined = undefined;
    let sheet = "";
    for (let i = 0; i < measures.length; i++) {
      const m = measures[i];
      // The names are the heading, «Sheet heading» and the display name, which is one of the two
      // (or, for an unnamed column, «Sheet C»): the words of the sheet and of the heading are
      // found once and joined, as splitting the joined text would give them. A sheet's measures
      // come together: its words are looked up once for them.
      const heading = m.header === "" ? "" : this.joined(m.header);
      if (m.sheet !== lastSheet) {
        sheet = this.joined(m.sheet);
        lastSheet = m.sheet;
      }
      const both = sheet === "" ? heading : heading === "" ? sheet : `${sheet} ${heading}`;
      if (m.header !== "") this.add(heading, i);
      const withBoth = this.add(both, i);
      const shown = m.input.name;
      if (shown === m.header) continue;
      if (isSheetColonHeading(shown, m.sheet, m.header)) {
        // A summary row typed as the measure's name (most are) finds its measures here: the words
        // of «Sheet: heading» are those of «Sheet heading».
        this.byShown.set(shown, withBoth);
        continue;
      }
      if (shown !== "") this.add(this.joined(shown), i);
    }
  }

  /** Measures (by position, ascending) whose name is the row's word for word. */
  exact(name: string): readonly number[] {
    return this.byShown.get(name) ?? this.byWords.get(this.joined(name)) ?? NONE;
  }

  /**
   * Measures the similarity lookups may leave out (already given a row word for word, so every
   * caller skips them): the index is then built over the rest only. No effect once it is built.
   */
  leaveOut(positions: Iterable<number>): void {
    if (this.index) return;
    const out = (this.leftOut ??= new Uint8Array(this.measures.length));
    for (const p of positions) out[p] = 1;
  }

  private built(): NameIndex {
    if (this.index) return this.index;
    const index = new NameIndex();
    // Headings repeat across sheets («Spesialisthelsetjenesten»): each text is prepared once.
    const prepare = new Map<string, PreparedName>();
    const leftOut = this.leftOut;
    for (let i = 0; i < this.measures.length; i++) {
      if (leftOut !== undefined && leftOut[i] === 1) continue;
      const m = this.measures[i];
      const first = index.names.length;
      this.indexName(index, prepare, m.input.name, i, first);
      this.indexName(index, prepare, m.header, i, first);
      // «Sheet heading» has the words and acronyms of «Sheet: heading» (only what separates them
      // differs): when that is the display name, indexed first and with words, it is left out
      // below anyway, without preparing it.
      const shownFirst = index.names.length > first && index.names[first].text === m.input.name && index.names[first].words.length > 0;
      if (!(shownFirst && isSheetColonHeading(m.input.name, m.sheet, m.header))) this.indexName(index, prepare, `${m.sheet} ${m.header}`, i, first);
    }
    return (this.index = index);
  }

  /** Indexes one name of measure `i`, whose names so far are the entries from `first`. */
  private indexName(index: NameIndex, prepare: Map<string, PreparedName>, n: string, i: number, first: number): void {
    if (n === "") return;
    let prepared = prepare.get(n);
    if (!prepared) prepare.set(n, (prepared = prepareName(n)));
    const blank = n.trim() === "";
    // «Sheet: heading» and «Sheet heading» have the same words and acronyms, so the same
    // similarity to any name (an equal normal form means equal words): one is enough.
    if (!blank) for (let e = first; e < index.names.length; e++) if (sameWordsAndAcronyms(index.names[e], prepared)) return;
    index.add(prepared);
    this.owner.push(i);
    this.forSimilarity.push(!blank);
  }

  /** Measures (by position, ascending) alike at least `min`, with the best similarity of their names; never one left out. */
  similar(name: string, min: number): { m: number; s: number }[] {
    const best = new Map<number, number>();
    for (const { entry, s } of this.built().similar(prepareName(name), min)) {
      if (!this.forSimilarity[entry]) continue;
      const m = this.owner[entry];
      if (!best.has(m) || s > best.get(m)!) best.set(m, s);
    }
    // Built in a loop, not by array methods: the callers' optimised code otherwise met arrays of
    // another elements kind than the interpreter had made, and was rebuilt.
    const ms: number[] = [];
    for (const m of best.keys()) ms.push(m);
    ms.sort((a, b) => a - b);
    const out: { m: number; s: number }[] = [];
    for (let k = 0; k < ms.length; k++) out.push({ m: ms[k], s: best.get(ms[k])! });
    return out;
  }
}

/**
 * One instance kept for the life of the module. V8 keeps the layout of a class's instances (its
 * hidden class) only while an instance has it: when a read's last SummaryNames is collected, the
 * code optimised for its methods is discarded, and the next read runs them unoptimised until it
 * is relearnt (a read after a garbage collection took up to three times as long in the summary
 * audit). An instance kept alive keeps the layout.
 */
export const keptSummaryNames = new SummaryNames([]);

/** Summary rows ↔ measures by position (see `matchSummary`). */
interface SummaryPairs {
  /** Per summary row: the position of its measure, −1 for none. */
  measureOf: Int32Array;
  /** Per summary row: 1 when its measure has its name word for word (matched in the first round). */
  wordForWord: Uint8Array;
  /** The matched rows in the order they were matched: the first round in sheet order, then most alike first. */
  order: number[];
}

/**
 * Summary rows ↔ measures, one to one, most alike first: every pair of a row and a measure of the
 * same name (word for word) in sheet order, then every other pair alike ≥ 0.6, most alike first.
 * A row given its measure by the first round needs no similarities, so they are computed only for
 * the rows left over.
 */
function pairSummary(summary: Summary, measures: LegacyMeasure[], names: SummaryNames): SummaryPairs {
  const rows = summary.rows;
  const measureOf = new Int32Array(rows.length).fill(-1);
  const wordForWord = new Uint8Array(rows.length);
  const order: number[] = [];
  const taken = new Uint8Array(measures.length);
  const exactOf: (readonly number[])[] = [];
  const takenAt: number[] = [];
  for (let r = 0; r < rows.length; r++) {
    const exact = names.exact(rows[r].name);
    exactOf.push(exact);
    for (let k = 0; k < exact.length; k++) {
      const i = exact[k];
      if (taken[i]) continue;
      measureOf[r] = i;
      wordForWord[r] = 1;
      order.push(r);
      taken[i] = 1;
      takenAt.push(i);
      break;
    }
  }
  // A measure given its row word for word is skipped by every later pairing (and suggestion).
  names.leaveOut(takenAt);
  const pairs: { row: number; m: number; s: number }[] = [];
  for (let r = 0; r < rows.length; r++) {
    if (measureOf[r] >= 0) continue;
    const exact = exactOf[r];
    for (const { m, s } of names.similar(rows[r].name, MATCH_MIN)) if (!exact.includes(m)) pairs.push({ row: r, m, s });
  }
  pairs.sort((a, b) => b.s - a.s);
  for (const p of pairs) {
    if (measureOf[p.row] >= 0 || taken[p.m]) continue;
    measureOf[p.row] = p.m;
    order.push(p.row);
    taken[p.m] = 1;
  }
  return { measureOf, wordForWord, order };
}

/** `pairSummary` as a map from row to measure, in the order matched. */
export function matchSummary(summary: Summary, measures: LegacyMeasure[], names = new SummaryNames(measures)): Map<SummaryRow, LegacyMeasure> {
  const { measureOf, order } = pairSummary(summary, measures, names);
  const out = new Map<SummaryRow, LegacyMeasure>();
  for (const r of order) out.set(summary.rows[r], measures[measureOf[r]]);
  return out;
}

/** How far a typed copy may be from the total and still be that total rounded as shown. */
export function shownMatches(shown: number, total: number): boolean {
  const off = Math.abs(shown - total);
  // Within half a hundredth when the shown number has at most two decimals (its shortest form has
  // at most two then, and a shorter form only widens the margin): no need to write it out.
  if (off <= 0.5 * 10 ** -2 + 1e-9 && Math.round(shown * 100) / 100 === shown) return true;
  const text = String(shown);
  const decimals = text.includes(".") && !text.includes("e") ? text.split(".")[1].length : 0;
  return off <= 0.5 * 10 ** -decimals + 1e-9;
}

/** `Samlet!D8:D9` from two placed cells (built from rows and columns: a sheet name may contain «!»). */
function rangeOf(sheet: string, from: PlacedCell, to: PlacedCell): string {
  return address(sheet, from.row, from.col, { row: to.row, col: to.col });
}

export function auditSummary(summary: Summary, lw: LegacyWorkbook, byId: Map<string, MeasureResult>, out: Finding[]): void {
  const names = new SummaryNames(lw.measures);
  const { measureOf, wordForWord, order } = pairSummary(summary, lw.measures, names);
  const rows = summary.rows;
  // Rows and measures by position (no maps keyed by them): which measures have a row, each row's result.
  const listed = new Uint8Array(lw.measures.length);
  const resultOf: (MeasureResult | undefined)[] = [];
  for (let r = 0; r < rows.length; r++) {
    const i = measureOf[r];
    if (i >= 0) listed[i] = 1;
    resultOf.push(i >= 0 ? byId.get(lw.measures[i].input.id)! : undefined);
  }

  for (let r = 0; r < rows.length; r++) {
    const row = rows[r];
    const result = resultOf[r];
    if (!result) {
      // The most alike measure not listed yet (the first of equals), as a suggestion.
      let best: { m: LegacyMeasure; s: number } | undefined;
      for (const { m: i, s } of names.similar(row.name, SUGGEST_MIN)) {
        if (listed[i]) continue;
        if (!best || s > best.s) best = { m: lw.measures[i], s };
      }
      const params: Record<string, string> = { name: row.name };
      if (best) {
        params.suggestion = best.m.input.name;
        params.suggestionCell = best.m.input.address ?? "";
      }
      out.push(finding("summary-unmatched", "warning", params, { cell: row.nameCell.address }));
      continue;
    }
    const m = lw.measures[measureOf[r]];
    if (!wordForWord[r]) {
      out.push(
        finding(
          "summary-name",
          "warning",
          { name: row.name, measure: m.input.name, measureCell: m.input.address ?? "" },
          { cell: row.nameCell.address, measureId: m.input.id },
        ),
      );
    }
    const v = summary.scoreCol >= 0 ? shownOf(row.scoreCell) : undefined;
    if (v !== undefined) {
      const shown = numberOf(v);
      const ok = shown !== undefined ? result.total !== null && shownMatches(shown, result.total) : result.total === null;
      if (!ok) {
        out.push(
          finding(
            "summary-score",
            "warning",
            { name: row.name, shown: shown ?? (isCellError(v) ? v.error : v === null ? null : String(v)), correct: result.total, ...worked(row.scoreCell) },
            { cell: row.scoreCell.address, measureId: m.input.id },
          ),
        );
      }
    }
  }

  // Ties shown as different ranks: one finding for each tied group, then rank by rank.
  if (summary.rankCol >= 0) {
    const explainedByTie = new Uint8Array(rows.length);
    // Each matched row's shown rank, read once; a rank cell whose formula the file holds no result
    // for, and that cannot be worked out, is not checked. Tied measures' rows grouped by their rank.
    const rankShown: (CellValue | undefined)[] = [];
    const tiedGroups = new Map<number, number[]>();
    for (const r of order) {
      const v = shownOf(rows[r].rankCell);
      rankShown[r] = v;
      if (v === undefined) continue;
      const res = resultOf[r]!;
      if (!res.tied || res.rank === null) continue;
      const list = tiedGroups.get(res.rank);
      if (list) list.push(r);
      else tiedGroups.set(res.rank, [r]);
    }
    const rankOf = (r: number) => rankShown[r];
    for (const [rank, tied] of tiedGroups) {
      const shown = tied.map((r) => numberOf(rankOf(r)));
      if (tied.length < 2 || new Set(shown).size < 2) continue;
      const sorted = [...tied].sort((a, b) => rows[a].row - rows[b].row);
      const first = resultOf[sorted[0]]!;
      out.push(
        finding(
          "summary-tie",
          "warning",
          {
            names: sorted.map((r) => rows[r].name),
            shown: sorted.map((r) => String(numberOf(rankOf(r)) ?? "–")),
            rank,
            total: first.total,
          },
          { cell: rangeOf(summary.sheet, rows[sorted[0]].rankCell, rows[sorted[sorted.length - 1]].rankCell), measureId: first.id },
        ),
      );
      // A shown rank inside the tie's span (6 or 7 for a two-way tie at 6) is explained by the tie.
      for (const r of tied) {
        const s = numberOf(rankOf(r));
        if (s !== undefined && s >= rank && s < rank + tied.length) explainedByTie[r] = 1;
      }
    }
    for (const r of order) {
      const v = rankOf(r);
      if (explainedByTie[r] || v === undefined) continue;
      const res = resultOf[r]!;
      const shown = numberOf(v);
      if (shown !== (res.rank ?? undefined)) {
        out.push(
          finding(
            "summary-rank",
            "warning",
            { name: rows[r].name, shown: shown ?? (v === null ? "–" : String(isCellError(v) ? v.error : v)), correct: res.rank, tied: res.tied },
            { cell: rows[r].rankCell.address, measureId: lw.measures[measureOf[r]].input.id },
          ),
        );
      }
    }
  }

  for (let i = 0; i < lw.measures.length; i++) {
    if (listed[i]) continue;
    const m = lw.measures[i];
    const r = byId.get(m.input.id)!;
    if (r.total === null) continue;
    out.push(
      finding("summary-missing", "warning", { measure: m.input.name, total: r.total, rank: r.rank }, { cell: m.input.address, measureId: m.input.id }),
    );
  }

  const typed = summary.rows.filter((row) => numberOf(row.scoreCell.cell?.value) !== undefined && !row.scoreCell.cell?.formula);
  if (summary.scoreCol >= 0 && typed.length > 0) {
    const cell = rangeOf(summary.sheet, typed[0].scoreCell, typed[typed.length - 1].scoreCell);
    out.push(finding("summary-typed", "info", { sheet: summary.sheet, count: typed.length }, { cell }));
  }
}

/**
 * Scores a legacy workbook and adds what only the legacy layout can get wrong. Findings about
 * one measure go to that measure; the rest to the workbook.
 */
export function assessLegacy(lw: LegacyWorkbook, model: Model): Assessment {
  const a = assess(
    model,
    lw.measures.map((m) => m.input),
  );
  const byId = new Map(a.measures.map((m) => [m.id, m]));
  const themeOf = new Map(lw.themes.map((t) => [t.sheet, t]));

  // A sheet whose group and Score rows are all blank is one finding, not one per blank cell.
  const blankSheets = new Set<string>();
  const workbookFirst: Finding[] = [];
  const onSheet = groupBy(lw.measures, (m) => m.sheet);
  for (const t of lw.themes) {
    const sheetMeasures = onSheet.get(t.sheet) ?? [];
    const cells = sheetMeasures.flatMap((m) => [...m.computed.values()]);
    if (cells.length === 0 || !cells.every(isBlankCell)) continue;
    blankSheets.add(t.sheet);
    const rows = cells.map((c) => c.row);
    const cols = cells.map((c) => c.col);
    const range = address(t.sheet, Math.min(...rows), Math.min(...cols), { row: Math.max(...rows), col: Math.max(...cols) });
    const measures = sheetMeasures.length;
    workbookFirst.push(finding("legacy-sheet-empty", "warning", { sheet: t.sheet, cells: cells.length, measures }, { cell: range }));
  }

  for (const m of lw.measures) {
    const result = byId.get(m.input.id)!;
    const found: Finding[] = [];
    if (!blankSheets.has(m.sheet)) auditComputed(model, themeOf.get(m.sheet)!, m, result, found);
    auditRank(m, result, found);
    result.findings.push(...found);
  }

  const workbook: Finding[] = [...lw.findings, ...workbookFirst];
  if (lw.summary) {
    const summaryFindings: Finding[] = [];
    auditSummary(lw.summary, lw, byId, summaryFindings);
    for (const f of summaryFindings) {
      const owner = f.measureId !== undefined && f.code !== "summary-tie" ? byId.get(f.measureId) : undefined;
      if (owner) owner.findings.push(f);
      else workbook.push(f);
    }
  }
  a.findings.unshift(...workbook);
  return a;
}

