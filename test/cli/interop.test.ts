/**
 * Workbooks from other programs are read as Excel's are: each example workbook as exceljs wrote it
 * (examples/), as LibreOffice Calc saved it and as openpyxl (what Python pipelines and pandas use)
 * saved it (test/fixtures/interop/, made once by scripts/interop-fixtures.ts) gives the same
 * `prio score --json`, and the same assessment through the task pane's reader
 * (src/taskpane/read-file.ts: the guard, then exceljs; what the preview's «Åpne .xlsx», «Importer
 * runde» and «Hent vurderinger» use).
 *
 * What legitimately differs: openpyxl keeps a formula but not its cached result, so in the legacy
 * meeting workbook the checks of what a formula cell shows see nothing shown: the findings
 * legacy-formula («viser –») and legacy-error-value (#DIV/0! shown) differ there, and only those.
 * LibreOffice has no «very hidden» sheet: it saves PrioData as hidden, so the pane's reader reports
 * that sheet's visibility as hidden. Every score, rank, name, value and every other finding is the same.
 *
 * Before, exceljs failed on openpyxl's absolute relationship targets and its names for the notes'
 * parts, and every openpyxl workbook was refused as «filen er skadet eller ufullstendig».
 */
import { promises as fs } from "fs";
import JSZip from "jszip";
import * as path from "path";
import { DecompressionStream } from "stream/web";
import type { Assessment } from "../../src/core/assess";
import { readWorkbook } from "../../src/grid/workbook";
import { readWorkbookFile } from "../../src/ui/read-file";
import { ROOT, run, tempDir } from "../support/cli";

const EXAMPLES = ["utvalg.xlsx", "portefolje-2020.xlsx", "prioritering-2022-09.xlsx"];
const WRITERS = { exceljs: path.join(ROOT, "examples"), libreoffice: path.join(ROOT, "test/fixtures/interop/libreoffice"), openpyxl: path.join(ROOT, "test/fixtures/interop/openpyxl") };
type Writer = keyof typeof WRITERS;

/** Findings about what a formula cell shows: openpyxl's files hold no cached results, so these differ (see above). */
const SHOWN = new Set(["legacy-formula", "legacy-error-value"]);
const keep = (writer: Writer, code: string) => writer !== "openpyxl" || !SHOWN.has(code);

interface ScoreJson {
  measures: { findings: { code: string }[] }[];
  findings: { code: string }[];
}

async function scoreJson(file: string, writer: Writer): Promise<ScoreJson> {
  const r = await run(["score", file, "--json"]);
  expect({ file, code: r.code, err: r.err }).toEqual({ file, code: 0, err: "" });
  const json = JSON.parse(r.out) as ScoreJson;
  return {
    ...json,
    measures: json.measures.map((m) => ({ ...m, findings: m.findings.filter((f) => keep(writer, f.code)) })),
    findings: json.findings.filter((f) => keep(writer, f.code)),
  };
}

const findingsOf = (writer: Writer, list: Assessment["findings"]) => list.filter((f) => keep(writer, f.code)).map((f) => [f.code, f.severity, f.cell ?? "", f.measureId ?? "", f.criterionId ?? ""]);

/** The assessment as the pane's reader gets it, every number and finding, and the checklist's placements. */
async function paneRead(file: string, writer: Writer) {
  const data = await fs.readFile(file);
  const read = await readWorkbookFile(new Uint8Array(data).buffer, path.basename(file), "nb");
  if (!read.ok) throw new Error(read.message);
  const wb = readWorkbook(read.grids);
  if (wb.kind === "none") throw new Error(`${file}: no measures`);
  return {
    kind: wb.kind,
    // LibreOffice saves a very hidden sheet as hidden (see above).
    sheets: read.sheets.map(([sheet, state]) => [sheet, writer === "libreoffice" && state === "veryHidden" ? "hidden" : state]),
    measures: wb.assessment.measures.map((m) => ({ id: m.id, name: m.name, theme: m.theme, total: m.total, rank: m.rank, tied: m.tied, values: m.values, findings: findingsOf(writer, m.findings) })),
    findings: findingsOf(writer, wb.assessment.findings),
    placements: wb.kind === "addin" && wb.checklist ? [...wb.checklist.placements] : null,
  };
}

