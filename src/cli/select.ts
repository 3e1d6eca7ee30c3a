/**
 * `prio select <file.xlsx> [--budget N] [--minimum M] [--all] [--json] [--lang nb|en]`: the exact
 * selection within the budget frame: the minimum list, the plus list, each measure out with its
 * reason and the nearest frames above and below at which it is in a best selection, the frontier
 * and the comparison with rank order. The nearest frames and the frontier are bounded by a count
 * of solves (select.ts defaultMaxSolves; what is left is marked ?), --all lifts the bound.
 *
 * Frames in MNOK come from the command line when --budget is given (then --minimum is the only
 * minimum: without it the whole selection is the minimum list), otherwise from the Modell sheet
 * (Budsjettramme, Minimumsramme). Costs, Forutsetter and Valg come from Vurdering.
 * Exit 0 when done (findings are not failures), 2 with one line on stderr for bad input.
 */
import { mnok, tableLines } from "./columns";
import * as path from "path";
import type { SelectionFinding, SelectionProblem } from "../core/selection-problem";
import { defaultMaxSolves, select, type SelectionMeasure, type SelectionResult } from "../core/select";
import { parseAmount, readSelectionInputs } from "../grid/selection-inputs";
import { readWorkbook } from "../grid/workbook";
import { readScorers } from "../grid/scorers-table";
import { formatNumber, severityLabel, type Lang } from "../i18n";
import { tc } from "../i18n/cli-ui";
import { printedTotals } from "../i18n/totals";
import { hasFrames, mnokText, reasonText, selectionFindingMessage, st } from "../i18n/selection";
import { highsSolver } from "../solve/highs";
import { escapeDeep } from "../core/escape";
import { problemWithFrames, type GivenFrame } from "./frames";
import { loadGrids } from "./load";
import { UsageError, type Io } from "./usage";
import { fundingArgs, withFunding } from "./select-uncertainty";

interface Args {
  file?: string;
  json: boolean;
  lang: Lang;
  budget?: GivenFrame;
  minimum?: GivenFrame;
  /** --all: no bound on the solves of the nearest frames and the frontier. */
  all: boolean;
}

function amountArg(lang: Lang, option: string, value: string | undefined): GivenFrame {
  const a = value === undefined ? undefined : parseAmount(/^\d+([.,]\d+)?$/.test(value) ? Number(value.replace(",", ".")) : value);
  if (!a || !a.ok) throw new UsageError(st(lang, "badAmount", { option, value: value ?? "–" }));
  return { hundredths: a.hundredths, typed: `${option} ${value}` };
}

function parseArgs(argv: string[]): Args {
  const args: Args = { json: false, lang: "nb", all: false };
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
    else if (a === "--all") args.all = true;
    else if (a === "--budget") args.budget = amountArg(args.lang, a, argv[++i]);
    else if (a === "--minimum") args.minimum = amountArg(args.lang, a, argv[++i]);
    else if (a.startsWith("--")) throw new UsageError(tc(args.lang, "cli.error.unknownOption", { option: a }));
    else if (!args.file) args.file = a;
    else throw new UsageError(tc(args.lang, "cli.error.unknownOption", { option: a }));
  }
  return args;
}

/** The workbook through the same reader and guard as every command; in text output its strings escaped. */
async function load(file: string, lang: Lang, json: boolean) {
  const read = await loadGrids(file, lang);
  const grids = json ? read : escapeDeep(read);
  return { grids, read: readWorkbook(grids, undefined, { scorers: readScorers }) };
}

const score = (lang: Lang, v: number | null) => (v === null ? "–" : formatNumber(lang, v, 2));



function findingLine(f: SelectionFinding, lang: Lang): string {
  return `  [${severityLabel(f.severity, lang)}] ${f.cell ? `${f.cell}: ` : ""}${selectionFindingMessage(f, lang)}`;
}

/** Measures in a list, best score first (then cost, then input order). */
function ordered(ms: SelectionMeasure[]): SelectionMeasure[] {
  return ms
    .map((m, i) => ({ m, i }))
    .sort((a, b) => (b.m.score ?? -Infinity) - (a.m.score ?? -Infinity) || (a.m.cost ?? 0) - (b.m.cost ?? 0) || a.i - b.i)
    .map((x) => x.m);
}

/**
 * The selection as text. `scores`: each measure's total as the ranking prints it (i18n/totals.ts),
 * so a list shows the figures of `prio score`; without it, two decimals.
 */
