/**
 * The ranked list as text: CSV for Excel (UTF-8 with a byte-order mark; `;` between fields in
 * bokmål, where the decimal comma is taken, `,` in English), and the clipboard's two forms, an
 * HTML table and tab-separated text, so a paste into PowerPoint, Word or Teams gives a real table.
 * Pure: strings in, strings out.
 */
import { escapeForFile } from "../core/escape";
import type { Lang } from "../i18n";
import { ex } from "../i18n/export";
import { dx } from "../i18n/decision";
import { segmentName, type ExportRow, type ExportTable } from "./rows";

export const BOM = "\uFEFF";

export function csvSeparator(lang: Lang): string {
  return lang === "nb" ? ";" : ",";
}

/** A number as the table writes it (22,8 · 22.8 · -1,5 · 6): Excel must go on reading it as a number. */
const NUMBER = /^[+-]?\d+(?:[.,]\d+)?$/;

/**
 * Text that Excel (and LibreOffice) would read as a formula when the file is opened or the text
 * pasted: a field starting with = + - @, a tab or a carriage return (CSV injection). As OWASP
 * recommends, such a field gets a leading apostrophe, so it opens as the text it is; a number
 * (-1,5) is left alone.
 */
export function neutralised(value: string): string {
  return /^[=+\-@\t\r]/.test(value) && !NUMBER.test(value) ? `'${value}` : value;
}

/**
 * A CSV field: neutralised (see above), then quoted when it holds the separator, a quote, a line
 * break or edge spaces; quotes doubled.
 */
export function csvField(raw: string, sep: string): string {
  const value = neutralised(raw);
  if (value.includes(sep) || /["\r\n]/.test(value) || value !== value.trim()) return `"${value.replace(/"/g, '""')}"`;
  return value;
}

/**
 * The header and the rows, as cells: the secretariat's columns, then the checklist and the list
 * when present. `none` stands for no rank or value («–» to read; blank in CSV, so a number column
 * holds only numbers). Control characters, U+FFFE/U+FFFF and lone surrogates in a cell are shown
 * as the terminal shows them (`\x01`; core/escape.ts), never written raw; tabs and line breaks stay.
 */
export function tableCells(t: ExportTable, none = "–"): string[][] {
  const lang = t.lang;
  const header = [ex(lang, "csv.header.rank"), ex(lang, "csv.header.name"), ex(lang, "csv.header.score"), ...t.groupLabels];
  if (t.hasChecklist) header.push(ex(lang, "csv.header.segment"));
  const listed = t.top !== null || t.split !== null;
  if (listed) header.push(ex(lang, "csv.header.list"));
  // With the selection's lists: each measure's cost and why it is where it is, as on the slides.
  const split = t.split !== null;
  if (split) header.push(dx(lang, "col.cost"), dx(lang, "col.why"));
  header.push(ex(lang, "csv.header.note"));
  const cells = (r: ExportRow): string[] => {
    const dash = (v: string) => (v === "–" ? none : v);
    const out = [dash(r.rank), r.name, dash(r.score), ...r.groups.map(dash)];
    if (t.hasChecklist) out.push(r.segment ? segmentName(lang, r.segment) : "");
    if (listed) out.push(r.list === "minimum" ? ex(lang, "csv.list.minimum") : r.list === "plus" ? ex(lang, "csv.list.plus") : r.list === "out" ? ex(lang, "csv.list.out") : "");
    if (split) out.push(dash(r.cost), r.decision);
    out.push(r.reason);
    return out;
  };
  return [header, ...t.ranked.map(cells), ...t.unranked.map(cells)].map((row) => row.map(escapeForFile));
}

/** CSV text with the byte-order mark and CRLF line ends (what Excel writes and reads best). */
export function toCsv(t: ExportTable): string {
  const sep = csvSeparator(t.lang);
  return BOM + tableCells(t, "").map((r) => r.map((c) => csvField(c, sep)).join(sep)).join("\r\n") + "\r\n";
}

/**
 * Tab-separated text: tabs and line breaks inside a cell become spaces, so every row stays one
 * line; a cell Excel would read as a formula when pasted is neutralised as in the CSV.
 */
export function toTsv(t: ExportTable): string {
  return tableCells(t)
    .map((r) => r.map((c) => neutralised(c.replace(/[\t\r\n]+/g, " "))).join("\t"))
    .join("\n");
}

const escapeHtml = (s: string): string => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

/**
 * A plain HTML table with inline styles (the clipboard keeps no style sheet); numbers
 * right-aligned. Text cells carry Excel's text format (mso-number-format:'\@'), so a name that
 * starts with = is pasted into Excel as text, not a formula; PowerPoint, Word and Teams ignore it.
 */
export function toHtml(t: ExportTable): string {
  const [header, ...rows] = tableCells(t);
  const costAt = header.indexOf(dx(t.lang, "col.cost"));
  const numeric = new Set([0, 2, ...t.groupLabels.map((_, i) => 3 + i), ...(t.split !== null ? [costAt] : [])]);
  const cell = (tag: "th" | "td", c: string, i: number) =>
    `<${tag} style="border:1px solid #9DB3C8;padding:2px 6px;${numeric.has(i) ? "text-align:right;" : "text-align:left;mso-number-format:'\\@';"}${tag === "th" ? "background:#1F4E79;color:#FFFFFF;font-weight:bold;" : ""}">${escapeHtml(c)}</${tag}>`;
  const head = `<tr>${header.map((c, i) => cell("th", c, i)).join("")}</tr>`;
  const body = rows.map((r) => `<tr>${r.map((c, i) => cell("td", c, i)).join("")}</tr>`).join("");
  return `<table style="border-collapse:collapse;font-family:Calibri,Arial,sans-serif;font-size:11pt"><thead>${head}</thead><tbody>${body}</tbody></table>`;
}
