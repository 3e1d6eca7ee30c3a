/**
 * The production build as Office loads it: dist/taskpane.html with its office.js script tag
 * pointing at Office's CDN. The CDN request is answered with the local stub that hosts the
 * in-memory workbook (DESIGN §3); every other request must stay on loopback.
 */
import { promises as fs } from "fs";
import * as path from "path";
import { DIST, OFFICE_JS, officeStub, rankingRows, shot, usePreview } from "./harness";

const preview = usePreview({ dist: true });

test("dist/taskpane.html loads office.js from the CDN, and with the stub in its place ranks the meeting", async () => {
  const html = await fs.readFile(path.join(DIST, "taskpane.html"), "utf8");
  expect(html).toMatch(new RegExp(`<script[^>]*src="?${OFFICE_JS.replace(/[.]/g, "\\.")}"?>`));

  const { page, outside, violations, errors } = await preview.open({ viewport: { width: 400, height: 900 }, csp: true, pageErrors: true });
  const office = await officeStub(page);
  await page.goto(`${preview.url}/addin/taskpane.html?lang=en-US&base=/`);
  await page.waitForSelector('[data-testid="ranking-row"]', { timeout: 60000 });
  const rows = await rankingRows(page.mainFrame());
  expect(rows.map((r) => r.rank)).toEqual(["1", "2", "3", "4", "5", "6=", "6=", "8", "9", "10", "11", "12", "13"]);
  expect(rows[0]).toEqual({ rank: "1", id: "T013", score: 22.75 });
  expect(await page.textContent('[data-testid="tab-ranking"]')).toBe("Ranking");
  await shot(page, "addin-taskpane-en");
  expect(office.requests).toBe(1);
  expect(outside).toEqual([]);
  expect(violations).toEqual([]);
  expect(errors).toEqual([]);
  await page.close();
});
