/**
 * Rangering's Merknader carries each measure's scorers' notes (Vurderere: a disagreement, scored by
 * few, a measure without rows) with its own findings, ordered by severity, in the workbook's
 * language (not the display language); the recompute stays at three syncs and writes only the
 * cells that change.
 */
import { defaultModel, leaves } from "../../src/core/model";
import { createLayout } from "../../src/excel/layout";
import { addScorer } from "../../src/excel/scorers";
import { recompute } from "../../src/excel/recompute";
import { rankingRows } from "../../src/excel/recompute/ranking";
import { scorerNotesByMeasure, scorerNotesText } from "../../src/excel/scorer-notes-column";
import type { CellValue } from "../../src/core/cell";
import type { FetchedRow } from "../../src/grid/scorer-import";
import { SHEETS } from "../../src/grid/layout";
import { SCORERS_SHEET } from "../../src/grid/scorers-layout";
import { newStore } from "../../src/grid/store";
import type { Lang } from "../../src/i18n";
import { SimWorkbook } from "../../src/sim/workbook";
import { cellA1 } from "../../src/core/address";
import { emptyWorkbook, hostOf, valueAt } from "./helpers";

const model = defaultModel();
const LEAVES = leaves(model).length;
const clock = () => new Date(2026, 10, 27, 12, 0, 0);

const row = (i: number, v: (leaf: number) => CellValue): FetchedRow => ({
  id: `T000${i}`,
  name: `Tiltak ${i}`,
  values: Array.from({ length: LEAVES }, (_, l) => v(l)),
});

/**
 * Four measures in Vurdering (5 everywhere; T0004 has «sju» typed for Informasjonsbehov); three
 * scorers on Vurderere:
 * - T0001: Kari 8, Ola 2 on Informasjonsbehov (else 8), Per 8 → range 6 on Informasjonsbehov (Vurdering!E3);
 * - T0002: Kari and Ola 5 everywhere → nothing to say;
 * - T0003: only Kari, 4 everywhere but Informasjonsbehov left blank → scored by 1 of 3 (fewer than 2),
 *   a warning, and the combined Informasjonsbehov is missing: the measure's own finding, an info;
 * - T0004: no rows → ranked on its Vurdering row (a warning), where «sju» is not a score (its own finding).
 */
async function council(lang: Lang): Promise<SimWorkbook> {
  const wb = emptyWorkbook();
  const host = hostOf(wb);
  const rows = [1, 2, 3, 4].map((i) => ({
    id: `T000${i}`,
    name: `Tiltak ${i}`,
    theme: "",
    actor: "",
    scores: Array.from({ length: LEAVES }, (_, l): CellValue => (i === 4 && l === 0 ? "sju" : 5)),
    comment: "",
  }));
  await host.run((ctx) => createLayout(ctx, model, rows, newStore(model, 5, lang), lang));
  await addScorer(host, "Kari", [row(1, () => 8), row(2, () => 5), row(3, (l) => (l === 0 ? null : 4))], false, "nb", clock);
  await addScorer(host, "Ola", [row(1, (l) => (l === 0 ? 2 : 8)), row(2, () => 5)], false, "nb", clock);
  await addScorer(host, "Per", [row(1, () => 8)], false, "nb", clock);
  return wb;
}

/** Rangering's Merknader (column K) by the measure's ID (column L). */
function notes(wb: SimWorkbook): Record<string, CellValue> {
  const out: Record<string, CellValue> = {};
  for (let r = 2; r <= 5; r++) out[String(valueAt(wb, SHEETS.ranking, `L${r}`))] = valueAt(wb, SHEETS.ranking, `K${r}`);
  return out;
}

