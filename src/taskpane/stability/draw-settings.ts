/**
 * How the Stabilitet view draws weights and scores: the fields as typed, and their reading into
 * the core's options, checked with the same rule as the command line (checkOptions). A bad field
 * gives its name, not a guess. Pure; no React.
 */
import { checkOptions, DEFAULT_UNCERTAINTY, type ScoreDraw, type WeightDraw } from "../../core/uncertainty";

export interface DrawFields {
  weights: "relative" | "simplex" | "none";
  /** Per cent, 0 to below 100: each weight ±x %. */
  weightSpread: string;
  /** Per cent, above 0 to 100: the share of the groups' weight drawn at random (100 = the whole simplex). */
  radius: string;
  scores: "uniform" | "none";
  /** On the scale, 0 and up: each score ±spread. */
  scoreSpread: string;
}

export const DEFAULT_FIELDS: DrawFields = { weights: "relative", weightSpread: "20", radius: "30", scores: "uniform", scoreSpread: "1" };

export type DrawField = "weightSpread" | "radius" | "scoreSpread";

export type DrawReading = { ok: true; weights: WeightDraw; scores: ScoreDraw } | { ok: false; field: DrawField };

/** A number as typed, with a decimal comma or point and an optional «%»; NaN when it is not one. */
export function fieldNumber(text: string): number {
  const t = text.trim().replace(/\s*%$/, "").replace(",", ".");
  return /^[+-]?(\d+\.?\d*|\.\d+)$/.test(t) ? Number(t) : NaN;
}

export function readFields(f: DrawFields): DrawReading {
  let weights: WeightDraw = { kind: "none" };
  if (f.weights === "relative") {
    const x = fieldNumber(f.weightSpread);
    if (!Number.isFinite(x)) return { ok: false, field: "weightSpread" };
    weights = x === 0 ? { kind: "none" } : { kind: "relative", spread: x / 100 };
  } else if (f.weights === "simplex") {
    const r = fieldNumber(f.radius);
    if (!Number.isFinite(r)) return { ok: false, field: "radius" };
    weights = r === 100 ? { kind: "simplex" } : { kind: "simplex", radius: r / 100 };
  }
  let scores: ScoreDraw = { kind: "none" };
  if (f.scores === "uniform") {
    const x = fieldNumber(f.scoreSpread);
    if (!Number.isFinite(x)) return { ok: false, field: "scoreSpread" };
    scores = x === 0 ? { kind: "none" } : { kind: "uniform", spread: x };
  }
  const problem = checkOptions({ ...DEFAULT_UNCERTAINTY, weights, scores });
  if (problem === "weightSpread") return { ok: false, field: "weightSpread" };
  if (problem === "weightRadius") return { ok: false, field: "radius" };
  if (problem === "scoreSpread") return { ok: false, field: "scoreSpread" };
  return { ok: true, weights, scores };
}
