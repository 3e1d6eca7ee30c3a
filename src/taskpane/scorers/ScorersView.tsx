/**
 * Vurderere: several people's scores of the same measures. The agreement of their rankings
 * (Kendall's W), the cells where they disagree (the combined score, range and standard deviation;
 * each scorer's score only once revealed, here and on the projector), each scorer's own ranking,
 * the notes, and *Hent vurderinger* (another workbook read as one scorer). Loaded lazily
 * (React.lazy in App.tsx). The workbook is read and written through the controller's scorers
 * actions (its host, busy, the recompute after a write); the view asks for a read when it opens
 * and after every recompute, and words what a write did.
 *
 * data-testid: scorers-view, scorers-loading, scorers-none, scorers-create, scorers-method,
 * scorers-agreement (data-w: unrounded, "" when undefined), scorers-disagreement (data-measure-id,
 * data-criterion, data-range), scorers-reveal (the switch's <input>), scorer-values, scorers-hidden,
 * scorers-ranking (data-scorer), scorers-finding (data-code, data-cell), scorers-fetch-file (the
 * file <input>), scorers-fetch-choose, scorers-fetch-summary, scorers-fetch-name, scorers-fetch-replace,
 * scorers-fetch-go, scorers-fetch-cancel, scorers-fetch-conflicts, scorers-message (data-intent).
 */
import {
  Button,
  Caption1,
  Checkbox,
  Field,
  Input,
  MessageBar,
  MessageBarBody,
  Spinner,
  Subtitle2,
  Switch,
  Text,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { useEffect, useRef, useState, useSyncExternalStore } from "react";
import { rankLabel, type Assessment } from "../../core/assess";
import type { ScorersAnalysis } from "../../core/scorers";
import type { FetchedRow } from "../../grid/scorer-import";
import { scorerNameFromFile } from "../../grid/scorer-import";
import { scorerKey } from "../../grid/scorers-table";
import { criterionLabel, formatNumber, formatShort, severityLabel, type Lang } from "../../i18n";
import { methodText, sc, scorerFindingMessage } from "../../i18n/scorers";
import {
  publishScorers,
  revealScores,
  scoresRevealed,
  subscribeScorers,
} from "../../presenter/scorers-channel";
import type { PresenterScorers } from "../../presenter/protocol";
import type { ScorerActions, ScorersLoad, ScorersWrite } from "../../app/app-state";
import type { AddinRead } from "../../grid/workbook";
import { NO_TITLE } from "../../ui/message-bar";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  note: { color: tokens.colorNeutralForeground3 },
  section: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalXXS,
    paddingTop: tokens.spacingVerticalS,
  },
  w: {
    fontSize: tokens.fontSizeHero700,
    fontWeight: tokens.fontWeightSemibold,
    fontVariantNumeric: "tabular-nums",
    lineHeight: tokens.lineHeightHero700,
  },
  list: { listStyleType: "none", margin: 0, padding: 0 },
  item: {
    display: "flex",
    flexDirection: "column",
    padding: `${tokens.spacingVerticalXXS} ${tokens.spacingHorizontalXS}`,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke3}`,
    overflowWrap: "anywhere",
  },
  flag: { borderLeft: `3px solid #8764B8`, paddingLeft: tokens.spacingHorizontalS },
  small: { fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground2 },
  values: { fontSize: tokens.fontSizeBase200, fontWeight: tokens.fontWeightSemibold },
  ranking: { margin: 0, paddingLeft: tokens.spacingHorizontalL, fontSize: tokens.fontSizeBase200 },
  actions: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS },
  hiddenInput: { display: "none" },
});

const num = (lang: Lang, v: number | null, digits = 2) =>
  v === null ? "–" : formatNumber(lang, v, digits);

/** The presenter's panel: the flagged cells in the display language; the values only once revealed. */
function presenterPanel(
  a: ScorersAnalysis,
  read: AddinRead,
  lang: Lang,
  revealed: boolean
): PresenterScorers {
  const model = read.model;
  return {
    title: sc(lang, "paneDisagreements"),
    hiddenNote: sc(lang, "paneHidden"),
    agreement: `${sc(lang, "paneAgreement")}: ${a.agreement.w === null ? "–" : formatNumber(lang, a.agreement.w, 2)}`,
    revealed,
    cells: a.spreads.flatMap((m) =>
      m.cells
        .filter((c) => c.flagged)
        .map((c) => ({
          measure: m.name,
          criterion: criterionLabel(model, c.leafId, lang),
          summary: `${sc(lang, "paneCombined", { combined: num(lang, c.combined) })} · ${sc(lang, "paneRange", { range: c.range === null ? "–" : formatShort(lang, c.range), sd: num(lang, c.sd) })}`,
          values: revealed
            ? c.values.map((v) => ({ scorer: v.scorer, value: formatShort(lang, v.value) }))
            : [],
        }))
    ),
  };
}

