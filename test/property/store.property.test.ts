/**
 * The store round-trips anything: random JSON documents (long strings, every character that can
 * land at a chunk boundary — "=", "'", "+", "-", "@", quotes, backslashes, controls, emoji),
 * written through the in-memory Excel by the add-in's own store write and read back
 * byte-identical; and a write that fails half-way leaves the previous store in force.
 */
import fc from "fast-check";
import { defaultModel } from "../../src/core/model";
import { queueStoreWrite } from "../../src/excel/layout";
import { emptyMemory } from "../../src/grid/checklist-sync";
import { STORE_FORMAT, STORE_SHEET, storeFromColumns, type Store } from "../../src/grid/store";
import { readStoreSlots } from "../../src/grid/workbook";
import { SimWorkbook } from "../../src/sim/workbook";

const BOUNDARY = ["=", "'", "+", "-", "@", " ", '"', "\\", "\u0000", "\n", "\t", "é", "😀", "\u202e", "#", "{", "a"];
const piece = fc.string({ unit: fc.constantFrom(...BOUNDARY), minLength: 1, maxLength: 40 });
/** A long text made of a random piece repeated, so chunk boundaries fall on every kind of character. */
const longText = fc.tuple(piece, fc.integer({ min: 0, max: 35000 }), fc.integer({ min: 0, max: 70000 })).map(([p, pad, len]) => "x".repeat(pad) + p.repeat(Math.ceil(len / p.length)).slice(0, len));
const json: fc.Arbitrary<unknown> = fc.jsonValue({ maxDepth: 3 });

function storeWith(names: Record<string, string>): Store {
  return { format: STORE_FORMAT, model: defaultModel(), nextId: 3, checklist: { ...emptyMemory(), known: Object.keys(names), names } };
}

/** Column A and B of the store sheet as the add-in reads them. */
function columns(wb: SimWorkbook) {
  return readStoreSlots(wb.toGrids());
}

/** The JSON text of the slot in force, joined from its cells as Excel gives them back. */
function slotText(wb: SimWorkbook): string {
  const g = wb.toGrids().find((x) => x.name === STORE_SHEET)!;
  const col = columns(wb).target.col === 0 ? 1 : 0;
  return g.rows.slice(1).map((r) => String(r?.[col]?.value ?? "")).join("");
}

async function write(wb: SimWorkbook, store: Store): Promise<void> {
  await wb.run(async (ctx) => {
    const sheets = ctx.workbook.worksheets;
    sheets.load("items/name");
    await ctx.sync();
    const exists = sheets.items.some((s) => s.name === STORE_SHEET);
    queueStoreWrite(ctx, store, columns(wb).target, exists);
    await ctx.sync();
  });
}

test("random documents with long strings are written through Excel and read back byte-identical, write after write", async () => {
  await fc.assert(
    fc.asyncProperty(fc.array(fc.tuple(longText, json), { minLength: 1, maxLength: 3 }), async (docs) => {
      const wb = SimWorkbook.fromGrids([{ name: "Ark1", rows: [] }]);
      for (const [text, extra] of docs) {
        const store = storeWith({ T001: text, T002: JSON.stringify(extra) });
        await write(wb, store);
        const { read } = columns(wb);
        expect(read.kind).toBe("ok");
        if (read.kind !== "ok") return;
        // The text in the slot is exactly the JSON written, and it parses to the same store.
        expect(slotText(wb) === JSON.stringify(store)).toBe(true);
        expect(read.store.checklist.names.T001 === text).toBe(true);
        expect(read.store).toEqual(store);
      }
    }),
    { numRuns: 30 },
  );
});

test("chunks that start with = and ' are neither rejected nor altered", async () => {
  // Place "=" and then "'" exactly at the first two chunk boundaries (30 000 characters each).
  const prefix = JSON.stringify(storeWith({ T001: "" })).indexOf('"T001":""') + 8;
  const text = "a".repeat(30000 - prefix) + "=SUM(A1)" + "b".repeat(30000 - 8) + "'quoted";
  const store = storeWith({ T001: text });
  const json = JSON.stringify(store);
  expect([json[30000], json[60000]]).toEqual(["=", "'"]);
  const wb = SimWorkbook.fromGrids([{ name: "Ark1", rows: [] }]);
  await write(wb, store);
  expect(wb.getCell(STORE_SHEET, "A3")).toMatchObject({ value: json.slice(30000, 60000) });
  expect(wb.getCell(STORE_SHEET, "A3").formula).toBeUndefined();
  expect(wb.getCell(STORE_SHEET, "A4")).toMatchObject({ value: json.slice(60000) });
  expect(slotText(wb) === json).toBe(true);
  expect(columns(wb).read).toEqual({ kind: "ok", store });
});

test("writes alternate between the two slots; a write that stops half-way leaves the previous store in force", async () => {
  const wb = SimWorkbook.fromGrids([{ name: "Ark1", rows: [] }]);
  const first = storeWith({ T001: "Første" });
  const second = storeWith({ T001: "Andre" });
  await write(wb, first);
  expect(columns(wb).target).toEqual({ col: 1, generation: 2 });
  await write(wb, second);
  expect(columns(wb).target).toEqual({ col: 0, generation: 3 });
  const read = columns(wb).read;
  expect(read.kind === "ok" && read.store.checklist.names.T001).toBe("Andre");

  // The third write gets its header and first chunk into column A, then fails.
  const third = storeWith({ T001: "Tredje ".repeat(9000) });
  await expect(
    wb.run(async (ctx) => {
      queueStoreWrite(ctx, third, columns(wb).target, true);
      ctx.workbook.worksheets.getItem(STORE_SHEET).getRange("A3:A9").clear("Contents");
      ctx.workbook.worksheets.getItem("Finnes ikke").getRange("A1").values = [[1]];
      await ctx.sync();
    }),
  ).rejects.toThrow();
  const after = columns(wb);
  expect(after.read.kind === "ok" && after.read.store.checklist.names.T001).toBe("Andre");
});

test("a slot altered by hand (not the last write) is damaged: reported, not trusted", () => {
  const a = [`prio-store|1|7|10|00000000`, "0123456789"];
  const b = [`prio-store|1|5|2|0edd1c26`, "{}"];
  const read = storeFromColumns([a, b]);
  expect(read.read.kind).toBe("damaged");
  expect(read.target).toEqual({ col: 0, generation: 8 });
});
