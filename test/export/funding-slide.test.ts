/**
 * The slide «Hvor sikker er minimumslisten» (issue 20), opened by a real program: the deck with the
 * funding probabilities of the meeting (its measures at 10 MNOK each, frames 80 / 50 MNOK, 200
 * draws, seed 7) goes through LibreOffice to PDF; pdftotext reads the slide back: the minimum list
 * now, most certain first, each with its share on the minimum list, selected at all and its label as
 * the core counts them, then the measures closest to coming in, and the settings and frames in the
 * lead. pdftoppm renders it to test-results/slides/funding-*.png to be looked at. Without a result
 * the deck has no such slide.
 */
import { execFileSync } from "child_process";
import { promises as fs } from "fs";
import * as os from "os";
import * as path from "path";
import JSZip from "jszip";
import { assess } from "../../src/core/assess";
import { DEFAULT_FUNDING, fund, type FundingResult } from "../../src/core/funding";
import type { SelectionProblem } from "../../src/core/selection-problem";
import { uncertaintyInput } from "../../src/core/uncertainty";
import { buildDeck } from "../../src/export/deck";
import { fundingTable, type FundingBasis } from "../../src/export/funding-table";
import { readXlsx } from "../../src/cli/xlsx";
import { readWorkbook } from "../../src/grid/workbook";
import { MEETING_XLSX } from "../support/meeting";

const SHOTS = path.resolve(__dirname, "../../test-results/slides");

// pptxgenjs takes the browser's path under jest, as in the task pane (see test/export/xml-text.test.ts).
const release = Object.getOwnPropertyDescriptor(process, "release")!;
beforeAll(() => Object.defineProperty(process, "release", { ...release, value: { ...process.release, name: "jest" } }));
afterAll(() => Object.defineProperty(process, "release", release));

let basis: FundingBasis;
let input: { assessment: ReturnType<typeof assess> };
let result: FundingResult;

beforeAll(async () => {
  const read = readWorkbook((await readXlsx(MEETING_XLSX)).grids);
  if (read.kind !== "legacy") throw new Error("the meeting is in the legacy layout");
  const a = assess(read.model, read.legacy.measures.map((m) => m.input));
  input = { assessment: a };
  const problem: SelectionProblem = {
    items: a.measures.map((m, i) => ({ id: m.id, name: m.name, cost: 1000, score: m.total, requires: i === 2 ? [a.measures[0].id] : [], forced: null })),
    budget: 8000,
    minimum: 5000,
  };
  result = await fund({ draws: uncertaintyInput(a), problem }, { ...DEFAULT_FUNDING, draws: 200, seed: 7 });
  // The lists now: the five best totals (the third needs the first, which is among them).
  const byTotal = [...a.measures].sort((x, y) => (y.total ?? -1) - (x.total ?? -1));
  const lists: Record<string, "minimum" | "plus" | "out"> = Object.fromEntries(byTotal.map((m, i) => [m.id, i < 5 ? "minimum" : i < 8 ? "plus" : "out"]));
  basis = { result, lists, budget: 8000, minimum: 5000 };
}, 60_000);

async function slideTexts(bytes: Uint8Array): Promise<string[]> {
  const zip = await JSZip.loadAsync(bytes);
  const names = Object.keys(zip.files).filter((n) => /^ppt\/slides\/slide\d+\.xml$/.test(n));
  return Promise.all(names.map(async (n) => ((await zip.file(n)!.async("string")).match(/<a:t>[^<]*<\/a:t>/g) ?? []).map((t) => t.slice(5, -6)).join("|")));
}

test("without a result the deck has no funding slide", async () => {
  const texts = await slideTexts(await buildDeck(input, { lang: "nb", date: "2022-09-21", today: "2022-09-21" }));
  expect(texts.some((t) => t.includes("Hvor sikker er minimumslisten"))).toBe(false);
});

test("rendered by LibreOffice: the minimum list with each share and label as the core counts them, the challengers, and the settings", async () => {
  const t = fundingTable(basis, "nb");
  // The minimum list now (5), and the challengers: measures not on it now that come onto it in some draws (at most 3).
  expect(t.minimum).toHaveLength(5);
  const n = result.ids.length;
  const count = (id: string, which: (l: number) => boolean) => {
    const i = result.ids.indexOf(id);
    let c = 0;
    for (let d = 0; d < result.done; d++) if (which(result.lists[d * n + i])) c++;
    return c;
  };
  for (const r of [...t.minimum, ...t.challengers]) {
    expect(r.pMinimum).toBe(count(r.id, (l) => l === 1) / 200);
    expect(r.pSelected).toBe(count(r.id, (l) => l > 0) / 200);
  }
  expect(t.challengers.length).toBeGreaterThan(0);
  expect(t.challengers.length).toBeLessThanOrEqual(3);

  const dir = await fs.mkdtemp(path.join(os.tmpdir(), "prio-funding-slide-"));
  try {
    const pptx = path.join(dir, "funding.pptx");
    await fs.writeFile(pptx, await buildDeck(input, { lang: "nb", date: "2022-09-21", today: "2022-09-21", slides: { ranked: false, unranked: false, chart: false, quality: false }, funding: basis }));
    execFileSync("libreoffice", [`-env:UserInstallation=file://${path.join(dir, "lo")}`, "--headless", "--convert-to", "pdf", "--outdir", dir, pptx], { timeout: 180_000, stdio: "pipe" });
    const pdf = path.join(dir, "funding.pdf");
    const pages = execFileSync("pdftotext", ["-layout", pdf, "-"], { encoding: "utf8" }).split("\f");
    await fs.mkdir(SHOTS, { recursive: true });
    execFileSync("pdftoppm", ["-png", "-r", "80", pdf, path.join(SHOTS, "funding")]);
    const slide = pages.find((p) => /^\s*Hvor sikker er minimumslisten/.test(p));
    expect(slide).toBeDefined();
    const page = slide!.replace(/\u00a0/g, " ");
    const flat = page.replace(/\s+/g, " ");
    expect(flat).toContain(
      "200 trekk (frø 7); vekter: hver vekt ±20 %; scorer: hver score ±1 på skalaen. Kjerne: med i minst 95 % av trekkene; utenfor: i høyst 5 %; grense: imellom. Rammer: budsjettramme 80 MNOK, minimumsramme 50 MNOK.",
    );
    expect(flat).toMatch(/Tiltak På minimumslisten Med i alt Robusthet/);
    // Every row on one line: its name's start, then the two shares and the label, in the table's order.
    const at: number[] = [];
    for (const r of [...t.minimum, ...t.challengers]) {
      const line = page.split("\n").find((l) => l.includes(` ${r.name} `));
      expect({ name: r.name, line: line !== undefined }).toEqual({ name: r.name, line: true });
      expect((line!.match(/[<>]?\d+ %/g) ?? []).map((x) => x.replace(/\s/g, ""))).toEqual([r.minimumText, r.selectedText].map((x) => x.replace(/\s/g, "")));
      expect(line).toContain(r.robustText);
      at.push(page.indexOf(line!));
    }
    expect(at).toEqual([...at].sort((x, y) => x - y));
    expect(page.indexOf("Nærmest å komme inn")).toBeGreaterThan(at[t.minimum.length - 1]);
  } finally {
    await fs.rm(dir, { recursive: true, force: true });
  }
}, 240_000);
