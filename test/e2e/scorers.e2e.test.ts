/**
 * Vurderere in the task pane, in Chromium (the production build with the preview's office.js stub
 * and the council meeting imported): create the Vurderere sheet, fetch the meeting workbook as a
 * first scorer and a member's copy with one score changed as a second, and see the disagreement
 * flagged, the agreement W and the combined ranking — each compared with the same computation in
 * Node. Screenshots at 400 and 320 px (test-results/scorers-*.png).
 */
import ExcelJS from "exceljs";
import * as path from "path";
import type { Frame, Page } from "playwright-core";
import { assess } from "../../src/core/assess";
import { parseAddress } from "../../src/core/address";
import { defaultModel, leaves } from "../../src/core/model";
import { analyseScorers, DEFAULT_SCORER_SETTINGS, type ScorerRow } from "../../src/core/scorers";
import { readXlsx } from "../../src/cli/xlsx";
import { legacyToScoringRows } from "../../src/grid/import";
import { readLegacyWorkbook } from "../../src/grid/legacy";
import { scoresFromWorkbook } from "../../src/grid/scorer-import";
import { tempDir } from "../support/cli";
import { pageForEachTest, shot, taskpane, usePreview } from "./harness";

const MEETING = path.resolve(__dirname, "../fixtures/prioritering-2022-09.xlsx");
const model = defaultModel();

const preview = usePreview();
let page: Page;
let dir: string;
let cleanup: () => void;
let kariFile: string;
let changed: { measure: string; before: number; after: number };
let expected: { w: number; totals: Map<string, number | null> };

beforeAll(async () => {
  ({ dir, cleanup } = tempDir());
  // Kari's copy: the meeting workbook with the first measure's Informasjonsbehov moved by at least 5.
  const { grids } = await readXlsx(MEETING);
  const legacy = readLegacyWorkbook(grids, model)!;
  const first = legacy.measures[0];
  const cell = first.input.scores["maal.behov"]!;
  const before = cell.value as number;
  const after = before >= 5 ? 0 : 10;
  changed = { measure: first.input.name, before, after };
  const at = parseAddress(cell.address!)!;
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(MEETING);
  wb
    .getWorksheet(at.sheet!)!
    .getRow(at.row + 1)
    .getCell(at.col + 1).value = after;
  kariFile = path.join(dir, "Kari.xlsx");
  await wb.xlsx.writeFile(kariFile);

  // The same in Node: this workbook's measures (the meeting imported), two scorers, the analysis.
  const here = legacyToScoringRows(legacy, model).rows.map((r) => ({
    id: r.id,
    name: r.name,
    theme: r.theme,
    scores: {},
  }));
  const rowsOf = async (file: string, scorer: string): Promise<ScorerRow[]> => {
    const got = scoresFromWorkbook((await readXlsx(file)).grids, here, model);
    if (!got.ok) throw new Error(got.reason);
    return got.rows.map((r) => ({
      scorer,
      measureId: r.id,
      scores: Object.fromEntries(leaves(model).map((l, i) => [l.id, { value: r.values[i] }])),
    }));
  };
  const rows = [...(await rowsOf(MEETING, "Sekretariatet")), ...(await rowsOf(kariFile, "Kari"))];
  const analysis = analyseScorers(model, here, rows, DEFAULT_SCORER_SETTINGS);
  expected = {
    w: analysis.agreement.w!,
    totals: new Map(assess(model, analysis.inputs).measures.map((m) => [m.id, m.total])),
  };
}, 120_000);
afterAll(() => cleanup?.());
pageForEachTest(preview, { viewport: { width: 400, height: 900 }, csp: true }, (p) => (page = p.page));

async function fetchAs(frame: Frame | Page, file: string, name: string | undefined): Promise<void> {
  await frame.setInputFiles('[data-testid="scorers-fetch-file"]', file);
  await frame.waitForSelector('[data-testid="scorers-fetch-summary"]', { timeout: 60_000 });
  if (name !== undefined)
    await frame.fill(
      '[data-testid="scorers-fetch-name"] input, input[data-testid="scorers-fetch-name"]',
      name
    );
  await frame.click('[data-testid="scorers-fetch-go"]');
  await frame.waitForSelector('[data-testid="scorers-message"][data-intent="success"]', {
    timeout: 60_000,
  });
}

