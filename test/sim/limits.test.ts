/**
 * Excel's limits in the in-memory workbook, on by default: Excel on the web's 5 MB request and
 * response payload (the JSON Office.js and Excel exchange), and the 32,767 characters a cell
 * holds (a batch fails at the write that passes it, what ran before it staying applied).
 */
import { SimWorkbook } from "../../src/sim/workbook";
import { jsonBytes, utf8Length } from "../../src/sim/payload";
import { rejection, sheet } from "./support";

const book = (options = {}) => SimWorkbook.fromGrids([sheet("Ark1", [])], options);

describe("the payload of a sync, measured as JSON in UTF-8", () => {
  test("UTF-8 bytes: æ, ø and å are two each, an emoji four", () => {
    expect(utf8Length("abc")).toBe(3);
    expect(utf8Length("æøå")).toBe(6);
    expect(utf8Length("😀")).toBe(4);
    expect(jsonBytes([["a", 1], [true, null]])).toBe('[["a",1],[true,null]]'.length);
  });

  test("every sync's request and response is recorded; a write's request grows with its values, a read's response with what it loads", async () => {
    const wb = book();
    const text = "x".repeat(1000);
    await wb.run(async (ctx) => {
      ctx.workbook.worksheets.getItem("Ark1").getRange("A1:A100").values = Array.from({ length: 100 }, () => [text]);
      await ctx.sync();
      ctx.workbook.worksheets.getItem("Ark1").getRange("A1:A100").load("values");
      await ctx.sync();
    });
    const [write, read] = wb.payloads;
    expect(write.request).toBeGreaterThan(100 * 1003);
    expect(write.request).toBeLessThan(100 * 1003 + 1000);
    expect(read.response).toBeGreaterThan(100 * 1003);
    expect(read.request).toBeLessThan(1000);
    expect(wb.largestPayload).toEqual({ request: write.request, response: read.response });
  });
});

describe("Excel on the web refuses a request or a response over 5 MB", () => {
  const big = () => Array.from({ length: 200 }, () => ["ø".repeat(14_000)]);

  test("a request over the limit fails whole with RequestPayloadSizeLimitExceeded: nothing in it runs", async () => {
    const wb = book();
    const e = await rejection(
      wb.run(async (ctx) => {
        const ws = ctx.workbook.worksheets.getItem("Ark1");
        ws.getRange("B1").values = [["før"]];
        ws.getRange("A1:A200").values = big();
        await ctx.sync();
      }),
    );
    expect(e.code).toBe("RequestPayloadSizeLimitExceeded");
    expect(wb.getCell("Ark1", "B1").value).toBeNull();
    expect(wb.getCell("Ark1", "A1").value).toBeNull();
    expect(wb.payloads[0].request).toBeGreaterThan(5_000_000);
  });

  test("a response over the limit fails with ResponsePayloadSizeLimitExceeded: the writes before it stay, nothing loaded is readable", async () => {
    const wb = book({ payloadLimit: null });
    await wb.run(async (ctx) => {
      ctx.workbook.worksheets.getItem("Ark1").getRange("A1:A200").values = big();
    });
    wb.payloadLimit = 5_000_000;
    let range: Excel.Range | undefined;
    const e = await rejection(
      wb.run(async (ctx) => {
        ctx.workbook.worksheets.getItem("Ark1").getRange("B1").values = [["skrevet"]];
        range = ctx.workbook.worksheets.getItem("Ark1").getRange("A1:A200").load("values") as unknown as Excel.Range;
        await ctx.sync();
      }),
    );
    expect(e.code).toBe("ResponsePayloadSizeLimitExceeded");
    expect(wb.getCell("Ark1", "B1").value).toBe("skrevet");
    expect(() => range!.values).toThrow(/not available/);
    // Half of it at a time fits.
    const halves = await wb.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem("Ark1");
      const a = ws.getRange("A1:A100").load("values");
      await ctx.sync();
      const b = ws.getRange("A101:A200").load("values");
      await ctx.sync();
      return [...a.values, ...b.values].length;
    });
    expect(halves).toBe(200);
  });

  test("on the desktop there is no such limit", async () => {
    const wb = book({ platform: "desktop" });
    await wb.run(async (ctx) => {
      ctx.workbook.worksheets.getItem("Ark1").getRange("A1:A200").values = big();
      await ctx.sync();
      const r = ctx.workbook.worksheets.getItem("Ark1").getRange("A1:A200").load("values");
      await ctx.sync();
      expect(r.values).toHaveLength(200);
    });
    expect(wb.largestPayload.request).toBeGreaterThan(5_000_000);
  });
});

describe("a cell holds at most 32,767 characters", () => {
  test("a longer text fails the batch with InvalidArgument at that write: the writes before it stay, those after it do not run", async () => {
    const wb = book();
    const e = await rejection(
      wb.run(async (ctx) => {
        const ws = ctx.workbook.worksheets.getItem("Ark1");
        ctx.runtime.enableEvents = false;
        ws.getRange("A1").values = [["før"]];
        ws.getRange("A2").values = [["x".repeat(32_768)]];
        ws.getRange("A3").values = [["etter"]];
        ctx.runtime.enableEvents = true;
        await ctx.sync();
      }),
    );
    expect(e.code).toBe("InvalidArgument");
    expect(e.debugInfo?.errorLocation).toBe("Range.values");
    expect([wb.getCell("Ark1", "A1").value, wb.getCell("Ark1", "A2").value, wb.getCell("Ark1", "A3").value]).toEqual(["før", null, null]);
    // The switch-off ran, the switch-on did not: events stay off, as in Excel.
    expect(wb.eventsEnabled).toBe(false);
  });

  test("exactly 32,767 is taken, through the API (the apostrophe does not count) and typed; a formula over 8,192 characters is refused", async () => {
    const wb = book();
    await wb.run(async (ctx) => {
      ctx.workbook.worksheets.getItem("Ark1").getRange("A1").values = [[`'${"y".repeat(32_767)}`]];
    });
    expect((wb.getCell("Ark1", "A1").value as string).length).toBe(32_767);
    wb.userEdit("Ark1", "A2", "z".repeat(32_767));
    expect(() => wb.userEdit("Ark1", "A3", "z".repeat(32_768))).toThrow(/32767|32,767/);
    const e = await rejection(
      wb.run(async (ctx) => {
        ctx.workbook.worksheets.getItem("Ark1").getRange("B1").formulas = [[`=${"1+".repeat(4100)}1`]];
      }),
    );
    expect(e.code).toBe("InvalidArgument");
  });
});
