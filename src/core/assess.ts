/**
 * One assessment: every measure scored, ranked and explained. This is the value every view
 * renders (task pane, CLI, custom functions, slides).
 */
import { layoutOf, scoreAll, type MeasureInput, type MeasureScore } from "./aggregate";
import { finding, type Finding } from "./findings";
import type { Model } from "./model";
import { rankTotals, type Ranking } from "./rank";

export interface MeasureResult extends MeasureScore {
  rank: number | null;
  tied: boolean;
}

export interface Assessment {
  model: Model;
  /** Ranked measures by rank (ties in input order), then those without a total in input order. */
  measures: MeasureResult[];
  /** Findings about the whole workbook (not about one measure). */
  findings: Finding[];
}

export function assess(model: Model, inputs: MeasureInput[]): Assessment {
  // The tree is laid out once; each measure is scored into its result object, which is built once
  // (rank and tied filled in below), not copied.
  const n = inputs.length;
  const totals = new Array<number | null>(n);
  const scored = scoreAll(layoutOf(model), inputs, totals) as MeasureResult[];
  const tieBreak = model.tieBreak;
  const keys = tieBreak.length > 0 ? scored.map((s) => tieBreak.map((g) => s.values[g] ?? null)) : null;
  const ranking = rankTotals(totals, keys, model.tolerance);
  const measures = new Array<MeasureResult>(n);
  for (let from = 0; from < n; from += RUN) place(scored, ranking, measures, from, Math.min(n, from + RUN));
  return { model, measures, findings: tieFindings(measures, ranking) };
}

/**
 * Measures in runs of this many, a call each: the engine optimises a function called many times
 * once, where a long loop in a function called once per assessment is compiled again on the stack
 * at nearly every call.
 */
const RUN = 64;

/** measures[k] for k in [from, to): the measure ranked k-th, its rank and tied filled in. */
function place(scored: MeasureResult[], ranking: Ranking, measures: MeasureResult[], from: number, to: number): void {
  const { order, rank, tied, ranked } = ranking;
  for (let k = from; k < to; k++) {
    const m = scored[order[k]];
    if (k < ranked) {
      m.rank = rank[k];
      m.tied = tied[k] === 1;
    }
    measures[k] = m;
  }
}

/** One finding per tie: the tied measures are next to each other, in rank order. */
function tieFindings(measures: MeasureResult[], ranking: Ranking): Finding[] {
  const findings: Finding[] = [];
  for (let k = 0; k < ranking.ranked; ) k = tiesFrom(measures, ranking, k, Math.min(ranking.ranked, k + RUN), findings);
  return findings;
}

/** The ties that start in [k, limit); returns where the next run of equal ranks starts. */
function tiesFrom(measures: MeasureResult[], ranking: Ranking, k: number, limit: number, findings: Finding[]): number {
  const { rank, tied, ranked } = ranking;
  while (k < limit) {
    let end = k + 1;
    if (tied[k] === 1) while (end < ranked && rank[end] === rank[k]) end++;
    if (end - k > 1) findings.push(tieFinding(measures, k, end));
    k = end;
  }
  return k;
}

function tieFinding(measures: MeasureResult[], from: number, to: number): Finding {
  const head = measures[from];
  const names: string[] = [];
  for (let k = from; k < to; k++) names.push(measures[k].name);
  return finding("tie", "info", { rank: head.rank!, names, total: head.total }, { measureId: head.id, cell: head.address });
}

/** All findings of an assessment: the workbook's and every measure's. */
export function allFindings(a: Assessment): Finding[] {
  return [...a.findings, ...a.measures.flatMap((m) => m.findings)];
}

/** `6=` for a tie, `6` otherwise, `–` for no rank. */
export function rankLabel(m: { rank: number | null; tied: boolean }): string {
  if (m.rank === null) return "–";
  return m.tied ? `${m.rank}=` : String(m.rank);
}
