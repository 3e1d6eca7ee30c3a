/**
 * Stabilitet: how stable is the ranking.
 * - Weight intervals (exact, src/core/sensitivity.ts): for every group weight (every weight of the
 *   tree on request) one plain sentence — «Nytte kan veie fra 0,75 til 1,07 uten at noen plass
 *   endres; ved 1,07 går A forbi B» — the smallest change, pairs tied now, and the top-N cut.
 * - Rank acceptability (Monte Carlo, src/core/uncertainty.ts) in a Web Worker with progress and
 *   cancel, re-run when the ranking changes; a table of the probability of every place, heat-mapped,
 *   with the number in every cell (colour is never the only signal).
 * Loaded lazily by App.tsx (React.lazy), so none of this is in the pane's initial JavaScript.
 *
 * data-testid: stability-view, stability-interval (data-node-id), stability-sentence, stability-note,
 * stability-cut, stability-all-nodes, stability-top, stability-run, stability-cancel, stability-progress
 * (data-done, data-total), stability-cancelled, stability-error, stability-stale, rank-table,
 * rank-row (data-measure-id), rank-top, rank-cell (data-place, data-p).
 */
import {
  Button,
  Caption1,
  Field,
  Input,
  ProgressBar,
  Subtitle2,
  Switch,
  Text,
  makeStyles,
  mergeClasses,
  tokens,
} from "@fluentui/react-components";
import { useEffect, useMemo, useRef, useState } from "react";
import { rankLabel, type Assessment } from "../../core/assess";
import { findNode } from "../../core/model";
import { fullNameTexts } from "../../core/full-name";
import { stabilityReport } from "../../core/sensitivity";
import {
  DEFAULT_UNCERTAINTY,
  uncertaintyInput,
  type UncertaintyOptions,
  type UncertaintyResult,
} from "../../core/uncertainty";
import { probabilitySpoken, type Lang } from "../../i18n";
import {
  cutSentence,
  drawCount,
  drawSettings,
  intervalNotes,
  intervalSentence,
  percentCell,
  st,
} from "../../i18n/stability";
import { DrawControls } from "./DrawControls";
import { DEFAULT_FIELDS, readFields, type DrawFields } from "./draw-settings";
import { heat } from "./heat";
import { PairwiseTable } from "./PairwiseTable";
import type { RunHandle, UncertaintyRunner } from "./protocol";
import { MinimumListStability } from "./MinimumListStability";
import { publishAcceptability } from "../../presenter/acceptability-channel";
import { acceptabilityShown } from "../../presenter/acceptability-payload";

const CHUNK = 500;
/** The least time between two progress renders, in milliseconds. */
const PROGRESS_MS = 100;
const DEFAULT_TOP = 5;
const DRAW_CHOICES = [1_000, 10_000, 100_000, 1_000_000];

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalL },
  section: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  muted: { color: tokens.colorNeutralForeground3 },
  interval: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalXXS,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalS}`,
    borderLeft: `3px solid ${tokens.colorBrandStroke1}`,
    backgroundColor: tokens.colorNeutralBackground2,
  },
  sentence: { margin: 0, overflowWrap: "anywhere" },
  note: { margin: 0, color: tokens.colorNeutralForeground2, overflowWrap: "anywhere" },
  controls: {
    display: "flex",
    flexWrap: "wrap",
    alignItems: "flex-end",
    gap: tokens.spacingHorizontalM,
  },
  top: { width: "5em" },
  select: { height: "32px", minWidth: "7em", fontSize: tokens.fontSizeBase300 },
  // An earlier result is marked beside it, never dimmed: faded text would fall below 4.5:1 (WCAG 1.4.3).
  staleTable: { borderLeft: `4px solid ${tokens.colorPaletteMarigoldBorderActive}`, paddingLeft: tokens.spacingHorizontalS },
  progress: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXXS },
  progressRow: { display: "flex", alignItems: "center", gap: tokens.spacingHorizontalS },
  grow: { flexGrow: 1 },
  scroller: {
    overflowX: "auto",
    maxWidth: "100%",
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  table: {
    borderCollapse: "collapse",
    fontSize: tokens.fontSizeBase200,
    fontVariantNumeric: "tabular-nums",
  },
  caption: { margin: 0, color: tokens.colorNeutralForeground3 },
  th: {
    fontWeight: tokens.fontWeightSemibold,
    padding: "2px 4px",
    textAlign: "right",
    backgroundColor: tokens.colorNeutralBackground3,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  sticky: {
    position: "sticky",
    left: 0,
    zIndex: 1,
    textAlign: "left",
    backgroundColor: tokens.colorNeutralBackground1,
    borderRight: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  stickyHead: { backgroundColor: tokens.colorNeutralBackground3 },
  // Full names, wrapped at word boundaries (a long word widens the column rather than breaking):
  // «Dokumentdeling: Fastleger» and «Dokumentdeling: Legevakt/ØHD» must stay apart.
  name: {
    display: "block",
    minWidth: "7em",
    maxWidth: "13em",
    whiteSpace: "normal",
    overflowWrap: "break-word",
    hyphens: "auto",
    fontWeight: tokens.fontWeightRegular,
    lineHeight: tokens.lineHeightBase200,
  },
  rank: { display: "inline-block", minWidth: "1.9em", color: tokens.colorNeutralForeground3 },
  measureCell: { display: "flex", alignItems: "baseline", padding: "3px 4px" },
  cell: {
    padding: "2px 3px",
    minWidth: "1.9em",
    textAlign: "right",
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke3}`,
  },
  topCell: {
    fontWeight: tokens.fontWeightSemibold,
    borderRight: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  own: { outline: `1px solid ${tokens.colorNeutralForeground1}`, outlineOffset: "-1px" },
  zero: { color: tokens.colorNeutralForeground4 },
});

