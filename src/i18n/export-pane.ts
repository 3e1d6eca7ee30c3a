/**
 * The task pane's export dialog: what it says when something goes wrong, in plain words (what
 * happened, what to do), never a library's or the browser's own error text; and what it says of
 * the title and meeting it keeps in the workbook. Imported only by the dialog's lazy chunk, bokmål
 * first; the English table has exactly the same keys and placeholders.
 */
import { fill, type Lang } from "./format";

export const nbExportPane = {
  "exportPane.failed.pptx":
    "PowerPoint-filen kunne ikke lages. Prøv igjen. Går det fortsatt ikke, bruk «Kopier tabell», eller lag lysarkene fra kommandolinjen: npx prio slides arbeidsbok.xlsx",
  "exportPane.failed.csv": "CSV-filen kunne ikke lages. Prøv igjen, eller bruk «Kopier tabell».",
  "exportPane.failed.copy": "Tabellen kunne ikke lages for utklippstavlen. Prøv igjen, eller last ned CSV og åpne den i Excel.",
  "exportPane.failed.load":
    "Eksporten kunne ikke lastes: oppgaveruten fikk ikke hentet koden den trenger. Lukk oppgaveruten, åpne den igjen og prøv på nytt.",
  "exportPane.copyRefused":
    "Tabellen kunne ikke kopieres: Excel ga ikke tilgang til utklippstavlen. Klikk «Kopier tabell» en gang til. Går det ikke, last ned CSV og åpne den i Excel.",
  "exportPane.copyRefusedMac":
    "Tabellen kunne ikke kopieres: Excel ga ikke tilgang til utklippstavlen. Klikk «Kopier tabell» en gang til. Går det ikke, skriv ut listen fra kommandolinjen: npx prio score arbeidsbok.xlsx --csv",
  "exportPane.saveFailed":
    "Tittelen og møtet ble ikke lagret i arbeidsboken (Excel tok ikke imot dem). Det du laget er ikke berørt; skriv dem inn igjen neste gang.",
} as const;

export type ExportPaneKey = keyof typeof nbExportPane;

export const enExportPane: Record<ExportPaneKey, string> = {
  "exportPane.failed.pptx":
    "The PowerPoint file could not be made. Try again. If it still fails, use “Copy table”, or make the slides from the command line: npx prio slides workbook.xlsx",
  "exportPane.failed.csv": "The CSV file could not be made. Try again, or use “Copy table”.",
  "exportPane.failed.copy": "The table for the clipboard could not be made. Try again, or download the CSV and open it in Excel.",
  "exportPane.failed.load":
    "The export could not be loaded: the task pane could not fetch the code it needs. Close the task pane, open it again and try once more.",
  "exportPane.copyRefused":
    "The table could not be copied: Excel did not allow access to the clipboard. Click “Copy table” once more. If that fails, download the CSV and open it in Excel.",
  "exportPane.copyRefusedMac":
    "The table could not be copied: Excel did not allow access to the clipboard. Click “Copy table” once more. If that fails, print the list from the command line: npx prio score workbook.xlsx --csv",
  "exportPane.saveFailed":
    "The title and meeting were not saved in the workbook (Excel did not take them). What you made is not affected; type them again next time.",
};

const TABLES: Record<Lang, Record<ExportPaneKey, string>> = { nb: nbExportPane, en: enExportPane };

export function xp(lang: Lang, key: ExportPaneKey, params: Record<string, string | number> = {}): string {
  return fill(TABLES[lang][key], params);
}
