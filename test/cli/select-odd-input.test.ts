/**
 * `prio select` on examples/utvalg.xlsx with odd input in the cells a person types (issue 17):
 * an absurd cost (1e20, Infinity) is a finding on its cell and the measure is left out, the lists
 * are still made and no solver text reaches anyone; a *Tas med* measure whose cost is «NaN» is
 * told that its cost cell is not a number; a Budsjettramme that is not an amount is named with its
 * cell; a frame typed on the command line is named as typed, not by the Modell cell it replaces.
 * The example: T002 in row 4 (Kostnad Q4, 18 MNOK), T004 in row 6 (Tas med, 30 MNOK), T008 row 10
 * (7,5), T013 row 15 (8); Modell!M9 Budsjettramme 240, M10 Minimumsramme 100.
 */
import { writeFileSync } from "fs";
import * as path from "path";
import type ExcelJS from "exceljs";
import { prepare } from "../../src/core/selection-problem";
import { problemWithFrames } from "../../src/cli/frames";
import { loadGrids } from "../../src/cli/load";
import { readSelectionInputs } from "../../src/grid/selection-inputs";
import { readWorkbook } from "../../src/grid/workbook";
import { selectionFindingMessage } from "../../src/i18n/selection";
import { run, tempDir } from "../support/cli";
import { setCells, utvalgWith } from "../support/utvalg";

// Each test runs the built command line (HiGHS loaded in a child process), some twice: on a shared, busy machine that takes over jest's 30 s.
jest.setTimeout(120_000);

let dir: string;
let cleanup: () => void;
beforeAll(() => ({ dir, cleanup } = tempDir()));
afterAll(() => cleanup());

async function variant(name: string, cells: Record<string, Record<string, ExcelJS.CellValue>>): Promise<string> {
  const file = path.join(dir, `${name}.xlsx`);
  writeFileSync(file, await utvalgWith((wb) => Object.entries(cells).forEach(([sheet, c]) => setCells(wb, sheet, c))));
  return file;
}

interface Json {
  status: string;
  measures: { id: string; cost: number | null; list: string; reasonCode?: string }[];
  findings: { code: string; severity: string; cell: string | null; message: string }[];
}

async function selectJson(file: string, ...args: string[]): Promise<Json> {
  const r = await run(["select", file, "--json", ...args]);
  expect([r.code, r.err]).toEqual([0, ""]);
  return JSON.parse(r.out) as Json;
}

/** The selection's inputs of a file, as `prio select` reads them. */
async function inputsOf(file: string) {
  const grids = await loadGrids(file, "nb");
  const read = readWorkbook(grids);
  if (read.kind !== "addin") throw new Error(read.kind);
  return readSelectionInputs(grids, read);
}

/** No solver's words (HiGHS, its LP reader, a web address) anywhere a person reads. */
function expectNoSolverText(text: string): void {
  expect(text).not.toMatch(/HiGHS|lpsolve|LP model|http|error -1/i);
}

