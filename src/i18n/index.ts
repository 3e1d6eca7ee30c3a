/** Rendering of findings and interface strings in bokmål or English. */
import type { Finding, ParamValue, Severity } from "../core/findings";
import { findNode, type Model } from "../core/model";
import type { ModelProblem } from "../core/model-validate";
import type { Helpers } from "./catalog";
import { enFindings, enModelProblems, enSeverity } from "./en";
import { fill, formatList, formatNumber, formatShort, type Lang } from "./format";
import { nbFindings, nbModelProblems, nbSeverity } from "./nb";
import { enUi, nbUi, type UiKey } from "./ui";

export * from "./format";
export type { UiKey } from "./ui";

const UI: Record<Lang, Record<UiKey, string>> = { nb: nbUi, en: enUi };

/** An interface string with `{name}` placeholders filled in. */
export function t(lang: Lang, key: UiKey, params: Record<string, string | number> = {}): string {
  return fill(UI[lang][key], params);
}

/** The label of a criterion in the language (short label when the model has one). */
export function criterionLabel(model: Model | undefined, id: string, lang: Lang): string {
  if (id === "total") return t(lang, "total.label");
  const node = model ? findNode(model, id) : undefined;
  if (!node) return id;
  return (node.short ?? node.label)[lang];
}

/** What a message of any catalog (findings, scorers' notes) gets to format numbers, criteria and lists. */
export function messageHelpers(lang: Lang, model: Model | undefined): Helpers {
  const asList = (v: ParamValue | undefined): string[] =>
    v === null || v === undefined ? [] : Array.isArray(v) ? v.map(String) : [String(v)];
  return {
    n: (v, digits = 1) => (typeof v === "number" ? formatNumber(lang, v, digits) : "–"),
    short: (v) => (typeof v === "number" ? formatShort(lang, v) : "–"),
    crit: (ids) => formatList(lang, asList(ids).map((id) => criterionLabel(model, id, lang))),
    list: (items) => formatList(lang, asList(items)),
    q: (s) => (lang === "nb" ? `«${s ?? ""}»` : `“${s ?? ""}”`),
  };
}

export function findingMessage(f: Finding, lang: Lang, model?: Model): string {
  const table = lang === "nb" ? nbFindings : enFindings;
  return table[f.code](f.params, messageHelpers(lang, model));
}

export function modelProblemMessage(p: ModelProblem, lang: Lang, model?: Model): string {
  const table = lang === "nb" ? nbModelProblems : enModelProblems;
  return table[p.code]({ at: p.at, detail: p.detail ?? "" }, messageHelpers(lang, model));
}

export function severityLabel(s: Severity, lang: Lang): string {
  return (lang === "nb" ? nbSeverity : enSeverity)[s];
}

export type { Lang };
