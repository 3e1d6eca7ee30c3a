/**
 * The add-in in the browser: every page carries the Content-Security-Policy of scripts/csp.ts,
 * and using the pages raises no violation (the other browser tests assert the same on theirs); if
 * office.js cannot load, or the page is opened outside Office, the task pane says so in the
 * browser's language instead of staying blank; the preview refuses a hostile file in a moment.
 */
import { promises as fs } from "fs";
import * as path from "path";
import type { Page } from "playwright-core";
import { contentSecurityPolicy } from "../../scripts/csp";
import { minimalXlsx, sheetXml, cfb } from "../support/hostile";
import { DIST, OFFICE_JS, ROOT, officeStub, taskpane, usePreview } from "./harness";

const preview = usePreview();

const newPage = (locale = "nb-NO") => preview.open({ viewport: { width: 1400, height: 900 }, locale, csp: true, pageErrors: true });

/** The page's policy meta tag as written (the minifier may drop the attribute's quotes): its content and where it starts. */
function metaPolicy(html: string): { content: string | undefined; at: number } {
  const m = /<meta http-equiv="?Content-Security-Policy"? content="([^"]*)"/.exec(html);
  return { content: m?.[1], at: m ? m.index : -1 };
}

const cspOf = (page: Page, frame = page.mainFrame()) => frame.$eval('meta[http-equiv="Content-Security-Policy"]', (m) => m.getAttribute("content"));

describe("the policy on every page", () => {
  test("dist/taskpane.html (task pane, ribbon commands and custom functions): own files and office.js only", async () => {
    const html = await fs.readFile(path.join(DIST, "taskpane.html"), "utf8");
    const policy = contentSecurityPolicy({ office: true, dev: false });
    expect(policy).toBe(
      "default-src 'none'; script-src 'self' 'wasm-unsafe-eval' https://appsforoffice.microsoft.com; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self'; connect-src 'self'; frame-src 'none'; base-uri 'self'; form-action 'none'; object-src 'none'",
    );
    // Before any script, so that it governs office.js too.
    const meta = metaPolicy(html);
    expect(meta.content).toBe(policy);
    expect(meta.at).toBeGreaterThan(0);
    expect(meta.at).toBeLessThan(html.indexOf("<script"));
  });

  test("the preview's pages: their own files only; the preview may frame its own task pane", async () => {
    for (const [file, frames] of [["preview.html", true], ["index.html", true], ["taskpane.html", false]] as const) {
      const html = await fs.readFile(path.join(ROOT, file), "utf8");
      const policy = contentSecurityPolicy({ office: false, dev: false, frames });
      expect(policy).not.toContain("appsforoffice");
      expect(metaPolicy(html).content).toBe(policy);
    }
  });

  test("development builds add only a WebSocket to localhost, for hot reload", () => {
    expect(contentSecurityPolicy({ office: true, dev: true })).toBe(
      contentSecurityPolicy({ office: true, dev: false }).replace("connect-src 'self'", "connect-src 'self' ws://localhost:* wss://localhost:*"),
    );
  });
});

describe("no violation while the pages are used", () => {
  test("the production task pane with office.js (the stub in the CDN's place), the preview and its framed task pane", async () => {
    const { page, outside, violations } = await newPage();
    await officeStub(page);
    await page.goto(`${preview.url}/addin/taskpane.html?base=/`);
    await page.waitForSelector('[data-testid="ranking-row"]', { timeout: 60000 });
    expect(await cspOf(page)).toBe(contentSecurityPolicy({ office: true, dev: false }));
    await page.click('[data-testid="tab-findings"]');
    await page.goto(`${preview.url}/preview.html`);
    const frame = await taskpane(page);
    expect(await cspOf(page)).toBe(contentSecurityPolicy({ office: false, dev: false, frames: true }));
    expect(await cspOf(page, frame)).toBe(contentSecurityPolicy({ office: false, dev: false }));
    await frame.click('[data-testid="tab-findings"]');
    await frame.click('[data-testid="tab-ranking"]');
    expect(violations).toEqual([]);
    expect(outside).toEqual([]);
    await page.close();
  });

  test("the watcher does see a violation: an inline script injected into the task pane is blocked and reported", async () => {
    const { page, violations } = await newPage();
    await page.goto(`${preview.url}/preview.html`);
    const frame = await taskpane(page);
    await frame.evaluate(() => {
      const s = document.createElement("script");
      s.textContent = "window.__ran = true";
      document.head.append(s);
    });
    await frame.waitForFunction(() => true);
    await page.waitForTimeout(200);
    expect(await frame.evaluate(() => (window as unknown as { __ran?: boolean }).__ran ?? false)).toBe(false);
    expect(violations.some((v) => v.startsWith("/taskpane.html: script-src-elem blocked inline"))).toBe(true);
    await page.close();
  });
});

