/**
 * Excel on the web's 5 MB limit on a request and a response (issue 22), enforced by the in-memory
 * Excel by default: the recompute at 5,000 measures with names of 150 characters, an answered
 * checklist and comments succeeds at every step, as the controller runs it (each recompute
 * planning its reads with what the last one learned). Below the limit the syncs are three whatever
 * the number of measures; above it they follow the payload's size (bands of reads, batches of
 * writes), not the number of measures.
 */
import { displayTotals } from "../../src/core/display-total";
import { recompute, type ReadHints } from "../../src/excel/recompute";
import { SHEETS } from "../../src/grid/layout";
import type { SimWorkbook } from "../../src/sim/workbook";
import { largeWorkbook } from "../support/large-workbook";

jest.setTimeout(900_000);

interface Step {
  syncs: number;
  /** Syncs whose request or response passed 5 MB (refused by Excel). */
  refused: number;
}

/** The four steps of scripts/payload.ts: a first recompute, one with nothing changed, a score typed, a top-level weight changed. */
async function steps(wb: SimWorkbook): Promise<Step[]> {
  let hints: ReadHints = {};
  const out: Step[] = [];
  const run = async () => {
    wb.resetSyncCount();
    wb.resetPayloads();
    const r = await wb.run((ctx) => recompute(ctx, "nb", undefined, { hints }));
    if (r.kind !== "ready") throw new Error(r.kind);
    hints = r.hints;
    // Rangering, top to bottom, is what the core ranked: the name (after its theme), and the rank and Score of those ranked
    // (a tie written as its first total, core/display-total.ts).
    const ms = r.read.assessment.measures;
    const shown = displayTotals(ms.map((m) => m.total)).values;
    const rows = wb.gridOf(SHEETS.ranking).rows.slice(1, ms.length + 1);
    ms.forEach((m, i) => {
      const [rank, name, total] = [0, 1, 2].map((c) => rows[i]?.[c]?.value);
      const ok = String(name).endsWith(m.name) && (m.rank === null || (rank === m.rank && total === shown[i]));
      if (!ok) expect([i, rank, name, total]).toEqual([i, m.rank, m.name, shown[i]]);
    });
    out.push({ syncs: wb.syncCount, refused: wb.payloads.filter((p) => p.request > 5_000_000 || p.response > 5_000_000).length });
  };
  await run();
  await run();
  const before = wb.getCell(SHEETS.scoring, "E10").value;
  wb.userEdit(SHEETS.scoring, "E10", before === 2 ? "7" : "2");
  await run();
  const w = wb.gridOf(SHEETS.model).rows.findIndex((r) => r?.[0]?.value === "maal");
  wb.userEdit(SHEETS.model, `G${w + 1}`, "2");
  await run();
  return out;
}

test("below the limit: three syncs at every step, at 200 measures as at 1,000 (names of 150 characters)", async () => {
  for (const measures of [200, 1000]) {
    const wb = await largeWorkbook({ measures });
    expect(wb.payloadLimit).toBe(5_000_000);
    const got = await steps(wb);
    expect({ measures, got }).toEqual({ measures, got: Array.from({ length: 4 }, () => ({ syncs: 3, refused: 0 })) });
  }
});

test("at 5,000 measures with names of 150 characters every step succeeds under the limit: reads in bands, writes in batches", async () => {
  const wb = await largeWorkbook({ measures: 5000 });
  expect(wb.payloadLimit).toBe(5_000_000);
  const got = await steps(wb);
  // The first recompute knows nothing yet: Excel refuses its whole read (8.4 MB) once, and it reads again in bands.
  expect(got).toEqual([
    { syncs: 7, refused: 1 },
    { syncs: 7, refused: 0 },
    { syncs: 6, refused: 0 },
    { syncs: 8, refused: 0 },
  ]);
});
