/**
 * The controller behind the task pane: owns the AppState, talks to Excel through a host, and
 * keeps the outputs live. A change on the add-in's sheets starts a recompute at once (after a
 * short window that gathers the events of one paste); recomputes never overlap (changes during
 * one schedule exactly one more, right after it). Co-authoring (Excel on the web, Teams): a change
 * a co-author made (`source: "Remote"`) refreshes the pane's views without writing — the pane of
 * the person who made it writes — so two panes on one workbook never write for the same change.
 * It is a switchboard: each action lives with its capability (checklist-actions.ts,
 * model-actions.ts, legacy-actions.ts, navigation-actions.ts, store-actions.ts; rounds-actions.ts
 * and scorers-actions.ts load on first use through lazy-actions.ts), over the Control it hands
 * them (action-control.ts). What follows a recompute is model-follow.ts's and sheet-watch.ts's.
 */
import type { Answer, ChecklistQuestion } from "../core/checklist";
import type { Model } from "../core/model";
import { t, type Lang } from "../i18n";
import type { AppController, AppState, PlanActions, RoundActions, ScorerActions } from "../app/app-state";
import { Refusal, type Control } from "./action-control";
import { checklistState } from "./checklist-state";
import type { ExcelHost } from "./host";
import { lazyChecklistActions, lazyPlanActions, lazyRoundActions, lazyScorerActions } from "./lazy-actions";
import { legacyActions } from "./legacy-actions";
import { readLegacy } from "./legacy";
import { modelActions } from "./model-actions";
import { ModelFollow } from "./model-follow";
import { problemCells } from "./model-highlight";
import { navigationActions } from "./navigation-actions";
import { checkWritable, clashMessage } from "./own-sheets";
import { recompute, type Assessed, type ReadHints } from "./recompute";
import { SheetWatch } from "./sheet-watch";
import { tableActions } from "./table-actions";
import { storeActions } from "./store-actions";

export interface ControllerOptions {
  /**
   * Window from the first change to the recompute it starts (default 0: the next task), so the
   * events of one paste or one batch of edits become one recompute. Not a debounce: later
   * changes do not push the recompute back.
   */
  debounceMs?: number;
  /** Milliseconds clock, for measuring edit-to-ranking time. */
  now?: () => number;
  /** Wall clock for log entries. */
  clock?: () => Date;
  /** Called with the model in force after every read (custom functions use it). */
  onModel?: (model: Model) => void;
}

type Listener = (state: AppState) => void;

export class ExcelController implements AppController {
  private state: AppState;
  private readonly listeners = new Set<Listener>();
  private readonly debounceMs: number;
  private readonly now: () => number;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private pendingSince: number | undefined;
  private running: Promise<void> | undefined;
  private again = false;
  /** Whether the next recompute writes: a change of this pane's person, an action, Beregn på nytt, the first read. */
  private writeNext = false;
  /** A pass that writes is running. */
  private writing = false;
  /** What the last recompute learned about its reads (bands under the payload limit, the store's slot). */
  private hints: ReadHints = {};
  private readonly watch: SheetWatch;
  private readonly model: ModelFollow;
  private readonly control: Control;
  private readonly actions: ReturnType<typeof actionsOf>;
  /** Saved rounds and the baseline; several scorers (the Vurderere view): their code loads on first use. */
  readonly rounds: RoundActions;
  readonly scorers: ScorerActions;
  /** The plan by steps (the Utvalg tab's *Etter steg*): its code and HiGHS load on first use. */
  readonly plan: PlanActions;

  constructor(
    private readonly host: ExcelHost,
    lang: Lang,
    private readonly options: ControllerOptions = {},
  ) {
    this.state = { status: "loading", lang, busy: false, hasLegacySheets: false };
    this.debounceMs = options.debounceMs ?? 0;
    this.now = options.now ?? (() => (typeof performance !== "undefined" ? performance.now() : Date.now()));
    this.watch = new SheetWatch(host, (source) => this.notifyChanged(source));
    this.model = new ModelFollow(host, options.onModel);
    this.control = {
      host,
      lang: () => this.lang,
      clock: () => this.options.clock?.() ?? new Date(),
      state: () => this.state,
      set: (patch) => this.set(patch),
      refresh: () => this.refresh(this.now()),
      act: (work) => this.act(work),
      refusedWrite: () => this.refusedWrite(),
      watchAgain: () => this.watch.again(),
    };
    this.actions = actionsOf(this.control);
    this.rounds = lazyRoundActions(this.control);
    this.scorers = lazyScorerActions(this.control);
    this.plan = lazyPlanActions(this.control);
  }

