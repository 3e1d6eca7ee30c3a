/**
 * Stabilitet in the preview (Chromium): the tab loads its code on first use, states the weight
 * intervals in plain words, runs the Monte Carlo in a Web Worker with progress, and shows the rank
 * acceptability table; at 350 px the pane is screenshotted (test-results/stability-350-*.png) to be
 * looked at. Cancel stops a run and leaves no table.
 */
import { promises as fs, existsSync } from "fs";
import * as path from "path";
import type { Frame, Page } from "playwright-core";
import { DIST, officeStub, pageForEachTest, shot, taskpane, usePreview } from "./harness";
import { measureContrast } from "./a11y";

const preview = usePreview();
let page: Page;
pageForEachTest(preview, { viewport: { width: 1100, height: 900 }, pageErrors: true }, (p) => (page = p.page));

/** The preview with its task pane 350 px wide, on the Stabilitet tab. */
async function openStability(lang: "nb-NO" | "en-US" = "nb-NO"): Promise<Frame> {
  await page.goto(`${preview.url}/preview.html?lang=${lang}`);
  await page.waitForSelector('[data-testid="taskpane-frame"]', { timeout: 60000 });
  await page.$eval('[data-testid="taskpane-frame"]', (f) => ((f as HTMLIFrameElement).style.width = "350px"));
  const frame = await taskpane(page);
  await frame.click('[data-testid="tab-stability"]');
  await frame.waitForSelector('[data-testid="stability-sentence"]', { timeout: 60000 });
  return frame;
}

test("the intervals in plain words and the rank table, computed in a worker, at 350 px", async () => {
  const workers: string[] = [];
  page.on("worker", (w) => workers.push(w.url()));
  const frame = await openStability();
  const sentences = await frame.$$eval('[data-testid="stability-sentence"]', (els) => els.map((e) => e.textContent));
  // The preview's workbook is the meeting imported: Måloppnåelse 7/9 to 7/6.
  expect(sentences[0]).toContain("Måloppnåelse kan veie fra 0,78 til 1,17 uten at noen plass endres; ved 1,17 går Implementering av DBEP forbi Kritisk info: Kommunal helse- og omsorg");
  expect(sentences).toHaveLength(3);
  await shot(page, "stability-350-intervals");

  await frame.waitForSelector('[data-testid="rank-table"]', { timeout: 60000 });
  expect(workers.some((u) => /\.js$/.test(u))).toBe(true);
  const rows = await frame.$$eval('[data-testid="rank-row"]', (trs) =>
    trs.map((tr) => ({
      text: tr.querySelector("th")?.textContent ?? "",
      cells: Array.from(tr.querySelectorAll('[data-testid="rank-cell"]')).map((td) => ({ p: Number(td.getAttribute("data-p")), text: td.textContent ?? "" })),
    })),
  );
  expect(rows).toHaveLength(13);
  expect(rows[0].text).toContain("PLL");
  for (const r of rows) {
    expect(r.cells).toHaveLength(13);
    expect(Math.abs(r.cells.reduce((s, c) => s + c.p, 0) - 1)).toBeLessThan(1e-9);
    // Every non-zero probability is written in its cell.
    for (const c of r.cells) if (c.p > 0) expect(c.text).toMatch(/^(<1|>99|100|\d{1,2})$/);
  }
  for (let k = 0; k < 13; k++) expect(Math.abs(rows.reduce((s, r) => s + r.cells[k].p, 0) - 1)).toBeLessThan(1e-9);
  // The table scrolls sideways inside the pane, never the pane itself.
  const widths = await frame.evaluate(() => ({ body: document.body.scrollWidth, view: window.innerWidth }));
  expect(widths.body).toBeLessThanOrEqual(widths.view);
  await frame.$eval('[data-testid="rank-table"]', (t) => t.scrollIntoView());
  await shot(page, "stability-350-table");
});

test("1 000 000 draws: progress from the worker, then cancel leaves the earlier table marked as earlier", async () => {
  const frame = await openStability("en-US");
  await frame.waitForSelector('[data-testid="rank-table"]', { timeout: 60000 });
  await frame.selectOption('[data-testid="stability-draws"]', "1000000");
  const progress = await frame.waitForSelector('[data-testid="stability-progress"]', { timeout: 60000 });
  expect(Number(await progress.getAttribute("data-total"))).toBe(1000000);
  await frame.click('[data-testid="stability-cancel"]');
  await frame.waitForSelector('[data-testid="stability-cancelled"]', { timeout: 60000 });
  expect(await frame.textContent('[data-testid="stability-cancelled"]')).toBe("Cancelled. Choose “Compute uncertainty” to run it again.");
  expect(await frame.$('[data-testid="stability-stale"]')).not.toBeNull();
  expect(await frame.$('[data-testid="stability-progress"]')).toBeNull();
  // The earlier table is marked, not faded: its darkest and lightest cells keep their contrast.
  const cells = ['[data-testid="rank-row"]:first-child [data-testid="rank-cell"][data-place="1"]', '[data-testid="rank-row"]:first-child [data-testid="rank-top"]', '[data-testid="rank-row"]:last-child [data-testid="rank-cell"][data-place="1"]', '[data-testid="rank-row"]:first-child th'];
  const measured = await measureContrast(frame, cells);
  expect(measured.map((m) => m.target)).toEqual(cells);
  expect(measured.filter((m) => m.ratio < m.needs)).toEqual([]);
  expect(await frame.textContent('[data-testid="tab-stability"]')).toBe("Stability");
  await shot(page, "stability-350-cancelled");
});

