/** The rounds' register in PrioRunder: two slots like the store, a failed write, damage, and a big portfolio. */
import { assess } from "../../src/core/assess";
import type { CellValue } from "../../src/core/cell";
import { defaultModel, leaves } from "../../src/core/model";
import { baselineOf, roundFromAssessment } from "../../src/core/rounds";
import { emptyMeta, metaCells, readMeta, readRounds, roundCells, ROUNDS_SHEET, type RoundsMeta } from "../../src/grid/rounds-store";
import { CELL_LIMIT, slotCells as slotCellsOf } from "../../src/grid/store";
import type { Grid } from "../../src/grid/grid";

const col = (cells: CellValue[][]) => cells.map((r) => r[0]);
const meta = (n: number): RoundsMeta => ({ ...emptyMeta(), next: n + 1, rounds: Array.from({ length: n }, (_, i) => ({ id: `R${i + 1}`, name: `Runde ${i + 1}`, savedAt: "2026-11-27T10:00:00.000Z", col: 2 + i })) });

test("the register of the highest generation is in force; a broken one just above is a write that did not finish", () => {
  const a = col(metaCells(meta(1), 1));
  const b = col(metaCells(meta(2), 2));
  expect(readMeta(a, b).read).toEqual({ kind: "ok", meta: { ...meta(2), format: 1 } });
  expect(readMeta(a, b).target).toEqual({ col: 0, generation: 3 });
  const half = [...b];
  half[1] = String(half[1]).slice(0, 10);
  expect(readMeta(a, half).read).toEqual({ kind: "ok", meta: { ...meta(1), format: 1 } });
  // A slot two generations above, broken: damage, never used, and the next write goes over it.
  const far = col(metaCells(meta(2), 3));
  far[1] = "{}";
  const read = readMeta(a, far);
  expect(read.read.kind).toBe("damaged");
  expect(read.target).toEqual({ col: 1, generation: 4 });
});

test("200 measures × 10 rounds: each round is a column of a few cells under Excel's limit, and all read back", () => {
  const model = defaultModel();
  const ls = leaves(model);
  const a = assess(
    model,
    Array.from({ length: 200 }, (_, i) => ({
      id: `T${String(i + 1).padStart(3, "0")}`,
      name: `Tiltak nummer ${i + 1} med et ganske langt navn`,
      scores: Object.fromEntries(ls.map((l, j) => [l.id, { value: (i * 7 + j * 3) % 11, address: `Vurdering!${String.fromCharCode(69 + j)}${i + 2}` }])),
    })),
  );
  const rows: CellValue[][] = [];
  const put = (c: number, cells: CellValue[][]) => cells.forEach(([v], r) => ((rows[r] = rows[r] ?? [])[c] = v));
  const m = meta(10);
  for (let i = 0; i < 10; i++) {
    const cells = roundCells(roundFromAssessment(a, { id: `R${i + 1}`, name: `Runde ${i + 1}`, savedAt: "2026-11-27T10:00:00.000Z", source: "workbook" }));
    expect(cells.length).toBeLessThanOrEqual(4);
    for (const [v] of cells) expect(String(v).length).toBeLessThanOrEqual(CELL_LIMIT);
    put(2 + i, cells);
  }
  m.baseline = baselineOf(roundFromAssessment(a, { id: "R10", name: "Runde 10", savedAt: "2026-11-27T10:00:00.000Z", source: "workbook" }));
  put(0, metaCells(m, 1));
  const grid: Grid = { name: ROUNDS_SHEET, rows: rows.map((r) => Array.from(r, (v) => ({ value: v ?? null }))) };
  const read = readRounds(grid);
  expect(read.problems).toEqual([]);
  expect(read.rounds.map((r) => r.round.measures.length)).toEqual(Array(10).fill(200));
  const first = read.rounds[9].round.measures[0];
  expect(first.id).toBe(a.measures[0].id);
  expect(first.scores).toEqual(ls.map((l) => (a.measures[0].leaves[l.id] as { value: number }).value));
});

test("a damaged register: the rounds are read one by one and the damage is reported", () => {
  const model = defaultModel();
  const a = assess(model, [{ id: "T001", name: "PLL", scores: {} }]);
  const round = roundCells(roundFromAssessment(a, { id: "R1", name: "Første", savedAt: "2026-11-27T10:00:00.000Z", source: "workbook" }));
  const rows: CellValue[][] = [["prio-store|1|1|5|00000000"], ["{bad}"]];
  round.forEach(([v], r) => ((rows[r] = rows[r] ?? [])[2] = v));
  const read = readRounds({ name: ROUNDS_SHEET, rows: rows.map((r) => Array.from(r, (v) => ({ value: v ?? null }))) });
  expect(read.meta.kind).toBe("damaged");
  expect(read.rounds.map((r) => r.round.name)).toEqual(["Første"]);
});

test("a register that parses but is not a register is damage, named by the first thing wrong", () => {
  const bad = { ...meta(1), baseline: { roundId: "R1", name: "x", savedAt: "t", source: "workbook", entries: [["T001", "PLL", "", 0]] } };
  const read = readMeta(col(slotCellsOf(JSON.stringify(bad), 1)), []);
  expect(read.read).toEqual({ kind: "damaged", detail: "baseline.entries.0: expected [id, name, theme, rank or null]" });
  const newer = readMeta(col(slotCellsOf(JSON.stringify({ ...meta(0), format: 2 }), 1)), []);
  expect(newer.read).toEqual({ kind: "newer", format: 2 });
});
