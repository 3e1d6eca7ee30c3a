/**
 * What-if weights in the preview: moving Nytte's weight re-ranks the pane at once while the
 * workbook's Modell cell stays as it was; «Bruk» writes it and Logg holds the old value. The tried
 * weights survive a tab switch (Rangering shows their ranking under the what-if bar) and the
 * presenter keeps the what-if ranking. Screenshots of the pane at 320 and 400 px are looked at.
 */
import type { Frame, Page } from "playwright-core";
import fixture from "../fixtures/prioritering-2022-09.json";
import { pageForEachTest, shot, taskpane, usePreview } from "./harness";

const preview = usePreview();
let page: Page;

// The pages (the pane, and the presenter's own page) run under the Content-Security-Policy.
pageForEachTest(preview, { viewport: { width: 1400, height: 900 }, csp: true }, (p) => (page = p.page));

const idOf = (fixtureId: string) => `T${String(fixture.measures.findIndex((m) => m.id === fixtureId) + 1).padStart(3, "0")}`;

/** The in-memory workbook's value of a cell (the preview page holds the workbook). */
const cell = (sheet: string, a1: string) =>
  page.evaluate(([s, a]) => (window as unknown as { __prioPreview: { workbook: { getCell(s: string, a: string): { value: unknown } } } }).__prioPreview.workbook.getCell(s, a).value, [sheet, a1]);

/** Every row of the Logg sheet after its header, as six cells. */
const logRows = () =>
  page.evaluate(() => {
    const wb = (window as unknown as { __prioPreview: { workbook: { toGrids(): { name: string; rows: ({ value: unknown } | undefined)[][] }[] } } }).__prioPreview.workbook;
    const log = wb.toGrids().find((g) => g.name === "Logg");
    return (log?.rows.slice(1) ?? []).map((r) => Array.from({ length: 6 }, (_, i) => r?.[i]?.value ?? null));
  });

test("what-if changes nothing in the workbook until Bruk; Bruk writes Modell and logs the old weight", async () => {
  await page.goto(`${preview.url}/preview.html`);
  const frame = await taskpane(page);
  expect(await cell("Modell", "G10")).toBe(1);
  const logBefore = await logRows();

  await frame.click('[data-testid="tab-model"]');
  await frame.click('[data-testid="whatif-start"]');
  await frame.fill('[data-testid="whatif-input-nytte"]', "2");
  const dbep = `[data-testid="whatif-row-${idOf("dbep")}"]`;
  await frame.waitForSelector(`${dbep} [data-testid="whatif-move"]`);
  expect(await frame.textContent(`${dbep} [data-testid="whatif-rank"]`)).toBe("5");
  expect(await frame.textContent(`${dbep} [data-testid="whatif-move"]`)).toBe("↑1");
  expect(await frame.textContent('[data-testid="whatif-bar"]')).toContain("ikke skrevet");
  await shot(page, "whatif-nytte-2");

  // Nothing was written: Modell still has 1, Logg has no new row, Rangering still ties DBEP at 6=.
  await page.waitForTimeout(500);
  expect(await cell("Modell", "G10")).toBe(1);
  expect(await logRows()).toEqual(logBefore);

  await frame.click('[data-testid="whatif-apply"]');
  await frame.waitForSelector('[data-testid="whatif"]', { state: "detached" });
  await page.waitForFunction(
    () => (window as unknown as { __prioPreview: { workbook: { getCell(s: string, a: string): { value: unknown } } } }).__prioPreview.workbook.getCell("Modell", "G10").value === 2,
  );
  const added = (await logRows()).slice(logBefore.length);
  expect(added.map((r) => [r[1], r[2], r[3], r[4]])).toEqual([["Modellendring", "Modell!G10", "1", "2"]]);

  // The ranking in force follows.
  await frame.click('[data-testid="tab-ranking"]');
  await frame.waitForFunction(
    (id) => document.querySelector(`[data-testid="ranking-row"][data-measure-id="${id}"]`)?.getAttribute("data-rank") === "5",
    idOf("dbep"),
  );
});

test("Forkast leaves the workbook as it was", async () => {
  await page.goto(`${preview.url}/preview.html`);
  const frame = await taskpane(page);
  const logBefore = await logRows();
  await frame.click('[data-testid="tab-model"]');
  await frame.click('[data-testid="whatif-start"]');
  await frame.fill('[data-testid="whatif-input-kost"]', "3");
  await frame.click('[data-testid="whatif-discard"]');
  expect(await frame.inputValue('[data-testid="weight-input-kost"]')).toBe("1");
  expect(await logRows()).toEqual(logBefore);
});

/** Clicks in the pane by script: the presenter's overlay covers it, as the dialog covers the projector. */
const click = (frame: Frame, testId: string) => frame.$eval(`[data-testid="${testId}"]`, (el) => (el as HTMLElement).click());

