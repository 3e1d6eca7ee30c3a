/**
 * `prio select <file.xlsx> --uncertainty [--draws N] [--seed S] [--weights P|simplex[:R]|none]
 * [--spread X|none] [--core Q] [--given ID|!ID …] [--json]`: the selection as `prio select` gives
 * it, and how sure each measure's place is (src/core/funding.ts): the share of the draws in which
 * it is on the minimum list, on the plus list and selected at all, and its label (kjerne / grense /
 * utenfor). The draws are `prio uncertainty`'s (the same options, read by the same functions, and the
 * same seeded generator); default 1,000 draws. `--core Q`: core from Q % selected, exterior up to
 * 100 − Q % (default 95). `--given ID` (repeatable; `!ID` for off the list): what the council's
 * choice implies about the weights, and the measures it displaces.
 *
 * JSON: the selection's JSON, with a top-level "uncertainty": {"draws": done, "requested", "seed",
 * "weights", "spread", "core", "exterior"} and in every element of "measures" "pMinimum", "pPlus",
 * "pSelected" (shares of the draws done, 0–1; null when none was done) and "robust" ("core",
 * "borderline", "exterior"); a measure named by --given also "given": {"on", "count", "share",
 * "weights": {"<group>": {"mean", "meanAll", "now"}}, "displaces" (on) or "admits" (off): [{"id",
 * "name", "share", "shareAll"}]}. The same seed gives the same bytes.
 */
import { DEFAULT_FUNDING, fund, given as givenOf, sharesOf, type FundingOptions, type FundingResult, type GivenResult } from "../core/funding";
import type { Assessment } from "../core/assess";
import type { SelectionProblem } from "../core/selection-problem";
import type { SelectionResult } from "../core/select";
import { uncertaintyInput, type ScoreDraw, type WeightDraw } from "../core/uncertainty";
import type { Lang } from "../i18n";
import { fu, givenSentences, robustLabel, sharePercent, thresholdPercent } from "../i18n/funding";
import { drawCount, drawSettings, st as stabilityText } from "../i18n/stability";
import { highsSolver } from "../solve/highs";
import { decimal, wholeNumber } from "./args";
import { scoresOption, weightsOption } from "./uncertainty";
import { UsageError } from "./usage";

const VALUED = ["--draws", "--seed", "--weights", "--spread", "--core", "--given"] as const;

export interface FundingArgs {
  options: FundingOptions;
  given: { id: string; on: boolean }[];
}

/**
 * Takes the funding options out of `argv`: the rest goes to `prio select`'s own parser. Null
 * funding without --uncertainty (then none of its options may be given).
 */
export function fundingArgs(argv: string[]): { rest: string[]; funding: FundingArgs | null } {
  const li = argv.indexOf("--lang");
  const lang: Lang = li >= 0 && argv[li + 1] === "en" ? "en" : "nb";
  const rest: string[] = [];
  const values = new Map<string, string>();
  const givens: string[] = [];
  let on = false;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === "--lang") {
      rest.push(a, ...argv.slice(i + 1, i + 2));
      i++;
    } else if (a === "--uncertainty") on = true;
    else if ((VALUED as readonly string[]).includes(a)) {
      const v = argv[i + 1];
      if (v === undefined || (v.startsWith("--") && a !== "--given")) throw new UsageError(stabilityText(lang, "cli.error.value", { option: a }));
      if (a === "--given") givens.push(v);
      else values.set(a, v);
      i++;
    } else rest.push(a);
  }
  if (!on) {
    const stray = [...values.keys(), ...(givens.length ? ["--given"] : [])];
    if (stray.length) throw new UsageError(fu(lang, "cli.error.needsUncertainty", { option: stray[0] }));
    return { rest, funding: null };
  }
  const coreText = values.get("--core");
  let core = DEFAULT_FUNDING.core!;
  if (coreText !== undefined) {
    const q = decimal(coreText.replace(/%$/, ""));
    if (!(q > 50 && q <= 100)) throw new UsageError(fu(lang, "cli.error.core"));
    core = q / 100;
  }
  const options: FundingOptions = {
    draws: wholeNumber(values.get("--draws"), DEFAULT_FUNDING.draws, 1, 100_000, () => fu(lang, "cli.error.draws")),
    seed: wholeNumber(values.get("--seed"), DEFAULT_FUNDING.seed, 0, 0xffffffff, () => stabilityText(lang, "cli.error.seed")),
    weights: weightsOption(lang, values.get("--weights")),
    scores: scoresOption(lang, values.get("--spread")),
    core,
    exterior: Number((1 - core).toPrecision(12)),
  };
  const given = givens.map((g) => (g.startsWith("!") ? { id: g.slice(1).trim(), on: false } : { id: g.trim(), on: true }));
  for (const g of given) if (given.some((h) => h.id === g.id && h.on !== g.on)) throw new UsageError(fu(lang, "cli.error.givenBoth", { id: g.id }));
  return { rest, funding: { options, given: given.filter((g, k) => given.findIndex((h) => h.id === g.id) === k) } };
}

/** The option as typed on the command line: 20, simplex, simplex:30, none. */
const percentText = (share: number): string => String(Number((share * 100).toPrecision(12)));
export function weightsText(w: WeightDraw): string {
  return w.kind === "relative" ? percentText(w.spread) : w.kind === "simplex" ? (w.radius === undefined || w.radius >= 1 ? "simplex" : `simplex:${percentText(w.radius)}`) : "none";
}
export function spreadText(s: ScoreDraw): string {
  return s.kind === "uniform" ? String(s.spread) : "none";
}

