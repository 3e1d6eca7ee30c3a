/**
 * Sjekkliste: the portfolio checklist («Porteføljestyring 2.0») for one measure at a time. A
 * summary strip (measures per segment, Ut, ikke vurdert), a searchable list of the measures with
 * their placement, then the chosen measure's result (Inn/Ut, segment, reporting) and the six
 * questions in the rule's order with Ja / Nei / Ubesvart. An answer shows its result at once:
 * the pending answers are placed locally with the core's rule until the controller's state
 * arrives. Questions the rule does not reach under the current answers are dimmed, still answerable.
 */
import {
  Button,
  Caption1,
  Link,
  SearchBox,
  Spinner,
  Text,
  ToggleButton,
  makeStyles,
  mergeClasses,
  tokens,
} from "@fluentui/react-components";
import { ChevronLeft20Regular, ChevronRight20Regular, TaskListSquareAdd20Regular } from "@fluentui/react-icons";
import { useEffect, useId, useMemo, useRef } from "react";
import {
  QUESTION_TEXT,
  SEGMENTS,
  SEGMENT_QUESTIONS,
  SIGNIFICANCE_QUESTIONS,
  type Answer,
  type ChecklistQuestion,
  type Placement,
  type PortfolioSummary,
} from "../../core/checklist";
import { formatList, type Lang } from "../../i18n";
import { reportingText } from "../../i18n/checklist";
import { quote, tp } from "../../i18n/taskpane";
import { ctp } from "../../i18n/checklist-pane";
import type { ChecklistState } from "../../app/app-state";
import {
  QUESTION_ORDER,
  matchesSearch,
  shownEntry,
  shownSummary,
  stepEntry,
  unreached,
  type PendingAnswers,
  type ShownEntry,
} from "../checklist-model";
import { displayCell } from "../view-model";
import type { ViewActions } from "./actions";
import { SegmentBadge, segmentTooltip, useSegmentStyles } from "./Segment";
import { isSegment, keyLabel, segmentKey } from "../../ui/segment-key";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  summary: {
    display: "flex",
    flexWrap: "wrap",
    alignItems: "baseline",
    columnGap: tokens.spacingHorizontalM,
    rowGap: tokens.spacingVerticalXXS,
    margin: 0,
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}`,
    backgroundColor: tokens.colorNeutralBackground2,
    borderRadius: tokens.borderRadiusMedium,
    listStyleType: "none",
  },
  count: { display: "inline-flex", alignItems: "baseline", gap: "3px", whiteSpace: "nowrap", fontSize: tokens.fontSizeBase200 },
  countN: { fontWeight: tokens.fontWeightBold, fontVariantNumeric: "tabular-nums", fontSize: tokens.fontSizeBase300 },
  countLabel: { color: tokens.colorNeutralForeground2 },
  reports: { flexBasis: "100%", color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200 },
  picker: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS },
  search: { width: "100%", maxWidth: "100%" },
  list: {
    listStyleType: "none",
    margin: 0,
    padding: 0,
    maxHeight: "9.5rem",
    overflowY: "auto",
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
  },
  item: {
    display: "flex",
    alignItems: "center",
    gap: tokens.spacingHorizontalS,
    width: "100%",
    minHeight: "28px",
    padding: `2px ${tokens.spacingHorizontalS}`,
    border: "none",
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke3}`,
    backgroundColor: "transparent",
    color: tokens.colorNeutralForeground1,
    fontFamily: tokens.fontFamilyBase,
    fontSize: tokens.fontSizeBase200,
    textAlign: "left",
    cursor: "pointer",
    ":hover": { backgroundColor: tokens.colorSubtleBackgroundHover },
    ":focus-visible": { outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}`, outlineOffset: "-2px" },
  },
  itemSelected: {
    backgroundColor: tokens.colorBrandBackground2,
    boxShadow: `inset 3px 0 0 ${tokens.colorBrandStroke1}`,
    ":hover": { backgroundColor: tokens.colorBrandBackground2Hover },
  },
  itemName: { flexGrow: 1, minWidth: 0, overflow: "hidden", textOverflow: "ellipsis", whiteSpace: "nowrap" },
  none: { padding: tokens.spacingVerticalS, color: tokens.colorNeutralForeground3 },
  /** The chosen measure's name, navigation and result: stays in view while the questions scroll. */
  card: {
    position: "sticky",
    top: `calc(-1 * ${tokens.spacingVerticalM})`,
    zIndex: 1,
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalXS,
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalXS} ${tokens.spacingVerticalS} ${tokens.spacingHorizontalXS}`,
    backgroundColor: tokens.colorNeutralBackground1,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderLeftWidth: "4px",
    borderRadius: tokens.borderRadiusMedium,
    boxShadow: tokens.shadow4,
  },
  nav: { display: "grid", gridTemplateColumns: "auto minmax(0, 1fr) auto", alignItems: "start", columnGap: tokens.spacingHorizontalXXS },
  navTitle: { display: "flex", flexDirection: "column", minWidth: 0, paddingTop: "4px" },
  navName: { margin: 0, overflowWrap: "anywhere", lineHeight: tokens.lineHeightBase300 },
  navMeta: { color: tokens.colorNeutralForeground3 },
  result: { display: "flex", flexDirection: "column", gap: "2px", paddingLeft: "36px", paddingRight: tokens.spacingHorizontalS, minWidth: 0 },
  badgeLine: { display: "flex", flexWrap: "wrap", alignItems: "center", gap: tokens.spacingHorizontalXS },
  why: { color: tokens.colorNeutralForeground2, fontSize: tokens.fontSizeBase200, lineHeight: tokens.lineHeightBase200, overflowWrap: "anywhere" },
  reportingLine: { fontSize: tokens.fontSizeBase200, lineHeight: tokens.lineHeightBase200 },
  term: { color: tokens.colorNeutralForeground3 },
  saving: { display: "flex", alignItems: "center", gap: tokens.spacingHorizontalXS, color: tokens.colorNeutralForeground3 },
  group: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS, margin: 0, padding: 0, border: "none", minWidth: 0 },
  groupTitle: {
    margin: 0,
    padding: `0 0 ${tokens.spacingVerticalXXS}`,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    width: "100%",
  },
  hint: { color: tokens.colorNeutralForeground3 },
  questions: { listStyleType: "none", margin: 0, padding: 0, display: "flex", flexDirection: "column" },
  question: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalXS,
    paddingTop: tokens.spacingVerticalS,
    paddingBottom: tokens.spacingVerticalS,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke3}`,
  },
  qText: { display: "grid", gridTemplateColumns: "1.4em minmax(0, 1fr)", alignItems: "baseline" },
  qNum: { color: tokens.colorNeutralForeground3, fontVariantNumeric: "tabular-nums" },
  dimmed: { color: tokens.colorNeutralForegroundDisabled },
  /** The unanswered question the result names: where the facilitator should look next. */
  blocking: {
    boxShadow: `inset 3px 0 0 ${tokens.colorPaletteDarkOrangeBorder2}`,
    paddingLeft: tokens.spacingHorizontalS,
    backgroundColor: tokens.colorPaletteDarkOrangeBackground1,
  },
  controls: { display: "flex", flexDirection: "column", gap: "2px", paddingLeft: "1.4em" },
  segmented: { display: "inline-flex", alignSelf: "flex-start" },
  seg: {
    minWidth: "3.5em",
    borderRadius: 0,
    ":not(:first-child)": { marginLeft: `calc(-1 * ${tokens.strokeWidthThin})` },
    ":first-child": { borderTopLeftRadius: tokens.borderRadiusMedium, borderBottomLeftRadius: tokens.borderRadiusMedium },
    ":last-child": { borderTopRightRadius: tokens.borderRadiusMedium, borderBottomRightRadius: tokens.borderRadiusMedium },
    ":focus-visible": { zIndex: 1 },
  },
  segDimmed: { opacity: 0.75 },
  note: { color: tokens.colorNeutralForeground3, fontStyle: "italic" },
  empty: { display: "flex", flexDirection: "column", alignItems: "flex-start", gap: tokens.spacingVerticalM, paddingTop: tokens.spacingVerticalL },
  body: { color: tokens.colorNeutralForeground2 },
});

/** Shown in the tab when the workbook has the add-in's layout but no Sjekkliste sheet. */
export function ChecklistEmpty({ lang, busy, actions }: { lang: Lang; busy: boolean; actions: Pick<ViewActions, "createChecklist"> }) {
  const s = useStyles();
  return (
    <div className={s.empty} data-testid="checklist-empty">
      <Text as="h2" size={400} weight="semibold">
        {ctp(lang, "checklist.emptyTitle")}
      </Text>
      <Text className={s.body}>{ctp(lang, "checklist.emptyBody")}</Text>
      <Button appearance="primary" icon={<TaskListSquareAdd20Regular />} disabled={busy} onClick={() => actions.createChecklist()} data-testid="create-checklist">
        {ctp(lang, "checklist.create")}
      </Button>
    </div>
  );
}

export function ChecklistView({
  checklist,
  lang,
  pending,
  onAnswer,
  selectedId,
  onSelect,
  search,
  onSearch,
  actions,
}: {
  checklist: ChecklistState;
  lang: Lang;
  /** Answers given here and not yet in the controller's state. */
  pending: PendingAnswers;
  onAnswer: (measureId: string, question: ChecklistQuestion, answer: Answer) => void;
  selectedId: string | undefined;
  onSelect: (measureId: string) => void;
  search: string;
  onSearch: (text: string) => void;
  actions: Pick<ViewActions, "selectCell">;
}) {
  const s = useStyles();
  const shown = useMemo(() => checklist.entries.map((e) => shownEntry(e, pending)), [checklist, pending]);
  const summary = shownSummary(checklist, shown);
  const current = shown.find((x) => x.entry.id === selectedId) ?? shown[0];
  const visible = shown.filter((x) => matchesSearch(x.entry, search));

  return (
    <section className={s.root} aria-label={tp(lang, "tab.checklist")}>
      <Summary summary={summary} lang={lang} />
      {checklist.entries.length === 0 ? (
        <Text className={s.body} data-testid="checklist-no-entries">
          {ctp(lang, "checklist.noEntries")}
        </Text>
      ) : (
        <>
          <div className={s.picker}>
            <SearchBox
              className={s.search}
              size="small"
              value={search}
              onChange={(_, d) => onSearch(d.value)}
              placeholder={ctp(lang, "checklist.search")}
              aria-label={ctp(lang, "checklist.search")}
              dismiss={{ "aria-label": ctp(lang, "checklist.searchClear") }}
              data-testid="checklist-search"
            />
            <MeasureList items={visible} currentId={current?.entry.id} lang={lang} onSelect={onSelect} />
          </div>
          {current && (
            <MeasurePanel
              key={current.entry.id}
              shown={current}
              index={shown.indexOf(current)}
              count={shown.length}
              lang={lang}
              onAnswer={onAnswer}
              onStep={(step) => {
                const next = stepEntry(checklist.entries, current.entry.id, step);
                if (next !== undefined) onSelect(next);
              }}
              actions={actions}
            />
          )}
        </>
      )}
    </section>
  );
}

function Summary({ summary, lang }: { summary: PortfolioSummary; lang: Lang }) {
  const s = useStyles();
  const seg = useSegmentStyles();
  const item = (key: string, n: number, label: string, className: string | undefined, title?: string) => (
    <li key={key} className={s.count} data-testid={`summary-${key}`} data-count={n} title={title}>
      <span className={mergeClasses(s.countN, className)}>{n}</span>
      <span className={s.countLabel}>{label}</span>
    </li>
  );
  return (
    <ul className={s.summary} data-testid="checklist-summary" aria-label={ctp(lang, "checklist.summaryLabel")}>
      {SEGMENTS.map((g) => item(g, summary.bySegment[g], g, seg[`text${g}`], segmentTooltip(lang, g)))}
      {item("ut", summary.ut, keyLabel(lang, "ut"), undefined, tp(lang, "segment.tooltipUt"))}
      {item("ikke-vurdert", summary.notAssessed, keyLabel(lang, "ikke-vurdert"), undefined, tp(lang, "segment.tooltipNotAssessed"))}
      <li className={s.reports} data-testid="summary-reports">
        {ctp(lang, "checklist.reportsPerYear", { n: summary.reportsPerYear })}
      </li>
    </ul>
  );
}

function MeasureList({ items, currentId, lang, onSelect }: { items: ShownEntry[]; currentId: string | undefined; lang: Lang; onSelect: (id: string) => void }) {
  const s = useStyles();
  const listRef = useRef<HTMLUListElement>(null);
  // Keep the chosen measure in view when it changes by «Neste»/«Forrige».
  useEffect(() => {
    const el = listRef.current?.querySelector<HTMLElement>("[aria-current='true']");
    if (el && typeof el.scrollIntoView === "function") el.scrollIntoView({ block: "nearest" });
  }, [currentId]);
  if (items.length === 0) {
    return (
      <Caption1 className={s.none} data-testid="checklist-search-none">
        {ctp(lang, "checklist.searchNone")}
      </Caption1>
    );
  }
  return (
    <ul className={s.list} ref={listRef} aria-label={ctp(lang, "checklist.measures")}>
      {items.map((x) => {
        const key = segmentKey(x.placement);
        const selected = x.entry.id === currentId;
        return (
          <li key={x.entry.id}>
            <button
              type="button"
              className={mergeClasses(s.item, selected && s.itemSelected)}
              aria-current={selected ? "true" : undefined}
              onClick={() => onSelect(x.entry.id)}
              data-testid="checklist-measure"
              data-measure-id={x.entry.id}
              data-segment={key}
            >
              <span className={s.itemName} title={x.entry.name}>
                {x.entry.name || x.entry.id}
              </span>
              <SegmentBadge segmentKey={key} lang={lang} />
            </button>
          </li>
        );
      })}
    </ul>
  );
}

/** «spørsmål 4 («Er bredt samarbeid vesentlig?»)» for one question, «spørsmål 1, 2 og 3» for several. */
function questionsText(lang: Lang, qs: ChecklistQuestion[]): string {
  const num = (q: ChecklistQuestion) => QUESTION_ORDER.indexOf(q) + 1;
  if (qs.length === 1) return `${ctp(lang, "checklist.question", { n: num(qs[0]) })} ${quote(lang, QUESTION_TEXT[qs[0]][lang])}`;
  return ctp(lang, "checklist.question", { n: formatList(lang, qs.map((q) => String(num(q)))) });
}

function MeasurePanel({
  shown,
  index,
  count,
  lang,
  onAnswer,
  onStep,
  actions,
}: {
  shown: ShownEntry;
  index: number;
  count: number;
  lang: Lang;
  onAnswer: (measureId: string, question: ChecklistQuestion, answer: Answer) => void;
  onStep: (step: 1 | -1) => void;
  actions: Pick<ViewActions, "selectCell">;
}) {
  const s = useStyles();
  const seg = useSegmentStyles();
  const { entry } = shown;
  const headingId = useId();
  const answer = (q: ChecklistQuestion, a: Answer) => {
    if ((shown.answers[q] ?? null) === a) return;
    onAnswer(entry.id, q, a);
  };
  return (
    <div className={s.root} data-testid="checklist-panel" data-measure-id={entry.id} role="group" aria-labelledby={headingId}>
      <div className={mergeClasses(s.card, seg[`edge${segmentKey(shown.placement)}`])}>
        <div className={s.nav}>
          <Button
            appearance="subtle"
            icon={<ChevronLeft20Regular />}
            aria-label={ctp(lang, "checklist.prev")}
            title={ctp(lang, "checklist.prev")}
            onClick={() => onStep(-1)}
            disabled={count < 2}
            data-testid="checklist-prev"
          />
          <div className={s.navTitle}>
            <Text as="h2" id={headingId} size={400} weight="semibold" className={s.navName} data-testid="checklist-name">
              {entry.name || entry.id}
            </Text>
            <Caption1 className={s.navMeta}>
              {entry.id} · {ctp(lang, "checklist.position", { n: index + 1, count })}
              {entry.cell && (
                <>
                  {" · "}
                  <Link as="button" onClick={() => actions.selectCell(entry.cell)} title={displayCell(entry.cell)} data-testid="checklist-go-to-row">
                    {ctp(lang, "checklist.goToRow")}
                  </Link>
                </>
              )}
            </Caption1>
          </div>
          <Button
            appearance="subtle"
            icon={<ChevronRight20Regular />}
            aria-label={ctp(lang, "checklist.next")}
            title={ctp(lang, "checklist.next")}
            onClick={() => onStep(1)}
            disabled={count < 2}
            data-testid="checklist-next"
          />
        </div>
        <Result shown={shown} lang={lang} />
      </div>

      <QuestionGroup
        title={ctp(lang, "checklist.groupSignificance")}
        hint={ctp(lang, "checklist.groupSignificanceHint")}
        questions={[...SIGNIFICANCE_QUESTIONS]}
        shown={shown}
        lang={lang}
        onAnswer={answer}
        testId="checklist-group-significance"
      />
      <QuestionGroup
        title={ctp(lang, "checklist.groupSegment")}
        hint={ctp(lang, "checklist.groupSegmentHint")}
        questions={[...SEGMENT_QUESTIONS]}
        shown={shown}
        lang={lang}
        onAnswer={answer}
        testId="checklist-group-segment"
      />
    </div>
  );
}

function Result({ shown, lang }: { shown: ShownEntry; lang: Lang }) {
  const s = useStyles();
  const p: Placement = shown.placement;
  const key = segmentKey(p);

  let why: string;
  if (p.entry === "ut") why = ctp(lang, "checklist.whyUt", { list: questionsText(lang, p.no) });
  else if (p.entry === "ikke-vurdert") why = ctp(lang, "checklist.whyUnanswered", { list: questionsText(lang, p.unanswered) });
  else if (p.segment === "ikke-vurdert") why = ctp(lang, "checklist.whyUnanswered", { list: questionsText(lang, [p.unanswered]) });
  else why = p.decidedBy ? ctp(lang, "checklist.whyDecided", { question: questionsText(lang, [p.decidedBy]) }) : ctp(lang, "checklist.whyObservere");

  const reporting =
    p.entry === "ut" ? ctp(lang, "checklist.reportingNone") : isSegment(p.segment) ? reportingText(lang, p.segment) : ctp(lang, "checklist.reportingLater");

  return (
    <div
      className={s.result}
      data-testid="checklist-result"
      data-segment={key}
      data-entry={p.entry}
      data-pending={shown.pending ? "true" : "false"}
      role="status"
      aria-live="polite"
      aria-label={ctp(lang, "checklist.result", { name: shown.entry.name || shown.entry.id })}
    >
      <div className={s.badgeLine}>
        <span data-testid="result-entry" title={ctp(lang, "checklist.entry")}>
          <EntryBadge placement={p} lang={lang} />
        </span>
        {p.entry === "inn" && (
          <span data-testid="result-segment" title={ctp(lang, "checklist.segment")}>
            <SegmentBadge segmentKey={p.segment} lang={lang} large />
          </span>
        )}
        {shown.pending && (
          <Caption1 className={s.saving} data-testid="checklist-saving">
            <Spinner size="extra-tiny" />
            {ctp(lang, "checklist.saving")}
          </Caption1>
        )}
      </div>
      <span className={s.why} data-testid="result-why">
        {why}
      </span>
      <span className={s.reportingLine}>
        <span className={s.term}>{ctp(lang, "checklist.reporting")}: </span>
        <span data-testid="result-reporting">{reporting}</span>
      </span>
    </div>
  );
}

/** Inn, Ut or «ikke vurdert», large. */
function EntryBadge({ placement, lang }: { placement: Placement; lang: Lang }) {
  const s = useSegmentStyles();
  const kind = placement.entry === "inn" ? "inn" : placement.entry === "ut" ? "ut" : "ikke-vurdert";
  const label = tp(lang, placement.entry === "inn" ? "entry.inn" : placement.entry === "ut" ? "entry.ut" : "entry.notAssessed");
  return (
    <span className={mergeClasses(s.badge, s.large, s[kind])} data-kind={kind}>
      {label}
    </span>
  );
}

function QuestionGroup({
  title,
  hint,
  questions,
  shown,
  lang,
  onAnswer,
  testId,
}: {
  title: string;
  hint: string;
  questions: ChecklistQuestion[];
  shown: ShownEntry;
  lang: Lang;
  onAnswer: (q: ChecklistQuestion, a: Answer) => void;
  testId: string;
}) {
  const s = useStyles();
  return (
    <section className={s.group} data-testid={testId} aria-label={title}>
      <Text as="h3" size={300} weight="semibold" className={s.groupTitle}>
        {title}
      </Text>
      <Caption1 className={s.hint}>{hint}</Caption1>
      <ol className={s.questions}>
        {questions.map((q) => (
          <Question key={q} q={q} shown={shown} lang={lang} onAnswer={onAnswer} />
        ))}
      </ol>
    </section>
  );
}

function Question({ q, shown, lang, onAnswer }: { q: ChecklistQuestion; shown: ShownEntry; lang: Lang; onAnswer: (q: ChecklistQuestion, a: Answer) => void }) {
  const s = useStyles();
  const labelId = useId();
  const noteId = useId();
  const n = QUESTION_ORDER.indexOf(q) + 1;
  const current = shown.answers[q] ?? null;
  const why = unreached(shown.answers, q);
  const p = shown.placement;
  const blocking = (p.entry === "ikke-vurdert" && (p.unanswered as ChecklistQuestion[]).includes(q)) || (p.entry === "inn" && p.segment === "ikke-vurdert" && p.unanswered === q);
  const note =
    why === undefined
      ? undefined
      : why.kind === "ut"
        ? ctp(lang, "checklist.unreachedUt")
        : ctp(lang, "checklist.unreachedDecided", { n: QUESTION_ORDER.indexOf(why.by) + 1, segment: why.segment });
  const option = (value: Answer, suffix: "ja" | "nei" | "blank", label: string, title?: string) => {
    const checked = current === value;
    return (
      <ToggleButton
        size="small"
        className={mergeClasses(s.seg, why && s.segDimmed)}
        appearance={checked && value !== null ? "primary" : "secondary"}
        checked={checked}
        onClick={() => onAnswer(q, value)}
        title={title}
        data-testid={`answer-${q}-${suffix}`}
      >
        {label}
      </ToggleButton>
    );
  };
  return (
    <li
      className={mergeClasses(s.question, blocking && s.blocking)}
      data-testid={`checklist-question-${q}`}
      data-reached={why ? "false" : "true"}
      data-blocking={blocking ? "true" : undefined}
    >
      <div className={mergeClasses(s.qText, why && s.dimmed)}>
        <span className={s.qNum}>{n}.</span>
        <Text id={labelId} size={300}>
          {QUESTION_TEXT[q][lang]}
        </Text>
      </div>
      <div className={s.controls}>
        <div className={s.segmented} role="group" aria-labelledby={labelId} aria-describedby={note ? noteId : undefined}>
          {option(true, "ja", ctp(lang, "checklist.answerYes"))}
          {option(false, "nei", ctp(lang, "checklist.answerNo"))}
          {option(null, "blank", ctp(lang, "checklist.answerBlank"), ctp(lang, "checklist.answerBlankHint"))}
        </div>
        {note && (
          <Caption1 id={noteId} className={s.note} data-testid={`unreached-${q}`}>
            {note}
          </Caption1>
        )}
      </div>
    </li>
  );
}
