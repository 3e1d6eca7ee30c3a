/**
 * The presenter view in the preview at 1280×720 (a projector): opened from the task pane, it
 * shows the top 15 in large type with ties as 6=, and follows a weight change live with arrows.
 * Screenshots go to test-results/ and are looked at.
 */
import type { Frame, Page } from "playwright-core";
import fixture from "../fixtures/prioritering-2022-09.json";
import { probabilityText } from "../../src/i18n/format";
import { pageForEachTest, shot, taskpane, usePreview } from "./harness";

const preview = usePreview();
let page: Page;

// The pages (the pane, and the presenter's own page) run under the Content-Security-Policy.
pageForEachTest(preview, { viewport: { width: 1280, height: 720 }, csp: true }, (p) => (page = p.page));

const idOf = (fixtureId: string) => `T${String(fixture.measures.findIndex((m) => m.id === fixtureId) + 1).padStart(3, "0")}`;

async function openPresenter(pane: Frame): Promise<Frame> {
  await pane.click('[data-testid="presenter-open"]');
  const handle = await page.waitForSelector('[data-testid="dialog-frame"]');
  const frame = (await handle.contentFrame())!;
  await frame.waitForSelector('[data-testid="presenter-row"]', { timeout: 60000 });
  return frame;
}

test("opened at 1280×720 it shows every ranked row in large type, ties as 6=, and follows a weight change with arrows", async () => {
  await page.goto(`${preview.url}/preview.html`);
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
  // The meeting has 14 measures (13 ranked): all are on screen, inside 720 px, names larger than
  // the old fixed 28 px (the font is fitted to the window), each on one line.
  expect(rows).toHaveLength(14);
  expect(rows.filter((r) => r.bottom <= 720)).toHaveLength(14);
  for (const r of rows) expect(r.font).toBeGreaterThan(28);
  expect(rows.map((r) => r.rank)).toEqual(["1", "2", "3", "4", "5", "6=", "6=", "8", "9", "10", "11", "12", "13", "–"]);
  expect(rows[5].name).toBe("Implementering av DBEP");
  expect(await presenter.getAttribute('[data-testid="presenter"]', "data-clamp")).toBeNull();
  // Headers a room can read: the title and the column headers at 24 px and 20 px or more.
  expect(await presenter.$eval("h1", (h) => parseFloat(getComputedStyle(h).fontSize))).toBeGreaterThanOrEqual(24);
  expect(await presenter.$eval(".row.head > span", (h) => parseFloat(getComputedStyle(h).fontSize))).toBeGreaterThanOrEqual(20);

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
  await page.goto(`${preview.url}/preview.html`);
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
  // 20 rows: the first page shows 15 of them («1–15 av 20»).
  await presenter.waitForFunction(() => document.querySelector('[data-testid="presenter-page"]')?.textContent === "1–15 av 20");
  await shot(page, "presenter-1280x720-20-rows");
  const boxes = await rowBoxes(presenter);
  expect(boxes.slice(0, 15).every((b) => b.bottom <= 720)).toBe(true);
  expect(boxes.slice(0, 15).map((b) => b.rank)).toContain("6=");
  for (const b of boxes.slice(0, 15)) expect(b.font).toBeGreaterThanOrEqual(24);
});

/** Each row's rank, box, name font, whether its name is cut, and its title. */
function rowBoxes(presenter: Frame) {
  return presenter.$$eval('[data-testid="presenter-row"]', (els) =>
    els.map((el) => {
      const box = el.getBoundingClientRect();
      const label = el.querySelector<HTMLElement>(".label")!;
      return {
        rank: el.getAttribute("data-rank"),
        top: box.top,
        bottom: box.bottom,
        font: parseFloat(getComputedStyle(label).fontSize),
        lines: Math.round(label.getBoundingClientRect().height / parseFloat(getComputedStyle(label).lineHeight)),
        cut: label.scrollHeight > label.clientHeight + 1 || label.scrollWidth > label.clientWidth + 1,
        title: label.getAttribute("title"),
        text: label.textContent,
      };
    }),
  );
}