export interface FundingContext {
  json: boolean;
  lang: Lang;
  assessment: Assessment;
  problem: SelectionProblem;
  result: SelectionResult;
}

/** The selection's output (text or JSON) with the funding probabilities added. */
export async function withFunding(out: string, funding: FundingArgs, ctx: FundingContext): Promise<string> {
  const { lang, problem } = ctx;
  const known = new Set(problem.items.map((it) => it.id));
  for (const g of funding.given) if (!known.has(g.id)) throw new UsageError(fu(lang, "cli.error.given", { id: g.id }));
  const r = await fund({ draws: uncertaintyInput(ctx.assessment), problem }, funding.options, highsSolver());
  const givens = new Map(funding.given.map((g) => [g.id, givenOf(r, g.id, g.on)!]));
  const labelOf = new Map(ctx.assessment.model.criteria.map((g) => [g.id, g.label[lang]]));
  const groupLabel = (id: string) => labelOf.get(id) ?? id;
  return ctx.json ? jsonWithFunding(out, r, givens, groupLabel) : `${out}\n\n${fundingText(r, ctx, givens, groupLabel).join("\n")}`;
}

function jsonWithFunding(out: string, r: FundingResult, givens: Map<string, GivenResult>, groupLabel: (id: string) => string): string {
  const doc = JSON.parse(out) as { measures: { id: string }[] } & Record<string, unknown>;
  const index = new Map(r.ids.map((id, i) => [id, i]));
  doc.measures = doc.measures.map((m) => {
    const i = index.get(m.id);
    const s = i === undefined ? sharesOf({ ...r, done: 0 }, 0) : sharesOf(r, i);
    const g = givens.get(m.id);
    return {
      ...m,
      pMinimum: s.pMinimum,
      pPlus: s.pPlus,
      pSelected: s.pSelected,
      robust: s.robust,
      ...(g
        ? {
            given: {
              on: g.on,
              count: g.count,
              share: g.share,
              weights: Object.fromEntries(g.weights.map((w) => [groupLabel(w.group), { mean: w.mean, meanAll: w.meanAll, now: w.now }])),
              [g.on ? "displaces" : "admits"]: g.others,
            },
          }
        : {}),
    };
  });
  doc.uncertainty = { draws: r.done, requested: r.requested, seed: r.seed, weights: weightsText(r.weights), spread: spreadText(r.scores), core: r.core, exterior: r.exterior };
  return JSON.stringify(doc, null, 2);
}

function fundingText(r: FundingResult, ctx: FundingContext, givens: Map<string, GivenResult>, groupLabel: (id: string) => string): string[] {
  const { lang } = ctx;
  const { weights, scores } = drawSettings(lang, r.weights, r.scores);
  const out = [fu(lang, "cli.title")];
  const setup = { draws: drawCount(lang, r.requested), done: drawCount(lang, r.done), seed: r.seed, weights, scores };
  out.push(fu(lang, r.done === r.requested ? "cli.setupAll" : "cli.setupSome", setup));
  if (r.done === 0) {
    out.push(fu(lang, "cli.none"));
    return out;
  }
  out.push(fu(lang, "cli.labels", { core: thresholdPercent(lang, r.core), exterior: thresholdPercent(lang, r.exterior) }), "");
  const listNow = new Map(ctx.result.status === "ok" ? ctx.result.measures.map((m) => [m.id, m.list]) : []);
  const order = { minimum: 0, plus: 1, out: 2 } as const;
  const rows = r.ids
    .map((id, i) => ({ id, i, list: listNow.get(id) ?? "out", s: sharesOf(r, i) }))
    .sort((a, b) => order[a.list] - order[b.list] || (b.s.pSelected ?? 0) - (a.s.pSelected ?? 0) || (b.s.pMinimum ?? 0) - (a.s.pMinimum ?? 0) || a.i - b.i);
  const header = [fu(lang, "col.id"), fu(lang, "col.name"), fu(lang, "col.now"), fu(lang, "col.minimum"), fu(lang, "col.plus"), fu(lang, "col.selected"), fu(lang, "col.robust")];
  const body = rows.map((x) => [
    x.id,
    r.names[x.i],
    fu(lang, `now.${x.list}`),
    sharePercent(lang, x.s.pMinimum!),
    sharePercent(lang, x.s.pPlus!),
    sharePercent(lang, x.s.pSelected!),
    robustLabel(lang, x.s.robust),
  ]);
  const widths = header.map((_, c) => Math.min(c === 1 ? 48 : 12, Math.max(...[header, ...body].map((row) => [...row[c]].length))));
  const fit = (text: string, width: number, right: boolean) => {
    const chars = [...text];
    if (chars.length > width) return chars.slice(0, width - 1).join("") + "…";
    return right ? text.padStart(width) : text.padEnd(width);
  };
  const right = new Set([3, 4, 5]);
  for (const row of [header, ...body]) out.push(`  ${row.map((c, k) => fit(c, widths[k], right.has(k))).join("  ").trimEnd()}`);
  if (givens.size) {
    out.push("", fu(lang, "given.title"));
    for (const g of givens.values()) for (const line of givenSentences(lang, g, groupLabel, drawCount(lang, r.done))) out.push(`  ${line}`);
  }
  return out;
}
