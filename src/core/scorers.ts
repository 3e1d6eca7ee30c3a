/**
 * Several scorers: council members or organisations each score the measures; the add-in combines
 * their scores per cell (measure × question), shows the spread, flags where they disagree, ranks
 * the measures for each scorer and measures how far the rankings agree (Kendall's W).
 *
 * Rules (README «Several scorers»):
 * - A scorer's cell counts when it holds a valid score (core/cell.ts `classify`); anything else is
 *   a finding at its cell and left out, never zeroed.
 * - The combined score of a cell is the mean (default) or the median of the valid scores typed for
 *   it, on the typed scale (an inverted question is inverted after combining; both are linear, so
 *   it is the same as inverting first). A cell nobody scored is blank.
 * - The spread of a cell is the standard deviation (population: divided by the number of scores,
 *   since the members are all there is, not a sample) and the range (highest − lowest). A cell with
 *   at least two scores whose range is ≥ the threshold (default 4) is flagged for discussion.
 * - A measure with rows in the scorers table is ranked on its combined scores; its typed Vurdering
 *   row is kept as it is and not used. A measure without any scorer row is ranked on its Vurdering
 *   row, and a finding says so. A measure scored by fewer than max(2, ⌈n/2⌉) of the n scorers
 *   (at most n) is reported as scored by few; a row without a single valid score is not counted.
 * - Kendall's W is computed over the scorers and the measures every scorer gave a total, with
 *   mid-ranks for ties and the tie correction:
 *     W = 12·S / (m²(n³ − n) − m·Σⱼ Tⱼ),  S = Σᵢ (Rᵢ − m(n+1)/2)²,  Tⱼ = Σ over tie groups of (t³ − t),
 *   m scorers, n measures, Rᵢ the sum of measure i's ranks. W is undefined (null) with fewer than
 *   two scorers or measures, or when every scorer ties every measure (the denominator is 0).
 */
import { assess, type Assessment } from "./assess";
import type { MeasureInput, ScoreCell } from "./aggregate";
import { classify, type InvalidReason } from "./cell";
import type { ParamValue, Severity } from "./findings";
import { leaves, type Model } from "./model";
import { rank } from "./rank";

export type CombineMethod = "mean" | "median";

export interface ScorerSettings {
  method: CombineMethod;
  /** A cell whose range (highest − lowest score) is at least this is flagged. */
  disagreement: number;
}

export const DEFAULT_SCORER_SETTINGS: ScorerSettings = { method: "mean", disagreement: 4 };

/** One row of the scorers table: one scorer's scores of one measure. */
export interface ScorerRow {
  scorer: string;
  measureId: string;
  /** Typed scores by leaf id, with their cells. */
  scores: Record<string, ScoreCell | undefined>;
  /** The row's Vurderer cell. */
  address?: string;
}

export interface ScorerValue {
  scorer: string;
  value: number;
  address?: string;
}

/** One cell (measure × question) across the scorers. */
export interface CellSpread {
  leafId: string;
  /** The valid scores, in the scorers' order. */
  values: ScorerValue[];
  combined: number | null;
  /** Population standard deviation; null without scores, 0 with one. */
  sd: number | null;
  /** Highest − lowest; null without scores. */
  range: number | null;
  flagged: boolean;
  /** The Vurdering cell of this measure and question (where the mark goes). */
  address?: string;
}

export interface MeasureSpread {
  measureId: string;
  name: string;
  /** Scorers with a row for the measure, in the scorers' order. */
  scorers: string[];
  /** One per leaf, in model order. */
  cells: CellSpread[];
  /** The largest range of any cell (null when no cell has two scores). */
  maxRange: number | null;
  /** The largest standard deviation of any cell. */
  maxSd: number | null;
  few: boolean;
}

export interface ScorerRanking {
  scorer: string;
  /** The scorer's own scores ranked (only the measures they have a row for). */
  assessment: Assessment;
}

export interface Agreement {
  w: number | null;
  /** Scorers and measures W is computed over. */
  scorers: string[];
  measures: string[];
  /** Why W is null. */
  reason?: "few-scorers" | "few-measures" | "all-tied" | "not-computed";
}

export type ScorerFindingCode =
  | "scorers-in-use"
  | "scorers-disagree"
  | "scorers-few"
  | "scorers-none"
  | "scorers-unknown-id"
  | "scorers-no-name"
  | "scorers-no-id"
  | "scorers-duplicate"
  | "scorers-cell-invalid"
  | "scorers-setting-invalid"
  | "scorers-agreement-partial";

export interface ScorerFinding {
  code: ScorerFindingCode;
  severity: Severity;
  cell?: string;
  measureId?: string;
  params: Record<string, ParamValue>;
}

export function scorerFinding(
  code: ScorerFindingCode,
  severity: Severity,
  params: Record<string, ParamValue>,
  where: { cell?: string; measureId?: string } = {}
): ScorerFinding {
  const f: ScorerFinding = { code, severity, params };
  if (where.cell !== undefined) f.cell = where.cell;
  if (where.measureId !== undefined) f.measureId = where.measureId;
  return f;
}

