/**
 * `prio score` on a workbook with a checklist shows Inn/Ut, Segment and the rank within the
 * segment beside the overall ranking, in the text table and in --json ("included", "segment",
 * "segmentRank", "segmentTied" per measure); without a checklist the table is as before and the
 * JSON fields are null. The portfolio is the table in test/support/checklist.ts; totals are 3× the
 * score of every leaf, so FRESK 27, Akson - forberedelse 24, Legemiddelprogrammet and
 * Helsedataprogrammet 21 (tied), Helseplattformen 18, HMN Lab 15, Primærhelseteam 12,
 * Alle møter 9, Akson journal 6.
 */
import * as path from "path";
import { run, tempDir, type Run } from "../support/cli";
import { MEETING_XLSX } from "../support/meeting";
import { EXAMPLE_XLSX, MEASURES_2020, SCENARIO_CHECKLIST, SCENARIO_SCORING, writeChecklistWorkbook } from "../support/checklist";

interface JsonMeasure {
  id: string;
  name: string;
  rank: number | null;
  tied: boolean;
  included: boolean | null;
  segment: string | null;
  segmentRank: number | null;
  segmentTied: boolean;
}

let dir: string;
let cleanup: () => void;
let withChecklist: string;
let withoutChecklist: string;
beforeAll(async () => {
  ({ dir, cleanup } = tempDir());
  withChecklist = path.join(dir, "med.xlsx");
  withoutChecklist = path.join(dir, "uten.xlsx");
  await writeChecklistWorkbook(withChecklist, { scoring: SCENARIO_SCORING, checklist: SCENARIO_CHECKLIST });
  await writeChecklistWorkbook(withoutChecklist, { scoring: SCENARIO_SCORING });
});
afterAll(() => cleanup());

const rankedLines = (r: Run) => r.out.split("\n").filter((l) => /^\s*\d+=?\s{2}/.test(l));

describe("with a checklist: text", () => {
  let nb: Run;
  let en: Run;
  beforeAll(async () => {
    nb = await run(["score", withChecklist]);
    en = await run(["score", withChecklist, "--lang", "en"]);
  });
  test("exit 0; the header has Inn/Ut, Segment and Rang i segment before Fullstendig", () => {
    expect([nb.code, nb.err]).toEqual([0, ""]);
    expect(nb.out).toMatch(/^Rang\s+Tiltak\s+Score\s+Måloppnåelse\s+Kostnader\s+Nytte\s+Inn\/Ut\s+Segment\s+Rang i segment\s+Fullstendig$/m);
    expect(en.out).toMatch(/^Rank\s+Measure\s+Score\s+Goal attainment\s+Costs \(complexity\)\s+Benefit\s+In\/Out\s+Segment\s+Segment rank\s+Complete$/m);
  });
  test("every row: Inn/Ut, the segment, the rank in the segment with «=» for a tie", () => {
    expect(rankedLines(nb)).toEqual([
      expect.stringMatching(/^\s*1\s+FRESK\s+27,0\s+9,00\s+9,00\s+9,00\s+Ut\s+–\s+–\s+ja$/),
      expect.stringMatching(/^\s*2\s+Akson - forberedelse\s+24,0\s+8,00\s+8,00\s+8,00\s+Inn\s+Samstyre\s+1\s+ja$/),
      expect.stringMatching(/^\s*3=\s+Legemiddelprogrammet\s+21,0\s+7,00\s+7,00\s+7,00\s+Inn\s+Samstyre\s+2=\s+ja$/),
      expect.stringMatching(/^\s*3=\s+Helsedataprogrammet\s+21,0\s+7,00\s+7,00\s+7,00\s+Inn\s+Samstyre\s+2=\s+ja$/),
      expect.stringMatching(/^\s*5\s+Helseplattformen\s+18,0\s+6,00\s+6,00\s+6,00\s+Inn\s+Koordinere\s+1\s+ja$/),
      expect.stringMatching(/^\s*6\s+HMN Lab\s+15,0\s+5,00\s+5,00\s+5,00\s+Inn\s+ikke vurdert\s+–\s+ja$/),
      expect.stringMatching(/^\s*7\s+Primærhelseteam\s+12,0\s+4,00\s+4,00\s+4,00\s+ikke vurdert\s+ikke vurdert\s+–\s+ja$/),
      expect.stringMatching(/^\s*8\s+Alle møter\s+9,0\s+3,00\s+3,00\s+3,00\s+Inn\s+ikke vurdert\s+–\s+ja$/),
      expect.stringMatching(/^\s*9\s+Akson journal\s+6,0\s+2,00\s+2,00\s+2,00\s+–\s+–\s+–\s+ja$/),
    ]);
  });
  test("English: In/Out and «not assessed»; the segments keep their names", () => {
    const lines = rankedLines(en);
    expect(lines[0]).toMatch(/FRESK\s+27\.0\s+9\.00\s+9\.00\s+9\.00\s+Out\s+–\s+–\s+yes$/);
    expect(lines[2]).toMatch(/Legemiddelprogrammet\s+21\.0\s+7\.00\s+7\.00\s+7\.00\s+In\s+Samstyre\s+2=\s+yes$/);
    expect(lines[6]).toMatch(/Primærhelseteam\s+12\.0\s+4\.00\s+4\.00\s+4\.00\s+not assessed\s+not assessed\s+–\s+yes$/);
  });
  test("the checklist's findings are among the findings, with their cells", () => {
    expect(nb.out).toContain("  [Feil] Sjekkliste!G9: «Kanskje» er ikke et svar på «Er bredt samarbeid vesentlig?»");
    expect(nb.out).toContain("  [Merknad] Sjekkliste!Q5: Helseplattformen har budsjett");
    expect(nb.out).toMatch(/9 av 9 tiltak rangert; 1 feil, 3 advarsler, 2 merknader\.$/);
  });
});

