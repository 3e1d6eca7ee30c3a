/**
 * Eksporter in the preview, in Chromium: PowerPoint gives a download that is a real .pptx named
 * «Prioritering <date>.pptx» (its slides listed in the presentation, the ranked list in a native
 * table); CSV gives a UTF-8 file with a BOM and semicolons; «Kopier tabell» puts an HTML table and
 * tab-separated text on the clipboard; the title and meeting typed are remembered in the workbook's
 * settings; the exports' language can differ from the display language. Opened alone with ?platform=Mac the dialog says downloads are not possible and offers
 * the clipboard and the command line. Screenshots in test-results/.
 */
import { promises as fs } from "fs";
import JSZip from "jszip";
import type { Frame, Page } from "playwright-core";
import { downloaded, pageForEachTest, shot, taskpane, usePreview } from "./harness";

const preview = usePreview();
let page: Page;
pageForEachTest(preview, { viewport: { width: 1400, height: 900 }, acceptDownloads: true, permissions: ["clipboard-read", "clipboard-write"] }, (p) => (page = p.page));

async function openDialog(frame: Frame): Promise<void> {
  await frame.click('[data-testid="export-open"]');
  await frame.waitForSelector('[data-testid="export-dialog"]');
}

test("Eksporter → PowerPoint downloads the deck; CSV downloads the list", async () => {
  await page.goto(`${preview.url}/preview.html`);
  const frame = await taskpane(page);
  await shot(page, "export-button");
  await openDialog(frame);
  await frame.fill('[data-testid="export-meeting"] input, input[data-testid="export-meeting"]', "Nasjonalt e-helseråd 21.09.2022");
  await frame.fill('input[data-testid="export-top"]', "6");
  await shot(page, "export-dialog");
  const [deck] = await Promise.all([page.waitForEvent("download", { timeout: 60_000 }), frame.click('[data-testid="export-pptx"]')]);
  expect(deck.suggestedFilename()).toBe("Prioritering 2022-09-21.pptx");
  const bytes = await downloaded(deck);
  const zip = await JSZip.loadAsync(bytes);
  const slides = Object.keys(zip.files).filter((f) => /^ppt\/slides\/slide\d+\.xml$/.test(f));
  expect(slides.length).toBeGreaterThanOrEqual(5);
  const ranked = await zip.file("ppt/slides/slide2.xml")!.async("string");
  expect(ranked).toContain("<a:tbl>");
  expect(ranked).toContain("Rangert liste");
  expect(ranked).toContain("Minimumsliste – de 6 øverste");
  expect(ranked).toContain("22,8");
  expect(ranked).toContain("6=");
  expect((await zip.file("ppt/slides/slide1.xml")!.async("string")).includes("Nasjonalt e-helseråd 21.09.2022")).toBe(true);
  await frame.waitForSelector('[data-testid="export-status"][data-kind="success"]');
  expect(await frame.textContent('[data-testid="export-status"]')).toContain("Prioritering 2022-09-21.pptx");

  const [csv] = await Promise.all([page.waitForEvent("download"), frame.click('[data-testid="export-csv"]')]);
  expect(csv.suggestedFilename()).toBe("Prioritering 2022-09-21.csv");
  const text = await downloaded(csv).then((b) => b.toString("utf8"));
  expect(text.charCodeAt(0)).toBe(0xfeff);
  const lines = text.slice(1).split("\r\n");
  expect(lines[0]).toBe("Prioriteringsnummer;Tiltak;Score;Måloppnåelse;Kostnader;Nytte;Segment;Liste;Merknad");
  expect(lines[1]).toMatch(/^1;Legemidler: PLL;22,8;9,00;6,25;7,50;[^;]*;Minimumsliste;$/);
  await shot(page, "export-done");

  // The title and meeting are remembered: closing and opening again shows them.
  await frame.click('[data-testid="export-close"]');
  await openDialog(frame);
  expect(await frame.inputValue('input[data-testid="export-meeting"]')).toBe("Nasjonalt e-helseråd 21.09.2022");
});

