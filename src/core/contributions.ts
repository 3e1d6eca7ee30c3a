/**
 * How much each top-level group adds to a measure's total: w·v under "sum", w·v / Σw (over the
 * groups of positive weight) under "mean". The contributions of a measure with a total add up to
 * that total exactly as aggregate.ts's totalOf computes it, with equal or unequal weights; a group
 * without a value or without positive weight contributes 0. One function for the slides' chart and
 * the Rangering table's contribution columns (and so the Excel chart beside it).
 */
import type { Model } from "./model";

export function groupContributions(model: Model, values: Record<string, number | null | undefined>): number[] {
  const counts = (w: number) => Number.isFinite(w) && w > 0;
  const den = model.total === "mean" ? model.criteria.filter((g) => counts(g.weight)).reduce((s, g) => s + g.weight, 0) : 1;
  return model.criteria.map((g) => {
    const v = values[g.id];
    if (typeof v !== "number" || !counts(g.weight) || den <= 0) return 0;
    return (g.weight * v) / den;
  });
}
