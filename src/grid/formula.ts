/**
 * Just enough of Excel's formula language to explain the legacy sheets' group and Score cells:
 * `AVERAGE(C4:C5)`, `AVERAGE(C12,C15,C18)`, `SUM(H13:H14)`, `C3+C6+C11+C18`. Anything else is
 * "other" and is reported by value only.
 */
import { columnIndex } from "../core/address";

export type FormulaKind = "average" | "sum" | "other";

export interface FormulaRefs {
  kind: FormulaKind;
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
  return { kind: "sum", refs };
}
