/** A controller for view tests: holds an AppState, records every action call, emits new states on demand. */
import type { Answer, ChecklistQuestion } from "../../src/core/checklist";
import type { AppActions, AppController, AppState } from "../../src/app/app-state";
import type { Lang } from "../../src/i18n";

export type Call = { [K in keyof AppActions]: { name: K; args: Parameters<AppActions[K]> } }[keyof AppActions];

export class FakeController implements AppController {
  readonly calls: Call[] = [];
  private readonly listeners = new Set<(s: AppState) => void>();

  constructor(private state: AppState) {}

  getState(): AppState {
    return this.state;
  }

  subscribe(listener: (state: AppState) => void): () => void {
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
    };
  }

  /** Replaces the state (a patch over the current one) and tells every listener. */
  emit(patch: Partial<AppState>): void {
    this.state = { ...this.state, ...patch };
    for (const l of [...this.listeners]) l(this.state);
  }

  get listenerCount(): number {
    return this.listeners.size;
  }

  /** The argument lists of every call of one action, in order. */
  callsOf<K extends keyof AppActions>(name: K): Parameters<AppActions[K]>[] {
    return this.calls.filter((c) => c.name === name).map((c) => c.args as Parameters<AppActions[K]>);
  }

  private holding = false;
  private waiting: { resolve: () => void; reject: (e: Error) => void }[] = [];

  /** From now on, actions stay under way until release(). */
  hold(): void {
    this.holding = true;
  }

  /** Settles every held action (rejects them with `error` if given) and stops holding. */
  release(error?: Error): void {
    const waiting = this.waiting;
    this.waiting = [];
    this.holding = false;
    for (const w of waiting) {
      if (error) w.reject(error);
      else w.resolve();
    }
  }

  private record(call: Call): Promise<void> {
    this.calls.push(call);
    if (!this.holding) return Promise.resolve();
    return new Promise((resolve, reject) => this.waiting.push({ resolve, reject }));
  }

  createWorkbook(): Promise<void> {
    return this.record({ name: "createWorkbook", args: [] });
  }
  importLegacy(): Promise<void> {
    return this.record({ name: "importLegacy", args: [] });
  }
  planSync(): Promise<void> {
    return this.record({ name: "planSync", args: [] });
  }
  cancelSync(): Promise<void> {
    return this.record({ name: "cancelSync", args: [] });
  }
  syncLegacy(): Promise<void> {
    return this.record({ name: "syncLegacy", args: [] });
  }
  recalc(): Promise<void> {
    return this.record({ name: "recalc", args: [] });
  }
  selectMeasure(measureId: string): Promise<void> {
    return this.record({ name: "selectMeasure", args: [measureId] });
  }
  selectCell(address: string): Promise<void> {
    return this.record({ name: "selectCell", args: [address] });
  }
  setWeight(nodeId: string, weight: number): Promise<void> {
    return this.record({ name: "setWeight", args: [nodeId, weight] });
  }
  setWeights(weights: Record<string, number>): Promise<void> {
    return this.record({ name: "setWeights", args: [weights] });
  }
  resetWeights(): Promise<void> {
    return this.record({ name: "resetWeights", args: [] });
  }
  setTieBreak(groupIds: string[]): Promise<void> {
    return this.record({ name: "setTieBreak", args: [groupIds] });
  }
  setAnswer(measureId: string, question: ChecklistQuestion, answer: Answer): Promise<void> {
    return this.record({ name: "setAnswer", args: [measureId, question, answer] });
  }
  resolveOrphan(measureId: string, choice: "add" | "remove"): Promise<void> {
    return this.record({ name: "resolveOrphan", args: [measureId, choice] });
  }
  createChecklist(): Promise<void> {
    return this.record({ name: "createChecklist", args: [] });
  }
  extendTable(table: string): Promise<void> {
    return this.record({ name: "extendTable", args: [table] });
  }
  repairStore(): Promise<void> {
    return this.record({ name: "repairStore", args: [] });
  }
  setWorkbookLang(lang: Lang): Promise<void> {
    return this.record({ name: "setWorkbookLang", args: [lang] });
  }
}
