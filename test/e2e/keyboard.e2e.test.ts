/**
 * The facilitator's workshop with the keyboard only, in the preview (Chromium, pane 350 px): try a
 * weight («Hva om …»), apply it («Bruk»), save a round, open the presenter, export the deck — only
 * key presses after the pane is reached (as F6 reaches it in Excel), and after each step the test
 * asserts where the focus is: never dropped to the page, back on the button that opened a dialog
 * when it closes. A saved round is announced in the pane's live region.
 */
import type { Frame, Page } from "playwright-core";
import { pageForEachTest, shot, taskpane, usePreview } from "./harness";

const preview = usePreview();
let page: Page;
pageForEachTest(preview, { viewport: { width: 1280, height: 720 }, acceptDownloads: true, pageErrors: true }, (opened) => {
  page = opened.page;
});

/** What has the focus in a frame: its data-testid (or the closest one above it), role and accessible label. */
async function focused(frame: Frame): Promise<{ testid: string; tag: string; role: string; label: string; body: boolean }> {
  return frame.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    const withId = el?.closest("[data-testid]");
    return {
      testid: withId?.getAttribute("data-testid") ?? "",
      tag: el?.tagName.toLowerCase() ?? "",
      role: el?.getAttribute("role") ?? "",
      label: el?.getAttribute("aria-label") ?? el?.textContent?.trim() ?? "",
      body: el === null || el === document.body,
    };
  });
}

/** Presses Tab (Shift+Tab backwards) until the focus is on `testid`, at most `max` times; fails when it never gets there. */
async function tabTo(frame: Frame, testid: string, { back = false, max = 60 } = {}): Promise<number> {
  for (let i = 0; i <= max; i++) {
    if ((await focused(frame)).testid === testid) return i;
    await page.keyboard.press(back ? "Shift+Tab" : "Tab");
  }
  throw new Error(`Tab never reached ${testid}; the focus is on ${JSON.stringify(await focused(frame))}`);
}

/** Back to the tab list (Shift+Tab reaches the tab shown, the one tab in the Tab order), arrows to the tab and opens it with Enter. */
async function chooseTab(frame: Frame, id: string): Promise<void> {
  for (let i = 0; i < 60 && (await focused(frame)).role !== "tab"; i++) await page.keyboard.press("Shift+Tab");
  expect((await focused(frame)).role).toBe("tab");
  for (let i = 0; i < 10 && (await focused(frame)).testid !== `tab-${id}`; i++) await page.keyboard.press("ArrowRight");
  expect((await focused(frame)).testid).toBe(`tab-${id}`);
  await page.keyboard.press("Enter");
  await frame.waitForSelector(`[data-testid="tab-${id}"][aria-selected="true"]`);
}

const cell = (sheet: string, a1: string) =>
  page.evaluate(([s, a]) => (window as unknown as { __prioPreview: { workbook: { getCell(s: string, a: string): { value: unknown } } } }).__prioPreview.workbook.getCell(s, a).value, [sheet, a1]);

