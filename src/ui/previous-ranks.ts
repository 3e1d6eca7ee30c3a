/**
 * The ranks before the last change of ranking, for the arrows when no saved round is the baseline:
 * kept by the pane itself (always mounted), so the ranking tab and the presenter show the same
 * movement whichever tab was open when the ranking changed (after *Bruk* on Modell, say). A new
 * assessment with the same ranks (a recompute after an unrelated edit) keeps the arrows; one with
 * other ranks makes the ranks before it the new comparison.
 */
import { useState } from "react";
import type { Assessment } from "../core/assess";
import { ranksOf } from "./movement";

/** Whether two rankings give every measure the same rank. */
export function sameRanks(a: Map<string, number>, b: Map<string, number>): boolean {
  if (a.size !== b.size) return false;
  for (const [id, r] of a) if (b.get(id) !== r) return false;
  return true;
}

export function usePreviousRanks(assessment: Assessment | undefined): Map<string, number> | null {
  const [track, setTrack] = useState<{ current: Assessment | undefined; ranks: Map<string, number>; previous: Map<string, number> | null }>(() => ({
    current: assessment,
    ranks: ranksOf(assessment),
    previous: null,
  }));
  if (track.current !== assessment) {
    // No assessment (loading, an error) keeps the last ranks: the arrows after it are against them.
    if (!assessment) return track.previous;
    const ranks = ranksOf(assessment);
    const next = { current: assessment, ranks, previous: sameRanks(ranks, track.ranks) ? track.previous : track.current ? track.ranks : null };
    setTrack(next);
    return next.previous;
  }
  return track.previous;
}
