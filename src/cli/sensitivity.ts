/**
 * `prio sensitivity <file.xlsx> [--top N] [--all] [--json] [--lang nb|en]`: for every top-level
 * group weight (every node with --all) the interval in which no place changes and the first swap,
 * by the exact closed form of src/core/sensitivity.ts; with --top N also per cut.
 *
 * JSON: {"groups": [{"group", "weight", "lower", "upper", "firstSwap": {"above", "below", "at"} | null}]}
 * with `group` the label `score --json` uses as key in its `groups`, and measure names in the swap
 * (`above` is above now, `below` passes it at weight `at`); with --top N also "cuts".
 */
import * as path from "path";
import { fullNameTexts } from "../core/full-name";
import { findNode } from "../core/model";
import { stabilityReport, type Swap } from "../core/sensitivity";
import { tc } from "../i18n/cli-ui";
import { cutSentence, intervalNotes, intervalSentence, st, weightText } from "../i18n/stability";
import { parseAnalysisArgs, wholeNumber } from "./args";
import { escapeDeep } from "../core/escape";
import { loadGrids } from "./load";
import { UsageError, type Io } from "./usage";
import { readWorkbook } from "../grid/workbook";
import { readScorers } from "../grid/scorers-table";
import { setsBudgetFrame } from "../grid/budget-frame";

export async function sensitivityCli(argv: string[], io: Io): Promise<number> {
  const args = parseAnalysisArgs(argv, ["--top"], ["--all"]);
  const lang = args.lang;
  if (args.help) {
    io.out(st(lang, "cli.sensitivity.usage"));
    return 0;
  }
  if (!args.file) throw new UsageError(tc(lang, "cli.error.missingFile", { command: "sensitivity" }));
  const top = args.values.has("--top") ? wholeNumber(args.values.get("--top"), 0, 1, 1_000_000, () => st(lang, "cli.error.top")) : undefined;
  // Text output: every string from a cell escaped, so a workbook cannot drive the terminal.
  const grids = await loadGrids(args.file, lang);
  const loaded = readWorkbook(grids, undefined, { scorers: readScorers });
  const read = args.json ? loaded : escapeDeep(loaded);
  if (read.kind === "none") throw new UsageError(tc(lang, "cli.error.noMeasures", { file: args.file }));
  const a = read.assessment;
  if (!a.measures.some((m) => m.rank !== null)) throw new UsageError(st(lang, "cli.error.noRanked", { file: args.file }));

  // «Tema: tiltak», as every output names a measure (core/full-name.ts).
  const names = fullNameTexts(a.measures);
  const nameOf = (id: string) => names.get(id) ?? id;
  const report = stabilityReport(a, { allNodes: args.flags.has("--all"), cuts: top ? [top] : [] });
  const labelOf = (id: string) => findNode(a.model, id)?.label[lang] ?? id;

  // With a budget frame: the minimum list's intervals (the selection and HiGHS load only then).
  const lists =
    read.kind === "addin" && setsBudgetFrame(grids)
      ? await import("./list-stability").then((m) => m.listStabilityPart(grids, read, a, lang, args.flags.has("--all"), nameOf))
      : null;

  if (args.json) {
    const swap = (s: Swap | null) => (s ? { above: nameOf(s.above), below: nameOf(s.below), at: s.at } : null);
    const out: Record<string, unknown> = {
      groups: report.map(({ interval: i }) => ({ group: labelOf(i.nodeId), weight: i.weight, lower: i.lower, upper: i.upper, firstSwap: swap(i.firstSwap) })),
    };
    if (top)
      out.cuts = report.map(({ cuts: [c] }) => ({
        group: labelOf(c.nodeId),
        top: c.top,
        weight: c.weight,
        lower: c.lower,
        upper: c.upper,
        firstCross: swap(c.firstCross),
      }));
    if (lists) Object.assign(out, lists.json);
    io.out(JSON.stringify(out, null, 2));
    return 0;
  }

  const lines = [st(lang, "cli.sensitivity.title", { file: path.basename(args.file) }), st(lang, "cli.sensitivity.intro")];
  for (const { interval: i, cuts } of report) {
    const group = labelOf(i.nodeId);
    lines.push("", st(lang, "cli.sensitivity.weight", { group, weight: weightText(lang, i.weight) }));
    lines.push(`  ${intervalSentence(lang, group, i, nameOf)}`);
    for (const note of intervalNotes(lang, group, i, nameOf)) lines.push(`  ${note}`);
    for (const c of cuts) lines.push(`  ${cutSentence(lang, group, c, nameOf)}`);
  }
  if (lists) lines.push(...lists.lines);
  io.out(lines.join("\n"));
  return 0;
}
