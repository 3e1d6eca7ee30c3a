/**
 * The scorers actions' own rules, on the in-memory workbook: of two reads that overlap, the one
 * started last is the one the view gets, whichever finishes first; and busy ends when a write
 * throws, with the exception passed on to the view.
 */
import { defaultModel } from "../../src/core/model";
import type { ExcelHost } from "../../src/excel/host";
import { createLayout } from "../../src/excel/layout";
import { scorerActions, type ScorersControl } from "../../src/excel/scorers-actions";
import { newStore } from "../../src/grid/store";
import type { AppState } from "../../src/app/app-state";
import { emptyWorkbook, generatedRows, hostOf } from "./helpers";

const model = defaultModel();

/** A control over `host` that records what the actions set, and counts recomputes. */
function control(host: ExcelHost): ScorersControl & { patches: Partial<AppState>[]; refreshes: number } {
  const c = {
    patches: [] as Partial<AppState>[],
    refreshes: 0,
    set: (patch: Partial<AppState>) => void c.patches.push(patch),
    refresh: async () => void c.refreshes++,
    host,
    lang: () => "nb" as const,
    clock: () => new Date("2026-11-27T12:00:00Z"),
  };
  return c;
}

test("of two overlapping reads, the later started wins even when it finishes first", async () => {
  const wb = emptyWorkbook();
  await wb.run((ctx) => createLayout(ctx, model, generatedRows(3), newStore(model, 4, "nb"), "nb"));
  const real = hostOf(wb);
  // The first read is held until the second has finished.
  let releaseFirst!: () => void;
  const firstMayGo = new Promise<void>((resolve) => (releaseFirst = resolve));
  let calls = 0;
  const host: ExcelHost = {
    run: async (batch) => {
      calls++;
      if (calls === 1) await firstMayGo;
      return real.run(batch);
    },
  };
  const c = control(host);
  const actions = scorerActions(c);
  const first = actions.load();
  await actions.load();
  expect(c.patches).toHaveLength(1);
  const second = c.patches[0].scorers!;
  releaseFirst();
  await first;
  // The earlier read finished last and is dropped: the view keeps the later one.
  expect(c.patches).toHaveLength(1);
  expect(second.read?.assessment.measures).toHaveLength(3);
  expect(second.hasSheet).toBe(false);
});

test("a write that throws ends busy, recomputes nothing and passes the exception on", async () => {
  const failing: ExcelHost = { run: async () => Promise.reject(new Error("the workbook is in cell-edit mode")) };
  const c = control(failing);
  await expect(scorerActions(c).create()).rejects.toThrow("the workbook is in cell-edit mode");
  expect(c.patches).toEqual([{ busy: true, notice: undefined, noticeKind: undefined }, { busy: false }]);
  expect(c.refreshes).toBe(0);
});
