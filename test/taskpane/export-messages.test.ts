/** The export dialog's messages when something fails: plain words, never the error's own text. */
import { ClipboardRefused, exportFailureText } from "../../src/taskpane/export-messages";

const chunkError = Object.assign(new Error("Loading chunk 4711 failed.\n(error: https://localhost/4711.js)"), { name: "ChunkLoadError" });

test.each([
  ["nb", "copy", new ClipboardRefused(), false, "Tabellen kunne ikke kopieres: Excel ga ikke tilgang til utklippstavlen. Klikk «Kopier tabell» en gang til. Går det ikke, last ned CSV og åpne den i Excel."],
  ["nb", "copy", new ClipboardRefused(), true, "Tabellen kunne ikke kopieres: Excel ga ikke tilgang til utklippstavlen. Klikk «Kopier tabell» en gang til. Går det ikke, skriv ut listen fra kommandolinjen: npx prio score arbeidsbok.xlsx --csv"],
  ["en", "copy", new ClipboardRefused(), false, "The table could not be copied: Excel did not allow access to the clipboard. Click “Copy table” once more. If that fails, download the CSV and open it in Excel."],
  ["nb", "pptx", new TypeError("Cannot read properties of undefined (reading 'x')"), false, "PowerPoint-filen kunne ikke lages. Prøv igjen. Går det fortsatt ikke, bruk «Kopier tabell», eller lag lysarkene fra kommandolinjen: npx prio slides arbeidsbok.xlsx"],
  ["en", "pptx", "a thrown string", false, "The PowerPoint file could not be made. Try again. If it still fails, use “Copy table”, or make the slides from the command line: npx prio slides workbook.xlsx"],
  ["nb", "csv", new RangeError("Invalid array length"), false, "CSV-filen kunne ikke lages. Prøv igjen, eller bruk «Kopier tabell»."],
  ["en", "csv", undefined, false, "The CSV file could not be made. Try again, or use “Copy table”."],
  ["nb", "copy", new Error("Failed to execute write on Clipboard"), false, "Tabellen kunne ikke lages for utklippstavlen. Prøv igjen, eller last ned CSV og åpne den i Excel."],
  ["nb", "pptx", chunkError, false, "Eksporten kunne ikke lastes: oppgaveruten fikk ikke hentet koden den trenger. Lukk oppgaveruten, åpne den igjen og prøv på nytt."],
  ["en", "csv", chunkError, false, "The export could not be loaded: the task pane could not fetch the code it needs. Close the task pane, open it again and try once more."],
] as const)("%s %s: %p (Mac %p)", (lang, action, error, mac, expected) => {
  const text = exportFailureText(lang, action, error, mac);
  expect(text).toBe(expected);
  // Nothing of the error's own text reaches the person.
  if (error instanceof Error) expect(text).not.toContain(error.message.split("\n")[0]);
});

test("the catalog has the same keys in both languages, none blank", async () => {
  const { nbExportPane, enExportPane } = await import("../../src/i18n/export-pane");
  expect(Object.keys(enExportPane).sort()).toEqual(Object.keys(nbExportPane).sort());
  for (const k of Object.keys(nbExportPane) as (keyof typeof nbExportPane)[]) expect([k, nbExportPane[k].trim() !== "", enExportPane[k].trim() !== ""]).toEqual([k, true, true]);
});
