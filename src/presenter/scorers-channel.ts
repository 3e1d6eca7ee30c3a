/**
 * Several scorers on the projector: the *Vurderere* view (a lazy chunk) publishes the cells where
 * the scorers disagree, already in the display language, and whether the facilitator has revealed
 * the individual scores; the presenter button adds it to what it sends. A tiny store, no React.
 * Individual scores are hidden until revealed, in the pane and on the projector alike.
 */
import type { PresenterScorers } from "./protocol";

let shown: PresenterScorers | null = null;
let revealed = false;
const listeners = new Set<() => void>();

function changed(): void {
  for (const l of [...listeners]) l();
}

export function publishScorers(next: PresenterScorers | null): void {
  if (JSON.stringify(next) === JSON.stringify(shown)) return;
  shown = next;
  changed();
}

/** What the presenter shows: the panel with the individual scores left out unless revealed. */
export function currentScorers(): PresenterScorers | null {
  return shown;
}

export function scoresRevealed(): boolean {
  return revealed;
}

export function revealScores(on: boolean): void {
  if (on === revealed) return;
  revealed = on;
  changed();
}

export function subscribeScorers(listener: () => void): () => void {
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
  };
}
