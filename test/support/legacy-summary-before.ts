/**
 * The legacy summary's audit as it was before the rows and measures were kept by position
 * (grid/legacy-audit.ts until December 2026): the reference that
 * test/property/legacy-summary.property.test.ts holds the audit to, finding for finding.
 */
import type { MeasureResult } from "../../src/core/assess";
import { address } from "../../src/core/address";
import { isCellError, type CellValue } from "../../src/core/cell";
import { finding, type Finding } from "../../src/core/findings";
import { groupBy } from "../../src/core/group";
import { numberOf } from "../../src/grid/grid";
import type { LegacyMeasure, LegacyWorkbook, PlacedCell, Summary, SummaryRow } from "../../src/grid/legacy";
import { SummaryNames } from "../../src/grid/legacy-audit";

function shownOf(placed: PlacedCell): CellValue | undefined {
  return placed.cell?.uncalculated ? placed.calculated : (placed.cell?.value ?? null);
}

const worked = (placed: PlacedCell): Record<string, boolean> => (placed.cell?.uncalculated ? { uncalculated: true } : {});

const MATCH_MIN = 0.6;
const SUGGEST_MIN = 0.3;

export function matchSummaryBefore(summary: Summary, measures: LegacyMeasure[], names = new SummaryNames(measures)): Map<SummaryRow, LegacyMeasure> {
  const out = new Map<SummaryRow, LegacyMeasure>();
  const taken = new Uint8Array(measures.length);
  const exactOf = new Map<SummaryRow, readonly number[]>();
  const takenAt: number[] = [];
  for (const row of summary.rows) {
    const exact = names.exact(row.name);
    exactOf.set(row, exact);
    for (const i of exact) {
      if (taken[i]) continue;
      out.set(row, measures[i]);
      taken[i] = 1;
      takenAt.push(i);
      break;
    }
  }
  // A measure given its row word for word is skipped by every later pairing (and suggestion).
  names.leaveOut(takenAt);
  const pairs: { row: SummaryRow; m: number; s: number }[] = [];
  for (const row of summary.rows) {
    if (out.has(row)) continue;
    const exact = exactOf.get(row)!;
    for (const { m, s } of names.similar(row.name, MATCH_MIN)) if (!exact.includes(m)) pairs.push({ row, m, s });
  }
  pairs.sort((a, b) => b.s - a.s);
  for (const p of pairs) {
    if (out.has(p.row) || taken[p.m]) continue;
    out.set(p.row, measures[p.m]);
    taken[p.m] = 1;
  }
  return out;
}

/** How far a typed copy may be from the total and still be that total rounded as shown. */
export function shownMatchesBefore(shown: number, total: number): boolean {
  const text = String(shown);
  const decimals = text.includes(".") && !text.includes("e") ? text.split(".")[1].length : 0;
  return Math.abs(shown - total) <= 0.5 * 10 ** -decimals + 1e-9;
}

/** `Samlet!D8:D9` from two placed cells (built from rows and columns: a sheet name may contain «!»). */
function rangeOf(sheet: string, from: PlacedCell, to: PlacedCell): string {
  return address(sheet, from.row, from.col, { row: to.row, col: to.col });
}

