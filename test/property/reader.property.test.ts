/**
 * Thousands of random grids (values of every kind, real labels in odd forms and any order,
 * sheet names with quotes, spaces and «!», random formulas) through every reader and the core:
 * nothing throws, and every assessment keeps the invariants of test/property/invariants.ts.
 */
import fc from "fast-check";
import { defaultModel } from "../../src/core/model";
import type { Grid } from "../../src/grid/grid";
import { readLegacyWorkbook } from "../../src/grid/legacy";
import { assessLegacy } from "../../src/grid/legacy-audit";
import { planLegacySync } from "../../src/grid/legacy-sync";
import { findScoringRegion, readScoringTable } from "../../src/grid/scoring-table";
import { readWorkbook } from "../../src/grid/workbook";
import { assess } from "../../src/core/assess";
import { chaosGrid, legacyGrid, legacyGridFor, model as randomModel, scoringGrid, summaryGrid } from "./arbitraries";
import { checkAssessment } from "./invariants";

const council = defaultModel();

/** Sheet names in a workbook are unique (case-insensitive in Excel). */
const workbook = (sheets: fc.Arbitrary<Grid>[]) =>
  fc.tuple(...sheets).map((gs) => {
    const seen = new Set<string>();
    return gs.filter((g) => {
      const k = g.name.toLowerCase();
      if (seen.has(k)) return false;
      seen.add(k);
      return true;
    });
  });

test("legacy layout: read, audit and plan the sync of random theme and summary sheets", () => {
  fc.assert(
    fc.property(workbook([legacyGrid, legacyGrid, summaryGrid, chaosGrid]), (grids) => {
      const lw = readLegacyWorkbook(grids, council);
      if (!lw) return;
      const a = assessLegacy(lw, council);
      checkAssessment(a, lw.measures.map((m) => m.input), grids.map((g) => g.name));
      planLegacySync(lw, a);
    }),
    // 4 sheets a run: 1 200 sheets. Label matching is the cost (~5 ms a run).
    { numRuns: 300 },
  );
});

test("legacy layout with a random model", () => {
  fc.assert(
    fc.property(randomModel.chain((m) => fc.tuple(fc.constant(m), workbook([legacyGridFor(m), legacyGridFor(m), summaryGrid]))), ([model, grids]) => {
      const lw = readLegacyWorkbook(grids, model);
      if (!lw) return;
      checkAssessment(assessLegacy(lw, model), lw.measures.map((m) => m.input), grids.map((g) => g.name));
    }),
    { numRuns: 500 },
  );
});

test("the add-in's scoring table: random headers, order and rows", () => {
  fc.assert(
    fc.property(scoringGrid, (g) => {
      const region = findScoringRegion(g);
      if (!region) return;
      const t = readScoringTable(g, region, council);
      checkAssessment(assess(council, t.measures), t.measures, [g.name]);
    }),
    { numRuns: 1500 },
  );
});

test("findScoringRegion and readScoringTable on chaos", () => {
  fc.assert(
    fc.property(chaosGrid, (g) => {
      const region = findScoringRegion(g);
      if (region) readScoringTable(g, region, council);
    }),
    { numRuns: 1500 },
  );
});

test("readWorkbook: any mix of sheets, including Vurdering, Modell and PrioData by name", () => {
  const named = (name: string, g: fc.Arbitrary<Grid>) => g.map((x) => ({ ...x, name }));
  fc.assert(
    fc.property(
      workbook([
        fc.oneof(named("Vurdering", scoringGrid), named("Vurdering", chaosGrid), chaosGrid),
        fc.oneof(named("Modell", chaosGrid), legacyGrid),
        fc.oneof(named("PrioData", chaosGrid), summaryGrid),
        legacyGrid,
      ]),
      (grids) => {
        const read = readWorkbook(grids);
        if (read.kind === "addin") checkAssessment(read.assessment, read.scoring.measures, grids.map((g) => g.name));
        if (read.kind === "legacy") checkAssessment(read.assessment, read.legacy.measures.map((m) => m.input), grids.map((g) => g.name));
      },
    ),
    { numRuns: 200 },
  );
});
