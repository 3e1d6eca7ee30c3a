/**
 * `prio select`: bad input is exit 2 with one line on stderr, as for `score`; the text output in
 * bokmål and English; frames from the command line override the workbook's; an infeasible
 * forced choice is a finding naming the cells, not an empty result. Checked on small workbooks
 * written here and once through the real binary on examples/utvalg.xlsx.
 */
import ExcelJS from "exceljs";
import * as path from "path";
import { defaultModel, leaves } from "../../src/core/model";
import { SELECTION_COLUMNS, SELECTION_SETTINGS, scoringHeaders, SHEETS } from "../../src/grid/layout";
import { SETTINGS_HEADERS } from "../../src/grid/model-table";
import { BUILD_TIMEOUT, ensureCliBuilt, expectOneLineNoStack, ROOT, run, spawnPrio, tempDir } from "../support/cli";

let dir: string;
let cleanup: () => void;
const files: Record<string, string> = {};
const model = defaultModel();

/** A workbook in the add-in's layout: measures [id, name, score of every question, cost, Forutsetter, Valg]. */
async function write(name: string, rows: [string, string, number, unknown, string | null, string | null][], opts: { costColumn?: boolean; frames?: [string, unknown][] } = {}) {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(SHEETS.scoring);
  const extra = opts.costColumn === false ? [SELECTION_COLUMNS.requires] : [SELECTION_COLUMNS.cost, SELECTION_COLUMNS.requires, SELECTION_COLUMNS.choice];
  ws.addRow([...scoringHeaders(model), ...extra]);
  for (const [id, n, s, cost, req, choice] of rows) {
    const tail = opts.costColumn === false ? [req] : [cost, req, choice];
    ws.addRow([id, n, "", "", ...leaves(model).map(() => s), null, ...tail]);
  }
  const wm = wb.addWorksheet(SHEETS.model);
  wm.addRow([...SETTINGS_HEADERS]);
  for (const f of opts.frames ?? []) wm.addRow(f);
  const file = path.join(dir, name);
  await wb.xlsx.writeFile(file);
  return file;
}

beforeAll(async () => {
  ({ dir, cleanup } = tempDir());
  // Scores 8, 7, 6, 5 on every question give totals 24, 21, 18, 15.
  const four: [string, string, number, unknown, string | null, string | null][] = [
    ["A1", "Legemiddelliste", 8, 40, null, null],
    ["A2", "Dokumentdeling", 7, 25, null, null],
    ["A3", "Kritisk info", 6, 20, "A2", null],
    ["A4", "Bildedeling", 5, 10, null, null],
  ];
  files.four = await write("fire.xlsx", four, { frames: [[SELECTION_SETTINGS.budget, 60], [SELECTION_SETTINGS.minimum, 30]] });
  files.noFrame = await write("uten-ramme.xlsx", four);
  files.noCost = await write("uten-kostnad.xlsx", four, { costColumn: false });
  files.forced = await write("tvang.xlsx", [
    ["A1", "Legemiddelliste", 8, 40, null, "Tas med"],
    ["A2", "Dokumentdeling", 7, 30, null, "Tas med"],
  ]);
  ensureCliBuilt();
}, BUILD_TIMEOUT);
afterAll(() => cleanup());

describe("bad input: exit 2, one line on stderr", () => {
  test.each([
    [["select"], /^Oppgi en arbeidsbok: prio select <fil\.xlsx>$/],
    [["select", "finnes-ikke.xlsx", "--budget", "10"], /^Filen finnes ikke: finnes-ikke\.xlsx$/],
    [["select", "x.xlsx", "--budget", "mye"], /^--budget må følges av et beløp i MNOK \(for eksempel --budget 120\), ikke mye\.$/],
    [["select", "x.xlsx", "--budget"], /^--budget må følges av et beløp i MNOK/],
    [["select", "x.xlsx", "--minimum", "-5"], /^--minimum må følges av et beløp i MNOK/],
    [["select", "x.xlsx", "--csv"], /^Ukjent valg: --csv$/],
    [["select", path.join(ROOT, "examples/prioritering-2022-09.xlsx")], /er ikke i tilleggets oppsett \(arket Vurdering\)\. Importer arbeidsboken i tillegget først\.$/],
  ])("%p", async (argv, message) => {
    const r = await run(argv as string[]);
    expect(r.code).toBe(2);
    expect(r.out).toBe("");
    expectOneLineNoStack(r.err);
    expect(r.err).toMatch(message);
  });
  test("no Kostnad column", async () => {
    const r = await run(["select", files.noCost, "--budget", "50"]);
    expect([r.code, r.err]).toEqual([2, `${files.noCost}: Vurdering har ingen kolonne «Kostnad (MNOK)». Legg den til i tabellen og skriv kostnaden for hvert tiltak.`]);
  });
  test("no frame in the workbook and no --budget", async () => {
    const r = await run(["select", files.noFrame, "--lang", "en"]);
    expect([r.code, r.err]).toEqual([2, "No budget frame: use --budget N or type Budsjettramme (MNOK) on the Modell sheet."]);
  });
});

