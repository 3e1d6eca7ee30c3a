/**
 * The deck's optional slides: their kinds in deck order, which are on by default, and the export
 * dialog's label of each. Light (no pptxgenjs), so the pane's dialog lists them without loading the
 * deck. A new slide is a file in src/export/deck/ and an entry in SLIDES there, a kind here, and its
 * label «pane.slide.<kind>» in i18n/export.ts.
 */
export const SLIDE_KINDS = ["ranked", "unranked", "chart", "segments", "segmentLists", "roadmap", "quality", "acceptability", "funding"] as const;

export type SlideKind = (typeof SLIDE_KINDS)[number];

export const DEFAULT_SLIDES: Record<SlideKind, boolean> = {
  ranked: true,
  unranked: true,
  chart: true,
  segments: true,
  segmentLists: false,
  roadmap: true,
  quality: true,
  acceptability: false,
  funding: true,
};

/** Kinds offered only when the workbook has a checklist. */
export const CHECKLIST_SLIDES: readonly SlideKind[] = ["segments", "segmentLists"];
/** Kinds offered only when Modell has steps (the plan by steps, issue 21). */
export const PLAN_SLIDES: readonly SlideKind[] = ["roadmap"];
