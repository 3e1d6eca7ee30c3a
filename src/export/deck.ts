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
import { groupContributions } from "../core/contributions";
import { SEVERITY_ORDER } from "../core/findings";
import { isGroup, totalMax, type CriterionNode, type Model } from "../core/model";
import { formatShort, type Lang } from "../i18n";
import { formatList } from "../i18n/format";
import { ex } from "../i18n/export";
import { drawCount, drawSettings } from "../i18n/stability";
import { exportFileName, isoDate } from "./file-name";
import { astralStandIns, deckSafe, sanitizePptx } from "./sanitize";
import type { SelectionSplit } from "./selection-split";
import { DEFAULT_UNCERTAINTY, simulate, uncertaintyInput, type UncertaintyResult } from "../core/uncertainty";
import { acceptabilityTable } from "./acceptability";
import { qualitySummary } from "./quality";
import { CHART_NAME_MAX, chartName } from "./short-name";
import { LINE_HEIGHT, fitWithMore, paginate, rowHeightIn, textWidthPt, widestWordPt, wrapLines, type CellBox, type PageItem, type RowMetrics } from "./paginate";
import {
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
  /** Today (YYYY-MM-DD), for the title slide's «Utskrevet»; the clock's date when absent. */
  today?: string;
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
export const BODY_PT = 12;
export const METRICS: RowMetrics = { fontPt: BODY_PT, padXIn: 0.16, padYIn: 0.08 };
const CELL_MARGIN: [number, number, number, number] = [0.04, 0.08, 0.04, 0.08];
const MASTER = "PRIO_MASTER";
/** The language every run of the deck carries. */
const LANGUAGE_TAG: Record<Lang, string> = { nb: "nb-NO", en: "en-US" };
const TITLE_MASTER = "PRIO_TITLE";
/** The title placeholder's name in both layouts. */
const TITLE = "title";
/** Each slide's heading (the title placeholder of MASTER). */
const HEADING = { x: LEFT, y: 0.32, w: CONTENT_W, h: 0.6, fontFace: FONT, fontSize: 26, bold: true, color: NAVY, align: "left", valign: "middle", margin: 0 } as const;
/** The deck's title on the title slide (the title placeholder of TITLE_MASTER). */
const TITLE_HEADING = { x: 0.9, y: 2.1, w: 11.5, h: 1.3, fontFace: FONT, fontSize: 40, bold: true, color: NAVY, align: "left", valign: "bottom", margin: 0 } as const;

/** The bytes of a .pptx for the assessment. */
export async function buildDeck(input: ExportInput, options: DeckOptions): Promise<Uint8Array> {
  // Every text as the deck may hold it (control characters shown, not raw), before anything is measured or laid out.
  // Characters written as surrogate pairs go through pptxgenjs as stand-ins (see sanitize.ts astralStandIns).
  const { value, restore } = astralStandIns(deckSafe([input, options] as const));
  const pptx = deck(value[0], value[1]);
  const out = (await pptx.write({ outputType: "uint8array", compression: true })) as Uint8Array;
  return sanitizePptx(out, LANGUAGE_TAG[options.lang], restore);
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
  // Two layouts on one master: the title slide's and every other slide's, each with its title placeholder (so the
  // slide's title is its title for a screen reader and in the outline; PowerPoint's accessibility checker asks for it).
  // No background (the theme's white) and no shape without text: PowerPoint repairs both as pptxgenjs writes them.
  const frame = (): NonNullable<PptxGenJS.SlideMasterProps["objects"]> => [
    { text: { text: "", options: { x: 0, y: 0, w: W, h: 0.12, fill: { color: NAVY }, margin: 0 } } },
    { text: { text: "", options: { x: LEFT, y: 7.0, w: CONTENT_W, h: 0.012, fill: { color: RULE }, margin: 0 } } },
    {
      text: {
        text: ex(lang, "deck.footer", { title, date: displayDate(o.date, lang) }),
        options: { x: LEFT, y: 7.03, w: 9, h: 0.35, fontFace: FONT, fontSize: 10, color: GREY, valign: "middle" },
      },
    },
  ];
  const slideNumber = { x: W - LEFT - 0.8, y: 7.03, w: 0.8, h: 0.35, fontFace: FONT, fontSize: 10, color: GREY, align: "right" } as const;
  pptx.defineSlideMaster({
    title: MASTER,
    objects: [...frame(), { placeholder: { options: { name: TITLE, type: "title", ...HEADING }, text: "" } }],
    slideNumber,
  });
  pptx.defineSlideMaster({
    title: TITLE_MASTER,
    objects: [...frame(), { placeholder: { options: { name: TITLE, type: "title", ...TITLE_HEADING }, text: "" } }],
    slideNumber,
  });
  const notes = modelNotes(input.assessment.model, lang, table.top, table.split);

  titleSlide(pptx, table, title, o, notes);
  if (which.ranked) rankedSlides(pptx, table, ex(lang, "deck.ranked"), table.ranked, notes, false);
  if (which.unranked && table.unranked.length > 0) unrankedSlides(pptx, table, input.assessment.model, notes);
  if (which.chart && table.ranked.length > 0) chartSlides(pptx, table, input.assessment.model, notes);
  if (table.hasChecklist && which.segments) segmentSlide(pptx, input, table, notes);
  if (table.hasChecklist && which.segmentLists) {
    for (const key of ["Samstyre", "Koordinere", "Observere", "Inspirere"] as SegmentKey[]) {
      const rows = table.ranked.filter((r) => r.segment === key);
      if (rows.length) rankedSlides(pptx, table, ex(lang, "deck.segmentList", { segment: segmentName(lang, key) }), rows, notes, true);
    }
  }
  if (which.quality) qualitySlide(pptx, input, table, notes);
  if (which.acceptability && table.ranked.length > 1) acceptabilitySlides(pptx, input, table, notes, o.acceptability);
  return pptx;
}

function displayDate(iso: string, lang: Lang): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) return iso;
  return lang === "nb" ? `${m[3]}.${m[2]}.${m[1]}` : iso;
}

