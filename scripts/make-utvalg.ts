/**
 * Writes examples/utvalg.xlsx: a worked example of selection within a budget, in the add-in's
 * layout. 30 e-health measures (after the themes of the council meetings: legemidler, deling,
 * kritisk info, infrastruktur, innbyggertjenester, helsedata), each scored on the 11 questions,
 * with *Kostnad (MNOK)*, *Forutsetter* (IDs and a range «T016–T017») and *Valg* (one measure
 * *Tas med*, one *Holdes utenfor*) in Vurdering, and the frames on Modell: Budsjettramme 240 MNOK,
 * Minimumsramme 100 MNOK. For the plan by steps (issue 21): *Gruppe* (T003 and T025 are two ways
 * to the same capability, «Legemidler i kommunene»: at most one of them), *Tidligst* (T028 not
 * before Steg 4), the steps table on Modell (Steg 2 = the budget frame 240, Steg 3 128, Steg 4 100
 * MNOK) and an empty quotas table to fill in.
 *
 * The costs are set so that the optimum can be checked by hand (test/cli/select-example.test.ts):
 * by score per MNOK, the measures fall in three bands (high, middle, low), and the high band with
 * the forced measure fills the minimum frame exactly, the middle band the rest of the full frame.
 * The most expensive measures score highest, so taking measures in rank order gives another,
 * worse selection. The later steps' frames are filled exactly by the next measures by score per
 * MNOK (test/cli/plan-example.test.ts checks the plan by hand). Deterministic: the same bytes every run.
 *
 *   npx tsx scripts/make-utvalg.ts
 */
import ExcelJS from "exceljs";
import { writeFileSync } from "fs";
import * as path from "path";
import { columnLetters } from "../src/core/address";
import type { CellValue } from "../src/core/cell";
import { assess } from "../src/core/assess";
import { defaultModel, leaves, type Model } from "../src/core/model";
import { gridFromValues } from "../src/grid/grid";
import { CHOICE_WORDS, rankingHeaders, SELECTION_COLUMNS, SELECTION_SETTINGS, scoringHeaders, SHEETS, TABLES } from "../src/grid/layout";
import { MODEL_HEADERS, SETTINGS_HEADERS, modelRows, settingsRows } from "../src/grid/model-table";
import { PLAN_COLUMNS, PLAN_TABLES, QUOTA_HEADERS, STEP_HEADERS } from "../src/grid/plan-layout";
import { readScoringTable, findScoringRegion } from "../src/grid/scoring-table";
import { newStore, STORE_SHEET, storeToCells } from "../src/grid/store";
import { fixZipTimes } from "./make-examples";

export const UTVALG_FILE = path.resolve(__dirname, "../examples/utvalg.xlsx");
export const UTVALG_BUDGET = 240;
export const UTVALG_MINIMUM = 100;
/** The steps table on Modell: the first step's frame is the Budsjettramme. */
export const UTVALG_STEPS: [string, number][] = [
  ["Steg 2", UTVALG_BUDGET],
  ["Steg 3", 128],
  ["Steg 4", 100],
];
/** Either–or groups and earliest steps by measure id. */
const GROUPS: Record<string, string> = { T003: "Legemidler i kommunene", T025: "Legemidler i kommunene" };
const EARLIEST: Record<string, string> = { T028: "Steg 4" };

const FIXED_DATE = new Date(Date.UTC(2021, 3, 21, 0, 0, 0));

/** Band: H high score per MNOK, M middle, L low; F forced in (Tas med), X held out (Holdes utenfor). */
type Band = "H" | "M" | "L" | "F" | "X";

export interface UtvalgMeasure {
  id: string;
  name: string;
  theme: string;
  actor: string;
  /** The 11 scores in model order. */
  scores: number[];
  cost: number;
  requires: string;
  choice: string;
  band: Band;
  group: string;
  earliest: string;
}

