/**
 * *Hent vurderinger*, the reading part: a member's copy in the legacy meeting layout or in the
 * add-in's layout becomes one scorer's rows, matched to this workbook's measures.
 */
import { readXlsx } from "../../src/cli/xlsx";
import { defaultModel, leaves } from "../../src/core/model";
import type { MeasureInput } from "../../src/core/aggregate";
import { legacyToScoringRows } from "../../src/grid/import";
import { readLegacyWorkbook } from "../../src/grid/legacy";
import {
  planScorerRows,
  scoresFromWorkbook,
  scorerNameFromFile,
} from "../../src/grid/scorer-import";
import { readWorkbook } from "../../src/grid/workbook";
import { MEETING_XLSX } from "../excel/helpers";
import { SCORING, writeScorersWorkbook } from "../support/scorers-workbook";
import { tempDir } from "../support/cli";
import * as path from "path";

const model = defaultModel();

test("the default scorer name is the file name without extension", () => {
  expect(scorerNameFromFile("Kari Nordmann.xlsx")).toBe("Kari Nordmann");
  expect(scorerNameFromFile("C:\\Users\\ola\\NHN vurdering.XLSX")).toBe("NHN vurdering");
});

test("the legacy meeting workbook: every scored measure matched by theme and name, values as typed", async () => {
  const { grids } = await readXlsx(MEETING_XLSX);
  const legacy = readLegacyWorkbook(grids, model)!;
  // This workbook: the meeting imported (IDs T001…, names and themes as the import writes them).
  const here: MeasureInput[] = legacyToScoringRows(legacy, model).rows.map((r) => ({
    id: r.id,
    name: r.name,
    theme: r.theme,
    scores: {},
  }));
  const got = scoresFromWorkbook(grids, here, model);
  if (!got.ok) throw new Error(got.reason);
  expect(got.layout).toBe("legacy");
  expect(got.unmatched).toEqual([]);
  expect(got.rows.length).toBe(
    legacy.measures.filter((m) =>
      leaves(model).some((l) => (m.input.scores[l.id]?.value ?? null) !== null)
    ).length
  );
  const first = legacy.measures[0];
  const row = got.rows.find(
    (r) => r.name === first.input.name && here.find((h) => h.id === r.id)!.theme === first.sheet
  )!;
  expect(row.values).toEqual(leaves(model).map((l) => first.input.scores[l.id]?.value ?? null));
});

test("a copy in the add-in's layout: matched by ID; a name not here is unmatched; conflicts planned per scorer", async () => {
  const { dir, cleanup } = tempDir();
  try {
    const file = path.join(dir, "kopi.xlsx");
    await writeScorersWorkbook(file);
    const { grids } = await readXlsx(file);
    const here: MeasureInput[] = [
      { id: "T1", name: "PLL (renamed here)", scores: {} },
      { id: "T3", name: "Kritisk info", scores: {} },
    ];
    const got = scoresFromWorkbook(grids, here, model);
    if (!got.ok) throw new Error(got.reason);
    expect(got.layout).toBe("addin");
    // The copy's own Vurdering (T1 all 9, T3 all 5); T2 and T4 are not in this workbook.
    expect(got.rows.map((r) => [r.id, r.values[0]])).toEqual([
      ["T1", 9],
      ["T3", 5],
    ]);
    expect(got.unmatched).toEqual([SCORING[1][1], SCORING[3][1]]);
    // Kari already has T1 in the copy's scorers table (read as this workbook's table here).
    const read = readWorkbook(grids);
    if (read.kind !== "addin") throw new Error(read.kind);
    const { readScorers } = await import("../../src/grid/scorers-table");
    const table = readScorers(grids, read.model, read.scoring)!.table;
    const plan = planScorerRows("KARI", got.rows, table);
    expect(plan.add.map((r) => r.id)).toEqual(["T3"]);
    expect(plan.conflicts.map((r) => [r.id, r.row])).toEqual([["T1", 1]]);
  } finally {
    cleanup();
  }
});
