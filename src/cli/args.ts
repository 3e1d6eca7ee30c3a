/**
 * Arguments of the analysis commands (sensitivity, uncertainty), which take options with values.
 * The language is read first so that every other message can be in it, as in main.ts.
 */
import type { Lang } from "../i18n";
import { tc } from "../i18n/cli-ui";
import { st } from "../i18n/stability";
import { UsageError } from "./usage";

/** The command word: the first argument that is neither an option nor the value of one. */
export function commandOf(argv: string[], valued: readonly string[] = ["--lang"]): string | undefined {
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (valued.includes(a)) i++;
    else if (!a.startsWith("-")) return a;
  }
  return undefined;
}

export interface ParsedArgs {
  lang: Lang;
  file?: string;
  json: boolean;
  help: boolean;
  flags: Set<string>;
  values: Map<string, string>;
}

/** Parses `<command> <file> [options]`; `valued` options take the next argument, `flags` none. */
export function parseAnalysisArgs(argv: string[], valued: readonly string[], flags: readonly string[]): ParsedArgs {
  let lang: Lang = "nb";
  const li = argv.indexOf("--lang");
  if (li >= 0) {
    const v = argv[li + 1];
    if (v !== "nb" && v !== "en") throw new UsageError(tc("nb", "cli.error.lang"));
    lang = v;
  }
  const out: ParsedArgs = { lang, json: false, help: false, flags: new Set(), values: new Map() };
  let command: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === "--lang") i++;
    else if (a === "--json") out.json = true;
    else if (a === "--help" || a === "-h") out.help = true;
    else if (valued.includes(a)) {
      const v = argv[i + 1];
      if (v === undefined || v.startsWith("--")) throw new UsageError(st(lang, "cli.error.value", { option: a }));
      out.values.set(a, v);
      i++;
    } else if (flags.includes(a)) out.flags.add(a);
    else if (a.startsWith("--")) throw new UsageError(tc(lang, "cli.error.unknownOption", { option: a }));
    else if (command === undefined) command = a;
    else if (out.file === undefined) out.file = a;
    else throw new UsageError(tc(lang, "cli.error.unknownOption", { option: a }));
  }
  return out;
}

/** A whole number within bounds, or the usage error. */
export function wholeNumber(text: string | undefined, fallback: number, min: number, max: number, error: () => string): number {
  if (text === undefined) return fallback;
  const n = /^\d+$/.test(text.trim()) ? Number(text.trim()) : NaN;
  if (!Number.isInteger(n) || n < min || n > max) throw new UsageError(error());
  return n;
}

/** A decimal number typed either way (0,5 or 0.5), or NaN. */
export function decimal(text: string): number {
  const s = text.trim().replace(",", ".");
  return /^\d+(\.\d+)?$/.test(s) ? Number(s) : NaN;
}
