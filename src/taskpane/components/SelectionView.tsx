/**
 * Utvalg: the exact selection within the budget frame: the minimum list and the plus list with
 * totals, the measures out with their reasons and the frame at which each would enter, the
 * comparison with rank order, and the efficient frontier as a small SVG chart. The frames and the
 * forced choices start as the workbook's and can be tried out here (a what-if, not written back).
 * Loaded lazily (React.lazy in SelectionTab.tsx); the workbook is read and HiGHS loaded only here.
 *
 * data-testid: selection-view, selection-budget, selection-minimum (the <input>s), selection-loading,
 * selection-total (data-count, data-cost in MNOK, data-score), selection-list-minimum / -plus / -out,
 * selection-row (data-measure-id, data-list), choice-<id> (native <select>: "", in, out),
 * selection-reason, selection-greedy, selection-frontier (the <svg>, data-points), selection-finding
 * (data-code, data-cell), selection-message (no cost column / no frame / infeasible),
 * selection-undo-<id> (undo a choice made here, offered when the selection cannot be computed),
 * selection-columns (the column captions of a list).
 *
 * A choice or a frame tried here is not in the workbook: a finding about it names no cell (the
 * Valg cell is empty), and when the pane's own choices make the selection impossible, the pane
 * offers to undo them.
 */
