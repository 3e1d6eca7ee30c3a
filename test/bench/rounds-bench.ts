/**
 * Saved rounds at 200 measures (generated, seeded): in the in-memory Excel, saving the 10th round
 * (syncs, ms, characters a round takes), reading and checking all 10 rounds, and one recompute with
 * a baseline against one without (the movement column); in the core, the movement of 200 measures
 * against a baseline and the comparison of two rounds (what the pane does on every render of Rangering
 * and of the comparison view). Medians of ROUNDS_RUNS runs after a warm-up.
 *
 * Environment: ROUNDS_N (measures, default 200), ROUNDS_RUNS (default 21).
 * Run: npx tsx test/bench/rounds-bench.ts; `npm run bench` runs it as its section «rounds».
 */
import { defaultModel } from "../../src/core/model";
import { movesAgainst } from "../../src/core/movement";
import { baselineOf, compareRounds, roundFromAssessment } from "../../src/core/rounds";
import { createLayout } from "../../src/excel/layout";
import { recompute } from "../../src/excel/recompute";
import { deleteRound, loadRounds, saveRound } from "../../src/excel/rounds";
import { SHEETS } from "../../src/grid/layout";
import { roundCells } from "../../src/grid/rounds-store";
import { newStore } from "../../src/grid/store";
import { emptyWorkbook, generatedRows } from "../excel/helpers";

const N = Number(process.env.ROUNDS_N ?? 200);
const RUNS = Number(process.env.ROUNDS_RUNS ?? 21);

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
};

async function timed<T>(f: () => Promise<T> | T): Promise<{ ms: number; value: T }> {
  const t = performance.now();
  const value = await f();
  return { ms: performance.now() - t, value };
}

/** The figures above (no goal of its own). */
export async function roundsBench(): Promise<[]> {
  const model = defaultModel();
  const wb = emptyWorkbook();
  await wb.run((ctx) => createLayout(ctx, model, generatedRows(N), newStore(model, N + 1), "nb"));
  const first = await wb.run((ctx) => recompute(ctx, "nb"));
  if (first.kind !== "ready") throw new Error(first.kind);

  // A recompute without rounds, for comparison.
  const without: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    wb.userEdit(SHEETS.scoring, "E3", String(i % 11));
    without.push((await timed(() => wb.run((ctx) => recompute(ctx, "nb")))).ms);
  }

  // Nine rounds, then the tenth timed (deleted and saved again RUNS times).
  for (let i = 1; i <= 9; i++) {
    const r = await wb.run((ctx) => saveRound(ctx, `Runde ${i}`, "nb", new Date()));
    if (!r.ok) throw new Error(r.message);
  }
  const saves: number[] = [];
  let syncs = 0;
  let chars = 0;
  for (let i = 0; i < RUNS; i++) {
    wb.resetSyncCount();
    const { ms, value } = await timed(() => wb.run((ctx) => saveRound(ctx, "Runde 10", "nb", new Date())));
    if (!value.ok) throw new Error(value.message);
    syncs = wb.syncCount;
    chars = roundCells(value.value).reduce((n, [v]) => n + String(v).length, 0);
    saves.push(ms);
    if (i < RUNS - 1) {
      const d = await wb.run((ctx) => deleteRound(ctx, value.value.id, "nb", new Date()));
      if (!d.ok) throw new Error(d.message);
    }
  }

  const loads: number[] = [];
  let loaded = 0;
  for (let i = 0; i < RUNS; i++) {
    const { ms, value } = await timed(() => wb.run((ctx) => loadRounds(ctx, "nb")));
    if (!value.ok) throw new Error(value.message);
    loaded = value.value.rounds.length;
    loads.push(ms);
  }

  const withBaseline: number[] = [];
  let recomputeSyncs = 0;
  for (let i = 0; i < RUNS; i++) {
    wb.userEdit(SHEETS.scoring, "E3", String((i + 3) % 11));
    wb.resetSyncCount();
    withBaseline.push((await timed(() => wb.run((ctx) => recompute(ctx, "nb")))).ms);
    recomputeSyncs = wb.syncCount;
  }

  const now = await wb.run((ctx) => recompute(ctx, "nb"));
  if (now.kind !== "ready" || !now.baseline) throw new Error("no baseline");
  const a = now.read.assessment;
  const round = roundFromAssessment(first.read.assessment, { id: "R0", name: "før", savedAt: new Date().toISOString(), source: "workbook" });
  const baseline = baselineOf(round);
  const moves: number[] = [];
  const compares: number[] = [];
  let moved = 0;
  let changed = 0;
  for (let i = 0; i < RUNS + 5; i++) {
    const m = await timed(() => movesAgainst(baseline, a.measures));
    const c = await timed(() => compareRounds(round, roundFromAssessment(a, { id: "now", name: "nå", savedAt: new Date().toISOString(), source: "workbook" })));
    if (i >= 5) {
      moves.push(m.ms);
      compares.push(c.ms);
    }
    moved = m.value.size;
    changed = c.value.cells.length;
  }

  console.log(`rounds, ${N} measures`);
  console.log(`  save the 10th round: median ${median(saves).toFixed(1)} ms, ${syncs} syncs, ${chars} characters in its column`);
  console.log(`  read and check ${loaded} rounds: median ${median(loads).toFixed(1)} ms`);
  console.log(`  recompute after a score edit: without rounds ${median(without).toFixed(1)} ms, with a baseline ${median(withBaseline).toFixed(1)} ms (${recomputeSyncs} syncs)`);
  console.log(`  movement against the baseline (core): median ${median(moves).toFixed(3)} ms  [${moved} moved]`);
  console.log(`  comparison of a round with now (core, incl. the round of now): median ${median(compares).toFixed(3)} ms  [${changed} cells changed]\n`);
  return [];
}

if (require.main === module)
  void roundsBench().catch((e) => {
    console.error(e);
    process.exitCode = 1;
  });
