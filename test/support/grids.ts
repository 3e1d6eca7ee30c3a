/** Legacy theme sheets built in memory, as Office.js or exceljs would hand them to the reader. */
import type { CellValue } from "../../src/core/cell";
import { defaultModel, type CriterionNode } from "../../src/core/model";
import { gridFromValues, type Grid } from "../../src/grid/grid";

/** The label rows of the council's sheet, top to bottom (groups, leaves, Score, Rangering). */
export const COUNCIL_ROWS: { key: string; label: string }[] = (() => {
  const out: { key: string; label: string }[] = [];
  const walk = (nodes: CriterionNode[]) => {
    for (const n of nodes) {
      out.push({ key: n.id, label: n.label.nb });
      if (n.children) walk(n.children);
    }
  };
  walk(defaultModel().criteria);
  out.push({ key: "total", label: "Score" }, { key: "rank", label: "Rangering" });
  return out;
})();

/**
 * A theme sheet: measure names in row 2 from column C, labels in column B from row 3, one row
 * per entry of `rows` (label and one value per measure), like the meeting workbook.
 */
export function themeSheet(name: string, headers: string[], rows: { label: string; values: CellValue[] }[]): Grid {
  const values: CellValue[][] = [[], [null, null, ...headers]];
  for (const r of rows) values.push([null, r.label, ...r.values]);
  return gridFromValues(name, values);
}

/** A seeded PRNG (mulberry32): the same tests every run. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function shuffled<T>(items: T[], random: () => number): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}
