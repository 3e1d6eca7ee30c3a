/**
 * The saved rounds, in a very hidden sheet of their own (PrioRunder), beside the add-in's store
 * (src/grid/store.ts) and with its mechanism:
 * - columns A and B: two slots of a small register (which rounds there are and in which column,
 *   the chosen baseline and its ranks), written alternately, one generation up, each with a header
 *   `prio-store|1|generation|length|checksum`; a write that did not finish leaves the previous one in force;
 * - columns C, D, …: one round a column, its JSON in chunks under the same kind of header, so a
 *   round is checked on its own: a damaged round is reported by name and the others still load.
 * A recompute reads only the register (a fixed range A1:B<META_ROWS>), never the rounds, so the
 * movement costs the same whatever the number of rounds; the rounds are read when the pane shows them.
 */
import * as z from "zod/mini";
import "../core/zod-messages";
import type { CellValue } from "../core/cell";
import { columnLetters } from "../core/address";
import { parseModel } from "../core/model-validate";
import { baselineOf, ROUND_FORMAT, type Round } from "../core/rounds";
import { colCount, rowCount, valueAt, type Grid } from "./grid";
import { readSlot, slotCells, type StoreTarget } from "./store";
import { emptyMeta, FIRST_ROUND_COL, issues, readMeta, ROUNDS_FORMAT, ROUNDS_SHEET, type MetaRead, type RoundsMeta } from "./rounds-register";

export { emptyMeta, FIRST_ROUND_COL, META_ROWS, metaFromRange, readMeta, ROUNDS_FORMAT, ROUNDS_SHEET, type MetaRead, type RoundsMeta } from "./rounds-register";

// Only zod functions the add-in's store already uses (a function used only here would stay in the
// pane's first bundle through zod's shared module); scores and ranks are checked by hand below.
const roundSchema = z.object({
  format: z.number().check(z.int()),
  id: z.string(),
  name: z.string(),
  savedAt: z.string(),
  source: z.enum(["workbook", "file"]),
  file: z.optional(z.string()),
  model: z.unknown(),
  leaves: z.array(z.string()),
  measures: z.array(
    z.object({
      id: z.string(),
      name: z.string(),
      theme: z.optional(z.string()),
      rank: z.nullable(z.number().check(z.int())),
      tied: z.boolean(),
      total: z.nullable(z.number()),
      scores: z.array(z.unknown()),
      sheet: z.optional(z.string()),
      cells: z.optional(z.array(z.nullable(z.string()))),
    }),
  ),
});

/** A round that cannot be trusted: its name (from the register, else the column), the column and why. */
export interface RoundProblem {
  roundId?: string;
  name?: string;
  /** `PrioRunder!C1` */
  cell: string;
  detail: string;
}

export interface RoundsRead {
  meta: MetaRead;
  /** Where the register's next write goes. */
  target: StoreTarget;
  /** The rounds that read well, in the order saved. */
  rounds: { round: Round; col: number }[];
  problems: RoundProblem[];
  /** Columns that hold something (a round, a damaged one, or one left by a write that did not finish). */
  filled: Set<number>;
}

function column(grid: Grid | undefined, c: number, rows = grid ? rowCount(grid) : 0): CellValue[] {
  const out: CellValue[] = [];
  for (let r = 0; r < rows; r++) out.push(grid ? valueAt(grid, r, c) : null);
  return out;
}

/** A round column: a valid round, or why not. */
export function readRoundColumn(cells: readonly CellValue[]): { ok: true; round: Round } | { ok: false; detail: string; name?: string; id?: string } | { ok: "empty" } {
  const slot = readSlot(cells);
  if (slot.kind === "empty") return { ok: "empty" };
  if (slot.kind === "broken") return { ok: false, detail: slot.detail };
  let data: unknown;
  try {
    data = JSON.parse(slot.raw);
  } catch (e) {
    return { ok: false, detail: (e as Error).message };
  }
  const parsed = roundSchema.safeParse(data);
  const named = typeof data === "object" && data !== null ? (data as { name?: unknown; id?: unknown }) : {};
  const name = typeof named.name === "string" ? named.name : undefined;
  const id = typeof named.id === "string" ? named.id : undefined;
  if (!parsed.success) return { ok: false, detail: issues(parsed.error.issues), name, id };
  if (parsed.data.format > ROUND_FORMAT) return { ok: false, detail: `format ${parsed.data.format}`, name, id };
  const model = parseModel(parsed.data.model);
  if (!model.ok) return { ok: false, detail: model.problems.map((p) => `${p.at}: ${p.detail ?? p.code}`).join("; "), name, id };
  const width = parsed.data.leaves.length;
  const bad = parsed.data.measures.find((m) => m.scores.length !== width || (m.cells !== undefined && m.cells.length !== width));
  if (bad) return { ok: false, detail: `${bad.id}: ${bad.scores.length} scores for ${width} questions`, name, id };
  const score = (v: unknown) => v === null || typeof v === "string" || (typeof v === "number" && Number.isFinite(v));
  const odd = parsed.data.measures.find((m) => (m.rank !== null && m.rank < 1) || !m.scores.every(score));
  if (odd) return { ok: false, detail: `${odd.id}: a rank below 1 or a score that is not a number, text or blank`, name, id };
  return { ok: true, round: { ...(parsed.data as Omit<Round, "model">), model: model.model } };
}

