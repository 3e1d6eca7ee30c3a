/**
 * Test data for the exports: a 60-measure workbook in the add-in's layout (the 55 measures of the
 * 2020 checklist test with their real checklist answers, and five more not yet assessed), scored
 * with seeded random whole numbers; measures 10 and 11 have the same scores (a tie), and the last
 * has no Nytte scores (no total). Also the .pptx as a zip, for checking its parts.
 */
import ExcelJS from "exceljs";
import { promises as fs } from "fs";
import JSZip from "jszip";
import * as path from "path";
import type { CellValue } from "../../src/core/cell";
import { defaultModel, leaves } from "../../src/core/model";
import { CHECKLIST_HEADERS, SHEETS, scoringHeaders } from "../../src/grid/layout";
import { MODEL_HEADERS, SETTINGS_HEADERS, modelRows, settingsRows } from "../../src/grid/model-table";
import { MEASURES_2020, cellsOf, checklistValues } from "../support/checklist";
import { ensureCliBuilt, spawnPrio, tempDir } from "../support/cli";
import { prng } from "../support/grids";
import { MEETING_XLSX } from "../support/meeting";

export interface Generated {
  id: string;
  name: string;
  theme: string;
  scores: (number | null)[];
}

export const EXTRA_MEASURES = [
  { name: "Digital hjemmeoppfølging", theme: "Nye tiltak" },
  { name: "Felles språk for legemiddelallergi", theme: "Nye tiltak" },
  { name: "Henvisning med strukturert innhold", theme: "Nye tiltak" },
  { name: "Nasjonal timebestilling", theme: "Nye tiltak" },
  { name: "Pasientens prøvesvar", theme: "Nye tiltak" },
];

export function sixtyMeasures(): Generated[] {
  const random = prng(2022_09_21);
  const leafCount = leaves(defaultModel()).length;
  const base = [...MEASURES_2020.map((m) => ({ id: m.id, name: m.name, theme: m.theme })), ...EXTRA_MEASURES.map((m, i) => ({ id: `T${String(56 + i).padStart(3, "0")}`, ...m }))];
  const out: Generated[] = base.map((m) => ({ ...m, scores: Array.from({ length: leafCount }, () => Math.floor(random() * 11)) }));
  out[10].scores = [...out[9].scores];
  // The last measure: nothing scored under Nytte (the last five leaves), so no total.
  const last = out[out.length - 1];
  last.scores = last.scores.map((s, i) => (i >= leafCount - 5 ? null : s));
  return out;
}

const excelValue = (v: CellValue): ExcelJS.CellValue => (v !== null && typeof v === "object" ? ({ error: v.error } as ExcelJS.CellErrorValue) : v);

const FILLER =
  "for bedre samhandling mellom kommunale tjenester og spesialisthelsetjenesten med felles løsninger for deling av journaldokumenter og strukturerte data".split(" ");

/** The same measures with names of exactly 150 characters: the real name, then words until it is that long (cut inside a word). */
export function longNames(measures: Generated[]): Generated[] {
  return measures.map((m, i) => {
    let name = m.name;
    for (let k = i; name.length < 150; k++) name += ` ${FILLER[k % FILLER.length]}`;
    return { ...m, name: name.slice(0, 150).trimEnd().padEnd(150, "x") };
  });
}

/** The 60-measure workbook as an .xlsx in the add-in's layout with a checklist. */
export async function writeSixty(file: string, long = false): Promise<Generated[]> {
  const model = defaultModel();
  const measures = long ? longNames(sixtyMeasures()) : sixtyMeasures();
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(SHEETS.scoring);
  ws.addRow(scoringHeaders(model));
  // With long names, also a note typed into the first score cell of 25 measures: 25 findings that change a total, more than the data-quality slide holds.
  measures.forEach((m, i) => {
    const scores: CellValue[] = long && i < 25 ? ["Sjekke med jurist?", ...m.scores.slice(1)] : m.scores;
    ws.addRow([m.id, m.name, m.theme, "", ...scores, ""].map((v) => excelValue(v as CellValue)));
  });
  const ms = wb.addWorksheet(SHEETS.model);
  ms.addRow([...MODEL_HEADERS]);
  for (const r of modelRows(model)) ms.addRow(r.map(excelValue));
  ms.addRow([]);
  ms.addRow([...SETTINGS_HEADERS]);
  for (const r of settingsRows(model)) ms.addRow(r.map(excelValue));
  const cs = wb.addWorksheet(SHEETS.checklist);
  cs.addRow(CHECKLIST_HEADERS);
  MEASURES_2020.forEach((m, i) => cs.addRow(checklistValues({ ...cellsOf(m), name: measures[i].name }).map(excelValue)));
  for (const m of measures.slice(MEASURES_2020.length)) cs.addRow(checklistValues({ id: m.id, name: m.name }).map(excelValue));
  await wb.xlsx.writeFile(file);
  return measures;
}

