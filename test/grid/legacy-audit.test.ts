/**
 * Every known defect of the meeting workbook (fixture → knownDefects) is a finding with its
 * code and its exact cell. The workbook is read through the CLI's path (exceljs → grids).
 */
import type { Finding } from "../../src/core/findings";
import { allFindings, type Assessment } from "../../src/core/assess";
import type { WorkbookRead } from "../../src/grid/workbook";
import { DISPLAY_KEY_TO_NODE, cellOf, expectWithin, fixture, readMeeting, resultFor } from "../support/meeting";

let read: WorkbookRead;
let a: Assessment;
let all: Finding[];
beforeAll(async () => {
  read = await readMeeting();
  if (read.kind !== "legacy") throw new Error(`expected the legacy layout, got ${read.kind}`);
  a = read.assessment;
  all = allFindings(a);
});

const at = (cell: string, code?: string) => all.filter((f) => f.cell === cell && (code === undefined || f.code === code));
const one = (cell: string, code: string): Finding => {
  const found = at(cell, code);
  expect(found).toHaveLength(1);
  return found[0];
};

test("the fixture lists the eight defects these tests cover", () => {
  expect(fixture.knownDefects).toHaveLength(8);
});

describe("1. Dokumentdeling / Andre helseaktører/tjenester: Nytte has no values, the sheet shows #DIV/0!", () => {
  test.each([
    ["Nytte", "Dokumentdeling!G11", "nytte"],
    ["Pasient", "Dokumentdeling!G12", "nytte.pasient"],
    ["Helsepersonell", "Dokumentdeling!G15", "nytte.hp"],
    ["Score", "Dokumentdeling!G20", "total"],
  ])("%s: legacy-error-value at %s", (_what, cell, node) => {
    const f = one(cell, "legacy-error-value");
    expect(f.params).toMatchObject({ node, error: "#DIV/0!", correct: null, groups: ["nytte"] });
    expect(f.measureId).toBe(resultFor(read, "dok.andre").id);
  });
  test("the measure has no total, no rank, and says why (no-total naming Nytte)", () => {
    const m = resultFor(read, "dok.andre");
    expect(m).toMatchObject({ total: null, rank: null, tied: false, missingGroups: ["nytte"] });
    expect(m.findings.find((f) => f.code === "no-total")).toMatchObject({ cell: "Dokumentdeling!G13", params: { groups: ["nytte"] } });
  });
});

test("2. Kritisk info / Andre helseaktører: «Sjekke med jurist?» is cell-text at 'Kritisk info'!F9, left out of Kostnader", () => {
  const f = one("'Kritisk info'!F9", "cell-text");
  expect(f).toMatchObject({ severity: "error", criterionId: "kost.juridisk", params: { raw: "Sjekke med jurist?" } });
  expect(f.params.suggestion).toBeUndefined();
  const m = resultFor(read, "ki.andre");
  expect(m.values.kost).toBe(4);
  expect(m.invalid).toEqual(["kost.juridisk"]);
});

describe("3. Felles hjelpenummer: SUM for AVERAGE, Nytte without infrastructure, Score adds infrastructure again", () => {
  test("Pasient 'Felles hjelpenummer'!C12: =SUM(C13:C14) shows 5, the model gives 2.5", () => {
    expect(one("'Felles hjelpenummer'!C12", "legacy-formula").params).toMatchObject({ node: "nytte.pasient", shown: 5, correct: 2.5, formula: "SUM(C13:C14)", sum: true });
  });
  test("Helsepersonell 'Felles hjelpenummer'!C15: =SUM(C16:C17) shows 4, the model gives 2", () => {
    expect(one("'Felles hjelpenummer'!C15", "legacy-formula").params).toMatchObject({ node: "nytte.hp", shown: 4, correct: 2, sum: true });
  });
  test("Nytte 'Felles hjelpenummer'!C11: =AVERAGE(C12,C15) leaves out infrastructure", () => {
    const p = one("'Felles hjelpenummer'!C11", "legacy-formula").params;
    expect(p).toMatchObject({ node: "nytte", shown: 4.5, leftOut: ["nytte.infra"], upstream: ["nytte.pasient", "nytte.hp"] });
    expectWithin(p.correct as number, 14.5 / 3);
  });
  test("Score 'Felles hjelpenummer'!C20 shows 25.75, the intended model gives 16.083333333333332; infrastructure twice", () => {
    const p = one("'Felles hjelpenummer'!C20", "legacy-formula").params;
    expect(p).toMatchObject({ node: "total", shown: 25.75, formula: "C3+C6+C11+C18", twice: ["nytte.infra"] });
    expectWithin(p.correct as number, 16.083333333333332);
    expectWithin(resultFor(read, "hjelpenummer").total, 16.083333333333332);
  });
});

