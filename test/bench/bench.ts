/**
 * `npm run bench` — our scoring core against a spreadsheet engine on the same data.
 *
 * How to read the figures:
 * - Data: 10 000 measures × 11 leaves from a seeded PRNG (same numbers every run), mostly whole
 *   scores 0–10, some half steps, a few blanks and a few text cells («7,5», «7» typed as text,
 *   «Sjekke med jurist?»), so classification, missing groups and «no total» all occur.
 * - core: build the MeasureInputs from the raw rows and run assess(): classification of every
 *   cell, aggregation of every group, the total, competition ranking with tolerance, findings.
 * - HyperFormula (GPL-v3 licence key: dev-only benchmark): the same rows laid out like the
 *   legacy sheet, one row per measure: AVERAGE per group, AVERAGE(Pasient, Helsepersonell,
 *   infrastruktur) for Nytte, Måloppnåelse + Kostnader + Nytte for Score; timed from building
 *   the sheet (formula strings included) to reading every Score. "scores + ranks" adds a rank
 *   column; HyperFormula 3.5 has no RANK.EQ, so it is COUNTIF(range, ">"&score) + 1, which is
 *   RANK.EQ's definition, and is O(n²) (≈ 40 s at 10 000 rows), so it runs once by default.
 * - Runs are interleaved (core, HF, core, HF …) after a warm-up; median and min are wall-clock
 *   ms on this machine; heap Δ is heapUsed after − before (results still held, GC forced before)
 *   and is indicative only. The ratio is HyperFormula's median / the core's median.
 * - The script asserts (exit 1 otherwise) that for every measure the two agree: equal totals
 *   within 1e-9, or no total on both sides, or the one case where the legacy formulas differ from
 *   the model by design — a Nytte subgroup with no scores shows #DIV/0! and AVERAGE propagates it
 *   to Nytte and Score, while the model leaves the subgroup out (the sheet's #DIV/0! defect).
 *
 * Environment: BENCH_N (measures, default 10000), BENCH_RUNS (timed runs each, default 7),
 * BENCH_WARMUP (default 2), BENCH_RANK_RUNS (HyperFormula with ranks, default 1; 0 skips).
 */
import { HyperFormula } from "hyperformula";
import * as v8 from "v8";
import * as vm from "vm";
import { assess, type Assessment } from "../../src/core/assess";
import type { MeasureInput, ScoreCell } from "../../src/core/aggregate";
import type { CellValue } from "../../src/core/cell";
import { defaultModel, leaves } from "../../src/core/model";
import { rank } from "../../src/core/rank";
import { prng } from "../support/grids";

v8.setFlagsFromString("--expose-gc");
const gc: () => void = vm.runInNewContext("gc");

const N = Number(process.env.BENCH_N ?? 10_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 7);
const WARMUP = Number(process.env.BENCH_WARMUP ?? 2);
const RANK_RUNS = Number(process.env.BENCH_RANK_RUNS ?? 1);
const SEED = 20220921;

const model = defaultModel();
const LEAVES = leaves(model).map((l) => l.id); // maal.behov … nytte.infra, the legacy sheet's order

const TEXTS = ["7,5", "7", "Sjekke med jurist?", "ca. 5"];

function generate(n: number): CellValue[][] {
  const random = prng(SEED);
  const rows: CellValue[][] = [];
  for (let i = 0; i < n; i++) {
    const row: CellValue[] = [];
    for (let k = 0; k < LEAVES.length; k++) {
      const u = random();
      if (u < 0.02) row.push(null);
      else if (u < 0.03) row.push(TEXTS[Math.floor(random() * TEXTS.length)]);
      else if (u < 0.1) row.push(Math.floor(random() * 10) + 0.5);
      else row.push(Math.floor(random() * 11));
    }
    rows.push(row);
  }
  return rows;
}

// ---------------------------------------------------------------- core

function runCore(data: CellValue[][]): Assessment {
  const inputs: MeasureInput[] = data.map((row, i) => {
    const scores: Record<string, ScoreCell> = {};
    for (let k = 0; k < LEAVES.length; k++) scores[LEAVES[k]] = { value: row[k] };
    return { id: `m${i + 1}`, name: `Tiltak ${i + 1}`, scores };
  });
  return assess(model, inputs);
}

// ---------------------------------------------------------------- HyperFormula, legacy layout

