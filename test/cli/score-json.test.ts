/**
 * `prio score <file.xlsx> --json` prints one JSON object: measures with id, name, sheet, score
 * (number or null), rank (integer or null), tied, complete, groups, findings (code, severity,
 * cell, message); and the workbook-level findings.
 */
import { cellOf, fixture, MEETING_XLSX } from "../support/meeting";
import { run } from "../support/cli";

interface JsonFinding {
  code: string;
  severity: string;
  cell: string | null;
  message: string;
}
interface JsonMeasure {
  id: string;
  name: string;
  sheet: string;
  score: number | null;
  rank: number | null;
  tied: boolean;
  complete: boolean;
  groups: Record<string, number | null>;
  findings: JsonFinding[];
}

let out: { measures: JsonMeasure[]; findings: JsonFinding[] };
let outEn: { measures: JsonMeasure[]; findings: JsonFinding[] };
beforeAll(async () => {
  const r = await run(["score", MEETING_XLSX, "--json"]);
  expect([r.code, r.err]).toEqual([0, ""]);
  out = JSON.parse(r.out);
  const e = await run(["score", "--json", "--lang", "en", MEETING_XLSX]);
  outEn = JSON.parse(e.out);
});

const find = (m: (typeof fixture.measures)[number]) => {
  const found = out.measures.filter((x) => x.sheet === m.sheet && (x.name === m.header || x.name === `${m.sheet}: ${m.header}`));
  expect(found).toHaveLength(1);
  return found[0];
};

test("one object with 14 measures and the workbook's findings", () => {
  expect(Object.keys(out).sort()).toEqual(["findings", "measures"]);
  expect(out.measures).toHaveLength(14);
  expect(out.findings.map((f) => [f.code, f.cell])).toEqual(
    expect.arrayContaining([
      ["summary-tie", "Samlet!D8:D9"],
      ["summary-typed", "Samlet!C3:C13"],
      ["tie", "DBEP!C2"],
    ]),
  );
});

test("every measure has the fields of the issue, with the right types", () => {
  for (const m of out.measures) {
    expect(typeof m.id).toBe("string");
    expect(typeof m.name).toBe("string");
    expect(typeof m.sheet).toBe("string");
    expect(m.score === null || Number.isFinite(m.score)).toBe(true);
    expect(m.rank === null || Number.isInteger(m.rank)).toBe(true);
    expect(typeof m.tied).toBe("boolean");
    expect(typeof m.complete).toBe("boolean");
    expect(Object.keys(m.groups)).toEqual(["Måloppnåelse", "Kostnader", "Nytte", "Pasient", "Helsepersonell"]);
    for (const v of Object.values(m.groups)) expect(v === null || Number.isFinite(v)).toBe(true);
    for (const f of [...m.findings, ...out.findings]) {
      expect(Object.keys(f).sort()).toEqual(["cell", "code", "message", "severity"]);
      expect(["error", "warning", "info"]).toContain(f.severity);
      expect(f.message).not.toMatch(/undefined|NaN|Infinity|\{\w+\}/);
    }
  }
});

test("ids are unique", () => {
  expect(new Set(out.measures.map((m) => m.id)).size).toBe(14);
});

test.each(fixture.measures.map((m) => [m.id, m] as const))("%s: score, rank, tied, complete and groups as expected", (_id, m) => {
  const j = find(m);
  if (m.expected.score === null) expect(j.score).toBeNull();
  else expect(Math.abs(j.score! - m.expected.score)).toBeLessThanOrEqual(1e-9);
  expect(j.rank).toBe(m.expected.rank);
  expect(j.tied).toBe(m.expected.tied ?? false);
  expect(j.complete).toBe(m.expected.complete);
  const g = { Måloppnåelse: m.expected.maal, Kostnader: m.expected.kost, Nytte: m.expected.nytte, Pasient: m.expected.pasient, Helsepersonell: m.expected.helsepersonell };
  for (const [label, v] of Object.entries(g)) {
    if (v === null) expect(j.groups[label]).toBeNull();
    else expect(Math.abs(j.groups[label]! - v)).toBeLessThanOrEqual(1e-9);
  }
});

test("ranked first, in rank order; the measure without a total last", () => {
  expect(out.measures.map((m) => m.rank)).toEqual([1, 2, 3, 4, 5, 6, 6, 8, 9, 10, 11, 12, 13, null]);
});

test("findings of a measure carry Excel's cell form", () => {
  const ki = find(fixture.measures.find((m) => m.id === "ki.andre")!);
  expect(ki.findings.find((f) => f.code === "cell-text")).toMatchObject({ severity: "error", cell: "'Kritisk info'!F9" });
  const dbep = find(fixture.measures.find((m) => m.id === "dbep")!);
  expect(dbep.findings.find((f) => f.code === "legacy-rank-stale")).toMatchObject({ cell: cellOf("dbep", "rank") });
  const andre = find(fixture.measures.find((m) => m.id === "dok.andre")!);
  expect(andre.findings.find((f) => f.code === "no-total")!.message).toContain("Nytte");
});

test("--lang en: the same numbers, English labels and messages", () => {
  expect(outEn.measures.map((m) => [m.id, m.score, m.rank, m.tied])).toEqual(out.measures.map((m) => [m.id, m.score, m.rank, m.tied]));
  expect(Object.keys(outEn.measures[0].groups)).toEqual(["Goal attainment", "Costs (complexity)", "Benefit", "Patient", "Health personnel"]);
  expect(outEn.findings.find((f) => f.code === "tie")!.message).toMatch(/18\.2/);
});
