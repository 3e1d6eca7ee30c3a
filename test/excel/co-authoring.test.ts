/**
 * Co-authoring (issue 22): two people's panes on one workbook in the in-memory Excel, each in its
 * own session (a change is Local to its person's add-in and Remote to the other's). A pane writes
 * for its own person's changes and only refreshes its views for a co-author's; a co-author's edit
 * that arrives while the pane writes makes the pane's next pass write too; two panes editing at
 * once duplicate nothing, lose nothing and agree.
 */
import { defaultModel, leaves } from "../../src/core/model";
import { ExcelController } from "../../src/excel/controller";
import type { ExcelHost } from "../../src/excel/host";
import { createLayout } from "../../src/excel/layout";
import { recompute } from "../../src/excel/recompute";
import { CHECKLIST_WORDS, SHEETS } from "../../src/grid/layout";
import { newStore, STORE_SHEET } from "../../src/grid/store";
import { readStoreSlots } from "../../src/grid/workbook";
import type { SimSession, SimWorkbook } from "../../src/sim/workbook";
import { emptyWorkbook, generatedRows, hostOf, settle, valueAt } from "./helpers";

const CLOCK = () => new Date("2026-11-23T10:00:00Z");

async function layout(n: number): Promise<SimWorkbook> {
  const wb = emptyWorkbook();
  wb.today = new Date(2026, 0, 15);
  const made = await wb.run((ctx) => createLayout(ctx, defaultModel(), generatedRows(n), newStore(defaultModel(), n + 1), "nb"));
  if (!made.ok) throw new Error(made.message);
  await wb.run((ctx) => recompute(ctx, "nb"));
  return wb;
}

const sessionHost = (s: SimSession): ExcelHost => ({ run: (batch) => s.run(batch) });

/**
 * A host whose every sync takes a round trip of 0–`ms` milliseconds after Excel has done it (as on
 * the web), so two panes' syncs interleave: one pane's read and its write have the other's between.
 */
function slow(run: ExcelHost["run"], rnd: () => number, ms: number): ExcelHost {
  return {
    run: (batch) =>
      run(async (ctx) => {
        const sync = ctx.sync.bind(ctx);
        ctx.sync = (async () => {
          await sync();
          await settle(Math.floor(rnd() * ms));
        }) as typeof ctx.sync;
        return batch(ctx);
      }),
  };
}

async function pane(host: ExcelHost): Promise<ExcelController> {
  const c = new ExcelController(host, "nb", { clock: CLOCK });
  await c.start();
  return c;
}

/** The sheet's column (0-based) of a header on its header row. */
function columnOf(wb: SimWorkbook, sheet: string, header: string): { headerRow: number; col: number } {
  const g = wb.gridOf(sheet);
  for (let r = 0; r < g.rows.length; r++) {
    const c = (g.rows[r] ?? []).findIndex((x) => x?.value === header);
    if (c >= 0) return { headerRow: r, col: c };
  }
  throw new Error(`${sheet}: no ${header}`);
}

/** The ids down a table's ID column, blank ones as "", up to the first row with nothing at all. */
function idsIn(wb: SimWorkbook, sheet: string): string[] {
  const { headerRow, col } = columnOf(wb, sheet, "ID");
  const g = wb.gridOf(sheet);
  const out: string[] = [];
  for (let r = headerRow + 1; r < g.rows.length; r++) {
    const row = g.rows[r] ?? [];
    if (!row.some((x) => x?.value !== null && x?.value !== undefined && x?.value !== "")) break;
    out.push(String(row[col]?.value ?? ""));
  }
  return out;
}

const A1 = (row0: number, col0: number) => `${String.fromCharCode(65 + col0)}${row0 + 1}`;

/** What a pane shows: each measure's id, name, total and rank. */
const shown = (c: ExcelController) => c.getState().assessment?.measures.map((m) => [m.id, m.name, m.total, m.rank]);

/** The workbook is as the add-in would leave it: a recompute from scratch writes nothing, and it is what both panes show. */
async function settledAndAgreed(wb: SimWorkbook, panes: ExcelController[]): Promise<void> {
  const fresh = await wb.run((ctx) => recompute(ctx, "nb", CLOCK, { write: false }));
  if (fresh.kind !== "ready") throw new Error(fresh.kind);
  const truth = fresh.read.assessment.measures.map((m) => [m.id, m.name, m.total, m.rank]);
  for (const p of panes) expect([p.getState().status, p.getState().error]).toEqual(["ready", undefined]);
  for (const p of panes) expect(shown(p)).toEqual(truth);
  wb.resetCellWrites();
  await wb.run((ctx) => recompute(ctx, "nb", CLOCK));
  expect(wb.cellWrites).toBe(0);
}

