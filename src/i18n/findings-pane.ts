/**
 * The Funn tab's strings (taskpane/components/FindingsView.tsx; Utvalg's funding section uses a few), in those views' chunks, not in the pane's initial JavaScript.
 * Bokmål first; the English table carries exactly the same keys (the type checks it, and the tests).
 */
import { fill, type Lang } from "./format";

export const nbFindingsPane = {
  "findings.none": "Ingen funn",
  "findings.noneBody": "Alle scorer er gyldige, og rangeringen stemmer med modellen.",
  "findings.heading": "{label} ({count})",
  "findings.goTo": "Gå til {cell}",
  "findings.sync": "Synkroniser",
  "findings.syncHint":
    "Skriver riktige verdier og formler i de gamle temaarkene og Samlet, og fører det som sto der før, i arket Logg.",
  "findings.syncConfirm":
    "Synkroniser skriver i {cells} {cells|celle|celler} på {count} ark: {sheets}. Det som står i cellene nå, føres i arket Logg.",
  "findings.syncConfirmButton": "Skriv i arkene",
  "findings.syncCancel": "Avbryt",
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
  "findings.extendTable": "Utvid tabellen til rad {row}",
  "findings.extendTableHint": "Tabellen på arket {sheet} utvides ned til rad {row}, så radene under den tas med. Ingen celler skrives over.",
} as const;

export type FindingsPaneKey = keyof typeof nbFindingsPane;

export const enFindingsPane: Record<FindingsPaneKey, string> = {
  "findings.none": "No findings",
  "findings.noneBody": "Every score is valid and the ranking matches the model.",
  "findings.heading": "{label} ({count})",
  "findings.goTo": "Go to {cell}",
  "findings.sync": "Synchronise",
  "findings.syncHint":
    "Writes correct values and formulas into the old theme sheets and the summary (Samlet), and logs what was there on the Logg sheet.",
  "findings.syncConfirm":
    "Synchronise writes to {cells} {cells|cell|cells} on {count} {count|sheet|sheets}: {sheets}. What the cells hold now is logged on the Logg sheet.",
  "findings.syncConfirmButton": "Write to the sheets",
  "findings.syncCancel": "Cancel",
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
  "findings.extendTable": "Extend the table to row {row}",
  "findings.extendTableHint": "The table on the sheet {sheet} is extended down to row {row}, so the rows below it are included. No cell is overwritten.",
};

const TABLES: Record<Lang, Record<FindingsPaneKey, string>> = { nb: nbFindingsPane, en: enFindingsPane };

/** A string of this view with `{name}` placeholders filled in (unknown placeholders are left as they are). */
export function ftp(lang: Lang, key: FindingsPaneKey, params: Record<string, string | number> = {}): string {
  return fill(TABLES[lang][key], params);
}
