/**
 * The council meeting of 21 September 2022 as test data: the fixture's typed values as
 * MeasureInputs (with the cells they sit in on the real sheets), and the real workbook read
 * once through the same path as the CLI.
 */
import fixture from "../fixtures/prioritering-2022-09.json";
import type { MeasureInput, ScoreCell } from "../../src/core/aggregate";
import type { CellValue } from "../../src/core/cell";
import { quoteSheet } from "../../src/core/address";
import { readXlsx } from "../../src/cli/xlsx";
import { readWorkbook, type WorkbookRead } from "../../src/grid/workbook";
import type { MeasureResult } from "../../src/core/assess";

export { fixture };
export type FixtureMeasure = (typeof fixture.measures)[number];
export type MeasureId = FixtureMeasure["id"];

export const MEETING_XLSX = `${__dirname}/../fixtures/prioritering-2022-09.xlsx`;

/** Rows of the legacy theme sheets (1-based, as Excel shows them). */
export const ROW: Record<string, number> = {
  header: 2,
  maal: 3,
  "maal.behov": 4,
  "maal.prioritet": 5,
  kost: 6,
  "kost.teknisk": 7,
  "kost.org": 8,
  "kost.juridisk": 9,
  "kost.semantisk": 10,
  nytte: 11,
  "nytte.pasient": 12,
  "nytte.pasient.sikkerhet": 13,
  "nytte.pasient.hverdag": 14,
  "nytte.hp": 15,
  "nytte.hp.arbeidshverdag": 16,
  "nytte.hp.beslutning": 17,
  "nytte.infra": 18,
  total: 20,
  rank: 21,
};

/** The column of each measure on its theme sheet. */
export const COLUMN: Record<string, string> = {
  dbep: "C",
  "dok.spes": "C",
  "dok.legevakt": "D",
  "dok.kommunal": "E",
  "dok.fastleger": "F",
  "dok.andre": "G",
  "dok.utenfor": "H",
  "ki.spes": "C",
  "ki.fastleger": "D",
  "ki.kommunal": "E",
  "ki.andre": "F",
  hjelpenummer: "C",
  pll: "C",
  dho: "C",
};

/** The fixture's legacyDisplayed/expected keys → model node ids. */
export const DISPLAY_KEY_TO_NODE: Record<string, string> = {
  maal: "maal",
  kost: "kost",
  nytte: "nytte",
  pasient: "nytte.pasient",
  helsepersonell: "nytte.hp",
  score: "total",
};

export function fixtureMeasure(id: string): FixtureMeasure {
  const m = fixture.measures.find((x) => x.id === id);
  if (!m) throw new Error(`no fixture measure ${id}`);
  return m;
}

/** `'Kritisk info'!F9` for a measure's cell on the row of a node (or "header", "total", "rank"). */
export function cellOf(id: string, rowKey: string): string {
  const m = fixtureMeasure(id);
  return `${quoteSheet(m.sheet)}!${COLUMN[id]}${ROW[rowKey]}`;
}

/** The fixture's typed scores as a MeasureInput, each with the address it has on the real sheet. */
export function inputOf(m: FixtureMeasure): MeasureInput {
  const scores: Record<string, ScoreCell> = {};
  for (const [leaf, v] of Object.entries(m.values)) scores[leaf] = { value: v as CellValue, address: cellOf(m.id, leaf) };
  return { id: m.id, name: m.header, theme: m.sheet, scores, address: cellOf(m.id, "header") };
}

export function fixtureInputs(): MeasureInput[] {
  return fixture.measures.map(inputOf);
}

let cached: Promise<WorkbookRead> | undefined;

/** The real workbook, read through the CLI's path (exceljs → grids → readWorkbook). */
export function readMeeting(): Promise<WorkbookRead> {
  cached ??= readXlsx(MEETING_XLSX).then(({ grids }) => readWorkbook(grids));
  return cached;
}

/** The measure read from the real workbook that is the fixture measure `id` (by sheet and column). */
export function resultFor(read: WorkbookRead, id: string): MeasureResult {
  if (read.kind !== "legacy") throw new Error(`expected the legacy layout, got ${read.kind}`);
  const m = fixtureMeasure(id);
  const col = COLUMN[id].charCodeAt(0) - 65;
  const lm = read.legacy.measures.find((x) => x.sheet === m.sheet && x.col === col);
  if (!lm) throw new Error(`no measure at ${m.sheet} ${COLUMN[id]}`);
  const r = read.assessment.measures.find((x) => x.id === lm.input.id);
  if (!r) throw new Error(`no result for ${lm.input.id}`);
  return r;
}

/** |a − b| ≤ 1e-9: the bar for totals. */
export function expectWithin(actual: number | null | undefined, expected: number, tol = 1e-9): void {
  expect(typeof actual).toBe("number");
  expect(Math.abs((actual as number) - expected)).toBeLessThanOrEqual(tol);
}
