/**
 * Excel on the web refuses a request or a response over 5 MB (`RequestPayloadSizeLimitExceeded`,
 * `ResponsePayloadSizeLimitExceeded`; "Resource limits and performance optimization for Office
 * Add-ins"). The recompute reads and writes in as few syncs as that allows: it measures what it
 * reads (the JSON Excel sends back) and meters what it queues, and splits a sync only when the
 * payload would pass a budget below the limit, so the number of syncs is a function of the payload
 * size, never of the number of measures below it.
 */

import { jsonUtf8Length } from "../core/json-size";

/** Excel on the web's limit on one request or response, read as 5,000,000 bytes. */
export const PAYLOAD_LIMIT = 5_000_000;
/** What one read sync aims at (the rest of the limit is room for the capabilities' lookups and for growth since last time). */
export const READ_BUDGET = 3_500_000;
/** A write batch is sent once it holds this much. */
export const WRITE_BUDGET = 3_000_000;
/** What one range write adds to the request besides its values (the range's path, the action). */
export const WRITE_OVERHEAD = 250;

/** UTF-8 bytes of a value as JSON (counted without making the text: core/json-size.ts). */
export function jsonSize(v: unknown): number {
  return jsonUtf8Length(v) ?? 4;
}

/** Whether an error is Excel's refusal of a payload over its limit. */
export function isPayloadLimit(e: unknown): boolean {
  const code = (e as { code?: unknown } | null)?.code;
  return code === "RequestPayloadSizeLimitExceeded" || code === "ResponsePayloadSizeLimitExceeded";
}

const meters = new WeakMap<object, { bytes: number; total: number }>();

/** Starts metering the writes queued on this context (the recompute's write phase). */
export function startMeter(context: Excel.RequestContext): void {
  meters.set(context, { bytes: 0, total: 0 });
}

/** Stops metering; returns the bytes metered in all. */
export function stopMeter(context: Excel.RequestContext): number {
  const total = meters.get(context)?.total ?? 0;
  meters.delete(context);
  return total;
}

/** Counts a queued write of `values` (any JSON) on the context's meter, if it has one. */
export function charge(context: Excel.RequestContext, values: unknown): void {
  const m = meters.get(context);
  if (!m) return;
  const n = WRITE_OVERHEAD + jsonSize(values);
  m.bytes += n;
  m.total += n;
}

/**
 * Before queuing about `bytes` more: sends what is queued first (one more sync) when together they
 * would pass the budget. A write larger than the budget alone goes in a batch of its own.
 */
export async function room(context: Excel.RequestContext, bytes: number): Promise<void> {
  const m = meters.get(context);
  if (!m || m.bytes === 0 || m.bytes + bytes <= WRITE_BUDGET) return;
  await context.sync();
  m.bytes = 0;
}

/** Sends the queued writes when the meter has reached the budget (one more sync); true when it did. */
export async function flushIfFull(context: Excel.RequestContext, budget = WRITE_BUDGET): Promise<boolean> {
  const m = meters.get(context);
  if (!m || m.bytes < budget) return false;
  await context.sync();
  m.bytes = 0;
  return true;
}
