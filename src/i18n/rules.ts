/**
 * Either–or groups, quotas and a plan's inputs in bokmål and English: their findings (one catalog
 * entry per code of core/selection-rules.ts) and how a quota and a rule are worded. Imported by
 * the selection's catalog (selection.ts) and the plan's (plan.ts), so it loads with them.
 */
import type { ParamValue } from "../core/findings";
import type { QuotaText, RuleFindingCode, RuleReason } from "../core/selection-rules";
import type { Helpers, Params } from "./catalog";
import { fill, formatList, formatShort, type Lang } from "./format";

type Messages = Record<RuleFindingCode, (p: Params, h: Helpers) => string>;

/** A quota's parts, as findings carry them and as QuotaText has them. */
export interface QuotaWords {
  subjectKind: string;
  subject: string;
  bound: string;
  unit: string;
  /** Measures, or MNOK. */
  value: number;
  step?: string | null;
}

/** «minst 2 tiltak i Samstyre», «høyst 60 MNOK til Inspirere», «minst 1 tiltak i gruppen Legemidler i kommunene (Steg 3)». */
export function quotaLabel(lang: Lang, q: QuotaWords): string {
  const n = formatShort(lang, q.value);
  const subject =
    q.subjectKind === "group" ? (lang === "nb" ? `gruppen ${q.subject}` : `group ${q.subject}`) : q.subjectKind === "theme" ? (lang === "nb" ? `temaet ${q.subject}` : `theme ${q.subject}`) : q.subject;
  const step = q.step ? ` (${q.step})` : "";
  if (lang === "nb") {
    const bound = q.bound === "min" ? "minst" : "høyst";
    return q.unit === "mnok" ? `${bound} ${n} MNOK til ${subject}${step}` : `${bound} ${n} tiltak i ${subject}${step}`;
  }
  const bound = q.bound === "min" ? "at least" : "at most";
  return q.unit === "mnok" ? `${bound} ${n} MNOK for ${subject}${step}` : `${bound} ${n} ${q.value === 1 ? "measure" : "measures"} in ${subject}${step}`;
}

export const quotaWordsOf = (q: QuotaText): QuotaWords => ({
  subjectKind: q.kind,
  subject: q.name,
  bound: q.bound,
  unit: q.unit,
  value: q.unit === "mnok" ? q.value / 100 : q.value,
  step: q.stepName ?? null,
});

const str = (v: ParamValue | undefined): string => (v === null || v === undefined ? "" : String(v));
const num = (v: ParamValue | undefined): number => (typeof v === "number" ? v : 0);

function quotaOf(p: Params): QuotaWords {
  return { subjectKind: str(p.subjectKind), subject: str(p.subject), bound: str(p.bound), unit: str(p.unit), value: num(p.value), step: str(p.step) || null };
}

const cellsOf = (p: Params, key = "cells"): string[] => (Array.isArray(p[key]) ? (p[key] as string[]).filter(Boolean) : []);
const inCells = (h: Helpers, cells: string[]) => (cells.length ? ` (${h.list(cells)})` : "");

/** One rule of a conflict in words, with its cell. */
function conflictRule(lang: Lang, p: Params, k: number): string {
  const at = (key: string) => (Array.isArray(p[key]) ? (p[key] as (string | number)[])[k] : undefined);
  const cell = str(at("cells"));
  const where = cell ? ` (${cell})` : "";
  const kind = str(at("ruleKinds"));
  const name = str(at("ruleNames"));
  const value = formatShort(lang, num(at("ruleValues")));
  const nb = lang === "nb";
  switch (kind) {
    case "quota":
    {
      const label = quotaLabel(lang, { subjectKind: str(at("ruleSubjects")), subject: name, bound: str(at("ruleBounds")), unit: str(at("ruleUnits")), value: num(at("ruleValues")), step: str(at("ruleSteps")) || null });
      return nb ? `kvoten «${label}»${where}` : `the quota “${label}”${where}`;
    }
    case "frame":
      return nb ? `rammen for ${name} på ${value} MNOK${where}` : `the frame of ${name}, ${value} MNOK${where}`;
    case "minimum":
      return nb ? `minimumsrammen på ${value} MNOK${where}` : `the minimum frame of ${value} MNOK${where}`;
    case "segment":
      return nb ? `rammen for ${name} på ${value} MNOK${where}` : `the ${name} limit of ${value} MNOK${where}`;
    case "group":
      return nb ? `gruppen ${name} (bare ett av alternativene)${where}` : `group ${name} (only one of the alternatives)${where}`;
    case "forced":
      return nb ? `«Tas med» for ${name}${where}` : `“Tas med” (include) on ${name}${where}`;
    default:
      return nb ? `Tidligst for ${name}${where}` : `Tidligst (earliest step) of ${name}${where}`;
  }
}

