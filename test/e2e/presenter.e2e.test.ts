/**
 * The presenter view in the preview at 1280×720 (a projector): opened from the task pane, it
 * shows the top 15 in large type with ties as 6=, and follows a weight change live with arrows.
 * Screenshots go to test-results/ and are looked at.
 */
import type { Browser, Frame, Page } from "playwright-core";
import fixture from "../fixtures/prioritering-2022-09.json";
import { launch, offline, serve, shot, taskpane, watchCsp } from "./harness";

let server: Awaited<ReturnType<typeof serve>>;
let browser: Browser;
let page: Page;
let outside: string[];
let violations: string[];

beforeAll(async () => {
  server = await serve();
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});
beforeEach(async () => {
  page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
  outside = await offline(page);
  // The pages (the pane, and the presenter's own page) run under the Content-Security-Policy.
  violations = await watchCsp(page);
});
afterEach(async () => {
  await page.close();
  expect(outside).toEqual([]);
  expect(violations).toEqual([]);
});

const idOf = (fixtureId: string) => `T${String(fixture.measures.findIndex((m) => m.id === fixtureId) + 1).padStart(3, "0")}`;

async function openPresenter(pane: Frame): Promise<Frame> {
  await pane.click('[data-testid="presenter-open"]');
  const handle = await page.waitForSelector('[data-testid="dialog-frame"]');
  const frame = (await handle.contentFrame())!;
  await frame.waitForSelector('[data-testid="presenter-row"]', { timeout: 60000 });
  return frame;
}

test("opened at 1280×720 it shows every ranked row in large type, ties as 6=, and follows a weight change with arrows", async () => {
  await page.goto(`${server.url}/preview.html`);
  const pane = await taskpane(page);
  const presenter = await openPresenter(pane);

  const rows = await presenter.$$eval('[data-testid="presenter-row"]', (els) =>
    els.map((el) => {
      const box = el.getBoundingClientRect();
      const label = el.querySelector(".label")!;
      return { rank: el.getAttribute("data-rank"), name: label.textContent, top: box.top, bottom: box.bottom, font: parseFloat(getComputedStyle(label).fontSize) };
    }),
  );
  await shot(page, "presenter-1280x720");
  // The meeting has 14 measures (13 ranked): all are on screen, inside 720 px, names at 28 px or more.
  expect(rows).toHaveLength(14);
  expect(rows.filter((r) => r.bottom <= 720)).toHaveLength(14);
  for (const r of rows) expect(r.font).toBeGreaterThanOrEqual(28);
  expect(rows.map((r) => r.rank)).toEqual(["1", "2", "3", "4", "5", "6=", "6=", "8", "9", "10", "11", "12", "13", "–"]);
  expect(rows[5].name).toBe("DBEP: Implementering av DBEP");
  // A ranked row is at most 45 px high, so 15 rows and the header fit at 1280×720.
  for (const r of rows.slice(0, 13)) expect(r.bottom - r.top).toBeLessThanOrEqual(45);

  // A weight changed in the pane: the presenter follows, with the arrows and their words.
  // (The presenter covers the pane as the dialog covers the projector; the pane is driven directly.)
  await pane.$eval('[data-testid="tab-model"]', (el) => (el as HTMLElement).click());
  await pane.fill('[data-testid="weight-input-nytte"]', "2");
  await pane.press('[data-testid="weight-input-nytte"]', "Enter");
  const dbep = `[data-testid="presenter-row"][data-rank="5"]`;
  await presenter.waitForFunction((sel) => document.querySelector(sel)?.textContent?.includes("Implementering av DBEP") === true, dbep, { timeout: 60000 });
  expect(await presenter.textContent(`${dbep} .move`)).toBe("↑1");
  expect(await presenter.getAttribute(`${dbep} .move`, "aria-label")).toBe("opp 1 fra 6");
  await page.waitForTimeout(600); // the reordering animation ends
  await shot(page, "presenter-1280x720-nytte-2");
  expect(idOf("dbep")).toMatch(/^T\d{3}$/);
});

test("with 20 measures with long names the top 15 are on screen at 1280×720, 6= included", async () => {
  await page.goto(`${server.url}/preview.html`);
  const pane = await taskpane(page);
  const presenter = await openPresenter(pane);
  // A ranking of 20 (the pane sends what it shows; here the message is sent as messageChild does).
  const names = fixture.measures.map((m) => `${m.sheet}: ${m.header}`);
  const rows = Array.from({ length: 20 }, (_, i) => ({
    id: `m${i}`,
    rank: i === 5 || i === 6 ? "6=" : String(i + 1),
    name: `${names[i % names.length]}${i >= names.length ? " (2)" : ""}`,
    total: "18,2",
    bar: 1 - i / 25,
    segment: ["Samstyre", "Koordinere", "Observere", "Inspirere"][i % 4],
    ...(i === 3 ? { move: { by: 2, from: 6, text: "opp 2 fra 6" } } : {}),
  }));
  const message = {
    kind: "ranking",
    lang: "nb",
    title: "Rangering",
    captions: { rank: "Plass", measure: "Tiltak", total: "Sum", segment: "Segment", move: "Endring" },
    rows,
  };
  await presenter.evaluate((m) => window.postMessage({ prioDialog: JSON.stringify(m) }, location.origin), message);
  await presenter.waitForFunction(() => document.querySelectorAll('[data-testid="presenter-row"]').length === 20);
  await shot(page, "presenter-1280x720-20-rows");
  const boxes = await presenter.$$eval('[data-testid="presenter-row"]', (els) => els.map((el) => ({ rank: el.getAttribute("data-rank"), bottom: el.getBoundingClientRect().bottom })));
  expect(boxes.slice(0, 15).every((b) => b.bottom <= 720)).toBe(true);
  expect(boxes.slice(0, 15).map((b) => b.rank)).toContain("6=");
});

