/**
 * `prio score <file.xlsx> [--json] [--lang nb|en]`: the same core as the add-in, on a file; with
 * a checklist (Sjekkliste) also Inn/Ut, segment and rank within the segment per measure.
 * `prio checklist <file.xlsx> [--json] [--lang nb|en]`: the checklist's summary and findings.
 * Exit 0 when done (findings are not failures); 2 with one line on stderr for bad input.
 */
import { tableLines } from "./columns";
import * as path from "path";
import { allFindings, rankLabel, type Assessment, type MeasureResult } from "../core/assess";
import { bySeverity, type Finding } from "../core/findings";
import { groups, type Model } from "../core/model";
import { fullNameTexts } from "../core/full-name";
import { printedTotals } from "../i18n/totals";
import { findingMessage, formatNumber, severityLabel, type Lang } from "../i18n";
import { tc } from "../i18n/cli-ui";
import { reportingText } from "../i18n/checklist";
import { CHECKLIST_WORDS } from "../grid/layout";
import type { ChecklistRead, WorkbookRead } from "../grid/workbook";
import {
  answerWord,
  checklistReport,
  entryText,
  measureChecklist,
  questionText,
  segmentRankText,
  segmentText,
  type ChecklistReport,
} from "./checklist";
import { storeFindings } from "./store-findings";
import { escapeControls, escapeControlsKeepLines, escapeDeep, escapeJson } from "../core/escape";
import { commandOf } from "./args";
import { sensitivityCli } from "./sensitivity";
import { uncertaintyCli } from "./uncertainty";
import { exportMain, isExportCommand } from "./slides";
import { helpMain, overview, wantsHelp } from "./help";
import { scorersJson, scorersText, spreadJson } from "./scorers";
import { load } from "./load";
import { UsageError, type Io } from "./usage";

interface Args {
  command: string;
  file?: string;
  json: boolean;
  lang: Lang;
}

function parseArgs(argv: string[]): Args {
  const args: Args = { command: "", json: false, lang: "nb" };
  // The language is read first so that every other message can be in it.
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
    else if (a.startsWith("--")) throw new UsageError(tc(args.lang, "cli.error.unknownOption", { option: a }));
    else if (!args.command) args.command = a;
    else if (!args.file) args.file = a;
    else throw new UsageError(tc(args.lang, "cli.error.unknownOption", { option: a }));
  }
  return args;
}

/** A number to one decimal for totals, two for groups; "–" for none. */
const num = (lang: Lang, v: number | null | undefined, digits: number): string => (typeof v === "number" ? formatNumber(lang, v, digits) : "–");

function completeness(lang: Lang, m: MeasureResult): string {
  if (m.complete) return tc(lang, "cli.yes");
  const parts: string[] = [];
  if (m.missing.length) parts.push(lang === "nb" ? `${m.missing.length} mangler` : `${m.missing.length} missing`);
  if (m.invalid.length) parts.push(lang === "nb" ? `${m.invalid.length} ugyldig` : `${m.invalid.length} invalid`);
  return `${tc(lang, "cli.no")} (${parts.join(", ")})`;
}



/** The findings, errors first, each with its cell; the count in the heading. */
function findingLines(findings: Finding[], lang: Lang, model: Model): string[] {
  const sorted = [...findings].sort(bySeverity);
  const out = [tc(lang, "cli.findings", { count: sorted.length })];
  if (sorted.length === 0) out.push(tc(lang, "cli.noFindings"));
  for (const f of sorted) out.push(`  [${severityLabel(f.severity, lang)}] ${f.cell ? `${f.cell}: ` : ""}${findingMessage(f, lang, model)}`);
  return out;
}

const countOf = (findings: Finding[], s: Finding["severity"]) => findings.filter((f) => f.severity === s).length;

