/**
 * «Hvor sikker er utvalget?» in the Utvalg view (issue 20): each measure's chance of funding when
 * weights and scores are drawn as under Stabilitet, the exact selection of every draw with the
 * view's frames and choices (src/core/funding.ts) in a Web Worker with progress and «Avbryt». A
 * table with the share as a bar and the label (kjerne / grense / utenfor), sortable by each column;
 * «Hva må til» for a chosen measure (on or off the minimum list): the share of the draws in which it
 * holds, the mean weights in those draws and the measures it displaces. A finished run is published
 * for the presenter's page and the slide (src/presenter/funding-channel.ts) and withdrawn when the
 * frames, choices or scores change. Loaded lazily with the Utvalg view; nothing here calls Excel.
 *
 * data-testid: funding-section, funding-draws, funding-seed, funding-core, funding-run,
 * funding-cancel, funding-progress (data-done, data-total), funding-cancelled, funding-error,
 * funding-stale, funding-setup (data-done, data-requested), funding-show, funding-table,
 * funding-sort-<name|share|robust>, funding-row (data-measure-id, data-share, data-robust),
 * funding-what, funding-what-measure, funding-what-want, funding-what-text, funding-what-weights.
 */
import { Button, Caption1, Field, Input, ProgressBar, Text, makeStyles, tokens } from "@fluentui/react-components";
import { useEffect, useMemo, useRef, useState } from "react";
import type { Assessment } from "../../core/assess";
import { DEFAULT_FUNDING, given, sharesOf, type FundingResult, type Robust } from "../../core/funding";
import type { ListName } from "../../core/select";
import type { SelectionProblem } from "../../core/selection-problem";
import { uncertaintyInput } from "../../core/uncertainty";
import { formatNumber, type Lang } from "../../i18n";
import { fu, givenSentences, robustLabel, sharePercent, thresholdPercent } from "../../i18n/funding";
import { drawCount, drawSettings } from "../../i18n/stability";
import { basisOf } from "../../presenter/acceptability-channel";
import { publishFunding } from "../../presenter/funding-channel";
import { fundingShown } from "../../presenter/funding-payload";
import type { FundingHandle, FundingRunner } from "./protocol";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS, paddingTop: tokens.spacingVerticalM, borderTop: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}` },
  fields: { display: "grid", gridTemplateColumns: "repeat(3, minmax(0, 1fr))", columnGap: tokens.spacingHorizontalS, alignItems: "end" },
  input: { width: "100%", minWidth: 0 },
  muted: { color: tokens.colorNeutralForeground3 },
  error: { color: tokens.colorPaletteRedForeground1 },
  progressRow: { display: "flex", alignItems: "center", gap: tokens.spacingHorizontalS, flexWrap: "wrap" },
  grow: { flexGrow: 1, minWidth: "8em" },
  select: { height: "28px", maxWidth: "100%", fontSize: tokens.fontSizeBase200 },
  table: { width: "100%", borderCollapse: "collapse", tableLayout: "fixed", fontSize: tokens.fontSizeBase200 },
  th: { textAlign: "left", fontWeight: tokens.fontWeightSemibold, borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`, padding: "2px 4px" },
  sort: { font: "inherit", fontWeight: tokens.fontWeightSemibold, background: "none", border: "none", padding: 0, cursor: "pointer", color: tokens.colorNeutralForeground1, textAlign: "left" },
  td: { padding: "3px 4px", borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke3}`, verticalAlign: "middle" },
  // Whole names, wrapped between words where they can be (as the lists above).
  nameCell: { overflowWrap: "anywhere" },
  nameButton: { font: "inherit", background: "none", border: "none", padding: 0, textAlign: "left", cursor: "pointer", color: tokens.colorBrandForeground1, textDecorationLine: "underline" },
  share: { display: "flex", alignItems: "center", gap: "4px" },
  bar: { flexGrow: 1, height: "8px", backgroundColor: tokens.colorNeutralBackground5, minWidth: "24px" },
  fill: { display: "block", height: "100%", backgroundColor: tokens.colorBrandBackground },
  pct: { fontVariantNumeric: "tabular-nums", whiteSpace: "nowrap", minWidth: "3.2em", textAlign: "right" },
  chip: { whiteSpace: "nowrap", paddingLeft: "4px", borderLeftWidth: "4px", borderLeftStyle: "solid" },
  core: { borderLeftColor: tokens.colorPaletteGreenForeground1, fontWeight: tokens.fontWeightSemibold },
  borderline: { borderLeftColor: tokens.colorPaletteMarigoldForeground1 },
  exterior: { borderLeftColor: tokens.colorPaletteRedForeground1 },
  what: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS },
  whatRow: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS, alignItems: "end" },
  num: { textAlign: "right", fontVariantNumeric: "tabular-nums" },
  // The weights table sizes its columns to their content: the group's name whole, the figures narrow.
  weights: { width: "100%", borderCollapse: "collapse", tableLayout: "auto", fontSize: tokens.fontSizeBase200 },
});

/** The default runner: the Web Worker, loaded on first use (jest, which cannot parse import.meta, never loads it). */
const lazyWorkerRunner: FundingRunner = (request, onProgress) => {
  let inner: FundingHandle | undefined;
  let cancelled = false;
  const result = import("./worker-runner").then(({ fundingWorkerRunner }) => {
    if (cancelled) return null;
    inner = fundingWorkerRunner(request, onProgress);
    return inner.result;
  });
  return {
    result,
    cancel: () => {
      cancelled = true;
      inner?.cancel();
    },
  };
};

type Run =
  | { state: "idle" }
  | { state: "running"; done: number; total: number }
  | { state: "done"; result: FundingResult; key: string }
  | { state: "cancelled" }
  | { state: "failed"; message: string };

type SortKey = "name" | "share" | "robust";
const ROBUST_ORDER: Record<Robust, number> = { core: 2, borderline: 1, exterior: 0 };

/** A whole number in [lo, hi] from a field, else null. */
function wholeIn(text: string, lo: number, hi: number): number | null {
  const t = text.trim().replace(/[\s\u00a0]/g, "");
  if (!/^\d+$/.test(t)) return null;
  const v = Number(t);
  return v >= lo && v <= hi ? v : null;
}

function percentIn(text: string): number | null {
  const t = text.trim().replace(",", ".");
  if (!/^\d+(\.\d+)?$/.test(t)) return null;
  const v = Number(t);
  return v > 50 && v <= 100 ? v / 100 : null;
}

export interface FundingSectionProps {
  lang: Lang;
  assessment: Assessment;
  /** The selection problem of the view (its frames and choices). */
  problem: SelectionProblem;
  /** Each measure's list with the weights now (the view's exact selection). */
  lists: Record<string, ListName>;
  runner?: FundingRunner;
}

export default function FundingSection({ lang, assessment, problem, lists, runner = lazyWorkerRunner }: FundingSectionProps) {
  const s = useStyles();
  const [drawsText, setDrawsText] = useState(String(DEFAULT_FUNDING.draws));
  const [seedText, setSeedText] = useState(String(DEFAULT_FUNDING.seed));
  const [coreText, setCoreText] = useState("95");
  const [run, setRun] = useState<Run>({ state: "idle" });
  const [show, setShow] = useState<"selected" | "minimum">("selected");
  const [sort, setSort] = useState<{ key: SortKey; desc: boolean }>({ key: "share", desc: true });
  const [what, setWhat] = useState<{ id: string; on: boolean } | null>(null);
  const handle = useRef<{ cancel(): void } | null>(null);
  const whatRef = useRef<HTMLSelectElement>(null);

  // What a result was drawn from: the ranking and the selection problem (frames, choices, costs).
  const key = useMemo(() => `${basisOf(assessment)}|${JSON.stringify(problem)}`, [assessment, problem]);
  const draws = wholeIn(drawsText, 1, 100_000);
  const seed = wholeIn(seedText, 0, 4_294_967_295);
  const core = percentIn(coreText);
  const stale = run.state === "done" && run.key !== key;

  // Cancel a run still going when the view closes.
  useEffect(() => () => handle.current?.cancel(), []);
  // Publish a current result for the presenter and the slide (in the display language); withdraw a stale one.
  useEffect(() => {
    if (run.state !== "done" || stale) {
      if (stale) publishFunding(null);
      return;
    }
    publishFunding(fundingShown({ result: run.result, lists, budget: problem.budget, minimum: problem.minimum ?? null }, assessment, lang));
  }, [run, stale, lang, lists, problem, assessment]);

  const start = () => {
    if (draws === null || seed === null || core === null) return;
    handle.current?.cancel();
    const options = { ...DEFAULT_FUNDING, draws, seed, core, exterior: 1 - core };
    const runKey = key;
    setRun({ state: "running", done: 0, total: draws });
    const h = runner({ input: { draws: uncertaintyInput(assessment), problem }, options, chunk: 25 }, (done, total) => setRun({ state: "running", done, total }));
    handle.current = h;
    h.result.then(
      (result) => {
        if (handle.current !== h) return;
        handle.current = null;
        setRun(result ? { state: "done", result, key: runKey } : { state: "cancelled" });
      },
      (e: unknown) => {
        if (handle.current !== h) return;
        handle.current = null;
        setRun({ state: "failed", message: String((e as Error).message ?? e) });
      },
    );
  };
  const cancel = () => {
    const h = handle.current;
    handle.current = null;
    h?.cancel();
    setRun({ state: "cancelled" });
  };

  const result = run.state === "done" ? run.result : null;
  const rows = useMemo(() => {
    if (!result || result.done === 0) return [];
    const out = result.ids.map((id, i) => {
      const sh = sharesOf(result, i);
      return { id, name: result.names[i], share: show === "selected" ? sh.pSelected! : sh.pMinimum!, robust: sh.robust!, now: lists[id] ?? ("out" as ListName), index: i };
    });
    const dir = sort.desc ? -1 : 1;
    const cmp = (a: (typeof out)[number], b: (typeof out)[number]) =>
      sort.key === "name"
        ? dir * a.name.localeCompare(b.name, lang === "nb" ? "nb" : "en")
        : sort.key === "share"
          ? dir * (a.share - b.share)
          : dir * (ROBUST_ORDER[a.robust] - ROBUST_ORDER[b.robust]) || b.share - a.share;
    return out.sort((a, b) => cmp(a, b) || a.index - b.index);
  }, [result, show, sort, lists, lang]);

  const groupLabel = (id: string) => assessment.model.criteria.find((g) => g.id === id)?.label[lang] ?? id;
  const choose = (id: string) => {
    setWhat((w) => ({ id, on: w?.on ?? lists[id] !== "minimum" }));
    whatRef.current?.scrollIntoView?.({ block: "nearest" });
  };
  const header = (k: SortKey, label: string, width?: string) => (
    <th className={s.th} style={width ? { width } : undefined} aria-sort={sort.key === k ? (sort.desc ? "descending" : "ascending") : "none"} scope="col">
      <button
        type="button"
        className={s.sort}
        title={fu(lang, "pane.sortHint", { column: label })}
        onClick={() => setSort((o) => (o.key === k ? { key: k, desc: !o.desc } : { key: k, desc: k !== "name" }))}
        data-testid={`funding-sort-${k}`}
      >
        {label}
        {sort.key === k ? (sort.desc ? " ↓" : " ↑") : ""}
      </button>
    </th>
  );
  const nowText = (l: ListName) => fu(lang, l === "minimum" ? "now.minimum" : l === "plus" ? "now.plus" : "now.out");
  const chipClass = (r: Robust) => `${s.chip} ${r === "core" ? s.core : r === "borderline" ? s.borderline : s.exterior}`;
  const g = result && what ? given(result, what.id, what.on) : null;

  return (
    <section className={s.root} data-testid="funding-section" aria-labelledby="funding-title">
      <Text weight="semibold" id="funding-title" as="h3" style={{ margin: 0 }}>
        {fu(lang, "pane.title")}
      </Text>
      <Caption1 className={s.muted}>{fu(lang, "pane.intro")}</Caption1>
      <div className={s.fields}>
        <Field label={fu(lang, "pane.draws")} size="small" validationState={draws === null ? "error" : "none"} validationMessage={draws === null ? fu(lang, "pane.error.draws") : undefined}>
          <Input className={s.input} size="small" inputMode="numeric" value={drawsText} onChange={(_, d) => setDrawsText(d.value)} data-testid="funding-draws" />
        </Field>
        <Field label={fu(lang, "pane.seed")} size="small" validationState={seed === null ? "error" : "none"} validationMessage={seed === null ? fu(lang, "pane.error.seed") : undefined}>
          <Input className={s.input} size="small" inputMode="numeric" value={seedText} onChange={(_, d) => setSeedText(d.value)} data-testid="funding-seed" />
        </Field>
        <Field label={fu(lang, "pane.core")} size="small" validationState={core === null ? "error" : "none"} validationMessage={core === null ? fu(lang, "pane.error.core") : undefined}>
          <Input className={s.input} size="small" inputMode="decimal" value={coreText} onChange={(_, d) => setCoreText(d.value)} data-testid="funding-core" />
        </Field>
      </div>
      {run.state === "running" ? (
        <div className={s.progressRow} data-testid="funding-progress" data-done={run.done} data-total={run.total}>
          <ProgressBar className={s.grow} value={run.total ? run.done / run.total : 0} thickness="large" aria-label={fu(lang, "pane.progress", { done: drawCount(lang, run.done), total: drawCount(lang, run.total) })} />
          <Caption1 role="status">{fu(lang, "pane.progress", { done: drawCount(lang, run.done), total: drawCount(lang, run.total) })}</Caption1>
          <Button size="small" onClick={cancel} data-testid="funding-cancel">
            {fu(lang, "pane.cancel")}
          </Button>
        </div>
      ) : (
        <Button appearance="primary" size="small" style={{ alignSelf: "start" }} disabled={draws === null || seed === null || core === null} onClick={start} data-testid="funding-run">
          {fu(lang, "pane.run")}
        </Button>
      )}
      {run.state === "cancelled" && (
        <Caption1 role="status" className={s.muted} data-testid="funding-cancelled">
          {fu(lang, "pane.cancelled")}
        </Caption1>
      )}
      {run.state === "failed" && (
        <Caption1 role="alert" className={s.error} data-testid="funding-error">
          {fu(lang, "pane.failed", { message: run.message })}
        </Caption1>
      )}
      {stale && (
        <Caption1 role="status" className={s.error} data-testid="funding-stale">
          {fu(lang, "pane.stale")}
        </Caption1>
      )}
      {result && (
        <>
          <Caption1 data-testid="funding-setup" data-done={result.done} data-requested={result.requested}>
            {result.done === 0
              ? fu(lang, "cli.none")
              : `${fu(lang, result.done === result.requested ? "cli.setupAll" : "cli.setupSome", {
                  draws: drawCount(lang, result.requested),
                  done: drawCount(lang, result.done),
                  seed: result.seed,
                  ...drawSettings(lang, result.weights, result.scores),
                })} ${fu(lang, "cli.labels", { core: thresholdPercent(lang, result.core), exterior: thresholdPercent(lang, result.exterior) })}`}
          </Caption1>
          {rows.length > 0 && (
            <>
              <Field label={fu(lang, "pane.show")} size="small" orientation="horizontal">
                <select className={s.select} value={show} onChange={(e) => setShow(e.target.value === "minimum" ? "minimum" : "selected")} aria-label={fu(lang, "pane.show")} data-testid="funding-show">
                  <option value="selected">{fu(lang, "pane.showSelected")}</option>
                  <option value="minimum">{fu(lang, "pane.showMinimum")}</option>
                </select>
              </Field>
              <table className={s.table} data-testid="funding-table">
                <thead>
                  <tr>
                    {header("name", fu(lang, "pane.colMeasure"))}
                    {header("share", fu(lang, "pane.colShare"), "30%")}
                    {header("robust", fu(lang, "pane.colRobust"), "21%")}
                  </tr>
                </thead>
                <tbody>
                  {rows.map((r) => {
                    const pct = sharePercent(lang, r.share);
                    const label = fu(lang, "pane.barLabel", {
                      name: r.name,
                      kind: fu(lang, show === "selected" ? "pane.kindSelected" : "pane.kindMinimum"),
                      percent: pct,
                      robust: robustLabel(lang, r.robust),
                      now: nowText(r.now),
                    });
                    return (
                      <tr key={r.id} data-testid="funding-row" data-measure-id={r.id} data-share={r.share} data-robust={r.robust}>
                        <td className={`${s.td} ${s.nameCell}`}>
                          <button type="button" className={s.nameButton} onClick={() => choose(r.id)} title={fu(lang, "pane.whatHint")}>
                            {r.name}
                          </button>
                        </td>
                        <td className={s.td}>
                          <span className={s.share} role="img" aria-label={label}>
                            <span className={s.bar} aria-hidden="true">
                              <span className={s.fill} style={{ width: `${(r.share * 100).toFixed(1)}%` }} />
                            </span>
                            <span className={s.pct} aria-hidden="true">
                              {pct}
                            </span>
                          </span>
                        </td>
                        <td className={s.td}>
                          <span className={chipClass(r.robust)}>{robustLabel(lang, r.robust)}</span>
                        </td>
                      </tr>
                    );
                  })}
                </tbody>
              </table>
              <div className={s.what} data-testid="funding-what">
                <Text weight="semibold">{fu(lang, "pane.what")}</Text>
                <Caption1 className={s.muted}>{fu(lang, "pane.whatHint")}</Caption1>
                <div className={s.whatRow}>
                  <select
                    ref={whatRef}
                    className={s.select}
                    aria-label={fu(lang, "pane.colMeasure")}
                    value={what?.id ?? ""}
                    onChange={(e) => (e.target.value ? setWhat({ id: e.target.value, on: what?.on ?? lists[e.target.value] !== "minimum" }) : setWhat(null))}
                    data-testid="funding-what-measure"
                  >
                    <option value="">–</option>
                    {result.ids.map((id, i) => (
                      <option key={id} value={id}>
                        {result.names[i]}
                      </option>
                    ))}
                  </select>
                  <select
                    className={s.select}
                    aria-label={fu(lang, "pane.whatWant")}
                    value={what?.on === false ? "off" : "on"}
                    disabled={!what}
                    onChange={(e) => what && setWhat({ id: what.id, on: e.target.value === "on" })}
                    data-testid="funding-what-want"
                  >
                    <option value="on">{`${fu(lang, "pane.whatWant")} ${fu(lang, "pane.whatOn")}`}</option>
                    <option value="off">{`${fu(lang, "pane.whatWant")} ${fu(lang, "pane.whatOff")}`}</option>
                  </select>
                </div>
                {g && (
                  <>
                    <Text data-testid="funding-what-text" data-share={g.share ?? ""}>
                      {givenSentences(lang, g, groupLabel, drawCount(lang, result.done)).join(" ")}
                    </Text>
                    {g.count > 0 && (
                      <table className={s.weights} data-testid="funding-what-weights">
                        <thead>
                          <tr>
                            <th className={s.th} scope="col">
                              {fu(lang, "pane.colGroup")}
                            </th>
                            <th className={`${s.th} ${s.num}`} scope="col">
                              {fu(lang, "pane.colThen")}
                            </th>
                            <th className={`${s.th} ${s.num}`} scope="col">
                              {fu(lang, "pane.colAll")}
                            </th>
                            <th className={`${s.th} ${s.num}`} scope="col">
                              {fu(lang, "pane.colNow")}
                            </th>
                          </tr>
                        </thead>
                        <tbody>
                          {g.weights.map((w) => (
                            <tr key={w.group}>
                              <th className={s.td} scope="row" style={{ fontWeight: "normal", textAlign: "left" }}>
                                {groupLabel(w.group)}
                              </th>
                              <td className={`${s.td} ${s.num}`}>{w.mean === null ? "–" : formatNumber(lang, w.mean, 2)}</td>
                              <td className={`${s.td} ${s.num}`}>{formatNumber(lang, w.meanAll, 2)}</td>
                              <td className={`${s.td} ${s.num}`}>{formatNumber(lang, w.now, 2)}</td>
                            </tr>
                          ))}
                        </tbody>
                      </table>
                    )}
                  </>
                )}
              </div>
            </>
          )}
        </>
      )}
    </section>
  );
}
