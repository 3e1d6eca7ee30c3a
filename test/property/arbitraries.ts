/** Random cells, labels, sheets, grids and models for the property tests. */
import fc from "fast-check";
import { EXCEL_ERRORS, type CellValue } from "../../src/core/cell";
import { DEFAULT_TOLERANCE, defaultModel, type CriterionNode, type Model } from "../../src/core/model";
import type { Grid, GridCell } from "../../src/grid/grid";
import { scoringHeaders } from "../../src/grid/layout";
import { COUNCIL_ROWS } from "../support/grids";

/** Every kind of value a score cell can hold. */
export const cellValue: fc.Arbitrary<CellValue> = fc.oneof(
  { arbitrary: fc.integer({ min: -3, max: 13 }), weight: 5 },
  { arbitrary: fc.double({ min: -20, max: 120, noNaN: true }), weight: 3 },
  { arbitrary: fc.constantFrom(NaN, Infinity, -Infinity, -0, 1e308, 5e-324), weight: 1 },
  { arbitrary: fc.constantFrom("7,5", "7", " 3.5 ", "10", "11", "-1", "Sjekke med jurist?", "*", "Helse Norge?", "#DIV/0!", "", "  "), weight: 2 },
  { arbitrary: fc.string({ maxLength: 12 }), weight: 1 },
  { arbitrary: fc.boolean(), weight: 1 },
  { arbitrary: fc.constantFrom(...EXCEL_ERRORS).map((error) => ({ error })), weight: 1 },
  { arbitrary: fc.constant(null), weight: 3 },
);

const mangle = (label: string): fc.Arbitrary<string> =>
  fc
    .record({
      upper: fc.boolean(),
      lower: fc.boolean(),
      lead: fc.constantFrom("", " ", "   ", "\t"),
      trail: fc.constantFrom("", " ", "?", " ?", "??", ":", "  "),
      doubleSpaces: fc.boolean(),
      extra: fc.constantFrom("", " og kvalitet", "/pårørende"),
    })
    .map(({ upper, lower, lead, trail, doubleSpaces, extra }) => {
      let s = label.replace(/\?$/, "") + extra;
      if (upper) s = s.toUpperCase();
      else if (lower) s = s.toLowerCase();
      if (doubleSpaces) s = s.replace(/ /g, "  ");
      return lead + s + trail;
    });

/** Real question, group, Score and Rangering labels with random case, spacing and «?», or odd ones. */
export const label: fc.Arbitrary<string> = fc.oneof(
  { arbitrary: fc.constantFrom(...COUNCIL_ROWS.map((r) => r.label)).chain(mangle), weight: 6 },
  { arbitrary: fc.constantFrom("Kommentar", "Budsjett", "Tiltak", "Score", "Prioriteringsnummer", "ID", "Nytte", "?", "", "Pasient Pasient"), weight: 2 },
  { arbitrary: fc.string({ maxLength: 20 }), weight: 1 },
);

/** Sheet names as Excel allows them (no : \ / ? * [ ], not starting or ending with '), incl. quotes, spaces, «!». */
export const sheetName: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom("DBEP", "Kritisk info", "O'Brien's ark", "Ark 1", "A1", "R1C1", "Tema!", "Samlet", "Vurdering", "Modell", "Æøå", "2022"),
  fc
    .string({ unit: fc.constantFrom(..."abcÆø 1!'-_.,()#".split("")), minLength: 1, maxLength: 12 })
    .filter((s) => !s.startsWith("'") && !s.endsWith("'") && s.trim() !== ""),
);

const formula: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom("AVERAGE(C4:C5)", "SUM(H13:H14)", "C3+C6+C11", "C3+C6+C11+C18", "AVERAGE(C12,C15,C18)", "SUM(A1:XFD1048576)", "AVERAGE(A1:ZZ99999)", "IF(A1>0,1,2)", "", "+", "AVERAGE()"),
  fc.string({ maxLength: 16 }),
);

const gridCell: fc.Arbitrary<GridCell | undefined> = fc.oneof(
  { arbitrary: fc.constant(undefined), weight: 2 },
  { arbitrary: cellValue.map((value) => ({ value })), weight: 6 },
  { arbitrary: label.map((value) => ({ value })), weight: 2 },
  { arbitrary: fc.record({ value: cellValue, formula }), weight: 1 },
  { arbitrary: fc.record({ value: cellValue, note: fc.string({ maxLength: 8 }) }), weight: 1 },
);

