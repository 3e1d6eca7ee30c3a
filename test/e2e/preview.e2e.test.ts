/**
 * The preview in Chromium, as a workshop facilitator would use it: the council meeting of
 * 21 September 2022 imported, a score typed into the grid, a weight changed in the task pane, the
 * display language switched. Screenshots are saved in test-results/ and looked at.
 */
import type { Page } from "playwright-core";
import fixture from "../fixtures/prioritering-2022-09.json";
import { cellValue, pageForEachTest, rankingRows, shot, taskpane, typeInCell, usePreview } from "./harness";

const preview = usePreview();
let page: Page;

pageForEachTest(preview, { viewport: { width: 1400, height: 900 }, csp: true }, (p) => (page = p.page));

/** Imported in the fixture's order, so the fixture's nth measure is T00n. */
const idOf = (fixtureId: string) => `T${String(fixture.measures.findIndex((m) => m.id === fixtureId) + 1).padStart(3, "0")}`;

test("the ranking of the council meeting matches the fixture, ties as 6=", async () => {
  await page.goto(`${preview.url}/preview.html`);
  const frame = await taskpane(page);
  const rows = await rankingRows(frame);
  const ranked = fixture.measures.filter((m) => m.expected.rank !== null);
  expect(rows).toHaveLength(ranked.length);
  for (const m of ranked) {
    const row = rows.find((r) => r.id === idOf(m.id))!;
    expect(row.rank).toBe(`${m.expected.rank}${m.expected.tied ? "=" : ""}`);
    expect(Math.abs(row.score - m.expected.score!)).toBeLessThanOrEqual(1e-9);
  }
  expect(rows.map((r) => r.rank)).toEqual(["1", "2", "3", "4", "5", "6=", "6=", "8", "9", "10", "11", "12", "13"]);
  expect(await frame.textContent('[data-testid="ranking-row"][data-measure-id="T013"] [data-testid="ranking-total"]')).toContain("22,8");
  // The measure without Nytte is listed after the ranked ones, with its reason.
  const unranked = await frame.$$('[data-testid="ranking-unranked-row"]');
  expect(unranked).toHaveLength(1);
  expect(await unranked[0].textContent()).toContain("Nytte");
  await shot(page, "preview-ranking-nb");
});

test("typing Nytte scores for the measure without them gives it a total and a rank and removes its finding", async () => {
  await page.goto(`${preview.url}/preview.html`);
  const frame = await taskpane(page);
  const andre = idOf("dok.andre"); // row 8 of Vurdering; Nytte's questions are columns K–O
  expect(await frame.$(`[data-testid="ranking-row"][data-measure-id="${andre}"]`)).toBeNull();
  await frame.click('[data-testid="tab-findings"]');
  // Funn's view is a chunk of its own: on a busy machine it may still be loading when the ranking shows.
  await frame.waitForSelector('[data-testid="finding"]');
  expect(await frame.$$('[data-testid="finding"][data-code="no-total"]')).toHaveLength(1);

  for (const col of ["K", "L", "M", "N"]) await typeInCell(page, "Vurdering", `${col}8`, "6");
  const before = Date.now();
  await typeInCell(page, "Vurdering", "O8", "6");
  await frame.waitForSelector('[data-testid="finding"][data-code="no-total"]', { state: "detached" });
  const editToUpdate = Date.now() - before;
  console.log(`edit to updated findings: ${editToUpdate} ms`);

  await frame.click('[data-testid="tab-ranking"]');
  const row = (await rankingRows(frame)).find((r) => r.id === andre)!;
  // Måloppnåelse (4 + 4)/2 = 4, Kostnader 4 (teknisk only), Nytte 6: 14, between 14.83 (11th) and 13.
  expect(row).toEqual({ rank: "12", id: andre, score: 14 });
  expect(await frame.$$('[data-testid="ranking-unranked-row"]')).toHaveLength(0);
  // The add-in wrote the new rank into the Rangering sheet as well.
  await page.click('[data-testid="sheet-tab-Rangering"]');
  expect(await cellValue(page, "B13", "Dokumentdeling: Andre helseaktører/tjenester")).toBe("Dokumentdeling: Andre helseaktører/tjenester");
  await shot(page, "preview-after-edit");
});

