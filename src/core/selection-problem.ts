/**
 * Selection within a budget, the problem and its checks: which measures to carry out when the money
 * is limited, and what can be known before any search.
 *
 * The exact model. Every measure i has a cost c_i (whole hundredths of a MNOK, so sums are exact
 * integers) and a score s_i (its total; a measure without a total counts 0). Choose x_i ∈ {0, 1}
 * to maximise Σ s_i x_i subject to
 *   Σ c_i x_i ≤ frame                              (the budget frame)
 *   Σ_{i in segment g} c_i x_i ≤ limit_g           (optional per-segment limits)
 *   x_i ≤ x_j for every j that i presupposes       (chosen only with all it presupposes)
 *   x_i = 1 when forced in (Tas med), x_i = 0 when forced out (Holdes utenfor).
 * The minimum list is the optimum within the minimum frame; the plus list is what the full frame
 * adds with the minimum list fixed in. Without a minimum frame the whole selection is the minimum list.
 *
 * Tolerance: costs are exact (integers). Totals of score are floating-point sums; two totals that
 * differ by at most SCORE_EPS (10⁻⁶ score points) count as equal.
 *
 * Here: the problem's types and findings, and `prepare`, the structural analysis (cycles of
 * "presupposes", measures that can never be chosen, forced choices that cannot be honoured or do
 * not fit the frames), exact and naming the cells. The rest of the selection, each file using only
 * those before it: selection-solver.ts (the programs and the checked calls to the injected solver),
 * selection-forest.ts (bounds on the best total at every frame without a solve),
 * selection-entry.ts (entry budgets and the frontier), selection-greedy.ts (the comparison with
 * rank order), select.ts (`select`: the lists, and the result put together).
 */
import type { ParamValue, Severity } from "./findings";
// Either–or groups and quotas (selection-rules.ts): their types here, their rows in `Prepared`.
import { analyseRules, type LinearRow, type Quota, type RuleFindingCode, type RuleReason } from "./selection-rules";

/** Totals that differ by at most this many score points are equal. */
export const SCORE_EPS = 1e-6;
/** Costs and frames are counted in hundredths of a MNOK (10 000 kr). */
export const COST_UNITS_PER_MNOK = 100;

export type Forced = "in" | "out" | null;

/**
 * Findings of the selection: its inputs (read in src/grid/selection-inputs.ts) and its analysis.
 * The same shape as the workbook's findings (code, severity, cell, measure, parameters), kept
 * apart so that their messages (src/i18n/selection.ts) load only with the selection.
 */
export type SelectionFindingCode =
  | "selection-cycle"
  | "selection-forced-blocked"
  | "selection-forced-no-cost"
  | "selection-forced-over-budget"
  | "selection-forced-over-segment"
  | "selection-minimum-over-budget"
  | "selection-solver-failed"
  | "selection-cost-invalid"
  | "selection-cost-missing"
  | "selection-cost-rounded"
  | "selection-requires-unknown"
  | "selection-requires-self"
  | "selection-requires-text"
  | "selection-choice-invalid"
  | "selection-frame-invalid"
  | "selection-frame-missing"
  | RuleFindingCode;

export interface SelectionFinding {
  code: SelectionFindingCode;
  severity: Severity;
  cell?: string;
  measureId?: string;
  params: Record<string, ParamValue>;
}

export function selectionFinding(
  code: SelectionFindingCode,
  severity: Severity,
  params: Record<string, ParamValue>,
  where: { cell?: string; measureId?: string } = {},
): SelectionFinding {
  const f: SelectionFinding = { code, severity, params };
  if (where.cell !== undefined) f.cell = where.cell;
  if (where.measureId !== undefined) f.measureId = where.measureId;
  return f;
}

