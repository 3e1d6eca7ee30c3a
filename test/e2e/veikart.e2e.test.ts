/**
 * The plan by steps in the preview (issue 21), with examples/utvalg.xlsx (its plan checked by hand in
 * test/cli/plan-example.test.ts): the pane's recompute writes the Veikart sheet and Rangering's Utvalg
 * says the step; Utvalg's *Etter steg* shows the steps with their measures and sums and «Senere» with
 * the reasons; switching the either–or group off solves again and says what it costs. The plan is
 * solved in a Web Worker. Screenshots: test-results/veikart-pane-350.png (the pane at 350 px) and
 * test-results/veikart-sheet-1280x720.png (the Veikart sheet).
 */
import * as path from "path";
import type { Frame, Page } from "playwright-core";
import { pageForEachTest, shot, taskpane, usePreview } from "./harness";

const FILE = path.resolve(__dirname, "../../examples/utvalg.xlsx");

const preview = usePreview();
let page: Page;
pageForEachTest(preview, { viewport: { width: 1280, height: 720 }, csp: true }, (opened) => {
  page = opened.page;
});

/** The preview with utvalg.xlsx opened, once the pane shows its ranking. */
async function openExample(): Promise<Frame> {
  await page.goto(`${preview.url}/preview.html`);
  await taskpane(page);
  await page.setInputFiles('input[type="file"]', FILE);
  for (let tries = 0; tries < 60; tries++) {
    const f = await (await page.$('[data-testid="taskpane-frame"]'))?.contentFrame();
    if (f && (await f.$('[data-testid="ranking-row"][data-measure-id="T030"]').catch(() => null))) return f;
    await page.waitForTimeout(1000);
  }
  throw new Error("the pane did not show the opened workbook");
}

const cellValue = (sheet: string, a1: string) =>
  page.evaluate(([s, a]) => (window as unknown as { __prioPreview: { workbook: { getCell(s: string, a: string): { value: unknown } } } }).__prioPreview.workbook.getCell(s, a).value, [sheet, a1]);

const sheetNames = () => page.evaluate(() => (window as unknown as { __prioPreview: { workbook: { sheetNames(): string[] } } }).__prioPreview.workbook.sheetNames());

test("the Veikart sheet, Utvalg by step on Rangering, and the pane's «Etter steg» with a rule switched off", async () => {
  const workers: string[] = [];
  page.on("worker", (w) => workers.push(w.url()));
  const frame = await openExample();
  // The pane's recompute (HiGHS in a worker) makes the sheet.
  for (let tries = 0; tries < 120 && !(await sheetNames()).includes("Veikart"); tries++) await page.waitForTimeout(1000);
  expect(await sheetNames()).toContain("Veikart");
  expect([await cellValue("Veikart", "A1"), await cellValue("Veikart", "G1"), await cellValue("Veikart", "I1")]).toEqual(["Steg", "Begrunnelse", "Steg"]);
  // The sums beside the table: Steg 2 240 of 240, Steg 3 128 of 128, Steg 4 99,5 of 100, 4 later.
  const sums = [];
  for (const r of [2, 3, 4, 5]) sums.push([await cellValue("Veikart", `I${r}`), await cellValue("Veikart", `J${r}`), await cellValue("Veikart", `K${r}`), await cellValue("Veikart", `L${r}`)]);
  expect(sums).toEqual([
    ["Steg 2", 240, 240, 18],
    ["Steg 3", 128, 128, 5],
    ["Steg 4", 100, 99.5, 3],
    ["Senere", null, 234, 4],
  ]);
  await page.click('[data-testid="sheet-tab-Veikart"]');
  await page.waitForSelector('[data-testid="cell-A2"]');
  await shot(page, "veikart-sheet-1280x720");

  // The pane at 350 px: Utvalg, Etter steg.
  await page.$eval('[data-testid="taskpane-frame"]', (f) => ((f as HTMLIFrameElement).style.width = "350px"));
  await frame.click('[data-testid="tab-selection"]');
  // One frame first (its frontier's solves run on the pane's page), then by step.
  await frame.waitForSelector('[data-testid="selection-frontier"]', { timeout: 120_000 });
  await frame.click('[data-testid="selection-mode-steps"]', { timeout: 120_000 });
  await frame.waitForSelector('[data-testid="plan-step"][data-step="Steg 4"]', { timeout: 120_000 });
  const steps = await frame.$$eval('[data-testid="plan-step"]', (els) => els.map((e) => [e.getAttribute("data-step"), e.getAttribute("data-count"), e.getAttribute("data-cost")]));
  expect(steps).toEqual([
    ["Steg 2", "18", "240"],
    ["Steg 3", "5", "128"],
    ["Steg 4", "3", "99.5"],
  ]);
  const rows = await frame.$$eval('[data-testid="plan-row"]', (els) => els.map((e) => [e.getAttribute("data-measure-id"), e.getAttribute("data-step")]));
  expect(rows.filter(([, s]) => s === "Steg 3").map(([id]) => id).sort()).toEqual(["T021", "T022", "T025", "T026", "T029"]);
  expect(rows.filter(([, s]) => s === "").map(([id]) => id).sort()).toEqual(["T003", "T023", "T027", "T030"]);
  expect(await frame.getAttribute('[data-testid="plan-later"]', "data-count")).toBe("4");
  const reasons = await frame.$$eval('[data-testid="plan-row"][data-step=""] [data-testid="plan-reason"]', (els) => els.map((e) => e.textContent));
  expect(reasons).toContain("holdes utenfor");
  expect(reasons).toContain("alternativ til Legemidler: Legemiddelmodul i kommunal journal, som er med i Steg 3 (gruppen Legemidler i kommunene)");
  await shot(page, "veikart-pane-350");
  // Rangering's Utvalg says the step.
  const utvalg = await page.evaluate(() => {
    const wb = (window as unknown as { __prioPreview: { workbook: { toGrids(): { name: string; rows: ({ value: unknown } | undefined)[][] }[] } } }).__prioPreview.workbook;
    const g = wb.toGrids().find((x) => x.name === "Rangering")!;
    const head = g.rows[0].map((c) => c?.value);
    const id = head.indexOf("ID");
    const col = head.indexOf("Utvalg");
    return Object.fromEntries(g.rows.slice(1).map((r) => [String(r[id]?.value), String(r[col]?.value ?? "")]));
  });
  expect([utvalg.T001, utvalg.T002, utvalg.T025, utvalg.T028, utvalg.T003]).toEqual(["Steg 2 · minimum", "Steg 2 · pluss", "Steg 3", "Steg 4", "Senere"]);

  // Switch the either–or group off: T003 still fits no step (42 MNOK, 0,5 left), so nothing changes, and the pane says so.
  const rule = frame.locator('[data-testid="plan-rule"][data-key="group:Legemidler i kommunene"]');
  expect(await rule.isChecked()).toBe(true);
  await rule.click();
  await frame.waitForSelector('[data-testid="plan-cost"]', { timeout: 120_000 });
  expect(await frame.textContent('[data-testid="plan-cost"]')).toBe("Reglene som er slått av, endrer ikke planen.");
  await rule.click();
  await frame.waitForSelector('[data-testid="plan-cost"]', { state: "detached" });
  // Every plan was solved in a worker: the recompute's, the view's, and the one without the group.
  expect(workers.length).toBeGreaterThanOrEqual(3);
}, 300_000);
