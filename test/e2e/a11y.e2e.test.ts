/**
 * Universal design (WCAG 2.1 AA, as EN 301 549 asks of Norwegian public-sector ICT), checked with
 * axe-core in Chromium: every tab of the task pane at 350 px (and the states a workshop reaches:
 * what-if on, a saved round, the Monte Carlo tables), the export dialog, and every page of the
 * presenter at 1280×720. Zero violations; where axe leaves colour contrast undecided (text over a
 * translucent fill or a bar) the test measures it from the computed colours, and every such text
 * reaches 4.5:1 (3:1 when large). The audits are written to test-results/a11y-*.json.
 */
import ExcelJS from "exceljs";
import { promises as fs } from "fs";
import * as path from "path";
import type { Frame, Page } from "playwright-core";
import { parseAddress } from "../../src/core/address";
import { defaultModel } from "../../src/core/model";
import { readXlsx } from "../../src/cli/xlsx";
import { readLegacyWorkbook } from "../../src/grid/legacy";
import { tempDir } from "../support/cli";
import { audit, lowContrast, type Audit } from "./a11y";
import { shot, SHOTS, taskpane, usePreview, type OpenPage } from "./harness";

const MEETING = path.resolve(__dirname, "../fixtures/prioritering-2022-09.xlsx");

const preview = usePreview();
let page: Page;
let opened: OpenPage;

let dir: string;
let cleanup: () => void;
/** A member's copy of the meeting with one score moved by 5 or more: a second scorer who disagrees. */
let kariFile: string;

beforeAll(async () => {
  ({ dir, cleanup } = tempDir());
  const legacy = readLegacyWorkbook((await readXlsx(MEETING)).grids, defaultModel())!;
  const cell = legacy.measures[0].input.scores["maal.behov"]!;
  const at = parseAddress(cell.address!)!;
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(MEETING);
  wb
    .getWorksheet(at.sheet!)!
    .getRow(at.row + 1)
    .getCell(at.col + 1).value = (cell.value as number) >= 5 ? 0 : 10;
  kariFile = path.join(dir, "Kari.xlsx");
  await wb.xlsx.writeFile(kariFile);
});
afterAll(() => cleanup?.());
afterEach(async () => {
  await opened.closeAndCheck();
});

async function open(width: number, height: number): Promise<void> {
  opened = await preview.open({ viewport: { width, height }, pageErrors: true });
  page = opened.page;
}

/** The preview with its task pane `width` px wide. */
async function paneAt(width: number, query = ""): Promise<Frame> {
  await page.goto(`${preview.url}/preview.html${query}`);
  await page.waitForSelector('[data-testid="taskpane-frame"]', { timeout: 60000 });
  await page.$eval('[data-testid="taskpane-frame"]', (f, w) => ((f as HTMLIFrameElement).style.width = `${w}px`), width);
  return taskpane(page);
}

/** Every screen audited in a test; checked together at its end, so one run lists every problem. */
let audits: Record<string, Audit> = {};
beforeEach(() => {
  audits = {};
});

/** Audits the frame (written to test-results/a11y-<name>.json). */
async function check(frame: Frame, name: string): Promise<Audit> {
  const a = await audit(frame);
  audits[name] = a;
  await fs.mkdir(SHOTS, { recursive: true });
  await fs.writeFile(path.join(SHOTS, `a11y-${name}.json`), JSON.stringify(a, null, 2));
  return a;
}

/** No violation, no contrast below what the text needs (axe's and the test's measurements), nothing else left undecided. */
function expectClean(): void {
  const problems = Object.entries(audits).flatMap(([name, a]) => [
    ...a.violations.map((v) => `${name}: ${v}`),
    ...lowContrast(a).map((v) => `${name}: contrast ${v}`),
    ...a.incomplete.map((v) => `${name}: undecided ${v}`),
  ]);
  expect(problems).toEqual([]);
}

