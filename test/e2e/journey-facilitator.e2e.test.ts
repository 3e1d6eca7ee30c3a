/**
 * The facilitator's journey (issue 16), played in the preview with the presenter at 1280×720, and
 * after every step what the task pane and the presenter window show:
 *
 *   A. the meeting: presenter open → what-if → «Bruk» → save a round → what-if again (the presenter
 *      shows the tried ranking and says what its arrows compare against) → «Forkast» → a score
 *      edited → the presenter moves;
 *   B. a 40-measure portfolio: the presenter in pages turned by a clicker's keys, its captions kept,
 *      the same figures as the pane;
 *   C. several scorers: the disagreement on screen (its own page); then Stabilitet's Monte Carlo,
 *      the same figures in the pane and on the presenter.
 *
 * Expected rankings are computed here in Node by the core (assess) from the fixture, independently
 * of the browser. The presenter is an overlay over the preview (as the dialog covers the projector),
 * so the pane and the grid are driven by DOM events, not by clicks at a position.
 */
import ExcelJS from "exceljs";
import * as path from "path";
import type { Frame, Page } from "playwright-core";
import { assess, rankLabel, type Assessment } from "../../src/core/assess";
import { parseAddress } from "../../src/core/address";
import { defaultModel, withWeight, type Model } from "../../src/core/model";
import type { MeasureInput } from "../../src/core/aggregate";
import { readXlsx } from "../../src/cli/xlsx";
import { readLegacyWorkbook } from "../../src/grid/legacy";
import fixture from "../fixtures/prioritering-2022-09.json";
import { tempDir } from "../support/cli";
import { fixtureInputs } from "../support/meeting";
import { pageForEachTest, shot, taskpane, usePreview } from "./harness";

const MEETING = path.resolve(__dirname, "../fixtures/prioritering-2022-09.xlsx");

const preview = usePreview();
let page: Page;
pageForEachTest(
  preview,
  { viewport: { width: 1280, height: 720 }, csp: true, pageErrors: true },
  (opened) => {
    page = opened.page;
  }
);

/** The preview's measure id of a fixture measure (the import numbers them in fixture order). */
const idOf = (fixtureId: string) =>
  `T${String(fixture.measures.findIndex((m) => m.id === fixtureId) + 1).padStart(3, "0")}`;
/** The Vurdering row of a fixture measure. */
const rowOf = (fixtureId: string) => fixture.measures.findIndex((m) => m.id === fixtureId) + 3;

/** A click on an element of the pane or the grid under the presenter's overlay (a DOM click, as a script; the overlay covers it). */
const click = (frame: Frame | Page, testId: string) =>
  frame.$eval(`[data-testid="${testId}"]`, (el) => (el as HTMLElement).click());

/** Types into a cell of the preview's grid while the presenter covers it: select the cell, type in the formula bar, Enter. */
async function typeUnder(sheet: string, a1: string, text: string): Promise<void> {
  await click(page, `sheet-tab-${sheet}`);
  await click(page, `cell-${a1}`);
  await page.fill('[data-testid="formula-bar"]', text);
  await page.press('[data-testid="formula-bar"]', "Enter");
}

const cell = (sheet: string, a1: string) =>
  page.evaluate(
    ([s, a]) =>
      (
        window as unknown as {
          __prioPreview: { workbook: { getCell(s: string, a: string): { value: unknown } } };
        }
      ).__prioPreview.workbook.getCell(s, a).value,
    [sheet, a1]
  );

/** A key as a presentation clicker sends it: to the presenter's window, which has the keyboard once open. */
const clicker = (key: string) => page.keyboard.press(key);

async function openPresenter(pane: Frame): Promise<Frame> {
  await click(pane, "presenter-open");
  const handle = await page.waitForSelector('[data-testid="dialog-frame"]');
  const frame = (await handle.contentFrame())!;
  await frame.waitForSelector('[data-testid="presenter-row"]', { timeout: 60000 });
  return frame;
}

interface PresenterShows {
  whatIf: string | null;
  since: string | null;
  page: string | null;
  rows: {
    id: string;
    rank: string;
    total: string;
    move: string;
    words: string;
    top: number;
    bottom: number;
  }[];
}

