/**
 * The what-if ranking the Modell view is showing, for the presenter view to follow: the panel
 * publishes it on every change and null when what-if ends. A tiny store, no React.
 */
import type { Assessment } from "../core/assess";

export interface WhatIfShown {
  /** The ranking under the weights in force (movement is against it). */
  inForce: Assessment;
  /** The ranking under the tried weights. */
  tried: Assessment;
}

let shown: WhatIfShown | null = null;
const listeners = new Set<() => void>();

export function publishWhatIf(next: WhatIfShown | null): void {
  if (next === shown) return;
  shown = next;
  for (const l of [...listeners]) l();
}

export function currentWhatIf(): WhatIfShown | null {
  return shown;
}

export function subscribeWhatIf(listener: () => void): () => void {
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
  };
}
