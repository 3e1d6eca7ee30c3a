/**
 * Classification of one cell's value against the scale. Never guesses: a number inside the
 * scale is a score, a blank is missing, everything else is invalid with the reason and, where
 * the intent is obvious ("7,5" typed as text), the suggested fix.
 */
import type { Scale } from "./model";

/** An Excel error value (#DIV/0!, #REF!, #N/A …). */
export interface CellError {
  error: string;
}

/** What a cell holds, whether it comes from Excel or from an .xlsx file. */
export type CellValue = number | string | boolean | null | CellError;

export type InvalidReason = "text" | "boolean" | "error" | "out-of-scale" | "not-finite";

export type Classified =
  | { kind: "score"; value: number }
  | { kind: "missing" }
  | { kind: "invalid"; reason: InvalidReason; raw: string; suggestion?: number; date?: DayMonth };

/** The day and month of a date Excel made of what was typed. */
export interface DayMonth {
  day: number;
  month: number;
}

/** Serial numbers of 1 January 1990 and 31 December 2099: a whole number between them in a score cell is a date. */
const DATES_FROM = 32874;
const DATES_TO = 73050;

/**
 * The day and month of an Excel date serial, when a score cell holds one: Norwegian Excel reads
 * «7.5», «12.03» or «1/2» typed into a cell as dates of this year (a serial near 46,000), so a
 * whole number in the range of recent dates, far above any scale, is what was typed as a decimal.
 */
export function typedAsDate(n: number, scale: Scale): DayMonth | undefined {
  if (!Number.isInteger(n) || n < DATES_FROM || n > DATES_TO || scale.max >= DATES_FROM) return undefined;
  const d = new Date(Date.UTC(1899, 11, 30) + n * 86_400_000);
  return { day: d.getUTCDate(), month: d.getUTCMonth() + 1 };
}

export function isCellError(v: unknown): v is CellError {
  return typeof v === "object" && v !== null && typeof (v as CellError).error === "string";
}

/** A display form of a raw value, for messages. */
export function rawText(v: CellValue): string {
  if (v === null) return "";
  if (isCellError(v)) return v.error;
  if (typeof v === "boolean") return v ? "TRUE" : "FALSE";
  return String(v);
}

/** Error values as Excel spells them; used where a source gives errors as plain strings. */
export const EXCEL_ERRORS = [
  "#NULL!",
  "#DIV/0!",
  "#VALUE!",
  "#REF!",
  "#NAME?",
  "#NUM!",
  "#N/A",
  "#GETTING_DATA",
  "#SPILL!",
  "#CALC!",
  "#FIELD!",
  "#BLOCKED!",
  "#CONNECT!",
  "#BUSY!",
  "#UNKNOWN!",
] as const;

/**
 * A number typed as text, in either decimal convention: "7,5", " 7.5 ", "7". Returns undefined
 * for anything that is not plainly one number (thousands separators, units, words).
 */
export function numberInText(text: string): number | undefined {
  const s = text.trim().replace(/\u2212/g, "-");
  if (!/^[-+]?(\d+([.,]\d+)?|[.,]\d+)$/.test(s)) return undefined;
  const n = Number(s.replace(",", "."));
  return Number.isFinite(n) ? n : undefined;
}

function inScale(n: number, scale: Scale): boolean {
  return n >= scale.min && n <= scale.max;
}

export function classify(value: CellValue | undefined, scale: Scale): Classified {
  if (value === null || value === undefined) return { kind: "missing" };
  if (typeof value === "number") {
    if (!Number.isFinite(value)) return { kind: "invalid", reason: "not-finite", raw: String(value) };
    if (!inScale(value, scale)) {
      const date = typedAsDate(value, scale);
      return date ? { kind: "invalid", reason: "out-of-scale", raw: String(value), date } : { kind: "invalid", reason: "out-of-scale", raw: String(value) };
    }
    return { kind: "score", value };
  }
  if (typeof value === "string") {
    if (value.trim() === "") return { kind: "missing" };
    const n = numberInText(value);
    const suggestion = n !== undefined && inScale(n, scale) ? n : undefined;
    return suggestion === undefined
      ? { kind: "invalid", reason: "text", raw: value }
      : { kind: "invalid", reason: "text", raw: value, suggestion };
  }
  if (typeof value === "boolean") return { kind: "invalid", reason: "boolean", raw: rawText(value) };
  if (isCellError(value)) return { kind: "invalid", reason: "error", raw: value.error };
  return { kind: "invalid", reason: "text", raw: String(value) };
}
