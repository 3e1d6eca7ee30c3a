/**
 * `prio uncertainty <file.xlsx> [--draws N] [--seed S] [--top N] [--weights P|simplex[:R]|none]
 * [--spread X|none] [--pairwise] [--json] [--lang nb|en]`: Monte Carlo rank acceptability (src/core/uncertainty.ts).
 * Defaults: 10 000 draws, seed 1, top 5, every weight ±20 %, every score ±1 on the scale.
 * `simplex` draws the groups' shares on the whole simplex; `simplex:R` (R per cent, 1–100) on the
 * region around the shares now where every group keeps at least 100 − R per cent of its share.
 *
 * JSON: {"measures": [{"id", "name", "rankProbabilities": [p(place 1), p(place 2), …], "topN": p,
 * "beats": {"<other id>": p(strictly above it), …}, "ties": {"<other id>": p(level), …}}]} for the
 * measures with a total, in their rank order now; `ties` lists only pairs that ever tie, so
 * beats[a][b] + beats[b][a] + (ties[a][b] ?? 0) = 1. `--pairwise` adds the closest rivals to the text.
 */
import * as path from "path";
import { checkOptions, DEFAULT_UNCERTAINTY, simulate, uncertaintyInput, type ScoreDraw, type UncertaintyOptions, type UncertaintyResult, type WeightDraw } from "../core/uncertainty";
import { formatList, probabilityText, type Lang } from "../i18n";
import { tc } from "../i18n/cli-ui";
import { drawSettings, percentCell, st } from "../i18n/stability";
import { decimal, parseAnalysisArgs, wholeNumber } from "./args";
import { escapeDeep } from "../core/escape";
import { load } from "./load";
import { UsageError, type Io } from "./usage";

const DEFAULT_TOP = 5;
const SHOWN_PLACES = 15;

export function weightsOption(lang: Lang, text: string | undefined): WeightDraw {
  if (text === undefined) return DEFAULT_UNCERTAINTY.weights;
  const v = text.trim().toLowerCase();
  if (v === "none") return { kind: "none" };
  if (v === "simplex") return { kind: "simplex" };
  const around = /^simplex:(.*)$/.exec(v);
  if (around) {
    const r = decimal(around[1].replace(/%$/, ""));
    if (!(r > 0 && r <= 100)) throw new UsageError(st(lang, "cli.error.weights"));
    return { kind: "simplex", radius: r / 100 };
  }
  const p = decimal(v.replace(/%$/, ""));
  if (!(p >= 0 && p < 100)) throw new UsageError(st(lang, "cli.error.weights"));
  return p === 0 ? { kind: "none" } : { kind: "relative", spread: p / 100 };
}

export function scoresOption(lang: Lang, text: string | undefined): ScoreDraw {
  if (text === undefined) return DEFAULT_UNCERTAINTY.scores;
  const v = text.trim().toLowerCase();
  if (v === "none") return { kind: "none" };
  const x = decimal(v);
  if (!(x >= 0 && Number.isFinite(x))) throw new UsageError(st(lang, "cli.error.spread"));
  return x === 0 ? { kind: "none" } : { kind: "uniform", spread: x };
}

