/**
 * The secretariat's deck: the ranked list for NUIT and Nasjonalt e-helseråd as native PowerPoint
 * tables and charts (editable afterwards, no pictures of tables), written with pptxgenjs. Pure: an
 * assessment and options in, the .pptx file's bytes out; the task pane and the CLI share it.
 *
 * Slides: title · Rangert liste (paginated by computed row heights, «(forts.)» and the header
 * repeated; minimum and plus list marked when a cut is set) · measures without a total with the
 * reason · the score as stacked group contributions in rank order · measures per segment (with a
 * checklist), optionally the ranked list per segment · data quality. Model and weights go in the
 * speaker notes.
 */
import PptxGenJS from "pptxgenjs";
import { allFindings } from "../core/assess";
import { groupContributions } from "../core/contributions";
import { SEVERITY_ORDER, type Finding } from "../core/findings";
import { isGroup, totalMax, type CriterionNode, type Model } from "../core/model";
import { findingMessage, formatShort, type Lang } from "../i18n";
import { ex } from "../i18n/export";
import { drawCount, drawSettings } from "../i18n/stability";
import { exportFileName, isoDate } from "./file-name";
import { sanitizePptx } from "./sanitize";
import type { SelectionSplit } from "./selection-split";
import { DEFAULT_UNCERTAINTY, simulate, uncertaintyInput, type UncertaintyResult } from "../core/uncertainty";
import { acceptabilityTable } from "./acceptability";
import { paginate, rowHeightIn, textWidthPt, type CellBox, type PageItem, type RowMetrics } from "./paginate";
import {
  RANK_OR_TOTAL_CODES,
  exportTable,
  filterText,
  segmentCounts,
  segmentName,
  type ExportInput,
  type ExportRow,
  type ExportSelection,
  type ExportTable,
  type SegmentKey,
} from "./rows";

export type SlideKind = "ranked" | "unranked" | "chart" | "segments" | "segmentLists" | "quality" | "acceptability";

export const DEFAULT_SLIDES: Record<SlideKind, boolean> = {
  ranked: true,
  unranked: true,
  chart: true,
  segments: true,
  segmentLists: false,
  quality: true,
  acceptability: false,
};

export interface DeckOptions extends ExportSelection {
  lang: Lang;
  /** The deck's title; the default is «Prioritering av tiltak». */
  title?: string;
  /** The meeting and its date as typed, e.g. «Nasjonalt e-helseråd 21.09.2022». */
  meeting?: string;
  /** The date the deck is about (YYYY-MM-DD), for the footer and the file name. */
  date: string;
  slides?: Partial<Record<SlideKind, boolean>>;
  /** The rank acceptability slide's Monte Carlo result (the pane's, when it has one); else drawn with the defaults. */
  acceptability?: UncertaintyResult;
}

// ── Look ─────────────────────────────────────────────────────────────────────────────────────
const FONT = "Calibri";
const NAVY = "1F3864";
const BLUE = "2E75B6";
const LIGHT = "EAF1F8";
const RULE = "9DB3C8";
const GREY = "595959";
const MINIMUM_FILL = "DDEBF7";
const PLUS_FILL = "F2F2F2";
const GROUP_COLOURS = ["1F4E79", "2E75B6", "9DC3E6", "5B9BD5", "BDD7EE", "8FAADC"];

const W = 13.333;
const LEFT = 0.5;
const CONTENT_W = W - 2 * LEFT;
const TABLE_TOP = 1.3;
/** The table may reach this far down; the footer sits below. */
const TABLE_BOTTOM = 6.85;
const BODY_PT = 12;
const METRICS: RowMetrics = { fontPt: BODY_PT, padXIn: 0.16, padYIn: 0.08 };
const CELL_MARGIN: [number, number, number, number] = [0.04, 0.08, 0.04, 0.08];
const MASTER = "PRIO_MASTER";

/** The bytes of a .pptx for the assessment. */
export async function buildDeck(input: ExportInput, options: DeckOptions): Promise<Uint8Array> {
  const pptx = deck(input, options);
  const out = (await pptx.write({ outputType: "uint8array", compression: true })) as Uint8Array;
  return sanitizePptx(out);
}

/** `Prioritering 2022-09-21.pptx` */
export function deckFileName(date: string, lang: Lang): string {
  return exportFileName(date, lang, "pptx");
}

export { isoDate };