export interface ScorersAnalysis {
  settings: ScorerSettings;
  /** Distinct scorer names, in the order first met. */
  scorers: string[];
  /** What is ranked: the combined scores of measures with scorer rows, the Vurdering row of the rest. */
  inputs: MeasureInput[];
  /** Measures with scorer rows, in Vurdering order. */
  spreads: MeasureSpread[];
  rankings: ScorerRanking[];
  agreement: Agreement;
  findings: ScorerFinding[];
}

export function mean(xs: readonly number[]): number {
  let s = 0;
  for (const x of xs) s += x;
  return s / xs.length;
}

export function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const h = s.length >> 1;
  return s.length % 2 ? s[h] : (s[h - 1] + s[h]) / 2;
}

/** Population standard deviation (divided by n). */
export function populationSd(xs: readonly number[]): number {
  const m = mean(xs);
  let s = 0;
  for (const x of xs) s += (x - m) * (x - m);
  return Math.sqrt(s / xs.length);
}

export function combine(xs: readonly number[], method: CombineMethod): number | null {
  if (xs.length === 0) return null;
  return method === "median" ? median(xs) : mean(xs);
}

/** Fewer than this many of n scorers is «few»: max(2, ⌈n/2⌉), at most n. */
export function fewThreshold(n: number): number {
  return Math.min(n, Math.max(2, Math.ceil(n / 2)));
}

/**
 * Mid-ranks of values, highest first (rank 1), values equal within the tolerance sharing the mean
 * of the places they take; null values are not allowed here.
 */
export function midRanks(
  values: readonly number[],
  tolerance: number
): { ranks: number[]; ties: number[] } {
  const slots = rank(
    values.map((v) => ({ total: v })),
    tolerance
  );
  const size = new Map<number, number>();
  for (const s of slots) if (s.rank !== null) size.set(s.rank, (size.get(s.rank) ?? 0) + 1);
  const ranks = new Array<number>(values.length);
  for (const s of slots) ranks[s.index] = s.rank! + ((size.get(s.rank!) ?? 1) - 1) / 2;
  return { ranks, ties: [...size.values()].filter((t) => t > 1) };
}

/**
 * Kendall's coefficient of concordance with the tie correction. `scores[j][i]` is scorer j's
 * total of measure i (every entry present); higher is better. Null when undefined.
 */
export function kendallW(scores: readonly (readonly number[])[], tolerance = 1e-9): number | null {
  const m = scores.length;
  const n = m ? scores[0].length : 0;
  if (m < 2 || n < 2) return null;
  const sums = new Array<number>(n).fill(0);
  let tieSum = 0;
  for (const row of scores) {
    const { ranks, ties } = midRanks(row, tolerance);
    ranks.forEach((r, i) => (sums[i] += r));
    for (const t of ties) tieSum += t * t * t - t;
  }
  const meanSum = (m * (n + 1)) / 2;
  let s = 0;
  for (const r of sums) s += (r - meanSum) * (r - meanSum);
  const den = m * m * (n * n * n - n) - m * tieSum;
  if (den <= 0) return null;
  return Math.min(1, Math.max(0, (12 * s) / den));
}

const INVALID_TEXT: Record<InvalidReason, string> = {
  text: "text",
  boolean: "boolean",
  error: "error",
  "out-of-scale": "out-of-scale",
  "not-finite": "not-finite",
};

/**
 * The whole analysis. `measures` are the Vurdering rows (their order is the workbook's); `rows`
 * the scorers table's rows, already checked for names and known ids by the reader.
 */
