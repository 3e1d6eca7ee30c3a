/**
 * The preview at portfolio scale, timed by clocks inside the page (figures printed; the targets
 * live in `npm run bench`): opening a generated workbook of 300 measures to its first ranking, and
 * a score typed into Vurdering to the changed ranking row at 200 and 1,000 measures. Each edit
 * must change that measure's total; the grid draws the rows in view and the rest when scrolled to.
 */
import type { Page } from "playwright-core";
import { pageForEachTest, rankingRows, shot, usePreview } from "./harness";
import { editLatency, openGenerated, recordClocks } from "./timing";

const preview = usePreview();
let page: Page;
pageForEachTest(preview, { viewport: { width: 1400, height: 900 }, init: recordClocks }, (p) => (page = p.page));

test("a generated workbook of 300 measures opens with all of them ranked or listed", async () => {
  const { frame, openMs, paneMs } = await openGenerated(page, preview.url, 300);
  console.log(`open 300 measures → first ranking row: ${Math.round(openMs)} ms (workbook generated in the page, then ${Math.round(paneMs)} ms to the first row)`);
  expect(paneMs).toBeGreaterThan(0);
  expect(paneMs).toBeLessThan(openMs);
  const rows = await rankingRows(frame);
  const unranked = await frame.$$('[data-testid="ranking-unranked-row"]');
  expect(rows.length + unranked.length).toBe(300);
  expect(rows[0].rank).toBe("1");
  await shot(page, "preview-300-measures");
});

for (const n of [200, 1000]) {
  test(`a score typed at ${n} measures changes that measure's row`, async () => {
    const { frame } = await openGenerated(page, preview.url, n);
    const times: number[] = [];
    // Alternate between two values so that every edit changes the total.
    for (const value of ["0", "10", "0", "10", "0"]) {
      const r = await editLatency(page, frame, value);
      expect(r.after).not.toBe(r.before);
      times.push(r.ms);
    }
    const sorted = [...times].sort((a, b) => a - b);
    console.log(`edit → changed ranking row at ${n} measures: median ${Math.round(sorted[2])} ms (runs ${times.map(Math.round).join(", ")})`);
    // The grid draws the rows in view; the last measure's row (header on row 2) is drawn once scrolled to.
    const last = `cell-A${n + 2}`;
    expect(await page.$(`[data-testid="${last}"]`)).toBeNull();
    await page.$eval('[data-testid="grid"]', (el) => el.scrollTo(0, el.scrollHeight));
    await page.waitForSelector(`[data-testid="${last}"]`);
    expect(await page.getAttribute(`[data-testid="${last}"]`, "data-value")).toMatch(/^T\d+$/);
    expect(await page.$(`[data-testid="cell-A${n + 3}"]`).then((c) => c?.getAttribute("data-value"))).toBe("");
  });
}
