/** The shape both catalogs (nb, en) fill in. TypeScript makes them carry the same keys. */
import type { FindingCode, ParamValue } from "../core/findings";
import type { ModelProblemCode } from "../core/model-validate";

export interface Helpers {
  /** A number in the locale; "–" for null. */
  n(v: ParamValue | undefined, digits?: number): string;
  /** Up to two decimals, no trailing zeros. */
  short(v: ParamValue | undefined): string;
  /** Criterion labels for ids (short labels), joined as a list. */
  crit(ids: ParamValue | undefined): string;
  /** A list of plain strings: "a, b og c". */
  list(items: ParamValue | undefined): string;
  /** Quoted text: «…» in bokmål, “…” in English. */
  q(s: ParamValue | undefined): string;
}

export type Params = Record<string, ParamValue>;
export type FindingMessages = Record<FindingCode, (p: Params, h: Helpers) => string>;
export type ModelProblemMessages = Record<ModelProblemCode, (p: { at: string; detail: string }, h: Helpers) => string>;

/** «Kostnader (1 av 4) og Nytte (2 av 5)»: the groups of a few-scores finding with their counts. */
export function fewScoresList(p: Params, h: Helpers, of: string): string {
  const groups = Array.isArray(p.groups) ? p.groups.map(String) : [];
  const scored = Array.isArray(p.scored) ? p.scored : [];
  const count = Array.isArray(p.of) ? p.of : [];
  return h.list(groups.map((g, i) => `${h.crit(g)} (${scored[i]} ${of} ${count[i]})`));
}
