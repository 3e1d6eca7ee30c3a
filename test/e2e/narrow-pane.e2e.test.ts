/**
 * The task pane at the widths Excel gives it (320, 350, 400 px) and the preview on a 1280×720
 * projector: on the council meeting no two visible names in the ranking are equal, nothing in a
 * name is cut, and a ranking row leads to its row in Vurdering. The preview's own controls:
 * «Åpne .xlsx» replaces the workbook on screen (or says the file is not a workbook), typing
 * follows the display language's decimal comma, and «Last ned» saves the edited workbook.
 * Screenshots in test-results/ (narrow-*.png, projector-*.png) are looked at.
 */
import ExcelJS from "exceljs";
import { promises as fs } from "fs";
import * as path from "path";
import type { Frame, Page } from "playwright-core";
import { worksheetToGrid } from "../../src/grid/xlsx";
import { readWorkbook } from "../../src/grid/workbook";
import { SHOTS, pageForEachTest, rankingRows, shot, taskpane, typeInCell, usePreview } from "./harness";

const preview = usePreview();

/** Every ranking name as the eye reads it (innerText), and whether its box cuts anything off. */
async function visibleNames(frame: Frame | Page): Promise<{ id: string; text: string; cut: boolean; rowCut: boolean }[]> {
  return frame.$$eval('[data-testid="ranking-row"], [data-testid="ranking-unranked-row"]', (rows) =>
    rows.map((row) => {
      const name = row.querySelector('[data-testid="ranking-name"]') as HTMLElement;
      const inner = (name.querySelector("span, div") as HTMLElement | null) ?? name;
      const cut = [name, inner, ...Array.from(name.querySelectorAll<HTMLElement>("*"))].some((el) => el.scrollWidth > el.clientWidth + 1);
      return {
        id: row.getAttribute("data-measure-id") ?? "",
        text: name.innerText.replace(/\s+/g, " ").trim(),
        cut,
        rowCut: (row as HTMLElement).scrollWidth > (row as HTMLElement).clientWidth + 1,
      };
    }),
  );
}

describe.each([320, 350, 400])("the task pane %i px wide", (width) => {
  let page: Page;
  pageForEachTest(preview, { viewport: { width, height: 900 } }, (p) => (page = p.page));

  test.each(["nb-NO", "en-US"])("%s: 14 names, all different, none cut, the two «Spesialisthelsetjenesten» with their themes", async (locale) => {
    await page.goto(`${preview.url}/taskpane.html?lang=${locale}`);
    await page.waitForSelector('[data-testid="ranking-row"]', { timeout: 60000 });
    const names = await visibleNames(page);
    expect(names).toHaveLength(14);
    const texts = names.map((n) => n.text);
    expect(new Set(texts.map((t) => t.toLowerCase())).size).toBe(14);
    expect(names.filter((n) => n.cut || n.rowCut)).toEqual([]);
    expect(texts).toContain("Dokumentdeling: Spesialisthelsetjenesten");
    expect(texts).toContain("Kritisk info: Spesialisthelsetjenesten");
    // The header's status («Oppdatert på 95 ms») is read whole: the buttons beside it show icons only.
    await page.waitForFunction(() => /\d/.test(document.querySelector('[data-testid="status-line"]')?.textContent ?? ""));
    const status = await page.$eval('[data-testid="status-line"]', (el) => ({ text: el.textContent, cut: el.scrollWidth > el.clientWidth + 1 }));
    expect(status.text).toMatch(locale === "nb-NO" ? /^Oppdatert på \d+(,\d)? m?s$/ : /^Updated in \d+(\.\d)? m?s$/);
    expect(status.cut).toBe(false);
    // No part of the pane is wider than the pane (no sideways scrolling).
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
    await page.screenshot({ path: path.join(SHOTS, `narrow-${width}-${locale}.png`) });
  });
});

