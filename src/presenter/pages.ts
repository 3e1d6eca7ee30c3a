/**
 * The presenter's pages: a long ranking is shown 15 rows at a time («1–15 av 40»), and the
 * several scorers' disagreements get pages of their own after it, so everything the presenter
 * offers is on screen at 1280×720 without scrolling. The keys a presentation clicker sends turn
 * the page (PgDn/PgUp, the arrow keys, space). Pure.
 */
import { TOP_ROWS } from "./fit";

/** Rows of the ranking on one page: the rows fit.ts fits to the window. */
export const PAGE_ROWS = TOP_ROWS;
/** Disagreement cells on one page (each a line, two when the scores are revealed, at 22 px). */
export const SCORER_CELLS = 8;

export type PresenterPage = { kind: "ranking" | "scorers" | "acceptability" | "funding"; from: number; to: number };

/** Pages of `count` items, `size` a page: at least one page (an empty list is one empty page). */
function split(kind: PresenterPage["kind"], count: number, size: number): PresenterPage[] {
  const out: PresenterPage[] = [];
  for (let from = 0; from < count || out.length === 0; from += size) out.push({ kind, from, to: Math.min(count, from + size) });
  return out;
}

/** The pages of the ranking view: the rows 15 at a time, then the scorers' cells (when several scorers are shown). */
export function rankingPages(rows: number, scorerCells: number | null): PresenterPage[] {
  return [...split("ranking", rows, PAGE_ROWS), ...(scorerCells === null ? [] : split("scorers", scorerCells, SCORER_CELLS))];
}

/** The pages of the rank acceptability view: its rows 15 at a time. */
export function acceptabilityPages(rows: number): PresenterPage[] {
  return split("acceptability", rows, PAGE_ROWS);
}

export type PageMove = "next" | "previous" | "first" | "last";

/**
 * What a key does: PgDn, →, ↓ and space go on (what clickers send for «next»), PgUp, ←, ↑ and
 * shift+space go back, Home and End to the ends. Anything else (and any key with Ctrl, Alt or
 * Meta) is not the presenter's.
 */
export function pageMove(e: { key: string; shiftKey?: boolean; ctrlKey?: boolean; altKey?: boolean; metaKey?: boolean }): PageMove | null {
  if (e.ctrlKey || e.altKey || e.metaKey) return null;
  switch (e.key) {
    case "PageDown":
    case "ArrowDown":
    case "ArrowRight":
      return "next";
    case " ":
    case "Spacebar":
      return e.shiftKey ? "previous" : "next";
    case "PageUp":
    case "ArrowUp":
    case "ArrowLeft":
      return "previous";
    case "Home":
      return "first";
    case "End":
      return "last";
    default:
      return null;
  }
}

/** The page after a move, within 0 … count − 1. */
export function turn(page: number, count: number, move: PageMove): number {
  const last = Math.max(0, count - 1);
  const at = Math.min(Math.max(0, page), last);
  if (move === "first") return 0;
  if (move === "last") return last;
  return Math.min(last, Math.max(0, at + (move === "next" ? 1 : -1)));
}

/** The pages of «Hvor sikker er minimumslisten»: the minimum list and then the challengers, 15 rows a page. */
export function fundingPages(rows: number): PresenterPage[] {
  return split("funding", rows, PAGE_ROWS);
}
