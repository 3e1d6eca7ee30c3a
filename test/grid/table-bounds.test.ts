/**
 * .xlsx files carry their Excel tables: the CLI reads the scoring table and the checklist to
 * where their table objects end, so a note under them is not a measure (as in the add-in).
 */
import ExcelJS from "exceljs";
import { mkdtempSync, rmSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { defaultModel } from "../../src/core/model";
import { readXlsx } from "../../src/cli/xlsx";
import { CHECKLIST_HEADERS, scoringHeaders, TABLES } from "../../src/grid/layout";
import { readWorkbook } from "../../src/grid/workbook";

test("the tables of an .xlsx file bound the scoring table and the checklist", async () => {
  const dir = mkdtempSync(join(tmpdir(), "prio-tables-"));
  try {
    const file = join(dir, "notes.xlsx");
    const wb = new ExcelJS.Workbook();
    const headers = scoringHeaders(defaultModel());
    const scores = headers.slice(4, -1).map(() => 7);
    const s = wb.addWorksheet("Vurdering");
    s.addTable({
      name: TABLES.scoring,
      ref: "A2",
      headerRow: true,
      columns: headers.map((name) => ({ name })),
      rows: [
        ["T001", "PLL", "", "", ...scores, ""],
        ["T002", "Dokumentdeling", "", "", ...scores, ""],
      ],
    });
    s.getCell("B5").value = "Husk: møte fredag"; // right under the table
    s.getCell("B7").value = "Ring NHN"; // two rows further down
    s.getCell("Q2").value = "Notat"; // beside the header row
    const c = wb.addWorksheet("Sjekkliste");
    c.addTable({
      name: TABLES.checklist,
      ref: "A1",
      headerRow: true,
      columns: CHECKLIST_HEADERS.map((name) => ({ name })),
      rows: [["T001", "PLL", ...CHECKLIST_HEADERS.slice(2).map(() => "")]],
    });
    c.getCell("B3").value = "Husk: møte fredag";
    await wb.xlsx.writeFile(file);

    const { grids } = await readXlsx(file);
    expect(grids.find((g) => g.name === "Vurdering")!.tables).toEqual([
      { name: TABLES.scoring, headerRow: 1, firstCol: 0, lastRow: 3, lastCol: 15 },
    ]);
    const read = readWorkbook(grids);
    if (read.kind !== "addin") throw new Error(read.kind);
    expect(read.assessment.measures.map((m) => [m.id, m.name, m.total])).toEqual([
      ["T001", "PLL", 21],
      ["T002", "Dokumentdeling", 21],
    ]);
    expect(read.assessment.findings.filter((f) => f.code.startsWith("table-"))).toEqual([]);
    expect(read.checklist!.table.rows.map((r) => r.id)).toEqual(["T001"]);
    expect(read.checklist!.table.region).toEqual({
      headerRow: 0,
      firstCol: 0,
      lastCol: 17,
      lastRow: 1,
    });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
