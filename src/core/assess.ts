/**
 * One assessment: every measure scored, ranked and explained. This is the value every view
 * renders (task pane, CLI, custom functions, slides).
 */
import { layoutOf, measureScorer, type MeasureInput, type MeasureScore } from "./aggregate";
import { finding, type Finding } from "./findings";
import type { Model } from "./model";
import { rankTotals } from "./rank";

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
  const score = measureScorer(layoutOf(model));
  const n = inputs.length;
  const scored = new Array<MeasureResult>(n);
  const totals = new Array<number | null>(n);
  for (let i = 0; i < n; i++) {
    const s = score(inputs[i], true) as MeasureResult;
    scored[i] = s;
    totals[i] = s.total;
  }
  const tieBreak = model.tieBreak;
  const keys = tieBreak.length > 0 ? scored.map((s) => tieBreak.map((g) => s.values[g] ?? null)) : null;
  const ranking = rankTotals(totals, keys, model.tolerance);
  const measures = new Array<MeasureResult>(n);
  for (let k = 0; k < n; k++) {
    const m = scored[ranking.order[k]];
    if (k < ranking.ranked) {
      m.rank = ranking.rank[k];
      m.tied = ranking.tied[k] === 1;
    }
    measures[k] = m;
  }

  // One finding per tie: the tied measures are next to each other, in rank order.
  const findings: Finding[] = [];
  for (let k = 0; k < ranking.ranked; ) {
    let end = k + 1;
    if (measures[k].tied) while (end < ranking.ranked && measures[end].rank === measures[k].rank) end++;
    if (end - k > 1) {
      const tied = measures.slice(k, end);
      findings.push(
        finding("tie", "info", { rank: tied[0].rank!, names: tied.map((m) => m.name), total: tied[0].total }, { measureId: tied[0].id, cell: tied[0].address }),
      );
    }
    k = end;
  }
  return { model, measures, findings };
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
