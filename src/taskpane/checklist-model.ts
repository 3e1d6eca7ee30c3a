/**
 * Pure helpers of the checklist views: the answers and placement a view shows (the controller's,
 * or the pending answers placed locally with the core's rule), which questions the rule still
 * reaches, the segment filter (over ui/segment-key.ts's keys), and segment rank labels. No React.
 */
import {
  SEGMENT_OF,
  SEGMENT_QUESTIONS,
  SIGNIFICANCE_QUESTIONS,
  place,
  summarise,
  type Answer,
  type ChecklistAnswers,
  type ChecklistQuestion,
  type Placement,
  type PortfolioSummary,
  type Segment,
  type SegmentQuestion,
  type SignificanceQuestion,
} from "../core/checklist";
import type { SegmentRank } from "../core/segments";
import type { ChecklistEntry, ChecklistState } from "../app/app-state";
import type { SegmentKey } from "../ui/segment-key";

/** The questions in the order the rule asks them. */
export const QUESTION_ORDER: ChecklistQuestion[] = [...SIGNIFICANCE_QUESTIONS, ...SEGMENT_QUESTIONS];

/** Answers given in the task pane and not yet confirmed by the controller, by measure id. */
export type PendingAnswers = Record<string, ChecklistAnswers>;

const answerOf = (answers: ChecklistAnswers, q: ChecklistQuestion): Answer => answers[q] ?? null;

/** What a view shows for one entry: the controller's answers with the pending ones on top, placed by the core. */
export interface ShownEntry {
  entry: ChecklistEntry;
  answers: ChecklistAnswers;
  placement: Placement;
  /** True while some of the shown answers are pending (the placement is computed locally). */
  pending: boolean;
}

export function shownEntry(entry: ChecklistEntry, pending: PendingAnswers): ShownEntry {
  const mine = pending[entry.id];
  const changed = mine ? QUESTION_ORDER.filter((q) => q in mine && answerOf(mine, q) !== answerOf(entry.answers, q)) : [];
  if (changed.length === 0) return { entry, answers: entry.answers, placement: entry.placement, pending: false };
  const answers: ChecklistAnswers = { ...entry.answers, ...mine };
  return { entry, answers, placement: place(answers), pending: true };
}

/** The portfolio summary with the pending answers counted (the controller's summary when there are none). */
export function shownSummary(checklist: ChecklistState, shown: ShownEntry[]): PortfolioSummary {
  return shown.some((s) => s.pending) ? summarise(shown.map((s) => s.placement)) : checklist.summary;
}

/**
 * The pending answers still to show once the controller has emitted a new state: those the state
 * does not confirm yet and whose write is still under way (`inFlight`). An answer whose write
 * has finished (or failed) gives way to the controller's state, which is then the workbook's.
 */
export function prunePending(
  pending: PendingAnswers,
  checklist: ChecklistState | undefined,
  inFlight: (measureId: string, question: ChecklistQuestion) => boolean,
): PendingAnswers {
  const ids = Object.keys(pending);
  if (ids.length === 0) return pending;
  const byId = new Map((checklist?.entries ?? []).map((e) => [e.id, e]));
  const out: PendingAnswers = {};
  let changed = false;
  for (const id of ids) {
    const entry = byId.get(id);
    const left: ChecklistAnswers = {};
    for (const q of QUESTION_ORDER) {
      if (!(q in pending[id])) continue;
      const a = answerOf(pending[id], q);
      if (entry && a !== answerOf(entry.answers, q) && inFlight(id, q)) left[q] = a;
      else changed = true;
    }
    if (Object.keys(left).length > 0) out[id] = left;
  }
  return changed ? out : pending;
}

/** The pending answers without one question's. */
export function withoutPending(pending: PendingAnswers, measureId: string, question: ChecklistQuestion): PendingAnswers {
  const mine = pending[measureId];
  if (!mine || !(question in mine)) return pending;
  const { [question]: _gone, ...rest } = mine;
  const out = { ...pending };
  if (Object.keys(rest).length > 0) out[measureId] = rest;
  else delete out[measureId];
  return out;
}

/** Why a question does not affect the placement under these answers. */
export type Unreached =
  /** A national-significance Nei puts the measure out, whatever the segment questions say. */
  | { kind: "ut"; no: SignificanceQuestion[] }
  /** An earlier segment question's Ja decided the segment. */
  | { kind: "decided"; segment: Segment; by: SegmentQuestion };

/** Undefined when the question can change the placement under these answers (an unanswered question earlier in the order does not make a later one moot). */
export function unreached(answers: ChecklistAnswers, q: ChecklistQuestion): Unreached | undefined {
  if (!(SEGMENT_QUESTIONS as readonly string[]).includes(q)) return undefined;
  const no = SIGNIFICANCE_QUESTIONS.filter((s) => answerOf(answers, s) === false);
  if (no.length > 0) return { kind: "ut", no };
  for (const s of SEGMENT_QUESTIONS) {
    if (s === q) return undefined;
    if (answerOf(answers, s) === true) return { kind: "decided", segment: SEGMENT_OF[s], by: s };
  }
  return undefined;
}

/** The segment filter of the ranking. */
export type SegmentFilter = "alle" | Segment | "ikke-vurdert";

/**
 * Whether a measure is shown under the filter. A measure without a checklist row counts as not
 * assessed; Ut measures are shown under "alle" unless hidden, and never under a segment.
 */
export function passesFilter(key: SegmentKey | undefined, filter: SegmentFilter, hideUt: boolean): boolean {
  if (hideUt && key === "ut") return false;
  if (filter === "alle") return true;
  if (filter === "ikke-vurdert") return key === undefined || key === "ikke-vurdert";
  return key === filter;
}

/** "2", or "2=" for a shared place (like the overall rank's label). */
export function segmentRankLabel(r: SegmentRank): string {
  return r.rank === null ? "–" : `${r.rank}${r.tied ? "=" : ""}`;
}

/** The next entry after (or before) the one shown, wrapping around; the first when none is shown. */
export function stepEntry(entries: ChecklistEntry[], currentId: string | undefined, step: 1 | -1): string | undefined {
  if (entries.length === 0) return undefined;
  const i = entries.findIndex((e) => e.id === currentId);
  if (i < 0) return entries[0].id;
  return entries[(i + step + entries.length) % entries.length].id;
}

/** Search in the name and the id: every typed word must occur, case and accents aside (å → a, ø → o, æ → ae). */
export function matchesSearch(entry: Pick<ChecklistEntry, "id" | "name">, search: string): boolean {
  const fold = (s: string) =>
    s
      .normalize("NFKD")
      .replace(/[\u0300-\u036f]/g, "")
      .toLocaleLowerCase("nb-NO")
      .replace(/ø/g, "o")
      .replace(/æ/g, "ae");
  const words = fold(search).split(/\s+/).filter(Boolean);
  const hay = fold(`${entry.name} ${entry.id}`);
  return words.every((w) => hay.includes(w));
}
