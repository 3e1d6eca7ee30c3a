/**
 * Pure helpers the task pane's views share: parsing a typed weight, abbreviating group labels, the
 * status line, the display form of a cell address, findings by severity, what an incomplete
 * measure lacks. No React. Helpers the presenter shows too (names, movement, the bar) are in src/ui/.
 */
import { MAX_WEIGHT } from "../core/model-validate";
import type { Assessment, MeasureResult } from "../core/assess";
import type { Finding, Severity } from "../core/findings";
import { SEVERITY_ORDER } from "../core/findings";
import type { Model } from "../core/model";
import { criterionLabel, formatList, formatNumber, type Lang } from "../i18n";
import { quote, tp, type TaskpaneKey } from "../i18n/taskpane";

export type WeightParse = { ok: true; value: number } | { ok: false; error: TaskpaneKey; text: string };

/**
 * A weight as typed: "1,5" and "1.5" are both 1.5; blanks, negatives and anything that is not a
 * plain decimal number are rejected with the key of the message to show.
 */
export function parseWeight(raw: string): WeightParse {
  const text = raw.trim().replace(/\u00a0/g, "");
  if (text === "") return { ok: false, error: "model.weightEmpty", text };
  if (/^[-\u2212]\s*(\d+([.,]\d*)?|[.,]\d+)$/.test(text)) return { ok: false, error: "model.weightNegative", text };
  if (!/^\+?(\d+([.,]\d*)?|[.,]\d+)$/.test(text)) return { ok: false, error: "model.weightNotNumber", text };
  const value = Number(text.replace("+", "").replace(",", "."));
  if (!Number.isFinite(value)) return { ok: false, error: "model.weightNotNumber", text };
  if (value > MAX_WEIGHT) return { ok: false, error: "model.weightTooLarge", text };
  return { ok: true, value };
}

/** The message of a rejected weight in the language. */
export function weightError(lang: Lang, p: Extract<WeightParse, { ok: false }>): string {
  return tp(lang, p.error, { text: quote(lang, p.text) });
}

/**
 * Short, unique abbreviations of the top-level groups for the compact value columns:
 * Måloppnåelse, Kostnader, Nytte → M, K, N. The shortest prefix that tells them apart.
 */
export function groupAbbreviations(model: Model, lang: Lang): Map<string, string> {
  const labels = model.criteria.map((g) => ({ id: g.id, label: criterionLabel(model, g.id, lang) }));
  const out = new Map<string, string>();
  const longest = labels.reduce((n, l) => Math.max(n, l.label.length), 1);
  for (let len = 1; len <= longest; len++) {
    const prefixes = labels.map((l) => l.label.slice(0, len).toLocaleUpperCase(lang === "nb" ? "nb-NO" : "en-GB"));
    const unique = new Set(prefixes).size === prefixes.length;
    if (unique || len === longest) {
      labels.forEach((l, i) => out.set(l.id, len === 1 ? prefixes[i] : l.label.slice(0, len)));
      return out;
    }
  }
  return out;
}

/** "Oppdatert på 45 ms"; above a second "Oppdatert på 1,2 s". */
export function updatedLine(lang: Lang, ms: number): string {
  if (ms < 1000) return tp(lang, "status.updatedMs", { ms: Math.round(ms) });
  return tp(lang, "status.updatedS", { s: formatNumber(lang, ms / 1000, 1) });
}

/** `'Kritisk info'!F9` → `Kritisk info!F9`: the sheet quotes are for formulas, not for reading. */
export function displayCell(address: string): string {
  return address.replace(/^'((?:[^']|'')+)'!/, (_, sheet: string) => `${sheet.replace(/''/g, "'")}!`);
}

/** The workbook's findings and every measure's, in that order. */
export function findingsOf(a: Assessment | undefined): Finding[] {
  if (!a) return [];
  return [...a.findings, ...a.measures.flatMap((m) => m.findings)];
}

export function findingsBySeverity<F extends { severity: Severity }>(findings: F[]): { severity: Severity; findings: F[] }[] {
  return SEVERITY_ORDER.map((severity) => ({ severity, findings: findings.filter((f) => f.severity === severity) })).filter(
    (g) => g.findings.length > 0,
  );
}

/** Tooltip text for an incomplete measure: which criteria are missing, which are invalid. */
export function incompleteText(lang: Lang, model: Model, m: Pick<MeasureResult, "missing" | "invalid">): string {
  const names = (ids: string[]) => formatList(lang, ids.map((id) => criterionLabel(model, id, lang)));
  const parts = [tp(lang, "ranking.incomplete")];
  if (m.missing.length) parts.push(tp(lang, "ranking.missing", { list: names(m.missing) }));
  if (m.invalid.length) parts.push(tp(lang, "ranking.invalid", { list: names(m.invalid) }));
  return parts.join(". ");
}
