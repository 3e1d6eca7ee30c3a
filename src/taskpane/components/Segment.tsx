/**
 * Badges for a measure's placement in the portfolio checklist, with the same colours in every
 * view: Samstyre blue, Koordinere teal, Inspirere grape, Observere marigold; Ut grey; «ikke
 * vurdert» a dashed outline. Segment names stay Norwegian in both languages (they are the
 * portfolio's proper names); the tooltip explains them and their reporting.
 */
import { makeStyles, mergeClasses, shorthands, tokens } from "@fluentui/react-components";
import type { Placement, Segment } from "../../core/checklist";
import type { Lang } from "../../i18n";
import { SEGMENT_MEANING, reportingText } from "../../i18n/checklist";
import { tp } from "../../i18n/taskpane";
import { isSegment, keyLabel, type SegmentKey } from "../../ui/segment-key";
import { RowTooltip } from "./RowTooltip";

export const useSegmentStyles = makeStyles({
  badge: {
    display: "inline-flex",
    alignItems: "center",
    flexShrink: 0,
    boxSizing: "border-box",
    height: "18px",
    paddingLeft: "6px",
    paddingRight: "6px",
    borderRadius: tokens.borderRadiusMedium,
    border: `${tokens.strokeWidthThin} solid transparent`,
    fontSize: tokens.fontSizeBase100,
    lineHeight: tokens.lineHeightBase100,
    fontWeight: tokens.fontWeightSemibold,
    whiteSpace: "nowrap",
    cursor: "default",
  },
  large: { height: "24px", paddingLeft: "8px", paddingRight: "8px", fontSize: tokens.fontSizeBase300, lineHeight: tokens.lineHeightBase300 },
  Samstyre: { backgroundColor: tokens.colorPaletteBlueBackground2, color: tokens.colorPaletteBlueForeground2, ...shorthands.borderColor(tokens.colorPaletteBlueBorderActive) },
  Koordinere: { backgroundColor: tokens.colorPaletteTealBackground2, color: tokens.colorPaletteTealForeground2, ...shorthands.borderColor(tokens.colorPaletteTealBorderActive) },
  Inspirere: { backgroundColor: tokens.colorPaletteGrapeBackground2, color: tokens.colorPaletteGrapeForeground2, ...shorthands.borderColor(tokens.colorPaletteGrapeBorderActive) },
  Observere: {
    backgroundColor: tokens.colorPaletteMarigoldBackground2,
    color: tokens.colorPaletteMarigoldForeground2,
    ...shorthands.borderColor(tokens.colorPaletteMarigoldBorderActive),
  },
  ut: { backgroundColor: tokens.colorNeutralBackground5, color: tokens.colorNeutralForeground2, ...shorthands.borderColor(tokens.colorNeutralStroke1) },
  "ikke-vurdert": { backgroundColor: "transparent", color: tokens.colorNeutralForeground2, ...shorthands.borderColor(tokens.colorNeutralStrokeAccessible), ...shorthands.borderStyle("dashed") },
  inn: { backgroundColor: "transparent", color: tokens.colorPaletteGreenForeground1, ...shorthands.borderColor(tokens.colorPaletteGreenBorder2) },
  missing: { backgroundColor: "transparent", color: tokens.colorNeutralForeground3, ...shorthands.borderColor(tokens.colorNeutralStroke2), ...shorthands.borderStyle("dotted") },
  /** Text in a segment's colour (segment ranks, summary counts). */
  textSamstyre: { color: tokens.colorPaletteBlueForeground2 },
  textKoordinere: { color: tokens.colorPaletteTealForeground2 },
  textInspirere: { color: tokens.colorPaletteGrapeForeground2 },
  textObservere: { color: tokens.colorPaletteMarigoldForeground2 },
  /** A segment's colour as a left border (the result panel). */
  edgeSamstyre: { borderLeftColor: tokens.colorPaletteBlueBorderActive },
  edgeKoordinere: { borderLeftColor: tokens.colorPaletteTealBorderActive },
  edgeInspirere: { borderLeftColor: tokens.colorPaletteGrapeBorderActive },
  edgeObservere: { borderLeftColor: tokens.colorPaletteMarigoldBorderActive },
  edgeut: { borderLeftColor: tokens.colorNeutralStroke1 },
  "edgeikke-vurdert": { borderLeftColor: tokens.colorNeutralStrokeAccessible },
});