/** Everything on the PrioRunder sheet: the register and every round, each checked on its own. */
export function readRounds(grid: Grid | undefined): RoundsRead {
  const { read, target } = readMeta(column(grid, 0), column(grid, 1));
  const out: RoundsRead = { meta: read, target, rounds: [], problems: [], filled: new Set() };
  const width = grid ? colCount(grid) : 0;
  const at = (c: number) => `${ROUNDS_SHEET}!${columnLetters(c)}1`;
  const columns = new Map<number, ReturnType<typeof readRoundColumn>>();
  for (let c = FIRST_ROUND_COL; c < width; c++) {
    const r = readRoundColumn(column(grid, c));
    if (r.ok !== "empty") {
      columns.set(c, r);
      out.filled.add(c);
    }
  }
  if (read.kind === "ok") {
    for (const entry of read.meta.rounds) {
      const r = columns.get(entry.col);
      if (!r || r.ok === "empty") out.problems.push({ roundId: entry.id, name: entry.name, cell: at(entry.col), detail: "missing" });
      else if (r.ok === false) out.problems.push({ roundId: entry.id, name: entry.name, cell: at(entry.col), detail: r.detail });
      else if (r.round.id !== entry.id) out.problems.push({ roundId: entry.id, name: entry.name, cell: at(entry.col), detail: `holds ${r.round.id}` });
      else out.rounds.push({ round: r.round, col: entry.col });
    }
  } else if (read.kind === "damaged") {
    // The register cannot be trusted: each column says what it holds; those that read well still load.
    for (const [c, r] of columns) {
      if (r.ok === true) out.rounds.push({ round: r.round, col: c });
      else if (r.ok === false) out.problems.push({ roundId: r.id, name: r.name, cell: at(c), detail: r.detail });
    }
    out.rounds.sort((x, y) => (x.round.savedAt < y.round.savedAt ? -1 : x.round.savedAt > y.round.savedAt ? 1 : 0));
  }
  return out;
}

/** The register's cells for a slot. */
export function metaCells(meta: RoundsMeta, generation: number): CellValue[][] {
  return slotCells(JSON.stringify({ ...meta, format: ROUNDS_FORMAT }), generation);
}

/** A round's column cells. */
export function roundCells(round: Round): CellValue[][] {
  return slotCells(JSON.stringify({ ...round, format: ROUND_FORMAT }), 1);
}

/** The register the rounds read imply (a damaged or absent one rebuilt from the rounds that read well). */
export function metaOf(read: RoundsRead): RoundsMeta {
  if (read.meta.kind === "ok") return read.meta.meta;
  const meta = emptyMeta();
  meta.rounds = read.rounds.map(({ round, col }) => ({ id: round.id, name: round.name, savedAt: round.savedAt, col }));
  meta.next = nextNumber(meta.rounds.map((r) => r.id), 1);
  meta.baseline = read.rounds.length ? baselineOf(read.rounds[read.rounds.length - 1].round) : null;
  return meta;
}

function nextNumber(ids: string[], from: number): number {
  let n = from;
  for (const id of ids) {
    const m = /^R(\d+)$/.exec(id);
    if (m) n = Math.max(n, Number(m[1]) + 1);
  }
  return n;
}

/** The id of the next round ("R3"), above every id in the register. */
export function nextRoundId(meta: RoundsMeta): { id: string; next: number } {
  const n = nextNumber(
    meta.rounds.map((r) => r.id),
    meta.next,
  );
  return { id: `R${n}`, next: n + 1 };
}

/** The first column free for a new round: not a round's, and not holding anything else either. */
export function freeColumn(read: RoundsRead, meta: RoundsMeta): number {
  const used = new Set([...meta.rounds.map((r) => r.col), ...(read.meta.kind === "ok" ? [] : read.filled)]);
  let c = FIRST_ROUND_COL;
  while (used.has(c)) c++;
  return c;
}

/**
 * The register after the rounds changed: the baseline is the pinned round when it is still there,
 * else the last round (null without rounds). `rounds` are the rounds that read well, by id.
 */
export function withBaseline(meta: RoundsMeta, rounds: ReadonlyMap<string, Round>): RoundsMeta {
  const pinned = meta.pinned !== null && meta.rounds.some((r) => r.id === meta.pinned) ? meta.pinned : null;
  const chosenId = pinned ?? meta.rounds[meta.rounds.length - 1]?.id;
  const round = chosenId !== undefined ? rounds.get(chosenId) : undefined;
  // A pinned round that cannot be read keeps the ranks copied when it was chosen.
  const baseline = round ? baselineOf(round) : chosenId !== undefined && meta.baseline?.roundId === chosenId ? meta.baseline : null;
  return { ...meta, pinned, baseline };
}
