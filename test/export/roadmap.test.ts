/**
 * The roadmap slide (issue 21) rendered with LibreOffice: 60 measures (the export tests' portfolio,
 * each with a cost and a segment) planned in three steps by core/plan.ts with HiGHS, the deck built,
 * converted to PDF and read back with pdftotext: every measure's ID is found exactly once on the
 * slide, each in its step's column, with each step's sums; the slide is drawn at 1280×720 to
 * test-results/slides/roadmap-60.png for looking at.
 */
import { execFileSync } from "child_process";
import { promises as fs } from "fs";
import * as path from "path";
import { assess } from "../../src/core/assess";
import { defaultModel, leaves } from "../../src/core/model";
import { plan, type PlanProblem } from "../../src/core/plan";
import { buildDeck } from "../../src/export/deck";
import { highsSolver } from "../../src/solve/highs";
import { prng } from "../support/grids";
import { tempDir } from "../support/cli";
import { sixtyMeasures } from "./support";

const SHOTS = path.resolve(__dirname, "../../test-results/slides");
const SEGMENTS = ["Samstyre", "Koordinere", "Inspirere", "Observere"];

// pptxgenjs takes the browser's path (no import() of node:fs), as in test/export/xml-text.test.ts.
const release = Object.getOwnPropertyDescriptor(process, "release")!;
beforeAll(() => Object.defineProperty(process, "release", { ...release, value: { ...process.release, name: "jest" } }));
afterAll(() => Object.defineProperty(process, "release", release));

test("60 measures in three steps: every measure once on the roadmap slide, in its step's column, with the steps' sums", async () => {
  const model = defaultModel();
  const leafIds = leaves(model).map((l) => l.id);
  const measures = sixtyMeasures();
  const assessment = assess(
    model,
    measures.map((m) => ({ id: m.id, name: m.name, theme: m.theme, scores: Object.fromEntries(leafIds.map((leaf, k) => [leaf, { value: m.scores[k] }])) })),
  );
  const random = prng(21);
  const problem: PlanProblem = {
    items: assessment.measures.map((m, i) => ({ id: m.id, name: m.name, cost: 500 + Math.floor(random() * 30) * 100, score: m.total, requires: [], forced: null, segment: i % 7 === 6 ? undefined : SEGMENTS[i % 4] })),
    steps: [
      { name: "Steg 2", budget: 30000 },
      { name: "Steg 3", budget: 25000 },
      { name: "Steg 4", budget: 20000 },
    ],
  };
  const result = await plan(problem, highsSolver());
  if (result.status !== "ok") throw new Error(result.status);
  const counts = result.steps.map((s) => s.count);
  const later = result.measures.filter((m) => m.step === null).length;
  expect(counts.reduce((a, b) => a + b, 0) + later).toBe(60);
  expect(counts.every((c) => c > 5)).toBe(true);

  const { dir, cleanup } = tempDir();
  const pptx = path.join(dir, "roadmap.pptx");
  await fs.writeFile(pptx, await buildDeck({ assessment }, { lang: "nb", date: "2026-12-07", today: "2026-12-07", plan: result, slides: { ranked: false, unranked: false, chart: false, quality: false } }));
  execFileSync("libreoffice", [`-env:UserInstallation=file://${path.join(dir, "lo-profile")}`, "--headless", "--convert-to", "pdf", "--outdir", dir, pptx], { timeout: 120_000, stdio: "pipe" });
  const pdf = pptx.replace(/\.pptx$/, ".pdf");
  const pages = execFileSync("pdftotext", ["-layout", pdf, "-"], { encoding: "utf8" }).split("\f");
  const k = pages.findIndex((p) => p.trimStart().startsWith("Veikart"));
  expect(k).toBeGreaterThan(0);
  const page = pages[k];
  for (const m of assessment.measures) expect([m.id, page.match(new RegExp(`\\b${m.id}\\b`, "g"))?.length ?? 0]).toEqual([m.id, 1]);
  // Columns left to right: Steg 2, Steg 3, Steg 4, Senere; each ID starts in its step's column.
  const bbox = execFileSync("pdftotext", ["-f", String(k + 1), "-l", String(k + 1), "-bbox", pdf, "-"], { encoding: "utf8" });
  const words = [...bbox.matchAll(/<word xMin="([\d.]+)"[^>]*>([^<]*)<\/word>/g)].map((w) => ({ x: Number(w[1]), text: w[2] }));
  const headX = ["Steg 2", "Steg 3", "Steg 4"].map((name) => words.find((w, i) => w.text === "Steg" && words[i + 1]?.text === name.split(" ")[1])!.x);
  headX.push(words.find((w) => w.text === "Senere")!.x);
  const column = (x: number) => headX.filter((h) => h <= x + 1).length - 1;
  for (const m of result.measures) {
    const w = words.find((x) => x.text === m.id)!;
    expect([m.id, column(w.x)]).toEqual([m.id, m.step ?? 3]);
  }
  for (const s of result.steps) expect(page).toContain(`${s.count} tiltak ·`);
  await fs.mkdir(SHOTS, { recursive: true });
  execFileSync("pdftoppm", ["-f", String(k + 1), "-l", String(k + 1), "-png", "-singlefile", "-scale-to-x", "1280", "-scale-to-y", "720", pdf, path.join(SHOTS, "roadmap-60")]);
  cleanup();
}, 240_000);