test("add a second scorer and see the disagreement flag, the agreement and the combined ranking", async () => {
  await page.goto(`${preview.url}/taskpane.html?lang=nb`);
  const pane = page;
  await pane.waitForSelector('[data-testid="ranking-row"]', { timeout: 60_000 });
  await pane.click('[data-testid="tab-scorers"]');
  await pane.waitForSelector('[data-testid="scorers-create"]', { timeout: 60_000 });
  await pane.click('[data-testid="scorers-create"]');
  await pane.waitForSelector('[data-testid="scorers-none"]');

  // First scorer: the meeting workbook itself (the legacy layout), named by the secretariat.
  await fetchAs(pane, MEETING, "Sekretariatet");
  expect(await pane.textContent('[data-testid="scorers-message"]')).toMatch(
    /^\d+ rader lagt til for Sekretariatet, 0 erstattet, 0 hoppet over\.$/
  );
  await pane.waitForSelector('[data-testid="scorers-agreement"]', { timeout: 60_000 });
  // One scorer: no W, no disagreement yet.
  expect(await pane.getAttribute('[data-testid="scorers-agreement"]', "data-w")).toBe("");
  expect(await pane.$$('[data-testid="scorers-disagreement"]')).toHaveLength(0);

  // Second scorer: Kari's copy, named from its file.
  await pane.setInputFiles('[data-testid="scorers-fetch-file"]', kariFile);
  await pane.waitForSelector('[data-testid="scorers-fetch-summary"]');
  expect(
    await pane.inputValue(
      'input[data-testid="scorers-fetch-name"], [data-testid="scorers-fetch-name"] input'
    )
  ).toBe("Kari");
  await pane.click('[data-testid="scorers-fetch-go"]');
  await pane.waitForSelector('[data-testid="scorers-disagreement"]', { timeout: 60_000 });
  const flags = await pane.$$eval('[data-testid="scorers-disagreement"]', (els) =>
    els.map((e) => [e.getAttribute("data-criterion"), e.getAttribute("data-range"), e.textContent])
  );
  expect(flags).toHaveLength(1);
  expect(flags[0][0]).toBe("maal.behov");
  expect(Number(flags[0][1])).toBe(Math.abs(changed.before - changed.after));
  expect(flags[0][2]).toContain(changed.measure);
  expect(
    Number(await pane.getAttribute('[data-testid="scorers-agreement"]', "data-w"))
  ).toBeCloseTo(expected.w, 12);
  // The individual scores are hidden until revealed.
  expect(await pane.$('[data-testid="scorer-values"]')).toBeNull();
  await shot(page, "scorers-400-hidden");
  await pane.click('[data-testid="scorers-reveal"]');
  expect(await pane.isChecked('[data-testid="scorers-reveal"]')).toBe(true);
  await page.mouse.move(0, 0);
  await page.waitForTimeout(400);
  expect(await pane.textContent('[data-testid="scorer-values"]')).toBe(
    `Sekretariatet ${changed.before} · Kari ${changed.after}`
  );
  await shot(page, "scorers-400");
  await page.setViewportSize({ width: 320, height: 900 });
  await shot(page, "scorers-320");
  // Nothing is cut at 320 px: the view fits its width.
  expect(
    await pane.$eval('[data-testid="scorers-view"]', (e) => e.scrollWidth <= e.clientWidth + 1)
  ).toBe(true);

  // The ranking is the combined one.
  await pane.click('[data-testid="tab-ranking"]');
  const rows = await pane.$$eval('[data-testid="ranking-row"]', (els) =>
    els.map(
      (e) =>
        [e.getAttribute("data-measure-id")!, Number(e.getAttribute("data-score"))] as [
          string,
          number,
        ]
    )
  );
  expect(rows.length).toBeGreaterThan(5);
  for (const [id, score] of rows) expect(score).toBeCloseTo(expected.totals.get(id)!, 9);

  // Funn lists the disagreement with the workbook's findings, at the same Vurdering cell as the flag.
  await pane.click('[data-testid="tab-findings"]');
  await pane.waitForSelector('[data-testid="finding"][data-code="scorers-disagree"]');
  const flagged = await pane.$$eval('[data-testid="finding"][data-code="scorers-disagree"]', (els) => els.map((e) => e.getAttribute("data-cell")));
  // One flag, Informasjonsbehov (column E of Vurdering) of the measure whose score was changed.
  expect(flagged).toHaveLength(1);
  expect(flagged[0]).toMatch(/^Vurdering!E\d+$/);
  await shot(page, "scorers-findings-320");
}, 240_000);

