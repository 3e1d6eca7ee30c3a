/**
 * Stabilitet's minimum-list section in the preview, in Chromium: open examples/utvalg.xlsx, see the
 * minimum and plus lists stay for every group weight (the example's frames), set Budsjettramme to
 * 150 MNOK and clear Minimumsramme on Modell, and see the exact ends with the measures that enter
 * and leave. Every sentence is compared with the same analysis computed here in Node (HiGHS in
 * WebAssembly in both). The pane at 320 and 400 px: nothing in the section is cut off sideways;
 * screenshots in test-results/minimum-stability-*.png are looked at.
 */
import * as path from "path";
import type { Frame, Page } from "playwright-core";
import { fullNameTexts } from "../../src/core/full-name";
import { findNode } from "../../src/core/model";
import { listStability } from "../../src/core/selection-stability";
import { readXlsx } from "../../src/cli/xlsx";
import { readSelectionInputs } from "../../src/grid/selection-inputs";
import { readWorkbook } from "../../src/grid/workbook";
import { nodeLines } from "../../src/i18n/minimum-stability";
import { highsSolver } from "../../src/solve/highs";
import { SHOTS, pageForEachTest, taskpane, typeInCell, usePreview } from "./harness";

const FILE = path.resolve(__dirname, "../../examples/utvalg.xlsx");

const preview = usePreview();
let page: Page;

pageForEachTest(preview, { viewport: { width: 1400, height: 1000 }, csp: true }, (p) => (page = p.page));

/** The sentences the pane should show for the example with these frames (hundredths of a MNOK). */
async function expectedSentences(budget: number, minimum: number | null, allNodes = false): Promise<string[]> {
  const { grids } = await readXlsx(FILE);
  const read = readWorkbook(grids);
  if (read.kind !== "addin") throw new Error("utvalg.xlsx is not in the add-in's layout");
  const inputs = readSelectionInputs(grids, read);
  const problem = { ...inputs.problem, budget };
  delete problem.minimum;
  if (minimum !== null) problem.minimum = minimum;
  const r = await listStability(read.assessment, problem, highsSolver(), { allNodes });
  if (r.status !== "ok") throw new Error(r.status);
  const a = read.assessment;
  // Names as every list prints them (core/full-name.ts: «Tema: tiltak»).
  const names = fullNameTexts(a.measures);
  const group = (id: string) => {
    const n = findNode(a.model, id);
    return (n?.short ?? n?.label)?.nb ?? id;
  };
  return r.nodes.flatMap((n) => nodeLines("nb", group(n.nodeId), n, (id) => names.get(id) ?? id));
}

const sentences = (frame: Frame) => frame.$$eval('[data-testid="minimum-stability-sentence"]', (els) => els.map((e) => (e as HTMLElement).innerText.trim()));

/** True when some element of the section is wider than its box (text cut or a sideways scroll). */
const cutSideways = (frame: Frame) =>
  frame.$eval('[data-testid="minimum-stability"]', (root) => [root, ...Array.from(root.querySelectorAll<HTMLElement>("*"))].some((el) => el.scrollWidth > el.clientWidth + 1));

async function shotOfPane(width: number, name: string, frame: Frame): Promise<void> {
  await page.$eval('[data-testid="taskpane-frame"]', (el, w) => ((el as HTMLElement).style.width = `${w}px`), width);
  await frame.$eval('[data-testid="minimum-stability"]', (e) => e.scrollIntoView());
  await page.waitForTimeout(300);
  expect(await cutSideways(frame)).toBe(false);
  const pane = await page.$('[data-testid="taskpane-frame"]');
  await pane!.screenshot({ path: path.join(SHOTS, `minimum-stability-${name}-${width}.png`) });
}

