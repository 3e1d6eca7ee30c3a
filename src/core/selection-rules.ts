/**
 * Rules of a selection beyond the frame: either–or groups and quotas, as linear rows of the 0–1
 * program, in single-frame selection and in every step of a plan (core/plan.ts).
 *
 * - **Either–or.** Measures with the same *Gruppe* (compared as the readers compare names) are
 *   alternatives: at most one of them is chosen (in a plan: in all steps together).
 *   Σ_{i in group} x_i ≤ 1.
 * - **Quotas.** Per segment, group or theme (*Tema*), at least / at most k measures or k MNOK:
 *   Σ_{i in subject} x_i ≥ k (≤ k), or Σ c_i x_i ≥ k (≤ k) in hundredths of a MNOK. A quota names
 *   the step it holds in, or none: then it holds in every step (a single selection is one step).
 *
 * Here: the rules' types, their rows over one selection's variables, the checks that need no
 * search (forced measures that break a rule, a quota that cannot be reached by every measure it
 * counts), why a measure is out because of a rule, and what rank order does at a rule. This file
 * imports nothing of the selection's: selection-problem.ts builds on it (the rows go into
 * `Prepared`, the checks into `prepare`). Infeasible combinations found only by solving are named
 * in core/plan.ts (`ruleConflict`).
 */
import type { ParamValue, Severity } from "./findings";
import { normalize } from "./text";

export type QuotaSubjectKind = "segment" | "group" | "theme";

export interface Quota {
  /** What the quota counts: a segment (Samstyre …), a *Gruppe*, or a *Tema*. */
  kind: QuotaSubjectKind;
  /** The subject's name as written. */
  name: string;
  bound: "min" | "max";
  unit: "count" | "mnok";
  /** Measures, or hundredths of a MNOK. */
  value: number;
  /** The step (index) it holds in; null: every step. */
  step: number | null;
  /** That step's name, for messages. */
  stepName?: string;
  /** The quota's cell (its row on Modell), for messages. */
  cell?: string;
}

/** What a rule reason or message says about a quota (plain data for findings and reasons). */
export type QuotaText = Pick<Quota, "kind" | "name" | "bound" | "unit" | "value"> & { cell?: string; stepName?: string };

/** A linear row Σ coefs·x[vars] (≤ | ≥) bound over a program's variables; `tolerance` is the slack a check allows (rows with fractional coefficients). */
export interface LinearRow {
  vars: number[];
  coefs: number[];
  sense: "<=" | ">=";
  bound: number;
  tolerance?: number;
  /** The rule the row comes from (reasons, conflicts). */
  rule?: RuleRef;
}

export type RuleRef = { kind: "group"; name: string } | { kind: "quota"; index: number };

/** Why a measure is out because of a rule. */
export type RuleReason =
  /** Another measure of its either–or group is chosen. */
  | { kind: "group"; group: string; ids: string[]; step?: string }
  /** An at-most quota of its segment, group or theme is full. */
  | { kind: "quota"; quota: QuotaText; left: number };

export type RuleFindingCode =
  | "rule-group-forced"
  | "rule-quota-forced"
  | "rule-quota-unreachable"
  | "rule-quota-empty"
  | "rule-quota-invalid"
  | "rule-conflict"
  | "plan-step-invalid"
  | "plan-step-duplicate"
  | "plan-first-frame"
  | "plan-earliest-unknown"
  | "plan-earliest-forced";

export interface RuleFinding {
  code: RuleFindingCode;
  severity: Severity;
  cell?: string;
  measureId?: string;
  params: Record<string, ParamValue>;
}

/** The part of a measure the rules read (a SelectionItem is one). */
export interface RuleItem {
  id: string;
  name: string;
  cost: number | null;
  segment?: string;
  group?: string;
  theme?: string;
  cells?: { name?: string; forced?: string; group?: string };
}

const key = (s: string): string => normalize(s);

/** The measures a quota counts (indexes). */
export function quotaMembers(items: readonly RuleItem[], q: Pick<Quota, "kind" | "name">): number[] {
  const k = key(q.name);
  const field = (it: RuleItem) => (q.kind === "segment" ? it.segment : q.kind === "group" ? it.group : it.theme);
  const out: number[] = [];
  items.forEach((it, i) => {
    const v = field(it);
    if (v !== undefined && key(v) === k) out.push(i);
  });
  return out;
}

