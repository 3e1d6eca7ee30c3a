/**
 * A workbook cannot drive the terminal: ESC sequences (clear screen, window title), bells, C1
 * controls (a one-byte CSI), bidirectional overrides and isolates, and raw line breaks in names
 * and answers are shown as visible escapes in the text output of `prio score` and `prio checklist`.
 * The JSON output holds exactly the workbook's text, with every such character written as a \u
 * escape (JSON.stringify alone leaves C1 and the bidirectional controls raw).
 */
import * as path from "path";
import { escapeControls, escapeControlsKeepLines, escapeDeep, escapeJson } from "../../src/core/escape";
import { run, tempDir } from "../support/cli";
import { INN, writeChecklistWorkbook } from "../support/checklist";

const NAMES = {
  T001: "Akson\u001b[2J\u001b]0;eid\u0007",
  T002: "Legemiddel\u202eprogrammet",
  T003: "Linje1\nLinje2\r\tslutt",
  T004: "Helse\u009b31mplattformen",
  T005: "FRESK\u2066\u2069\u2067x\u2068\u200f\u061c\u2028y",
};
const ESCAPED = {
  T001: "Akson\\x1b[2J\\x1b]0;eid\\x07",
  T002: "Legemiddel\\u202eprogrammet",
  T003: "Linje1\\nLinje2\\r\\tslutt",
  T004: "Helse\\x9b31mplattformen",
  T005: "FRESK\\u2066\\u2069\\u2067x\\u2068\\u200f\\u061c\\u2028y",
};
/** Anything a terminal acts on, except the output's own line breaks. */
// eslint-disable-next-line no-control-regex -- control characters are what is looked for
const UNSAFE = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/;

/**
 * How a workbook carries a C0 control: Excel writes it as _xHHHH_ in the XML (XML 1.0 has no
 * room for the raw character) and exceljs decodes it on reading, as Excel does.
 */
// eslint-disable-next-line no-control-regex -- the C0 controls are what is encoded
const inXlsx = (s: string) => s.replace(/[\u0000-\u0008\u000b-\u001f]/g, (c) => `_x${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, "0")}_`);

let dir: string;
let cleanup: () => void;
let file: string;

beforeAll(async () => {
  ({ dir, cleanup } = tempDir());
  file = path.join(dir, "fiendtlig.xlsx");
  const ids = Object.keys(NAMES) as (keyof typeof NAMES)[];
  await writeChecklistWorkbook(file, {
    scoring: ids.map((id, i) => ({ id, name: inXlsx(NAMES[id]), actor: inXlsx("Aktør\u001b[31m"), all: 8 - i })),
    checklist: ids.map((id) => ({ id, name: inXlsx(NAMES[id]), actor: inXlsx("Aktør\u001b[31m"), ...INN, samstyre: id === "T002" ? inXlsx("Kanskje\u0007") : "Ja" })),
  });
});
afterAll(() => cleanup());

describe("prio score, text", () => {
  test.each(["nb", "en"])("%s: no raw control character; each name escaped on its rank line", async (lang) => {
    const r = await run(["score", file, "--lang", lang]);
    expect([r.code, r.err]).toEqual([0, ""]);
    expect(r.out).not.toMatch(UNSAFE);
    const lines = r.out.split("\n");
    // Totals 24, 21, 18, 15, 12: rank 1 to 5, one line each, the name escaped (cut to 56 characters at most).
    const decimal = lang === "nb" ? "," : ".";
    const expected: [string, string, string][] = [
      ["1", ESCAPED.T001, `24${decimal}0`],
      ["2", ESCAPED.T002, `21${decimal}0`],
      ["3", ESCAPED.T003, `18${decimal}0`],
      ["4", ESCAPED.T004, `15${decimal}0`],
      ["5", ESCAPED.T005, `12${decimal}0`],
    ];
    for (const [rank, name, total] of expected) {
      const line = lines.find((l) => l.trimStart().startsWith(`${rank}  `));
      expect(line).toBeDefined();
      expect(line).toContain(name);
      expect(line).toContain(total);
    }
    expect(lines.some((l) => l.startsWith("Linje2"))).toBe(false);
  });
});

describe("prio checklist, text", () => {
  test("no raw control character; the answer «Kanskje» with a bell is shown escaped in its finding", async () => {
    const r = await run(["checklist", file]);
    expect([r.code, r.err]).toEqual([0, ""]);
    expect(r.out).not.toMatch(UNSAFE);
    expect(r.out).toContain("Kanskje\\x07");
    expect(r.out).toContain(ESCAPED.T002);
  });
});

describe("JSON", () => {
  test.each([["score"], ["checklist"]])("prio %s --json: the exact names back, no raw C1 or bidirectional control in the text", async (command) => {
    const r = await run([command, file, "--json"]);
    expect([r.code, r.err]).toEqual([0, ""]);
    expect(r.out).not.toMatch(UNSAFE);
    const parsed = JSON.parse(r.out) as { measures: { id: string; name: string }[] };
    const names = Object.fromEntries(parsed.measures.map((m) => [m.id, m.name]));
    expect(names).toEqual(NAMES);
  });
});

describe("the escaping itself", () => {
  test("every C0, DEL and C1 control, and each Unicode control, one by one", () => {
    for (let c = 0; c <= 0x9f; c++) {
      if (c >= 0x20 && c < 0x7f) continue;
      const ch = String.fromCharCode(c);
      const named: Record<number, string> = { 9: "\\t", 10: "\\n", 13: "\\r" };
      expect(escapeControls(`a${ch}b`)).toBe(`a${named[c] ?? `\\x${c.toString(16).padStart(2, "0")}`}b`);
    }
    for (const c of [0x061c, 0x200e, 0x200f, 0x2028, 0x2029, 0x202a, 0x202b, 0x202c, 0x202d, 0x202e, 0x2066, 0x2067, 0x2068, 0x2069]) {
      expect(escapeControls(String.fromCharCode(c))).toBe(`\\u${c.toString(16).padStart(4, "0")}`);
    }
  });
  test("ordinary text, Norwegian letters, emoji and a backslash stay as they are", () => {
    const s = "Æøå – «sitat» \\n € 😀 ½";
    expect(escapeControls(s)).toBe(s);
  });
  test("a block keeps its own line breaks", () => {
    expect(escapeControlsKeepLines("a\u001b\nb\r")).toBe("a\\x1b\nb\\r");
  });
  test("escapeJson keeps the JSON value", () => {
    const value = { name: NAMES.T005 + NAMES.T004 + NAMES.T001, nested: [NAMES.T002] };
    const text = escapeJson(JSON.stringify(value, null, 2));
    expect(text).not.toMatch(UNSAFE);
    expect(JSON.parse(text)).toEqual(value);
  });
  test("escapeDeep escapes keys, Map keys and Set members alike, and keeps shared references shared", () => {
    const shared = { name: "a\u0007" };
    const v = { "k\u001b": shared, again: shared, m: new Map([["T\u0007", 1]]), s: new Set(["x\u202e"]), n: 1, d: new Date(0) };
    const out = escapeDeep(v) as unknown as Record<string, unknown>;
    expect(out["k\\x1b"]).toEqual({ name: "a\\x07" });
    expect(out["k\\x1b"]).toBe(out.again);
    expect([...(out.m as Map<string, number>)]).toEqual([["T\\x07", 1]]);
    expect([...(out.s as Set<string>)]).toEqual(["x\\u202e"]);
    expect(out.n).toBe(1);
    expect(out.d).toBe(v.d);
    expect(v["k\u001b"].name).toBe("a\u0007");
  });
});
