/**
 * `prio slides <file.xlsx> [-o out.pptx] [--force] [--lang nb|en] [--top N] [--segment NAME] [--skjul-ut]
 *  [--segment-lists] [--acceptability] [--title T] [--meeting M] [--date YYYY-MM-DD]`: the secretariat's deck, written beside the
 * workbook as «Prioritering <date>.pptx» unless -o says where; prints where it went. A file that
 * exists is not overwritten without --force (one line naming --force and -o, exit 2). The date is
 * --date, else the meeting's (from --meeting, else from the meeting line the task pane remembered
 * in the workbook), else today. Title and meeting default to what the pane remembered
 * (src/cli/remembered.ts), so both make the same title slide; the flags override it. --top is
 * at most the number of ranked measures, as in the pane; --date must be a day in the calendar.
 * `prio score <file.xlsx> --csv [--lang nb|en]`: the ranked list as CSV on stdout.
 * The same deck builder and CSV as the task pane (src/export); the same readers and one-line
 * messages with exit 2 as `prio score`.
 */
import { promises as fs } from "fs";
import * as path from "path";
import { SEGMENTS } from "../core/checklist";
import type { Lang } from "../i18n";
import { tc } from "../i18n/cli-ui";
import { cs } from "../i18n/cli-slides";
import { buildDeck, deckFileName } from "../export/deck";
import { dateFromText, isoDate } from "../export/file-name";
import { exportTable, framesText, type SegmentFilter } from "../export/rows";
import { toCsv } from "../export/table-text";
import { loadGrids } from "./load";
import { UsageError, type Io } from "./usage";
import { readWorkbook, type WorkbookRead } from "../grid/workbook";
import type { Grid } from "../grid/grid";
import { setsBudgetFrame } from "../grid/budget-frame";
import { rememberedExportSettings } from "./remembered";
import type { SelectionSplit } from "../export/selection-split";
import type { PlanResult } from "../core/plan";

/** Whether main() should hand the arguments to this file. */
export function isExportCommand(argv: string[]): boolean {
  return argv[0] === "slides" || (argv[0] === "score" && argv.includes("--csv"));
}

interface ExportArgs {
  command: "slides" | "csv";
  file?: string;
  out?: string;
  lang: Lang;
  top: number | null;
  segment: SegmentFilter;
  hideUt: boolean;
  segmentLists: boolean;
  acceptability: boolean;
  title?: string;
  meeting?: string;
  date?: string;
  /** Overwrite a file that exists (without it, one line saying so and exit 2). */
  force: boolean;
  help: boolean;
}

/** A segment as typed on the command line: any case, «ikke vurdert»/«ikke-vurdert», Ut. */
export function parseSegment(value: string): SegmentFilter | undefined {
  const v = value.trim().toLocaleLowerCase("nb-NO").replace(/[\s_]+/g, "-");
  if (v === "ut" || v === "out") return "ut";
  if (v === "ikke-vurdert" || v === "not-assessed") return "ikke-vurdert";
  return SEGMENTS.find((s) => s.toLowerCase() === v);
}

