/**
 * The checklist in the preview: a facilitator answers the questions for PLL in the task pane,
 * sees the segment at once, and finds it in the ranking and on the Sjekkliste sheet.
 */
import { cellValue, shot, taskpane, usePreview } from "./harness";

const preview = usePreview();

test("answering the checklist for PLL places it in Samstyre, in the pane, the ranking and the sheet", async () => {
  const { page, outside, violations } = await preview.open({ viewport: { width: 1400, height: 900 }, csp: true });
  await page.goto(`${preview.url}/preview.html`);
  const frame = await taskpane(page);
  const pll = "T013";
  expect(await frame.getAttribute(`[data-testid="ranking-row"][data-measure-id="${pll}"]`, "data-segment")).toBe("ikke-vurdert");

  await frame.click('[data-testid="tab-checklist"]');
  await frame.click(`[data-testid="checklist-measure"][data-measure-id="${pll}"]`);
  for (const q of ["digitaliseringVesentlig", "flereAktorer", "gjenbrukEllerDeling"]) await frame.click(`[data-testid="answer-${q}-ja"]`);
  // Inn, but the first segment question is not answered yet: never a guessed segment.
  expect(await frame.getAttribute('[data-testid="checklist-result"]', "data-entry")).toBe("inn");
  expect(await frame.getAttribute('[data-testid="checklist-result"]', "data-segment")).toBe("ikke-vurdert");
  await frame.click('[data-testid="answer-samstyre-nei"]');
  await frame.click('[data-testid="answer-koordinere-ja"]');
  // Shown at once, before the workbook round-trip completes.
  expect(await frame.getAttribute('[data-testid="checklist-result"]', "data-segment")).toBe("Koordinere");
  await frame.click('[data-testid="answer-samstyre-ja"]');
  expect(await frame.getAttribute('[data-testid="checklist-result"]', "data-segment")).toBe("Samstyre");
  await frame.waitForSelector('[data-testid="checklist-result"][data-pending="false"][data-segment="Samstyre"]');
  expect(await frame.textContent('[data-testid="result-reporting"]')).toContain("4 ganger i året");
  expect(await frame.getAttribute('[data-testid="answer-samstyre-ja"]', "aria-pressed")).toBe("true");
  expect(await frame.getAttribute('[data-testid="answer-samstyre-nei"]', "aria-pressed")).toBe("false");
  await page.mouse.move(5, 5);
  await shot(page, "preview-checklist-pll");

  await frame.click('[data-testid="tab-ranking"]');
  const row = `[data-testid="ranking-row"][data-measure-id="${pll}"]`;
  await frame.waitForSelector(`${row}[data-segment="Samstyre"]`);
  expect(await frame.getAttribute(row, "data-segment-rank")).toBe("1");
  await frame.selectOption('[data-testid="segment-filter"]', "Samstyre");
  expect(await frame.$$eval('[data-testid="ranking-row"]', (rows) => rows.map((r) => r.getAttribute("data-measure-id")))).toEqual([pll]);
  await shot(page, "preview-ranking-samstyre");

  // The sheets: Segment on the checklist row, Inn/Ut and Segment on the Rangering row.
  await page.click('[data-testid="sheet-tab-Sjekkliste"]');
  expect(await cellValue(page, "K14", "Samstyre")).toBe("Samstyre");
  expect(await cellValue(page, "G14", "Ja")).toBe("Ja");
  await page.click('[data-testid="sheet-tab-Rangering"]');
  expect(await cellValue(page, "B2", "Legemidler: PLL")).toBe("Legemidler: PLL");
  expect(await cellValue(page, "G2", "Inn")).toBe("Inn");
  expect(await cellValue(page, "H2", "Samstyre")).toBe("Samstyre");
  expect(outside).toEqual([]);
  expect(violations).toEqual([]);
});
