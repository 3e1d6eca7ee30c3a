/**
 * A damaged store, or one written by a newer version of the add-in, is a finding in the output of
 * `prio score` and `prio checklist` (text and JSON), at PrioData!A1, as the task pane shows it; a
 * sound store is not. Before, the command line passed over both in silence.
 */
import ExcelJS from "exceljs";
import * as path from "path";
import { defaultModel } from "../../src/core/model";
import { newStore, storeToCells, STORE_SHEET } from "../../src/grid/store";
import { run, tempDir } from "../support/cli";
import { SCENARIO_CHECKLIST, SCENARIO_SCORING, writeChecklistWorkbook } from "../support/checklist";

let dir: string;
let cleanup: () => void;
const files: Record<string, string> = {};

/** The scenario portfolio with a PrioData sheet holding the given cells in column A. */
async function withStore(name: string, cells: string[]): Promise<string> {
  const file = path.join(dir, `${name}.xlsx`);
  await writeChecklistWorkbook(file, { scoring: SCENARIO_SCORING, checklist: SCENARIO_CHECKLIST });
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const ws = wb.addWorksheet(STORE_SHEET, { state: "veryHidden" });
  cells.forEach((c, i) => (ws.getCell(i + 1, 1).value = c));
  await wb.xlsx.writeFile(file);
  return file;
}

beforeAll(async () => {
  ({ dir, cleanup } = tempDir());
  // Cut off in the middle of the JSON, as a half-finished write would leave it.
  files.damaged = await withStore("skadet", ['{"format":1,"model":{"criteria":[']);
  files.newer = await withStore("nyere", ['{"format":99,"model":{},"nextId":12,"checklist":{}}']);
  files.sound = await withStore("frisk", storeToCells(newStore(defaultModel(), 11)).map((r) => String(r[0])));
});
afterAll(() => cleanup());

const NEWER_NB =
  "Tilleggets lagrede data i arbeidsboken er skrevet av en nyere versjon av tillegget (format 99). Tabellene er lest slik de står, uten de lagrede dataene; oppdater tillegget før du endrer arbeidsboken med det.";
const NEWER_EN =
  "The add-in's stored data in the workbook was written by a newer version of the add-in (format 99). The tables were read as they are, without the stored data; update the add-in before changing the workbook with it.";
const DAMAGED_NB = /^Tilleggets lagrede data i arbeidsboken er skadet \(PrioData: .+\)\. De er beholdt urørt, og modellen på arket Modell brukes\.$/;

interface JsonFinding {
  code: string;
  severity: string;
  cell: string | null;
  message: string;
}

describe.each([["score"], ["checklist"]])("prio %s", (command) => {
  test("a newer store: a warning at PrioData!A1 in the text, in bokmål and English", async () => {
    const nb = await run([command, files.newer]);
    expect([nb.code, nb.err]).toEqual([0, ""]);
    expect(nb.out.split("\n")).toContain(`  [Advarsel] PrioData!A1: ${NEWER_NB}`);
    const en = await run([command, files.newer, "--lang", "en"]);
    expect(en.out.split("\n")).toContain(`  [Warning] PrioData!A1: ${NEWER_EN}`);
  });
  test("a newer store: the finding in the JSON", async () => {
    const r = await run([command, files.newer, "--json"]);
    const findings = (JSON.parse(r.out) as { findings: JsonFinding[] }).findings.filter((f) => f.code.startsWith("store-"));
    expect(findings).toEqual([{ code: "store-newer", severity: "warning", cell: "PrioData!A1", message: NEWER_NB }]);
  });
  test("a damaged store: a warning at PrioData!A1 in the text and the JSON", async () => {
    const text = await run([command, files.damaged]);
    expect([text.code, text.err]).toEqual([0, ""]);
    const line = text.out.split("\n").find((l) => l.startsWith("  [Advarsel] PrioData!A1: "));
    expect(line?.replace("  [Advarsel] PrioData!A1: ", "")).toMatch(DAMAGED_NB);
    const json = await run([command, files.damaged, "--json"]);
    const findings = (JSON.parse(json.out) as { findings: JsonFinding[] }).findings.filter((f) => f.code.startsWith("store-"));
    expect(findings.map((f) => [f.code, f.severity, f.cell])).toEqual([["store-damaged", "warning", "PrioData!A1"]]);
    expect(findings[0].message).toMatch(DAMAGED_NB);
  });
  test("a sound store: no store finding", async () => {
    const r = await run([command, files.sound, "--json"]);
    expect(r.code).toBe(0);
    expect((JSON.parse(r.out) as { findings: JsonFinding[] }).findings.filter((f) => f.code.startsWith("store-"))).toEqual([]);
  });
});

test("the findings count in the summary line includes the store's warning", async () => {
  const sound = await run(["score", files.sound]);
  const newer = await run(["score", files.newer]);
  const warnings = (out: string) => Number(/(\d+) advarsler/.exec(out.split("\n").pop()!)![1]);
  expect(warnings(newer.out)).toBe(warnings(sound.out) + 1);
});
