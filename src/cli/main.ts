/**
 * `prio score <file.xlsx> [--json] [--lang nb|en]`: the same core as the add-in, on a file.
 * Exit 0 when scored (findings are not failures); 2 with one line on stderr for bad input.
 */
import { promises as fs } from "fs";
import * as path from "path";
import { allFindings, rankLabel, type Assessment, type MeasureResult } from "../core/assess";
import { bySeverity, type Finding } from "../core/findings";
import { groups, type Model } from "../core/model";
import { findingMessage, formatNumber, severityLabel, t, type Lang } from "../i18n";
import { readWorkbook, type WorkbookRead } from "../grid/workbook";
import { readXlsx } from "./xlsx";

export interface Io {
  out(text: string): void;
  err(text: string): void;
}

class UsageError extends Error {}

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
    if (v !== "nb" && v !== "en") throw new UsageError(t("nb", "cli.error.lang"));
    args.lang = v;
  }
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === "--lang") i++;
    else if (a === "--json") args.json = true;
    else if (a === "--help" || a === "-h") args.command = "help";
    else if (a.startsWith("--")) throw new UsageError(t(args.lang, "cli.error.unknownOption", { option: a }));
    else if (!args.command) args.command = a;
    else if (!args.file) args.file = a;
    else throw new UsageError(t(args.lang, "cli.error.unknownOption", { option: a }));
  }
  return args;
}

/** A number to one decimal for totals, two for groups; "–" for none. */
const num = (lang: Lang, v: number | null | undefined, digits: number): string => (typeof v === "number" ? formatNumber(lang, v, digits) : "–");

function completeness(lang: Lang, m: MeasureResult): string {
  if (m.complete) return t(lang, "cli.yes");
  const parts: string[] = [];
  if (m.missing.length) parts.push(lang === "nb" ? `${m.missing.length} mangler` : `${m.missing.length} missing`);
  if (m.invalid.length) parts.push(lang === "nb" ? `${m.invalid.length} ugyldig` : `${m.invalid.length} invalid`);
  return `${t(lang, "cli.no")} (${parts.join(", ")})`;
}

function pad(s: string, width: number, right = false): string {
  const len = [...s].length;
  if (len > width) return [...s].slice(0, width - 1).join("") + "…";
  return right ? " ".repeat(width - len) + s : s + " ".repeat(width - len);
}

function table(rows: string[][], rightAligned: Set<number>, maxWidth: number[]): string {
  const widths = rows[0].map((_, c) => Math.min(maxWidth[c] ?? 60, Math.max(...rows.map((r) => [...r[c]].length))));
  return rows.map((r) => r.map((cell, c) => pad(cell, widths[c], rightAligned.has(c))).join("  ").trimEnd()).join("\n");
}

function renderText(file: string, read: WorkbookRead & { assessment: Assessment }, lang: Lang): string {
  const { assessment: a, model } = read;
  const top = model.criteria;
  const header = [t(lang, "cli.col.rank"), t(lang, "cli.col.name"), t(lang, "cli.col.score"), ...top.map((g) => g.label[lang]), t(lang, "cli.col.complete")];
  const ranked = a.measures.filter((m) => m.rank !== null);
  const unranked = a.measures.filter((m) => m.rank === null);
  const rows = ranked.map((m) => [
    rankLabel(m),
    m.name,
    num(lang, m.total, 1),
    ...top.map((g) => num(lang, m.values[g.id], 2)),
    completeness(lang, m),
  ]);
  const right = new Set([0, 2, ...top.map((_, i) => 3 + i)]);
  const out: string[] = [t(lang, "cli.title", { file: path.basename(file) }), "", table([header, ...rows], right, [5, 56])];

  if (unranked.length) {
    out.push("", `${t(lang, "cli.noTotal")}:`);
    for (const m of unranked) {
      const why = m.findings.find((f) => f.code === "no-total");
      out.push(`  –  ${why ? findingMessage(why, lang, model) : m.name}`);
    }
  }

  const findings = allFindings(a).sort(bySeverity);
  out.push("", t(lang, "cli.findings", { count: findings.length }));
  if (findings.length === 0) out.push(t(lang, "cli.noFindings"));
  for (const f of findings) out.push(`  [${severityLabel(f.severity, lang)}] ${f.cell ? `${f.cell}: ` : ""}${findingMessage(f, lang, model)}`);
  const count = (s: Finding["severity"]) => findings.filter((f) => f.severity === s).length;
  out.push(
    "",
    t(lang, "cli.summary", {
      ranked: ranked.length,
      count: a.measures.length,
      errors: count("error"),
      warnings: count("warning"),
      infos: count("info"),
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
  const sheetOf = (m: MeasureResult): string | null =>
    read.kind === "legacy" ? (read.legacy.measures.find((x) => x.input.id === m.id)?.sheet ?? null) : read.kind === "addin" ? "Vurdering" : null;
  const measures = a.measures.map((m) => ({
    id: m.id,
    name: m.name,
    sheet: sheetOf(m),
    theme: m.theme ?? null,
    score: m.total,
    rank: m.rank,
    tied: m.tied,
    complete: m.complete,
    groups: Object.fromEntries(groupNodes.map((g) => [g.label[lang], m.values[g.id] ?? null])),
    missing: m.missing,
    invalid: m.invalid,
    comments: m.comments,
    findings: m.findings.map((f) => jsonFinding(f, lang, model)),
  }));
  return JSON.stringify({ measures, findings: a.findings.map((f) => jsonFinding(f, lang, model)) }, null, 2);
}

async function load(file: string, lang: Lang): Promise<WorkbookRead> {
  let stat;
  try {
    stat = await fs.stat(file);
  } catch {
    throw new UsageError(t(lang, "cli.error.noFile", { file }));
  }
  if (!stat.isFile()) throw new UsageError(t(lang, "cli.error.notWorkbook", { file, reason: lang === "nb" ? "ikke en fil" : "not a file" }));
  let grids;
  try {
    grids = (await readXlsx(file)).grids;
  } catch (e) {
    const reason = ((e as Error).message || String(e)).split("\n")[0];
    throw new UsageError(t(lang, "cli.error.notWorkbook", { file, reason }));
  }
  // A zip without a single worksheet (an empty zip renamed .xlsx) is not a workbook: Excel needs one sheet.
  if (grids.length === 0) throw new UsageError(t(lang, "cli.error.notWorkbook", { file, reason: lang === "nb" ? "ingen regneark" : "no worksheets" }));
  return readWorkbook(grids);
}

export async function main(argv: string[], io: Io): Promise<number> {
  let lang: Lang = "nb";
  try {
    const args = parseArgs(argv);
    lang = args.lang;
    if (args.command === "" || args.command === "help") {
      io.out(t(lang, "cli.usage"));
      return args.command === "help" ? 0 : 2;
    }
    if (args.command !== "score") throw new UsageError(t(lang, "cli.error.unknownCommand", { command: args.command }));
    if (!args.file) throw new UsageError(t(lang, "cli.error.missingFile", { command: args.command }));
    const read = await load(args.file, lang);
    if (read.kind === "none") throw new UsageError(t(lang, "cli.error.noMeasures", { file: args.file }));
    io.out(args.json ? renderJson(read, lang) : renderText(args.file, read, lang));
    return 0;
  } catch (e) {
    if (e instanceof UsageError) {
      io.err(e.message);
      return 2;
    }
    // Anything else is a defect of ours; still one line, never a stack trace.
    io.err(`prio: ${(e as Error).message ?? String(e)}`);
    return 1;
  }
}