/** The either–or groups with two or more measures: the name as first written, and the members (indexes). */
export function eitherOrGroups(items: readonly RuleItem[]): { name: string; members: number[] }[] {
  const byKey = new Map<string, { name: string; members: number[] }>();
  items.forEach((it, i) => {
    if (it.group === undefined || it.group.trim() === "") return;
    const k = key(it.group);
    const g = byKey.get(k) ?? { name: it.group.trim(), members: [] };
    g.members.push(i);
    byKey.set(k, g);
  });
  return [...byKey.values()].filter((g) => g.members.length > 1);
}

export const quotaText = (q: Quota): QuotaText => {
  const t: QuotaText = { kind: q.kind, name: q.name, bound: q.bound, unit: q.unit, value: q.value };
  if (q.cell !== undefined) t.cell = q.cell;
  if (q.stepName !== undefined) t.stepName = q.stepName;
  return t;
};

/** The coefficient of measure i in a quota's row: 1 for a count, its cost for MNOK. */
export const quotaCoef = (q: Quota, it: RuleItem): number => (q.unit === "count" ? 1 : (it.cost ?? 0));

/**
 * The rules' rows over one selection's variables (x_i = measure i), for the quotas that hold in
 * step `step` (a single selection: 0). Measures that can never be chosen are left out of the rows.
 */
export function ruleRows(items: readonly RuleItem[], quotas: readonly Quota[], excluded: { has(i: number): boolean }, step = 0): LinearRow[] {
  const rows: LinearRow[] = [];
  for (const g of eitherOrGroups(items)) {
    const vars = g.members.filter((i) => !excluded.has(i));
    if (vars.length > 1) rows.push({ vars, coefs: vars.map(() => 1), sense: "<=", bound: 1, rule: { kind: "group", name: g.name } });
  }
  quotas.forEach((q, index) => {
    if (q.step !== null && q.step !== step) return;
    const vars = quotaMembers(items, q).filter((i) => !excluded.has(i));
    rows.push({ vars, coefs: vars.map((i) => quotaCoef(q, items[i])), sense: q.bound === "min" ? ">=" : "<=", bound: q.value, rule: { kind: "quota", index } });
  });
  return rows;
}

export function rowLhs(row: LinearRow, x: ArrayLike<boolean>): number {
  let s = 0;
  for (let k = 0; k < row.vars.length; k++) if (x[row.vars[k]]) s += row.coefs[k];
  return s;
}

/** True when x satisfies every row (exactly, or within a row's tolerance). */
export function rowsHold(rows: readonly LinearRow[] | undefined, x: ArrayLike<boolean>): boolean {
  for (const r of rows ?? []) {
    const lhs = rowLhs(r, x);
    const tol = r.tolerance ?? 0;
    if (r.sense === "<=" ? lhs > r.bound + tol : lhs < r.bound - tol) return false;
  }
  return true;
}

export function ruleFinding(code: RuleFindingCode, severity: Severity, params: Record<string, ParamValue>, where: { cell?: string; measureId?: string } = {}): RuleFinding {
  const f: RuleFinding = { code, severity, params };
  if (where.cell !== undefined) f.cell = where.cell;
  if (where.measureId !== undefined) f.measureId = where.measureId;
  return f;
}

/** A quota as plain parameters of a finding (the catalogs word it). */
export function quotaParams(q: Quota): Record<string, ParamValue> {
  return { subjectKind: q.kind, subject: q.name, bound: q.bound, unit: q.unit, value: q.unit === "mnok" ? q.value / 100 : q.value, step: q.stepName ?? null, quotaCell: q.cell ?? "" };
}

/**
 * What can be said about the rules before any search, for one selection (the first step): two
 * forced measures in one either–or group, forced measures over an at-most quota, an at-least quota
 * that all the measures it counts cannot reach (at most one per group), a quota that counts no
 * measure. Each names its cells; all but the last make the selection infeasible.
 */
