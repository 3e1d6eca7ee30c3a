/**
 * The decision deck's and the exports' words for the selection within the budget (minimum list,
 * plus list, not selected, held out): the cost and reason columns, each measure's reason in the
 * committee's words, the sums per list, and which frames were used (the workbook's, or tried in the
 * pane's *Utvalg*). Bokmål first; the English table has exactly the same keys. Loaded with the
 * exports (their own chunk in the pane), never at the pane's start.
 */
import { fill, type Lang } from "./format";

export const nbDecision = {
  title: "Utvalg innenfor rammene",
  "col.cost": "Kostnad (MNOK)",
  "col.why": "Begrunnelse",
  "why.forcedIn": "tas med (rådets valg)",
  "why.forcedInPane": "tas med (prøvd i Utvalg, ikke lagret)",
  "why.heldOut": "holdes utenfor (rådets valg)",
  "why.heldOutPane": "holdes utenfor (prøvd i Utvalg, ikke lagret)",
  "why.minimum": "innenfor minimumsrammen",
  "why.budget": "innenfor budsjettrammen",
  "section.out": "Ikke med – grunnen står på hver rad",
  "section.heldOut": "Holdes utenfor – etter valg, ikke etter rammen",
  sum: "Sum: {count} {count|tiltak|tiltak}",
  empty: "(ingen)",
  "frames.workbook": "Rammene fra arket Modell: budsjettramme {budget}, minimumsramme {minimum}",
  "frames.workbookOnly": "Rammen fra arket Modell: budsjettramme {budget}, ingen minimumsramme",
  "frames.pane": "Rammene prøvd i Utvalg (ikke lagret): budsjettramme {budget}, minimumsramme {minimum}",
  "frames.paneOnly": "Rammen prøvd i Utvalg (ikke lagret): budsjettramme {budget}, ingen minimumsramme",
  "frames.choices": "valg prøvd i Utvalg for {count} {count|tiltak|tiltak}",
  "dialog.split": "Lysarkene og tabellene deler listen etter utvalget innenfor rammen. {frames}.",
} as const;

export type DecisionKey = keyof typeof nbDecision;

export const enDecision: Record<DecisionKey, string> = {
  title: "Selection within the frames",
  "col.cost": "Cost (MNOK)",
  "col.why": "Reason",
  "why.forcedIn": "included (the council's choice)",
  "why.forcedInPane": "included (tried in Utvalg, not saved)",
  "why.heldOut": "held out (the council's choice)",
  "why.heldOutPane": "held out (tried in Utvalg, not saved)",
  "why.minimum": "within the minimum frame",
  "why.budget": "within the budget frame",
  "section.out": "Not selected – the reason is on each row",
  "section.heldOut": "Held out – by choice, not by the frame",
  sum: "Total: {count} {count|measure|measures}",
  empty: "(none)",
  "frames.workbook": "The frames from the Modell sheet: budget frame {budget}, minimum frame {minimum}",
  "frames.workbookOnly": "The frame from the Modell sheet: budget frame {budget}, no minimum frame",
  "frames.pane": "The frames tried in Utvalg (not saved): budget frame {budget}, minimum frame {minimum}",
  "frames.paneOnly": "The frame tried in Utvalg (not saved): budget frame {budget}, no minimum frame",
  "frames.choices": "choices tried in Utvalg for {count} {count|measure|measures}",
  "dialog.split": "The slides and the tables split the list by the selection within the frame. {frames}.",
};

const TABLES: Record<Lang, Record<DecisionKey, string>> = { nb: nbDecision, en: enDecision };

export function dx(lang: Lang, key: DecisionKey, params: Record<string, string | number> = {}): string {
  return fill(TABLES[lang][key], params);
}