/** A sheet of random cells. */
export const chaosGrid: fc.Arbitrary<Grid> = fc.record({
  name: sheetName,
  rows: fc.array(fc.oneof(fc.constant(undefined as unknown as GridCell[]), fc.array(gridCell, { maxLength: 8 })), { maxLength: 14 }),
});

/** A score cell as people fill it: mostly whole scores, sometimes anything else. */
const scoreCell: fc.Arbitrary<GridCell | undefined> = fc.oneof(
  { arbitrary: fc.integer({ min: 0, max: 10 }).map((value) => ({ value }) as GridCell), weight: 12 },
  { arbitrary: cellValue.map((value) => ({ value }) as GridCell), weight: 3 },
  { arbitrary: gridCell, weight: 1 },
);

/**
 * A sheet in the legacy layout: a header row of measure names, a label column with the
 * council's rows (some left out, in random order, labels in odd forms) and odd rows between,
 * score cells of every kind, sometimes formulas; placed anywhere on the sheet.
 */
export const legacyGrid: fc.Arbitrary<Grid> = fc
  .record({
    name: sheetName,
    top: fc.integer({ min: 0, max: 3 }),
    left: fc.integer({ min: 0, max: 3 }),
    headers: fc.array(fc.oneof(fc.constantFrom("PLL", "DBEP", "Kommentar", "", "Legevakt/ØHD", "Implementering av DBEP"), fc.string({ maxLength: 10 })), { maxLength: 5 }),
    council: fc.shuffledSubarray(COUNCIL_ROWS, { minLength: 3 }).chain((rows) => fc.tuple(...rows.map((r) => fc.tuple(fc.oneof(fc.constant(r.label), mangle(r.label)), fc.array(scoreCell, { minLength: 5, maxLength: 5 }))))),
    odd: fc.array(fc.tuple(fc.nat(), label, fc.array(gridCell, { maxLength: 6 })), { maxLength: 4 }),
  })
  .map(({ name, top, left, headers, council, odd }) => {
    const rows: [string, (GridCell | undefined)[]][] = council.map(([l, cells]) => [l, cells.slice(0, Math.max(1, headers.length))]);
    for (const [at, l, cells] of odd) rows.splice(at % (rows.length + 1), 0, [l, cells]);
    const out: (GridCell | undefined)[][] = [];
    const header: (GridCell | undefined)[] = [];
    headers.forEach((h, i) => (header[left + 1 + i] = h === "" ? undefined : { value: h }));
    out[top] = header;
    rows.forEach(([l, cells], i) => {
      const row: (GridCell | undefined)[] = [];
      row[left] = { value: l };
      cells.forEach((c, j) => (row[left + 1 + j] = c));
      out[top + 1 + i] = row;
    });
    return { name, rows: out };
  });

/** A summary sheet: Tiltak · Score · Prioriteringsnummer with random names, scores and ranks. */
export const summaryGrid: fc.Arbitrary<Grid> = fc
  .record({
    name: sheetName,
    rows: fc.array(fc.tuple(fc.oneof(fc.constantFrom("PLL", "Implementering av DBEP", "DBEP", "Dokumentdeling i legevakt/ØHD", ""), fc.string({ maxLength: 10 })), cellValue, cellValue), { maxLength: 8 }),
  })
  .map(({ name, rows }) => ({
    name,
    rows: [[undefined, { value: "Tiltak" }, { value: "Score" }, { value: "Prioriteringsnummer" }], ...rows.map(([n, s, r]) => [undefined, { value: n }, { value: s }, { value: r }])],
  }));

