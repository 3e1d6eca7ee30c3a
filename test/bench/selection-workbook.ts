/**
 * A large workbook for `prio select` in the add-in's layout: n measures scored on every question
 * (whole and half points), a cost of 2–60 MNOK (steps of 0,5), Forutsetter on about a third of them
 * (now and then two), one measure *Tas med* and one *Holdes utenfor*, and the frames on Modell
 * (Budsjettramme 30 % of the sum of costs, Minimumsramme 15 %). Seeded: the same bytes every run.
 *
 *   npx tsx test/bench/selection-workbook.ts 2000 /tmp/utvalg-2000.xlsx
 */
import ExcelJS from "exceljs";
import { defaultModel, leaves } from "../../src/core/model";
import { CHOICE_WORDS, SELECTION_COLUMNS, SELECTION_SETTINGS, scoringHeaders, SHEETS } from "../../src/grid/layout";
import { SETTINGS_HEADERS } from "../../src/grid/model-table";
import { prng } from "../support/grids";

export async function writeSelectionWorkbook(n: number, file: string, seed = 2026): Promise<void> {
  const model = defaultModel();
  const qs = leaves(model);
  const r = prng(seed);
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(SHEETS.scoring);
  ws.addRow([...scoringHeaders(model), SELECTION_COLUMNS.cost, SELECTION_COLUMNS.requires, SELECTION_COLUMNS.choice]);
  let total = 0;
  for (let i = 0; i < n; i++) {
    const requires = new Set<string>();
    if (i > 0 && r() < 0.35) requires.add(`T${String(1 + Math.floor(r() * i)).padStart(4, "0")}`);
    if (i > 1 && r() < 0.1) requires.add(`T${String(1 + Math.floor(r() * i)).padStart(4, "0")}`);
    const cost = (4 + Math.floor(r() * 117)) / 2;
    total += cost;
    const choice = i === 3 ? CHOICE_WORDS.in : i === 7 ? CHOICE_WORDS.out : null;
    ws.addRow([`T${String(i + 1).padStart(4, "0")}`, `Tiltak ${i + 1}`, "", "", ...qs.map(() => Math.floor(r() * 21) / 2), null, cost, [...requires].join(", ") || null, choice]);
  }
  const wm = wb.addWorksheet(SHEETS.model);
  wm.addRow([...SETTINGS_HEADERS]);
  wm.addRow([SELECTION_SETTINGS.budget, Math.round(total * 0.3)]);
  wm.addRow([SELECTION_SETTINGS.minimum, Math.round(total * 0.15)]);
  await wb.xlsx.writeFile(file);
}

if (require.main === module) {
  const n = Number(process.argv[2] ?? 2000);
  const file = process.argv[3] ?? `/tmp/utvalg-${n}.xlsx`;
  writeSelectionWorkbook(n, file).then(
    () => process.stdout.write(`${file}\n`),
    (e: unknown) => {
      process.stderr.write(`${(e as Error).message}\n`);
      process.exitCode = 1;
    },
  );
}
