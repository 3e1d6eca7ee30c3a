/**
 * The add-in's stored state (JSON in the PrioData sheet, split across column A): validated on
 * read; a damaged store or one from a newer version is reported and left as it is.
 */
import { defaultModel, withWeight } from "../../src/core/model";
import { gridFromValues } from "../../src/grid/grid";
import { readStore, readWorkbook } from "../../src/grid/workbook";
import { CELL_LIMIT, STORE_FORMAT, STORE_SHEET, nextMeasureId, storeFromCells, storeToCells, type Store } from "../../src/grid/store";

const store: Store = {
  format: STORE_FORMAT,
  model: withWeight(defaultModel(), "nytte", 2),
  nextId: 15,
  checklist: { known: ["T001"], names: { T001: "PLL" }, actors: { T001: "" }, last: { T001: { segment: "Samstyre", answers: { samstyre: true, koordinere: null } } } },
};

test("ok: what was written is read back", () => {
  const cells = storeToCells(store).map((r) => r[0]);
  expect(storeFromCells(cells)).toEqual({ kind: "ok", store });
});

test("a long store is split into cells under Excel's limit and joined again", () => {
  const big: Store = {
    ...store,
    checklist: {
      known: Array.from({ length: 2000 }, (_, i) => `T${i}`),
      names: Object.fromEntries(Array.from({ length: 2000 }, (_, i) => [`T${i}`, `Tiltak nummer ${i} med et langt navn`])),
      actors: {},
      last: Object.fromEntries(Array.from({ length: 2000 }, (_, i) => [`T${i}`, { segment: "Samstyre", answers: { samstyre: true } }])),
    },
  };
  const rows = storeToCells(big);
  expect(rows.length).toBeGreaterThan(1);
  for (const [cell] of rows) expect((cell as string).length).toBeLessThanOrEqual(CELL_LIMIT);
  expect(storeFromCells(rows.map((r) => r[0]))).toEqual({ kind: "ok", store: big });
});

test("absent: no sheet, or blank cells", () => {
  expect(storeFromCells([])).toEqual({ kind: "absent" });
  expect(storeFromCells([null, "  "])).toEqual({ kind: "absent" });
  expect(readStore([])).toEqual({ kind: "absent" });
});

describe("damaged: reported with the raw text kept", () => {
  test("JSON cut off", () => {
    const raw = JSON.stringify(store).slice(0, 200);
    const read = storeFromCells([raw]);
    expect(read).toMatchObject({ kind: "damaged", raw, problems: [{ code: "shape", at: STORE_SHEET }] });
  });
  test("a field of the wrong type", () => {
    const read = storeFromCells([JSON.stringify({ ...store, nextId: "femten" })]);
    expect(read).toMatchObject({ kind: "damaged", problems: [expect.objectContaining({ code: "shape", at: "nextId" })] });
  });
  test("a model that does not validate", () => {
    const read = storeFromCells([JSON.stringify({ ...store, model: { ...store.model, tieBreak: ["kvalitet"] } })]);
    expect(read).toMatchObject({ kind: "damaged", problems: [{ code: "tie-break-unknown", at: "kvalitet" }] });
  });
});

test("newer: a store written by a newer version is refused, not guessed at", () => {
  const raw = JSON.stringify({ ...store, format: STORE_FORMAT + 1, somethingNew: true });
  expect(storeFromCells([raw])).toEqual({ kind: "newer", format: STORE_FORMAT + 1, raw });
});

test("a damaged store does not stop the workbook from being read with the default model", () => {
  const grids = [gridFromValues(STORE_SHEET, [["{ not json"]])];
  const read = readWorkbook(grids);
  expect(read.kind).toBe("none");
  expect(read.store.kind).toBe("damaged");
  expect(read.model).toEqual(defaultModel());
});

test("the model in the store is used when there is no Modell sheet", () => {
  const grids = [gridFromValues(STORE_SHEET, storeToCells(store))];
  expect(readWorkbook(grids).model).toEqual(store.model);
});

test("next measure id: above the counter and above every id in use", () => {
  expect(nextMeasureId({ nextId: 1 }, [])).toEqual({ id: "T001", nextId: 2 });
  expect(nextMeasureId({ nextId: 3 }, ["T001", "T017", "x"])).toEqual({ id: "T018", nextId: 19 });
});
