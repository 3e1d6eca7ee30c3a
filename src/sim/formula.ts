/**
 * Excel's formula language, as much of it as the legacy meeting workbook and the add-in use:
 * numbers, strings, booleans, error literals, cell and range references on the same sheet and
 * on other sheets (`DBEP!C20`, `'Kritisk info'!F20`, `$A$1`, `A:A`, `2:4`), the operators
 * + - * / ^ & % = <> < > <= >= with Excel's precedence (negation binds tighter than ^, and ^ is
 * left-associative), and the functions in FUNCTIONS below.
 *
 * Evaluation follows Excel's coercions: blanks are 0 in arithmetic and "" in text; numeric text
 * counts in arithmetic ("7" + 1 = 8) but not when it sits in a range given to SUM/AVERAGE;
 * SUM/AVERAGE/MIN/MAX/COUNT skip text, booleans and blanks in ranges (the defect the add-in
 * detects); errors propagate, leftmost first. Pure: no workbook, DOM or Node imports.
 */
import type { CellError } from "../core/cell";
import { columnIndex, columnLetters, quoteSheet } from "../core/address";
import { MAX_COLS, MAX_ROWS, type Rect } from "./a1";

// ---------------------------------------------------------------------------------------------
// References

export interface RefPart {
  /** 0-based; undefined for the row of a whole-column ref or the column of a whole-row ref. */
  row?: number;
  col?: number;
  rowAbs: boolean;
  colAbs: boolean;
}

/** A reference as written: `A1`, `$A$1:B2`, `A:C` (cols), `2:4` (rows), maybe with a sheet. */
export interface Ref {
  sheet?: string;
  kind: "cell" | "area" | "cols" | "rows";
  a: RefPart;
  b: RefPart;
}

export function refRect(ref: Ref): Rect {
  const r0 = ref.a.row ?? 0;
  const r1 = ref.kind === "cols" ? MAX_ROWS - 1 : (ref.b.row ?? r0);
  const c0 = ref.a.col ?? 0;
  const c1 = ref.kind === "rows" ? MAX_COLS - 1 : (ref.b.col ?? c0);
  return { r0: Math.min(r0, r1), c0: Math.min(c0, c1), r1: Math.max(r0, r1), c1: Math.max(c0, c1) };
}

function partText(p: RefPart, kind: Ref["kind"]): string {
  const col = p.col !== undefined && kind !== "rows" ? `${p.colAbs ? "$" : ""}${columnLetters(p.col)}` : "";
  const row = p.row !== undefined && kind !== "cols" ? `${p.rowAbs ? "$" : ""}${p.row + 1}` : "";
  return col + row;
}

/** The text of a reference, with the sheet quoted as Excel quotes it. */
export function refText(ref: Ref): string {
  const prefix = ref.sheet !== undefined ? `${quoteSheet(ref.sheet)}!` : "";
  const a = partText(ref.a, ref.kind);
  return ref.kind === "cell" ? prefix + a : `${prefix}${a}:${partText(ref.b, ref.kind)}`;
}

// ---------------------------------------------------------------------------------------------
// Lexer

export const ERROR_LITERALS = ["#NULL!", "#DIV/0!", "#VALUE!", "#REF!", "#NAME?", "#NUM!", "#N/A", "#GETTING_DATA", "#SPILL!", "#CALC!"] as const;

type Tok =
  | { t: "num"; v: number; s: number; e: number }
  | { t: "str"; v: string; s: number; e: number }
  | { t: "bool"; v: boolean; s: number; e: number }
  | { t: "err"; v: string; sheet?: string; s: number; e: number }
  | { t: "ref"; ref: Ref; s: number; e: number }
  | { t: "func"; name: string; s: number; e: number }
  | { t: "name"; name: string; s: number; e: number }
  | { t: "op"; v: string; s: number; e: number }
  | { t: "("; s: number; e: number }
  | { t: ")"; s: number; e: number }
  | { t: ","; s: number; e: number }
  | { t: "end"; s: number; e: number };

export class FormulaSyntaxError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "FormulaSyntaxError";
  }
}

