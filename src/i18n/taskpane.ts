/**
 * Strings of the task pane, bokmål first. `{name}` placeholders are filled in by tp(). The
 * English table must carry exactly the same keys (the type below checks it, and so does a test).
 * Finding messages and severity labels come from the shared catalogs (src/i18n/index.ts).
 */
import { fill, type Lang } from "./format";

export const nbTaskpane = {
  "app.title": "Prioritering",

  "status.updatedMs": "Oppdatert på {ms} ms",
  "status.updatedS": "Oppdatert på {s} s",
  "status.notYet": "Ikke beregnet ennå",
  "status.loading": "Leser arbeidsboken …",
  "status.busy": "Arbeider …",

  "action.recalc": "Beregn på nytt",
  "action.recalcHint": "Leser arbeidsboken på nytt og oppdaterer rangeringen og funnene.",
  "action.dismiss": "Lukk",
  "action.failed": "Handlingen kunne ikke fullføres: {message}",

  "tab.ranking": "Rangering",
  "tab.findings": "Funn",
  "tab.model": "Modell",
  "tab.checklist": "Sjekkliste",
  "tab.selection": "Utvalg",
  "tab.scorers": "Vurderere",
  "tab.findingsCount": "{count} funn",
  "tab.stability": "Stabilitet",

  "loading.label": "Leser arbeidsboken …",

  "empty.title": "Ingen vurderingstabell ennå",
  "empty.body":
    "Tillegget lager arkene Vurdering, Modell og Rangering. Skriv inn tiltakene og scorene på arket Vurdering, så oppdateres rangeringen og funnene her mens du skriver.",
  "empty.create": "Opprett vurderingstabell",

  "legacy.title": "Arbeidsboken har det gamle møteoppsettet",
  "legacy.body":
    "Rangeringen under er lest fra temaarkene og regnet etter modellen; ingenting i arbeidsboken er endret. Importer tiltakene og scorene til en vurderingstabell for å rangere i tillegget. De opprinnelige arkene blir stående urørt.",
  "legacy.import": "Importer til vurderingstabell",
  "legacy.createEmpty": "Opprett tom vurderingstabell",
  "legacy.readOnly": "Kun visning",

  "error.title": "Noe gikk galt",
  "error.retry": "Prøv igjen",

  "ranking.summary": "{ranked} av {count} tiltak rangert",
  "ranking.legend": "{abbr} = {label}",
  "ranking.colRank": "Plass",
  "ranking.colMeasure": "Tiltak",
  "ranking.colScore": "Score",
  "ranking.bar": "{share} av høyeste mulige total ({max})",
  "ranking.tied": "Delt plass {rank}",
  "ranking.incomplete": "Ufullstendig",
  "ranking.missing": "Mangler: {list}",
  "ranking.invalid": "Ugyldig: {list}",
  "ranking.groupValue": "{label}: {value}",
  "ranking.groupNone": "{label}: ingen verdi",
  "ranking.unrankedHeading": "Uten total ({count})",
  "ranking.unrankedReason": "Tiltaket har ingen total.",
  "ranking.none": "Ingen tiltak ennå",
  "ranking.noneBody": "Skriv inn tiltakene og scorene på arket Vurdering, så vises rangeringen her.",
  "ranking.moveUp": "Opp {n} fra plass {from}",
  "ranking.moveDown": "Ned {n} fra plass {from}",
  "ranking.filterSegment": "Segment",
  "ranking.filterAll": "Alle",
  "ranking.filterOption": "{label} ({count})",
  "ranking.hideUt": "Skjul tiltak som er Ut",
  "ranking.showing": "Viser {shown} av {count}",
  "ranking.filterEmpty": "Ingen tiltak passer utvalget.",
  "ranking.segmentRank": "{rank}. i {segment}",
  "ranking.segmentRankTied": "Delt {rank}. plass i {segment}",
  "ranking.nameTooltip": "{name}. Velg for å vise tiltaket i arbeidsboken.",
  "ranking.segmentRankShort": "nr. {rank}",

  "model.weightEmpty": "Skriv en vekt, 0 eller større.",
  "model.weightNegative": "Vekten kan ikke være negativ.",
  "model.weightNotNumber": "{text} er ikke et tall. Skriv for eksempel 1 eller 1,5.",
  "model.weightTooLarge": "{text} er for stor. Vekter er relative; bruk et tall fra 0 til 1 000 000.",

  "entry.inn": "Inn",
  "entry.ut": "Ut",
  "entry.notAssessed": "ikke vurdert",
  "entry.missing": "ikke i sjekklisten",
  "entry.checklistUnanswered": "sjekkliste ikke besvart",
  "entry.segmentUnanswered": "segment ikke besvart",
  "segment.tooltip": "{meaning}. Rapporterer {reporting}.",
  "segment.tooltipUt": "Ut: tiltaket har ikke nasjonal betydning etter sjekklisten og følges ikke opp i porteføljen.",
  "segment.tooltipNotAssessed": "Ikke vurdert: et spørsmål som avgjør plasseringen, er ikke besvart.",
  "segment.tooltipInn": "Inn: tiltaket har nasjonal betydning og hører til porteføljen.",
  "segment.tooltipMissing": "Tiltaket har ingen rad i arket Sjekkliste.",
  "action.export": "Eksporter",
  "tab.rounds": "Runder",
  "ranking.moveNew": "ny",
  "ranking.moveNewHint": "Ny siden runden «{round}»",
  "ranking.since": "Bevegelse siden «{round}»",
} as const;

