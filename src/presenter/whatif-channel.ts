/**
 * What-if weights outside any view: the weights being tried (null when what-if is off) and the
 * ranking they give, for the pane's views and the presenter view to follow. The weights live here,
 * not in the Modell view, so they survive a tab switch and a workbook edit; the what-if session
 * (a lazy chunk, mounted by the pane while what-if is on) re-ranks them on every new assessment
 * and publishes the result. A tiny store, no React, always loaded.
 *
 * For `useSyncExternalStore`, read {@link whatIfState} (a new object on every change) or
 * {@link whatIfEpoch} (a new number whenever what-if turns on or off), never a getter whose value
 * can come back (null, a boolean): React 18 can keep a stale snapshot of a component that also
 * updates its own state while rendering (the pane, the presenter button do), and a value that
 * flips back to that stale one is then taken for no change — the second what-if after «Bruk»
 * stayed dead until a tab switch (issue 16).
 */
import type { Assessment } from "../core/assess";

/** Tried weights by node id (only those that differ from the model need be present). */
export type TriedWeights = Record<string, number>;

export interface WhatIfShown {
  /** The ranking under the weights in force (movement is against it). */
  inForce: Assessment;
  /** The ranking under the tried weights. */
  tried: Assessment;
  /** Movement of the tried ranking against the one in force: positive = up, only those that moved. */
  moves?: Map<string, { by: number; from: number }>;
  /** The tried weights this ranking was made with. */
  weights?: TriedWeights;
  /** How many of them differ from the weights in force (0: nothing tried yet; the pane and the presenter show the ranking in force). */
  changes?: number;
}

/** Everything the channel holds; a new object on every change. */
export interface WhatIfState {
  weights: TriedWeights | null;
  shown: WhatIfShown | null;
}

let shown: WhatIfShown | null = null;
let weights: TriedWeights | null = null;
let state: WhatIfState = { weights, shown };
let epoch = 0;
const listeners = new Set<() => void>();

function changed(): void {
  const wasOn = state.weights !== null;
  state = { weights, shown };
  if (wasOn !== (weights !== null)) epoch++;
  for (const l of [...listeners]) l();
}

/** The channel's state: a new object on every change (a snapshot for useSyncExternalStore). */
export function whatIfState(): WhatIfState {
  return state;
}

/** Counts the times what-if turned on or off: odd while it is on. Never the same number twice, so a snapshot of it cannot look unchanged after a round trip. */
export function whatIfEpoch(): number {
  return epoch;
}

/** The what-if ranking to show (null when none): published by the what-if session. */
export function publishWhatIf(next: WhatIfShown | null): void {
  if (next === shown) return;
  shown = next;
  changed();
}

export function currentWhatIf(): WhatIfShown | null {
  return shown;
}

/** The weights being tried; null when what-if is off. */
export function currentTriedWeights(): TriedWeights | null {
  return weights;
}

export function whatIfOn(): boolean {
  return weights !== null;
}

/** Starts what-if from the weights in force (no-op when it is on already). */
export function startWhatIf(): void {
  if (weights !== null) return;
  weights = {};
  changed();
}

/** Tries one weight (starting what-if if it was off). */
export function tryWeight(id: string, weight: number): void {
  if (weights !== null && weights[id] === weight) return;
  weights = { ...(weights ?? {}), [id]: weight };
  changed();
}

/** Ends what-if («Forkast», or after «Bruk»): the tried weights are dropped and the presenter goes back. */
export function endWhatIf(): void {
  if (weights === null && shown === null) return;
  weights = null;
  shown = null;
  changed();
}

export function subscribeWhatIf(listener: () => void): () => void {
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
  };
}
