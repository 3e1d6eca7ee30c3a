/**
 * Fitting the projector's top rows into the window, whatever the names: the row font is a CSS
 * variable (`--row-font`) chosen after layout. The largest font between a floor and a large size
 * at which the last row to show (the 15th, or the last when there are fewer) ends inside the
 * window; names are clamped (two lines, then one) only when no font at or above the floor fits
 * them whole, and then at the floor, where the clamped lines hold the most of each name.
 * Measured in the page before it is painted, so nothing flickers.
 */

/** How many rows must be on screen: the top 15 (or every row when fewer). */
export const TOP_ROWS = 15;

/** How many lines a name may take: 0 = all it needs, else at most that many (the full name stays in title and text). */
export type Clamp = 0 | 2 | 1;

export interface Fit {
  font: number;
  clamp: Clamp;
  /** The row at `font`/`clamp` ends inside the window (false only when nothing fits, e.g. a tiny window). */
  fits: boolean;
}

/** Row font sizes for a window: at 1280×720 from 40 px down to 22 px; larger screens scale both up, smaller ones down (not below 14 px). */
export function fontRange(width: number, height: number): { floor: number; max: number } {
  const scale = Math.min(width / 1280, height / 720);
  const floor = Math.max(14, Math.floor(22 * scale));
  return { floor, max: Math.max(floor, Math.floor(40 * scale)) };
}

/**
 * Whole names: the largest whole-pixel font in [floor, max] for which `fits(font, 0)` holds.
 * `fits` must be monotone in the font (a larger font never makes rows shorter), so this is a
 * binary search: O(log(max − floor)) layouts. When whole names do not fit even at the floor, the
 * floor with names clamped to two lines, else to one (the most of each name that can be shown).
 */
export function chooseFit(floor: number, max: number, fits: (font: number, clamp: Clamp) => boolean, previous?: Fit | null): Fit {
  // A new ranking of the same names usually fits as the last one did: two layouts confirm it.
  if (previous && previous.fits && previous.clamp === 0 && previous.font >= floor && previous.font <= max) {
    if (fits(previous.font, 0) && (previous.font === max || !fits(previous.font + 1, 0))) return previous;
  }
  for (const clamp of [0, 2, 1] as const) {
    if (!fits(floor, clamp)) continue;
    if (clamp !== 0) return { font: floor, clamp, fits: true };
    let lo = floor; // fits
    let hi = max + 1; // treated as not fitting
    while (hi - lo > 1) {
      const mid = (lo + hi) >> 1;
      if (fits(mid, clamp)) lo = mid;
      else hi = mid;
    }
    return { font: lo, clamp, fits: true };
  }
  return { font: floor, clamp: 1, fits: false };
}

/**
 * Lays out the presenter at the best fit: sets `--row-font` and `data-clamp` on `root` and
 * returns the choice. The bottom of the last row to show is read from offsets (a FLIP transform
 * under way does not count) against the window's height.
 */
export function fitRows(
  root: HTMLElement,
  list: HTMLElement,
  win: { innerWidth: number; innerHeight: number } = window,
  previous?: Fit | null,
  /** The largest font allowed (the last page of a paged list keeps the font of a full page); never below the floor. */
  cap?: number | null,
): Fit | null {
  const rows = list.children;
  const n = Math.min(TOP_ROWS, rows.length);
  if (n === 0) return null;
  const last = rows[n - 1] as HTMLElement;
  const range = fontRange(win.innerWidth, win.innerHeight);
  const floor = range.floor;
  const max = cap ? Math.max(floor, Math.min(range.max, cap)) : range.max;
  const apply = (font: number, clamp: Clamp) => {
    root.style.setProperty("--row-font", `${font}px`);
    if (clamp) root.dataset.clamp = String(clamp);
    else delete root.dataset.clamp;
  };
  const bottom = () => {
    // The list's own top plus the row's place in it: layout positions, not transformed boxes.
    const listTop = list.getBoundingClientRect().top;
    return listTop + last.offsetTop - list.offsetTop + last.offsetHeight;
  };
  const fit = chooseFit(
    floor,
    max,
    (font, clamp) => {
      apply(font, clamp);
      // Offsets are whole pixels and the layout is not: a pixel to spare keeps the row inside.
      return bottom() <= win.innerHeight - 1;
    },
    previous,
  );
  apply(fit.font, fit.clamp);
  return fit;
}