async function tab(frame: Frame, id: string, ready: string): Promise<void> {
  await frame.click(`[data-testid="tab-${id}"]`);
  await frame.waitForSelector(ready, { timeout: 60000 });
  await page.mouse.move(0, 0);
}

test("every tab of the task pane at 350 px: no WCAG 2.1 A/AA violation, contrast measured where axe cannot", async () => {
  await open(1100, 900);
  const pane = await paneAt(350);
  await check(pane, "ranking");
  await tab(pane, "checklist", '[data-testid="checklist-panel"]');
  await check(pane, "checklist");
  await tab(pane, "findings", '[data-testid="finding"]');
  await check(pane, "findings");
  await tab(pane, "model", '[data-testid="weight-input-nytte"]');
  await check(pane, "model");
  await tab(pane, "stability", '[data-testid="pairwise-table"]');
  await pane.waitForSelector('[data-testid="stability-progress"]', { state: "detached", timeout: 60000 });
  await check(pane, "stability");
  await shot(page, "a11y-350-stability");
  await tab(pane, "selection", '[data-testid="selection-view"], [data-testid="selection-message"]');
  await pane.waitForSelector('[data-testid="selection-loading"]', { state: "detached", timeout: 60000 });
  await check(pane, "selection");
  await tab(pane, "rounds", '[data-testid="rounds-view"]');
  await pane.fill('[data-testid="round-name"]', "Runde 1");
  await pane.click('[data-testid="round-save"]');
  await pane.waitForSelector('[data-testid="round-item"]', { timeout: 30000 });
  await check(pane, "rounds");
  await tab(pane, "scorers", '[data-testid="scorers-view"], [data-testid="scorers-create"]');
  await check(pane, "scorers");
  // What-if on: the Modell view's sliders and the tried ranking, and the bar over the other tabs.
  await tab(pane, "model", '[data-testid="whatif-start"]');
  await pane.click('[data-testid="whatif-start"]');
  await pane.waitForSelector('[data-testid="whatif-slider-nytte"]');
  await pane.fill('[data-testid="whatif-input-nytte"] input, input[data-testid="whatif-input-nytte"]', "2");
  await pane.waitForSelector('[data-testid="whatif-move"]');
  await check(pane, "model-whatif");
  await shot(page, "a11y-350-whatif");
  await tab(pane, "ranking", '[data-testid="whatif-ranking-tab"]');
  await check(pane, "ranking-whatif");
  expect(Object.keys(audits)).toHaveLength(10);
  // No modal dialog was open: nothing is left to the keyboard to decide.
  expect(Object.values(audits).flatMap((a) => a.modal)).toEqual([]);
  expectClean();
});

test("the export dialog at 350 px", async () => {
  await open(1100, 900);
  const pane = await paneAt(350);
  await pane.click('[data-testid="export-open"]');
  await pane.waitForSelector('[data-testid="export-dialog"]');
  const a = await check(pane, "export");
  await shot(page, "a11y-350-export");
  expectClean();
  // What axe leaves to review behind the modal dialog (the pane it hides, Fluent's focus sentinels)
  // is decided here: Tab and Shift+Tab, 40 times each, never take the focus out of the dialog or onto a sentinel.
  expect(a.modal.length).toBeGreaterThan(0);
  const where = () =>
    pane.evaluate(() => {
      const el = document.activeElement;
      return el?.closest('[data-testid="export-dialog"]') !== null && !el?.hasAttribute("data-tabster-dummy") ? "inside" : `${el?.tagName} ${el?.getAttribute("data-testid") ?? ""}`;
    });
  const seen: string[] = [];
  for (const key of ["Tab", "Shift+Tab"])
    for (let i = 0; i < 40; i++) {
      await page.keyboard.press(key);
      seen.push(await where());
    }
  expect(seen.filter((w) => w !== "inside")).toEqual([]);
});

