/**
 * How a ranked list prints its totals so that rounding never makes a tie that is not there, nor
 * hides one that is: «19,4» for both 19,37 and 19,35 is a false tie; one list shows them as
 * 19,37 and 19,35. The rule, the same in every output (pane, presenter, Rangering sheet, deck,
 * CSV, command line):
 *
 * - The totals fall into runs as the ranking makes them (core/rank.ts): sorted from the highest, a
 *   run is its first total and every following total equal to it within the ranking's tolerance.
 *   A run is a real tie («6=»), and every total of a run prints the run's first value, so a tie is
 *   always one figure (also when float noise puts 19,349999… and 19,35 on either side of a
 *   rounding step).
 * - The whole list takes one number of decimals: the fewest, from `min` (1), at which the first
 *   values of every two neighbouring runs print differently. Rounding is monotone, so then no two
 *   different runs anywhere in the list print alike.
 *
 * Figures are compared as they are printed: {@link roundedDigits} rounds the shortest decimal that
 * reads back as the double (`String(x)`: 6.55, not 6.5499999999999998…) half away from zero, as
 * `Intl.NumberFormat` (the pane, the presenter, the deck) and Excel's number formats do; so 6,55
 * prints 6,6, where `toFixed` would say 6,5. Pure.
 */
import { DEFAULT_TOLERANCE } from "./model";
import { nearlyEqual } from "./rank";

export interface DisplayTotals {
  /** Decimals every total of the list is printed with. */
  decimals: number;
  /** The value to print for each total, in the input's order: the first value of its run (null stays null). */
  values: (number | null)[];
}

export interface DisplayTotalsOptions {
  /** The ranking's tolerance (the model's): totals equal within it are a tie. */
  tolerance?: number;
  /** The fewest decimals shown (1: «22,8»). */
  min?: number;
  /** The most decimals tried; reached only by totals closer than the tolerance allows for (e.g. a tolerance of 0). */
  max?: number;
}

/** The most decimals {@link displayTotals} ever uses by default: enough to tell any two totals apart that a tolerance of 1e-9 does not tie. */
export const MAX_TOTAL_DECIMALS = 12;

/**
 * The decimals and the printed value of each total of a list (any order; null = no total). See
 * the file's comment for the rule; e.g. [19.37, 19.35, 18.2] → 2 decimals; [22.75, 18.17, 18.17]
 * → 1 decimal (the tie prints one figure).
 */
export function displayTotals(totals: readonly (number | null)[], options: DisplayTotalsOptions = {}): DisplayTotals {
  const tolerance = options.tolerance ?? DEFAULT_TOLERANCE;
  const min = options.min ?? 1;
  const max = Math.max(min, options.max ?? MAX_TOTAL_DECIMALS);
  const order = totals
    .map((t, i) => ({ t, i }))
    .filter((e): e is { t: number; i: number } => e.t !== null && Number.isFinite(e.t))
    .sort((a, b) => b.t - a.t || a.i - b.i);
  const values: (number | null)[] = totals.map((t) => (t !== null && Number.isFinite(t) ? t : null));
  // Runs as the ranking makes them: each total joins the run whose first value it equals.
  const heads: number[] = [];
  for (const e of order) {
    const head = heads[heads.length - 1];
    if (head !== undefined && nearlyEqual(head, e.t, tolerance)) values[e.i] = head;
    else heads.push(e.t);
  }
  let decimals = min;
  while (decimals < max && !allDiffer(heads, decimals)) decimals++;
  return { decimals, values };
}

/** Whether every two neighbouring values print differently with `decimals` digits. */
function allDiffer(sorted: readonly number[], decimals: number): boolean {
  for (let k = 1; k < sorted.length; k++) if (roundedDigits(sorted[k - 1], decimals) === roundedDigits(sorted[k], decimals)) return false;
  return true;
}

/**
 * `x` with `decimals` digits after the point, as a plain string with «.» («6.6», «-0.3», «20.00000003»):
 * the shortest decimal that reads back as `x`, rounded half away from zero — the digits
 * `Intl.NumberFormat` prints. A zero result has no sign.
 */
export function roundedDigits(x: number, decimals: number): string {
  if (!Number.isFinite(x)) return String(x);
  const [mantissa, e] = String(Math.abs(x)).split("e");
  const [whole, fraction = ""] = mantissa.split(".");
  let digits = whole + fraction;
  // The decimal point sits after `point` digits.
  let point = whole.length + (e === undefined ? 0 : Number(e));
  if (point <= 0) {
    digits = "0".repeat(1 - point) + digits;
    point = 1;
  }
  if (digits.length < point) digits += "0".repeat(point - digits.length);
  const keep = point + decimals;
  if (digits.length <= keep) digits = digits.padEnd(keep, "0");
  else {
    const up = digits.charCodeAt(keep) >= 53; // the first dropped digit is 5 or more
    const kept = digits.slice(0, keep).split("").map(Number);
    if (up) {
      let k = kept.length - 1;
      while (k >= 0 && kept[k] === 9) kept[k--] = 0;
      if (k >= 0) kept[k]++;
      else {
        kept.unshift(1);
        point++;
      }
    }
    digits = kept.join("");
  }
  const sign = x < 0 && /[1-9]/.test(digits) ? "-" : "";
  const int = digits.slice(0, point).replace(/^0+(?=\d)/, "");
  return decimals > 0 ? `${sign}${int}.${digits.slice(point)}` : `${sign}${int}`;
}
