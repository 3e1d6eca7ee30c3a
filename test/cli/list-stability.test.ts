/**
 * `prio sensitivity` on examples/utvalg.xlsx: the minimum list's weight intervals.
 *
 * With the example's frames (240 MNOK, minimum 100 MNOK) the minimum and plus lists stay the same
 * for every weight of every group: their measures fill the frames exactly and are the cheapest by
 * far (select-example.test.ts), so no weight of one group makes another list better. The test
 * checks that claim independently: select() on the workbook re-scored (assess) with each group
 * weight at 0,01 and at 100 gives the same lists.
 *
 * With the frame set to 150 MNOK and no minimum frame (a copy of the example), the whole selection
 * is the minimum list and the weights matter. By hand, from the workbook's group values
 * (Måloppnåelse · Kostnader · Nytte):
 * - T006 Dokumentdeling fra avtalespesialister 7 · 6 · 6,333 (13,5 MNOK) and T020 Felles kodeverk
 *   for laboratoriene 6,5 · 5,5 · 7,167 (13,5 MNOK) cost the same; with Måloppnåelse at t,
 *   7t + 12,333 = 6,5t + 12,667 at t = 2/3: below it T020 is worth more and takes T006's place.
 * - T024 Søknadsmottak for helsedata 7,5 · 5,5 · 6,167 (14,5 MNOK) fits in T006's place with the
 *   1 MNOK left: 7,5t + 11,667 = 7t + 12,333 at t = 4/3, above it T024 takes the place.
 * - Kostnader: T020 for T006 where 6k + 13,333 = 5,5k + 13,667, k = 2/3; Nytte: T020 for T006 where
 *   6,333n + 13 = 7,167n + 12 at n = 6/5.
 * The remaining ends (Kostnader 4, Nytte 1/4) involve T010 and are checked the same way through
 * select() just inside and just outside each end.
 */
import ExcelJS from "exceljs";
import { mkdtempSync, rmSync } from "fs";
import { tmpdir } from "os";
import * as path from "path";
import { assess } from "../../src/core/assess";
import { withWeight } from "../../src/core/model";
import type { SelectionProblem } from "../../src/core/selection-problem";
import { select } from "../../src/core/select";
import { problemWithFrames } from "../../src/cli/frames";
import { loadGrids } from "../../src/cli/load";
import { readSelectionInputs } from "../../src/grid/selection-inputs";
import { readWorkbook } from "../../src/grid/workbook";
import { highsSolver } from "../../src/solve/highs";
import { ROOT, run } from "../support/cli";
import { MEETING_XLSX } from "../support/meeting";

jest.setTimeout(240_000);

const FILE = path.join(ROOT, "examples/utvalg.xlsx");
let dir: string;
let FRAME150: string;

interface Entry {
  group: string;
  weight: number;
  status: string;
  lower: number | null;
  upper: number | null;
  atLower: { enters: string[]; leaves: string[] } | null;
  atUpper: { enters: string[]; leaves: string[] } | null;
}

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), "prio-liststab-"));
  FRAME150 = path.join(dir, "utvalg-150.xlsx");
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(FILE);
  const ws = wb.getWorksheet("Modell")!;
  // Modell!L9 «Budsjettramme (MNOK)» 240 → 150; L10 «Minimumsramme (MNOK)» 100 → blank.
  expect([ws.getCell("L9").value, ws.getCell("M9").value, ws.getCell("L10").value, ws.getCell("M10").value]).toEqual(["Budsjettramme (MNOK)", 240, "Minimumsramme (MNOK)", 100]);
  ws.getCell("M9").value = 150;
  ws.getCell("M10").value = null;
  await wb.xlsx.writeFile(FRAME150);
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The whole selection (minimum + plus ids) by select() on the workbook re-scored with one group weight at w. */
async function listsAt(file: string, group: string, w: number, budget?: number): Promise<{ minimum: string[]; plus: string[] }> {
  const grids = await loadGrids(file, "nb");
  const read = readWorkbook(grids);
  if (read.kind !== "addin") throw new Error("add-in workbook expected");
  const a = assess(withWeight(read.assessment.model, group, w), read.scoring.measures);
  const inputs = readSelectionInputs(grids, read);
  const p = problemWithFrames(inputs, budget === undefined ? undefined : { hundredths: budget, typed: `--budget ${budget / 100}` })!;
  const total = new Map(a.measures.map((m) => [m.id, m.total]));
  const problem: SelectionProblem = { ...p, items: p.items.map((it) => ({ ...it, score: total.get(it.id) ?? null })) };
  const r = await select(problem, highsSolver(), { entryBudgets: false, frontier: false });
  if (r.status !== "ok") throw new Error(r.status);
  return { minimum: r.measures.filter((m) => m.list === "minimum").map((m) => m.id), plus: r.measures.filter((m) => m.list === "plus").map((m) => m.id) };
}

