/**
 * Clocks inside the page for the preview's speed figures: every frame records, on the same clock
 * (performance.timeOrigin + performance.now()), when a ranking row first appeared and when each
 * row's score last changed; the page records when Enter was pressed in the formula bar. Shared by
 * the browser test and `npm run bench`.
 */
import type { Browser, Frame, Page } from "playwright-core";
import { rankingRows, taskpane } from "./harness";

declare global {
  interface Window {
    __prio?: { firstRow?: number; enterAt?: number; changedAt: Record<string, { score: string; at: number }> };
  }
}

/**
 * Installed in every frame before its scripts run. A string, not a function, so that no
 * transpiler helper (tsx names functions with __name) ends up in the page.
 */
const RECORD_CLOCKS = `(() => {
  const now = () => performance.timeOrigin + performance.now();
  const state = { changedAt: {} };
  window.__prio = state;
  document.addEventListener("keydown", (e) => {
    const t = e.target;
    if (e.key === "Enter" && t && t.getAttribute && t.getAttribute("data-testid") === "formula-bar") state.enterAt = now();
  }, true);
  const scan = () => {
    const rows = document.querySelectorAll('[data-testid="ranking-row"]');
    if (rows.length && state.firstRow === undefined) state.firstRow = now();
    rows.forEach((r) => {
      const id = r.getAttribute("data-measure-id") || "";
      const score = r.getAttribute("data-score") || "";
      if (!state.changedAt[id] || state.changedAt[id].score !== score) state.changedAt[id] = { score, at: now() };
    });
  };
  new MutationObserver(scan).observe(document, { subtree: true, childList: true, attributes: true, attributeFilter: ["data-score"] });
})();`;

/** Installs the clocks in every frame of the page before its scripts run. */
export async function recordClocks(page: Page): Promise<void> {
  await page.addInitScript({ content: RECORD_CLOCKS });
}

/** A page of 1400×900 with the clocks (for `npm run bench`; the browser test gets its page from the harness). */
export async function instrumentedPage(browser: Browser): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  await recordClocks(page);
  return page;
}

/**
 * Opens the preview with n generated measures: ms from navigation start to the first ranking row
 * on screen (`openMs`), and of that, ms from the workbook in place (generated and imported in the
 * page, which a real workbook does not need) to the first row (`paneMs`).
 */
export async function openGenerated(page: Page, url: string, n: number): Promise<{ frame: Frame; openMs: number; paneMs: number }> {
  await page.goto(`${url}/preview.html?measures=${n}`);
  const frame = await taskpane(page);
  await frame.waitForSelector('[data-testid="ranking-row"]', { timeout: 120000 });
  const origin = await page.evaluate(() => performance.timeOrigin);
  const readyAt = await page.evaluate(() => (window as unknown as { __prioPreview: { readyAt: number } }).__prioPreview.readyAt);
  const first = await frame.evaluate(() => window.__prio!.firstRow!);
  return { frame, openMs: first - origin, paneMs: first - readyAt };
}

/**
 * Types a score into Vurdering for the first measure of the table and waits for its ranking row
 * to show the new total: ms from the Enter key to the changed row, by the clocks in the page.
 */
export async function editLatency(page: Page, frame: Frame, value: string): Promise<{ ms: number; id: string; before: number; after: number }> {
  await page.click('[data-testid="sheet-tab-Vurdering"]');
  const id = String(await page.getAttribute('[data-testid="cell-A3"]', "data-value"));
  const before = (await rankingRows(frame)).find((r) => r.id === id)!.score;
  await page.click('[data-testid="cell-E3"]');
  await page.fill('[data-testid="formula-bar"]', value);
  await page.press('[data-testid="formula-bar"]', "Enter");
  await frame.waitForFunction(
    ([m, b]) => {
      const row = document.querySelector(`[data-testid="ranking-row"][data-measure-id="${m}"]`);
      return row !== null && Number(row.getAttribute("data-score")) !== b;
    },
    [id, before] as const,
    { timeout: 60000 },
  );
  const enterAt = await page.evaluate(() => window.__prio!.enterAt!);
  const changed = await frame.evaluate((m) => window.__prio!.changedAt[m], id);
  return { ms: changed.at - enterAt, id, before, after: Number(changed.score) };
}