function deck(input: ExportInput, o: DeckOptions): PptxGenJS {
  const lang = o.lang;
  const which = { ...DEFAULT_SLIDES, ...(o.slides ?? {}) };
  const table = exportTable(input, lang, o);
  const title = o.title?.trim() || ex(lang, "deck.title");
  const pptx = new PptxGenJS();
  pptx.layout = "LAYOUT_WIDE";
  pptx.title = title;
  pptx.subject = o.meeting?.trim() || title;
  pptx.company = "Prioritering";
  pptx.author = "Prioritering";
  pptx.theme = { headFontFace: FONT, bodyFontFace: FONT };
  pptx.defineSlideMaster({
    title: MASTER,
    // No background (the theme's white) and no shape without text: PowerPoint repairs both as pptxgenjs writes them.
    objects: [
      { text: { text: "", options: { x: 0, y: 0, w: W, h: 0.12, fill: { color: NAVY }, margin: 0 } } },
      { text: { text: "", options: { x: LEFT, y: 7.0, w: CONTENT_W, h: 0.012, fill: { color: RULE }, margin: 0 } } },
      {
        text: {
          text: ex(lang, "deck.footer", { title, date: displayDate(o.date, lang) }),
          options: { x: LEFT, y: 7.03, w: 9, h: 0.35, fontFace: FONT, fontSize: 10, color: GREY, valign: "middle" },
        },
      },
    ],
    slideNumber: { x: W - LEFT - 0.8, y: 7.03, w: 0.8, h: 0.35, fontFace: FONT, fontSize: 10, color: GREY, align: "right" },
  });
  const notes = modelNotes(input.assessment.model, lang, table.top, table.split);

  titleSlide(pptx, table, title, o, notes);
  if (which.ranked) rankedSlides(pptx, table, ex(lang, "deck.ranked"), table.ranked, notes, false);
  if (which.unranked && table.unranked.length > 0) unrankedSlides(pptx, table, notes);
  if (which.chart && table.ranked.length > 0) chartSlides(pptx, table, input.assessment.model, notes);
  if (table.hasChecklist && which.segments) segmentSlide(pptx, input, table, notes);
  if (table.hasChecklist && which.segmentLists) {
    for (const key of ["Samstyre", "Koordinere", "Observere", "Inspirere"] as SegmentKey[]) {
      const rows = table.ranked.filter((r) => r.segment === key);
      if (rows.length) rankedSlides(pptx, table, ex(lang, "deck.segmentList", { segment: segmentName(lang, key) }), rows, notes, true);
    }
  }
  if (which.quality) qualitySlides(pptx, input, table, notes);
  if (which.acceptability && table.ranked.length > 1) acceptabilitySlides(pptx, input, table, notes, o.acceptability);
  return pptx;
}

function displayDate(iso: string, lang: Lang): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) return iso;
  return lang === "nb" ? `${m[3]}.${m[2]}.${m[1]}` : iso;
}

function newSlide(pptx: PptxGenJS, heading: string, notes: string, sub?: string): PptxGenJS.Slide {
  const slide = pptx.addSlide({ masterName: MASTER });
  slide.addText(heading, { x: LEFT, y: 0.32, w: CONTENT_W, h: 0.6, fontFace: FONT, fontSize: 26, bold: true, color: NAVY, valign: "middle", margin: 0 });
  if (sub) slide.addText(sub, { x: LEFT, y: 0.88, w: CONTENT_W, h: 0.34, fontFace: FONT, fontSize: 14, color: GREY, valign: "middle", margin: 0 });
  slide.addNotes(notes);
  return slide;
}

function titleSlide(pptx: PptxGenJS, t: ExportTable, title: string, o: DeckOptions, notes: string): void {
  const lang = o.lang;
  const slide = pptx.addSlide({ masterName: MASTER });
  slide.addText("", { x: 0, y: 2.2, w: 0.28, h: 2.4, fill: { color: BLUE }, margin: 0 });
  slide.addText(title, { x: 0.9, y: 2.1, w: 11.5, h: 1.3, fontFace: FONT, fontSize: 40, bold: true, color: NAVY, valign: "bottom", margin: 0 });
  const meeting = o.meeting?.trim() || displayDate(o.date, lang);
  slide.addText(meeting, { x: 0.9, y: 3.5, w: 11.5, h: 0.6, fontFace: FONT, fontSize: 24, color: GREY, valign: "top", margin: 0 });
  // Counts of what the deck shows (the selection when one is set, said on the next line).
  const lines = [ex(lang, "deck.summary", { ranked: t.ranked.length, count: t.ranked.length + t.unranked.length })];
  const filter = filterText(t);
  if (filter) lines.push(ex(lang, "deck.filter", { filter }));
  slide.addText(lines.join("\n"), { x: 0.9, y: 4.2, w: 11.5, h: 0.8, fontFace: FONT, fontSize: 16, color: GREY, valign: "top", margin: 0 });
  slide.addNotes(notes);
}

