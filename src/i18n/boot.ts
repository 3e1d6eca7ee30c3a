/**
 * What the task pane says when Office is not there: office.js could not be loaded (a blocked
 * network, a proxy) or the page was opened outside Office. Chosen by the browser's language, since
 * without office.js there is no Office display language.
 */
import type { Lang } from "./format";

export type BootProblem = "no-office-js" | "outside-office";

const TEXT: Record<Lang, { title: string } & Record<BootProblem, string>> = {
  nb: {
    title: "Prioritering kan ikke starte",
    "no-office-js":
      "Office-biblioteket (office.js) kunne ikke lastes fra Microsoft (appsforoffice.microsoft.com). Tillegget trenger det for å lese og skrive i arbeidsboken. Sjekk at nettverket slipper gjennom til appsforoffice.microsoft.com, og åpne tillegget på nytt fra Excel.",
    "outside-office":
      "Denne siden er Prioritering-tillegget for Excel og virker bare inne i Excel. Åpne det fra fanen Hjem i Excel (gruppen Prioritering).",
  },
  en: {
    title: "Prioritering cannot start",
    "no-office-js":
      "The Office library (office.js) could not be loaded from Microsoft (appsforoffice.microsoft.com). The add-in needs it to read and write the workbook. Check that the network lets appsforoffice.microsoft.com through, and open the add-in again from Excel.",
    "outside-office":
      "This page is the Prioritering add-in for Excel and works only inside Excel. Open it from the Home tab in Excel (the Prioritering group).",
  },
};

export function bootText(lang: Lang, problem: BootProblem): { title: string; body: string } {
  return { title: TEXT[lang].title, body: TEXT[lang][problem] };
}
