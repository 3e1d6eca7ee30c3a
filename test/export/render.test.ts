/**
 * The decks opened by a real program: LibreOffice converts each to PDF once (slow, so one deck
 * per fixture and the assertions share it); pdftotext reads the Rangert liste back, and pdftoppm
 * renders every slide to test-results/slides/ to be looked at. Every measure appears exactly
 * once in the ranked list, in rank order, with its score in the locale's format and «6=» for the
 * meeting's tie; no text crosses into the footer (no row cut off by the slide's edge).
 */
import { execFileSync } from "child_process";
import { promises as fs } from "fs";
import * as path from "path";
import { exportTable } from "../../src/export/rows";
import { rankLabel } from "../../src/core/assess";
import { DEFAULT_UNCERTAINTY, simulate, uncertaintyInput } from "../../src/core/uncertainty";
import { acceptabilityTable } from "../../src/export/acceptability";
import { readMeeting } from "../support/meeting";
import { readWorkbook } from "../../src/grid/workbook";
import { readXlsx } from "../../src/cli/xlsx";
import { BUILD_TIMEOUT } from "../support/cli";
import { makeDecks, unzip, UTVALG_XLSX, type Decks } from "./support";

const SHOTS = path.resolve(__dirname, "../../test-results/slides");

interface Rendered {
  pages: string[];
  words: { page: number; text: string; yMin: number; yMax: number }[];
  pngs: string[];
}

/** pptx → pdf (own LibreOffice profile, so parallel runs do not collide) → text per page, words with boxes, PNGs. */
async function render(pptx: string, name: string): Promise<Rendered> {
  const dir = path.dirname(pptx);
  const profile = `file://${path.join(dir, `lo-profile-${name}`)}`;
  execFileSync("libreoffice", [`-env:UserInstallation=${profile}`, "--headless", "--convert-to", "pdf", "--outdir", dir, pptx], { timeout: 120_000, stdio: "pipe" });
  const pdf = pptx.replace(/\.pptx$/, ".pdf");
  const text = execFileSync("pdftotext", ["-layout", pdf, "-"], { encoding: "utf8" });
  const bbox = execFileSync("pdftotext", ["-bbox", pdf, "-"], { encoding: "utf8" });
  const words: Rendered["words"] = [];
  bbox.split("<page ").slice(1).forEach((page, i) => {
    for (const m of page.matchAll(/<word xMin="[\d.]+" yMin="([\d.]+)" xMax="[\d.]+" yMax="([\d.]+)">([^<]*)<\/word>/g)) {
      words.push({ page: i, text: m[3].replace(/&amp;/g, "&").replace(/&lt;/g, "<").replace(/&gt;/g, ">"), yMin: Number(m[1]), yMax: Number(m[2]) });
    }
  });
  await fs.mkdir(SHOTS, { recursive: true });
  const prefix = path.join(SHOTS, name);
  for (const f of await fs.readdir(SHOTS)) if (f.startsWith(`${name}-`)) await fs.rm(path.join(SHOTS, f));
  execFileSync("pdftoppm", ["-png", "-r", "60", pdf, prefix]);
  const pngs = (await fs.readdir(SHOTS)).filter((f) => f.startsWith(`${name}-`) && f.endsWith(".png")).sort();
  return { pages: text.split("\f").filter((p, i, all) => i < all.length - 1 || p.trim() !== ""), words, pngs };
}

/** The rows of the Rangert liste pages: rank, name (wrapped lines joined), score. */
function rankedRows(pages: string[]): { rank: string; name: string; score: string }[] {
  const rows: { rank: string; name: string; score: string }[] = [];
  for (const page of pages) {
    const lines = page.split("\n");
    if (!/^\s*Rangert liste( \(forts\.\))?[\s·]*$/.test(lines.find((l) => l.trim() !== "") ?? "")) continue;
    const header = lines.findIndex((l) => /Prioriteringsnummer\s+Tiltak\s+Score/.test(l));
    for (const raw of lines.slice(header + 1)) {
      if (/^\s*Prioritering av tiltak · \d/.test(raw)) break; // the footer
      // pdftotext marks some line ends with «·» that is not on the slide.
      const line = raw.replace(/·+\s*$/, "");
      const m = /^\s*(\d+=?)\s{2,}(.+?)\s{2,}(\d+,\d)\s{2,}\d+,\d\d\s/.exec(line);
      if (m) rows.push({ rank: m[1], name: m[2].trim(), score: m[3] });
      else if (line.trim() !== "" && !/^\s*(Minimumsliste|Pluss-liste|Utenfor rammen)/.test(line.trim()) && rows.length) rows[rows.length - 1].name += ` ${line.trim()}`;
    }
  }
  return rows;
}

