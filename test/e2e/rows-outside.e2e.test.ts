/**
 * An analyst pastes new measures under the Vurdering table, but the table does not grow (the
 * example utvalg.xlsx with 25 measure rows written below row 32): the pane says so in Funn, naming
 * row 33, and «Utvid tabellen til rad 57» takes them in; the ranking then has 55 measures and the
 * cells the person pasted are as they were.
 */
import type { Frame } from "playwright-core";
import { pageForEachTest, shot, taskpane, usePreview } from "./harness";
import { utvalgWith } from "../support/utvalg";

const preview = usePreview();
let page: import("playwright-core").Page;
pageForEachTest(preview, { viewport: { width: 1400, height: 900 }, csp: true, pageErrors: true }, (p) => (page = p.page));

test("rows below the table: named in Funn, and «Utvid tabellen» takes them in without changing a cell", async () => {
  const file = await utvalgWith((wb) => {
    const ws = wb.getWorksheet("Vurdering")!;
    for (let i = 0; i < 25; i++) ws.getRow(33 + i).values = [`X${i + 1}`, `Limt inn ${i + 1}`, "Tema", "Aktør", ...new Array<number>(11).fill(4), null, 5];
  });
  await page.goto(`${preview.url}/preview.html`);
  await taskpane(page);
  await page.setInputFiles('input[type="file"]', { name: "utvalg-limt.xlsx", mimeType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", buffer: file });
  let frame: Frame | undefined;
  for (let tries = 0; tries < 60 && !frame; tries++) {
    const handle = await page.$('[data-testid="taskpane-frame"]');
    const f = await handle?.contentFrame();
    if (f && (await f.$('[data-testid="ranking-row"][data-measure-id="T030"]').catch(() => null))) frame = f;
    else await page.waitForTimeout(1000);
  }
  if (!frame) throw new Error("the pane did not show the opened workbook");
  expect(await frame.$$('[data-testid="ranking-row"]')).toHaveLength(30);

  await frame.click('[data-testid="tab-findings"]');
  const item = '[data-testid="finding"][data-code="table-rows-outside"]';
  await frame.waitForSelector(item);
  expect(await frame.getAttribute(item, "data-cell")).toBe("Vurdering!A33");
  expect(await frame.textContent(item)).toContain("25 rader fra rad 33 (til rad 57) under tabellen på arket Vurdering ser ut som tiltak");
  const button = `${item} [data-testid="finding-extend-table"]`;
  expect(await frame.textContent(button)).toBe("Utvid tabellen til rad 57");
  await shot(page, "rows-outside-offer");
  await frame.click(button);
  await frame.waitForSelector('[data-testid="notice"][data-kind="success"]', { timeout: 30000 });
  expect(await frame.textContent('[data-testid="notice"]')).toContain("Tabellen på arket Vurdering går nå til rad 57; 25 rader som så ut som tiltak er tatt med.");
  await frame.waitForFunction(() => document.querySelectorAll('[data-testid="finding"][data-code="table-rows-outside"]').length === 0, undefined, { timeout: 30000 });
  await shot(page, "rows-outside-extended");

  await frame.click('[data-testid="tab-ranking"]');
  await frame.waitForSelector('[data-testid="ranking-row"][data-measure-id="X25"]');
  expect(await frame.$$('[data-testid="ranking-row"]')).toHaveLength(55);
  // What was pasted is as it was.
  await page.click('[data-testid="sheet-tab-Vurdering"]');
  expect(await page.getAttribute('[data-testid="cell-A57"]', "data-value")).toBe("X25");
  expect(await page.getAttribute('[data-testid="cell-B57"]', "data-value")).toBe("Limt inn 25");
  expect(await page.getAttribute('[data-testid="cell-Q57"]', "data-value")).toBe("5");
});
