/**
 * Excel custom functions over the scoring core, in the add-in's shared runtime: =PRIO.SCORE and
 * =PRIO.RANK (namespace PRIO from the manifest, the same in every language).
 *
 * custom-functions-metadata-plugin (webpack) reads the JSDoc below to generate functions.json and
 * appends `CustomFunctions.associate("SCORE", score)` etc. to this module; the descriptions must
 * match the English table in src/i18n/functions.ts (a test checks it), which also holds the bokmål
 * ones for functions.nb-NO.json.
 *
 * Results are numbers or CustomFunctions.Error (#VALUE!/#N/A with a message in the display
 * language); never NaN, Infinity or a string that looks like an error.
 */
import { scoreMeasure, type MeasureInput } from "../core/aggregate";
import { isCellError, type CellValue, type InvalidReason } from "../core/cell";
import { leaves, type CriterionNode, type Model } from "../core/model";
import { nearlyEqual, rank as rankTotals } from "../core/rank";
import { formatList, formatShort, langFromLocale, type Lang } from "../i18n/format";
import { fn, fnQuote, type FunctionsKey } from "../i18n/functions";
import { getFunctionsModel } from "./model-source";

/** The runtime's display language; English when Office is not there (tests, preview). */
function displayLang(): Lang {
  try {
    return langFromLocale(
      typeof Office !== "undefined" ? Office.context?.displayLanguage : undefined
    );
  } catch {
    return "en";
  }
}

/** The custom functions runtime office.js provides; absent on a page without office.js. */
type Runtime = typeof globalThis.CustomFunctions;

function runtime(): Runtime | undefined {
  return (globalThis as { CustomFunctions?: Runtime }).CustomFunctions;
}

/**
 * The registrations custom-functions-metadata-plugin appends to this module
 * (`CustomFunctions.associate("SCORE", score)`) resolve to this binding, not to the global: when
 * office.js cannot load (a blocked network; the task pane says so), the page has no
 * CustomFunctions, and the bare global would throw a ReferenceError as the page loads. Without the
 * runtime there is nothing to register with, and Excel is not there to call the functions.
 */
// eslint-disable-next-line @typescript-eslint/no-unused-vars -- shadows the global on purpose: the plugin's appended calls use it
const CustomFunctions = {
  associate(id: string, fn: (...args: never[]) => unknown): void {
    runtime()?.associate(id, fn);
  },
};

/** A function's error for Excel; only called by Excel, so the runtime is there. */
function excelError(code: "invalidValue" | "notAvailable" | "invalidNumber", message?: string): globalThis.CustomFunctions.Error {
  const cf = runtime()!;
  return new cf.Error(cf.ErrorCode[code], message);
}

function valueError(message: string): globalThis.CustomFunctions.Error {
  return excelError("invalidValue", message);
}

function notAvailable(message: string): globalThis.CustomFunctions.Error {
  return excelError("notAvailable", message);
}

/**
 * A value Excel passed for a cell, as the core sees cells. `any` parameters may also receive
 * objects: an error value as CustomFunctions.Error (`code` "#N/A"), and, since the metadata allows
 * data types, an Excel.CellValue (`type`, `basicValue`: formatted numbers, entities, errors).
 * Anything else that is not a plain value counts as an error.
 */
function toCell(v: unknown): CellValue {
  if (v === null || v === undefined) return null;
  if (typeof v === "number" || typeof v === "string" || typeof v === "boolean") return v;
  if (isCellError(v)) return v;
  if (typeof v === "object") {
    const o = v as { code?: unknown; type?: unknown; basicValue?: unknown };
    if (typeof o.code === "string" && o.code.startsWith("#")) return { error: o.code };
    if (o.type === "Error")
      return { error: typeof o.basicValue === "string" ? o.basicValue : "#VALUE!" };
    if (o.type === "Empty") return null;
    const b = o.basicValue;
    if (typeof b === "number" || typeof b === "string" || typeof b === "boolean") return b;
  }
  return { error: "#VALUE!" };
}

/** The cells of a matrix argument, row by row; a scalar counts as a 1 × 1 range. */
function cellsOf(m: unknown): { cells: unknown[]; rows: number; columns: number } {
  if (!Array.isArray(m)) return { cells: [m], rows: 1, columns: 1 };
  const rows = m.map((r: unknown) => (Array.isArray(r) ? (r as unknown[]) : [r]));
  return {
    cells: rows.flat(),
    rows: rows.length,
    columns: rows.reduce((n, r) => Math.max(n, r.length), 0),
  };
}

function nodeLabel(node: CriterionNode, lang: Lang): string {
  return (node.short ?? node.label)[lang];
}

const INVALID_KEY: Record<InvalidReason, FunctionsKey> = {
  text: "score.text",
  boolean: "score.boolean",
  error: "score.error",
  "out-of-scale": "score.outOfScale",
  "not-finite": "score.notFinite",
};

