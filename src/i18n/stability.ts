/**
 * Wording of the stability analyses (weight intervals, Monte Carlo), bokmål first, shared by the
 * command line and the task pane. The English table must carry exactly the same keys.
 */
import type { CutInterval, Swap, WeightInterval } from "../core/sensitivity";
import type { ScoreDraw, WeightDraw } from "../core/uncertainty";
import { fill, formatList, formatShort, type Lang } from "./format";

export const nbStability = {
  "interval.both": "{group} kan veie fra {lower} til {upper} uten at noen plass endres",
  "interval.open": "{group} kan veie fra {lower} og så høyt du vil uten at noen plass endres",
  "interval.blocked": "{group} veier 0 nå, og med en positiv vekt endres rangeringen med en gang",
  "interval.swap": "ved {at} går {below} forbi {above}",
  "interval.and": ", og ",
  "interval.smallest": "Minste endring som bytter to tiltak: {delta} (fra {weight} til {at}).",
  "interval.none": "Ingen vekt av {group} bytter om to tiltak.",
  "interval.tied": "Står likt nå og teller ikke: {pairs}.",
  "interval.zero": "Med vekt 0 regnes {group} ikke med, og det endrer hvilke tiltak som har en total: {names}.",
  "cut.both": "Topp {top}: {group} kan veie fra {lower} til {upper} uten at noen går inn i eller ut av topp {top}",
  "cut.open": "Topp {top}: {group} kan veie fra {lower} og så høyt du vil uten at noen går inn i eller ut av topp {top}",
  "cut.blocked": "Topp {top}: {group} veier 0 nå, og med en positiv vekt endres topp {top} med en gang",
  "cut.cross": "ved {at} kommer {below} inn og {above} går ut",
  "pair": "{a} og {b}",
  "end.upper": "Vekten nå, {weight}, er den øvre enden: enhver økning endrer {what}.",
  "end.lower": "Vekten nå, {weight}, er den nedre enden: enhver senkning endrer {what}.",
  "end.ranking": "rangeringen",
  "end.top": "topp {top}",

  "cli.sensitivity.title": "Hvor stabil er rangeringen – {file}",
  "cli.sensitivity.intro": "Hver vekt endres for seg, de andre står fast. Intervallet er eksakt (ikke prøvd ut).",
  "cli.sensitivity.weight": "{group} (vekt nå {weight})",
  "cli.sensitivity.usage":
    "Bruk: prio sensitivity <fil.xlsx> [--top N] [--all] [--json] [--lang nb|en]\n\nsensitivity  for hver gruppevekt: hvor langt den kan endres før to tiltak bytter plass\n             med budsjettramme på Modell: også hvor langt hver vekt kan endres før\n             minimums- og plusslisten endres\n--top N      også: hvilken vektendring som først flytter et tiltak inn i eller ut av topp N\n--all        alle vekter i treet, ikke bare gruppene øverst\n--json       skriver ett JSON-objekt i stedet for tekst",
  "cli.uncertainty.title": "Hvor sikker er rangeringen – {file}",
  "cli.uncertainty.setup": "{draws} trekninger (frø {seed}); vekter: {weights}; scorer: {scores}.",
  "cli.uncertainty.weightsRelative": "hver vekt ±{percent}",
  "cli.uncertainty.weightsSimplex": "gruppenes andeler jevnt fordelt over alle mulige",
  "cli.uncertainty.weightsNone": "som nå",
  "cli.uncertainty.scoresUniform": "hver score ±{spread} på skalaen",
  "cli.uncertainty.scoresNone": "som nå",
  "cli.uncertainty.col.top": "Topp {top}",
  "cli.uncertainty.col.likely": "Oftest",
  "cli.uncertainty.col.places": "Sannsynlighet for plass 1, 2, … i prosent",
  "cli.uncertainty.likely": "plass {place} ({percent})",
  "cli.uncertainty.note": "Plass = rangen nå. Tiltak uten total er ikke med ({count}).",
  "cli.uncertainty.usage":
    "Bruk: prio uncertainty <fil.xlsx> [--draws N] [--seed S] [--top N] [--weights P|simplex[:R]|none] [--spread X|none] [--pairwise] [--json] [--lang nb|en]\n\nuncertainty  trekker vekter og scorer mange ganger og teller hvor ofte hvert tiltak får hver plass\n--draws N    antall trekninger (standard 10000)\n--seed S     frø for tilfeldige tall; samme frø gir samme svar (standard 1)\n--top N      sannsynligheten for å være blant de N første (standard 5)\n--weights    hver vekt ±P prosent (standard 20), simplex (gruppenes andeler helt fritt), simplex:R (R prosent av vekten fordeles fritt, resten som nå) eller none\n--spread     hver score ±X på skalaen (standard 1) eller none\n--pairwise   også hvem som slår hvem: de jevneste motstanderne for hvert tiltak\n--json       skriver ett JSON-objekt i stedet for tekst",
  "cli.error.draws": "--draws må være et helt tall fra 1 til 10000000",
  "cli.error.seed": "--seed må være et helt tall fra 0 til 4294967295",
  "cli.error.top": "--top må være et helt tall fra 1 og oppover",
  "cli.error.weights": "--weights må være en prosent fra 0 til under 100, simplex, simplex:R med R fra over 0 til 100, eller none",
  "cli.error.spread": "--spread må være et tall fra 0 og oppover, eller none",
  "cli.error.value": "{option} mangler en verdi",
  "cli.error.noRanked": "Ingen tiltak i {file} har en total, så det er ingen rangering å analysere.",

  "pane.intervalsHeading": "Hvor mye kan vektene endres?",
  "pane.intervalsIntro": "Hver gruppevekt endres for seg mens de andre står fast.",
  "pane.loading": "Regner ut …",
  "pane.uncertaintyHeading": "Hvor sikker er hver plass?",
  "pane.run": "Beregn usikkerhet",
  "pane.cancel": "Avbryt",
  "pane.progress": "{done} av {total} trekninger",
  "pane.cancelled": "Avbrutt. Velg «Beregn usikkerhet» for å regne ut på nytt.",
  "pane.failed": "Beregningen stoppet uventet. Prøv igjen; skjer det igjen, lukk og åpne oppgaveruten.",
  "pane.stale": "Tallene under er fra en tidligere beregning (før siste endring av rangeringen eller av valgene).",
  "pane.draws": "Trekninger",
  "pane.colPlace": "Nå",
  "pane.colMeasure": "Tiltak",
  "pane.colTop": "Topp {top}",
  "pane.tableCaption": "Sannsynlighet i prosent for hver plass (kolonne) for hvert tiltak (rad); 0: aldri i noen trekning, <1: i under 1 av 100. Mørkere felt betyr høyere sannsynlighet, og rammen viser plassen nå.",
  "pane.cell": "{measure}: plass {place} med {percent}",
  "pane.noRanked": "Ingen tiltak har en total ennå, så det er ingen rangering å analysere.",
  "pane.allNodes": "Vis alle vekter i treet",
  "cli.uncertainty.weightsAround": "gruppenes andeler trukket jevnt rundt andelene nå (hver gruppe beholder minst {keep} av sin andel, {radius} fordeles tilfeldig)",
  "cli.uncertainty.pairwiseTitle": "Hvem slår hvem – for hvert tiltak de jevneste motstanderne og sjansen for å stå foran hver av dem:",
  "cli.uncertainty.rivals": "{name} står foran {rivals}",
  "cli.uncertainty.rival": "{name} i {percent}",
  "cli.uncertainty.rivalTie": "{name} i {percent} (likt i {tie})",
  "cli.uncertainty.noRival": "{name}: ingen jevn motstander – står foran {ahead} og bak {behind} i hver trekning",
  "pane.weights": "Vekter",
  "pane.weightsRelative": "Hver vekt ± prosent",
  "pane.weightsSimplex": "Rundt vektene nå",
  "pane.weightsNone": "Som nå",
  "pane.weightSpread": "Vekter ± %",
  "pane.radius": "Fritt fordelt %",
  "pane.radiusHint": "Hver gruppe beholder minst resten av sin andel; 100 = helt fritt.",
  "pane.scores": "Scorer",
  "pane.scoresUniform": "Hver score ±",
  "pane.scoresNone": "Som nå",
  "pane.scoreSpread": "Scorer ± på skalaen",
  "pane.error.weightSpread": "«Vekter ± %» må være et tall fra 0 til under 100.",
  "pane.error.radius": "«Fritt fordelt %» må være et tall over 0 og høyst 100.",
  "pane.error.scoreSpread": "«Scorer ± på skalaen» må være et tall fra 0 og oppover.",
  "pane.uncertaintySetup": "{draws} trekninger; vekter: {weights}; scorer: {scores}. Tallene er sannsynligheten i prosent for hver plass.",
  "pane.pairwiseHeading": "Hvem slår hvem?",
  "pane.pairwiseCaption": "Sannsynlighet i prosent for at tiltaket i raden står foran tiltaket i kolonnen. Kolonnene er de samme tiltakene i samme rekkefølge, merket med plassen nå. Står de likt, står ingen foran; da blir de to feltene til sammen under 100.",
  "pane.pairwiseCell": "{a} står foran {b} i {percent} av trekningene",
  "pane.pairwiseCellTie": "{a} står foran {b} i {percent} av trekningene og likt i {tie}",
  "pane.pairwiseFirst": "De {shown} første av {count} tiltak.",
  "pane.colPosition": "Plass nå: {rank}",
  "model.weightsRelative":
    "Vekter: i hver trekning ganges hver vekt i treet – gruppene og hvert spørsmål under dem – med sin egen faktor, trukket jevnt og uavhengig mellom {low} og {high} (1 − {percent} og 1 + {percent}). En vekt på 0 forblir 0.",
  "model.weightsSimplex": "Vekter: i hver trekning trekkes gruppenes andeler jevnt blant alle mulige andeler; vektene under gruppene er som nå.",
  "model.weightsAround":
    "Vekter: i hver trekning trekkes gruppenes andeler jevnt rundt andelene nå: hver gruppe beholder minst {keep} av sin andel, og {radius} av helheten fordeles tilfeldig; vektene under gruppene er som nå.",
  "model.weightsNone": "Vekter: som nå i hver trekning.",
  "model.scoresUniform":
    "Scorer: i hver trekning får hver gyldig score lagt til sitt eget tall, trukket jevnt og uavhengig mellom −{spread} og +{spread} (i 65 536 like trinn), og summen holdes innenfor skalaen. Tomme celler og celler som ikke er scorer, forblir utenfor, så hver trekning rangerer de samme tiltakene.",
  "model.scoresNone": "Scorer: som de står i hver trekning.",
} as const;

