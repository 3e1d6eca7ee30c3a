/**
 * What every export shows, as values: the ranked measures (with the secretariat's columns), the
 * measures without a total and why, the checklist placement, and the cut into a minimum list and
 * a plus list. Built from the same Assessment the task pane, the CLI and the Rangering sheet
 * render; slides, CSV and the clipboard table are renderings of this.
 */
import { rankLabel, type Assessment, type MeasureResult } from "../core/assess";
import type { Placement, Segment } from "../core/checklist";
import { SEGMENTS } from "../core/checklist";
import { rank } from "../core/rank";
import { fullName, fullNameTexts } from "../core/full-name";
import { rankWithin, type SegmentRank } from "../core/segments";
import { findingMessage, formatNumber, type Lang } from "../i18n";
import { ex } from "../i18n/export";
import { printedTotals } from "../i18n/totals";
import type { Forced } from "../core/selection-problem";
import { dx } from "../i18n/decision";
import { mnokText, reasonText } from "../i18n/selection";
import type { SelectionSplit } from "./selection-split";

/** A placement as one key: a segment, «ikke vurdert», or Ut. */
export type SegmentKey = Segment | "ikke-vurdert" | "ut";

/** Which measures to show: all, one segment, or those not assessed; as the Rangering view's filter. */
export type SegmentFilter = "alle" | SegmentKey;

/** The order of the segment chart and lists (DESIGN §1; the order the secretariat reports them). */
export const SEGMENT_ORDER: SegmentKey[] = ["Samstyre", "Koordinere", "Observere", "Inspirere", "ut", "ikke-vurdert"];

export interface ExportInput {
  assessment: Assessment;
  /** The checklist placement of each measure with a checklist row, by id; absent without a checklist. */
  placements?: ReadonlyMap<string, Placement>;
}

export interface ExportSelection {
  segment?: SegmentFilter;
  hideUt?: boolean;
  /** Top N as the minimum list; null/undefined for no cut. */
  top?: number | null;
  /** The exact selection within the budget frame: when given, its lists split the ranking instead of `top`. */
  split?: SelectionSplit | null;
}

export interface ExportRow {
  measure: MeasureResult;
  /** «Tema: tiltak» — the full name, unique in the list (core/full-name.ts). */
  name: string;
  /** `6=`, `6`; `–` without a total. */
  rank: string;
  /** In the locale with the ranking's decimals (i18n/totals.ts: one decimal unless more keep different totals apart); `–` without a total. */
  score: string;
  /** Each top-level group's value, two decimals in the locale (`–` for none), in model order. */
  groups: string[];
  segment: SegmentKey | null;
  /** Rank within the segment (measures in a segment only). */
  segmentRank: SegmentRank | null;
  /** With a cut: whether the measure is on the minimum list; with a selection split also «out» (then for measures without a total too). */
  list: "minimum" | "plus" | "out" | null;
  /** With a selection split: the cost in MNOK in the locale («7,5»; «–» without one); "" otherwise. */
  cost: string;
  /** With a selection split: why the measure is on its list or out, in the committee's words (i18n/decision.ts); "" otherwise. */
  decision: string;
  /** With a selection split: the choice in force (Tas med «in», Holdes utenfor «out»), the workbook's Valg or tried in the pane; null otherwise. */
  choice: Forced;
  /** Without a total: the no-total message. */
  reason: string;
}

export interface ExportTable {
  lang: Lang;
  groupLabels: string[];
  hasChecklist: boolean;
  ranked: ExportRow[];
  unranked: ExportRow[];
  /** Measures in the assessment before the filter. */
  count: number;
  top: number | null;
  /** The selection split in force (then `top` is null); null without a budget frame. */
  split: SelectionSplit | null;
  filter: { segment: SegmentFilter; hideUt: boolean };
}

/** «Tema: tiltak» (core/full-name.ts): the slides name measures as Rangering's Tiltak column does. */
export { fullName };

export function segmentKeyOf(p: Placement | undefined): SegmentKey | null {
  if (!p) return null;
  return p.entry === "ut" ? "ut" : p.segment;
}

export function passes(key: SegmentKey | null, filter: SegmentFilter, hideUt: boolean): boolean {
  if (hideUt && key === "ut") return false;
  if (filter === "alle") return true;
  if (filter === "ikke-vurdert") return key === null || key === "ikke-vurdert";
  return key === filter;
}

export function segmentName(lang: Lang, key: SegmentKey): string {
  if (key === "ut") return ex(lang, "deck.segment.ut");
  if (key === "ikke-vurdert") return ex(lang, "deck.segment.notAssessed");
  return key;
}

export function rankText(r: { rank: number | null; tied: boolean }): string {
  return rankLabel(r);
}

