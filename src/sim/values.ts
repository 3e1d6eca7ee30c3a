/**
 * How Excel reads what is typed (in the workbook's locale: Norwegian bokmål or US English) or
 * written into `Range.values` (en-US), and how Office.js gives cell values back: errors as their
 * text with valueType "Error", blanks as "" with "Empty"; number formats read back in the locale.
 */
import type { CellError, CellValue } from "../core/cell";
import { ERROR_LITERALS, excelRound, generalText, isErr, numericText } from "./formula";

/** What a typed entry becomes: a constant or a formula (without "="). */
export type Entry = { value: CellValue } | { formula: string };

export type OfficeValue = string | number | boolean;

export type ValueType = "Empty" | "String" | "Double" | "Boolean" | "Error";

/**
 * Reads an entry as Excel does when a person types it or an add-in writes it into `values`:
 * "=…" is a formula; a leading apostrophe keeps text as text. In US English "7", " 7 ", "1,000",
 * "1e3", "50%" are numbers, "7,5" stays text, "7/5" is 5 July, TRUE/FALSE are booleans. In
 * Norwegian "7,5" and "1 000,5" are numbers, "7.5", "12.03" and "1/2" are dates (7 May, 12 March,
 * 1 February of this year: a serial near 46,000), SANN/USANN booleans. "#N/A" (or "#I/T") is an
 * error value; "" clears the cell. "+…", "-…" and "@…" that are not numbers are formulas too (an
 * invalid one is refused, as Excel refuses it). In a cell formatted as Text ("@") everything
 * stays text. Times and currency are not parsed (they stay text here).
 */
export function readEntry(text: string, numberFormat?: string, locale: Locale = "en", today: Date = new Date()): Entry {
  if (text === "") return { value: null };
  if (numberFormat === "@") return { value: text };
  if (text.startsWith("'")) return { value: text.slice(1) === "" ? null : text.slice(1) };
  if (text.startsWith("=") && text.length > 1) return { formula: text.slice(1) };
  const t = text.trim();
  const upper = t.toUpperCase();
  if (upper === (locale === "nb" ? "SANN" : "TRUE")) return { value: true };
  if (upper === (locale === "nb" ? "USANN" : "FALSE")) return { value: false };
  const e = (ERROR_LITERALS as readonly string[]).find((x) => x === upper) ?? (locale === "nb" ? NB_ERRORS[upper] : undefined);
  if (e) return { value: { error: e } };
  const n = locale === "nb" ? nbNumber(t) : numericText(t);
  if (n !== undefined) return { value: n };
  const date = typedDate(t, locale, today);
  if (date) return { value: date.serial };
  // Excel still reads a leading + or - (and @) as the start of a formula, as Lotus did.
  if (/^[+\-@]./s.test(text)) return { formula: text };
  return { value: text };
}

/** Whether a typed entry should get a number format, as Excel gives it: a percent, a date. */
export function impliedNumberFormat(text: string, locale: Locale = "en", today: Date = new Date()): string | undefined {
  if (/^\s*[+-]?[\d.,  ]+(?:[eE][+-]?\d+)?\s?%\s*$/.test(text)) return "0%";
  const date = typedDate(text.trim(), locale, today);
  if (date) return date.withYear ? "m/d/yyyy" : "d-mmm";
  return undefined;
}

export type Locale = "nb" | "en";

/** Error values as Norwegian Excel names them. */
const NB_ERRORS: Record<string, string> = { "#I/T": "#N/A", "#VERDI!": "#VALUE!", "#NAVN?": "#NAME?", "#NULL!": "#NULL!", "#NUM!": "#NUM!", "#REF!": "#REF!", "#DIV/0!": "#DIV/0!" };

/** A number typed in Norwegian: decimal comma, spaces between thousands («1 000,5»), a percent sign. */
export function nbNumber(t: string): number | undefined {
  const m = /^([+\-\u2212]?)(\d{1,3}(?:[ \u00a0\u202f]\d{3})+|\d*)(?:,(\d*))?([eE][+-]?\d+)?\s?(%?)$/u.exec(t);
  if (!m || !/\d/.test(m[2] + (m[3] ?? ""))) return undefined;
  const n = Number(`${m[1] === "" || m[1] === "+" ? "" : "-"}${m[2].replace(/[ \u00a0\u202f]/g, "") || "0"}.${m[3] || "0"}${m[4] ?? ""}`);
  if (!Number.isFinite(n)) return undefined;
  return m[5] ? n / 100 : n;
}

/** Excel's serial number of a date (days since 30 December 1899). */
export function dateSerial(year: number, month: number, day: number): number {
  return Math.round((Date.UTC(year, month - 1, day) - Date.UTC(1899, 11, 30)) / 86_400_000);
}

/**
 * A date as Excel reads one typed: in Norwegian day.month[.year] (also with «/» or «-»: «7.5»,
 * «12.03», «1/2», «7.5.2024»), in US English month/day[/year] («7/5»); without a year, this year.
 * A day or month that does not exist is no date.
 */
export function typedDate(t: string, locale: Locale, today: Date): { serial: number; withYear: boolean } | undefined {
  const m = (locale === "nb" ? /^(\d{1,2})([./-])(\d{1,2})(?:\2(\d{2}|\d{4}))?$/ : /^(\d{1,2})([/-])(\d{1,2})(?:\2(\d{2}|\d{4}))?$/).exec(t);
  if (!m) return undefined;
  const [a, b] = [Number(m[1]), Number(m[3])];
  const [day, month] = locale === "nb" ? [a, b] : [b, a];
  let year = m[4] === undefined ? today.getFullYear() : Number(m[4]);
  if (m[4]?.length === 2) year += year < 30 ? 2000 : 1900;
  const d = new Date(Date.UTC(year, month - 1, day));
  if (month < 1 || month > 12 || day < 1 || d.getUTCMonth() !== month - 1 || d.getUTCDate() !== day) return undefined;
  return { serial: dateSerial(year, month, day), withYear: m[4] !== undefined };
}

/**
 * A number format as Excel on the web reads it back in the locale (office-js #1553, #1632,
 * #2824): in Norwegian «0.0» is «0,0», «#,##0» is «# ##0», General is Standard, and the date
 * letters y and h are å and t. Quoted text, escapes and [brackets] stay as they are.
 */
export function localFormat(code: string, locale: Locale): string {
  if (locale !== "nb") return code;
  if (code === "General") return "Standard";
  let out = "";
  for (let i = 0; i < code.length; i++) {
    const ch = code[i];
    if (ch === '"') {
      const j = code.indexOf('"', i + 1);
      const end = j < 0 ? code.length : j + 1;
      out += code.slice(i, end);
      i = end - 1;
    } else if (ch === "\\") out += ch + (code[++i] ?? "");
    else if (ch === "[") {
      const j = code.indexOf("]", i);
      const end = j < 0 ? code.length : j + 1;
      out += code.slice(i, end);
      i = end - 1;
    } else if (ch === ".") out += ",";
    else if (ch === ",") out += "\u00a0";
    else if (ch === "y" || ch === "Y") out += "å";
    else if (ch === "h" || ch === "H") out += "t";
    else out += ch;
  }
  return out;
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
