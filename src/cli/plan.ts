/**
 * `prio plan <file.xlsx> [--step NAME=MNOK]... [--json] [--lang nb|en]`: the plan by steps
 * (core/plan.ts): each step's measures and totals, and what comes «senere» with its reason.
 *
 * Steps come from Modell's steps table unless --step is given; then only those, in the order
 * given (and no minimum frame). `--json`: {"steps": [{"name", "budget", "cost", "score",
 * "measures": [ids]}], "measures": [{"id", "name", "step", "reason"}], "findings": [...]}, MNOK as
 * numbers, `score` the sum of the step's measures' totals. Exit 0 when done (findings are not
 * failures), 2 with one line on stderr for bad input.
 */
import { mnok, tableLines } from "./columns";
import * as path from "path";
import { byScore, plan, type PlanMeasure, type PlanResult, type PlanStep } from "../core/plan";
import type { SelectionFinding } from "../core/selection-problem";
import { escapeDeep } from "../core/escape";
import { parseAmount, readSelectionInputs } from "../grid/selection-inputs";
import { planProblemOf } from "../grid/plan-problem";
import { readWorkbook } from "../grid/workbook";
import { readScorers } from "../grid/scorers-table";
import { formatNumber, severityLabel, type Lang } from "../i18n";
import { tc } from "../i18n/cli-ui";
import { mnokText, selectionFindingMessage, st } from "../i18n/selection";
import { planReasonText, pt } from "../i18n/plan";
import { highsSolver } from "../solve/highs";
import { loadGrids } from "./load";
import { UsageError, type Io } from "./usage";

interface Args {
  file?: string;
  json: boolean;
  lang: Lang;
  steps: PlanStep[];
}

function parseArgs(argv: string[]): Args {
  const args: Args = { json: false, lang: "nb", steps: [] };
  const li = argv.indexOf("--lang");
  if (li >= 0) {
    const v = argv[li + 1];
    if (v !== "nb" && v !== "en") throw new UsageError(tc("nb", "cli.error.lang"));
    args.lang = v;
  }
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === "--lang") i++;
    else if (a === "--json") args.json = true;
    else if (a === "--step") {
      const v = argv[++i];
      const eq = v?.lastIndexOf("=") ?? -1;
      const name = eq > 0 ? v.slice(0, eq).trim() : "";
      const text = eq > 0 ? v.slice(eq + 1).trim() : "";
      const amount = /^\d+([.,]\d+)?$/.test(text) ? parseAmount(Number(text.replace(",", "."))) : undefined;
      if (!name || !amount || !amount.ok) throw new UsageError(pt(args.lang, "badStep", { value: v ?? "–" }));
      if (args.steps.some((s) => s.name.toLowerCase() === name.toLowerCase())) throw new UsageError(pt(args.lang, "duplicateStep", { step: name }));
      args.steps.push({ name, budget: amount.hundredths });
    } else if (a.startsWith("--")) throw new UsageError(tc(args.lang, "cli.error.unknownOption", { option: a }));
    else if (!args.file) args.file = a;
    else throw new UsageError(tc(args.lang, "cli.error.unknownOption", { option: a }));
  }
  return args;
}

const scoreText = (lang: Lang, v: number | null) => (v === null ? "–" : formatNumber(lang, v, 2));



const findingLine = (f: SelectionFinding, lang: Lang) => `  [${severityLabel(f.severity, lang)}] ${f.cell ? `${f.cell}: ` : ""}${selectionFindingMessage(f, lang)}`;

