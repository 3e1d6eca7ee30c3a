/**
 * `npm run validate [-- path/to/manifest.xml]`: the offline manifest check (schema + rules, see
 * manifest-check.ts). Defaults to ./manifest.xml; icons are looked up in assets/ beside the manifest,
 * so `npm run validate -- dist/manifest.xml` checks a production build too. Exit code 1 on problems.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { checkManifest, formatProblem } from "./manifest-check";
import { DEFAULT_PROD_BASE_URL, DEV_BASE_URL, productionBaseUrl } from "./manifest-urls";

async function main(): Promise<number> {
  const file = path.resolve(process.argv[2] ?? "manifest.xml");
  const display = path.relative(process.cwd(), file) || file;
  let xml: string;
  try {
    xml = readFileSync(file, "utf8");
  } catch {
    console.error(`${display}: cannot read the file`);
    return 2;
  }
  const problems = await checkManifest(xml, {
    root: path.dirname(file),
    baseUrls: [...new Set([DEV_BASE_URL, productionBaseUrl(), DEFAULT_PROD_BASE_URL])],
    schemaDir: path.resolve(__dirname, "..", "test", "schemas", "manifest"),
    fileName: path.basename(file),
  });
  for (const p of problems) console.error(formatProblem(p, display));
  if (problems.length > 0) {
    console.error(`${display}: ${problems.length} problem${problems.length === 1 ? "" : "s"}`);
    return 1;
  }
  console.log(`${display}: valid (schema and add-in rules, checked offline)`);
  return 0;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    console.error(err);
    process.exitCode = 2;
  }
);
