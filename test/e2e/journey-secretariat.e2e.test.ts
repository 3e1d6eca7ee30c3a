/**
 * The secretariat's journey (issue 16), played in the preview: examples/utvalg.xlsx → *Utvalg* with a
 * budget frame tried in the pane (200 MNOK, not saved) and a «Holdes utenfor» chosen there; a «Tas
 * med» that makes the frames infeasible is tried and undone → Eksporter says which frames the
 * exports use → PowerPoint → the deck opened by LibreOffice: pdftotext reads the decision slides
 * back (every measure exactly once, its list, cost and reason, each list's sum, the frames used),
 * pdftoppm renders every slide at 1280×720 to test-results/journey-secretariat-*.png → CSV and
 * *Kopier tabell* give the same figures as the slides. The expected lists are the core's exact
 * selection of the same problem, computed here in Node (not by the export code).
 */
import { execFileSync } from "child_process";
import { promises as fs } from "fs";
import * as os from "os";
import * as path from "path";
import type { Frame, Page } from "playwright-core";
import { readXlsx } from "../../src/cli/xlsx";
import { rankLabel } from "../../src/core/assess";
import { select } from "../../src/core/select";
import { readSelectionInputs } from "../../src/grid/selection-inputs";
import { readWorkbook } from "../../src/grid/workbook";
import { highsSolver } from "../../src/solve/highs";
import { decisionText } from "../support/decision-text";
import { SHOTS, pageForEachTest, shot, taskpane, usePreview } from "./harness";

const FILE = path.resolve(__dirname, "../../examples/utvalg.xlsx");

// A whole journey with a LibreOffice conversion: minutes on a busy machine.
jest.setTimeout(600_000);

const preview = usePreview();
let page: Page;
pageForEachTest(
  preview,
  { viewport: { width: 1400, height: 1000 }, csp: true, pageErrors: true, acceptDownloads: true, permissions: ["clipboard-read", "clipboard-write"] },
  (opened) => {
    page = opened.page;
  }
);

/** The preview with utvalg.xlsx opened in a 350 px pane. */
async function openWorkbook(): Promise<Frame> {
  await page.goto(`${preview.url}/preview.html`);
  await taskpane(page);
  await page.setInputFiles('input[type="file"]', FILE);
  let frame: Frame | undefined;
  for (let tries = 0; tries < 60 && !frame; tries++) {
    const handle = await page.$('[data-testid="taskpane-frame"]');
    const f = await handle?.contentFrame();
    if (f && (await f.$('[data-testid="ranking-row"][data-measure-id="T030"]').catch(() => null))) frame = f;
    else await page.waitForTimeout(1000);
  }
  if (!frame) throw new Error("the pane did not show the opened workbook");
  await page.$eval('[data-testid="taskpane-frame"]', (f) => ((f as HTMLIFrameElement).style.width = "350px"));
  return frame;
}

/** The core's exact selection of the workbook with the budget frame 200 MNOK and T002 held out (what the pane tries). */
async function expected() {
  const grids = (await readXlsx(FILE)).grids;
  const read = readWorkbook(grids);
  if (read.kind !== "addin") throw new Error(read.kind);
  const { problem } = readSelectionInputs(grids, read);
  const items = problem.items.map((it) => (it.id === "T002" ? { ...it, forced: "out" as const } : it));
  const result = await select({ ...problem, items, budget: 20000 }, highsSolver(), { entryBudgets: false, frontier: false });
  if (result.status !== "ok") throw new Error(result.status);
  const list = new Map(result.measures.map((m) => [m.id, m.list]));
  return { read, result, list, cost: new Map(problem.items.map((it) => [it.id, it.cost])) };
}

const mnok = (h: number | null) => (h === null ? "–" : String(h / 100).replace(".", ","));