export async function uncertaintyCli(argv: string[], io: Io): Promise<number> {
  const args = parseAnalysisArgs(argv, ["--draws", "--seed", "--top", "--weights", "--spread"], ["--pairwise"]);
  const lang = args.lang;
  if (args.help) {
    io.out(st(lang, "cli.uncertainty.usage"));
    return 0;
  }
  if (!args.file) throw new UsageError(tc(lang, "cli.error.missingFile", { command: "uncertainty" }));
  const options: UncertaintyOptions = {
    draws: wholeNumber(args.values.get("--draws"), DEFAULT_UNCERTAINTY.draws, 1, 10_000_000, () => st(lang, "cli.error.draws")),
    seed: wholeNumber(args.values.get("--seed"), DEFAULT_UNCERTAINTY.seed, 0, 0xffffffff, () => st(lang, "cli.error.seed")),
    top: wholeNumber(args.values.get("--top"), DEFAULT_TOP, 1, 1_000_000, () => st(lang, "cli.error.top")),
    weights: weightsOption(lang, args.values.get("--weights")),
    scores: scoresOption(lang, args.values.get("--spread")),
  };
  const problem = checkOptions(options);
  if (problem)
    throw new UsageError(st(lang, problem === "weightSpread" || problem === "weightRadius" ? "cli.error.weights" : problem === "scoreSpread" ? "cli.error.spread" : `cli.error.${problem}`));
  // Text output: every string from a cell escaped, so a workbook cannot drive the terminal.
  const loaded = await load(args.file, lang);
  const read = args.json ? loaded : escapeDeep(loaded);
  if (read.kind === "none") throw new UsageError(tc(lang, "cli.error.noMeasures", { file: args.file }));
  const input = uncertaintyInput(read.assessment);
  if (input.measures.length === 0) throw new UsageError(st(lang, "cli.error.noRanked", { file: args.file }));
  const r = simulate(input, options);

  if (args.json) {
    const others = (i: number, row: number[], keep: (p: number) => boolean) =>
      Object.fromEntries(r.ids.flatMap((other, j) => (j !== i && keep(row[j]) ? [[other, row[j]]] : [])));
    const measures = r.ids.map((id, i) => ({
      id,
      name: r.names[i],
      rankProbabilities: r.ranks[i],
      topN: r.topN![i],
      beats: others(i, r.beats![i], () => true),
      ties: others(i, r.ties![i], (p) => p > 0),
    }));
    io.out(JSON.stringify({ measures }, null, 2));
    return 0;
  }

  const { weights, scores } = drawSettings(lang, options.weights, options.scores);
  const n = r.ids.length;
  const places = Math.min(n, SHOWN_PLACES);
  const topLabel = st(lang, "cli.uncertainty.col.top", { top: Math.min(options.top!, n) });
  const header = [tc(lang, "cli.col.rank"), tc(lang, "cli.col.name"), topLabel, st(lang, "cli.uncertainty.col.likely"), ...Array.from({ length: places }, (_, k) => String(k + 1))];
  const rankOf = new Map(read.assessment.measures.map((m) => [m.id, m.rank === null ? "–" : `${m.rank}${m.tied ? "=" : ""}`]));
  const rows = r.ids.map((id, i) => {
    const row = r.ranks[i];
    let best = 0;
    row.forEach((p, k) => (p > row[best] ? (best = k) : undefined));
    return [
      rankOf.get(id) ?? "–",
      r.names[i],
      probabilityText(lang, r.topN![i]),
      st(lang, "cli.uncertainty.likely", { place: best + 1, percent: probabilityText(lang, row[best]) }),
      ...row.slice(0, places).map(percentCell),
    ];
  });
  const widths = header.map((_, c) => Math.min(c === 1 ? 44 : 24, Math.max(...[header, ...rows].map((x) => [...x[c]].length))));
  const fit = (text: string, width: number, right: boolean) => {
    const chars = [...text];
    if (chars.length > width) return chars.slice(0, width - 1).join("") + "…";
    return right ? text.padStart(width) : text.padEnd(width);
  };
  const line = (cells: string[]) => cells.map((c, k) => fit(c, widths[k], k !== 1 && k !== 3)).join("  ").trimEnd();
  const unranked = read.assessment.measures.length - n;
  const out = [
    st(lang, "cli.uncertainty.title", { file: path.basename(args.file) }),
    st(lang, "cli.uncertainty.setup", { draws: options.draws, seed: options.seed, weights, scores }),
    "",
    `${" ".repeat(widths.slice(0, 4).reduce((a, b) => a + b + 2, 0))}${st(lang, "cli.uncertainty.col.places")}`,
    line(header),
    ...rows.map(line),
    "",
    st(lang, "cli.uncertainty.note", { count: unranked }),
    ...(args.flags.has("--pairwise") ? ["", st(lang, "cli.uncertainty.pairwiseTitle"), ...rivalLines(lang, r)] : []),
  ];
  io.out(out.join("\n"));
  return 0;
}

/** How many rivals a line names. */
const RIVALS = 3;

/**
 * For each measure its closest rivals: the other measures it does not always beat or always lose
 * to, the closest to an even contest first (at most three, then in rank order), with the chance
 * of standing before each; when there is none, how many it always stands before and behind.
 */
export function rivalLines(lang: Lang, r: UncertaintyResult): string[] {
  const beats = r.beats!;
  const ties = r.ties!;
  const pct = (p: number) => probabilityText(lang, p);
  return r.ids.map((_, i) => {
    const contested = r.ids
      .map((__, j) => j)
      .filter((j) => j !== i && (ties[i][j] > 0 || (beats[i][j] > 0 && beats[i][j] < 1)))
      .sort((a, b) => Math.abs(beats[i][a] + ties[i][a] / 2 - 0.5) - Math.abs(beats[i][b] + ties[i][b] / 2 - 0.5) || a - b)
      .slice(0, RIVALS)
      .sort((a, b) => a - b);
    if (contested.length === 0) {
      const ahead = r.ids.filter((__, j) => j !== i && beats[i][j] === 1).length;
      return st(lang, "cli.uncertainty.noRival", { name: r.names[i], ahead, behind: r.ids.length - 1 - ahead });
    }
    const rivals = contested.map((j) =>
      ties[i][j] > 0
        ? st(lang, "cli.uncertainty.rivalTie", { name: r.names[j], percent: pct(beats[i][j]), tie: pct(ties[i][j]) })
        : st(lang, "cli.uncertainty.rival", { name: r.names[j], percent: pct(beats[i][j]) }),
    );
    return st(lang, "cli.uncertainty.rivals", { name: r.names[i], rivals: formatList(lang, rivals) });
  });
}
