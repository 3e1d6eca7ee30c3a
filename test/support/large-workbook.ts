/**
 * A large add-in workbook for payload tests and `scripts/payload.ts`: n measures with names of
 * exactly `nameLength` characters (words, Norwegian letters included), an actor and a comment
 * each, the checklist answered for nine measures in ten, in the in-memory Excel.
 */
import { defaultModel } from "../../src/core/model";
import { createLayout } from "../../src/excel/layout";
import { findChecklistRegion, QUESTIONS, readChecklistTable } from "../../src/grid/checklist-table";
import { CHECKLIST_WORDS, SHEETS } from "../../src/grid/layout";
import { newStore } from "../../src/grid/store";
import { SimWorkbook, type SimOptions } from "../../src/sim/workbook";
import { generatedRows } from "../excel/helpers";

const WORDS = ["nasjonal", "samhandling", "kjernejournal", "pasientens", "legemiddelliste", "dokumentdeling", "helsenorge", "kommunal", "spesialisthelsetjeneste", "fastlege", "innbygger", "tilgang", "strukturert", "løsning", "økt", "bruk", "grønn", "åpen"];

/** A name of exactly `length` characters, different for every i. */
export function longName(i: number, length: number): string {
  let s = `${i + 1}`;
  let k = i;
  while (s.length < length) {
    s += ` ${WORDS[k % WORDS.length]}`;
    k = Math.floor(k / 3) + 7 * (s.length % 5) + 1;
  }
  return s.slice(0, length);
}

export interface LargeWorkbookOptions extends SimOptions {
  /** Measures (default 5,000). */
  measures?: number;
  /** Characters of each name (default 150). */
  nameLength?: number;
}

/**
 * The layout made with the measures (one createLayout; the limit is lifted for it when the
 * options lift it), then the checklist answered through the API as a person's paste would.
 */
export async function largeWorkbook(options: LargeWorkbookOptions = {}): Promise<SimWorkbook> {
  const n = options.measures ?? 5000;
  const nameLength = options.nameLength ?? 150;
  const wb = SimWorkbook.fromGrids([{ name: "Ark1", rows: [] }], options);
  const rows = generatedRows(n).map((r, i) => ({
    ...r,
    name: longName(i, nameLength),
    actor: `Aktør ${(i % 23) + 1}`,
    comment: i % 3 === 0 ? `Merknad fra arbeidsmøtet om tiltak ${i + 1}: sjekkes med fagmiljøet` : "",
  }));
  const made = await wb.run((ctx) => createLayout(ctx, defaultModel(), rows, newStore(defaultModel(), n + 1), "nb"));
  if (!made.ok) throw new Error(made.message);
  const grid = wb.gridOf(SHEETS.checklist);
  const region = findChecklistRegion(grid)!;
  const table = readChecklistTable(grid, region);
  await wb.run(async (ctx) => {
    const sheet = ctx.workbook.worksheets.getItem(SHEETS.checklist);
    QUESTIONS.forEach((q, qi) => {
      const col = table.columns[q];
      if (col === undefined) return;
      const yes = (i: number) => (qi < 3 ? !(i % 13 === 5 && qi === i % 3) : i % 4 === qi - 3);
      sheet.getRangeByIndexes(region.headerRow + 1, col, n, 1).values = Array.from({ length: n }, (_, i) => [i % 10 === 9 ? "" : yes(i) ? CHECKLIST_WORDS.yes : CHECKLIST_WORDS.no]);
    });
    await ctx.sync();
  });
  wb.resetSyncCount();
  wb.resetPayloads();
  return wb;
}
