/**
 * Scores one measure against the model. A group's value is the weighted mean of those of its
 * children that have a value (and a positive weight); a group with none has no value; the total
 * exists only when every top-level group of positive weight has a value. Invalid cells are
 * reported and left out, never used. NaN and Infinity cannot come out: every division is by a
 * positive sum of finite weights.
 */
import { classify, type CellValue, type Classified } from "./cell";
import { finding, type Finding } from "./findings";
import { completenessOf, isGroup, leaves, type CriterionNode, type Model } from "./model";

/** One typed score and where it is. */
export interface ScoreCell {
  value: CellValue;
  /** Excel address with sheet, for findings. */
  address?: string;
}

export interface MeasureInput {
  /** Stable id: the key shared by the scoring table, the checklist and the stored state. */
  id: string;
  name: string;
  theme?: string;
  actor?: string;
  /** Typed scores by leaf id. An absent leaf is missing. */
  scores: Record<string, ScoreCell | undefined>;
  /** Notes kept beside a score, by leaf id. */
  comments?: Record<string, string>;
  /** Where the measure's name is, for findings about the measure as a whole. */
  address?: string;
  /** The name cell is blank; `name` is a placeholder such as "(5)". */
  unnamed?: boolean;
}

export type LeafOutcome = Classified & { address?: string };

export interface MeasureScore {
  id: string;
  name: string;
  theme?: string;
  actor?: string;
  address?: string;
  leaves: Record<string, LeafOutcome>;
  /** Effective value of every node (groups and leaves) by id; null when it has none. */
  values: Record<string, number | null>;
  total: number | null;
  /** Top-level groups without a value: why there is no total. */
  missingGroups: string[];
  /** Leaves with a blank cell, in model order. */
  missing: string[];
  /** Leaves whose cell holds something that is not a score, in model order. */
  invalid: string[];
  /** Every leaf has a valid score. */
  complete: boolean;
  comments: Record<string, string>;
  findings: Finding[];
}

const INVALID_CODE = {
  text: "cell-text",
  boolean: "cell-boolean",
  error: "cell-error",
  "out-of-scale": "cell-out-of-scale",
  "not-finite": "cell-not-finite",
} as const;

/** The value the model uses for a valid typed score (inverted leaves count from the top). */
export function effectiveScore(node: CriterionNode, typed: number, model: Model): number {
  return node.direction === "inverted" ? model.scale.min + model.scale.max - typed : typed;
}

/**
 * Whether a node's weight counts. Validation refuses NaN, ±Infinity and negative weights; a model
 * that skipped validation must still not turn them into NaN (Infinity × 0, ∞ / ∞), so they count as 0.
 */
function counts(weight: number): boolean {
  return Number.isFinite(weight) && weight > 0;
}

/** Weighted mean of the children that have a value; null when none has (or all weigh 0). */
function groupValue(children: CriterionNode[], values: Record<string, number | null>): number | null {
  let num = 0;
  let den = 0;
  for (const c of children) {
    const v = values[c.id];
    if (v === null || v === undefined || !counts(c.weight)) continue;
    num += c.weight * v;
    den += c.weight;
  }
  return den > 0 ? num / den : null;
}

export function totalOf(model: Model, values: Record<string, number | null>): { total: number | null; missingGroups: string[] } {
  const missingGroups: string[] = [];
  let num = 0;
  let den = 0;
  for (const g of model.criteria) {
    if (!counts(g.weight)) continue;
    const v = values[g.id];
    if (v === null || v === undefined) {
      missingGroups.push(g.id);
      continue;
    }
    num += g.weight * v;
    den += g.weight;
  }
  if (missingGroups.length > 0 || den === 0) return { total: null, missingGroups };
  return { total: model.total === "mean" ? num / den : num, missingGroups };
}

/** Computes every node's value bottom-up from leaf values. */
export function nodeValues(model: Model, leafValues: Record<string, number | null>): Record<string, number | null> {
  const values: Record<string, number | null> = {};
  const walk = (node: CriterionNode): number | null => {
    if (!isGroup(node)) {
      const v = leafValues[node.id];
      values[node.id] = v === undefined ? null : v;
      return values[node.id];
    }
    for (const c of node.children!) walk(c);
    values[node.id] = groupValue(node.children!, values);
    return values[node.id];
  };
  for (const g of model.criteria) walk(g);
  return values;
}

