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
import { exportTable, type ExportInput, type ExportRow, type ExportTable } from "../../src/export/rows";
import { BODY_PT, METRICS, chartPages, rankedColumns } from "../../src/export/deck";
import { SAFETY, wrapLines } from "../../src/export/paginate";
import { deckSafe } from "../../src/export/sanitize";
import { rankLabel } from "../../src/core/assess";
import { DEFAULT_UNCERTAINTY, simulate, uncertaintyInput } from "../../src/core/uncertainty";
import { acceptabilityTable } from "../../src/export/acceptability";
import { readMeeting } from "../support/meeting";
import { readWorkbook } from "../../src/grid/workbook";
import { readXlsx } from "../../src/cli/xlsx";
import { BUILD_TIMEOUT } from "../support/cli";
import { CONTROL_NAME, makeDecks, unzip, UTVALG_XLSX, type Decks } from "./support";
import { decisionText } from "../support/decision-text";

const SHOTS = path.resolve(__dirname, "../../test-results/slides");

interface Rendered {
  pages: string[];
  words: { page: number; text: string; yMin: number; yMax: number }[];
  pngs: string[];
}

/**
 * pptx → pdf, every deck in one LibreOffice run (its own profile, so parallel runs do not collide;
 * one start instead of one per deck): each deck beside its pptx.
 */
function convertAll(pptxs: string[]): void {
  for (const dir of new Set(pptxs.map((p) => path.dirname(p)))) {
    const here = pptxs.filter((p) => path.dirname(p) === dir);
    const profile = `file://${path.join(dir, "lo-profile")}`;
    execFileSync("libreoffice", [`-env:UserInstallation=${profile}`, "--headless", "--convert-to", "pdf", "--outdir", dir, ...here], { timeout: 240_000, stdio: "pipe" });
  }
}