test("Kopier tabell puts an HTML table and tab-separated text on the clipboard", async () => {
  await page.goto(`${preview.url}/preview.html`);
  const frame = await taskpane(page);
  await openDialog(frame);
  await frame.click('[data-testid="export-copy"]');
  await frame.waitForSelector('[data-testid="export-status"][data-kind="success"]');
  const clip = await frame.evaluate(async () => {
    const items = await navigator.clipboard.read();
    const out: Record<string, string> = {};
    for (const item of items) for (const type of item.types) out[type] = await (await item.getType(type)).text();
    return out;
  });
  expect(clip["text/html"]).toMatch(/^<table[^>]*><thead><tr><th[^>]*>Prioriteringsnummer<\/th>/);
  expect(clip["text/html"]).toContain(">Legemidler: PLL</td>");
  const rows = clip["text/plain"].split("\n");
  expect(rows[0].split("\t").slice(0, 3)).toEqual(["Prioriteringsnummer", "Tiltak", "Score"]);
  expect(rows[1].split("\t").slice(0, 3)).toEqual(["1", "Legemidler: PLL", "22,8"]);
  expect(rows.filter((r) => r.startsWith("6=\t"))).toHaveLength(2);

  // The exports' language is chosen apart from the display language.
  await frame.selectOption('select[data-testid="export-lang"]', "en");
  await frame.click('[data-testid="export-copy"]');
  await frame.waitForSelector('[data-testid="export-status"][data-kind="success"]');
  const en = await frame.evaluate(async () => (await (await navigator.clipboard.read())[0].getType("text/plain")).text());
  expect(en.split("\n")[1].split("\t").slice(0, 3)).toEqual(["1", "Legemidler: PLL", "22.8"]);
  expect(en.split("\n")[0].split("\t").slice(0, 3)).toEqual(["Priority", "Measure", "Score"]);
});

test("on a Mac the dialog says downloads are not possible and offers Kopier tabell and the command line", async () => {
  await page.setViewportSize({ width: 320, height: 700 });
  await page.goto(`${preview.url}/taskpane.html?platform=Mac`);
  await page.waitForSelector('[data-testid="ranking-row"]', { timeout: 60_000 });
  // A 320 px pane: the header's title is whole; the export button shows its icon and keeps its name.
  expect(await page.$eval("h1", (h) => h.scrollWidth <= h.clientWidth)).toBe(true);
  expect(await page.getAttribute('[data-testid="export-open"]', "aria-label")).toBe("Eksporter");
  await shot(page, "export-narrow");
  await page.click('[data-testid="export-open"]');
  await page.waitForSelector('[data-testid="export-mac"]');
  expect(await page.textContent('[data-testid="export-mac"]')).toContain("npx prio slides");
  expect(await page.$('[data-testid="export-pptx"]')).toBeNull();
  expect(await page.$('[data-testid="export-csv"]')).toBeNull();
  expect(await page.$('[data-testid="export-copy"]')).not.toBeNull();
  await shot(page, "export-mac");
});

test("with the budget frame of examples/utvalg.xlsx the deck's minimum and plus list are the exact selection's, not the top N typed", async () => {
  await page.goto(`${preview.url}/preview.html`);
  await taskpane(page);
  await page.setInputFiles('input[type="file"]', `${__dirname}/../../examples/utvalg.xlsx`);
  // The preview reloads the pane's frame with the opened workbook: wait for the new frame's ranking.
  let frame: Frame | undefined;
  for (let tries = 0; tries < 60 && !frame; tries++) {
    const handle = await page.$('[data-testid="taskpane-frame"]');
    const f = await handle?.contentFrame();
    if (f && (await f.$('[data-testid="ranking-row"][data-measure-id="T030"]').catch(() => null))) frame = f;
    else await page.waitForTimeout(1000);
  }
  if (!frame) throw new Error("the pane did not show the opened workbook");
  await openDialog(frame);
  await frame.fill('input[data-testid="export-top"]', "5");
  const [deck] = await Promise.all([page.waitForEvent("download", { timeout: 120_000 }), frame.click('[data-testid="export-pptx"]')]);
  const zip = await JSZip.loadAsync(await downloaded(deck));
  const ranked = await zip.file("ppt/slides/slide2.xml")!.async("string");
  expect(ranked).toContain("Minimumsliste – best samlet score innenfor minimumsrammen på 100 MNOK");
  expect(ranked).toContain("Pluss-liste – det budsjettrammen på 240 MNOK gir i tillegg");
  expect(ranked).toContain("Rammene fra arket Modell: budsjettramme 240 MNOK, minimumsramme 100 MNOK");
  expect(ranked).toContain("Sum: 9 tiltak");
  expect(await frame.getAttribute('[data-testid="export-frames"]', "data-state")).toBe("workbook");
  expect(ranked).not.toContain("de 5 øverste");
});