// Columns: A–K the 11 leaves; L Måloppnåelse, M Kostnader, N Pasient, O Helsepersonell, P Nytte, Q Score, R rank.
const COL = { maal: 11, kost: 12, pasient: 13, hp: 14, nytte: 15, score: 16, rank: 17 } as const;

function legacySheet(data: CellValue[][], withRank: boolean): (string | number | null)[][] {
  const n = data.length;
  const sheet: (string | number | null)[][] = new Array(n);
  for (let i = 0; i < n; i++) {
    const r = i + 1;
    const row: (string | number | null)[] = new Array(withRank ? 18 : 17);
    for (let k = 0; k < 11; k++) {
      const v = data[i][k];
      // A text cell stays text (as typed in Excel with the cell formatted as text): the leading ' keeps "7" from being read as 7.
      row[k] = typeof v === "string" ? `'${v}` : (v as number | null);
    }
    row[COL.maal] = `=AVERAGE(A${r}:B${r})`;
    row[COL.kost] = `=AVERAGE(C${r}:F${r})`;
    row[COL.pasient] = `=AVERAGE(G${r}:H${r})`;
    row[COL.hp] = `=AVERAGE(I${r}:J${r})`;
    row[COL.nytte] = `=AVERAGE(N${r},O${r},K${r})`;
    row[COL.score] = `=L${r}+M${r}+P${r}`;
    if (withRank) row[COL.rank] = `=IF(ISNUMBER(Q${r}),COUNTIF(Q$1:Q$${n},">"&Q${r})+1,"")`;
    sheet[i] = row;
  }
  return sheet;
}

interface HfResult {
  scores: unknown[];
  pasient: unknown[];
  hp: unknown[];
  ranks?: unknown[];
}

function runHf(data: CellValue[][], withRank: boolean): HfResult {
  const hf = HyperFormula.buildFromArray(legacySheet(data, withRank), { licenseKey: "gpl-v3" });
  const n = data.length;
  const column = (col: number) => hf.getRangeValues({ start: { sheet: 0, row: 0, col }, end: { sheet: 0, row: n - 1, col } }).map((r) => r[0]);
  const out: HfResult = { scores: column(COL.score), pasient: column(COL.pasient), hp: column(COL.hp) };
  if (withRank) out.ranks = column(COL.rank);
  hf.destroy();
  return out;
}

// ---------------------------------------------------------------- timing

interface Sample {
  ms: number;
  heap: number;
}