/** A converted deck (`convertAll`) → text per page, words with boxes, PNGs. */
async function render(pptx: string, name: string): Promise<Rendered> {
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
    if (!/^\s*Rangert liste( \(\d+ av \d+\))?[\s·]*$/.test(lines.find((l) => l.trim() !== "") ?? "")) continue;
    const header = lines.findIndex((l) => /Prioriteringsnummer\s+Tiltak\s+Score/.test(l));
    for (const raw of lines.slice(header + 1)) {
      if (/^\s*Prioritering av tiltak · \d/.test(raw)) break; // the footer
      // pdftotext marks some line ends with «·» that is not on the slide.
      const line = raw.replace(/·+\s*$/, "");
      const m = /^\s*(\d+=?)\s{2,}(.+?)\s{2,}(\d+,\d+)\s{2,}\d+,\d\d\s/.exec(line);
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

/** How many slides each heading takes (its numbered slides «(2 av 4)» counted with it), in deck order. */
function slidesPerHeading(r: Rendered): Record<string, number> {
  const out: Record<string, number> = {};
  for (const page of r.pages.slice(1)) {
    const heading = (page.split("\n").find((l) => l.trim() !== "") ?? "").replace(/[\s·]*$/, "").replace(/ \(\d+ (av|of) \d+\)$/, "").trim();
    out[heading] = (out[heading] ?? 0) + 1;
  }
  return out;
}

function footerIsAlone(r: Rendered, footer: string): void {
  // Everything below 7.0 in (504 pt) is the footer line: its words and the slide number.
  const allowed = new Set([...footer.split(" "), ...r.pages.map((_, i) => String(i + 1))]);
  const below = r.words.filter((w) => w.yMax > 500);
  for (const w of below) expect({ page: w.page + 1, word: w.text, footer: allowed.has(w.text) && w.yMin > 505 }).toEqual({ page: w.page + 1, word: w.text, footer: true });
}

/**
 * The rows of a ranked list (the whole list, or one segment's with «Nr. i segment» first) as
 * pdftotext lays them out: each row's name with its wrapped lines joined, and how many lines it took.
 */
function listRows(pages: string[], heading: string, bySegment: boolean): { rank: string; name: string; lines: number }[] {
  const rows: { rank: string; name: string; lines: number }[] = [];
  const title = new RegExp(`^\\s*${heading.replace(/[()]/g, "\\$&")}( \\(\\d+ av \\d+\\))?[\\s·]*$`);
  const row = bySegment ? /^\s*(?:\d+=?|–)\s{2,}(\d+=?)\s{2,}(.+?)\s{2,}(\d+,\d+)\s{2,}\d+,\d\d\s/ : /^\s*(\d+=?)\s{2,}(.+?)\s{2,}(\d+,\d+)\s{2,}\d+,\d\d\s/;
  for (const page of pages) {
    const lines = page.split("\n");
    if (!title.test(lines.find((l) => l.trim() !== "") ?? "")) continue;
    const header = lines.findIndex((l) => /Prioriteringsnummer\s+Tiltak\s+Score/.test(l));
    for (const raw of lines.slice(header + 1)) {
      if (/^\s*Prioritering av tiltak · \d/.test(raw)) break;
      const line = raw.replace(/·+\s*$/, "");
      const m = row.exec(line);
      if (m) rows.push({ rank: m[1], name: m[2].trim(), lines: 1 });
      else if (line.trim() !== "" && !/^\s*(Minimumsliste|Pluss-liste|Utenfor rammen)/.test(line.trim()) && rows.length) {
        rows[rows.length - 1].name += ` ${line.trim()}`;
        rows[rows.length - 1].lines++;
      }
    }
  }
  return rows;
}

/**
 * The calibration of the row heights: each row of a ranked list takes as many lines in
 * LibreOffice as paginate.ts predicts with the font's advance widths, or one fewer where the
 * text fits only within the safety margin (SAFETY): never more (a row would grow and push the
 * table into the footer), and never fewer than the exact advance widths allow.
 */
function expectPredictedLines(rendered: { name: string; lines: number }[], t: ExportTable, rows: ExportRow[], bySegment: boolean): number {
  const columns = rankedColumns(t, bySegment, rows);
  const name = columns.find((c) => c.header === "Tiltak")!;
  const width = (name.widthIn - METRICS.padXIn) * 72;
  expect(rendered.map((r) => r.name.replace(/- /g, "-"))).toEqual(rows.map((r) => r.name.replace(/- /g, "-")));
  let margin = 0;
  rows.forEach((r, i) => {
    const predicted = wrapLines(r.name, width, BODY_PT).length;
    const exact = wrapLines(r.name, width * SAFETY, BODY_PT).length;
    const got = rendered[i].lines;
    expect({ name: r.name, fits: got <= predicted && got >= exact }).toEqual({ name: r.name, fits: true });
    if (got !== predicted) margin++;
  });
  return margin;
}

async function readSixty(file: string): Promise<ExportInput> {
  const read = readWorkbook((await readXlsx(file)).grids);
  if (read.kind !== "addin") throw new Error("the add-in layout");
  return { assessment: read.assessment, placements: read.checklist?.placements };
}

/**
 * Every bar of the score chart labelled: each chart slide shows, on its own line, the rank and the
 * shortened name of every bar chartPages put on it, in rank order.
 */
function expectEveryBarLabelled(r: Rendered, t: ExportTable): number[] {
  const charts = r.pages.filter((p) => /^\s*Score fordelt på grupper( \(\d+ av \d+\))?[\s·]*\n/.test(p));
  const pages = chartPages(t.ranked);
  expect(charts).toHaveLength(pages.length);
  const squash = (s: string) => s.replace(/\s+/g, " ").trim();
  pages.forEach((page, k) => {
    const lines = charts[k].split("\n").map(squash);
    let at = -1;
    for (const label of page.labels) {
      const i = lines.findIndex((l, j) => j > at && l === squash(label));
      expect({ label, shown: i >= 0 }).toEqual({ label, shown: true });
      at = i;
    }
  });
  return pages.map((p) => p.rows.length);
}

let decks: Decks;
let meeting: Rendered;
let meetingEn: Rendered;
let sixty: Rendered;
let utvalg: Rendered;
let long: Rendered;
let control: Rendered;
beforeAll(async () => {
  decks = await makeDecks();
  convertAll([decks.meeting, decks.meetingEn, decks.sixty, decks.utvalg, decks.long, decks.control]);
  meeting = await render(decks.meeting, "meeting");
  meetingEn = await render(decks.meetingEn, "meeting-en");
  sixty = await render(decks.sixty, "sixty");
  utvalg = await render(decks.utvalg, "utvalg");
  long = await render(decks.long, "long");
  control = await render(decks.control, "control");
}, BUILD_TIMEOUT + 360_000);
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
    expect(meeting.pages[1]).toMatch(/Minimumsliste – de 6 øverste[\s\S]*Pluss-liste – resten av rangeringen/);
    expect(meeting.pages[1]).toContain("Minimumslisten har 7 tiltak fordi tiltak med lik score deler plass 6.");
    expect(all).toMatch(/Tiltak uten total[\s\S]*Dokumentdeling: Andre helseaktører\/tjenester\s+Nytte har ingen score, så tiltaket har ingen total og er ikke rangert\./);
    expect(all).not.toContain("Fyll inn");
    expect(all).not.toContain("kostnadsrammen");
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
      expect((line!.match(/[<>]?\d+ ?%/g) ?? []).map(pct)).toEqual(r.cells.map((c) => pct(c.text)));
      at.push(page.indexOf(line!));
    }
    expect(at).toEqual([...at].sort((a, b) => a - b));
    // Rows of a probability table: each sums to 100 % (before rounding).
    for (const r of expected.rows) expect(r.cells.reduce((s, c) => s + c.p, 0)).toBeCloseTo(1, 9);
  });
  test("data quality on one slide: the counts, then the eight measures whose rank or total a finding changes, with their cells", () => {
    expect(slidesPerHeading(meeting)["Datakvalitet"]).toBe(1);
    const page = meeting.pages.find((p) => /^\s*Datakvalitet/.test(p))!;
    const squashed = page.replace(/\s+/g, " ");
    expect(squashed).toMatch(/Alvorlighet Antall 35 funn i arbeidsboken\. Funn som endrer en rang eller en total: Feil 1 Tiltak Celler Hva det endrer Advarsel 29/);
    const names = ["Kritisk info: Andre helseaktører", "Implementering av DBEP", "Felles hjelpenummer", "DHO: Generiske datadelingstjenester", "Dokumentdeling: Fastleger"];
    const at = names.map((n) => squashed.indexOf(n));
    expect(at.every((i) => i >= 0)).toBe(true);
    expect(at).toEqual([...at].sort((a, b) => a - b));
    expect(squashed).toMatch(/Felles hjelpenummer!C11, C12, .*C15, C20/);
    expect(squashed).toContain("Felles hjelpenummer viser score 25,75, modellen gir 16,08");
    expect(squashed).not.toContain("flere under Funn i arbeidsboken");
    expect(squashed).not.toContain("Synkroniser");
  });
  test("slides: 6 (8 before: data quality took 3)", () => {
    expect(meeting.pages).toHaveLength(6);
    expect(slidesPerHeading(meeting)).toEqual({ "Rangert liste": 1, "Tiltak uten total": 1, "Score fordelt på grupper": 1, Datakvalitet: 1, "Hvor sikker er rangeringen": 1 });
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
  test("the ranked list's slides are numbered «Rangert liste (2 av 4)» (no two slides with one title), each with the header", () => {
    const ranked = sixty.pages.filter((p) => /^\s*Rangert liste( \(\d+ av \d+\))?[\s·]*\n/.test(p));
    expect(ranked.map((p) => /^\s*(.*?)[\s·]*\n/.exec(p)![1])).toEqual(["Rangert liste (1 av 4)", "Rangert liste (2 av 4)", "Rangert liste (3 av 4)", "Rangert liste (4 av 4)"]);
    for (const p of ranked) expect(p).toMatch(/Prioriteringsnummer\s+Tiltak\s+Score\s+Måloppnåelse\s+Kostnader\s+Nytte/);
    const headings = sixty.pages.slice(1).map((p) => (p.split("\n").find((l) => l.trim() !== "") ?? "").replace(/[\s·]*$/, "").trim());
    expect(headings.filter((h, i) => headings.indexOf(h) !== i)).toEqual([]);
  });
  test("calibration: every row of the ranked list and of each segment's list takes the lines predicted from the font's widths", async () => {
    const input = await readSixty(decks.sixtyXlsx);
    const t = exportTable(input, "nb", { top: 20 });
    const margins = [expectPredictedLines(listRows(sixty.pages, "Rangert liste", false), t, t.ranked, false)];
    for (const segment of ["Samstyre", "Koordinere", "Observere", "Inspirere"]) {
      margins.push(expectPredictedLines(listRows(sixty.pages, `Rangert liste – ${segment}`, true), t, t.ranked.filter((r) => r.segment === segment), true));
    }
    // Rows given a line they did not need (their text fits only within the 1 % safety margin).
    expect(margins).toEqual([0, 0, 0, 0, 0]);
  });
  test("the score chart labels every bar (85-character names shortened), 15 bars a slide", async () => {
    const t = exportTable(await readSixty(decks.sixtyXlsx), "nb", { top: 20 });
    expect(expectEveryBarLabelled(sixty, t)).toEqual([15, 15, 15, 14]);
  });
  test("the ranked lists take 4 slides (5 before the widths were measured) and 6 for the four segments (7 before)", () => {
    const per = slidesPerHeading(sixty);
    expect([per["Rangert liste"], per["Rangert liste – Samstyre"], per["Rangert liste – Koordinere"], per["Rangert liste – Observere"], per["Rangert liste – Inspirere"]]).toEqual([4, 3, 1, 1, 1]);
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

describe("60 measures with 150-character names", () => {
  test("calibration: every row of the ranked list and of each segment's list takes the lines predicted", async () => {
    const input = await readSixty(decks.longXlsx);
    const t = exportTable(input, "nb");
    const margins = [expectPredictedLines(listRows(long.pages, "Rangert liste", false), t, t.ranked, false)];
    for (const segment of ["Samstyre", "Koordinere", "Observere", "Inspirere"]) {
      margins.push(expectPredictedLines(listRows(long.pages, `Rangert liste – ${segment}`, true), t, t.ranked.filter((r) => r.segment === segment), true));
    }
    expect(margins).toEqual([0, 0, 0, 0, 0]);
  });
  test("the score chart labels every bar, each name cut to 60 characters with «…», 15 bars a slide", async () => {
    const t = exportTable(await readSixty(decks.longXlsx), "nb");
    expect(expectEveryBarLabelled(long, t)).toEqual([15, 15, 15, 14]);
    expect(long.pages.join("\n")).toMatch(/\n\s*1\s+Akson - samhandling tjenester og spesialisthelsetjenesten…\n/);
  });
  test("data quality on one slide: 25 notes typed into score cells, 9 rows shown and the other 17 findings counted in the last line", () => {
    expect(slidesPerHeading(long)["Datakvalitet"]).toBe(1);
    const page = long.pages.find((p) => /^\s*Datakvalitet/.test(p))!.replace(/\s+/g, " ");
    expect(page).toMatch(/Feil 25/);
    expect(page).toContain("+17 flere under Funn i arbeidsboken");
    expect(page.match(/Vurdering!E\d+/g)).toHaveLength(9);
  });
  test("every slide rendered to a PNG; nothing crosses into the footer", async () => {
    expect(long.pngs).toHaveLength(await slideCount(decks.long));
    footerIsAlone(long, "Prioritering av tiltak · 21.09.2022");
  });
});

describe("the meeting in English", () => {
  test("no meeting typed and a date that is not today: the title slide shows that date; the plus list is the rest of the ranking", () => {
    expect(meetingEn.pages[0]).toMatch(/Prioritisation of measures\s+2022-09-21\s+13 of 14 measures ranked/);
    expect(meetingEn.pages[1]).toMatch(/Minimum list – the top 6[\s\S]*Plus list – the rest of the ranking/);
    expect(meetingEn.pages.join("\n")).toContain("Benefit has no score, so the measure has no total and is not ranked.");
  });
  test("every slide rendered to a PNG; nothing crosses into the footer", async () => {
    expect(meetingEn.pngs).toHaveLength(await slideCount(decks.meetingEn));
    footerIsAlone(meetingEn, "Prioritisation of measures · 2022-09-21");
  });
});

/** The decision list of a deck (Utvalg innenfor rammene), read back from the PDF's text. */
const decision = (pages: string[]) => decisionText(pages, /^Utvalg innenfor rammene( \(\d+ av \d+\))?$/, /Nr\.\s+Tiltak\s+Score\s+.*Begrunnelse/);

/** The decision list's rows of a deck, each with the section (list) it stands under. */
function rowsBySection(pages: string[]): { section: string; rank: string; name: string }[] {
  return decision(pages).rows.map((r) => ({ section: r.section, rank: r.rank, name: r.name }));
}

describe("examples/utvalg.xlsx: the budget frame's exact selection splits the list", () => {
  // The lists test/cli/select-example.test.ts checks by hand.
  const MINIMUM = ["T001", "T004", "T005", "T008", "T009", "T013", "T016", "T017", "T018"];
  const PLUS = ["T002", "T006", "T007", "T010", "T011", "T014", "T019", "T020", "T024"];

  test("the decision list: minimum list, plus list, the council's «Holdes utenfor» apart, the rest not selected, each in rank order with its cost and reason; every measure once", async () => {
    const read = readWorkbook((await readXlsx(UTVALG_XLSX)).grids);
    if (read.kind !== "addin") throw new Error("the add-in layout");
    const all = utvalg.pages.join("\n");
    expect(all).toContain("Minimumsliste – best samlet score innenfor minimumsrammen på 100 MNOK");
    expect(all).toContain("Pluss-liste – det budsjettrammen på 240 MNOK gir i tillegg");
    expect(all).not.toContain("Utenfor rammen");
    expect(all).not.toContain("de 5 øverste");
    expect(all).not.toMatch(/^\s*Rangert liste/m);
    const d = decision(utvalg.pages);
    expect(d.subtitle).toBe("Rammene fra arket Modell: budsjettramme 240 MNOK, minimumsramme 100 MNOK");
    expect(d.headings.length).toBeGreaterThan(1);
    expect(d.headings).toEqual(d.headings.map((_, i) => `Utvalg innenfor rammene (${i + 1} av ${d.headings.length})`));
    const rows = d.rows;
    expect(rows).toHaveLength(30);
    const idOf = (name: string) => read.assessment.measures.find((m) => name.replace(/- /g, "-").endsWith(m.name.replace(/- /g, "-")))!.id;
    expect(new Set(rows.map((r) => idOf(r.name))).size).toBe(30);
    const section = (s: string) => rows.filter((r) => r.section === s);
    expect(section("Minimumsliste").map((r) => idOf(r.name)).sort()).toEqual(MINIMUM);
    expect(section("Pluss-liste").map((r) => idOf(r.name)).sort()).toEqual(PLUS);
    expect(section("Holdes utenfor").map((r) => [idOf(r.name), r.cost, r.why])).toEqual([["T027", "9", "holdes utenfor (rådets valg)"]]);
    expect(section("Ikke med")).toHaveLength(11);
    // Each list in rank order, ranks as in the assessment.
    for (const s of ["Minimumsliste", "Pluss-liste", "Ikke med"]) {
      const ranks = section(s).map((r) => Number(r.rank.replace("=", "")));
      expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
      for (const r of section(s)) expect(r.rank).toBe(rankLabel(read.assessment.measures.find((m) => m.id === idOf(r.name))!));
    }
    // The reasons in the committee's words, as prio select prints them; the council's «Tas med» marked.
    const why = new Map(rows.map((r) => [idOf(r.name), r.why]));
    expect(why.get("T004")).toBe("tas med (rådets valg)");
    expect(why.get("T001")).toBe("innenfor minimumsrammen");
    expect(why.get("T002")).toBe("innenfor budsjettrammen");
    expect(why.get("T023")).toBe("over rammen: koster 95, 0 MNOK igjen");
    // T025 and T003 are alternatives (Gruppe «Legemidler i kommunene»); T025 alone does not fit what is left.
    expect(why.get("T025")).toBe("over rammen: koster 31, 0 MNOK igjen");
    // Costs as the workbook has them; each list's sum is the sum of its rows.
    const cost = new Map(rows.map((r) => [idOf(r.name), r.cost]));
    expect([cost.get("T001"), cost.get("T008"), cost.get("T007"), cost.get("T028")]).toEqual(["12", "7,5", "20,5", "27,5"]);
    const sumOf = (s: string) => section(s).reduce((t, r) => t + Number(r.cost.replace(",", ".")), 0);
    expect([sumOf("Minimumsliste"), sumOf("Pluss-liste")]).toEqual([100, 140]);
    expect(d.sums.get("Minimumsliste")).toEqual({ text: "Sum: 9 tiltak", cost: "100" });
    expect(d.sums.get("Pluss-liste")).toEqual({ text: "Sum: 9 tiltak", cost: "140" });
  });
  test("every slide rendered to a PNG; nothing crosses into the footer", async () => {
    expect(utvalg.pngs).toHaveLength(await slideCount(decks.utvalg));
    footerIsAlone(utvalg, "Prioritering av tiltak · 21.09.2022");
  });
});

describe("a name holding a control character (_x0001_ in the file, \\x01 on the slide)", () => {
  test("the ranked list goes on after it: every measure with its rank, in its list, and the name shown with \\x01", async () => {
    const read = readWorkbook((await readXlsx(decks.controlXlsx)).grids);
    if (read.kind !== "addin") throw new Error("the add-in layout");
    const t1 = read.assessment.measures.find((m) => m.id === "T001")!;
    expect(t1.name).toBe(CONTROL_NAME.replace(" – ", "\u0001 – "));
    const rows = rowsBySection(control.pages);
    expect(rows).toHaveLength(30);
    expect(rows[0]).toEqual({ section: "Minimumsliste", rank: "1", name: `Legemidler: ${CONTROL_NAME.replace(" – ", "\\x01 – ")}` });
    // The same ranks, lists and order as the deck of the workbook without the control character.
    const plain = rowsBySection(utvalg.pages);
    expect(rows.map((r) => [r.section, r.rank])).toEqual(plain.map((r) => [r.section, r.rank]));
    expect(rows.slice(1).map((r) => r.name)).toEqual(plain.slice(1).map((r) => r.name));
  });
  test("the score chart labels every bar, the first with \\x01", async () => {
    const read = readWorkbook((await readXlsx(decks.controlXlsx)).grids);
    if (read.kind !== "addin") throw new Error("the add-in layout");
    const shown = exportTable(deckSafe({ assessment: read.assessment }), "nb");
    expect(shown.ranked[0].name).toBe(`Legemidler: ${CONTROL_NAME.replace(" – ", "\\x01 – ")}`);
    expect(expectEveryBarLabelled(control, shown).reduce((a, b) => a + b, 0)).toBe(30);
  });
  test("every slide rendered to a PNG; nothing crosses into the footer", async () => {
    expect(control.pngs).toHaveLength(await slideCount(decks.control));
    footerIsAlone(control, "Prioritering av tiltak · 21.09.2022");
  });
});