const WORD_CHAR = /[A-Za-z0-9_.\u00C0-\uFFFF]/;
const CELL_AT = /^(\$?)([A-Za-z]{1,3})(\$?)(\d{1,7})(?::(\$?)([A-Za-z]{1,3})(\$?)(\d{1,7}))?/;
const COLS_AT = /^(\$?)([A-Za-z]{1,3}):(\$?)([A-Za-z]{1,3})/;
const ROWS_AT = /^(\$?)(\d{1,7}):(\$?)(\d{1,7})/;
const NUMBER_AT = /^(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?/;
const IDENT_AT = /^[A-Za-z_\\\u00C0-\uFFFF][A-Za-z0-9_.\u00C0-\uFFFF]*/;
const SHEET_BARE_AT = /^([A-Za-z0-9_.\u00C0-\uFFFF]+)!/;
const SHEET_QUOTED_AT = /^'((?:[^']|'')+)'!/;

function validCol(letters: string): number | undefined {
  const c = columnIndex(letters);
  return c >= 0 && c < MAX_COLS ? c : undefined;
}

function validRow(digits: string): number | undefined {
  const r = Number(digits) - 1;
  return r >= 0 && r < MAX_ROWS ? r : undefined;
}

/** A reference starting at `src[i]` (no sheet prefix), or undefined. */
function refAt(src: string, i: number): { ref: Ref; len: number } | undefined {
  const rest = src.slice(i);
  const boundary = (len: number) => len >= rest.length || !(WORD_CHAR.test(rest[len]) || rest[len] === "(" || rest[len] === "!");
  let m = CELL_AT.exec(rest);
  if (m && boundary(m[0].length)) {
    const c0 = validCol(m[2]);
    const r0 = validRow(m[4]);
    if (c0 !== undefined && r0 !== undefined) {
      const a: RefPart = { row: r0, col: c0, rowAbs: m[3] === "$", colAbs: m[1] === "$" };
      if (m[6] === undefined) return { ref: { kind: "cell", a, b: { ...a } }, len: m[0].length };
      const c1 = validCol(m[6]);
      const r1 = validRow(m[8]);
      if (c1 !== undefined && r1 !== undefined) {
        return { ref: { kind: "area", a, b: { row: r1, col: c1, rowAbs: m[7] === "$", colAbs: m[5] === "$" } }, len: m[0].length };
      }
    }
  }
  m = COLS_AT.exec(rest);
  if (m && boundary(m[0].length)) {
    const c0 = validCol(m[2]);
    const c1 = validCol(m[4]);
    if (c0 !== undefined && c1 !== undefined) {
      return { ref: { kind: "cols", a: { col: c0, colAbs: m[1] === "$", rowAbs: false }, b: { col: c1, colAbs: m[3] === "$", rowAbs: false } }, len: m[0].length };
    }
  }
  m = ROWS_AT.exec(rest);
  if (m && boundary(m[0].length)) {
    const r0 = validRow(m[2]);
    const r1 = validRow(m[4]);
    if (r0 !== undefined && r1 !== undefined) {
      return { ref: { kind: "rows", a: { row: r0, rowAbs: m[1] === "$", colAbs: false }, b: { row: r1, rowAbs: m[3] === "$", colAbs: false } }, len: m[0].length };
    }
  }
  return undefined;
}

function errorAt(src: string, i: number): string | undefined {
  const rest = src.slice(i).toUpperCase();
  return [...ERROR_LITERALS].sort((a, b) => b.length - a.length).find((e) => rest.startsWith(e));
}