test("doubling the weight of Nytte re-orders the list and breaks the tie", async () => {
  await page.goto(`${preview.url}/preview.html`);
  const frame = await taskpane(page);
  await frame.click('[data-testid="tab-model"]');
  await frame.fill('[data-testid="weight-input-nytte"]', "2");
  await frame.press('[data-testid="weight-input-nytte"]', "Enter");
  await frame.click('[data-testid="tab-ranking"]');
  await frame.waitForFunction(
    (id) => document.querySelector(`[data-testid="ranking-row"][data-measure-id="${id}"]`)?.getAttribute("data-rank") === "5",
    idOf("dbep"),
  );
  const rows = await rankingRows(frame);
  // Total = M + K + 2N (hand-computed in test/excel/controller.test.ts).
  expect(rows.map((r) => [r.id, r.rank])).toEqual(
    [
      ["pll", "1"],
      ["dok.spes", "2"],
      ["ki.spes", "3"],
      ["ki.fastleger", "4"],
      ["dbep", "5"],
      ["ki.kommunal", "6"],
      ["dok.legevakt", "7"],
      ["hjelpenummer", "8"],
      ["dok.fastleger", "9"],
      ["dho", "10"],
      ["dok.kommunal", "11"],
      ["ki.andre", "12"],
      ["dok.utenfor", "13"],
    ].map(([f, r]) => [idOf(f), r]),
  );
  expect(rows[0].score).toBe(30.25);
  await page.click('[data-testid="sheet-tab-Modell"]');
  expect(await page.getAttribute('[data-testid="cell-G10"]', "data-value")).toBe("2");
  await shot(page, "preview-weight-nytte-2");
});

test("the task pane follows the display language", async () => {
  await page.goto(`${preview.url}/preview.html?lang=en-US`);
  const frame = await taskpane(page);
  expect(await frame.textContent('[data-testid="tab-ranking"]')).toBe("Ranking");
  expect(await frame.textContent('[data-testid="ranking-row"][data-measure-id="T013"] [data-testid="ranking-total"]')).toContain("22.8");
  await shot(page, "preview-ranking-en");

  await page.selectOption('[data-testid="language"]', "nb-NO");
  const nb = await taskpane(page);
  expect(await nb.textContent('[data-testid="tab-ranking"]')).toBe("Rangering");
});

test("clicking a finding's cell selects it in the workbook", async () => {
  await page.goto(`${preview.url}/preview.html`);
  const frame = await taskpane(page);
  await frame.click('[data-testid="tab-findings"]');
  const link = await frame.waitForSelector('[data-testid="finding"][data-code="cell-text"] [data-testid="finding-cell-link"]');
  await link.click();
  await page.waitForFunction(() => document.querySelector(".formula-bar .address")?.textContent === "I13");
  expect(await page.inputValue('[data-testid="formula-bar"]')).toBe("Sjekke med jurist?");
  await shot(page, "preview-finding-selected");
});

test("the original meeting workbook opens as legacy, imports, and Synkroniser fixes the old sheets", async () => {
  await page.goto(`${preview.url}/preview.html?example=legacy`);
  const frame = await taskpane(page);
  await frame.waitForSelector('[data-testid="state-legacy"]');
  await shot(page, "preview-legacy");
  await frame.click('[data-testid="import-legacy"]');
  await frame.waitForSelector('[data-testid="ranking-row"]');
  expect(await rankingRows(frame)).toHaveLength(13);
  await frame.click('[data-testid="tab-findings"]');
  await frame.click('[data-testid="sync-legacy"]');
  // It asks first, with what it will write; the Logg sheet does not exist yet.
  await frame.waitForSelector('[data-testid="sync-confirm"]');
  expect(await frame.textContent('[data-testid="sync-plan"]')).toMatch(/^Synkroniser skriver i 41 celler på 6 ark: /);
  expect(await page.$('[data-testid="sheet-tab-Logg"]')).toBeNull();
  await shot(page, "preview-sync-confirm");
  await frame.click('[data-testid="sync-confirm-write"]');
  await frame.waitForSelector('[data-testid="notice"]');
  await page.click('[data-testid="sheet-tab-Dokumentdeling"]');
  expect(await page.getAttribute('[data-testid="cell-G11"]', "data-value")).toBe("");
  await page.click('[data-testid="sheet-tab-Samlet"]');
  expect(await page.getAttribute('[data-testid="cell-C3"]', "data-value")).toBe("=Legemidler!C20");
  await page.click('[data-testid="sheet-tab-Logg"]');
  expect(await page.getAttribute('[data-testid="cell-D2"]', "data-value")).not.toBe("");
  await shot(page, "preview-after-sync");
});