  getState(): AppState {
    return this.state;
  }

  subscribe(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private set(patch: Partial<AppState>): void {
    this.state = { ...this.state, ...patch };
    for (const l of this.listeners) l(this.state);
  }

  private get lang(): Lang {
    return this.state.lang;
  }

  private fail(e: unknown): void {
    const message = e instanceof Error ? e.message : String(e);
    this.set({ status: "error", busy: false, error: t(this.lang, "excel.error.generic", { message }) });
  }

  /** First read of the workbook. */
  async start(): Promise<void> {
    await this.refresh(this.now());
  }

  /**
   * A change on one of the add-in's sheets: recompute at the end of the window that began with the
   * first change not yet computed (leading edge); while a recompute runs, it runs once more after.
   */
  notifyChanged(source: "Local" | "Remote" = "Local"): void {
    // A co-author's change during a pass that writes may have been written over with what that
    // pass read before it: the next pass writes too.
    if (source !== "Remote" || this.writing) this.writeNext = true;
    if (this.pendingSince === undefined) this.pendingSince = this.now();
    if (this.timer !== undefined) return;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      const since = this.pendingSince;
      this.pendingSince = undefined;
      void this.recomputeLoop(since ?? this.now());
    }, this.debounceMs);
  }

  /** Recomputes now, writing; a call while one runs makes it run once more afterwards. */
  refresh(since: number = this.now()): Promise<void> {
    this.writeNext = true;
    return this.recomputeLoop(since);
  }

  private recomputeLoop(since: number): Promise<void> {
    if (this.running) {
      this.again = true;
      return this.running;
    }
    this.running = (async () => {
      let from = since;
      do {
        this.again = false;
        const write = this.writeNext;
        this.writeNext = false;
        this.writing = write;
        try {
          await this.refreshOnce(from, write);
        } finally {
          this.writing = false;
        }
        from = this.now();
      } while (this.again);
    })().finally(() => {
      this.running = undefined;
    });
    return this.running;
  }

  /** One recompute; `write` false reads and assesses only (only co-authors' changes since the last). */
  private async refreshOnce(since: number, write: boolean, retry = true): Promise<void> {
    try {
      // The ranking is shown once assessed, before the writes (and again after them, with the time taken).
      let shown: Partial<AppState> | undefined;
      // The first time, the status line says how long the ranking took until then (not «not calculated yet»).
      const ms = () => this.state.lastRecomputeMs ?? Math.max(0, Math.round(this.now() - since));
      const onAssessed = (r: Assessed) => this.set({ ...(shown = readyState(r)), lastRecomputeMs: ms() });
      const result = await this.host.run((ctx) => recompute(ctx, this.lang, this.options.clock, { hints: this.hints, write, onAssessed }));
      if (result.kind === "newer") {
        this.set({ status: "error", error: t(this.lang, "excel.storeNewer", { format: result.format }), busy: false });
        return;
      }
      if (result.kind === "clash") {
        this.watch.again();
        this.set({ status: "error", error: clashMessage(this.lang, result.clashes), busy: false });
        return;
      }
      if (result.kind === "ready") {
        const { read } = result;
        this.hints = result.hints;
        await this.model.inForce(read.model);
        await this.model.highlight(problemCells(read.modelProblems), result.sheets);
        const hasLegacySheets = await this.actions.legacy.hasLegacy(result.sheets);
        this.set({ ...(shown ?? readyState(result)), hasLegacySheets, lastRecomputeMs: Math.max(0, Math.round(this.now() - since)) });
        await this.watch.inputs();
        await this.watch.scorers(result.sheets);
        // Rows the checklist sync just added to a table are read by one more pass.
        const plan = read.checklist?.plan;
        if (result.wrote && plan && plan.appendToScoring.length + plan.appendToChecklist.length > 0) this.again = this.writeNext = true;
        return;
      }
      // Without the scoring sheet there is nothing to listen to; a new layout is watched afresh.
      this.watch.again();
      const legacy = await this.host.run((ctx) => readLegacy(ctx));
      await this.model.inForce(legacy.model);
      this.set({
        status: legacy.assessment ? "legacy" : "empty",
        checklist: undefined,
        baseline: null,
        assessment: legacy.assessment,
        model: legacy.model,
        error: undefined,
        hasLegacySheets: legacy.assessment !== undefined,
        lastRecomputeMs: Math.max(0, Math.round(this.now() - since)),
      });
    } catch (e) {
      // Something read was gone when written (a co-author's pane changed it in between): read again, once.
      if (retry && (e as { code?: unknown } | null)?.code === "ItemNotFound") return this.refreshOnce(since, write, false);
      this.fail(e);
    }
  }

  /** A Refusal when the workbook may not be written (a person's sheet with the add-in's name, a newer store). */
  private async refusedWrite(): Promise<Refusal | undefined> {
    const w = await this.host.run((ctx) => checkWritable(ctx, this.lang));
    return w.ok ? undefined : new Refusal(w.message);
  }

  /** Runs an action: a string result is a success notice, a Refusal a warning (nothing was changed). */
  private async act(work: () => Promise<string | Refusal | undefined>): Promise<void> {
    this.set({ busy: true, notice: undefined, noticeKind: undefined });
    try {
      const result = await work();
      if (result instanceof Refusal) this.set({ busy: false, notice: result.message, noticeKind: "warning" });
      else this.set({ busy: false, notice: result, noticeKind: result ? "success" : undefined });
    } catch (e) {
      this.fail(e);
    }
  }

  recalc(): Promise<void> {
    return this.act(async () => {
      this.actions.legacy.forget();
      await this.refresh(this.now());
      return undefined;
    });
  }

  // The actions, by capability.
  createWorkbook = (): Promise<void> => this.actions.legacy.createWorkbook();
  importLegacy = (): Promise<void> => this.actions.legacy.importLegacy();
  planSync = (): Promise<void> => this.actions.legacy.planSync();
  cancelSync = (): Promise<void> => this.actions.legacy.cancelSync();
  syncLegacy = (): Promise<void> => this.actions.legacy.syncLegacy();
  selectCell = (address: string): Promise<void> => this.actions.navigation.selectCell(address);
  selectMeasure = (measureId: string): Promise<void> => this.actions.navigation.selectMeasure(measureId);
  setWeight = (nodeId: string, weight: number): Promise<void> => this.actions.model.setWeight(nodeId, weight);
  setWeights = (weights: Record<string, number>): Promise<void> => this.actions.model.setWeights(weights);
  resetWeights = (): Promise<void> => this.actions.model.resetWeights();
  setTieBreak = (groupIds: string[]): Promise<void> => this.actions.model.setTieBreak(groupIds);
  setAnswer = (measureId: string, question: ChecklistQuestion, answer: Answer): Promise<void> => this.actions.checklist.setAnswer(measureId, question, answer);
  createChecklist = (): Promise<void> => this.actions.checklist.createChecklist();
  resolveOrphan = (measureId: string, choice: "add" | "remove"): Promise<void> => this.actions.checklist.resolveOrphan(measureId, choice);
  extendTable = (table: string): Promise<void> => this.actions.table.extendTable(table);
  repairStore = (): Promise<void> => this.actions.store.repairStore();
  setWorkbookLang = (lang: Lang): Promise<void> => this.actions.store.setWorkbookLang(lang);
}

/** What an assessed recompute shows in the pane. */
function readyState({ read, lang, baseline }: Assessed): Partial<AppState> {
  const checklist = read.checklist ? checklistState(read.checklist) : undefined;
  return { status: "ready", assessment: read.assessment, model: read.model, checklist, error: undefined, storeDamaged: read.store.kind === "damaged", workbookLang: lang, baseline, scorerFindings: read.scorers?.analysis.findings };
}

/** The controller's actions, grouped by capability, over its Control. */
function actionsOf(control: Control) {
  return {
    legacy: legacyActions(control),
    navigation: navigationActions(control),
    model: modelActions(control),
    checklist: lazyChecklistActions(control),
    store: storeActions(control),
    table: tableActions(control),
  };
}
