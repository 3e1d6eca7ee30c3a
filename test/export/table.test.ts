/**
 * The ranked list as the exports show it: the meeting of 21 September 2022 in the secretariat's
 * columns (rank with «6=», «Tema: tiltak», score to one decimal in the locale), the cut into a
 * minimum and a plus list, the segment filter, and the CSV/TSV/HTML renderings with exact text.
 */
import { assess } from "../../src/core/assess";
import { place, type Placement } from "../../src/core/checklist";
import { defaultModel, leaves } from "../../src/core/model";
import { exportTable, fullName, segmentCounts } from "../../src/export/rows";
import { BOM, csvField, toCsv, toHtml, toTsv } from "../../src/export/table-text";
import type { WorkbookRead } from "../../src/grid/workbook";
import { readMeeting } from "../support/meeting";

let meeting: Extract<WorkbookRead, { kind: "legacy" }>;
beforeAll(async () => {
  const read = await readMeeting();
  if (read.kind !== "legacy") throw new Error("the meeting fixture is the legacy layout");
  meeting = read;
});

const MEETING_ROWS = [
  ["1", "Legemidler: PLL", "22,8"],
  ["2", "Dokumentdeling: Spesialisthelsetjenesten", "20,8"],
  ["3", "Kritisk info: Spesialisthelsetjenesten", "19,8"],
  ["4", "Kritisk info: Fastleger og avtalespesialister", "19,1"],
  ["5", "Kritisk info: Kommunal helse- og omsorg", "18,3"],
  ["6=", "Implementering av DBEP", "18,2"],
  ["6=", "Dokumentdeling: Legevakt/ØHD", "18,2"],
  ["8", "Felles hjelpenummer", "16,1"],
  ["9", "DHO: Generiske datadelingstjenester", "15,8"],
  ["10", "Dokumentdeling: Fastleger", "15,2"],
  ["11", "Dokumentdeling: Andre kommunal helse-omsorg", "14,8"],
  ["12", "Kritisk info: Andre helseaktører", "13,0"],
  ["13", "Dokumentdeling: Dokumenter utenfor kjernejournal", "12,3"],
];

describe("the meeting of 21 September 2022", () => {
  test("ranked rows: Prioriteringsnummer with 6= for the tie, the full name, the score in bokmål", () => {
    const t = exportTable({ assessment: meeting.assessment }, "nb");
    expect(t.ranked.map((r) => [r.rank, r.name, r.score])).toEqual(MEETING_ROWS);
    expect(t.ranked[0].groups).toEqual(["9,00", "6,25", "7,50"]);
    expect(t.groupLabels).toEqual(["Måloppnåelse", "Kostnader", "Nytte"]);
  });
  test("the measure without a total comes after, with the reason", () => {
    const t = exportTable({ assessment: meeting.assessment }, "nb");
    expect(t.unranked.map((r) => [r.rank, r.name, r.score, r.reason])).toEqual([
      [
        "–",
        "Dokumentdeling: Andre helseaktører/tjenester",
        "–",
        "Dokumentdeling: Andre helseaktører/tjenester har ingen total fordi Nytte ikke har noen score. Fyll inn minst én score under Nytte.",
      ],
    ]);
  });
  test("English: 22.8", () => {
    const t = exportTable({ assessment: meeting.assessment }, "en");
    expect(t.ranked[0].score).toBe("22.8");
    expect(t.groupLabels).toEqual(["Goal attainment", "Costs (complexity)", "Benefit"]);
  });
  test("top 6: both measures sharing place 6 are on the minimum list; the rest is the plus list", () => {
    const t = exportTable({ assessment: meeting.assessment }, "nb", { top: 6 });
    expect(t.ranked.map((r) => r.list)).toEqual([...Array(7).fill("minimum"), ...Array(6).fill("plus")]);
    expect(exportTable({ assessment: meeting.assessment }, "nb", { top: 5 }).ranked.filter((r) => r.list === "minimum")).toHaveLength(5);
    expect(t.unranked[0].list).toBeNull();
  });
});

describe("fullName", () => {
  test.each([
    [{ name: "PLL", theme: "Legemidler" }, "Legemidler: PLL"],
    [{ name: "Dokumentdeling: Fastleger", theme: "Dokumentdeling" }, "Dokumentdeling: Fastleger"],
    [{ name: "Implementering av DBEP", theme: "DBEP" }, "Implementering av DBEP"],
    [{ name: "FRESK", theme: "" }, "FRESK"],
    [{ name: "FRESK" }, "FRESK"],
  ])("%j → %s", (m, expected) => expect(fullName(m)).toBe(expected));
});

