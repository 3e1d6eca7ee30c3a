/**
 * When the controller recomputes after changes on the add-in's sheets: at once (leading edge, no
 * quiet period to wait for), the events of one paste as one recompute, and a change made while a
 * recompute runs never lost: exactly one more recompute after it, which sees the change.
 */
import type { AppState } from "../../src/app/app-state";
import { ExcelController } from "../../src/excel/controller";
import type { ExcelHost } from "../../src/excel/host";
import { SHEETS } from "../../src/grid/layout";
import { SimWorkbook } from "../../src/sim/workbook";
import { hostOf, meetingWorkbook, settle } from "./helpers";

/** The meeting imported into the add-in's layout, with a controller that counts its recomputes. */
async function imported(host?: (wb: SimWorkbook) => ExcelHost): Promise<{ wb: SimWorkbook; c: ExcelController; recomputes: () => number }> {
  const wb = await meetingWorkbook();
  const c = new ExcelController(host ? host(wb) : hostOf(wb), "nb", { clock: () => new Date("2026-11-23T10:00:00Z") });
  await c.start();
  await c.importLegacy();
  expect(c.getState().status).toBe("ready");
  let count = 0;
  let last: AppState["assessment"] = c.getState().assessment;
  c.subscribe((s) => {
    if (s.assessment !== last) count++;
    last = s.assessment;
  });
  return { wb, c, recomputes: () => count };
}

/** The Vurdering row (1-based) of a measure, from the cell of its ID. */
function rowOf(wb: SimWorkbook, id: string): number {
  for (let r = 3; r < 40; r++) if (wb.getCell(SHEETS.scoring, `A${r}`).value === id) return r;
  throw new Error(`no row for ${id}`);
}

const LEAF_COLS = ["E", "F", "G", "H", "I", "J", "K", "L", "M", "N", "O"];

test("a paste of many cells (one event per cell, all before the next task) is one recompute that sees every cell", async () => {
  const { wb, c, recomputes } = await imported();
  const ids = c.getState().assessment!.measures.map((m) => m.id);
  // 14 measures × 11 questions = 154 cells, each its own change event.
  for (const id of ids) {
    const r = rowOf(wb, id);
    for (const col of LEAF_COLS) wb.userEdit(SHEETS.scoring, `${col}${r}`, "10");
  }
  await settle(200);
  expect(recomputes()).toBe(1);
  const ms = c.getState().assessment!.measures;
  expect(ms).toHaveLength(14);
  for (const m of ms) expect(m).toMatchObject({ total: 30, rank: 1, tied: true });
});

test("a change made while a recompute runs gives exactly one more recompute, which sees it", async () => {
  // The host holds each batch's result until released, so a recompute can be caught mid-way.
  let hold: Promise<void> | undefined;
  let release: () => void = () => undefined;
  let held: () => void = () => undefined;
  const { wb, c, recomputes } = await imported((wb) => ({
    run: async (batch) => {
      const result = await wb.run(batch);
      if (hold) {
        held();
        await hold;
      }
      return result;
    },
  }));
  const pll = c.getState().assessment!.measures.find((m) => m.name === "PLL")!;
  const r = rowOf(wb, pll.id);

  hold = new Promise((resolve) => (release = resolve));
  const reached = new Promise<void>((resolve) => (held = resolve));
  wb.userEdit(SHEETS.scoring, `E${r}`, "0"); // Måloppnåelse (0 + 10) / 2 = 5: total 18.75
  await reached; // the first recompute has read the sheet and is held
  // Its ranking is shown already (published once assessed, before its writes), with the first edit only.
  expect(recomputes()).toBe(1);
  expect(c.getState().assessment!.measures.find((m) => m.id === pll.id)!.total).toBe(18.75);
  wb.userEdit(SHEETS.scoring, `F${r}`, "0"); // Måloppnåelse 0: total 13.75
  await settle(50);
  hold = undefined;
  release();
  await settle(200);

  expect(recomputes()).toBe(2);
  const after = c.getState().assessment!.measures.find((m) => m.id === pll.id)!;
  expect(after.values.maal).toBe(0);
  expect(after.total).toBe(13.75);
});

test("a single edit starts its recompute in the next task, without waiting for a quiet period", async () => {
  let runs = 0;
  const { wb, c } = await imported((wb) => ({
    run: (batch) => {
      runs++;
      return wb.run(batch);
    },
  }));
  const pll = c.getState().assessment!.measures.find((m) => m.name === "PLL")!;
  const row = rowOf(wb, pll.id);
  jest.useFakeTimers({ doNotFake: ["queueMicrotask", "nextTick", "setImmediate"] });
  try {
    runs = 0;
    wb.userEdit(SHEETS.scoring, `E${row}`, "0");
    for (let i = 0; i < 5; i++) await Promise.resolve(); // the change event is delivered
    expect(runs).toBe(0);
    jest.advanceTimersByTime(0); // the next task: no 250 ms of quiet needed
    expect(runs).toBe(1);
  } finally {
    jest.useRealTimers();
  }
  await settle(100);
  expect(c.getState().assessment!.measures.find((m) => m.id === pll.id)!.total).toBe(18.75);
});
