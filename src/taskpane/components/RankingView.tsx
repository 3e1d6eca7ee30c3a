/**
 * Rangering: one row per ranked measure in assessment order (rank, name, total with a bar, the
 * top-level group values, a mark when incomplete), then the measures without a total with the
 * reason. Arrows show how far a measure moved against the baseline round when rounds are saved
 * (↑2, ↓1, «ny»; kept until the baseline changes), otherwise since the previous assessment.
 * With a checklist: each row's Inn/Ut and segment, its rank within the segment under the overall
 * rank, a segment filter and «Skjul tiltak som er Ut». Filtering only hides rows; the ranks are
 * the assessment's and are not recomputed.
 */
import { Caption1, Text, makeStyles, mergeClasses, tokens } from "@fluentui/react-components";
import { Tooltip } from "../../ui/tooltip";
import { ArrowDown12Filled, ArrowUp12Filled, Warning16Filled } from "@fluentui/react-icons";
import { Suspense, memo, useEffect, useMemo, useState } from "react";
import { rankLabel, type Assessment, type MeasureResult } from "../../core/assess";
import { totalMax, totalMin, type Model } from "../../core/model";
import { criterionLabel, findingMessage, formatNumber, formatPercent, formatShort, type Lang } from "../../i18n";
import { tp } from "../../i18n/taskpane";
import type { ChecklistEntry, ChecklistState } from "../../app/app-state";
import { passesFilter, segmentRankLabel, type SegmentFilter } from "../checklist-model";
import { segmentKey, type SegmentKey } from "../../ui/segment-key";
import { THEME_SEPARATOR, fullNames, type FullName as DisplayName } from "../../core/full-name";
import { groupAbbreviations, incompleteText } from "../view-model";
import { barShare } from "../../ui/bar";
import { rankMoves, ranksOf } from "../../ui/movement";
import { RowTooltip } from "./RowTooltip";
import { movesAgainst, type Baseline, type Move } from "../../core/movement";
import { displayTotals } from "../../core/display-total";
import { usePreviousRanks } from "../../ui/previous-ranks";
import { PlacementBadges, useSegmentStyles } from "./Segment";
import { lazyView } from "../lazy-view";
import type { RankingFilter } from "./RankingFilters";

/**
 * The segment filter and «Skjul tiltak som er Ut» (Fluent's Select and Switch): a chunk of their own,
 * fetched as this module loads, so they are not part of the pane's initial JavaScript; they show
 * only with a checklist, by then the chunk is in.
 */