export interface SelectionItem {
  id: string;
  name: string;
  /** Whole hundredths of a MNOK; null when the measure has no valid cost (it cannot be chosen). */
  cost: number | null;
  /** The measure's total; null (no total) counts 0. */
  score: number | null;
  /** Ids of the measures it presupposes (known ids only; the reader reports the rest). */
  requires: string[];
  forced: Forced;
  /** Segment from the checklist (Samstyre, Koordinere, …), for per-segment limits. */
  segment?: string;
  /** Position in the ranking (1 = best), for the comparison with rank order; null when unranked. */
  rank?: number | null;
  /** Cells for findings: the name, cost, Forutsetter and Valg cells of the measure (and Gruppe). */
  cells?: { name?: string; cost?: string; requires?: string; forced?: string; group?: string };
  /** Either–or group (*Gruppe*): at most one measure of a group is chosen (selection-rules.ts). */
  group?: string;
  /** Theme (*Tema*), for quotas per theme. */
  theme?: string;
  /** What the cost cell holds when it is not an amount («NaN», «7,5 mill»), for messages. */
  costText?: string;
}

export interface SelectionProblem {
  items: SelectionItem[];
  /** The full frame, hundredths of a MNOK. */
  budget: number;
  /** The minimum frame, hundredths of a MNOK. */
  minimum?: number | null;
  /** Per-segment limits, hundredths of a MNOK, by segment name. */
  segmentLimits?: Record<string, number>;
  cells?: { budget?: string; minimum?: string; segments?: Record<string, string> };
  /** Quotas per segment, group or theme (selection-rules.ts). */
  quotas?: Quota[];
  /** Frames typed on the command line, as typed («--budget 30»): findings name these, not a cell. */
  given?: { budget?: string; minimum?: string };
}

/** Why a measure is out of the selection (or can never be in it). */
export type OutReason =
  | { kind: "held-out" }
  | { kind: "no-cost" }
  | { kind: "cycle"; ids: string[] }
  /** A prerequisite that can never be chosen (held out, no cost, in a cycle). */
  | { kind: "requires-excluded"; ids: string[] }
  /** Prerequisites that are out of this selection. */
  | { kind: "requires-out"; ids: string[] }
  /** It (with what it presupposes and is not chosen) costs more than the money left. */
  | { kind: "budget"; cost: number; left: number }
  | { kind: "segment"; segment: string; cost: number; left: number }
  /** It has no total (a blank or invalid score): out at every frame unless another measure presupposes it. */
  | { kind: "no-total" }
  /** It would fit but adds no score (a total of 0). */
  | { kind: "no-gain" }
  /** Another of its either–or group is chosen, or an at-most quota is full (selection-rules.ts). */
  | RuleReason;

export interface ListTotals {
  count: number;
  cost: number;
  score: number;
}

// ─────────────────────────────── structure ───────────────────────────────

/** Tarjan's strongly connected components over "presupposes" edges; returns the cycles (size > 1 or a self-loop). */
export function dependencyCycles(items: SelectionItem[]): string[][] {
  const index = new Map(items.map((it, i) => [it.id, i]));
  const adj = items.map((it) => it.requires.map((r) => index.get(r)).filter((j): j is number => j !== undefined));
  const idx: number[] = new Array(items.length).fill(-1);
  const low: number[] = new Array(items.length).fill(0);
  const onStack: boolean[] = new Array(items.length).fill(false);
  const stack: number[] = [];
  const out: string[][] = [];
  let counter = 0;
  // Iterative, so a long chain of 10 000 measures does not overflow the call stack.
  for (let s = 0; s < items.length; s++) {
    if (idx[s] !== -1) continue;
    const work: [number, number][] = [[s, 0]];
    idx[s] = low[s] = counter++;
    stack.push(s);
    onStack[s] = true;
    while (work.length) {
      const top = work[work.length - 1];
      const [v, k] = top;
      if (k < adj[v].length) {
        top[1]++;
        const w = adj[v][k];
        if (idx[w] === -1) {
          idx[w] = low[w] = counter++;
          stack.push(w);
          onStack[w] = true;
          work.push([w, 0]);
        } else if (onStack[w]) low[v] = Math.min(low[v], idx[w]);
      } else {
        work.pop();
        if (work.length) low[work[work.length - 1][0]] = Math.min(low[work[work.length - 1][0]], low[v]);
        if (low[v] === idx[v]) {
          const comp: number[] = [];
          let w: number;
          do {
            w = stack.pop()!;
            onStack[w] = false;
            comp.push(w);
          } while (w !== v);
          if (comp.length > 1 || adj[v].includes(v)) out.push(comp.sort((a, b) => a - b).map((i) => items[i].id));
        }
      }
    }
  }
  return out;
}