/**
 * The title slide's line under the title when no meeting is typed: the date the deck is about, or,
 * when that is today (the date the export defaults to), «Utskrevet 27.11.2026», so it is not taken
 * for the meeting's date.
 */
export function dateLine(o: Pick<DeckOptions, "date" | "lang" | "today">): string {
  const today = o.today ?? isoDate(new Date());
  return o.date === today ? ex(o.lang, "deck.printed", { date: displayDate(o.date, o.lang) }) : displayDate(o.date, o.lang);
}

function newSlide(pptx: PptxGenJS, heading: string, notes: string, sub?: string): PptxGenJS.Slide {
  const slide = pptx.addSlide({ masterName: MASTER });
  slide.addText(heading, { placeholder: TITLE, ...HEADING });
  if (sub) slide.addText(sub, { x: LEFT, y: 0.88, w: CONTENT_W, h: 0.34, fontFace: FONT, fontSize: 14, color: GREY, valign: "middle", margin: 0 });
  slide.addNotes(notes);
  return slide;
}

function titleSlide(pptx: PptxGenJS, t: ExportTable, title: string, o: DeckOptions, notes: string): void {
  const lang = o.lang;
  const slide = pptx.addSlide({ masterName: TITLE_MASTER });
  // The bar beside the title is decoration (sanitize.ts marks every shape without text so).
  slide.addText("", { x: 0, y: 2.2, w: 0.28, h: 2.4, fill: { color: BLUE }, margin: 0 });
  slide.addText(title, { placeholder: TITLE, ...TITLE_HEADING });
  const meeting = o.meeting?.trim() || dateLine(o);
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

/** Room beside the text in a fitted column, so a renderer's rounding never wraps it. */
const FIT_SLACK = 0.06;

/**
 * A column as wide as its widest value, and its header's widest word (bold): the header may wrap
 * onto more lines, but only between words («Nr. i / segment»), never inside one.
 */
function fittedWidth(header: string, values: string[], bold = false): number {
  const text = Math.max(widestWordPt(header, BODY_PT, true), ...values.map((v) => textWidthPt(v, BODY_PT, bold)));
  return text / 72 + METRICS.padXIn + FIT_SLACK;
}

/**
 * The ranked list's columns. The numbers are as narrow as their header's longest word (the
 * header «Prioriteringsnummer» stays one word on one line); each group column holds its whole
 * header on one line up to 1.6 in, and wraps it between words beyond that. The name gets the rest.
 */
export function rankedColumns(t: ExportTable, bySegment: boolean, rows: ExportRow[] = t.ranked): Column[] {
  const lang = t.lang;
  const groupW = t.groupLabels.length
    ? Math.max(
        ...t.groupLabels.map((g) => fittedWidth(g, rows.flatMap((r) => r.groups))),
        Math.min(1.6, Math.max(0.9, ...t.groupLabels.map((g) => textWidthPt(g, BODY_PT, true) / 72 + METRICS.padXIn + FIT_SLACK))),
      )
    : 0;
  const cols: Column[] = [];
  if (bySegment) {
    const header = ex(lang, "deck.col.segmentRank");
    cols.push({ header, widthIn: fittedWidth(header, rows.map(segmentRankText)), align: "center" });
  }
  const rankHeader = ex(lang, "deck.col.rank");
  cols.push({ header: rankHeader, widthIn: fittedWidth(rankHeader, rows.map((r) => r.rank)), align: "center" });
  const scoreHeader = ex(lang, "deck.col.score");
  const scoreW = Math.max(0.6, fittedWidth(scoreHeader, rows.map((r) => r.score), true));
  const rest = CONTENT_W - cols.reduce((s, c) => s + c.widthIn, 0) - scoreW - groupW * t.groupLabels.length;
  cols.push({ header: ex(lang, "deck.col.name"), widthIn: rest, align: "left" });
  cols.push({ header: scoreHeader, widthIn: scoreW, align: "right" });
  for (const g of t.groupLabels) cols.push({ header: g, widthIn: groupW, align: "right" });
  return cols;
}

const segmentRankText = (r: ExportRow): string => (r.segmentRank ? `${r.segmentRank.rank}${r.segmentRank.tied ? "=" : ""}` : "–");

function rankedSlides(pptx: PptxGenJS, t: ExportTable, heading: string, rows: ExportRow[], notes: string, bySegment: boolean): void {
  const lang = t.lang;
  const columns = rankedColumns(t, bySegment, rows);
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
      ...(bySegment ? [segmentRankText(r)] : []),
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

/** Why a measure has no total, for the committee: the groups without a score (the analyst's «Fyll inn …» is for the pane). */
export function noTotalReason(r: ExportRow, model: Model, lang: Lang): string {
  const f = r.measure.findings.find((x) => x.code === "no-total");
  const ids = f && Array.isArray(f.params.groups) ? (f.params.groups as string[]) : [];
  if (ids.length === 0) return r.reason;
  const labels = ids.map((id) => model.criteria.find((g) => g.id === id)?.label[lang] ?? id);
  return ex(lang, labels.length === 1 ? "deck.noTotal.one" : "deck.noTotal.many", { groups: formatList(lang, labels) });
}

function unrankedSlides(pptx: PptxGenJS, t: ExportTable, model: Model, notes: string): void {
  const lang = t.lang;
  const columns: Column[] = [
    { header: ex(lang, "deck.col.name"), widthIn: 4.6, align: "left" },
    { header: ex(lang, "deck.col.reason"), widthIn: CONTENT_W - 4.6, align: "left" },
  ];
  const rows: TableRow[] = t.unranked.map((r) => {
    const reason = noTotalReason(r, model, lang);
    return {
      cells: [bodyCell(r.name, columns[0]), bodyCell(reason, columns[1])],
      boxes: [
        { text: r.name, widthIn: columns[0].widthIn },
        { text: reason, widthIn: columns[1].widthIn },
      ],
    };
  });
  tableSlides(pptx, ex(lang, "deck.unranked"), columns, rows, notes, ex(lang, "deck.unrankedLead"), lang);
}

// ── Charts ───────────────────────────────────────────────────────────────────────────────────

/** How much each top-level group adds to the total (core/contributions.ts, shared with the Rangering chart). */
export function contributions(model: Model, values: Record<string, number | null>): number[] {
  return groupContributions(model, values);
}

export { CHART_NAME_MAX, chartName };

/** The chart's geometry (inches): the legend on top, the category labels in a band at the left, the value axis below. */
const CHART = { legendIn: 0.45, axisIn: 0.4, labelGapIn: 0.15, labelMaxFraction: 0.45, minBarIn: 0.3 } as const;

export interface ChartPage {
  rows: ExportRow[];
  labels: string[];
  /** The width of the label band (inches) and the lines each label takes there. */
  labelIn: number;
  lines: number[];
}

/**
 * The bars per chart slide, so that every bar is labelled: each label is drawn (frequency 1) in a
 * band wide enough for the longest label up to 45 % of the chart, and a slide takes only as many
 * bars as have room for their label's lines (a label that wraps to two lines needs two lines of
 * height per bar, so fewer bars fit).
 */
export function chartPages(rows: ExportRow[]): ChartPage[] {
  // The row's name (unique in the list) when it fits; a longer one shortened (short-name.ts).
  const labels = rows.map((r) => `${r.rank}  ${[...r.name].length <= CHART_NAME_MAX ? r.name : chartName(r.measure)}`);
  const widest = Math.max(0, ...labels.map((l) => textWidthPt(l, BODY_PT))) / 72;
  const labelIn = Math.min(CONTENT_W * CHART.labelMaxFraction, widest + 0.1);
  const lines = labels.map((l) => wrapLines(l, labelIn * 72, BODY_PT).length);
  const plotIn = TABLE_BOTTOM - TABLE_TOP - CHART.legendIn - CHART.axisIn;
  const barIn = (n: number) => Math.max(CHART.minBarIn, (n * BODY_PT * LINE_HEIGHT) / 72 + 0.06);
  const pages: ChartPage[] = [];
  let start = 0;
  while (start < rows.length) {
    // All bars of a chart get the same band: the page ends before the tallest label would not fit.
    let end = start + 1;
    let tallest = lines[start];
    while (end < rows.length && (end + 1 - start) * barIn(Math.max(tallest, lines[end])) <= plotIn + 1e-9) tallest = Math.max(tallest, lines[end++]);
    pages.push({ rows: rows.slice(start, end), labels: labels.slice(start, end), labelIn, lines: lines.slice(start, end) });
    start = end;
  }
  return pages;
}

function chartSlides(pptx: PptxGenJS, t: ExportTable, model: Model, notes: string): void {
  const lang = t.lang;
  const pages = chartPages(t.ranked);
  const max = totalMax(model);
  pages.forEach((page, p) => {
    const heading = p === 0 ? ex(lang, "deck.chart") : `${ex(lang, "deck.chart")} ${ex(lang, "deck.continued")}`;
    const slide = newSlide(pptx, heading, notes, ex(lang, "deck.chartLead"));
    const contrib = page.rows.map((r) => contributions(model, r.measure.values));
    const data = model.criteria.map((g, gi) => ({
      name: g.label[lang],
      labels: page.labels,
      values: contrib.map((c) => round3(c[gi])),
    }));
    const tallest = Math.max(...page.lines);
    const bar = Math.max(CHART.minBarIn, (tallest * BODY_PT * LINE_HEIGHT) / 72 + 0.06);
    const plot = page.rows.length * bar;
    const height = CHART.legendIn + plot + CHART.axisIn;
    const first = page.rows[0];
    const last = page.rows[page.rows.length - 1];
    slide.addChart(pptx.ChartType.bar, data, {
      altText: ex(lang, "deck.chartAlt", {
        max: formatShort(lang, niceMax(max)),
        from: first.rank,
        to: last.rank,
        groups: formatList(lang, model.criteria.map((g) => g.label[lang])),
        first: first.name,
        firstScore: first.score,
        last: last.name,
        lastScore: last.score,
      }),
      x: LEFT,
      y: TABLE_TOP,
      w: CONTENT_W,
      h: height,
      barDir: "bar",
      barGrouping: "stacked",
      barGapWidthPct: 45,
      // Rank 1 at the top. pptxgenjs writes the value as given; its type only lists "minMax".
      catAxisOrientation: "maxMin" as "minMax",
      // Every bar's label, never every other one (c:tickLblSkip 1).
      catAxisLabelFrequency: "1",
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
      altText: ex(lang, "deck.segmentsAlt", { counts: formatList(lang, counts.map((c, i) => `${labels[i]} ${c.count}`)) }),
      x: LEFT,
      y: TABLE_TOP,
      w: 7.6,
      h: 5.3,
      barDir: "col",
      barGapWidthPct: 60,
      chartColors: [BLUE],
      catAxisLabelFrequency: "1",
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

/** The findings table beside the counts: its left edge and width (inches). */
const QUALITY_X = LEFT + 3.0;
const QUALITY_W = CONTENT_W - 3.0;

/**
 * One slide: the findings counted by severity, then the measures with a finding that changes a
 * rank or a total, each with its cells and what it changes; as many as fit, the rest counted in a
 * last line «+N flere under Funn i arbeidsboken».
 */
function qualitySlide(pptx: PptxGenJS, input: ExportInput, t: ExportTable, notes: string): void {
  const lang = t.lang;
  const q = qualitySummary(input.assessment, lang);
  const slide = newSlide(pptx, ex(lang, "deck.quality"), notes);
  const sevColumns: Column[] = [
    { header: ex(lang, "deck.col.severity"), widthIn: 1.7, align: "left" },
    { header: ex(lang, "deck.col.count"), widthIn: 0.9, align: "right" },
  ];
  const sevRowH = rowHeightIn([{ text: "X", widthIn: 2 }], METRICS);
  slide.addTable(
    [sevColumns.map(headerCell), ...SEVERITY_ORDER.map((s) => [bodyCell(ex(lang, `deck.severity.${s}`), sevColumns[0]), bodyCell(String(q.counts[s]), sevColumns[1])])],
    { x: LEFT, y: TABLE_TOP, w: 2.6, colW: sevColumns.map((c) => c.widthIn), rowH: [sevRowH, sevRowH, sevRowH, sevRowH], border: { type: "solid", pt: 0.75, color: RULE }, fontFace: FONT, fontSize: BODY_PT },
  );
  const leadH = 0.4;
  slide.addText(ex(lang, q.rows.length ? "deck.qualityLead" : "deck.qualityNone", { count: q.total }), {
    x: QUALITY_X,
    y: TABLE_TOP - 0.06,
    w: QUALITY_W,
    h: leadH,
    fontFace: FONT,
    fontSize: 14,
    color: GREY,
    valign: "top",
    margin: 0,
  });
  if (q.rows.length === 0) return;
  const nameW = 2.8;
  const cellsW = 2.3;
  const columns: Column[] = [
    { header: ex(lang, "deck.col.name"), widthIn: nameW, align: "left" },
    { header: ex(lang, "deck.col.cells"), widthIn: cellsW, align: "left" },
    { header: ex(lang, "deck.col.effect"), widthIn: QUALITY_W - nameW - cellsW, align: "left" },
  ];
  const top = TABLE_TOP + leadH;
  const headerH = rowHeightIn(columns.map((c) => ({ text: c.header, widthIn: c.widthIn, bold: true })), METRICS);
  const heightOf = (texts: string[]) => rowHeightIn(texts.map((x, i) => ({ text: x, widthIn: columns[i].widthIn })), METRICS);
  const rows = q.rows.map((r) => ({ texts: [r.name, r.cells, r.effects], count: r.count, h: heightOf([r.name, r.cells, r.effects]) }));
  // As many rows as fit above the footer; when some do not, the last line says how many findings are left out.
  const room = TABLE_BOTTOM - top - headerH;
  const more = (n: number) => ex(lang, "deck.qualityMore", { count: n });
  const moreH = rowHeightIn([{ text: more(999), widthIn: QUALITY_W }], METRICS);
  const shown = fitWithMore(rows.map((r) => r.h), room, moreH);
  const left = rows.slice(shown).reduce((s, r) => s + r.count, 0);
  const body: Cell[][] = rows.slice(0, shown).map((r) => r.texts.map((x, i) => bodyCell(x, columns[i])));
  const heights = rows.slice(0, shown).map((r) => r.h);
  if (left > 0) {
    body.push([{ text: more(left), options: { colspan: columns.length, italic: true, color: GREY, fontFace: FONT, fontSize: BODY_PT, margin: CELL_MARGIN } }]);
    heights.push(moreH);
  }
  slide.addTable([columns.map(headerCell), ...body], {
    x: QUALITY_X,
    y: top,
    w: QUALITY_W,
    colW: columns.map((c) => c.widthIn),
    rowH: [headerH, ...heights],
    border: { type: "solid", pt: 0.75, color: RULE },
    fontFace: FONT,
    fontSize: BODY_PT,
  });
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

/** The model's tolerance in words: «en milliarddel» for 1e-9 (a power of ten with a name), else the number in the locale. */
export function toleranceWords(tolerance: number, lang: Lang): string {
  const k = -Math.log10(tolerance);
  const named = { 3: "notes.part.3", 6: "notes.part.6", 9: "notes.part.9", 12: "notes.part.12" } as const;
  const rounded = Math.round(k);
  if (Math.abs(k - rounded) < 1e-9 && rounded in named) return ex(lang, named[rounded as keyof typeof named]);
  return formatShort(lang, tolerance, 15);
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
      : ex(lang, "notes.noTieBreak", { tolerance: toleranceWords(model.tolerance, lang) }),
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