beforeAll(() => {
  // The guard inflates with the platform's DecompressionStream, as a browser has it; jest's Node environment does not expose Node's.
  (globalThis as { DecompressionStream?: unknown }).DecompressionStream ??= DecompressionStream;
});

describe.each(EXAMPLES)("%s", (name) => {
  test.each(["libreoffice", "openpyxl"] as const)("as %s saves it: the same prio score --json as the workbook exceljs wrote", async (writer) => {
    const expected = await scoreJson(path.join(WRITERS.exceljs, name), writer);
    expect(expected.measures.length).toBeGreaterThan(10);
    expect(await scoreJson(path.join(WRITERS[writer], name), writer)).toEqual(expected);
  });
  test.each(["libreoffice", "openpyxl"] as const)("as %s saves it: the same assessment through the task pane's reader", async (writer) => {
    const expected = await paneRead(path.join(WRITERS.exceljs, name), writer);
    expect(await paneRead(path.join(WRITERS[writer], name), writer)).toEqual(expected);
  });
});

test("the openpyxl files are what openpyxl writes: absolute targets, and notes under its own names", async () => {
  const zip = await JSZip.loadAsync(await fs.readFile(path.join(WRITERS.openpyxl, "prioritering-2022-09.xlsx")));
  expect(Object.keys(zip.files)).toEqual(expect.arrayContaining(["xl/comments/comment1.xml", "xl/drawings/commentsDrawing1.vml"]));
  const rels = await zip.file("xl/_rels/workbook.xml.rels")!.async("string");
  expect(rels).toContain('Target="/xl/worksheets/sheet1.xml"');
});

test("a table exceljs cannot read (broken XML in it): read without the tables, by the header rows, with the same scores", async () => {
  const { dir, cleanup } = tempDir();
  try {
    const zip = await JSZip.loadAsync(await fs.readFile(path.join(WRITERS.exceljs, "utvalg.xlsx")));
    const table = await zip.file("xl/tables/table1.xml")!.async("string");
    zip.file("xl/tables/table1.xml", table.replace("<tableColumns", "<tableColumns <"));
    const file = path.join(dir, "brutt-tabell.xlsx");
    await fs.writeFile(file, await zip.generateAsync({ type: "uint8array" }));
    expect(await scoreJson(file, "exceljs")).toEqual(await scoreJson(path.join(WRITERS.exceljs, "utvalg.xlsx"), "exceljs"));
  } finally {
    cleanup();
  }
});

test("a workbook exceljs cannot read at all: the reader could not read it, not «damaged»; the pane says the same", async () => {
  const { dir, cleanup } = tempDir();
  try {
    const zip = await JSZip.loadAsync(await fs.readFile(path.join(WRITERS.exceljs, "utvalg.xlsx")));
    zip.file("xl/workbook.xml", "<workbook><sheets><sheet name=");
    const file = path.join(dir, "uleselig.xlsx");
    await fs.writeFile(file, await zip.generateAsync({ type: "uint8array" }));
    const message = `${file} kunne ikke leses: tilleggets leser for .xlsx forstår ikke innholdet. Filen kan være skadet, eller lagret av et program som skriver arbeidsboken på en måte leseren ikke kjenner. Åpne den i Excel, lagre som Excel-arbeidsbok (.xlsx), og prøv igjen.`;
    const r = await run(["score", file]);
    expect([r.code, r.out, r.err]).toEqual([2, "", message]);
    const pane = await readWorkbookFile(new Uint8Array(await fs.readFile(file)).buffer, "uleselig.xlsx", "en");
    expect(pane).toEqual({
      ok: false,
      message:
        "uleselig.xlsx could not be read: the add-in's .xlsx reader does not understand its content. The file may be damaged, or saved by a program that writes workbooks in a way the reader does not know. Open it in Excel, save it as an Excel workbook (.xlsx) and try again.",
    });
  } finally {
    cleanup();
  }
});