export type TaskpaneKey = keyof typeof nbTaskpane;

export const enTaskpane: Record<TaskpaneKey, string> = {
  "app.title": "Prioritering",

  "status.updatedMs": "Updated in {ms} ms",
  "status.updatedS": "Updated in {s} s",
  "status.notYet": "Not calculated yet",
  "status.loading": "Reading the workbook …",
  "status.busy": "Working …",

  "action.recalc": "Recalculate",
  "action.recalcHint": "Reads the workbook again and updates the ranking and the findings.",
  "action.dismiss": "Dismiss",
  "action.failed": "The action could not be completed: {message}",

  "tab.ranking": "Ranking",
  "tab.findings": "Findings",
  "tab.model": "Model",
  "tab.checklist": "Checklist",
  "tab.selection": "Selection",
  "tab.scorers": "Scorers",
  "tab.findingsCount": "{count} {count|finding|findings}",
  "tab.stability": "Stability",

  "loading.label": "Reading the workbook …",

  "empty.title": "No scoring table yet",
  "empty.body":
    "The add-in creates the sheets Vurdering (scoring), Modell (model) and Rangering (ranking). Type the measures and scores on the Vurdering sheet, and the ranking and findings here update as you type.",
  "empty.create": "Create scoring table",

  "legacy.title": "This workbook has the old meeting layout",
  "legacy.body":
    "The ranking below is read from the theme sheets and calculated with the model; nothing in the workbook has been changed. Import the measures and scores into a scoring table to rank them in the add-in. The original sheets stay untouched.",
  "legacy.import": "Import into scoring table",
  "legacy.createEmpty": "Create empty scoring table",
  "legacy.readOnly": "Read only",

  "error.title": "Something went wrong",
  "error.retry": "Try again",

  "ranking.summary": "{ranked} of {count} {count|measure|measures} ranked",
  "ranking.legend": "{abbr} = {label}",
  "ranking.colRank": "Rank",
  "ranking.colMeasure": "Measure",
  "ranking.colScore": "Score",
  "ranking.bar": "{share} of the highest possible total ({max})",
  "ranking.tied": "Shared rank {rank}",
  "ranking.incomplete": "Incomplete",
  "ranking.missing": "Missing: {list}",
  "ranking.invalid": "Invalid: {list}",
  "ranking.groupValue": "{label}: {value}",
  "ranking.groupNone": "{label}: no value",
  "ranking.unrankedHeading": "No total ({count})",
  "ranking.unrankedReason": "The measure has no total.",
  "ranking.none": "No measures yet",
  "ranking.noneBody": "Type the measures and scores on the Vurdering sheet, and the ranking appears here.",
  "ranking.moveUp": "Up {n} from rank {from}",
  "ranking.moveDown": "Down {n} from rank {from}",
  "ranking.filterSegment": "Segment",
  "ranking.filterAll": "All",
  "ranking.filterOption": "{label} ({count})",
  "ranking.hideUt": "Hide measures that are out (Ut)",
  "ranking.showing": "Showing {shown} of {count}",
  "ranking.filterEmpty": "No measures match the filter.",
  "ranking.segmentRank": "No. {rank} in {segment}",
  "ranking.segmentRankTied": "Shared no. {rank} in {segment}",
  "ranking.nameTooltip": "{name}. Select to show the measure in the workbook.",
  "ranking.segmentRankShort": "no. {rank}",

  "model.weightEmpty": "Enter a weight, 0 or more.",
  "model.weightNegative": "The weight cannot be negative.",
  "model.weightNotNumber": "{text} is not a number. Enter, for example, 1 or 1.5.",
  "model.weightTooLarge": "{text} is too large. Weights are relative; use a number from 0 to 1,000,000.",

  "entry.inn": "In",
  "entry.ut": "Out",
  "entry.notAssessed": "not assessed",
  "entry.missing": "not in the checklist",
  "entry.checklistUnanswered": "checklist not answered",
  "entry.segmentUnanswered": "segment not answered",
  "segment.tooltip": "{meaning}. Reports {reporting}.",
  "segment.tooltipUt": "Out (Ut): by the checklist the measure has no national significance and is not followed up in the portfolio.",
  "segment.tooltipNotAssessed": "Not assessed (ikke vurdert): a question that decides the placement is not answered.",
  "segment.tooltipInn": "In (Inn): the measure has national significance and belongs to the portfolio.",
  "segment.tooltipMissing": "The measure has no row on the Sjekkliste sheet.",
  "action.export": "Export",
  "tab.rounds": "Rounds",
  "ranking.moveNew": "new",
  "ranking.moveNewHint": "New since the round “{round}”",
  "ranking.since": "Movement since “{round}”",
};

const TABLES: Record<Lang, Record<TaskpaneKey, string>> = { nb: nbTaskpane, en: enTaskpane };

/** A task pane string with `{name}` placeholders filled in (unknown placeholders are left as they are). */
export function tp(lang: Lang, key: TaskpaneKey, params: Record<string, string | number> = {}): string {
  return fill(TABLES[lang][key], params);
}

/** Quoted user text: «…» in bokmål, “…” in English. */
export function quote(lang: Lang, s: string): string {
  return lang === "nb" ? `«${s}»` : `“${s}”`;
}
