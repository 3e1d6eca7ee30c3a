/**
 * The rounds', the scorers', the plan's and the checklist's actions as the controller offers them from the start: stubs that
 * load their code (rounds-actions.ts with rounds.ts, scorers-actions.ts with scorers.ts, plan-actions.ts with the plan and HiGHS,
 * checklist-actions.ts with the checklist sheet's writer, and their strings) on first use, so the task pane's initial JavaScript
 * does not carry them.
 */
import type { AppActions, PlanActions, RoundActions, ScorerActions } from "../app/app-state";
import type { Control } from "./action-control";

export function lazyRoundActions(control: Control): RoundActions {
  const call =
    <K extends keyof RoundActions>(k: K) =>
    async (...args: Parameters<RoundActions[K]>): Promise<void> =>
      ((await import("./rounds-actions")).roundActions(control)[k] as (...a: Parameters<RoundActions[K]>) => Promise<void>)(...args);
  return { load: call("load"), save: call("save"), remove: call("remove"), choose: call("choose"), importFile: call("importFile") };
}

export function lazyScorerActions(control: Control): ScorerActions {
  const actions = async () => (await import("./scorers-actions")).scorerActions(control);
  return {
    load: async () => (await actions()).load(),
    create: async () => (await actions()).create(),
    add: async (scorer, rows, replace) => (await actions()).add(scorer, rows, replace),
  };
}

export function lazyPlanActions(control: Control): PlanActions {
  const actions = async () => (await import("./plan-actions")).planActions(control);
  return {
    load: async () => (await actions()).load(),
    solve: async (problem) => (await actions()).solve(problem),
  };
}

export function lazyChecklistActions(control: Control): Pick<AppActions, "setAnswer" | "createChecklist" | "resolveOrphan"> {
  const actions = async () => (await import("./checklist-actions")).checklistActions(control);
  return {
    setAnswer: async (measureId, question, answer) => (await actions()).setAnswer(measureId, question, answer),
    createChecklist: async () => (await actions()).createChecklist(),
    resolveOrphan: async (measureId, choice) => (await actions()).resolveOrphan(measureId, choice),
  };
}
