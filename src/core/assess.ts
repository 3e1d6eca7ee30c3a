/**
 * One assessment: every measure scored, ranked and explained. This is the value every view
 * renders (task pane, CLI, custom functions, slides).
 */
import { scoreMeasure, type MeasureInput, type MeasureScore } from "./aggregate";
import { finding, type Finding } from "./findings";
import { leaves, type Model } from "./model";
import { rank } from "./rank";

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
  const leafNodes = leaves(model);
  const scored = inputs.map((m) => scoreMeasure(model, m, leafNodes));
  const slots = rank(
    scored.map((s) => ({ total: s.total, keys: model.tieBreak.map((g) => s.values[g] ?? null) })),
    model.tolerance,
  );
  const measures: MeasureResult[] = slots.map((slot) => ({ ...scored[slot.index], rank: slot.rank, tied: slot.tied }));

  const findings: Finding[] = [];
  const byRank = new Map<number, MeasureResult[]>();
  for (const m of measures) if (m.tied && m.rank !== null) byRank.set(m.rank, [...(byRank.get(m.rank) ?? []), m]);
  for (const [r, tied] of byRank) {
    findings.push(
      finding("tie", "info", { rank: r, names: tied.map((m) => m.name), total: tied[0].total }, { measureId: tied[0].id, cell: tied[0].address }),
    );
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
