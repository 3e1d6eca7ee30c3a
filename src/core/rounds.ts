/**
 * Saved rounds of a workshop: the state of a ranking at one moment (scores as typed, the model with
 * its weights, ranks and totals), named and dated, and what changed between two of them. Pure: the
 * workbook store is src/grid/rounds-store.ts, the writes src/excel/rounds.ts.
 */
import type { Assessment } from "./assess";
import { cellA1, parseAddress, quoteSheet } from "./address";
import { allNodes, leaves, type Model } from "./model";
import { matcher, type Baseline } from "./movement";

export const ROUND_FORMAT = 1;

/** The longest round name kept (a name is shown in lists and headings). */
export const MAX_ROUND_NAME = 120;

/** A typed score: the number, the text of a cell that is not a score (as the finding shows it), or null when blank. */
export type RoundScore = number | string | null;

export interface RoundMeasure {
  id: string;
  name: string;
  theme?: string;
  rank: number | null;
  tied: boolean;
  total: number | null;
  /** One per leaf, in the round's `leaves` order. */
  scores: RoundScore[];
  /** The sheet of the measure's score cells and each leaf's cell (A1, null when not known). */
  sheet?: string;
  cells?: (string | null)[];
}

export interface Round {
  format: number;
  id: string;
  /** As the person typed it. */
  name: string;
  /** ISO date-time of saving (or of reading the file). */
  savedAt: string;
  source: "workbook" | "file";
  /** The file a round read from another workbook came from. */
  file?: string;
  model: Model;
  /** Leaf ids, the order of every measure's `scores`. */
  leaves: string[];
  /** In rank order (the assessment's). */
  measures: RoundMeasure[];
}

export interface RoundMeta {
  id: string;
  name: string;
  savedAt: string;
  source: "workbook" | "file";
  file?: string;
}

/** The state of an assessment as a round. */
export function roundFromAssessment(a: Assessment, meta: RoundMeta): Round {
  const leafIds = leaves(a.model).map((l) => l.id);
  const measures = a.measures.map((m): RoundMeasure => {
    const scores: RoundScore[] = [];
    const cells: (string | null)[] = [];
    let sheet: string | undefined;
    for (const id of leafIds) {
      const o = m.leaves[id];
      scores.push(o?.kind === "score" ? o.value : o?.kind === "invalid" ? o.raw : null);
      const p = o?.address ? parseAddress(o.address) : undefined;
      if (p && sheet === undefined) sheet = p.sheet;
      cells.push(p && p.sheet === sheet ? cellA1(p.row, p.col) : null);
    }
    const out: RoundMeasure = { id: m.id, name: m.name, rank: m.rank, tied: m.tied, total: m.total, scores };
    if (m.theme !== undefined) out.theme = m.theme;
    if (sheet !== undefined) {
      out.sheet = sheet;
      out.cells = cells;
    }
    return out;
  });
  const round: Round = { format: ROUND_FORMAT, id: meta.id, name: meta.name, savedAt: meta.savedAt, source: meta.source, model: a.model, leaves: leafIds, measures };
  if (meta.file !== undefined) round.file = meta.file;
  return round;
}

/** A round's ranks as a baseline for movement. */
export function baselineOf(r: Round): Baseline {
  return {
    roundId: r.id,
    name: r.name,
    savedAt: r.savedAt,
    source: r.source,
    entries: r.measures.map((m) => [m.id, m.name, m.theme ?? "", m.rank]),
  };
}

export interface RankChange {
  id: string;
  name: string;
  /** null: no rank (or not there) in that round. */
  from: number | null;
  to: number | null;
  fromTied: boolean;
  toTied: boolean;
}

export interface TotalChange {
  id: string;
  name: string;
  from: number | null;
  to: number | null;
}

export interface CellChange {
  id: string;
  name: string;
  leafId: string;
  /** Where the score is in the later round (else the earlier): `'Vurdering'!E5`. */
  cell?: string;
  from: RoundScore;
  to: RoundScore;
}

export interface WeightChange {
  nodeId: string;
  from: number | null;
  to: number | null;
}

export interface Comparison {
  ranks: RankChange[];
  totals: TotalChange[];
  cells: CellChange[];
  weights: WeightChange[];
  /** Measures only in the later round / only in the earlier one. */
  added: { id: string; name: string }[];
  removed: { id: string; name: string }[];
}

function sameTotal(a: number | null, b: number | null, tolerance: number): boolean {
  if (a === null || b === null) return a === b;
  return Math.abs(a - b) <= tolerance * Math.max(1, Math.abs(a), Math.abs(b));
}

function cellAddress(m: RoundMeasure, i: number): string | undefined {
  const a1 = m.cells?.[i];
  if (!a1 || m.sheet === undefined) return undefined;
  return `${quoteSheet(m.sheet)}!${a1}`;
}

/**
 * What changed from round `a` to round `b` (the later one, or the state now): ranks, totals, the
 * typed scores (with the later cell's address) and the weights of every node. Measures match by id
 * when both rounds are of this workbook, else by theme and name. Lists follow `b`'s rank order.
 */
export function compareRounds(a: Round, b: Round): Comparison {
  const findA = matcher(a.measures, a.source === "workbook" && b.source === "workbook");
  const tolerance = Math.max(a.model.tolerance, b.model.tolerance);
  const out: Comparison = { ranks: [], totals: [], cells: [], weights: [], added: [], removed: [] };
  const seen = new Set<RoundMeasure>();
  const aLeaf = new Map(a.leaves.map((id, i) => [id, i]));
  for (const m of b.measures) {
    const before = findA(m);
    if (!before) {
      out.added.push({ id: m.id, name: m.name });
      continue;
    }
    seen.add(before);
    if (before.rank !== m.rank || before.tied !== m.tied) {
      out.ranks.push({ id: m.id, name: m.name, from: before.rank, to: m.rank, fromTied: before.tied, toTied: m.tied });
    }
    if (!sameTotal(before.total, m.total, tolerance)) out.totals.push({ id: m.id, name: m.name, from: before.total, to: m.total });
    b.leaves.forEach((leafId, i) => {
      const j = aLeaf.get(leafId);
      const from = j === undefined ? null : (before.scores[j] ?? null);
      const to = m.scores[i] ?? null;
      if (from === to) return;
      const change: CellChange = { id: m.id, name: m.name, leafId, from, to };
      const cell = cellAddress(m, i) ?? (j === undefined ? undefined : cellAddress(before, j));
      if (cell !== undefined) change.cell = cell;
      out.cells.push(change);
    });
  }
  for (const m of a.measures) if (!seen.has(m)) out.removed.push({ id: m.id, name: m.name });
  const aNodes = new Map(allNodes(a.model).map((n) => [n.id, n.weight]));
  const bNodes = new Map(allNodes(b.model).map((n) => [n.id, n.weight]));
  for (const n of allNodes(b.model)) {
    const from = aNodes.get(n.id) ?? null;
    if (from !== n.weight) out.weights.push({ nodeId: n.id, from, to: n.weight });
  }
  for (const n of allNodes(a.model)) if (!bNodes.has(n.id)) out.weights.push({ nodeId: n.id, from: n.weight, to: null });
  return out;
}