/** 20 measures whose names wrap at the old 28 px: theme and measure spelt out as in real workbooks, 74–83 characters (or longer tails). */
function longRows(segments: boolean, tails = ["Andre helseaktører/tjenester – kommunal helse- og omsorgen", "Deling av dokumenter mellom sykehusene og fastlegene, fase 2", "Kritisk informasjon i kjernejournal for legevakt og ØHD-senger", "Pasientens legemiddelliste i kommunal helse- og omsorgstjeneste"]) {
  const themes = ["Dokumentdeling", "Kritisk info", "Legemidler", "Datadeling"];
  return Array.from({ length: 20 }, (_, i) => ({
    id: `m${i}`,
    rank: i === 5 || i === 6 ? "6=" : String(i + 1),
    name: `${themes[i % 4]}: ${tails[(i + Math.floor(i / 4)) % 4]}${i >= 4 ? ` (${Math.floor(i / 4) + 1})` : ""}`,
    total: (25 - i * 0.7).toFixed(1).replace(".", ","),
    bar: 1 - i / 25,
    ...(segments ? { segment: ["Samstyre", "Koordinere", "Observere", "Ikke vurdert"][i % 4] } : {}),
    ...(i === 3 ? { move: { by: 2, from: 6, text: "opp 2 fra 6" } } : i === 5 ? { move: { by: -1, from: 5, text: "ned 1 fra 5" } } : {}),
  }));
}

async function send(presenter: Frame, message: object) {
  await presenter.evaluate((m) => window.postMessage({ prioDialog: JSON.stringify(m) }, location.origin), message);
}