test("Stabilitet: the minimum list's intervals for the example's frames and for 150 MNOK, as computed in Node, at 320 and 400 px", async () => {
  await page.goto(`${preview.url}/preview.html`);
  await taskpane(page);
  await page.setInputFiles('input[type="file"]', FILE);
  let frame: Frame | undefined;
  for (let tries = 0; tries < 60 && !frame; tries++) {
    const handle = await page.$('[data-testid="taskpane-frame"]');
    const f = await handle?.contentFrame();
    if (f && (await f.$('[data-testid="ranking-row"][data-measure-id="T030"]').catch(() => null))) frame = f;
    else await page.waitForTimeout(1000);
  }
  if (!frame) throw new Error("the pane did not show the opened workbook");
  await frame.click('[data-testid="tab-stability"]');

  // The example's frames (240 / 100 MNOK): both lists stay for every weight.
  await frame.waitForSelector('[data-testid="minimum-stability-node"]', { timeout: 120_000 });
  const first = await expectedSentences(24000, 10000);
  expect(first[0]).toBe("Måloppnåelse kan veie fra 0 og så høyt du vil uten at minimumslisten endres.");
  expect(await sentences(frame)).toEqual(first);
  expect(await frame.textContent('[data-testid="minimum-stability-now"] summary')).toBe("Minimumslisten nå: 9 tiltak");
  expect(await frame.textContent('[data-testid="minimum-stability-plus-now"] summary')).toBe("Plusslisten nå: 9 tiltak");
  // Opened, the names of the list.
  await frame.click('[data-testid="minimum-stability-now"] summary');
  expect(await frame.textContent('[data-testid="minimum-stability-now"] p')).toBe(
    "Minimumslisten nå (9): Legemidler: Pasientens legemiddelliste – grunnmur, Kritisk informasjon i kjernejournal, Dokumentdeling fra kommunene, Journaldeling mellom legevakt og fastlege, Kritisk info: Vaksinasjonsdata i kjernejournal, Innbyggertjenester: Timebestilling på helsenorge, Infrastruktur: Felles språk og terminologi (SNOMED CT), Infrastruktur: HelseID for alle aktører og Infrastruktur: Tillitsrammeverk for deling.",
  );
  for (const w of [320, 400]) await shotOfPane(w, "240", frame);

  // Budsjettramme 150 MNOK, no Minimumsramme: typed on Modell, the section follows the recompute.
  await typeInCell(page, "Modell", "M9", "150");
  await typeInCell(page, "Modell", "M10", "");
  const second = await expectedSentences(15000, null);
  expect(second[0]).toBe(
    "Måloppnåelse kan veie fra 0,67 til 1,33 uten at minimumslisten endres; ved 1,33 kommer Søknadsmottak for helsedata inn og Dokumentdeling fra avtalespesialister går ut, og ved 0,67 kommer Infrastruktur: Felles kodeverk for laboratoriene inn og Dokumentdeling fra avtalespesialister går ut.",
  );
  await frame.waitForFunction(
    (text) => Array.from(document.querySelectorAll('[data-testid="minimum-stability-sentence"]')).some((e) => (e as HTMLElement).innerText.trim() === text),
    second[0],
    { timeout: 120_000 },
  );
  expect(await sentences(frame)).toEqual(second);
  for (const w of [320, 400]) await shotOfPane(w, "150", frame);

  // «Vis alle vekter i treet»: every node of the tree, as in Node with allNodes.
  const all = await expectedSentences(15000, null, true);
  expect(all.length).toBeGreaterThan(second.length);
  await frame.click('[data-testid="stability-all-nodes"]');
  await frame.waitForFunction((n) => document.querySelectorAll('[data-testid="minimum-stability-sentence"]').length === n, all.length, { timeout: 120_000 });
  expect(await sentences(frame)).toEqual(all);
}, 300_000);

test("Stabilitet on a workbook without a budget frame: no minimum-list section, not even its heading", async () => {
  await page.goto(`${preview.url}/preview.html`);
  const frame = await taskpane(page);
  await frame.click('[data-testid="tab-stability"]');
  await frame.waitForSelector('[data-testid="stability-interval"]');
  // The section decides after reading the workbook (two syncs); give it ample time to appear if it would.
  await page.waitForTimeout(3000);
  expect(await frame.$('[data-testid="minimum-stability"]')).toBeNull();
  expect(await frame.$$eval("h2", (hs) => hs.map((h) => h.textContent))).not.toContain("Hvor mye kan vektene endres før minimumslisten endres?");
}, 120_000);
