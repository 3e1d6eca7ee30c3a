/**
 * Just enough of Excel's formula language to explain the legacy sheets' group and Score cells:
 * `AVERAGE(C4:C5)`, `AVERAGE(C12,C15,C18)`, `SUM(H13:H14)`, `C3+C6+C11+C18`. Anything else is
 * "other" and is reported by value only. The same formulas can be worked out from the cells they
 * name (`formulaValue`), for a file that holds no results (saved by openpyxl).
 */
import { columnIndex } from "../core/address";
import { isCellError, type CellValue } from "../core/cell";
import { cellAt, type Grid } from "./grid";

export type FormulaKind = "average" | "sum" | "other";

export interface FormulaRefs {
  kind: FormulaKind;
  /** `C3+C6+C11` rather than SUM(…): a blank counts as 0 and a text is #VALUE!, not left out. */
  plus?: true;
  /** Every cell referenced, ranges expanded, in order (a cell twice if named twice). */
  refs: { row: number; col: number }[];
}

const REF = /^\$?([A-Za-z]{1,3})\$?(\d+)$/;

/** A range larger than this is not a group formula of a theme sheet; it is left unexplained ("other") instead of expanded. */
const MAX_RANGE_CELLS = 10_000;

function expand(arg: string): { row: number; col: number }[] | undefined {
  const parts = arg.trim().split(":");
  const a = REF.exec(parts[0]);
  if (!a) return undefined;
  const from = { row: Number(a[2]) - 1, col: columnIndex(a[1]) };
  if (parts.length === 1) return [from];
  const b = parts.length === 2 ? REF.exec(parts[1]) : null;
  if (!b) return undefined;
  const to = { row: Number(b[2]) - 1, col: columnIndex(b[1]) };
  if ((Math.abs(to.row - from.row) + 1) * (Math.abs(to.col - from.col) + 1) > MAX_RANGE_CELLS) return undefined;
  const out: { row: number; col: number }[] = [];
  for (let r = Math.min(from.row, to.row); r <= Math.max(from.row, to.row); r++) {
    for (let c = Math.min(from.col, to.col); c <= Math.max(from.col, to.col); c++) out.push({ row: r, col: c });
  }
  return out;
}

const AVERAGE = new Set(["AVERAGE", "GJENNOMSNITT", "MIDDEL"]);
const SUM = new Set(["SUM", "SUMMER"]);

export function parseFormula(formula: string): FormulaRefs {
  const f = formula.trim().replace(/^=/, "").replace(/\s+/g, "");
  const call = /^([A-Za-zÆØÅæøå.]+)\((.*)\)$/.exec(f);
  if (call) {
    const name = call[1].toUpperCase();
    const kind: FormulaKind = AVERAGE.has(name) ? "average" : SUM.has(name) ? "sum" : "other";
    if (kind === "other" || call[2] === "") return { kind: "other", refs: [] };
    const refs: { row: number; col: number }[] = [];
    for (const arg of call[2].split(/[,;]/)) {
      const cells = expand(arg);
      if (!cells) return { kind: "other", refs: [] };
      refs.push(...cells);
    }
    return { kind, refs };
  }
  const terms = f.split("+");
  const refs: { row: number; col: number }[] = [];
  for (const term of terms) {
    const cells = expand(term);
    if (!cells || cells.length !== 1) return { kind: "other", refs: [] };
    refs.push(cells[0]);
  }
  return { kind: "sum", plus: true, refs };
}

const VALUE_ERROR: CellValue = { error: "#VALUE!" };

/** A term of `C3+C6`: a blank is 0, TRUE is 1, a number in text is that number, other text #VALUE!. */
function plusTerm(v: CellValue): number | CellValue {
  if (v === null) return 0;
  if (typeof v === "number") return v;
  if (typeof v === "boolean") return v ? 1 : 0;
  if (typeof v === "string") {
    const n = v.trim() === "" ? NaN : Number(v.trim());
    return Number.isFinite(n) ? n : VALUE_ERROR;
  }
  return v;
}

/**
 * What the cell shows: its value, or, for a formula the file holds no result for
 * (`GridCell.uncalculated`), what Excel would calculate from the cells it names on its sheet:
 * AVERAGE and SUM take the numbers and leave out blanks and text (AVERAGE of none is #DIV/0!), a
 * sum of cells counts a blank as 0, and an error in a named cell is the result. Undefined when it
 * cannot be told: another formula, or one that names a cell that cannot be told or itself.
 */
export function formulaValue(g: Grid, row: number, col: number, seen: Set<number> = new Set()): CellValue | undefined {
  const cell = cellAt(g, row, col);
  if (!cell?.uncalculated) return cell?.value ?? null;
  const key = row * 16384 + col;
  if (seen.has(key)) return undefined;
  const parsed = parseFormula(cell.formula ?? "");
  if (parsed.kind === "other") return undefined;
  seen.add(key);
  try {
    const values: CellValue[] = [];
    for (const ref of parsed.refs) {
      const v = formulaValue(g, ref.row, ref.col, seen);
      if (v === undefined) return undefined;
      if (isCellError(v)) return v;
      values.push(v);
    }
    if (parsed.plus) {
      let total = 0;
      for (const v of values) {
        const term = plusTerm(v);
        if (typeof term !== "number") return term;
        total += term;
      }
      return total;
    }
    const numbers = values.filter((v): v is number => typeof v === "number");
    const sum = numbers.reduce((a, b) => a + b, 0);
    if (parsed.kind === "sum") return sum;
    return numbers.length === 0 ? { error: "#DIV/0!" } : sum / numbers.length;
  } finally {
    seen.delete(key);
  }
}