const filters = lazyView(() => import("./RankingFilters"), (m) => m.Filters);
const Filters = filters.Component;
filters.preload().catch(() => undefined);
/** The filters' chunk (the tests fetch it before rendering). */
export const preloadFilters = (): Promise<void> => filters.preload();

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS },
  summary: {
    display: "flex",
    flexWrap: "wrap",
    justifyContent: "space-between",
    columnGap: tokens.spacingHorizontalM,
    rowGap: tokens.spacingVerticalXXS,
    color: tokens.colorNeutralForeground3,
    paddingBottom: tokens.spacingVerticalXS,
  },
  list: { listStyleType: "none", margin: 0, padding: 0, display: "flex", flexDirection: "column" },
  row: {
    display: "grid",
    gridTemplateColumns: "2.2em minmax(0, 1fr) auto",
    columnGap: tokens.spacingHorizontalS,
    alignItems: "baseline",
    paddingTop: tokens.spacingVerticalXS,
    paddingBottom: tokens.spacingVerticalXS,
    paddingLeft: tokens.spacingHorizontalXS,
    paddingRight: tokens.spacingHorizontalXS,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke3}`,
  },
  rank: {
    fontWeight: tokens.fontWeightSemibold,
    fontVariantNumeric: "tabular-nums",
    textAlign: "right",
    color: tokens.colorNeutralForeground1,
  },
  rankCol: { display: "flex", flexDirection: "column", alignItems: "flex-end", minWidth: 0 },
  segmentRank: {
    alignSelf: "center",
    fontSize: tokens.fontSizeBase200,
    lineHeight: tokens.lineHeightBase200,
    fontWeight: tokens.fontWeightSemibold,
    fontVariantNumeric: "tabular-nums",
    whiteSpace: "nowrap",
    cursor: "default",
  },
  badges: { display: "flex", flexWrap: "wrap", gap: "3px", minWidth: 0, flexShrink: 0 },
  showing: { color: tokens.colorNeutralForeground3 },
  legendItem: { whiteSpace: "nowrap" },
  main: { minWidth: 0, display: "flex", flexDirection: "column", gap: "2px" },
  nameLine: { display: "flex", alignItems: "baseline", gap: tokens.spacingHorizontalXS, minWidth: 0 },
  name: { minWidth: 0, overflowWrap: "anywhere" },
  /** The name is the row's button: it selects the measure's row in the sheet. */
  nameButton: {
    minWidth: 0,
    padding: 0,
    margin: 0,
    border: "none",
    background: "none",
    font: "inherit",
    color: "inherit",
    textAlign: "start",
    cursor: "pointer",
    borderRadius: tokens.borderRadiusSmall,
    ":hover": { textDecorationLine: "underline" },
    ":focus-visible": { outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}`, outlineOffset: "1px" },
  },
  themePart: { fontWeight: tokens.fontWeightRegular, color: tokens.colorNeutralForeground3 },
  idPart: { fontWeight: tokens.fontWeightRegular, color: tokens.colorNeutralForeground3, fontVariantNumeric: "tabular-nums" },
  clickable: { cursor: "pointer", ":hover": { backgroundColor: tokens.colorNeutralBackground1Hover } },
  mark: { display: "inline-flex", alignSelf: "center", flexShrink: 0, color: tokens.colorPaletteDarkOrangeForeground1, cursor: "help" },
  total: { fontWeight: tokens.fontWeightSemibold, fontVariantNumeric: "tabular-nums", textAlign: "right" },
  barTrack: {
    height: "4px",
    borderRadius: tokens.borderRadiusSmall,
    backgroundColor: tokens.colorNeutralBackground5,
    overflow: "hidden",
  },
  barFill: { height: "100%", backgroundColor: tokens.colorBrandBackground, borderRadius: tokens.borderRadiusSmall },
  detail: {
    display: "flex",
    flexWrap: "wrap",
    rowGap: "2px",
    justifyContent: "space-between",
    columnGap: tokens.spacingHorizontalS,
    color: tokens.colorNeutralForeground3,
  },
  groups: {
    display: "flex",
    gap: tokens.spacingHorizontalSNudge,
    fontVariantNumeric: "tabular-nums",
    marginLeft: "auto",
    flexShrink: 0,
    whiteSpace: "nowrap",
  },
  groupAbbr: { color: tokens.colorNeutralForeground4, marginRight: "1px" },
  move: { display: "inline-flex", alignItems: "center", fontVariantNumeric: "tabular-nums", flexShrink: 0 },
  up: { color: tokens.colorPaletteGreenForeground1 },
  down: { color: tokens.colorPaletteRedForeground1 },
  fresh: {
    color: tokens.colorBrandForeground1,
    fontWeight: tokens.fontWeightSemibold,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorBrandStroke1}`,
    borderRadius: tokens.borderRadiusSmall,
    paddingLeft: "3px",
    paddingRight: "3px",
  },
  unrankedHeading: {
    marginTop: tokens.spacingVerticalM,
    paddingBottom: tokens.spacingVerticalXS,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  reason: { color: tokens.colorNeutralForeground2 },
  empty: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS, paddingTop: tokens.spacingVerticalL },
});

export type { RankingFilter };

export const NO_FILTER: RankingFilter = { segment: "alle", hideUt: false };

export function RankingView({
  assessment,
  lang,
  checklist,
  filter = NO_FILTER,
  onFilter,
  onSelect,
  baseline,
  previous,
}: {
  assessment: Assessment;
  lang: Lang;
  /** The saved round movement is shown against; without one, movement since the previous ranks. */
  baseline?: Baseline | null;
  /** The ranks before the last change of ranking (the pane keeps them across tabs); without it, the view keeps its own. */
  previous?: Map<string, number> | null;
  checklist?: ChecklistState;
  filter?: RankingFilter;
  onFilter?: (filter: RankingFilter) => void;
  /** A row's name clicked (or Enter on it): select the measure's row in the workbook. */
  onSelect?: (measureId: string) => void;
}) {
  const s = useStyles();
  const model = assessment.model;
  // Its own ranks before the last change only when the pane gives none: tracking them sets state
  // while rendering, which runs this function twice (every row's signature) for each new assessment.
  const own = usePreviousRanks(previous === undefined ? assessment : undefined);
  const moves: Map<string, Move> = baseline ? movesAgainst(baseline, assessment.measures) : rankMoves(previous === undefined ? own : previous, ranksOf(assessment));
  // One number of decimals for the list, so that no two different totals print alike (core/display-total.ts).
  const totals = useMemo(() => {
    const d = displayTotals(
      assessment.measures.map((m) => m.total),
      { tolerance: model.tolerance },
    );

    return new Map(assessment.measures.map((m, i) => [m.id, d.values[i] === null ? "" : formatNumber(lang, d.values[i]!, d.decimals)]));
  }, [assessment, model.tolerance, lang]);
  const entries = new Map<string, ChecklistEntry>();
  for (const e of checklist?.entries ?? []) if (!entries.has(e.id)) entries.set(e.id, e);
  const keyOf = (m: MeasureResult): SegmentKey | undefined => {
    const e = entries.get(m.id);
    return e ? segmentKey(e.placement) : undefined;
  };
  const active = checklist ? filter : NO_FILTER;
  const shown = assessment.measures.filter((m) => passesFilter(keyOf(m), active.segment, active.hideUt));
  const ranked = shown.filter((m) => m.rank !== null);
  const unranked = shown.filter((m) => m.rank === null);
  // A long list shows its first rows at once and the rest right after they are on screen: the
  // pane opens on a 300-measure workbook without drawing the 290 rows nobody sees yet.
  const [limit, setLimit] = useState(FIRST_ROWS);
  const all = limit >= ranked.length + unranked.length;
  useEffect(() => {
    if (all) return;
    const timer = setTimeout(() => setLimit(Infinity), 0);
    return () => clearTimeout(timer);
  }, [all]);
  const abbr = useMemo(() => groupAbbreviations(model, lang), [modelKey(model), lang]);
  // Over every measure, not only the shown ones: a row reads the same whatever the filter.
  const names = useMemo(() => fullNames(assessment.measures), [assessment]);
  // Each «K = Kostnader» stays on one line; the legend wraps between them.
  const legend = model.criteria.map((g, i) => (
    <span key={g.id} className={s.legendItem}>
      {i > 0 && " · "}
      {tp(lang, "ranking.legend", { abbr: abbr.get(g.id) ?? g.id, label: criterionLabel(model, g.id, lang) })}
    </span>
  ));

  if (assessment.measures.length === 0) {
    return (
      <div className={s.empty} data-testid="ranking-empty">
        <Text weight="semibold">{tp(lang, "ranking.none")}</Text>
        <Text>{tp(lang, "ranking.noneBody")}</Text>
      </div>
    );
  }

  return (
    <section className={s.root} aria-label={tp(lang, "tab.ranking")}>
      <div className={s.summary}>
        <Caption1 data-testid="ranking-summary">
          {tp(lang, "ranking.summary", { ranked: assessment.measures.filter((m) => m.rank !== null).length, count: assessment.measures.length })}
        </Caption1>
        <Caption1 data-testid="ranking-legend">{legend}</Caption1>
        {baseline && <Caption1 data-testid="ranking-since">{tp(lang, "ranking.since", { round: baseline.name })}</Caption1>}
      </div>
      {checklist && (
        <Suspense fallback={null}>
          <Filters
            filter={filter}
            onFilter={onFilter}
            counts={countKeys(assessment.measures.map(keyOf))}
            shown={shown.length}
            count={assessment.measures.length}
            lang={lang}
          />
        </Suspense>
      )}
      {shown.length === 0 && (
        <Caption1 className={s.showing} data-testid="ranking-filter-empty">
          {tp(lang, "ranking.filterEmpty")}
        </Caption1>
      )}
      <ol className={s.list}>
        {(all ? ranked : ranked.slice(0, limit)).map((m) => (
          <RankingRow
            key={m.id}
            m={m}
            shown={names.get(m.id)!}
            model={model}
            lang={lang}
            abbr={abbr}
            move={moves.get(m.id)}
            since={baseline?.name}
            totalText={totals.get(m.id) ?? ""}
            checklist={checklist}
            entry={entries.get(m.id)}
            onSelect={onSelect}
            sig={rowSignature(m, names.get(m.id)!, model, lang, checklist, entries.get(m.id), moves.get(m.id), baseline?.name, totals.get(m.id))}
          />
        ))}
      </ol>
      {unranked.length > 0 && all && (
        <>
          <Text as="h3" weight="semibold" size={300} className={s.unrankedHeading}>
            {tp(lang, "ranking.unrankedHeading", { count: unranked.length })}
          </Text>
          <ul className={s.list}>
            {unranked.map((m) => (
              <UnrankedRow
                key={m.id}
                m={m}
                shown={names.get(m.id)!}
                model={model}
                lang={lang}
                checklist={checklist}
                entry={entries.get(m.id)}
                onSelect={onSelect}
                sig={rowSignature(m, names.get(m.id)!, model, lang, checklist, entries.get(m.id), undefined)}
              />
            ))}
          </ul>
        </>
      )}
    </section>
  );
}

function countKeys(keys: (SegmentKey | undefined)[]): Record<SegmentFilter | "ut", number> {
  const out: Record<SegmentFilter | "ut", number> = { alle: keys.length, Samstyre: 0, Koordinere: 0, Inspirere: 0, Observere: 0, "ikke-vurdert": 0, ut: 0 };
  for (const k of keys) out[k ?? "ikke-vurdert"]++;
  return out;
}

/**
 * «nr. 2» after the segment badge: the rank within the segment, in the segment's colour. Not an
 * initial under the overall rank: «K1» read as Kostnader next to the group values.
 */
/** Whether two checklist entries or placements (plain data, rebuilt by every recompute) read the same. */
const sameData = (a: unknown, b: unknown): boolean => a === b || JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

const SegmentRankMark = memo(SegmentRankMarkView, (a, b) => a.lang === b.lang && sameData(a.entry, b.entry));

function SegmentRankMarkView({ entry, lang }: { entry: ChecklistEntry; lang: Lang }) {
  const s = useStyles();
  const seg = useSegmentStyles();
  const p = entry.placement;
  if (p.entry !== "inn" || p.segment === "ikke-vurdert" || !entry.segmentRank || entry.segmentRank.rank === null) return null;
  const r = entry.segmentRank;
  const tip = tp(lang, r.tied ? "ranking.segmentRankTied" : "ranking.segmentRank", { rank: r.rank ?? "", segment: p.segment });
  return (
    <Tooltip content={tip} relationship="label" withArrow>
      <span className={mergeClasses(s.segmentRank, seg[`text${p.segment}`])} data-testid="ranking-segment-rank">
        {tp(lang, "ranking.segmentRankShort", { rank: segmentRankLabel(r) })}
      </span>
    </Tooltip>
  );
}

/** The checklist attributes of a ranking row. */
function checklistAttrs(checklist: ChecklistState | undefined, entry: ChecklistEntry | undefined): Record<string, string> {
  if (!checklist) return {};
  return {
    "data-segment": entry ? segmentKey(entry.placement) : "",
    "data-segment-rank": entry?.segmentRank ? segmentRankLabel(entry.segmentRank) : "",
  };
}

/** The warning of a row without every score: its text (and kind) from the row, drawn again only when they change. */
function incompleteMark(m: MeasureResult, model: Model, lang: Lang) {
  if (m.complete) return null;
  // Ranked on few scores: the warning itself, as in Funn and on the Rangering sheet.
  const few = m.findings.find((f) => f.code === "few-scores");
  return <IncompleteMark text={few ? findingMessage(few, lang, model) : incompleteText(lang, model, m)} kind={few ? "few-scores" : "incomplete"} />;
}

const IncompleteMark = memo(function IncompleteMark({ text, kind }: { text: string; kind: string }) {
  const s = useStyles();
  return (
    <Tooltip content={text} relationship="label" withArrow>
      <span className={s.mark} role="img" tabIndex={0} data-testid="incomplete-mark" data-kind={kind}>
        <Warning16Filled />
      </span>
    </Tooltip>
  );
});

/**
 * The row's name: the theme (quieter), then the measure, wrapped, never cut; the ID after it
 * when two rows would read the same. A button that selects the measure's row in the sheet; its
 * tooltip (hover or keyboard focus) gives the name as written in the workbook.
 */
const MeasureName = memo(
  MeasureNameView,
  (a, b) => a.id === b.id && a.lang === b.lang && a.onSelect === b.onSelect && a.shown.text === b.shown.text && a.shown.name === b.shown.name && a.shown.theme === b.shown.theme && a.shown.id === b.shown.id,
);

/** The row's badges, drawn again only when the placement changes (a rank that moves leaves them). */
const RowBadges = memo(PlacementBadges, (a, b) => a.lang === b.lang && a.where === b.where && sameData(a.placement, b.placement));

function MeasureNameView({ id, shown, lang, onSelect: select }: { id: string; shown: DisplayName; lang: Lang; onSelect: ((measureId: string) => void) | undefined }) {
  const s = useStyles();
  const onSelect = select && (() => select(id));
  const parts = (
    <>
      {shown.theme && (
        <span className={s.themePart} data-testid="ranking-theme">
          {shown.theme}
          {THEME_SEPARATOR}
        </span>
      )}
      <span>{shown.name}</span>
      {shown.id && <span className={s.idPart}>{` (${shown.id})`}</span>}
    </>
  );
  if (!onSelect) {
    return (
      <Text className={s.name} weight="medium" title={shown.name} data-testid="ranking-name" data-full={shown.name}>
        {parts}
      </Text>
    );
  }
  return (
    <RowTooltip text={tp(lang, "ranking.nameTooltip", { name: shown.name })} withArrow>
      <button type="button" className={s.nameButton} onClick={onSelect} data-testid="ranking-name" data-full={shown.name}>
        <Text weight="medium" className={s.name}>
          {parts}
        </Text>
      </button>
    </RowTooltip>
  );
}

/**
 * What a row shows, as one string: a row whose signature and click handler are unchanged is not
 * rendered again (a score edit re-renders the rows it moved or changed, not all 1,000).
 */
const modelKeys = new WeakMap<Model, number>();
const modelVersions = new Map<string, number>();
let nextModelVersion = 0;
/** A small number per distinct model (equal models, even as new objects, get the same number). */
function modelKey(model: Model): number {
  let key = modelKeys.get(model);
  if (key === undefined) {
    const json = JSON.stringify(model);
    key = modelVersions.get(json);
    if (key === undefined) {
      // What-if sliders make many models: forget old ones, never reuse a number.
      if (modelVersions.size >= 64) modelVersions.clear();
      modelVersions.set(json, (key = nextModelVersion++));
    }
    modelKeys.set(model, key);
  }
  return key;
}

function rowSignature(
  m: MeasureResult,
  shown: DisplayName,
  model: Model,
  lang: Lang,
  checklist: ChecklistState | undefined,
  entry: ChecklistEntry | undefined,
  move: Move | undefined,
  since?: string,
  totalText?: string,
): string {
  // Only what the row reads: not the leaf outcomes and comments, which are most of a measure.
  const groups = model.criteria.map((g) => m.values[g.id] ?? null);
  return JSON.stringify([modelKey(model), lang, checklist !== undefined, entry ?? null, m.id, m.rank, m.tied, m.total, m.complete, m.missing, m.invalid, groups, m.findings, shown, move ?? null, since ?? null, totalText ?? null]);
}

interface RowProps {
  m: MeasureResult;
  shown: DisplayName;
  onSelect: ((measureId: string) => void) | undefined;
  model: Model;
  lang: Lang;
  checklist: ChecklistState | undefined;
  entry: ChecklistEntry | undefined;
  /** {@link rowSignature} of the other props. */
  sig: string;
}

const sameRow = (a: RowProps, b: RowProps): boolean => a.sig === b.sig && a.onSelect === b.onSelect;

/** Rows drawn in the first pass of a long list; the rest follow at once, after they are on screen. */
const FIRST_ROWS = 40;

const RankingRow = memo(RankingRowView, (a, b) => sameRow(a, b) && a.abbr === b.abbr);
const UnrankedRow = memo(UnrankedRowView, sameRow);

function RankingRowView({
  m,
  shown,
  model,
  lang,
  abbr,
  move,
  since,
  totalText,
  checklist,
  entry,
  onSelect,
}: {
  m: MeasureResult;
  shown: DisplayName;
  onSelect: ((measureId: string) => void) | undefined;
  model: Model;
  lang: Lang;
  abbr: Map<string, string>;
  move: Move | undefined;
  since: string | undefined;
  /** The total as the list prints it (its decimals decided over the whole list). */
  totalText: string;
  checklist: ChecklistState | undefined;
  entry: ChecklistEntry | undefined;
  sig: string;
}) {
  const s = useStyles();
  const label = rankLabel(m);
  const total = m.total ?? 0;
  const rankCell = (
    <span className={s.rank} data-testid="ranking-rank">
      {label}
    </span>
  );
  return (
    <li
      className={mergeClasses(s.row, onSelect && s.clickable)}
      onClick={onSelect && ((e) => !e.currentTarget.contains((e.target as HTMLElement).closest("button, [tabindex]")) && onSelect(m.id))}
      data-testid="ranking-row" data-measure-id={m.id} data-rank={label} data-score={String(total)} {...checklistAttrs(checklist, entry)}>
      <span className={s.rankCol}>
        {m.tied ? (
          <RowTooltip text={tp(lang, "ranking.tied", { rank: m.rank ?? "" })}>{rankCell}</RowTooltip>
        ) : (
          rankCell
        )}
      </span>
      <div className={s.main}>
        <div className={s.nameLine}>
          <MeasureName id={m.id} shown={shown} lang={lang} onSelect={onSelect} />
          {incompleteMark(m, model, lang)}
          {move?.fresh && (
            <Caption1 className={mergeClasses(s.move, s.fresh)} role="img" aria-label={tp(lang, "ranking.moveNewHint", { round: since ?? "" })} data-testid="rank-move" data-move="new">
              {tp(lang, "ranking.moveNew")}
            </Caption1>
          )}
          {move && !move.fresh && (
            <Caption1
              className={mergeClasses(s.move, move.by > 0 ? s.up : s.down)}
              role="img"
              aria-label={tp(lang, move.by > 0 ? "ranking.moveUp" : "ranking.moveDown", { n: Math.abs(move.by), from: move.from })}
              data-testid="rank-move"
              data-move={move.by > 0 ? `up${move.by}` : `down${-move.by}`}
            >
              {move.by > 0 ? <ArrowUp12Filled /> : <ArrowDown12Filled />}
              {Math.abs(move.by)}
            </Caption1>
          )}
        </div>
        <RowDetail m={m} model={model} modelVersion={modelKey(model)} lang={lang} abbr={abbr} checklist={checklist !== undefined} entry={entry} />
      </div>
      <RowTotal text={totalText} />
    </li>
  );
}

interface DetailProps {
  m: MeasureResult;
  model: Model;
  /** {@link modelKey} of `model`. */
  modelVersion: number;
  lang: Lang;
  abbr: Map<string, string>;
  checklist: boolean;
  entry: ChecklistEntry | undefined;
}

/** Whether a row's bar, badges and group values read the same: a row that only moves keeps them. */
function sameDetail(a: DetailProps, b: DetailProps): boolean {
  if (a.lang !== b.lang || a.abbr !== b.abbr || a.modelVersion !== b.modelVersion || a.checklist !== b.checklist || a.m.total !== b.m.total) return false;
  for (const g of a.model.criteria) if ((a.m.values[g.id] ?? null) !== (b.m.values[g.id] ?? null)) return false;
  return sameData(a.entry, b.entry);
}

/**
 * A ranked row's bar, placement badges, segment rank and group values, drawn again only when they
 * change: an edit that moves a measure shifts the rows between by one place, and those rows then
 * draw their rank and arrow, not all they show.
 */
const RowDetail = memo(function RowDetail({ m, model, lang, abbr, checklist, entry }: DetailProps) {
  const s = useStyles();
  const min = totalMin(model);
  const max = totalMax(model);
  const share = barShare(m.total ?? 0, min, max);
  return (
    <>
      <div className={s.barTrack} role="img" aria-label={tp(lang, "ranking.bar", { share: formatPercent(lang, share, 0), max: formatShort(lang, max) })}>
        <div className={s.barFill} style={{ width: `${(share * 100).toFixed(2)}%` }} />
      </div>
      <div className={s.detail}>
        {checklist && (
          <span className={s.badges} data-testid="ranking-placement">
            <RowBadges placement={entry?.placement} lang={lang} where="ranking" />
          </span>
        )}
        {entry && <SegmentRankMark entry={entry} lang={lang} />}
        <Caption1 className={s.groups}>
          {model.criteria.map((g) => {
            const v = m.values[g.id];
            const groupLabel = criterionLabel(model, g.id, lang);
            return (
              <span
                key={g.id}
                title={
                  v === null || v === undefined
                    ? tp(lang, "ranking.groupNone", { label: groupLabel })
                    : tp(lang, "ranking.groupValue", { label: groupLabel, value: formatNumber(lang, v, 2) })
                }
                data-testid={`group-value-${g.id}`}
              >
                <span className={s.groupAbbr}>{abbr.get(g.id)}</span>
                {v === null || v === undefined ? "–" : formatNumber(lang, v, 2)}
              </span>
            );
          })}
        </Caption1>
      </div>
    </>
  );
}, sameDetail);

/** The total as the list prints it, drawn again only when it changes. */
const RowTotal = memo(function RowTotal({ text }: { text: string }) {
  const s = useStyles();
  return (
    <Text className={s.total} size={400} data-testid="ranking-total">
      {text}
    </Text>
  );
});

function UnrankedRowView({ m, shown, model, lang, checklist, entry, onSelect }: RowProps) {
  const s = useStyles();
  const reason = m.findings.find((f) => f.code === "no-total");
  return (
    <li
      className={mergeClasses(s.row, onSelect && s.clickable)}
      onClick={onSelect && ((e) => !e.currentTarget.contains((e.target as HTMLElement).closest("button, [tabindex]")) && onSelect(m.id))}
      data-testid="ranking-unranked-row" data-measure-id={m.id} data-rank={rankLabel(m)} {...checklistAttrs(checklist, entry)}>
      <span className={s.rank}>{rankLabel(m)}</span>
      <div className={s.main}>
        <div className={s.nameLine}>
          <MeasureName id={m.id} shown={shown} lang={lang} onSelect={onSelect} />
          {incompleteMark(m, model, lang)}
        </div>
        {checklist && (
          <span className={s.badges} data-testid="ranking-placement">
            <RowBadges placement={entry?.placement} lang={lang} where="ranking" />
          </span>
        )}
        <Caption1 className={s.reason} data-testid="ranking-reason">
          {reason ? findingMessage(reason, lang, model) : tp(lang, "ranking.unrankedReason")}
        </Caption1>
      </div>
      <span />
    </li>
  );
}
