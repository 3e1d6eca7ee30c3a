/**
 * What the task pane's export dialog remembered in a workbook (title and meeting, the document
 * setting «prio.export» in xl/webextensions/webextension<N>.xml; src/export/remembered.ts), read
 * from the .xlsx so `prio slides` makes the same title slide as the pane. The file has already
 * passed the guard (loadGrids); here only those small parts are inflated, each under 1 MB.
 * Undefined when the workbook has none, or what it has does not check out.
 */
import { promises as fs } from "fs";
import { exportSettingsFromParts, type ExportSettings } from "../export/remembered";
import { zipTexts } from "../grid/xlsx-guard";
import { NODE_PLATFORM } from "./xlsx";

const WEBEXTENSION_PART = /^xl\/webextensions\/webextension\d*\.xml$/i;
const PART_LIMIT = 1 << 20;

export async function rememberedExportSettings(file: string): Promise<ExportSettings | undefined> {
  let bytes: Buffer;
  try {
    bytes = await fs.readFile(file);
  } catch {
    return undefined;
  }
  const parts = await zipTexts(new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength), WEBEXTENSION_PART, PART_LIMIT, NODE_PLATFORM);
  return exportSettingsFromParts(parts);
}