/** Page count of a deck: its slide parts. */
async function slideCount(pptx: string): Promise<number> {
  const zip = await unzip(await fs.readFile(pptx));
  return Object.keys(zip.files).filter((f) => /^ppt\/slides\/slide\d+\.xml$/.test(f)).length;
}

function footerIsAlone(r: Rendered, footer: string): void {
  // Everything below 7.0 in (504 pt) is the footer line: its words and the slide number.
  const allowed = new Set([...footer.split(" "), ...r.pages.map((_, i) => String(i + 1))]);
  const below = r.words.filter((w) => w.yMax > 500);
  for (const w of below) expect({ page: w.page + 1, word: w.text, footer: allowed.has(w.text) && w.yMin > 505 }).toEqual({ page: w.page + 1, word: w.text, footer: true });
}

let decks: Decks;
let meeting: Rendered;
let sixty: Rendered;
let utvalg: Rendered;
beforeAll(async () => {
  decks = await makeDecks();
  meeting = await render(decks.meeting, "meeting");
  sixty = await render(decks.sixty, "sixty");
  utvalg = await render(decks.utvalg, "utvalg");
}, BUILD_TIMEOUT + 240_000);
afterAll(() => decks?.cleanup());

describe("the meeting of 21 September 2022", () => {
  test("the ranked list: every measure once, in rank order, 6= for the tie, scores with a decimal comma", () => {
    expect(rankedRows(meeting.pages)).toEqual([
      { rank: "1", name: "Legemidler: PLL", score: "22,8" },
      { rank: "2", name: "Dokumentdeling: Spesialisthelsetjenesten", score: "20,8" },
      { rank: "3", name: "Kritisk info: Spesialisthelsetjenesten", score: "19,8" },
      { rank: "4", name: "Kritisk info: Fastleger og avtalespesialister", score: "19,1" },
      { rank: "5", name: "Kritisk info: Kommunal helse- og omsorg", score: "18,3" },
      { rank: "6=", name: "Implementering av DBEP", score: "18,2" },
      { rank: "6=", name: "Dokumentdeling: Legevakt/ØHD", score: "18,2" },
      { rank: "8", name: "Felles hjelpenummer", score: "16,1" },
      { rank: "9", name: "DHO: Generiske datadelingstjenester", score: "15,8" },
      { rank: "10", name: "Dokumentdeling: Fastleger", score: "15,2" },
      { rank: "11", name: "Dokumentdeling: Andre kommunal helse-omsorg", score: "14,8" },
      { rank: "12", name: "Kritisk info: Andre helseaktører", score: "13,0" },
      { rank: "13", name: "Dokumentdeling: Dokumenter utenfor kjernejournal", score: "12,3" },
    ]);
  });
  test("title, minimum and plus list, the measure without a total, the chart and data quality are there", () => {
    const all = meeting.pages.join("\n");
    expect(meeting.pages[0]).toContain("Prioritering av tiltak");
    expect(meeting.pages[0]).toContain("Nasjonalt e-helseråd 21.09.2022");
    expect(meeting.pages[1]).toMatch(/Minimumsliste – de 6 øverste[\s\S]*Pluss-liste – innenfor kostnadsrammen/);
    expect(meeting.pages[1]).toContain("Minimumslisten har 7 tiltak fordi tiltak med lik score deler plass 6.");
    expect(all).toMatch(/Tiltak uten total[\s\S]*Dokumentdeling: Andre helseaktører\/tjenester/);
    expect(all).toContain("Score fordelt på grupper");
    expect(all).toMatch(/Datakvalitet[\s\S]*Feil\s+1[\s\S]*Advarsel\s+29[\s\S]*Merknad\s+5/);
    expect(all).toContain("Kritisk info!F9");
  });
  test("the rank acceptability slide: every ranked measure in rank order with the probability of each place printed, as the seeded Monte Carlo gives it", async () => {
    const read = await readMeeting();
    if (read.kind === "none") throw new Error("the meeting fixture has measures");
    const expected = acceptabilityTable(simulate(uncertaintyInput(read.assessment), DEFAULT_UNCERTAINTY), read.assessment, "nb");
    const pages = meeting.pages.filter((p) => /^\s*Hvor sikker er rangeringen/.test(p));
    expect(pages).toHaveLength(1);
    const page = pages[0].replace(/\u00a0/g, " ");
    // The settings the draws were made with, and 10 000 grouped as bokmål groups it (the page's no-break spaces read as spaces).
    expect(page).toMatch(/Sannsynlighet for hver plass i 10 000 trekk; vekter: hver vekt ±20 %; scorer: hver score ±1 på skalaen · mørkere = mer sannsynlig/);
    // 13 ranked measures: places 1–11, then 12–13 together (at most 12 place columns on a slide).
    expect(expected.places).toEqual(["1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "11", "12–13"]);
    expect(page).toMatch(/Nr\.\s+Tiltak\s+1\s+2\s+3\s+4\s+5\s+6\s+7\s+8\s+9\s+10\s+11\s+12–13/);
    expect(expected.rows).toHaveLength(13);
    // Each row: rank, name, then the percentages in place order, on one line of the page, rows in rank order.
    const pct = (t: string) => t.replace(/\s/g, "");
    const at: number[] = [];
    for (const r of expected.rows) {
      const line = page.split("\n").find((l) => l.includes(r.name.slice(0, 18)) && new RegExp(`^\\s*${r.rank}\\s`).test(l));
      expect({ name: r.name, line: line !== undefined }).toEqual({ name: r.name, line: true });
      expect((line!.match(/<?\d+ ?%/g) ?? []).map(pct)).toEqual(r.cells.map((c) => pct(c.text)));
      at.push(page.indexOf(line!));
    }
    expect(at).toEqual([...at].sort((a, b) => a - b));
    // Rows of a probability table: each sums to 100 % (before rounding).
    for (const r of expected.rows) expect(r.cells.reduce((s, c) => s + c.p, 0)).toBeCloseTo(1, 9);
  });
  test("every slide rendered to a PNG; nothing crosses into the footer", async () => {
    expect(meeting.pngs).toHaveLength(await slideCount(decks.meeting));
    footerIsAlone(meeting, "Prioritering av tiltak · 21.09.2022");
  });
});

describe("60 measures with a checklist", () => {
  test("the ranked list over several slides: every ranked measure once, in rank order, as the assessment has them", async () => {
    const read = readWorkbook((await readXlsx(decks.sixtyXlsx)).grids);
    if (read.kind !== "addin") throw new Error("the add-in layout");
    const t = exportTable({ assessment: read.assessment, placements: read.checklist?.placements }, "nb");
    const rows = rankedRows(sixty.pages);
    // LibreOffice may break a line after a hyphen («API-» / «management»): compare without a space after «-».
    const joined = (name: string) => name.replace(/- /g, "-");
    expect(rows.map((r) => ({ ...r, name: joined(r.name) }))).toEqual(t.ranked.map((r) => ({ rank: r.rank, name: joined(r.name), score: r.score })));
    expect(rows).toHaveLength(59);
    // Independent of the export code: ranks never fall, scores never rise, and the forced tie shows.
    const scores = rows.map((r) => Number(r.score.replace(",", ".")));
    for (let i = 1; i < scores.length; i++) expect(scores[i]).toBeLessThanOrEqual(scores[i - 1]);
    const tied = decks.measures.slice(9, 11).map((m) => rows.find((r) => joined(r.name).endsWith(joined(m.name)))!);
    expect(tied[0].rank).toMatch(/=$/);
    expect(tied[0].rank).toBe(tied[1].rank);
    const names = new Set(rows.map((r) => r.name));
    expect(names.size).toBe(59);
  });
  test("continued slides say «(forts.)» and repeat the header", () => {
    const ranked = sixty.pages.filter((p) => /^\s*Rangert liste( \(forts\.\))?[\s·]*\n/.test(p));
    expect(ranked.length).toBeGreaterThan(2);
    for (const p of ranked.slice(1)) {
      expect(p).toMatch(/^\s*Rangert liste \(forts\.\)/);
      expect(p).toMatch(/Prioriteringsnummer\s+Tiltak\s+Score\s+Måloppnåelse\s+Kostnader\s+Nytte/);
    }
  });
  test("segments: the counts and the ranked list per segment", () => {
    const all = sixty.pages.join("\n");
    expect(all).toMatch(/Tiltak per segment[\s\S]*Samstyre\s+30[\s\S]*Koordinere\s+11[\s\S]*Observere\s+6[\s\S]*Inspirere\s+8[\s\S]*Ut\s+0[\s\S]*ikke vurdert\s+5/);
    expect(all).toContain("Rangert liste – Samstyre");
    expect(all).toContain("Rangert liste – Inspirere");
  });
  test("every slide rendered to a PNG; nothing crosses into the footer", async () => {
    expect(sixty.pngs).toHaveLength(await slideCount(decks.sixty));
    footerIsAlone(sixty, "Prioritering av tiltak · 21.09.2022");
  });
});

/** The Rangert liste rows of the utvalg deck, each with the section (list) it stands under. */
function rowsBySection(pages: string[]): { section: string; rank: string; name: string }[] {
  const out: { section: string; rank: string; name: string }[] = [];
  let section = "";
  for (const page of pages) {
    const lines = page.split("\n");
    if (!/^\s*Rangert liste( \(forts\.\))?[\s·]*$/.test(lines.find((l) => l.trim() !== "") ?? "")) continue;
    const header = lines.findIndex((l) => /Prioriteringsnummer\s+Tiltak\s+Score/.test(l));
    for (const raw of lines.slice(header + 1)) {
      if (/^\s*Prioritering av tiltak · \d/.test(raw)) break;
      const line = raw.replace(/·+\s*$/, "");
      const s = /^\s*(Minimumsliste|Pluss-liste|Utenfor rammen)/.exec(line);
      if (s) {
        section = s[1];
        continue;
      }
      const m = /^\s*(\d+=?)\s{2,}(.+?)\s{2,}(\d+,\d)\s{2,}\d+,\d\d\s/.exec(line);
      if (m) out.push({ section, rank: m[1], name: m[2].trim() });
      else if (line.trim() !== "" && out.length) out[out.length - 1].name += ` ${line.trim()}`;
    }
  }
  return out;
}

describe("examples/utvalg.xlsx: the budget frame's exact selection splits the list", () => {
  // The lists test/cli/select-example.test.ts checks by hand.
  const MINIMUM = ["T001", "T004", "T005", "T008", "T009", "T013", "T016", "T017", "T018"];
  const PLUS = ["T002", "T006", "T007", "T010", "T011", "T014", "T019", "T020", "T024"];

  test("the minimum list, the plus list and the measures outside the frame, each in rank order under the rule that made it (not --top 5)", async () => {
    const read = readWorkbook((await readXlsx(UTVALG_XLSX)).grids);
    if (read.kind !== "addin") throw new Error("the add-in layout");
    const all = utvalg.pages.join("\n");
    expect(all).toContain("Minimumsliste – best samlet score innenfor minimumsrammen på 100 MNOK");
    expect(all).toContain("Pluss-liste – det budsjettrammen på 240 MNOK gir i tillegg");
    expect(all).toContain("Utenfor rammen");
    expect(all).toMatch(/Delt etter eksakt utvalg innenfor rammene \(Modell\): minimum 9 tiltak, 100 MNOK · pluss 9 tiltak, 140 MNOK/);
    expect(all).not.toContain("de 5 øverste");
    const rows = rowsBySection(utvalg.pages);
    expect(rows).toHaveLength(30);
    const idOf = (name: string) => read.assessment.measures.find((m) => name.replace(/- /g, "-").endsWith(m.name.replace(/- /g, "-")))!.id;
    const section = (s: string) => rows.filter((r) => r.section === s);
    expect(section("Minimumsliste").map((r) => idOf(r.name)).sort()).toEqual(MINIMUM);
    expect(section("Pluss-liste").map((r) => idOf(r.name)).sort()).toEqual(PLUS);
    expect(section("Utenfor rammen")).toHaveLength(12);
    // Each list in rank order, ranks as in the assessment.
    for (const s of ["Minimumsliste", "Pluss-liste", "Utenfor rammen"]) {
      const ranks = section(s).map((r) => Number(r.rank.replace("=", "")));
      expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
      for (const r of section(s)) expect(r.rank).toBe(rankLabel(read.assessment.measures.find((m) => m.id === idOf(r.name))!));
    }
  });
  test("every slide rendered to a PNG; nothing crosses into the footer", async () => {
    expect(utvalg.pngs).toHaveLength(await slideCount(decks.utvalg));
    footerIsAlone(utvalg, "Prioritering av tiltak · 21.09.2022");
  });
});
