/**
 * Keeping the checklist and the scoring table in step, keyed by the stable ID:
 * - a measure new in one table is added to the other;
 * - a measure known before but now in only one table is a finding with the choice to add it
 *   back or remove it — rows are never deleted silently;
 * - a rename (or a new Aktør) follows the ID to the other table; if both sides changed, a finding;
 * - a blank name or Aktør never blanks the other table; it is filled from the other instead;
 * - names that look like the same measure under different IDs are flagged;
 * - a change of segment is reported with which answers changed, for the log.
 * What was seen last time (ids, names, segments, answers) is kept in the store.
 */
import type { MeasureInput } from "../core/aggregate";
import type { Answer, ChecklistQuestion, Placement } from "../core/checklist";
import { finding, type Finding } from "../core/findings";
import { NameIndex, prepareName } from "../core/name-index";
import { contentWords } from "../core/text";
import type { ChecklistRow, ChecklistTable } from "./checklist-table";
import type { TextField } from "./scoring-table";
import { QUESTIONS } from "./checklist-table";

export interface ChecklistMemory {
  /** Every id seen in both tables at the last recompute. */
  known: string[];
  names: Record<string, string>;
  actors: Record<string, string>;
  /** The segment label and answers of every checklist row last time. */
  last: Record<string, { segment: string; answers: Partial<Record<ChecklistQuestion, Answer>> }>;
}

export const emptyMemory = (): ChecklistMemory => ({ known: [], names: {}, actors: {}, last: {} });

/** The label a placement has in the Segment column and in the log. */
export function segmentLabel(p: Placement): string {
  if (p.entry === "ut") return "Ut";
  return p.segment === "ikke-vurdert" ? "ikke vurdert" : p.segment;
}

export interface MeasureRef {
  id: string;
  name: string;
  actor: string;
}

export interface SegmentChange {
  id: string;
  name: string;
  row: number;
  from: string;
  to: string;
  changed: { question: ChecklistQuestion; from: Answer; to: Answer }[];
}

export interface ChecklistPlan {
  appendToChecklist: MeasureRef[];
  appendToScoring: MeasureRef[];
  /** Cells of the checklist to write: 0-based sheet row and the field. */
  checklistEdits: { row: number; field: "name" | "actor"; value: string }[];
  scoringEdits: { id: string; field: "name" | "actor"; value: string }[];
  segmentChanges: SegmentChange[];
  findings: Finding[];
  memory: ChecklistMemory;
}

const NEAR = 0.8;

/** A word beginning shared by more names than this tells nothing («nasjonal»): it does not make names compared. */
const COMMON = 200;

/**
 * Pairs of different ids whose names look alike (equal after normalisation, or `nameSimilarity`
 * ≥ 0.8) and begin a word alike (the first five letters of a content word, shared by at most 200
 * names). Listed by the first such beginning to appear, then in list order. The alike names are
 * found through a name index, not by comparing every pair.
 */
export function nearDuplicates(refs: MeasureRef[]): [MeasureRef, MeasureRef][] {
  // Every recompute asks again, and names seldom change between two: the last answer is kept.
  const key = refs.map((r) => `${r.id}\u0001${r.name}`).join("\u0000");
  if (lastNear?.key !== key) lastNear = { key, pairs: nearDuplicatePairs(refs) };
  return lastNear.pairs.map(([a, b]) => [refs[a], refs[b]]);
}

let lastNear: { key: string; pairs: [number, number][] } | undefined;

function nearDuplicatePairs(refs: MeasureRef[]): [number, number][] {
  const keysOf = refs.map((r) => new Set(contentWords(r.name).map((x) => x.slice(0, 5))));
  const order = new Map<string, number>();
  const size = new Map<string, number>();
  for (const keys of keysOf) {
    for (const k of keys) {
      if (!order.has(k)) order.set(k, order.size);
      size.set(k, (size.get(k) ?? 0) + 1);
    }
  }
  const index = new NameIndex();
  const prepared = refs.map((r) => prepareName(r.name));
  for (const p of prepared) index.add(p);
  const found: { a: number; b: number; first: number }[] = [];
  refs.forEach((x, a) => {
    for (const { entry: b } of index.similar(prepared[a], NEAR)) {
      if (b <= a || refs[b].id === x.id) continue;
      let first = Infinity;
      for (const k of keysOf[a]) if (keysOf[b].has(k) && size.get(k)! <= COMMON) first = Math.min(first, order.get(k)!);
      if (first < Infinity) found.push({ a, b, first });
    }
  });
  found.sort((p, q) => p.first - q.first || p.a - q.a || p.b - q.b);
  return found.map(({ a, b }) => [a, b]);
}

