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
  | { kind: "invalid"; reason: InvalidReason; raw: string; suggestion?: number };

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
    if (!inScale(value, scale)) return { kind: "invalid", reason: "out-of-scale", raw: String(value) };
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