export function renderSelectionText(
  file: string,
  r: SelectionResult,
  findings: SelectionFinding[],
  lang: Lang,
  maxSolves: number | string = "–",
  scores?: ReadonlyMap<string, string>,
): string {
  const out: string[] = [st(lang, "title", { file: path.basename(file) })];
  out.push(
    r.minimum === null
      ? st(lang, "framesNoMinimum", { budget: mnokText(lang, r.budget) })
      : st(lang, "frames", { budget: mnokText(lang, r.budget), minimum: `${mnokText(lang, r.minimum)} MNOK` }),
  );
  const all = [...findings, ...r.findings];
  if (r.status !== "ok") {
    out.push("", st(lang, r.status === "infeasible" ? "infeasible" : "failed"), ...r.findings.map((f) => findingLine(f, lang)));
    const rest = findings;
    if (rest.length) out.push("", st(lang, "findings", { count: rest.length }), ...rest.map((f) => findingLine(f, lang)));
    return out.join("\n");
  }
  const nameOf = new Map(r.measures.map((m) => [m.id, m.name]));
  const names = (ids: string[]) => ids.map((id) => nameOf.get(id) ?? id).join(", ");
  const scoreOf = (m: SelectionMeasure) => scores?.get(m.id) ?? score(lang, m.score);
  const forcedMark = (m: SelectionMeasure) => (m.forced === "in" ? ` (${st(lang, "forcedIn")})` : "");
  const listBlock = (title: string, ms: SelectionMeasure[], totals: { count: number; cost: number; score: number }) => {
    out.push("", title);
    if (ms.length === 0) out.push(`  ${st(lang, "empty")}`);
    else
      out.push(
        ...tableLines(
          [[st(lang, "colId"), st(lang, "colName"), st(lang, "colCost"), st(lang, "colScore")], ...ordered(ms).map((m) => [m.id, m.name + forcedMark(m), mnokText(lang, m.cost), scoreOf(m)])],
          new Set([2, 3]),
          [10, 60, 9, 7],
          "  ",
        ),
      );
    out.push(`  ${st(lang, "listTotal", { count: totals.count, cost: mnokText(lang, totals.cost), score: formatNumber(lang, totals.score, 2) })}`);
  };
  listBlock(st(lang, "minimumList"), r.measures.filter((m) => m.list === "minimum"), r.totals.minimum);
  if (r.minimum !== null) listBlock(st(lang, "plusList"), r.measures.filter((m) => m.list === "plus"), r.totals.plus);
  const outs = r.measures.filter((m) => m.list === "out");
  // A nearest frame: the amount, – at none, ? not computed; blank for a measure that gets none.
  const frame = (m: SelectionMeasure, v: number | null | undefined) => (!hasFrames(m.reason!) ? "" : v === undefined ? "?" : v === null ? "–" : mnokText(lang, v));
  out.push("", st(lang, "outList"));
  if (outs.length === 0) out.push(`  ${st(lang, "empty")}`);
  else
    out.push(
      ...tableLines(
        [
          [st(lang, "colId"), st(lang, "colName"), st(lang, "colCost"), st(lang, "colScore"), st(lang, "colAbove"), st(lang, "colBelow"), st(lang, "colReason")],
          ...ordered(outs).map((m) => [m.id, m.name, mnokText(lang, m.cost), scoreOf(m), frame(m, m.entersAt), frame(m, m.inBelow), reasonText(lang, m.reason!, names, m.score !== null)]),
        ],
        new Set([2, 3, 4, 5]),
        [10, 48, 9, 7, 12, 13, 80],
        "  ",
      ),
      `  ${st(lang, "framesLegend")}`,
    );
  out.push(
    "",
    st(lang, "selectedTotal", { count: r.totals.selected.count, cost: mnokText(lang, r.totals.selected.cost), budget: mnokText(lang, r.budget), score: formatNumber(lang, r.totals.selected.score, 2) }),
  );
  const g = r.greedy;
  if (g.onlyExact.length === 0 && g.onlyGreedy.length === 0) out.push(st(lang, "greedySame"));
  else {
    out.push(
      st(lang, "greedyDiffers", {
        count: g.totals.count,
        cost: mnokText(lang, g.totals.cost),
        score: formatNumber(lang, g.totals.score, 2),
        stop: g.stoppedAt ? (nameOf.get(g.stoppedAt) ?? g.stoppedAt) : "–",
        gain: formatNumber(lang, r.totals.selected.score - g.totals.score, 2),
      }),
    );
    if (g.onlyExact.length) out.push(`  ${st(lang, "greedyOnlyExact", { names: names(g.onlyExact) })}`);
    if (g.onlyGreedy.length) out.push(`  ${st(lang, "greedyOnlyGreedy", { names: names(g.onlyGreedy) })}`);
  }
  // The frontier up to the frame and a few steps beyond it; when long, every k-th breakpoint (all in --json).
  const upTo = r.frontier.findIndex((p) => p.budget > r.budget);
  const near = upTo < 0 ? r.frontier : r.frontier.slice(0, upTo + 3);
  const step = Math.ceil(near.length / 14);
  const atFrame = upTo < 0 ? near.length - 1 : upTo - 1;
  const shown = near.filter((_, k) => k % step === 0 || k === atFrame || k >= atFrame);
  out.push("", st(lang, "frontier"));
  const more = shown.length < r.frontier.length ? ` · … ${st(lang, "frontierSample", { count: r.frontier.length })}` : r.frontierTruncated ? ` ${st(lang, "frontierTruncated", { upTo: mnokText(lang, r.frontierUpTo) })}` : "";
  out.push(`  ${shown.map((p) => `${mnokText(lang, p.budget)} → ${formatNumber(lang, p.score, 2)}`).join(" · ")}${more}`);
  if (!r.complete) out.push(`  ${st(lang, "incomplete", { solves: maxSolves })}`);
  if (all.length) out.push("", st(lang, "findings", { count: all.length }), ...all.map((f) => findingLine(f, lang)));
  return out.join("\n");
}

