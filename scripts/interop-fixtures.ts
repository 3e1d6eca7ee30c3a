/**
 * The example workbooks as other programs save them, for the interop test (test/cli/interop.test.ts):
 *
 *   test/fixtures/interop/openpyxl/<name>.xlsx      loaded and saved by openpyxl (what Python
 *                                                   pipelines, pandas among them, write)
 *   test/fixtures/interop/libreoffice/<name>.xlsx   converted by LibreOffice Calc
 *
 * Run once when the examples change: `npx tsx scripts/interop-fixtures.ts`. Needs Debian's Python
 * with openpyxl (`/usr/bin/python3`, package python3-openpyxl; 3.0.9 made the committed files) and
 * LibreOffice with Calc (`soffice`, package libreoffice-calc or libreoffice-calc-nogui). The files
 * are committed, so `npm test` needs neither.
 */
import { execFileSync } from "child_process";
import { mkdirSync, mkdtempSync, readdirSync, renameSync, rmSync } from "fs";
import { tmpdir } from "os";
import * as path from "path";

const ROOT = path.resolve(__dirname, "..");
const EXAMPLES = path.join(ROOT, "examples");
const OUT = path.join(ROOT, "test/fixtures/interop");
const PYTHON = process.env.PRIO_PYTHON ?? "/usr/bin/python3";

const names = readdirSync(EXAMPLES).filter((f) => f.endsWith(".xlsx"));
mkdirSync(path.join(OUT, "openpyxl"), { recursive: true });
mkdirSync(path.join(OUT, "libreoffice"), { recursive: true });

const version = execFileSync(PYTHON, ["-c", "import openpyxl; print(openpyxl.__version__)"], { encoding: "utf8" }).trim();
const save = "import sys, openpyxl\nwb = openpyxl.load_workbook(sys.argv[1])\nwb.save(sys.argv[2])\n";
for (const name of names) execFileSync(PYTHON, ["-c", save, path.join(EXAMPLES, name), path.join(OUT, "openpyxl", name)]);
console.log(`openpyxl ${version}: ${names.join(", ")}`);

// Its own profile, so a LibreOffice already running elsewhere does not take the conversion.
const work = mkdtempSync(path.join(tmpdir(), "prio-interop-"));
try {
  execFileSync(
    "soffice",
    [`-env:UserInstallation=file://${path.join(work, "profile")}`, "--headless", "--convert-to", "xlsx:Calc MS Excel 2007 XML", "--outdir", work, ...names.map((n) => path.join(EXAMPLES, n))],
    { stdio: "pipe", timeout: 300_000 },
  );
  for (const name of names) renameSync(path.join(work, name), path.join(OUT, "libreoffice", name));
  console.log(`LibreOffice: ${names.join(", ")}`);
} finally {
  rmSync(work, { recursive: true, force: true });
}
