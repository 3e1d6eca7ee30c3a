/**
 * The ranked list's columns sized from the font's real widths (Carlito = Calibri): numbers as
 * narrow as their header's longest word, headers that wrap only between words, and the name the
 * rest of the 12.33 in. Exact widths for the meeting of 21 September 2022, in both languages.
 */
import { BODY_PT, METRICS, rankedColumns } from "../../src/export/deck";
import { wrapLines } from "../../src/export/paginate";
import { exportTable } from "../../src/export/rows";
import type { Assessment } from "../../src/core/assess";
import { readMeeting } from "../support/meeting";

let assessment: Assessment;
beforeAll(async () => {
  const read = await readMeeting();
  if (read.kind === "none") throw new Error("the meeting fixture has measures");
  assessment = read.assessment;
});

const widths = (cols: { header: string; widthIn: number }[]) => cols.map((c) => [c.header, Math.round(c.widthIn * 1000) / 1000]);
const headerLines = (c: { header: string; widthIn: number }) => wrapLines(c.header, (c.widthIn - METRICS.padXIn) * 72, BODY_PT, true);

test("nb: «Prioriteringsnummer» on one line in 1.68 in (was 2.0), the name 6.40 in (was 5.34)", () => {
  const cols = rankedColumns(exportTable({ assessment }, "nb", { top: 6 }), false);
  expect(widths(cols)).toEqual([
    ["Prioriteringsnummer", 1.683],
    ["Tiltak", 6.402],
    ["Score", 0.605],
    ["Måloppnåelse", 1.214],
    ["Kostnader", 1.214],
    ["Nytte", 1.214],
  ]);
  for (const c of cols) expect(headerLines(c)).toEqual([c.header]);
  expect(cols.reduce((s, c) => s + c.widthIn, 0)).toBeCloseTo(13.333 - 1, 9);
});

test("en: every header on one line, «Costs (complexity)» too (the header row is one line high)", () => {
  const cols = rankedColumns(exportTable({ assessment }, "en", { top: 6 }), false);
  expect(widths(cols)).toEqual([
    ["Priority", 0.741],
    ["Measure", 6.469],
    ["Score", 0.605],
    ["Goal attainment", 1.506],
    ["Costs (complexity)", 1.506],
    ["Benefit", 1.506],
  ]);
  for (const c of cols) expect(headerLines(c)).toEqual([c.header]);
});

test("per segment: «Nr. i segment» wraps between words, «Prioriteringsnummer» stays whole; the name keeps 5.58 in (was 4.5 with 1.5 + 2.0 in)", () => {
  const cols = rankedColumns(exportTable({ assessment }, "nb"), true);
  expect(widths(cols).slice(0, 3)).toEqual([
    ["Nr. i segment", 0.822],
    ["Prioriteringsnummer", 1.683],
    ["Tiltak", 5.58],
  ]);
  expect(headerLines(cols[0])).toEqual(["Nr. i", "segment"]);
  expect(headerLines(cols[1])).toEqual(["Prioriteringsnummer"]);
  const en = rankedColumns(exportTable({ assessment }, "en"), true);
  expect(headerLines(en[0])).toEqual(["No. in", "segment"]);
});
