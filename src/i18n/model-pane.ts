/**
 * The Modell tab's strings (taskpane/components/ModelView.tsx, what-if's controls), in those views' chunks, not in the pane's initial JavaScript; the weight's messages, which view-model.ts words, stay in taskpane.ts.
 * Bokmål first; the English table carries exactly the same keys (the type checks it, and the tests).
 */
import { fill, type Lang } from "./format";

export const nbModelPane = {
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
} as const;

export type ModelPaneKey = keyof typeof nbModelPane;

export const enModelPane: Record<ModelPaneKey, string> = {
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
};

const TABLES: Record<Lang, Record<ModelPaneKey, string>> = { nb: nbModelPane, en: enModelPane };

/** A string of this view with `{name}` placeholders filled in (unknown placeholders are left as they are). */
export function mtp(lang: Lang, key: ModelPaneKey, params: Record<string, string | number> = {}): string {
  return fill(TABLES[lang][key], params);
}
