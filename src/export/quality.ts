/**
 * The data-quality slide as values: how many findings of each severity, and the findings that
 * change a rank or a total, one row per measure with its cells (sheet by sheet) and, in words for
 * the committee, what each finding changes. Pure; the deck renders it.
 */
import { allFindings, type Assessment } from "../core/assess";
import { SEVERITY_ORDER, type Finding, type Severity } from "../core/findings";
import { pathTo, type Model } from "../core/model";
import { formatShort, type Lang } from "../i18n/format";
import { ex } from "../i18n/export";
import { chartName } from "./short-name";

/**
 * Whether a finding changes a rank or a total, decided by what it does:
 * - a score cell the assessment leaves out (text, TRUE/FALSE, an error value, a number off the
 *   scale or not finite): the total is made without what was typed there, so it changes the
 *   total exactly when that criterion counts, i.e. every node on its path weighs more than 0;
 * - «no total»: the measure has no total and no rank;
 * - the legacy sheet's computed cells (`legacy-formula`, `legacy-error-value`) and the summary's
 *   score (`summary-score`): src/grid/legacy-audit.ts emits them only when the value the sheet
 *   shows differs from the model's beyond its tolerance (or is an error value), so the total the
 *   meeting saw differs from the true one;
 * - the ranks shown on a theme sheet or on the summary (`legacy-rank-stale`, `summary-rank`,
 *   `summary-tie`): emitted only when the shown place differs from the computed one (a tie shown
 *   as two places).
 * Every other finding (a missing or a single score, a name that differs, a tie that is shown
 * right, the checklist) leaves every total and rank as it is.
 */
export function changesRankOrTotal(f: Finding, model: Model): boolean {
  switch (f.code) {
    case "cell-text":
    case "cell-boolean":
    case "cell-error":
    case "cell-out-of-scale":
    case "cell-not-finite": {
      const path = f.criterionId ? pathTo(model, f.criterionId) : [];
      return path.length > 0 && path.every((n) => Number.isFinite(n.weight) && n.weight > 0);
    }
    case "no-total":
    case "legacy-formula":
    case "legacy-error-value":
    case "summary-score":
    case "legacy-rank-stale":
    case "summary-rank":
    case "summary-tie":
      return true;
    default:
      return false;
  }
}

export interface QualityRow {
  /** The measure, «Tema: tiltak» shortened to 60 characters; «–» for a finding about no measure. */
  name: string;
  /** The cells, sheet by sheet: «Felles hjelpenummer!C11, C12, C15, C20». */
  cells: string;
  /** What the findings change, in words, each once: «arket viser score 25,75, modellen gir 16,08». */
  effects: string;
  severity: Severity;
  /** How many findings the row stands for. */
  count: number;
}

export interface QualitySummary {
  counts: Record<Severity, number>;
  total: number;
  /** The measures with a finding that changes a rank or a total: the most severe first, then in rank order. */
  rows: QualityRow[];
}

/** `'Kritisk info'!F9` → [`Kritisk info`, `F9`]; a cell without a sheet has sheet "". */
function splitCell(address: string): [string, string] {
  const m = /^(?:'((?:[^']|'')+)'|([^!]+))!(.+)$/.exec(address);
  if (!m) return ["", address];
  return [(m[1] ?? m[2]).replace(/''/g, "'"), m[3]];
}

function cellsText(findings: Finding[]): string {
  const bySheet = new Map<string, string[]>();
  for (const f of findings) {
    if (!f.cell) continue;
    const [sheet, ref] = splitCell(f.cell);
    const refs = bySheet.get(sheet) ?? [];
    if (!refs.includes(ref)) refs.push(ref);
    bySheet.set(sheet, refs);
  }
  if (bySheet.size === 0) return "–";
  return [...bySheet].map(([sheet, refs]) => (sheet ? `${sheet}!${refs.join(", ")}` : refs.join(", "))).join("; ");
}

const num = (lang: Lang, v: unknown): string => (typeof v === "number" ? formatShort(lang, v, 2) : v === null || v === undefined ? "–" : String(v));

/** What one finding changes, for the committee (no instruction to the analyst). */
export function effectText(f: Finding, lang: Lang, model: Model): string {
  const sheet = f.cell ? splitCell(f.cell)[0] : "";
  const p = f.params;
  switch (f.code) {
    case "no-total":
      return ex(lang, "deck.effect.noTotal");
    case "legacy-formula":
    case "legacy-error-value":
      return p.node === "total" ? ex(lang, "deck.effect.total", { sheet, shown: num(lang, p.shown ?? p.error), correct: num(lang, p.correct) }) : ex(lang, "deck.effect.value", { sheet });
    case "summary-score":
      return ex(lang, "deck.effect.total", { sheet, shown: num(lang, p.shown), correct: num(lang, p.correct) });
    case "legacy-rank-stale":
    case "summary-rank":
      return ex(lang, "deck.effect.rank", { sheet, shown: num(lang, p.shown), correct: num(lang, p.correct) });
    case "summary-tie":
      return ex(lang, "deck.effect.tie", { sheet, shown: Array.isArray(p.shown) ? p.shown.join(lang === "nb" ? " og " : " and ") : num(lang, p.shown), rank: num(lang, p.rank) });
    default: {
      const node = f.criterionId ? pathTo(model, f.criterionId).pop() : undefined;
      return ex(lang, "deck.effect.cell", { criterion: node ? node.label[lang] : "–" });
    }
  }
}

export function qualitySummary(a: Assessment, lang: Lang): QualitySummary {
  const findings = allFindings(a);
  const counts = Object.fromEntries(SEVERITY_ORDER.map((s) => [s, findings.filter((f) => f.severity === s).length])) as Record<Severity, number>;
  const byMeasure = new Map<string, Finding[]>();
  for (const f of findings) {
    if (!changesRankOrTotal(f, a.model)) continue;
    const key = f.measureId ?? "";
    byMeasure.set(key, [...(byMeasure.get(key) ?? []), f]);
  }
  const measures = new Map(a.measures.map((m, i) => [m.id, { m, i }]));
  const severityOf = (fs: Finding[]) => Math.min(...fs.map((f) => SEVERITY_ORDER.indexOf(f.severity)));
  const place = (id: string) => {
    const e = measures.get(id);
    return e ? [e.m.rank ?? Number.MAX_SAFE_INTEGER, e.i] : [Number.MAX_SAFE_INTEGER, Number.MAX_SAFE_INTEGER];
  };
  const rows = [...byMeasure]
    .sort(([ia, fa], [ib, fb]) => severityOf(fa) - severityOf(fb) || place(ia)[0] - place(ib)[0] || place(ia)[1] - place(ib)[1])
    .map(([id, fs]): QualityRow => {
      const m = measures.get(id)?.m;
      const effects = [...new Set(fs.map((f) => effectText(f, lang, a.model)))];
      return { name: m ? chartName(m) : "–", cells: cellsText(fs), effects: effects.join("; "), severity: SEVERITY_ORDER[severityOf(fs)], count: fs.length };
    });
  return { counts, total: findings.length, rows };
}
