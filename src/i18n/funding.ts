/**
 * The funding probabilities («Hvor sikker er utvalget») in bokmål and English, same keys: the
 * command line (`prio select --uncertainty`), the Utvalg view's section and «Hva må til», the
 * presenter's page and the slide. Imported only by that code, so the pane loads it with the view.
 */
import type { GivenResult, Robust } from "../core/funding";
import { fill, formatList, formatNumber, formatShort, probabilityText, type Lang } from "./format";

const nb = {
  "cli.title": "Hvor sikker er utvalget",
  "cli.setupAll": "{draws} trekk, alle løst eksakt (frø {seed}); vekter: {weights}; scorer: {scores}.",
  "cli.setupSome": "{done} av {draws} trekk løst eksakt og talt med (frø {seed}); vekter: {weights}; scorer: {scores}. De andre kunne ikke løses eksakt innenfor grensen for arbeid.",
  "cli.labels": "Andel av trekkene der tiltaket er på minimumslisten, på plusslisten og med i det hele tatt. Kjerne: med i minst {core} av trekkene; utenfor: i høyst {exterior}; grense: imellom.",
  "cli.none": "Ingen trekk er løst: utvalget kan ikke beregnes med disse valgene (se funnene over).",
  "col.id": "ID",
  "col.name": "Tiltak",
  "col.now": "Nå",
  "col.minimum": "Minimum",
  "col.plus": "Pluss",
  "col.selected": "Med",
  "col.robust": "Robusthet",
  "now.minimum": "minimum",
  "now.plus": "pluss",
  "now.out": "ikke med",
  "robust.core": "kjerne",
  "robust.borderline": "grense",
  "robust.exterior": "utenfor",
  "given.on": "{name} kommer på minimumslisten i {percent} av trekkene",
  "given.off": "{name} er utenfor minimumslisten i {percent} av trekkene",
  "given.weights": "i de trekkene veier {groups}",
  "given.weightFirst": "{group} i snitt {mean} (mot {meanAll} i alle trekk)",
  "given.weight": "{group} {mean} (mot {meanAll})",
  "given.neverOn": "{name} kommer ikke på minimumslisten i noen av de {draws} trekkene.",
  "given.neverOff": "{name} er på minimumslisten i alle de {draws} trekkene.",
  "given.displaces": "Det fortrenger oftest {others}.",
  "given.admits": "Da kommer oftest {others} på listen.",
  "given.other": "{name} (på listen i {share} av disse trekkene, mot {shareAll} i alle)",
  "given.title": "Hva må til",
  "cli.error.needsUncertainty": "{option} gjelder bare sammen med --uncertainty",
  "cli.error.draws": "--draws må være et helt tall fra 1 til 100000",
  "cli.error.core": "--core må være en prosent over 50 og høyst 100 (for eksempel 95: kjerne fra 95 %, utenfor til 5 %)",
  "cli.error.given": "--given {id}: ingen tiltak i arbeidsboken har den ID-en",
  "cli.error.givenBoth": "--given {id} og --given !{id} kan ikke gis samtidig",

  "pane.title": "Hvor sikker er utvalget?",
  "pane.intro": "Trekker vekter og scorer som under Stabilitet og finner det eksakte utvalget i hvert trekk, med rammene og valgene over. Andelen er hvor ofte tiltaket er med.",
  "pane.draws": "Trekk",
  "pane.seed": "Frø",
  "pane.core": "Kjerne fra %",
  "pane.run": "Beregn sannsynligheter",
  "pane.cancel": "Avbryt",
  "pane.progress": "{done} av {total} trekk",
  "pane.cancelled": "Avbrutt. Velg «Beregn sannsynligheter» for å regne ut på nytt.",
  "pane.failed": "Beregningen stoppet uventet ({message}). Prøv igjen.",
  "pane.stale": "Rammene, valgene eller scorene er endret siden dette ble beregnet. Beregn på nytt for å oppdatere.",
  "pane.error.draws": "Trekk må være et helt tall fra 1 til 100 000.",
  "pane.error.seed": "Frø må være et helt tall fra 0 til 4 294 967 295.",
  "pane.error.core": "Kjerne fra må være en prosent over 50 og høyst 100.",
  "pane.show": "Vis andel",
  "pane.showSelected": "med i utvalget",
  "pane.showMinimum": "på minimumslisten",
  "pane.colMeasure": "Tiltak",
  "pane.colShare": "Andel",
  "pane.colRobust": "Robusthet",
  "pane.sortHint": "Sorter etter {column}",
  "pane.barLabel": "{name}: {kind} i {percent} av trekkene; {robust}; nå: {now}",
  "pane.kindSelected": "med i utvalget",
  "pane.kindMinimum": "på minimumslisten",
  "pane.what": "Hva må til for …",
  "pane.whatHint": "Velg et tiltak (eller klikk et navn i tabellen) og hva rådet vil.",
  "pane.whatWant": "Rådet vil ha det",
  "pane.whatOn": "på minimumslisten",
  "pane.whatOff": "utenfor minimumslisten",
  "pane.colGroup": "Gruppe",
  "pane.colThen": "I disse trekkene",
  "pane.colAll": "Alle trekk",
  "pane.colNow": "Nå",

  "presenter.title": "Hvor sikker er minimumslisten",
  "presenter.view": "Minimumslisten",
  "presenter.viewRanking": "Rangering",
  "presenter.lead": "Andel av {draws} trekk der tiltaket er på minimumslisten; vekter: {weights}; scorer: {scores}. Kjerne: med i minst {core} av trekkene, utenfor: i høyst {exterior}.",
  "presenter.minimum": "På minimumslisten nå",
  "presenter.challengers": "Nærmest å komme inn",
  "presenter.colShare": "På listen",
  "presenter.colSelected": "Med i alt",
  "presenter.rowLabel": "{name}: på minimumslisten i {share} av trekkene, med i alt i {selected}; {robust}",

  "deck.title": "Hvor sikker er minimumslisten",
  "deck.colMinimum": "På minimumslisten",
  "deck.colSelected": "Med i alt",
  "deck.note": "{draws} trekk (frø {seed}); vekter: {weights}; scorer: {scores}. Kjerne: med i minst {core} av trekkene; utenfor: i høyst {exterior}; grense: imellom. Rammer: {frames}.",
  "deck.notDone": "{done} av {draws} trekk løst eksakt og talt med.",
  "deck.frames": "budsjettramme {budget} MNOK, minimumsramme {minimum} MNOK",
  "deck.framesNoMinimum": "budsjettramme {budget} MNOK (hele utvalget er minimumslisten)",
  "deck.alt": "Minimumslisten med andelen trekk der hvert tiltak er på listen",
};