/** What the presenter window shows now. */
function presenterShows(p: Frame): Promise<PresenterShows> {
  return p.evaluate(() => ({
    whatIf: document.querySelector('[data-testid="presenter-whatif"]')?.textContent ?? null,
    since: document.querySelector('[data-testid="presenter-since"]')?.textContent ?? null,
    page: document.querySelector('[data-testid="presenter-page"]')?.textContent ?? null,
    rows: Array.from(document.querySelectorAll('[data-testid="presenter-row"]')).map((r) => {
      const box = r.getBoundingClientRect();
      // The arrow (a span with its words) sits in the row's move cell only when the measure moved.
      const move = r.querySelector(".move-cell .move");
      return {
        id: r.getAttribute("data-flip-id")!,
        rank: r.getAttribute("data-rank")!,
        total: r.querySelector(".total")!.textContent!,
        move: move?.textContent ?? "",
        words: move?.getAttribute("aria-label") ?? "",
        top: box.top,
        bottom: box.bottom,
      };
    }),
  }));
}

/** Waits until the presenter shows `rank` for a measure with the what-if banner on or off. */
async function presenterAt(
  p: Frame,
  id: string,
  rank: string,
  whatIf: boolean
): Promise<PresenterShows> {
  await p.waitForFunction(
    ([mid, r, w]) =>
      document.querySelector(`[data-flip-id="${mid}"]`)?.getAttribute("data-rank") === r &&
      (document.querySelector('[data-testid="presenter-whatif"]') !== null) === w,
    [id, rank, whatIf] as const,
    { timeout: 30000 }
  );
  await page.waitForTimeout(600); // the rows' glide ends
  return presenterShows(p);
}

/** The pane's arrows on Rangering, by measure id: up2, down1, new (only rows that have one). */
const paneMoves = (pane: Frame) =>
  pane.$$eval('[data-testid="ranking-row"]', (rows) =>
    Object.fromEntries(
      rows
        .filter((r) => r.querySelector('[data-testid="rank-move"]'))
        .map((r) => [
          r.getAttribute("data-measure-id"),
          r.querySelector('[data-testid="rank-move"]')!.getAttribute("data-move"),
        ])
    )
  );

/** [id, rank] pairs in rank order, a tie's ids sorted (the order inside a tie is not part of the ranking). */
const inRankOrder = (pairs: [string, string][]) => {
  const num = (r: string) => (r === "–" ? Infinity : parseInt(r, 10));
  return [...pairs].sort(
    (a, b) => num(a[1]) - num(b[1]) || (a[1] === b[1] ? a[0].localeCompare(b[0]) : 0)
  );
};

/** The measures the core ranks, with the preview's ids, rank labels and totals as the room reads them. */
function coreRanking(
  model: Model,
  inputs: MeasureInput[]
): { a: Assessment; byId: Map<string, { rank: string; rankNo: number | null }> } {
  const a = assess(model, inputs);
  return {
    a,
    byId: new Map(a.measures.map((m) => [idOf(m.id), { rank: rankLabel(m), rankNo: m.rank }])),
  };
}

/** Every row's movement in words as the presenter says it, against previous ranks (by preview id). */
function movesAgainst(
  before: Map<string, { rankNo: number | null }>,
  after: Map<string, { rankNo: number | null }>
): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [id, now] of after) {
    const was = before.get(id)?.rankNo ?? null;
    if (now.rankNo === null || was === null || was === now.rankNo) continue;
    out[id] =
      was > now.rankNo
        ? `opp ${was - now.rankNo} fra ${was}`
        : `ned ${now.rankNo - was} fra ${was}`;
  }
  return out;
}
const wordsOf = (s: PresenterShows) =>
  Object.fromEntries(s.rows.filter((r) => r.words).map((r) => [r.id, r.words]));

