/**
 * `prio checklist <file.xlsx> [--json] [--lang nb|en]`: measures per segment with the reports a
 * year, Ut, not assessed, the measures not assessed with the unanswered question and its cell,
 * what the add-in's sync would change, and the checklist's findings with their cells. Exit 0;
 * exit 2 with one line when the workbook has no checklist. Expected values are counted by hand
 * from the table in test/support/checklist.ts and from the 2020 fixture.
 */
import { spawnSync } from "child_process";
import * as path from "path";
import { defaultModel } from "../../src/core/model";
import { newStore, type Store } from "../../src/grid/store";
import { BUILD_TIMEOUT, ROOT, ensureCliBuilt, expectOneLineNoStack, run, spawnPrio, tempDir, type Run } from "../support/cli";
import { MEETING_XLSX } from "../support/meeting";
import { EXAMPLE_XLSX, MEASURES_2020, SCENARIO_CHECKLIST, SCENARIO_SCORING, writeChecklistWorkbook } from "../support/checklist";

interface JsonFinding {
  code: string;
  severity: string;
  cell: string | null;
  message: string;
}
interface JsonReport {
  summary: { measures: number; bySegment: Record<string, number>; ut: number; notAssessed: number; reportsPerYear: number };
  segments: { segment: string; count: number; timesPerYear: number; reportsPerYear: number; topics: string[] }[];
  measures: {
    id: string;
    name: string;
    actor: string;
    cell: string;
    included: boolean | null;
    entry: string;
    segment: string | null;
    segmentRank: number | null;
    reporting: { timesPerYear: number; topics: string[] } | null;
    answers: Record<string, boolean | null>;
    unanswered: { question: string; column: string; cell: string | null }[];
    portfolio: Record<string, unknown>;
  }[];
  notAssessed: JsonReport["measures"];
  pending: {
    toChecklist: { id: string; name: string; actor: string; cell: string | null }[];
    toScoring: { id: string; name: string; actor: string; cell: string | null }[];
    edits: { id: string; sheet: string; column: string; cell: string | null; from: string; to: string }[];
  };
  segmentChanges: { id: string; name: string; cell: string; from: string; to: string; changed: { question: string; column: string; from: boolean | null; to: boolean | null }[] }[];
  findings: JsonFinding[];
}

let dir: string;
let cleanup: () => void;
const files: Record<string, string> = {};

/** What the add-in remembered at its last recompute, for the second scenario. */
const remembered: Store = {
  ...newStore(defaultModel(), 11),
  checklist: {
    known: ["T001", "T002", "T003", "T004", "T005", "T006", "T007", "T008", "T009", "T010"],
    names: {
      T001: "Akson forberedelse",
      T002: "Legemiddelprogrammet",
      T003: "Helsedata",
      T004: "Helseplattformen",
      T009: "Akson journal",
      T010: "Akson - journal",
    },
    actors: {},
    last: {
      T004: { segment: "Samstyre", answers: { digitaliseringVesentlig: true, flereAktorer: true, gjenbrukEllerDeling: true, samstyre: true, koordinere: false } },
    },
  },
};

beforeAll(async () => {
  ({ dir, cleanup } = tempDir());
  files.scenario = path.join(dir, "portefolje.xlsx");
  await writeChecklistWorkbook(files.scenario, { scoring: SCENARIO_SCORING, checklist: SCENARIO_CHECKLIST });
  // The same portfolio after the add-in has seen it: T001 renamed in Vurdering since, T003 renamed in both.
  files.remembered = path.join(dir, "husket.xlsx");
  await writeChecklistWorkbook(files.remembered, {
    scoring: SCENARIO_SCORING,
    checklist: SCENARIO_CHECKLIST.map((r) =>
      r.id === "T001" ? { ...r, name: "Akson forberedelse" } : r.id === "T003" ? { ...r, name: "Helsedataprogrammet (HDP)" } : r,
    ),
    store: remembered,
  });
  files.noChecklist = path.join(dir, "uten-sjekkliste.xlsx");
  await writeChecklistWorkbook(files.noChecklist, { scoring: SCENARIO_SCORING });
});
afterAll(() => cleanup());