function rawForMessage(reason: InvalidReason, raw: string, lang: Lang): string {
  if (reason === "text") return fnQuote(lang, raw);
  if (reason === "boolean" && lang === "nb") return raw === "TRUE" ? "SANN" : "USANN";
  return raw;
}

/** The measure's total under the model, or the Excel error that explains why there is none. */
export function scoreWith(model: Model, range: unknown, lang: Lang): number {
  const leafNodes = leaves(model);
  const { cells, rows, columns } = cellsOf(range);
  if ((rows !== 1 && columns !== 1) || cells.length !== leafNodes.length) {
    throw valueError(fn(lang, "score.size", { count: leafNodes.length, rows, columns }));
  }
  const input: MeasureInput = { id: "PRIO.SCORE", name: "PRIO.SCORE", scores: {} };
  leafNodes.forEach((leaf, i) => {
    input.scores[leaf.id] = { value: toCell(cells[i]) };
  });
  const result = scoreMeasure(model, input);

  if (result.invalid.length > 0) {
    const position = leafNodes.findIndex((l) => l.id === result.invalid[0]);
    const leaf = leafNodes[position];
    const outcome = result.leaves[leaf.id];
    if (outcome.kind !== "invalid")
      throw new Error("unreachable: an invalid leaf without a reason");
    const params = {
      position: position + 1,
      criterion: nodeLabel(leaf, lang),
      raw: rawForMessage(outcome.reason, outcome.raw, lang),
      min: formatShort(lang, model.scale.min),
      max: formatShort(lang, model.scale.max),
    };
    let message =
      outcome.reason === "text" && outcome.suggestion !== undefined
        ? fn(lang, "score.textNumber", {
            ...params,
            suggestion: formatShort(lang, outcome.suggestion),
          })
        : fn(lang, INVALID_KEY[outcome.reason], params);
    if (result.invalid.length > 1)
      message += ` ${fn(lang, "score.moreInvalid", { count: result.invalid.length - 1 })}`;
    throw valueError(message);
  }

  if (result.total === null) {
    const labels = result.missingGroups.map((id) => {
      const group = model.criteria.find((g) => g.id === id);
      return group ? nodeLabel(group, lang) : id;
    });
    throw notAvailable(
      fn(lang, labels.length === 1 ? "score.noTotal" : "score.noTotalMany", {
        groups: formatList(lang, labels),
      })
    );
  }
  if (!Number.isFinite(result.total)) throw excelError("invalidNumber");
  return result.total;
}

/** Standard competition rank (1, 2, 2, 4) of `value` among the numbers of `list`, ties within the tolerance. */
export function rankWith(model: Model, value: unknown, list: unknown, lang: Lang): number {
  const cell = toCell(value);
  if (cell === null || (typeof cell === "string" && cell.trim() === ""))
    throw valueError(fn(lang, "rank.empty"));
  if (isCellError(cell)) throw notAvailable(fn(lang, "rank.scoreError", { raw: cell.error }));
  if (typeof cell !== "number" || !Number.isFinite(cell)) {
    const raw =
      typeof cell === "string"
        ? fnQuote(lang, cell)
        : typeof cell === "boolean"
          ? rawForMessage("boolean", cell ? "TRUE" : "FALSE", lang)
          : String(cell);
    throw valueError(fn(lang, "rank.notNumber", { raw }));
  }
  const numbers = cellsOf(list)
    .cells.map(toCell)
    .filter((v): v is number => typeof v === "number" && Number.isFinite(v));
  let match = -1;
  numbers.forEach((n, i) => {
    if (
      nearlyEqual(cell, n, model.tolerance) &&
      (match < 0 || Math.abs(n - cell) < Math.abs(numbers[match] - cell))
    )
      match = i;
  });
  if (match < 0)
    throw notAvailable(
      fn(lang, "rank.noMatch", { score: formatShort(lang, cell), count: numbers.length })
    );
  const slot = rankTotals(
    numbers.map((total) => ({ total })),
    model.tolerance
  ).find((s) => s.index === match);
  if (!slot || slot.rank === null)
    throw notAvailable(
      fn(lang, "rank.noMatch", { score: formatShort(lang, cell), count: numbers.length })
    );
  return slot.rank;
}

/**
 * The total score of one measure, computed as in Prioritering: weighted means of the questions that have a score.
 * @customfunction SCORE
 * @param scores The measure's scores, one per question in model order (11 in the default model), in one row or column.
 * @returns The total (Måloppnåelse + Kostnader + Nytte in the default model).
 */
export function score(scores: unknown[][]): number {
  return scoreWith(getFunctionsModel(), scores, displayLang());
}

/**
 * The rank of a score among the scores in a list (1, 2, 2, 4): totals equal within the tolerance share a place.
 * @customfunction RANK
 * @param score The score to rank.
 * @param scores The scores to rank it among. Blank cells and text are skipped.
 * @returns The rank, 1 for the highest score.
 */
export function rank(score: unknown, scores: unknown[][]): number {
  return rankWith(getFunctionsModel(), score, scores, displayLang());
}