// ── Tables ───────────────────────────────────────────────────────────────────────────────────

interface Column {
  header: string;
  widthIn: number;
  align: "left" | "right" | "center";
}

type Cell = PptxGenJS.TableCell;

const headerCell = (c: Column): Cell => ({
  text: c.header,
  options: { bold: true, color: "FFFFFF", fill: { color: NAVY }, align: c.align, valign: "bottom", fontFace: FONT, fontSize: BODY_PT, margin: CELL_MARGIN },
});

const bodyCell = (text: string, c: Column, extra: PptxGenJS.TableCellProps = {}): Cell => ({
  text,
  options: { align: c.align, valign: "top", fontFace: FONT, fontSize: BODY_PT, color: "1A1A1A", margin: CELL_MARGIN, ...extra },
});

interface TableRow {
  cells: Cell[];
  boxes: CellBox[];
  keepWithNext?: boolean;
}

/** Adds the rows over as many slides as they need, the header on each, «(forts.)» on every slide after the first. */
function tableSlides(
  pptx: PptxGenJS,
  heading: string,
  columns: Column[],
  rows: TableRow[],
  notes: string,
  sub: string | undefined,
  lang: Lang,
  firstTop = TABLE_TOP,
  onFirst?: (slide: PptxGenJS.Slide) => void,
): void {
  const headerH = rowHeightIn(columns.map((c) => ({ text: c.header, widthIn: c.widthIn, bold: true })), METRICS);
  const heights = rows.map((r) => rowHeightIn(r.boxes, METRICS));
  const items: PageItem[] = rows.map((r, i) => ({ heightIn: heights[i], keepWithNext: r.keepWithNext }));
  const pages = paginate(items, headerH, TABLE_BOTTOM - firstTop, TABLE_BOTTOM - TABLE_TOP);
  pages.forEach((page, p) => {
    const slide = newSlide(pptx, p === 0 ? heading : `${heading} ${ex(lang, "deck.continued")}`, notes, sub);
    if (p === 0) onFirst?.(slide);
    const top = p === 0 ? firstTop : TABLE_TOP;
    const body = page.map((i) => rows[i].cells);
    slide.addTable([columns.map(headerCell), ...body], {
      x: LEFT,
      y: top,
      w: columns.reduce((s, c) => s + c.widthIn, 0),
      colW: columns.map((c) => c.widthIn),
      rowH: [headerH, ...page.map((i) => heights[i])],
      border: { type: "solid", pt: 0.75, color: RULE },
      fontFace: FONT,
      fontSize: BODY_PT,
    });
  });
}

function rankedColumns(t: ExportTable, bySegment: boolean): Column[] {
  const lang = t.lang;
  // Group columns as wide as their bold headers (a long English label wraps), so the name gets the rest.
  const groupW = t.groupLabels.length ? Math.min(1.45, Math.max(1.0, ...t.groupLabels.map((g) => textWidthPt(g, BODY_PT, true) / 72 + METRICS.padXIn + 0.05))) : 0;
  const cols: Column[] = [];
  if (bySegment) cols.push({ header: ex(lang, "deck.col.segmentRank"), widthIn: 1.5, align: "center" });
  cols.push({ header: ex(lang, "deck.col.rank"), widthIn: 2.0, align: "center" });
  const rest = CONTENT_W - cols.reduce((s, c) => s + c.widthIn, 0) - 1.1 - groupW * t.groupLabels.length;
  cols.push({ header: ex(lang, "deck.col.name"), widthIn: rest, align: "left" });
  cols.push({ header: ex(lang, "deck.col.score"), widthIn: 1.1, align: "right" });
  for (const g of t.groupLabels) cols.push({ header: g, widthIn: groupW, align: "right" });
  return cols;
}