function timed<T>(f: () => T): { value: T; sample: Sample } {
  gc();
  const heap0 = process.memoryUsage().heapUsed;
  const t0 = performance.now();
  const value = f();
  const ms = performance.now() - t0;
  const heap = process.memoryUsage().heapUsed - heap0;
  return { value, sample: { ms, heap } };
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

// ---------------------------------------------------------------- agreement

function isNumber(v: unknown): v is number {
  return typeof v === "number" && Number.isFinite(v);
}

function check(a: Assessment, hf: HfResult): { equal: number; bothNone: number; legacyDiv0: number; rankDiffers: number } {
  const byId = new Map(a.measures.map((m) => [m.id, m]));
  let equal = 0;
  let bothNone = 0;
  let legacyDiv0 = 0;
  let rankDiffers = 0;
  const problems: string[] = [];
  for (let i = 0; i < hf.scores.length; i++) {
    const m = byId.get(`m${i + 1}`)!;
    const shown = hf.scores[i];
    if (isNumber(shown)) {
      if (m.total !== null && Math.abs(m.total - shown) <= 1e-9) equal++;
      else problems.push(`row ${i + 1}: HyperFormula ${shown}, core ${m.total}`);
    } else if (m.total === null) {
      bothNone++;
    } else {
      // The legacy formulas' #DIV/0!: a Nytte subgroup without scores errors in the sheet, the model leaves it out.
      const subgroupEmpty = (m.values["nytte.pasient"] === null && !isNumber(hf.pasient[i])) || (m.values["nytte.hp"] === null && !isNumber(hf.hp[i]));
      if (subgroupEmpty && m.values.nytte !== null) legacyDiv0++;
      else problems.push(`row ${i + 1}: HyperFormula ${JSON.stringify(shown)}, core ${m.total}`);
    }
  }
  if (hf.ranks) {
    // Ranks are compared among the measures the sheet scores: the core's competition ranking of their totals.
    const scored = hf.scores.map((v, i) => (isNumber(v) ? i : -1)).filter((i) => i >= 0);
    const slots = rank(scored.map((i) => ({ total: byId.get(`m${i + 1}`)!.total })), model.tolerance);
    for (const slot of slots) if (hf.ranks[scored[slot.index]] !== slot.rank) rankDiffers++;
  }
  if (problems.length) {
    console.error(`The core and HyperFormula disagree on ${problems.length} measures:\n  ${problems.slice(0, 10).join("\n  ")}`);
    process.exit(1);
  }
  return { equal, bothNone, legacyDiv0, rankDiffers };
}

// ---------------------------------------------------------------- main

function fmt(n: number, digits = 1): string {
  return n.toLocaleString("en-GB", { minimumFractionDigits: digits, maximumFractionDigits: digits });
}

function main(): void {
  const data = generate(N);
  const flat = data.flat();
  const blanks = flat.filter((v) => v === null).length;
  const texts = flat.filter((v) => typeof v === "string").length;
  console.log(`prio bench: ${N.toLocaleString("en-GB")} measures × ${LEAVES.length} leaves (seed ${SEED}; ${blanks} blank and ${texts} text cells)`);
  console.log(`node ${process.version}, HyperFormula ${HyperFormula.version}; ${WARMUP} warm-up + ${RUNS} timed runs each, interleaved\n`);

  for (let w = 0; w < WARMUP; w++) {
    runCore(data);
    runHf(data, false);
  }
  const core: Sample[] = [];
  const hf: Sample[] = [];
  let lastCore: Assessment | undefined;
  let lastHf: HfResult | undefined;
  for (let r = 0; r < RUNS; r++) {
    const c = timed(() => runCore(data));
    core.push(c.sample);
    lastCore = c.value;
    const h = timed(() => runHf(data, false));
    hf.push(h.sample);
    lastHf = h.value;
  }
  const agreement = check(lastCore!, lastHf!);

  const ranked: Sample[] = [];
  let rankAgreement: ReturnType<typeof check> | undefined;
  for (let r = 0; r < RANK_RUNS; r++) {
    const h = timed(() => runHf(data, true));
    ranked.push(h.sample);
    rankAgreement = check(lastCore!, h.value);
  }

  const rows: [string, Sample[]][] = [
    ["core: assess() (classify, aggregate, rank)", core],
    ["HyperFormula: legacy formulas, scores", hf],
  ];
  if (ranked.length) rows.push(["HyperFormula: scores + ranks (COUNTIF)", ranked]);
  const w = Math.max(...rows.map(([l]) => l.length));
  console.log(`${"".padEnd(w)}  ${"median ms".padStart(10)}  ${"min ms".padStart(10)}  ${"heap Δ MB".padStart(10)}  ${"runs".padStart(4)}`);
  for (const [label, s] of rows) {
    console.log(
      `${label.padEnd(w)}  ${fmt(median(s.map((x) => x.ms))).padStart(10)}  ${fmt(Math.min(...s.map((x) => x.ms))).padStart(10)}  ${fmt(median(s.map((x) => x.heap)) / 2 ** 20).padStart(10)}  ${String(s.length).padStart(4)}`,
    );
  }
  const coreMedian = median(core.map((x) => x.ms));
  console.log(`\nratio HyperFormula / core (medians): scores ${fmt(median(hf.map((x) => x.ms)) / coreMedian)}×` + (ranked.length ? `, scores + ranks ${fmt(median(ranked.map((x) => x.ms)) / coreMedian, 0)}×` : ""));
  console.log(
    `agreement: ${agreement.equal} totals equal within 1e-9, ${agreement.bothNone} without a total on both sides, ` +
      `${agreement.legacyDiv0} where the legacy formulas show #DIV/0! for an empty Nytte subgroup and the model has a total` +
      ` (${agreement.equal + agreement.bothNone + agreement.legacyDiv0} of ${N}).`,
  );
  if (rankAgreement) {
    console.log(
      `ranks: among the measures the sheet scores, HyperFormula's COUNTIF rank differs from the core's competition rank on ${rankAgreement.rankDiffers}` +
        ` (exact comparison of floats and of the score turned into text for the criterion, against the core's tolerance).`,
    );
  }
}

main();