export function tokenize(src: string): Tok[] {
  const out: Tok[] = [];
  let i = 0;
  while (i < src.length) {
    const ch = src[i];
    if (/\s/.test(ch)) {
      i++;
      continue;
    }
    const s = i;
    if (ch === '"') {
      let j = i + 1;
      let v = "";
      for (;;) {
        if (j >= src.length) throw new FormulaSyntaxError("Unterminated string");
        if (src[j] === '"') {
          if (src[j + 1] === '"') {
            v += '"';
            j += 2;
            continue;
          }
          break;
        }
        v += src[j++];
      }
      i = j + 1;
      out.push({ t: "str", v, s, e: i });
      continue;
    }
    if (ch === "#") {
      const e = errorAt(src, i);
      if (!e) throw new FormulaSyntaxError(`Unknown error literal at ${i}`);
      i += e.length;
      // A reference whose sheet was deleted reads #REF!A1 in Excel: one #REF! value.
      const dangling = e === "#REF!" ? refAt(src, i) : undefined;
      if (dangling) i += dangling.len;
      out.push({ t: "err", v: e, s, e: i });
      continue;
    }
    // A sheet prefix: 'My sheet'!A1 or DBEP!C20 (also Sheet!#REF! after a deletion).
    const quoted = SHEET_QUOTED_AT.exec(src.slice(i));
    const bare = quoted ? null : SHEET_BARE_AT.exec(src.slice(i));
    const prefix = quoted ?? bare;
    if (prefix) {
      const sheet = quoted ? quoted[1].replace(/''/g, "'") : prefix[1];
      const j = i + prefix[0].length;
      const r = refAt(src, j);
      if (r) {
        i = j + r.len;
        out.push({ t: "ref", ref: { ...r.ref, sheet }, s, e: i });
        continue;
      }
      const e = errorAt(src, j);
      if (e === "#REF!") {
        i = j + e.length;
        out.push({ t: "err", v: e, sheet, s, e: i });
        continue;
      }
      throw new FormulaSyntaxError(`Expected a reference after ${prefix[0]}`);
    }
    if (/[0-9.]/.test(ch)) {
      const rows = refAt(src, i);
      if (rows && rows.ref.kind === "rows") {
        i += rows.len;
        out.push({ t: "ref", ref: rows.ref, s, e: i });
        continue;
      }
      const m = NUMBER_AT.exec(src.slice(i));
      if (!m) throw new FormulaSyntaxError(`Bad number at ${i}`);
      i += m[0].length;
      out.push({ t: "num", v: Number(m[0]), s, e: i });
      continue;
    }
    if (ch === "$" || /[A-Za-z_\\\u00C0-\uFFFF]/.test(ch)) {
      const r = refAt(src, i);
      if (r) {
        i += r.len;
        out.push({ t: "ref", ref: r.ref, s, e: i });
        continue;
      }
      const m = IDENT_AT.exec(src.slice(i));
      if (!m) throw new FormulaSyntaxError(`Unexpected ${ch} at ${i}`);
      i += m[0].length;
      let j = i;
      while (j < src.length && /\s/.test(src[j])) j++;
      const word = m[0];
      if (src[j] === "(") out.push({ t: "func", name: word.toUpperCase().replace(/^_XLFN\.|^_XLWS\./, ""), s, e: i });
      else if (/^(TRUE|FALSE)$/i.test(word)) out.push({ t: "bool", v: word.toUpperCase() === "TRUE", s, e: i });
      else out.push({ t: "name", name: word, s, e: i });
      continue;
    }
    const two = src.slice(i, i + 2);
    if (two === "<=" || two === ">=" || two === "<>") {
      i += 2;
      out.push({ t: "op", v: two, s, e: i });
      continue;
    }
    if ("+-*/^&=<>%".includes(ch)) {
      i++;
      out.push({ t: "op", v: ch, s, e: i });
      continue;
    }
    if (ch === "(" || ch === ")" || ch === ",") {
      i++;
      out.push({ t: ch, s, e: i });
      continue;
    }
    throw new FormulaSyntaxError(`Unexpected ${ch} at ${i}`);
  }
  out.push({ t: "end", s: src.length, e: src.length });
  return out;
}

// ---------------------------------------------------------------------------------------------
// Parser

export type Node =
  | { k: "num"; v: number }
  | { k: "str"; v: string }
  | { k: "bool"; v: boolean }
  | { k: "err"; v: string }
  | { k: "ref"; ref: Ref }
  | { k: "name"; name: string }
  | { k: "call"; name: string; args: Node[] }
  | { k: "missing" }
  | { k: "neg"; x: Node }
  | { k: "pos"; x: Node }
  | { k: "pct"; x: Node }
  | { k: "bin"; op: string; a: Node; b: Node };

class Parser {
  private i = 0;
  constructor(private readonly toks: Tok[]) {}

  private peek(): Tok {
    return this.toks[this.i];
  }

  private next(): Tok {
    return this.toks[this.i++];
  }

  private isOp(...ops: string[]): boolean {
    const t = this.peek();
    return t.t === "op" && ops.includes(t.v);
  }

  parse(): Node {
    const n = this.comparison();
    if (this.peek().t !== "end") throw new FormulaSyntaxError(`Unexpected token at ${this.peek().s}`);
    return n;
  }