function rankedSlides(pptx: PptxGenJS, t: ExportTable, heading: string, rows: ExportRow[], notes: string, bySegment: boolean): void {
  const lang = t.lang;
  const columns = rankedColumns(t, bySegment);
  const out: TableRow[] = [];
  const section = (text: string, fill: string): TableRow => ({
    cells: [{ text, options: { colspan: columns.length, bold: true, color: NAVY, fill: { color: fill }, fontFace: FONT, fontSize: BODY_PT, margin: CELL_MARGIN } }],
    boxes: [{ text, widthIn: CONTENT_W, bold: true }],
    keepWithNext: true,
  });
  const split = bySegment ? null : t.split;
  const cut = !bySegment && (t.top !== null || split !== null);
  // With a selection split the lists are not runs of the ranking: minimum, plus, out, each in rank order.
  const order = { minimum: 0, plus: 1, out: 2 } as const;
  const listed = split ? [...rows].sort((a, b) => order[a.list ?? "out"] - order[b.list ?? "out"]) : rows;
  let lastList: ExportRow["list"] = null;
  for (const r of listed) {
    if (cut && r.list !== lastList) {
      if (split) out.push(splitSection(t, split, r.list ?? "out", section));
      else if (r.list === "minimum") out.push(section(ex(lang, "deck.minimum", { count: t.top! }), MINIMUM_FILL));
      else if (r.list === "plus") out.push(section(ex(lang, "deck.plus"), PLUS_FILL));
      lastList = r.list;
    }
    const fill = cut && r.list === "minimum" ? { fill: { color: LIGHT } } : {};
    const texts = [
      ...(bySegment ? [r.segmentRank ? `${r.segmentRank.rank}${r.segmentRank.tied ? "=" : ""}` : "–"] : []),
      r.rank,
      r.name,
      r.score,
      ...r.groups,
    ];
    out.push({
      cells: texts.map((x, i) => bodyCell(x, columns[i], { ...fill, bold: columns[i].header === ex(lang, "deck.col.score") })),
      boxes: texts.map((x, i) => ({ text: x, widthIn: columns[i].widthIn, bold: columns[i].header === ex(lang, "deck.col.score") })),
    });
  }
  const sub = [filterText(t) ? ex(lang, "deck.filter", { filter: filterText(t)! }) : "", minimumNote(t, rows, bySegment), split ? splitRule(t, split) : ""]
    .filter((s) => s)
    .join(" · ");
  tableSlides(pptx, heading, columns, out, notes, sub || undefined, lang);
}

const mnok = (lang: Lang, hundredths: number) => `${formatShort(lang, hundredths / 100)} MNOK`;

/** The section heading of a list of the selection split: which frame made it. */
function splitSection(t: ExportTable, split: SelectionSplit, list: "minimum" | "plus" | "out", section: (text: string, fill: string) => TableRow): TableRow {
  const lang = t.lang;
  if (list === "minimum") {
    return split.minimum === null
      ? section(ex(lang, "deck.sel.minimumOnly", { frame: mnok(lang, split.budget) }), MINIMUM_FILL)
      : section(ex(lang, "deck.sel.minimum", { frame: mnok(lang, split.minimum) }), MINIMUM_FILL);
  }
  if (list === "plus") return section(ex(lang, "deck.sel.plus", { frame: mnok(lang, split.budget) }), PLUS_FILL);
  return section(ex(lang, "deck.sel.out"), PLUS_FILL);
}

/** The rule that made the split, for the slide's subtitle. */
function splitRule(t: ExportTable, split: SelectionSplit): string {
  const { minimum, plus } = split.totals;
  return ex(t.lang, "deck.sel.rule", { minimum: minimum.count, minimumCost: mnok(t.lang, minimum.cost), plus: plus.count, plusCost: mnok(t.lang, plus.cost) });
}

/** When ties at the cut make the minimum list longer than N, say so. */
function minimumNote(t: ExportTable, rows: ExportRow[], bySegment: boolean): string {
  if (bySegment || t.top === null) return "";
  const min = rows.filter((r) => r.list === "minimum");
  if (min.length <= t.top) return "";
  const last = min[min.length - 1];
  return ex(t.lang, "deck.minimumTies", { count: min.length, rank: last.rank.replace("=", "") });
}

