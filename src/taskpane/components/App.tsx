/**
 * The task pane: renders the controller's AppState and calls its AppActions; never Excel itself.
 *
 * Stable data-testid attributes for end-to-end tests:
 *   status-line            the header's status text ("Oppdatert på 45 ms")
 *   busy-spinner           shown while an action writes to the workbook
 *   recalc                 header button «Beregn på nytt»
 *   tab-ranking, tab-checklist, tab-findings, tab-model, tab-stability, tab-rounds   the tabs (tab-checklist only with a checklist or in the ready state)
 *   tab-scorers            Vurderere (several scorers; src/taskpane/scorers/ScorersView.tsx lists its own ids)
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
 *   Rangering with a checklist (state.checklist):
 *   ranking-row / ranking-unranked-row also carry data-segment (Samstyre, Koordinere, Inspirere,
 *     Observere, ikke-vurdert, ut; "" without a checklist row) and data-segment-rank ("2", "2=", "" outside a segment)
 *     ranking-placement (the Inn/Ut and segment badges: entry-badge, segment-badge with data-kind),
 *     ranking-segment-rank («S2» under the overall rank; aria-label «2. i Samstyre»)
 *   segment-filter         the segment filter (native <select>: alle, Samstyre, …, ikke-vurdert)
 *   hide-ut                «Skjul tiltak som er Ut» (the switch's <input>)
 *   ranking-showing        "Viser 8 av 14" while the filter hides rows; ranking-filter-empty when it hides all
 *   Sjekkliste (tab-checklist; shown with a checklist, or in the ready state to offer one):
 *   checklist-empty, create-checklist   no Sjekkliste sheet yet: «Opprett sjekkliste»
 *   checklist-summary      counts: summary-<Samstyre|Koordinere|Inspirere|Observere|ut|ikke-vurdert> (data-count), summary-reports
 *   checklist-search       the search box over the measures
 *   checklist-measure      one per measure in the list (data-measure-id, data-segment; aria-current on the chosen one)
 *   checklist-prev, checklist-next, checklist-name, checklist-go-to-row
 *   checklist-panel        the chosen measure (data-measure-id)
 *   checklist-result       data-segment (as above), data-entry (inn, ut, ikke-vurdert), data-pending ("true" while an
 *                          answer is not yet in the controller's state); result-entry, result-segment, result-reporting
 *   checklist-question-<question>   data-reached="false" when the rule does not reach it (unreached-<question> note)
 *   answer-<question>-ja, -nei, -blank   the answer buttons (aria-pressed)
 *   Funn, for checklist-only-scoring / checklist-only-checklist findings:
 *   orphan-add, orphan-remove, then orphan-confirm with orphan-remove-confirm and orphan-remove-cancel
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
  makeStyles,
  tokens,
  webLightTheme,
} from "@fluentui/react-components";
import { ArrowClockwise20Regular, Dismiss16Regular } from "@fluentui/react-icons";
import { useCallback, useEffect, useMemo, useRef, useState, useSyncExternalStore } from "react";
import type { Answer, ChecklistQuestion } from "../../core/checklist";
import { tp } from "../../i18n/taskpane";
import type { AppController, AppState, PlanActions, RoundActions, ScorerActions } from "../../app/app-state";
import type { PendingAnswers } from "../checklist-model";
import { useActionRunner, useAppState, usePendingAnswers } from "../hooks";
import { findingsOf, updatedLine } from "../view-model";
import { viewActions, type ViewActions } from "./actions";
import { PresenterButton } from "../../presenter/PresenterButton";
import { NO_FILTER, RankingView, preloadFilters, type RankingFilter } from "./RankingView";
import { EmptyState, ErrorState, LegacyBanner, LoadingState } from "./States";
import { lazy, Suspense } from "react";
import { lazyView } from "../lazy-view";
import { useScorerNotes } from "../scorers/scorer-notes";
import { StoreBars, WorkbookLangSetting } from "./StoreBars";
import { ExportButton } from "./ExportPanel";
import { useHeaderButtonStyles } from "../../ui/header-button";
import { Tooltip, loadTooltip } from "../../ui/tooltip";
import { NO_TITLE } from "../../ui/message-bar";
import { subscribeWhatIf, whatIfEpoch } from "../../presenter/whatif-channel";
import { usePreviousRanks } from "../../ui/previous-ranks";

/** Stabilitet (weight intervals, Monte Carlo): its code loads when the tab is first opened. */
const StabilityView = lazy(() => import("../stability/StabilityView"));
/**
 * The checklist and the model (with what-if) views load as chunks of their own, so the pane's
 * first ranking does not wait for them; {@link prefetchViews} fetches them once the pane is idle.
 */