  private binary(next: () => Node, ops: string[]): Node {
    let a = next();
    while (this.isOp(...ops)) {
      const op = (this.next() as { v: string }).v;
      a = { k: "bin", op, a, b: next() };
    }
    return a;
  }

  private comparison = (): Node => this.binary(this.concat, ["=", "<>", "<", ">", "<=", ">="]);
  private concat = (): Node => this.binary(this.additive, ["&"]);
  private additive = (): Node => this.binary(this.multiplicative, ["+", "-"]);
  private multiplicative = (): Node => this.binary(this.power, ["*", "/"]);
  private power = (): Node => this.binary(this.percent, ["^"]);

  private percent = (): Node => {
    let x = this.unary();
    while (this.isOp("%")) {
      this.next();
      x = { k: "pct", x };
    }
    return x;
  };

  private unary = (): Node => {
    if (this.isOp("-")) {
      this.next();
      return { k: "neg", x: this.unary() };
    }
    if (this.isOp("+")) {
      this.next();
      return { k: "pos", x: this.unary() };
    }
    return this.primary();
  };

  private primary(): Node {
    const t = this.next();
    switch (t.t) {
      case "num":
        return { k: "num", v: t.v };
      case "str":
        return { k: "str", v: t.v };
      case "bool":
        return { k: "bool", v: t.v };
      case "err":
        return { k: "err", v: t.v };
      case "ref":
        return { k: "ref", ref: t.ref };
      case "name":
        return { k: "name", name: t.name };
      case "(": {
        const x = this.comparison();
        if (this.next().t !== ")") throw new FormulaSyntaxError("Missing )");
        return x;
      }
      case "func": {
        if (this.next().t !== "(") throw new FormulaSyntaxError("Expected (");
        const args: Node[] = [];
        if (this.peek().t === ")") {
          this.next();
          return { k: "call", name: t.name, args };
        }
        for (;;) {
          const p = this.peek();
          if (p.t === "," || p.t === ")") args.push({ k: "missing" });
          else args.push(this.comparison());
          const sep = this.next();
          if (sep.t === ")") break;
          if (sep.t !== ",") throw new FormulaSyntaxError(`Expected , or ) at ${sep.s}`);
        }
        return { k: "call", name: t.name, args };
      }
      default:
        throw new FormulaSyntaxError(`Unexpected token at ${t.s}`);
    }
  }
}

const astCache = new Map<string, Node | FormulaSyntaxError>();

/** Parses a formula (with or without the leading "="). Throws FormulaSyntaxError. */
export function parseFormula(formula: string): Node {
  const src = formula.startsWith("=") ? formula.slice(1) : formula;
  let cached = astCache.get(src);
  if (cached === undefined) {
    try {
      cached = new Parser(tokenize(src)).parse();
    } catch (e) {
      if (!(e instanceof FormulaSyntaxError)) throw e;
      cached = e;
    }
    if (astCache.size > 20000) astCache.clear();
    astCache.set(src, cached);
  }
  if (cached instanceof FormulaSyntaxError) throw cached;
  return cached;
}

const sheetsCache = new Map<string, string[]>();

/**
 * The sheets a formula's references name, in lower case; "" for a reference without a sheet (the
 * formula's own). None for a formula Excel would not accept (it is #NAME? whatever the cells hold).
 */
export function formulaSheets(formula: string): string[] {
  let out = sheetsCache.get(formula);
  if (out === undefined) {
    const names = new Set<string>();
    const walk = (n: Node): void => {
      if (n.k === "ref") names.add(n.ref.sheet?.toLowerCase() ?? "");
      else if (n.k === "call") n.args.forEach(walk);
      else if (n.k === "neg" || n.k === "pos" || n.k === "pct") walk(n.x);
      else if (n.k === "bin") {
        walk(n.a);
        walk(n.b);
      }
    };
    try {
      walk(parseFormula(formula));
    } catch (e) {
      if (!(e instanceof FormulaSyntaxError)) throw e;
    }
    out = [...names];
    if (sheetsCache.size > 20000) sheetsCache.clear();
    sheetsCache.set(formula, out);
  }
  return out;
}