/** All measures a measure presupposes, directly or through others (not itself unless in a cycle). */
export function closureOf(start: number[], adj: number[][]): Set<number> {
  const seen = new Set<number>();
  const todo = [...start];
  while (todo.length) {
    const v = todo.pop()!;
    for (const w of adj[v]) if (!seen.has(w)) (seen.add(w), todo.push(w));
  }
  return seen;
}

export const sum = (xs: number[]): number => xs.reduce((a, b) => a + b, 0);

/** A list's count, cost and score. */
export function totalsOf(items: SelectionItem[], chosen: Iterable<number>): ListTotals {
  const list = [...chosen];
  return { count: list.length, cost: sum(list.map((i) => items[i].cost ?? 0)), score: sum(list.map((i) => items[i].score ?? 0)) };
}

export interface Prepared {
  items: SelectionItem[];
  adj: number[][];
  /** Why a measure can never be chosen, by index. */
  excluded: Map<number, OutReason>;
  /** Forced in, with everything they presuppose. */
  forcedClosure: Set<number>;
  findings: SelectionFinding[];
  infeasible: boolean;
  limits: { segment: string; members: number[]; cap: number }[];
  /** The either–or groups' and quotas' rows over the measures (selection-rules.ts); empty without rules. */
  rows: LinearRow[];
  quotas: Quota[];
}

const mnok = (hundredths: number): number => hundredths / COST_UNITS_PER_MNOK;

/**
 * The structural analysis before any search: what can never be chosen, what forced choices cannot
 * be honoured, and whether the forced measures fit the frames. Exact; names the cells.
 */