describe("the example: the 2020 portfolio", () => {
  let nb: Run;
  let en: Run;
  let json: JsonReport;
  beforeAll(async () => {
    nb = await run(["checklist", EXAMPLE_XLSX]);
    en = await run(["checklist", EXAMPLE_XLSX, "--lang", "en"]);
    const j = await run(["checklist", "--json", EXAMPLE_XLSX]);
    expect([j.code, j.err]).toEqual([0, ""]);
    json = JSON.parse(j.out);
  });

  test("exit 0, nothing on stderr", () => {
    expect([nb.code, nb.err]).toEqual([0, ""]);
    expect([en.code, en.err]).toEqual([0, ""]);
  });
  test("30 Samstyre, 11 Koordinere, 8 Inspirere, 6 Observere with their reports a year and reporting; 162 in all", () => {
    expect(nb.out).toMatch(/^Samstyre\s+30\s+120\s+4 ganger i året: status og risiko$/m);
    expect(nb.out).toMatch(/^Koordinere\s+11\s+22\s+2 ganger i året: avhengigheter$/m);
    expect(nb.out).toMatch(/^Inspirere\s+8\s+8\s+1 gang i året: idéer$/m);
    expect(nb.out).toMatch(/^Observere\s+6\s+12\s+2 ganger i året: fremdrift, erfaringer og hindringer$/m);
    expect(nb.out).toMatch(/^Ut\s+0$/m);
    expect(nb.out).toMatch(/^ikke vurdert\s+0$/m);
    expect(nb.out).toMatch(/^I alt\s+55\s+162$/m);
    expect(nb.out).toContain("Rapporter i året til de nasjonale utvalgene: 162.");
    expect(nb.out).toContain("Alle tiltak er vurdert.");
    expect(nb.out).toMatch(/^Funn \(0\)$/m);
    expect(nb.out).toMatch(/55 tiltak i sjekklisten; 0 feil, 0 advarsler, 0 merknader\.$/);
  });
  test("English: the same numbers, English words, the segments keep their names", () => {
    expect(en.out).toMatch(/^Checklist – portefolje-2020\.xlsx$/m);
    expect(en.out).toMatch(/^Samstyre\s+30\s+120\s+4 times a year: status and risk$/m);
    expect(en.out).toMatch(/^Inspirere\s+8\s+8\s+once a year: ideas$/m);
    expect(en.out).toMatch(/^Out\s+0$/m);
    expect(en.out).toMatch(/^Total\s+55\s+162$/m);
    expect(en.out).toContain("Every measure is assessed.");
    expect(en.out).not.toMatch(/ganger|Rapporter|Funn/);
  });
  test("JSON: the summary, the segments and all 55 measures with their published segments", () => {
    expect(json.summary).toEqual({ measures: 55, bySegment: { Samstyre: 30, Koordinere: 11, Inspirere: 8, Observere: 6 }, ut: 0, notAssessed: 0, reportsPerYear: 162 });
    expect(json.segments.map((s) => [s.segment, s.count, s.timesPerYear, s.reportsPerYear])).toEqual([
      ["Samstyre", 30, 4, 120],
      ["Koordinere", 11, 2, 22],
      ["Inspirere", 8, 1, 8],
      ["Observere", 6, 2, 12],
    ]);
    expect(json.measures.map((m) => [m.id, m.name, m.segment, m.included, m.entry])).toEqual(MEASURES_2020.map((m) => [m.id, m.name, m.segment, true, "Inn"]));
    expect(json.measures[0]).toMatchObject({ cell: "Sjekkliste!B2", actor: "Direktoratet for e-helse", reporting: { timesPerYear: 4, topics: ["status", "risiko"] }, unanswered: [], portfolio: {} });
    expect([json.notAssessed, json.findings, json.segmentChanges]).toEqual([[], [], []]);
    expect(json.pending).toEqual({ toChecklist: [], toScoring: [], edits: [] });
  });
});

