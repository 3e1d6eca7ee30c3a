/**
 * The command line loads only what the command needs: starting it (the usage text) loads neither
 * exceljs nor zod's full build, and reading a workbook loads exceljs from its prebuilt single-file
 * bundle, not the package's several hundred modules.
 */
import { spawnSync } from "child_process";
import * as path from "path";
import { BUILD_TIMEOUT, ROOT, ensureCliBuilt } from "../support/cli";

beforeAll(() => ensureCliBuilt(), BUILD_TIMEOUT);

/** The modules a script left in require's cache, relative to node_modules. */
function loadedBy(script: string): string[] {
  const r = spawnSync(process.execPath, ["-e", `${script}.then(() => console.log(JSON.stringify(Object.keys(require.cache))))`], { cwd: ROOT, encoding: "utf8" });
  expect(r.stderr).toBe("");
  return (JSON.parse(r.stdout.trim().split("\n").pop()!) as string[]).filter((k) => k.includes("node_modules")).map((k) => k.slice(k.lastIndexOf("node_modules/") + "node_modules/".length));
}

const run = (args: string[]) => `require("./lib/cli/main.js").main(${JSON.stringify(args)}, { out: () => {}, err: () => {} })`;

test("the usage text loads no exceljs and no full zod", () => {
  const loaded = loadedBy(run(["--help"]));
  expect(loaded.filter((m) => m.startsWith("exceljs/"))).toEqual([]);
  expect(loaded.filter((m) => m.startsWith("zod/v4/classic/"))).toEqual([]);
});

test("scoring a workbook loads exceljs as one prebuilt file", () => {
  const loaded = loadedBy(run(["score", path.join(ROOT, "examples/prioritering-2022-09.xlsx")]));
  expect(loaded.filter((m) => m.startsWith("exceljs/"))).toEqual(["exceljs/dist/exceljs.bare.min.js"]);
});
