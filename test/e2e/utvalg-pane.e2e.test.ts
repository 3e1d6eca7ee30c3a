/**
 * *Utvalg* in a narrow pane, with examples/utvalg.xlsx (issue 16, item 10): a «Tas med» chosen in
 * the pane that makes the frames infeasible is offered back («Angre …»), and no finding's fix
 * points at an empty cell; at 320, 350 and 400 px the frame inputs fit, names wrap whole (no «…»),
 * the cost and score columns have captions, and the frontier chart is readable with titled axes.
 * Screenshots in test-results/utvalg-pane-*.png are looked at.
 */
import * as path from "path";
import type { Frame, Page } from "playwright-core";
import { pageForEachTest, shot, taskpane, usePreview } from "./harness";

const FILE = path.resolve(__dirname, "../../examples/utvalg.xlsx");

const preview = usePreview();
let page: Page;
pageForEachTest(preview, { viewport: { width: 1400, height: 1000 }, csp: true }, (opened) => {
  page = opened.page;
});

/** The preview with utvalg.xlsx opened and the pane `width` px wide, on Utvalg with the workbook's frames computed. */
async function openUtvalg(width: number): Promise<Frame> {
  await page.goto(`${preview.url}/preview.html`);
  await taskpane(page);
  await page.setInputFiles('input[type="file"]', FILE);
  // The preview reloads the pane's frame with the opened workbook: wait for the new frame's ranking.
  let frame: Frame | undefined;
  for (let tries = 0; tries < 60 && !frame; tries++) {
    const handle = await page.$('[data-testid="taskpane-frame"]');
    const f = await handle?.contentFrame();
    if (f && (await f.$('[data-testid="ranking-row"][data-measure-id="T030"]').catch(() => null)))
      frame = f;
    else await page.waitForTimeout(1000);
  }
  if (!frame) throw new Error("the pane did not show the opened workbook");
  await page.$eval(
    '[data-testid="taskpane-frame"]',
    (f, w) => ((f as HTMLIFrameElement).style.width = `${w}px`),
    width
  );
  await frame.click('[data-testid="tab-selection"]');
  await frame.waitForSelector('[data-testid="selection-total"][data-cost="240"]', {
    timeout: 120_000,
  });
  await frame.waitForSelector('[data-testid="selection-frontier"]', { timeout: 120_000 });
  return frame;
}

const cellValue = (sheet: string, a1: string) =>
  page.evaluate(
    ([s, a]) =>
      (
        window as unknown as {
          __prioPreview: { workbook: { getCell(s: string, a: string): { value: unknown } } };
        }
      ).__prioPreview.workbook.getCell(s, a).value,
    [sheet, a1]
  );

test("a «Tas med» tried in the pane that makes the frames infeasible: the pane offers to undo it, and no fix points at an empty cell", async () => {
  const frame = await openUtvalg(350);
  const before = await frame.$$eval('[data-testid="selection-row"]', (rows) =>
    rows.map((r) => [r.getAttribute("data-measure-id"), r.getAttribute("data-list")])
  );
  // T023 (Nasjonal helseanalyseplattform, 95 MNOK) with T004 (Tas med in the workbook, 30 MNOK): 125 MNOK, over the minimum frame of 100.
  await frame.selectOption('[data-testid="choice-T023"]', "in");
  await frame.waitForSelector('[data-testid="selection-undo-T023"]', { timeout: 120_000 });
  expect(await frame.textContent('[data-testid="selection-message"]')).toContain(
    "Valgene du har gjort her i ruten (ikke i arbeidsboken) gjør at utvalget ikke kan beregnes. Angre dem, eller endre rammen:"
  );
  expect(await frame.textContent('[data-testid="selection-undo-T023"]')).toBe(
    "Angre «Tas med» for Helsedata: Nasjonal helseanalyseplattform"
  );
  const findings = await frame.$$eval('[data-testid="selection-finding"]', (els) =>
    els.map((e) => ({
      code: e.getAttribute("data-code"),
      cell: e.getAttribute("data-cell"),
      text: e.textContent ?? "",
    }))
  );
  const over = findings.find((f) => f.code === "selection-forced-over-budget")!;
  expect(over.text).toContain("Nasjonal helseanalyseplattform");
  // Every cell a finding names holds something: the workbook's own «Tas med» (T004's Valg), the frame on Modell; not T023's empty Valg cell.
  const named = new Set<string>();
  for (const f of findings) {
    if (f.cell) named.add(f.cell);
    for (const m of f.text.matchAll(/(Vurdering|Modell)!([A-Z]+\d+)/g))
      named.add(`${m[1]}!${m[2]}`);
  }
  expect(named.size).toBeGreaterThan(0);
  for (const c of named) {
    const [sheet, a1] = c.split("!");
    const v = await cellValue(sheet, a1);
    expect([c, v === null || v === undefined || v === ""]).toEqual([c, false]);
  }
  await shot(page, "utvalg-pane-350-infeasible");

  // «Angre»: the pane's own choice is undone and the lists are the workbook's again.
  await frame.$eval('[data-testid="selection-undo-T023"]', (b) => (b as HTMLElement).click());
  await frame.waitForSelector('[data-testid="selection-total"][data-cost="240"]', {
    timeout: 120_000,
  });
  expect(
    await frame.$$eval('[data-testid="selection-row"]', (rows) =>
      rows.map((r) => [r.getAttribute("data-measure-id"), r.getAttribute("data-list")])
    )
  ).toEqual(before);
  expect(await frame.inputValue('[data-testid="choice-T023"]')).toBe("");
});