test("the production build: the analysis is not in the pane's initial scripts, and the worker runs from dist/", async () => {
  if (!existsSync(path.join(DIST, "taskpane.html"))) throw new Error("dist/ is missing: run `npm run build`");
  const html = await fs.readFile(path.join(DIST, "taskpane.html"), "utf8");
  const initial = [...html.matchAll(/<script[^>]*src="?([^" >]+\.js)"?/g)].map((m) => m[1]).filter((src) => !src.startsWith("http"));
  expect(initial.length).toBeGreaterThan(0);
  for (const src of initial) {
    const js = await fs.readFile(path.join(DIST, src), "utf8");
    // Wording and code that only the Stabilitet chunk and the worker carry.
    expect(js).not.toContain("går {below} forbi");
    expect(js).not.toContain("uncertainty.worker");
  }
  await officeStub(page);
  const workers: string[] = [];
  page.on("worker", (w) => workers.push(w.url()));
  await page.setViewportSize({ width: 350, height: 900 });
  await page.goto(`${preview.url}/addin/taskpane.html?lang=nb-NO&base=/`);
  await page.waitForSelector('[data-testid="ranking-row"]', { timeout: 60000 });
  await page.click('[data-testid="tab-stability"]');
  await page.waitForSelector('[data-testid="rank-table"]', { timeout: 60000 });
  expect(workers.some((u) => u.includes("/addin/"))).toBe(true);
  expect(await page.$$('[data-testid="rank-row"]')).toHaveLength(13);
  await shot(page, "stability-350-addin");
});

/** The preview with its task pane `width` px wide, on the Stabilitet tab. */
async function openStabilityAt(width: number, lang: "nb-NO" | "en-US" = "nb-NO"): Promise<Frame> {
  await page.goto(`${preview.url}/preview.html?lang=${lang}`);
  await page.waitForSelector('[data-testid="taskpane-frame"]', { timeout: 60000 });
  await page.$eval('[data-testid="taskpane-frame"]', (f, w) => ((f as HTMLIFrameElement).style.width = `${w}px`), width);
  const frame = await taskpane(page);
  await frame.click('[data-testid="tab-stability"]');
  await frame.waitForSelector('[data-testid="stability-sentence"]', { timeout: 60000 });
  return frame;
}

/**
 * The words of each measure name in the two tables that a line break splits (a word on two lines
 * has two boxes). A break after a hyphen or a slash («helse-|omsorg», «Legevakt/|ØHD») is between words.
 */
async function splitWords(frame: Frame): Promise<string[]> {
  return frame.$$eval('[data-testid="rank-row"] th span[lang], [data-testid="pairwise-row"] th span[lang]', (spans) => {
    const split: string[] = [];
    for (const span of spans) {
      const text = span.firstChild;
      if (!text || text.nodeType !== Node.TEXT_NODE) continue;
      const s = text.textContent ?? "";
      for (const m of s.matchAll(/[^\s/-]+/g)) {
        const range = document.createRange();
        range.setStart(text, m.index);
        range.setEnd(text, m.index + m[0].length);
        const lines = new Set(Array.from(range.getClientRects()).map((r) => Math.round(r.top)));
        if (lines.size > 1) split.push(m[0]);
      }
    }
    return split;
  });
}

test.each([320, 350, 400])("at %i px: the draw settings, the rank table and «Hvem slår hvem»; names wrap between words, the tables scroll inside", async (width) => {
  const frame = await openStabilityAt(width);
  await frame.waitForSelector('[data-testid="pairwise-table"]', { timeout: 60000 });
  expect(await frame.$$('[data-testid="pairwise-row"]')).toHaveLength(13);
  // Every cell prints its number.
  const texts = await frame.$$eval('[data-testid="pairwise-cell"]', (tds) => tds.map((td) => td.textContent ?? ""));
  expect(texts).toHaveLength(13 * 12);
  for (const t of texts) expect(t).toMatch(/^(0|<1|>99|100|\d{1,2})$/);
  expect(await splitWords(frame)).toEqual([]);
  const widths = await frame.evaluate(() => ({ body: document.body.scrollWidth, view: window.innerWidth }));
  expect(widths.body).toBeLessThanOrEqual(widths.view);
  await frame.$eval('[data-testid="stability-weights"]', (el) => el.scrollIntoView());
  await shot(page, `stability-${width}-settings`);
  await frame.$eval('[data-testid="rank-table"]', (el) => el.scrollIntoView());
  await shot(page, `stability-${width}-rank-table`);
  await frame.$eval('[data-testid="pairwise-table"]', (el) => el.scrollIntoView());
  await shot(page, `stability-${width}-pairwise`);
});

test("the draw settings: around the weights now runs in the worker; a bad number is named at 320 px", async () => {
  const frame = await openStabilityAt(320);
  await frame.waitForSelector('[data-testid="rank-table"]', { timeout: 60000 });
  await frame.selectOption('[data-testid="stability-weights"]', "simplex");
  await frame.fill('[data-testid="stability-radius"]', "0");
  const error = await frame.waitForSelector('[data-testid="stability-settings-error"]', { timeout: 30000 });
  expect(await error.textContent()).toBe("«Fritt fordelt %» må være et tall over 0 og høyst 100.");
  await frame.$eval('[data-testid="stability-weights"]', (el) => el.scrollIntoView());
  await shot(page, "stability-320-settings-error");
  await frame.fill('[data-testid="stability-radius"]', "30");
  await frame.waitForFunction(() => !document.querySelector('[data-testid="stability-settings-error"]') && !document.querySelector('[data-testid="stability-stale"]') && !!document.querySelector('[data-testid="rank-table"]'), undefined, { timeout: 60000 });
  expect(await frame.textContent('[data-testid="stability-view"]')).toContain("vekter: gruppenes andeler trukket jevnt rundt andelene nå (hver gruppe beholder minst 70\u00a0% av sin andel, 30\u00a0% fordeles tilfeldig)");
});