test("A. the meeting: try → Bruk → round → try again → Forkast → a score edited; the pane and the presenter agree at every step", async () => {
  const model = defaultModel();
  const inputs = fixtureInputs();
  const DBEP = idOf("dbep");
  const equal = coreRanking(model, inputs);
  const nytte2 = coreRanking(withWeight(model, "nytte", 2), inputs);
  const nytte3 = coreRanking(withWeight(model, "nytte", 3), inputs);

  await page.goto(`${preview.url}/preview.html`);
  const pane = await taskpane(page);
  const presenter = await openPresenter(pane);

  // 1. Open: the ranking in force, ties as 6= with one figure, no arrows yet, and what they would compare against.
  let p = await presenterShows(presenter);
  expect(p.rows.map((r) => [r.id, r.rank])).toEqual([...equal.byId].map(([id, m]) => [id, m.rank]));
  expect(p.rows.filter((r) => r.rank === "6=").map((r) => r.total)).toEqual(["18,2", "18,2"]);
  expect(p.since).toBe("Endring siden forrige rangering");
  expect(p.whatIf).toBeNull();
  expect(wordsOf(p)).toEqual({});
  expect(p.rows.every((r) => r.bottom <= 720)).toBe(true);
  expect(await paneMoves(pane)).toEqual({});
  await shot(page, "journey-facilitator-1-open");

  // 2. «Hva om …» opened: nothing tried yet, so no warning bar and no what-if on the projector.
  await click(pane, "tab-model");
  await click(pane, "whatif-start");
  await pane.waitForSelector('[data-testid="whatif"]');
  expect(await pane.$('[data-testid="whatif-bar"]')).toBeNull();
  expect(await pane.textContent('[data-testid="whatif-changed"]')).toBe("Ingen vekter endret ennå");
  p = await presenterShows(presenter);
  expect([p.whatIf, p.since]).toEqual([null, "Endring siden forrige rangering"]);

  // 3. Nytte 2 tried: the pane lists the tried ranking with arrows against the weights in force; the projector shows it and says so.
  await pane.fill('[data-testid="whatif-input-nytte"]', "2");
  p = await presenterAt(presenter, DBEP, "5", true);
  expect(p.whatIf).toBe("Hva om: prøvde vekter, ikke lagret");
  expect(p.since).toBe("Endring mot vektene som gjelder");
  expect(p.rows.map((r) => [r.id, r.rank])).toEqual(
    [...nytte2.byId].map(([id, m]) => [id, m.rank])
  );
  expect(wordsOf(p)).toEqual(movesAgainst(equal.byId, nytte2.byId));
  expect(p.rows.find((r) => r.id === DBEP)).toMatchObject({
    rank: "5",
    total: "24,33",
    move: "↑1",
    words: "opp 1 fra 6",
  });
  expect(await pane.textContent('[data-testid="whatif-bar-changed"]')).toBe("1 vekt endret");
  expect(
    await pane.textContent(`[data-testid="whatif-row-${DBEP}"] [data-testid="whatif-rank"]`)
  ).toBe("5");
  expect(
    await pane.getAttribute(
      `[data-testid="whatif-row-${DBEP}"] [data-testid="whatif-move"]`,
      "aria-label"
    )
  ).toBe("opp 1 fra 6");
  expect(await cell("Modell", "G10")).toBe(1);
  await shot(page, "journey-facilitator-3-whatif");

  // 4. «Bruk»: Modell has 2; the projector's ranking is the workbook's, with the arrows against the ranking before (no round yet) — and Rangering has them too.
  await click(pane, "whatif-apply");
  await page.waitForFunction(
    () =>
      (
        window as unknown as {
          __prioPreview: { workbook: { getCell(s: string, a: string): { value: unknown } } };
        }
      ).__prioPreview.workbook.getCell("Modell", "G10").value === 2
  );
  p = await presenterAt(presenter, DBEP, "5", false);
  expect(p.since).toBe("Endring siden forrige rangering");
  expect(wordsOf(p)).toEqual(movesAgainst(equal.byId, nytte2.byId));
  await click(pane, "tab-ranking");
  await pane.waitForSelector('[data-testid="ranking-row"]');
  expect(await pane.$('[data-testid="whatif-bar"]')).toBeNull();
  const upDown = (w: string) =>
    w.startsWith("opp") ? `up${w.split(" ")[1]}` : `down${w.split(" ")[1]}`;
  await pane.waitForFunction(
    (id) =>
      document.querySelector(
        `[data-testid="ranking-row"][data-measure-id="${id}"] [data-testid="rank-move"]`
      ) !== null,
    DBEP
  );
  expect(await paneMoves(pane)).toEqual(
    Object.fromEntries(
      Object.entries(movesAgainst(equal.byId, nytte2.byId)).map(([id, w]) => [id, upDown(w)])
    )
  );
  await shot(page, "journey-facilitator-4-bruk");

  // 5. A round saved: the arrows now compare against it (nothing moved since), and the projector names it.
  await click(pane, "tab-rounds");
  await pane.waitForSelector('[data-testid="rounds-view"]');
  await pane.fill('[data-testid="round-name"]', "Runde 1");
  await click(pane, "round-save");
  await pane.waitForFunction(
    () => document.querySelectorAll('[data-testid="round-item"]').length === 1,
    undefined,
    { timeout: 30000 }
  );
  await presenter.waitForFunction(
    () =>
      document.querySelector('[data-testid="presenter-since"]')?.textContent ===
      "Endring siden «Runde 1»",
    undefined,
    { timeout: 30000 }
  );
  p = await presenterShows(presenter);
  expect(wordsOf(p)).toEqual({});
  expect(p.rows.map((r) => [r.id, r.rank])).toEqual(
    [...nytte2.byId].map(([id, m]) => [id, m.rank])
  );

  // 6. What-if again (the second what-if is alive): Nytte 3 re-ranks at once, in the pane and on the projector, against the weights in force.
  await click(pane, "tab-model");
  await click(pane, "whatif-start");
  await pane.fill('[data-testid="whatif-input-nytte"]', "3");
  p = await presenterAt(presenter, DBEP, "3=", true);
  expect(p.since).toBe("Endring mot vektene som gjelder");
  expect(inRankOrder(p.rows.map((r) => [r.id, r.rank]))).toEqual(
    inRankOrder([...nytte3.byId].map(([id, m]) => [id, m.rank]))
  );
  expect(wordsOf(p)).toEqual(movesAgainst(nytte2.byId, nytte3.byId));
  expect(p.rows.find((r) => r.id === DBEP)).toMatchObject({
    rank: "3=",
    total: "30,5",
    words: "opp 2 fra 5",
  });
  expect(await pane.textContent('[data-testid="whatif-bar-changed"]')).toBe("1 vekt endret");
  expect(
    await pane.textContent(`[data-testid="whatif-row-${DBEP}"] [data-testid="whatif-rank"]`)
  ).toBe("3=");
  await shot(page, "journey-facilitator-6-whatif-again");

  // 7. «Forkast»: back to the workbook's ranking and the round; nothing was written.
  await click(pane, "whatif-discard");
  p = await presenterAt(presenter, DBEP, "5", false);
  expect(p.since).toBe("Endring siden «Runde 1»");
  expect(wordsOf(p)).toEqual({});
  expect(await pane.$('[data-testid="whatif-bar"]')).toBeNull();
  expect(await cell("Modell", "G10")).toBe(2);

  // 8. A score edited (Dokumentdeling: Fastleger's Informasjonsbehov → 10): it climbs, on the projector and in the pane, against the round.
  const FASTLEGER = idOf("dok.fastleger");
  const edited = inputs.map((m) =>
    m.id === "dok.fastleger"
      ? { ...m, scores: { ...m.scores, "maal.behov": { ...m.scores["maal.behov"], value: 10 } } }
      : m
  );
  const after = coreRanking(withWeight(model, "nytte", 2), edited);
  const climb = movesAgainst(nytte2.byId, after.byId);
  expect(climb[FASTLEGER]).toMatch(/^opp \d+ fra 9$/);
  await typeUnder("Vurdering", `E${rowOf("dok.fastleger")}`, "10");
  p = await presenterAt(presenter, FASTLEGER, after.byId.get(FASTLEGER)!.rank, false);
  expect(p.rows.map((r) => [r.id, r.rank])).toEqual([...after.byId].map(([id, m]) => [id, m.rank]));
  expect(wordsOf(p)).toEqual(climb);
  expect(p.since).toBe("Endring siden «Runde 1»");
  await click(pane, "tab-ranking");
  await pane.waitForFunction(
    ([id, r]) =>
      document
        .querySelector(`[data-testid="ranking-row"][data-measure-id="${id}"]`)
        ?.getAttribute("data-rank") === r,
    [FASTLEGER, after.byId.get(FASTLEGER)!.rank] as const
  );
  expect(await paneMoves(pane)).toEqual(
    Object.fromEntries(Object.entries(climb).map(([id, w]) => [id, upDown(w)]))
  );
  // The same figures in the pane and on the projector.
  const paneTotals = await pane.$$eval('[data-testid="ranking-row"]', (rows) =>
    rows.map((r) => [
      r.getAttribute("data-measure-id"),
      r.querySelector('[data-testid="ranking-total"]')!.textContent,
    ])
  );
  expect(paneTotals).toEqual(p.rows.filter((r) => r.rank !== "–").map((r) => [r.id, r.total]));
  await shot(page, "journey-facilitator-8-edit");
}, 600_000);

