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

/** UTF-8 length of a string. */
export function utf8Length(s: string): number {
  let n = s.length;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) continue;
    if (c < 0x800) n += 1;
    else if (c >= 0xd800 && c <= 0xdbff) n += 1; // with its low surrogate: 4 bytes for 2 units
    else if (c >= 0xdc00 && c <= 0xdfff) n += 1;
    else n += 2;
  }
  return n;
}

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
