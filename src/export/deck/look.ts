/**
 * The deck's look: fonts, colours and the slide's geometry (inches on a 13.333 × 7.5 slide), the
 * two layouts' title placeholders. Shared by every slide (src/export/deck/*.ts).
 */
import type { Lang } from "../../i18n";
import type { RowMetrics } from "../paginate";

export const FONT = "Calibri";
export const NAVY = "1F3864";
export const BLUE = "2E75B6";
export const LIGHT = "EAF1F8";
export const RULE = "9DB3C8";
export const GREY = "595959";
export const MINIMUM_FILL = "DDEBF7";
export const PLUS_FILL = "F2F2F2";
export const GROUP_COLOURS = ["1F4E79", "2E75B6", "9DC3E6", "5B9BD5", "BDD7EE", "8FAADC"];

export const W = 13.333;
export const LEFT = 0.5;
export const CONTENT_W = W - 2 * LEFT;
export const TABLE_TOP = 1.3;
/** The table may reach this far down; the footer sits below. */
export const TABLE_BOTTOM = 6.85;
export const BODY_PT = 12;
export const METRICS: RowMetrics = { fontPt: BODY_PT, padXIn: 0.16, padYIn: 0.08 };
export const CELL_MARGIN: [number, number, number, number] = [0.04, 0.08, 0.04, 0.08];
export const MASTER = "PRIO_MASTER";
/** The language every run of the deck carries. */
export const LANGUAGE_TAG: Record<Lang, string> = { nb: "nb-NO", en: "en-US" };
export const TITLE_MASTER = "PRIO_TITLE";
/** The title placeholder's name in both layouts. */
export const TITLE = "title";
/** Each slide's heading (the title placeholder of MASTER). */
export const HEADING = {
  x: LEFT,
  y: 0.32,
  w: CONTENT_W,
  h: 0.6,
  fontFace: FONT,
  fontSize: 26,
  bold: true,
  color: NAVY,
  align: "left",
  valign: "middle",
  margin: 0,
} as const;
/** The deck's title on the title slide (the title placeholder of TITLE_MASTER). */
export const TITLE_HEADING = {
  x: 0.9,
  y: 2.1,
  w: 11.5,
  h: 1.3,
  fontFace: FONT,
  fontSize: 40,
  bold: true,
  color: NAVY,
  align: "left",
  valign: "bottom",
  margin: 0,
} as const;
