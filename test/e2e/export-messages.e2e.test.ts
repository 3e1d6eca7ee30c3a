/**
 * The export dialog in Chromium when the host says no: a clipboard that refuses the table and a
 * workbook that does not take the remembered title. The dialog says so in plain words (no
 * browser or library text) and stays readable at 320 and 400 px. Screenshots in test-results/.
 */
import type { Page } from "playwright-core";
import { pageForEachTest, shot, usePreview } from "./harness";

const preview = usePreview();
let page: Page;
pageForEachTest(preview, { viewport: { width: 400, height: 800 } }, (p) => (page = p.page));

test.each([320, 400])("%i px: a refused clipboard and a refused save are said plainly, and the dialog stays readable", async (width) => {
  await page.setViewportSize({ width, height: 800 });
  await page.goto(`${preview.url}/taskpane.html`);
  await page.waitForSelector('[data-testid="ranking-row"]', { timeout: 60_000 });
  // The host refuses: no clipboard permission (the async API rejects, the copy event is not allowed), and saveAsync fails.
  await page.evaluate(() => {
    const w = window as unknown as { Office: { context: { document: { settings: { saveAsync: (cb?: (r: unknown) => void) => void } } } } };
    w.Office.context.document.settings.saveAsync = (cb) => setTimeout(() => cb?.({ status: "failed", error: { message: "Internal Error" } }), 0);
    Object.defineProperty(navigator, "clipboard", { value: { write: () => Promise.reject(new DOMException("Write permission denied.", "NotAllowedError")) } });
    document.execCommand = () => false;
  });
  await page.click('[data-testid="export-open"]');
  await page.waitForSelector('[data-testid="export-dialog"]');
  await page.fill('input[data-testid="export-title"]', "Rådets rangering");
  await page.click('[data-testid="export-copy"]');
  await page.waitForSelector('[data-testid="export-status"][data-kind="error"]');
  expect(await page.textContent('[data-testid="export-status"]')).toBe(
    "Tabellen kunne ikke kopieres: Excel ga ikke tilgang til utklippstavlen. Klikk «Kopier tabell» en gang til. Går det ikke, last ned CSV og åpne den i Excel.",
  );
  await page.waitForSelector('[data-testid="export-settings-status"]');
  expect(await page.textContent('[data-testid="export-settings-status"]')).toBe(
    "Tittelen og møtet ble ikke lagret i arbeidsboken (Excel tok ikke imot dem). Det du laget er ikke berørt; skriv dem inn igjen neste gang.",
  );
  // Nothing is cut off sideways: the dialog fits the pane.
  const box = await page.$eval('[data-testid="export-dialog"]', (d) => {
    const r = d.getBoundingClientRect();
    return { left: r.left, right: r.right, scroll: d.scrollWidth <= d.clientWidth };
  });
  expect(box.left).toBeGreaterThanOrEqual(0);
  expect(box.right).toBeLessThanOrEqual(width);
  expect(box.scroll).toBe(true);
  // Both messages are in view and whole (the dialog's content scrolls to them), once their animation has ended.
  await page.waitForTimeout(600);
  const visible = await page.$$eval('[data-testid="export-status"], [data-testid="export-settings-status"]', (els) =>
    els.map((el) => {
      const content = el.closest(".fui-DialogContent") ?? el.parentElement!;
      const r = el.getBoundingClientRect();
      const c = content.getBoundingClientRect();
      // In the scrolled view, and whole (not squeezed to a line with the rest hidden).
      return r.top >= c.top - 1 && r.bottom <= c.bottom + 1 && el.scrollHeight <= el.clientHeight + 1;
    }),
  );
  await shot(page, `export-refused-${width}`);
  expect(visible).toEqual([true, true]);
});
