/**
 * The controller behind the task pane: owns the AppState, talks to Excel through a host, and
 * keeps the outputs live. A change on the add-in's sheets starts a recompute at once (after a
 * short window that gathers the events of one paste); recomputes never overlap (changes during
 * one schedule exactly one more, right after it).
 */
import { address, cellA1, parseAddress } from "../core/address";
import type { Answer, ChecklistQuestion } from "../core/checklist";
import { findChecklistRegion, readChecklistTable } from "../grid/checklist-table";
import { describeCell } from "../grid/legacy-sync";
import { findScoringRegion, readScoringTable, type TableRegion } from "../grid/scoring-table";
import { defaultModel, stableJson, type Model } from "../core/model";
import { t, type Lang } from "../i18n";
import type { Grid } from "../grid/grid";
import { tableOn, textAt } from "../grid/grid";
import { CHECKLIST_WORDS, MODEL_COLUMNS, scoringHeaders, SETTINGS_KEYS, SHEETS, TABLES } from "../grid/layout";
import { SETTINGS_HEADERS } from "../grid/model-table";
import { normalize } from "../core/text";
import type { AppController, AppState, RoundActions, ScorerActions } from "../app/app-state";
import type { RoundsControl } from "./rounds-actions";
import type { ScorersControl } from "./scorers-actions";
import type { ExcelHost } from "./host";
import { gridOf, listSheets, queueSheetRead } from "./grids";
import { newStore } from "../grid/store";
import { checklistRowFor, createLayout, writeChecklistSheet } from "./layout";
import { checklistState } from "./checklist-state";
import { SCORERS_SHEET } from "../grid/scorers-layout";
import { importLegacy, isOwnSheet, queueLog, readLegacy, syncLegacy } from "./legacy";
import { recompute } from "./recompute";
import { applyHighlights, highlightChanges, problemCells } from "./model-highlight";
import { planLegacySyncIn } from "./legacy-plan";
import { checkWritable, clashMessage } from "./own-sheets";
import { asText } from "./cells";
import { repairStore, setWorkbookLang } from "./store-actions";
import { attachTableBounds, queueTableBounds } from "./table-bounds";

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

/** An action that could not be done; nothing in the workbook was changed. */
class Refusal {
  constructor(readonly message: string) {}
}

export class ExcelController implements AppController {
  private state: AppState;
  private readonly listeners = new Set<Listener>();
  private readonly debounceMs: number;
  private readonly now: () => number;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private pendingSince: number | undefined;
  private running: Promise<void> | undefined;
  private again = false;
  private watching = false;

