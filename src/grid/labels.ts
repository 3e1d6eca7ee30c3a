/**
 * Matching the labels people typed (row labels on a theme sheet, column headers of a table) to
 * the model's criteria. Exact after normalisation first (label, short label, English, aliases);
 * then a close word match that must be clearly better than the runner-up. Never a guess
 * between two criteria.
 */
import { allNodes, type Model } from "../core/model";
import { normalize, wordSimilarity } from "../core/text";

export type LabelRole = { kind: "node"; id: string } | { kind: "total" } | { kind: "rank" } | { kind: "unknown" };

const TOTAL_WORDS = ["score", "total", "totalscore", "sum", "poeng", "samlet score", "total score"];
const RANK_WORDS = ["rangering", "rang", "rank", "ranking", "prioritering", "prioriteringsnummer", "prioritet", "plass", "nr", "nummer"];

export interface LabelIndex {
  exact: Map<string, string>;
  entries: { id: string; forms: string[] }[];
}

export function labelIndex(model: Model): LabelIndex {
  const exact = new Map<string, string>();
  const entries: { id: string; forms: string[] }[] = [];
  for (const n of allNodes(model)) {
    const forms = [n.label.nb, n.label.en, n.short?.nb, n.short?.en, n.id, ...(n.aliases ?? [])].filter(
      (s): s is string => typeof s === "string" && s.trim() !== "",
    );
    for (const f of forms) if (!exact.has(normalize(f))) exact.set(normalize(f), n.id);
    entries.push({ id: n.id, forms });
  }
  return { exact, entries };
}

const FUZZY_MIN = 0.8;
const FUZZY_MARGIN = 0.1;

export function matchLabel(label: string, index: LabelIndex): LabelRole {
  const key = normalize(label);
  if (key === "") return { kind: "unknown" };
  const id = index.exact.get(key);
  if (id !== undefined) return { kind: "node", id };
  if (TOTAL_WORDS.includes(key)) return { kind: "total" };
  if (RANK_WORDS.includes(key)) return { kind: "rank" };

  let best = { id: "", s: 0 };
  let second = 0;
  for (const e of index.entries) {
    const s = Math.max(...e.forms.map((f) => wordSimilarity(label, f)));
    if (s > best.s) {
      second = best.s;
      best = { id: e.id, s };
    } else if (s > second) second = s;
  }
  if (best.s >= FUZZY_MIN && best.s - second >= FUZZY_MARGIN) return { kind: "node", id: best.id };
  return { kind: "unknown" };
}