function conflictList(lang: Lang, p: Params): string {
  const count = Array.isArray(p.ruleKinds) ? p.ruleKinds.length : 0;
  return formatList(
    lang,
    Array.from({ length: count }, (_, k) => conflictRule(lang, p, k)),
  );
}

const FIELD_NB: Record<string, string> = { subject: "Kvote for", bound: "Grense", value: "Verdi", unit: "Enhet", step: "Steg" };

export const nbRuleFindings: Messages = {
  "rule-group-forced": (p, h) =>
    `${h.list(p.names)} er merket «Tas med», men er alternativer i gruppen ${p.group}: bare ett av dem kan velges. Ta bort «Tas med» fra alle unntatt ett${inCells(h, cellsOf(p))}, eller rett Gruppe${inCells(h, cellsOf(p, "groupCells"))}.`,
  "rule-quota-forced": (p, h) =>
    `Tiltakene som må tas med (${h.list(p.names)}) gir ${h.short(p.used)}${p.unit === "mnok" ? " MNOK" : " tiltak"} mot kvoten «${quotaLabel("nb", quotaOf(p))}». Øk kvoten eller ta bort «Tas med»${inCells(h, cellsOf(p))}.`,
  "rule-quota-unreachable": (p, h) =>
    `Kvoten «${quotaLabel("nb", quotaOf(p))}» kan ikke nås: tiltakene den teller, kan til sammen gi ${h.short(p.reach)}${p.unit === "mnok" ? " MNOK" : " tiltak"} (høyst ett fra hver gruppe)${
      cellsOf(p, "excluded").length ? `, og ${h.list(p.excluded)} kan ikke velges` : ""
    }. Senk kvoten eller rett den.`,
  "rule-quota-empty": (p) =>
    `Kvoten «${quotaLabel("nb", quotaOf(p))}» teller ingen tiltak: ingen tiltak har ${p.subjectKind === "segment" ? "segmentet" : p.subjectKind === "group" ? "gruppen" : "temaet"} ${p.subject}. Rett navnet i Kvote for.`,
  "rule-quota-invalid": (p, h) =>
    `${p.raw ? `${h.q(p.raw)} i ${FIELD_NB[str(p.field)] ?? p.field}` : `${FIELD_NB[str(p.field)] ?? p.field} er tom`}: ${
      p.field === "subject"
        ? "ikke et segment, en gruppe eller et tema i arbeidsboken"
        : p.field === "bound"
          ? "skriv «minst» eller «høyst»"
          : p.field === "unit"
            ? "skriv «tiltak» eller «MNOK»"
            : p.field === "step"
              ? "ikke et steg i stegtabellen; la cellen stå tom for alle steg"
              : "skriv et tall (antall tiltak eller MNOK)"
    }. Kvoten er ikke med.`,
  "rule-conflict": (p) => `Reglene kan ikke oppfylles samtidig: ${conflictList("nb", p)}. Hver av dem må med for at det skal gå galt; endre eller slå av én av dem (i Utvalg kan en regel slås av for å se hva den koster).`,
  "plan-step-invalid": (p, h) => `${p.raw ? `${h.q(p.raw)} er ikke en ramme i MNOK` : "Rammen er tom"} for ${p.step}, så steget er ikke med. Skriv rammen i millioner kroner som et tall.`,
  "plan-step-duplicate": (p) => `Steget ${p.step} står mer enn én gang i stegtabellen; bare det første er med. Gi stegene ulike navn.`,
  "plan-first-frame": (p, h) =>
    `Første steg (${p.step}) har rammen ${h.short(p.frame)} MNOK, men Budsjettramme er ${h.short(p.budget)} MNOK${p.budgetCell ? ` (${p.budgetCell})` : ""}. Budsjettrammen gjelder for første steg; rett en av dem så de er like.`,
  "plan-earliest-unknown": (p, h) => `${h.q(p.raw)} i Tidligst for ${p.measure} er ikke et steg på Modell og er ikke regnet med. Skriv navnet på et steg (for eksempel ${h.q(p.example)}) eller la cellen stå tom.`,
  "plan-earliest-forced": (p) =>
    `${p.measure} er merket «Tas med»${p.forcedCell ? ` (${p.forcedCell})` : ""}, som betyr ${p.first}, men Tidligst sier ${p.step}. «Tas med» gjelder; rett en av dem.`,
};

const FIELD_EN: Record<string, string> = { subject: "Kvote for (quota for)", bound: "Grense (bound)", value: "Verdi (value)", unit: "Enhet (unit)", step: "Steg (step)" };

