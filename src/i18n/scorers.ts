/**
 * Several scorers in bokmål and English: the findings of core/scorers.ts and the strings of the
 * command line and the task pane's *Vurderere* view. Imported only by the scorers' code, so the
 * task pane loads it with that view, not at start.
 */
import type { Model } from "../core/model";
import type { ScorerFinding, ScorerFindingCode } from "../core/scorers";
import type { Helpers, Params } from "./catalog";
import { fill, type Lang } from "./format";
import { messageHelpers } from "./index";

type Messages = Record<ScorerFindingCode, (p: Params, h: Helpers) => string>;

const cellsOf = (p: Params): string[] =>
  Array.isArray(p.cells) ? p.cells.map(String).filter(Boolean) : [];

export const nbScorerFindings: Messages = {
  "scorers-in-use": (p) =>
    `${p.measures} tiltak rangeres på den samlede scoren (${p.method === "median" ? "medianen" : "snittet"}) fra ${p.scorers} vurderere på arket Vurderere. Scorene i Vurdering for disse tiltakene står urørt, men brukes ikke i rangeringen.`,
  "scorers-disagree": (p, h) => {
    const ranges = Array.isArray(p.ranges) ? p.ranges : [];
    const criteria = Array.isArray(p.criteria) ? p.criteria.map(String) : [];
    return `Vurdererne er uenige om ${p.measure}: ${h.list(criteria.map((c, i) => `${h.crit(c)} (spenn ${h.short(ranges[i])})`))}, minst ${h.short(p.threshold)} mellom høyeste og laveste score. Ta det opp i møtet (${h.list(cellsOf(p))}).`;
  },
  "scorers-few": (p) =>
    `${p.measure} er vurdert av bare ${p.count} av ${p.of} vurderere (færre enn ${p.needed}). Den samlede scoren hviler på få stemmer.`,
  "scorers-none": (p) =>
    `${p.measure} har ingen rader på arket Vurderere og er rangert på scorene i Vurdering. Legg inn vurderernes scorer for tiltaket, så rangeres det som de andre.`,
  "scorers-unknown-id": (p, h) =>
    `ID-en ${h.q(p.id)}${p.scorer ? ` (${p.scorer})` : ""} på arket Vurderere finnes ikke i Vurdering, så raden er ikke regnet med. Rett ID-en.`,
  "scorers-no-name": (p) =>
    `Raden for ${p.measure} på arket Vurderere har ingen vurderer og er ikke regnet med. Skriv navnet i kolonnen Vurderer.`,
  "scorers-no-id": (p) =>
    `Rad ${p.row} på arket Vurderere har ingen ID og er ikke regnet med. Skriv tiltakets ID.`,
  "scorers-duplicate": (p) =>
    `${p.scorer} har to rader for ${p.measure} på arket Vurderere; bare den første (${p.first}) er regnet med. Slett eller rett den andre.`,
  "scorers-cell-invalid": (p, h) =>
    `${h.q(p.raw)} fra ${p.scorer} i ${h.crit(p.criterion)} (${p.measure}) er ikke en score og er ikke regnet med. ` +
    (p.suggestion !== undefined
      ? `Skriv ${h.short(p.suggestion)} som et tall.`
      : `Skriv en score fra ${h.short(p.min)} til ${h.short(p.max)}, eller tøm cellen.`),
  "scorers-setting-invalid": (p, h) =>
    `${h.q(p.raw)} i ${p.setting} på arket Modell kan ikke brukes, så ${h.q(p.fallback)} gjelder. ${p.setting === "Samlet vurdering" ? "Skriv «snitt» eller «median»." : "Skriv et tall større enn 0."}`,
  "scorers-agreement-partial": (p) =>
    `Samstemtheten (Kendalls W) er regnet over de ${p.count} av ${p.of} tiltakene som alle vurdererne har gitt en total.`,
};

