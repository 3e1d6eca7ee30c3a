/**
 * What every slide of the deck is given ({@link SlideContext}) and what a slide is ({@link DeckSlide}):
 * one function that adds its slides (none when it has nothing to say), listed in SLIDES
 * (src/export/deck.ts) in deck order.
 */
import type PptxGenJS from "pptxgenjs";
import type { Lang } from "../../i18n";
import type { UncertaintyResult } from "../../core/uncertainty";
import type { ExportInput, ExportSelection, ExportTable } from "../rows";
import type { SlideKind } from "../slide-kinds";
import type { FundingBasis } from "../funding-table";
import type { PlanResult } from "../../core/plan";

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
  /** The plan by steps (when Modell has steps): the roadmap slide (deck/roadmap.ts) shows it. */
  plan?: PlanResult;
  /** «Hvor sikker er minimumslisten» (the Utvalg view's funding probabilities); the slide only when given. */
  funding?: FundingBasis;
}

export interface SlideContext {
  pptx: PptxGenJS;
  input: ExportInput;
  /** The rows as every export has them (names, printed totals, lists, cost and reason). */
  table: ExportTable;
  options: DeckOptions;
  lang: Lang;
  /** The deck's title as shown. */
  title: string;
  /** The speaker notes every slide carries (model and weights). */
  notes: string;
}

export interface DeckSlide {
  /** The option that turns it on or off; absent for a slide always there (the title). */
  kind?: SlideKind;
  add(ctx: SlideContext): void;
}