function parse(argv: string[]): ExportArgs {
  const li = argv.indexOf("--lang");
  let lang: Lang = "nb";
  if (li >= 0) {
    const v = argv[li + 1];
    if (v !== "nb" && v !== "en") throw new UsageError(tc("nb", "cli.error.lang"));
    lang = v;
  }
  const args: ExportArgs = { command: argv[0] === "slides" ? "slides" : "csv", lang, top: null, segment: "alle", hideUt: false, segmentLists: false, acceptability: false, force: false, help: false };
  const value = (i: number, option: string): string => {
    const v = argv[i + 1];
    if (v === undefined || (v.startsWith("-") && v.length > 1)) throw new UsageError(cs(lang, "cli.error.missingValue", { option }));
    return v;
  };
  for (let i = 1; i < argv.length; i++) {
    const a = argv[i];
    const slidesOnly = () => {
      if (args.command !== "slides") throw new UsageError(tc(lang, "cli.error.unknownOption", { option: a }));
    };
    if (a === "--lang") i++;
    else if (a === "--csv" && args.command === "csv") continue;
    else if (a === "--help" || a === "-h") args.help = true;
    else if (a === "-o" || a === "--out") {
      slidesOnly();
      args.out = value(i++, a);
    } else if (a === "--top") {
      const v = value(i++, a);
      if (!/^\d+$/.test(v) || Number(v) < 1) throw new UsageError(cs(lang, "cli.error.top", { value: v }));
      args.top = Number(v);
    } else if (a === "--segment") {
      const v = value(i++, a);
      const s = parseSegment(v);
      if (!s) throw new UsageError(cs(lang, "cli.error.segment", { value: v }));
      args.segment = s;
    } else if (a === "--skjul-ut" || a === "--hide-out") args.hideUt = true;
    else if (a === "--segment-lists") {
      slidesOnly();
      args.segmentLists = true;
    } else if (a === "--acceptability") {
      slidesOnly();
      args.acceptability = true;
    }
    else if (a === "--force") {
      slidesOnly();
      args.force = true;
    } else if (a === "--title") {
      slidesOnly();
      args.title = value(i++, a);
    } else if (a === "--meeting") {
      slidesOnly();
      args.meeting = value(i++, a);
    } else if (a === "--date") {
      slidesOnly();
      const v = value(i++, a);
      if (!/^\d{4}-\d{2}-\d{2}$/.test(v)) throw new UsageError(cs(lang, "cli.error.date", { value: v }));
      // The form is right; the day must exist too (no 2022-02-30).
      if (dateFromText(v) !== v) throw new UsageError(cs(lang, "cli.error.dateNotReal", { value: v }));
      args.date = v;
    } else if (a.startsWith("-") && a.length > 1) throw new UsageError(tc(lang, "cli.error.unknownOption", { option: a }));
    else if (!args.file) args.file = a;
    else throw new UsageError(tc(lang, "cli.error.unknownOption", { option: a }));
  }
  return args;
}

/**
 * The exact selection's lists when the workbook's Modell sets a budget frame (they replace --top
 * on the slides); the selection and HiGHS load only then. Undefined without a frame or an answer.
 */
async function selectionSplit(grids: Grid[], read: WorkbookRead): Promise<SelectionSplit | undefined> {
  if (read.kind !== "addin" || !setsBudgetFrame(grids)) return undefined;
  const [{ readSelectionInputs }, { select }, { highsSolver }, { splitOf }] = await Promise.all([
    import("../grid/selection-inputs"),
    import("../core/select"),
    import("../solve/highs"),
    import("../export/selection-split"),
  ]);
  const { problem } = readSelectionInputs(grids, read);
  if (problem.budget === null) return undefined;
  return splitOf(await select({ ...problem, budget: problem.budget }, highsSolver(), { entryBudgets: false, frontier: false }));
}

/** The plan by steps when the workbook's Modell has a steps table (the roadmap slide); the plan's code and HiGHS load only then. */
async function stepsPlan(grids: Grid[], read: WorkbookRead): Promise<PlanResult | undefined> {
  if (read.kind !== "addin") return undefined;
  const { setsSteps } = await import("../grid/plan-layout");
  if (!setsSteps(grids)) return undefined;
  const [{ readSelectionInputs }, { planProblemOf }, { plan }, { highsSolver }] = await Promise.all([
    import("../grid/selection-inputs"),
    import("../grid/plan-problem"),
    import("../core/plan"),
    import("../solve/highs"),
  ]);
  const inputs = readSelectionInputs(grids, read);
  if (!inputs.columns.cost) return undefined;
  const { problem } = planProblemOf(inputs);
  return problem ? plan(problem, highsSolver()) : undefined;
}

