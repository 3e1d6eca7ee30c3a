/**
 * office.js for the browser preview and the end-to-end tests: the globals the add-in uses
 * (Office.onReady, Office.context.displayLanguage, Office.actions, Excel.run, CustomFunctions),
 * backed by the in-memory workbook. Loaded instead of Office's CDN script; nothing leaves the
 * machine. In the preview frame the workbook is the page's; opened alone (tests that replace the
 * CDN URL), it loads the example itself.
 */
import { langFromLocale } from "../i18n";
import { createExcelGlobal } from "../sim/excel-global";
import type { SimWorkbook } from "../sim/workbook";
import { loadExample, type ExampleKind, type PreviewHost } from "./workbook";
import { DIALOG_EVENT_TYPES, dialogUi } from "./dialog-stub";

const params = new URLSearchParams(location.search);

function parentHost(): PreviewHost | undefined {
  try {
    return window.parent !== window ? window.parent.__prioPreview : undefined;
  } catch {
    return undefined;
  }
}

const shared = parentHost();
// The page makes its workbook once this frame has started (src/preview/preview.tsx).
shared?.start?.();
const displayLanguage = params.get("lang") ?? shared?.displayLanguage ?? "nb-NO";
const base = params.get("base") ?? "";
// The page may still be making its workbook (a generated portfolio): the frame loads meanwhile and waits.
const workbook: Promise<SimWorkbook> = shared?.workbook
  ? Promise.resolve(shared.workbook)
  : shared?.pending
    ? shared.pending
    : loadExample((params.get("example") as ExampleKind | null) ?? "imported", langFromLocale(displayLanguage), base);

class CustomFunctionsError extends Error {
  constructor(
    readonly code: string,
    message?: string,
  ) {
    super(message);
  }
}

/** Office.context.document.settings kept in memory for the page's life, as a workbook would keep them until closed. */
function documentSettings() {
  const values = new Map<string, unknown>();
  return {
    get: (name: string) => (values.has(name) ? structuredClone(values.get(name)) : null),
    set: (name: string, value: unknown) => void values.set(name, structuredClone(value)),
    remove: (name: string) => void values.delete(name),
    saveAsync: (callback?: (r: { status: string }) => void) => setTimeout(() => callback?.({ status: "succeeded" }), 0),
  };
}

const g = globalThis as unknown as Record<string, unknown>;
const ready = workbook.then((wb) => {
  g.Excel = createExcelGlobal(wb);
  (window as unknown as { __prioWorkbook: SimWorkbook }).__prioWorkbook = wb;
  return { host: "Excel", platform: "OfficeOnline" };
});

g.Office = {
  HostType: { Excel: "Excel" },
  PlatformType: { OfficeOnline: "OfficeOnline" },
  AsyncResultStatus: { Succeeded: "succeeded", Failed: "failed" },
  EventType: DIALOG_EVENT_TYPES,
  context: {
    ui: dialogUi(langFromLocale(displayLanguage)),
    displayLanguage,
    contentLanguage: displayLanguage,
    requirements: { isSetSupported: () => true },
    // ?platform=Mac shows the task pane as Excel on a Mac would (no downloads).
    platform: params.get("platform") ?? "OfficeOnline",
    document: { settings: documentSettings() },
  },
  actions: { associate: () => undefined },
  onReady: (callback?: (info: { host: string; platform: string }) => void) =>
    ready.then((info) => {
      callback?.(info);
      return info;
    }),
};

g.CustomFunctions = {
  associate: () => undefined,
  Error: CustomFunctionsError,
  ErrorCode: { invalidValue: "#VALUE!", notAvailable: "#N/A", divisionByZero: "#DIV/0!", invalidNumber: "#NUM!", nullReference: "#NULL!", invalidName: "#NAME?", invalidReference: "#REF!" },
};
