/**
 * Saved rounds in the preview: save a round, change a score and a weight, and the movement against
 * the round stays through tab switches and an unrelated edit (pane and Rangering's Endring column);
 * the comparison names the changed cell and weight; a round is deleted after asking (logged); last
 * year's meeting file is imported as a round; and the presenter at 1280×720 shows the movement.
 * Screenshots: the pane at 400 and 320 px, the presenter at 1280×720.
 */
import path from "path";
import type { Frame, Page } from "playwright-core";
import { rankingRows, shot, SHOTS, taskpane, typeInCell, usePreview, type OpenPage } from "./harness";

const preview = usePreview();
let opened: OpenPage;
let page: Page;
afterEach(() => opened.closeAndCheck());

async function openPage(width: number, height: number): Promise<void> {
  opened = await preview.open({ viewport: { width, height }, csp: true });
  page = opened.page;
}

type Grids = { name: string; rows: ({ value: unknown } | undefined)[][] }[];
const grids = () => page.evaluate(() => (window as unknown as { __prioPreview: { workbook: { toGrids(): Grids } } }).__prioPreview.workbook.toGrids());

/** Rangering's Endring column by measure id. */
async function endring(): Promise<Record<string, string>> {
  const g = (await grids()).find((x) => x.name === "Rangering")!;
  const header = g.rows[0].map((c) => c?.value);
  const id = header.indexOf("ID");
  const move = header.indexOf("Endring");
  const out: Record<string, string> = {};
  for (const r of g.rows.slice(1)) if (r?.[id]?.value) out[String(r[id]!.value)] = String(r[move]?.value ?? "");
  return out;
}

/** What the pane's arrows say, by measure id: up2, down1, new, or "" without one. */
const paneMoves = (frame: Frame) =>
  frame.$$eval('[data-testid="ranking-row"]', (rows) =>
    Object.fromEntries(rows.map((r) => [r.getAttribute("data-measure-id"), r.querySelector('[data-testid="rank-move"]')?.getAttribute("data-move") ?? ""])),
  );

/** The movement expected from the ranks at saving to the ranks now. */
function expected(saved: Map<string, number>, now: { rank: string; id: string }[]): { pane: Record<string, string>; sheet: Record<string, string> } {
  const pane: Record<string, string> = {};
  const sheet: Record<string, string> = {};
  for (const r of now) {
    const rank = parseInt(r.rank, 10);
    const was = saved.get(r.id);
    if (was === undefined) {
      pane[r.id] = "new";
      sheet[r.id] = "ny";
    } else if (was === rank) {
      pane[r.id] = "";
      sheet[r.id] = "–";
    } else {
      pane[r.id] = was > rank ? `up${was - rank}` : `down${rank - was}`;
      sheet[r.id] = was > rank ? `↑${was - rank}` : `↓${rank - was}`;
    }
  }
  return { pane, sheet };
}

async function saveRound(frame: Frame, name: string, count: number): Promise<void> {
  await frame.click('[data-testid="tab-rounds"]');
  await frame.waitForSelector('[data-testid="rounds-view"]');
  await frame.fill('[data-testid="round-name"]', name);
  await frame.click('[data-testid="round-save"]');
  await frame.waitForFunction((n) => document.querySelectorAll('[data-testid="round-item"]').length === n, count, { timeout: 30000 });
}