describe("4. Dokumentdeling / Dokumenter utenfor kjernejournal: SUM, Nytte without infrastructure (16.25 shown, 12.25 intended)", () => {
  test.each([
    ["Dokumentdeling!H12", { node: "nytte.pasient", shown: 6, correct: 3, sum: true }],
    ["Dokumentdeling!H15", { node: "nytte.hp", shown: 6, correct: 3, sum: true }],
    ["Dokumentdeling!H11", { node: "nytte", shown: 6, correct: 2, leftOut: ["nytte.infra"] }],
    ["Dokumentdeling!H20", { node: "total", shown: 16.25, correct: 12.25, upstream: ["nytte"] }],
  ])("%s", (cell, params) => {
    expect(one(cell, "legacy-formula").params).toMatchObject(params);
  });
  test("the Score formula itself is right: it is not blamed for SUM or a left-out group", () => {
    const p = one("Dokumentdeling!H20", "legacy-formula").params;
    expect(p.sum).toBeUndefined();
    expect(p.leftOut).toBeUndefined();
  });
});

describe("every group and Score cell the sheet shows wrong (legacyDisplayed ≠ expected) is a finding; the rest are not", () => {
  const cases = fixture.measures.flatMap((m) =>
    Object.entries(DISPLAY_KEY_TO_NODE).map(([key, node]) => {
      const shown = (m.legacyDisplayed as Record<string, number | null>)[key];
      const correct = (m.expected as Record<string, unknown>)[key] as number | null;
      return [m.id, key, node === "total" ? "total" : node, shown, correct] as const;
    }),
  );
  test.each(cases)("%s %s (%s): shown %p, intended %p", (id, _key, node, shown, correct) => {
    const cell = cellOf(id, node);
    const found = at(cell).filter((f) => f.code === "legacy-formula" || f.code === "legacy-error-value");
    if (shown === null && correct === null) {
      expect(found.map((f) => f.code)).toEqual(["legacy-error-value"]);
    } else if (shown !== null && correct !== null && Math.abs(shown - correct) <= 1e-9) {
      expect(found).toEqual([]);
    } else {
      expect(found.map((f) => f.code)).toEqual(["legacy-formula"]);
      expect(found[0].params.shown).toBe(shown);
      expectWithin(found[0].params.correct as number, correct!);
    }
  });
});

describe("5. Rangering rows on the theme sheets are stale", () => {
  test("DBEP!C21 says 3; the scores say 6", () => {
    expect(one("DBEP!C21", "legacy-rank-stale").params).toMatchObject({ shown: 3, correct: 6 });
  });
  const withRank = fixture.measures.filter((m) => m.staleRank !== null);
  test.each(withRank.map((m) => [m.id, cellOf(m.id, "rank"), m.staleRank, m.expected.rank] as const))(
    "%s %s: shown %p, correct %p",
    (_id, cell, shown, correct) => {
      const stale = at(cell, "legacy-rank-stale");
      if (shown === correct) expect(stale).toEqual([]);
      else {
        expect(stale).toHaveLength(1);
        expect(stale[0].params).toMatchObject({ shown, correct });
      }
    },
  );
  test.each(fixture.measures.filter((m) => m.staleRank === null && m.expected.rank !== null).map((m) => [m.id, cellOf(m.id, "rank"), m.expected.rank] as const))(
    "%s %s: blank, the scores say %p (legacy-rank-missing)",
    (_id, cell, correct) => {
      expect(one(cell, "legacy-rank-missing").params.correct).toBe(correct);
    },
  );
});

describe("6. Samlet names differ from the sheet headers", () => {
  test("Samlet!B10 «Generisk datadelingstjeneste» is «Generiske datadelingstjenester» at DHO!C2", () => {
    expect(one("Samlet!B10", "summary-name").params).toEqual({
      name: "Generisk datadelingstjeneste",
      measure: "Generiske datadelingstjenester",
      measureCell: "DHO!C2",
    });
  });
  test("Samlet!B8 «Digitale behandlings- og egenbehandlingsplaner» is «Implementering av DBEP» at DBEP!C2", () => {
    expect(one("Samlet!B8", "summary-name").params).toEqual({
      name: "Digitale behandlings- og egenbehandlingsplaner",
      measure: "Implementering av DBEP",
      measureCell: "DBEP!C2",
    });
  });
  test("every Samlet row is matched to its measure (no summary-unmatched)", () => {
    expect(all.filter((f) => f.code === "summary-unmatched")).toEqual([]);
  });
});