/** Three measures, two tied, one without a total; a checklist: Samstyre, Ut, and one without a row. */
function small() {
  const model = defaultModel();
  const ids = leaves(model).map((l) => l.id);
  const all = (v: number | null, name: string, id: string, theme = "") => ({
    id,
    name,
    theme,
    scores: Object.fromEntries(ids.map((leaf) => [leaf, v === null && leaf.startsWith("nytte") ? undefined : { value: v ?? 5 }])),
  });
  const assessment = assess(model, [all(7, "Alfa; «beta»", "T1", "Tema"), all(8, 'Gamma "g"', "T2"), all(7, "Delta\nny linje", "T3"), all(null, "Epsilon", "T4")]);
  const placements = new Map<string, Placement>([
    ["T1", place({ digitaliseringVesentlig: true, flereAktorer: true, gjenbrukEllerDeling: true, samstyre: true })],
    ["T2", place({ digitaliseringVesentlig: false })],
    ["T3", place({ digitaliseringVesentlig: true, flereAktorer: true, gjenbrukEllerDeling: true, samstyre: false, koordinere: false, inspirere: false })],
  ]);
  return { assessment, placements };
}

describe("CSV, TSV and HTML", () => {
  test("CSV in bokmål: BOM, semicolons, quoting of ; \" and line breaks, blank for no value, CRLF", () => {
    const csv = toCsv(exportTable(small(), "nb"));
    expect(csv.startsWith(BOM)).toBe(true);
    expect(csv.slice(1).split("\r\n")).toEqual([
      "Prioriteringsnummer;Tiltak;Score;Måloppnåelse;Kostnader;Nytte;Segment;Merknad",
      '1;"Gamma ""g""";24,0;8,00;8,00;8,00;Ut;',
      '2=;"Tema: Alfa; «beta»";21,0;7,00;7,00;7,00;Samstyre;',
      '2=;"Delta\nny linje";21,0;7,00;7,00;7,00;Observere;',
      ";Epsilon;;5,00;5,00;;ikke vurdert;Epsilon har ingen total fordi Nytte ikke har noen score. Fyll inn minst én score under Nytte.",
      "",
    ]);
  });
  test("CSV in English: commas, so a decimal point and a comma-free field need no quotes", () => {
    const csv = toCsv(exportTable(small(), "en", { top: 1 }));
    const lines = csv.slice(1).split("\r\n");
    expect(lines[0]).toBe("Priority,Measure,Score,Goal attainment,Costs (complexity),Benefit,Segment,List,Note");
    expect(lines[1]).toBe('1,"Gamma ""g""",24.0,8.00,8.00,8.00,Out,Minimum list,');
    expect(lines[2]).toBe("2=,Tema: Alfa; «beta»,21.0,7.00,7.00,7.00,Samstyre,Plus list,");
    expect(lines[4]).toBe(",Epsilon,,5.00,5.00,,not assessed,,Epsilon has no total because Benefit has no scores. Fill in at least one score under Benefit.");
  });
  test("csvField quotes exactly when needed", () => {
    expect(csvField("a", ";")).toBe("a");
    expect(csvField("a;b", ";")).toBe('"a;b"');
    expect(csvField("a,b", ";")).toBe("a,b");
    expect(csvField("a,b", ",")).toBe('"a,b"');
    expect(csvField(' a', ";")).toBe('" a"');
    expect(csvField('say "hi"', ";")).toBe('"say ""hi"""');
  });
  test("TSV: one line per row, tabs between cells, line breaks inside a cell become spaces, «–» for no value", () => {
    const lines = toTsv(exportTable(small(), "nb")).split("\n");
    expect(lines).toHaveLength(5);
    expect(lines[3]).toBe("2=\tDelta ny linje\t21,0\t7,00\t7,00\t7,00\tObservere\t");
    expect(lines[4].split("\t").slice(0, 3)).toEqual(["–", "Epsilon", "–"]);
  });
  test("HTML: a table with a header row and one row per measure, text escaped", () => {
    const html = toHtml(exportTable(small(), "nb"));
    expect(html.match(/<tr>/g)).toHaveLength(5);
    expect(html.match(/<th /g)).toHaveLength(8);
    expect(html).toContain(">Gamma &quot;g&quot;</td>");
    expect(html).toContain(">Tema: Alfa; «beta»</td>");
    expect(html).not.toContain("<script");
  });
  test("filter: one segment, or hide Ut; the ranks stay the assessment's", () => {
    const s = small();
    expect(exportTable(s, "nb", { segment: "Samstyre" }).ranked.map((r) => [r.rank, r.name])).toEqual([["2=", "Tema: Alfa; «beta»"]]);
    expect(exportTable(s, "nb", { hideUt: true }).ranked.map((r) => r.rank)).toEqual(["2=", "2="]);
    expect(exportTable(s, "nb", { segment: "ikke-vurdert" }).unranked.map((r) => r.name)).toEqual(["Epsilon"]);
    // The cut counts places among the shown measures.
    expect(exportTable(s, "nb", { hideUt: true, top: 1 }).ranked.map((r) => r.list)).toEqual(["minimum", "minimum"]);
  });
  test("segment counts over the assessment's measures, in the secretariat's order", () => {
    expect(segmentCounts(small())).toEqual([
      { key: "Samstyre", count: 1 },
      { key: "Koordinere", count: 0 },
      { key: "Observere", count: 1 },
      { key: "Inspirere", count: 0 },
      { key: "ut", count: 1 },
      { key: "ikke-vurdert", count: 1 },
    ]);
  });
});
