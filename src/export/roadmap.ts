/**
 * The roadmap slide (issue 21): the plan by steps as columns, one per step and «Senere» last, each
 * measure a labelled box (its ID and name) coloured by segment, each column headed by the step's name
 * and sums («18 tiltak · 240 av 240 MNOK · score 390,4»), a key of the segments under it. Sized to
 * stay readable at 1280×720 with 60 measures: a column's boxes go into up to three sub-columns, at
 * least 0,26 in (about 25 px) tall with 9–12 pt type; what does not fit is counted in a last box
 * («… og 4 til»). Self-contained: deck/roadmap.ts makes the slide (heading, notes) and calls `drawRoadmap`.
 */
import type PptxGenJS from "pptxgenjs";
import { byScore, type PlanMeasure, type PlanResult } from "../core/plan";
import { formatNumber, type Lang } from "../i18n";
import { pt } from "../i18n/plan";
import { mnokText } from "../i18n/selection";
import { textWidthPt } from "./paginate";

const FONT = "Calibri";
const NAVY = "1F3864";
const GREY = "595959";
/** Fill and text colour per segment (as the pane's segment key: strong to weak governance). */
const SEGMENT_FILL: Record<string, [string, string]> = {
  Samstyre: ["1F4E79", "FFFFFF"],
  Koordinere: ["2E75B6", "FFFFFF"],
  Inspirere: ["9DC3E6", "1F1F1F"],
  Observere: ["DDEBF7", "1F1F1F"],
};
const NO_SEGMENT: [string, string] = ["F2F2F2", "1F1F1F"];

/** The area the columns take (inches), below the heading and above the key and the footer. */
const AREA = { x: 0.5, y: 1.3, w: 12.333, h: 5.15 };
const HEAD_H = 0.62;
const GAP = 0.14;
const MIN_BOX = 0.23;
const MAX_BOX = 0.42;

interface Column {
  title: string;
  sum: string;
  measures: PlanMeasure[];
}

/** A name cut to what fits `widthIn` at `fontPt` (measured with Calibri's widths), ended with «…». */
function fitText(text: string, widthIn: number, fontPt: number): string {
  const room = widthIn * 72;
  if (textWidthPt(text, fontPt) <= room) return text;
  const chars = [...text];
  let lo = 0;
  let hi = chars.length;
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (textWidthPt(`${chars.slice(0, mid).join("").trimEnd()}…`, fontPt) <= room) lo = mid;
    else hi = mid - 1;
  }
  return `${chars.slice(0, lo).join("").trimEnd()}…`;
}

/** Draws the roadmap of an answered plan on `slide`; `segmentLabel` names a segment in the deck's language. */
export function drawRoadmap(slide: PptxGenJS.Slide, plan: Extract<PlanResult, { status: "ok" }>, lang: Lang, segmentLabel: (s: string) => string): void {
  const columns: Column[] = plan.steps.map((s, k) => ({
    title: s.name,
    sum: pt(lang, "slideStepSum", { count: s.count, cost: mnokText(lang, s.cost), budget: mnokText(lang, s.budget), score: formatNumber(lang, s.score, 1) }),
    measures: byScore(plan.measures.filter((m) => m.step === k)),
  }));
  const later = byScore(plan.measures.filter((m) => m.step === null));
  if (later.length) columns.push({ title: pt(lang, "slideLater"), sum: pt(lang, "slideLaterSum", { count: later.length }), measures: later });
  const colW = (AREA.w - GAP * (columns.length - 1)) / columns.length;
  const boxesH = AREA.h - HEAD_H;
  columns.forEach((col, c) => {
    const x = AREA.x + c * (colW + GAP);
    slide.addText(
      [
        { text: col.title, options: { bold: true, fontSize: 14, color: NAVY, breakLine: true } },
        { text: col.sum, options: { fontSize: 10, color: GREY } },
      ],
      { x, y: AREA.y, w: colW, h: HEAD_H - 0.06, fontFace: FONT, valign: "top", margin: 0 },
    );
    const n = col.measures.length;
    if (n === 0) {
      slide.addText(pt(lang, "empty"), { x, y: AREA.y + HEAD_H, w: colW, h: MIN_BOX, fontFace: FONT, fontSize: 10, color: GREY, margin: 0 });
      return;
    }
    // The fewest sub-columns (at most three) whose boxes are at least MIN_BOX tall.
    let sub = 1;
    while (sub < 3 && boxesH / Math.ceil(n / sub) < MIN_BOX) sub++;
    const rows = Math.min(Math.ceil(n / sub), Math.floor(boxesH / MIN_BOX));
    const shown = Math.min(n, rows * sub);
    // Room for one box saying how many more, when not all fit.
    const boxes = shown < n ? rows * sub - 1 : shown;
    const h = Math.min(MAX_BOX, boxesH / rows);
    const fontPt = Math.max(9, Math.min(12, Math.floor(h * 72 * 0.5)));
    const subW = (colW - (sub - 1) * 0.06) / sub;
    for (let i = 0; i < boxes; i++) {
      const m = col.measures[i];
      const [fill, ink] = m.segment ? (SEGMENT_FILL[m.segment] ?? NO_SEGMENT) : NO_SEGMENT;
      const bx = x + Math.floor(i / rows) * (subW + 0.06);
      const by = AREA.y + HEAD_H + (i % rows) * h;
      const label = fitText(`${m.id} ${m.name}`, subW - 0.1, fontPt);
      slide.addText(label, { x: bx, y: by + 0.02, w: subW, h: h - 0.04, fontFace: FONT, fontSize: fontPt, color: ink, fill: { color: fill }, margin: [0, 0.05, 0, 0.05], valign: "middle", fit: "none" });
    }
    if (boxes < n) {
      const i = boxes;
      slide.addText(pt(lang, "slideMore", { count: n - boxes }), {
        x: x + Math.floor(i / rows) * (subW + 0.06),
        y: AREA.y + HEAD_H + (i % rows) * h + 0.02,
        w: subW,
        h: h - 0.04,
        fontFace: FONT,
        fontSize: fontPt,
        color: GREY,
        italic: true,
        margin: [0, 0.05, 0, 0.05],
        valign: "middle",
      });
    }
  });
  // The key: the segments the plan has, in governance order, and «Uten segment» when a measure has none.
  const used = Object.keys(SEGMENT_FILL).filter((s) => plan.measures.some((m) => m.segment === s));
  const keys: [string, [string, string]][] = used.map((s) => [segmentLabel(s), SEGMENT_FILL[s]]);
  if (plan.measures.some((m) => !m.segment || !(m.segment in SEGMENT_FILL))) keys.push([pt(lang, "slideNoSegment"), NO_SEGMENT]);
  let kx = AREA.x;
  for (const [label, [fill, ink]] of keys) {
    const w = textWidthPt(label, 10) / 72 + 0.3;
    slide.addText(label, { x: kx, y: AREA.y + AREA.h + 0.1, w, h: 0.28, fontFace: FONT, fontSize: 10, color: ink, fill: { color: fill }, align: "center", valign: "middle", margin: 0 });
    kx += w + 0.12;
  }
}