function unrankedSlides(pptx: PptxGenJS, t: ExportTable, notes: string): void {
  const lang = t.lang;
  const columns: Column[] = [
    { header: ex(lang, "deck.col.name"), widthIn: 4.6, align: "left" },
    { header: ex(lang, "deck.col.reason"), widthIn: CONTENT_W - 4.6, align: "left" },
  ];
  const rows: TableRow[] = t.unranked.map((r) => ({
    cells: [bodyCell(r.name, columns[0]), bodyCell(r.reason, columns[1])],
    boxes: [
      { text: r.name, widthIn: columns[0].widthIn },
      { text: r.reason, widthIn: columns[1].widthIn },
    ],
  }));
  tableSlides(pptx, ex(lang, "deck.unranked"), columns, rows, notes, ex(lang, "deck.unrankedLead"), lang);
}

// ── Charts ───────────────────────────────────────────────────────────────────────────────────

/** How much each top-level group adds to the total (core/contributions.ts, shared with the Rangering chart). */
export function contributions(model: Model, values: Record<string, number | null>): number[] {
  return groupContributions(model, values);
}

/** Bars per chart slide: a label at 12 pt that wraps to two lines needs about 0.33 in. */
const BARS_PER_SLIDE = 15;

function chartSlides(pptx: PptxGenJS, t: ExportTable, model: Model, notes: string): void {
  const lang = t.lang;
  const rows = t.ranked;
  const pages: ExportRow[][] = [];
  for (let i = 0; i < rows.length; i += BARS_PER_SLIDE) pages.push(rows.slice(i, i + BARS_PER_SLIDE));
  const max = totalMax(model);
  pages.forEach((page, p) => {
    const heading = p === 0 ? ex(lang, "deck.chart") : `${ex(lang, "deck.chart")} ${ex(lang, "deck.continued")}`;
    const slide = newSlide(pptx, heading, notes, ex(lang, "deck.chartLead"));
    const labels = page.map((r) => `${r.rank}  ${r.name}`);
    const contrib = page.map((r) => contributions(model, r.measure.values));
    const data = model.criteria.map((g, gi) => ({
      name: g.label[lang],
      labels,
      values: contrib.map((c) => round3(c[gi])),
    }));
    const height = Math.min(TABLE_BOTTOM - TABLE_TOP, 0.6 + page.length * 0.29 + 0.5);
    slide.addChart(pptx.ChartType.bar, data, {
      x: LEFT,
      y: TABLE_TOP,
      w: CONTENT_W,
      h: height,
      barDir: "bar",
      barGrouping: "stacked",
      barGapWidthPct: 45,
      // Rank 1 at the top. pptxgenjs writes the value as given; its type only lists "minMax".
      catAxisOrientation: "maxMin" as "minMax",
      catAxisLabelFontFace: FONT,
      catAxisLabelFontSize: BODY_PT,
      catAxisLabelColor: "1A1A1A",
      valAxisLabelFontFace: FONT,
      valAxisLabelFontSize: BODY_PT,
      valAxisMinVal: 0,
      valAxisMaxVal: niceMax(max),
      valAxisLabelFormatCode: "0",
      valGridLine: { color: "D9D9D9", style: "solid", size: 0.5 },
      chartColors: model.criteria.map((_, i) => GROUP_COLOURS[i % GROUP_COLOURS.length]),
      showLegend: true,
      legendPos: "t",
      legendFontFace: FONT,
      legendFontSize: BODY_PT,
      showValue: false,
    });
  });
}

const round3 = (v: number) => Math.round(v * 1000) / 1000;

function niceMax(max: number): number {
  if (!(max > 0)) return 1;
  const step = max <= 10 ? 1 : max <= 50 ? 5 : 10 ** Math.floor(Math.log10(max));
  return Math.ceil(max / step) * step;
}