test("the presenter view shows the disagreement with the scores hidden, and reveals them when the facilitator does", async () => {
  await page.setViewportSize({ width: 1400, height: 900 });
  await page.goto(`${preview.url}/preview.html`);
  const pane = await taskpane(page);
  await pane.click('[data-testid="tab-scorers"]');
  await pane.waitForSelector('[data-testid="scorers-fetch-choose"]', { timeout: 60_000 });
  await fetchAs(pane, MEETING, "Sekretariatet");
  await fetchAs(pane, kariFile, undefined);
  await pane.waitForSelector('[data-testid="scorers-disagreement"]', { timeout: 60_000 });

  await pane.click('[data-testid="presenter-open"]');
  const handle = await page.waitForSelector('[data-testid="dialog-frame"]');
  const presenter = (await handle.contentFrame())!;
  // The disagreement has a page of its own after the ranking: the clicker's End goes there.
  await presenter.waitForSelector('[data-testid="presenter-row"]', { timeout: 60_000 });
  await presenter.waitForFunction(() => document.querySelector('[data-testid="presenter"]')?.getAttribute("data-pages") === "2", undefined, { timeout: 60_000 });
  await page.keyboard.press("End");
  await presenter.waitForSelector('[data-testid="presenter-scorers"]', { timeout: 60_000 });
  expect(await presenter.getAttribute('[data-testid="presenter-scorers"]', "data-revealed")).toBe(
    "false"
  );
  const hidden = await presenter.textContent('[data-testid="presenter-disagreement"]');
  expect(hidden).toContain(changed.measure);
  expect(hidden).not.toContain("Kari");
  await presenter.waitForSelector('[data-testid="presenter-scores-hidden"]');

  // In the preview the presenter is an overlay over the pane (in Excel, its own window): a DOM click.
  await pane.$eval('[data-testid="scorers-reveal"]', (el) => (el as HTMLElement).click());
  await presenter.waitForSelector('[data-testid="presenter-scorers"][data-revealed="true"]', {
    timeout: 30_000,
  });
  expect(await presenter.textContent('[data-testid="presenter-disagreement"] .values')).toBe(
    `Sekretariatet ${changed.before} · Kari ${changed.after}`
  );
  await shot(page, "scorers-presenter");

  // The workbook's Rangering sheet says it too: Merknader of the measure carries the disagreement.
  await page.click('[data-testid="dialog-close"]');
  await page.click(`[data-testid="sheet-tab-Rangering"]`);
  const notes = await page.$$eval('[data-testid^="cell-B"]', (cells) =>
    cells.map((c) => {
      const row = c.getAttribute("data-testid")!.slice("cell-B".length);
      return [c.getAttribute("data-value"), document.querySelector(`[data-testid="cell-K${row}"]`)?.getAttribute("data-value") ?? null, row];
    })
  );
  const [, note, row] = notes.find(([name]) => name === changed.measure) ?? [];
  expect(note).toMatch(
    new RegExp(
      `^Vurdererne er uenige om ${changed.measure}: Informasjonsbehov \\(spenn ${Math.abs(changed.before - changed.after)}\\), minst 4 mellom høyeste og laveste score\\. Ta det opp i møtet \\(Vurdering!E\\d+\\)\\.( \\(\\+\\d+ funn til\\))?$`
    )
  );
  // Selected, the cell shows its text in the formula bar.
  await page.click(`[data-testid="cell-K${row}"]`);
  expect(await page.inputValue('[data-testid="formula-bar"]')).toBe(note);
  await shot(page, "scorers-rangering-merknader");
}, 240_000);

test("in English at 320 px: the same flag, in the display language, nothing cut", async () => {
  await page.setViewportSize({ width: 320, height: 900 });
  await page.goto(`${preview.url}/taskpane.html?lang=en`);
  await page.waitForSelector('[data-testid="ranking-row"]', { timeout: 60_000 });
  await page.click('[data-testid="tab-scorers"]');
  await page.waitForSelector('[data-testid="scorers-fetch-choose"]', { timeout: 60_000 });
  await fetchAs(page, MEETING, "Secretariat");
  await fetchAs(page, kariFile, undefined);
  await page.waitForSelector('[data-testid="scorers-disagreement"]', { timeout: 60_000 });
  expect(await page.textContent('[data-testid="scorers-method"]')).toBe(
    "Combined score: mean · disagreement at range ≥ 4 (settings on Modell)"
  );
  expect(await page.textContent('[data-testid="scorers-disagreement"]')).toContain(
    `range ${Math.abs(changed.before - changed.after)} · sd`
  );
  expect(
    await page.$eval('[data-testid="scorers-view"]', (e) => e.scrollWidth <= e.clientWidth + 1)
  ).toBe(true);
  await page.mouse.move(0, 0);
  await shot(page, "scorers-320-en");
}, 240_000);