/** The syntax error of a formula, or undefined when Excel would accept it. */
export function formulaSyntaxError(formula: string): string | undefined {
  try {
    parseFormula(formula);
    return undefined;
  } catch (e) {
    return e instanceof Error ? e.message : String(e);
  }
}

// ---------------------------------------------------------------------------------------------
// Rewriting references (sheet renames, inserted and deleted cells, filling a range)

/**
 * What to do with one reference: undefined keeps it, a Ref replaces it, "#REF!" makes it an
 * invalid reference (keeping its sheet prefix), any other string is written as it is.
 */
export type RefMapping = Ref | string | undefined;

/**
 * Rewrites every reference of a formula (given without "="). `map` sees each reference with its
 * sheet as written (undefined = the formula's own sheet). Text outside references is kept.
 */
export function mapReferences(formula: string, map: (ref: Ref) => RefMapping): string {
  let toks: Tok[];
  try {
    toks = tokenize(formula);
  } catch {
    return formula;
  }
  let out = "";
  let at = 0;
  for (const t of toks) {
    if (t.t !== "ref") continue;
    const m = map(t.ref);
    if (m === undefined) continue;
    out += formula.slice(at, t.s);
    if (typeof m === "string") out += m === "#REF!" && t.ref.sheet !== undefined ? `${quoteSheet(t.ref.sheet)}!#REF!` : m;
    else out += refText(m);
    at = t.e;
  }
  return out + formula.slice(at);
}

/** The references of a formula, as written. */
export function referencesOf(formula: string): Ref[] {
  try {
    return tokenize(formula).flatMap((t) => (t.t === "ref" ? [t.ref] : []));
  } catch {
    return [];
  }
}

/**
 * The formula as it reads `dRow` rows down and `dCol` columns right, as Excel fills a formula
 * over a range: relative parts move, absolute ($) parts stay; moving off the sheet is #REF!.
 */
export function offsetFormula(formula: string, dRow: number, dCol: number): string {
  if (dRow === 0 && dCol === 0) return formula;
  return mapReferences(formula, (ref) => {
    const move = (p: RefPart): RefPart | undefined => {
      const q = { ...p };
      if (q.row !== undefined && !q.rowAbs) q.row += dRow;
      if (q.col !== undefined && !q.colAbs) q.col += dCol;
      if (q.row !== undefined && (q.row < 0 || q.row >= MAX_ROWS)) return undefined;
      if (q.col !== undefined && (q.col < 0 || q.col >= MAX_COLS)) return undefined;
      return q;
    };
    const a = move(ref.a);
    const b = move(ref.b);
    return a && b ? { ...ref, a, b } : "#REF!";
  });
}

// ---------------------------------------------------------------------------------------------
// Evaluation

export type Scalar = number | string | boolean | CellError | null;

interface RangeVal {
  k: "range";
  sheet?: string;
  rect: Rect;
}

type Val = Scalar | RangeVal;

/** What a formula needs from its workbook. `sheet` undefined means the formula's own sheet. */
export interface FormulaHost {
  /** One cell's value (formulas evaluated), null when blank; undefined when the sheet does not exist. */
  cell(sheet: string | undefined, row: number, col: number): Scalar | undefined;
  /** The non-blank cells of a rectangle, row by row; undefined when the sheet does not exist. */
  cells(sheet: string | undefined, rect: Rect): Scalar[] | undefined;
}

const err = (code: string): CellError => ({ error: code });
export const DIV0 = err("#DIV/0!");
export const VALUE = err("#VALUE!");
export const REF = err("#REF!");
export const NAME = err("#NAME?");
export const NUM = err("#NUM!");
export const NA = err("#N/A");

export function isErr(v: unknown): v is CellError {
  return typeof v === "object" && v !== null && typeof (v as CellError).error === "string";
}

function isRange(v: Val): v is RangeVal {
  return typeof v === "object" && v !== null && (v as RangeVal).k === "range";
}

/** Numeric text as Excel reads it in arithmetic: " 7 ", "1,000", "1e3", "50%". */
export function numericText(s: string): number | undefined {
  const t = s.trim();
  const m = /^([+-]?)(\d{1,3}(?:,\d{3})+|\d*)(\.\d*)?([eE][+-]?\d+)?(%?)$/.exec(t);
  if (!m || !/\d/.test(m[2] + (m[3] ?? ""))) return undefined;
  const n = Number(`${m[1]}${m[2].replace(/,/g, "")}${m[3] ?? ""}${m[4] ?? ""}`);
  if (!Number.isFinite(n)) return undefined;
  return m[5] ? n / 100 : n;
}