async function openPresenter(pane: Frame): Promise<Frame> {
  await pane.click('[data-testid="presenter-open"]');
  const handle = await page.waitForSelector('[data-testid="dialog-frame"]');
  const frame = (await handle.contentFrame())!;
  await frame.waitForSelector('[data-testid="presenter-row"]', { timeout: 60000 });
  return frame;
}

test("every page of the presenter at 1280×720: the ranking, with a round and with what-if, and how sure it is", async () => {
  await open(1280, 720);
  const pane = await paneAt(1280);
  await tab(pane, "stability", '[data-testid="rank-table"]');
  await tab(pane, "rounds", '[data-testid="rounds-view"]');
  await pane.fill('[data-testid="round-name"]', "Runde 1");
  await pane.click('[data-testid="round-save"]');
  await pane.waitForSelector('[data-testid="round-item"]', { timeout: 30000 });
  const presenter = await openPresenter(pane);
  await presenter.waitForSelector('[data-testid="presenter-since"]');
  await check(presenter, "presenter-ranking");
  await presenter.click('[data-testid="presenter-view-acceptability"]');
  await presenter.waitForSelector('[data-testid="presenter-acceptability"]');
  await check(presenter, "presenter-acceptability");
  await shot(page, "a11y-presenter-acceptability");
  await presenter.click('[data-testid="presenter-view-ranking"]');
  await pane.$eval('[data-testid="tab-model"]', (el) => (el as HTMLElement).click());
  await pane.waitForSelector('[data-testid="whatif-start"]');
  await pane.$eval('[data-testid="whatif-start"]', (el) => (el as HTMLElement).click());
  await pane.waitForSelector('[data-testid="whatif-slider-nytte"]');
  await pane.fill('[data-testid="whatif-input-nytte"] input, input[data-testid="whatif-input-nytte"]', "2");
  await presenter.waitForSelector('[data-testid="presenter-whatif"]');
  await check(presenter, "presenter-whatif");
  expectClean();
});

test("several scorers: the Vurderere tab at 350 px with a disagreement, and the presenter's disagreement at 1280×720", async () => {
  await open(1280, 720);
  const pane = await paneAt(350);
  await tab(pane, "scorers", '[data-testid="scorers-view"]');
  await pane.click('[data-testid="scorers-create"]');
  for (const [file, name] of [
    [MEETING, "Sekretariatet"],
    [kariFile, "Kari"],
  ]) {
    await pane.setInputFiles('[data-testid="scorers-fetch-file"]', file);
    await pane.waitForSelector('[data-testid="scorers-fetch-summary"]', { timeout: 60000 });
    await pane.fill('[data-testid="scorers-fetch-name"] input, input[data-testid="scorers-fetch-name"]', name);
    await pane.click('[data-testid="scorers-fetch-go"]');
    await pane.waitForSelector('[data-testid="scorers-message"][data-intent="success"]', { timeout: 60000 });
  }
  await pane.waitForSelector('[data-testid="scorers-disagreement"]', { timeout: 60000 });
  await check(pane, "scorers-two");
  await shot(page, "a11y-350-scorers");
  await page.$eval('[data-testid="taskpane-frame"]', (f) => ((f as HTMLIFrameElement).style.width = "1280px"));
  const presenter = await openPresenter(pane);
  // The disagreement is the presenter's last page (the ranking comes first): a clicker's End turns to it.
  await page.keyboard.press("End");
  await presenter.waitForSelector('[data-testid="presenter-scorers"]', { timeout: 60000 });
  await check(presenter, "presenter-scorers");
  await pane.$eval('[data-testid="scorers-reveal"]', (el) => (el as HTMLElement).click());
  await presenter.waitForSelector('[data-testid="presenter-scorers"][data-revealed="true"]', { timeout: 30000 });
  await check(presenter, "presenter-scorers-revealed");
  await shot(page, "a11y-presenter-scorers");
  expectClean();
}, 240_000);