test("what-if, «Bruk», save a round, presenter, export: keyboard only, the focus asserted after each step", async () => {
  await page.goto(`${preview.url}/preview.html`);
  await page.waitForSelector('[data-testid="taskpane-frame"]', { timeout: 60000 });
  await page.$eval('[data-testid="taskpane-frame"]', (f) => ((f as HTMLIFrameElement).style.width = "350px"));
  const pane = await taskpane(page);
  // Into the pane as F6 brings Excel's focus to it; from here on only keys.
  await page.focus('[data-testid="taskpane-frame"]');
  await tabTo(pane, "export-open");

  // 1. Modell → «Hva om …»: the focus goes to the first slider.
  await tabTo(pane, "tab-ranking");
  expect(await pane.$$eval('[role="tab"][tabindex="0"]', (tabs) => tabs.map((t) => t.getAttribute("data-testid")))).toEqual(["tab-ranking"]);
  await chooseTab(pane, "model");
  await tabTo(pane, "whatif-start");
  await page.keyboard.press("Enter");
  await pane.waitForSelector('[data-testid="whatif"]');
  expect(await focused(pane)).toMatchObject({ testid: "whatif-slider-maal", tag: "input" });
  // Nytte tried at 2 with the number field: the tried ranking moves, nothing is written yet.
  await tabTo(pane, "whatif-input-nytte");
  await page.keyboard.press("Control+A");
  await page.keyboard.type("2");
  await pane.waitForSelector('[data-testid="whatif-move"]');
  expect(await pane.textContent('[data-testid="whatif-changed"]')).toBe("1 vekt endret");
  expect(await cell("Modell", "G10")).toBe(1);
  await shot(page, "keyboard-whatif");

  // 2. «Bruk»: the weight is written; the panel closes and the focus returns to «Hva om …».
  await tabTo(pane, "whatif-apply");
  await page.keyboard.press("Enter");
  await page.waitForFunction(() => (window as unknown as { __prioPreview: { workbook: { getCell(s: string, a: string): { value: unknown } } } }).__prioPreview.workbook.getCell("Modell", "G10").value === 2);
  await pane.waitForSelector('[data-testid="whatif"]', { state: "detached" });
  expect(await focused(pane)).toMatchObject({ testid: "whatif-start", body: false });

  // 3. Runder: name a round, save it with Enter on «Lagre»; the focus stays there and the pane announces it.
  await chooseTab(pane, "rounds");
  await tabTo(pane, "round-name");
  await page.keyboard.type("Runde 1");
  await tabTo(pane, "round-save");
  await page.keyboard.press("Enter");
  await pane.waitForSelector('[data-testid="round-item"]', { timeout: 30000 });
  expect(await focused(pane)).toMatchObject({ testid: "round-save", body: false });
  await pane.waitForFunction(() => document.querySelector('[data-testid="live-status"]')?.textContent === "Runden «Runde 1» er lagret (14 tiltak).");
  expect(await pane.getAttribute('[data-testid="live-status"]', "role")).toBe("status");

  // 4. Presenter: it opens with the ranking since the round and takes the focus, as Office's dialog window does;
  //    closing it (Tab to its close button, Enter) gives the focus back to «Presenter» in the pane.
  await tabTo(pane, "presenter-open", { back: true });
  await page.keyboard.press("Enter");
  const presenter = (await (await page.waitForSelector('[data-testid="dialog-frame"]')).contentFrame())!;
  await presenter.waitForSelector('[data-testid="presenter-since"]', { timeout: 60000 });
  expect(await presenter.textContent('[data-testid="presenter-since"]')).toContain("Runde 1");
  await page.waitForFunction(() => document.activeElement?.getAttribute("data-testid") === "dialog-frame");
  await shot(page, "keyboard-presenter");
  for (let i = 0; i < 10 && (await page.evaluate(() => document.activeElement?.getAttribute("data-testid"))) !== "dialog-close"; i++) await page.keyboard.press("Tab");
  expect(await page.evaluate(() => document.activeElement?.getAttribute("data-testid"))).toBe("dialog-close");
  await page.keyboard.press("Enter");
  await page.waitForSelector('[data-testid="dialog-overlay"]', { state: "detached" });
  expect(await page.evaluate(() => document.activeElement?.getAttribute("data-testid"))).toBe("taskpane-frame");
  expect(await focused(pane)).toMatchObject({ testid: "presenter-open" });

  // 5. Eksporter: the dialog opens with the focus inside; «PowerPoint» keeps the focus while it works
  //    (not disabled, so the focus is not dropped), the result is announced; Escape closes and the focus returns to «Eksporter».
  await tabTo(pane, "export-open", { back: true });
  await page.keyboard.press("Enter");
  await pane.waitForSelector('[data-testid="export-dialog"]');
  await pane.waitForFunction(() => document.activeElement?.closest('[data-testid="export-dialog"]') !== null);
  await tabTo(pane, "export-pptx");
  const [deck] = await Promise.all([page.waitForEvent("download", { timeout: 60000 }), page.keyboard.press("Enter")]);
  expect(deck.suggestedFilename()).toMatch(/^Prioritering \d{4}-\d{2}-\d{2}\.pptx$/);
  await pane.waitForSelector('[data-testid="export-status"][data-kind="success"]', { timeout: 60000 });
  expect(await focused(pane)).toMatchObject({ testid: "export-pptx", body: false });
  expect(await pane.$eval('[data-testid="export-status"]', (el) => el.closest('[role="status"]') !== null)).toBe(true);
  await shot(page, "keyboard-export");
  await page.keyboard.press("Escape");
  await pane.waitForSelector('[data-testid="export-dialog"]', { state: "detached" });
  expect(await focused(pane)).toMatchObject({ testid: "export-open", body: false });
});