function toNumber(v: Scalar): number | CellError {
  if (v === null) return 0;
  if (typeof v === "number") return v;
  if (typeof v === "boolean") return v ? 1 : 0;
  if (typeof v === "string") return numericText(v) ?? VALUE;
  return v;
}

/** A number as Excel's General format writes it into text (15 significant digits). */
export function generalText(n: number): string {
  if (n === 0) return "0";
  const s = String(Number(n.toPrecision(15)));
  return s.replace(/e([+-])(\d)$/, "E$10$2").replace("e", "E");
}

function toText(v: Scalar): string | CellError {
  if (v === null) return "";
  if (typeof v === "string") return v;
  if (typeof v === "number") return generalText(v);
  if (typeof v === "boolean") return v ? "TRUE" : "FALSE";
  return v;
}

function toBool(v: Scalar): boolean | CellError {
  if (v === null) return false;
  if (typeof v === "boolean") return v;
  if (typeof v === "number") return v !== 0;
  if (typeof v === "string") {
    const u = v.trim().toUpperCase();
    if (u === "TRUE") return true;
    if (u === "FALSE") return false;
    return VALUE;
  }
  return v;
}

function num(n: number): number | CellError {
  return Number.isFinite(n) ? n : NUM;
}

/** Excel's ordering for comparisons: numbers < text < booleans; text without case. */
function compare(a: Scalar, b: Scalar): number {
  const rank = (v: Scalar) => (typeof v === "number" ? 0 : typeof v === "string" ? 1 : 2);
  if (a === null && b === null) return 0;
  if (a === null) a = typeof b === "number" ? 0 : typeof b === "string" ? "" : false;
  if (b === null) b = typeof a === "number" ? 0 : typeof a === "string" ? "" : false;
  const ra = rank(a);
  const rb = rank(b);
  if (ra !== rb) return ra - rb;
  if (typeof a === "number" && typeof b === "number") {
    const x = Number(a.toPrecision(15));
    const y = Number(b.toPrecision(15));
    return x === y ? 0 : x < y ? -1 : 1;
  }
  if (typeof a === "string" && typeof b === "string") {
    const x = a.toLowerCase();
    const y = b.toLowerCase();
    return x === y ? 0 : x < y ? -1 : 1;
  }
  return Number(a) - Number(b);
}

/** Rounds half away from zero, as Excel's ROUND does, without binary artefacts (ROUND(2.675, 2) = 2.68). */
export function excelRound(n: number, digits: number): number {
  const d = Math.trunc(digits);
  const f = Math.pow(10, Math.abs(d));
  const a = Math.abs(n);
  const scaled = d >= 0 ? Number((a * f).toPrecision(15)) : Number((a / f).toPrecision(15));
  const r = Math.round(scaled);
  const out = d >= 0 ? r / f : r * f;
  return n < 0 ? -out : out;
}

type Fn = (args: Node[], ev: Evaluator) => Val;

/** Numbers of the arguments as SUM sees them: ranges give their numbers only; direct values are coerced. */
function numbers(args: Node[], ev: Evaluator): number[] | CellError {
  const out: number[] = [];
  for (const a of args) {
    const v = ev.eval(a);
    if (isRange(v)) {
      const cells = ev.cells(v);
      if (isErr(cells)) return cells;
      for (const c of cells) {
        if (isErr(c)) return c;
        if (typeof c === "number") out.push(c);
      }
      continue;
    }
    const n = toNumber(v);
    if (isErr(n)) return n;
    out.push(n);
  }
  return out;
}

function booleans(args: Node[], ev: Evaluator): boolean[] | CellError {
  const out: boolean[] = [];
  for (const a of args) {
    const v = ev.eval(a);
    if (isRange(v)) {
      const cells = ev.cells(v);
      if (isErr(cells)) return cells;
      for (const c of cells) {
        if (isErr(c)) return c;
        if (typeof c === "boolean") out.push(c);
        else if (typeof c === "number") out.push(c !== 0);
      }
      continue;
    }
    if (v === null && a.k === "missing") {
      out.push(false);
      continue;
    }
    const b = toBool(v);
    if (isErr(b)) return b;
    out.push(b);
  }
  return out;
}