test("bokmål workbook, English display: the scorers' notes in bokmål, by severity with the measure's own", async () => {
  const wb = await council("nb");
  wb.resetSyncCount();
  const r = await wb.run((ctx) => recompute(ctx, "en", clock));
  if (r.kind !== "ready") throw new Error(r.kind);
  expect(wb.syncCount).toBe(3);
  expect(notes(wb)).toEqual({
    T0001:
      "Vurdererne er uenige om Tiltak 1: Informasjonsbehov (spenn 6), minst 4 mellom høyeste og laveste score. Ta det opp i møtet (Vurdering!E3).",
    T0002: null,
    T0003: "Tiltak 3 er vurdert av bare 1 av 3 vurderere (færre enn 2). Den samlede scoren hviler på få stemmer. (+1 funn til)",
    // «sju» is an error (the measure's own), ahead of the warning that it has no rows on Vurderere.
    T0004:
      "«sju» i Informasjonsbehov er tekst, ikke en score, og er ikke regnet med (Tiltak 4). Skriv en score fra 0 til 10, eller tøm cellen og legg teksten i en kommentar. (+1 funn til)",
  });
  const byMeasure = scorerNotesByMeasure(r.read);
  expect([...byMeasure].map(([id, fs]) => [id, fs.map((f) => f.code)])).toEqual([
    ["T0001", ["scorers-disagree"]],
    ["T0003", ["scorers-few"]],
    ["T0004", ["scorers-none"]],
  ]);
  expect(r.read.assessment.measures.find((m) => m.id === "T0003")!.findings.map((f) => [f.code, f.severity])).toEqual([["missing-scores", "info"]]);

  // Among notes of the same severity the measure's own comes first: T0003's own note made a warning.
  const t3 = r.read.assessment.measures.find((m) => m.id === "T0003")!;
  t3.findings[0].severity = "warning";
  const rows = rankingRows(r.read, "nb", null, undefined, scorerNotesText(r.read, "nb"));
  expect(rows.find((x) => x[11] === "T0003")![10]).toBe(
    "Tiltak 3 mangler score for Informasjonsbehov. Gruppene regnes som snittet av spørsmålene som har score; fyll inn de tomme cellene for en fullstendig vurdering. (+1 funn til)",
  );
});

test("English workbook, bokmål display: the same notes in English", async () => {
  const wb = await council("en");
  const r = await wb.run((ctx) => recompute(ctx, "nb", clock));
  if (r.kind !== "ready") throw new Error(r.kind);
  expect(notes(wb)).toEqual({
    T0001:
      "The scorers disagree on Tiltak 1: Information needs (range 6), at least 4 between the highest and lowest score. Discuss it in the meeting (Vurdering!E3).",
    T0002: null,
    T0003: "Tiltak 3 is scored by only 1 of 3 scorers (fewer than 2). The combined score rests on few voices. (+1 more finding)",
    T0004:
      "“sju” in Information needs is text, not a score, and is left out (Tiltak 4). Type a score from 0 to 10, or clear the cell and put the text in a comment. (+1 more finding)",
  });
});

test("a new disagreement typed on Vurderere: three syncs, and only Score, Måloppnåelse, its contribution and Merknader are written", async () => {
  const wb = await council("nb");
  await wb.run((ctx) => recompute(ctx, "nb", clock));
  const before = wb.toGrids().find((g) => g.name === SHEETS.ranking)!;
  // Per (row 7 of Vurderere) types 4 for Sektorens prioriteringer (column E) of T0001: 8, 8, 4 → range 4, flagged too.
  wb.userEdit(SCORERS_SHEET, "E7", 4);
  wb.resetSyncCount();
  wb.resetCellWrites();
  const r = await wb.run((ctx) => recompute(ctx, "nb", clock));
  if (r.kind !== "ready") throw new Error(r.kind);
  expect(wb.syncCount).toBe(3);
  const after = wb.toGrids().find((g) => g.name === SHEETS.ranking)!;
  const diff: string[] = [];
  after.rows.forEach((cells, i) => cells.forEach((c, j) => c?.value !== before.rows[i]?.[j]?.value && diff.push(cellA1(i, j))));
  expect(diff).toEqual(["C2", "D2", "K2", "M2"]);
  expect(wb.cellWrites).toBe(4);
  // T0001: Måloppnåelse (6 + 20/3) / 2, Kostnader 8, Nytte 8.
  expect(valueAt(wb, SHEETS.ranking, "C2")).toBeCloseTo(19 / 3 + 16, 12);
  expect(valueAt(wb, SHEETS.ranking, "K2")).toBe(
    "Vurdererne er uenige om Tiltak 1: Informasjonsbehov (spenn 6) og Sektorens prioriteringer (spenn 4), minst 4 mellom høyeste og laveste score. Ta det opp i møtet (Vurdering!E3 og Vurdering!F3).",
  );
  // Nothing written when nothing changed.
  wb.resetCellWrites();
  await wb.run((ctx) => recompute(ctx, "nb", clock));
  expect(wb.cellWrites).toBe(0);
});