test.each([320, 350, 400])(
  "at %i px: the frames fit, names wrap whole, the columns have captions, the frontier has titled axes",
  async (width) => {
    const frame = await openUtvalg(width);
    const layout = await frame.evaluate(() => {
      const right = (sel: string) => document.querySelector(sel)!.getBoundingClientRect().right;
      const names = Array.from(
        document.querySelectorAll('[data-testid="selection-row"] > span:first-child')
      ).map((n) => ({
        cut: n.scrollWidth > n.clientWidth + 1 || getComputedStyle(n).textOverflow === "ellipsis",
        text: n.textContent,
      }));
      const svg = document
        .querySelector('[data-testid="selection-frontier"]')!
        .getBoundingClientRect();
      const label = (id: string) => {
        const t = document.querySelector(`[data-testid="${id}"]`)!;
        return {
          text: t.textContent,
          height: t.getBoundingClientRect().height,
          right: t.getBoundingClientRect().right,
        };
      };
      return {
        view: document.documentElement.clientWidth,
        scroll: document.documentElement.scrollWidth,
        budget: right('[data-testid="selection-budget"]'),
        minimum: right('[data-testid="selection-minimum"]'),
        names,
        columns: Array.from(document.querySelectorAll('[data-testid="selection-columns"]')).map(
          (c) => Array.from(c.children).map((s) => s.textContent)
        ),
        lists: Array.from(document.querySelectorAll('[data-testid^="selection-list-"]')).filter(
          (l) => Number(l.getAttribute("data-count")) > 0
        ).length,
        svg: { width: svg.width, height: svg.height },
        x: label("selection-frontier-x"),
        y: label("selection-frontier-y"),
      };
    });
    // Nothing runs past the pane.
    expect(layout.scroll).toBeLessThanOrEqual(layout.view);
    expect(layout.budget).toBeLessThanOrEqual(layout.view);
    expect(layout.minimum).toBeLessThanOrEqual(layout.view);
    // 30 measures, each name whole (wrapped, never «…»).
    expect(layout.names).toHaveLength(30);
    expect(layout.names.filter((n) => n.cut)).toEqual([]);
    // Every list with rows has its column captions.
    expect(layout.columns).toHaveLength(layout.lists);
    for (const c of layout.columns) expect(c).toEqual(["Tiltak", "Kostnad", "Score"]);
    // The frontier fills the pane's width, with axis titles large enough to read.
    expect(layout.svg.width).toBeGreaterThanOrEqual(width - 40);
    expect(layout.svg.height).toBeGreaterThanOrEqual(190);
    expect(layout.x.text).toBe("Ramme (MNOK)");
    expect(layout.y.text).toBe("Beste score");
    expect(layout.x.height).toBeGreaterThanOrEqual(10);
    await shot(page, `utvalg-pane-${width}-lists`);
    await frame.$eval('[data-testid="selection-frontier"]', (e) => e.scrollIntoView());
    await shot(page, `utvalg-pane-${width}-frontier`);
  }
);