export const enScorerFindings: Messages = {
  "scorers-in-use": (p) =>
    `${p.measures} measures are ranked on the combined score (the ${p.method === "median" ? "median" : "mean"}) of ${p.scorers} scorers on the Vurderere sheet. Their scores in Vurdering are kept as they are but not used in the ranking.`,
  "scorers-disagree": (p, h) => {
    const ranges = Array.isArray(p.ranges) ? p.ranges : [];
    const criteria = Array.isArray(p.criteria) ? p.criteria.map(String) : [];
    return `The scorers disagree on ${p.measure}: ${h.list(criteria.map((c, i) => `${h.crit(c)} (range ${h.short(ranges[i])})`))}, at least ${h.short(p.threshold)} between the highest and lowest score. Discuss it in the meeting (${h.list(cellsOf(p))}).`;
  },
  "scorers-few": (p) =>
    `${p.measure} is scored by only ${p.count} of ${p.of} scorers (fewer than ${p.needed}). The combined score rests on few voices.`,
  "scorers-none": (p) =>
    `${p.measure} has no rows on the Vurderere sheet and is ranked on its scores in Vurdering. Enter the scorers' scores for it, and it is ranked like the others.`,
  "scorers-unknown-id": (p, h) =>
    `The ID ${h.q(p.id)}${p.scorer ? ` (${p.scorer})` : ""} on the Vurderere sheet is not in Vurdering, so the row is not counted. Correct the ID.`,
  "scorers-no-name": (p) =>
    `The row for ${p.measure} on the Vurderere sheet has no scorer and is not counted. Type the name in the Vurderer column.`,
  "scorers-no-id": (p) =>
    `Row ${p.row} on the Vurderere sheet has no ID and is not counted. Type the measure's ID.`,
  "scorers-duplicate": (p) =>
    `${p.scorer} has two rows for ${p.measure} on the Vurderere sheet; only the first (${p.first}) counts. Delete or correct the other.`,
  "scorers-cell-invalid": (p, h) =>
    `${h.q(p.raw)} from ${p.scorer} in ${h.crit(p.criterion)} (${p.measure}) is not a score and is not counted. ` +
    (p.suggestion !== undefined
      ? `Type ${h.short(p.suggestion)} as a number.`
      : `Type a score from ${h.short(p.min)} to ${h.short(p.max)}, or clear the cell.`),
  "scorers-setting-invalid": (p, h) =>
    `${h.q(p.raw)} in ${p.setting} on the Modell sheet cannot be used, so ${h.q(p.fallback)} applies. ${p.setting === "Samlet vurdering" ? "Type “snitt” (mean) or “median”." : "Type a number above 0."}`,
  "scorers-agreement-partial": (p) =>
    `The agreement (Kendall's W) is computed over the ${p.count} of ${p.of} measures every scorer gave a total.`,
};

