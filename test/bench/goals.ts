/**
 * What every part of `npm run bench` shares: a goal row for the summary table that closes the run,
 * timing in CPU time and wall-clock time (medians, interleaved where two things are compared), the
 * CPU time of a child process, and the tables.
 *
 * A goal is met or missed on CPU time where the figure is a time in this process or in a child
 * process (user + system seconds, which a machine shared with other work disturbs far less than the
 * wall clock); the browser's figures are clocks inside the page (wall clock), the bundle is bytes,
 * and the CI time is what it was given. `npm run bench` exits 1 when a measured goal is missed.
 */
import { spawnSync } from "child_process";
import * as os from "os";
import * as v8 from "v8";
import * as vm from "vm";

v8.setFlagsFromString("--expose-gc");
/** A full garbage collection, before each timed run (so that one run does not pay for another's garbage). */
export const gc: () => void = vm.runInNewContext("gc");

/** One row of the summary table. */
export interface Goal {
  /** The BENCH_SECTIONS name that measures it. */
  section: string;
  measure: string;
  /** The figure the issue started from (issue 19 at 701d7f4, or the issue named), for comparison. */
  before: string;
  /** The figure measured in this run, or why there is none. */
  now: string;
  goal: string;
  /** true met, false missed, null not measured in this run. */
  met: boolean | null;
  /** How the figure was obtained: clock, runs, median. */
  how: string;
  /** The row of issue 19's table (1–11) it answers; the summary lists those first, in that order. */
  issue19?: number;
}

export const median = (xs: number[]): number => {
  if (xs.length === 0) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

export interface Timing {
  /** Medians and minima over the runs, ms. */
  wall: number;
  cpu: number;
  wallMin: number;
  cpuMin: number;
  runs: number;
  /** Every run, ms. */
  walls: number[];
  cpus: number[];
}

function timingOf(walls: number[], cpus: number[]): Timing {
  return { wall: median(walls), cpu: median(cpus), wallMin: Math.min(...walls), cpuMin: Math.min(...cpus), runs: walls.length, walls, cpus };
}

/** One timed call after a GC: wall-clock and CPU ms of this process (user + system, its threads included). */
export async function timeOnce<T>(f: () => T | Promise<T>): Promise<{ value: T; wall: number; cpu: number }> {
  gc();
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  const value = await f();
  const wall = performance.now() - t0;
  const c = process.cpuUsage(c0);
  return { value, wall, cpu: (c.user + c.system) / 1000 };
}

/** `runs` timed calls after `warmup` untimed ones. */
export async function timeRuns(runs: number, f: () => unknown, warmup = 0): Promise<Timing> {
  for (let i = 0; i < warmup; i++) await f();
  const walls: number[] = [];
  const cpus: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = await timeOnce(f);
    walls.push(t.wall);
    cpus.push(t.cpu);
  }
  return timingOf(walls, cpus);
}

/** Two functions timed in turns (a, b, a, b …), each after a GC, so that drift and load fall on both. */
export async function timeInterleaved(runs: number, a: () => unknown, b: () => unknown, warmup = 0): Promise<[Timing, Timing]> {
  for (let i = 0; i < warmup; i++) {
    await a();
    await b();
  }
  const wa: number[] = [];
  const ca: number[] = [];
  const wb: number[] = [];
  const cb: number[] = [];
  for (let i = 0; i < runs; i++) {
    const x = await timeOnce(a);
    wa.push(x.wall);
    ca.push(x.cpu);
    const y = await timeOnce(b);
    wb.push(y.wall);
    cb.push(y.cpu);
  }
  return [timingOf(wa, ca), timingOf(wb, cb)];
}

export interface ChildRun {
  status: number | null;
  stdout: string;
  stderr: string;
  wall: number;
  /** User + system ms of the command and every process it waited for (bash's `times`). */
  cpu: number;
  timedOut: boolean;
}

/**
 * Runs a command in bash under `timeout` and reads its CPU time from bash's `times` (the children's
 * user and system time, printed on stderr after the command).
 */
