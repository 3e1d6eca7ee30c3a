/**
 * How Excel (en-US) reads what is typed or written into `Range.values`, and how Office.js gives
 * cell values back: errors as their text with valueType "Error", blanks as "" with "Empty".
 */
import type { CellError, CellValue } from "../core/cell";
import { ERROR_LITERALS, excelRound, generalText, isErr, numericText } from "./formula";

/** What a typed entry becomes: a constant or a formula (without "="). */
export type Entry = { value: CellValue } | { formula: string };

export type OfficeValue = string | number | boolean;

export type ValueType = "Empty" | "String" | "Double" | "Boolean" | "Error";

/**
 * Reads an entry as Excel does when a person types it or an add-in writes it into `values`:
 * "=…" is a formula; a leading apostrophe keeps text as text; "7", " 7 ", "1,000", "1e3", "50%"
 * are numbers; "7,5" stays text (en-US); TRUE/FALSE are booleans; "#N/A" is an error value; ""
 * clears the cell. "+…", "-…" and "@…" that are not numbers are formulas too (an invalid one is
 * refused, as Excel refuses it). In a cell formatted as Text ("@") everything stays text. Dates and currency
 * are not parsed (they stay text here).
 */
export function readEntry(text: string, numberFormat?: string): Entry {
  if (text === "") return { value: null };
  if (numberFormat === "@") return { value: text };
  if (text.startsWith("'")) return { value: text.slice(1) === "" ? null : text.slice(1) };
  if (text.startsWith("=") && text.length > 1) return { formula: text.slice(1) };
  const t = text.trim();
  const upper = t.toUpperCase();
  if (upper === "TRUE") return { value: true };
  if (upper === "FALSE") return { value: false };
  const e = (ERROR_LITERALS as readonly string[]).find((x) => x === upper);
  if (e) return { value: { error: e } };
  const n = numericText(t);
  if (n !== undefined) return { value: n };
  // Excel still reads a leading + or - (and @) as the start of a formula, as Lotus did.
  if (/^[+\-@]./s.test(text)) return { formula: text };
  return { value: text };
}

/** Whether a typed entry with a percent sign should get a percent format, as Excel gives it. */
export function impliedNumberFormat(text: string): string | undefined {
  return /^\s*[+-]?[\d.,]+(?:[eE][+-]?\d+)?%\s*$/.test(text) ? "0%" : undefined;
}

export function officeValue(v: CellValue): OfficeValue {
  if (v === null) return "";
  if (isErr(v)) return (v as CellError).error;
  return v as OfficeValue;
}

export function valueType(v: CellValue): ValueType {
  if (v === null) return "Empty";
  if (typeof v === "number") return "Double";
  if (typeof v === "string") return "String";
  if (typeof v === "boolean") return "Boolean";
  return "Error";
}

// ---------------------------------------------------------------------------------------------
// Number formats → Range.text (the common formats; others fall back to General)

function groupThousands(intPart: string): string {
  return intPart.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
}

/** Splits a format into its literal-stripped code and literal text pieces around it. */
function formatSection(code: string, n: number): string | undefined {
  // Sections: positive;negative;zero;text.
  const sections = splitSections(code);
  let section = sections[0];
  let value = n;
  if (n < 0 && sections.length > 1) {
    section = sections[1];
    value = -n;
  } else if (n === 0 && sections.length > 2) section = sections[2];
  return renderNumber(section, value);
}

function splitSections(code: string): string[] {
  const out: string[] = [];
  let cur = "";
  let quoted = false;
  for (let i = 0; i < code.length; i++) {
    const ch = code[i];
    if (ch === '"') quoted = !quoted;
    if (ch === "\\" && i + 1 < code.length) {
      cur += ch + code[++i];
      continue;
    }
    if (ch === ";" && !quoted) {
      out.push(cur);
      cur = "";
      continue;
    }
    cur += ch;
  }
  out.push(cur);
  return out;
}

