/**
 * What-if weights, pure: the measures' inputs recovered from the last assessment, the model with
 * the tried weights, the re-ranked assessment (by the core's assess), and each measure's movement
 * against the ranking under the weights in force. No React, no Excel.
 */
import type { MeasureInput } from "../../core/aggregate";
import { assess, type Assessment } from "../../core/assess";
import { allNodes, type CriterionNode, type Model } from "../../core/model";
import { rankMoves, ranksOf } from "../../ui/movement";
import type { TriedWeights } from "../../presenter/whatif-channel";

export type { TriedWeights };

/**
 * The typed inputs behind an assessment: a valid score keeps its typed value, an invalid cell its
 * raw text (so it stays invalid), a blank stays absent. Weights do not change any of these, so the
 * assessment of these inputs under other weights is what the workbook would compute.
 */
export function inputsOf(a: Assessment): MeasureInput[] {
  return a.measures.map((m) => {
    const scores: MeasureInput["scores"] = {};
    for (const [leafId, o] of Object.entries(m.leaves)) {
      if (o.kind === "score") scores[leafId] = { value: o.value, address: o.address };
      else if (o.kind === "invalid") scores[leafId] = { value: o.raw, address: o.address };
    }
    const input: MeasureInput = { id: m.id, name: m.name, scores };
    if (m.theme !== undefined) input.theme = m.theme;
    if (m.actor !== undefined) input.actor = m.actor;
    if (m.address !== undefined) input.address = m.address;
    return input;
  });
}

/** The model with the tried weights put in (one copy of the tree, whatever the number of changes). */
export function withWeights(model: Model, weights: TriedWeights): Model {
  const set = (nodes: CriterionNode[]): CriterionNode[] =>
    nodes.map((n) => ({
      ...n,
      weight: Object.prototype.hasOwnProperty.call(weights, n.id) ? weights[n.id] : n.weight,
      children: n.children ? set(n.children) : undefined,
    }));
  return { ...model, criteria: set(model.criteria) };
}

/** The tried weights that differ from the model's, in model order. */
export function changedWeights(model: Model, weights: TriedWeights): { id: string; from: number; to: number }[] {
  return allNodes(model)
    .filter((n) => Object.prototype.hasOwnProperty.call(weights, n.id) && weights[n.id] !== n.weight)
    .map((n) => ({ id: n.id, from: n.weight, to: weights[n.id] }));
}

export interface WhatIfRanking {
  assessment: Assessment;
  /** Movement against the ranking under the weights in force: positive = up, only those that moved. */
  moves: Map<string, { by: number; from: number }>;
}

/** Re-ranks the inputs under the tried weights, with each measure's movement against `inForce`. */
export function whatIfRanking(inForce: Assessment, inputs: MeasureInput[], weights: TriedWeights): WhatIfRanking {
  const assessment = assess(withWeights(inForce.model, weights), inputs);
  return { assessment, moves: rankMoves(ranksOf(inForce), ranksOf(assessment)) };
}
