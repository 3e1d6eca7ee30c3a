/** Strings of the browser preview page (not of the add-in), bokmål and English. */
import { fill, type Lang } from "./format";

export const nbPreview = {
  title: "Prioritering – prøv uten Excel",
  lead: "Arbeidsboken til venstre er et Excel-ark i minnet. Rediger en celle og se rangeringen i oppgaveruten endre seg.",
  example: "Eksempel",
  "example.imported": "Møtet 21.9.2022, importert",
  "example.legacy": "Møtet 21.9.2022, originalt oppsett",
  "example.empty": "Tom arbeidsbok",
  language: "Visningsspråk",
  open: "Åpne .xlsx …",
  formulaBar: "Innhold i valgt celle",
  editHint: "Skriv og trykk Enter for å lagre i cellen, Esc for å avbryte.",
  loading: "Laster eksempelet …",
  failed: "Kunne ikke laste eksempelet: {message}",
  taskpane: "Oppgaverute",
  openFailed: "«{name}» kunne ikke åpnes som en Excel-arbeidsbok. Velg en .xlsx-fil.",
  download: "Last ned",
  downloadHint: "Lagrer arbeidsboken slik den er nå, med endringene dine, som en .xlsx-fil.",
  downloadFailed: "Kunne ikke lage filen: {message}",
  dialogClose: "Lukk",
} as const;

export type PreviewKey = keyof typeof nbPreview;

export const enPreview: Record<PreviewKey, string> = {
  title: "Prioritering – try it without Excel",
  lead: "The workbook on the left is an Excel sheet in memory. Edit a cell and watch the ranking in the task pane change.",
  example: "Example",
  "example.imported": "Meeting of 21 Sep 2022, imported",
  "example.legacy": "Meeting of 21 Sep 2022, original layout",
  "example.empty": "Empty workbook",
  language: "Display language",
  open: "Open .xlsx …",
  formulaBar: "Content of the selected cell",
  editHint: "Type and press Enter to store it in the cell, Esc to cancel.",
  loading: "Loading the example …",
  failed: "Could not load the example: {message}",
  taskpane: "Task pane",
  openFailed: "“{name}” could not be opened as an Excel workbook. Choose an .xlsx file.",
  download: "Download",
  downloadHint: "Saves the workbook as it is now, with your changes, as an .xlsx file.",
  downloadFailed: "Could not make the file: {message}",
  dialogClose: "Close",
};

export function pv(lang: Lang, key: PreviewKey, params: Record<string, string> = {}): string {
  const table = lang === "nb" ? nbPreview : enPreview;
  return fill(table[key], params);
}