export function renderSelectionJson(r: SelectionResult, findings: SelectionFinding[], problem: SelectionProblem, lang: Lang): string {
  const all = [...findings, ...r.findings].map((f) => ({ code: f.code, severity: f.severity, cell: f.cell ?? null, message: selectionFindingMessage(f, lang) }));
  const totals = (x: { count: number; cost: number; score: number }) => ({ count: x.count, cost: mnok(x.cost), score: x.score });
  if (r.status !== "ok") {
    const measures = problem.items.map((it) => ({ id: it.id, name: it.name, cost: mnok(it.cost), score: it.score, requires: it.requires, forced: it.forced, list: "out", reason: null }));
    return JSON.stringify({ budget: mnok(r.budget), minimum: mnok(r.minimum), status: r.status, measures, totals: null, findings: all }, null, 2);
  }
  const nameOf = new Map(r.measures.map((m) => [m.id, m.name]));
  const names = (ids: string[]) => ids.map((id) => nameOf.get(id) ?? id).join(", ");
  const measures = r.measures.map((m) => ({
    id: m.id,
    name: m.name,
    cost: mnok(m.cost),
    score: m.score,
    requires: m.requires,
    forced: m.forced,
    list: m.list,
    reason: m.reason ? reasonText(lang, m.reason, names, m.score !== null) : null,
    ...(m.list === "out" ? { reasonCode: m.reason!.kind } : {}),
    // The nearest frames at or above / below the current one at which it is in a best selection
    // (not "from": it may be out again beyond). Absent when not computed (see "complete") and for
    // a measure without a total (reasonCode "no-total").
    ...(m.list === "out" && m.entersAt !== undefined ? { entersAt: mnok(m.entersAt) } : {}),
    ...(m.list === "out" && m.inBelow !== undefined ? { inBelow: mnok(m.inBelow) } : {}),
  }));
  return JSON.stringify(
    {
      budget: mnok(r.budget),
      minimum: mnok(r.minimum),
      status: r.status,
      measures,
      totals: { minimum: totals(r.totals.minimum), plus: totals(r.totals.plus), selected: totals(r.totals.selected), out: totals(r.totals.out) },
      rankOrder: { ids: r.greedy.ids, totals: totals(r.greedy.totals), onlyExact: r.greedy.onlyExact, onlyRankOrder: r.greedy.onlyGreedy, stoppedAt: r.greedy.stoppedAt },
      frontier: r.frontier.map((p) => ({ budget: mnok(p.budget), score: p.score })),
      frontierTruncated: r.frontierTruncated,
      frontierUpTo: mnok(r.frontierUpTo),
      complete: r.complete,
      findings: all,
    },
    null,
    2,
  );
}

export async function selectMain(argv: string[], io: Io): Promise<number> {
  let lang: Lang = "nb";
  try {
    // --uncertainty and its options: the funding probabilities (select-uncertainty.ts).
    const { rest, funding } = fundingArgs(argv);
    const args = parseArgs(rest);
    lang = args.lang;
    if (!args.file) throw new UsageError(tc(lang, "cli.error.missingFile", { command: "select" }));
    const { grids, read } = await load(args.file, lang, args.json);
    if (read.kind === "none") throw new UsageError(tc(lang, "cli.error.noMeasures", { file: args.file }));
    if (read.kind !== "addin") throw new UsageError(st(lang, "notAddin", { file: args.file }));
    const inputs = readSelectionInputs(grids, read);
    if (!inputs.columns.cost) throw new UsageError(st(lang, "noCostColumn", { file: args.file }));
    const problem = problemWithFrames(inputs, args.budget, args.minimum);
    if (!problem) {
      // A frame written on Modell that is not an amount is named with its cell, never called missing.
      const bad = inputs.findings.find((f) => f.code === "selection-frame-invalid" && f.params.frame === "budget");
      throw new UsageError(bad ? st(lang, "badFrame", { cell: bad.cell ?? "", message: selectionFindingMessage(bad, lang) }) : st(lang, "noFrame"));
    }
    const maxSolves = args.all ? Infinity : defaultMaxSolves(problem.items.length);
    const result = await select(problem, highsSolver(), { maxSolves });
    const out = args.json
      ? renderSelectionJson(result, inputs.findings, problem, lang)
      : renderSelectionText(args.file, result, inputs.findings, lang, maxSolves, printedTotals(read.assessment, lang).text);
    io.out(funding ? await withFunding(out, funding, { json: args.json, lang, assessment: read.assessment, problem, result }) : out);
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
