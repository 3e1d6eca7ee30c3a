/**
 * The add-in's stored state (JSON in the PrioData sheet, split across column A): validated on
 * read; a damaged store or one from a newer version is reported and left as it is.
 */
import { defaultModel, withWeight } from "../../src/core/model";
import { gridFromValues } from "../../src/grid/grid";
import { readStore, readWorkbook } from "../../src/grid/workbook";
import { CELL_LIMIT, STORE_FORMAT, STORE_SHEET, checksum, nextMeasureId, slotCells, storeFromCells, storeFromColumns, storeToCells, type Store } from "../../src/grid/store";

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
  expect(storeFromCells(slotCells(raw, 4).map((r) => r[0]))).toEqual({ kind: "newer", format: STORE_FORMAT + 1, raw });
});

test("the first layout (bare JSON in column A) is read, and the next write goes to column B", () => {
  const raw = JSON.stringify(store);
  expect(storeFromColumns([[raw], []])).toEqual({ read: { kind: "ok", store }, target: { col: 1, generation: 1 } });
});

test("a slot is chunks under Excel's limit after a header with generation, length and checksum", () => {
  const cells = storeToCells(store, 5).map((r) => r[0] as string);
  const json = JSON.stringify(store);
  expect(cells[0]).toBe(`prio-store|1|5|${json.length}|${checksum(json)}`);
  expect(cells.slice(1).join("")).toBe(json);
});

test("a long slot read again (its sum remembered) is checked as anew: one character changed, the slot is broken", () => {
  const big: Store = { ...store, checklist: { ...store.checklist, names: { T001: "Pasientens legemiddelliste ".repeat(400) } } };
  const cells = storeToCells(big, 2).map((r) => r[0] as string);
  const json = cells.slice(1).join("");
  // FNV-1a of the text, summed here without the add-in's code.
  let h = 0x811c9dc5;
  for (let i = 0; i < json.length; i++) h = Math.imul(h ^ json.charCodeAt(i), 0x01000193);
  expect(cells[0]).toBe(`prio-store|1|2|${json.length}|${(h >>> 0).toString(16).padStart(8, "0")}`);
  for (let k = 0; k < 3; k++) expect(storeFromCells(cells)).toEqual({ kind: "ok", store: big });
  const at = json.indexOf("legemiddelliste") + 3;
  const altered = [cells[0], json.slice(0, at) + "X" + json.slice(at + 1)];
  expect(storeFromColumns([altered, []]).read).toMatchObject({ kind: "damaged" });
  expect(storeFromCells(cells)).toEqual({ kind: "ok", store: big });
});

test("the slot of the highest generation wins; a broken one beside it is damage unless it is the write after it", () => {
  const older = storeToCells({ ...store, nextId: 3 }, 2).map((r) => r[0]);
  const newer = storeToCells({ ...store, nextId: 9 }, 3).map((r) => r[0]);
  expect(storeFromColumns([older, newer])).toEqual({ read: { kind: "ok", store: { ...store, nextId: 9 } }, target: { col: 0, generation: 4 } });
  // The write of generation 3 stopped after its first cells: generation 2 is still the store.
  const cut = [...newer.slice(0, 1), (newer[1] as string).slice(0, 50)];
  expect(storeFromColumns([older, cut])).toEqual({ read: { kind: "ok", store: { ...store, nextId: 3 } }, target: { col: 1, generation: 4 } });
  // A slot two generations up that does not check out was not written by the add-in as it is.
  const altered = [`prio-store|1|7|${JSON.stringify(store).length}|00000000`, JSON.stringify(store)];
  expect(storeFromColumns([older, altered])).toMatchObject({ read: { kind: "damaged" }, target: { col: 1, generation: 8 } });
});

test("a chunk boundary never splits a surrogate pair", () => {
  const prefix = JSON.stringify({ ...store, checklist: { ...store.checklist, names: { T001: "" } } }).indexOf('"T001":""') + 8;
  const big: Store = { ...store, checklist: { ...store.checklist, names: { T001: "a".repeat(30000 - prefix - 1) + "😀".repeat(10) } } };
  const cells = storeToCells(big).map((r) => r[0] as string);
  for (const c of cells.slice(1)) expect(/^[\udc00-\udfff]|[\ud800-\udbff]$/.test(c)).toBe(false);
  expect(storeFromCells(cells)).toEqual({ kind: "ok", store: big });
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

test("the same store text read again gives an equal store of its own (the schema's output is kept, not the objects), an extra key dropped as the schema drops it", () => {
  const store: Store = { format: STORE_FORMAT, model: withWeight(defaultModel(), "nytte", 2), nextId: 7, checklist: { known: ["T001"], names: { T001: "PLL" }, actors: { T001: "Helsedirektoratet" }, last: {} }, lang: "en" };
  const json = JSON.stringify({ ...store, extra: { kept: false } });
  const cells = slotCells(json, 1).map((r) => r[0]);
  const first = storeFromCells(cells);
  const again = storeFromCells(cells);
  expect(again).toEqual(first);
  expect(first.kind).toBe("ok");
  if (first.kind !== "ok" || again.kind !== "ok") return;
  expect(first.store).toEqual(store);
  expect(again.store).not.toBe(first.store);
  expect(again.store.checklist).not.toBe(first.store.checklist);
  // A caller that changes what it was given does not change the next read.
  first.store.checklist.known.push("T999");
  expect(storeFromCells(cells)).toEqual(again);
  // A different text is checked afresh: a bad one is damaged, whatever was read before.
  const bad = slotCells(JSON.stringify({ ...store, nextId: -1 }), 1).map((r) => r[0]);
  expect(storeFromCells(bad).kind).toBe("damaged");
  expect(storeFromCells(cells)).toEqual(again);
});
