/**
 * Bad input is exit 2 with ONE line on stderr and never a stack trace: a missing file, a
 * directory, a text file renamed .xlsx, an empty zip, a valid workbook with no measures, and
 * usage mistakes. Checked in-process and once more through the real binary.
 */
import ExcelJS from "exceljs";
import { writeFileSync } from "fs";
import * as path from "path";
import { BUILD_TIMEOUT, ensureCliBuilt, expectOneLineNoStack, run, spawnPrio, tempDir } from "../support/cli";

let dir: string;
let cleanup: () => void;
const files: Record<string, string> = {};

beforeAll(async () => {
  ({ dir, cleanup } = tempDir());
  files.missing = path.join(dir, "finnes-ikke.xlsx");
  files.directory = path.join(dir);
  files.text = path.join(dir, "notat.xlsx");
  writeFileSync(files.text, "Dette er et notat, ikke en arbeidsbok.\n");
  files.emptyZip = path.join(dir, "tom.xlsx");
  // A zip with no entries: only the end-of-central-directory record.
  writeFileSync(files.emptyZip, Buffer.concat([Buffer.from([0x50, 0x4b, 0x05, 0x06]), Buffer.alloc(18)]));
  files.zeroBytes = path.join(dir, "null.xlsx");
  writeFileSync(files.zeroBytes, "");
  files.noMeasures = path.join(dir, "uten-tiltak.xlsx");
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("Ark1");
  ws.addRow(["Referat", "21.09.2022"]);
  ws.addRow(["Tiltak", "Ansvarlig"]);
  ws.addRow(["PLL", "Direktoratet for e-helse"]);
  await wb.xlsx.writeFile(files.noMeasures);
  ensureCliBuilt();
}, BUILD_TIMEOUT);
afterAll(() => cleanup());

const cases: [string, string, RegExp][] = [
  ["a missing file", "missing", /^Filen finnes ikke: .*finnes-ikke\.xlsx$/],
  ["a directory", "directory", /er ikke en Excel-arbeidsbok \(\.xlsx\) som kan leses: ikke en fil$/],
  ["a text file renamed .xlsx", "text", /notat\.xlsx er ikke en Excel-arbeidsbok/],
  ["an empty zip", "emptyZip", /tom\.xlsx er ikke en Excel-arbeidsbok \(\.xlsx\) som kan leses: ingen regneark$/],
  ["a zero-byte file", "zeroBytes", /null\.xlsx er ikke en Excel-arbeidsbok/],
  ["a workbook with no measures", "noMeasures", /^Fant ingen tiltak i .*uten-tiltak\.xlsx/],
];

describe.each(cases)("%s", (_what, key, message) => {
  test("in-process: exit 2, one line on stderr, nothing on stdout", async () => {
    const r = await run(["score", files[key]]);
    expect(r.code).toBe(2);
    expect(r.out).toBe("");
    expectOneLineNoStack(r.err);
    expect(r.err).toMatch(message);
  });
  test("with --json too", async () => {
    const r = await run(["score", files[key], "--json"]);
    expect(r.code).toBe(2);
    expect(r.out).toBe("");
    expectOneLineNoStack(r.err);
  });
  test("in English with --lang en", async () => {
    const r = await run(["score", files[key], "--lang", "en"]);
    expect(r.code).toBe(2);
    expectOneLineNoStack(r.err);
    expect(r.err).not.toMatch(/Filen|arbeidsbok|Fant ingen/);
  });
  test("the real binary: exit 2, one line, no stack trace", () => {
    const r = spawnPrio(["score", files[key]]);
    expect(r.code).toBe(2);
    expect(r.out).toBe("");
    expectOneLineNoStack(r.err);
    expect(r.err.trim()).toMatch(message);
  });
});

describe("usage mistakes", () => {
  test.each([
    [["score"], /^Oppgi en arbeidsbok: prio score <fil\.xlsx>$/],
    [["rank", "x.xlsx"], /^Ukjent kommando: rank$/],
    [["score", "x.xlsx", "--xml"], /^Ukjent valg: --xml$/],
    [["score", "x.xlsx", "--lang", "sv"], /^--lang må være nb eller en$/],
    [["score", "x.xlsx", "--lang"], /^--lang må være nb eller en$/],
    [["score", "a.xlsx", "b.xlsx"], /^Ukjent valg: b\.xlsx$/],
  ])("%p → exit 2, one line", async (argv, message) => {
    const r = await run(argv as string[]);
    expect(r.code).toBe(2);
    expectOneLineNoStack(r.err);
    expect(r.err).toMatch(message);
  });
  test("no arguments: the usage on stdout, exit 2", async () => {
    const r = await run([]);
    expect(r.code).toBe(2);
    expect(r.out).toContain("prio score <fil.xlsx>");
  });
  test("--help: the usage, exit 0", async () => {
    const r = await run(["--help", "--lang", "en"]);
    expect(r.code).toBe(0);
    expect(r.out).toContain("prio score <file.xlsx>");
  });
});
