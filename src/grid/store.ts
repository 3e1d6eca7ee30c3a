/**
 * The add-in's stored state: one JSON document kept in a very hidden sheet, so Excel, the
 * browser preview and the command line (exceljs) all read the same thing. Validated on read;
 * a damaged store or one written by a newer version is reported and left as it is.
 *
 * On the sheet: two slots, columns A and B. A slot is a header cell
 * `prio-store|<layout>|<generation>|<length>|<checksum>` and the JSON in chunks below it. A write
 * goes to the slot that does not hold the store in force, with the next generation; the slot
 * with the highest generation whose length and checksum match is the store. So a write that
 * fails half-way leaves the previous store in force. A column A of bare JSON chunks (the first
 * layout) is read as generation 0.
 */
import * as z from "zod/mini";
import "../core/zod-messages";
import type { CellValue } from "../core/cell";
import type { Model } from "../core/model";
import { parseModel, type ModelProblem } from "../core/model-validate";
import { emptyMemory, type ChecklistMemory } from "./checklist-sync";

export const STORE_SHEET = "PrioData";
export const STORE_FORMAT = 1;
/** Excel's limit on the characters in one cell; the JSON is split across column A. */
export const CELL_LIMIT = 32767;
const CHUNK = 30000;
const HEADER = "prio-store";
const SLOT_LAYOUT = 1;

const answers = z.record(z.string(), z.nullable(z.boolean()));

const checklistMemory = z.object({
  known: z.array(z.string()),
  names: z.record(z.string(), z.string()),
  actors: z.record(z.string(), z.string()),
  last: z.record(z.string(), z.object({ segment: z.string(), answers })),
});

export const storeSchema = z.object({
  format: z.number().check(z.int()),
  model: z.unknown(),
  nextId: z.number().check(z.int(), z.nonnegative()),
  /** What the checklist sync saw last time (ids, names, segments), to tell additions from deletions. */
  checklist: z._default(checklistMemory, emptyMemory),
  /** The language of the text the add-in writes into sheets (one per workbook). */
  lang: z.optional(z.enum(["nb", "en"])),
});

export interface Store {
  format: number;
  model: Model;
  nextId: number;
  checklist: ChecklistMemory;
  /** The workbook's language for the text the add-in writes into sheets; bokmål when not set. */
  lang?: "nb" | "en";
}

/** A fresh store for a model. */
export function newStore(model: Model, nextId = 1, lang?: "nb" | "en"): Store {
  return { format: STORE_FORMAT, model, nextId, checklist: emptyMemory(), ...(lang ? { lang } : {}) };
}

export type StoreRead =
  | { kind: "absent" }
  | { kind: "ok"; store: Store }
  | { kind: "damaged"; problems: ModelProblem[]; raw: string }
  | { kind: "newer"; format: number; raw: string };

/** Texts at least this long are remembered with their sums, the last two (see `checksum`). */
const SUMMED_MIN = 4096;
const summed: { text: string; sum: string }[] = [];

/** FNV-1a over the UTF-16 code units, as 8 hex digits: enough to tell a half-written slot. */
export function checksum(text: string): string {
  // A store's text is summed when written and again at every read of it: the last long texts
  // summed are kept with their sums (comparing a text with one of them costs far less than summing).
  if (text.length >= SUMMED_MIN) {
    for (const k of summed) if (k.text === text) return k.sum;
  }
  const sum = fnv1a(text);
  if (text.length >= SUMMED_MIN) {
    summed.unshift({ text, sum });
    summed.length = Math.min(summed.length, 2);
  }
  return sum;
}

function fnv1a(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(16).padStart(8, "0");
}

/** A slot's cells (header, then chunks), top to bottom, for the given generation. */
export function storeToCells(store: Store, generation = 1): CellValue[][] {
  return slotCells(JSON.stringify({ ...store, format: STORE_FORMAT }), generation);
}

/** A slot's cells for any JSON text (a newer version's too). */
export function slotCells(json: string, generation: number): CellValue[][] {
  const out: CellValue[][] = [[`${HEADER}|${SLOT_LAYOUT}|${generation}|${json.length}|${checksum(json)}`]];
  for (let i = 0; i < json.length; ) {
    let end = Math.min(i + CHUNK, json.length);
    // Never split a surrogate pair: a lone half would not survive saving the file.
    const last = json.charCodeAt(end - 1);
    if (end < json.length && last >= 0xd800 && last <= 0xdbff) end--;
    out.push([json.slice(i, end)]);
    i = end;
  }
  return out;
}

/** What a slot (one column) holds: a complete store text with its generation, or why not. */
export type Slot =
  | { kind: "empty" }
  | { kind: "valid"; generation: number; raw: string }
  /** Half-written or altered; its generation when the header still says it. */
  | { kind: "broken"; generation?: number; detail: string; raw: string };

export function readSlot(cells: readonly CellValue[]): Slot {
  const texts = cells.map((v) => (typeof v === "string" ? v : ""));
  const first = texts[0] ?? "";
  if (first.startsWith(`${HEADER}|`)) {
    const [, layout, gen, len, sum] = first.split("|");
    const raw = texts.slice(1).join("");
    const generation = Number(gen);
    if (Number(layout) !== SLOT_LAYOUT || !Number.isInteger(generation)) return { kind: "broken", detail: `header ${first}`, raw };
    if (raw.length !== Number(len) || checksum(raw) !== sum) {
      return { kind: "broken", generation, detail: `length ${raw.length} of ${len}, checksum ${checksum(raw)} for ${sum}`, raw };
    }
    return { kind: "valid", generation, raw };
  }
  const raw = texts.join("");
  if (raw.trim() === "") return { kind: "empty" };
  // The first layout: bare JSON chunks in column A, generation 0 (validated by parsing).
  return { kind: "valid", generation: 0, raw };
}

