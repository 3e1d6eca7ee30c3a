/**
 * FLIP reordering: before an update, remember where every row was; after it, move each row back
 * to its old place with a transform and let a transition carry it to the new one. Nothing moves
 * when the reader asked for reduced motion.
 */
export type Positions = Map<string, number>;

export function measure(container: HTMLElement | null): Positions {
  const out: Positions = new Map();
  if (!container) return out;
  // offsetTop is the layout position, untouched by a transform still under way.
  for (const el of Array.from(container.querySelectorAll<HTMLElement>("[data-flip-id]"))) out.set(el.dataset.flipId!, el.offsetTop);
  return out;
}

export function reducedMotion(): boolean {
  return typeof matchMedia === "function" && matchMedia("(prefers-reduced-motion: reduce)").matches;
}

/** Plays the move from `before` to the rows' current places. Returns the number of rows animated. */
export function play(container: HTMLElement | null, before: Positions, ms = 450): number {
  if (!container || reducedMotion()) return 0;
  let n = 0;
  for (const el of Array.from(container.querySelectorAll<HTMLElement>("[data-flip-id]"))) {
    const was = before.get(el.dataset.flipId!);
    if (was === undefined) continue;
    const dy = was - el.offsetTop;
    if (Math.abs(dy) < 1) continue;
    n++;
    el.style.transition = "none";
    el.style.transform = `translateY(${dy}px)`;
    // Force the start position to be laid out before the transition back to 0.
    void el.offsetHeight;
    el.style.transition = `transform ${ms}ms ease-in-out`;
    el.style.transform = "";
  }
  return n;
}
