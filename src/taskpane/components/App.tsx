/**
 * The task pane: renders the controller's AppState and calls its AppActions; never Excel itself.
 *
 * Stable data-testid attributes for end-to-end tests:
 *   status-line            the header's status text ("Oppdatert på 45 ms")
 *   busy-spinner           shown while an action writes to the workbook
 *   recalc                 header button «Beregn på nytt»
 *   tab-ranking, tab-findings, tab-model   the three tabs
 *   (tab-findings carries data-count = the number of findings its badge shows)
 *   notice, error-bar, action-failure      message bars (notice after an action; error; a rejected action)
 *   state-loading, state-empty, state-legacy, state-error   the states without a scoring table
 *   create-workbook        «Opprett vurderingstabell» (empty) / «Opprett tom vurderingstabell» (legacy)
 *   import-legacy          «Importer til vurderingstabell» (legacy)
 *   retry                  «Prøv igjen» (error state; calls recalc)
 *   error-message          the error text in the error state
 *   Rangering:
 *   ranking-summary        "13 av 14 tiltak rangert"
 *   ranking-row            one per ranked measure, in assessment order, with
 *                          data-measure-id, data-rank (the label, "6="), data-score (unrounded total, String(number))
 *     ranking-rank, ranking-name, ranking-total, group-value-<groupId>, incomplete-mark, rank-move
 *   ranking-unranked-row   one per measure without a total (data-measure-id, data-rank="–"),
 *     ranking-reason       its "no-total" finding message
 *   ranking-empty          no measures at all
 *   Funn:
 *   finding                one per finding, with data-code, data-cell (Excel form, '' if none), data-severity
 *   finding-cell-link      the cell link inside a finding (calls selectCell)
 *   findings-error, findings-warning, findings-info   the severity sections
 *   findings-empty         no findings
 *   sync-legacy            «Synkroniser» (only when hasLegacySheets)
 *   Modell:
 *   model-total-kind, model-scale, model-read-only
 *   model-node-<nodeId>    a row of the criteria tree
 *   weight-input-<nodeId>  the weight input of every node (the <input> element)
 *   weight-error-<nodeId>  the inline validation message of a rejected weight
 *   implied-<leafId>       a leaf's implied share of the total ("11,1 %")
 *   group-share-<groupId>  a group's share of the total
 *   reset-weights          «Tilbakestill til like vekter»
 *   tie-break-1..3         the tie-break choices (native <select>)
 */
import {
  Button,
  Caption1,
  CounterBadge,
  FluentProvider,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  Spinner,
  Tab,
  TabList,
  Text,
  Tooltip,
  makeStyles,
  tokens,
  webLightTheme,
} from "@fluentui/react-components";
import { ArrowClockwise20Regular, Dismiss16Regular } from "@fluentui/react-icons";
import { useMemo, useState } from "react";
import { tp } from "../../i18n/taskpane";
import type { AppController, AppState } from "../app-state";
import { useActionRunner, useAppState } from "../hooks";
import { findingsOf, updatedLine } from "../view-model";
import { viewActions, type ViewActions } from "./actions";
import { FindingsView } from "./FindingsView";
import { ModelView } from "./ModelView";
import { RankingView } from "./RankingView";
import { EmptyState, ErrorState, LegacyBanner, LoadingState } from "./States";

type TabValue = "ranking" | "findings" | "model";

const useStyles = makeStyles({
  root: {
    display: "flex",
    flexDirection: "column",
    height: "100vh",
    minWidth: "280px",
    backgroundColor: tokens.colorNeutralBackground1,
    color: tokens.colorNeutralForeground1,
  },
  header: {
    display: "flex",
    alignItems: "center",
    gap: tokens.spacingHorizontalS,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    backgroundColor: tokens.colorNeutralBackground2,
  },
  titles: { display: "flex", flexDirection: "column", minWidth: 0, flexGrow: 1 },
  status: { color: tokens.colorNeutralForeground3, whiteSpace: "nowrap", overflow: "hidden", textOverflow: "ellipsis" },
  bars: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS, padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM} 0` },
  tabs: { paddingLeft: tokens.spacingHorizontalXS, paddingRight: tokens.spacingHorizontalXS, borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke3}` },
  content: { flexGrow: 1, overflowY: "auto", padding: `${tokens.spacingVerticalM} ${tokens.spacingHorizontalM}` },
  legacyContent: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  badge: { marginLeft: tokens.spacingHorizontalXS },
});

function statusText(state: AppState): string {
  if (state.status === "loading") return tp(state.lang, "status.loading");
  if (state.lastRecomputeMs !== undefined) return updatedLine(state.lang, state.lastRecomputeMs);
  if (state.busy) return tp(state.lang, "status.busy");
  return tp(state.lang, "status.notYet");
}

export function App({ controller }: { controller: AppController }) {
  return (
    <FluentProvider theme={webLightTheme} style={{ height: "100%" }}>
      <Pane controller={controller} />
    </FluentProvider>
  );
}

