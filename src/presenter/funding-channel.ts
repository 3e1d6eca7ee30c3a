/**
 * The funding probabilities the Utvalg view has for the ranking of the moment, for the presenter's
 * page «Hvor sikker er minimumslisten» and the slide: the view publishes them (the presenter's page
 * already in the display language) when a run is done, and withdraws them when its frames, choices
 * or scores change. They apply only while the ranking they were drawn from is unchanged (`basis`,
 * as acceptability-channel.ts). A tiny store, no React.
 */
import type { Assessment } from "../core/assess";
import type { FundingBasis } from "../export/funding-table";
import { basisOf } from "./acceptability-channel";
import type { PresenterFunding } from "./protocol";

export interface FundingShown {
  /** basisOf(the assessment the result was drawn from). */
  basis: string;
  /** The result with the lists now and the frames, for the slide (built in the deck's language). */
  funding: FundingBasis;
  presenter: PresenterFunding;
}

let shown: FundingShown | null = null;
const listeners = new Set<() => void>();

export function publishFunding(next: FundingShown | null): void {
  if (next === shown) return;
  shown = next;
  for (const l of [...listeners]) l();
}

export function currentFunding(): FundingShown | null {
  return shown;
}

/** The published result when it was drawn from this ranking; null otherwise. */
export function fundingFor(a: Assessment | undefined): FundingShown | null {
  return shown && a && shown.basis === basisOf(a) ? shown : null;
}

export function subscribeFunding(listener: () => void): () => void {
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
  };
}