/** The summary findings as the audit made them, in its order. */
export function auditSummaryBefore(summary: Summary, lw: LegacyWorkbook, byId: Map<string, MeasureResult>, out: Finding[]): void {
  const names = new SummaryNames(lw.measures);
  const matched = matchSummaryBefore(summary, lw.measures, names);
  const listed = new Set(matched.values());
  const position = new Map(lw.measures.map((m, i) => [m, i]));
  // Whether a summary name is the measure's name, word for word (connecting words aside).
  const sameName = (row: SummaryRow, m: LegacyMeasure): boolean => names.exact(row.name).includes(position.get(m)!);

  for (const row of summary.rows) {
    const m = matched.get(row);
    if (!m) {
      // The most alike measure not listed yet (the first of equals), as a suggestion.
      let best: { m: LegacyMeasure; s: number } | undefined;
      for (const { m: i, s } of names.similar(row.name, SUGGEST_MIN)) {
        const cand = lw.measures[i];
        if (listed.has(cand)) continue;
        if (!best || s > best.s) best = { m: cand, s };
      }
      const params: Record<string, string> = { name: row.name };
      if (best) {
        params.suggestion = best.m.input.name;
        params.suggestionCell = best.m.input.address ?? "";
      }
      out.push(finding("summary-unmatched", "warning", params, { cell: row.nameCell.address }));
      continue;
    }
    const result = byId.get(m.input.id)!;
    if (!sameName(row, m)) {
      out.push(
        finding(
          "summary-name",
          "warning",
          { name: row.name, measure: m.input.name, measureCell: m.input.address ?? "" },
          { cell: row.nameCell.address, measureId: m.input.id },
        ),
      );
    }
    const v = summary.scoreCol >= 0 ? shownOf(row.scoreCell) : undefined;
    if (v !== undefined) {
      const shown = numberOf(v);
      const ok = shown !== undefined ? result.total !== null && shownMatchesBefore(shown, result.total) : result.total === null;
      if (!ok) {
        out.push(
          finding(
            "summary-score",
            "warning",
            { name: row.name, shown: shown ?? (isCellError(v) ? v.error : v === null ? null : String(v)), correct: result.total, ...worked(row.scoreCell) },
            { cell: row.scoreCell.address, measureId: m.input.id },
          ),
        );
      }
    }
  }

  // Ties shown as different ranks: one finding for each tied group, then rank by rank.
  const explainedByTie = new Set<SummaryRow>();
  if (summary.rankCol >= 0) {
    // A rank cell whose formula the file holds no result for, and that cannot be worked out, is not checked.
    const rankOf = (row: SummaryRow) => shownOf(row.rankCell);
    const tiedGroups = groupBy([...matched.keys()].filter((row) => rankOf(row) !== undefined), (row) => {
      const r = byId.get(matched.get(row)!.input.id)!;
      return r.tied && r.rank !== null ? r.rank : undefined;
    });
    for (const [rank, rows] of tiedGroups) {
      const shown = rows.map((row) => numberOf(rankOf(row)));
      if (rows.length < 2 || new Set(shown).size < 2) continue;
      const sorted = [...rows].sort((a, b) => a.row - b.row);
      const first = byId.get(matched.get(sorted[0])!.input.id)!;
      out.push(
        finding(
          "summary-tie",
          "warning",
          {
            names: sorted.map((row) => row.name),
            shown: sorted.map((row) => String(numberOf(rankOf(row)) ?? "–")),
            rank,
            total: first.total,
          },
          { cell: rangeOf(summary.sheet, sorted[0].rankCell, sorted[sorted.length - 1].rankCell), measureId: first.id },
        ),
      );
      // A shown rank inside the tie's span (6 or 7 for a two-way tie at 6) is explained by the tie.
      for (const row of rows) {
        const s = numberOf(rankOf(row));
        if (s !== undefined && s >= rank && s < rank + rows.length) explainedByTie.add(row);
      }
    }
    for (const [row, m] of matched) {
      const v = rankOf(row);
      if (explainedByTie.has(row) || v === undefined) continue;
      const r = byId.get(m.input.id)!;
      const shown = numberOf(v);
      if (shown !== (r.rank ?? undefined)) {
        out.push(
          finding(
            "summary-rank",
            "warning",
            { name: row.name, shown: shown ?? (v === null ? "–" : String(isCellError(v) ? v.error : v)), correct: r.rank, tied: r.tied },
            { cell: row.rankCell.address, measureId: m.input.id },
          ),
        );
      }
    }
  }

  for (const m of lw.measures) {
    if (listed.has(m)) continue;
    const r = byId.get(m.input.id)!;
    if (r.total === null) continue;
    out.push(
      finding("summary-missing", "warning", { measure: m.input.name, total: r.total, rank: r.rank }, { cell: m.input.address, measureId: m.input.id }),
    );
  }

  const typed = summary.rows.filter((row) => numberOf(row.scoreCell.cell?.value) !== undefined && !row.scoreCell.cell?.formula);
  if (summary.scoreCol >= 0 && typed.length > 0) {
    const cell = rangeOf(summary.sheet, typed[0].scoreCell, typed[typed.length - 1].scoreCell);
    out.push(finding("summary-typed", "info", { sheet: summary.sheet, count: typed.length }, { cell }));
  }
}
