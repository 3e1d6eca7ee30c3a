/**
 * Serves dist-preview/ on loopback and drives it in Debian's Chromium (playwright-core; no browser
 * download). Screenshots go to test-results/ to be looked at.
 *
 * The one way a browser test gets its pages: `usePreview()` serves the preview and launches Chromium
 * for the file (beforeAll, closed in afterAll); `preview.open(options)` makes a page that may not
 * leave loopback (requests elsewhere are aborted and recorded in `outside`) and, as asked, records
 * CSP violations and uncaught page errors; `pageForEachTest` gives every test of a block a fresh
 * one and checks after it that nothing left loopback and nothing watched went wrong. `officeStub`
 * answers office.js's CDN address with the preview's stub, for the production pages in dist/.
 */
import { promises as fs, existsSync } from "fs";
import * as os from "os";
import * as http from "http";
import type { AddressInfo } from "net";
import * as path from "path";
import { chromium, type Browser, type Download, type Frame, type Page } from "playwright-core";

export const ROOT = path.resolve(__dirname, "../../dist-preview");
export const SHOTS = path.resolve(__dirname, "../../test-results");
const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".json": "application/json",
  ".png": "image/png",
  ".xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  ".map": "application/json",
  ".wasm": "application/wasm",
};

export const DIST = path.resolve(__dirname, "../../dist");

/**
 * Serves dist-preview/ at /, and the production build dist/ at /addin/ (when built), on loopback.
 */