describe("a portfolio with one of each case, never seen by the add-in (no store)", () => {
  let nb: Run;
  let en: Run;
  let json: JsonReport;
  beforeAll(async () => {
    nb = await run(["checklist", files.scenario]);
    en = await run(["checklist", files.scenario, "--lang", "en"]);
    json = JSON.parse((await run(["checklist", files.scenario, "--json"])).out);
  });

  test("exit 0 though there are findings", () => expect([nb.code, nb.err, en.code]).toEqual([0, "", 0]));

  test("3 Samstyre, 2 Koordinere (one only in Sjekkliste), 1 Ut, 3 not assessed; 3·4 + 2·2 = 16 reports a year", () => {
    expect(nb.out).toMatch(/^Samstyre\s+3\s+12\s/m);
    expect(nb.out).toMatch(/^Koordinere\s+2\s+4\s/m);
    expect(nb.out).toMatch(/^Inspirere\s+0\s+0\s/m);
    expect(nb.out).toMatch(/^Observere\s+0\s+0\s/m);
    expect(nb.out).toMatch(/^Ut\s+1$/m);
    expect(nb.out).toMatch(/^ikke vurdert\s+3$/m);
    expect(nb.out).toMatch(/^I alt\s+9\s+16$/m);
    expect(json.summary).toEqual({ measures: 9, bySegment: { Samstyre: 3, Koordinere: 2, Inspirere: 0, Observere: 0 }, ut: 1, notAssessed: 3, reportsPerYear: 16 });
  });

  test("the measures not assessed, each with the unanswered question and the cell to answer it in", () => {
    const section = nb.out.split(/^Ikke vurdert \(3\)$/m)[1].split("\n\n")[0].split("\n").filter(Boolean);
    expect(section).toEqual([
      "  T006  HMN Lab: ubesvart: «Har tiltaket sterke avhengigheter til samstyringstiltak?» (Sjekkliste!H7)",
      "  T007  Primærhelseteam: ubesvart: «Har tiltaket gjenbrukspotensial i store deler av tjenesten, eller betydning for løsninger som gir tilgang til å se, bruke og dele helseinformasjon?» (Sjekkliste!F8)",
      "  T008  Alle møter: ubesvart: «Er bredt samarbeid vesentlig?» (Sjekkliste!G9)",
    ]);
    expect(en.out).toContain("  T006  HMN Lab: unanswered: “Does the measure depend strongly on jointly governed measures?” (Sjekkliste!H7)");
    expect(json.notAssessed.map((m) => [m.id, m.included, m.segment, m.unanswered])).toEqual([
      ["T006", true, "ikke vurdert", [{ question: "koordinere", column: "Avhengig av samstyring?", cell: "Sjekkliste!H7" }]],
      ["T007", null, "ikke vurdert", [{ question: "gjenbrukEllerDeling", column: "Gjenbruk eller deling?", cell: "Sjekkliste!F8" }]],
      ["T008", true, "ikke vurdert", [{ question: "samstyre", column: "Bredt samarbeid?", cell: "Sjekkliste!G9" }]],
    ]);
  });

  test("a measure in one table only is added to the other when the add-in recomputes (it has not seen them before)", () => {
    expect(nb.out).toContain("Endres når tillegget regner om (2)");
    expect(nb.out).toContain("  Vurdering!B10: «Akson journal» (T009) står bare i Vurdering og legges til i Sjekkliste.");
    expect(nb.out).toContain("  Sjekkliste!B10: «Akson - journal» (T010) står bare i Sjekkliste og legges til i Vurdering.");
    expect(json.pending).toEqual({
      toChecklist: [{ id: "T009", name: "Akson journal", actor: "Akson journal AS", cell: "Vurdering!B10" }],
      toScoring: [{ id: "T010", name: "Akson - journal", actor: "Akson journal AS", cell: "Sjekkliste!B10" }],
      edits: [],
    });
  });

  test("the findings with their cells, errors first: the answer, the portfolio values, the near-duplicate, the budget", () => {
    const lines = nb.out.split(/^Funn \(5\)$/m)[1].split("\n").filter((l) => l.startsWith("  ["));
    expect(lines.map((l) => l.match(/^ {2}\[(\w+)\] (\S+):/)!.slice(1))).toEqual([
      ["Feil", "Sjekkliste!G9"],
      ["Advarsel", "Sjekkliste!M3"],
      ["Advarsel", "Sjekkliste!O4"],
      ["Advarsel", "Vurdering!B10"],
      ["Merknad", "Sjekkliste!Q5"],
    ]);
    expect(lines[0]).toContain("«Kanskje» er ikke et svar på «Er bredt samarbeid vesentlig?» (Alle møter)");
    expect(lines[3]).toContain("«Akson journal» (T009) og «Akson - journal» (T010) ser ut som samme tiltak");
    expect(nb.out).toMatch(/9 tiltak i sjekklisten; 1 feil, 3 advarsler, 1 merknad\.$/);
    expect(json.findings.map((f) => [f.code, f.severity, f.cell])).toEqual([
      ["portfolio-value", "warning", "Sjekkliste!M3"],
      ["portfolio-value", "warning", "Sjekkliste!O4"],
      ["portfolio-budget", "info", "Sjekkliste!Q5"],
      ["checklist-answer", "error", "Sjekkliste!G9"],
      ["near-duplicate", "warning", "Vurdering!B10"],
    ]);
    for (const f of json.findings) expect(f.message).not.toMatch(/undefined|NaN|\{\w+\}/);
  });

  test("JSON per measure: Inn/Ut, segment, rank in the segment, reporting, answers and portfolio", () => {
    const by = new Map(json.measures.map((m) => [m.id, m]));
    expect(by.get("T001")).toEqual({
      id: "T001",
      name: "Akson - forberedelse",
      actor: "Direktoratet for e-helse",
      cell: "Sjekkliste!B2",
      included: true,
      entry: "Inn",
      segment: "Samstyre",
      segmentRank: 1,
      reporting: { timesPerYear: 4, topics: ["status", "risiko"] },
      answers: { digitaliseringVesentlig: true, flereAktorer: true, gjenbrukEllerDeling: true, samstyre: true, koordinere: null, inspirere: null },
      unanswered: [],
      portfolio: { status: "grønn", risk: "gul", goal: 2, sdg: [3, 9], budget: 12.5 },
    });
    expect(by.get("T002")).toMatchObject({ segmentRank: 2, portfolio: {} });
    expect(by.get("T005")).toMatchObject({ included: false, entry: "Ut", segment: null, segmentRank: null, reporting: null });
    expect(by.get("T007")).toMatchObject({ included: null, entry: "ikke vurdert", segment: "ikke vurdert", reporting: null });
    // Only in Sjekkliste: no score, so no rank in its segment.
    expect(by.get("T010")).toMatchObject({ included: true, segment: "Koordinere", segmentRank: null, reporting: { timesPerYear: 2, topics: ["avhengigheter"] } });
  });
});

