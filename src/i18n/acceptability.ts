/**
 * Strings of the rank acceptability table in the presenter view, bokmål and English, same keys.
 * Imported only by the lazy Stabilitet code that builds the presenter's table.
 */
import { fill, type Lang } from "./format";

const nb = {
  "acc.title": "Hvor sikker er rangeringen",
  "acc.lead": "Sannsynlighet for hver plass i {draws} trekk; vekter: {weights}; scorer: {scores}. Mørkere = mer sannsynlig.",
  "acc.top": "Topp {top}",
  "acc.topCell": "{measure}: blant de {top} første i {percent} av trekkene",
  "acc.viewRanking": "Rangering",
  "acc.viewAcceptability": "Hvor sikker",
  "acc.rank": "Plass",
  "acc.measure": "Tiltak",
  "acc.cell": "{measure}: plass {place} i {percent} av trekkene",
};

type Key = keyof typeof nb;

const en: Record<Key, string> = {
  "acc.title": "How sure is the ranking",
  "acc.lead": "Probability of each place in {draws} draws; weights: {weights}; scores: {scores}. Darker = more likely.",
  "acc.top": "Top {top}",
  "acc.topCell": "{measure}: among the first {top} in {percent} of the draws",
  "acc.viewRanking": "Ranking",
  "acc.viewAcceptability": "How sure",
  "acc.rank": "Rank",
  "acc.measure": "Measure",
  "acc.cell": "{measure}: place {place} in {percent} of the draws",
};

export function ac(lang: Lang, key: Key, params: Record<string, string | number> = {}): string {
  return fill((lang === "nb" ? nb : en)[key], params);
}