export async function serve(): Promise<{ url: string; close(): Promise<void> }> {
  if (!existsSync(path.join(ROOT, "preview.html"))) throw new Error("dist-preview/ is missing: run `npm run build:preview`");
  const server = http.createServer(async (req, res) => {
    const url = new URL(req.url ?? "/", "http://localhost");
    const pathname = decodeURIComponent(url.pathname === "/" ? "/preview.html" : url.pathname);
    const [root, rest] = pathname.startsWith("/addin/") ? [DIST, pathname.slice("/addin".length)] : [ROOT, pathname];
    const file = path.join(root, rest);
    if (!file.startsWith(root)) {
      res.writeHead(403).end();
      return;
    }
    try {
      const body = await fs.readFile(file);
      res.writeHead(200, { "content-type": TYPES[path.extname(file)] ?? "application/octet-stream" }).end(body);
    } catch {
      res.writeHead(404).end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}`, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

/**
 * Chromium's new headless mode opens a whole browser window for every context, and in Debian's
 * Chromium 156 that window's address bar builds its suggestion popup as a WebUI page of its own
 * (chrome://omnibox-popup.top-chrome, the «WebUI Top Renderer»): a renderer process that parses
 * and runs Chrome's own scripts each time a test opens a page, unseen in headless. Measured with
 * Debian's Chromium 156 on the 2-core CI machine class, a new context opening the preview to its
 * first ranking row took 2.3–2.5 core-seconds with it and 1.4–1.5 without (a trace shows the popup's
 * renderer as busy as the page's own); on 2 cores that CPU is taken from the tests and the
 * browser figures of npm run bench. The page itself is not affected: these features are Chrome's
 * address bar, which the add-in's webview in Excel does not have.
 */
const ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--disable-features=WebUIOmniboxPopup,WebUIOmniboxAimPopup",
];

/** The environment variable through which the e2e run's global setup hands its browser to the test files. */
export const SHARED_BROWSER = "PRIO_E2E_BROWSER_WS";

/**
 * A Chromium: in the e2e run, a connection to the one browser its global setup started
 * (test/e2e/global-setup.ts), so the files do not each start one; `close()` then closes this
 * connection's contexts and disconnects. Elsewhere (the bench, a file run with another config),
 * a browser of its own.
 */
export async function launch(): Promise<Browser> {
  const shared = process.env[SHARED_BROWSER];
  if (shared) return chromium.connect(shared);
  return chromium.launch({ executablePath: CHROMIUM, args: ARGS });
}

/** One browser for a whole run, as a server the test files connect to (the e2e global setup's). */
export function launchServer(): ReturnType<typeof chromium.launchServer> {
  return chromium.launchServer({ executablePath: CHROMIUM, args: ARGS });
}

/** Fails the test on any request that leaves loopback: the add-in makes no network calls. */
async function offline(page: Page): Promise<string[]> {
  const outside: string[] = [];
  await page.route("**/*", (route) => {
    const u = new URL(route.request().url());
    if (u.hostname === "127.0.0.1" || u.protocol === "data:" || u.protocol === "blob:") return route.continue();
    outside.push(route.request().url());
    return route.abort();
  });
  return outside;
}

/**
 * The bytes of a download. Each file connects to the run's one Chromium remotely (global-setup.ts),
 * where a download has no path(): it is saved as a copy in a temporary folder, read and removed.
 */
export async function downloaded(download: Download): Promise<Buffer> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), "prio-download-"));
  try {
    const file = path.join(dir, download.suggestedFilename());
    await download.saveAs(file);
    return await fs.readFile(file);
  } finally {
    await fs.rm(dir, { recursive: true, force: true });
  }
}

export async function shot(page: Page, name: string): Promise<void> {
  await fs.mkdir(SHOTS, { recursive: true });
  await page.screenshot({ path: path.join(SHOTS, `${name}.png`), fullPage: false, animations: "disabled" });
}

/** The task pane's frame once its ranking is on screen. */
export async function taskpane(page: Page): Promise<Frame> {
  const handle = await page.waitForSelector('[data-testid="taskpane-frame"]');
  const frame = (await handle.contentFrame())!;
  await frame.waitForSelector('[data-testid="ranking-row"], [data-testid="state-empty"], [data-testid="state-legacy"]', { timeout: 60000 });
  return frame;
}

/** [rank label, measure id, score] of every ranked row, in order. */
export async function rankingRows(frame: Frame): Promise<{ rank: string; id: string; score: number }[]> {
  return frame.$$eval('[data-testid="ranking-row"]', (rows) =>
    rows.map((r) => ({ rank: r.getAttribute("data-rank") ?? "", id: r.getAttribute("data-measure-id") ?? "", score: Number(r.getAttribute("data-score")) })),
  );
}

/**
 * The value the preview grid shows in a cell of the open sheet, once it is `expected` (or after 15 s,
 * whatever it is then). The pane shows a recompute's ranking before its writes reach the sheets, so a
 * value the add-in writes is waited for; the assertion is the caller's.
 */
export async function cellValue(page: Page, a1: string, expected: string): Promise<string | null> {
  const sel = `[data-testid="cell-${a1}"]`;
  await page
    .waitForFunction(([s, v]) => document.querySelector(s)?.getAttribute("data-value") === v, [sel, expected] as const, { timeout: 15000 })
    .catch(() => undefined);
  return page.getAttribute(sel, "data-value");
}

/** Types into a cell of the preview grid as a person would: select it, type in the formula bar, Enter. */
export async function typeInCell(page: Page, sheet: string, a1: string, text: string): Promise<void> {
  await page.click(`[data-testid="sheet-tab-${sheet}"]`);
  await page.click(`[data-testid="cell-${a1}"]`);
  await page.fill('[data-testid="formula-bar"]', text);
  await page.press('[data-testid="formula-bar"]', "Enter");
}

/**
 * Records every Content-Security-Policy violation in the page and its frames (the
 * securitypolicyviolation event, and Chromium's console report), for the test to assert none.
 */
async function watchCsp(page: Page): Promise<string[]> {
  const violations: string[] = [];
  await page.exposeBinding("__prioCspViolation", (_source, v: string) => {
    violations.push(v);
  });
  await page.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (e) => {
      const report = (window as unknown as { __prioCspViolation(v: string): void }).__prioCspViolation;
      report(`${location.pathname}: ${e.effectiveDirective} blocked ${e.blockedURI || "(inline)"}` + (e.sourceFile ? ` at ${e.sourceFile.replace(location.origin, "")}:${e.lineNumber}:${e.columnNumber}` : ""));
    });
  });
  page.on("console", (m) => {
    if (/Content Security Policy/i.test(m.text())) violations.push(`console: ${m.text()}`);
  });
  return violations;
}

/** Where Office's pages load office.js from (dist/taskpane.html's script tag). */
export const OFFICE_JS = "https://appsforoffice.microsoft.com/lib/1.1/hosted/office.js";

/** Answers office.js's CDN address with the preview's stub (the in-memory workbook); `requests` counts the requests. */
export async function officeStub(page: Page): Promise<{ requests: number }> {
  const stub = await fs.readFile(path.join(ROOT, "office-stub.js"));
  const seen = { requests: 0 };
  await page.route(OFFICE_JS, (route) => {
    seen.requests++;
    return route.fulfill({ status: 200, contentType: "text/javascript", body: stub });
  });
  return seen;
}

export interface PageOptions {
  viewport: { width: number; height: number };
  locale?: string;
  acceptDownloads?: boolean;
  /** Granted to the preview's origin (e.g. clipboard-read, clipboard-write). */
  permissions?: string[];
  /** Record Content-Security-Policy violations in `violations`. */
  csp?: boolean;
  /** Record uncaught errors of the page's scripts in `errors`. */
  pageErrors?: boolean;
  /** Run on the new page before anything else (scripts installed in every frame). */
  init?: (page: Page) => Promise<void>;
}

export interface OpenPage {
  page: Page;
  /** Requests that tried to leave loopback (aborted). */
  outside: string[];
  /** CSP violations (with `csp`). */
  violations: string[];
  /** Uncaught page errors (with `pageErrors`). */
  errors: string[];
  /** Closes the page, then expects nothing outside loopback and, where watched, no violation and no page error. */
  closeAndCheck(): Promise<void>;
}

export interface Preview {
  /** The served preview, http://127.0.0.1:port (dist/ under /addin/). */
  readonly url: string;
  readonly browser: Browser;
  open(options: PageOptions): Promise<OpenPage>;
}

/**
 * The preview served and Chromium launched before the file's tests, both closed after them. With
 * `dist`, the production build (dist/taskpane.html) must be there too.
 */
export function usePreview(options: { dist?: boolean } = {}): Preview {
  let server: Awaited<ReturnType<typeof serve>> | undefined;
  let browser: Browser | undefined;
  beforeAll(async () => {
    if (options.dist && !existsSync(path.join(DIST, "taskpane.html"))) throw new Error("dist/ is missing: run `npm run build`");
    server = await serve();
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });
  const preview: Preview = {
    get url() {
      if (!server) throw new Error("the preview is served only while the file's tests run");
      return server.url;
    },
    get browser() {
      if (!browser) throw new Error("the browser runs only while the file's tests run");
      return browser;
    },
    async open(o) {
      // A page in a context of its own, closed with it.
      const page = await preview.browser.newPage({ viewport: o.viewport, ...(o.locale ? { locale: o.locale } : {}), ...(o.acceptDownloads ? { acceptDownloads: true } : {}) });
      if (o.permissions) await page.context().grantPermissions(o.permissions, { origin: preview.url });
      if (o.init) await o.init(page);
      const outside = await offline(page);
      const violations = o.csp ? await watchCsp(page) : [];
      const errors: string[] = [];
      if (o.pageErrors) page.on("pageerror", (e) => errors.push(e.message));
      return {
        page,
        outside,
        violations,
        errors,
        async closeAndCheck() {
          await page.close();
          expect(outside).toEqual([]);
          if (o.csp) expect(violations).toEqual([]);
          if (o.pageErrors) expect(errors).toEqual([]);
        },
      };
    },
  };
  return preview;
}

/**
 * A fresh page for every test of the enclosing block (beforeEach), handed to `use`, and closed and
 * checked after the test (afterEach, see OpenPage.closeAndCheck).
 */
export function pageForEachTest(preview: Preview, options: PageOptions, use: (opened: OpenPage) => void): void {
  let opened: OpenPage | undefined;
  beforeEach(async () => {
    opened = await preview.open(options);
    use(opened);
  });
  afterEach(async () => {
    await opened?.closeAndCheck();
    opened = undefined;
  });
}