export const UTVALG_XLSX = path.resolve(__dirname, "../../examples/utvalg.xlsx");

/** The name in examples/utvalg.xlsx (T001, rank 1) that `controlWorkbook` writes with Excel's escape for \x01. */
export const CONTROL_NAME = "Pasientens legemiddelliste – grunnmur";

/**
 * examples/utvalg.xlsx with T001's name holding a control character as Excel writes one in the file
 * (`_x0001_`, which exceljs reads as "\u0001"): «Pasientens legemiddelliste_x0001_ – grunnmur».
 */
export async function controlWorkbook(file: string): Promise<void> {
  const zip = await JSZip.loadAsync(await fs.readFile(UTVALG_XLSX));
  const strings = await zip.file("xl/sharedStrings.xml")!.async("string");
  if (strings.split(CONTROL_NAME).length !== 2) throw new Error(`examples/utvalg.xlsx holds «${CONTROL_NAME}» once`);
  zip.file("xl/sharedStrings.xml", strings.replace(CONTROL_NAME, CONTROL_NAME.replace(" – ", "_x0001_ – ")));
  await fs.writeFile(file, await zip.generateAsync({ type: "uint8array", compression: "DEFLATE" }));
}

export async function unzip(bytes: Uint8Array): Promise<JSZip> {
  return JSZip.loadAsync(bytes);
}

/**
 * The decks the tests open: the meeting (top 6, with the rank acceptability slide; and in English
 * without a meeting typed), the 60 measures (top 20, lists per segment), the 60 measures with
 * 150-character names (lists per segment), examples/utvalg.xlsx (a budget frame on Modell, so its exact selection splits the list although
 * --top 5 is given) and the same with a control character in a name, made by the real CLI.
 */
export interface Decks {
  dir: string;
  meeting: string;
  /** The meeting in English, without a meeting typed. */
  meetingEn: string;
  sixty: string;
  utvalg: string;
  /** examples/utvalg.xlsx with a control character in T001's name (controlWorkbook). */
  control: string;
  controlXlsx: string;
  /** The 60 measures with 150-character names. */
  long: string;
  sixtyXlsx: string;
  longXlsx: string;
  measures: Generated[];
  cleanup: () => void;
}

export async function makeDecks(): Promise<Decks> {
  ensureCliBuilt();
  const { dir, cleanup } = tempDir();
  const sixtyXlsx = path.join(dir, "sixty.xlsx");
  const longXlsx = path.join(dir, "long.xlsx");
  const measures = await writeSixty(sixtyXlsx);
  await writeSixty(longXlsx, true);
  const meeting = path.join(dir, "meeting.pptx");
  const meetingEn = path.join(dir, "meeting-en.pptx");
  const sixty = path.join(dir, "sixty.pptx");
  const utvalg = path.join(dir, "utvalg.pptx");
  const long = path.join(dir, "long.pptx");
  const controlXlsx = path.join(dir, "control.xlsx");
  const control = path.join(dir, "control.pptx");
  await controlWorkbook(controlXlsx);
  for (const [args, out] of [
    [[MEETING_XLSX, "--top", "6", "--meeting", "Nasjonalt e-helseråd 21.09.2022", "--acceptability"], meeting],
    [[MEETING_XLSX, "--top", "6", "--lang", "en"], meetingEn],
    [[sixtyXlsx, "--top", "20", "--segment-lists"], sixty],
    [[UTVALG_XLSX, "--top", "5"], utvalg],
    [[longXlsx, "--segment-lists"], long],
    [[controlXlsx], control],
  ] as const) {
    const r = spawnPrio(["slides", ...args, "-o", out, "--date", "2022-09-21"]);
    if (r.code !== 0) throw new Error(`prio slides failed: ${r.err}`);
  }
  return { dir, meeting, meetingEn, sixty, utvalg, control, controlXlsx, long, sixtyXlsx, longXlsx, measures, cleanup };
}
