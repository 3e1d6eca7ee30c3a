/**
 * The rank acceptability result the Stabilitet view has for the ranking of the moment, for the
 * presenter view and the slides export: the view publishes it (with the presenter's table already
 * in the display language) whenever it has a current result. It stays after the view closes, and
 * applies only while the ranking it was drawn from is unchanged (`basis`). A tiny store, no React.
 */
import type { Assessment } from "../core/assess";
import type { UncertaintyOptions, UncertaintyResult } from "../core/uncertainty";
import type { PresenterAcceptability } from "./protocol";

export interface AcceptabilityShown {
  /** basisOf(the assessment the result was drawn from). */
  basis: string;
  result: UncertaintyResult;
  options: UncertaintyOptions;
  presenter: PresenterAcceptability;
}

let shown: AcceptabilityShown | null = null;
const listeners = new Set<() => void>();

/** The ranked measures with their totals: a result drawn from another ranking does not apply. */
export function basisOf(a: Assessment | undefined): string {
  return a ? a.measures.map((m) => `${m.id}:${m.rank ?? ""}:${m.total ?? ""}`).join("|") : "";
}

export function publishAcceptability(next: AcceptabilityShown | null): void {
  if (next === shown) return;
  shown = next;
  for (const l of [...listeners]) l();
}

export function currentAcceptability(): AcceptabilityShown | null {
  return shown;
}

/** The published result when it was drawn from this ranking; null otherwise. */
export function acceptabilityFor(a: Assessment | undefined): AcceptabilityShown | null {
  return shown && a && shown.basis === basisOf(a) ? shown : null;
}

export function subscribeAcceptability(listener: () => void): () => void {
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
  };
}
