/**
 * `npm run preview`: the add-in without Excel. The page holds an in-memory workbook (the council
 * meeting of 21 September 2022 by default) shown as an editable grid, and the real task pane
 * (the same taskpane.html bundle the add-in ships, with office.js replaced by a local stub) in a
 * frame beside it, so anyone can edit a cell and watch the ranking change.
 *
 * URL parameters: lang=nb-NO|en-US (the display language), example=imported|legacy|empty;
 * measures=N (a generated portfolio of N measures in the add-in's layout instead of the example,
 * for trying the pane at scale and for the speed tests).
 */
import { useEffect, useState } from "react";
import { createRoot } from "react-dom/client";
import { langFromLocale } from "../i18n";
import { pv } from "../i18n/preview";
import type { SimWorkbook } from "../sim/workbook";
import { GridView } from "./GridView";
import { EXAMPLE_URL, loadExample, openXlsx, type ExampleKind } from "./workbook";

const params = new URLSearchParams(location.search);
const displayLanguage = params.get("lang") ?? "nb-NO";
const example = (params.get("example") as ExampleKind | null) ?? "imported";
const lang = langFromLocale(displayLanguage);
const measures = Number(params.get("measures") ?? 0);

function reloadWith(patch: Record<string, string>): void {
  const next = new URLSearchParams(location.search);
  for (const [k, v] of Object.entries(patch)) next.set(k, v);
  location.search = next.toString();
}

/**
 * The page and the pane's frame at once: the frame loads its scripts while the workbook is being
 * made (a generated portfolio takes a moment), and its office.js stub waits for `pending`.
 */
function Preview({ pending }: { pending: Promise<SimWorkbook> }) {
  const [wb, setWb] = useState<SimWorkbook | undefined>(undefined);
  const [failed, setFailed] = useState<string | undefined>(undefined);
  useEffect(() => {
    pending.then(setWb, (e: unknown) => setFailed(pv(lang, "failed", { message: e instanceof Error ? e.message : String(e) })));
  }, [pending]);
  const [frameKey, setFrameKey] = useState(0);
  const [fileName, setFileName] = useState(example === "empty" ? "prioritering.xlsx" : EXAMPLE_URL.split("/").pop()!);
  const [message, setMessage] = useState<string | undefined>(undefined);
  const open = async (file: File) => {
    setMessage(undefined);
    let opened: Awaited<ReturnType<typeof openXlsx>>;
    try {
      // The guard names what the file is (an old .xls, a password, a CSV, an absurd size …).
      opened = await openXlsx(await file.arrayBuffer(), file.name, lang);
    } catch {
      opened = { ok: false, message: pv(lang, "openFailed", { name: file.name }) };
    }
    if (!opened.ok) {
      // Say so, and keep the workbook on screen.
      setMessage(opened.message);
      return;
    }
    const next = opened.workbook;
    window.__prioPreview = { workbook: next, displayLanguage };
    setWb(next);
    setFileName(file.name.toLowerCase().endsWith(".xlsx") ? file.name : `${file.name}.xlsx`);
    setFrameKey((k) => k + 1);
  };
  const download = async () => {
    if (!wb) return;
    setMessage(undefined);
    try {
      // exceljs's writer is loaded only now, not when the preview starts.
      const { downloadWorkbook } = await import("./download");
      await downloadWorkbook(wb, fileName);
    } catch (e) {
      setMessage(pv(lang, "downloadFailed", { message: e instanceof Error ? e.message : String(e) }));
    }
  };
  return (
    <div className="preview">
      <header>
        <h1>{pv(lang, "title")}</h1>
        <p>{pv(lang, "lead")}</p>
        <label>
          {pv(lang, "example")}{" "}
          <select data-testid="example" value={example} onChange={(e) => reloadWith({ example: e.target.value })}>
            {(["imported", "legacy", "empty"] as const).map((k) => (
              <option key={k} value={k}>
                {pv(lang, `example.${k}`)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {pv(lang, "language")}{" "}
          <select data-testid="language" value={displayLanguage} onChange={(e) => reloadWith({ lang: e.target.value })}>
            <option value="nb-NO">Norsk bokmål (nb-NO)</option>
            <option value="en-US">English (en-US)</option>
          </select>
        </label>
        <label className="open">
          {pv(lang, "open")}
          <input
            type="file"
            accept=".xlsx"
            data-testid="open-file"
            onChange={(e) => {
              const file = e.target.files?.[0];
              e.target.value = "";
              if (file) void open(file);
            }}
          />
        </label>
        <button type="button" className="download" data-testid="download" onClick={() => void download()} title={pv(lang, "downloadHint")}>
          {pv(lang, "download")}
        </button>
        {message && (
          <p className="message" role="alert" data-testid="preview-message">
            {message}
          </p>
        )}
      </header>
      <main>
        {/* Distinct keys: with one key for both, a new workbook left the old grid on screen beside the new one. */}
        {wb ? <GridView key={`grid-${frameKey}`} wb={wb} lang={lang} /> : <p className="loading grid-view">{failed ?? pv(lang, "loading")}</p>}
        {!failed && (
          <iframe
            key={`pane-${frameKey}`}
            title={pv(lang, "taskpane")}
            data-testid="taskpane-frame"
            src={`taskpane.html?lang=${encodeURIComponent(displayLanguage)}`}
            onLoad={() => window.__prioPreview?.start?.()}
          />
        )}
      </main>
    </div>
  );
}

function boot(): void {
  // The workbook is made once the pane's frame has started (its office.js stub asks for it), so
  // the frame's scripts load and parse while it is made rather than after it: both wait for
  // this page's one thread. The frame's load event starts it too, should the stub not.
  let start: () => void = () => undefined;
  const started = new Promise<void>((resolve) => (start = resolve));
  // Its code is fetched now, meanwhile, with the chunks its import loads on first use (the layout and its chart).
  const generator = measures > 0 ? import("./generated-workbook") : undefined;
  generator?.catch(() => undefined);
  if (generator) for (const chunk of [import("../excel/layout"), import("../excel/chart")]) chunk.catch(() => undefined);
  const pending: Promise<SimWorkbook> = started.then(() =>
    generator ? generator.then((m) => m.generatedWorkbook(Math.min(measures, 10_000), lang, { computed: false })) : loadExample(example, lang),
  );
  window.__prioPreview = { pending, start, displayLanguage };
  pending.then(
    (workbook) => (window.__prioPreview = { workbook, displayLanguage, readyAt: performance.timeOrigin + performance.now() }),
    () => undefined,
  );
  createRoot(document.getElementById("container")!).render(<Preview pending={pending} />);
}

boot();