test("the rank acceptability table: once the Stabilitet view has its Monte Carlo, the presenter switches to it at 1280×720, every probability printed and heat-mapped", async () => {
  await page.goto(`${server.url}/preview.html`);
  const pane = await taskpane(page);
  // Without a result the presenter offers no switch.
  let presenter = await openPresenter(pane);
  expect(await presenter.$('[data-testid="presenter-view-acceptability"]')).toBeNull();
  await page.click('[data-testid="dialog-close"]');

  await pane.click('[data-testid="tab-stability"]');
  await pane.waitForSelector('[data-testid="rank-table"]', { timeout: 60000 });
  const paneRows = await pane.$$eval('[data-testid="rank-row"]', (trs) =>
    trs.map((tr) => Array.from(tr.querySelectorAll('[data-testid="rank-cell"]')).map((td) => Number(td.getAttribute("data-p")))),
  );
  expect(paneRows).toHaveLength(13);

  presenter = await openPresenter(pane);
  await presenter.waitForSelector('[data-testid="presenter-view-acceptability"]', { timeout: 30000 });
  await presenter.click('[data-testid="presenter-view-acceptability"]');
  await presenter.waitForSelector('[data-testid="presenter-acceptability"]');
  expect(await presenter.isVisible('[data-testid="presenter-list"]')).toBe(false);
  expect(await presenter.textContent("h1")).toBe("Hvor sikker er rangeringen");
  await shot(page, "presenter-acceptability-1280x720");

  const rows = await presenter.$$eval('[data-testid="presenter-acceptability-row"]', (trs) =>
    trs.map((tr) => {
      const box = tr.getBoundingClientRect();
      return {
        name: tr.querySelector("th")?.textContent ?? "",
        bottom: box.bottom,
        cells: Array.from(tr.querySelectorAll("td.acc-place")).map((td) => ({ text: td.textContent ?? "", bg: getComputedStyle(td).backgroundColor })),
      };
    }),
  );
  const headers = await presenter.$$eval('[data-testid="presenter-acceptability"] thead th.acc-place', (ths) => ths.map((th) => th.textContent));
  // 13 ranked measures: places 1–9 and «10–13» (ten place columns on the projector).
  expect(headers).toEqual(["1", "2", "3", "4", "5", "6", "7", "8", "9", "10–13"]);
  expect(rows).toHaveLength(13);
  expect(rows[0].name).toContain("PLL");
  // Every cell prints its percentage (colour is never the only signal), and is the pane's probability rounded.
  rows.forEach((r, i) => {
    const ps = [...paneRows[i].slice(0, 9), paneRows[i].slice(9).reduce((s, p) => s + p, 0)];
    expect(r.cells.map((c) => c.text)).toEqual(ps.map((p) => (p > 0 && p < 0.005 ? "<1\u00a0%" : `${Math.round(p * 100)}\u00a0%`)));
    // A likelier place has a darker fill; a zero has none.
    r.cells.forEach((c, k) => expect(c.bg === "rgba(0, 0, 0, 0)").toBe(ps[k] === 0));
  });
  // The whole table is on the 720 px screen.
  expect(rows[rows.length - 1].bottom).toBeLessThanOrEqual(720);
  // The top-5 column, as in the pane, with the pane's probabilities; the lead states the settings and groups 10 000.
  expect(await presenter.textContent('[data-testid="presenter-acceptability"] thead th.acc-top')).toBe("Topp 5");
  const paneTop = await pane.$$eval('[data-testid="rank-top"]', (tds) => tds.map((td) => Number(td.getAttribute("data-p"))));
  const top = await presenter.$$eval('[data-testid="presenter-acceptability-top"]', (tds) => tds.map((td) => td.textContent));
  expect(top).toEqual(paneTop.map((p) => (p > 0 && p < 0.005 ? "<1\u00a0%" : `${Math.round(p * 100)}\u00a0%`)));
  expect(await presenter.textContent('[data-testid="presenter-acceptability"] .lead')).toBe(
    "Sannsynlighet for hver plass i 10\u00a0000 trekk; vekter: hver vekt ±20\u00a0%; scorer: hver score ±1 på skalaen. Mørkere = mer sannsynlig.",
  );
  // Back to the ranking.
  await presenter.click('[data-testid="presenter-view-ranking"]');
  expect(await presenter.isVisible('[data-testid="presenter-list"]')).toBe(true);
});
