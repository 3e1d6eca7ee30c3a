/**
 * The score bar of a ranked row (the task pane's ranking, the presenter): how much of it a total
 * fills. Pure.
 */

/** Share of the bar: where the total sits between the lowest and highest possible totals, 0–1. */
export function barShare(total: number, min: number, max: number): number {
  if (!(max > min)) return 0;
  return Math.min(1, Math.max(0, (total - min) / (max - min)));
}