export function exportTable(input: ExportInput, lang: Lang, sel: ExportSelection = {}): ExportTable {
  const { assessment: a, placements } = input;
  const model = a.model;
  const segment = sel.segment ?? "alle";
  const hideUt = sel.hideUt ?? false;
  const split = sel.split ?? null;
  const top = split === null && sel.top !== undefined && sel.top !== null && sel.top > 0 ? Math.floor(sel.top) : null;
  const keyOf = (id: string): SegmentKey | null => (placements ? segmentKeyOf(placements.get(id)) : null);
  const inSegment = (id: string): string | undefined => {
    const k = keyOf(id);
    return k === null || k === "ut" || k === "ikke-vurdert" ? undefined : k;
  };
  const segmentRanks = placements
    ? rankWithin(a.measures, inSegment, model.tolerance, (m) => model.tieBreak.map((g) => m.values[g] ?? null))
    : new Map<string, SegmentRank>();

  const shown = a.measures.filter((m) => passes(keyOf(m.id), segment, placements ? hideUt : false));
  const ranked = shown.filter((m) => m.rank !== null);
  // The cut counts places among the shown measures (the overall rank when nothing is filtered).
  const cutRanks = rank(
    ranked.map((m) => ({ total: m.total, keys: model.tieBreak.map((g) => m.values[g] ?? null) })),
    model.tolerance,
  );
  const placeOf = new Map<string, number>();
  for (const s of cutRanks) if (s.rank !== null) placeOf.set(ranked[s.index].id, s.rank);

  const names = fullNameTexts(a.measures);
  const totals = printedTotals(a, lang);
  const namesOf = (ids: string[]) => ids.map((id) => names.get(id) ?? id).join(", ");
  /** Why a measure is where the selection put it, in the committee's words: its choice, the frame, or the reason it is out. */
  const decisionOf = (m: MeasureResult, list: "minimum" | "plus" | "out"): string => {
    const sm = split?.measures.get(m.id);
    if (!split || !sm) return "";
    const tried = split.source.choices.includes(m.id);
    if (list !== "out") {
      if (sm.forced === "in") return dx(lang, tried ? "why.forcedInPane" : "why.forcedIn");
      return dx(lang, list === "minimum" && split.minimum !== null ? "why.minimum" : "why.budget");
    }
    if (!sm.reason) return "";
    if (sm.reason.kind === "held-out") return dx(lang, tried ? "why.heldOutPane" : "why.heldOut");
    return reasonText(lang, sm.reason, namesOf, m.total !== null);
  };
  const row = (m: MeasureResult): ExportRow => {
    const key = keyOf(m.id);
    const place = placeOf.get(m.id);
    const why = m.findings.find((f) => f.code === "no-total");
    const sr = segmentRanks.get(m.id);
    const list = split !== null ? (split.lists.get(m.id) ?? "out") : top === null || place === undefined ? null : place <= top ? "minimum" : "plus";
    const sm = split?.measures.get(m.id);
    return {
      measure: m,
      name: names.get(m.id) ?? fullName(m),
      rank: rankLabel(m),
      score: totals.text.get(m.id) ?? "–",
      groups: model.criteria.map((g) => {
        const v = m.values[g.id];
        return typeof v === "number" ? formatNumber(lang, v, 2) : "–";
      }),
      segment: placements ? (key ?? "ikke-vurdert") : null,
      segmentRank: sr && sr.rank !== null ? sr : null,
      list,
      cost: split === null ? "" : mnokText(lang, sm?.cost ?? null),
      decision: split === null || list === null ? "" : decisionOf(m, list),
      choice: sm?.forced ?? null,
      reason: why ? findingMessage(why, lang, model) : "",
    };
  };

  return {
    lang,
    groupLabels: model.criteria.map((g) => g.label[lang]),
    hasChecklist: placements !== undefined,
    ranked: ranked.map(row),
    unranked: shown.filter((m) => m.rank === null).map(row),
    count: a.measures.length,
    top,
    split,
    filter: { segment, hideUt: placements ? hideUt : false },
  };
}

/** Measures per segment (Samstyre, Koordinere, Observere, Inspirere, Ut, ikke vurdert) among the assessment's measures. */
export function segmentCounts(input: ExportInput): { key: SegmentKey; count: number }[] {
  const counts = new Map<SegmentKey, number>(SEGMENT_ORDER.map((k) => [k, 0]));
  for (const m of input.assessment.measures) {
    const k = segmentKeyOf(input.placements?.get(m.id)) ?? "ikke-vurdert";
    counts.set(k, (counts.get(k) ?? 0) + 1);
  }
  return SEGMENT_ORDER.map((key) => ({ key, count: counts.get(key) ?? 0 }));
}

export const SEGMENT_KEYS: readonly Segment[] = SEGMENTS;

/**
 * Which frames split the list and where they came from, in words («Rammene fra arket Modell:
 * budsjettramme 240 MNOK, minimumsramme 100 MNOK», or tried in *Utvalg*, not saved; and how many
 * choices were tried there); null without a selection split.
 */
export function framesText(t: Pick<ExportTable, "lang" | "split">): string | null {
  const s = t.split;
  if (!s) return null;
  const mnok = (h: number) => `${mnokText(t.lang, h)} MNOK`;
  const pane = s.source.frames === "pane";
  const key = s.minimum === null ? (pane ? "frames.paneOnly" : "frames.workbookOnly") : pane ? "frames.pane" : "frames.workbook";
  const text = dx(t.lang, key, { budget: mnok(s.budget), minimum: s.minimum === null ? "" : mnok(s.minimum) });
  return s.source.choices.length ? `${text}; ${dx(t.lang, "frames.choices", { count: s.source.choices.length })}` : text;
}

/** A filter in words, for the slides' subtitle; null when nothing is filtered. */
export function filterText(t: ExportTable): string | null {
  const parts: string[] = [];
  if (t.filter.segment !== "alle") parts.push(ex(t.lang, "deck.filter.segment", { segment: segmentName(t.lang, t.filter.segment) }));
  if (t.filter.hideUt) parts.push(ex(t.lang, "deck.filter.hideUt"));
  return parts.length ? parts.join(", ") : null;
}