  constructor(
    private readonly host: ExcelHost,
    lang: Lang,
    private readonly options: ControllerOptions = {},
  ) {
    this.state = { status: "loading", lang, busy: false, hasLegacySheets: false };
    this.debounceMs = options.debounceMs ?? 0;
    this.now = options.now ?? (() => (typeof performance !== "undefined" ? performance.now() : Date.now()));
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
  notifyChanged(): void {
    if (this.pendingSince === undefined) this.pendingSince = this.now();
    if (this.timer !== undefined) return;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      const since = this.pendingSince;
      this.pendingSince = undefined;
      void this.refresh(since ?? this.now());
    }, this.debounceMs);
  }

  /** Recomputes now; a call while one runs makes it run once more afterwards. */
  refresh(since: number = this.now()): Promise<void> {
    if (this.running) {
      this.again = true;
      return this.running;
    }
    this.running = (async () => {
      let from = since;
      do {
        this.again = false;
        await this.refreshOnce(from);
        from = this.now();
      } while (this.again);
    })().finally(() => {
      this.running = undefined;
    });
    return this.running;
  }

  private async refreshOnce(since: number): Promise<void> {
    try {
      const result = await this.host.run((ctx) => recompute(ctx, this.lang, this.options.clock));
      if (result.kind === "newer") {
        this.set({ status: "error", error: t(this.lang, "excel.storeNewer", { format: result.format }), busy: false });
        return;
      }
      if (result.kind === "clash") {
        this.watching = false;
        this.set({ status: "error", error: clashMessage(this.lang, result.clashes), busy: false });
        return;
      }
      if (result.kind === "ready") {
        const { read } = result;
        await this.modelInForce(read.model);
        await this.highlightModel(problemCells(read.modelProblems), result.sheets);
        const hasLegacySheets = await this.hasLegacy(result.sheets);
        this.set({
          status: "ready",
          assessment: read.assessment,
          model: read.model,
          checklist: read.checklist ? checklistState(read.checklist) : undefined,
          error: undefined,
          hasLegacySheets,
          lastRecomputeMs: Math.max(0, Math.round(this.now() - since)),
          storeDamaged: read.store.kind === "damaged",
          workbookLang: result.lang,
          baseline: result.baseline,
          scorerFindings: read.scorers?.analysis.findings,
        });
        await this.watch();
        await this.watchScorers(result.sheets);
        // Rows the checklist sync just added to a table are read by one more pass.
        const plan = read.checklist?.plan;
        if (plan && plan.appendToScoring.length + plan.appendToChecklist.length > 0) this.again = true;
        return;
      }
      // Without the scoring sheet there is nothing to listen to; a new layout is watched afresh.
      this.watching = false;
      const legacy = await this.host.run((ctx) => readLegacy(ctx));
      await this.modelInForce(legacy.model);
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
      this.fail(e);
    }
  }

  private modelKey: string | undefined;

  /**
   * Hands the model to the custom functions; when it changed (a weight, the tie-break), Excel
   * recalculates so =PRIO.SCORE cells follow. Only on a change, so a score edit costs nothing here.
   */
  private async modelInForce(model: Model): Promise<void> {
    const key = stableJson(model);
    if (key === this.modelKey) return;
    const first = this.modelKey === undefined;
    this.modelKey = key;
    this.options.onModel?.(model);
    if (first) return;
    await this.host.run(async (ctx) => {
      ctx.workbook.application.calculate("Full");
      await ctx.sync();
    });
  }

  /** The Modell cells this controller coloured as problems. */
  private modelHighlighted: string[] = [];

  /** Colours the Modell cells that hold a problem and clears those put right; one sync, only on a change. */
  private async highlightModel(cells: string[], sheets: string[]): Promise<void> {
    const changes = highlightChanges(this.modelHighlighted, cells);
    if (changes.clear.length + changes.fill.length === 0) return;
    if (!sheets.includes(SHEETS.model)) {
      this.modelHighlighted = [];
      return;
    }
    await this.host.run(async (ctx) => {
      ctx.runtime.enableEvents = false;
      await applyHighlights(ctx, changes);
      ctx.runtime.enableEvents = true;
      await ctx.sync();
    });
    this.modelHighlighted = cells;
  }

  private legacyKnown: { sheets: string; has: boolean } | undefined;

  /** Whether sheets other than the add-in's hold the legacy layout (read again only when the sheet list changes). */
  private async hasLegacy(sheets: string[]): Promise<boolean> {
    const key = sheets.join("\u0000");
    if (this.legacyKnown?.sheets === key) return this.legacyKnown.has;
    if (sheets.every(isOwnSheet)) {
      this.legacyKnown = { sheets: key, has: false };
      return false;
    }
    const legacy = await this.host.run((ctx) => readLegacy(ctx));
    this.legacyKnown = { sheets: key, has: legacy.legacy !== undefined };
    return this.legacyKnown.has;
  }

  /** Listens to changes on the add-in's input sheets (once they exist). */
  private async watch(): Promise<void> {
    if (this.watching) return;
    this.watching = true;
    try {
      await this.host.run(async (ctx) => {
        const { sheets } = await listSheets(ctx);
        for (const name of [SHEETS.scoring, SHEETS.model, SHEETS.checklist]) {
          if (!sheets.includes(name)) continue;
          ctx.workbook.worksheets.getItem(name).onChanged.add(async () => this.notifyChanged());
        }
        await ctx.sync();
      });
    } catch (e) {
      this.watching = false;
      throw e;
    }
  }

  /** The Vurderere sheet, once it exists, is listened to like the input sheets (one sync, the first time only). */
  private scorersWatched: string | undefined;
  private async watchScorers(sheets: string[]): Promise<void> {
    const name = sheets.find((s) => s.toLowerCase() === SCORERS_SHEET.toLowerCase());
    // A sheet deleted and made again is a new sheet: listened to afresh.
    if (name === undefined) this.scorersWatched = undefined;
    if (name === undefined || this.scorersWatched === name) return;
    this.scorersWatched = name;
    await this.host.run(async (ctx) => {
      ctx.workbook.worksheets.getItem(name).onChanged.add(async () => this.notifyChanged());
      await ctx.sync();
    });
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
      this.legacyKnown = undefined;
      await this.refresh(this.now());
      return undefined;
    });
  }

  createWorkbook(): Promise<void> {
    return this.act(async () => {
      const model = this.state.status === "legacy" && this.state.model ? this.state.model : defaultModel();
      const result = await this.host.run((ctx) =>
        createLayout(ctx, model, [], newStore(model), this.lang),
      );
      if (!result.ok) return new Refusal(result.message);
      await this.refresh(this.now());
      return t(this.lang, "excel.notice.created");
    });
  }

  importLegacy(): Promise<void> {
    return this.act(async () => {
      const result = await this.host.run((ctx) => importLegacy(ctx, this.lang));
      if (!result.ok) return new Refusal(result.message);
      this.legacyKnown = undefined;
      await this.refresh(this.now());
      return t(this.lang, "excel.notice.imported", { count: result.count });
    });
  }

  planSync(): Promise<void> {
    return this.act(async () => {
      this.set({ syncPlan: undefined });
      const plan = await this.host.run((ctx) => planLegacySyncIn(ctx));
      if (!plan) return new Refusal(t(this.lang, "excel.noLegacy"));
      if (plan.cells === 0) return t(this.lang, "excel.notice.nothingToSync");
      this.set({ syncPlan: plan });
      return undefined;
    });
  }

  cancelSync(): Promise<void> {
    this.set({ syncPlan: undefined });
    return Promise.resolve();
  }

  /** Rebuilds a damaged store from the tables, the old content logged; then recomputes. */
  repairStore(): Promise<void> {
    return this.act(async () => {
      const result = await this.host.run((ctx) => repairStore(ctx, this.lang, this.options.clock?.() ?? new Date()));
      if (!result.ok) return new Refusal(result.message);
      await this.refresh(this.now());
      return t(this.lang, "excel.repair.done");
    });
  }

  /** Sets the language the add-in writes into this workbook's sheets; then recomputes. */
  setWorkbookLang(lang: Lang): Promise<void> {
    return this.act(async () => {
      const result = await this.host.run((ctx) => setWorkbookLang(ctx, lang, this.lang));
      if (!result.ok) return new Refusal(result.message);
      await this.refresh(this.now());
      return t(this.lang, "excel.workbookLang.set", { lang: t(this.lang, lang === "nb" ? "excel.lang.nb" : "excel.lang.en") });
    });
  }

  syncLegacy(): Promise<void> {
    return this.act(async () => {
      this.set({ syncPlan: undefined });
      const result = await this.host.run((ctx) => syncLegacy(ctx, this.lang, this.options.clock));
      if (!result.ok) return new Refusal(result.message ?? "");
      if (result.writes.length === 0) return t(this.lang, "excel.notice.nothingToSync");
      return t(this.lang, "excel.notice.synced", { count: result.writes.length });
    });
  }

  selectCell(address: string): Promise<void> {
    return this.act(async () => {
      await this.select(address);
      return undefined;
    });
  }

  /** Activates the address's sheet and selects the cell or range (one sync). */
  private async select(address: string): Promise<void> {
    const p = parseAddress(address);
    if (!p || p.sheet === undefined) return;
    await this.host.run(async (ctx) => {
      const sheet = ctx.workbook.worksheets.getItem(p.sheet!);
      sheet.activate();
      const a = cellA1(p.row, p.col);
      const b = cellA1(p.toRow, p.toCol);
      sheet.getRange(a === b ? a : `${a}:${b}`).select();
      await ctx.sync();
    });
  }

  /**
   * Selects the measure's row of the scoring table, found by its ID in the sheet as it is now (rows
   * may have moved since the last recompute); in the legacy layout, its name cell. Two syncs.
   */
  selectMeasure(measureId: string): Promise<void> {
    return this.act(async () => {
      if (this.state.status === "legacy") {
        const cell = this.state.assessment?.measures.find((m) => m.id === measureId)?.address;
        if (!cell) return new Refusal(t(this.lang, "excel.error.unknownMeasure", { id: measureId }));
        await this.select(cell);
        return undefined;
      }
      const found = await this.host.run(async (ctx) => {
        const { sheets } = await listSheets(ctx);
        if (!sheets.includes(SHEETS.scoring)) return false;
        const read = queueSheetRead(ctx, SHEETS.scoring);
        await ctx.sync();
        const grid = gridOf(read);
        const region = findScoringRegion(grid);
        const row = region ? readScoringTable(grid, region, this.state.model ?? defaultModel()).rowOf.get(measureId) : undefined;
        if (!region || row === undefined) return false;
        const sheet = ctx.workbook.worksheets.getItem(SHEETS.scoring);
        sheet.activate();
        sheet.getRange(`${cellA1(row, region.firstCol)}:${cellA1(row, region.lastCol)}`).select();
        await ctx.sync();
        return true;
      });
      return found ? undefined : new Refusal(t(this.lang, "excel.error.unknownMeasure", { id: measureId }));
    });
  }

  /**
   * Writes cells of the Modell sheet found from its current content, then recomputes. Every cell
   * whose value changes is logged in Logg with what it held before (action `excel.log.model`).
   */
  private editModel(edit: (grid: Grid) => { row: number; col: number; value: string | number }[] | string): Promise<void> {
    return this.act(async () => {
      const refused = await this.refusedWrite();
      if (refused) return refused;
      const message = await this.host.run(async (ctx) => {
        // The tables' ranges say where the Modell tables end: a note under them is not a row to write.
        const existing = await listSheets(ctx);
        const { tables } = existing;
        const read = queueSheetRead(ctx, SHEETS.model);
        const bounds = queueTableBounds(ctx, tables);
        await ctx.sync();
        const [grid] = attachTableBounds([gridOf(read)], bounds);
        const cells = edit(grid);
        if (typeof cells === "string") return cells;
        const sheet = ctx.workbook.worksheets.getItem(SHEETS.model);
        const when = this.options.clock?.() ?? new Date();
        const changed = cells.filter((c) => grid.rows[c.row]?.[c.col]?.value !== c.value);
        queueLog(
          ctx,
          existing,
          changed.map((c) => [when, t(this.lang, "excel.log.model"), address(SHEETS.model, c.row, c.col), describeCell(grid.rows[c.row]?.[c.col]), String(c.value), ""]),
        );
        for (const c of changed) sheet.getRangeByIndexes(c.row, c.col, 1, 1).values = [[typeof c.value === "string" ? asText(c.value) : c.value]];
        await ctx.sync();
        return undefined;
      });
      if (message) return new Refusal(message);
      await this.refresh(this.now());
      return undefined;
    });
  }

  setWeight(nodeId: string, weight: number): Promise<void> {
    return this.editModel((grid) => {
      const rows = modelTableRows(grid);
      const row = rows?.byId.get(nodeId);
      if (!rows || row === undefined) return t(this.lang, "excel.error.unknownNode", { id: nodeId });
      return [{ row, col: rows.weightCol, value: weight }];
    });
  }

  /** Sets several weights in one write (what-if weights applied); unknown ids refuse the whole change. */
  setWeights(weights: Record<string, number>): Promise<void> {
    return this.editModel((grid) => {
      const rows = modelTableRows(grid);
      const cells: { row: number; col: number; value: number }[] = [];
      for (const [nodeId, weight] of Object.entries(weights)) {
        const row = rows?.byId.get(nodeId);
        if (!rows || row === undefined) return t(this.lang, "excel.error.unknownNode", { id: nodeId });
        cells.push({ row, col: rows.weightCol, value: weight });
      }
      return cells;
    });
  }

  resetWeights(): Promise<void> {
    return this.editModel((grid) => {
      const rows = modelTableRows(grid);
      if (!rows) return t(this.lang, "excel.error.unknownNode", { id: MODEL_COLUMNS.weight });
      return [...rows.byId.values()].map((row) => ({ row, col: rows.weightCol, value: 1 }));
    });
  }

  setAnswer(measureId: string, question: ChecklistQuestion, answer: Answer): Promise<void> {
    return this.act(async () => {
      const refused = await this.refusedWrite();
      if (refused) return refused;
      const message = await this.host.run(async (ctx) => {
        const { sheets, tables } = await listSheets(ctx);
        if (!sheets.includes(SHEETS.checklist)) return t(this.lang, "excel.error.noChecklist");
        const read = queueSheetRead(ctx, SHEETS.checklist);
        const bounds = queueTableBounds(ctx, tables);
        await ctx.sync();
        const [grid] = attachTableBounds([gridOf(read)], bounds);
        const region = findChecklistRegion(grid);
        const table = region ? readChecklistTable(grid, region) : undefined;
        const idCol = table?.columns.id;
        const col = table?.columns[question];
        const row = region && idCol !== undefined ? rowById(grid, region, idCol, measureId) : undefined;
        if (row === undefined || col === undefined) return t(this.lang, "excel.error.unknownMeasure", { id: measureId });
        const word = answer === true ? CHECKLIST_WORDS.yes : answer === false ? CHECKLIST_WORDS.no : "";
        ctx.workbook.worksheets.getItem(SHEETS.checklist).getRangeByIndexes(row, col, 1, 1).values = [[word]];
        await ctx.sync();
        return undefined;
      });
      if (message) return new Refusal(message);
      await this.refresh(this.now());
      return undefined;
    });
  }

  createChecklist(): Promise<void> {
    return this.act(async () => {
      const refused = await this.refusedWrite();
      if (refused) return refused;
      const count = await this.host.run(async (ctx) => {
        const { sheets, tables } = await listSheets(ctx);
        if (sheets.some((s) => s.toLowerCase() === SHEETS.checklist.toLowerCase())) return new Refusal(t(this.lang, "excel.conflict", { sheet: SHEETS.checklist }));
        const read = queueSheetRead(ctx, SHEETS.scoring);
        const bounds = queueTableBounds(ctx, tables);
        await ctx.sync();
        const [grid] = attachTableBounds([gridOf(read)], bounds);
        const region = findScoringRegion(grid);
        const model = this.state.model ?? defaultModel();
        const measures = region ? readScoringTable(grid, region, model).measures : [];
        ctx.runtime.enableEvents = false;
        writeChecklistSheet(
          ctx,
          measures.map((m) => ({ id: m.id, name: m.name, actor: m.actor ?? "" })),
          this.lang,
        );
        ctx.runtime.enableEvents = true;
        await ctx.sync();
        return measures.length;
      });
      if (count instanceof Refusal) return count;
      this.watching = false;
      await this.refresh(this.now());
      return t(this.lang, "excel.notice.checklistCreated", { count });
    });
  }

  resolveOrphan(measureId: string, choice: "add" | "remove"): Promise<void> {
    return this.act(async () => {
      const refused = await this.refusedWrite();
      if (refused) return refused;
      const result = await this.host.run(async (ctx) => {
        const existing = await listSheets(ctx);
        if (!existing.sheets.includes(SHEETS.checklist)) return new Refusal(t(this.lang, "excel.error.noChecklist"));
        // With formulas: a removed row goes to the log as it was typed (=1+2, not 3).
        const sReadQ = queueSheetRead(ctx, SHEETS.scoring, true);
        const cReadQ = queueSheetRead(ctx, SHEETS.checklist, true);
        const bounds = queueTableBounds(ctx, existing.tables);
        await ctx.sync();
        const [sGrid, cGrid] = attachTableBounds([gridOf(sReadQ), gridOf(cReadQ)], bounds);
        const model = this.state.model ?? defaultModel();
        const sRegion = findScoringRegion(sGrid);
        const cRegion = findChecklistRegion(cGrid);
        const scoring = sRegion ? readScoringTable(sGrid, sRegion, model) : undefined;
        const checklist = cRegion ? readChecklistTable(cGrid, cRegion) : undefined;
        const inScoring = scoring?.measures.find((m) => m.id === measureId);
        const inChecklist = checklist?.rows.find((r) => r.id === measureId);
        if (!scoring || !checklist || !sRegion || !cRegion || (inScoring === undefined) === (inChecklist === undefined)) {
          return new Refusal(t(this.lang, "excel.error.unknownMeasure", { id: measureId }));
        }
        const name = inScoring?.name ?? inChecklist?.name ?? measureId;
        ctx.runtime.enableEvents = false;
        if (choice === "add") {
          if (inScoring) {
            ctx.workbook.tables.getItem(TABLES.checklist).rows.add(undefined, [checklistRowFor({ id: measureId, name, actor: inScoring.actor ?? "" })]);
          } else {
            const row = new Array<string>(scoringHeaders(model).length).fill("");
            row[0] = asText(measureId);
            row[1] = asText(name);
            row[3] = asText(inChecklist!.actor);
            ctx.workbook.tables.getItem(TABLES.scoring).rows.add(undefined, [row]);
          }
        } else {
          // Removing is what the person asked for; the row's content goes to the log first.
          const [grid, region, row] = inScoring ? [sGrid, sRegion, scoring.rowOf.get(measureId)!] : [cGrid, cRegion, inChecklist!.row];
          const width = region.lastCol - region.firstCol + 1;
          const before = Array.from({ length: width }, (_, i) => describeCell(grid.rows[row]?.[region.firstCol + i]));
          queueLog(ctx, existing, [[this.options.clock?.() ?? new Date(), t(this.state.workbookLang ?? "nb", "excel.log.removed", { sheet: grid.name }), address(grid.name, row, region.firstCol, { row, col: region.lastCol }), before.join(" | "), "", name]]);
          ctx.workbook.worksheets.getItem(grid.name).getRangeByIndexes(row, region.firstCol, 1, width).delete("Up");
        }
        ctx.runtime.enableEvents = true;
        await ctx.sync();
        const sheet = choice === "add" ? (inScoring ? SHEETS.checklist : SHEETS.scoring) : inScoring ? SHEETS.scoring : SHEETS.checklist;
        return t(this.lang, choice === "add" ? "excel.notice.orphanAdded" : "excel.notice.orphanRemoved", { name, sheet });
      });
      if (result instanceof Refusal) return result;
      await this.refresh(this.now());
      return result;
    });
  }

  /** Saved rounds and the baseline: their code (src/excel/rounds-actions.ts, rounds.ts) and strings load on first use. */
  readonly rounds: RoundActions = (() => {
    const control: RoundsControl = {
      act: (work) => this.act(async () => {
        const r = await work();
        return typeof r === "object" ? new Refusal(r.refused) : r;
      }),
      set: (patch) => this.set(patch),
      refresh: () => this.refresh(this.now()),
      host: this.host,
      lang: () => this.lang,
      clock: () => this.options.clock?.() ?? new Date(),
    };
    const call =
      <K extends keyof RoundActions>(k: K) =>
      async (...args: Parameters<RoundActions[K]>): Promise<void> =>
        ((await import("./rounds-actions")).roundActions(control)[k] as (...a: Parameters<RoundActions[K]>) => Promise<void>)(...args);
    return { load: call("load"), save: call("save"), remove: call("remove"), choose: call("choose"), importFile: call("importFile") };
  })();

  /** Several scorers (the Vurderere view): their code (src/excel/scorers-actions.ts, scorers.ts) and strings load on first use. */
  readonly scorers: ScorerActions = (() => {
    const control: ScorersControl = {
      set: (patch) => this.set(patch),
      refresh: () => this.refresh(this.now()),
      host: this.host,
      lang: () => this.lang,
      clock: () => this.options.clock?.() ?? new Date(),
    };
    const actions = async () => (await import("./scorers-actions")).scorerActions(control);
    return {
      load: async () => (await actions()).load(),
      create: async () => (await actions()).create(),
      add: async (scorer, rows, replace) => (await actions()).add(scorer, rows, replace),
    };
  })();

  setTieBreak(groupIds: string[]): Promise<void> {
    return this.editModel((grid) => {
      const at = settingCell(grid, SETTINGS_KEYS.tieBreak);
      if (!at) return t(this.lang, "excel.error.unknownNode", { id: SETTINGS_KEYS.tieBreak });
      return [{ ...at, value: groupIds.join(", ") }];
    });
  }
}

