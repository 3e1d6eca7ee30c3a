/**
 * The *Utvalg* view in the preview, in Chromium: open examples/utvalg.xlsx, see the minimum and
 * plus lists, set a smaller frame, force a measure in, and see the lists change. Each state is
 * compared with the same selection computed here in Node (HiGHS in WebAssembly in both), so the
 * browser build's lazy chunks and its highs.wasm are checked against the command line's answer.
 */
import * as path from "path";
import type { Frame, Page } from "playwright-core";
import type { SelectionProblem } from "../../src/core/selection-problem";
import { select } from "../../src/core/select";
import { readXlsx } from "../../src/cli/xlsx";
import { readSelectionInputs } from "../../src/grid/selection-inputs";
import { readWorkbook } from "../../src/grid/workbook";
import { highsSolver } from "../../src/solve/highs";
import { pageForEachTest, shot, taskpane, usePreview } from "./harness";


const FILE = path.resolve(__dirname, "../../examples/utvalg.xlsx");

const preview = usePreview();
let page: Page;
let base: SelectionProblem;

beforeAll(async () => {
  const { grids } = await readXlsx(FILE);
  const read = readWorkbook(grids);
  if (read.kind !== "addin") throw new Error("utvalg.xlsx is not in the add-in's layout");
  const inputs = readSelectionInputs(grids, read);
  base = { ...inputs.problem, budget: inputs.problem.budget! };
}, 120_000);
// The solver is WebAssembly: it must compile and run under the pages' Content-Security-Policy.
pageForEachTest(preview, { viewport: { width: 1400, height: 1000 }, csp: true }, (p) => (page = p.page));

/** The lists the view shows, by id in list order of the rows. */
async function shown(frame: Frame): Promise<Record<string, string[]>> {
  const rows = await frame.$$eval('[data-testid="selection-row"]', (els) => els.map((e) => [e.getAttribute("data-list")!, e.getAttribute("data-measure-id")!]));
  const out: Record<string, string[]> = { minimum: [], plus: [], out: [] };
  for (const [list, id] of rows) out[list].push(id);
  for (const k of Object.keys(out)) out[k].sort();
  return out;
}

async function expected(p: SelectionProblem): Promise<Record<string, string[]>> {
  const r = await select(p, highsSolver(), { entryBudgets: false, frontier: false });
  if (r.status !== "ok") throw new Error(r.status);
  const out: Record<string, string[]> = { minimum: [], plus: [], out: [] };
  for (const m of r.measures) out[m.list].push(m.id);
  for (const k of Object.keys(out)) out[k].sort();
  return out;
}

/** Waits until the view shows a result whose total cost is `cost` MNOK. */
async function settled(frame: Frame, cost: number): Promise<void> {
  await frame.waitForSelector(`[data-testid="selection-total"][data-cost="${cost}"]`, { timeout: 120_000 });
}

test("Utvalg: set a frame, force a measure in, and the lists change as the exact selection says", async () => {
  await page.goto(`${preview.url}/preview.html`);
  await taskpane(page);
  await page.setInputFiles('input[type="file"]', FILE);
  // The preview reloads the pane's frame with the opened workbook: wait for the new frame's ranking.
  let frame: Frame | undefined;
  for (let tries = 0; tries < 60 && !frame; tries++) {
    const handle = await page.$('[data-testid="taskpane-frame"]');
    const f = await handle?.contentFrame();
    if (f && (await f.$('[data-testid="ranking-row"][data-measure-id="T030"]').catch(() => null))) frame = f;
    else await page.waitForTimeout(1000);
  }
  if (!frame) throw new Error("the pane did not show the opened workbook");
  // HiGHS and the solves run in a Web Worker, not on the pane's page.
  const workers: string[] = [];
  page.on("worker", (w) => workers.push(w.url()));
  await frame.click('[data-testid="tab-selection"]');

  // The workbook's frames: 240 / 100 MNOK.
  await settled(frame, 240);
  expect(await frame.inputValue('[data-testid="selection-budget"]')).toBe("240");
  expect(await frame.inputValue('[data-testid="selection-minimum"]')).toBe("100");
  const first = await shown(frame);
  expect(first).toEqual(await expected(base));
  expect(first.minimum).toEqual(["T001", "T004", "T005", "T008", "T009", "T013", "T016", "T017", "T018"]);
  expect(await frame.getAttribute('[data-testid="selection-greedy"]', "data-same")).toBe("false");
  // The lists come first; the frontier and the entry budgets follow.
  await frame.waitForSelector('[data-testid="selection-frontier"]', { timeout: 120_000 });
  expect(Number(await frame.getAttribute('[data-testid="selection-frontier"]', "data-points"))).toBeGreaterThan(10);
  await frame.waitForSelector('[data-testid="selection-row"][data-measure-id="T027"] [data-testid="selection-reason"]');
  expect(await frame.textContent('[data-testid="selection-row"][data-measure-id="T027"] [data-testid="selection-reason"]')).toContain("holdes utenfor");
  // The nearest frames, once computed (no progress left): T023 is in a best selection at 528,5 MNOK, at no smaller frame (T003 and T025 are alternatives: one of them at most).
  await frame.waitForSelector('[data-testid="selection-frames-progress"]', { state: "detached", timeout: 120_000 });
  expect(await frame.textContent('[data-testid="selection-row"][data-measure-id="T023"] [data-testid="selection-reason"]')).toContain(
    "med i et beste utvalg ved 528,5 MNOK (nærmeste større ramme), ved ingen mindre",
  );
  expect(workers.length).toBeGreaterThan(0);
  await shot(page, "selection-240");

  // A smaller frame: 180 MNOK.
  await frame.fill('[data-testid="selection-budget"]', "180");
  const at180 = await expected({ ...base, budget: 18000 });
  const cost180 = (base.items.filter((i) => at180.minimum.includes(i.id) || at180.plus.includes(i.id)).reduce((a, i) => a + i.cost!, 0)) / 100;
  await settled(frame, cost180);
  const second = await shown(frame);
  expect(second).toEqual(at180);
  expect(second.plus.length).toBeLessThan(first.plus.length);

  // Force T003 (PLL i kommunale helse- og omsorgstjenester, 42 MNOK, presupposes T001) in.
  await frame.selectOption('[data-testid="choice-T003"]', "in");
  const forced = { ...base, budget: 18000, items: base.items.map((i) => (i.id === "T003" ? { ...i, forced: "in" as const } : i)) };
  const atForced = await expected(forced);
  expect(atForced.minimum).toContain("T003");
  const costForced = (base.items.filter((i) => atForced.minimum.includes(i.id) || atForced.plus.includes(i.id)).reduce((a, i) => a + i.cost!, 0)) / 100;
  await frame.waitForSelector('[data-testid="selection-row"][data-measure-id="T003"][data-list="minimum"]', { timeout: 120_000 });
  await settled(frame, costForced);
  expect(await shown(frame)).toEqual(atForced);
  await shot(page, "selection-180-forced");
  // The frontier follows the lists (with the example's either–or group every program goes to HiGHS whole).
  await frame.waitForSelector('[data-testid="selection-frontier"]', { timeout: 120_000 });
  await frame.$eval('[data-testid="selection-frontier"]', (e) => e.scrollIntoView());
  await shot(page, "selection-frontier");
}, 300_000);