describe("7. DBEP and legevakt/ØHD have equal totals (54.5/3); Samlet shows 6 and 7", () => {
  test("both tie at 6 in the assessment", () => {
    for (const id of ["dbep", "dok.legevakt"]) {
      const m = resultFor(read, id);
      expect(m).toMatchObject({ rank: 6, tied: true });
      expectWithin(m.total, 54.5 / 3);
    }
    expect(resultFor(read, "hjelpenummer").rank).toBe(8);
  });
  test("summary-tie at Samlet!D8:D9 with the shown ranks 6 and 7 and the shared rank 6", () => {
    const f = one("Samlet!D8:D9", "summary-tie");
    expect(f.params).toMatchObject({
      names: ["Digitale behandlings- og egenbehandlingsplaner", "Dokumentdeling i legevakt/ØHD"],
      shown: ["6", "7"],
      rank: 6,
    });
    expectWithin(f.params.total as number, 54.5 / 3);
  });
  test("the tie is not also reported as a wrong rank at D9", () => {
    expect(at("Samlet!D9", "summary-rank")).toEqual([]);
  });
  test("a tie finding of the assessment names both", () => {
    const ties = a.findings.filter((f) => f.code === "tie");
    expect(ties).toHaveLength(1);
    expect(ties[0].params.rank).toBe(6);
  });
});

describe("Samlet ranks that are wrong besides the tie (they follow from the missing and the stale)", () => {
  const cases = fixture.samlet
    .map((row, i) => ({ row, cell: `Samlet!D${i + 3}`, m: fixture.measures.find((m) => m.samletName === row.name)! }))
    .filter(({ row, m }) => !(m.expected.tied && row.rank >= m.expected.rank! && row.rank < m.expected.rank! + 2));
  test.each(cases.map((c) => [c.cell, c.row.name, c.row.rank, c.m.expected.rank] as const))("%s %s: shown %p, correct %p", (cell, _name, shown, correct) => {
    const found = at(cell, "summary-rank");
    if (shown === correct) expect(found).toEqual([]);
    else {
      expect(found).toHaveLength(1);
      expect(found[0].params).toMatchObject({ shown, correct });
    }
  });
  test("Samlet's scores are the totals rounded to one decimal: no summary-score", () => {
    expect(all.filter((f) => f.code === "summary-score")).toEqual([]);
  });
  test.each([
    ["hjelpenummer", "'Felles hjelpenummer'!C2"],
    ["dok.utenfor", "Dokumentdeling!H2"],
  ])("%s has a total but is not in Samlet: summary-missing at %s", (id, cell) => {
    expect(one(cell, "summary-missing").params).toMatchObject({ rank: resultFor(read, id).rank });
  });
});

test("8. Samlet holds typed copies: summary-typed at Samlet!C3:C13", () => {
  expect(one("Samlet!C3:C13", "summary-typed").params).toEqual({ sheet: "Samlet", count: 11 });
});

test("the reader places every row of every sheet (no unmatched, missing or duplicate rows, no unnamed columns)", () => {
  const reader = ["unmatched-row", "missing-row", "duplicate-row", "unnamed-measure"];
  expect(all.filter((f) => reader.includes(f.code))).toEqual([]);
});

test("every finding of a measure carries a cell", () => {
  for (const f of all) expect(typeof f.cell).toBe("string");
});

test("ranges stay Excel addresses when the summary sheet's name needs quotes or holds «!»", async () => {
  const { readXlsx } = await import("../../src/cli/xlsx");
  const { readWorkbook } = await import("../../src/grid/workbook");
  const { MEETING_XLSX } = await import("../support/meeting");
  const grids = (await readXlsx(MEETING_XLSX)).grids.map((g) => (g.name === "Samlet" ? { ...g, name: "Samlet! 2022" } : g));
  const r = readWorkbook(grids);
  if (r.kind !== "legacy") throw new Error(r.kind);
  const cells = allFindings(r.assessment).map((f) => [f.code, f.cell]);
  expect(cells).toContainEqual(["summary-tie", "'Samlet! 2022'!D8:D9"]);
  expect(cells).toContainEqual(["summary-typed", "'Samlet! 2022'!C3:C13"]);
});
