/**
 * Movement between two rankings as the views show it (the ranking's arrows, the what-if list, the
 * presenter): the ranks of an assessment by measure id, and who moved how far since the previous
 * ranks. Movement against a saved round is core/movement.ts. Pure.
 */
import type { Assessment } from "../core/assess";

/** The ranks of the measures that have one, by id. */
export function ranksOf(a: Assessment | undefined): Map<string, number> {
  const out = new Map<string, number>();
  for (const m of a?.measures ?? []) if (m.rank !== null) out.set(m.id, m.rank);
  return out;
}

/** How far each measure moved since the previous ranks (positive = up), only those that moved. */
export function rankMoves(previous: Map<string, number> | null, current: Map<string, number>): Map<string, { by: number; from: number }> {
  const out = new Map<string, { by: number; from: number }>();
  if (!previous) return out;
  for (const [id, r] of current) {
    const before = previous.get(id);
    if (before !== undefined && before !== r) out.set(id, { by: before - r, from: before });
  }
  return out;
}
