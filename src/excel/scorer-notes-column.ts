/**
 * Rangering's Merknader in a workbook with a scorers table (Vurderere): each measure's own findings
 * and the scorers' notes on it (a disagreement, scored by few, no rows on Vurderere, a row or cell
 * there that cannot be read), ordered by severity, the measure's own first among equals; the first
 * in words, the others counted («(+2 funn til)»), in the workbook's language. Only the first is
 * rendered. The recompute's scorers capability (src/excel/recompute/scorers.ts) loads this module
 * (a chunk, with the scorers' strings) only when the workbook has a scorers table, so the task
 * pane's initial JavaScript does not carry it; it imports nothing of the recompute.
 */
import type { MeasureResult } from "../core/assess";
import { SEVERITY_ORDER, type Finding } from "../core/findings";
import { groupBy } from "../core/group";
import type { ScorerFinding } from "../core/scorers";
import { findingMessage, t, type Lang } from "../i18n";
import { scorerFindingMessage } from "../i18n/scorers";
import type { AddinRead } from "../grid/workbook";

/** The scorers' notes that concern one measure, by measure id, in the analysis's order. */
export function scorerNotesByMeasure(read: AddinRead): Map<string, ScorerFinding[]> {
  return groupBy(read.scorers?.analysis.findings ?? [], (f) => f.measureId);
}

type Note = { own: Finding } | { scorer: ScorerFinding };

const rank = (n: Note): number => SEVERITY_ORDER.indexOf("own" in n ? n.own.severity : n.scorer.severity);

/** Merknader of each measure, the scorers' notes included, in `lang` (the workbook's language). */
export function scorerNotesText(read: AddinRead, lang: Lang): (m: MeasureResult) => string {
  const model = read.assessment.model;
  const byMeasure = scorerNotesByMeasure(read);
  return (m: MeasureResult) => {
    const notes: Note[] = [...m.findings.map((f) => ({ own: f })), ...(byMeasure.get(m.id) ?? []).map((f) => ({ scorer: f }))];
    if (notes.length === 0) return "";
    // A stable sort: the measure's own before the scorers' notes of the same severity.
    const head = [...notes].sort((a, b) => rank(a) - rank(b))[0];
    const first = "own" in head ? findingMessage(head.own, lang, model) : scorerFindingMessage(head.scorer, lang, model);
    return notes.length > 1 ? `${first} ${t(lang, "excel.moreFindings", { count: notes.length - 1 })}` : first;
  };
}