/** «Samstyre (joint governance): broad collaboration is essential. Reports 4 times a year: status and risk.» */
export function segmentTooltip(lang: Lang, segment: Segment): string {
  return tp(lang, "segment.tooltip", { meaning: SEGMENT_MEANING[lang][segment], reporting: reportingText(lang, segment) });
}

function keyTooltip(lang: Lang, key: SegmentKey | "missing" | "inn"): string {
  if (isSegment(key)) return segmentTooltip(lang, key);
  if (key === "ut") return tp(lang, "segment.tooltipUt");
  if (key === "inn") return tp(lang, "segment.tooltipInn");
  if (key === "missing") return tp(lang, "segment.tooltipMissing");
  return tp(lang, "segment.tooltipNotAssessed");
}

function Badge({ kind, label, tooltip, large, testId }: { kind: SegmentKey | "missing" | "inn"; label: string; tooltip: string; large?: boolean; testId: string }) {
  const s = useSegmentStyles();
  return (
    <RowTooltip text={tooltip} withArrow>
      <span className={mergeClasses(s.badge, s[kind], large && s.large)} data-testid={testId} data-kind={kind}>
        {label}
      </span>
    </RowTooltip>
  );
}

export function SegmentBadge({ segmentKey, lang, large, label }: { segmentKey: SegmentKey | "missing"; lang: Lang; large?: boolean; label?: string }) {
  return <Badge kind={segmentKey} label={label ?? keyLabel(lang, segmentKey)} tooltip={keyTooltip(lang, segmentKey)} large={large} testId="segment-badge" />;
}

/**
 * In the ranking, beside scores, «ikke vurdert» reads as «not scored»: there the badges say what
 * is not answered, the checklist or its segment questions.
 */
export function rankingKeyLabel(lang: Lang, key: SegmentKey | "missing", part: "entry" | "segment" = "entry"): string {
  if (key !== "ikke-vurdert") return keyLabel(lang, key);
  return tp(lang, part === "entry" ? "entry.checklistUnanswered" : "entry.segmentUnanswered");
}

/**
 * Inn/Ut and the segment as badges: «Inn» + the segment (or «ikke vurdert») for a measure that
 * is in, «Ut» for one that is out, «ikke vurdert» when the national significance is not
 * assessed, «ikke i sjekklisten» without a checklist row.
 */
export function PlacementBadges({ placement, lang, where }: { placement: Placement | undefined; lang: Lang; where?: "ranking" }) {
  if (!placement) return <SegmentBadge segmentKey="missing" lang={lang} />;
  if (placement.entry === "ut") return <Badge kind="ut" label={tp(lang, "entry.ut")} tooltip={keyTooltip(lang, "ut")} testId="entry-badge" />;
  if (placement.entry === "ikke-vurdert") {
    const label = where === "ranking" ? rankingKeyLabel(lang, "ikke-vurdert") : tp(lang, "entry.notAssessed");
    return <Badge kind="ikke-vurdert" label={label} tooltip={keyTooltip(lang, "ikke-vurdert")} testId="entry-badge" />;
  }
  return (
    <>
      <Badge kind="inn" label={tp(lang, "entry.inn")} tooltip={keyTooltip(lang, "inn")} testId="entry-badge" />
      <SegmentBadge
        segmentKey={placement.segment}
        lang={lang}
        label={where === "ranking" ? rankingKeyLabel(lang, placement.segment, "segment") : undefined}
      />
    </>
  );
}
