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
  "tab.findingsCount": "{count} funn",

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

  "findings.none": "Ingen funn",
  "findings.noneBody": "Alle scorer er gyldige, og rangeringen stemmer med modellen.",
  "findings.heading": "{label} ({count})",
  "findings.goTo": "Gå til {cell}",
  "findings.sync": "Synkroniser",
  "findings.syncHint":
    "Skriver riktige verdier og formler i de gamle temaarkene og Samlet, og fører det som sto der før, i arket Logg.",
  "findings.orphanAdd": "Legg til igjen",
  "findings.orphanAddToChecklist": "Legger tiltaket til i arket Sjekkliste igjen.",
  "findings.orphanAddToScoring": "Legger tiltaket til i arket Vurdering igjen, uten scorer.",
  "findings.orphanRemove": "Fjern",
  "findings.orphanConfirmScoring":
    "Raden for {name} slettes fra arket Vurdering, med scorene. Det som sto i raden, føres i arket Logg.",
  "findings.orphanConfirmChecklist":
    "Raden for {name} slettes fra arket Sjekkliste, med svarene. Det som sto i raden, føres i arket Logg.",
  "findings.orphanConfirm": "Slett raden",
  "findings.orphanCancel": "Avbryt",

  "model.scale": "Skala",
  "model.total": "Total",
  "model.totalSum": "Sum av gruppene ({min}–{max})",
  "model.totalMean": "Vektet snitt av gruppene ({min}–{max})",
  "model.range": "{min}–{max}",
  "model.colCriterion": "Kriterium",
  "model.colWeight": "Vekt",
  "model.colShare": "Andel av total",
  "model.weightLabel": "Vekt for {label}",
  "model.shareLabel": "{label}: {share} av totalen",
  "model.weightsHint":
    "Vekten gjelder mellom punkter på samme nivå: en gruppe er det vektede snittet av punktene under den. Skriv et tall og trykk Enter.",
  "model.weightEmpty": "Skriv en vekt, 0 eller større.",
  "model.weightNegative": "Vekten kan ikke være negativ.",
  "model.weightNotNumber": "{text} er ikke et tall. Skriv for eksempel 1 eller 1,5.",
  "model.weightTooLarge": "{text} er for stor. Vekter er relative; bruk et tall fra 0 til 1 000 000.",
  "model.reset": "Tilbakestill til like vekter",
  "model.resetHint": "Setter alle vekter til 1, slik at alle punkter teller likt innenfor sin gruppe.",
  "model.tieBreak": "Ved lik total",
  "model.tieBreakHint":
    "Tiltak med lik total skilles av gruppene under, i rekkefølge: høyest verdi først. Uten valg deler de plassen.",
  "model.tieBreakSlot": "{n}.",
  "model.tieBreakSlotLabel": "Uavgjort-regel nummer {n}",
  "model.tieBreakNone": "(ingen)",
  "model.readOnly": "Modellen vises bare her. Importer eller opprett en vurderingstabell for å endre vektene.",
  "model.problems": "Modellen på arket Modell kan ikke brukes",

  "checklist.emptyTitle": "Ingen sjekkliste ennå",
  "checklist.emptyBody":
    "Sjekklisten fra «Porteføljestyring 2.0» avgjør om et tiltak er Inn eller Ut av porteføljen, og i hvilket segment det hører hjemme. Tillegget lager arket Sjekkliste med én rad for hvert tiltak i Vurdering.",
  "checklist.create": "Opprett sjekkliste",
  "checklist.noEntries": "Sjekklisten har ingen tiltak ennå. Tiltakene i Vurdering legges til neste gang arbeidsboken beregnes.",
  "checklist.summaryLabel": "Sjekklisten i tall",
  "checklist.reportsPerYear": "{n} rapporteringer i året",
  "checklist.search": "Søk etter tiltak",
  "checklist.searchNone": "Ingen tiltak passer søket.",
  "checklist.measures": "Tiltak i sjekklisten",
  "checklist.prev": "Forrige tiltak",
  "checklist.next": "Neste tiltak",
  "checklist.position": "{n} av {count}",
  "checklist.groupSignificance": "Nasjonal betydning",
  "checklist.groupSignificanceHint": "Alle tre må være Ja for at tiltaket skal være Inn. Ett Nei gir Ut.",
  "checklist.groupSegment": "Segment",
  "checklist.groupSegmentHint": "Spørsmålene stilles i rekkefølge. Det første Ja avgjør segmentet; tre Nei gir Observere.",
  "checklist.answerYes": "Ja",
  "checklist.answerNo": "Nei",
  "checklist.answerBlank": "Ubesvart",
  "checklist.answerBlankHint": "Fjern svaret",
  "checklist.unreachedUt": "Påvirker ikke resultatet nå, fordi tiltaket er Ut. Kan likevel besvares.",
  "checklist.unreachedDecided": "Påvirker ikke resultatet nå, fordi Ja på spørsmål {n} gir {segment}. Kan likevel besvares.",
  "checklist.result": "Resultat for {name}",
  "checklist.entry": "Inn/Ut",
  "checklist.segment": "Segment",
  "checklist.reporting": "Rapportering",
  "checklist.reportingNone": "Ingen, tiltaket er utenfor porteføljen.",
  "checklist.reportingLater": "Avgjøres når segmentet er vurdert.",
  "checklist.whyUt": "Ut fordi svaret er Nei på {list}.",
  "checklist.whyUnanswered": "Ikke vurdert: {list} er ikke besvart.",
  "checklist.whyDecided": "Ja på {question}",
  "checklist.whyObservere": "Nei på alle tre segmentspørsmålene.",
  "checklist.question": "spørsmål {n}",
  "checklist.saving": "Lagres i arbeidsboken …",
  "checklist.goToRow": "Vis raden i arket",

  "entry.inn": "Inn",
  "entry.ut": "Ut",
  "entry.notAssessed": "ikke vurdert",
  "entry.missing": "ikke i sjekklisten",
  "segment.tooltip": "{meaning}. Rapporterer {reporting}.",
  "segment.tooltipUt": "Ut: tiltaket har ikke nasjonal betydning etter sjekklisten og følges ikke opp i porteføljen.",
  "segment.tooltipNotAssessed": "Ikke vurdert: et spørsmål som avgjør plasseringen, er ikke besvart.",
  "segment.tooltipInn": "Inn: tiltaket har nasjonal betydning og hører til porteføljen.",
  "segment.tooltipMissing": "Tiltaket har ingen rad i arket Sjekkliste.",
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
  "tab.findingsCount": "{count} findings",

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

  "ranking.summary": "{ranked} of {count} measures ranked",
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

  "findings.none": "No findings",
  "findings.noneBody": "Every score is valid and the ranking matches the model.",
  "findings.heading": "{label} ({count})",
  "findings.goTo": "Go to {cell}",
  "findings.sync": "Synchronise",
  "findings.syncHint":
    "Writes correct values and formulas into the old theme sheets and the summary (Samlet), and logs what was there on the Logg sheet.",
  "findings.orphanAdd": "Add it back",
  "findings.orphanAddToChecklist": "Adds the measure to the Sjekkliste sheet again.",
  "findings.orphanAddToScoring": "Adds the measure to the Vurdering sheet again, without scores.",
  "findings.orphanRemove": "Remove",
  "findings.orphanConfirmScoring":
    "The row of {name} is deleted from the Vurdering sheet, with its scores. What the row held is logged on the Logg sheet.",
  "findings.orphanConfirmChecklist":
    "The row of {name} is deleted from the Sjekkliste sheet, with its answers. What the row held is logged on the Logg sheet.",
  "findings.orphanConfirm": "Delete the row",
  "findings.orphanCancel": "Cancel",

  "model.scale": "Scale",
  "model.total": "Total",
  "model.totalSum": "Sum of the groups ({min}–{max})",
  "model.totalMean": "Weighted mean of the groups ({min}–{max})",
  "model.range": "{min}–{max}",
  "model.colCriterion": "Criterion",
  "model.colWeight": "Weight",
  "model.colShare": "Share of total",
  "model.weightLabel": "Weight of {label}",
  "model.shareLabel": "{label}: {share} of the total",
  "model.weightsHint":
    "A weight counts among the items on the same level: a group is the weighted mean of the items under it. Type a number and press Enter.",
  "model.weightEmpty": "Enter a weight, 0 or more.",
  "model.weightNegative": "The weight cannot be negative.",
  "model.weightNotNumber": "{text} is not a number. Enter, for example, 1 or 1.5.",
  "model.weightTooLarge": "{text} is too large. Weights are relative; use a number from 0 to 1,000,000.",
  "model.reset": "Reset to equal weights",
  "model.resetHint": "Sets every weight to 1, so that every item counts equally within its group.",
  "model.tieBreak": "When totals are equal",
  "model.tieBreakHint":
    "Measures with equal totals are separated by these groups in order: highest value first. With none chosen they share the rank.",
  "model.tieBreakSlot": "{n}.",
  "model.tieBreakSlotLabel": "Tie-break number {n}",
  "model.tieBreakNone": "(none)",
  "model.readOnly": "The model is shown read-only here. Import or create a scoring table to change the weights.",
  "model.problems": "The model on the Modell sheet cannot be used",

  "checklist.emptyTitle": "No checklist yet",
  "checklist.emptyBody":
    "The checklist from «Porteføljestyring 2.0» decides whether a measure is in (Inn) or out (Ut) of the portfolio, and which segment it belongs to. The add-in creates the Sjekkliste sheet with one row for every measure in Vurdering.",
  "checklist.create": "Create checklist",
  "checklist.noEntries": "The checklist has no measures yet. The measures in Vurdering are added the next time the workbook is calculated.",
  "checklist.summaryLabel": "The checklist in figures",
  "checklist.reportsPerYear": "{n} reports a year",
  "checklist.search": "Search measures",
  "checklist.searchNone": "No measures match the search.",
  "checklist.measures": "Measures in the checklist",
  "checklist.prev": "Previous measure",
  "checklist.next": "Next measure",
  "checklist.position": "{n} of {count}",
  "checklist.groupSignificance": "National significance",
  "checklist.groupSignificanceHint": "All three must be Yes for the measure to be in (Inn). One No puts it out (Ut).",
  "checklist.groupSegment": "Segment",
  "checklist.groupSegmentHint": "The questions are asked in order. The first Yes decides the segment; three Nos give Observere.",
  "checklist.answerYes": "Yes",
  "checklist.answerNo": "No",
  "checklist.answerBlank": "Unanswered",
  "checklist.answerBlankHint": "Clear the answer",
  "checklist.unreachedUt": "Does not affect the result now, because the measure is out (Ut). Can still be answered.",
  "checklist.unreachedDecided": "Does not affect the result now, because Yes to question {n} gives {segment}. Can still be answered.",
  "checklist.result": "Result for {name}",
  "checklist.entry": "In/out",
  "checklist.segment": "Segment",
  "checklist.reporting": "Reporting",
  "checklist.reportingNone": "None, the measure is outside the portfolio.",
  "checklist.reportingLater": "Decided once the segment is assessed.",
  "checklist.whyUt": "Out because the answer is No to {list}.",
  "checklist.whyUnanswered": "Not assessed: {list} not answered yet.",
  "checklist.whyDecided": "Yes to {question}",
  "checklist.whyObservere": "No to all three segment questions.",
  "checklist.question": "question {n}",
  "checklist.saving": "Saving to the workbook …",
  "checklist.goToRow": "Show the row in the sheet",

  "entry.inn": "In",
  "entry.ut": "Out",
  "entry.notAssessed": "not assessed",
  "entry.missing": "not in the checklist",
  "segment.tooltip": "{meaning}. Reports {reporting}.",
  "segment.tooltipUt": "Out (Ut): by the checklist the measure has no national significance and is not followed up in the portfolio.",
  "segment.tooltipNotAssessed": "Not assessed (ikke vurdert): a question that decides the placement is not answered.",
  "segment.tooltipInn": "In (Inn): the measure has national significance and belongs to the portfolio.",
  "segment.tooltipMissing": "The measure has no row on the Sjekkliste sheet.",
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