export function prepare(problem: SelectionProblem): Prepared {
  const items = problem.items;
  const findings: SelectionFinding[] = [];
  const index = new Map(items.map((it, i) => [it.id, i]));
  const adj = items.map((it) => it.requires.map((r) => index.get(r)).filter((j): j is number => j !== undefined));
  const excluded = new Map<number, OutReason>();
  items.forEach((it, i) => {
    if (it.forced === "out") excluded.set(i, { kind: "held-out" });
    else if (it.cost === null) excluded.set(i, { kind: "no-cost" });
  });
  for (const cycle of dependencyCycles(items)) {
    const first = items[index.get(cycle[0])!];
    findings.push(
      selectionFinding(
        "selection-cycle",
        "error",
        { ids: cycle, names: cycle.map((id) => items[index.get(id)!].name), cells: cycle.map((id) => items[index.get(id)!].cells?.requires ?? "") },
        { cell: first.cells?.requires ?? first.cells?.name, measureId: first.id },
      ),
    );
    for (const id of cycle) if (!excluded.has(index.get(id)!)) excluded.set(index.get(id)!, { kind: "cycle", ids: cycle });
  }
  // A measure that presupposes one that can never be chosen cannot be chosen either.
  const root = new Map<number, number[]>();
  for (let changed = true; changed; ) {
    changed = false;
    items.forEach((_, i) => {
      if (excluded.has(i)) return;
      const bad = adj[i].filter((j) => excluded.has(j));
      if (bad.length) {
        excluded.set(i, { kind: "requires-excluded", ids: bad.map((j) => items[j].id) });
        root.set(i, bad);
        changed = true;
      }
    });
  }
  // Forced in but impossible: the forcing is not honoured, and said so.
  const forcedIn: number[] = [];
  items.forEach((it, i) => {
    if (it.forced !== "in") return;
    const why = excluded.get(i);
    if (!why) {
      forcedIn.push(i);
      return;
    }
    const blockers = [...closureOf([i], adj)].filter((j) => excluded.has(j) && excluded.get(j)!.kind !== "requires-excluded");
    if (why.kind === "no-cost") {
      // Its own cost is what is missing: the message names the cost cell, not prerequisites.
      const params = { measure: it.name, id: it.id, why: why.kind, costCell: it.cells?.cost ?? "", raw: it.costText ?? "" };
      findings.push(selectionFinding("selection-forced-no-cost", "error", params, { cell: it.cells?.cost ?? it.cells?.forced ?? it.cells?.name, measureId: it.id }));
      return;
    }
    findings.push(
      selectionFinding(
        "selection-forced-blocked",
        "error",
        {
          measure: it.name,
          id: it.id,
          why: why.kind,
          blockers: blockers.map((j) => items[j].name),
          blockerIds: blockers.map((j) => items[j].id),
          blockerReasons: blockers.map((j) => excluded.get(j)!.kind),
          blockerCells: blockers.map((j) => items[j].cells?.forced ?? items[j].cells?.cost ?? items[j].cells?.name ?? ""),
        },
        { cell: it.cells?.forced ?? it.cells?.name, measureId: it.id },
      ),
    );
  });
  const forcedClosure = new Set<number>([...forcedIn, ...closureOf(forcedIn, adj)]);
  const cost = (set: Iterable<number>): number => sum([...set].map((i) => items[i].cost ?? 0));
  let infeasible = false;

  const limits: { segment: string; members: number[]; cap: number }[] = [];
  for (const [segment, cap] of Object.entries(problem.segmentLimits ?? {})) {
    limits.push({ segment, members: items.map((it, i) => (it.segment === segment ? i : -1)).filter((i) => i >= 0), cap });
  }

  if (problem.minimum !== undefined && problem.minimum !== null && problem.minimum > problem.budget) {
    infeasible = true;
    findings.push(
      selectionFinding(
        "selection-minimum-over-budget",
        "error",
        { minimum: mnok(problem.minimum), budget: mnok(problem.budget), given: [problem.given?.minimum, problem.given?.budget].filter((g): g is string => g !== undefined) },
        { cell: problem.given?.minimum === undefined ? problem.cells?.minimum : problem.given?.budget === undefined ? problem.cells?.budget : undefined },
      ),
    );
  }
  const frame = problem.minimum ?? problem.budget;
  const forcedCost = cost(forcedClosure);
  const forcedNames = (set: Iterable<number>) => [...set].sort((a, b) => a - b).map((i) => items[i].name);
  const forcedCells = (set: Iterable<number>) => [...set].sort((a, b) => a - b).map((i) => items[i].cells?.forced ?? items[i].cells?.name ?? "");
  if (forcedCost > frame) {
    infeasible = true;
    const isMinimum = problem.minimum !== undefined && problem.minimum !== null;
    const given = isMinimum ? problem.given?.minimum : problem.given?.budget;
    findings.push(
      selectionFinding(
        "selection-forced-over-budget",
        "error",
        {
          cost: mnok(forcedCost),
          frame: mnok(frame),
          minimum: isMinimum,
          names: forcedNames(forcedClosure),
          forcedNames: forcedNames(forcedIn),
          cells: forcedCells(forcedIn),
          ...(given !== undefined ? { given } : {}),
        },
        // Where the frame was typed: its cell on Modell, or (typed on the command line) the forced measures' first cell.
        { cell: (given === undefined ? (isMinimum ? problem.cells?.minimum : problem.cells?.budget) : undefined) ?? forcedCells(forcedIn)[0] },
      ),
    );
  }
  for (const l of limits) {
    const inSeg = [...forcedClosure].filter((i) => items[i].segment === l.segment);
    const c = cost(inSeg);
    if (c > l.cap) {
      infeasible = true;
      findings.push(
        selectionFinding(
          "selection-forced-over-segment",
          "error",
          { segment: l.segment, cost: mnok(c), limit: mnok(l.cap), names: forcedNames(inSeg) },
          { cell: problem.cells?.segments?.[l.segment] },
        ),
      );
    }
  }
  // Either–or groups and quotas: their rows, and what breaks them before any search.
  const rules = analyseRules(items, problem.quotas ?? [], excluded, forcedClosure);
  findings.push(...rules.findings);
  if (rules.infeasible) infeasible = true;
  return { items, adj, excluded, forcedClosure, findings, infeasible, limits, rows: rules.rows, quotas: problem.quotas ?? [] };
}
