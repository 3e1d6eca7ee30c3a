/**
 * Utvalg *Etter steg* (issue 21): the plan by steps as the Veikart sheet has it — each step's
 * measures (best score first) with the step's totals, then «Senere» with each measure's reason —
 * and the rules (quotas, either–or groups, segment limits) as switches: switching one off solves the
 * plan again without it and says what it costs per step (a what-if, nothing is written). Read and
 * solved through AppController.plan (src/app/app-state.ts); the solve runs in a Web Worker.
 * Loaded lazily (SelectionTab.tsx).
 *
 * data-testid: plan-view, plan-loading, plan-message (no cost column / no steps / infeasible),
 * plan-step (data-step, data-count, data-cost in MNOK), plan-row (data-measure-id, data-step: the
 * step's name or ""), plan-reason, plan-later (data-count), plan-rule (data-key, a checkbox: on =
 * the rule holds), plan-cost (what the switched-off rules cost), plan-finding (data-code, data-cell).
 */
import { Caption1, Checkbox, MessageBar, MessageBarBody, Spinner, Text, makeStyles, tokens } from "@fluentui/react-components";
import { useEffect, useMemo, useState } from "react";
import type { PlanActions, PlanLoad } from "../../app/app-state";
import type { Assessment } from "../../core/assess";
import { byScore, switchableRules, withoutRules, type PlanMeasure, type PlanResult, type RuleKey } from "../../core/plan";
import { quotaText } from "../../core/selection-rules";
import { formatNumber, type Lang } from "../../i18n";
import { planReasonText, pt, ruleWords } from "../../i18n/plan";
import { quotaWordsOf } from "../../i18n/rules";
import { mnokText, selectionFindingMessage, st } from "../../i18n/selection";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  section: { display: "flex", flexDirection: "column" },
  heading: { display: "flex", justifyContent: "space-between", alignItems: "baseline", flexWrap: "wrap", gap: tokens.spacingHorizontalS, paddingTop: tokens.spacingVerticalS },
  list: { listStyleType: "none", margin: 0, padding: 0 },
  row: {
    display: "grid",
    gridTemplateColumns: "minmax(0, 1fr) auto auto",
    columnGap: tokens.spacingHorizontalS,
    alignItems: "baseline",
    padding: `${tokens.spacingVerticalXXS} ${tokens.spacingHorizontalXS}`,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke3}`,
  },
  num: { fontVariantNumeric: "tabular-nums", textAlign: "right", whiteSpace: "nowrap" },
  name: { minWidth: 0, overflowWrap: "anywhere" },
  reason: { gridColumn: "1 / -1", color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200 },
  note: { color: tokens.colorNeutralForeground3 },
  rules: { display: "flex", flexDirection: "column" },
});

const signed = (lang: Lang, v: number) => `${v > 0 ? "+" : v < 0 ? "−" : "±"}${formatNumber(lang, Math.abs(v), 2)}`;

export default function PlanView({ lang, assessment, plan }: { lang: Lang; assessment: Assessment; plan: PlanActions }) {
  const s = useStyles();
  const [load, setLoad] = useState<PlanLoad | undefined>(undefined);
  const [off, setOff] = useState<ReadonlySet<RuleKey>>(new Set());
  const [base, setBase] = useState<PlanResult | undefined>(undefined);
  const [tried, setTried] = useState<PlanResult | undefined>(undefined);
  const [error, setError] = useState<string | undefined>(undefined);

  // Read the workbook's plan when the view opens and after every recompute (a new assessment).
  useEffect(() => {
    let live = true;
    plan.load().then(
      (l) => live && setLoad(l),
      (e: unknown) => live && setError(String((e as Error).message ?? e)),
    );
    return () => {
      live = false;
    };
  }, [plan, assessment]);

  const problem = load?.kind === "plan" ? load.problem : undefined;
  const rules = useMemo(() => (problem ? switchableRules(problem) : []), [problem]);

  useEffect(() => {
    if (!problem) return;
    let live = true;
    setBase(undefined);
    plan.solve(problem).then(
      (r) => live && setBase(r),
      (e: unknown) => live && setError(pt(lang, "paneWorkerFailed", { detail: String((e as Error).message ?? e) })),
    );
    return () => {
      live = false;
    };
  }, [plan, problem, lang]);

  useEffect(() => {
    setTried(undefined);
    if (!problem || off.size === 0) return;
    let live = true;
    plan.solve(withoutRules(problem, off)).then(
      (r) => live && setTried(r),
      (e: unknown) => live && setError(pt(lang, "paneWorkerFailed", { detail: String((e as Error).message ?? e) })),
    );
    return () => {
      live = false;
    };
  }, [plan, problem, off, lang]);

  if (error) return <MessageBar intent="error" data-testid="plan-message"><MessageBarBody>{error}</MessageBarBody></MessageBar>;
  if (!load) return <Spinner size="small" label={pt(lang, "paneLoading")} data-testid="plan-loading" />;
  if (load.kind === "none")
    return <MessageBar intent="info" layout="multiline" data-testid="plan-message"><MessageBarBody>{st(lang, load.reason === "no-cost" ? "paneNoCost" : "paneNotAddin")}</MessageBarBody></MessageBar>;
  if (load.kind === "no-steps") return <MessageBar intent="info" layout="multiline" data-testid="plan-message"><MessageBarBody>{pt(lang, "paneNoSteps")}</MessageBarBody></MessageBar>;

  const shown = off.size > 0 ? tried : base;
  const firstStep = load.problem.steps[0].name;
  const toggle = (key: RuleKey, on: boolean) =>
    setOff((o) => {
      const next = new Set(o);
      if (on) next.delete(key);
      else next.add(key);
      return next;
    });
  const ruleLabel = (r: (typeof rules)[number]) =>
    r.kind === "quota" && r.quota ? ruleWords(lang, { kind: "quota", quota: quotaWordsOf(quotaText(r.quota)) }, firstStep) : ruleWords(lang, { kind: r.kind, group: r.group, segment: r.segment, cap: r.cap }, firstStep);

  return (
    <div className={s.root} data-testid="plan-view">
      {rules.length > 0 && (
        <section className={s.rules} aria-label={pt(lang, "paneRules")}>
          <div className={s.heading}>
            <Text weight="semibold">{pt(lang, "paneRules")}</Text>
          </div>
          <Caption1 className={s.note}>{pt(lang, "paneRulesHint")}</Caption1>
          {rules.map((r) => (
            <Checkbox
              key={r.key}
              checked={!off.has(r.key)}
              onChange={(_, d) => toggle(r.key, d.checked === true)}
              label={`${ruleLabel(r)}${r.cell ? ` (${r.cell})` : ""}`}
              data-testid="plan-rule"
              data-key={r.key}
            />
          ))}
          {off.size > 0 && base && tried && <CostLine lang={lang} base={base} tried={tried} count={off.size} />}
        </section>
      )}
      {!shown ? <Spinner size="small" label={pt(lang, "paneLoading")} data-testid="plan-loading" /> : <PlanResultView lang={lang} r={shown} />}
      <Findings lang={lang} findings={[...load.findings, ...(shown?.findings ?? [])]} />
    </div>
  );
}

/** What switching the rules off changes: each step's score, and how many measures move. */
function CostLine({ lang, base, tried, count }: { lang: Lang; base: PlanResult; tried: PlanResult; count: number }) {
  const s = useStyles();
  if (base.status !== "ok" || tried.status !== "ok") return null;
  const deltas = tried.steps.map((st, k) => ({ name: st.name, d: st.score - (base.steps[k]?.score ?? 0) })).filter((x) => Math.abs(x.d) > 1e-9);
  const before = new Map(base.measures.map((m) => [m.id, m.step]));
  const moved = tried.measures.filter((m) => before.get(m.id) !== m.step).length;
  const steps = [...deltas.map((x) => pt(lang, "paneStepDelta", { step: x.name, delta: signed(lang, x.d) })), ...(moved ? [pt(lang, "paneMoved", { count: moved })] : [])].join(", ");
  const text = deltas.length === 0 && moved === 0 ? pt(lang, "paneCostNothing") : pt(lang, count === 1 ? "paneCostOne" : "paneCostMany", { count, steps });
  return (
    <Caption1 className={s.note} data-testid="plan-cost" role="status">
      {text}
    </Caption1>
  );
}

function PlanResultView({ lang, r }: { lang: Lang; r: PlanResult }) {
  const s = useStyles();
  if (r.status !== "ok")
    return (
      <MessageBar intent="error" layout="multiline" data-testid="plan-message">
        <MessageBarBody>{pt(lang, r.status === "infeasible" ? "infeasible" : "failed")}</MessageBarBody>
      </MessageBar>
    );
  const nameOf = new Map(r.measures.map((m) => [m.id, m.name]));
  const names = (ids: string[]) => ids.map((id) => nameOf.get(id) ?? id).join(", ");
  const row = (m: PlanMeasure, step: string) => (
    <li key={m.id} className={s.row} data-testid="plan-row" data-measure-id={m.id} data-step={step}>
      <span className={s.name}>{m.name}</span>
      <span className={s.num}>{mnokText(lang, m.cost)}</span>
      <span className={s.num}>{m.score === null ? "–" : formatNumber(lang, m.score, 2)}</span>
      {m.reason && (
        <span className={s.reason} data-testid="plan-reason">
          {planReasonText(lang, m.reason, names, m.score !== null)}
        </span>
      )}
      {m.list && <span className={s.reason}>{pt(lang, m.list === "minimum" ? "minimumWord" : "plusWord")}</span>}
    </li>
  );
  const later = byScore(r.measures.filter((m) => m.step === null));
  return (
    <>
      {r.steps.map((step, k) => {
        const ms = byScore(r.measures.filter((m) => m.step === k));
        return (
          <section key={step.name} className={s.section} data-testid="plan-step" data-step={step.name} data-count={step.count} data-cost={step.cost / 100}>
            <div className={s.heading}>
              <Text weight="semibold">{step.name}</Text>
              <Caption1>{pt(lang, "paneStepTotal", { count: step.count, cost: mnokText(lang, step.cost), budget: mnokText(lang, step.budget), score: formatNumber(lang, step.score, 2) })}</Caption1>
            </div>
            <ul className={s.list}>{ms.length ? ms.map((m) => row(m, step.name)) : <Caption1>{pt(lang, "empty")}</Caption1>}</ul>
          </section>
        );
      })}
      <section className={s.section} data-testid="plan-later" data-count={later.length}>
        <div className={s.heading}>
          <Text weight="semibold">{pt(lang, "later")}</Text>
          <Caption1>{pt(lang, "paneLaterCount", { count: later.length })}</Caption1>
        </div>
        <ul className={s.list}>{later.length ? later.map((m) => row(m, "")) : <Caption1>{pt(lang, "empty")}</Caption1>}</ul>
      </section>
    </>
  );
}

function Findings({ lang, findings }: { lang: Lang; findings: PlanResult["findings"] }) {
  const s = useStyles();
  if (findings.length === 0) return null;
  return (
    <ul className={s.list}>
      {findings.map((f, i) => (
        <li key={i} data-testid="plan-finding" data-code={f.code} data-cell={f.cell ?? ""}>
          <Caption1>
            {f.cell ? `${f.cell}: ` : ""}
            {selectionFindingMessage(f, lang)}
          </Caption1>
        </li>
      ))}
    </ul>
  );
}