describe("when office.js cannot load", () => {
  test.each([
    [
      "nb-NO",
      "Prioritering kan ikke starte",
      "Office-biblioteket (office.js) kunne ikke lastes fra Microsoft (appsforoffice.microsoft.com). Tillegget trenger det for å lese og skrive i arbeidsboken. Sjekk at nettverket slipper gjennom til appsforoffice.microsoft.com, og åpne tillegget på nytt fra Excel.",
    ],
    [
      "en-US",
      "Prioritering cannot start",
      "The Office library (office.js) could not be loaded from Microsoft (appsforoffice.microsoft.com). The add-in needs it to read and write the workbook. Check that the network lets appsforoffice.microsoft.com through, and open the add-in again from Excel.",
    ],
  ])("%s: the pane says so, not a blank page, and nothing on the page throws", async (locale, title, body) => {
    const { page, violations, errors } = await newPage(locale);
    let asked = 0;
    await page.route(OFFICE_JS, (route) => {
      asked++;
      return route.abort("internetdisconnected");
    });
    await page.goto(`${preview.url}/addin/taskpane.html`);
    const box = await page.waitForSelector('[data-testid="boot-problem"][data-problem="no-office-js"]', { timeout: 30000 });
    expect(await box.$eval("h1", (h) => h.textContent)).toBe(title);
    expect(await box.$eval("p", (p) => p.textContent)).toBe(body);
    expect(asked).toBe(1);
    expect(violations).toEqual([]);
    // The custom functions and ribbon commands load on the same page and leave Office's globals alone without it.
    expect(errors).toEqual([]);
    await page.screenshot({ path: path.resolve(__dirname, `../../test-results/no-office-js-${locale}.png`) });
    await page.close();
  });

  test("with office.js (the stub in the CDN's place) the custom functions are still registered with its runtime", async () => {
    const { page, errors } = await newPage();
    const stub = await fs.readFile(path.join(ROOT, "office-stub.js"));
    await page.route(OFFICE_JS, (route) => route.fulfill({ status: 200, contentType: "text/javascript", body: stub }));
    // Record what the page associates with the runtime the stub installs.
    await page.addInitScript(() => {
      const w = window as unknown as { __associated: string[]; CustomFunctions?: { associate: (id: string, f: unknown) => void } };
      w.__associated = [];
      let runtime: typeof w.CustomFunctions;
      Object.defineProperty(window, "CustomFunctions", {
        configurable: true,
        get: () => runtime,
        set: (v: NonNullable<typeof w.CustomFunctions>) => {
          runtime = { ...v, associate: (id, f) => (w.__associated.push(id), v.associate(id, f)) };
        },
      });
    });
    await page.goto(`${preview.url}/addin/taskpane.html?base=/`);
    await page.waitForSelector('[data-testid="ranking-row"]', { timeout: 60000 });
    expect(await page.evaluate(() => (window as unknown as { __associated: string[] }).__associated)).toEqual(["SCORE", "RANK"]);
    expect(errors).toEqual([]);
    await page.close();
  });

  test("opened outside Office (office.js loads, no host): the pane says where it works", async () => {
    const { page } = await newPage("en-GB");
    await page.route(OFFICE_JS, (route) =>
      route.fulfill({
        status: 200,
        contentType: "text/javascript",
        body: "window.Office = { onReady: function (cb) { var info = { host: null, platform: null }; return Promise.resolve(info).then(function (i) { if (cb) cb(i); return i; }); } };",
      }),
    );
    await page.goto(`${preview.url}/addin/taskpane.html`);
    const box = await page.waitForSelector('[data-testid="boot-problem"][data-problem="outside-office"]', { timeout: 30000 });
    expect(await box.textContent()).toBe(
      "Prioritering cannot start" + "This page is the Prioritering add-in for Excel and works only inside Excel. Open it from the Home tab in Excel (the Prioritering group).",
    );
    await page.close();
  });
});

describe("the preview's file opening uses the guard", () => {
  test.each([
    ["hel-ark-sammenslått.xlsx", () => minimalXlsx(sheetXml({ after: '<mergeCells count="1"><mergeCell ref="A1:XFD1048576"/></mergeCells>' })),
      "hel-ark-sammenslått.xlsx leses ikke fordi den er unormalt stor: arket «Ark1» slår sammen A1:XFD1048576, 17179869184 celler (høyst 1000000). Lagre en kopi med bare arkene som trengs som .xlsx, og prøv igjen."],
    ["gammel.xls", async () => cfb(["Workbook"]), "gammel.xls er en eldre Excel-fil (.xls). Åpne den i Excel og lagre som Excel-arbeidsbok (.xlsx), og prøv igjen."],
  ])("%s: refused with its message in a moment; the workbook on screen stays", async (name, build, message) => {
    const { page, violations, errors } = await newPage();
    await page.goto(`${preview.url}/preview.html`);
    await taskpane(page);
    const started = Date.now();
    await page.setInputFiles('input[type="file"]', { name, mimeType: "application/octet-stream", buffer: await build() });
    const alert = await page.waitForSelector('[data-testid="preview-message"]', { timeout: 30000 });
    const seconds = (Date.now() - started) / 1000;
    expect(await alert.textContent()).toBe(message);
    expect(seconds).toBeLessThan(10);
    // The meeting is still there.
    expect(await page.getAttribute('[data-testid="sheet-tab-Vurdering"]', "data-testid")).toBe("sheet-tab-Vurdering");
    expect(violations).toEqual([]);
    expect(errors).toEqual([]);
    await page.screenshot({ path: path.resolve(__dirname, `../../test-results/preview-refused-${name.replace(/\W/g, "_")}.png`) });
    await page.close();
  });
});
