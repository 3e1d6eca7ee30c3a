/** Wording of the checklist's outcomes, shared by the sheet, the task pane and the CLI. */
import { REPORTING, type ReportingTopic, type Segment } from "../core/checklist";
import { formatList, type Lang } from "./format";

const TOPICS: Record<Lang, Record<ReportingTopic, string>> = {
  nb: {
    status: "status",
    risiko: "risiko",
    avhengigheter: "avhengigheter",
    fremdrift: "fremdrift",
    erfaringer: "erfaringer",
    hindringer: "hindringer",
    ideer: "idéer",
  },
  en: {
    status: "status",
    risiko: "risk",
    avhengigheter: "dependencies",
    fremdrift: "progress",
    erfaringer: "experience",
    hindringer: "obstacles",
    ideer: "ideas",
  },
};

/** «4 ganger i året: status og risiko» / "4 times a year: status and risk". */
export function reportingText(lang: Lang, segment: Segment): string {
  const r = REPORTING[segment];
  const times =
    lang === "nb" ? (r.timesPerYear === 1 ? "1 gang i året" : `${r.timesPerYear} ganger i året`) : r.timesPerYear === 1 ? "once a year" : `${r.timesPerYear} times a year`;
  return `${times}: ${formatList(lang, r.topics.map((t) => TOPICS[lang][t]))}`;
}

/** One line per segment for tooltips: what the segment means and how it reports. */
export const SEGMENT_MEANING: Record<Lang, Record<Segment, string>> = {
  nb: {
    Samstyre: "Samstyre: bredt samarbeid er vesentlig",
    Koordinere: "Koordinere: sterke avhengigheter til samstyringstiltak",
    Inspirere: "Inspirere: primært undersøkende eller utforskende",
    Observere: "Observere: følges for erfaringsdeling",
  },
  en: {
    Samstyre: "Samstyre (joint governance): broad collaboration is essential",
    Koordinere: "Koordinere (coordinate): strong dependencies on jointly governed measures",
    Inspirere: "Inspirere (inspire): primarily exploratory",
    Observere: "Observere (observe): followed to share experience",
  },
};