type Key = keyof typeof nb;

const en: Record<Key, string> = {
  "cli.title": "How sure is the selection",
  "cli.setupAll": "{draws} draws, all solved exactly (seed {seed}); weights: {weights}; scores: {scores}.",
  "cli.setupSome": "{done} of {draws} draws solved exactly and counted (seed {seed}); weights: {weights}; scores: {scores}. The others could not be solved exactly within the bound on the work.",
  "cli.labels": "Share of the draws in which the measure is on the minimum list, on the plus list and selected at all. Core: selected in at least {core} of the draws; exterior: in at most {exterior}; borderline: between.",
  "cli.none": "No draw is solved: the selection cannot be computed with these choices (see the findings above).",
  "col.id": "ID",
  "col.name": "Measure",
  "col.now": "Now",
  "col.minimum": "Minimum",
  "col.plus": "Plus",
  "col.selected": "Selected",
  "col.robust": "Robustness",
  "now.minimum": "minimum",
  "now.plus": "plus",
  "now.out": "out",
  "robust.core": "core",
  "robust.borderline": "borderline",
  "robust.exterior": "exterior",
  "given.on": "{name} is on the minimum list in {percent} of the draws",
  "given.off": "{name} is off the minimum list in {percent} of the draws",
  "given.weights": "in those draws {groups}",
  "given.weightFirst": "{group} weighs {mean} on average (against {meanAll} in all draws)",
  "given.weight": "{group} {mean} (against {meanAll})",
  "given.neverOn": "{name} is on the minimum list in none of the {draws} draws.",
  "given.neverOff": "{name} is on the minimum list in all {draws} draws.",
  "given.displaces": "It most often displaces {others}.",
  "given.admits": "Then {others} most often come onto the list.",
  "given.other": "{name} (on the list in {share} of those draws, against {shareAll} in all)",
  "given.title": "What it takes",
  "cli.error.needsUncertainty": "{option} applies only with --uncertainty",
  "cli.error.draws": "--draws must be a whole number from 1 to 100000",
  "cli.error.core": "--core must be a percentage above 50 and at most 100 (for example 95: core from 95%, exterior up to 5%)",
  "cli.error.given": "--given {id}: no measure in the workbook has that ID",
  "cli.error.givenBoth": "--given {id} and --given !{id} cannot both be given",

  "pane.title": "How sure is the selection?",
  "pane.intro": "Draws weights and scores as under Stabilitet and finds the exact selection in every draw, with the frames and choices above. The share is how often the measure is selected.",
  "pane.draws": "Draws",
  "pane.seed": "Seed",
  "pane.core": "Core from %",
  "pane.run": "Compute probabilities",
  "pane.cancel": "Cancel",
  "pane.progress": "{done} of {total} draws",
  "pane.cancelled": "Cancelled. Choose “Compute probabilities” to compute again.",
  "pane.failed": "The computation stopped unexpectedly ({message}). Try again.",
  "pane.stale": "The frames, choices or scores have changed since this was computed. Compute again to update.",
  "pane.error.draws": "Draws must be a whole number from 1 to 100,000.",
  "pane.error.seed": "Seed must be a whole number from 0 to 4,294,967,295.",
  "pane.error.core": "Core from must be a percentage above 50 and at most 100.",
  "pane.show": "Show share",
  "pane.showSelected": "selected",
  "pane.showMinimum": "on the minimum list",
  "pane.colMeasure": "Measure",
  "pane.colShare": "Share",
  "pane.colRobust": "Robustness",
  "pane.sortHint": "Sort by {column}",
  "pane.barLabel": "{name}: {kind} in {percent} of the draws; {robust}; now: {now}",
  "pane.kindSelected": "selected",
  "pane.kindMinimum": "on the minimum list",
  "pane.what": "What it takes for …",
  "pane.whatHint": "Choose a measure (or click a name in the table) and what the council wants.",
  "pane.whatWant": "The council wants it",
  "pane.whatOn": "on the minimum list",
  "pane.whatOff": "off the minimum list",
  "pane.colGroup": "Group",
  "pane.colThen": "In those draws",
  "pane.colAll": "All draws",
  "pane.colNow": "Now",

  "presenter.title": "How sure is the minimum list",
  "presenter.view": "Minimum list",
  "presenter.viewRanking": "Ranking",
  "presenter.lead": "Share of {draws} draws in which the measure is on the minimum list; weights: {weights}; scores: {scores}. Core: selected in at least {core} of the draws, exterior: in at most {exterior}.",
  "presenter.minimum": "On the minimum list now",
  "presenter.challengers": "Closest to coming in",
  "presenter.colShare": "On the list",
  "presenter.colSelected": "Selected",
  "presenter.rowLabel": "{name}: on the minimum list in {share} of the draws, selected in {selected}; {robust}",

  "deck.title": "How sure is the minimum list",
  "deck.colMinimum": "On the minimum list",
  "deck.colSelected": "Selected at all",
  "deck.note": "{draws} draws (seed {seed}); weights: {weights}; scores: {scores}. Core: selected in at least {core} of the draws; exterior: in at most {exterior}; borderline: between. Frames: {frames}.",
  "deck.notDone": "{done} of {draws} draws solved exactly and counted.",
  "deck.frames": "budget frame {budget} MNOK, minimum frame {minimum} MNOK",
  "deck.framesNoMinimum": "budget frame {budget} MNOK (the whole selection is the minimum list)",
  "deck.alt": "The minimum list with the share of draws in which each measure is on the list",
};

