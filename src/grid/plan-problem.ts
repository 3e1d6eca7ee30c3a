/**
 * The plan's problem (core/plan.ts) from the selection's inputs (selection-inputs.ts, with the
 * rules plan-inputs.ts read) and the steps in force: Modell's steps table, or the command line's.
 */
import type { PlanItem, PlanProblem, PlanStep } from "../core/plan";
import type { SelectionFinding } from "../core/selection-problem";
import { ruleFinding } from "../core/selection-rules";
import { modelSteps, resolveQuotas, stepIndex } from "./plan-inputs";
import type { SelectionInputs } from "./selection-inputs";

/**
 * The plan's problem from the selection's inputs and the steps in force (the command line's, or
 * Modell's: `steps` undefined). Undefined when there is no step (no steps table, no frame).
 */
export function planProblemOf(inputs: SelectionInputs, given?: PlanStep[]): { problem?: PlanProblem; findings: SelectionFinding[] } {
  const rules = inputs.rules;
  const findings: SelectionFinding[] = [];
  let steps: PlanStep[];
  if (given) steps = given;
  else {
    const m = modelSteps(rules?.steps ?? [], { value: inputs.problem.budget, cell: inputs.problem.cells?.budget });
    findings.push(...m.findings);
    steps = m.steps;
  }
  if (steps.length === 0) return { findings };
  const names = steps.map((s) => s.name);
  const { budget: _budget, ...rest } = inputs.problem;
  void _budget;
  const problem: PlanProblem = { ...rest, steps, items: inputs.problem.items.map((it): PlanItem => ({ ...it })) };
  if (given) delete problem.minimum;
  // Quotas are resolved against these steps (a single selection resolved them against Modell's).
  const q = resolveQuotas(rules?.quotas ?? [], names);
  // What the selection's reader already reported (against Modell's steps) is not said twice.
  const said = new Set(inputs.findings.map((f) => `${f.code} ${f.cell ?? ""}`));
  findings.push(...q.findings.filter((f) => !said.has(`${f.code} ${f.cell ?? ""}`)));
  if (q.quotas.length) problem.quotas = q.quotas;
  else delete problem.quotas;
  const example = names[Math.min(1, names.length - 1)];
  for (const it of problem.items) {
    const e = rules?.earliest.get(it.id);
    if (!e) continue;
    const k = stepIndex(names, e.raw);
    it.cells = { ...it.cells, earliest: e.cell };
    if (k === undefined) findings.push(ruleFinding("plan-earliest-unknown", "warning", { measure: it.name, raw: e.raw, example }, { cell: e.cell, measureId: it.id }));
    else if (k > 0) it.earliest = k;
  }
  return { problem, findings };
}
