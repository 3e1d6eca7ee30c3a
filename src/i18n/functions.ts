/**
 * Strings of the custom functions =PRIO.SCORE and =PRIO.RANK, bokmål first.
 *
 * - Error messages (`fn()`), shown in the cell's error indicator, in the runtime's display language.
 * - Metadata descriptions for Excel's formula autocomplete and Insert Function dialog:
 *   functions.json is generated from the JSDoc in src/functions/functions.ts (English, the manifest's
 *   default locale) and functions.nb-NO.json from it with the bokmål table below
 *   (scripts/functions-metadata.ts, run by webpack). The English table must match the JSDoc; a test checks it.
 *
 * The English tables must carry exactly the same keys as the bokmål ones (the types check it).
 */
import { fill, type Lang } from "./format";

export const nbFunctions = {
  "score.size":
    "PRIO.SCORE venter {count} {count|verdi|verdier} i én rad eller kolonne (modellens spørsmål i rekkefølge), men fikk {rows} × {columns} celler.",
  "score.text":
    "Posisjon {position} ({criterion}) inneholder teksten {raw}, ikke en score fra {min} til {max}.",
  "score.textNumber":
    "Posisjon {position} ({criterion}) inneholder {raw} som tekst. Skriv inn tallet {suggestion}.",
  "score.boolean":
    "Posisjon {position} ({criterion}) inneholder {raw}, ikke en score fra {min} til {max}.",
  "score.error": "Posisjon {position} ({criterion}) inneholder feilen {raw}.",
  "score.outOfScale": "Posisjon {position} ({criterion}) er {raw}, utenfor skalaen {min}–{max}.",
  "score.notFinite": "Posisjon {position} ({criterion}) er ikke et endelig tall.",
  "score.moreInvalid": "{count} {count|annen celle|andre celler} er heller ikke {count|en gyldig score|gyldige scorer}.",
  "score.noTotal": "{groups} mangler score.",
  "score.noTotalMany": "{groups} mangler score.",
  "rank.notNumber": "PRIO.RANK trenger et tall som score, men fikk {raw}.",
  "rank.empty": "PRIO.RANK trenger et tall som score, men cellen er tom.",
  "rank.scoreError": "Scoren er feilen {raw}, så den har ingen rangering.",
  "rank.noMatch": "{score} finnes ikke blant {count} tall i listen.",
} as const;

export type FunctionsKey = keyof typeof nbFunctions;

export const enFunctions: Record<FunctionsKey, string> = {
  "score.size":
    "PRIO.SCORE expects {count} {count|value|values} in one row or column (the model's questions in order), but got {rows} × {columns} cells.",
  "score.text":
    "Position {position} ({criterion}) holds the text {raw}, not a score from {min} to {max}.",
  "score.textNumber":
    "Position {position} ({criterion}) holds {raw} as text. Type the number {suggestion}.",
  "score.boolean":
    "Position {position} ({criterion}) holds {raw}, not a score from {min} to {max}.",
  "score.error": "Position {position} ({criterion}) holds the error {raw}.",
  "score.outOfScale": "Position {position} ({criterion}) is {raw}, outside the scale {min}–{max}.",
  "score.notFinite": "Position {position} ({criterion}) is not a finite number.",
  "score.moreInvalid": "{count} other {count|cell is|cells are} not {count|a valid score|valid scores} either.",
  "score.noTotal": "{groups} has no scores.",
  "score.noTotalMany": "{groups} have no scores.",
  "rank.notNumber": "PRIO.RANK needs a number as the score, but got {raw}.",
  "rank.empty": "PRIO.RANK needs a number as the score, but the cell is empty.",
  "rank.scoreError": "The score is the error {raw}, so it has no rank.",
  "rank.noMatch": "{score} is not among the {count} {count|number|numbers} in the list.",
};

const MESSAGES: Record<Lang, Record<FunctionsKey, string>> = { nb: nbFunctions, en: enFunctions };

/** A custom function message with `{name}` placeholders filled in. */
export function fn(
  lang: Lang,
  key: FunctionsKey,
  params: Record<string, string | number> = {}
): string {
  return fill(MESSAGES[lang][key], params);
}

/** Text quoted the way each language does: «…» in bokmål, “…” in English. */
export function fnQuote(lang: Lang, s: string): string {
  return lang === "nb" ? `«${s}»` : `“${s}”`;
}

/** The custom functions' ids, as in the JSDoc `@customfunction` tags. */
export type FunctionId = "SCORE" | "RANK";

export interface FunctionText {
  description: string;
  /** By parameter name, as in the TypeScript signature. */
  parameters: Record<string, string>;
}

/** Descriptions shown by Excel; `en` is the source (JSDoc), `nb` goes into functions.nb-NO.json. */
export const functionsMetadataText: Record<Lang, Record<FunctionId, FunctionText>> = {
  nb: {
    SCORE: {
      description:
        "Totalscoren for ett tiltak, regnet som i Prioritering: vektede gjennomsnitt av spørsmålene som har en score.",
      parameters: {
        scores:
          "Tiltakets scorer, én per spørsmål i modellens rekkefølge (11 i standardmodellen), i én rad eller kolonne.",
      },
    },
    RANK: {
      description:
        "Rangeringen av en score blant scorene i en liste (1, 2, 2, 4): like totaler innenfor toleransen deler plass.",
      parameters: {
        score: "Scoren som skal rangeres.",
        scores: "Scorene den rangeres blant. Tomme celler og tekst hoppes over.",
      },
    },
  },
  en: {
    SCORE: {
      description:
        "The total score of one measure, computed as in Prioritering: weighted means of the questions that have a score.",
      parameters: {
        scores:
          "The measure's scores, one per question in model order (11 in the default model), in one row or column.",
      },
    },
    RANK: {
      description:
        "The rank of a score among the scores in a list (1, 2, 2, 4): totals equal within the tolerance share a place.",
      parameters: {
        score: "The score to rank.",
        scores: "The scores to rank it among. Blank cells and text are skipped.",
      },
    },
  },
};
