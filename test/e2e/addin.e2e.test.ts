/**
 * The production build as Office loads it: dist/taskpane.html with its office.js script tag
 * pointing at Office's CDN. The CDN request is answered with the local stub that hosts the
 * in-memory workbook (DESIGN §3); every other request must stay on loopback.
 */
import { promises as fs, existsSync } from "fs";
import * as path from "path";
import type { Browser } from "playwright-core";
import { DIST, ROOT, launch, offline, rankingRows, serve, shot, watchCsp } from "./harness";

const OFFICE_JS = "https://appsforoffice.microsoft.com/lib/1.1/hosted/office.js";

let server: Awaited<ReturnType<typeof serve>>;
let browser: Browser;

beforeAll(async () => {
  if (!existsSync(path.join(DIST, "taskpane.html"))) throw new Error("dist/ is missing: run `npm run build`");
  server = await serve();
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

test("dist/taskpane.html loads office.js from the CDN, and with the stub in its place ranks the meeting", async () => {
  const html = await fs.readFile(path.join(DIST, "taskpane.html"), "utf8");
  expect(html).toMatch(new RegExp(`<script[^>]*src="?${OFFICE_JS.replace(/[.]/g, "\\.")}"?>`));

  const page = await browser.newPage({ viewport: { width: 400, height: 900 } });
  const outside = await offline(page);
  const violations = await watchCsp(page);
  const stub = await fs.readFile(path.join(ROOT, "office-stub.js"));
  let served = 0;
  await page.route(OFFICE_JS, (route) => {
    served++;
    return route.fulfill({ status: 200, contentType: "text/javascript", body: stub });
  });
  const errors: string[] = [];
  page.on("pageerror", (e) => errors.push(e.message));
  await page.goto(`${server.url}/addin/taskpane.html?lang=en-US&base=/`);
  await page.waitForSelector('[data-testid="ranking-row"]', { timeout: 60000 });
  const rows = await rankingRows(page.mainFrame());
  expect(rows.map((r) => r.rank)).toEqual(["1", "2", "3", "4", "5", "6=", "6=", "8", "9", "10", "11", "12", "13"]);
  expect(rows[0]).toEqual({ rank: "1", id: "T013", score: 22.75 });
  expect(await page.textContent('[data-testid="tab-ranking"]')).toBe("Ranking");
  await shot(page, "addin-taskpane-en");
  expect(served).toBe(1);
  expect(outside).toEqual([]);
  expect(violations).toEqual([]);
  expect(errors).toEqual([]);
  await page.close();
});
