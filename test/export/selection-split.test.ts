/**
 * The exports' minimum/plus split from the exact selection (examples/utvalg.xlsx, frames 240 and
 * 100 MNOK): each ranked measure's list is the selection's, a top-N cut given at the same time is
 * not used, and the CSV's list column says Minimumsliste / Pluss-liste / Utenfor.
 */
import * as path from "path";
import { readXlsx } from "../../src/cli/xlsx";
import { select } from "../../src/core/select";
import { exportTable } from "../../src/export/rows";
import { splitOf } from "../../src/export/selection-split";
import { toCsv } from "../../src/export/table-text";
import { readSelectionInputs } from "../../src/grid/selection-inputs";
import { readWorkbook } from "../../src/grid/workbook";
import { highsSolver } from "../../src/solve/highs";

const MINIMUM = ["T001", "T004", "T005", "T008", "T009", "T013", "T016", "T017", "T018"];
const PLUS = ["T002", "T006", "T007", "T010", "T011", "T014", "T019", "T020", "T024"];

test("the selection's lists replace the top-N cut; the CSV names each list", async () => {
  const grids = (await readXlsx(path.resolve(__dirname, "../../examples/utvalg.xlsx"))).grids;
  const read = readWorkbook(grids);
  if (read.kind !== "addin") throw new Error(read.kind);
  const { problem } = readSelectionInputs(grids, read);
  const split = splitOf(await select({ ...problem, budget: problem.budget! }, highsSolver(), { entryBudgets: false, frontier: false }))!;
  expect([split.budget, split.minimum, split.totals.minimum.cost, split.totals.plus.cost]).toEqual([24000, 10000, 10000, 14000]);
  const t = exportTable({ assessment: read.assessment }, "nb", { top: 5, split });
  expect(t.top).toBeNull();
  const ids = (list: string) => t.ranked.filter((r) => r.list === list).map((r) => r.measure.id).sort();
  expect(ids("minimum")).toEqual(MINIMUM);
  expect(ids("plus")).toEqual(PLUS);
  expect(ids("out")).toHaveLength(12);
  const csv = toCsv(t).replace(BOM_RE, "").split("\r\n");
  expect(csv[0].split(";")).toContain("Liste");
  const rowOf = (id: string) => csv.find((l) => l.includes(read.assessment.measures.find((m) => m.id === id)!.name))!;
  expect(rowOf("T009")).toContain(";Minimumsliste;");
  expect(rowOf("T002")).toContain(";Pluss-liste;");
  expect(rowOf("T030")).toContain(";Utenfor;");
  // Without a split the top-N cut applies as before.
  expect(exportTable({ assessment: read.assessment }, "nb", { top: 5 }).ranked.filter((r) => r.list === "minimum")).toHaveLength(5);
});

const BOM_RE = /^\uFEFF/;
