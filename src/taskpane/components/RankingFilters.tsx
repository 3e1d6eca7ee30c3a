/**
 * Rangering's filters over the checklist: the segment filter (a native select) and «Skjul tiltak som
 * er Ut», with «Viser 8 av 14» while they hide rows. Loaded by RankingView as a chunk of its own.
 */
import { Caption1, Label, Select, Switch, makeStyles, tokens } from "@fluentui/react-components";
import { useId } from "react";
import { SEGMENTS } from "../../core/checklist";
import type { Lang } from "../../i18n";
import { tp } from "../../i18n/taskpane";
import type { SegmentFilter } from "../checklist-model";
import { rankingKeyLabel } from "./Segment";

/** The ranking's view state over the checklist: which segment to show and whether to hide Ut. */
export interface RankingFilter {
  segment: SegmentFilter;
  hideUt: boolean;
}

const useStyles = makeStyles({
  filters: {
    display: "flex",
    flexWrap: "wrap",
    alignItems: "center",
    columnGap: tokens.spacingHorizontalM,
    rowGap: tokens.spacingVerticalXXS,
    paddingBottom: tokens.spacingVerticalXS,
  },
  filterField: { display: "flex", alignItems: "center", gap: tokens.spacingHorizontalXS, minWidth: 0 },
  filterSelect: { minWidth: "9em" },
  hideUt: { marginLeft: `calc(-1 * ${tokens.spacingHorizontalS})` },
  showing: { color: tokens.colorNeutralForeground3 },
});

export function Filters({
  filter,
  onFilter,
  counts,
  shown,
  count,
  lang,
}: {
  filter: RankingFilter;
  onFilter: ((filter: RankingFilter) => void) | undefined;
  counts: Record<SegmentFilter | "ut", number>;
  shown: number;
  count: number;
  lang: Lang;
}) {
  const s = useStyles();
  const selectId = useId();
  const options: SegmentFilter[] = ["alle", ...SEGMENTS, "ikke-vurdert"];
  const label = (f: SegmentFilter) => (f === "alle" ? tp(lang, "ranking.filterAll") : rankingKeyLabel(lang, f));
  return (
    <div className={s.filters} role="group" aria-label={tp(lang, "ranking.filterSegment")}>
      <div className={s.filterField}>
        <Label size="small" htmlFor={selectId}>
          {tp(lang, "ranking.filterSegment")}
        </Label>
        <Select
          id={selectId}
          size="small"
          className={s.filterSelect}
          value={filter.segment}
          onChange={(_, d) => onFilter?.({ ...filter, segment: d.value as SegmentFilter })}
          data-testid="segment-filter"
        >
          {options.map((f) => (
            <option key={f} value={f}>
              {tp(lang, "ranking.filterOption", { label: label(f), count: counts[f] })}
            </option>
          ))}
        </Select>
      </div>
      <Switch
        className={s.hideUt}
        checked={filter.hideUt}
        onChange={(_, d) => onFilter?.({ ...filter, hideUt: d.checked })}
        label={`${tp(lang, "ranking.hideUt")} (${counts.ut})`}
        data-testid="hide-ut"
      />
      {shown !== count && (
        <Caption1 className={s.showing} data-testid="ranking-showing">
          {tp(lang, "ranking.showing", { shown, count })}
        </Caption1>
      )}
    </div>
  );
}
