/**
 * The checklist on the command line: what `prio score` adds per measure (Inn/Ut, segment, rank
 * within the segment) and the summary `prio checklist` prints (measures per segment, Ut,
 * not assessed, reports a year, the unanswered questions, what the add-in's sync would change,
 * and the checklist's findings with their cells). Values first; text and JSON render them.
 */
import {
  QUESTION_TEXT,
  REPORTING,
  SEGMENTS,
  summarise,
  type Answer,
  type ChecklistQuestion,
  type Placement,
  type PortfolioSummary,
  type ReportingTopic,
  type Segment,
} from "../core/checklist";
import { address } from "../core/address";
import type { Finding } from "../core/findings";
import type { SegmentRank } from "../core/segments";
import type { MeasureRef } from "../grid/checklist-sync";
import type { Portfolio } from "../grid/checklist-table";
import type { ScoringTable } from "../grid/scoring-table";
import { CHECKLIST_COLUMNS, CHECKLIST_WORDS, SCORING_FIXED, SHEETS } from "../grid/layout";
import type { ChecklistRead } from "../grid/workbook";
import type { Lang } from "../i18n";
import { tc } from "../i18n/cli-ui";

/** What a measure's checklist row says, in the CLI's JSON vocabulary. */
export interface MeasureChecklist {
  /** true for Inn, false for Ut, null when not assessed or without a row. */
  included: boolean | null;
  /** The segment, «ikke vurdert», or null for Ut and without a row. */
  segment: Segment | "ikke vurdert" | null;
  segmentRank: number | null;
  segmentTied: boolean;
}

const NO_ROW: MeasureChecklist = { included: null, segment: null, segmentRank: null, segmentTied: false };

export function measureChecklist(cl: ChecklistRead | undefined, id: string): MeasureChecklist {
  const p = cl?.placements.get(id);
  if (!cl || !p) return NO_ROW;
  const sr: SegmentRank | undefined = cl.segmentRanks.get(id);
  return {
    included: p.entry === "inn" ? true : p.entry === "ut" ? false : null,
    segment: p.entry === "ut" ? null : p.segment === "ikke-vurdert" ? "ikke vurdert" : p.segment,
    segmentRank: sr?.rank ?? null,
    segmentTied: sr?.tied ?? false,
  };
}

/** Inn / Ut / ikke vurdert in the language; "–" without a row. */
export function entryText(lang: Lang, c: MeasureChecklist, hasRow: boolean): string {
  if (!hasRow) return "–";
  return c.included === true ? tc(lang, "cli.entry.inn") : c.included === false ? tc(lang, "cli.entry.ut") : tc(lang, "cli.notAssessed");
}

/** The segment's name (kept in Norwegian: it is a term), «ikke vurdert» in the language, "–" for Ut or no row. */
export function segmentText(lang: Lang, c: MeasureChecklist): string {
  if (c.segment === null) return "–";
  return c.segment === "ikke vurdert" ? tc(lang, "cli.notAssessed") : c.segment;
}

export function segmentRankText(c: MeasureChecklist): string {
  return c.segmentRank === null ? "–" : `${c.segmentRank}${c.segmentTied ? "=" : ""}`;
}

export interface Unanswered {
  question: ChecklistQuestion;
  /** The column's header in the Sjekkliste table. */
  column: string;
  /** The cell to answer, or null when the table has no column for the question. */
  cell: string | null;
}

export interface ChecklistMeasureReport {
  id: string;
  name: string;
  actor: string;
  /** The cell of the measure's name in the Sjekkliste table. */
  cell: string;
  included: boolean | null;
  /** Inn, Ut or «ikke vurdert», as the sheet writes it. */
  entry: string;
  segment: Segment | "ikke vurdert" | null;
  segmentRank: number | null;
  reporting: { timesPerYear: number; topics: ReportingTopic[] } | null;
  answers: Record<ChecklistQuestion, Answer>;
  unanswered: Unanswered[];
  portfolio: Portfolio;
}

export interface PendingEdit {
  id: string;
  sheet: string;
  /** The column's header. */
  column: string;
  cell: string | null;
  from: string;
  to: string;
}

/** A measure in one table only that the add-in will add to the other; the cell of its name where it is. */
export type PendingAddition = MeasureRef & { cell: string | null };

export interface ChecklistReport {
  summary: PortfolioSummary & { measures: number };
  segments: { segment: Segment; count: number; timesPerYear: number; reportsPerYear: number; topics: ReportingTopic[] }[];
  measures: ChecklistMeasureReport[];
  notAssessed: ChecklistMeasureReport[];
  /** What the add-in's sync would do when it next recomputes: measures new in one table, renames. */
  pending: { toChecklist: PendingAddition[]; toScoring: PendingAddition[]; edits: PendingEdit[] };
  segmentChanges: { id: string; name: string; cell: string; from: string; to: string; changed: { question: ChecklistQuestion; column: string; from: Answer; to: Answer }[] }[];
  /** The checklist's findings: answers, portfolio values, measures in one table only, name conflicts, near-duplicates. */
  findings: Finding[];
}