export function analyseScorers(
  model: Model,
  measures: readonly MeasureInput[],
  rows: readonly ScorerRow[],
  settings: ScorerSettings,
  /** `rankings: false` leaves out each scorer's ranking and W (one assessment per scorer): the recompute needs neither. */
  options: { rankings?: boolean } = {}
): ScorersAnalysis {
  const findings: ScorerFinding[] = [];
  const leafNodes = leaves(model);
  const scorers: string[] = [];
  for (const r of rows) if (!scorers.includes(r.scorer)) scorers.push(r.scorer);
  const rowsOf = new Map<string, ScorerRow[]>();
  for (const r of rows) rowsOf.set(r.measureId, [...(rowsOf.get(r.measureId) ?? []), r]);
  const few = fewThreshold(scorers.length);

  const inputs: MeasureInput[] = [];
  const spreads: MeasureSpread[] = [];
  for (const m of measures) {
    const own = rowsOf.get(m.id);
    if (!own || own.length === 0) {
      inputs.push(m);
      if (rows.length)
        findings.push(
          scorerFinding(
            "scorers-none",
            "warning",
            { measure: m.name, of: scorers.length },
            { measureId: m.id, cell: m.address }
          )
        );
      continue;
    }
    const cells: CellSpread[] = [];
    const scores: Record<string, ScoreCell | undefined> = {};
    for (const leaf of leafNodes) {
      const values: ScorerValue[] = [];
      for (const r of own) {
        const cell = r.scores[leaf.id];
        const c = classify(cell?.value, model.scale);
        if (c.kind === "score")
          values.push(
            cell?.address === undefined
              ? { scorer: r.scorer, value: c.value }
              : { scorer: r.scorer, value: c.value, address: cell.address }
          );
        else if (c.kind === "invalid") {
          const params: Record<string, ParamValue> = {
            scorer: r.scorer,
            measure: m.name,
            criterion: leaf.id,
            raw: c.raw,
            reason: INVALID_TEXT[c.reason],
            min: model.scale.min,
            max: model.scale.max,
          };
          if (c.suggestion !== undefined) params.suggestion = c.suggestion;
          findings.push(
            scorerFinding("scorers-cell-invalid", "warning", params, {
              measureId: m.id,
              cell: cell?.address,
            })
          );
        }
      }
      const xs = values.map((v) => v.value);
      const combined = combine(xs, settings.method);
      const range = xs.length ? Math.max(...xs) - Math.min(...xs) : null;
      const sd = xs.length ? populationSd(xs) : null;
      const flagged = xs.length >= 2 && range !== null && range >= settings.disagreement - 1e-9;
      const address = m.scores[leaf.id]?.address;
      const cs: CellSpread = { leafId: leaf.id, values, combined, sd, range, flagged };
      if (address !== undefined) cs.address = address;
      cells.push(cs);
      scores[leaf.id] = address === undefined ? { value: combined } : { value: combined, address };
    }
    const input: MeasureInput = { ...m, scores };
    inputs.push(input);
    const names = own.map((r) => r.scorer);
    // A row without a single valid score is not a vote.
    const voices = new Set(cells.flatMap((c) => c.values.map((v) => v.scorer))).size;
    const ranges = cells.filter((c) => c.values.length >= 2).map((c) => c.range!);
    const sds = cells.filter((c) => c.values.length >= 2).map((c) => c.sd!);
    const spread: MeasureSpread = {
      measureId: m.id,
      name: m.name,
      scorers: names,
      cells,
      maxRange: ranges.length ? Math.max(...ranges) : null,
      maxSd: sds.length ? Math.max(...sds) : null,
      few: voices < few,
    };
    spreads.push(spread);
    const flagged = cells.filter((c) => c.flagged);
    if (flagged.length) {
      findings.push(
        scorerFinding(
          "scorers-disagree",
          "warning",
          {
            measure: m.name,
            criteria: flagged.map((c) => c.leafId),
            ranges: flagged.map((c) => c.range!),
            cells: flagged.map((c) => c.address ?? ""),
            threshold: settings.disagreement,
          },
          { measureId: m.id, cell: flagged[0].address }
        )
      );
    }
    if (spread.few)
      findings.push(
        scorerFinding(
          "scorers-few",
          "warning",
          { measure: m.name, count: voices, of: scorers.length, needed: few },
          { measureId: m.id, cell: m.address }
        )
      );
  }

  const measureOrder = new Map(measures.map((m, i) => [m.id, i]));
  const rankings: ScorerRanking[] = (options.rankings === false ? [] : scorers).map((scorer) => {
    const own: MeasureInput[] = rows
      .filter((r) => r.scorer === scorer && measureOrder.has(r.measureId))
      .sort((a, b) => measureOrder.get(a.measureId)! - measureOrder.get(b.measureId)!)
      .map((r) => {
        const m = measures[measureOrder.get(r.measureId)!];
        const input: MeasureInput = { id: m.id, name: m.name, scores: r.scores };
        if (m.theme !== undefined) input.theme = m.theme;
        if (r.address !== undefined) input.address = r.address;
        return input;
      });
    return { scorer, assessment: assess(model, own) };
  });

  const agreement: Agreement =
    options.rankings === false
      ? { w: null, scorers, measures: [], reason: "not-computed" }
      : agreementOf(rankings, measures, model.tolerance);
  if (agreement.w !== null && agreement.measures.length < spreads.length) {
    findings.push(
      scorerFinding("scorers-agreement-partial", "info", {
        count: agreement.measures.length,
        of: spreads.length,
      })
    );
  }
  if (rows.length) {
    findings.unshift(
      scorerFinding("scorers-in-use", "info", {
        scorers: scorers.length,
        measures: spreads.length,
        method: settings.method,
      })
    );
  }
  return { settings, scorers, inputs, spreads, rankings, agreement, findings };
}

/** W over the scorers and the measures each of them gave a total, in Vurdering order. */
function agreementOf(
  rankings: ScorerRanking[],
  measures: readonly MeasureInput[],
  tolerance: number
): Agreement {
  const scorers = rankings.map((r) => r.scorer);
  const totals = rankings.map(
    (r) =>
      new Map(r.assessment.measures.filter((m) => m.total !== null).map((m) => [m.id, m.total!]))
  );
  const common = measures.map((m) => m.id).filter((id) => totals.every((t) => t.has(id)));
  if (scorers.length < 2) return { w: null, scorers, measures: common, reason: "few-scorers" };
  if (common.length < 2) return { w: null, scorers, measures: common, reason: "few-measures" };
  const w = kendallW(
    totals.map((t) => common.map((id) => t.get(id)!)),
    tolerance
  );
  return w === null
    ? { w, scorers, measures: common, reason: "all-tied" }
    : { w, scorers, measures: common };
}
