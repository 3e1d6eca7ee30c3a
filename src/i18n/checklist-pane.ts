/**
 * The Sjekkliste tab's strings (taskpane/components/ChecklistView.tsx), in that view's chunk, not in the pane's initial JavaScript.
 * Bokmål first; the English table carries exactly the same keys (the type checks it, and the tests).
 */
import { fill, type Lang } from "./format";

export const nbChecklistPane = {
  "checklist.emptyTitle": "Ingen sjekkliste ennå",
  "checklist.emptyBody":
    "Sjekklisten fra «Porteføljestyring 2.0» avgjør om et tiltak er Inn eller Ut av porteføljen, og i hvilket segment det hører hjemme. Tillegget lager arket Sjekkliste med én rad for hvert tiltak i Vurdering.",
  "checklist.create": "Opprett sjekkliste",
  "checklist.noEntries": "Sjekklisten har ingen tiltak ennå. Tiltakene i Vurdering legges til neste gang arbeidsboken beregnes.",
  "checklist.summaryLabel": "Sjekklisten i tall",
  "checklist.reportsPerYear": "{n} {n|rapportering|rapporteringer} i året",
  "checklist.search": "Søk etter tiltak",
  "checklist.searchClear": "Tøm søket",
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
} as const;

export type ChecklistPaneKey = keyof typeof nbChecklistPane;

export const enChecklistPane: Record<ChecklistPaneKey, string> = {
  "checklist.emptyTitle": "No checklist yet",
  "checklist.emptyBody":
    "The checklist from «Porteføljestyring 2.0» decides whether a measure is in (Inn) or out (Ut) of the portfolio, and which segment it belongs to. The add-in creates the Sjekkliste sheet with one row for every measure in Vurdering.",
  "checklist.create": "Create checklist",
  "checklist.noEntries": "The checklist has no measures yet. The measures in Vurdering are added the next time the workbook is calculated.",
  "checklist.summaryLabel": "The checklist in figures",
  "checklist.reportsPerYear": "{n} {n|report|reports} a year",
  "checklist.search": "Search measures",
  "checklist.searchClear": "Clear the search",
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
};

const TABLES: Record<Lang, Record<ChecklistPaneKey, string>> = { nb: nbChecklistPane, en: enChecklistPane };

/** A string of this view with `{name}` placeholders filled in (unknown placeholders are left as they are). */
export function ctp(lang: Lang, key: ChecklistPaneKey, params: Record<string, string | number> = {}): string {
  return fill(TABLES[lang][key], params);
}