const UI = {
  nb: {
    cliHeading: "Vurderere ({count}): {names}",
    cliMethod:
      "Samlet score per celle: {method} av vurderernes scorer. Uenighet: spenn på minst {threshold}.",
    methodMean: "snitt",
    methodMedian: "median",
    cliAgreement: "Samstemthet mellom rangeringene (Kendalls W): {w}, over {measures} tiltak",
    cliNoAgreementFewScorers: "Samstemthet (Kendalls W): trenger minst to vurderere.",
    cliNoAgreementFewMeasures:
      "Samstemthet (Kendalls W): trenger minst to tiltak som alle vurdererne har gitt en total.",
    cliNoAgreementAllTied:
      "Samstemthet (Kendalls W): ikke definert, alle vurdererne gir alle tiltakene lik total.",
    cliDisagreements: "Uenighet (spenn ≥ {threshold}):",
    cliNoDisagreements: "Ingen celler med stor uenighet (spenn ≥ {threshold}).",
    cliDisagreement:
      "{cell}  {measure} · {criterion}: {values}; samlet {combined}, spenn {range}, sd {sd}",
    cliRankings: "Rangering per vurderer:",
    cliFindings: "Merknader om vurdererne ({count}):",
    paneTitle: "Vurderere",
    paneLoading: "Leser vurdererne …",
    paneNone:
      "Arbeidsboken har ingen vurderere ennå. Legg inn flere personers scorer i arket Vurderere (én rad per vurderer og tiltak), eller hent dem fra medlemmenes egne arbeidsbøker.",
    paneCreate: "Opprett arket Vurderere",
    paneAgreement: "Samstemthet (Kendalls W)",
    paneAgreementOver:
      "{scorers} vurderere, {measures} tiltak. 1 = lik rangering, 0 = ingen samstemthet.",
    paneMethod:
      "Samlet score: {method} · uenighet ved spenn ≥ {threshold} (innstillinger på Modell)",
    paneDisagreements: "Uenighet",
    paneNoDisagreements: "Ingen celler med stor uenighet.",
    paneRange: "spenn {range} · sd {sd}",
    paneCombined: "samlet {combined}",
    paneShowScores: "Vis enkeltscorer",
    paneHidden: "Enkeltscorene er skjult.",
    paneRankings: "Rangering per vurderer",
    paneFindings: "Merknader",
    paneFetch: "Hent vurderinger",
    paneFetchHint:
      "Les en annen arbeidsbok (et medlems egen kopi, i tilleggets oppsett eller møteoppsettet) som én vurderer. Ingen score i Vurdering endres.",
    paneFetchFile: "Velg arbeidsbok …",
    paneFetchName: "Navn på vurderer",
    paneFetchUnmatched: "{count} tiltak i filen finnes ikke her og hoppes over: {names}",
    paneFetchReplace: "Erstatt rader som finnes fra før (de gamle scorene logges i Logg)",
    paneFetchGo: "Legg til som vurderer",
    paneFetchCancel: "Avbryt",
    paneFetchSummary: "{file}: scorer for {measures} tiltak i denne arbeidsboken.",
    paneFetchNothing: "{file} har ingen scorer for tiltak i denne arbeidsboken.",
    paneFetchDone:
      "{added} rader lagt til for {name}, {replaced} erstattet, {skipped} hoppet over.",
    paneFetchConflicts:
      "{count} tiltak har allerede en rad for {name}: {names}. De hoppes over, med mindre du velger å erstatte dem.",
    paneNotAddin: "Vurderere trenger tilleggets oppsett (Vurdering).",
    logReplace: "Hent vurderinger ({scorer}): erstattet",
  },
  en: {
    cliHeading: "Scorers ({count}): {names}",
    cliMethod:
      "Combined score per cell: the {method} of the scorers' scores. Disagreement: a range of at least {threshold}.",
    methodMean: "mean",
    methodMedian: "median",
    cliAgreement: "Agreement of the rankings (Kendall's W): {w}, over {measures} measures",
    cliNoAgreementFewScorers: "Agreement (Kendall's W): needs at least two scorers.",
    cliNoAgreementFewMeasures:
      "Agreement (Kendall's W): needs at least two measures every scorer gave a total.",
    cliNoAgreementAllTied:
      "Agreement (Kendall's W): undefined, every scorer gives every measure the same total.",
    cliDisagreements: "Disagreement (range ≥ {threshold}):",
    cliNoDisagreements: "No cells with strong disagreement (range ≥ {threshold}).",
    cliDisagreement:
      "{cell}  {measure} · {criterion}: {values}; combined {combined}, range {range}, sd {sd}",
    cliRankings: "Ranking per scorer:",
    cliFindings: "Notes on the scorers ({count}):",
    paneTitle: "Scorers",
    paneLoading: "Reading the scorers …",
    paneNone:
      "The workbook has no scorers yet. Enter several people's scores on the Vurderere sheet (one row per scorer and measure), or fetch them from the members' own workbooks.",
    paneCreate: "Create the Vurderere sheet",
    paneAgreement: "Agreement (Kendall's W)",
    paneAgreementOver:
      "{scorers} scorers, {measures} measures. 1 = the same ranking, 0 = no agreement.",
    paneMethod:
      "Combined score: {method} · disagreement at range ≥ {threshold} (settings on Modell)",
    paneDisagreements: "Disagreement",
    paneNoDisagreements: "No cells with strong disagreement.",
    paneRange: "range {range} · sd {sd}",
    paneCombined: "combined {combined}",
    paneShowScores: "Show individual scores",
    paneHidden: "The individual scores are hidden.",
    paneRankings: "Ranking per scorer",
    paneFindings: "Notes",
    paneFetch: "Fetch scores",
    paneFetchHint:
      "Read another workbook (a member's own copy, in the add-in's layout or the meeting layout) as one scorer. No score in Vurdering is changed.",
    paneFetchFile: "Choose workbook …",
    paneFetchName: "Scorer's name",
    paneFetchUnmatched:
      "{count} measures in the file are not in this workbook and are skipped: {names}",
    paneFetchReplace: "Replace rows that exist (the old scores are logged in Logg)",
    paneFetchGo: "Add as scorer",
    paneFetchCancel: "Cancel",
    paneFetchSummary: "{file}: scores for {measures} measures of this workbook.",
    paneFetchNothing: "{file} has no scores for measures in this workbook.",
    paneFetchDone: "{added} rows added for {name}, {replaced} replaced, {skipped} skipped.",
    paneFetchConflicts:
      "{count} measures already have a row for {name}: {names}. They are skipped unless you choose to replace them.",
    paneNotAddin: "Scorers need the add-in's layout (Vurdering).",
    logReplace: "Fetch scores ({scorer}): replaced",
  },
} as const;

export type ScorersUiKey = keyof (typeof UI)["nb"];

export function sc(
  lang: Lang,
  key: ScorersUiKey,
  params: Record<string, string | number> = {}
): string {
  return fill(UI[lang][key], params);
}

export function scorerFindingMessage(f: ScorerFinding, lang: Lang, model?: Model): string {
  return (lang === "nb" ? nbScorerFindings : enScorerFindings)[f.code](
    f.params,
    messageHelpers(lang, model)
  );
}

/** «snitt» / «mean». */
export function methodText(lang: Lang, method: "mean" | "median"): string {
  return sc(lang, method === "median" ? "methodMedian" : "methodMean");
}