export function analyseRules(
  items: readonly RuleItem[],
  quotas: readonly Quota[],
  excluded: { has(i: number): boolean },
  forcedClosure: ReadonlySet<number>,
): { rows: LinearRow[]; findings: RuleFinding[]; infeasible: boolean } {
  const findings: RuleFinding[] = [];
  let infeasible = false;
  const cellOf = (i: number) => items[i].cells?.forced ?? items[i].cells?.name ?? "";
  for (const g of eitherOrGroups(items)) {
    const forced = g.members.filter((i) => forcedClosure.has(i));
    if (forced.length > 1) {
      infeasible = true;
      findings.push(
        ruleFinding(
          "rule-group-forced",
          "error",
          { group: g.name, names: forced.map((i) => items[i].name), cells: forced.map(cellOf), groupCells: forced.map((i) => items[i].cells?.group ?? "") },
          { cell: items[forced[0]].cells?.group ?? cellOf(forced[0]), measureId: items[forced[0]].id },
        ),
      );
    }
  }
  const groupOf = new Map<number, string>();
  for (const g of eitherOrGroups(items)) for (const i of g.members) groupOf.set(i, g.name);
  quotas.forEach((q) => {
    const members = quotaMembers(items, q);
    const here = q.step === null || q.step === 0;
    if (members.length === 0) {
      const blocks = q.bound === "min" && q.value > 0;
      findings.push(ruleFinding("rule-quota-empty", blocks ? "error" : "warning", quotaParams(q), { cell: q.cell }));
      if (blocks && here) infeasible = true;
      return;
    }
    if (!here) return;
    const coef = (i: number) => quotaCoef(q, items[i]);
    if (q.bound === "max") {
      const forced = members.filter((i) => forcedClosure.has(i));
      const used = forced.reduce((a, i) => a + coef(i), 0);
      if (used > q.value) {
        infeasible = true;
        findings.push(
          ruleFinding("rule-quota-forced", "error", { ...quotaParams(q), used: q.unit === "mnok" ? used / 100 : used, names: forced.map((i) => items[i].name), cells: forced.map(cellOf) }, { cell: q.cell }),
        );
      }
      return;
    }
    // The most the quota's measures can give: each one outside a group, and the best of each group.
    const possible = members.filter((i) => !excluded.has(i));
    const best = new Map<string, number>();
    let reach = 0;
    for (const i of possible) {
      const g = groupOf.get(i);
      if (g === undefined) reach += coef(i);
      else best.set(g, Math.max(best.get(g) ?? 0, coef(i)));
    }
    for (const v of best.values()) reach += v;
    if (reach < q.value) {
      infeasible = true;
      findings.push(
        ruleFinding(
          "rule-quota-unreachable",
          "error",
          { ...quotaParams(q), reach: q.unit === "mnok" ? reach / 100 : reach, names: possible.map((i) => items[i].name), excluded: members.filter((i) => excluded.has(i)).map((i) => items[i].name) },
          { cell: q.cell },
        ),
      );
    }
  });
  return { rows: ruleRows(items, quotas, excluded), findings, infeasible };
}

/**
 * Why measure i is out of selection x because of a rule, if it is: another of its group is chosen,
 * or an at-most quota it counts in has no room for it. Null when no rule keeps it out.
 */
export function ruleReason(rows: readonly LinearRow[], quotas: readonly Quota[], items: readonly RuleItem[], i: number, x: ArrayLike<boolean>): RuleReason | null {
  for (const r of rows) {
    if (r.sense !== "<=" || !r.rule) continue;
    const k = r.vars.indexOf(i);
    if (k < 0 || r.coefs[k] <= 0) continue;
    const lhs = rowLhs(r, x);
    if (lhs + r.coefs[k] <= r.bound) continue;
    if (r.rule.kind === "group") return { kind: "group", group: r.rule.name, ids: r.vars.filter((j) => x[j]).map((j) => items[j].id) };
    return { kind: "quota", quota: quotaText(quotas[r.rule.index]), left: r.bound - lhs };
  }
  return null;
}

/**
 * Rank order at a rule: "skip" when another of the measure's group is already taken (it goes on
 * down the list), "stop" when an at-most quota has no room (like a full frame), else null.
 * At-least quotas are not rank order's concern.
 */
export function rankOrderAtRule(rows: readonly LinearRow[], chosen: ReadonlySet<number>, i: number): "skip" | "stop" | null {
  let stop = false;
  for (const r of rows) {
    if (r.sense !== "<=") continue;
    const k = r.vars.indexOf(i);
    if (k < 0) continue;
    let lhs = 0;
    r.vars.forEach((v, m) => {
      if (chosen.has(v)) lhs += r.coefs[m];
    });
    if (lhs + r.coefs[k] <= r.bound) continue;
    if (r.rule?.kind === "group") return "skip";
    stop = true;
  }
  return stop ? "stop" : null;
}