test.each([
  ["with segments", true],
  ["without segments", false],
])("names of 74–83 characters that wrap, what-if on (%s): rows 1–15 are inside 1280×720 at 22 px or more, names whole", async (label, segments) => {
  await page.goto(`${preview.url}/preview.html`);
  const pane = await taskpane(page);
  const presenter = await openPresenter(pane);
  const rows = longRows(segments);
  for (const r of rows) expect(r.name.length).toBeGreaterThanOrEqual(70);
  for (const r of rows) expect(r.name.length).toBeLessThanOrEqual(85);
  const message = {
    kind: "ranking",
    lang: "nb",
    title: "Rangering",
    whatIf: "Hva om: prøvde vekter, ikke lagret",
    captions: { rank: "Plass", measure: "Tiltak", total: "Sum", segment: "Segment", move: "Endring" },
    rows,
  };
  await send(presenter, message);
  // 20 rows: the first page shows 15 of them («1–15 av 20»).
  await presenter.waitForFunction(() => document.querySelector('[data-testid="presenter-page"]')?.textContent === "1–15 av 20");
  await shot(page, `presenter-1280x720-long-names-whatif-${segments ? "segments" : "plain"}`);
  const boxes = await rowBoxes(presenter);
  for (const b of boxes.slice(0, 15)) {
    expect(b.top).toBeGreaterThanOrEqual(0);
    expect(b.bottom).toBeLessThanOrEqual(720);
    expect(b.font).toBeGreaterThanOrEqual(22);
    // The full name is in the page (its text and its title) whether or not it is shown whole.
    expect(b.title).toBe(b.text);
  }
  // These names really wrap at the old fixed 28 px (beside a segment column; without one the name has 180 px more).
  const linesAt28 = await presenter.evaluate(() => {
    const root = document.querySelector<HTMLElement>('[data-testid="presenter"]')!;
    const was = root.style.getPropertyValue("--row-font");
    root.style.setProperty("--row-font", "28px");
    const label = document.querySelector<HTMLElement>('[data-testid="presenter-row"] .label')!;
    const lines = Math.round(label.getBoundingClientRect().height / parseFloat(getComputedStyle(label).lineHeight));
    root.style.setProperty("--row-font", was);
    return lines;
  });
  if (segments) expect(linesAt28).toBeGreaterThanOrEqual(2);
  // The what-if banner is beside the title, on the same line, not a line of its own.
  const [h1, banner] = await presenter.$$eval("h1, [data-testid=presenter-whatif]", (els) => els.map((e) => e.getBoundingClientRect()).map((r) => ({ top: r.top, bottom: r.bottom, left: r.left, right: r.right })));
  expect(banner.left).toBeGreaterThan(h1.right);
  expect(banner.top).toBeLessThan(h1.bottom);
  // Whole names at the largest font that fits them (these names do fit, at 22 px or more).
  const clamp = await presenter.getAttribute('[data-testid="presenter"]', "data-clamp");
  expect(clamp).toBeNull();
  for (const b of boxes.slice(0, 15)) expect(b.cut).toBe(false);
  // One larger font does not fit (the fit is the largest), unless it is already the largest size.
  const bigger = await presenter.evaluate(() => {
    const root = document.querySelector<HTMLElement>('[data-testid="presenter"]')!;
    const was = root.style.getPropertyValue("--row-font");
    root.style.setProperty("--row-font", `${parseFloat(was) + 1}px`);
    const rows = document.querySelectorAll('[data-testid="presenter-row"]');
    const bottom = rows[14].getBoundingClientRect().bottom;
    root.style.setProperty("--row-font", was);
    return { was: parseFloat(was), bottom };
  });
  // (fit.ts keeps a pixel to spare for sub-pixel layout: one font larger ends past 719 px.)
  if (bigger.was < 40) expect(bigger.bottom).toBeGreaterThan(719);
  console.log(`${label}: row font ${bigger.was} px, clamp ${clamp ?? "none"}, lines ${boxes.slice(0, 15).map((b) => b.lines).join(",")}`);

  // Resized to a smaller window, it fits again (still above the floor for that window).
  await page.setViewportSize({ width: 1024, height: 600 });
  await presenter.waitForFunction(() => document.querySelectorAll('[data-testid="presenter-row"]')[14].getBoundingClientRect().bottom <= innerHeight);
  await page.setViewportSize({ width: 1280, height: 720 });
  await presenter.waitForFunction((px) => document.querySelector<HTMLElement>('[data-testid="presenter"]')!.style.getPropertyValue("--row-font") === `${px}px`, bigger.was);

  // A new message (a row moved) keeps the fit: rows 1–15 still on screen.
  const moved = [rows[1], rows[0], ...rows.slice(2)].map((r, i) => ({ ...r, rank: String(i + 1) }));
  await send(presenter, { ...message, rows: moved });
  await presenter.waitForFunction(() => document.querySelector('[data-testid="presenter-row"]')?.getAttribute("data-flip-id") === "m1");
  // The two rows that changed places glide (FLIP); the others do not.
  expect(await presenter.$$eval('[data-testid="presenter-row"]', (els) => els.filter((el) => (el as HTMLElement).style.transition !== "").map((el) => el.getAttribute("data-flip-id")))).toEqual(["m1", "m0"]);
  await page.waitForTimeout(600);
  const after = await rowBoxes(presenter);
  for (const b of after.slice(0, 15)) expect(b.bottom).toBeLessThanOrEqual(720);
});

test("names of 110–130 characters: whole names cannot fit, so they are cut to the lines that fit, at 22 px, the full name kept in the page", async () => {
  await page.goto(`${preview.url}/preview.html`);
  const pane = await taskpane(page);
  const presenter = await openPresenter(pane);
  const tail = "Deling av dokumenter og strukturert informasjon mellom spesialisthelsetjenesten, fastlegene og den kommunale helse- og omsorgstjenesten";
  const rows = longRows(true, [tail, tail.replace("Deling", "Utveksling"), tail.replace("fastlegene", "avtalespesialistene"), tail.replace("strukturert", "ustrukturert")]);
  for (const r of rows) expect(r.name.length).toBeGreaterThanOrEqual(110);
  await send(presenter, { kind: "ranking", lang: "nb", title: "Rangering", whatIf: "Hva om: prøvde vekter, ikke lagret", captions: { rank: "Plass", measure: "Tiltak", total: "Sum", segment: "Segment", move: "Endring" }, rows });
  // 20 rows: the first page shows 15 of them («1–15 av 20»).
  await presenter.waitForFunction(() => document.querySelector('[data-testid="presenter-page"]')?.textContent === "1–15 av 20");
  await shot(page, "presenter-1280x720-very-long-names");
  const boxes = await rowBoxes(presenter);
  for (const b of boxes.slice(0, 15)) {
    expect(b.bottom).toBeLessThanOrEqual(720);
    expect(b.font).toBe(22);
    expect(b.title).toBe(b.text);
  }
  expect(await presenter.getAttribute('[data-testid="presenter"]', "data-clamp")).toMatch(/^[12]$/);
  expect(boxes.slice(0, 15).some((b) => b.cut)).toBe(true);
});

