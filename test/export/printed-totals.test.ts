/**
 * A ranked list never prints two different totals as one figure, and a tie prints one
 * (core/display-total.ts), the same in every output other than the pane: the slides' and CSV's
 * rows, the clipboard's TSV and HTML, `prio score` and `prio score --csv`. Totals 19,37 and 19,36
 * both read «19,4» with one decimal, so the whole list gets two; the tie at 18 reads «18,00» twice.
 */
import * as path from "path";
import { exportTable } from "../../src/export/rows";
import { toCsv, toHtml, toTsv } from "../../src/export/table-text";
import { readXlsx } from "../../src/cli/xlsx";
import { readWorkbook } from "../../src/grid/workbook";
import { writeChecklistWorkbook } from "../support/checklist";
import { run, tempDir } from "../support/cli";

const tmp = tempDir();
const FILE = path.join(tmp.dir, "naer.xlsx");
afterAll(() => tmp.cleanup());

beforeAll(async () => {
  await writeChecklistWorkbook(FILE, {
    scoring: [
      { id: "T1", name: "Nær A", theme: "Legemidler", all: 6.4566667 },
      { id: "T2", name: "Nær B", all: 6.4533333 },
      { id: "T3", name: "Lik A", all: 6 },
      { id: "T4", name: "Lik B", all: 6 },
      { id: "T5", name: "Lav", all: 3 },
    ],
  });
});

async function table(lang: "nb" | "en") {
  const read = readWorkbook((await readXlsx(FILE)).grids);
  if (read.kind !== "addin") throw new Error(read.kind);
  return exportTable({ assessment: read.assessment }, lang);
}

test("the exports' rows: 19,37 and 19,36 apart, the tie as one figure, every total with the list's two decimals", async () => {
  const t = await table("nb");
  expect(t.ranked.map((r) => [r.rank, r.name, r.score])).toEqual([
    ["1", "Legemidler: Nær A", "19,37"],
    ["2", "Nær B", "19,36"],
    ["3=", "Lik A", "18,00"],
    ["3=", "Lik B", "18,00"],
    ["5", "Lav", "9,00"],
  ]);
  expect((await table("en")).ranked.map((r) => r.score)).toEqual(["19.37", "19.36", "18.00", "18.00", "9.00"]);
});

test("CSV, TSV and the clipboard's HTML print the same figures", async () => {
  const t = await table("nb");
  const csv = toCsv(t).slice(1).split("\r\n");
  expect(csv.slice(1, 6).map((l) => l.split(";").slice(0, 3))).toEqual([
    ["1", "Legemidler: Nær A", "19,37"],
    ["2", "Nær B", "19,36"],
    ["3=", "Lik A", "18,00"],
    ["3=", "Lik B", "18,00"],
    ["5", "Lav", "9,00"],
  ]);
  expect(toTsv(t).split("\n").slice(1).map((l) => l.split("\t")[2])).toEqual(["19,37", "19,36", "18,00", "18,00", "9,00"]);
  expect([...toHtml(t).matchAll(/>(\d+,\d+)</g)].map((m) => m[1]).filter((_, i) => i % 4 === 0)).toEqual(["19,37", "19,36", "18,00", "18,00", "9,00"]);
});

test("prio score and prio score --csv print the same figures as the slides", async () => {
  const text = await run(["score", FILE]);
  expect(text.code).toBe(0);
  const lines = text.out.split("\n").filter((l) => /^\s*\d+=?\s{2}/.test(l));
  expect(lines.map((l) => l.trim().split(/\s{2,}/).slice(0, 3))).toEqual([
    ["1", "Legemidler: Nær A", "19,37"],
    ["2", "Nær B", "19,36"],
    ["3=", "Lik A", "18,00"],
    ["3=", "Lik B", "18,00"],
    ["5", "Lav", "9,00"],
  ]);
  const csv = await run(["score", FILE, "--csv", "--lang", "en"]);
  expect(csv.out.split("\r\n").slice(1).map((l) => l.split(",")[2])).toEqual(["19.37", "19.36", "18.00", "18.00", "9.00"]);
});