type Run =
  | { state: "idle" }
  | { state: "running"; done: number; total: number }
  | { state: "cancelled" }
  | { state: "failed" };

/** The default runner: the Web Worker, loaded on first use. */
const lazyWorkerRunner: UncertaintyRunner = (request, onProgress) => {
  let inner: RunHandle | undefined;
  let cancelled = false;
  const result = import("./worker-runner").then(({ workerRunner }) => {
    if (cancelled) return null;
    inner = workerRunner(request, onProgress);
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

export default function StabilityView({
  assessment,
  lang,
  runner = lazyWorkerRunner,
}: {
  assessment: Assessment;
  lang: Lang;
  runner?: UncertaintyRunner;
}) {
  const s = useStyles();
  const [allNodes, setAllNodes] = useState(false);
  const [topText, setTopText] = useState(String(DEFAULT_TOP));
  const [draws, setDraws] = useState(DEFAULT_UNCERTAINTY.draws);
  const [fields, setFields] = useState<DrawFields>(DEFAULT_FIELDS);
  const reading = useMemo(() => readFields(fields), [fields]);
  const drawKey = JSON.stringify(reading);
  const ranked = assessment.measures.filter((m) => m.rank !== null);
  const n = ranked.length;
  const parsedTop = Number(topText);
  const top =
    Number.isInteger(parsedTop) && parsedTop >= 1
      ? Math.min(parsedTop, Math.max(1, n))
      : DEFAULT_TOP;
  const nameOf = useMemo(() => {
    const names = fullNameTexts(assessment.measures);
    return (id: string) => names.get(id) ?? id;
  }, [assessment]);
  const report = useMemo(
    () => (n > 0 ? stabilityReport(assessment, { allNodes, cuts: [top] }) : []),
    [assessment, allNodes, top, n]
  );

  // Monte Carlo: re-run (debounced) whenever the ranking's inputs or the cut change.
  const input = useMemo(() => uncertaintyInput(assessment), [assessment]);
  const signature = useMemo(
    () => JSON.stringify([input.model.criteria, input.model.total, input.measures]),
    [input]
  );
  const options: UncertaintyOptions = useMemo(
    () => {
      const r = JSON.parse(drawKey) as ReturnType<typeof readFields>;
      return r.ok ? { ...DEFAULT_UNCERTAINTY, draws, top, weights: r.weights, scores: r.scores } : { ...DEFAULT_UNCERTAINTY, draws, top };
    },
    [draws, top, drawKey]
  );
  const key = `${signature}|${draws}|${top}|${drawKey}`;
  const [run, setRun] = useState<Run>({ state: "idle" });
  const [result, setResult] = useState<{ result: UncertaintyResult; key: string } | null>(null);
  const handle = useRef<RunHandle | null>(null);
  const [generation, setGeneration] = useState(0);

  const inputRef = useRef(input);
  inputRef.current = input;
  useEffect(() => {
    const input = inputRef.current;
    if (input.measures.length === 0 || !reading.ok) return undefined;
    let current: RunHandle | null = null;
    const timer = setTimeout(() => {
      setRun({ state: "running", done: 0, total: options.draws });
      // At most one progress render per PROGRESS_MS (a million draws report 2,000 chunks): the
      // view's tables are not drawn again for every chunk, so the page stays free for «Avbryt».
      let shownAt = -Infinity;
      current = runner({ input, options, chunk: CHUNK }, (done, total) => {
        const now = performance.now();
        if (done < total && now - shownAt < PROGRESS_MS) return;
        shownAt = now;
        setRun({ state: "running", done, total });
      });
      handle.current = current;
      const mine = current;
      mine.result.then(
        (r) => {
          if (handle.current !== mine) return;
          handle.current = null;
          if (r) {
            setResult({ result: r, key });
            setRun({ state: "idle" });
          } else setRun({ state: "cancelled" });
        },
        (e: unknown) => {
          if (handle.current !== mine) return;
          handle.current = null;
          // The person gets a plain sentence; the error's own text is for the developer console only.
          console.error(e);
          setRun({ state: "failed" });
        }
      );
    }, 250);
    return () => {
      clearTimeout(timer);
      if (current && handle.current === current) {
        handle.current = null;
        current.cancel();
      }
    };
    // `signature` stands for the input's values (a new assessment with the same values does not re-run); `generation` is «Beregn på nytt».
  }, [signature, options, runner, generation, reading.ok]);

  // The presenter view and the slides use the result while it is current (src/presenter/acceptability-channel.ts).
  useEffect(() => {
    if (result && result.key === key) publishAcceptability(acceptabilityShown(result.result, options, assessment, lang));
  }, [result, key, options, assessment, lang]);

  const cancel = () => {
    const h = handle.current;
    if (!h) return;
    h.cancel();
  };

  if (n === 0)
    return (
      <div className={s.root} data-testid="stability-view">
        <Text>{st(lang, "pane.noRanked")}</Text>
      </div>
    );

  const shown = result?.result;
  const stale = result !== null && result.key !== key;
  const setting = drawSettings(lang, options.weights, options.scores);
  return (
    <div className={s.root} data-testid="stability-view">
      <section className={s.section} aria-labelledby="stability-intervals">
        <Subtitle2 as="h2" id="stability-intervals">
          {st(lang, "pane.intervalsHeading")}
        </Subtitle2>
        <Caption1 className={s.muted}>{st(lang, "pane.intervalsIntro")}</Caption1>
        <Switch
          label={st(lang, "pane.allNodes")}
          checked={allNodes}
          onChange={(_, d) => setAllNodes(d.checked)}
          data-testid="stability-all-nodes"
        />
        {report.map(({ interval, cuts }) => {
          const group =
            (findNode(assessment.model, interval.nodeId)?.short ??
              findNode(assessment.model, interval.nodeId)?.label)?.[lang] ?? interval.nodeId;
          return (
            <div
              key={interval.nodeId}
              className={s.interval}
              data-testid="stability-interval"
              data-node-id={interval.nodeId}
            >
              <Text as="p" className={s.sentence} data-testid="stability-sentence">
                {intervalSentence(lang, group, interval, nameOf)}
              </Text>
              {intervalNotes(lang, group, interval, nameOf).map((note) => (
                <Caption1 as="p" key={note} className={s.note} data-testid="stability-note">
                  {note}
                </Caption1>
              ))}
              {cuts.map((c) => (
                <Caption1 as="p" key={c.top} className={s.note} data-testid="stability-cut">
                  {cutSentence(lang, group, c, nameOf)}
                </Caption1>
              ))}
            </div>
          );
        })}
      </section>
      <MinimumListStability assessment={assessment} lang={lang} allNodes={allNodes} />

      <section className={s.section} aria-labelledby="stability-uncertainty">
        <Subtitle2 as="h2" id="stability-uncertainty">
          {st(lang, "pane.uncertaintyHeading")}
        </Subtitle2>
        <Caption1 className={s.muted}>
          {st(lang, "pane.uncertaintySetup", { draws: drawCount(lang, options.draws), ...setting })}
        </Caption1>
        <DrawControls fields={fields} onChange={setFields} bad={reading.ok ? null : reading.field} lang={lang} />
        <div className={s.controls}>
          <Field label={st(lang, "pane.colTop", { top: "N" })}>
            <Input
              className={s.top}
              type="number"
              min={1}
              max={n}
              value={topText}
              onChange={(_, d) => setTopText(d.value)}
              data-testid="stability-top"
            />
          </Field>
          <Field label={st(lang, "pane.draws")}>
            {(field) => (
              <select
                {...field}
                value={draws}
                onChange={(e) => setDraws(Number(e.target.value))}
                data-testid="stability-draws"
                className={s.select}
              >
                {DRAW_CHOICES.map((d) => (
                  <option key={d} value={d}>
                    {d.toLocaleString(lang === "nb" ? "nb-NO" : "en-GB")}
                  </option>
                ))}
              </select>
            )}
          </Field>
          {run.state === "running" ? (
            <Button onClick={cancel} data-testid="stability-cancel">
              {st(lang, "pane.cancel")}
            </Button>
          ) : (
            (!shown || stale) && reading.ok && (
              <Button
                appearance="primary"
                onClick={() => setGeneration((g) => g + 1)}
                data-testid="stability-run"
              >
                {st(lang, "pane.run")}
              </Button>
            )
          )}
        </div>
        {run.state === "running" && (
          <div
            className={s.progress}
            data-testid="stability-progress"
            data-done={run.done}
            data-total={run.total}
            aria-live="polite"
          >
            <ProgressBar value={run.total ? run.done / run.total : 0} thickness="large" />
            <Caption1>
              {st(lang, "pane.progress", {
                done: run.done.toLocaleString(lang === "nb" ? "nb-NO" : "en-GB"),
                total: run.total.toLocaleString(lang === "nb" ? "nb-NO" : "en-GB"),
              })}
            </Caption1>
          </div>
        )}
        {run.state === "cancelled" && (
          <Caption1 className={s.muted} data-testid="stability-cancelled">
            {st(lang, "pane.cancelled")}
          </Caption1>
        )}
        {run.state === "failed" && (
          <Caption1 data-testid="stability-error">
            {st(lang, "pane.failed")}
          </Caption1>
        )}
        {stale && run.state !== "running" && (
          <Caption1 className={s.muted} data-testid="stability-stale">
            {st(lang, "pane.stale")}
          </Caption1>
        )}
        {shown && (
          <div className={stale ? s.staleTable : undefined}>
            <RankTable result={shown} assessment={assessment} lang={lang} />
            <PairwiseTable result={shown} assessment={assessment} lang={lang} />
          </div>
        )}
      </section>
    </div>
  );
}

function RankTable({
  result,
  assessment,
  lang,
}: {
  result: UncertaintyResult;
  assessment: Assessment;
  lang: Lang;
}) {
  const s = useStyles();
  const n = result.ids.length;
  const byId = new Map(assessment.measures.map((m) => [m.id, m]));
  const places = Array.from({ length: n }, (_, k) => k + 1);
  return (
    <>
      <div
        className={s.scroller}
        tabIndex={0}
        role="region"
        aria-label={st(lang, "pane.uncertaintyHeading")}
      >
        <table className={s.table} data-testid="rank-table" aria-describedby="rank-table-caption">
          <thead>
            <tr>
              <th scope="col" className={mergeClasses(s.th, s.sticky, s.stickyHead)}>
                {st(lang, "pane.colPlace")} · {st(lang, "pane.colMeasure")}
              </th>
              <th scope="col" className={mergeClasses(s.th, s.topCell)}>
                {st(lang, "pane.colTop", { top: result.top ?? "" })}
              </th>
              {places.map((p) => (
                <th scope="col" key={p} className={s.th}>
                  {p}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {result.ids.map((id, i) => {
              const m = byId.get(id);
              const name = result.names[i];
              const now = m?.rank ?? null;
              return (
                <tr key={id} data-testid="rank-row" data-measure-id={id}>
                  <th scope="row" className={mergeClasses(s.sticky)} title={name}>
                    <span className={s.measureCell}>
                      <span className={s.rank}>{m ? rankLabel(m) : "–"}</span>
                      <span className={s.name} lang="nb">
                        {name}
                      </span>
                    </span>
                  </th>
                  <td
                    className={mergeClasses(s.cell, s.topCell)}
                    data-testid="rank-top"
                    data-p={result.topN?.[i] ?? ""}
                    style={heat(result.topN?.[i] ?? 0)}
                  >
                    {result.topN ? percentCell(result.topN[i]) : ""}
                  </td>
                  {result.ranks[i].map((p, k) => (
                    <td
                      key={k}
                      className={mergeClasses(s.cell, now === k + 1 && s.own, p <= 0 && s.zero)}
                      style={heat(p)}
                      data-testid="rank-cell"
                      data-place={k + 1}
                      data-p={p}
                      aria-label={st(lang, "pane.cell", {
                        measure: name,
                        place: k + 1,
                        percent: probabilitySpoken(lang, p),
                      })}
                    >
                      {percentCell(p)}
                    </td>
                  ))}
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      <Caption1 as="p" id="rank-table-caption" className={s.caption}>
        {st(lang, "pane.tableCaption")}
      </Caption1>
    </>
  );
}