import { Button, Caption1, Field, Input, MessageBar, MessageBarBody, Spinner, Text, makeStyles, tokens } from "@fluentui/react-components";
import { ArrowUndo16Regular } from "@fluentui/react-icons";
import { Suspense, lazy, useEffect, useMemo, useState } from "react";
import type { Assessment } from "../../core/assess";
import { displayTotals } from "../../core/display-total";
import type { Forced, SelectionFinding, SelectionProblem } from "../../core/selection-problem";
import type { FrontierPoint } from "../../core/selection-entry";
import type { ListName, SelectionMeasure, SelectionResult } from "../../core/select";
import type { SelectionInputs } from "../../grid/selection-inputs";
import { formatNumber, type Lang } from "../../i18n";
import { framesText, mnokText, reasonText, selectionFindingMessage, st } from "../../i18n/selection";
import { keepTriedSelection, triedProblem, triedSelection } from "../selection-tried";
import { NO_TITLE } from "../../ui/message-bar";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  // Two frames side by side, each allowed to shrink below its content's width (a 320 px pane).
  frames: { display: "grid", gridTemplateColumns: "minmax(0, 1fr) minmax(0, 1fr)", columnGap: tokens.spacingHorizontalS, alignItems: "start" },
  field: { minWidth: 0 },
  input: { width: "100%", minWidth: 0 },
  note: { color: tokens.colorNeutralForeground3 },
  section: { display: "flex", flexDirection: "column" },
  heading: { display: "flex", justifyContent: "space-between", alignItems: "baseline", gap: tokens.spacingHorizontalS, paddingTop: tokens.spacingVerticalS },
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
  // Whole names, wrapped between words (never cut with «…»).
  name: { minWidth: 0, overflowWrap: "anywhere" },
  columns: { color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200, borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}` },
  undo: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS, paddingTop: tokens.spacingVerticalXS },
  reason: { gridColumn: "1 / -1", color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200 },
  select: { gridColumn: "1 / -1", justifySelf: "start", fontSize: tokens.fontSizeBase200, maxWidth: "100%" },
  chart: { width: "100%", height: "auto", display: "block" },
});

// «Hvor sikker er utvalget?» (funding probabilities, issue 20): a chunk of its own, with its worker.
const FundingSection = lazy(() => import(/* webpackChunkName: "funding" */ "../funding/FundingSection"));

const mnokField = (h: number | null | undefined): string => (h === null || h === undefined ? "" : String(h / 100));

/** A Budsjettramme on Modell that is not an amount, named with its cell (never «type a frame» when one is written). */
function badBudget(inputs: SelectionInputs, lang: Lang): string | undefined {
  const f = inputs.findings.find((x) => x.code === "selection-frame-invalid" && x.params.frame === "budget");
  return f && `${f.cell ? `${f.cell}: ` : ""}${selectionFindingMessage(f, lang)}`;
}

export default function SelectionView({ lang, assessment }: { lang: Lang; assessment: Assessment }) {
  const s = useStyles();
  const [inputs, setInputs] = useState<SelectionInputs | undefined | null>(null);
  // What is tried here stays when the view closes, and the export uses it (selection-tried.ts).
  const [budgetText, setBudgetText] = useState<string | undefined>(() => triedSelection().budgetText);
  const [minimumText, setMinimumText] = useState<string | undefined>(() => triedSelection().minimumText);
  const [choices, setChoices] = useState<Record<string, Forced>>(() => triedSelection().choices);
  useEffect(() => keepTriedSelection({ budgetText, minimumText, choices }), [budgetText, minimumText, choices]);
  const [result, setResult] = useState<SelectionResult | undefined>(undefined);
  const [error, setError] = useState<string | undefined>(undefined);
  // While the nearest frames are computed after the lists: how many measures out are done.
  const [frames, setFrames] = useState<{ done: number; total: number } | null>(null);

  // Read the workbook's inputs when the view opens and after every recompute (a new assessment).
  useEffect(() => {
    let live = true;
    import("../../excel/selection")
      .then(async (m) => {
        const { officeHost } = await import("../../excel/host");
        return m.loadSelectionInputs(officeHost);
      })
      .then((i) => live && setInputs(i))
      .catch((e: unknown) => live && setError(String((e as Error).message ?? e)));
    return () => {
      live = false;
    };
  }, [assessment]);

  // The workbook's problem with the frames and choices tried here (selection-tried.ts, the export's rule too).
  const applied = useMemo(() => (inputs ? triedProblem(inputs.problem, { budgetText, minimumText, choices }) : undefined), [inputs, budgetText, minimumText, choices]);
  const budget = applied ? applied.budget : null;
  const minimum = applied ? applied.minimum : null;
  const problem: SelectionProblem | undefined = inputs?.columns.cost ? applied?.problem : undefined;
  // Each measure's list with the weights now, for the funding section (the presenter's and the slide's «nå»):
  // the last computed lists, kept while the next are solved.
  const [lists, setLists] = useState<Record<string, ListName>>({});
  useEffect(() => {
    if (result?.status === "ok") setLists(Object.fromEntries(result.measures.map((m) => [m.id, m.list])));
  }, [result]);
  // The ranking's figures: a measure's score prints as Rangering prints its total.
  const scoreText = useMemo(() => {
    const d = displayTotals(
      assessment.measures.map((m) => m.total),
      { tolerance: assessment.model.tolerance },
    );
    const byId = new Map(assessment.measures.map((m, i) => [m.id, d.values[i]]));
    return (id: string, score: number) => formatNumber(lang, byId.get(id) ?? score, d.decimals);
  }, [assessment, lang]);

  useEffect(() => {
    if (!problem) return;
    setResult(undefined);
    setFrames(null);
    // In a Web Worker (HiGHS loads and solves there): the lists first (two solves), then the
    // nearest frames with progress, then the frontier, so that a large portfolio shows its lists at
    // once. New inputs stop the run under way.
    let handle: { cancel(): void } | undefined;
    let live = true;
    import("../selection/selection-runner")
      .then((m) => {
        if (!live) return;
        handle = m.startSelection(problem, {
          onLists: (r) => {
            setResult(r);
            if (r.status === "ok") setFrames({ done: 0, total: 0 });
          },
          onProgress: (done, total) => setFrames({ done, total }),
          onResult: (r) => {
            setResult(r);
            setFrames(null);
          },
          onError: (message) => setError(message),
        });
      })
      .catch((e: unknown) => live && setError(String((e as Error).message ?? e)));
    return () => {
      live = false;
      handle?.cancel();
    };
  }, [problem]);

  if (error) return <MessageBar aria-labelledby={NO_TITLE} intent="error" data-testid="selection-message"><MessageBarBody>{error}</MessageBarBody></MessageBar>;
  if (inputs === null) return <Spinner size="small" label={st(lang, "paneLoading")} data-testid="selection-loading" />;
  if (inputs === undefined) return <Text data-testid="selection-message">{st(lang, "paneNotAddin")}</Text>;
  if (!inputs.columns.cost) return <MessageBar aria-labelledby={NO_TITLE} intent="info" layout="multiline" data-testid="selection-message"><MessageBarBody>{st(lang, "paneNoCost")}</MessageBarBody></MessageBar>;

  const setChoice = (id: string, v: string) => setChoices((c) => ({ ...c, [id]: v === "in" ? "in" : v === "out" ? "out" : null }));
  const workbookChoice = (id: string) => inputs.problem.items.find((i) => i.id === id)?.forced ?? null;
  const forcedOf = (m: { id: string }) => (m.id in choices ? choices[m.id] : workbookChoice(m.id));
  // The choices made here that differ from the workbook's, to undo one by one.
  const tried = Object.entries(choices)
    .filter(([id, c]) => c !== workbookChoice(id))
    .map(([id, c]) => ({ id, choice: c, name: inputs.problem.items.find((i) => i.id === id)?.name ?? id }));
  const undo = (id: string) =>
    setChoices((c) => {
      const next = { ...c };
      delete next[id];
      return next;
    });

  return (
    <div className={s.root} data-testid="selection-view">
      <div className={s.frames}>
        <Field className={s.field} label={st(lang, "paneBudget")} validationState={budget === "bad" ? "error" : "none"} size="small">
          <Input className={s.input} size="small" inputMode="decimal" value={budgetText ?? mnokField(inputs.problem.budget)} onChange={(_, d) => setBudgetText(d.value)} data-testid="selection-budget" />
        </Field>
        <Field className={s.field} label={st(lang, "paneMinimum")} hint={st(lang, "paneMinimumHint")} validationState={minimum === "bad" ? "error" : "none"} size="small">
          <Input className={s.input} size="small" inputMode="decimal" value={minimumText ?? mnokField(inputs.problem.minimum)} onChange={(_, d) => setMinimumText(d.value)} data-testid="selection-minimum" />
        </Field>
      </div>
      <Caption1 className={s.note}>{st(lang, "paneWhatIf")}</Caption1>
      {budget === null ? (
        <Text data-testid="selection-message">{badBudget(inputs, lang) ?? st(lang, "paneNoFrame")}</Text>
      ) : !problem ? null : !result ? (
        <Spinner size="small" label={st(lang, "paneLoading")} data-testid="selection-loading" />
      ) : (
        <>
          {frames && (
            <div role="status">
              <Spinner size="extra-tiny" labelPosition="after" label={st(lang, "paneEntryProgress", { done: frames.done, total: frames.total || "…" })} data-testid="selection-frames-progress" />
            </div>
          )}
          <ResultView lang={lang} result={result} framesPending={frames !== null} inputFindings={inputs.findings} forcedOf={forcedOf} onChoice={setChoice} tried={tried} onUndo={undo} scoreText={scoreText} />
        </>
      )}
      {/* Mounted while the lists are solved again, so a result outlives a recompute (and says when it is stale). */}
      {problem && result?.status !== "infeasible" && result?.status !== "failed" && (
        <Suspense fallback={<Spinner size="small" />}>
          <FundingSection lang={lang} assessment={assessment} problem={problem} lists={lists} />
        </Suspense>
      )}
    </div>
  );
}

function ResultView({
  lang,
  result: r,
  framesPending = false,
  inputFindings,
  forcedOf,
  onChoice,
  tried,
  onUndo,
  scoreText,
}: {
  lang: Lang;
  result: SelectionResult;
  /** The nearest frames are still being computed (the lists are shown meanwhile). */
  framesPending?: boolean;
  inputFindings: SelectionFinding[];
  forcedOf: (m: { id: string }) => Forced;
  onChoice: (id: string, v: string) => void;
  /** Choices made here (not in the workbook). */
  tried: { id: string; name: string; choice: Forced }[];
  onUndo: (id: string) => void;
  scoreText: (id: string, score: number) => string;
}) {
  const s = useStyles();
  const findings = [...r.findings, ...inputFindings];
  const findingList = findings.length > 0 && (
    <ul className={s.list}>
      {findings.map((f, i) => (
        <li key={i} data-testid="selection-finding" data-code={f.code} data-cell={f.cell ?? ""}>
          <Caption1>
            {f.cell ? `${f.cell}: ` : ""}
            {selectionFindingMessage(f, lang)}
          </Caption1>
        </li>
      ))}
    </ul>
  );
  if (r.status !== "ok") {
    return (
      <>
        <MessageBar aria-labelledby={NO_TITLE} intent="error" layout="multiline" data-testid="selection-message">
          <MessageBarBody>
            {st(lang, r.status === "infeasible" && tried.length > 0 ? "paneInfeasibleChoices" : r.status === "infeasible" ? "infeasible" : "failed")}
            {r.status === "infeasible" && tried.length > 0 && (
              <span className={s.undo}>
                {tried.map((t) => (
                  <Button key={t.id} size="small" icon={<ArrowUndo16Regular />} onClick={() => onUndo(t.id)} data-testid={`selection-undo-${t.id}`}>
                    {st(lang, "paneUndo", { choice: st(lang, t.choice === "in" ? "paneChoiceIn" : t.choice === "out" ? "paneChoiceOut" : "paneChoiceNone"), name: t.name })}
                  </Button>
                ))}
              </span>
            )}
          </MessageBarBody>
        </MessageBar>
        {findingList}
      </>
    );
  }
  const nameOf = new Map(r.measures.map((m) => [m.id, m.name]));
  const names = (ids: string[]) => ids.map((id) => nameOf.get(id) ?? id).join(", ");
  // The nearest frames at which a measure out is in (none for one without a total, nor while they are computed).
  const framesLine = (m: SelectionMeasure) => {
    const f = framesPending ? null : framesText(lang, m, r.budget);
    return f ? ` · ${f}` : "";
  };
  const byScore = (ms: SelectionMeasure[]) => [...ms].sort((a, b) => (b.score ?? -1) - (a.score ?? -1));
  const row = (m: SelectionMeasure) => (
    <li key={m.id} className={s.row} data-testid="selection-row" data-measure-id={m.id} data-list={m.list}>
      <span className={s.name}>{m.name}</span>
      <span className={s.num}>{mnokText(lang, m.cost)}</span>
      <span className={s.num}>{m.score === null ? "–" : scoreText(m.id, m.score)}</span>
      {m.reason && (
        <span className={s.reason} data-testid="selection-reason">
          {reasonText(lang, m.reason, names, m.score !== null)}
          {framesLine(m)}
        </span>
      )}
      <select
        className={s.select}
        aria-label={st(lang, "paneChoice", { name: m.name })}
        value={forcedOf(m) ?? ""}
        onChange={(e) => onChoice(m.id, e.target.value)}
        data-testid={`choice-${m.id}`}
      >
        <option value="">{st(lang, "paneChoiceNone")}</option>
        <option value="in">{st(lang, "paneChoiceIn")}</option>
        <option value="out">{st(lang, "paneChoiceOut")}</option>
      </select>
    </li>
  );
  const section = (key: "minimum" | "plus" | "out", title: string, totals?: { count: number; cost: number; score: number }) => {
    const ms = byScore(r.measures.filter((m) => m.list === key));
    return (
      <section className={s.section} data-testid={`selection-list-${key}`} data-count={ms.length}>
        <div className={s.heading}>
          <Text weight="semibold">{title}</Text>
          {totals && <Caption1>{st(lang, "listTotal", { count: totals.count, cost: mnokText(lang, totals.cost), score: formatNumber(lang, totals.score, 2) })}</Caption1>}
        </div>
        {ms.length > 0 && (
          <div className={`${s.row} ${s.columns}`} aria-hidden="true" data-testid="selection-columns">
            <span>{st(lang, "colName")}</span>
            <span className={s.num}>{st(lang, "paneColCost")}</span>
            <span className={s.num}>{st(lang, "paneColScore")}</span>
          </div>
        )}
        <ul className={s.list}>{ms.length ? ms.map(row) : <Caption1>{st(lang, "empty")}</Caption1>}</ul>
      </section>
    );
  };
  const g = r.greedy;
  return (
    <>
      <Text
        weight="semibold"
        data-testid="selection-total"
        data-count={r.totals.selected.count}
        data-cost={r.totals.selected.cost / 100}
        data-score={r.totals.selected.score}
      >
        {st(lang, "selectedTotal", {
          count: r.totals.selected.count,
          cost: mnokText(lang, r.totals.selected.cost),
          budget: mnokText(lang, r.budget),
          score: formatNumber(lang, r.totals.selected.score, 2),
        })}
      </Text>
      {section("minimum", st(lang, "minimumList"), r.totals.minimum)}
      {r.minimum !== null && section("plus", st(lang, "plusList"), r.totals.plus)}
      <section className={s.section}>
        <div className={s.heading}>
          <Text weight="semibold">{st(lang, "paneGreedyTitle")}</Text>
        </div>
        <Caption1 data-testid="selection-greedy" data-same={g.onlyExact.length === 0 && g.onlyGreedy.length === 0 ? "true" : "false"}>
          {g.onlyExact.length === 0 && g.onlyGreedy.length === 0
            ? st(lang, "greedySame")
            : [
                st(lang, "greedyDiffers", {
                  count: g.totals.count,
                  cost: mnokText(lang, g.totals.cost),
                  score: formatNumber(lang, g.totals.score, 2),
                  stop: g.stoppedAt ? (nameOf.get(g.stoppedAt) ?? g.stoppedAt) : "–",
                  gain: formatNumber(lang, r.totals.selected.score - g.totals.score, 2),
                }),
                g.onlyExact.length ? ` ${st(lang, "greedyOnlyExact", { names: names(g.onlyExact) })}.` : "",
                g.onlyGreedy.length ? ` ${st(lang, "greedyOnlyGreedy", { names: names(g.onlyGreedy) })}.` : "",
              ].join("")}
        </Caption1>
      </section>
      <section className={s.section}>
        <div className={s.heading}>
          <Text weight="semibold">{st(lang, "paneFrontierTitle")}</Text>
        </div>
        <Frontier lang={lang} points={r.frontier} budget={r.budget} score={r.totals.selected.score} />
      </section>
      {section("out", st(lang, "outList"))}
      {!r.complete && <Caption1 data-testid="selection-incomplete">{st(lang, "incompletePane")}</Caption1>}
      {findingList}
    </>
  );
}

/**
 * The best score against the frame as a step line, with the frame marked and both axes titled
 * («Ramme (MNOK)», «Beste score»); drawn in a 300 × 200 box that fills the pane's width, so its
 * labels read at about 12 px in a 350 px pane.
 */
function Frontier({ lang, points, budget, score }: { lang: Lang; points: FrontierPoint[]; budget: number; score: number }) {
  const s = useStyles();
  if (points.length === 0) return null;
  const W = 300;
  const H = 200;
  const FONT = 11;
  const pad = { l: 46, r: 10, t: 10, b: 42 };
  const maxX = Math.max(points[points.length - 1].budget, budget) * 1.02 || 1;
  const maxY = Math.max(...points.map((p) => p.score)) * 1.05 || 1;
  const x = (v: number) => pad.l + (v / maxX) * (W - pad.l - pad.r);
  const y = (v: number) => H - pad.b - (v / maxY) * (H - pad.t - pad.b);
  let d = `M ${x(points[0].budget)} ${y(points[0].score)}`;
  for (let i = 1; i < points.length; i++) d += ` H ${x(points[i].budget)} V ${y(points[i].score)}`;
  d += ` H ${x(maxX)}`;
  const label = st(lang, "paneFrontierLabel", {
    count: points.length,
    from: mnokText(lang, points[0].budget),
    to: mnokText(lang, points[points.length - 1].budget),
    budget: mnokText(lang, budget),
    score: formatNumber(lang, score, 2),
  });
  const axisY = H - pad.b;
  // The frame's label sits under its line unless it would run into the axis' last figure.
  const frameNearEnd = x(budget) > W - pad.r - 40;
  return (
    <svg className={s.chart} viewBox={`0 0 ${W} ${H}`} role="img" aria-label={label} data-testid="selection-frontier" data-points={points.length}>
      <title>{label}</title>
      <line x1={pad.l} y1={axisY} x2={W - pad.r} y2={axisY} stroke={tokens.colorNeutralStroke1} />
      <line x1={pad.l} y1={pad.t} x2={pad.l} y2={axisY} stroke={tokens.colorNeutralStroke1} />
      <path d={d} fill="none" stroke={tokens.colorBrandForeground1} strokeWidth={1.5} />
      <line x1={x(budget)} y1={pad.t} x2={x(budget)} y2={axisY} stroke={tokens.colorPaletteRedForeground1} strokeDasharray="3 2" />
      <circle cx={x(budget)} cy={y(score)} r={3} fill={tokens.colorPaletteRedForeground1} />
      <text x={pad.l - 4} y={y(0)} fontSize={FONT} textAnchor="end" fill="currentColor">
        0
      </text>
      <text x={pad.l - 4} y={y(maxY / 1.05) + 4} fontSize={FONT} textAnchor="end" fill="currentColor">
        {formatNumber(lang, maxY / 1.05, 0)}
      </text>
      <text x={pad.l} y={axisY + 14} fontSize={FONT} textAnchor="middle" fill="currentColor">
        0
      </text>
      <text x={frameNearEnd ? x(budget) - 3 : x(budget)} y={axisY + 14} fontSize={FONT} textAnchor={frameNearEnd ? "end" : "middle"} fill={tokens.colorPaletteRedForeground1} data-testid="selection-frontier-frame">
        {mnokText(lang, budget)}
      </text>
      {!frameNearEnd && (
        <text x={W - pad.r} y={axisY + 14} fontSize={FONT} textAnchor="end" fill="currentColor">
          {mnokText(lang, Math.round(maxX / 1.02))}
        </text>
      )}
      <text x={pad.l + (W - pad.l - pad.r) / 2} y={H - 6} fontSize={FONT} textAnchor="middle" fill="currentColor" data-testid="selection-frontier-x">
        {st(lang, "paneAxisBudget")}
      </text>
      <text
        x={12}
        y={pad.t + (axisY - pad.t) / 2}
        fontSize={FONT}
        textAnchor="middle"
        fill="currentColor"
        transform={`rotate(-90 12 ${pad.t + (axisY - pad.t) / 2})`}
        data-testid="selection-frontier-y"
      >
        {st(lang, "paneAxisScore")}
      </text>
    </svg>
  );
}