function writeReason(lang: Lang, e: unknown): string {
  const code = (e as { code?: string }).code;
  if (code === "ENOENT" || code === "ENOTDIR") return cs(lang, "cli.error.writeDir");
  if (code === "EACCES" || code === "EPERM" || code === "EROFS") return cs(lang, "cli.error.writeAccess");
  if (code === "EISDIR") return cs(lang, "cli.error.writeIsDir");
  return code ?? String((e as Error).message ?? e).split("\n")[0];
}

export async function exportMain(argv: string[], io: Io, now: () => Date = () => new Date()): Promise<number> {
  let lang: Lang = "nb";
  try {
    const args = parse(argv);
    lang = args.lang;
    if (args.help) {
      io.out(cs(lang, "cli.slides.usage"));
      return 0;
    }
    const command = args.command === "slides" ? "slides" : "score";
    if (!args.file) throw new UsageError(tc(lang, "cli.error.missingFile", { command }));
    const grids = await loadGrids(args.file, lang);
    const read = readWorkbook(grids);
    if (read.kind === "none") throw new UsageError(tc(lang, "cli.error.noMeasures", { file: args.file }));
    const placements = read.kind === "addin" ? read.checklist?.placements : undefined;
    if ((args.segment !== "alle" || args.hideUt) && !placements) throw new UsageError(tc(lang, "cli.error.noChecklist", { file: args.file }));
    // As in the pane: the cut can be at most the number of ranked measures.
    const maxTop = Math.max(1, read.assessment.measures.filter((m) => m.rank !== null).length);
    if (args.top !== null && args.top > maxTop) throw new UsageError(cs(lang, "cli.error.topTooLarge", { value: args.top, max: maxTop }));
    const input = { assessment: read.assessment, placements };
    const selection = { segment: args.segment, hideUt: args.hideUt, top: args.top };

    if (args.command === "csv") {
      // The byte-order mark is for Excel opening a saved file; it goes to stdout as well.
      io.out(toCsv(exportTable(input, lang, selection)).replace(/\r\n$/, ""));
      return 0;
    }

    // What the task pane remembered in the workbook, unless the flags say otherwise.
    const remembered = await rememberedExportSettings(args.file);
    const title = args.title ?? (remembered?.title || undefined);
    const meeting = args.meeting ?? (remembered?.meeting || undefined);
    const date = args.date ?? (meeting ? dateFromText(meeting) : undefined) ?? isoDate(now());
    const split = await selectionSplit(grids, read);
    const plan = await stepsPlan(grids, read);
    const bytes = await buildDeck(input, { lang, date, title, meeting, slides: { segmentLists: args.segmentLists, acceptability: args.acceptability }, ...selection, split, ...(plan ? { plan } : {}) });
    const out = args.out ?? path.join(path.dirname(args.file), deckFileName(date, lang));
    try {
      // A person's file is never overwritten unless they ask (--force): "wx" fails when the file exists.
      await fs.writeFile(out, bytes, { flag: args.force ? "w" : "wx" });
    } catch (e) {
      const folder = (e as { code?: string }).code === "EEXIST" && (await fs.stat(out).then((st) => st.isDirectory(), () => false));
      if ((e as { code?: string }).code === "EEXIST" && !folder) throw new UsageError(cs(lang, "cli.error.exists", { file: out }));
      if (folder) throw new UsageError(cs(lang, "cli.error.write", { file: out, reason: cs(lang, "cli.error.writeIsDir") }));
      throw new UsageError(cs(lang, "cli.error.write", { file: out, reason: writeReason(lang, e) }));
    }
    io.out(cs(lang, "cli.slides.written", { file: out }));
    // Which frames split the list (the workbook's Modell): the secretariat checks them before the meeting.
    const frames = split ? framesText({ lang, split }) : null;
    if (frames) io.out(cs(lang, "cli.slides.split", { frames }));
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
