/**
 * Odd input in the pane (issue 17), on examples/utvalg.xlsx changed as a person would leave it:
 * - new measures pasted under the Vurdering table, which did not grow (25 rows below row 32): Funn
 *   names row 33, and «Utvid tabellen til rad 57» takes them in; the ranking then has 55 measures
 *   and the pasted cells are as they were;
 * - a Budsjettramme of «mye» on Modell: the Utvalg tab names Modell!M9 and what is wrong, never
 *   «type a budget frame».
 * The pane is 350 px wide; screenshots (test-results/rows-outside-*.png) are looked at.
 */
import type { Frame } from "playwright-core";
import * as path from "path";
import { pageForEachTest, SHOTS, shot, taskpane, usePreview } from "./harness";
import { setCells, utvalgWith } from "../support/utvalg";

const preview = usePreview();
let page: import("playwright-core").Page;
pageForEachTest(preview, { viewport: { width: 1400, height: 900 }, csp: true, pageErrors: true }, (p) => (page = p.page));

/** The task pane alone, as it looks 350 px wide (test-results/<name>.png). */
async function paneShot(name: string): Promise<void> {
  await (await page.$('[data-testid="taskpane-frame"]'))!.screenshot({ path: path.join(SHOTS, `${name}.png`), animations: "disabled" });
}

/** The preview with the file opened; the pane's frame once it ranks the file's T030. */
async function openInPreview(file: Buffer, name: string): Promise<Frame> {
  await page.goto(`${preview.url}/preview.html`);
  await taskpane(page);
  await page.setInputFiles('input[type="file"]', { name, mimeType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", buffer: file });
  for (let tries = 0; tries < 60; tries++) {
    const handle = await page.$('[data-testid="taskpane-frame"]');
    const f = await handle?.contentFrame();
    if (f && (await f.$('[data-testid="ranking-row"][data-measure-id="T030"]').catch(() => null))) {
      // The pane as wide as Excel usually gives it (the opened file's pane is a new frame; 1 px of the frame is its border).
      await handle!.evaluate((el) => ((el as HTMLIFrameElement).style.width = "351px"));
      await f.waitForFunction(() => window.innerWidth === 350);
      return f;
    }
    await page.waitForTimeout(1000);
  }
  throw new Error("the pane did not show the opened workbook");
}

test("rows below the table: named in Funn, and «Utvid tabellen» takes them in without changing a cell", async () => {
  const file = await utvalgWith((wb) => {
    const ws = wb.getWorksheet("Vurdering")!;
    for (let i = 0; i < 25; i++) ws.getRow(33 + i).values = [`X${i + 1}`, `Limt inn ${i + 1}`, "Tema", "Aktør", ...new Array<number>(11).fill(4), null, 5];
  });
  const frame = await openInPreview(file, "utvalg-limt.xlsx");
  expect(await frame.$$('[data-testid="ranking-row"]')).toHaveLength(30);

  await frame.click('[data-testid="tab-findings"]');
  const item = '[data-testid="finding"][data-code="table-rows-outside"]';
  await frame.waitForSelector(item);
  expect(await frame.getAttribute(item, "data-cell")).toBe("Vurdering!A33");
  expect(await frame.textContent(item)).toContain("25 rader fra rad 33 (til rad 57) under tabellen på arket Vurdering ser ut som tiltak");
  const button = `${item} [data-testid="finding-extend-table"]`;
  expect(await frame.textContent(button)).toBe("Utvid tabellen til rad 57");
  // At 350 px nothing in the finding is wider than its box (no sideways scrolling, no cut button).
  const over = await frame.$eval(item, (el) =>
    [el, ...Array.from(el.querySelectorAll<HTMLElement>("*"))].filter((e) => e.scrollWidth > e.clientWidth + 1).map((e) => e.outerHTML.slice(0, 80)),
  );
  expect(over).toEqual([]);
  expect(await frame.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(350);
  await shot(page, "rows-outside-offer");
  await paneShot("rows-outside-offer-350");
  await frame.click(button);
  await frame.waitForSelector('[data-testid="notice"][data-kind="success"]', { timeout: 30000 });
  expect(await frame.textContent('[data-testid="notice"]')).toContain("Tabellen på arket Vurdering går nå til rad 57; 25 rader som så ut som tiltak er tatt med.");
  await frame.waitForFunction(() => document.querySelectorAll('[data-testid="finding"][data-code="table-rows-outside"]').length === 0, undefined, { timeout: 30000 });
  await shot(page, "rows-outside-extended");
  await paneShot("rows-outside-extended-350");

  await frame.click('[data-testid="tab-ranking"]');
  await frame.waitForSelector('[data-testid="ranking-row"][data-measure-id="X25"]');
  expect(await frame.$$('[data-testid="ranking-row"]')).toHaveLength(55);
  // What was pasted is as it was.
  await page.click('[data-testid="sheet-tab-Vurdering"]');
  expect(await page.getAttribute('[data-testid="cell-A57"]', "data-value")).toBe("X25");
  expect(await page.getAttribute('[data-testid="cell-B57"]', "data-value")).toBe("Limt inn 25");
  expect(await page.getAttribute('[data-testid="cell-Q57"]', "data-value")).toBe("5");
});

test("a Budsjettramme of «mye»: the Utvalg tab names Modell!M9 and what is wrong with it", async () => {
  const frame = await openInPreview(await utvalgWith((wb) => setCells(wb, "Modell", { M9: "mye" })), "utvalg-mye.xlsx");
  await frame.click('[data-testid="tab-selection"]');
  await frame.waitForSelector('[data-testid="selection-message"]', { timeout: 60000 });
  expect(await frame.textContent('[data-testid="selection-message"]')).toBe(
    "Modell!M9: «mye» i Budsjettramme (MNOK) er ikke et beløp og er ikke brukt. Skriv rammen i millioner kroner som et tall.",
  );
  await shot(page, "selection-frame-mye");
});