describe("item 6: a cost that is not a sane finite amount", () => {
  test.each([
    ["1e20", 1e20, "«100000000000000000000» er over 1000000 MNOK og kan ikke være en kostnad, så PLL i spesialisthelsetjenesten kan ikke velges. Skriv kostnaden i millioner kroner som et tall, for eksempel 7,5."],
    ["Infinity", Infinity, "«Infinity» er ikke et endelig tall, så PLL i spesialisthelsetjenesten kan ikke velges. Skriv kostnaden i millioner kroner som et tall, for eksempel 7,5."],
    ["NaN text", "NaN", "«NaN» er ikke en kostnad i MNOK, så PLL i spesialisthelsetjenesten kan ikke velges. Skriv kostnaden i millioner kroner som et tall, for eksempel 7,5."],
    ["−50", -50, "«-50» er negativ (en kostnad kan ikke være under 0), så PLL i spesialisthelsetjenesten kan ikke velges. Skriv kostnaden i millioner kroner som et tall, for eksempel 7,5."],
  ])("%s in Vurdering!Q4: a finding on the cell, T002 left out, the lists made", async (name, value, message) => {
    const file = await variant(`cost-${name.replace(/\W/g, "")}`, { Vurdering: { Q4: value } });
    const j = await selectJson(file);
    expect(j.status).toBe("ok");
    expect(j.findings).toEqual([{ code: "selection-cost-invalid", severity: "warning", cell: "Vurdering!Q4", message }]);
    expect(j.measures.find((m) => m.id === "T002")).toMatchObject({ list: "out", reasonCode: "no-cost" });
    expect(j.measures.filter((m) => m.list === "minimum").map((m) => m.id)).toEqual(["T001", "T004", "T005", "T008", "T009", "T013", "T016", "T017", "T018"]);
    expectNoSolverText(JSON.stringify(j));
    if (value === 1e20) {
      // Before, this cost reached HiGHS, whose LP reader refused it: «Unable to read LP model (see http://…). HiGHS error -1».
      const text = await run(["select", file]);
      expect(text.code).toBe(0);
      expect(text.out).toContain("Minimumsliste");
      expectNoSolverText(text.out);
    }
  });

  test("a million MNOK is still an amount; a frame of 1e20 is not (named at Modell!M9)", async () => {
    const ok = await selectJson(await variant("cost-million", { Vurdering: { Q4: 1_000_000 } }), "--budget", "60");
    expect(ok.findings).toEqual([]);
    expect(ok.measures.find((m) => m.id === "T002")).toMatchObject({ cost: 1_000_000, list: "out" });
    const r = await run(["select", await variant("frame-1e20", { Modell: { M9: 1e20 } })]);
    expect([r.code, r.err]).toEqual([
      2,
      "Modell!M9: «100000000000000000000» i Budsjettramme (MNOK) er over 1000000 MNOK og kan ikke være en ramme og er ikke brukt. Skriv rammen i millioner kroner som et tall. Bruk --budget N, eller rett cellen.",
    ]);
    expectNoSolverText(r.err);
  });
});

test("item 7: a Tas med measure whose cost is «NaN» is told that its cost cell is not a number", async () => {
  const file = await variant("forced-nan", { Vurdering: { Q6: "NaN" } });
  const j = await selectJson(file);
  expect(j.findings.map((f) => [f.code, f.cell, f.message])).toEqual([
    ["selection-cost-invalid", "Vurdering!Q6", "«NaN» er ikke en kostnad i MNOK, så Kritisk informasjon i kjernejournal kan ikke velges. Skriv kostnaden i millioner kroner som et tall, for eksempel 7,5."],
    [
      "selection-forced-no-cost",
      "Vurdering!Q6",
      "Kritisk informasjon i kjernejournal er merket «Tas med», men kostnaden «NaN» i Vurdering!Q6 er ikke et beløp i MNOK, så tiltaket kan ikke tas med og holdes utenfor. Skriv kostnaden i millioner kroner som et tall, eller ta bort «Tas med».",
    ],
  ]);
  expect(j.measures.find((m) => m.id === "T004")).toMatchObject({ list: "out", reasonCode: "no-cost" });
  // The same finding before any solve, in English; blank, the cell is named as blank.
  const forcedFinding = async (f: string) => prepare(problemWithFrames(await inputsOf(f))!).findings.find((x) => x.code === "selection-forced-no-cost")!;
  expect(selectionFindingMessage(await forcedFinding(file), "en")).toBe(
    "Kritisk informasjon i kjernejournal is marked “Tas med” (include), but its cost “NaN” in Vurdering!Q6 is not an amount in MNOK, so it cannot be included and is held out. Type the cost in millions of kroner as a number, or remove “Tas med”.",
  );
  const blank = await forcedFinding(await variant("forced-blank", { Vurdering: { Q6: null } }));
  expect([blank.cell, selectionFindingMessage(blank, "nb")]).toEqual([
    "Vurdering!Q6",
    "Kritisk informasjon i kjernejournal er merket «Tas med», men har ingen kostnad (Vurdering!Q6 er tom), så tiltaket kan ikke tas med og holdes utenfor. Skriv kostnaden i millioner kroner som et tall, eller ta bort «Tas med».",
  ]);
});

