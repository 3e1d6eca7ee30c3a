/**
 * A measure's placement in the portfolio checklist as one key (for data-segment attributes,
 * colours and filters) and the key's label, shared by the task pane's badges and filters and the
 * presenter's Segment column. Segment names stay Norwegian in both languages (they are the
 * portfolio's proper names). Pure.
 */
import type { Placement, Segment } from "../core/checklist";
import type { Lang } from "../i18n";
import { tp } from "../i18n/taskpane";

/**
 * A placement as one key, for data-segment attributes, colours and filters: the segment's name,
 * "ikke-vurdert" (entry or segment not assessed) or "ut".
 */
export type SegmentKey = Segment | "ikke-vurdert" | "ut";

export function segmentKey(p: Placement): SegmentKey {
  return p.entry === "ut" ? "ut" : p.segment;
}

export const isSegment = (k: string | undefined): k is Segment => k === "Samstyre" || k === "Koordinere" || k === "Inspirere" || k === "Observere";

/** The badge's text: the segment's name, Ut/Out, ikke vurdert/not assessed, or "not in the checklist". */
export function keyLabel(lang: Lang, key: SegmentKey | "missing"): string {
  if (isSegment(key)) return key;
  if (key === "ut") return tp(lang, "entry.ut");
  if (key === "missing") return tp(lang, "entry.missing");
  return tp(lang, "entry.notAssessed");
}
