/**
 * The portfolio checklist (sjekkliste, «Porteføljestyring 2.0», DESIGN §1). Pure rules:
 * 1. National significance: three questions, all Ja → Inn, any Nei → Ut; otherwise (some
 *    unanswered, none Nei) the measure is not assessed.
 * 2. Segment, asked in order: samstyre → Samstyre; else koordinere → Koordinere; else
 *    inspirere → Inspirere; else Observere. An unanswered question that the order reaches makes
 *    the segment «ikke vurdert» — never a guessed segment. Ut measures have no segment.
 * 3. Reporting to the national committees per segment.
 * Answers are `true` (Ja), `false` (Nei) or `null` (not answered).
 */
import type { CellValue } from "./cell";
import { isCellError } from "./cell";
import type { Text } from "./model";

export type Answer = boolean | null;

export const SIGNIFICANCE_QUESTIONS = ["digitaliseringVesentlig", "flereAktorer", "gjenbrukEllerDeling"] as const;
export const SEGMENT_QUESTIONS = ["samstyre", "koordinere", "inspirere"] as const;

export type SignificanceQuestion = (typeof SIGNIFICANCE_QUESTIONS)[number];
export type SegmentQuestion = (typeof SEGMENT_QUESTIONS)[number];
export type ChecklistQuestion = SignificanceQuestion | SegmentQuestion;

/** A measure's answers; a question left out is not answered. */
export type ChecklistAnswers = Partial<Record<ChecklistQuestion, Answer>>;

export const QUESTION_TEXT: Record<ChecklistQuestion, Text> = {
  digitaliseringVesentlig: { nb: "Er digitalisering vesentlig?", en: "Is digitalisation essential?" },
  flereAktorer: {
    nb: "Har tiltaket betydning for flere aktører som yter helsehjelp?",
    en: "Does the measure matter to several actors providing health care?",
  },
  gjenbrukEllerDeling: {
    nb: "Har tiltaket gjenbrukspotensial i store deler av tjenesten, eller betydning for løsninger som gir tilgang til å se, bruke og dele helseinformasjon?",
    en: "Can the measure be reused across large parts of the service, or does it matter to solutions that give access to see, use and share health information?",
  },
  samstyre: { nb: "Er bredt samarbeid vesentlig?", en: "Is broad collaboration essential?" },
  koordinere: { nb: "Har tiltaket sterke avhengigheter til samstyringstiltak?", en: "Does the measure depend strongly on jointly governed measures?" },
  inspirere: { nb: "Er tiltaket primært undersøkende/utforskende?", en: "Is the measure primarily exploratory?" },
};

export type Segment = "Samstyre" | "Koordinere" | "Inspirere" | "Observere";

/** The segment each Ja leads to, in the order the questions are asked; Observere when all are Nei. */
export const SEGMENT_OF: Record<SegmentQuestion, Segment> = { samstyre: "Samstyre", koordinere: "Koordinere", inspirere: "Inspirere" };
export const FALLBACK_SEGMENT: Segment = "Observere";
export const SEGMENTS: Segment[] = ["Samstyre", "Koordinere", "Inspirere", "Observere"];

export type ReportingTopic = "status" | "risiko" | "avhengigheter" | "fremdrift" | "erfaringer" | "hindringer" | "ideer";

export interface Reporting {
  /** Reports to the national committees per year. */
  timesPerYear: number;
  topics: ReportingTopic[];
}

export const REPORTING: Record<Segment, Reporting> = {
  Samstyre: { timesPerYear: 4, topics: ["status", "risiko"] },
  Koordinere: { timesPerYear: 2, topics: ["avhengigheter"] },
  Observere: { timesPerYear: 2, topics: ["fremdrift", "erfaringer", "hindringer"] },
  Inspirere: { timesPerYear: 1, topics: ["ideer"] },
};

/** The outcome of the national-significance questions. */
export type Entry =
  | { entry: "inn" }
  /** At least one Nei: out, whatever the other answers are. */
  | { entry: "ut"; no: SignificanceQuestion[] }
  /** No Nei, but not every question answered Ja. */
  | { entry: "ikke-vurdert"; unanswered: SignificanceQuestion[] };