export function renderPlanText(file: string, r: PlanResult, findings: SelectionFinding[], lang: Lang): string {
  const out: string[] = [pt(lang, "title", { file: path.basename(file) })];
  const all = [...findings, ...r.findings];
  if (r.status !== "ok") {
    out.push("", pt(lang, r.status === "infeasible" ? "infeasible" : "failed"), ...r.findings.map((f) => findingLine(f, lang)));
    if (findings.length) out.push("", pt(lang, "findings", { count: findings.length }), ...findings.map((f) => findingLine(f, lang)));
    return out.join("\n");
  }
  const nameOf = new Map(r.measures.map((m) => [m.id, m.name]));
  const names = (ids: string[]) => ids.map((id) => nameOf.get(id) ?? id).join(", ");
  const segments = r.measures.some((m) => m.segment !== undefined);
  r.steps.forEach((s, k) => {
    const ms = byScore(r.measures.filter((m) => m.step === k));
    const withList = k === 0 && r.minimum !== null;
    out.push("", k === 0 && r.minimum !== null ? pt(lang, "stepHeadMinimum", { step: s.name, budget: mnokText(lang, s.budget), minimum: mnokText(lang, r.minimum) }) : pt(lang, "stepHead", { step: s.name, budget: mnokText(lang, s.budget) }));
    if (ms.length === 0) out.push(`  ${pt(lang, "empty")}`);
    else {
      const head = [pt(lang, "colId"), pt(lang, "colName"), pt(lang, "colCost"), pt(lang, "colScore"), ...(segments ? [pt(lang, "colSegment")] : []), ...(withList ? [pt(lang, "colList")] : [])];
      const rows = ms.map((m) => [m.id, m.name, mnokText(lang, m.cost), scoreText(lang, m.score), ...(segments ? [m.segment ?? ""] : []), ...(withList ? [pt(lang, m.list === "minimum" ? "minimumWord" : "plusWord")] : [])]);
      out.push(...tableLines([head, ...rows], new Set([2, 3]), [10, 56, 9, 7, 12, 8], "  "));
    }
    out.push(`  ${pt(lang, "stepTotal", { count: s.count, cost: mnokText(lang, s.cost), budget: mnokText(lang, s.budget), score: formatNumber(lang, s.score, 2) })}`);
    if (withList) {
      const mins = r.measures.filter((m) => m.step === 0 && m.list === "minimum");
      out.push(
        `  ${pt(lang, "minimumTotal", { count: mins.length, cost: mnokText(lang, mins.reduce((a, m) => a + (m.cost ?? 0), 0)), score: formatNumber(lang, mins.reduce((a, m) => a + (m.score ?? 0), 0), 2) })}`,
      );
    }
  });
  const later = byScore(r.measures.filter((m) => m.step === null));
  out.push("", pt(lang, "later"));
  if (later.length === 0) out.push(`  ${pt(lang, "empty")}`);
  else
    out.push(
      ...tableLines(
        [[pt(lang, "colId"), pt(lang, "colName"), pt(lang, "colCost"), pt(lang, "colScore"), pt(lang, "colReason")], ...later.map((m) => [m.id, m.name, mnokText(lang, m.cost), scoreText(lang, m.score), planReasonText(lang, m.reason!, names, m.score !== null)])],
        new Set([2, 3]),
        [10, 48, 9, 7, 120],
        "  ",
      ),
    );
  const placed = r.measures.filter((m) => m.step !== null);
  out.push(
    "",
    pt(lang, "planTotal", {
      placed: placed.length,
      count: r.measures.length,
      steps: r.steps.length,
      cost: mnokText(lang, placed.reduce((a, m) => a + (m.cost ?? 0), 0)),
      score: formatNumber(lang, placed.reduce((a, m) => a + (m.score ?? 0), 0), 2),
    }),
  );
  if (all.length) out.push("", pt(lang, "findings", { count: all.length }), ...all.map((f) => findingLine(f, lang)));
  return out.join("\n");
}

/** The issue's JSON, exactly: steps, measures, findings. */
export function renderPlanJson(r: PlanResult, findings: SelectionFinding[], lang: Lang): string {
  const nameOf = new Map(r.measures.map((m) => [m.id, m.name]));
  const names = (ids: string[]) => ids.map((id) => nameOf.get(id) ?? id).join(", ");
  const reason = (m: PlanMeasure) => (m.reason ? planReasonText(lang, m.reason, names, m.score !== null) : null);
  return JSON.stringify(
    {
      steps: r.steps.map((s) => ({ name: s.name, budget: mnok(s.budget), cost: mnok(s.cost), score: s.score, measures: s.ids })),
      measures: r.measures.map((m) => ({ id: m.id, name: m.name, step: m.step === null ? null : r.steps[m.step].name, reason: reason(m) })),
      findings: [...findings, ...r.findings].map((f) => ({ code: f.code, severity: f.severity, cell: f.cell ?? null, message: selectionFindingMessage(f, lang) })),
    },
    null,
    2,
  );
}

export async function planMain(argv: string[], io: Io): Promise<number> {
  let lang: Lang = "nb";
  try {
    const args = parseArgs(argv);
    lang = args.lang;
    if (!args.file) throw new UsageError(tc(lang, "cli.error.missingFile", { command: "plan" }));
    const read = await loadGrids(args.file, lang);
    const grids = args.json ? read : escapeDeep(read);
    const wb = readWorkbook(grids, undefined, { scorers: readScorers });
    if (wb.kind === "none") throw new UsageError(tc(lang, "cli.error.noMeasures", { file: args.file }));
    if (wb.kind !== "addin") throw new UsageError(st(lang, "notAddin", { file: args.file }));
    const inputs = readSelectionInputs(grids, wb);
    if (!inputs.columns.cost) throw new UsageError(st(lang, "noCostColumn", { file: args.file }));
    const made = planProblemOf(inputs, args.steps.length ? args.steps : undefined);
    if (!made.problem) throw new UsageError(pt(lang, "noSteps"));
    const result = await plan(made.problem, highsSolver());
    const findings = [...inputs.findings, ...made.findings];
    io.out(args.json ? renderPlanJson(result, findings, lang) : renderPlanText(args.file, result, findings, lang));
    return 0;
  } catch (e) {
    if (e instanceof UsageError) {
      io.err(e.message);
      return 2;
    }
    io.err(`prio: ${(e as Error).message ?? String(e)}`);
    return 1;
  }
}