describe("item 8: a Budsjettramme that is not an amount is named with its cell, never called missing", () => {
  test.each([
    ["mye", "Modell!M9: «mye» i Budsjettramme (MNOK) er ikke et beløp og er ikke brukt. Skriv rammen i millioner kroner som et tall. Bruk --budget N, eller rett cellen."],
    [-10, "Modell!M9: «-10» i Budsjettramme (MNOK) er negativ (en ramme kan ikke være under 0) og er ikke brukt. Skriv rammen i millioner kroner som et tall. Bruk --budget N, eller rett cellen."],
  ])("%p", async (value, message) => {
    const r = await run(["select", await variant(`frame-${String(value)}`, { Modell: { M9: value } })]);
    expect([r.code, r.out, r.err]).toEqual([2, "", message]);
    expect(r.err).not.toMatch(/Ingen budsjettramme/);
  });

  test("in English; and --budget still works past it", async () => {
    const file = await variant("frame-mye-en", { Modell: { M9: "mye" } });
    const r = await run(["select", file, "--lang", "en"]);
    expect(r.err).toBe("Modell!M9: “mye” in Budsjettramme (MNOK) is not an amount and is not used. Type the frame in millions of kroner as a number. Use --budget N, or correct the cell.");
    const j = await selectJson(file, "--budget", "60");
    expect(j.status).toBe("ok");
    expect(j.findings.map((f) => [f.code, f.cell])).toEqual([["selection-frame-invalid", "Modell!M9"]]);
  });
});

describe("item 9: a frame typed on the command line is named as typed", () => {
  // T004, T008 and T013 Tas med: 30 + 7,5 + 8 = 45,5 MNOK.
  const forced = () => variant("forced-45", { Vurdering: { S10: "Tas med", S15: "Tas med" } });

  test("--budget 30: the finding names --budget 30 and the forced cells, not Modell!M9 (which holds 240)", async () => {
    const j = await selectJson(await forced(), "--budget", "30");
    expect(j.status).toBe("infeasible");
    expect(j.findings).toEqual([
      {
        code: "selection-forced-over-budget",
        severity: "error",
        cell: "Vurdering!S6",
        message:
          "Tiltakene som er merket «Tas med» (Kritisk informasjon i kjernejournal, Journaldeling mellom legevakt og fastlege og Innbyggertjenester: Timebestilling på helsenorge), med det de forutsetter, koster 45,5 MNOK, mer enn budsjettrammen på 30 MNOK som er gitt på kommandolinjen (--budget 30). Tiltak som tas med står på minimumslisten, så de må få plass innenfor budsjettrammen. Øk rammen eller ta bort «Tas med» for noen av dem (Vurdering!S6, Vurdering!S10 og Vurdering!S15).",
      },
    ]);
    expect(JSON.stringify(j.findings)).not.toContain("Modell!");
  });

  test("--budget 100 --minimum 150: both named as typed, no Modell cell", async () => {
    const j = await selectJson(await forced(), "--budget", "100", "--minimum", "150");
    expect(j.findings).toEqual([
      {
        code: "selection-minimum-over-budget",
        severity: "error",
        cell: null,
        message: "Minimumsrammen (150 MNOK) er større enn budsjettrammen (100 MNOK) (gitt på kommandolinjen: --minimum 150, --budget 100). Minimumsrammen må være innenfor budsjettrammen.",
      },
    ]);
  });

  test("the workbook's own frames are still named by their cells: the minimum frame, which forced measures must fit", async () => {
    const file = await variant("forced-45-min40", { Vurdering: { S10: "Tas med", S15: "Tas med" }, Modell: { M10: 40 } });
    const j = await selectJson(file);
    expect(j.findings.map((f) => f.cell)).toEqual(["Modell!M10"]);
    expect(j.findings[0].message).toContain("koster 45,5 MNOK, mer enn minimumsrammen på 40 MNOK. Tiltak som tas med står på minimumslisten, så de må få plass innenfor minimumsrammen.");
    // --minimum alone replaces only the minimum frame: the budget stays the workbook's, named by its cell.
    const both = await selectJson(file, "--minimum", "300");
    expect(both.findings.map((f) => [f.cell, f.message])).toEqual([
      ["Modell!M9", "Minimumsrammen (300 MNOK) er større enn budsjettrammen (240 MNOK) (gitt på kommandolinjen: --minimum 300). Minimumsrammen må være innenfor budsjettrammen."],
    ]);
  });
});