export type Placement =
  | { entry: "inn"; segment: Segment; reporting: Reporting; /** The question whose Ja decided, null for Observere. */ decidedBy: SegmentQuestion | null }
  | { entry: "inn"; segment: "ikke-vurdert"; unanswered: SegmentQuestion }
  | { entry: "ut"; segment: null; no: SignificanceQuestion[] }
  | { entry: "ikke-vurdert"; segment: "ikke-vurdert"; unanswered: SignificanceQuestion[] };

const answerOf = (answers: ChecklistAnswers, q: ChecklistQuestion): Answer => answers[q] ?? null;

export function nationalSignificance(answers: ChecklistAnswers): Entry {
  const no = SIGNIFICANCE_QUESTIONS.filter((q) => answerOf(answers, q) === false);
  if (no.length > 0) return { entry: "ut", no };
  const unanswered = SIGNIFICANCE_QUESTIONS.filter((q) => answerOf(answers, q) === null);
  if (unanswered.length > 0) return { entry: "ikke-vurdert", unanswered };
  return { entry: "inn" };
}

/** The segment of a measure that is in: the first Ja in order, Observere after three Nei; «ikke vurdert» at the first unanswered. */
export function segmentOf(answers: ChecklistAnswers): { segment: Segment; decidedBy: SegmentQuestion | null } | { segment: "ikke-vurdert"; unanswered: SegmentQuestion } {
  for (const q of SEGMENT_QUESTIONS) {
    const a = answerOf(answers, q);
    if (a === null) return { segment: "ikke-vurdert", unanswered: q };
    if (a) return { segment: SEGMENT_OF[q], decidedBy: q };
  }
  return { segment: FALLBACK_SEGMENT, decidedBy: null };
}

export function place(answers: ChecklistAnswers): Placement {
  const e = nationalSignificance(answers);
  if (e.entry === "ut") return { entry: "ut", segment: null, no: e.no };
  if (e.entry === "ikke-vurdert") return { entry: "ikke-vurdert", segment: "ikke-vurdert", unanswered: e.unanswered };
  const s = segmentOf(answers);
  if (s.segment === "ikke-vurdert") return { entry: "inn", segment: "ikke-vurdert", unanswered: s.unanswered };
  return { entry: "inn", segment: s.segment, reporting: REPORTING[s.segment], decidedBy: s.decidedBy };
}

export interface PortfolioSummary {
  /** Measures per segment (entry Inn with a segment). */
  bySegment: Record<Segment, number>;
  ut: number;
  /** Entry or segment not assessed. */
  notAssessed: number;
  /** Reports per year to the national committees, all measures together. */
  reportsPerYear: number;
}

export function summarise(placements: Placement[]): PortfolioSummary {
  const bySegment: Record<Segment, number> = { Samstyre: 0, Koordinere: 0, Inspirere: 0, Observere: 0 };
  let ut = 0;
  let notAssessed = 0;
  let reportsPerYear = 0;
  for (const p of placements) {
    if (p.entry === "ut") ut++;
    else if (p.segment === "ikke-vurdert") notAssessed++;
    else {
      bySegment[p.segment]++;
      reportsPerYear += REPORTING[p.segment].timesPerYear;
    }
  }
  return { bySegment, ut, notAssessed, reportsPerYear };
}

const YES = new Set(["ja", "j", "yes", "y", "true", "sann"]);
const NO = new Set(["nei", "n", "no", "false", "usann"]);

/**
 * A checklist cell as an answer: Ja/Nei (any case, also J/N, Yes/No, TRUE/FALSE, SANN/USANN as text) or blank.
 * Anything else is invalid, with the raw text, never guessed.
 */
export function answerFromCell(v: CellValue | undefined): { ok: true; answer: Answer } | { ok: false; raw: string } {
  if (v === null || v === undefined) return { ok: true, answer: null };
  if (typeof v === "boolean") return { ok: true, answer: v };
  if (typeof v === "string") {
    const k = v.trim().toLowerCase().replace(/[.!]+$/, "");
    if (k === "") return { ok: true, answer: null };
    if (YES.has(k)) return { ok: true, answer: true };
    if (NO.has(k)) return { ok: true, answer: false };
    return { ok: false, raw: v };
  }
  if (isCellError(v)) return { ok: false, raw: v.error };
  return { ok: false, raw: String(v) };
}