function renderText(file: string, read: WorkbookRead & { assessment: Assessment }, lang: Lang): string {
  const { assessment: a, model } = read;
  const top = model.criteria;
  const cl: ChecklistRead | undefined = read.kind === "addin" ? read.checklist : undefined;
  const checklistHeader = cl ? [tc(lang, "cli.col.included"), tc(lang, "cli.col.segment"), tc(lang, "cli.col.segmentRank")] : [];
  const header = [tc(lang, "cli.col.rank"), tc(lang, "cli.col.name"), tc(lang, "cli.col.score"), ...top.map((g) => g.label[lang]), ...checklistHeader, tc(lang, "cli.col.complete")];
  const checklistCells = (m: MeasureResult): string[] => {
    if (!cl) return [];
    const c = measureChecklist(cl, m.id);
    return [entryText(lang, c, cl.placements.has(m.id)), segmentText(lang, c), segmentRankText(c)];
  };
  const ranked = a.measures.filter((m) => m.rank !== null);
  const unranked = a.measures.filter((m) => m.rank === null);
  // Every output's name and figures: «Tema: tiltak» (core/full-name.ts), the ranking's decimals (i18n/totals.ts).
  const names = fullNameTexts(a.measures);
  const totals = printedTotals(a, lang);
  const rows = ranked.map((m) => [
    rankLabel(m),
    names.get(m.id) ?? m.name,
    totals.text.get(m.id) ?? "–",
    ...top.map((g) => num(lang, m.values[g.id], 2)),
    ...checklistCells(m),
    completeness(lang, m),
  ]);
  const right = new Set([0, 2, ...top.map((_, i) => 3 + i), ...(cl ? [3 + top.length + 2] : [])]);
  const out: string[] = [tc(lang, "cli.title", { file: path.basename(file) }), "", tableLines([header, ...rows], right, [5, 56]).join("\n")];

  if (unranked.length) {
    out.push("", `${tc(lang, "cli.noTotal")}:`);
    for (const m of unranked) {
      const why = m.findings.find((f) => f.code === "no-total");
      // Without a total there is no rank in the segment either; Inn/Ut and the segment still say where it belongs.
      const where = cl ? checklistCells(m).slice(0, 2) : [];
      out.push(`  –  ${why ? findingMessage(why, lang, model) : (names.get(m.id) ?? m.name)}${where.length ? ` [${where.join(", ")}]` : ""}`);
    }
  }

  if (read.kind === "addin" && read.scorers) out.push(...scorersText(read.scorers, model, lang));
  const findings = allFindings(a);
  out.push("", ...findingLines(findings, lang, model));
  out.push(
    "",
    tc(lang, "cli.summary", {
      ranked: ranked.length,
      count: a.measures.length,
      errors: countOf(findings, "error"),
      warnings: countOf(findings, "warning"),
      infos: countOf(findings, "info"),
    }),
  );
  return out.join("\n");
}

function jsonFinding(f: Finding, lang: Lang, model: Model) {
  return { code: f.code, severity: f.severity, cell: f.cell ?? null, message: findingMessage(f, lang, model) };
}

function renderJson(read: WorkbookRead & { assessment: Assessment }, lang: Lang): string {
  const { assessment: a, model } = read;
  const groupNodes = groups(model);
  // The sheet of each measure, looked up by id (a map, not a search per measure).
  const legacySheets = new Map<string, string>();
  if (read.kind === "legacy") for (const x of [...read.legacy.measures].reverse()) legacySheets.set(x.input.id, x.sheet);
  const scorers = read.kind === "addin" ? read.scorers : undefined;
  const spreads = new Map((scorers?.analysis.spreads ?? []).map((x) => [x.measureId, x]));
  const sheetOf = (m: MeasureResult): string | null => (read.kind === "legacy" ? (legacySheets.get(m.id) ?? null) : read.kind === "addin" ? "Vurdering" : null);
  const measures = a.measures.map((m) => ({
    id: m.id,
    name: m.name,
    sheet: sheetOf(m),
    theme: m.theme ?? null,
    score: m.total,
    rank: m.rank,
    tied: m.tied,
    complete: m.complete,
    ...measureChecklist(read.kind === "addin" ? read.checklist : undefined, m.id),
    groups: Object.fromEntries(groupNodes.map((g) => [g.label[lang], m.values[g.id] ?? null])),
    missing: m.missing,
    invalid: m.invalid,
    comments: m.comments,
    findings: m.findings.map((f) => jsonFinding(f, lang, model)),
    ...(scorers ? { spread: spreadJson(spreads.get(m.id), model, lang) } : {}),
  }));
  const findings = a.findings.map((f) => jsonFinding(f, lang, model));
  return JSON.stringify(scorers ? { measures, findings, scorers: scorersJson(scorers, model, lang) } : { measures, findings }, null, 2);
}

