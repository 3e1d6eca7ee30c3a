/** The council meeting of 21 September 2022: the 14 totals, ranks and ties the model intends. */
import fixture from "../fixtures/prioritering-2022-09.json";
import { readXlsx } from "../../src/cli/xlsx";
import { readWorkbook } from "../../src/grid/workbook";
import type { Assessment } from "../../src/core/assess";

const FILE = `${__dirname}/../fixtures/prioritering-2022-09.xlsx`;

let assessment: Assessment;
beforeAll(async () => {
  const read = readWorkbook((await readXlsx(FILE)).grids);
  if (read.kind !== "legacy") throw new Error(`expected the legacy layout, got ${read.kind}`);
  assessment = read.assessment;
});

const bySheetAndHeader = (sheet: string, header: string) => {
  const name = (m: { name: string; theme?: string }) => m.theme === sheet && (m.name === header || m.name.endsWith(`: ${header}`));
  const found = assessment.measures.filter(name);
  expect(found).toHaveLength(1);
  return found[0];
};

describe.each(fixture.measures.map((m) => [m.id, m] as const))("%s", (_id, expected) => {
  test("total, rank and tie as intended", () => {
    const m = bySheetAndHeader(expected.sheet, expected.header);
    if (expected.expected.score === null) expect(m.total).toBeNull();
    else expect(Math.abs(m.total! - expected.expected.score)).toBeLessThanOrEqual(1e-9);
    expect(m.rank).toBe(expected.expected.rank);
    expect(m.tied).toBe(expected.expected.tied ?? false);
    expect(m.complete).toBe(expected.expected.complete);
    expect(m.missing).toEqual(expected.expected.missing);
    expect(m.invalid).toEqual(expected.expected.invalid);
  });
  test("group values as intended (Måloppnåelse, Kostnader, Nytte, Pasient, Helsepersonell)", () => {
    const m = bySheetAndHeader(expected.sheet, expected.header);
    const e = expected.expected;
    const groups: [string, number | null][] = [
      ["maal", e.maal],
      ["kost", e.kost],
      ["nytte", e.nytte],
      ["nytte.pasient", e.pasient],
      ["nytte.hp", e.helsepersonell],
    ];
    for (const [id, v] of groups) {
      if (v === null) expect(m.values[id]).toBeNull();
      else expect(Math.abs(m.values[id]! - v)).toBeLessThanOrEqual(1e-9);
    }
  });
});
