/**
 * Workbooks from other programs are read as Excel's are: each example workbook as exceljs wrote it
 * (examples/), as LibreOffice Calc saved it and as openpyxl (what Python pipelines and pandas use)
 * saved it (test/fixtures/interop/, made once by scripts/interop-fixtures.ts) gives the same
 * `prio score --json`, and the same assessment through the task pane's reader
 * (src/taskpane/read-file.ts: the guard, then exceljs; what the preview's «Åpne .xlsx», «Importer
 * runde» and «Hent vurderinger» use).
 *
 * What legitimately differs: openpyxl keeps a formula but not its cached result. In the legacy
 * meeting workbook that is said once (legacy-not-calculated: «84 formelceller … er ikke beregnet –
 * åpne og lagre i Excel»), and what the group and Score formulas would show is worked out from
 * the formulas themselves: the same legacy-formula and legacy-error-value findings (#DIV/0!) on
 * the same cells with the same values, worded «vil vise» for «viser». Before, every one of the 84
 * cells read as blank: 76 false «viser –» warnings, and the four #DIV/0! findings were lost.
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

/** The one finding openpyxl's files add (see above), kept apart to be checked on its own. */
const NOT_CALCULATED = "legacy-not-calculated";
const keep = (code: string) => code !== NOT_CALCULATED;
/** Findings about what a formula cell shows: worked out from the formula in openpyxl's files, so said «vil vise». */
const SHOWN = new Set(["legacy-formula", "legacy-error-value"]);

interface ScoreJson {
  measures: { findings: { code: string; message: string }[] }[];
  findings: { code: string; message: string }[];
}

async function scoreJson(file: string): Promise<ScoreJson> {
  const r = await run(["score", file, "--json"]);
  expect({ file, code: r.code, err: r.err }).toEqual({ file, code: 0, err: "" });
  return JSON.parse(r.out) as ScoreJson;
}

/** The file exceljs wrote, its findings on formula cells worded as for a file without results. */
function asUncalculated(json: ScoreJson): ScoreJson {
  const word = (f: { code: string; message: string }) => (SHOWN.has(f.code) ? { ...f, message: f.message.replace(/\bviser\b/g, "vil vise") } : f);
  return { ...json, measures: json.measures.map((m) => ({ ...m, findings: m.findings.map(word) })), findings: json.findings.map(word) };
}

const findingsOf = (list: Assessment["findings"]) => list.filter((f) => keep(f.code)).map((f) => [f.code, f.severity, f.cell ?? "", f.measureId ?? "", f.criterionId ?? ""]);

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
    measures: wb.assessment.measures.map((m) => ({ id: m.id, name: m.name, theme: m.theme, total: m.total, rank: m.rank, tied: m.tied, values: m.values, findings: findingsOf(m.findings) })),
    findings: findingsOf(wb.assessment.findings),
    notCalculated: wb.assessment.findings.filter((f) => !keep(f.code)).map((f) => [f.severity, f.cell, f.params]),
    placements: wb.kind === "addin" && wb.checklist ? [...wb.checklist.placements] : null,
  };
}

beforeAll(() => {
  // The guard inflates with the platform's DecompressionStream, as a browser has it; jest's Node environment does not expose Node's.
  (globalThis as { DecompressionStream?: unknown }).DecompressionStream ??= DecompressionStream;
});

describe.each(EXAMPLES)("%s", (name) => {
  test.each(["libreoffice", "openpyxl"] as const)("as %s saves it: the same prio score --json as the workbook exceljs wrote", async (writer) => {
    const expected = await scoreJson(path.join(WRITERS.exceljs, name));
    expect(expected.measures.length).toBeGreaterThan(10);
    const got = await scoreJson(path.join(WRITERS[writer], name));
    const legacy = writer === "openpyxl" && name === "prioritering-2022-09.xlsx";
    // openpyxl's legacy workbook: 84 formula cells without a result, said once, first of the workbook's findings.
    expect(got.findings.filter((f) => !keep(f.code))).toEqual(
      legacy
        ? [
            {
              code: NOT_CALCULATED,
              severity: "warning",
              cell: "DBEP!C3",
              message:
                "84 formelceller (den første er DBEP!C3) er ikke beregnet – åpne og lagre i Excel. Filen er lagret av et program som ikke regner ut formler (for eksempel Python med openpyxl), så den har ingen lagret verdi i dem. Det som kan regnes ut fra formlene selv, er kontrollert; resten blir kontrollert når filen er åpnet og lagret i Excel.",
            },
          ]
        : [],
    );
    expect({ ...got, findings: got.findings.filter((f) => keep(f.code)) }).toEqual(legacy ? asUncalculated(expected) : expected);
  });
  test.each(["libreoffice", "openpyxl"] as const)("as %s saves it: the same assessment through the task pane's reader", async (writer) => {
    const expected = await paneRead(path.join(WRITERS.exceljs, name), writer);
    const legacy = writer === "openpyxl" && name === "prioritering-2022-09.xlsx";
    expect(await paneRead(path.join(WRITERS[writer], name), writer)).toEqual({
      ...expected,
      notCalculated: legacy ? [["warning", "DBEP!C3", { count: 84, first: "DBEP!C3" }]] : [],
    });
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
    expect(await scoreJson(file)).toEqual(await scoreJson(path.join(WRITERS.exceljs, "utvalg.xlsx")));
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
