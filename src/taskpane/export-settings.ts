/**
 * What the export dialog remembers in the workbook: the deck's title and the meeting line. Kept
 * as one small document setting (Office.context.document.settings, saved inside the .xlsx with
 * the add-in's part), apart from the add-in's store and sheets, so nothing the scoring reads is
 * touched. Where there are no document settings (a test, an old host) nothing is remembered.
 * Also the host facts the dialog needs: whether downloads work (not in Excel on a Mac).
 */

export const EXPORT_SETTING = "prio.export";

export interface ExportSettings {
  title: string;
  meeting: string;
}

interface DocumentSettings {
  get(name: string): unknown;
  set(name: string, value: unknown): void;
  saveAsync(callback?: (result: { status: string }) => void): void;
}

function documentSettings(): DocumentSettings | undefined {
  try {
    const s = typeof Office !== "undefined" ? (Office.context?.document?.settings as unknown as DocumentSettings | undefined) : undefined;
    return s && typeof s.get === "function" ? s : undefined;
  } catch {
    return undefined;
  }
}

/** The remembered title and meeting; blanks when none (or when what is stored is not ours). */
export function loadExportSettings(): ExportSettings {
  const raw = documentSettings()?.get(EXPORT_SETTING);
  const o = typeof raw === "object" && raw !== null ? (raw as Record<string, unknown>) : {};
  return { title: typeof o.title === "string" ? o.title : "", meeting: typeof o.meeting === "string" ? o.meeting : "" };
}

/** Remembers the title and meeting in the workbook (saved with it). Resolves false where there is nowhere to keep them. */
export function saveExportSettings(s: ExportSettings): Promise<boolean> {
  const settings = documentSettings();
  if (!settings) return Promise.resolve(false);
  const value = { title: s.title.slice(0, 200), meeting: s.meeting.slice(0, 200) };
  settings.set(EXPORT_SETTING, value);
  return new Promise((resolve) => settings.saveAsync((r) => resolve(r?.status === "succeeded")));
}

/** Excel on a Mac: the webview ignores downloads, so the dialog offers the clipboard and the command line. */
export function downloadsBlocked(): boolean {
  try {
    return typeof Office !== "undefined" && String(Office.context?.platform ?? "") === "Mac";
  } catch {
    return false;
  }
}