function renderChecklistText(file: string, r: ChecklistReport, lang: Lang, model: Model): string {
  const segmentRows = r.segments.map((s) => [s.segment, String(s.count), String(s.reportsPerYear), reportingText(lang, s.segment)]);
  const rows = [
    [tc(lang, "cli.col.segment"), tc(lang, "cli.checklist.col.measures"), tc(lang, "cli.checklist.col.reports"), tc(lang, "cli.checklist.col.reporting")],
    ...segmentRows,
    [tc(lang, "cli.entry.ut"), String(r.summary.ut), "", ""],
    [tc(lang, "cli.notAssessed"), String(r.summary.notAssessed), "", ""],
    [tc(lang, "cli.checklist.total"), String(r.summary.measures), String(r.summary.reportsPerYear), ""],
  ];
  const out: string[] = [tc(lang, "cli.checklist.title", { file: path.basename(file) }), "", tableLines(rows, new Set([1, 2]), [14, 8, 16, 70]).join("\n")];
  out.push("", tc(lang, "cli.checklist.reportsPerYear", { count: r.summary.reportsPerYear }));

  out.push("", tc(lang, "cli.checklist.notAssessed", { count: r.notAssessed.length }));
  if (r.notAssessed.length === 0) out.push(`  ${tc(lang, "cli.checklist.allAssessed")}`);
  for (const m of r.notAssessed) {
    const questions = m.unanswered.map((u) => `${questionText(lang, u.question)}${u.cell ? ` (${u.cell})` : ""}`).join(", ");
    out.push(`  ${m.id || m.cell}  ${m.name}: ${tc(lang, "cli.checklist.unanswered", { questions })}`);
  }

  const pending = [
    ...r.pending.toChecklist.map((m) => `${m.cell ? `${m.cell}: ` : ""}${tc(lang, "cli.checklist.toChecklist", { name: m.name, id: m.id })}`),
    ...r.pending.toScoring.map((m) => `${m.cell ? `${m.cell}: ` : ""}${tc(lang, "cli.checklist.toScoring", { name: m.name, id: m.id })}`),
    ...r.pending.edits.map((e) => `${e.cell ? `${e.cell}: ` : ""}${tc(lang, "cli.checklist.edit", { id: e.id, column: e.column, sheet: e.sheet, from: e.from, to: e.to })}`),
  ];
  if (pending.length) out.push("", tc(lang, "cli.checklist.pending", { count: pending.length }), ...pending.map((l) => `  ${l}`));

  if (r.segmentChanges.length) {
    out.push("", tc(lang, "cli.checklist.segmentChanges", { count: r.segmentChanges.length }));
    for (const c of r.segmentChanges) {
      const changes = c.changed.map((x) => `${x.column} ${answerWord(x.from)} → ${answerWord(x.to)}`).join("; ");
      const label = (s: string) => (s === CHECKLIST_WORDS.notAssessed ? tc(lang, "cli.notAssessed") : s === CHECKLIST_WORDS.ut ? tc(lang, "cli.entry.ut") : s);
      out.push(`  ${c.cell}: ${tc(lang, "cli.checklist.segmentChange", { name: c.name, id: c.id, from: label(c.from), to: label(c.to), changes })}`);
    }
  }

  out.push("", ...findingLines(r.findings, lang, model));
  out.push(
    "",
    tc(lang, "cli.checklist.summary", {
      count: r.summary.measures,
      errors: countOf(r.findings, "error"),
      warnings: countOf(r.findings, "warning"),
      infos: countOf(r.findings, "info"),
    }),
  );
  return out.join("\n");
}