describe("the same portfolio after the add-in has seen it (a store with its memory)", () => {
  let nb: Run;
  let json: JsonReport;
  beforeAll(async () => {
    nb = await run(["checklist", files.remembered]);
    json = JSON.parse((await run(["checklist", files.remembered, "--json"])).out);
  });

  test("known measures in one table only are findings with the choice, not additions", () => {
    expect(json.pending.toChecklist).toEqual([]);
    expect(json.pending.toScoring).toEqual([]);
    expect(json.findings.filter((f) => f.code.startsWith("checklist-only")).map((f) => [f.code, f.cell])).toEqual([
      ["checklist-only-scoring", "Vurdering!B10"],
      ["checklist-only-checklist", "Sjekkliste!B10"],
    ]);
    expect(nb.out).toContain("Vurdering!B10: «Akson journal» (T009) står i Vurdering, men ikke i Sjekkliste. Legg tiltaket til i Sjekkliste igjen, eller fjern det fra Vurdering.");
  });

  test("a rename in Vurdering is pending for Sjekkliste; a rename on both sides is a conflict", () => {
    expect(json.pending.edits).toEqual([{ id: "T001", sheet: "Sjekkliste", column: "Tiltak", cell: "Sjekkliste!B2", from: "Akson forberedelse", to: "Akson - forberedelse" }]);
    expect(nb.out).toContain("  Sjekkliste!B2: T001: Tiltak «Akson forberedelse» i Sjekkliste blir «Akson - forberedelse».");
    expect(json.findings.find((f) => f.code === "checklist-name-conflict")).toMatchObject({ cell: "Sjekkliste!B4" });
    expect(json.pending.edits.some((e) => e.id === "T003")).toBe(false);
  });

  test("the segment change since last time, with the answers that changed", () => {
    expect(json.segmentChanges).toEqual([
      {
        id: "T004",
        name: "Helseplattformen",
        cell: "Sjekkliste!K5",
        from: "Samstyre",
        to: "Koordinere",
        changed: [
          { question: "samstyre", column: "Bredt samarbeid?", from: true, to: false },
          { question: "koordinere", column: "Avhengig av samstyring?", from: false, to: true },
        ],
      },
    ]);
    expect(nb.out).toContain("Segmentendringer siden tillegget sist regnet om (1)");
    expect(nb.out).toContain("  Sjekkliste!K5: «Helseplattformen» (T004): Samstyre → Koordinere; Bredt samarbeid? Ja → Nei; Avhengig av samstyring? Nei → Ja");
  });

  test("the count: 1 error, 6 warnings (2 portfolio values, 2 in one table, the conflict, the near-duplicate), 1 note", () => {
    expect(nb.out).toMatch(/9 tiltak i sjekklisten; 1 feil, 6 advarsler, 1 merknad\.$/);
  });
});

