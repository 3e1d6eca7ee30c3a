/**
 * What the export dialog says when an export does not work: plain words in the display language
 * (what happened, what to do), chosen from what went wrong, never the error's own text (a
 * browser's «clipboard», a library's stack). Pure; loaded with the dialog.
 */
import type { Lang } from "../i18n";
import { xp } from "../i18n/export-pane";

export type ExportAction = "pptx" | "csv" | "copy";

/** Neither the Clipboard API nor a copy event took the table (the webview refused the clipboard). */
export class ClipboardRefused extends Error {
  constructor() {
    super("The clipboard refused the table.");
    this.name = "ClipboardRefused";
  }
}

/** webpack's error when a lazy chunk cannot be fetched (offline, or the add-in was updated meanwhile). */
function isChunkLoad(e: unknown): boolean {
  return typeof e === "object" && e !== null && (e as { name?: unknown }).name === "ChunkLoadError";
}

/** The message for an export that threw `error`; `downloadsBlocked` on a Mac, where CSV is not offered. */
export function exportFailureText(lang: Lang, action: ExportAction, error: unknown, downloadsBlocked: boolean): string {
  if (error instanceof ClipboardRefused) return xp(lang, downloadsBlocked ? "exportPane.copyRefusedMac" : "exportPane.copyRefused");
  if (isChunkLoad(error)) return xp(lang, "exportPane.failed.load");
  return xp(lang, action === "pptx" ? "exportPane.failed.pptx" : action === "csv" ? "exportPane.failed.csv" : "exportPane.failed.copy");
}
