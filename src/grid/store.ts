/**
 * The add-in's stored state: one JSON document kept in a very hidden sheet, so Excel, the
 * browser preview and the command line (exceljs) all read the same thing. Validated on read;
 * a damaged store or one written by a newer version is reported and left as it is.
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
});

export interface Store {
  format: number;
  model: Model;
  nextId: number;
  checklist: ChecklistMemory;
}

/** A fresh store for a model. */
export function newStore(model: Model, nextId = 1): Store {
  return { format: STORE_FORMAT, model, nextId, checklist: emptyMemory() };
}

export type StoreRead =
  | { kind: "absent" }
  | { kind: "ok"; store: Store }
  | { kind: "damaged"; problems: ModelProblem[]; raw: string }
  | { kind: "newer"; format: number; raw: string };

export function storeToCells(store: Store): CellValue[][] {
  const json = JSON.stringify({ ...store, format: STORE_FORMAT });
  const out: CellValue[][] = [];
  for (let i = 0; i < json.length; i += CHUNK) out.push([json.slice(i, i + CHUNK)]);
  return out.length ? out : [[""]];
}

/** Reads the store from the cells of column A (top to bottom). */
export function storeFromCells(cells: CellValue[]): StoreRead {
  const raw = cells.map((v) => (typeof v === "string" ? v : "")).join("");
  if (raw.trim() === "") return { kind: "absent" };
  let data: unknown;
  try {
    data = JSON.parse(raw);
  } catch (e) {
    return { kind: "damaged", problems: [{ code: "shape", at: STORE_SHEET, detail: (e as Error).message }], raw };
  }
  const format = typeof data === "object" && data !== null ? (data as { format?: unknown }).format : undefined;
  if (typeof format === "number" && format > STORE_FORMAT) return { kind: "newer", format, raw };
  const parsed = storeSchema.safeParse(data);
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
