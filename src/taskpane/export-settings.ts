/**
 * What the export dialog remembers in the workbook: the deck's title and the meeting line. Kept
 * as one small document setting «prio.export» (Office.context.document.settings, saved inside the
 * .xlsx in the add-in's part xl/webextensions/webextension*.xml, which `prio slides` reads too:
 * src/export/remembered.ts, src/cli/remembered.ts), apart from the add-in's store and sheets, so nothing the
 * scoring reads is touched. What is read is checked: only strings count, each cut to
 * EXPORT_SETTING_MAX characters (line breaks and control characters become spaces); anything else stored under the name is ignored. Where there are
 * no document settings (a test, an old host) nothing is remembered.
 * Also the host facts the dialog needs: whether downloads work (not in Excel on a Mac).
 */
import { exportSettingsOf, EXPORT_SETTING, type ExportSettings } from "../export/remembered";

export { EXPORT_SETTING, type ExportSettings };

interface DocumentSettings {
  get(name: string): unknown;
  set(name: string, value: unknown): void;
  saveAsync(callback?: (result: { status: string }) => void): void;
}

function documentSettings(): DocumentSettings | undefined {
  try {
    const s = typeof Office !== "undefined" ? (Office.context?.document?.settings as unknown as DocumentSettings | undefined) : undefined;
    return s && typeof s.get === "function" && typeof s.set === "function" && typeof s.saveAsync === "function" ? s : undefined;
  } catch {
    return undefined;
  }
}

/** The remembered title and meeting; blanks when none, when what is stored is not ours, or when reading fails. */
export function loadExportSettings(): ExportSettings {
  try {
    return exportSettingsOf(documentSettings()?.get(EXPORT_SETTING));
  } catch {
    return { title: "", meeting: "" };
  }
}

/** «saved»; «unavailable» where there is nowhere to keep them; «failed» when Excel did not take them. */
export type SaveOutcome = "saved" | "unavailable" | "failed";

/** Remembers the title and meeting in the workbook (saved with it). */
export function saveExportSettings(s: ExportSettings): Promise<SaveOutcome> {
  const settings = documentSettings();
  if (!settings) return Promise.resolve("unavailable");
  return new Promise((resolve) => {
    try {
      settings.set(EXPORT_SETTING, exportSettingsOf(s));
      settings.saveAsync((r) => resolve(r?.status === "succeeded" ? "saved" : "failed"));
    } catch {
      resolve("failed");
    }
  });
}

/** Whether the two differ in what is kept (after the same checks and cuts). */
export function settingsDiffer(a: ExportSettings, b: ExportSettings): boolean {
  const x = exportSettingsOf(a);
  const y = exportSettingsOf(b);
  return x.title !== y.title || x.meeting !== y.meeting;
}

/** Excel on a Mac: the webview ignores downloads, so the dialog offers the clipboard and the command line. */
export function downloadsBlocked(): boolean {
  try {
    return typeof Office !== "undefined" && String(Office.context?.platform ?? "") === "Mac";
  } catch {
    return false;
  }
}