export function planChecklistSync(
  scoring: MeasureInput[],
  scoringCells: Map<string, string | undefined>,
  checklist: ChecklistTable,
  checklistCell: (row: ChecklistRow, field: "id" | "name" | "actor") => string,
  memory: ChecklistMemory,
  scoringErrors: ReadonlyMap<string, ReadonlySet<TextField>> = new Map(),
): ChecklistPlan {
  const known = new Set(memory.known);
  const fromScoring = new Map<string, MeasureRef>();
  for (const m of scoring) {
    // A row whose ID cell holds an error value has no id to key it by: it stays out of the sync.
    if (!fromScoring.has(m.id) && !scoringErrors.get(m.id)?.has("id")) fromScoring.set(m.id, { id: m.id, name: m.unnamed ? "" : m.name, actor: m.actor ?? "" });
  }
  const fromChecklist = new Map<string, ChecklistRow>();
  for (const r of checklist.rows) if (r.id !== "" && !fromChecklist.has(r.id)) fromChecklist.set(r.id, r);

  const plan: ChecklistPlan = {
    appendToChecklist: [],
    appendToScoring: [],
    checklistEdits: [],
    scoringEdits: [],
    segmentChanges: [],
    findings: [],
    memory: emptyMemory(),
  };

  for (const [id, m] of fromScoring) {
    if (fromChecklist.has(id)) continue;
    if (known.has(id)) {
      plan.findings.push(finding("checklist-only-scoring", "warning", { id, name: m.name }, { cell: scoringCells.get(id), measureId: id }));
    } else plan.appendToChecklist.push(m);
  }
  for (const [id, r] of fromChecklist) {
    if (fromScoring.has(id)) continue;
    const ref = { id, name: r.name, actor: r.actor };
    if (known.has(id)) {
      plan.findings.push(finding("checklist-only-checklist", "warning", { id, name: r.name }, { cell: checklistCell(r, "name"), measureId: id }));
    } else plan.appendToScoring.push(ref);
  }

  // Renames and actors follow the side that changed since last time.
  const conflicts = new Set<string>();
  const actorConflicts = new Set<string>();
  // A cell holding an error value (#N/A typed) is the person's: neither side copies into or from it.
  const held = new Set<string>();
  for (const [id, r] of fromChecklist) {
    const m = fromScoring.get(id);
    if (!m) continue;
    for (const field of ["name", "actor"] as const) {
      const s = m[field];
      const c = r[field];
      if (scoringErrors.get(id)?.has(field) || r.errors?.has(field)) {
        held.add(`${field}\u0000${id}`);
        continue;
      }
      if (s === c) continue;
      // A blank never overwrites what the other table has: the blank side is filled instead.
      if (s === "") {
        plan.scoringEdits.push({ id, field, value: c });
        continue;
      }
      if (c === "") {
        plan.checklistEdits.push({ row: r.row, field, value: s });
        continue;
      }
      const before = (field === "name" ? memory.names : memory.actors)[id];
      if (before === undefined || c === before) plan.checklistEdits.push({ row: r.row, field, value: s });
      else if (s === before) plan.scoringEdits.push({ id, field, value: c });
      else if (field === "name") {
        conflicts.add(id);
        plan.findings.push(
          finding("checklist-name-conflict", "warning", { id, scoringName: s, checklistName: c }, { cell: checklistCell(r, "name"), measureId: id }),
        );
      } else {
        // An Aktør changed on both sides: neither overwrites the other; the person decides.
        actorConflicts.add(id);
        plan.findings.push(
          finding("checklist-actor-conflict", "warning", { id, scoringActor: s, checklistActor: c }, { cell: checklistCell(r, "actor"), measureId: id }),
        );
      }
    }
  }

  const everyone: MeasureRef[] = [...fromScoring.values(), ...[...fromChecklist.values()].filter((r) => !fromScoring.has(r.id)).map((r) => ({ id: r.id, name: r.name, actor: r.actor }))];
  for (const [x, y] of nearDuplicates(everyone)) {
    plan.findings.push(
      finding("near-duplicate", "warning", { id: x.id, name: x.name, otherId: y.id, otherName: y.name }, { cell: scoringCells.get(y.id) ?? scoringCells.get(x.id), measureId: y.id }),
    );
  }

  for (const [id, r] of fromChecklist) {
    const to = segmentLabel(r.placement);
    const last = memory.last[id];
    if (last && last.segment !== to) {
      const changed = QUESTIONS.filter((q) => (last.answers[q] ?? null) !== (r.answers[q] ?? null)).map((q) => ({
        question: q,
        from: last.answers[q] ?? null,
        to: r.answers[q] ?? null,
      }));
      plan.segmentChanges.push({ id, name: r.name, row: r.row, from: last.segment, to, changed });
    }
  }

  // What the tables hold after the plan is carried out.
  const ids = new Set([...fromScoring.keys(), ...fromChecklist.keys()]);
  const toScoring = new Set(plan.appendToScoring.map((x) => x.id));
  const toChecklist = new Set(plan.appendToChecklist.map((x) => x.id));
  plan.memory.known = [...ids].filter((id) => fromScoring.has(id) || toScoring.has(id)).filter((id) => fromChecklist.has(id) || toChecklist.has(id));
  // Orphans stay known, so they are still orphans (not "new") next time.
  const inMemory = new Set(plan.memory.known);
  for (const id of ids) if (known.has(id) && !inMemory.has(id)) plan.memory.known.push(id);
  // The first edit of each id and field, as a lookup.
  const edits = new Map<string, string>();
  for (const e of plan.scoringEdits) if (!edits.has(`${e.field}\u0000${e.id}`)) edits.set(`${e.field}\u0000${e.id}`, e.value);
  for (const id of ids) {
    const m = fromScoring.get(id);
    const r = fromChecklist.get(id);
    const edited = (field: "name" | "actor") => edits.get(`${field}\u0000${id}`);
    // A name changed on both sides keeps its old memory, so neither side wins silently later.
    // So does a name held by an error value: what the other table holds stays the last seen.
    const kept = (field: "name" | "actor") => held.has(`${field}\u0000${id}`);
    plan.memory.names[id] = conflicts.has(id) || kept("name") ? memory.names[id] : (edited("name") ?? m?.name ?? r?.name ?? "");
    plan.memory.actors[id] = actorConflicts.has(id) || kept("actor") ? memory.actors[id] : (edited("actor") ?? m?.actor ?? r?.actor ?? "");
    if (r) plan.memory.last[id] = { segment: segmentLabel(r.placement), answers: { ...r.answers } };
  }
  return plan;
}