describe("exit codes", () => {
  test.each([
    ["the council's legacy workbook", () => MEETING_XLSX, /^.*prioritering-2022-09\.xlsx har ingen sjekkliste \(arket Sjekkliste\)\.$/],
    ["an add-in workbook without a Sjekkliste sheet", () => files.noChecklist, /uten-sjekkliste\.xlsx har ingen sjekkliste/],
    ["a missing file", () => path.join(dir, "finnes-ikke.xlsx"), /^Filen finnes ikke: /],
  ] as [string, () => string, RegExp][])("%s: exit 2, one line on stderr, nothing on stdout (also with --json)", async (_what, file, message) => {
    for (const extra of [[], ["--json"]]) {
      const r = await run(["checklist", file(), ...extra]);
      expect(r.code).toBe(2);
      expect(r.out).toBe("");
      expectOneLineNoStack(r.err);
      expect(r.err).toMatch(message);
    }
  });
  test("in English", async () => {
    const r = await run(["checklist", files.noChecklist, "--lang", "en"]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/uten-sjekkliste\.xlsx has no checklist \(sheet Sjekkliste\)\.$/);
  });
  test.each([
    [["checklist"], /^Oppgi en arbeidsbok: prio checklist <fil\.xlsx>$/],
    [["checklist", "x.xlsx", "--csv"], /^Ukjent valg: --csv$/],
    [["checklist", "x.xlsx", "--lang", "de"], /^--lang må være nb eller en$/],
    [["sjekkliste", "x.xlsx"], /^Ukjent kommando: sjekkliste$/],
  ])("%p → exit 2, one line", async (argv, message) => {
    const r = await run(argv as string[]);
    expect(r.code).toBe(2);
    expectOneLineNoStack(r.err);
    expect(r.err).toMatch(message);
  });
  test("the usage names both commands, in both languages", async () => {
    const nb = await run(["--help"]);
    expect(nb.code).toBe(0);
    expect(nb.out).toContain("prio checklist <fil.xlsx> [--json] [--lang nb|en]");
    expect(nb.out).toMatch(/^checklist\s+skriver sammendraget av sjekklisten/m);
    const en = await run(["--help", "--lang", "en"]);
    expect(en.out).toContain("prio checklist <file.xlsx> [--json] [--lang nb|en]");
    expect(en.out).toMatch(/^checklist\s+prints the checklist summary/m);
  });
});

describe("the real binary", () => {
  beforeAll(() => ensureCliBuilt(), BUILD_TIMEOUT);
  test("`prio checklist examples/portefolje-2020.xlsx`: exit 0, the four segments and 162", () => {
    const r = spawnPrio(["checklist", "examples/portefolje-2020.xlsx"]);
    expect([r.code, r.err]).toEqual([0, ""]);
    for (const re of [/^Samstyre\s+30\s/m, /^Koordinere\s+11\s/m, /^Inspirere\s+8\s/m, /^Observere\s+6\s/m, /^I alt\s+55\s+162$/m]) expect(r.out).toMatch(re);
  });
  test("on a workbook without a checklist: exit 2, one line", () => {
    const r = spawnPrio(["checklist", MEETING_XLSX]);
    expect(r.code).toBe(2);
    expect(r.out).toBe("");
    expectOneLineNoStack(r.err);
  });
  test("--json | a reader that stops early: no EPIPE crash", () => {
    const r = spawnSync("sh", ["-c", `"${process.execPath}" bin/prio.js score examples/portefolje-2020.xlsx --json | head -c 10`], { cwd: ROOT, encoding: "utf8" });
    expect(r.status).toBe(0);
    expect(r.stderr).toBe("");
    expect(r.stdout).toBe('{\n  "measu');
  });
});
