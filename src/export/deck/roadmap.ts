/**
 * The roadmap (issue 21): the plan by steps, one column per step and «Senere» last, each measure a
 * box coloured by segment (drawn by ../roadmap.ts). Only when the plan is given and solved (Modell
 * has steps: the pane's export and `prio slides` pass it).
 */
import { pt } from "../../i18n/plan";
import { drawRoadmap } from "../roadmap";
import { segmentName, type SegmentKey } from "../rows";
import type { DeckSlide } from "./context";
import { newSlide } from "./table";

export const roadmapSlide: DeckSlide = {
  kind: "roadmap",
  add({ pptx, options, lang, notes }) {
    const plan = options.plan;
    if (plan?.status !== "ok") return;
    const slide = newSlide(pptx, pt(lang, "slideTitle"), `${notes}\n\n${pt(lang, "notesPlan")}`, pt(lang, "slideLead"));
    drawRoadmap(slide, plan, lang, (s) => segmentName(lang, s as SegmentKey));
  },
};