/** The questions a placement leaves unanswered: all open national-significance ones, or the segment question the order stopped at. */
function unansweredOf(p: Placement): ChecklistQuestion[] {
  if (p.entry === "ikke-vurdert") return p.unanswered;
  if (p.entry === "inn" && p.segment === "ikke-vurdert") return [p.unanswered];
  return [];
}

const QUESTION_ORDER: ChecklistQuestion[] = ["digitaliseringVesentlig", "flereAktorer", "gjenbrukEllerDeling", "samstyre", "koordinere", "inspirere"];

export function checklistReport(cl: ChecklistRead, scoring: ScoringTable): ChecklistReport {
  const { table, plan } = cl;
  const cellOf = (row: number, col: number | undefined): string | null => (col === undefined ? null : address(cl.sheet, row, col));
  const nameCol = table.columns.name ?? table.columns.id ?? table.region.firstCol;

  const measures: ChecklistMeasureReport[] = table.rows.map((r) => {
    const p = r.placement;
    const sr = r.id !== "" && cl.placements.get(r.id) === p ? cl.segmentRanks.get(r.id) : undefined;
    return {
      id: r.id,
      name: r.name,
      actor: r.actor,
      cell: address(cl.sheet, r.row, nameCol),
      included: p.entry === "inn" ? true : p.entry === "ut" ? false : null,
      entry: p.entry === "inn" ? CHECKLIST_WORDS.inn : p.entry === "ut" ? CHECKLIST_WORDS.ut : CHECKLIST_WORDS.notAssessed,
      segment: p.entry === "ut" ? null : p.segment === "ikke-vurdert" ? "ikke vurdert" : p.segment,
      segmentRank: sr?.rank ?? null,
      reporting: p.entry === "inn" && p.segment !== "ikke-vurdert" ? { timesPerYear: p.reporting.timesPerYear, topics: [...p.reporting.topics] } : null,
      answers: Object.fromEntries(QUESTION_ORDER.map((q) => [q, r.answers[q] ?? null])) as Record<ChecklistQuestion, Answer>,
      unanswered: unansweredOf(p).map((q) => ({ question: q, column: CHECKLIST_COLUMNS[q], cell: cellOf(r.row, table.columns[q]) })),
      portfolio: r.portfolio,
    };
  });

  const s = summarise(table.rows.map((r) => r.placement));
  const segments = SEGMENTS.map((segment) => ({
    segment,
    count: s.bySegment[segment],
    timesPerYear: REPORTING[segment].timesPerYear,
    reportsPerYear: s.bySegment[segment] * REPORTING[segment].timesPerYear,
    topics: [...REPORTING[segment].topics],
  }));

  const rowOf = new Map<number, (typeof table.rows)[number]>(table.rows.map((r) => [r.row, r]));
  const edits: PendingEdit[] = [
    ...plan.checklistEdits.map((e) => {
      const r = rowOf.get(e.row);
      return {
        id: r?.id ?? "",
        sheet: cl.sheet,
        column: CHECKLIST_COLUMNS[e.field],
        cell: cellOf(e.row, table.columns[e.field]),
        from: r ? r[e.field] : "",
        to: e.value,
      };
    }),
    ...plan.scoringEdits.map((e) => {
      const m = scoring.measures.find((x) => x.id === e.id);
      const row = scoring.rowOf.get(e.id);
      const col = e.field === "name" ? scoring.columns.name : scoring.columns.actor;
      return {
        id: e.id,
        sheet: SHEETS.scoring,
        column: e.field === "name" ? SCORING_FIXED.name : SCORING_FIXED.actor,
        cell: row !== undefined && col !== undefined ? address(SHEETS.scoring, row, col) : null,
        from: (e.field === "name" ? m?.name : m?.actor) ?? "",
        to: e.value,
      };
    }),
  ];

  const segmentCol = table.columns.segment ?? nameCol;
  return {
    summary: { measures: table.rows.length, ...s },
    segments,
    measures,
    notAssessed: measures.filter((m) => m.unanswered.length > 0),
    pending: {
      toChecklist: plan.appendToChecklist.map((m) => ({ ...m, cell: scoring.measures.find((x) => x.id === m.id)?.address ?? null })),
      toScoring: plan.appendToScoring.map((m) => {
        const r = table.rows.find((x) => x.id === m.id);
        return { ...m, cell: r ? address(cl.sheet, r.row, nameCol) : null };
      }),
      edits,
    },
    segmentChanges: plan.segmentChanges.map((c) => ({
      id: c.id,
      name: c.name,
      cell: address(cl.sheet, c.row, segmentCol),
      from: c.from,
      to: c.to,
      changed: c.changed.map((x) => ({ question: x.question, column: CHECKLIST_COLUMNS[x.question], from: x.from, to: x.to })),
    })),
    findings: [...table.findings, ...plan.findings],
  };
}

/** «Er bredt samarbeid vesentlig?» in the language's quotes. */
export function questionText(lang: Lang, q: ChecklistQuestion): string {
  return lang === "nb" ? `«${QUESTION_TEXT[q].nb}»` : `“${QUESTION_TEXT[q].en}”`;
}

export function answerWord(a: Answer): string {
  return a === true ? CHECKLIST_WORDS.yes : a === false ? CHECKLIST_WORDS.no : "–";
}