const checklistView = lazyView(() => import("./ChecklistView"), (m) => m.ChecklistView);
const checklistEmpty = lazyView(() => import("./ChecklistView"), (m) => m.ChecklistEmpty);
const modelView = lazyView(() => import("./ModelView"), (m) => m.ModelView);
const ChecklistView = checklistView.Component;
const ChecklistEmpty = checklistEmpty.Component;
const ModelView = modelView.Component;
/** While what-if is on: the bar above the tabs (it re-ranks the tried weights) and Rangering's tried ranking; a chunk of their own. */
const whatIfBar = lazyView(() => import("../whatif/WhatIfSession"), (m) => m.WhatIfBar);
const whatIfRankingTab = lazyView(() => import("../whatif/WhatIfSession"), (m) => m.WhatIfRankingTab);
const WhatIfBar = whatIfBar.Component;
const WhatIfRankingTab = whatIfRankingTab.Component;
/** Funn and Utvalg's frame (with its mode buttons): chunks of their own, preloaded with the others. */
const findingsView = lazyView(() => import("./FindingsView"), (m) => m.FindingsView);
const selectionTab = lazyView(() => import("./SelectionTab"), (m) => m.SelectionTab);
const FindingsView = findingsView.Component;
const SelectionTab = selectionTab.Component;

/** Fetch the checklist and model views' chunks (the pane does it once idle; tests before rendering). */
export function preloadViews(): Promise<void> {
  return Promise.all([checklistView.preload(), checklistEmpty.preload(), modelView.preload(), whatIfBar.preload(), whatIfRankingTab.preload(), findingsView.preload(), selectionTab.preload(), preloadFilters(), loadTooltip()]).then(() => undefined);
}

let prefetched = false;
/** After the first ranking is on screen: fetch the other tabs' code while nobody waits for it. */
function prefetchViews(): void {
  if (prefetched) return;
  prefetched = true;
  const idle: (cb: () => void) => void =
    typeof window !== "undefined" && "requestIdleCallback" in window ? (cb) => window.requestIdleCallback(cb) : (cb) => setTimeout(cb, 200);
  idle(() => void preloadViews().catch(() => undefined));
}
/** Runder (saved rounds, baseline, comparison): its code and strings load when the tab is first opened. */
const RoundsView = lazy(() => import("../rounds/RoundsView"));

/** Vurderere: its view, code and strings load when the tab is first opened. */
const ScorersView = lazy(() => import("../scorers/ScorersView"));

type TabValue = "ranking" | "checklist" | "findings" | "model" | "stability" | "selection" | "rounds" | "scorers";