export type StabilityKey = keyof typeof nbStability;

export const enStability: Record<StabilityKey, string> = {
  "interval.both": "{group} can weigh from {lower} to {upper} without any place changing",
  "interval.open": "{group} can weigh from {lower} upwards, without limit, without any place changing",
  "interval.blocked": "{group} weighs 0 now, and any positive weight changes the ranking at once",
  "interval.swap": "at {at} {below} passes {above}",
  "interval.and": ", and ",
  "interval.smallest": "Smallest change that swaps two measures: {delta} (from {weight} to {at}).",
  "interval.none": "No weight of {group} swaps two measures.",
  "interval.tied": "Tied now, so not counted: {pairs}.",
  "interval.zero": "At weight 0 {group} no longer counts, which changes which measures have a total: {names}.",
  "cut.both": "Top {top}: {group} can weigh from {lower} to {upper} without any measure entering or leaving the top {top}",
  "cut.open": "Top {top}: {group} can weigh from {lower} upwards, without limit, without any measure entering or leaving the top {top}",
  "cut.blocked": "Top {top}: {group} weighs 0 now, and any positive weight changes the top {top} at once",
  "cut.cross": "at {at} {below} comes in and {above} drops out",
  "pair": "{a} and {b}",
  "end.upper": "The weight now, {weight}, is the upper end: any increase changes {what}.",
  "end.lower": "The weight now, {weight}, is the lower end: any decrease changes {what}.",
  "end.ranking": "the ranking",
  "end.top": "the top {top}",

  "cli.sensitivity.title": "How stable is the ranking – {file}",
  "cli.sensitivity.intro": "Each weight changes on its own, the others stay fixed. The intervals are exact (not sampled).",
  "cli.sensitivity.weight": "{group} (weight now {weight})",
  "cli.sensitivity.usage":
    "Usage: prio sensitivity <file.xlsx> [--top N] [--all] [--json] [--lang nb|en]\n\nsensitivity  for every group weight: how far it can change before two measures swap places\n             with a budget frame on Modell: also how far each weight can change before\n             the minimum and plus lists change\n--top N      also: which weight change first moves a measure into or out of the top N\n--all        every weight of the tree, not only the top-level groups\n--json       prints one JSON object instead of text",
  "cli.uncertainty.title": "How certain is the ranking – {file}",
  "cli.uncertainty.setup": "{draws} draws (seed {seed}); weights: {weights}; scores: {scores}.",
  "cli.uncertainty.weightsRelative": "each weight ±{percent}",
  "cli.uncertainty.weightsSimplex": "the groups' shares spread evenly over all possible",
  "cli.uncertainty.weightsNone": "as now",
  "cli.uncertainty.scoresUniform": "each score ±{spread} on the scale",
  "cli.uncertainty.scoresNone": "as now",
  "cli.uncertainty.col.top": "Top {top}",
  "cli.uncertainty.col.likely": "Most often",
  "cli.uncertainty.col.places": "Probability of place 1, 2, … in per cent",
  "cli.uncertainty.likely": "place {place} ({percent})",
  "cli.uncertainty.note": "Place = the rank now. Measures without a total take no part ({count}).",
  "cli.uncertainty.usage":
    "Usage: prio uncertainty <file.xlsx> [--draws N] [--seed S] [--top N] [--weights P|simplex[:R]|none] [--spread X|none] [--pairwise] [--json] [--lang nb|en]\n\nuncertainty  draws weights and scores many times and counts how often each measure takes each place\n--draws N    number of draws (default 10000)\n--seed S     seed of the random numbers; the same seed gives the same answer (default 1)\n--top N      the probability of being among the first N (default 5)\n--weights    each weight ±P per cent (default 20), simplex (the groups' shares entirely free), simplex:R (R per cent of the weight spread freely, the rest as now) or none\n--spread     each score ±X on the scale (default 1) or none\n--pairwise   also who beats whom: the closest rivals of each measure\n--json       prints one JSON object instead of text",
  "cli.error.draws": "--draws must be a whole number from 1 to 10000000",
  "cli.error.seed": "--seed must be a whole number from 0 to 4294967295",
  "cli.error.top": "--top must be a whole number from 1 upwards",
  "cli.error.weights": "--weights must be a percentage from 0 to below 100, simplex, simplex:R with R above 0 up to 100, or none",
  "cli.error.spread": "--spread must be a number from 0 upwards, or none",
  "cli.error.value": "{option} needs a value",
  "cli.error.noRanked": "No measure in {file} has a total, so there is no ranking to analyse.",

  "pane.intervalsHeading": "How much can the weights change?",
  "pane.intervalsIntro": "Each group weight changes on its own while the others stay fixed.",
  "pane.loading": "Computing …",
  "pane.uncertaintyHeading": "How certain is each place?",
  "pane.run": "Compute uncertainty",
  "pane.cancel": "Cancel",
  "pane.progress": "{done} of {total} draws",
  "pane.cancelled": "Cancelled. Choose “Compute uncertainty” to run it again.",
  "pane.failed": "The computation stopped unexpectedly. Try again; if it happens again, close and reopen the task pane.",
  "pane.stale": "The figures below are from an earlier run (before the last change of the ranking or of the choices).",
  "pane.draws": "Draws",
  "pane.colPlace": "Now",
  "pane.colMeasure": "Measure",
  "pane.colTop": "Top {top}",
  "pane.tableCaption": "Probability in per cent of each place (column) for each measure (row); 0: never in any draw, <1: in fewer than 1 in 100. Darker cells mean a higher probability, and the frame marks the place now.",
  "pane.cell": "{measure}: place {place} with {percent}",
  "pane.noRanked": "No measure has a total yet, so there is no ranking to analyse.",
  "pane.allNodes": "Show every weight of the tree",
  "cli.uncertainty.weightsAround": "the groups' shares drawn evenly around the shares now (each group keeps at least {keep} of its share, {radius} is spread at random)",
  "cli.uncertainty.pairwiseTitle": "Who beats whom – for each measure the closest rivals and the chance of standing before each:",
  "cli.uncertainty.rivals": "{name} stands before {rivals}",
  "cli.uncertainty.rival": "{name} in {percent}",
  "cli.uncertainty.rivalTie": "{name} in {percent} (level in {tie})",
  "cli.uncertainty.noRival": "{name}: no close rival – before {ahead} and behind {behind} in every draw",
  "pane.weights": "Weights",
  "pane.weightsRelative": "Each weight ± per cent",
  "pane.weightsSimplex": "Around the weights now",
  "pane.weightsNone": "As now",
  "pane.weightSpread": "Weights ± %",
  "pane.radius": "Spread freely %",
  "pane.radiusHint": "Each group keeps at least the rest of its share; 100 = entirely free.",
  "pane.scores": "Scores",
  "pane.scoresUniform": "Each score ±",
  "pane.scoresNone": "As now",
  "pane.scoreSpread": "Scores ± on the scale",
  "pane.error.weightSpread": "“Weights ± %” must be a number from 0 to below 100.",
  "pane.error.radius": "“Spread freely %” must be a number above 0 and at most 100.",
  "pane.error.scoreSpread": "“Scores ± on the scale” must be a number from 0 upwards.",
  "pane.uncertaintySetup": "{draws} draws; weights: {weights}; scores: {scores}. The numbers are the probability in per cent of each place.",
  "pane.pairwiseHeading": "Who beats whom?",
  "pane.pairwiseCaption": "Probability in per cent that the measure of the row stands before the measure of the column. The columns are the same measures in the same order, marked with their place now. When two are level, neither stands before the other; then the two cells add up to less than 100.",
  "pane.pairwiseCell": "{a} stands before {b} in {percent} of the draws",
  "pane.pairwiseCellTie": "{a} stands before {b} in {percent} of the draws and level in {tie}",
  "pane.pairwiseFirst": "The first {shown} of {count} measures.",
  "pane.colPosition": "Place now: {rank}",
  "model.weightsRelative":
    "Weights: in each draw every weight in the tree – the groups and every question under them – is multiplied by its own factor, drawn uniformly and independently between {low} and {high} (1 − {percent} and 1 + {percent}). A weight of 0 stays 0.",
  "model.weightsSimplex": "Weights: in each draw the groups' shares are drawn uniformly from all possible shares; the weights below the groups are as now.",
  "model.weightsAround":
    "Weights: in each draw the groups' shares are drawn uniformly around the shares now: every group keeps at least {keep} of its share, and {radius} of the whole is spread at random; the weights below the groups are as now.",
  "model.weightsNone": "Weights: as now in every draw.",
  "model.scoresUniform":
    "Scores: in each draw every valid score gets its own amount added, drawn uniformly and independently between −{spread} and +{spread} (in 65,536 equal steps), and the sum is kept within the scale. Blank cells and cells that are not scores stay left out, so every draw ranks the same measures.",
  "model.scoresNone": "Scores: as they stand in every draw.",
};

