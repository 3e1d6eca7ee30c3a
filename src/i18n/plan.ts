/**
 * The plan by steps in bokmål and English: why a measure is «senere», the words the Rangering
 * sheet's Utvalg column and the Veikart sheet write, and the strings of `prio plan`, the pane's
 * *Etter steg* view and the roadmap slide. Loaded only with the plan's code.
 */
import type { PlanReason } from "../core/plan";
import { fill, formatShort, type Lang } from "./format";
import { quotaLabel, type QuotaWords } from "./rules";
import { mnokText, reasonText } from "./selection";

const UI = {
  nb: {
    title: "Plan etter steg: {file}",
    stepHead: "{step}: ramme {budget} MNOK",
    stepHeadMinimum: "{step}: ramme {budget} MNOK, minimumsramme {minimum} MNOK",
    stepTotal: "Sum: {count} tiltak, {cost} av {budget} MNOK, score {score}",
    minimumTotal: "Minimumsliste: {count} tiltak, {cost} MNOK, score {score}",
    later: "Senere",
    laterWord: "Senere",
    minimumWord: "minimum",
    plusWord: "pluss",
    colId: "ID",
    colName: "Tiltak",
    colCost: "Kostnad",
    colScore: "Score",
    colSegment: "Segment",
    colList: "Liste",
    colReason: "Hvorfor senere",
    empty: "(ingen)",
    planTotal: "I alt: {placed} av {count} tiltak i {steps} steg, {cost} MNOK, score {score}",
    infeasible: "Planen kan ikke lages med disse reglene:",
    failed: "Planen kunne ikke beregnes:",
    findings: "Merknader ({count}):",
    noSteps: "Ingen steg: legg en stegtabell på arket Modell (kolonnene Steg og Ramme (MNOK)), eller bruk --step NAVN=MNOK.",
    badStep: "--step må følges av NAVN=MNOK (for eksempel --step \"Steg 3=300\"), ikke {value}.",
    duplicateStep: "Steget {step} er gitt mer enn én gang med --step.",
    reasonNoStep: "passer ikke i noe steg: koster {cost}, mest ledig {left} MNOK ({step})",
    reasonNoStepNone: "passer ikke i noe steg: koster {cost} MNOK",
    reasonRequiresLater: "forutsetter {ids}, som kommer etter {step}",
    forcedReason: "tas med",
    paneLoading: "Beregner planen …",
    paneNoSteps: "Modell har ingen stegtabell. Legg til en tabell med kolonnene Steg og Ramme (MNOK) på Modell (første steg bruker Budsjettramme), så vises planen etter steg her og på arket Veikart.",
    paneStepTotal: "{count} tiltak · {cost} av {budget} MNOK · score {score}",
    paneRules: "Regler",
    paneRulesHint: "Slå av en regel for å se hva den koster. Det lagres ikke.",
    paneRuleOff: "Slå av {rule}",
    paneRuleGroup: "bare én av gruppen {group}",
    paneRuleSegment: "høyst {cap} MNOK til {segment} ({step})",
    paneCostOne: "Uten denne regelen: {steps}.",
    paneCostMany: "Uten disse {count} reglene: {steps}.",
    paneCostNothing: "Reglene som er slått av, endrer ikke planen.",
    paneStepDelta: "{step} {delta}",
    paneMoved: "{count} tiltak flyttes",
    paneLaterCount: "{count} tiltak",
    paneWorkerFailed: "Planen kunne ikke beregnes ({detail}).",
    slideTitle: "Veikart",
    slideLead: "Plan etter steg: hvert tiltak i det første steget det passer i, innenfor stegets ramme",
    slideStepSum: "{count} tiltak · {cost} av {budget} MNOK · score {score}",
    slideLater: "Senere",
    slideLaterSum: "{count} tiltak",
    slideNoSegment: "Uten segment",
    slideMore: "… og {count} til",
    notesPlan: "Veikartet er planen etter steg: steg for steg det beste utvalget innenfor stegets ramme, gitt at de tidligere stegene beholder sin beste total.",
  },
  en: {
    title: "Plan by steps: {file}",
    stepHead: "{step}: frame {budget} MNOK",
    stepHeadMinimum: "{step}: frame {budget} MNOK, minimum frame {minimum} MNOK",
    stepTotal: "Total: {count} measures, {cost} of {budget} MNOK, score {score}",
    minimumTotal: "Minimum list: {count} measures, {cost} MNOK, score {score}",
    later: "Later",
    laterWord: "Later",
    minimumWord: "minimum",
    plusWord: "plus",
    colId: "ID",
    colName: "Measure",
    colCost: "Cost",
    colScore: "Score",
    colSegment: "Segment",
    colList: "List",
    colReason: "Why later",
    empty: "(none)",
    planTotal: "In all: {placed} of {count} measures in {steps} steps, {cost} MNOK, score {score}",
    infeasible: "The plan cannot be made with these rules:",
    failed: "The plan could not be computed:",
    findings: "Notes ({count}):",
    noSteps: "No steps: add a steps table to the Modell sheet (columns Steg and Ramme (MNOK)), or use --step NAME=MNOK.",
    badStep: "--step must be followed by NAME=MNOK (e.g. --step \"Steg 3=300\"), not {value}.",
    duplicateStep: "The step {step} is given more than once with --step.",
    reasonNoStep: "fits no step: costs {cost}, at most {left} MNOK free ({step})",
    reasonNoStepNone: "fits no step: costs {cost} MNOK",
    reasonRequiresLater: "presupposes {ids}, which comes after {step}",
    forcedReason: "included",
    paneLoading: "Computing the plan …",
    paneNoSteps: "Modell has no steps table. Add a table with the columns Steg and Ramme (MNOK) to Modell (the first step uses Budsjettramme) to see the plan by steps here and on the Veikart sheet.",
    paneStepTotal: "{count} measures · {cost} of {budget} MNOK · score {score}",
    paneRules: "Rules",
    paneRulesHint: "Switch a rule off to see what it costs. Nothing is saved.",
    paneRuleOff: "Switch off {rule}",
    paneRuleGroup: "only one of group {group}",
    paneRuleSegment: "at most {cap} MNOK for {segment} ({step})",
    paneCostOne: "Without this rule: {steps}.",
    paneCostMany: "Without these {count} rules: {steps}.",
    paneCostNothing: "The rules switched off do not change the plan.",
    paneStepDelta: "{step} {delta}",
    paneMoved: "{count} measures move",
    paneLaterCount: "{count} measures",
    paneWorkerFailed: "The plan could not be computed ({detail}).",
    slideTitle: "Roadmap",
    slideLead: "Plan by steps: each measure in the first step it fits, within the step's frame",
    slideStepSum: "{count} measures · {cost} of {budget} MNOK · score {score}",
    slideLater: "Later",
    slideLaterSum: "{count} measures",
    slideNoSegment: "No segment",
    slideMore: "… and {count} more",
    notesPlan: "The roadmap is the plan by steps: step by step the best selection within the step's frame, given that the earlier steps keep their best total.",
  },
} as const;