test("Utvalg → Eksporter → LibreOffice: the decision slides hold every measure once with its list, cost and reason, the sums and the frames tried; CSV and Kopier tabell say the same", async () => {
  const exp = await expected();
  const frame = await openWorkbook();

  // Utvalg: the workbook's frames first (240 MNOK), then a frame tried in the pane.
  await frame.click('[data-testid="tab-selection"]');
  await frame.waitForSelector('[data-testid="selection-total"][data-cost="240"]', { timeout: 120_000 });
  await frame.fill('input[data-testid="selection-budget"]', "200");
  await frame.selectOption('[data-testid="choice-T002"]', "out");
  const total = exp.result.totals.selected;
  await frame.waitForSelector(`[data-testid="selection-total"][data-cost="${total.cost / 100}"]`, { timeout: 120_000 });
  // A «Tas med» that the minimum frame cannot hold: offered back, and undone.
  await frame.selectOption('[data-testid="choice-T023"]', "in");
  await frame.waitForSelector('[data-testid="selection-undo-T023"]', { timeout: 120_000 });
  await frame.$eval('[data-testid="selection-undo-T023"]', (b) => (b as HTMLElement).click());
  await frame.waitForSelector(`[data-testid="selection-total"][data-cost="${total.cost / 100}"]`, { timeout: 120_000 });
  const paneLists = await frame.$$eval('[data-testid="selection-row"]', (rows) => rows.map((r) => [r.getAttribute("data-measure-id")!, r.getAttribute("data-list")!] as [string, string]));
  expect(new Map(paneLists.filter(([, l]) => l !== "out"))).toEqual(new Map([...exp.list].filter(([, l]) => l !== "out")));
  await shot(page, "journey-secretariat-utvalg");

  // Eksporter (from Rangering): the dialog says which frames and choices the exports use.
  await frame.click('[data-testid="tab-ranking"]');
  await frame.click('[data-testid="export-open"]');
  await frame.waitForSelector('[data-testid="export-frames"][data-state="pane"]', { timeout: 120_000 });
  expect(await frame.textContent('[data-testid="export-frames"]')).toBe(
    "Lysarkene og tabellene deler listen etter utvalget innenfor rammen. Rammene prøvd i Utvalg (ikke lagret): budsjettramme 200 MNOK, minimumsramme 100 MNOK; valg prøvd i Utvalg for 1 tiltak."
  );
  await frame.fill('input[data-testid="export-meeting"]', "Nasjonalt e-helseråd 21.09.2022");
  await shot(page, "journey-secretariat-dialog");

  const dir = await fs.mkdtemp(path.join(os.tmpdir(), "journey-secretariat-"));
  try {
    const [deck] = await Promise.all([page.waitForEvent("download", { timeout: 120_000 }), frame.click('[data-testid="export-pptx"]')]);
    const pptx = path.join(dir, "deck.pptx");
    await deck.saveAs(pptx);
    execFileSync("libreoffice", [`-env:UserInstallation=file://${path.join(dir, "lo-profile")}`, "--headless", "--convert-to", "pdf", "--outdir", dir, pptx], { timeout: 180_000, stdio: "pipe" });
    const pdf = path.join(dir, "deck.pdf");
    const pages = execFileSync("pdftotext", ["-layout", pdf, "-"], { encoding: "utf8" }).split("\f");
    for (const f of await fs.readdir(SHOTS)) if (f.startsWith("journey-secretariat-slide")) await fs.rm(path.join(SHOTS, f));
    execFileSync("pdftoppm", ["-png", "-scale-to-x", "1280", "-scale-to-y", "720", pdf, path.join(SHOTS, "journey-secretariat-slide")]);

    const d = decisionText(pages, /^Utvalg innenfor rammene( \(\d+ av \d+\))?$/, /Nr\.\s+Tiltak\s+Score\s+.*Begrunnelse/);
    expect(d.subtitle).toBe("Rammene prøvd i Utvalg (ikke lagret): budsjettramme 200 MNOK, minimumsramme 100 MNOK; valg prøvd i Utvalg for 1 tiltak");
    const measures = exp.read.assessment.measures;
    const idOf = (name: string) => measures.find((m) => name.replace(/- /g, "-").endsWith(m.name.replace(/- /g, "-")))?.id ?? `? ${name}`;
    // Every measure exactly once.
    expect(d.rows.map((r) => idOf(r.name)).sort()).toEqual(measures.map((m) => m.id).sort());
    const SECTION = { minimum: "Minimumsliste", plus: "Pluss-liste" } as const;
    for (const r of d.rows) {
      const id = idOf(r.name);
      const m = measures.find((x) => x.id === id)!;
      const list = exp.list.get(id);
      const section = list && list !== "out" ? SECTION[list] : id === "T002" || id === "T027" ? "Holdes utenfor" : "Ikke med";
      expect({ id, section: r.section, rank: r.rank, cost: r.cost }).toEqual({ id, section, rank: rankLabel(m), cost: mnok(exp.cost.get(id) ?? null) });
    }
    const why = new Map(d.rows.map((r) => [idOf(r.name), r.why]));
    expect(why.get("T002")).toBe("holdes utenfor (prøvd i Utvalg, ikke lagret)");
    expect(why.get("T027")).toBe("holdes utenfor (rådets valg)");
    expect(why.get("T004")).toBe("tas med (rådets valg)");
    expect(why.get("T023")).toMatch(/^over rammen: koster 95, [\d,]+ MNOK igjen$/);
    // Each list's sum: the solver's, and the sum of its rows.
    for (const list of ["minimum", "plus"] as const) {
      const rows = d.rows.filter((r) => r.section === SECTION[list]);
      const t = exp.result.totals[list];
      expect(d.sums.get(SECTION[list])).toEqual({ text: `Sum: ${t.count} tiltak`, cost: mnok(t.cost) });
      expect(Math.round(rows.reduce((s, r) => s + Number(r.cost.replace(",", ".")), 0) * 100)).toBe(t.cost);
    }

    // CSV: the same rank, score, list, cost and reason for every measure.
    const [csvFile] = await Promise.all([page.waitForEvent("download"), frame.click('[data-testid="export-csv"]')]);
    const csvPath = path.join(dir, "list.csv");
    await csvFile.saveAs(csvPath); // the shared browser is connected remotely: no path(), a copy
    const csv = (await fs.readFile(csvPath, "utf8")).slice(1).split("\r\n").filter((l) => l !== "");
    const header = csv[0].split(";");
    expect(header).toEqual(["Prioriteringsnummer", "Tiltak", "Score", "Måloppnåelse", "Kostnader", "Nytte", "Liste", "Kostnad (MNOK)", "Begrunnelse", "Merknad"]);
    const LIST = { Minimumsliste: "Minimumsliste", "Pluss-liste": "Pluss-liste", "Holdes utenfor": "Utenfor", "Ikke med": "Utenfor" } as const;
    const fromDeck = d.rows.map((r) => [r.rank, idOf(r.name), r.score, LIST[r.section as keyof typeof LIST], r.cost, r.why].join("|")).sort();
    const cells = (line: string) => line.split(";").map((c) => c.replace(/^"|"$/g, "").replace(/""/g, '"'));
    const fromCsv = csv.slice(1).map((l) => cells(l)).map((c) => [c[0], idOf(c[1]), c[2], c[6], c[7], c[8]].join("|")).sort();
    expect(fromCsv).toEqual(fromDeck);

    // Kopier tabell: the same figures as text.
    await frame.click('[data-testid="export-copy"]');
    await frame.waitForSelector('[data-testid="export-status"][data-kind="success"]');
    const tsv = await frame.evaluate(async () => (await (await navigator.clipboard.read())[0].getType("text/plain")).text());
    const fromTsv = tsv
      .split("\n")
      .slice(1)
      .filter((l) => l !== "")
      .map((l) => l.split("\t"))
      .map((c) => [c[0], idOf(c[1]), c[2], c[6], c[7], c[8]].join("|"))
      .sort();
    expect(fromTsv).toEqual(fromDeck);
  } finally {
    await fs.rm(dir, { recursive: true, force: true });
  }
});