const TABLE: Record<Lang, Record<StabilityKey, string>> = { nb: nbStability, en: enStability };

export function st(lang: Lang, key: StabilityKey, params: Record<string, string | number> = {}): string {
  return fill(TABLE[lang][key], params);
}

/** A weight as people read it: up to two decimals, in the locale (0,78 · 1,5 · 2). */
export const weightText = (lang: Lang, w: number): string => formatShort(lang, w, 2);

/** The most decimals a weight is printed with (two weights closer than this are the same weight in words). */
const MAX_WEIGHT_DECIMALS = 9;

/**
 * Weights of one sentence printed with the digits that tell them apart: up to two decimals as
 * usual, more only where two different weights of the sentence would print alike («fra 0,998 til
 * 1», not «fra 1 til 1»), or a change that is not 0 would print as 0 («+0,004», not «+0»).
 */
export function weightPrinter(lang: Lang, values: readonly number[]): (w: number) => string {
  const distinct = [...new Set(values.filter((v) => Number.isFinite(v)))];
  let digits = 2;
  const apart = (d: number) => {
    const seen = new Map<string, number>();
    for (const v of distinct) {
      const text = formatShort(lang, v, d);
      if (v !== 0 && /^-?0$/.test(text)) return false;
      if (seen.has(text)) return false;
      seen.set(text, v);
    }
    return true;
  };
  while (digits < MAX_WEIGHT_DECIMALS && !apart(digits)) digits++;
  return (w) => formatShort(lang, w, digits);
}