export function scoreMeasure(model: Model, input: MeasureInput, leafNodes: CriterionNode[] = leaves(model)): MeasureScore {
  const outcomes: Record<string, LeafOutcome> = {};
  const leafValues: Record<string, number | null> = {};
  const missing: string[] = [];
  const invalid: string[] = [];
  const findings: Finding[] = [];
  const where = (leafId: string, address?: string) => ({ measureId: input.id, criterionId: leafId, cell: address });

  for (const leaf of leafNodes) {
    const cell = input.scores[leaf.id];
    const c = classify(cell?.value ?? null, model.scale);
    const outcome: LeafOutcome = cell?.address ? { ...c, address: cell.address } : c;
    outcomes[leaf.id] = outcome;
    if (c.kind === "score") {
      leafValues[leaf.id] = effectiveScore(leaf, c.value, model);
    } else {
      leafValues[leaf.id] = null;
      if (c.kind === "missing") missing.push(leaf.id);
      else {
        invalid.push(leaf.id);
        const params: Record<string, string | number | null> = {
          measure: input.name,
          criterion: leaf.id,
          raw: c.raw,
          min: model.scale.min,
          max: model.scale.max,
        };
        if (c.suggestion !== undefined) params.suggestion = c.suggestion;
        if (c.date) {
          params.day = c.date.day;
          params.month = c.date.month;
        }
        findings.push(finding(INVALID_CODE[c.reason], "error", params, where(leaf.id, cell?.address)));
      }
    }
  }

  const values = nodeValues(model, leafValues);
  const { total, missingGroups } = totalOf(model, values);

  // Ranked on few scores: a group with less than the model's share of its questions scored.
  const thin = total === null ? [] : thinGroups(model, new Set([...missing, ...invalid]));
  if (thin.length > 0) {
    const first = thin.flatMap((g) => g.unscored).map((id) => input.scores[id]?.address).find((a) => a !== undefined);
    findings.push(
      finding(
        "few-scores",
        "warning",
        {
          measure: input.name,
          groups: thin.map((g) => g.id),
          scored: thin.map((g) => g.scored),
          of: thin.map((g) => g.of),
          threshold: completenessOf(model),
          criteria: missing,
        },
        { measureId: input.id, cell: first ?? input.address },
      ),
    );
  } else if (missing.length > 0) {
    const first = missing.map((id) => input.scores[id]?.address).find((a) => a !== undefined);
    findings.push(
      finding(
        "missing-scores",
        total === null ? "warning" : "info",
        { measure: input.name, criteria: missing, count: missing.length },
        { measureId: input.id, cell: first },
      ),
    );
  }
  if (total === null) {
    const firstCellOf = (groupId: string): string | undefined => {
      const group = model.criteria.find((g) => g.id === groupId);
      const ids = group ? leavesUnder(group).map((l) => l.id) : [];
      return ids.map((id) => input.scores[id]?.address).find((a) => a !== undefined);
    };
    findings.push(
      finding(
        "no-total",
        "warning",
        { measure: input.name, groups: missingGroups },
        { measureId: input.id, cell: missingGroups.map(firstCellOf).find((a) => a !== undefined) ?? input.address },
      ),
    );
  }

  const out: MeasureScore = {
    id: input.id,
    name: input.name,
    leaves: outcomes,
    values,
    total,
    missingGroups,
    missing,
    invalid,
    complete: missing.length === 0 && invalid.length === 0,
    comments: { ...(input.comments ?? {}) },
    findings,
  };
  if (input.theme !== undefined) out.theme = input.theme;
  if (input.actor !== undefined) out.actor = input.actor;
  if (input.address !== undefined) out.address = input.address;
  return out;
}

/**
 * The top-level groups (of positive weight) where the share of scored questions is below the
 * model's completeness threshold, with how many of how many are scored and which are not.
 */
export function thinGroups(model: Model, unscored: Set<string>): { id: string; scored: number; of: number; unscored: string[] }[] {
  const threshold = completenessOf(model);
  const out: { id: string; scored: number; of: number; unscored: string[] }[] = [];
  for (const g of model.criteria) {
    if (!(g.weight > 0)) continue;
    const ids = leavesUnder(g).map((l) => l.id);
    const not = ids.filter((id) => unscored.has(id));
    const scored = ids.length - not.length;
    if (ids.length > 0 && not.length > 0 && scored / ids.length < threshold) out.push({ id: g.id, scored, of: ids.length, unscored: not });
  }
  return out;
}

export function leavesUnder(node: CriterionNode): CriterionNode[] {
  if (!isGroup(node)) return [node];
  return node.children!.flatMap(leavesUnder);
}