describe("the selection of four measures", () => {
  // Frames 60 / 30 from Modell. Minimum (30): A2 (21) alone beats A4 (15) and A3, which needs A2;
  // the plus list with A2 fixed and 35 MNOK left: A3 + A4 (20 + 10, 18 + 15 = 33) beats A1 (40, too dear).
  // A1 enters at 75: with A2 fixed, A1 + A2 + A4 (60) ties the best at 75 and nothing with A1 ties below.
  // Frontier (A3 needs A2): A4 10, A2 25, A2+A4 35, A2+A3 45, A2+A3+A4 55, A1+A2+A4 75, A1+A2+A3 85;
  // all four (95) lies beyond 1,5 × the frame.
  it("prints both lists, the reasons, where rank order differs, and the frontier, in bokmål", async () => {
    const r = await run(["select", files.four]);
    expect(r.code).toBe(0);
    expect(r.out).toBe(
      [
        "Utvalg innenfor budsjett: fire.xlsx",
        "Budsjettramme 60 MNOK, minimumsramme 30 MNOK",
        "",
        "Minimumsliste",
        "  ID  Tiltak          Kostnad  Score",
        "  A2  Dokumentdeling       25   21,0",
        "  Sum: 1 tiltak, 25 MNOK, score 21,00",
        "",
        "Plussliste",
        "  ID  Tiltak        Kostnad  Score",
        "  A3  Kritisk info       20   18,0",
        "  A4  Bildedeling        10   15,0",
        "  Sum: 2 tiltak, 30 MNOK, score 33,00",
        "",
        "Ikke med",
        "  ID  Tiltak           Kostnad  Score  Nærmest over  Nærmest under  Hvorfor ikke med",
        // With A2 (25) fixed, A1 (40) fits in no frame below 65: in at none below 60.
        "  A1  Legemiddelliste       40   24,0            75              –  over rammen: koster 40, 5 MNOK igjen",
        "  Nærmest over / under: den nærmeste rammen fra og med denne, og den nærmeste mindre, der tiltaket er med i et beste utvalg. Ikke «med fra»: det beste utvalget følger ikke rammen, så tiltaket kan være ute igjen over og under. – ved ingen slik ramme, ? ikke beregnet.",
        "",
        "Valgt i alt: 3 tiltak, 55 av 60 MNOK, score 54,00",
        "Rangeringsrekkefølgen gir et annet utvalg: 1 tiltak, 40 MNOK, score 24,00 (stopper ved Dokumentdeling). Det eksakte utvalget gir 30,00 mer i score.",
        "  Bare i det eksakte utvalget: Dokumentdeling, Kritisk info, Bildedeling",
        "  Bare i rangeringsrekkefølgen: Legemiddelliste",
        "",
        "Beste score for hver ramme (knekkpunkter):",
        "  0 → 0,00 · 10 → 15,00 · 25 → 21,00 · 35 → 36,00 · 45 → 39,00 · 55 → 54,00 · 75 → 60,00 · 85 → 63,00 (beregnet til 90 MNOK)",
      ].join("\n"),
    );
  });

  it("takes the frames from the command line when --budget is given: without --minimum, all is the minimum list", async () => {
    const r = await run(["select", files.four, "--budget", "40", "--json", "--lang", "en"]);
    const j = JSON.parse(r.out);
    expect([j.budget, j.minimum]).toEqual([40, null]);
    expect(j.measures.map((m: { id: string; list: string; reason: string | null }) => [m.id, m.list, m.reason])).toEqual([
      ["A1", "out", "over the frame: costs 40, 5 MNOK left"],
      ["A2", "minimum", null],
      ["A3", "out", "over the frame: costs 20, 5 MNOK left"],
      ["A4", "minimum", null],
    ]);
    expect(j.totals.selected).toEqual({ count: 2, cost: 35, score: 36 });
    expect(Object.keys(j.measures[1])).toEqual(["id", "name", "cost", "score", "requires", "forced", "list", "reason"]);
  });

  it("reports forced measures over the frame with their cells", async () => {
    const r = await run(["select", files.forced, "--budget", "50"]);
    expect(r.code).toBe(0);
    expect(r.out.split("\n").slice(2)).toEqual([
      "",
      "Utvalget kan ikke beregnes med disse valgene:",
      "  [Feil] Vurdering!S2: Tiltakene som er merket «Tas med» (Legemiddelliste og Dokumentdeling), med det de forutsetter, koster 70 MNOK, mer enn budsjettrammen på 50 MNOK som er gitt på kommandolinjen (--budget 50). Tiltak som tas med står på minimumslisten, så de må få plass innenfor budsjettrammen. Øk rammen eller ta bort «Tas med» for noen av dem (Vurdering!S2 og Vurdering!S3).",
    ]);
  });
});

test("the real binary on the worked example", () => {
  const r = spawnPrio(["select", "examples/utvalg.xlsx", "--lang", "en"]);
  expect(r.err).toBe("");
  expect(r.code).toBe(0);
  expect(r.out).toContain("Selected in all: 18 measures, 240 of 240 MNOK, score 366.42");
}, 240_000);