describe("a co-author's change", () => {
  test("refreshes the pane's views and writes nothing: a co-author without the add-in leaves Rangering to Beregn på nytt", async () => {
    const wb = await layout(6);
    const ola = await pane(hostOf(wb));
    const kari = wb.session("Kari");
    const before = valueAt(wb, SHEETS.ranking, "C2");
    wb.resetCellWrites();
    kari.userEdit(SHEETS.scoring, "E3", "0");
    kari.userEdit(SHEETS.scoring, "F3", "0");
    await settle(80);
    const t1 = ola.getState().assessment!.measures.find((m) => m.id === "T0001")!;
    expect(t1.leaves["maal.behov"]).toMatchObject({ kind: "score", value: 0 });
    expect(wb.cellWrites).toBe(0);
    expect(valueAt(wb, SHEETS.ranking, "C2")).toBe(before);
    await ola.recalc();
    expect(wb.cellWrites).toBeGreaterThan(0);
    await settledAndAgreed(wb, [ola]);
  });

  test("with both panes open, the co-author's pane writes it once and both panes show it", async () => {
    const wb = await layout(6);
    const kariSession = wb.session("Kari");
    const ola = await pane(hostOf(wb));
    const kari = await pane(sessionHost(kariSession));
    kariSession.userEdit(SHEETS.scoring, "E4", "10");
    wb.userEdit(SHEETS.scoring, "F5", "0");
    await settle(120);
    await settledAndAgreed(wb, [ola, kari]);
    expect(kari.getState().assessment!.measures.find((m) => m.id === "T0002")!.leaves["maal.behov"]).toMatchObject({ value: 10 });
  });

  test("arriving while the pane writes what it read before it: the pane's next pass writes again, so nothing stale stays", async () => {
    const wb = await layout(6);
    const kariSession = wb.session("Kari");
    // Ola's pane stops between its read (sync 2) and its write (sync 3) while `hold` is set.
    let hold: Promise<void> | undefined;
    let release: () => void = () => undefined;
    let held: () => void = () => undefined;
    const ola = await pane({
      run: (batch) =>
        wb.run(async (ctx) => {
          const sync = ctx.sync.bind(ctx);
          let n = 0;
          ctx.sync = (async () => {
            await sync();
            if (++n === 2 && hold) {
              held();
              await hold;
            }
          }) as typeof ctx.sync;
          return batch(ctx);
        }),
    });
    const kari = await pane(sessionHost(kariSession));

    hold = new Promise((resolve) => (release = resolve));
    const reached = new Promise<void>((resolve) => (held = resolve));
    wb.userEdit(SHEETS.scoring, "E3", "0");
    await reached;
    hold = undefined;
    // Kari types into the same measure; her pane writes its Score while Ola's pane holds an older read.
    kariSession.userEdit(SHEETS.scoring, "F3", "0");
    await settle(80);
    const kariScore = valueAt(wb, SHEETS.ranking, "C2");
    release();
    await settle(150);
    await settledAndAgreed(wb, [ola, kari]);
    const t1 = ola.getState().assessment!.measures.find((m) => m.id === "T0001")!;
    const [e, f] = leaves(defaultModel());
    expect([t1.leaves[e.id], t1.leaves[f.id]]).toMatchObject([
      { kind: "score", value: 0 },
      { kind: "score", value: 0 },
    ]);
    // Ola's pass wrote T0001's Score as it read it (without Kari's 0); the pass after wrote it right.
    expect(kariScore).toBe(valueAt(wb, SHEETS.ranking, "C2"));
  });
});

/** A pane whose recompute stops between its read (sync 2) and its write while the returned `hold` is set. */
function holding(run: ExcelHost["run"]): { host: ExcelHost; hold: () => { reached: Promise<void>; release: () => void } } {
  let gate: Promise<void> | undefined;
  let held: () => void = () => undefined;
  const host: ExcelHost = {
    run: (batch) =>
      run(async (ctx) => {
        const sync = ctx.sync.bind(ctx);
        let n = 0;
        ctx.sync = (async () => {
          await sync();
          if (++n === 2 && gate) {
            const g = gate;
            gate = undefined;
            held();
            await g;
          }
        }) as typeof ctx.sync;
        return batch(ctx);
      }),
  };
  return {
    host,
    hold: () => {
      let release: () => void = () => undefined;
      gate = new Promise((resolve) => (release = resolve));
      const reached = new Promise<void>((resolve) => (held = resolve));
      return { reached, release };
    },
  };
}

test("a mark the co-author's pane removed while this pane held its read: the write finds it gone, the pane reads again and is ready", async () => {
  const wb = await layout(6);
  const kariSession = wb.session("Kari");
  const o = holding((b) => wb.run(b));
  const ola = await pane(o.host);
  const kari = await pane(sessionHost(kariSession));
  wb.userEdit(SHEETS.scoring, "E6", "sju");
  await settle(100);
  const marks = () => wb.conditionalFormats(SHEETS.scoring).filter((cf) => JSON.stringify(cf.props).includes("PrioMerknad")).length;
  expect(marks()).toBe(1);
  // Both put the score right at once; Ola's pane has read the mark and holds while Kari's pane removes it.
  const h = o.hold();
  kariSession.userEdit(SHEETS.scoring, "E6", "7");
  wb.userEdit(SHEETS.scoring, "E6", "7");
  await h.reached;
  await settle(80);
  expect(marks()).toBe(0);
  h.release();
  await settle(150);
  expect([ola.getState().status, ola.getState().error]).toEqual(["ready", undefined]);
  expect(marks()).toBe(0);
  await settledAndAgreed(wb, [ola, kari]);
});

