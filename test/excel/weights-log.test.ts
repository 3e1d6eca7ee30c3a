/** Weight changes through the controller write Modell in one go and log the old values in Logg. */
import { ExcelController } from "../../src/excel/controller";
import { SHEETS } from "../../src/grid/layout";
import { hostOf, meetingWorkbook } from "./helpers";

/** The clock's time as Logg writes it: an Excel date-time serial in local time. */
const CLOCK = new Date("2026-11-23T10:00:00Z");
const AT = (CLOCK.getTime() - CLOCK.getTimezoneOffset() * 60_000) / 86_400_000 + 25_569;

const weightOf = (c: ExcelController, id: string) => {
  const find = (nodes: { id: string; weight: number; children?: unknown[] }[]): number | undefined => {
    for (const n of nodes) {
      if (n.id === id) return n.weight;
      const w = n.children ? find(n.children as typeof nodes) : undefined;
      if (w !== undefined) return w;
    }
    return undefined;
  };
  return find(c.getState().model!.criteria);
};

describe("setWeights and resetWeights", () => {
  test("setWeights writes every tried weight, logs each old value, and resetWeights logs what it overwrote", async () => {
    const wb = await meetingWorkbook();
    const c = new ExcelController(hostOf(wb), "nb", { debounceMs: 5, clock: () => new Date("2026-11-23T10:00:00Z") });
    await c.start();
    await c.importLegacy();
    const logRows = () => (wb.toGrids().find((g) => g.name === SHEETS.log)?.rows.slice(1) ?? []).map((r) => Array.from({ length: 6 }, (_, i) => r[i]?.value ?? null));
    const before = logRows().length;

    await c.setWeights({ nytte: 2, "nytte.infra": 0.5 });
    expect(c.getState().notice).toBeUndefined();
    expect(weightOf(c, "nytte")).toBe(2);
    expect(weightOf(c, "nytte.infra")).toBe(0.5);
    const added = logRows().slice(before);
    expect(added).toHaveLength(2);
    expect(added.map((r) => [r[0], r[1], r[3], r[4]])).toEqual([
      [AT, "Modellendring", "1", "2"],
      [AT, "Modellendring", "1", "0.5"],
    ]);
    for (const r of added) expect(String(r[2])).toMatch(/^Modell![A-Z]\d+$/);
    // The Modell cell named in the log holds the new value.
    const modell = wb.toGrids().find((g) => g.name === SHEETS.model)!;
    const [, a1] = String(added[0][2]).split("!");
    const col = a1.charCodeAt(0) - 65;
    const row = Number(a1.slice(1)) - 1;
    expect(modell.rows[row]?.[col]?.value).toBe(2);

    await c.resetWeights();
    expect(weightOf(c, "nytte")).toBe(1);
    const reset = logRows().slice(before + 2);
    // Only the two cells that were not 1 change, and their old values are logged.
    expect(reset.map((r) => [r[1], r[3], r[4]])).toEqual([
      ["Modellendring", "2", "1"],
      ["Modellendring", "0.5", "1"],
    ]);
  });

  test("an unknown node refuses the whole change and writes nothing", async () => {
    const wb = await meetingWorkbook();
    const c = new ExcelController(hostOf(wb), "nb", { debounceMs: 5 });
    await c.start();
    await c.importLegacy();
    await c.setWeights({ nytte: 3, "no.such": 2 });
    expect(c.getState().noticeKind).toBe("warning");
    expect(weightOf(c, "nytte")).toBe(1);
  });
});