test("B. 40 measures: the presenter in pages of 15 turned by a clicker's keys, captions kept, every page on screen, the pane's figures", async () => {
  await page.goto(`${preview.url}/preview.html?measures=40`);
  const pane = await taskpane(page);
  await pane.waitForFunction(
    () =>
      document.querySelectorAll('[data-testid="ranking-row"], [data-testid="ranking-unranked-row"]')
        .length === 40,
    undefined,
    { timeout: 60000 }
  );
  const paneRows = await pane.$$eval(
    '[data-testid="ranking-row"], [data-testid="ranking-unranked-row"]',
    (rows) =>
      rows.map((r) => [
        r.getAttribute("data-measure-id")!,
        r.getAttribute("data-rank")!,
        r.querySelector('[data-testid="ranking-total"]')?.textContent ?? "–",
      ])
  );
  const presenter = await openPresenter(pane);
  const head = () =>
    presenter.$eval(".row.head", (h) => ({
      top: h.getBoundingClientRect().top,
      text: h.textContent,
      shown: getComputedStyle(h).display !== "none",
    }));
  const font = () =>
    presenter.$eval('[data-testid="presenter-row"] .label', (l) =>
      parseFloat(getComputedStyle(l).fontSize)
    );
  const seen: PresenterShows["rows"] = [];
  const pages: [string, number][] = [];
  const headAt = await head();
  expect(headAt.shown).toBe(true);
  // Page by page: PgDn, then space; back with PgUp and ←; each page fully on the 720 px screen.
  for (const [k, label, from, to] of [
    [null, "1–15 av 40", 0, 15],
    ["PageDown", "16–30 av 40", 15, 30],
    [" ", "31–40 av 40", 30, 40],
  ] as const) {
    if (k) await clicker(k);
    await presenter.waitForFunction(
      (l) => document.querySelector('[data-testid="presenter-page"]')?.textContent === l,
      label
    );
    const s = await presenterShows(presenter);
    expect(s.page).toBe(label);
    expect(s.rows.map((r) => [r.id, r.rank, r.total])).toEqual(paneRows.slice(from, to));
    for (const r of s.rows) {
      expect(r.top).toBeGreaterThanOrEqual(0);
      expect(r.bottom).toBeLessThanOrEqual(720);
    }
    // The header and the column captions stay where they were.
    expect(await head()).toEqual(headAt);
    pages.push([label, await font()]);
    seen.push(...s.rows);
    await shot(page, `journey-facilitator-40-page-${pages.length}`);
  }
  // A full page's font is large enough for the room; the short last page keeps it instead of growing.
  expect(pages[0][1]).toBeGreaterThanOrEqual(22);
  expect(pages[2][1]).toBeLessThanOrEqual(Math.max(pages[0][1], pages[1][1]));
  await clicker("PageUp");
  await presenter.waitForFunction(
    () => document.querySelector('[data-testid="presenter-page"]')?.textContent === "16–30 av 40"
  );
  await clicker("ArrowLeft");
  await presenter.waitForFunction(
    () => document.querySelector('[data-testid="presenter-page"]')?.textContent === "1–15 av 40"
  );
  // Rounded totals never fake a tie: over the whole list, rows of different ranks print different figures, a tie one figure.
  const ranked = seen.filter((r) => r.rank !== "–");
  for (let i = 1; i < ranked.length; i++) {
    const same = ranked[i].rank.replace("=", "") === ranked[i - 1].rank.replace("=", "");
    expect([ranked[i - 1].rank, ranked[i].rank, ranked[i - 1].total === ranked[i].total]).toEqual([
      ranked[i - 1].rank,
      ranked[i].rank,
      same,
    ]);
  }
}, 600_000);

