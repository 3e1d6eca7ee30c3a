/**
 * The comparison with rank order: what the list would be if the council went down the ranking and
 * stopped at the first measure that does not fit (forced measures first), set beside the exact
 * selection: its totals, what only one of the two holds, and where the line was drawn.
 */
import { SCORE_EPS, sum, totalsOf, type ListTotals, type Prepared } from "./selection-problem";
import { rankOrderAtRule } from "./selection-rules";

export interface GreedyComparison {
  /** Ids chosen by rank order (forced-in first, then down the ranking until a measure does not fit). */
  ids: string[];
  totals: ListTotals;
  /** In the exact selection, not in rank order. */
  onlyExact: string[];
  /** In rank order, not in the exact selection. */
  onlyGreedy: string[];
  /** The first measure in rank order that did not fit, where the line was drawn. */
  stoppedAt: string | null;
}

/** Rank order: forced measures first, then down the ranking until a measure does not fit. */
function greedy(pre: Prepared, budget: number): { chosen: Set<number>; stoppedAt: number | null } {
  const { items, adj, excluded } = pre;
  const chosen = new Set(pre.forcedClosure);
  const costOfSet = () => sum([...chosen].map((i) => items[i].cost ?? 0));
  const ranked = items
    .map((it, i) => ({ it, i }))
    .filter(({ it, i }) => it.score !== null && !chosen.has(i))
    .sort((a, b) => (b.it.score! - a.it.score! > SCORE_EPS ? 1 : a.it.score! - b.it.score! > SCORE_EPS ? -1 : (a.it.rank ?? Infinity) - (b.it.rank ?? Infinity) || a.i - b.i));
  for (const { i } of ranked) {
    if (excluded.has(i) || adj[i].some((j) => !chosen.has(j))) continue;
    // Either–or groups: skip a measure whose alternative is taken; a full at-most quota stops, like the frame.
    const atRule = rankOrderAtRule(pre.rows, chosen, i);
    if (atRule === "skip") continue;
    if (atRule === "stop") return { chosen, stoppedAt: i };
    const c = items[i].cost ?? 0;
    const segmentFull = pre.limits.some((l) => items[i].segment === l.segment && sum(l.members.filter((k) => chosen.has(k)).map((k) => items[k].cost ?? 0)) + c > l.cap);
    if (costOfSet() + c > budget || segmentFull) return { chosen, stoppedAt: i };
    chosen.add(i);
  }
  return { chosen, stoppedAt: null };
}

/** Rank order within `budget` beside the exact selection `selected` (indexes). */
export function greedyComparison(pre: Prepared, budget: number, selected: Set<number>): GreedyComparison {
  const { items } = pre;
  const g = greedy(pre, budget);
  return {
    ids: [...g.chosen].sort((a, b) => a - b).map((i) => items[i].id),
    totals: totalsOf(items, g.chosen),
    onlyExact: [...selected].filter((i) => !g.chosen.has(i)).sort((a, b) => a - b).map((i) => items[i].id),
    onlyGreedy: [...g.chosen].filter((i) => !selected.has(i)).sort((a, b) => a - b).map((i) => items[i].id),
    stoppedAt: g.stoppedAt === null ? null : items[g.stoppedAt].id,
  };
}