/** Name, theme, actor, band, Forutsetter, the 11 scores (Mål 2 · Kostnader 4 · Nytte 5), cost in MNOK. */
const ROWS: [string, string, string, Band, string, string, number][] = [
  ["Pasientens legemiddelliste – grunnmur", "Legemidler", "Direktoratet for e-helse", "H", "", "9 9 | 6 6 5 7 | 9 8 8 9 8", 12],
  ["PLL i spesialisthelsetjenesten", "Legemidler", "Helse Sør-Øst", "M", "T001", "9 8 | 5 5 6 6 | 9 7 8 8 6", 18],
  ["PLL i kommunale helse- og omsorgstjenester", "Legemidler", "KS", "L", "T001", "8 8 | 4 3 5 5 | 9 7 8 8 6", 42],
  ["Kritisk informasjon i kjernejournal", "Kritisk info", "Norsk helsenett", "F", "", "9 9 | 5 6 6 5 | 10 6 8 9 7", 30],
  ["Dokumentdeling fra kommunene", "Deling", "KS", "H", "T018", "8 8 | 6 5 6 6 | 7 7 8 8 7", 10],
  ["Dokumentdeling fra avtalespesialister", "Deling", "Helse Vest", "M", "T018", "7 7 | 6 6 6 6 | 6 6 7 7 6", 13.5],
  ["Bildedeling på tvers av regionene", "Deling", "Helse Midt-Norge", "M", "", "8 7 | 4 5 6 5 | 8 6 8 8 7", 20.5],
  ["Journaldeling mellom legevakt og fastlege", "Deling", "KS", "H", "", "8 8 | 7 6 7 7 | 8 6 8 8 6", 7.5],
  ["Vaksinasjonsdata i kjernejournal", "Kritisk info", "Folkehelseinstituttet", "H", "", "7 7 | 8 8 7 7 | 8 7 6 7 6", 6],
  ["Meldingsløftet: standardiserte meldinger", "Samhandling", "Direktoratet for e-helse", "M", "", "7 8 | 6 4 6 5 | 6 6 8 7 8", 16],
  ["Strukturert henvisning", "Samhandling", "Helse Nord", "M", "T016–T017", "7 7 | 5 5 6 4 | 6 6 7 7 6", 14],
  ["Digitale pasientforløp for kreft", "Samhandling", "Helse Sør-Øst", "L", "T011", "8 7 | 3 3 5 4 | 8 7 7 7 5", 38],
  ["Timebestilling på helsenorge", "Innbyggertjenester", "Norsk helsenett", "H", "", "6 7 | 8 7 8 8 | 5 9 6 5 5", 8],
  ["Digital hjemmeoppfølging", "Innbyggertjenester", "KS", "M", "", "7 8 | 5 4 6 6 | 7 8 6 6 5", 17.5],
  ["Velferdsteknologi i kommunene", "Innbyggertjenester", "KS", "L", "", "7 7 | 4 3 5 5 | 6 7 6 5 4", 34],
  ["Felles språk og terminologi (SNOMED CT)", "Infrastruktur", "Direktoratet for e-helse", "H", "", "8 8 | 5 6 7 3 | 6 5 7 8 10", 9.5],
  ["HelseID for alle aktører", "Infrastruktur", "Norsk helsenett", "H", "", "8 8 | 6 6 6 7 | 6 5 7 6 10", 9.5],
  ["Tillitsrammeverk for deling", "Infrastruktur", "Direktoratet for e-helse", "H", "", "8 8 | 6 5 4 6 | 6 5 6 6 10", 7.5],
  ["Digitalt samtykke og reservasjon", "Innbyggertjenester", "Norsk helsenett", "M", "T018", "6 7 | 6 5 4 6 | 6 8 5 5 6", 12.5],
  ["Felles kodeverk for laboratoriene", "Infrastruktur", "Helse Vest", "M", "", "7 6 | 6 5 7 4 | 7 5 7 8 8", 13.5],
  ["Labsvar fra private laboratorier", "Deling", "Helse Vest", "L", "T020", "7 7 | 4 4 5 4 | 7 5 7 7 5", 26],
  ["Innsyn for pårørende med fullmakt", "Innbyggertjenester", "Norsk helsenett", "L", "T019", "6 6 | 4 4 3 5 | 5 8 5 5 4", 24],
  ["Nasjonal helseanalyseplattform", "Helsedata", "Helsedataservice", "L", "T024", "9 9 | 4 5 4 5 | 7 6 8 9 9", 95],
  ["Søknadsmottak for helsedata", "Helsedata", "Helsedataservice", "M", "", "7 8 | 6 5 5 6 | 5 5 6 7 7", 14.5],
  ["Legemiddelmodul i kommunal journal", "Legemidler", "KS", "L", "", "7 7 | 3 4 5 4 | 8 6 7 8 5", 31],
  ["Digital tolketjeneste", "Innbyggertjenester", "Helse Bergen", "L", "", "6 5 | 6 6 5 6 | 6 7 5 5 3", 22],
  ["Kunstig intelligens i bildediagnostikk (pilot)", "Helsedata", "Helse Midt-Norge", "X", "T007", "7 6 | 4 4 3 5 | 8 6 8 8 6", 9],
  ["Nasjonal kjernejournal for tannhelse", "Kritisk info", "Helsedirektoratet", "L", "", "6 6 | 5 5 4 5 | 6 5 5 6 5", 27.5],
  ["E-resept for medisinsk utstyr", "Legemidler", "Direktoratet for e-helse", "L", "", "7 6 | 5 5 5 5 | 6 6 6 6 5", 25],
  ["Felles plattform for kommunal journal", "Samhandling", "KS", "L", "T016–T018", "9 9 | 2 2 4 3 | 8 8 9 9 9", 88],
];