export function runChild(command: string[], options: { cwd: string; timeoutS: number; env?: NodeJS.ProcessEnv }): ChildRun {
  const script = 'timeout --kill-after=5 "$0" "$@"; s=$?; echo "@@times" 1>&2; times 1>&2; exit $s';
  const t0 = performance.now();
  const r = spawnSync("bash", ["-c", script, String(options.timeoutS), ...command], {
    cwd: options.cwd,
    encoding: "utf8",
    maxBuffer: 1 << 30,
    env: options.env ?? process.env,
  });
  const wall = performance.now() - t0;
  const stderr = r.stderr ?? "";
  const at = stderr.lastIndexOf("@@times");
  const lines = stderr.slice(at).trim().split("\n");
  // `times` prints the shell's own user/system, then its children's: "0m1.234s 0m0.056s".
  const child = lines[2] ?? "";
  const seconds = (text: string) => {
    const m = /^(\d+)m([\d.]+)s$/.exec(text);
    return m ? Number(m[1]) * 60 + Number(m[2]) : NaN;
  };
  const [user, sys] = child.split(/\s+/).map(seconds);
  return { status: r.status, stdout: r.stdout ?? "", stderr: at >= 0 ? stderr.slice(0, at) : stderr, wall, cpu: (user + sys) * 1000, timedOut: r.status === 124 || r.status === 137 };
}

export function fmt(n: number, digits = 1): string {
  return n.toLocaleString("en-GB", { minimumFractionDigits: digits, maximumFractionDigits: digits });
}

/** ms as «840 ms» below 1 s, else «1.84 s», «12.3 s». */
export function ms(x: number): string {
  return x < 1000 ? `${fmt(x, 0)} ms` : x < 10_000 ? `${fmt(x / 1000, 2)} s` : `${fmt(x / 1000, 1)} s`;
}

export function printTable(header: string[], rows: string[][], indent = "   "): void {
  const widths = header.map((h, c) => Math.max(h.length, ...rows.map((r) => (r[c] ?? "").length)));
  const line = (cells: string[]) => indent + cells.map((x, c) => (c === 0 ? x.padEnd(widths[c]) : x.padStart(widths[c]))).join("  ");
  console.log(line(header));
  for (const r of rows) console.log(line(r));
}

/** The load average as a sentence, and whether the machine was busy (more runnable work than cores). */
export function loadNote(): { text: string; busy: boolean } {
  const cores = os.cpus().length;
  const [one] = os.loadavg();
  return { text: `load ${os.loadavg().map((x) => x.toFixed(1)).join(" ")} on ${cores} cores`, busy: one > cores };
}

/**
 * The table that closes the run: every goal with the figure it started from, the figure now, the
 * goal and whether it is met; then how each figure was obtained. Returns the number of goals missed.
 */
export function printSummary(all: Goal[], startLoad: string): number {
  const end = loadNote();
  const goals = [...all.filter((g) => g.issue19 !== undefined).sort((a, b) => a.issue19! - b.issue19!), ...all.filter((g) => g.issue19 === undefined)];
  const verdict = (g: Goal) => (g.met === null ? "not measured" : g.met ? "met" : "MISSED");
  console.log("\n================ Goals (issue 19 first, then the earlier ones) ================");
  const width = (s: string) => [...s].length;
  const header = ["#", "measure", "before", "now", "goal", ""];
  const rows = goals.map((g, i) => [String(i + 1), g.measure, g.before, g.now, g.goal, verdict(g)]);
  const widths = header.map((h, c) => Math.max(width(h), ...rows.map((r) => width(r[c]))));
  const pad = (s: string, w: number, right: boolean) => (right ? " ".repeat(w - width(s)) + s : s + " ".repeat(w - width(s)));
  const line = (cells: string[]) => cells.map((x, c) => pad(x, widths[c], c === 0)).join("  ");
  console.log(line(header));
  for (const r of rows) console.log(line(r));
  console.log("\nhow each figure was obtained:");
  goals.forEach((g, i) => console.log(`  ${String(i + 1).padStart(2)}. [${g.section}] ${g.how}`));
  const missed = goals.filter((g) => g.met === false);
  const unmeasured = goals.filter((g) => g.met === null);
  console.log(`\nmachine: ${startLoad} at the start, ${end.text} at the end${end.busy ? " — busy: wall-clock figures are inflated, CPU time less so but still (caches and cores shared, up to 1.5–3× here at a load of 15 on 2 cores); the goals are for a quiet machine" : ""}`);
  console.log(
    `${goals.length - missed.length - unmeasured.length} met, ${missed.length} missed${missed.length ? ` (${missed.map((g) => goals.indexOf(g) + 1).join(", ")})` : ""}, ${unmeasured.length} not measured${unmeasured.length ? ` (${unmeasured.map((g) => goals.indexOf(g) + 1).join(", ")})` : ""}`,
  );
  return missed.length;
}