/** Whether the weight now is (within the ranking's tolerance) this end of its interval. */
export const atEnd = (weight: number, end: number | null): boolean => end !== null && Math.abs(end - weight) <= 1e-9 * Math.max(1, Math.abs(weight));

/** «Vekten nå, 1, er den øvre enden: enhver økning endrer rangeringen.» when the weight now is an end; else nothing. */
export function endWords(lang: Lang, weight: number, lower: number, upper: number | null, what: string, print: (w: number) => string): string[] {
  const out: string[] = [];
  if (weight > 0 && atEnd(weight, lower)) out.push(st(lang, "end.lower", { weight: print(weight), what }));
  if (atEnd(weight, upper)) out.push(st(lang, "end.upper", { weight: print(weight), what }));
  return out;
}

type NameOf = (id: string) => string;

const swapClause = (lang: Lang, s: Swap, nameOf: NameOf, key: "interval.swap" | "cut.cross", print: (w: number) => string): string =>
  st(lang, key, { at: print(s.at), below: nameOf(s.below), above: nameOf(s.above) });

/**
 * «Nytte kan veie fra 0,75 til 1,07 uten at noen plass endres; ved 1,07 går A forbi B, og ved 0,75 går C forbi D.»
 * Followed by «Vekten nå, 1, er den øvre enden: …» when the weight now is an end of the interval.
 */