test("C. several scorers: the disagreement on its own page at 1280×720; Stabilitet's Monte Carlo with the same figures in the pane and on the presenter", async () => {
  // Kari's copy: the meeting with the first measure's Informasjonsbehov moved by at least 5.
  const { dir, cleanup } = tempDir();
  try {
    const { grids } = await readXlsx(MEETING);
    const legacy = readLegacyWorkbook(grids, defaultModel())!;
    const first = legacy.measures[0];
    const c = first.input.scores["maal.behov"]!;
    const before = c.value as number;
    const at = parseAddress(c.address!)!;
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(MEETING);
    wb
      .getWorksheet(at.sheet!)!
      .getRow(at.row + 1)
      .getCell(at.col + 1).value = before >= 5 ? 0 : 10;
    const kari = path.join(dir, "Kari.xlsx");
    await wb.xlsx.writeFile(kari);

    await page.goto(`${preview.url}/preview.html`);
    const pane = await taskpane(page);
    await pane.click('[data-testid="tab-scorers"]');
    await pane.waitForSelector('[data-testid="scorers-fetch-choose"]', { timeout: 60_000 });
    for (const [file, name] of [
      [MEETING, "Sekretariatet"],
      [kari, undefined],
    ] as const) {
      await pane.setInputFiles('[data-testid="scorers-fetch-file"]', file);
      await pane.waitForSelector('[data-testid="scorers-fetch-summary"]', { timeout: 60_000 });
      if (name !== undefined)
        await pane.fill(
          '[data-testid="scorers-fetch-name"] input, input[data-testid="scorers-fetch-name"]',
          name
        );
      await pane.click('[data-testid="scorers-fetch-go"]');
      await pane.waitForSelector('[data-testid="scorers-message"][data-intent="success"]', {
        timeout: 60_000,
      });
    }
    await pane.waitForSelector('[data-testid="scorers-disagreement"]', { timeout: 60_000 });

    // The presenter: the ranking first, then the disagreement on a page of its own, all of it on the screen.
    const presenter = await openPresenter(pane);
    await presenter.waitForFunction(
      () =>
        document.querySelector('[data-testid="presenter-page"]')?.textContent ===
        "1–14 av 14 · side 1 av 2",
      undefined,
      { timeout: 30_000 }
    );
    expect(await presenter.$('[data-testid="presenter-scorers"]')).toBeNull();
    const ranking = await presenterShows(presenter);
    expect(ranking.rows.every((r) => r.bottom <= 720)).toBe(true);
    await clicker("End");
    await presenter.waitForSelector('[data-testid="presenter-scorers"]');
    const block = await presenter.$eval('[data-testid="presenter-scorers"]', (b) => {
      const r = b.getBoundingClientRect();
      return { top: r.top, bottom: r.bottom, text: b.textContent ?? "" };
    });
    expect(await presenter.textContent("h1")).toBe("Uenighet");
    expect(await presenter.textContent('[data-testid="presenter-page"]')).toBe("Side 2 av 2");
    expect(block.top).toBeGreaterThanOrEqual(0);
    expect(block.bottom).toBeLessThanOrEqual(720);
    expect(block.text).toContain(first.input.name);
    expect(block.text).toContain("Kendalls W");
    await shot(page, "journey-facilitator-scorers-page");
    await clicker("Home");
    await presenter.waitForSelector('[data-testid="presenter-row"]');
    await page.click('[data-testid="dialog-close"]');

    // Stabilitet: the Monte Carlo in the pane, then the presenter's table of the same result.
    await pane.click('[data-testid="tab-stability"]');
    await pane.waitForSelector('[data-testid="rank-table"]', { timeout: 60_000 });
    const paneCells = await pane.$$eval('[data-testid="rank-row"]', (trs) =>
      trs.map(
        (tr) =>
          [
            tr.getAttribute("data-measure-id"),
            Array.from(tr.querySelectorAll('[data-testid="rank-cell"]')).map(
              (td) => td.textContent
            ),
          ] as const
      )
    );
    const paneTop = await pane.$$eval('[data-testid="rank-top"]', (tds) =>
      tds.map((td) => td.textContent)
    );
    const again = await openPresenter(pane);
    await again.waitForSelector('[data-testid="presenter-view-acceptability"]', {
      timeout: 30_000,
    });
    await again.click('[data-testid="presenter-view-acceptability"]');
    await again.waitForSelector('[data-testid="presenter-acceptability"]');
    const accRows = await again.$$eval('[data-testid="presenter-acceptability-row"]', (trs) =>
      trs.map((tr) => ({
        id: tr.getAttribute("data-measure-id"),
        cells: Array.from(tr.querySelectorAll("td.acc-place")).map((td) => td.textContent),
        top: tr.querySelector('[data-testid="presenter-acceptability-top"]')?.textContent,
        bottom: tr.getBoundingClientRect().bottom,
      }))
    );
    expect(accRows.map((r) => r.id)).toEqual(paneCells.map(([id]) => id));
    // Places 1–9 print the pane's figures (with the per cent sign); «Topp 5» too. «>99» and «<1» alike in both.
    accRows.forEach((r, i) => {
      expect(r.cells.slice(0, 9)).toEqual(paneCells[i][1].slice(0, 9).map((t) => `${t}\u00a0%`));
      expect(r.top).toBe(`${paneTop[i]}\u00a0%`);
      expect(r.bottom).toBeLessThanOrEqual(720);
    });
    await shot(page, "journey-facilitator-acceptability");
  } finally {
    cleanup();
  }
}, 600_000);