export default function ScorersView({
  lang,
  assessment,
  load,
  scorers,
}: {
  lang: Lang;
  assessment: Assessment;
  /** The controller's last read (AppState.scorers). */
  load: ScorersLoad | undefined;
  scorers: ScorerActions;
}) {
  const s = useStyles();
  const [error, setError] = useState<string | undefined>(undefined);
  const [message, setMessage] = useState<
    { intent: "success" | "warning" | "error"; text: string } | undefined
  >(undefined);
  const [busy, setBusy] = useState(false);
  const revealed = useSyncExternalStore(subscribeScorers, scoresRevealed, scoresRevealed);

  // Read the workbook when the view opens and after every recompute (a new assessment).
  useEffect(() => {
    let live = true;
    scorers.load().catch((e: unknown) => live && setError(String((e as Error).message ?? e)));
    return () => {
      live = false;
    };
  }, [assessment, scorers]);

  const read = load?.read;
  const analysis = read?.scorers?.analysis;
  const hasScorers = analysis !== undefined && analysis.scorers.length > 0;

  // The projector follows what this view shows (hidden scores are not even sent).
  useEffect(() => {
    publishScorers(hasScorers && read ? presenterPanel(analysis, read, lang, revealed) : null);
  }, [hasScorers, analysis, read, lang, revealed]);
  useEffect(() => () => publishScorers(null), []);

  if (error) {
    return (
      <MessageBar aria-labelledby={NO_TITLE} intent="error" data-testid="scorers-message" data-intent="error">
        <MessageBarBody>{error}</MessageBarBody>
      </MessageBar>
    );
  }
  if (!load)
    return <Spinner size="small" label={sc(lang, "paneLoading")} data-testid="scorers-loading" />;
  if (!read) return <Text data-testid="scorers-none">{sc(lang, "paneNotAddin")}</Text>;

  const create = async () => {
    setBusy(true);
    setMessage(undefined);
    try {
      const r = await scorers.create();
      if (!r.ok) setMessage({ intent: "warning", text: r.message });
    } catch (e) {
      setMessage({ intent: "error", text: String((e as Error).message ?? e) });
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className={s.root} data-testid="scorers-view">
      {message && (
        <MessageBar aria-labelledby={NO_TITLE}
          intent={message.intent}
          layout="multiline"
          data-testid="scorers-message"
          data-intent={message.intent}
        >
          <MessageBarBody>{message.text}</MessageBarBody>
        </MessageBar>
      )}
      {!hasScorers ? (
        <>
          <Text data-testid="scorers-none">{sc(lang, "paneNone")}</Text>
          {!load.hasSheet && (
            <div className={s.actions}>
              <Button onClick={() => void create()} disabled={busy} data-testid="scorers-create">
                {sc(lang, "paneCreate")}
              </Button>
            </div>
          )}
        </>
      ) : (
        <Overview analysis={analysis} read={read} lang={lang} revealed={revealed} />
      )}
      <FetchPanel
        read={read}
        lang={lang}
        busy={busy}
        setBusy={setBusy}
        setMessage={setMessage}
        add={scorers.add}
      />
    </div>
  );
}

function Overview({
  analysis: a,
  read,
  lang,
  revealed,
}: {
  analysis: ScorersAnalysis;
  read: AddinRead;
  lang: Lang;
  revealed: boolean;
}) {
  const s = useStyles();
  const model = read.model;
  const flagged = a.spreads.flatMap((m) => m.cells.filter((c) => c.flagged).map((c) => ({ m, c })));
  const w = a.agreement.w;
  return (
    <>
      <Caption1 className={s.note} data-testid="scorers-method">
        {sc(lang, "paneMethod", {
          method: methodText(lang, a.settings.method),
          threshold: formatShort(lang, a.settings.disagreement),
        })}
      </Caption1>
      <section className={s.section} aria-labelledby="scorers-agreement-title">
        <Subtitle2 id="scorers-agreement-title">{sc(lang, "paneAgreement")}</Subtitle2>
        <span className={s.w} data-testid="scorers-agreement" data-w={w === null ? "" : String(w)}>
          {w === null ? "–" : formatNumber(lang, w, 2)}
        </span>
        <Caption1 className={s.note}>
          {w === null
            ? sc(
                lang,
                a.agreement.reason === "few-scorers"
                  ? "cliNoAgreementFewScorers"
                  : a.agreement.reason === "all-tied"
                    ? "cliNoAgreementAllTied"
                    : "cliNoAgreementFewMeasures"
              )
            : sc(lang, "paneAgreementOver", {
                scorers: a.agreement.scorers.length,
                measures: a.agreement.measures.length,
              })}
        </Caption1>
      </section>

      <section className={s.section} aria-labelledby="scorers-disagree-title">
        <Subtitle2 id="scorers-disagree-title">{sc(lang, "paneDisagreements")}</Subtitle2>
        <Switch
          checked={revealed}
          onChange={(_, d) => revealScores(d.checked)}
          label={sc(lang, "paneShowScores")}
          data-testid="scorers-reveal"
        />
        {flagged.length === 0 ? (
          <Text>{sc(lang, "paneNoDisagreements")}</Text>
        ) : (
          <ul className={s.list}>
            {flagged.map(({ m, c }) => (
              <li
                key={`${m.measureId}|${c.leafId}`}
                className={`${s.item} ${s.flag}`}
                data-testid="scorers-disagreement"
                data-measure-id={m.measureId}
                data-criterion={c.leafId}
                data-range={String(c.range)}
              >
                <Text weight="semibold">
                  {m.name} · {criterionLabel(model, c.leafId, lang)}
                </Text>
                <span className={s.small}>
                  {sc(lang, "paneCombined", { combined: num(lang, c.combined) })} ·{" "}
                  {sc(lang, "paneRange", {
                    range: c.range === null ? "–" : formatShort(lang, c.range),
                    sd: num(lang, c.sd),
                  })}
                  {c.address ? ` · ${c.address}` : ""}
                </span>
                {revealed && (
                  <span className={s.values} data-testid="scorer-values">
                    {c.values.map((v) => `${v.scorer} ${formatShort(lang, v.value)}`).join(" · ")}
                  </span>
                )}
              </li>
            ))}
          </ul>
        )}
        {!revealed && flagged.length > 0 && (
          <Caption1 className={s.note} data-testid="scorers-hidden">
            {sc(lang, "paneHidden")}
          </Caption1>
        )}
      </section>

      <section className={s.section} aria-labelledby="scorers-rankings-title">
        <Subtitle2 id="scorers-rankings-title">{sc(lang, "paneRankings")}</Subtitle2>
        {a.rankings.map((r) => (
          <details key={r.scorer} data-testid="scorers-ranking" data-scorer={r.scorer}>
            <summary>
              <Text weight="semibold">{r.scorer}</Text>{" "}
              <span className={s.small}>
                ({r.assessment.measures.filter((m) => m.rank !== null).length})
              </span>
            </summary>
            <ol className={s.ranking}>
              {r.assessment.measures
                .filter((m) => m.rank !== null)
                .map((m) => (
                  <li key={m.id} value={m.rank ?? undefined}>
                    {rankLabel(m)} {m.name} · {num(lang, m.total, 1)}
                  </li>
                ))}
            </ol>
          </details>
        ))}
      </section>

      {a.findings.length > 0 && (
        <section className={s.section} aria-labelledby="scorers-findings-title">
          <Subtitle2 id="scorers-findings-title">{sc(lang, "paneFindings")}</Subtitle2>
          <ul className={s.list}>
            {a.findings.map((f, i) => (
              <li
                key={i}
                className={s.item}
                data-testid="scorers-finding"
                data-code={f.code}
                data-cell={f.cell ?? ""}
              >
                <span className={s.small}>
                  {severityLabel(f.severity, lang)}
                  {f.cell ? ` · ${f.cell}` : ""}
                </span>
                <Text size={200}>{scorerFindingMessage(f, lang, model)}</Text>
              </li>
            ))}
          </ul>
        </section>
      )}
    </>
  );
}

interface Chosen {
  file: string;
  rows: FetchedRow[];
  unmatched: string[];
}

function FetchPanel({
  read,
  lang,
  busy,
  setBusy,
  setMessage,
  add: addRows,
}: {
  read: AddinRead;
  lang: Lang;
  busy: boolean;
  setBusy: (b: boolean) => void;
  setMessage: (m: { intent: "success" | "warning" | "error"; text: string } | undefined) => void;
  add: (scorer: string, rows: FetchedRow[], replace: boolean) => Promise<ScorersWrite>;
}) {
  const s = useStyles();
  const input = useRef<HTMLInputElement>(null);
  const [chosen, setChosen] = useState<Chosen | undefined>(undefined);
  const [name, setName] = useState("");
  const [replace, setReplace] = useState(false);
  const existing = read.scorers?.table.rowOf;
  const conflicts = chosen
    ? chosen.rows.filter((r) => existing?.has(scorerKey(name.trim(), r.id)))
    : [];

  const pick = async (file: File) => {
    setBusy(true);
    setMessage(undefined);
    try {
      const { fetchScores } = await import("./fetch");
      const r = await fetchScores(
        await file.arrayBuffer(),
        file.name,
        read.scoring.measures,
        read.model,
        lang
      );
      if (!r.ok) {
        setChosen(undefined);
        setMessage({ intent: "warning", text: r.message });
        return;
      }
      setChosen({ file: file.name, rows: r.scores.rows, unmatched: r.scores.unmatched });
      setName(scorerNameFromFile(file.name));
      setReplace(false);
    } catch (e) {
      setMessage({ intent: "error", text: String((e as Error).message ?? e) });
    } finally {
      setBusy(false);
      if (input.current) input.current.value = "";
    }
  };

  const add = async () => {
    if (!chosen || name.trim() === "") return;
    setBusy(true);
    try {
      const r = await addRows(name.trim(), chosen.rows, replace);
      if (!r.ok) setMessage({ intent: "warning", text: r.message });
      else {
        setMessage({
          intent: "success",
          text: sc(lang, "paneFetchDone", {
            added: r.added,
            replaced: r.replaced,
            skipped: r.skipped,
            name: name.trim(),
          }),
        });
        setChosen(undefined);
      }
    } catch (e) {
      setMessage({ intent: "error", text: String((e as Error).message ?? e) });
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className={s.section} aria-labelledby="scorers-fetch-title">
      <Subtitle2 id="scorers-fetch-title">{sc(lang, "paneFetch")}</Subtitle2>
      <Caption1 className={s.note}>{sc(lang, "paneFetchHint")}</Caption1>
      <input
        ref={input}
        type="file"
        accept=".xlsx,.xlsm,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        className={s.hiddenInput}
        data-testid="scorers-fetch-file"
        onChange={(e) => {
          const f = e.target.files?.[0];
          if (f) void pick(f);
        }}
      />
      {!chosen ? (
        <div className={s.actions}>
          <Button
            onClick={() => input.current?.click()}
            disabled={busy}
            data-testid="scorers-fetch-choose"
          >
            {sc(lang, "paneFetchFile")}
          </Button>
          {busy && <Spinner size="tiny" />}
        </div>
      ) : (
        <>
          <Text data-testid="scorers-fetch-summary">
            {sc(lang, "paneFetchSummary", { file: chosen.file, measures: chosen.rows.length })}
          </Text>
          {chosen.unmatched.length > 0 && (
            <Caption1 className={s.note} data-testid="scorers-fetch-unmatched">
              {sc(lang, "paneFetchUnmatched", {
                count: chosen.unmatched.length,
                names: chosen.unmatched.join(", "),
              })}
            </Caption1>
          )}
          <Field label={sc(lang, "paneFetchName")} required>
            <Input
              value={name}
              onChange={(_, d) => setName(d.value)}
              data-testid="scorers-fetch-name"
            />
          </Field>
          {conflicts.length > 0 && (
            <>
              <Caption1 data-testid="scorers-fetch-conflicts">
                {sc(lang, "paneFetchConflicts", {
                  count: conflicts.length,
                  name: name.trim(),
                  names: conflicts.map((c) => c.name).join(", "),
                })}
              </Caption1>
              <Checkbox
                checked={replace}
                onChange={(_, d) => setReplace(d.checked === true)}
                label={sc(lang, "paneFetchReplace")}
                data-testid="scorers-fetch-replace"
              />
            </>
          )}
          <div className={s.actions}>
            <Button
              appearance="primary"
              onClick={() => void add()}
              disabled={busy || name.trim() === ""}
              data-testid="scorers-fetch-go"
            >
              {sc(lang, "paneFetchGo")}
            </Button>
            <Button
              onClick={() => setChosen(undefined)}
              disabled={busy}
              data-testid="scorers-fetch-cancel"
            >
              {sc(lang, "paneFetchCancel")}
            </Button>
          </div>
        </>
      )}
    </section>
  );
}
