/**
 * The rounds' register: columns A and B of the very hidden PrioRunder sheet, two slots as in the
 * add-in's store (src/grid/store.ts): which rounds there are and in which column, the chosen baseline
 * and a copy of its ranks. The recompute reads only this (a fixed range), so it stays in the pane's
 * first bundle without the rounds themselves (src/grid/rounds-store.ts, loaded with the Runder view).
 */
import type { CellValue } from "../core/cell";
import type { Baseline } from "../core/movement";
import { readSlot, type Slot, type StoreTarget } from "./store";

export const ROUNDS_SHEET = "PrioRunder";
export const ROUNDS_FORMAT = 1;
/** Rows of the register the recompute reads: the header and up to 11 chunks of 30,000 characters. */
export const META_ROWS = 12;
/** The first round column (C). */
export const FIRST_ROUND_COL = 2;

/**
 * Checks a parsed register, by hand (the recompute reads it, so zod's tuple and union stay out of
 * the pane's first bundle): the path and what was expected at the first thing wrong, or undefined.
 */
export function registerProblem(d: unknown): string | undefined {
  const isObj = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);
  const int = (v: unknown, min: number) => typeof v === "number" && Number.isInteger(v) && v >= min;
  const str = (v: unknown) => typeof v === "string";
  if (!isObj(d)) return "/: expected object";
  if (!int(d.format, 0)) return "format: expected int";
  if (!int(d.next, 0)) return "next: expected int ≥ 0";
  if (!Array.isArray(d.rounds)) return "rounds: expected array";
  for (const [i, r] of d.rounds.entries()) {
    if (!isObj(r) || !str(r.id) || !str(r.name) || !str(r.savedAt) || !int(r.col, FIRST_ROUND_COL)) return `rounds.${i}: expected {id, name, savedAt, col ≥ ${FIRST_ROUND_COL}}`;
  }
  if (d.pinned !== null && !str(d.pinned)) return "pinned: expected string or null";
  const b = d.baseline;
  if (b === null) return undefined;
  if (!isObj(b) || !str(b.roundId) || !str(b.name) || !str(b.savedAt) || (b.source !== "workbook" && b.source !== "file") || !Array.isArray(b.entries)) {
    return "baseline: expected {roundId, name, savedAt, source, entries}";
  }
  for (const [i, e] of b.entries.entries()) {
    const ok = Array.isArray(e) && e.length === 4 && str(e[0]) && str(e[1]) && str(e[2]) && (e[3] === null || int(e[3], 1));
    if (!ok) return `baseline.entries.${i}: expected [id, name, theme, rank or null]`;
  }
  return undefined;
}

export interface RoundsMeta {
  format: number;
  next: number;
  rounds: { id: string; name: string; savedAt: string; col: number }[];
  pinned: string | null;
  baseline: Baseline | null;
}

export function emptyMeta(): RoundsMeta {
  return { format: ROUNDS_FORMAT, next: 1, rounds: [], pinned: null, baseline: null };
}

export type MetaRead =
  | { kind: "absent" }
  | { kind: "ok"; meta: RoundsMeta }
  | { kind: "damaged"; detail: string }
  | { kind: "newer"; format: number };

/**
 * The register from its two slots, as src/grid/store.ts reads the store: the valid slot of the
 * highest generation, unless a slot above it is broken (a write one generation up that did not
 * finish is not damage: the previous register stays in force).
 */
export function readMeta(a: readonly CellValue[], b: readonly CellValue[]): { read: MetaRead; target: StoreTarget } {
  const slots: Slot[] = [readSlot(a), readSlot(b)];
  let best = -1;
  slots.forEach((s, i) => {
    const cur = slots[best];
    if (s.kind === "valid" && s.generation > 0 && (best < 0 || (cur.kind === "valid" && s.generation > cur.generation))) best = i;
  });
  const chosen = slots[best];
  const bestGen = chosen?.kind === "valid" ? chosen.generation : -1;
  const top = Math.max(bestGen, ...slots.map((s) => (s.kind === "broken" && s.generation !== undefined ? s.generation : s.kind === "valid" ? s.generation : -1)));
  const broken = slots.findIndex(
    (s) =>
      (s.kind === "valid" && s.generation === 0) ||
      (s.kind === "broken" && !(bestGen >= 0 && s.generation === bestGen + 1) && (s.generation === undefined || s.generation > bestGen)),
  );
  if (broken >= 0) {
    const s = slots[broken];
    return { read: { kind: "damaged", detail: s.kind === "broken" ? s.detail : "slot" }, target: { col: broken, generation: top + 1 } };
  }
  if (best < 0 || chosen.kind !== "valid") return { read: { kind: "absent" }, target: { col: 0, generation: 1 } };
  const target = { col: best === 0 ? 1 : 0, generation: top + 1 };
  let data: unknown;
  try {
    data = JSON.parse(chosen.raw);
  } catch (e) {
    return { read: { kind: "damaged", detail: (e as Error).message }, target: { col: best, generation: top + 1 } };
  }
  const format = typeof data === "object" && data !== null ? (data as { format?: unknown }).format : undefined;
  if (typeof format === "number" && format > ROUNDS_FORMAT) return { read: { kind: "newer", format }, target };
  const problem = registerProblem(data);
  if (problem !== undefined) return { read: { kind: "damaged", detail: problem }, target: { col: best, generation: top + 1 } };
  const m = data as RoundsMeta;
  return { read: { kind: "ok", meta: { format: m.format, next: m.next, rounds: m.rounds, pinned: m.pinned, baseline: m.baseline } }, target };
}

export function issues(list: readonly { path: readonly PropertyKey[]; message: string }[]): string {
  return list
    .slice(0, 3)
    .map((i) => `${i.path.map(String).join(".") || "/"}: ${i.message}`)
    .join("; ");
}

/** Only the register (the recompute's read of A1:B<META_ROWS>). */
export function metaFromRange(values: readonly (readonly CellValue[])[]): { read: MetaRead; target: StoreTarget } {
  return readMeta(
    values.map((r) => r[0] ?? null),
    values.map((r) => r[1] ?? null),
  );
}