function Pane({ controller }: { controller: AppController }) {
  const s = useStyles();
  const state = useAppState(controller);
  const { run, failure, clear } = useActionRunner();
  const actions = useMemo(() => viewActions(controller, run), [controller, run]);
  const [tab, setTab] = useState<TabValue>("ranking");
  const [dismissedNotice, setDismissedNotice] = useState<string | undefined>(undefined);
  const lang = state.lang;

  return (
    <div className={s.root} lang={lang === "nb" ? "nb" : "en"}>
      <header className={s.header}>
        <div className={s.titles}>
          <Text as="h1" size={400} weight="semibold">
            {tp(lang, "app.title")}
          </Text>
          <Caption1 className={s.status} data-testid="status-line" aria-live="polite">
            {statusText(state)}
          </Caption1>
        </div>
        {state.busy && <Spinner size="tiny" aria-label={tp(lang, "status.busy")} data-testid="busy-spinner" />}
        <Tooltip content={tp(lang, "action.recalcHint")} relationship="description">
          <Button
            appearance="subtle"
            size="small"
            icon={<ArrowClockwise20Regular />}
            disabled={state.busy || state.status === "loading"}
            onClick={() => actions.recalc()}
            data-testid="recalc"
          >
            {tp(lang, "action.recalc")}
          </Button>
        </Tooltip>
      </header>

      <Bars
        state={state}
        failure={failure}
        dismissedNotice={dismissedNotice}
        onDismissNotice={() => setDismissedNotice(state.notice)}
        onDismissFailure={clear}
      />

      <Body state={state} tab={tab} setTab={setTab} actions={actions} />
    </div>
  );
}

function Bars({
  state,
  failure,
  dismissedNotice,
  onDismissNotice,
  onDismissFailure,
}: {
  state: AppState;
  failure: string | undefined;
  dismissedNotice: string | undefined;
  onDismissNotice: () => void;
  onDismissFailure: () => void;
}) {
  const s = useStyles();
  const lang = state.lang;
  const showNotice = state.notice !== undefined && state.notice !== "" && state.notice !== dismissedNotice;
  // In the error state the error fills the pane; elsewhere it is a bar above the views.
  const showError = state.error !== undefined && state.error !== "" && state.status !== "error";
  if (!showNotice && !showError && !failure) return null;
  const dismiss = (onClick: () => void) => (
    <MessageBarActions
      containerAction={<Button appearance="transparent" size="small" icon={<Dismiss16Regular />} aria-label={tp(lang, "action.dismiss")} onClick={onClick} />}
    />
  );
  return (
    <div className={s.bars}>
      {showError && (
        <MessageBar intent="error" layout="multiline" data-testid="error-bar">
          <MessageBarBody>{state.error}</MessageBarBody>
        </MessageBar>
      )}
      {failure && (
        <MessageBar intent="error" layout="multiline" data-testid="action-failure">
          <MessageBarBody>{tp(lang, "action.failed", { message: failure })}</MessageBarBody>
          {dismiss(onDismissFailure)}
        </MessageBar>
      )}
      {showNotice && (
        <MessageBar intent={state.noticeKind ?? "success"} layout="multiline" data-testid="notice" data-kind={state.noticeKind ?? "success"}>
          <MessageBarBody>{state.notice}</MessageBarBody>
          {dismiss(onDismissNotice)}
        </MessageBar>
      )}
    </div>
  );
}

function Body({ state, tab, setTab, actions }: { state: AppState; tab: TabValue; setTab: (t: TabValue) => void; actions: ViewActions }) {
  const s = useStyles();
  const lang = state.lang;
  switch (state.status) {
    case "loading":
      return <LoadingState lang={lang} />;
    case "empty":
      return (
        <div className={s.content}>
          <EmptyState lang={lang} busy={state.busy} actions={actions} />
        </div>
      );
    case "error":
      return (
        <div className={s.content}>
          <ErrorState lang={lang} message={state.error} busy={state.busy} actions={actions} />
        </div>
      );
    case "legacy":
    case "ready":
      break;
  }
  if (!state.assessment) return <LoadingState lang={lang} />;
  const legacy = state.status === "legacy";
  const model = state.model ?? state.assessment.model;
  const findings = findingsOf(state.assessment);
  const errors = findings.filter((f) => f.severity === "error").length;

  const view =
    tab === "ranking" ? (
      <RankingView assessment={state.assessment} lang={lang} />
    ) : tab === "findings" ? (
      <FindingsView
        findings={findings}
        model={state.assessment.model}
        lang={lang}
        hasLegacySheets={state.hasLegacySheets}
        busy={state.busy}
        actions={actions}
      />
    ) : (
      <ModelView model={model} lang={lang} readOnly={legacy} busy={state.busy} actions={actions} />
    );

  return (
    <>
      <TabList
        className={s.tabs}
        size="small"
        selectedValue={tab}
        onTabSelect={(_, d) => setTab(d.value as TabValue)}
        aria-label={tp(lang, "app.title")}
      >
        <Tab value="ranking" data-testid="tab-ranking">
          {tp(lang, "tab.ranking")}
        </Tab>
        <Tab
          value="findings"
          data-testid="tab-findings"
          data-count={findings.length}
          aria-label={`${tp(lang, "tab.findings")}, ${tp(lang, "tab.findingsCount", { count: findings.length })}`}>
          {tp(lang, "tab.findings")}
          {findings.length > 0 && (
            <CounterBadge
              className={s.badge}
              size="small"
              appearance="filled"
              color={errors > 0 ? "danger" : "informative"}
              count={findings.length}
              overflowCount={999}
            />
          )}
        </Tab>
        <Tab value="model" data-testid="tab-model">
          {tp(lang, "tab.model")}
        </Tab>
      </TabList>
      <div className={s.content} role="tabpanel" aria-label={tp(lang, tab === "ranking" ? "tab.ranking" : tab === "findings" ? "tab.findings" : "tab.model")}>
        {legacy && tab === "ranking" ? (
          <div className={s.legacyContent}>
            <LegacyBanner lang={lang} busy={state.busy} actions={actions} />
            {view}
          </div>
        ) : (
          view
        )}
      </div>
    </>
  );
}
