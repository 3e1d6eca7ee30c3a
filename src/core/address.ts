/** A1 addresses as Excel writes them. Rows and columns here are 0-based. */

/** Letters of the columns met so far (a workbook's addresses reuse a few columns thousands of times). */
const lettersOf: string[] = [];

export function columnLetters(col: number): string {
  if (col >= 0 && col < 16384) return (lettersOf[col] ??= lettersFor(col));
  return lettersFor(col);
}

function lettersFor(col: number): string {
  let n = col + 1;
  let s = "";
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

export function columnIndex(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

export function cellA1(row: number, col: number): string {
  return `${columnLetters(col)}${row + 1}`;
}

/** Whether Excel needs quotes around a sheet name in a reference. */
export function needsQuotes(sheet: string): boolean {
  if (/^[A-Za-z_\u00C0-\u024F][A-Za-z0-9_.\u00C0-\u024F]*$/.test(sheet) === false) return true;
  // Names that read as a cell (A1, XFD1048576) or an R1C1 reference must be quoted too.
  return /^[A-Za-z]{1,3}\d+$/.test(sheet) || /^[Rr]\d*([Cc]\d*)?$/.test(sheet) || /^[Cc]\d*$/.test(sheet);
}

/** Sheet names as written in references, remembered (a few names, each in thousands of addresses). */
const quoted = new Map<string, string>();

export function quoteSheet(sheet: string): string {
  let q = quoted.get(sheet);
  if (q === undefined) {
    q = needsQuotes(sheet) ? `'${sheet.replace(/'/g, "''")}'` : sheet;
    if (quoted.size >= 4096) quoted.clear();
    quoted.set(sheet, q);
  }
  return q;
}

/** `'Kritisk info'!F9`, `DBEP!C16`; a range when `to` is given and differs. */
export function address(sheet: string, row: number, col: number, to?: { row: number; col: number }): string {
  const a = cellA1(row, col);
  const b = to && (to.row !== row || to.col !== col) ? `:${cellA1(to.row, to.col)}` : "";
  return `${quoteSheet(sheet)}!${a}${b}`;
}

export interface ParsedAddress {
  sheet?: string;
  row: number;
  col: number;
  toRow: number;
  toCol: number;
}

/** Parses `Sheet!A1`, `'My sheet'!B2:C9` or `A1`. Returns undefined if it is none of these. */
export function parseAddress(text: string): ParsedAddress | undefined {
  const m = /^(?:(?:'((?:[^']|'')+)'|([^'!]+))!)?\$?([A-Za-z]{1,3})\$?(\d+)(?::\$?([A-Za-z]{1,3})\$?(\d+))?$/.exec(text.trim());
  if (!m) return undefined;
  const sheet = m[1] !== undefined ? m[1].replace(/''/g, "'") : m[2];
  const row = Number(m[4]) - 1;
  const col = columnIndex(m[3]);
  const toRow = m[6] !== undefined ? Number(m[6]) - 1 : row;
  const toCol = m[5] !== undefined ? columnIndex(m[5]) : col;
  const out: ParsedAddress = { row, col, toRow, toCol };
  if (sheet !== undefined) out.sheet = sheet;
  return out;
}
