/**
 * The size of what a batch sends to Excel and what Excel sends back, measured as the JSON of the
 * requests and responses Office.js exchanges with the host (UTF-8 bytes). Excel on the web refuses
 * a request or a response over 5 MB with `RequestPayloadSizeLimitExceeded` /
 * `ResponsePayloadSizeLimitExceeded` ("Resource limits and performance optimization for Office
 * Add-ins"); the desktop has no such limit. The in-memory workbook enforces it by default.
 */

import { jsonUtf8Length } from "../core/json-size";

/** The web's limit, read as 5,000,000 bytes (the lower reading of "5 MB"). */
export const WEB_PAYLOAD_LIMIT = 5_000_000;

/**
 * What one queued operation adds to the request besides its arguments: its action
 * (`{"Id":12,"ActionType":4,"Name":"values","ObjectPathId":11,"ArgumentInfo":{…}}`) and the path
 * of the object it acts on.
 */
export const ACTION_BYTES = 100;
/** What a loaded object adds to the response besides its values (`{"ActionId":7,"Value":{…}}`). */
export const RESULT_BYTES = 30;
/** What each item of a loaded collection adds besides its values (`{"_ReferenceId":"…",…}`). */
export const ITEM_BYTES = 24;

/** UTF-8 length of a string (core/json-size.ts). */
export { utf8Bytes as utf8Length } from "../core/json-size";

/** UTF-8 bytes of a value as JSON (undefined counts as null). */
export function jsonBytes(v: unknown): number {
  if (v === undefined || v === null) return 4;
  if (typeof v === "number") return String(v).length;
  if (typeof v === "boolean") return v ? 4 : 5;
  // Counted without making the text (a response of 300 measures is some 100 KB of JSON).
  return jsonUtf8Length(v) ?? 4;
}

/** The request and response of one sync, in bytes. */
export interface SyncPayload {
  request: number;
  response: number;
}