/**
 * Whether two columns hold a slot the add-in wrote: a header cell `prio-store|…` whose layout,
 * length and checksum check out. Nobody types that, so a sheet called PrioData that holds one is
 * the add-in's store even when it is not very hidden (LibreOffice saves very hidden sheets as
 * hidden); the first layout (bare JSON, no header) is not recognised this way.
 */
export function holdsStoreSlot(columns: readonly (readonly CellValue[])[]): boolean {
  return columns.slice(0, 2).some((cells) => {
    const first = cells[0];
    return typeof first === "string" && first.startsWith(`${HEADER}|`) && readSlot(cells).kind === "valid";
  });
}

/** Where the next write goes: the slot that does not hold the store in force, one generation up. */
export interface StoreTarget {
  col: number;
  generation: number;
}

/** Reads a one-column store (tests, and the first layout). */
export function storeFromCells(cells: readonly CellValue[]): StoreRead {
  return storeFromColumns([cells]).read;
}

/**
 * Reads the store from its two slots (columns A and B, top to bottom). The valid slot of the
 * highest generation is the store, unless a slot of a higher (or unknown) generation is broken:
 * then the last write did not complete or the store was altered, and the store is damaged (not
 * trusted, not overwritten) until it is rebuilt; the rebuild goes into the broken slot.
 */
export function storeFromColumns(columns: readonly (readonly CellValue[])[]): { read: StoreRead; target: StoreTarget } {
  const slots = [columns[0] ?? [], columns[1] ?? []].map(readSlot);
  let best = -1;
  slots.forEach((s, i) => {
    if (s.kind !== "valid") return;
    const b = slots[best];
    if (best < 0 || (b.kind === "valid" && s.generation > b.generation)) best = i;
  });
  const chosen = slots[best];
  const bestGen = chosen?.kind === "valid" ? chosen.generation : -1;
  const top = Math.max(bestGen, ...slots.map((s) => (s.kind === "broken" && s.generation !== undefined ? s.generation : -1)));
  // A slot one generation above the valid one that is broken is a write that did not complete:
  // the valid one is the store that was in force before it began. Anything else broken is damage.
  const failedWrite = (s: Slot) => s.kind === "broken" && bestGen >= 0 && s.generation === bestGen + 1;
  const brokenAt = slots.findIndex((s) => s.kind === "broken" && !failedWrite(s) && (s.generation === undefined || s.generation > bestGen));
  if (brokenAt >= 0) {
    const broken = slots[brokenAt] as Extract<Slot, { kind: "broken" }>;
    return {
      read: { kind: "damaged", problems: [{ code: "shape", at: STORE_SHEET, detail: broken.detail }], raw: broken.raw },
      target: { col: brokenAt, generation: top + 1 },
    };
  }
  if (best < 0 || chosen.kind !== "valid") return { read: { kind: "absent" }, target: { col: 0, generation: 1 } };
  const read = parseStore(chosen.raw);
  // A damaged document is rebuilt in its own slot, so the other (older) one is kept.
  return { read, target: read.kind === "damaged" ? { col: best, generation: top + 1 } : { col: best === 0 ? 1 : 0, generation: top + 1 } };
}

/**
 * The last store text that passed the schema, with the schema's output as JSON: every recompute
 * reads the same text again, and checking it costs more than parsing it (a fresh copy each time).
 */
let lastValid: { raw: string; output: string } | undefined;

function parseStore(raw: string): StoreRead {
  let data: unknown;
  try {
    data = JSON.parse(lastValid?.raw === raw ? lastValid.output : raw);
  } catch (e) {
    return { kind: "damaged", problems: [{ code: "shape", at: STORE_SHEET, detail: (e as Error).message }], raw };
  }
  const format = typeof data === "object" && data !== null ? (data as { format?: unknown }).format : undefined;
  if (typeof format === "number" && format > STORE_FORMAT) return { kind: "newer", format, raw };
  const parsed = lastValid?.raw === raw ? { success: true as const, data: data as z.infer<typeof storeSchema> } : storeSchema.safeParse(data);
  if (parsed.success && lastValid?.raw !== raw) lastValid = { raw, output: JSON.stringify(parsed.data) };
  if (!parsed.success) {
    return {
      kind: "damaged",
      problems: parsed.error.issues.map((i) => ({ code: "shape" as const, at: i.path.join(".") || STORE_SHEET, detail: i.message })),
      raw,
    };
  }
  const model = parseModel(parsed.data.model);
  if (!model.ok) return { kind: "damaged", problems: model.problems, raw };
  return {
    kind: "ok",
    store: {
      format: parsed.data.format,
      model: model.model,
      nextId: parsed.data.nextId,
      checklist: parsed.data.checklist as ChecklistMemory,
      ...(parsed.data.lang ? { lang: parsed.data.lang } : {}),
    },
  };
}

/** The next free measure id, "T001" style, above every id in use. */
export function nextMeasureId(store: { nextId: number }, inUse: Iterable<string>): { id: string; nextId: number } {
  let n = store.nextId;
  for (const id of inUse) {
    const m = /^T(\d+)$/.exec(id);
    if (m) n = Math.max(n, Number(m[1]) + 1);
  }
  return { id: `T${String(n).padStart(3, "0")}`, nextId: n + 1 };
}
