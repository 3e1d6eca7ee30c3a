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

/**
 * Plays the move from `before` to the rows' current places. Returns the number of rows animated.
 * Reads every place first, then writes: one layout for the whole list, not one per row.
 */
export function play(container: HTMLElement | null, before: Positions, ms = 450): number {
  if (!container || reducedMotion()) return 0;
  const moved: { el: HTMLElement; dy: number }[] = [];
  for (const el of Array.from(container.querySelectorAll<HTMLElement>("[data-flip-id]"))) {
    const was = before.get(el.dataset.flipId!);
    if (was === undefined) continue;
    const dy = was - el.offsetTop;
    if (Math.abs(dy) >= 1) moved.push({ el, dy });
  }
  if (moved.length === 0) return 0;
  for (const { el, dy } of moved) {
    el.style.transition = "none";
    el.style.transform = `translateY(${dy}px)`;
  }
  // Lay the start positions out once, before the transitions back to 0.
  void container.offsetHeight;
  for (const { el } of moved) {
    el.style.transition = `transform ${ms}ms ease-in-out`;
    el.style.transform = "";
  }
  return moved.length;
}
