/**
 * The in-memory Excel calculates again only the formulas that read the sheets whose cells were
 * written (directly or through other formulas). On random workbooks of formulas across sheets,
 * after each random edit every formula holds what a calculation of the whole workbook gives.
 */
import { columnLetters } from "../../src/core/address";
import type { Grid, GridCell } from "../../src/grid/grid";
import { SimWorkbook } from "../../src/sim/workbook";
import { prng } from "../support/grids";

const SHEETS = ["Ark1", "Ark 2", "Tre", "Fire"];
/** Named by formulas before a step adds it. */
const LATER = "Fem";
const quoted = (s: string) => (s.includes(" ") ? `'${s}'` : s);

function randomRef(random: () => number, own: string): string {
  const sheet = random() < 0.1 ? LATER : SHEETS[Math.floor(random() * SHEETS.length)];
  const prefix = sheet === own && random() < 0.6 ? "" : `${quoted(sheet)}!`;
  const a = `${columnLetters(Math.floor(random() * 4))}${1 + Math.floor(random() * 5)}`;
  if (random() < 0.3) return `SUM(${prefix}${a}:${columnLetters(Math.floor(random() * 4))}${1 + Math.floor(random() * 5)})`;
  return `${prefix}${a}`;
}

function randomFormula(random: () => number, own: string): string {
  const n = 1 + Math.floor(random() * 3);
  const parts = Array.from({ length: n }, () => randomRef(random, own));
  return random() < 0.2 ? `IF(${parts[0]}>5,${parts.join("+")},1)` : parts.join("+");
}

function randomWorkbook(random: () => number): SimWorkbook {
  const grids: Grid[] = SHEETS.map((name) => {
    const rows: (GridCell | undefined)[][] = [];
    for (let r = 0; r < 5; r++) {
      rows[r] = [];
      for (let c = 0; c < 4; c++) {
        const u = random();
        if (u < 0.25) rows[r][c] = { value: 0, formula: randomFormula(random, name) };
        else if (u < 0.85) rows[r][c] = { value: Math.floor(random() * 10) };
      }
    }
    return { name, rows };
  });
  return SimWorkbook.fromGrids(grids);
}

function formulaValues(wb: SimWorkbook): string {
  const out: unknown[] = [];
  for (const s of wb.sheetNames()) for (let r = 0; r < 5; r++) for (let c = 0; c < 4; c++) out.push(wb.getCell(s, `${columnLetters(c)}${r + 1}`).value);
  return JSON.stringify(out);
}

test("after each edit, every formula as a calculation of the whole workbook gives", async () => {
  for (let seed = 1; seed <= 60; seed++) {
    const random = prng(seed);
    const wb = randomWorkbook(random);
    for (let step = 0; step < 12; step++) {
      const names = wb.sheetNames();
      const sheet = names[Math.floor(random() * names.length)];
      const a1 = `${columnLetters(Math.floor(random() * 4))}${1 + Math.floor(random() * 5)}`;
      const u = random();
      if (step === 6 && random() < 0.5)
        await wb.run(async (ctx) => {
          ctx.workbook.worksheets.add(LATER);
          await ctx.sync();
        });
      else if (u < 0.6) wb.userEdit(sheet, a1, String(Math.floor(random() * 10)));
      else if (u < 0.8) wb.userEdit(sheet, a1, `=${randomFormula(random, sheet)}`);
      else
        await wb.run(async (ctx) => {
          ctx.workbook.worksheets.getItem(sheet).getRange(a1).values = [[random() < 0.5 ? "" : Math.floor(random() * 10)]];
          await ctx.sync();
        });
      const partial = formulaValues(wb);
      wb.dirty = true;
      expect(formulaValues(wb)).toBe(partial);
    }
  }
});