export function utvalgMeasures(): UtvalgMeasure[] {
  return ROWS.map(([name, theme, actor, band, requires, scores, cost], i) => ({
    id: `T${String(i + 1).padStart(3, "0")}`,
    name,
    theme,
    actor,
    scores: scores.replace(/\|/g, " ").trim().split(/\s+/).map(Number),
    cost,
    requires,
    choice: band === "F" ? CHOICE_WORDS.in : band === "X" ? CHOICE_WORDS.out : "",
    band,
    group: GROUPS[`T${String(i + 1).padStart(3, "0")}`] ?? "",
    earliest: EARLIEST[`T${String(i + 1).padStart(3, "0")}`] ?? "",
  }));
}

function scoringRows(model: Model, measures: UtvalgMeasure[]): CellValue[][] {
  return measures.map((m) => [m.id, m.name, m.theme, m.actor, ...m.scores, null, m.cost, m.requires || null, m.choice || null, m.group || null, m.earliest || null]);
}

export function utvalgHeaders(model: Model): string[] {
  return [...scoringHeaders(model), SELECTION_COLUMNS.cost, SELECTION_COLUMNS.requires, SELECTION_COLUMNS.choice, PLAN_COLUMNS.group, PLAN_COLUMNS.earliest];
}

/** The totals the add-in computes for the example's scores, by id. */
export function utvalgTotals(): Map<string, number> {
  const model = defaultModel();
  const g = gridFromValues(SHEETS.scoring, [utvalgHeaders(model), ...scoringRows(model, utvalgMeasures())]);
  const table = readScoringTable(g, findScoringRegion(g)!, model);
  return new Map(assess(model, table.measures).measures.map((m) => [m.id, m.total!]));
}

const excel = (v: CellValue): ExcelJS.CellValue => (v !== null && typeof v === "object" ? ({ error: v.error } as ExcelJS.CellErrorValue) : v);

function addTable(ws: ExcelJS.Worksheet, name: string, row: number, col: number, headers: readonly string[], rows: CellValue[][], theme: string): void {
  ws.addTable({
    name,
    displayName: name,
    ref: `${columnLetters(col)}${row + 1}`,
    headerRow: true,
    style: { theme: theme as ExcelJS.TableStyleProperties["theme"], showRowStripes: true },
    columns: headers.map((h) => ({ name: h, filterButton: true })),
    rows: rows.length ? rows.map((r) => r.map(excel)) : [headers.map(() => null)],
  });
}

