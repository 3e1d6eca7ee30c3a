/**
 * `prio --help`, `prio help [command]` and `prio <command> --help`: every command's usage, exit 0.
 * The overview lists every command; a command's usage lists all its options. An unknown command is
 * the usual one line on stderr with exit 2.
 */
import type { Lang } from "../i18n";
import { tc } from "../i18n/cli-ui";
import { cliHelp } from "../i18n/cli-help";
import { cs } from "../i18n/cli-slides";
import { st } from "../i18n/stability";
import type { Io } from "./usage";

/** Every command of `prio`, in the order the overview lists them. */
export const COMMANDS = ["score", "checklist", "slides", "select", "sensitivity", "uncertainty"] as const;

/** Whether the arguments ask for help: --help or -h anywhere, or `prio help …`. */
export function wantsHelp(argv: readonly string[]): boolean {
  return argv.includes("--help") || argv.includes("-h") || argv[0] === "help";
}

/** The overview (every command). */
export function overview(lang: Lang): string {
  return cliHelp(lang, "overview");
}

/** A command's usage; undefined for a word that is not a command. */
export function commandUsage(lang: Lang, command: string, csv = false): string | undefined {
  switch (command) {
    case "score":
      return csv ? cs(lang, "cli.slides.usage") : cliHelp(lang, "score");
    case "checklist":
      return cliHelp(lang, "checklist");
    case "select":
      return cliHelp(lang, "select");
    case "slides":
      return cs(lang, "cli.slides.usage");
    case "sensitivity":
      return st(lang, "cli.sensitivity.usage");
    case "uncertainty":
      return st(lang, "cli.uncertainty.usage");
    default:
      return undefined;
  }
}

export function helpMain(argv: readonly string[], io: Io): number {
  let lang: Lang = "nb";
  const li = argv.indexOf("--lang");
  if (li >= 0) {
    const v = argv[li + 1];
    if (v !== "nb" && v !== "en") {
      io.err(tc("nb", "cli.error.lang"));
      return 2;
    }
    lang = v;
  }
  const words = argv.filter((a, i) => !a.startsWith("-") && !(i > 0 && argv[i - 1] === "--lang"));
  const command = words[0] === "help" ? words[1] : words[0];
  if (command === undefined) {
    io.out(overview(lang));
    return 0;
  }
  const usage = commandUsage(lang, command, argv.includes("--csv"));
  if (usage === undefined) {
    io.err(tc(lang, "cli.error.unknownCommand", { command }));
    return 2;
  }
  io.out(usage);
  return 0;
}
