/**
 * The selection's 0–1 programs solved by HiGHS (the npm package `highs`: HiGHS compiled to
 * WebAssembly, MIT). Loaded on first use with a dynamic import, so neither the task pane's initial
 * JavaScript nor a CLI command that does not select pays for it. The program goes in as CPLEX LP
 * text; every answer is checked again by core (src/core/selection-solver.ts), never trusted blindly.
 *
 * Settings: relative MIP gap 0 (an optimum, not "within 0.01 %"), absolute gap and MIP feasibility
 * tolerance 1e-9 (below the selection's SCORE_EPS of 1e-6), a 60 s time limit so nothing hangs, no
 * solver output. A failure is an answer (`failed` with its cause: not loaded, out of time, an
 * error), never a throw; the solver's text is kept in `detail` for developers, not shown.
 */
import type { BinaryAnswer, BinaryProgram, BinarySolver } from "../core/selection-solver";

/** The part of the highs module this file uses. */
interface HighsLike {
  solve(problem: string, options?: Record<string, unknown>): { Status: string; Columns: Record<string, { Primal?: number }> };
}
type HighsLoader = (options?: { locateFile?: (file: string) => string }) => Promise<HighsLike>;

export interface HighsOptions {
  /** Where highs.wasm is served (the browser build passes the URL webpack emitted). */
  locateFile?: (file: string) => string;
  /** Seconds before a solve gives up (default 60). */
  timeLimit?: number;
}

let loading: Promise<HighsLike> | undefined;

async function load(options: HighsOptions): Promise<HighsLike> {
  if (!loading) {
    loading = (async () => {
      // CommonJS (Node, jest) gives the loader itself or under `default`; the ES build under `default`.
      const mod: unknown = await import("highs");
      const loader = (typeof mod === "function" ? mod : (mod as { default: unknown }).default) as HighsLoader;
      return loader(options.locateFile ? { locateFile: options.locateFile } : {});
    })();
    // A failed load may be retried (e.g. after the network of a dev server comes back).
    loading.catch(() => (loading = undefined));
  }
  return loading;
}

const name = (i: number): string => `x${i}`;

function terms(coeffs: number[], vars: number[]): string {
  const parts: string[] = [];
  vars.forEach((v, k) => {
    const c = coeffs[k];
    if (c === 0) return;
    parts.push(`${c < 0 ? "-" : "+"} ${Math.abs(c)} ${name(v)}`);
    // Keep lines short: break every eight terms.
    if (parts.length % 8 === 0) parts.push("\n ");
  });
  return parts.length ? parts.join(" ") : `0 ${name(vars[0] ?? 0)}`;
}

/** The program as CPLEX LP text (exported for tests and debugging). */
export function lpText(p: BinaryProgram): string {
  const all = Array.from({ length: p.n }, (_, i) => i);
  const lines: string[] = [];
  if (p.sense === "max-value") lines.push("Maximize", ` obj: ${terms(p.value, all)}`);
  else lines.push("Minimize", ` obj: ${terms(p.cost, all)}`);
  lines.push("Subject To");
  p.limits.forEach((l, k) => {
    const members = l.members.filter((i) => p.cost[i] !== 0);
    if (members.length === 0) {
      if (l.cap < 0) lines.push(` lim${k}: 0 ${name(0)} >= 1`);
      return;
    }
    lines.push(` lim${k}: ${terms(members.map((i) => p.cost[i]), members)} <= ${l.cap}`);
  });
  p.requires.forEach(([i, j], k) => lines.push(` dep${k}: ${name(i)} - ${name(j)} <= 0`));
  const steps = p.sense === "min-cost" ? (p.steps ?? []) : [];
  if (steps.length === 0 && p.sense === "min-cost" && p.minValue !== undefined) lines.push(` val: ${terms(p.value, all)} >= ${p.minValue}`);
  if (steps.length) {
    // The staircase, incrementally: z_1 ≥ z_2 ≥ … ≥ z_K; with the first m of them 1 the cost stays
    // below step m + 1's cost and the value reaches step m's value.
    const cap = p.limits[0]?.cap ?? p.cost.reduce((a, c) => a + Math.max(0, c), 0);
    const base = p.minValue ?? -p.value.reduce((a, v) => a + Math.abs(v), 1);
    const widths = steps.map((st, k) => (k + 1 < steps.length ? steps[k + 1].cost : cap + 1) - st.cost);
    const rises = steps.map((st, k) => st.value - (k ? Math.max(base, steps[k - 1].value) : base));
    const zs = steps.map((_, k) => `z${k}`);
    const zTerms = (coeffs: number[]) => coeffs.map((c, k) => `${c < 0 ? "+" : "-"} ${Math.abs(c)} ${zs[k]}${k % 8 === 7 ? "\n " : ""}`).join(" ");
    lines.push(` stc: ${terms(p.cost, all)} ${zTerms(widths)} <= ${steps[0].cost - 1}`);
    lines.push(` val: ${terms(p.value, all)} ${zTerms(rises.map((r) => Math.max(0, r)))} >= ${base}`);
    for (let k = 1; k < steps.length; k++) lines.push(` ord${k}: ${zs[k]} - ${zs[k - 1]} <= 0`);
  }
  // The LP format needs at least one row.
  if (lines[lines.length - 1] === "Subject To") lines.push(` any: ${name(0)} >= 0`);
  lines.push("Bounds");
  for (let i = 0; i < p.n; i++) {
    const f = p.fixed[i];
    lines.push(f === null ? ` 0 <= ${name(i)} <= 1` : ` ${name(i)} = ${f}`);
  }
  steps.forEach((_, k) => lines.push(` 0 <= z${k} <= 1`));
  lines.push("General", ` ${all.map(name).join(" ")}${steps.map((_, k) => ` z${k}`).join("")}`, "End");
  return lines.join("\n");
}

export function highsSolver(options: HighsOptions = {}): BinarySolver {
  return {
    async solve(p: BinaryProgram): Promise<BinaryAnswer> {
      if (p.n === 0) {
        const ok = p.limits.every((l) => l.cap >= 0) && (p.sense !== "min-cost" || (p.minValue ?? 0) <= 0);
        return ok ? { status: "optimal", x: [] } : { status: "infeasible" };
      }
      let highs: HighsLike;
      try {
        highs = await load(options);
      } catch (e) {
        return { status: "failed", cause: "load", detail: `HiGHS could not be loaded (${String((e as Error).message ?? e).split("\n")[0]})` };
      }
      let r;
      try {
        r = highs.solve(lpText(p), {
          output_flag: false,
          mip_rel_gap: 0,
          mip_abs_gap: 1e-9,
          // HiGHS's default (1e-6, on its internally scaled rows) would let "worth at least v + 10⁻⁶"
          // accept a selection worth v; 1e-9 keeps row and integrality slack far below SCORE_EPS.
          mip_feasibility_tolerance: 1e-9,
          time_limit: options.timeLimit ?? 60,
        });
      } catch (e) {
        return { status: "failed", cause: "error", detail: String((e as Error).message ?? e).split("\n")[0] };
      }
      if (r.Status === "Infeasible") return { status: "infeasible" };
      if (r.Status === "Time limit reached") return { status: "failed", cause: "time", detail: `HiGHS: ${r.Status}` };
      if (r.Status !== "Optimal") return { status: "failed", cause: "error", detail: `HiGHS: ${r.Status}` };
      const x = Array.from({ length: p.n }, (_, i) => (r.Columns[name(i)]?.Primal ?? 0) > 0.5);
      return { status: "optimal", x };
    },
  };
}