export function intervalSentence(lang: Lang, group: string, i: WeightInterval, nameOf: NameOf): string {
  if (i.weight === 0 && i.upper === 0) return `${st(lang, "interval.blocked", { group })}.`;
  const swapsAt = [i.upperSwap, i.lowerSwap].filter((s): s is Swap => s !== null);
  const print = weightPrinter(lang, [i.weight, i.lower, ...(i.upper === null ? [] : [i.upper]), ...swapsAt.map((s) => s.at)]);
  const lower = print(i.lower);
  const head = i.upper === null ? st(lang, "interval.open", { group, lower }) : st(lang, "interval.both", { group, lower, upper: print(i.upper) });
  const swaps = swapsAt.map((s) => swapClause(lang, s, nameOf, "interval.swap", print));
  const sentence = swaps.length ? `${head}; ${swaps.join(st(lang, "interval.and"))}.` : `${head}.`;
  return [sentence, ...endWords(lang, i.weight, i.lower, i.upper, st(lang, "end.ranking"), print)].join(" ");
}

/** «Topp 5: Nytte kan veie fra … uten at noen går inn i eller ut av topp 5; ved 1,07 kommer A inn og B går ut.» */
export function cutSentence(lang: Lang, group: string, c: CutInterval, nameOf: NameOf): string {
  if (c.weight === 0 && c.upper === 0) return `${st(lang, "cut.blocked", { group, top: c.top })}.`;
  const crossesAt = [c.upperCross, c.lowerCross].filter((s): s is Swap => s !== null);
  const print = weightPrinter(lang, [c.weight, c.lower, ...(c.upper === null ? [] : [c.upper]), ...crossesAt.map((s) => s.at)]);
  const lower = print(c.lower);
  const head =
    c.upper === null
      ? st(lang, "cut.open", { group, lower, top: c.top })
      : st(lang, "cut.both", { group, lower, upper: print(c.upper), top: c.top });
  const crosses = crossesAt.map((s) => swapClause(lang, s, nameOf, "cut.cross", print));
  const sentence = crosses.length ? `${head}; ${crosses.join(st(lang, "interval.and"))}.` : `${head}.`;
  return [sentence, ...endWords(lang, c.weight, c.lower, c.upper, st(lang, "end.top", { top: c.top }), print)].join(" ");
}