function renderChecklistJson(r: ChecklistReport, lang: Lang, model: Model): string {
  const { findings, ...rest } = r;
  return JSON.stringify({ ...rest, findings: findings.map((f) => jsonFinding(f, lang, model)) }, null, 2);
}

export async function main(argv: string[], io: Io): Promise<number> {
  // Every command answers --help with its usage (exit 0); `prio --help` lists them all.
  if (wantsHelp(argv)) return helpMain(argv, { ...io, err: (text) => io.err(escapeControls(text)) });
  if (isExportCommand(argv)) return exportMain(argv, io);
  let lang: Lang = "nb";
  if (argv[0] === "select") {
    // Like every command's output: nothing from a cell can drive the terminal.
    const json = argv.includes("--json");
    const safe: Io = { ...io, out: (text) => io.out(json ? escapeJson(text) : escapeControlsKeepLines(text)) };
    return (await import("./select")).selectMain(argv.slice(1), safe);
  }
  if (argv[0] === "plan") {
    // The plan by steps (cli/plan.ts), escaped as every command's output is.
    const json = argv.includes("--json");
    const safe: Io = { ...io, out: (text) => io.out(json ? escapeJson(text) : escapeControlsKeepLines(text)) };
    return (await import("./plan")).planMain(argv.slice(1), safe);
  }
  try {
    const analysis = commandOf(argv);
    if (analysis === "sensitivity" || analysis === "uncertainty") {
      const json = argv.includes("--json");
      const safe: Io = { ...io, out: (text) => io.out(json ? escapeJson(text) : escapeControlsKeepLines(text)) };
      return await (analysis === "sensitivity" ? sensitivityCli : uncertaintyCli)(argv, safe);
    }
    const args = parseArgs(argv);
    lang = args.lang;
    if (args.command === "") {
      io.out(overview(lang));
      return 2;
    }
    if (args.command !== "score" && args.command !== "checklist") throw new UsageError(tc(lang, "cli.error.unknownCommand", { command: args.command }));
    if (!args.file) throw new UsageError(tc(lang, "cli.error.missingFile", { command: args.command }));
    const read = await load(args.file, lang);
    if (args.command === "checklist") {
      if (read.kind !== "addin" || !read.checklist) throw new UsageError(tc(lang, "cli.error.noChecklist", { file: args.file }));
      const report = checklistReport(read.checklist, read.scoring);
      report.findings.unshift(...storeFindings(read.store));
      io.out(
        args.json
          ? escapeJson(renderChecklistJson(report, lang, read.model))
          : escapeControlsKeepLines(renderChecklistText(args.file, escapeDeep(report), lang, escapeDeep(read.model))),
      );
      return 0;
    }
    if (read.kind === "none") throw new UsageError(tc(lang, "cli.error.noMeasures", { file: args.file }));
    read.assessment.findings.unshift(...storeFindings(read.store));
    io.out(args.json ? escapeJson(renderJson(read, lang)) : escapeControlsKeepLines(renderText(args.file, escapeDeep(read), lang)));
    return 0;
  } catch (e) {
    if (e instanceof UsageError) {
      io.err(escapeControls(e.message));
      return 2;
    }
    // Anything else is a defect of ours; still one line, never a stack trace.
    io.err(escapeControls(`prio: ${(e as Error).message ?? String(e)}`));
    return 1;
  }
}