export async function utvalgWorkbook(): Promise<Buffer> {
  const model = defaultModel();
  const measures = utvalgMeasures();
  const wb = new ExcelJS.Workbook();
  wb.creator = "Prioritering";
  wb.lastModifiedBy = "Prioritering";
  wb.title = "Utvalg innenfor kostnadsrammen: minimumsliste og plussliste";
  wb.created = FIXED_DATE;
  wb.modified = FIXED_DATE;

  const ws = wb.addWorksheet(SHEETS.scoring, { views: [{ state: "frozen", ySplit: 2 }] });
  const headers = utvalgHeaders(model);
  ws.getCell(1, 1).value = "Utvalg: kostnad i MNOK, Forutsetter (ID-er), Valg (Tas med / Holdes utenfor) til høyre i tabellen";
  addTable(ws, TABLES.scoring, 1, 0, headers, scoringRows(model, measures), "TableStyleMedium2");
  ws.getRow(2).alignment = { wrapText: true, vertical: "top" };
  ws.getRow(2).font = { bold: true };
  const widths = [8, 46, 18, 24, ...leaves(model).map(() => 11), 20, 12, 14, 16, 24, 10];
  widths.forEach((w, i) => (ws.getColumn(i + 1).width = w));
  const costCol = headers.indexOf(SELECTION_COLUMNS.cost) + 1;
  for (let r = 3; r < 3 + measures.length; r++) ws.getCell(r, costCol).numFmt = "0.0";
  const choiceCol = columnLetters(headers.indexOf(SELECTION_COLUMNS.choice));
  (ws as ExcelJS.Worksheet & { dataValidations: { add(range: string, rule: ExcelJS.DataValidation): void } }).dataValidations.add(
    `${choiceCol}3:${choiceCol}${2 + measures.length}`,
    { type: "list", allowBlank: true, formulae: [`"${CHOICE_WORDS.in},${CHOICE_WORDS.out}"`] },
  );
  const earliestCol = columnLetters(headers.indexOf(PLAN_COLUMNS.earliest));
  (ws as ExcelJS.Worksheet & { dataValidations: { add(range: string, rule: ExcelJS.DataValidation): void } }).dataValidations.add(
    `${earliestCol}3:${earliestCol}${2 + measures.length}`,
    { type: "list", allowBlank: true, formulae: [`"${UTVALG_STEPS.map(([name]) => name).join(",")}"`] },
  );

  const wm = wb.addWorksheet(SHEETS.model);
  addTable(wm, TABLES.model, 0, 0, MODEL_HEADERS, modelRows(model), "TableStyleLight9");
  const settings: CellValue[][] = [...settingsRows(model), [SELECTION_SETTINGS.budget, UTVALG_BUDGET], [SELECTION_SETTINGS.minimum, UTVALG_MINIMUM]];
  addTable(wm, TABLES.settings, 0, MODEL_HEADERS.length + 1, SETTINGS_HEADERS, settings, "TableStyleLight9");
  [22, 12, 44, 44, 22, 22, 8, 16, 46, 14].forEach((w, i) => (wm.getColumn(i + 1).width = w));
  wm.getColumn(MODEL_HEADERS.length + 2).width = 24;
  wm.getColumn(MODEL_HEADERS.length + 3).width = 30;
  // The steps beside the settings, and the quotas beside the steps (empty, to fill in).
  const stepsCol = MODEL_HEADERS.length + 4;
  addTable(wm, PLAN_TABLES.steps, 0, stepsCol, STEP_HEADERS, UTVALG_STEPS, "TableStyleLight9");
  const quotasCol = stepsCol + STEP_HEADERS.length + 1;
  addTable(wm, PLAN_TABLES.quotas, 0, quotasCol, QUOTA_HEADERS, [], "TableStyleLight9");
  [12, 14].forEach((w, i) => (wm.getColumn(stepsCol + 1 + i).width = w));
  [16, 10, 8, 10, 10].forEach((w, i) => (wm.getColumn(quotasCol + 1 + i).width = w));

  const wr = wb.addWorksheet(SHEETS.ranking, { views: [{ state: "frozen", ySplit: 1 }] });
  addTable(wr, TABLES.ranking, 0, 0, rankingHeaders(model), [], "TableStyleMedium2");

  const wd = wb.addWorksheet(STORE_SHEET, { state: "veryHidden" });
  storeToCells(newStore(model, measures.length)).forEach((row, i) => (wd.getCell(i + 1, 1).value = excel(row[0])));
  wb.views = [{ x: 0, y: 0, width: 20000, height: 12000, firstSheet: 0, activeTab: 0, visibility: "visible" }];
  return fixZipTimes(Buffer.from(await wb.xlsx.writeBuffer()), FIXED_DATE);
}

async function main(): Promise<void> {
  const bytes = await utvalgWorkbook();
  writeFileSync(UTVALG_FILE, bytes);
  process.stdout.write(`${path.relative(process.cwd(), UTVALG_FILE)}: ${utvalgMeasures().length} tiltak, ${bytes.length} bytes\n`);
}

if (require.main === module) {
  main().catch((e: unknown) => {
    process.stderr.write(`make-utvalg: ${(e as Error).message ?? String(e)}\n`);
    process.exitCode = 1;
  });
}