/** The further lines about an interval: the smallest change, pairs tied now, what weight 0 does. */
export function intervalNotes(lang: Lang, group: string, i: WeightInterval, nameOf: NameOf): string[] {
  const out: string[] = [];
  const f = i.firstSwap;
  if (f) {
    const delta = f.at - i.weight;
    const sign = delta > 0 ? "+" : "-";
    const print = weightPrinter(lang, [i.weight, f.at, Math.abs(delta)]);
    out.push(st(lang, "interval.smallest", { delta: `${sign}${print(Math.abs(delta))}`, weight: print(i.weight), at: print(f.at) }));
  } else if (!(i.weight === 0 && i.upper === 0)) out.push(st(lang, "interval.none", { group }));
  if (i.tied.length)
    out.push(st(lang, "interval.tied", { pairs: i.tied.map(([a, b]) => st(lang, "pair", { a: nameOf(a), b: nameOf(b) })).join("; ") }));
  if (i.changesAtZero.length) out.push(st(lang, "interval.zero", { group, names: formatList(lang, i.changesAtZero.map(nameOf)) }));
  return out;
}

/** A probability as a whole per cent for tables: the one rule of every output (i18n/format.ts). */
export { probabilityFigure as percentCell } from "./format";

/** How the draws were made, in the words of the setup line: «hver vekt ±20 %» and «hver score ±1 på skalaen». */
export function drawSettings(lang: Lang, weights: WeightDraw, scores: ScoreDraw): { weights: string; scores: string } {
  const pct = (share: number) => `${formatShort(lang, share * 100, 1)}${lang === "nb" ? "\u00a0%" : "%"}`;
  const w =
    weights.kind === "relative"
      ? st(lang, "cli.uncertainty.weightsRelative", { percent: pct(weights.spread) })
      : weights.kind === "simplex" && weights.radius !== undefined && weights.radius < 1
        ? st(lang, "cli.uncertainty.weightsAround", { keep: pct(1 - weights.radius), radius: pct(weights.radius) })
        : st(lang, weights.kind === "simplex" ? "cli.uncertainty.weightsSimplex" : "cli.uncertainty.weightsNone");
  const s = scores.kind === "uniform" ? st(lang, "cli.uncertainty.scoresUniform", { spread: formatShort(lang, scores.spread, 2) }) : st(lang, "cli.uncertainty.scoresNone");
  return { weights: w, scores: s };
}

