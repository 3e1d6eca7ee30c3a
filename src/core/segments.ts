/**
 * Rank within a segment: the same competition ranking and tolerance as the overall rank,
 * among the measures of one segment only.
 */
import type { MeasureResult } from "./assess";
import { rank } from "./rank";

export interface SegmentRank {
  rank: number | null;
  tied: boolean;
}

/** Ranks every measure among those with the same group key; measures without a key get no rank. */
export function rankWithin(
  measures: MeasureResult[],
  groupOf: (id: string) => string | undefined,
  tolerance: number,
  tieKeys: (m: MeasureResult) => (number | null)[] = () => [],
): Map<string, SegmentRank> {
  const out = new Map<string, SegmentRank>();
  const groups = new Map<string, MeasureResult[]>();
  for (const m of measures) {
    const g = groupOf(m.id);
    if (g === undefined) out.set(m.id, { rank: null, tied: false });
    else groups.set(g, [...(groups.get(g) ?? []), m]);
  }
  for (const members of groups.values()) {
    const slots = rank(
      members.map((m) => ({ total: m.total, keys: tieKeys(m) })),
      tolerance,
    );
    for (const s of slots) out.set(members[s.index].id, { rank: s.rank, tied: s.tied });
  }
  return out;
}