/** A sheet with the add-in's scoring table: the real headers (some mangled, some missing) and random rows. */
export const scoringGrid: fc.Arbitrary<Grid> = fc
  .record({
    name: fc.constantFrom("Vurdering", "vurdering"),
    drop: fc.array(fc.integer({ min: 0, max: 15 }), { maxLength: 3 }),
    extra: fc.array(label, { maxLength: 2 }),
    order: fc.array(fc.nat(), { minLength: 20, maxLength: 20 }),
    rows: fc.array(fc.array(fc.oneof(cellValue, fc.constantFrom("T001", "T002", "PLL", "")), { minLength: 0, maxLength: 18 }), { maxLength: 10 }),
  })
  .map(({ name, drop, extra, order, rows }) => {
    const base = scoringHeaders(defaultModel()).filter((_, i) => !drop.includes(i) || i < 2);
    const headers = [...base, ...extra];
    const perm = headers.map((h, i) => ({ h, k: order[i % order.length] + i / 100 })).sort((a, b) => a.k - b.k).map((x) => x.h);
    return {
      name,
      rows: [perm.map((h) => ({ value: h }) as GridCell), ...rows.map((r) => r.map((value) => ({ value }) as GridCell))],
    };
  });

/** A random criteria tree with unique ids, weights ≥ 0 (0 included), random directions. */
const weight = fc.oneof(fc.constant(0), fc.constant(1), fc.constant(2), fc.double({ min: 0, max: 1e3, noNaN: true }));

function tree(prefix: string, depth: number): fc.Arbitrary<CriterionNode[]> {
  return fc.integer({ min: 1, max: depth === 0 ? 4 : 3 }).chain((n) =>
    fc.tuple(
      ...Array.from({ length: n }, (_, i) => {
        const id = prefix ? `${prefix}.${i}` : `g${i}`;
        const asLeaf = fc.record({ w: weight, inverted: fc.boolean() }).map(
          ({ w, inverted }): CriterionNode => ({ id, label: { nb: id, en: id }, weight: w, direction: inverted ? "inverted" : "higher-better" }),
        );
        const asGroup = tree(id, depth + 1).chain((children) => weight.map((w): CriterionNode => ({ id, label: { nb: id, en: id }, weight: w, children })));
        // Top level: groups (as in the council's model), deeper: either.
        return depth === 0 ? asGroup : depth >= 2 ? asLeaf : fc.oneof(asLeaf, asGroup);
      }),
    ),
  );
}

export const model: fc.Arbitrary<Model> = fc
  .record({
    criteria: tree("", 0),
    scale: fc.constantFrom({ min: 0, max: 10 }, { min: 1, max: 5 }, { min: 0, max: 100 }, { min: -5, max: 5 }),
    total: fc.constantFrom("sum" as const, "mean" as const),
    tolerance: fc.constantFrom(0, DEFAULT_TOLERANCE, 1e-6),
    tieSeed: fc.array(fc.nat(), { maxLength: 3 }),
  })
  .map(({ criteria, scale, total, tolerance, tieSeed }) => {
    const groupIds: string[] = [];
    const walk = (ns: CriterionNode[]) => ns.forEach((n) => n.children && (groupIds.push(n.id), walk(n.children)));
    walk(criteria);
    const tieBreak = [...new Set(tieSeed.map((k) => groupIds[k % groupIds.length]))];
    return { version: 1 as const, name: "tilfeldig", scale, total, criteria, tieBreak, tolerance };
  });

/** A legacy theme sheet for any model: its node labels (some mangled, some left out) in random order. */
export function legacyGridFor(m: Model): fc.Arbitrary<Grid> {
  const labels: string[] = [];
  const walk = (ns: CriterionNode[]) => ns.forEach((n) => (labels.push(n.label.nb), n.children && walk(n.children)));
  walk(m.criteria);
  labels.push("Score", "Rangering");
  return fc
    .record({
      name: sheetName,
      headers: fc.array(fc.oneof(fc.constantFrom("A", "B", ""), fc.string({ maxLength: 6 })), { maxLength: 4 }),
      rows: fc.shuffledSubarray(labels, { minLength: 2 }).chain((ls) => fc.tuple(...ls.map((l) => fc.tuple(fc.oneof(fc.constant(l), mangle(l)), fc.array(scoreCell, { minLength: 4, maxLength: 4 }))))),
    })
    .map(({ name, headers, rows }) => ({
      name,
      rows: [
        [undefined, undefined, ...headers.map((h) => (h === "" ? undefined : ({ value: h } as GridCell)))],
        ...rows.map(([l, cells]) => [undefined, { value: l } as GridCell, ...cells.slice(0, Math.max(1, headers.length))]),
      ],
    }));
}
