/**
 * The secretariat's deck: the ranked list for NUIT and Nasjonalt e-helseråd as native PowerPoint
 * tables and charts (editable afterwards, no pictures of tables), written with pptxgenjs. Pure: an
 * assessment and options in, the .pptx file's bytes out; the task pane and the CLI share it.
 *
 * Each slide is one file in src/export/deck/ that adds its slides (a {@link DeckSlide}), listed in
 * {@link SLIDES} in deck order; the option that turns it on is its kind (slide-kinds.ts). Model and
 * weights go in the speaker notes of every slide.
 */
import PptxGenJS from "pptxgenjs";
import type { Lang } from "../i18n";
import { ex } from "../i18n/export";
import { exportFileName, isoDate } from "./file-name";
import { exportTable, type ExportInput } from "./rows";
import { astralStandIns, deckSafe, sanitizePptx } from "./sanitize";
import { DEFAULT_SLIDES } from "./slide-kinds";
import type { DeckOptions, DeckSlide, SlideContext } from "./deck/context";
import { FONT, GREY, HEADING, LANGUAGE_TAG, LEFT, CONTENT_W, MASTER, NAVY, RULE, TITLE, TITLE_HEADING, TITLE_MASTER, W } from "./deck/look";
import { displayDate, titleSlide } from "./deck/title";
import { decisionSlide } from "./deck/decision";
import { rankedSlide, segmentListsSlide } from "./deck/ranked";
import { unrankedSlide } from "./deck/unranked";
import { chartSlide } from "./deck/chart";
import { segmentsSlide } from "./deck/segments";
import { qualitySlide } from "./deck/quality";
import { acceptabilitySlide } from "./deck/acceptability";
import { fundingSlide } from "./deck/funding";
import { roadmapSlide } from "./deck/roadmap";
import { modelNotes } from "./deck/notes";

export type { DeckOptions, DeckSlide, SlideContext } from "./deck/context";
export { DEFAULT_SLIDES, SLIDE_KINDS, type SlideKind } from "./slide-kinds";
export { BODY_PT, METRICS } from "./deck/look";
export { dateLine } from "./deck/title";
export { rankedColumns } from "./deck/ranked";
export { decisionColumns, decisionSections } from "./deck/decision";
export { noTotalReason } from "./deck/unranked";
export { CHART_NAME_MAX, chartName, chartPages, contributions, type ChartPage } from "./deck/chart";
export { modelNotes, toleranceWords } from "./deck/notes";
export { isoDate };

/** The deck's slides in order. A slide kind turned off is left out; each slide adds nothing when it has nothing to show. */
export const SLIDES: readonly DeckSlide[] = [
  titleSlide,
  decisionSlide,
  rankedSlide,
  unrankedSlide,
  chartSlide,
  segmentsSlide,
  segmentListsSlide,
  roadmapSlide,
  qualitySlide,
  acceptabilitySlide,
  fundingSlide,
];

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
    {
      text: { text: "", options: { x: 0, y: 0, w: W, h: 0.12, fill: { color: NAVY }, margin: 0 } },
    },
    {
      text: {
        text: "",
        options: { x: LEFT, y: 7.0, w: CONTENT_W, h: 0.012, fill: { color: RULE }, margin: 0 },
      },
    },
    {
      text: {
        text: ex(lang, "deck.footer", { title, date: displayDate(o.date, lang) }),
        options: {
          x: LEFT,
          y: 7.03,
          w: 9,
          h: 0.35,
          fontFace: FONT,
          fontSize: 10,
          color: GREY,
          valign: "middle",
        },
      },
    },
  ];
  const slideNumber = {
    x: W - LEFT - 0.8,
    y: 7.03,
    w: 0.8,
    h: 0.35,
    fontFace: FONT,
    fontSize: 10,
    color: GREY,
    align: "right",
  } as const;
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
  const ctx: SlideContext = {
    pptx,
    input,
    table,
    options: o,
    lang,
    title,
    notes: modelNotes(input.assessment.model, lang, table.top, table.split),
  };
  for (const slide of SLIDES) if (slide.kind === undefined || which[slide.kind]) slide.add(ctx);
  return pptx;
}
