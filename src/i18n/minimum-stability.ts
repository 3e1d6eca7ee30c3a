/**
 * Wording of the minimum list's stability to the weights (src/core/selection-stability.ts), bokmål
 * first, shared by `prio sensitivity` and the task pane's Stabilitet view. Imported only by that
 * code (the pane's section is a lazy chunk). The English table carries exactly the same keys.
 */
import type { ListChange, ListInterval, NodeListStability } from "../core/selection-stability";
import { fill, formatList, type Lang } from "./format";
import { endWords, weightPrinter } from "./stability";

export const nbMinimumStability = {
  "min.both": "{group} kan veie fra {lower} til {upper} uten at minimumslisten endres",
  "min.open": "{group} kan veie fra {lower} og så høyt du vil uten at minimumslisten endres",
  "plus.both": "{group} kan veie fra {lower} til {upper} uten at plusslisten endres",
  "plus.open": "{group} kan veie fra {lower} og så høyt du vil uten at plusslisten endres",
  "change.both": "ved {at} kommer {enters} inn og {leaves} går ut",
  "change.enters": "ved {at} kommer {enters} inn",
  "change.leaves": "ved {at} går {leaves} ut",
  "change.minimumOnly": "ved {at} endres minimumslisten, mens plusslisten er den samme like etter",
  "and": ", og ",
  "end.min": "minimumslisten",
  "end.plus": "plusslisten",
  "zeroWeight": "{group} veier 0 nå og er ikke analysert.",
  "notLinear": "{group}: ikke beregnet. Noen tiltak mangler score ved siden av denne vekten, så listens sum er ikke en rett linje i vekten.",
  "incomplete": "{group}: ikke ferdig beregnet innen {solves} løsninger av utvalget.",
  "now": "Minimumslisten nå ({count}): {names}.",
  "plusNow": "Plusslisten nå ({count}): {names}.",
  "empty": "ingen",
  "nowSummary": "Minimumslisten nå: {count} tiltak",
  "plusSummary": "Plusslisten nå: {count} tiltak",
  "cli.heading": "Minimumslisten innenfor budsjettrammen",
  "cli.intro": "Hver vekt endres for seg, de andre står fast. Utvalget løses eksakt (HiGHS) i hver ende; ved to like gode lister gjelder den som velges nå.",
  "cli.failed": "Minimumslisten kan ikke beregnes ({status}); se «prio select» for hva som må rettes.",
  "pane.heading": "Hvor mye kan vektene endres før minimumslisten endres?",
  "pane.intro": "Minimumslisten er utvalget innenfor rammen (se Utvalg). Hver gruppevekt endres for seg, og utvalget løses eksakt i hver ende.",
  "pane.loading": "Regner ut minimumslisten …",
  "pane.failed": "Minimumslisten kunne ikke beregnes. Prøv igjen; skjer det igjen, lukk og åpne oppgaveruten.",
  "pane.infeasible": "Utvalget innenfor rammen kan ikke beregnes (se Utvalg), så minimumslistens stabilitet er ikke vist.",
} as const;

export type MinimumStabilityKey = keyof typeof nbMinimumStability;

export const enMinimumStability: Record<MinimumStabilityKey, string> = {
  "min.both": "{group} can weigh from {lower} to {upper} without the minimum list changing",
  "min.open": "{group} can weigh from {lower} upwards, without limit, without the minimum list changing",
  "plus.both": "{group} can weigh from {lower} to {upper} without the plus list changing",
  "plus.open": "{group} can weigh from {lower} upwards, without limit, without the plus list changing",
  "change.both": "at {at} {enters} comes in and {leaves} drops out",
  "change.enters": "at {at} {enters} comes in",
  "change.leaves": "at {at} {leaves} drops out",
  "change.minimumOnly": "at {at} the minimum list changes, while the plus list is the same just beyond",
  "and": ", and ",
  "end.min": "the minimum list",
  "end.plus": "the plus list",
  "zeroWeight": "{group} weighs 0 now and is not analysed.",
  "notLinear": "{group}: not computed. Some measures lack a score beside this weight, so a list's sum is not a straight line in the weight.",
  "incomplete": "{group}: not finished within {solves} solves of the selection.",
  "now": "The minimum list now ({count}): {names}.",
  "plusNow": "The plus list now ({count}): {names}.",
  "empty": "none",
  "nowSummary": "The minimum list now: {count} {count|measure|measures}",
  "plusSummary": "The plus list now: {count} {count|measure|measures}",
  "cli.heading": "The minimum list within the budget frame",
  "cli.intro": "Each weight changes on its own, the others stay fixed. The selection is solved exactly (HiGHS) at each end; of two equally good lists, the one chosen now counts.",
  "cli.failed": "The minimum list cannot be computed ({status}); see “prio select” for what to correct.",
  "pane.heading": "How much can the weights change before the minimum list changes?",
  "pane.intro": "The minimum list is the selection within the frame (see Selection). Each group weight changes on its own, and the selection is solved exactly at each end.",
  "pane.loading": "Computing the minimum list …",
  "pane.failed": "The minimum list could not be computed. Try again; if it happens again, close and reopen the task pane.",
  "pane.infeasible": "The selection within the frame cannot be computed (see Selection), so the minimum list's stability is not shown.",
};