/**
 * What is drawn, exactly, in two sentences (weights, scores): the words of the README's «How stable
 * is the ranking», for the Stabilitet view's help and the acceptability slide's notes. They say what
 * core/uncertainty.ts does: every node's weight times its own uniform factor in [1 − P, 1 + P]; every
 * valid score plus its own uniform amount in [−X, X] (65 536 equal steps), clamped to the scale;
 * blanks stay blank.
 */
export function drawModel(lang: Lang, weights: WeightDraw, scores: ScoreDraw): string[] {
  const pct = (share: number) => `${formatShort(lang, share * 100, 1)}${lang === "nb" ? "\u00a0%" : "%"}`;
  const w =
    weights.kind === "relative"
      ? st(lang, "model.weightsRelative", { low: formatShort(lang, 1 - weights.spread, 3), high: formatShort(lang, 1 + weights.spread, 3), percent: pct(weights.spread) })
      : weights.kind === "simplex" && weights.radius !== undefined && weights.radius < 1
        ? st(lang, "model.weightsAround", { keep: pct(1 - weights.radius), radius: pct(weights.radius) })
        : st(lang, weights.kind === "simplex" ? "model.weightsSimplex" : "model.weightsNone");
  const x = scores.kind === "uniform" ? formatShort(lang, scores.spread, 2) : "";
  return [w, scores.kind === "uniform" ? st(lang, "model.scoresUniform", { spread: x }) : st(lang, "model.scoresNone")];
}

/** A count of draws with the locale's grouping: «10 000» (no-break space) in bokmål, «10,000» in English. */
export function drawCount(lang: Lang, draws: number): string {
  return new Intl.NumberFormat(lang === "nb" ? "nb-NO" : "en-GB", { maximumFractionDigits: 0 }).format(draws);
}
