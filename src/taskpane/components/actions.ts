/** The actions as the views call them: fire-and-forget, failures handled by the runner. */
import type { AppActions } from "../../app/app-state";

export type ViewActions = { [K in keyof AppActions]: (...args: Parameters<AppActions[K]>) => void };

export function viewActions(actions: AppActions, run: (action: () => Promise<void>) => void): ViewActions {
  return {
    createWorkbook: () => run(() => actions.createWorkbook()),
    importLegacy: () => run(() => actions.importLegacy()),
    syncLegacy: () => run(() => actions.syncLegacy()),
    planSync: () => run(() => actions.planSync()),
    cancelSync: () => run(() => actions.cancelSync()),
    recalc: () => run(() => actions.recalc()),
    selectCell: (address) => run(() => actions.selectCell(address)),
    selectMeasure: (measureId) => run(() => actions.selectMeasure(measureId)),
    setWeight: (nodeId, weight) => run(() => actions.setWeight(nodeId, weight)),
    setWeights: (weights) => run(() => actions.setWeights(weights)),
    resetWeights: () => run(() => actions.resetWeights()),
    setTieBreak: (groupIds) => run(() => actions.setTieBreak(groupIds)),
    setAnswer: (measureId, question, answer) => run(() => actions.setAnswer(measureId, question, answer)),
    resolveOrphan: (measureId, choice) => run(() => actions.resolveOrphan(measureId, choice)),
    createChecklist: () => run(() => actions.createChecklist()),
    extendTable: (table) => run(() => actions.extendTable(table)),
    repairStore: () => run(() => actions.repairStore()),
    setWorkbookLang: (lang) => run(() => actions.setWorkbookLang(lang)),
  };
}