describe("prio sensitivity with a budget frame (examples/utvalg.xlsx)", () => {
  test("the example's frames: both lists stay for every weight of every group, and --json adds the keys without changing the others", async () => {
    const r = await run(["sensitivity", FILE, "--json"]);
    expect(r.err).toBe("");
    const json = JSON.parse(r.out) as { groups: unknown[]; minimumList: Entry[]; plusList: Entry[] };
    expect(Object.keys(json)).toEqual(["groups", "minimumList", "plusList"]);
    const still = (group: string): Entry => ({ group, weight: 1, status: "ok", lower: 0, upper: null, atLower: null, atUpper: null });
    expect(json.minimumList).toEqual([still("Måloppnåelse"), still("Kostnader"), still("Nytte")]);
    expect(json.plusList).toEqual([still("Måloppnåelse"), still("Kostnader"), still("Nytte")]);
    // The groups' part is what sensitivity gave before (the ranking's intervals, no selection in it).
    const plain = JSON.parse((await run(["sensitivity", FRAME150, "--json"])).out) as { groups: unknown[] };
    expect(json.groups).toEqual(plain.groups);
    // Independently: the lists at extreme weights of each group are the lists now.
    const now = await listsAt(FILE, "maal", 1);
    expect(now.minimum).toEqual(["T001", "T004", "T005", "T008", "T009", "T013", "T016", "T017", "T018"]);
    for (const g of ["maal", "kost", "nytte"])
      for (const w of [0.01, 100]) expect(await listsAt(FILE, g, w)).toEqual(now);
  });

  test("frame 150 MNOK, no minimum frame: exact ends, the measures that enter and leave, and select() agrees just inside and outside", async () => {
    const r = await run(["sensitivity", FRAME150, "--json"]);
    expect(r.err).toBe("");
    const json = JSON.parse(r.out) as { minimumList: Entry[]; plusList?: Entry[] };
    expect(json.plusList).toBeUndefined();
    const [maal, kost, nytte] = json.minimumList;
    const swap = (enters: string, leaves: string) => ({ enters: [enters], leaves: [leaves] });
    expect([maal.lower, maal.upper, maal.atLower, maal.atUpper]).toEqual([expect.closeTo(2 / 3, 10), expect.closeTo(4 / 3, 10), swap("T020", "T006"), swap("T024", "T006")]);
    expect([kost.lower, kost.upper, kost.atLower, kost.atUpper]).toEqual([expect.closeTo(2 / 3, 10), expect.closeTo(4, 10), swap("T020", "T006"), swap("T020", "T010")]);
    expect([nytte.lower, nytte.upper, nytte.atLower, nytte.atUpper]).toEqual([expect.closeTo(1 / 4, 10), expect.closeTo(6 / 5, 10), swap("T024", "T010"), swap("T020", "T006")]);
    const now = (await listsAt(FRAME150, "maal", 1)).minimum;
    expect(now).toEqual(["T001", "T002", "T004", "T005", "T006", "T008", "T009", "T010", "T013", "T016", "T017", "T018"]);
    const ids = ["maal", "kost", "nytte"];
    for (const [k, e] of json.minimumList.entries()) {
      for (const [end, c] of [
        [e.lower!, e.atLower!],
        [e.upper!, e.atUpper!],
      ] as const) {
        const dir = end > 1 ? 1 : -1;
        expect((await listsAt(FRAME150, ids[k], end * (1 - dir * 1e-6))).minimum).toEqual(now);
        const beyond = (await listsAt(FRAME150, ids[k], end * (1 + dir * 1e-6))).minimum;
        expect(beyond).toEqual([...now.filter((id) => !c.leaves.includes(id)), ...c.enters].sort());
      }
    }
  });

  test("the text says it in plain words, in bokmål and in English", async () => {
    const nb = await run(["sensitivity", FRAME150]);
    expect(nb.out).toContain(
      "Måloppnåelse kan veie fra 0,67 til 1,33 uten at minimumslisten endres; ved 1,33 kommer Søknadsmottak for helsedata inn og Dokumentdeling fra avtalespesialister går ut, og ved 0,67 kommer Infrastruktur: Felles kodeverk for laboratoriene inn og Dokumentdeling fra avtalespesialister går ut.",
    );
    const en = await run(["sensitivity", FRAME150, "--lang", "en"]);
    expect(en.out).toContain(
      "Benefit can weigh from 0.25 to 1.2 without the minimum list changing; at 1.2 Infrastruktur: Felles kodeverk for laboratoriene comes in and Dokumentdeling fra avtalespesialister drops out, and at 0.25 Søknadsmottak for helsedata comes in and Samhandling: Meldingsløftet: standardiserte meldinger drops out.",
    );
    const real = await run(["sensitivity", FILE]);
    expect(real.out).toContain("Nytte kan veie fra 0 og så høyt du vil uten at minimumslisten endres.");
    expect(real.out).toContain("Nytte kan veie fra 0 og så høyt du vil uten at plusslisten endres.");
  });

  test("a workbook without a budget frame prints and returns what it did before", async () => {
    const r = await run(["sensitivity", MEETING_XLSX, "--json"]);
    expect([r.code, r.err]).toEqual([0, ""]);
    expect(Object.keys(JSON.parse(r.out))).toEqual(["groups"]);
    expect((await run(["sensitivity", MEETING_XLSX])).out).not.toContain("minimumslisten");
  });
});