describe("the preview", () => {
  let page: Page;
  pageForEachTest(preview, { viewport: { width: 1280, height: 720 } }, (p) => (page = p.page));

  test("on a 1280×720 projector: names all different; a ranking row selects its row in Vurdering", async () => {
    await page.goto(`${preview.url}/preview.html`);
    const frame = await taskpane(page);
    const names = await visibleNames(frame);
    expect(new Set(names.map((n) => n.text)).size).toBe(14);
    expect(names.filter((n) => n.cut || n.rowCut)).toEqual([]);
    await shot(page, "projector-1280x720");
    // T008 is «Kritisk info: Spesialisthelsetjenesten», row 10 of Vurdering.
    await frame.click('[data-testid="ranking-row"][data-measure-id="T008"] [data-testid="ranking-name"]');
    await page.waitForFunction(() => document.querySelector(".formula-bar .address")?.textContent === "A10");
    expect(await page.getAttribute('[data-testid="sheet-tab-Vurdering"]', "aria-selected")).toBe("true");
    expect(await page.inputValue('[data-testid="formula-bar"]')).toBe("T008");
    // Keyboard: Tab to a name and Enter does the same.
    await frame.focus('[data-testid="ranking-row"][data-measure-id="T013"] [data-testid="ranking-name"]');
    await frame.press('[data-testid="ranking-row"][data-measure-id="T013"] [data-testid="ranking-name"]', "Enter");
    await page.waitForFunction(() => document.querySelector(".formula-bar .address")?.textContent === "A15");
    await shot(page, "projector-row-selected");
  });

  test("typing «7,5» in bokmål is the number 7.5, as in Excel; the formula bar shows 7,5", async () => {
    await page.goto(`${preview.url}/preview.html`);
    const frame = await taskpane(page);
    // PLL (T013, row 15): Informasjonsbehov (E) 8 → 7,5: Måloppnåelse 8.75, total 22.5.
    await typeInCell(page, "Vurdering", "E15", "7,5");
    await frame.waitForFunction(() => document.querySelector('[data-testid="ranking-row"][data-measure-id="T013"]')?.getAttribute("data-score") === "22.5");
    expect(await page.getAttribute('[data-testid="cell-E15"]', "data-value")).toBe("7.5");
    await page.click('[data-testid="cell-E15"]');
    expect(await page.inputValue('[data-testid="formula-bar"]')).toBe("7,5");
    expect(await frame.$$('[data-testid="finding"][data-code="cell-text"]')).toHaveLength(0);
  });

  test("«Åpne .xlsx»: a file that is not a workbook gets a message; a workbook replaces the one on screen", async () => {
    await page.goto(`${preview.url}/preview.html`);
    await taskpane(page);
    await page.setInputFiles('[data-testid="open-file"]', { name: "notater.xlsx", mimeType: "text/plain", buffer: Buffer.from("ikke en arbeidsbok") });
    expect(await (await page.waitForSelector('[data-testid="preview-message"]')).textContent()).toBe(
      "notater.xlsx er ikke en Excel-arbeidsbok (.xlsx) som kan leses: filen er verken en Excel-arbeidsbok eller et annet regneark. Åpne den i Excel og lagre som Excel-arbeidsbok (.xlsx).",
    );
    expect(await page.$$(".grid-view")).toHaveLength(1);

    const meeting = await fs.readFile(path.resolve(__dirname, "../fixtures/prioritering-2022-09.xlsx"));
    await page.setInputFiles('[data-testid="open-file"]', { name: "moete.xlsx", mimeType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", buffer: meeting });
    // The new workbook's sheets are on screen, and its pane (a new frame) shows the legacy layout.
    await page.waitForSelector('[data-testid="sheet-tab-Vurdering"]', { state: "detached" });
    const frame = await taskpane(page);
    await frame.waitForSelector('[data-testid="state-legacy"]');
    // One grid and one pane: the old ones are gone.
    expect(await page.$$(".grid-view")).toHaveLength(1);
    expect(await page.$$('[data-testid="taskpane-frame"]')).toHaveLength(1);
    expect(await page.$('[data-testid="sheet-tab-Vurdering"]')).toBeNull();
    expect(await page.$('[data-testid="sheet-tab-DBEP"]')).not.toBeNull();
    expect(await page.$('[data-testid="preview-message"]')).toBeNull();
    await shot(page, "preview-opened-file");
  });

  test("«Last ned» saves the edited workbook as .xlsx, which reads back with the edit and its ranking", async () => {
    await page.goto(`${preview.url}/preview.html`);
    const frame = await taskpane(page);
    for (const col of ["K", "L", "M", "N"]) await typeInCell(page, "Vurdering", `${col}8`, "6");
    await typeInCell(page, "Vurdering", "O8", "6");
    await frame.waitForSelector('[data-testid="ranking-row"][data-measure-id="T006"]');
    const started = Date.now();
    const [download] = await Promise.all([page.waitForEvent("download"), page.click('[data-testid="download"]')]);
    expect(download.suggestedFilename()).toBe("prioritering-2022-09.xlsx");
    const file = path.join(SHOTS, "downloaded.xlsx");
    await download.saveAs(file);
    console.log(`download built in ${Date.now() - started} ms`);
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(file);
    const read = readWorkbook(book.worksheets.map(worksheetToGrid));
    if (read.kind !== "addin") throw new Error(`expected the add-in layout, got ${read.kind}`);
    expect(read.assessment.measures.find((m) => m.id === "T006")).toMatchObject({ rank: 12, total: 14 });
    expect(await rankingRows(frame)).toHaveLength(14);
  });
});