function scalarArg(args: Node[], i: number, ev: Evaluator): Scalar {
  const a = args[i];
  if (a === undefined) return null;
  return ev.scalar(a);
}

function numberArg(args: Node[], i: number, ev: Evaluator): number | CellError {
  return toNumber(scalarArg(args, i, ev));
}

function arity(args: Node[], min: number, max: number): boolean {
  return args.length >= min && args.length <= max;
}

export const FUNCTIONS: Record<string, Fn> = {
  SUM: (args, ev) => {
    const ns = numbers(args, ev);
    return isErr(ns) ? ns : num(ns.reduce((s, n) => s + n, 0));
  },
  AVERAGE: (args, ev) => {
    if (args.length === 0) return VALUE;
    const ns = numbers(args, ev);
    if (isErr(ns)) return ns;
    if (ns.length === 0) return DIV0;
    return num(ns.reduce((s, n) => s + n, 0) / ns.length);
  },
  MIN: (args, ev) => {
    const ns = numbers(args, ev);
    return isErr(ns) ? ns : ns.length ? Math.min(...ns) : 0;
  },
  MAX: (args, ev) => {
    const ns = numbers(args, ev);
    return isErr(ns) ? ns : ns.length ? Math.max(...ns) : 0;
  },
  COUNT: (args, ev) => {
    let n = 0;
    for (const a of args) {
      const v = ev.eval(a);
      if (isRange(v)) {
        const cells = ev.cells(v);
        if (!isErr(cells)) n += cells.filter((c) => typeof c === "number").length;
      } else if (typeof v === "number" || typeof v === "boolean" || (typeof v === "string" && numericText(v) !== undefined)) n++;
    }
    return n;
  },
  COUNTA: (args, ev) => {
    let n = 0;
    for (const a of args) {
      const v = ev.eval(a);
      if (isRange(v)) {
        const cells = ev.cells(v);
        if (!isErr(cells)) n += cells.length;
      } else if (a.k !== "missing") n++;
    }
    return n;
  },
  IF: (args, ev) => {
    if (!arity(args, 1, 3)) return VALUE;
    const c = toBool(ev.scalar(args[0]));
    if (isErr(c)) return c;
    if (c) return args.length >= 2 ? ev.eval(args[1]) : true;
    return args.length >= 3 ? ev.eval(args[2]) : false;
  },
  IFERROR: (args, ev) => {
    if (!arity(args, 2, 2)) return VALUE;
    const v = ev.scalar(args[0]);
    return isErr(v) ? ev.eval(args[1]) : v;
  },
  IFNA: (args, ev) => {
    if (!arity(args, 2, 2)) return VALUE;
    const v = ev.scalar(args[0]);
    return isErr(v) && v.error === "#N/A" ? ev.eval(args[1]) : v;
  },
  ROUND: (args, ev) => {
    if (!arity(args, 2, 2)) return VALUE;
    const n = numberArg(args, 0, ev);
    if (isErr(n)) return n;
    const d = numberArg(args, 1, ev);
    if (isErr(d)) return d;
    return num(excelRound(n, d));
  },
  ABS: (args, ev) => {
    if (!arity(args, 1, 1)) return VALUE;
    const n = numberArg(args, 0, ev);
    return isErr(n) ? n : Math.abs(n);
  },
  INT: (args, ev) => {
    if (!arity(args, 1, 1)) return VALUE;
    const n = numberArg(args, 0, ev);
    return isErr(n) ? n : Math.floor(n);
  },
  AND: (args, ev) => {
    const bs = booleans(args, ev);
    if (isErr(bs)) return bs;
    return bs.length ? bs.every(Boolean) : VALUE;
  },
  OR: (args, ev) => {
    const bs = booleans(args, ev);
    if (isErr(bs)) return bs;
    return bs.length ? bs.some(Boolean) : VALUE;
  },
  NOT: (args, ev) => {
    if (!arity(args, 1, 1)) return VALUE;
    const b = toBool(ev.scalar(args[0]));
    return isErr(b) ? b : !b;
  },
  CONCATENATE: (args, ev) => {
    let s = "";
    for (const a of args) {
      const t = toText(ev.scalar(a));
      if (isErr(t)) return t;
      s += t;
    }
    return s;
  },
  ISBLANK: (args, ev) => {
    if (!arity(args, 1, 1)) return VALUE;
    return ev.scalar(args[0], true) === null;
  },
  ISNUMBER: (args, ev) => (arity(args, 1, 1) ? typeof ev.scalar(args[0], true) === "number" : VALUE),
  ISTEXT: (args, ev) => (arity(args, 1, 1) ? typeof ev.scalar(args[0], true) === "string" : VALUE),
  ISERROR: (args, ev) => (arity(args, 1, 1) ? isErr(ev.scalar(args[0], true)) : VALUE),
  NA: (args) => (args.length === 0 ? NA : VALUE),
};

