/**
 * Odd input in the browser, through the pane's own code: the preview opens examples/utvalg.xlsx as
 * openpyxl and as LibreOffice save it (test/fixtures/interop/) with the same ranking as the file
 * exceljs wrote (LibreOffice has no «very hidden» sheet and saves PrioData as hidden: the pane reads
 * it as the store, since it holds a store slot the add-in wrote, and hides it very again, where it
 * stopped before, taking it for a person's sheet); and a workbook whose name holds Excel's `_x0001_` gives, from the pane's
 * *PowerPoint*, a deck whose every part is well-formed XML (libxml2) with the name shown as `\x01`
 * (in the browser JSZip encodes text its own way, not with Node's Buffer).
 */
import { promises as fs } from "fs";
import JSZip from "jszip";
import * as path from "path";
import type { Frame, Page } from "playwright-core";
import { validateXML } from "xmllint-wasm";
import { downloaded, pageForEachTest, rankingRows, taskpane, usePreview } from "./harness";

const ROOT = path.resolve(__dirname, "../..");
const UTVALG = path.join(ROOT, "examples/utvalg.xlsx");

const preview = usePreview();
let page: Page;
pageForEachTest(preview, { viewport: { width: 1400, height: 900 }, acceptDownloads: true, pageErrors: true }, (opened) => {
  page = opened.page;
});

/** Opens a workbook in the preview («Åpne .xlsx») and waits for the pane's new frame to rank measure `last`. */
async function open(file: { name: string; buffer: Buffer }, last = "T030"): Promise<Frame> {
  await page.goto(`${preview.url}/preview.html`);
  // The preview starts with the council meeting, which has no measure `last`: what follows is the opened file's.
  const before = await taskpane(page);
  expect(await before.$(`[data-testid="ranking-row"][data-measure-id="${last}"]`)).toBeNull();
  await page.setInputFiles('input[type="file"]', { ...file, mimeType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" });
  for (let tries = 0; tries < 60; tries++) {
    const f = await (await page.$('[data-testid="taskpane-frame"]'))?.contentFrame();
    if (f && (await f.$(`[data-testid="ranking-row"][data-measure-id="${last}"]`).catch(() => null))) return f;
    await page.waitForTimeout(1000);
  }
  throw new Error(`the pane did not show ${file.name}`);
}

test("utvalg.xlsx as openpyxl saves it opens with the same ranking as the file exceljs wrote", async () => {
  const expected = await rankingRows(await open({ name: "utvalg.xlsx", buffer: await fs.readFile(UTVALG) }));
  expect(expected).toHaveLength(30);
  const rows = await rankingRows(await open({ name: "utvalg-openpyxl.xlsx", buffer: await fs.readFile(path.join(ROOT, "test/fixtures/interop/openpyxl/utvalg.xlsx")) }));
  expect(rows).toEqual(expected);
});

test("utvalg.xlsx as LibreOffice saves it (PrioData hidden, not very hidden) opens with the same ranking, PrioData very hidden again", async () => {
  const expected = await rankingRows(await open({ name: "utvalg.xlsx", buffer: await fs.readFile(UTVALG) }));
  const frame = await open({ name: "utvalg-libreoffice.xlsx", buffer: await fs.readFile(path.join(ROOT, "test/fixtures/interop/libreoffice/utvalg.xlsx")) });
  expect(await rankingRows(frame)).toEqual(expected);
  expect(await frame.$('[data-testid="state-error"], [data-testid="error-bar"]')).toBeNull();
  // The preview's workbook (shared with the pane's frame): PrioData very hidden again.
  const visibility = await page.evaluate(
    () => (window as unknown as { __prioPreview: { workbook: { sheetInfo(name: string): { visibility: string } } } }).__prioPreview.workbook.sheetInfo("PrioData").visibility,
  );
  expect(visibility).toBe("VeryHidden");
});

test("a name holding _x0001_: the pane's deck shows it as \\x01 and every part of it is well-formed XML", async () => {
  const zip = await JSZip.loadAsync(await fs.readFile(UTVALG));
  const strings = await zip.file("xl/sharedStrings.xml")!.async("string");
  zip.file("xl/sharedStrings.xml", strings.replace("Pasientens legemiddelliste – grunnmur", "Pasientens legemiddelliste_x0001_ – grunnmur"));
  const frame = await open({ name: "kontrolltegn.xlsx", buffer: Buffer.from(await zip.generateAsync({ type: "uint8array" })) });
  await frame.click('[data-testid="export-open"]');
  await frame.waitForSelector('[data-testid="export-dialog"]');
  const [download] = await Promise.all([page.waitForEvent("download", { timeout: 120_000 }), frame.click('[data-testid="export-pptx"]')]);
  const deck = await JSZip.loadAsync(await downloaded(download));
  const parts = Object.values(deck.files).filter((f) => !f.dir && /\.(xml|rels)$/.test(f.name));
  const result = await validateXML({ xml: await Promise.all(parts.map(async (f, i) => ({ fileName: `part${i}.xml`, contents: await f.async("uint8array") }))), schema: [] });
  expect(result.errors.map((e) => e.rawMessage)).toEqual([]);
  expect(await deck.file("ppt/slides/slide2.xml")!.async("string")).toContain("<a:t>Legemidler: Pasientens legemiddelliste\\x01 – grunnmur</a:t>");
  expect(await deck.file("ppt/charts/chart1.xml")!.async("string")).toContain("Legemidler: Pasientens legemiddelliste\\x01 – grunnmur");
});