function renderNumber(section: string, n: number): string | undefined {
  // Pull out literals ("text", \c) and bracketed codes ([Red]); keep placeholders in order.
  let prefix = "";
  let suffix = "";
  let core = "";
  let seenCore = false;
  for (let i = 0; i < section.length; i++) {
    const ch = section[i];
    let lit: string | undefined;
    if (ch === '"') {
      const j = section.indexOf('"', i + 1);
      lit = section.slice(i + 1, j < 0 ? undefined : j);
      i = j < 0 ? section.length : j;
    } else if (ch === "\\") {
      lit = section[++i] ?? "";
    } else if (ch === "[") {
      const j = section.indexOf("]", i);
      i = j < 0 ? section.length : j;
      continue;
    } else if (ch === "_" || ch === "*") {
      i++;
      continue;
    } else if ("0#?.,%".includes(ch)) {
      core += ch;
      seenCore = true;
      continue;
    } else if (ch === "E" || ch === "e") {
      return undefined;
    } else {
      lit = ch;
    }
    if (seenCore) suffix += lit;
    else prefix += lit;
  }
  if (!seenCore) return prefix + suffix;
  let v = n;
  const percents = (core.match(/%/g) ?? []).length;
  v *= Math.pow(100, percents);
  const body = core.replace(/%/g, "");
  const dot = body.indexOf(".");
  const intCode = dot < 0 ? body : body.slice(0, dot);
  const fracCode = dot < 0 ? "" : body.slice(dot + 1).replace(/,/g, "");
  const decimals = fracCode.length;
  const grouped = intCode.includes(",") && /[0#?],[0#?]/.test(intCode);
  const trailingCommas = (/,+$/.exec(intCode)?.[0].length ?? 0);
  v /= Math.pow(1000, trailingCommas);
  const fixed = excelRound(Math.abs(v), decimals).toFixed(decimals);
  let [ip, fp = ""] = fixed.split(".");
  const minInt = (intCode.match(/0/g) ?? []).length;
  if (ip === "0" && minInt === 0) ip = "";
  while (ip.length < minInt) ip = "0" + ip;
  if (grouped) ip = groupThousands(ip);
  // Optional decimals (#) drop trailing zeros.
  const required = (fracCode.match(/0/g) ?? []).length;
  while (fp.length > required && fp.endsWith("0")) fp = fp.slice(0, -1);
  const sign = v < 0 && Number(fixed) !== 0 ? "-" : "";
  const pct = "%".repeat(percents);
  const frac = dot >= 0 ? `.${fp}` : "";
  return `${sign}${prefix}${ip}${frac}${pct}${suffix}`;
}

/** A number in the General format, as a cell of standard width shows it (up to 11 characters). */
export function generalDisplay(n: number): string {
  if (Number.isInteger(n) && Math.abs(n) < 1e11) return String(n);
  const abs = Math.abs(n);
  if (abs >= 1e11 || (abs !== 0 && abs < 1e-9)) {
    const [m, e] = n.toExponential(5).split("e");
    const mant = String(Number(m));
    const exp = Number(e);
    return `${mant}E${exp < 0 ? "-" : "+"}${String(Math.abs(exp)).padStart(2, "0")}`;
  }
  const intDigits = Math.max(1, Math.floor(Math.log10(abs)) + 1);
  const room = Math.max(0, 10 - intDigits - (n < 0 ? 1 : 0));
  return String(Number(n.toFixed(room)));
}

/** Range.text of one cell: the value shown with its number format. */
export function displayText(v: CellValue, numberFormat: string | undefined): string {
  if (v === null) return "";
  if (isErr(v)) return (v as CellError).error;
  if (typeof v === "boolean") return v ? "TRUE" : "FALSE";
  const fmt = numberFormat ?? "General";
  if (typeof v === "string") {
    const sections = splitSections(fmt);
    if (sections.length >= 4) return sections[3].replace(/@/g, v).replace(/"/g, "");
    return v;
  }
  if (fmt === "General" || fmt === "@" || fmt === "") return fmt === "@" ? generalText(v) : generalDisplay(v);
  return formatSection(fmt, v) ?? generalDisplay(v);
}
