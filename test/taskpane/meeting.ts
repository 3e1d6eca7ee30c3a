/** The council meeting of 21 September 2022, read with the real readers and core, for the view tests. */
import { assess, type Assessment } from "../../src/core/assess";
import type { MeasureInput } from "../../src/core/aggregate";
import type { Model } from "../../src/core/model";
import { readXlsx } from "../../src/cli/xlsx";
import { readWorkbook } from "../../src/grid/workbook";

const FILE = `${__dirname}/../fixtures/prioritering-2022-09.xlsx`;

export interface Meeting {
  model: Model;
  /** As read from the legacy layout: with the audit's findings (stale ranks, hand-edited formulas, …). */
  legacy: Assessment;
  /** The measures' typed scores, as the scoring table would hold them after import. */
  inputs: MeasureInput[];
}

export async function readMeeting(): Promise<Meeting> {
  const read = readWorkbook((await readXlsx(FILE)).grids);
  if (read.kind !== "legacy") throw new Error(`expected the legacy layout, got ${read.kind}`);
  return { model: read.model, legacy: read.assessment, inputs: read.legacy.measures.map((m) => m.input) };
}

/** The add-in's own assessment of the same measures (no legacy audit). */
export function assessInputs(model: Model, inputs: MeasureInput[]): Assessment {
  return assess(model, inputs);
}