/** The row of a measure (by its ID cell) in a table found on a grid, and the table's columns. */
function rowById(grid: Grid, region: TableRegion, idCol: number, id: string): number | undefined {
  for (let r = region.headerRow + 1; r <= region.lastRow; r++) {
    const v = grid.rows[r]?.[idCol]?.value;
    if (v !== null && v !== undefined && String(v).trim() === id) return r;
  }
  return undefined;
}

/** Rows of the Modell table by node id, and the weight column. */
function modelTableRows(grid: Grid): { byId: Map<string, number>; weightCol: number } | undefined {
  for (let r = 0; r < grid.rows.length; r++) {
    const row = grid.rows[r] ?? [];
    const idCol = row.findIndex((_, c) => textAt(grid, r, c) === MODEL_COLUMNS.id);
    const weightCol = row.findIndex((_, c) => textAt(grid, r, c) === MODEL_COLUMNS.weight);
    if (idCol < 0 || weightCol < 0) continue;
    const byId = new Map<string, number>();
    const table = tableOn(grid, TABLES.model);
    const last = table && table.headerRow === r ? Math.min(table.lastRow, grid.rows.length - 1) : grid.rows.length - 1;
    for (let rr = r + 1; rr <= last; rr++) {
      const id = textAt(grid, rr, idCol);
      if (id === undefined) break;
      byId.set(id, rr);
    }
    return { byId, weightCol };
  }
  return undefined;
}

/** The value cell of a setting in the settings table (Innstilling · Verdi). */
function settingCell(grid: Grid, key: string): { row: number; col: number } | undefined {
  for (let r = 0; r < grid.rows.length; r++) {
    const row = grid.rows[r] ?? [];
    for (let c = 0; c < row.length; c++) {
      if (textAt(grid, r, c) !== SETTINGS_HEADERS[0] || textAt(grid, r, c + 1) !== SETTINGS_HEADERS[1]) continue;
      const table = tableOn(grid, TABLES.settings);
      const last = table && table.headerRow === r ? Math.min(table.lastRow, grid.rows.length - 1) : grid.rows.length - 1;
      for (let rr = r + 1; rr <= last; rr++) {
        const k = textAt(grid, rr, c);
        if (k === undefined) break;
        if (normalize(k) === normalize(key)) return { row: rr, col: c + 1 };
      }
    }
  }
  return undefined;
}