test("with reduced motion the rows jump to their places, and the fit is the same", async () => {
  await page.emulateMedia({ reducedMotion: "reduce" });
  await page.goto(`${preview.url}/preview.html`);
  const pane = await taskpane(page);
  const presenter = await openPresenter(pane);
  const rows = longRows(true);
  const message = { kind: "ranking", lang: "nb", title: "Rangering", captions: { rank: "Plass", measure: "Tiltak", total: "Sum", segment: "Segment", move: "Endring" }, rows };
  await send(presenter, message);
  // 20 rows: the first page shows 15 of them («1–15 av 20»).
  await presenter.waitForFunction(() => document.querySelector('[data-testid="presenter-page"]')?.textContent === "1–15 av 20");
  await send(presenter, { ...message, rows: [rows[3], ...rows.slice(0, 3), ...rows.slice(4)] });
  await presenter.waitForFunction(() => document.querySelector('[data-testid="presenter-row"]')?.getAttribute("data-flip-id") === "m3");
  // No transition was set on any row: nothing glides.
  expect(await presenter.$$eval('[data-testid="presenter-row"]', (els) => els.filter((el) => (el as HTMLElement).style.transition !== "").length)).toBe(0);
  const boxes = await rowBoxes(presenter);
  for (const b of boxes.slice(0, 15)) expect(b.bottom).toBeLessThanOrEqual(720);
});

test("the rank acceptability table: once the Stabilitet view has its Monte Carlo, the presenter switches to it at 1280×720, every probability printed and heat-mapped", async () => {
  await page.goto(`${preview.url}/preview.html`);
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
    expect(r.cells.map((c) => c.text)).toEqual(ps.map((p) => probabilityText("nb", p)));
    // A likelier place has a darker fill; a zero has none.
    r.cells.forEach((c, k) => expect(c.bg === "rgba(0, 0, 0, 0)").toBe(ps[k] === 0));
  });
  // The whole table is on the 720 px screen.
  expect(rows[rows.length - 1].bottom).toBeLessThanOrEqual(720);
  // The top-5 column, as in the pane, with the pane's probabilities; the lead states the settings and groups 10 000.
  expect(await presenter.textContent('[data-testid="presenter-acceptability"] thead th.acc-top')).toBe("Topp 5");
  const paneTop = await pane.$$eval('[data-testid="rank-top"]', (tds) => tds.map((td) => Number(td.getAttribute("data-p"))));
  const top = await presenter.$$eval('[data-testid="presenter-acceptability-top"]', (tds) => tds.map((td) => td.textContent));
  expect(top).toEqual(paneTop.map((p) => probabilityText("nb", p)));
  expect(await presenter.textContent('[data-testid="presenter-acceptability"] .lead')).toBe(
    "Sannsynlighet for hver plass i 10\u00a0000 trekk; vekter: hver vekt ±20\u00a0%; scorer: hver score ±1 på skalaen. Mørkere = mer sannsynlig.",
  );
  // Back to the ranking.
  await presenter.click('[data-testid="presenter-view-ranking"]');
  expect(await presenter.isVisible('[data-testid="presenter-list"]')).toBe(true);
});