/** View state that outlives a tab switch: the ranking's filter, the checklist's chosen measure and search, pending answers. */
interface ViewState {
  filter: RankingFilter;
  setFilter: (f: RankingFilter) => void;
  measureId: string | undefined;
  setMeasureId: (id: string) => void;
  search: string;
  setSearch: (s: string) => void;
  pending: PendingAnswers;
  answer: (measureId: string, question: ChecklistQuestion, answer: Answer) => void;
}

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
  tabs: {
    paddingLeft: tokens.spacingHorizontalXS,
    paddingRight: tokens.spacingHorizontalXS,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke3}`,
    // Six tabs in a 320 px pane: tighter tabs, wrapped onto a second line rather than cut off or hidden.
    flexWrap: "wrap",
    flexShrink: 0,
    "@media (max-width: 359px)": { paddingLeft: 0, paddingRight: 0 },
  },
  tab: { "@media (max-width: 359px)": { paddingLeft: "3px", paddingRight: "3px" } },
  content: { flexGrow: 1, overflowY: "auto", padding: `${tokens.spacingVerticalM} ${tokens.spacingHorizontalM}` },
  legacyContent: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  badge: { marginLeft: tokens.spacingHorizontalXS },
  visuallyHidden: {
    position: "absolute",
    width: "1px",
    height: "1px",
    margin: "-1px",
    padding: 0,
    overflow: "hidden",
    clip: "rect(0 0 0 0)",
    whiteSpace: "nowrap",
    border: 0,
  },
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
  const hb = useHeaderButtonStyles();
  const state = useAppState(controller);
  const { run, failure, clear } = useActionRunner();
  const actions = useMemo(() => viewActions(controller, run), [controller, run]);
  const [tab, setTab] = useState<TabValue>("ranking");
  const [dismissedNotice, setDismissedNotice] = useState<string | undefined>(undefined);
  const [filter, setFilter] = useState<RankingFilter>(NO_FILTER);
  const [measureId, setMeasureId] = useState<string | undefined>(undefined);
  const [search, setSearch] = useState("");
  const setAnswer = useCallback((id: string, q: ChecklistQuestion, a: Answer) => controller.setAnswer(id, q, a), [controller]);
  const { pending, answer } = usePendingAnswers(state.checklist, state.busy, run, setAnswer);
  const view: ViewState = { filter, setFilter, measureId, setMeasureId, search, setSearch, pending, answer };
  const lang = state.lang;
  // What-if weights outlive the Modell view: while they are tried, a bar above the tabs says so on every tab.
  const whatIf = useSyncExternalStore(subscribeWhatIf, whatIfEpoch, whatIfEpoch) % 2 === 1 && state.status === "ready";
  // Movement without a saved round: the ranks before the last change, kept here whatever the tab (Rangering and the presenter agree).
  const previous = usePreviousRanks(state.assessment);
  // When what-if ends from the bar («Bruk», «Forkast») the bar goes away with the focus: it goes to the tab shown.
  const root = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const lost = document.activeElement === null || document.activeElement === document.body;
    if (!whatIf && lost) root.current?.querySelector<HTMLElement>('[role="tab"][aria-selected="true"]')?.focus();
  }, [whatIf]);

  return (
    <div ref={root} className={s.root} lang={lang === "nb" ? "nb" : "en"}>
      {/* What an action did («Runden … er lagret»), for screen readers: a live region that is always there, so a new text is read. */}
      <div role="status" className={s.visuallyHidden} data-testid="live-status">
        {state.notice && state.notice !== dismissedNotice ? state.notice : ""}
      </div>
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
        <ExportButton state={state} filter={filter} />
        <PresenterButton assessment={state.status === "ready" ? state.assessment : undefined} lang={lang} checklist={state.checklist} baseline={state.baseline} previous={previous} />
        <Tooltip content={tp(lang, "action.recalcHint")} relationship="description">
          <Button
            appearance="subtle"
            size="small"
            icon={<ArrowClockwise20Regular />}
            disabled={state.status === "loading"}
            disabledFocusable={state.busy}
            onClick={() => actions.recalc()}
            aria-label={tp(lang, "action.recalc")}
            className={hb.button}
            data-testid="recalc"
          >
            <span className={hb.label}>{tp(lang, "action.recalc")}</span>
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
      <StoreBars state={state} actions={actions} />
      {whatIf && state.assessment && (
        <Suspense fallback={null}>
          <WhatIfBar assessment={state.assessment} lang={lang} busy={state.busy} onModelTab={tab === "model"} onShow={() => setTab("model")} onApply={actions.setWeights} />
        </Suspense>
      )}

      <Body state={state} tab={tab} setTab={setTab} actions={actions} view={view} rounds={controller.rounds} scorers={controller.scorers} plan={controller.plan} whatIf={whatIf} previous={previous} />
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
        <MessageBar intent="error" layout="multiline" data-testid="error-bar" aria-labelledby={NO_TITLE}>
          <MessageBarBody>{state.error}</MessageBarBody>
        </MessageBar>
      )}
      {failure && (
        <MessageBar intent="error" layout="multiline" data-testid="action-failure" aria-labelledby={NO_TITLE}>
          <MessageBarBody>{tp(lang, "action.failed", { message: failure })}</MessageBarBody>
          {dismiss(onDismissFailure)}
        </MessageBar>
      )}
      {showNotice && (
        <MessageBar intent={state.noticeKind ?? "success"} layout="multiline" data-testid="notice" data-kind={state.noticeKind ?? "success"} aria-labelledby={NO_TITLE}>
          <MessageBarBody>{state.notice}</MessageBarBody>
          {dismiss(onDismissNotice)}
        </MessageBar>
      )}
    </div>
  );
}

/** Arrow keys (and Home, End) move the focus between the tabs, round the ends; Enter or Space opens one. */
function rovingTabs(e: React.KeyboardEvent<HTMLElement>): void {
  const tabs = Array.from(e.currentTarget.querySelectorAll<HTMLElement>('[role="tab"]:not([disabled])'));
  const at = tabs.indexOf(document.activeElement as HTMLElement);
  if (at < 0) return;
  const to = { ArrowRight: at + 1, ArrowDown: at + 1, ArrowLeft: at - 1, ArrowUp: at - 1, Home: 0, End: tabs.length - 1 }[e.key];
  if (to === undefined) return;
  e.preventDefault();
  tabs[(to + tabs.length) % tabs.length].focus();
}

function Body({
  state,
  tab: chosen,
  setTab,
  actions,
  view: v,
  rounds,
  scorers,
  plan,
  whatIf,
  previous,
}: {
  state: AppState;
  tab: TabValue;
  setTab: (t: TabValue) => void;
  actions: ViewActions;
  view: ViewState;
  rounds?: RoundActions;
  scorers?: ScorerActions;
  /** The plan by steps (the Utvalg tab's *Etter steg*). */
  plan?: PlanActions;
  /** What-if weights are tried: Rangering shows their ranking. */
  whatIf?: boolean;
  /** The ranks before the last change of ranking (movement without a saved round). */
  previous: Map<string, number> | null;
}) {
  const s = useStyles();
  const lang = state.lang;
  // The scorers' notes join Funn; their strings load only when the workbook has scorers.
  const scorerNotes = useScorerNotes(state.scorerFindings, lang, state.model ?? state.assessment?.model);
  // Once a ranking is on screen, the other tabs' code is fetched while nobody waits for it.
  const shown = state.assessment !== undefined;
  useEffect(() => {
    if (shown) prefetchViews();
  }, [shown]);
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
  const findings = [...findingsOf(state.assessment), ...(state.rounds?.findings ?? [])];
  const errors = findings.filter((f) => f.severity === "error").length + scorerNotes.filter((f) => f.severity === "error").length;
  const findingCount = findings.length + scorerNotes.length;
  // The checklist tab: the checklist when there is one; in the add-in layout without one, the offer to create it.
  const hasChecklistTab = state.checklist !== undefined || state.status === "ready";
  const hasRoundsTab = rounds !== undefined && !legacy;
  const hasScorersTab = scorers !== undefined && !legacy;
  const tab: TabValue =
    (chosen === "checklist" && !hasChecklistTab) || (chosen === "rounds" && !hasRoundsTab) || (chosen === "scorers" && !hasScorersTab) ? "ranking" : chosen;
  const tabLabel: Record<TabValue, string> = {
    ranking: tp(lang, "tab.ranking"),
    checklist: tp(lang, "tab.checklist"),
    findings: tp(lang, "tab.findings"),
    model: tp(lang, "tab.model"),
    stability: tp(lang, "tab.stability"),
    selection: tp(lang, "tab.selection"),
    rounds: tp(lang, "tab.rounds"),
    scorers: tp(lang, "tab.scorers"),
  };

  const ranking =
    tab === "ranking" ? (
      <RankingView
        assessment={state.assessment}
        lang={lang}
        baseline={legacy ? null : state.baseline}
        previous={previous}
        checklist={state.checklist}
        filter={v.filter}
        onFilter={v.setFilter}
        onSelect={actions.selectMeasure}
      />
    ) : null;
  const view =
    tab === "ranking" && whatIf && !legacy ? (
      <WhatIfRankingTab lang={lang} inForce={ranking} />
    ) : tab === "ranking" ? (
      ranking
    ) : tab === "checklist" ? (
      state.checklist ? (
        <ChecklistView
          checklist={state.checklist}
          lang={lang}
          pending={v.pending}
          onAnswer={v.answer}
          selectedId={v.measureId}
          onSelect={v.setMeasureId}
          search={v.search}
          onSearch={v.setSearch}
          actions={actions}
        />
      ) : (
        <ChecklistEmpty lang={lang} busy={state.busy} actions={actions} />
      )
    ) : tab === "selection" ? (
      <SelectionTab lang={lang} assessment={state.assessment} plan={plan} />
    ) : tab === "scorers" && scorers ? (
      <Suspense fallback={<LoadingState lang={lang} />}>
        <ScorersView lang={lang} assessment={state.assessment} load={state.scorers} scorers={scorers} />
      </Suspense>
    ) : tab === "findings" ? (
      <FindingsView
        findings={findings}
        model={state.assessment.model}
        lang={lang}
        hasLegacySheets={state.hasLegacySheets}
        busy={state.busy}
        actions={actions}
        syncPlan={state.syncPlan}
        others={scorerNotes}
      />
    ) : tab === "rounds" && rounds ? (
      <Suspense fallback={<LoadingState lang={lang} />}>
        <RoundsView state={state} rounds={rounds} />
      </Suspense>
    ) : tab === "stability" ? (
      <Suspense fallback={<LoadingState lang={lang} />}>
        <StabilityView assessment={state.assessment} lang={lang} />
      </Suspense>
    ) : (
      <>
        <ModelView model={model} lang={lang} readOnly={legacy} busy={state.busy} actions={actions} assessment={state.assessment} />
        <WorkbookLangSetting state={state} actions={actions} />
      </>
    );

  return (
    <>
      <TabList
        className={s.tabs}
        size="small"
        selectedValue={tab}
        onTabSelect={(_, d) => setTab(d.value as TabValue)}
        aria-label={tp(lang, "app.title")}
        // The arrow keys move between the tabs here (roving tabindex), instead of Fluent's focus group,
        // whose hidden focusable sentinels inside the tab list a screen reader and axe trip over.
        data-tabster={undefined}
        onKeyDown={rovingTabs}
      >
        <Tab value="ranking" tabIndex={tab === "ranking" ? 0 : -1} className={s.tab} data-testid="tab-ranking">
          {tp(lang, "tab.ranking")}
        </Tab>
        {hasChecklistTab && (
          <Tab value="checklist" tabIndex={tab === "checklist" ? 0 : -1} className={s.tab} data-testid="tab-checklist">
            {tp(lang, "tab.checklist")}
          </Tab>
        )}
        <Tab
          value="findings"
          tabIndex={tab === "findings" ? 0 : -1}
          className={s.tab}
          data-testid="tab-findings"
          data-count={findingCount}
          // Named by what it shows («Funn 4»); the count in words is its description.
          title={tp(lang, "tab.findingsCount", { count: findingCount })}>
          {tp(lang, "tab.findings")}
          {findingCount > 0 && (
            <CounterBadge
              className={s.badge}
              size="small"
              appearance="filled"
              color={errors > 0 ? "danger" : "informative"}
              count={findingCount}
              overflowCount={999}
            />
          )}
        </Tab>
        <Tab value="model" tabIndex={tab === "model" ? 0 : -1} className={s.tab} data-testid="tab-model">
          {tp(lang, "tab.model")}
        </Tab>
        <Tab value="stability" tabIndex={tab === "stability" ? 0 : -1} className={s.tab} data-testid="tab-stability">
          {tp(lang, "tab.stability")}
        </Tab>
        {!legacy && (
          <Tab value="selection" tabIndex={tab === "selection" ? 0 : -1} className={s.tab} data-testid="tab-selection">
            {tp(lang, "tab.selection")}
          </Tab>
        )}
        {hasRoundsTab && (
          <Tab value="rounds" tabIndex={tab === "rounds" ? 0 : -1} className={s.tab} data-testid="tab-rounds">
            {tp(lang, "tab.rounds")}
          </Tab>
        )}
        {hasScorersTab && (
          <Tab value="scorers" tabIndex={tab === "scorers" ? 0 : -1} className={s.tab} data-testid="tab-scorers">
            {tp(lang, "tab.scorers")}
          </Tab>
        )}
      </TabList>
      {/* Focusable, as a tab panel whose content may have nothing to focus must be: it scrolls with the keyboard too. */}
      <div className={s.content} role="tabpanel" aria-label={tabLabel[tab]} tabIndex={0}>
        {legacy && tab === "ranking" ? (
          <div className={s.legacyContent}>
            <LegacyBanner lang={lang} busy={state.busy} actions={actions} />
            {view}
          </div>
        ) : (
          <Suspense fallback={<LoadingState lang={lang} />}>{view}</Suspense>
        )}
      </div>
    </>
  );
}