function segmentSlide(pptx: PptxGenJS, input: ExportInput, t: ExportTable, notes: string): void {
  const lang = t.lang;
  const counts = segmentCounts(input);
  const total = counts.reduce((s, c) => s + c.count, 0);
  const slide = newSlide(pptx, ex(lang, "deck.segments"), notes, ex(lang, "deck.segmentsLead", { count: total }));
  const labels = counts.map((c) => segmentName(lang, c.key));
  slide.addChart(
    pptx.ChartType.bar,
    [{ name: ex(lang, "deck.measures"), labels, values: counts.map((c) => c.count) }],
    {
      x: LEFT,
      y: TABLE_TOP,
      w: 7.6,
      h: 5.3,
      barDir: "col",
      barGapWidthPct: 60,
      chartColors: [BLUE],
      catAxisLabelFontFace: FONT,
      catAxisLabelFontSize: BODY_PT,
      valAxisLabelFontFace: FONT,
      valAxisLabelFontSize: BODY_PT,
      valAxisMinVal: 0,
      valAxisLabelFormatCode: "0",
      valGridLine: { color: "D9D9D9", style: "solid", size: 0.5 },
      showValue: true,
      dataLabelFontFace: FONT,
      dataLabelFontSize: BODY_PT,
      dataLabelFormatCode: "0",
      showLegend: false,
    },
  );
  const columns: Column[] = [
    { header: ex(lang, "deck.col.segment"), widthIn: 2.6, align: "left" },
    { header: ex(lang, "deck.measures"), widthIn: 1.4, align: "right" },
  ];
  const rows = counts.map((c) => [bodyCell(labels[counts.indexOf(c)], columns[0]), bodyCell(String(c.count), columns[1])]);
  slide.addTable([columns.map(headerCell), ...rows], {
    x: LEFT + 8.2,
    y: TABLE_TOP + 0.3,
    w: 4.0,
    colW: columns.map((c) => c.widthIn),
    border: { type: "solid", pt: 0.75, color: RULE },
    fontFace: FONT,
    fontSize: BODY_PT,
  });
}

// ── Data quality ─────────────────────────────────────────────────────────────────────────────

/** `'Kritisk info'!F9` → `Kritisk info!F9` for reading. */
function readableCell(address: string | undefined): string {
  if (!address) return "–";
  return address.replace(/^'((?:[^']|'')+)'!/, (_, sheet: string) => `${sheet.replace(/''/g, "'")}!`);
}

function qualitySlides(pptx: PptxGenJS, input: ExportInput, t: ExportTable, notes: string): void {
  const lang = t.lang;
  const model = input.assessment.model;
  const findings = allFindings(input.assessment);
  const relevant = findings
    .filter((f) => RANK_OR_TOTAL_CODES.has(f.code))
    .sort((a, b) => SEVERITY_ORDER.indexOf(a.severity) - SEVERITY_ORDER.indexOf(b.severity));
  const sevColumns: Column[] = [
    { header: ex(lang, "deck.col.severity"), widthIn: 2.2, align: "left" },
    { header: ex(lang, "deck.col.count"), widthIn: 1.2, align: "right" },
  ];
  const severityRows = SEVERITY_ORDER.map((s) => [
    bodyCell(ex(lang, `deck.severity.${s}`), sevColumns[0]),
    bodyCell(String(findings.filter((f) => f.severity === s).length), sevColumns[1]),
  ]);
  const sevRowH = rowHeightIn([{ text: "X", widthIn: 2 }], METRICS);
  const sevBlock = sevRowH * 4;
  const leadTop = TABLE_TOP + sevBlock + 0.15;
  const first = (slide: PptxGenJS.Slide) => {
    slide.addTable([sevColumns.map(headerCell), ...severityRows], {
      x: LEFT,
      y: TABLE_TOP,
      w: 3.4,
      colW: sevColumns.map((c) => c.widthIn),
      rowH: [sevRowH, sevRowH, sevRowH, sevRowH],
      border: { type: "solid", pt: 0.75, color: RULE },
      fontFace: FONT,
      fontSize: BODY_PT,
    });
    slide.addText(ex(lang, relevant.length ? "deck.qualityLead" : "deck.qualityNone", { count: findings.length }), {
      x: LEFT,
      y: leadTop,
      w: CONTENT_W,
      h: 0.4,
      fontFace: FONT,
      fontSize: 14,
      color: GREY,
      valign: "middle",
      margin: 0,
    });
  };
  const columns: Column[] = [
    { header: ex(lang, "deck.col.cell"), widthIn: 2.8, align: "left" },
    { header: ex(lang, "deck.col.finding"), widthIn: CONTENT_W - 2.8, align: "left" },
  ];
  const rows: TableRow[] = relevant.map((f: Finding) => {
    const cell = readableCell(f.cell);
    const text = findingMessage(f, lang, model);
    return {
      cells: [bodyCell(cell, columns[0]), bodyCell(text, columns[1])],
      boxes: [
        { text: cell, widthIn: columns[0].widthIn },
        { text, widthIn: columns[1].widthIn },
      ],
    };
  });
  if (rows.length === 0) {
    const slide = newSlide(pptx, ex(lang, "deck.quality"), notes);
    first(slide);
    return;
  }
  tableSlides(pptx, ex(lang, "deck.quality"), columns, rows, notes, undefined, lang, leadTop + 0.5, first);
}