test("save a round, change a score and a weight: movement stays through tab switches and an unrelated edit; compare; delete; import", async () => {
  await openPage(1400, 900);
  await page.goto(`${preview.url}/preview.html`);
  const frame = await taskpane(page);
  const saved = new Map((await rankingRows(frame)).map((r) => [r.id, parseInt(r.rank, 10)]));
  await saveRound(frame, "Runde 1 =SUM(A1)", 1);
  expect(await frame.textContent('[data-testid="round-item-name"]')).toBe("Runde 1 =SUM(A1)");
  expect(await frame.textContent('[data-testid="baseline-line"]')).toContain("«Runde 1 =SUM(A1)»");

  // PLL (T013, row 15): Informasjonsbehov 8 → 0; then Nytte's weight 1 → 2.
  await typeInCell(page, "Vurdering", "E15", "0");
  await frame.click('[data-testid="tab-ranking"]');
  await frame.waitForFunction(() => document.querySelector('[data-testid="ranking-row"][data-measure-id="T013"]')?.getAttribute("data-rank") !== "1");
  await frame.click('[data-testid="tab-model"]');
  await frame.fill('[data-testid="weight-input-nytte"]', "2");
  await frame.press('[data-testid="weight-input-nytte"]', "Enter");
  await page.waitForFunction(
    () => (window as unknown as { __prioPreview: { workbook: { getCell(s: string, a: string): { value: unknown } } } }).__prioPreview.workbook.getCell("Modell", "G10").value === 2,
  );
  await frame.click('[data-testid="tab-ranking"]');
  await frame.waitForSelector('[data-testid="ranking-since"]');
  // The recompute after the weight is in the pane when the rows carry the new totals (PLL: 14.75 + 2·… ≠ 14.75 + …).
  await page.waitForTimeout(300);
  const now = await rankingRows(frame);
  const want = expected(saved, now);
  expect(Object.values(want.pane).some((m) => m.startsWith("down"))).toBe(true);
  expect(await paneMoves(frame)).toEqual(want.pane);
  expect(await endring()).toMatchObject(want.sheet);
  await shot(page, "rounds-ranking-moves");

  // Tab switches and an unrelated edit (a comment) keep every arrow.
  for (const tab of ["findings", "model", "stability", "ranking"]) await frame.click(`[data-testid="tab-${tab}"]`);
  await typeInCell(page, "Vurdering", "P15", "Drøftet i møtet");
  await page.waitForTimeout(500);
  expect(await paneMoves(frame)).toEqual(want.pane);
  expect(await endring()).toMatchObject(want.sheet);
  expect(await frame.textContent('[data-testid="ranking-since"]')).toBe("Bevegelse siden «Runde 1 =SUM(A1)»");

  // The comparison of the round with now names the cell and the weight.
  await frame.click('[data-testid="tab-rounds"]');
  await frame.waitForSelector('[data-testid="compare-result"]');
  expect(await frame.textContent('[data-testid="compare-cell"][data-cell="Vurdering!E15"]')).toContain("8 → 0");
  expect(await frame.textContent('[data-testid="compare-weight"][data-node-id="nytte"]')).toBe("Nytte: 1 → 2");
  const totals = await frame.$$eval('[data-testid="compare-total"]', (els) => els.map((e) => e.textContent ?? ""));
  expect(totals.every((t) => /\d+,\d → \d+,\d$/.test(t))).toBe(true);
  const pane = await page.$('[data-testid="taskpane-frame"]');
  await pane!.screenshot({ path: path.join(SHOTS, "rounds-pane-400.png") });
  await frame.$eval('[data-testid="compare-result"]', (el) => el.scrollIntoView());
  await pane!.screenshot({ path: path.join(SHOTS, "rounds-compare-400.png") });

  // Last year's meeting imported as a round (the file picker; the file stays on the machine).
  await frame.setInputFiles('[data-testid="round-import"]', path.resolve(__dirname, "../fixtures/prioritering-2022-09.xlsx"));
  await frame.waitForFunction(() => document.querySelectorAll('[data-testid="round-item"]').length === 2, undefined, { timeout: 60000 });
  expect(await frame.textContent('[data-testid="round-item"]:first-child [data-testid="round-item-name"]')).toBe("prioritering-2022-09");

  // Delete it: asks first; Avbryt keeps it; Ja deletes it and Logg says so.
  await frame.click('[data-testid="round-item"]:first-child [data-testid="round-delete"]');
  await frame.click('[data-testid="round-delete-cancel"]');
  expect(await frame.$$('[data-testid="round-item"]')).toHaveLength(2);
  await frame.click('[data-testid="round-item"]:first-child [data-testid="round-delete"]');
  await frame.waitForSelector('[data-testid="round-delete-confirm"]');
  await pane!.screenshot({ path: path.join(SHOTS, "rounds-delete-confirm-400.png") });
  await frame.click('[data-testid="round-delete-yes"]');
  await frame.waitForFunction(() => document.querySelectorAll('[data-testid="round-item"]').length === 1);
  const log = (await grids()).find((g) => g.name === "Logg")!;
  const last = log.rows[log.rows.length - 1].map((c) => c?.value);
  expect(last[1]).toBe("Runde slettet");
  expect(String(last[3])).toContain("«prioritering-2022-09»");
  // The baseline is round 1 again: the arrows are the same.
  await frame.click('[data-testid="tab-ranking"]');
  await page.waitForTimeout(300);
  expect(await paneMoves(frame)).toEqual(want.pane);

  // The same pane 320 px wide.
  await page.evaluate(() => {
    (document.querySelector('[data-testid="taskpane-frame"]') as HTMLElement).style.width = "320px";
  });
  await page.waitForTimeout(300);
  await pane!.screenshot({ path: path.join(SHOTS, "rounds-ranking-320.png") });
  await frame.click('[data-testid="tab-rounds"]');
  await frame.waitForSelector('[data-testid="compare-result"]');
  expect(await frame.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
  await pane!.screenshot({ path: path.join(SHOTS, "rounds-pane-320.png") });
  await frame.$eval('[data-testid="compare-result"]', (el) => el.scrollIntoView());
  await pane!.screenshot({ path: path.join(SHOTS, "rounds-compare-320.png") });
});

test("the presenter at 1280×720 shows the movement against the saved round, and «ny»", async () => {
  await openPage(1280, 720);
  await page.goto(`${preview.url}/preview.html`);
  const frame = await taskpane(page);
  await saveRound(frame, "Før pausen", 1);
  // T006 (row 8) gets its Nytte scores: ranked now, so new since the round.
  for (const col of ["K", "L", "M", "N", "O"]) await typeInCell(page, "Vurdering", `${col}8`, "6");
  await frame.click('[data-testid="tab-ranking"]');
  await frame.waitForSelector('[data-testid="ranking-row"][data-measure-id="T006"] [data-move="new"]', { timeout: 30000 });
  await frame.click('[data-testid="presenter-open"]');
  const handle = await page.waitForSelector('[data-testid="dialog-frame"]');
  const presenter = (await handle.contentFrame())!;
  await presenter.waitForSelector('[data-testid="presenter-row"]', { timeout: 60000 });
  expect(await presenter.textContent('[data-testid="presenter-since"]')).toBe("Endring siden «Før pausen»");
  const t006 = await presenter.$eval('[data-testid="presenter-row"][data-rank="12"] .move', (el) => [el.textContent, el.getAttribute("aria-label")]);
  expect(t006).toEqual(["ny", "ny siden Før pausen"]);
  const down = await presenter.$eval('[data-testid="presenter-row"][data-rank="13"] .move', (el) => el.textContent);
  expect(down).toBe("↓1");
  await page.waitForTimeout(600);
  await shot(page, "rounds-presenter-1280x720");
});

test("in English: the round saved, its line and the comparison in English with English numbers", async () => {
  await openPage(1400, 900);
  await page.goto(`${preview.url}/preview.html?lang=en-US`);
  const frame = await taskpane(page);
  await saveRound(frame, "Round 1", 1);
  expect(await frame.textContent('[data-testid="baseline-line"]')).toMatch(/^The arrows show movement against “Round 1” \(.+\) until you choose another baseline\.$/);
  await frame.click('[data-testid="tab-model"]');
  await frame.fill('[data-testid="weight-input-kost"]', "1.5");
  await frame.press('[data-testid="weight-input-kost"]', "Enter");
  await frame.click('[data-testid="tab-rounds"]');
  await frame.waitForSelector('[data-testid="compare-weight"][data-node-id="kost"]', { timeout: 30000 });
  expect(await frame.textContent('[data-testid="compare-weight"]')).toBe("Costs (complexity): 1 → 1.5");
  const totals = await frame.$$eval('[data-testid="compare-total"]', (els) => els.map((e) => e.textContent ?? ""));
  expect(totals.length).toBeGreaterThan(0);
  expect(totals.every((t) => /\d+\.\d → \d+\.\d$/.test(t))).toBe(true);
  const pane = await page.$('[data-testid="taskpane-frame"]');
  await pane!.screenshot({ path: path.join(SHOTS, "rounds-pane-400-en.png") });
  await frame.click('[data-testid="tab-ranking"]');
  expect(await frame.textContent('[data-testid="ranking-since"]')).toBe("Movement since “Round 1”");
});