const TABLE: Record<Lang, Record<MinimumStabilityKey, string>> = { nb: nbMinimumStability, en: enMinimumStability };

export function mst(lang: Lang, key: MinimumStabilityKey, params: Record<string, string | number> = {}): string {
  return fill(TABLE[lang][key], params);
}

type NameOf = (id: string) => string;

function changeClause(lang: Lang, at: number, c: ListChange, nameOf: NameOf, weight: (w: number) => string): string {
  const p = { at: weight(at), enters: formatList(lang, c.enters.map(nameOf)), leaves: formatList(lang, c.leaves.map(nameOf)) };
  if (c.enters.length && c.leaves.length) return mst(lang, "change.both", p);
  if (c.enters.length) return mst(lang, "change.enters", p);
  if (c.leaves.length) return mst(lang, "change.leaves", p);
  return mst(lang, "change.minimumOnly", p);
}

/**
 * «Nytte kan veie fra 0,6 til 1,4 uten at minimumslisten endres; ved 1,4 kommer DBEP inn og
 * Legevakt/ØHD går ut, og ved 0,6 …» (the plus list with `list` "plus"). Weights print with the
 * digits that tell them apart, and when the weight now (`now`) is an end, a sentence says so.
 */
export function listSentence(lang: Lang, group: string, i: ListInterval, nameOf: NameOf, list: "min" | "plus" = "min", now?: number): string {
  const print = weightPrinter(lang, [...(now === undefined ? [] : [now]), i.lower, ...(i.upper === null ? [] : [i.upper])]);
  const lower = print(i.lower);
  const head = i.upper === null ? mst(lang, `${list}.open`, { group, lower }) : mst(lang, `${list}.both`, { group, lower, upper: print(i.upper) });
  const clauses: string[] = [];
  if (i.upper !== null && i.atUpper) clauses.push(changeClause(lang, i.upper, i.atUpper, nameOf, print));
  if (i.atLower) clauses.push(changeClause(lang, i.lower, i.atLower, nameOf, print));
  const sentence = clauses.length ? `${head}; ${clauses.join(mst(lang, "and"))}.` : `${head}.`;
  return [sentence, ...(now === undefined ? [] : endWords(lang, now, i.lower, i.upper, mst(lang, `end.${list}`), print))].join(" ");
}

/** The lines for one node: the minimum list's sentence, and the plus list's when there is one; or why not. */
export function nodeLines(lang: Lang, group: string, n: NodeListStability, nameOf: NameOf): string[] {
  if (n.status !== "ok") {
    if (n.status === "zero-weight") return [mst(lang, "zeroWeight", { group })];
    if (n.status === "not-linear") return [mst(lang, "notLinear", { group })];
    return [mst(lang, "incomplete", { group, solves: n.solves })];
  }
  const out = [listSentence(lang, group, n.minimum, nameOf, "min", n.weight)];
  if (n.plus) out.push(listSentence(lang, group, n.plus, nameOf, "plus", n.weight));
  return out;
}

/** «Minimumslisten nå (9): A, B og C.» */
export function listNow(lang: Lang, key: "now" | "plusNow", ids: string[], nameOf: NameOf): string {
  return mst(lang, key, { count: ids.length, names: ids.length ? formatList(lang, ids.map(nameOf)) : mst(lang, "empty") });
}
