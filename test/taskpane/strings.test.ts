/** The task pane's strings and its pure helpers. */
import { enTaskpane, nbTaskpane, tp } from "../../src/i18n/taskpane";
import { enChecklistPane, nbChecklistPane } from "../../src/i18n/checklist-pane";
import { enFindingsPane, nbFindingsPane } from "../../src/i18n/findings-pane";
import { enModelPane, nbModelPane } from "../../src/i18n/model-pane";
import { displayCell, groupAbbreviations, parseWeight, updatedLine, weightError } from "../../src/taskpane/view-model";
import { rankMoves } from "../../src/ui/movement";
import { defaultModel } from "../../src/core/model";

describe("task pane strings", () => {
  test("bokmål and English have the same keys and no empty strings", () => {
    expect(Object.keys(enTaskpane).sort()).toEqual(Object.keys(nbTaskpane).sort());
    for (const v of [...Object.values(nbTaskpane), ...Object.values(enTaskpane)]) expect(v.trim()).not.toBe("");
  });

  test("both languages use the same placeholders", () => {
    const names = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    for (const key of Object.keys(nbTaskpane) as (keyof typeof nbTaskpane)[]) expect([key, names(enTaskpane[key])]).toEqual([key, names(nbTaskpane[key])]);
  });

  test("the Sjekkliste, Funn and Modell tabs' own tables (in their chunks): the same keys and placeholders in both languages, no empty strings", () => {
    const names = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    for (const [nb, en] of [
      [nbChecklistPane, enChecklistPane],
      [nbFindingsPane, enFindingsPane],
      [nbModelPane, enModelPane],
    ] as [Record<string, string>, Record<string, string>][]) {
      expect(Object.keys(en).sort()).toEqual(Object.keys(nb).sort());
      for (const key of Object.keys(nb)) expect([key, names(en[key])]).toEqual([key, names(nb[key])]);
      for (const v of [...Object.values(nb), ...Object.values(en)]) expect(v.trim()).not.toBe("");
    }
  });

  test("tp fills placeholders and leaves unknown ones", () => {
    expect(tp("nb", "status.updatedMs", { ms: 45 })).toBe("Oppdatert på 45 ms");
    expect(tp("en", "status.updatedMs", { ms: 45 })).toBe("Updated in 45 ms");
    expect(tp("nb", "status.updatedMs")).toBe("Oppdatert på {ms} ms");
  });
});

describe("parseWeight", () => {
  test.each([
    ["1,5", 1.5],
    ["1.5", 1.5],
    [" 2 ", 2],
    ["0", 0],
    [",5", 0.5],
    ["10", 10],
    ["+3", 3],
  ])("%s is %d", (raw, value) => {
    expect(parseWeight(raw)).toEqual({ ok: true, value });
  });

  test.each([
    ["-1", "model.weightNegative"],
    ["−0,5", "model.weightNegative"],
    ["", "model.weightEmpty"],
    ["abc", "model.weightNotNumber"],
    ["1,5,3", "model.weightNotNumber"],
    ["1e3", "model.weightNotNumber"],
    ["Infinity", "model.weightNotNumber"],
    ["NaN", "model.weightNotNumber"],
  ])("%j is rejected (%s)", (raw, error) => {
    const p = parseWeight(raw);
    expect(p.ok).toBe(false);
    if (!p.ok) expect(p.error).toBe(error);
  });

  test("messages quote the text in the language's quotes", () => {
    const p = parseWeight("mye");
    if (p.ok) throw new Error("expected a rejection");
    expect(weightError("nb", p)).toBe("«mye» er ikke et tall. Skriv for eksempel 1 eller 1,5.");
    expect(weightError("en", p)).toBe("“mye” is not a number. Enter, for example, 1 or 1.5.");
  });
});

describe("view helpers", () => {
  test("group abbreviations are the shortest unique prefixes", () => {
    expect([...groupAbbreviations(defaultModel(), "nb").values()]).toEqual(["M", "K", "N"]);
    expect([...groupAbbreviations(defaultModel(), "en").values()]).toEqual(["G", "C", "B"]);
  });

  test("cell addresses lose the sheet quotes for reading", () => {
    expect(displayCell("'Kritisk info'!F9")).toBe("Kritisk info!F9");
    expect(displayCell("DBEP!C16")).toBe("DBEP!C16");
    expect(displayCell("'Ola''s ark'!A1")).toBe("Ola's ark!A1");
  });

  test("the status line switches to seconds above 1000 ms", () => {
    expect(updatedLine("nb", 45)).toBe("Oppdatert på 45 ms");
    expect(updatedLine("nb", 1520)).toBe("Oppdatert på 1,5 s");
    expect(updatedLine("en", 1520)).toBe("Updated in 1.5 s");
  });

  test("rank moves: up is positive, only those that moved", () => {
    const before = new Map([["a", 1], ["b", 2], ["c", 3]]);
    const after = new Map([["a", 2], ["b", 1], ["c", 3], ["d", 4]]);
    expect([...rankMoves(before, after)]).toEqual([
      ["a", { by: -1, from: 1 }],
      ["b", { by: 1, from: 2 }],
    ]);
    expect(rankMoves(null, after).size).toBe(0);
  });
});