// ── Speaker notes ────────────────────────────────────────────────────────────────────────────

function weightLines(model: Model, lang: Lang): string[] {
  const out: string[] = [];
  const walk = (nodes: CriterionNode[], depth: number) => {
    for (const n of nodes) {
      const inverted = !isGroup(n) && n.direction === "inverted" ? ` ${ex(lang, "notes.inverted")}` : "";
      out.push(`${"  ".repeat(depth)}- ${n.label[lang]}: ${formatShort(lang, n.weight, 3)}${inverted}`);
      if (n.children) walk(n.children, depth + 1);
    }
  };
  walk(model.criteria, 0);
  return out;
}

export function modelNotes(model: Model, lang: Lang, top: number | null, split: SelectionSplit | null = null): string {
  const formula = model.criteria.map((g) => `${formatShort(lang, g.weight, 3)} × ${g.label[lang]}`).join(" + ");
  const lines = [
    ex(lang, "notes.model", { name: model.name, min: formatShort(lang, model.scale.min), max: formatShort(lang, model.scale.max) }),
    ex(lang, model.total === "mean" ? "notes.totalMean" : "notes.totalSum", { formula, max: formatShort(lang, totalMax(model)) }),
    ex(lang, "notes.groups"),
    ...weightLines(model, lang),
    model.tieBreak.length
      ? ex(lang, "notes.tieBreak", { groups: model.tieBreak.map((id) => model.criteria.find((g) => g.id === id)?.label[lang] ?? id).join(", ") })
      : ex(lang, "notes.noTieBreak", { tolerance: String(model.tolerance) }),
  ];
  if (top !== null) lines.push(ex(lang, "notes.cut", { count: top }));
  if (split) {
    lines.push(
      split.minimum === null
        ? ex(lang, "notes.splitOnly", { budget: mnok(lang, split.budget) })
        : ex(lang, "notes.split", { minimum: mnok(lang, split.minimum), budget: mnok(lang, split.budget) }),
    );
  }
  lines.push(ex(lang, "notes.source"));
  return lines.join("\n");
}


// ── Rank acceptability ───────────────────────────────────────────────────────────────────────

/**
 * How sure the ranking is: the probability of each place for each measure (Monte Carlo, seeded, so
 * the same workbook gives the same slide), heat-mapped, every cell printed as a percentage.
 */
function acceptabilitySlides(pptx: PptxGenJS, input: ExportInput, t: ExportTable, notes: string, given?: UncertaintyResult): void {
  const lang = t.lang;
  const options = DEFAULT_UNCERTAINTY;
  const result = given ?? simulate(uncertaintyInput(input.assessment), options);
  const table = acceptabilityTable(result, input.assessment, lang);
  const placeW = Math.min(0.78, (CONTENT_W - 0.7 - 3.6) / table.places.length);
  const columns: Column[] = [
    { header: ex(lang, "deck.col.rankShort"), widthIn: 0.7, align: "center" },
    { header: ex(lang, "deck.col.name"), widthIn: CONTENT_W - 0.7 - placeW * table.places.length, align: "left" },
    ...table.places.map((p): Column => ({ header: p, widthIn: placeW, align: "center" })),
  ];
  const rows: TableRow[] = table.rows.map((r) => {
    const texts = [r.rank, r.name, ...r.cells.map((c) => c.text)];
    return {
      cells: [
        bodyCell(r.rank, columns[0]),
        bodyCell(r.name, columns[1]),
        ...r.cells.map((c, k) => bodyCell(c.text, columns[k + 2], { color: c.ink, ...(c.fill ? { fill: { color: c.fill } } : {}) })),
      ],
      boxes: texts.map((x, i) => ({ text: x, widthIn: columns[i].widthIn })),
    };
  });
  // The settings the result was drawn with (the pane's choice, or the defaults), the draws grouped as the locale groups them.
  const sub = ex(lang, "deck.acceptabilityLead", { draws: drawCount(lang, table.draws), ...drawSettings(lang, result.weights, result.scores) });
  tableSlides(pptx, ex(lang, "deck.acceptability"), columns, rows, notes, sub, lang);
}
