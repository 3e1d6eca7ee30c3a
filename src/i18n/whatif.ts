/** Strings of the what-if weights mode (Modell view), bokmål and English, same keys. */
import { fill, type Lang } from "./format";

export const nbWhatIf = {
  "whatif.start": "Hva om …",
  "whatif.startHint": "Prøv andre vekter og se rangeringen endre seg, uten å skrive noe i arbeidsboken.",
  "whatif.apply": "Bruk",
  "whatif.applyHint": "Skriver de prøvde vektene til Modell-arket (de gamle verdiene føres i Logg).",
  "whatif.discard": "Forkast",
  "whatif.discardHint": "Går tilbake til vektene som gjelder.",
  "whatif.slider": "Vekt for {label} (hva om)",
  "whatif.changed": "{n} vekter endret",
  "whatif.changedOne": "1 vekt endret",
  "whatif.unchanged": "Ingen vekter endret ennå",
  "whatif.ranking": "Rangering med prøvde vekter",
  "whatif.colRank": "Plass",
  "whatif.colMeasure": "Tiltak",
  "whatif.colTotal": "Score",
  "whatif.colMove": "Endring",
  "whatif.up": "opp {n} fra {from}",
  "whatif.down": "ned {n} fra {from}",
  "whatif.same": "uendret",
  "whatif.noTotal": "Uten total",
  "whatif.resetConfirm": "Sette alle vekter tilbake til 1? De gamle vektene føres i Logg.",
  "whatif.resetYes": "Ja, like vekter",
  "whatif.resetNo": "Avbryt",
  "whatif.bar": "Hva om: vektene er prøvd ut, ikke skrevet til arbeidsboken.",
  "whatif.show": "Vis",
  "whatif.showHint": "Viser de prøvde vektene under Modell.",
  "whatif.rankingHint": "Endring mot vektene som gjelder. Arbeidsboken er ikke endret.",
};

export type WhatIfKey = keyof typeof nbWhatIf;

export const enWhatIf: Record<WhatIfKey, string> = {
  "whatif.start": "What if …",
  "whatif.startHint": "Try other weights and watch the ranking change, without writing anything to the workbook.",
  "whatif.apply": "Apply",
  "whatif.applyHint": "Writes the tried weights to the Modell sheet (the old values go to Logg).",
  "whatif.discard": "Discard",
  "whatif.discardHint": "Returns to the weights in force.",
  "whatif.slider": "Weight of {label} (what if)",
  "whatif.changed": "{n} weights changed",
  "whatif.changedOne": "1 weight changed",
  "whatif.unchanged": "No weight changed yet",
  "whatif.ranking": "Ranking with the tried weights",
  "whatif.colRank": "Rank",
  "whatif.colMeasure": "Measure",
  "whatif.colTotal": "Score",
  "whatif.colMove": "Change",
  "whatif.up": "up {n} from {from}",
  "whatif.down": "down {n} from {from}",
  "whatif.same": "unchanged",
  "whatif.noTotal": "No total",
  "whatif.resetConfirm": "Set every weight back to 1? The old weights go to Logg.",
  "whatif.resetYes": "Yes, equal weights",
  "whatif.resetNo": "Cancel",
  "whatif.bar": "What if: the weights are tried, not written to the workbook.",
  "whatif.show": "Show",
  "whatif.showHint": "Shows the tried weights under Modell.",
  "whatif.rankingHint": "Change against the weights in force. The workbook is unchanged.",
};

const TABLES: Record<Lang, Record<WhatIfKey, string>> = { nb: nbWhatIf, en: enWhatIf };

export function wp(lang: Lang, key: WhatIfKey, params: Record<string, string | number> = {}): string {
  return fill(TABLES[lang][key], params);
}