class Evaluator {
  constructor(private readonly host: FormulaHost) {}

  /** The non-blank cells of a range, or #REF! when its sheet is gone. */
  cells(v: RangeVal): Scalar[] | CellError {
    return this.host.cells(v.sheet, v.rect) ?? REF;
  }

  /**
   * A value as one scalar: a one-cell range gives its cell (blank stays null when `keepBlank`,
   * as ISBLANK needs); a larger range is #VALUE! (no implicit intersection or spilling).
   */
  scalar(n: Node, keepBlank = false): Scalar {
    const v = this.eval(n);
    if (!isRange(v)) return v;
    const { rect } = v;
    if (rect.r0 !== rect.r1 || rect.c0 !== rect.c1) return VALUE;
    const c = this.host.cell(v.sheet, rect.r0, rect.c0);
    if (c === undefined) return REF;
    return c === null && !keepBlank ? null : c;
  }

  eval(n: Node): Val {
    switch (n.k) {
      case "num":
        return n.v;
      case "str":
        return n.v;
      case "bool":
        return n.v;
      case "err":
        return err(n.v);
      case "missing":
        return null;
      case "name":
        return NAME;
      case "ref":
        return { k: "range", sheet: n.ref.sheet, rect: refRect(n.ref) };
      case "call": {
        const f = FUNCTIONS[n.name];
        return f ? f(n.args, this) : NAME;
      }
      case "neg":
      case "pos":
      case "pct": {
        const x = toNumber(this.scalar(n.x));
        if (isErr(x)) return x;
        return n.k === "neg" ? -x : n.k === "pct" ? x / 100 : x;
      }
      case "bin":
        return this.binary(n.op, n.a, n.b);
    }
  }

  private binary(op: string, an: Node, bn: Node): Val {
    const a = this.scalar(an);
    const b = this.scalar(bn);
    if (op === "&") {
      const x = toText(a);
      if (isErr(x)) return x;
      const y = toText(b);
      if (isErr(y)) return y;
      return x + y;
    }
    if (["=", "<>", "<", ">", "<=", ">="].includes(op)) {
      if (isErr(a)) return a;
      if (isErr(b)) return b;
      const c = compare(a, b);
      switch (op) {
        case "=":
          return c === 0;
        case "<>":
          return c !== 0;
        case "<":
          return c < 0;
        case ">":
          return c > 0;
        case "<=":
          return c <= 0;
        default:
          return c >= 0;
      }
    }
    const x = toNumber(a);
    if (isErr(x)) return x;
    const y = toNumber(b);
    if (isErr(y)) return y;
    switch (op) {
      case "+":
        return num(x + y);
      case "-":
        return num(x - y);
      case "*":
        return num(x * y);
      case "/":
        return y === 0 ? DIV0 : num(x / y);
      case "^":
        if (x === 0 && y < 0) return DIV0;
        if (x === 0 && y === 0) return NUM;
        return num(Math.pow(x, y));
      default:
        return VALUE;
    }
  }
}

/**
 * The value of a formula (with or without "="). A syntax error gives #NAME?, a reference to a
 * blank cell gives 0 and a multi-cell range #VALUE!, as in a cell of Excel before dynamic arrays.
 */
export function evaluateFormula(formula: string, host: FormulaHost): Scalar {
  let ast: Node;
  try {
    ast = parseFormula(formula);
  } catch {
    return NAME;
  }
  const v = new Evaluator(host).scalar(ast);
  if (v === null) return 0;
  if (typeof v === "number" && !Number.isFinite(v)) return NUM;
  return v;
}