export type FundingKey = Key;

/** The catalogs, for the strings test (same keys, same placeholders). */
export const fundingCatalogs = { nb, en };

export function fu(lang: Lang, key: Key, params: Record<string, string | number> = {}): string {
  return fill((lang === "nb" ? nb : en)[key], params);
}

/** A share as a whole per cent with its sign: «18 %» (no-break space) in bokmål, «18%» in English; «<1 %», «>99 %» near the ends. */
export function sharePercent(lang: Lang, p: number): string {
  return probabilityText(lang, p);
}

export function robustLabel(lang: Lang, r: Robust | null): string {
  return r === null ? "–" : fu(lang, `robust.${r}`);
}

/** A threshold as a per cent without decimals beyond need: 95 %, 97,5 %. */
export function thresholdPercent(lang: Lang, share: number): string {
  return `${formatShort(lang, share * 100, 1)}${lang === "nb" ? "\u00a0%" : "%"}`;
}

/**
 * What the council's choice implies, in words: «X kommer på minimumslisten i 18 % av trekkene; i de
 * trekkene veier Nytte i snitt 1,31 (mot 1,00 i alle trekk), Kostnader 0,82 (mot 1,00) og … » and,
 * in a second sentence, the measures it displaces (or that come in when it is off).
 */
export function givenSentences(lang: Lang, g: GivenResult, groupLabel: (id: string) => string, drawText: string): string[] {
  if (g.count === 0) return [fu(lang, g.on ? "given.neverOn" : "given.neverOff", { name: g.name, draws: drawText })];
  const groups = g.weights
    .filter((x) => x.mean !== null)
    .map((x, k) => fu(lang, k === 0 ? "given.weightFirst" : "given.weight", { group: groupLabel(x.group), mean: formatNumber(lang, x.mean!, 2), meanAll: formatNumber(lang, x.meanAll, 2) }));
  const head = fu(lang, g.on ? "given.on" : "given.off", { name: g.name, percent: sharePercent(lang, g.share ?? 0) });
  const out = [groups.length ? `${head}; ${fu(lang, "given.weights", { groups: formatList(lang, groups) })}.` : `${head}.`];
  if (g.others.length) {
    const others = formatList(
      lang,
      g.others.map((o) => fu(lang, "given.other", { name: o.name, share: sharePercent(lang, o.share), shareAll: sharePercent(lang, o.shareAll) })),
    );
    out.push(fu(lang, g.on ? "given.displaces" : "given.admits", { others }));
  }
  return out;
}