export type PlanUiKey = keyof (typeof UI)["nb"];

export function pt(lang: Lang, key: PlanUiKey, params: Record<string, string | number> = {}): string {
  return fill(UI[lang][key], params);
}

/** Why a measure is in no step, in words; `names` maps ids to the names shown. */
export function planReasonText(lang: Lang, r: PlanReason, names: (ids: string[]) => string, hasScore = true): string {
  if (r.kind === "no-step")
    return r.step === null ? pt(lang, "reasonNoStepNone", { cost: mnokText(lang, r.cost) }) : pt(lang, "reasonNoStep", { cost: mnokText(lang, r.cost), left: mnokText(lang, r.left), step: r.step });
  if (r.kind === "requires-later") return pt(lang, "reasonRequiresLater", { ids: names(r.ids), step: r.step });
  return reasonText(lang, r, names, hasScore);
}

/** The Rangering sheet's Utvalg word for a measure of a plan: «Steg 2 · minimum», «Steg 3», «Senere». */
export function stepWord(lang: Lang, step: string | null, list?: "minimum" | "plus"): string {
  if (step === null) return pt(lang, "laterWord");
  return list ? `${step} · ${pt(lang, list === "minimum" ? "minimumWord" : "plusWord")}` : step;
}

/** A switchable rule in words (the pane's list). */
export function ruleWords(lang: Lang, rule: { kind: string; quota?: QuotaWords; group?: string; segment?: string; cap?: number }, firstStep: string): string {
  if (rule.kind === "quota" && rule.quota) return quotaLabel(lang, rule.quota);
  if (rule.kind === "group") return pt(lang, "paneRuleGroup", { group: rule.group ?? "" });
  return pt(lang, "paneRuleSegment", { cap: formatShort(lang, (rule.cap ?? 0) / 100), segment: rule.segment ?? "", step: firstStep });
}