test("tried weights survive switching to Rangering and Funn and back; the presenter keeps the what-if ranking; the workbook is unchanged until Bruk", async () => {
  await page.goto(`${preview.url}/preview.html`);
  const frame = await taskpane(page);
  const logBefore = await logRows();
  await frame.click('[data-testid="presenter-open"]');
  const handle = await page.waitForSelector('[data-testid="dialog-frame"]');
  const presenter = (await handle.contentFrame())!;
  await presenter.waitForSelector('[data-testid="presenter-row"]', { timeout: 60000 });

  await click(frame, "tab-model");
  await click(frame, "whatif-start");
  await frame.fill('[data-testid="whatif-input-nytte"]', "2");
  const dbep = idOf("dbep");
  const presenterShows = (rank: string) =>
    presenter.waitForFunction(
      ([id, r]) => document.querySelector(`[data-flip-id="${id}"]`)?.getAttribute("data-rank") === r && document.querySelector('[data-testid="presenter-whatif"]') !== null,
      [dbep, rank],
      { timeout: 30000 },
    );
  await presenterShows("5");

  for (const tab of ["tab-ranking", "tab-findings", "tab-model", "tab-ranking"]) {
    await click(frame, tab);
    await frame.waitForSelector('[data-testid="whatif-bar"]');
    if (tab === "tab-ranking") {
      // Rangering shows the tried ranking with its movement, not the workbook's.
      await frame.waitForSelector('[data-testid="whatif-ranking-tab"]');
      expect(await frame.textContent(`[data-testid="whatif-row-${dbep}"] [data-testid="whatif-rank"]`)).toBe("5");
      expect(await frame.textContent(`[data-testid="whatif-row-${dbep}"] [data-testid="whatif-move"]`)).toBe("↑1");
      expect(await frame.$$('[data-testid="ranking-row"]')).toHaveLength(0);
    }
    if (tab === "tab-model") expect(await frame.inputValue('[data-testid="whatif-input-nytte"]')).toBe("2");
    // The presenter still shows the what-if ranking.
    await presenterShows("5");
  }
  await shot(page, "whatif-after-tab-switches-presenter");

  // Nothing was written: Modell still has 1, Logg has no new row.
  await page.waitForTimeout(300);
  expect(await cell("Modell", "G10")).toBe(1);
  expect(await logRows()).toEqual(logBefore);

  // «Bruk» from the bar on Rangering writes the weight once, logged; the presenter shows the workbook's ranking.
  await click(frame, "whatif-bar-apply");
  await page.waitForFunction(
    () => (window as unknown as { __prioPreview: { workbook: { getCell(s: string, a: string): { value: unknown } } } }).__prioPreview.workbook.getCell("Modell", "G10").value === 2,
  );
  await frame.waitForSelector('[data-testid="whatif-bar"]', { state: "detached" });
  await presenter.waitForFunction(() => document.querySelector('[data-testid="presenter-whatif"]') === null);
  await presenter.waitForFunction((id) => document.querySelector(`[data-flip-id="${id}"]`)?.getAttribute("data-rank") === "5", dbep);
  const added = (await logRows()).slice(logBefore.length);
  expect(added.map((r) => [r[1], r[2], r[3], r[4]])).toEqual([["Modellendring", "Modell!G10", "1", "2"]]);
});

test.each([320, 400])("the what-if bar and Rangering's tried ranking in a %i px pane", async (width) => {
  await page.setViewportSize({ width, height: 800 });
  await page.goto(`${preview.url}/taskpane.html`);
  await page.waitForSelector('[data-testid="ranking-row"]', { timeout: 60000 });
  await page.click('[data-testid="tab-model"]');
  await page.click('[data-testid="whatif-start"]');
  await page.fill('[data-testid="whatif-input-nytte"]', "2");
  await page.waitForSelector(`[data-testid="whatif-row-${idOf("dbep")}"] [data-testid="whatif-move"]`);
  await shot(page, `whatif-model-${width}`);
  await page.click('[data-testid="tab-ranking"]');
  await page.waitForSelector('[data-testid="whatif-ranking-tab"]');
  await shot(page, `whatif-ranking-${width}`);
  // Nothing in the bar is cut or pushed out of the pane.
  const overflow = await page.$eval('[data-testid="whatif-bar"]', (bar) =>
    [bar, ...Array.from(bar.querySelectorAll<HTMLElement>("button"))].map((el) => el.getBoundingClientRect().right).every((r) => r <= innerWidth),
  );
  expect(overflow).toBe(true);
  await page.click('[data-testid="whatif-bar-show"]');
  expect(await page.inputValue('[data-testid="whatif-input-nytte"]')).toBe("2");
});
