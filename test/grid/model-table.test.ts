/**
 * The model as two tables on the Modell sheet (criteria tree and settings): model → rows →
 * model gives back an equal model; a cell that cannot be read is a problem naming the node.
 */
import type { CellValue } from "../../src/core/cell";
import { defaultModel, withWeight, type CriterionNode, type Model } from "../../src/core/model";
import { MODEL_COLUMNS, SETTINGS_KEYS } from "../../src/grid/layout";
import { MODEL_HEADERS, modelRows, readModelTables, settingsRows } from "../../src/grid/model-table";

const base = defaultModel();
const roundTrip = (m: Model, previous: Model = base) => readModelTables(modelRows(m), settingsRows(m), previous);
const col = (name: string) => (MODEL_HEADERS as readonly string[]).indexOf(name);

test("the default model round-trips to an equal model", () => {
  expect(roundTrip(base)).toEqual({ ok: true, model: base });
});

test("one row per node (3 groups, 2 subgroups, 11 leaves), parents before children, with the implied share of the total", () => {
  const rows = modelRows(base);
  expect(rows.map((r) => r[col(MODEL_COLUMNS.id)])).toEqual([
    "maal", "maal.behov", "maal.prioritet",
    "kost", "kost.teknisk", "kost.org", "kost.juridisk", "kost.semantisk",
    "nytte", "nytte.pasient", "nytte.pasient.sikkerhet", "nytte.pasient.hverdag",
    "nytte.hp", "nytte.hp.arbeidshverdag", "nytte.hp.beslutning", "nytte.infra",
  ]);
  const infra = rows.find((r) => r[0] === "nytte.infra")!;
  expect(infra[col(MODEL_COLUMNS.parent)]).toBe("nytte");
  // ⅓ (Nytte among three groups) × ⅓ (infrastructure among Nytte's three children).
  expect(infra[col(MODEL_COLUMNS.implied)]).toBeCloseTo(1 / 9, 15);
});

test("a changed model round-trips: weights, an inverted leaf, mean total, tie-break, tolerance, scale, name", () => {
  const inverted = (nodes: CriterionNode[]): CriterionNode[] =>
    nodes.map((n) => ({ ...n, direction: n.id === "kost.teknisk" ? "inverted" : n.direction, children: n.children ? inverted(n.children) : undefined }));
  const changed: Model = {
    ...withWeight(withWeight(base, "nytte", 2), "nytte.infra", 0.5),
    criteria: inverted(withWeight(withWeight(base, "nytte", 2), "nytte.infra", 0.5).criteria),
    total: "mean",
    tieBreak: ["nytte", "kost"],
    tolerance: 1e-6,
    name: "NUIT 2023",
  };
  const read = roundTrip(changed);
  expect(read).toEqual({ ok: true, model: changed });
});

test("weights typed as text with a decimal comma are read («2,5» → 2.5)", () => {
  const rows = modelRows(base).map((r) => (r[0] === "nytte" ? r.map((v, i) => (i === col(MODEL_COLUMNS.weight) ? "2,5" : v)) : r));
  const read = readModelTables(rows, settingsRows(base), base);
  expect(read.ok && read.model.criteria[2].weight).toBe(2.5);
});

describe("a cell that cannot be read is a problem naming the node", () => {
  const withCell = (id: string, column: string, value: CellValue) =>
    modelRows(base).map((r) => (r[0] === id ? r.map((v, i) => (i === col(column) ? value : v)) : r));

  test("a text weight («tung») on Nytte", () => {
    const read = readModelTables(withCell("nytte", MODEL_COLUMNS.weight, "tung"), settingsRows(base), base);
    expect(read.ok).toBe(false);
    if (!read.ok) expect(read.problems).toEqual([expect.objectContaining({ code: "weight", at: "nytte" })]);
  });
  test("a blank weight on a leaf", () => {
    const read = readModelTables(withCell("kost.juridisk", MODEL_COLUMNS.weight, null), settingsRows(base), base);
    expect(read.ok).toBe(false);
    if (!read.ok) expect(read.problems).toEqual([expect.objectContaining({ code: "weight", at: "kost.juridisk" })]);
  });
  test("a negative weight", () => {
    const read = readModelTables(withCell("maal", MODEL_COLUMNS.weight, -1), settingsRows(base), base);
    expect(!read.ok && read.problems).toEqual([{ code: "weight", at: "maal", detail: "-1" }]);
  });
  test("an unknown parent", () => {
    const read = readModelTables(withCell("nytte.infra", MODEL_COLUMNS.parent, "nyte"), settingsRows(base), base);
    expect(!read.ok && read.problems).toEqual([expect.objectContaining({ code: "shape", at: "nytte.infra" })]);
  });
  test("an id typed twice", () => {
    const rows = [...modelRows(base), modelRows(base)[1]];
    const read = readModelTables(rows, settingsRows(base), base);
    expect(!read.ok && read.problems).toEqual([{ code: "duplicate-id", at: "maal.behov" }]);
  });
  test("a Total setting that is neither sum nor snitt", () => {
    const settings = settingsRows(base).map((r) => (r[0] === SETTINGS_KEYS.total ? [r[0], "median"] : r));
    const read = readModelTables(modelRows(base), settings, base);
    expect(!read.ok && read.problems).toEqual([expect.objectContaining({ code: "shape", at: SETTINGS_KEYS.total, detail: "median" })]);
  });
  test("a tie-break group that does not exist", () => {
    const settings = settingsRows(base).map((r) => (r[0] === SETTINGS_KEYS.tieBreak ? [r[0], "nytte, kvalitet"] : r));
    const read = readModelTables(modelRows(base), settings, base);
    expect(!read.ok && read.problems).toEqual([{ code: "tie-break-unknown", at: "kvalitet" }]);
  });
  test("blank settings fall back to the previous model", () => {
    const read = readModelTables(modelRows(base), [], { ...base, total: "mean", name: "Før" });
    expect(read.ok && [read.model.total, read.model.name]).toEqual(["mean", "Før"]);
  });
});