describe("with a checklist: JSON", () => {
  let by: Map<string, JsonMeasure>;
  beforeAll(async () => {
    const r = await run(["score", withChecklist, "--json"]);
    expect([r.code, r.err]).toEqual([0, ""]);
    by = new Map((JSON.parse(r.out).measures as JsonMeasure[]).map((m) => [m.id, m]));
  });
  const pick = (id: string) => {
    const m = by.get(id)!;
    return [m.included, m.segment, m.segmentRank, m.segmentTied];
  };
  test.each([
    ["T001", "Samstyre, first in it", [true, "Samstyre", 1, false]],
    ["T002", "Samstyre, tied second", [true, "Samstyre", 2, true]],
    ["T003", "Samstyre, tied second", [true, "Samstyre", 2, true]],
    ["T004", "Koordinere, first", [true, "Koordinere", 1, false]],
    ["T005", "Ut: no segment", [false, null, null, false]],
    ["T006", "Inn, segment question unanswered", [true, "ikke vurdert", null, false]],
    ["T007", "national significance unanswered", [null, "ikke vurdert", null, false]],
    ["T008", "invalid answer: not assessed, never guessed", [true, "ikke vurdert", null, false]],
    ["T009", "no checklist row", [null, null, null, false]],
  ] as [string, string, unknown[]][])("%s (%s): included, segment, segmentRank, segmentTied", (id, _what, expected) => {
    expect(pick(id)).toEqual(expected);
  });
  test("only the scoring table's measures are listed (T010 is only in Sjekkliste)", () => {
    expect([...by.keys()].sort()).toEqual(["T001", "T002", "T003", "T004", "T005", "T006", "T007", "T008", "T009"]);
  });
  test("the overall rank is untouched by the checklist", () => {
    expect([by.get("T005")!.rank, by.get("T002")!.rank, by.get("T002")!.tied]).toEqual([1, 3, true]);
  });
});

describe("the example portfolio: no scores, but every measure has its segment", () => {
  test("JSON: the 55 published segments, all Inn, no rank in a segment without a total", async () => {
    const r = await run(["score", EXAMPLE_XLSX, "--json"]);
    expect(r.code).toBe(0);
    const ms = JSON.parse(r.out).measures as JsonMeasure[];
    expect(ms.map((m) => [m.id, m.included, m.segment, m.segmentRank])).toEqual(MEASURES_2020.map((m) => [m.id, true, m.segment, null]));
  });
  test("text: no one ranked; each measure without a total says where it belongs", async () => {
    const r = await run(["score", EXAMPLE_XLSX]);
    expect(r.code).toBe(0);
    expect(rankedLines(r)).toEqual([]);
    expect(r.out).toContain("  –  Akson - forberedelse har ingen total fordi Måloppnåelse, Kostnader og Nytte ikke har noen score.");
    expect(r.out).toMatch(/^ {2}– {2}Akson - journal har ingen total .* \[Inn, Koordinere\]$/m);
    expect(r.out).toMatch(/^ {2}– {2}DIGI-UNG har ingen total .* \[Inn, Inspirere\]$/m);
    expect(r.out).toMatch(/0 av 55 tiltak rangert/);
  });
});

describe("without a checklist", () => {
  test("an add-in workbook: the table as before, and null in the JSON fields", async () => {
    const text = await run(["score", withoutChecklist]);
    expect(text.out).toMatch(/^Rang\s+Tiltak\s+Score\s+Måloppnåelse\s+Kostnader\s+Nytte\s+Fullstendig$/m);
    expect(text.out).not.toContain("Inn/Ut");
    expect(rankedLines(text)[0]).toMatch(/^\s*1\s+FRESK\s+27,0\s+9,00\s+9,00\s+9,00\s+ja$/);
    const json = JSON.parse((await run(["score", withoutChecklist, "--json"])).out);
    for (const m of json.measures as JsonMeasure[]) expect([m.included, m.segment, m.segmentRank, m.segmentTied]).toEqual([null, null, null, false]);
  });
  test("the council's legacy workbook: null in the JSON fields, no checklist columns", async () => {
    const json = JSON.parse((await run(["score", MEETING_XLSX, "--json"])).out);
    expect(json.measures).toHaveLength(14);
    for (const m of json.measures as JsonMeasure[]) expect([m.included, m.segment, m.segmentRank]).toEqual([null, null, null]);
    expect((await run(["score", MEETING_XLSX])).out).not.toContain("Segment");
  });
});
