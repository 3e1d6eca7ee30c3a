/**
 * Every Excel API member the add-in calls is within ExcelApi 1.8, the set manifest.xml declares:
 * tsconfig.excel-api.json type-checks the code that calls Excel against exactly that set
 * (types/office-js-excel-1.8, Microsoft's per-set declarations) as part of `npm run typecheck`.
 * Here: a snippet that needs a newer set fails that check with the exact error, the same snippet
 * within 1.8 passes, the check covers every folder that calls Excel, and the set it checks is the
 * manifest's.
 */
import { readdirSync, readFileSync, statSync } from "fs";
import * as path from "path";
import ts from "typescript";

const ROOT = path.resolve(__dirname, "..", "..");
const CONFIG = path.join(ROOT, "tsconfig.excel-api.json");
const GLOBALS = path.join(ROOT, "types/office-js-excel-1.8/globals.d.ts");

function parsedConfig(): ts.ParsedCommandLine {
  const read = ts.readConfigFile(CONFIG, (f) => ts.sys.readFile(f));
  if (read.error) throw new Error(ts.flattenDiagnosticMessageText(read.error.messageText, "\n"));
  return ts.parseJsonConfigFileContent(read.config, ts.sys, ROOT);
}

/** Type-checks one snippet with the check's options and its Excel 1.8 globals; the snippet's errors as "line: TSnnnn message". */
function check(snippet: string): string[] {
  const options = parsedConfig().options;
  const file = path.join(ROOT, "src/excel/__snippet__.ts");
  const host = ts.createCompilerHost(options);
  const readFile = host.readFile.bind(host);
  const fileExists = host.fileExists.bind(host);
  host.readFile = (f) => (path.resolve(f) === file ? snippet : readFile(f));
  host.fileExists = (f) => path.resolve(f) === file || fileExists(f);
  const program = ts.createProgram({ rootNames: [GLOBALS, file], options, host });
  const source = program.getSourceFile(file)!;
  return ts.getPreEmitDiagnostics(program, source).map((d) => {
    const { line } = source.getLineAndCharacterOfPosition(d.start ?? 0);
    return `${line + 1}: TS${d.code} ${ts.flattenDiagnosticMessageText(d.messageText, " ")}`;
  });
}

const WITHIN_1_8 = `
export async function ok(context: Excel.RequestContext): Promise<void> {
  const sheet = context.workbook.worksheets.getItem("Vurdering");
  const range = sheet.getRange("A1:B2");
  range.format.autofitColumns();
  range.dataValidation.clear(); // ExcelApi 1.8
  sheet.visibility = Excel.SheetVisibility.veryHidden;
  context.runtime.enableEvents = false; // ExcelApi 1.8
  await context.sync();
}
`;

test("a snippet within ExcelApi 1.8 passes the check", () => {
  expect(check(WITHIN_1_8)).toEqual([]);
}, 120_000);

test("members of ExcelApi 1.9 and newer fail it, each with its error", () => {
  const newer = `
export async function tooNew(context: Excel.RequestContext): Promise<void> {
  const sheet = context.workbook.worksheets.getItem("Vurdering");
  sheet.autoFilter.apply(sheet.getRange("A1:B2")); // ExcelApi 1.9
  sheet.getRange("A1").getSpillingToRange(); // ExcelApi 1.12
  context.workbook.worksheets.getItem("Modell").getRange("A1").valuesAsJson; // ExcelApi 1.16
  await context.sync();
}
`;
  expect(check(newer)).toEqual([
    "4: TS2339 Property 'autoFilter' does not exist on type 'Worksheet'.",
    "5: TS2339 Property 'getSpillingToRange' does not exist on type 'Range'.",
    "6: TS2339 Property 'valuesAsJson' does not exist on type 'Range'.",
  ]);
}, 120_000);

test("the same newer members exist in @types/office-js, so only the 1.8 check catches them", () => {
  const dts = readFileSync(path.join(ROOT, "node_modules/@types/office-js/index.d.ts"), "utf8");
  for (const member of ["autoFilter: Excel.AutoFilter", "getSpillingToRange(): Excel.Range", "valuesAsJson: CellValue[][]"]) expect(dts).toContain(member);
});

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => {
    const p = path.join(dir, n);
    return statSync(p).isDirectory() ? filesUnder(p) : /\.tsx?$/.test(n) ? [p] : [];
  });
}

test("the check covers every source file that calls Excel (the in-memory workbook and the preview implement it, they do not call it)", () => {
  const covered = new Set(parsedConfig().fileNames.map((f) => path.resolve(f)));
  const callers = filesUnder(path.join(ROOT, "src"))
    .filter((f) => !/[\\/]src[\\/](sim|preview)[\\/]/.test(f))
    .filter((f) => /\bExcel\.(run|RequestContext|Range|Worksheet|Table|[A-Z]\w*)\b/.test(readFileSync(f, "utf8").replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gm, "")));
  expect(callers.length).toBeGreaterThan(4);
  expect(callers.filter((f) => !covered.has(f)).map((f) => path.relative(ROOT, f))).toEqual([]);
});

test("the set checked is the one manifest.xml declares", () => {
  const manifest = readFileSync(path.join(ROOT, "manifest.xml"), "utf8");
  const declared = /<Set Name="ExcelApi" MinVersion="([\d.]+)"\/>/.exec(manifest)?.[1];
  expect(declared).toBe("1.8");
  expect(readFileSync(GLOBALS, "utf8")).toContain(`Excel_${declared!.replace(".", "_")}/excel`);
  expect(parsedConfig().fileNames.map((f) => path.resolve(f))).toContain(GLOBALS);
});

test("npm run typecheck runs the check", () => {
  const pkg = JSON.parse(readFileSync(path.join(ROOT, "package.json"), "utf8")) as { scripts: Record<string, string> };
  expect(pkg.scripts.typecheck).toContain("tsc -p tsconfig.excel-api.json");
});