/** A small seeded generator. */
function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

describe("two panes editing at once (property)", () => {
  // Time is jest's: every round trip and every pause is on a clock the test moves, so each seed is one schedule, the same every run.
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());
  const pass = (ms: number) => jest.advanceTimersByTimeAsync(ms);

  test.each([1, 2, 3, 4, 5, 6, 7, 8])("seed %i: nothing duplicated, nothing lost, both panes agree", async (seed) => {
    const rnd = rng(seed);
    const pick = <T>(xs: readonly T[]) => xs[Math.floor(rnd() * xs.length)];
    const wb = await layout(5);
    const kariSession = wb.session("Kari");
    const ola = new ExcelController(slow((b) => wb.run(b), rnd, 15), "nb", { clock: CLOCK });
    const kari = new ExcelController(slow((b) => kariSession.run(b), rnd, 15), "nb", { clock: CLOCK });
    const started = Promise.all([ola.start(), kari.start()]);
    await pass(500);
    await started;
    const people = [
      { edit: (s: string, a: string, v: string) => wb.userEdit(s, a, v), name: "Ola" },
      { edit: (s: string, a: string, v: string) => kariSession.userEdit(s, a, v), name: "Kari" },
    ];
    const scoring = columnOf(wb, SHEETS.scoring, "Tiltak");
    const checklistName = columnOf(wb, SHEETS.checklist, "Tiltak");
    const firstQuestion = columnOf(wb, SHEETS.checklist, "Digitalisering vesentlig?");
    const typedNames: string[] = [];
    const renamed = new Map<string, string>();

    for (let round = 0; round < 8; round++) {
      // One of them adds a measure on the row under Vurdering (never both into one cell); the other edits something.
      const adder = round % 2;
      for (let who = 0; who < 2; who++) {
        const p = people[who];
        const rows = idsIn(wb, SHEETS.scoring).length;
        const kind = who === adder ? "add" : pick(["score", "score", "rename", "answer"] as const);
        if (kind === "add") {
          const name = `${p.name} sitt tiltak ${round}`;
          typedNames.push(name);
          p.edit(SHEETS.scoring, A1(scoring.headerRow + 1 + rows, scoring.col), name);
        } else if (kind === "score") {
          const r = scoring.headerRow + 1 + Math.floor(rnd() * rows);
          p.edit(SHEETS.scoring, A1(r, 4 + Math.floor(rnd() * 5)), pick(["0", "3", "7,5", "10"]));
        } else {
          // Renamed and answered: the first five measures (the names typed stay as typed).
          const cl = idsIn(wb, SHEETS.checklist);
          const i = cl.indexOf(`T000${1 + Math.floor(rnd() * 5)}`);
          if (i < 0) throw new Error("a first measure is missing from Sjekkliste");
          if (kind === "rename") {
            const name = `Omdøpt av ${p.name} ${round}`;
            renamed.set(cl[i], name);
            p.edit(SHEETS.checklist, A1(checklistName.headerRow + 1 + i, checklistName.col), name);
          } else {
            p.edit(SHEETS.checklist, A1(firstQuestion.headerRow + 1 + i, firstQuestion.col + Math.floor(rnd() * 3)), pick([CHECKLIST_WORDS.yes, CHECKLIST_WORDS.no]));
          }
        }
        await pass(Math.floor(rnd() * 25));
      }
    }
    await pass(2000);

    const vIds = idsIn(wb, SHEETS.scoring);
    const cIds = idsIn(wb, SHEETS.checklist);
    // Every row has an id, no id twice, and the two tables hold the same measures.
    expect(vIds.filter((x) => x === "")).toEqual([]);
    expect(new Set(vIds).size).toBe(vIds.length);
    expect(new Set(cIds).size).toBe(cIds.length);
    expect([...cIds].sort()).toEqual([...vIds].sort());
    expect(vIds).toHaveLength(5 + typedNames.length);
    // Every name typed is there once; every rename typed in Sjekkliste is the measure's name.
    const names = ola.getState().assessment!.measures.map((m) => m.name);
    for (const n of typedNames) expect([n, names.filter((x) => x === n).length]).toEqual([n, 1]);
    for (const [id, name] of renamed) expect([id, ola.getState().assessment!.measures.find((x) => x.id === id)!.name]).toEqual([id, name]);
    const store = readStoreSlots([wb.gridOf(STORE_SHEET)]).read;
    expect(store.kind).toBe("ok");
    const settled = settledAndAgreed(wb, [ola, kari]);
    await pass(100);
    await settled;
  });
});