export const enRuleFindings: Messages = {
  "rule-group-forced": (p, h) =>
    `${h.list(p.names)} are marked “Tas med” (include), but are alternatives in group ${p.group}: only one of them can be chosen. Remove “Tas med” from all but one${inCells(h, cellsOf(p))}, or correct Gruppe${inCells(h, cellsOf(p, "groupCells"))}.`,
  "rule-quota-forced": (p, h) =>
    `The measures that must be included (${h.list(p.names)}) give ${h.short(p.used)}${p.unit === "mnok" ? " MNOK" : " measures"} against the quota “${quotaLabel("en", quotaOf(p))}”. Raise the quota or remove “Tas med”${inCells(h, cellsOf(p))}.`,
  "rule-quota-unreachable": (p, h) =>
    `The quota “${quotaLabel("en", quotaOf(p))}” cannot be met: the measures it counts can give ${h.short(p.reach)}${p.unit === "mnok" ? " MNOK" : " measures"} in all (at most one from each group)${
      cellsOf(p, "excluded").length ? `, and ${h.list(p.excluded)} cannot be chosen` : ""
    }. Lower or correct the quota.`,
  "rule-quota-empty": (p) => `The quota “${quotaLabel("en", quotaOf(p))}” counts no measure: no measure has the ${p.subjectKind === "segment" ? "segment" : p.subjectKind === "group" ? "group" : "theme"} ${p.subject}. Correct the name in Kvote for.`,
  "rule-quota-invalid": (p, h) =>
    `${p.raw ? `${h.q(p.raw)} in ${FIELD_EN[str(p.field)] ?? p.field}` : `${FIELD_EN[str(p.field)] ?? p.field} is blank`}: ${
      p.field === "subject"
        ? "not a segment, group or theme of the workbook"
        : p.field === "bound"
          ? "type “minst” (at least) or “høyst” (at most)"
          : p.field === "unit"
            ? "type “tiltak” (measures) or “MNOK”"
            : p.field === "step"
              ? "not a step of the steps table; leave it blank for every step"
              : "type a number (measures or MNOK)"
    }. The quota is not used.`,
  "rule-conflict": (p) => `The rules cannot all hold: ${conflictList("en", p)}. Each of them is needed for the conflict; change or switch off one of them (in Utvalg a rule can be switched off to see what it costs).`,
  "plan-step-invalid": (p, h) => `${p.raw ? `${h.q(p.raw)} is not a frame in MNOK` : "The frame is blank"} for ${p.step}, so the step is left out. Type the frame in millions of kroner as a number.`,
  "plan-step-duplicate": (p) => `The step ${p.step} appears more than once in the steps table; only the first counts. Give the steps different names.`,
  "plan-first-frame": (p, h) =>
    `The first step (${p.step}) has a frame of ${h.short(p.frame)} MNOK, but Budsjettramme is ${h.short(p.budget)} MNOK${p.budgetCell ? ` (${p.budgetCell})` : ""}. The budget frame is the first step's; correct one of them so they agree.`,
  "plan-earliest-unknown": (p, h) => `${h.q(p.raw)} in Tidligst (earliest step) of ${p.measure} is not a step on Modell and is not counted. Type a step's name (e.g. ${h.q(p.example)}) or leave the cell blank.`,
  "plan-earliest-forced": (p) =>
    `${p.measure} is marked “Tas med” (include)${p.forcedCell ? ` (${p.forcedCell})` : ""}, which means ${p.first}, but Tidligst says ${p.step}. “Tas med” holds; correct one of them.`,
};

const REASONS = {
  nb: { group: "alternativ til {ids}, som er med (gruppen {group})", groupStep: "alternativ til {ids}, som er med i {step} (gruppen {group})", quota: "kvoten «{quota}» er full ({left} igjen)" },
  en: { group: "alternative to {ids}, which is selected (group {group})", groupStep: "alternative to {ids}, which is in {step} (group {group})", quota: "the quota “{quota}” is full ({left} left)" },
} as const;

/** A rule reason in words; `names` maps ids to the names shown. */
export function ruleReasonText(lang: Lang, r: RuleReason, names: (ids: string[]) => string): string {
  if (r.kind === "group") return fill(REASONS[lang][r.step ? "groupStep" : "group"], { ids: names(r.ids), group: r.group, step: r.step ?? "" });
  const left = r.quota.unit === "mnok" ? `${formatShort(lang, r.left / 100)} MNOK` : formatShort(lang, r.left);
  return fill(REASONS[lang].quota, { quota: quotaLabel(lang, quotaWordsOf(r.quota)), left });
}
