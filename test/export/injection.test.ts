/**
 * CSV injection: a field that Excel would open as a formula (= + - @, a tab or a carriage return
 * first) gets a leading apostrophe, as OWASP recommends; numbers such as -1,5 stay numbers. The
 * same for the clipboard's tab-separated text; its HTML marks text cells as text for Excel.
 */
import { assess } from "../../src/core/assess";
import { defaultModel, leaves } from "../../src/core/model";
import { exportTable } from "../../src/export/rows";
import { csvField, neutralised, toCsv, toHtml, toTsv } from "../../src/export/table-text";

test.each([
  ["=HYPERLINK(\"http://x\")", "'=HYPERLINK(\"http://x\")"],
  ["+47 22 00", "'+47 22 00"],
  ["-Tiltak", "'-Tiltak"],
  ["@SUM(A1)", "'@SUM(A1)"],
  ["\tTab", "'\tTab"],
  ["\rCR", "'\rCR"],
  ["-", "'-"],
  ["-1,5", "-1,5"],
  ["-1.5", "-1.5"],
  ["+3", "+3"],
  ["22,8", "22,8"],
  ["6=", "6="],
  ["PLL", "PLL"],
  ["a=b", "a=b"],
  ["", ""],
])("neutralised(%j) is %j", (value, expected) => expect(neutralised(value)).toBe(expected));

test("csvField: neutralised first, then quoted when needed", () => {
  expect(csvField("=1+2", ";")).toBe("'=1+2");
  expect(csvField("=1;2", ";")).toBe(`"'=1;2"`);
  expect(csvField('=A1&"x"', ";")).toBe(`"'=A1&""x"""`);
  expect(csvField("\t=1", ";")).toBe("'\t=1");
  expect(csvField("-1,5", ";")).toBe("-1,5");
  expect(csvField("-1,5", ",")).toBe('"-1,5"');
  expect(csvField("@cmd", ",")).toBe("'@cmd");
});

/** Two measures whose names start like formulas, one with a theme that does. */
function hostile() {
  const model = defaultModel();
  const ids = leaves(model).map((l) => l.id);
  const m = (v: number, name: string, id: string, theme = "") => ({ id, name, theme, scores: Object.fromEntries(ids.map((leaf) => [leaf, { value: v }])) });
  return { assessment: assess(model, [m(8, "=HYPERLINK(\"http://x\",\"klikk\")", "T1"), m(7, "Alfa", "T2", "+Tema"), m(6, "-1,5", "T3")]) };
}

test("CSV of a workbook with formula-like names: each opens as text, the scores stay numbers", () => {
  const lines = toCsv(exportTable(hostile(), "nb")).slice(1).split("\r\n");
  expect(lines.slice(1, 4)).toEqual([
    `1;"'=HYPERLINK(""http://x"",""klikk"")";24,0;8,00;8,00;8,00;`,
    "2;'+Tema: Alfa;21,0;7,00;7,00;7,00;",
    "3;-1,5;18,0;6,00;6,00;6,00;",
  ]);
});

test("TSV and HTML of Kopier tabell: the same apostrophe in the text; text cells formatted as text in HTML", () => {
  const tsv = toTsv(exportTable(hostile(), "nb")).split("\n");
  expect(tsv.slice(1)).toEqual([
    `1\t'=HYPERLINK("http://x","klikk")\t24,0\t8,00\t8,00\t8,00\t`,
    "2\t'+Tema: Alfa\t21,0\t7,00\t7,00\t7,00\t",
    "3\t-1,5\t18,0\t6,00\t6,00\t6,00\t",
  ]);
  const html = toHtml(exportTable(hostile(), "nb"));
  expect(html).toContain(`<td style="border:1px solid #9DB3C8;padding:2px 6px;text-align:left;mso-number-format:'\\@';">=HYPERLINK(&quot;http://x&quot;,&quot;klikk&quot;)</td>`);
  expect(html).toContain(`<td style="border:1px solid #9DB3C8;padding:2px 6px;text-align:right;">24,0</td>`);
});

/** A measure named with control characters (Excel's _x0001_, NUL, ESC, DEL), a lone surrogate and U+FFFF; a theme with a line break and a tab. */
function controls() {
  const model = defaultModel();
  const ids = leaves(model).map((l) => l.id);
  const m = (v: number, name: string, id: string, theme = "") => ({ id, name, theme, scores: Object.fromEntries(ids.map((leaf) => [leaf, { value: v }])) });
  return { assessment: assess(model, [m(8, "PLL\u0001\u0000\u001b[31m", "T1"), m(7, "Alfa\ud800\uffff\u007f", "T2", "Tema\r\nto\tB")]) };
}

// eslint-disable-next-line no-control-regex -- what must not be in the file raw
const RAW = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

test("CSV of names with control characters: each shown as the terminal shows it (\\x01), none raw; a line break stays inside its quoted field", () => {
  const csv = toCsv(exportTable(controls(), "nb"));
  expect(RAW.test(csv)).toBe(false);
  expect(csv.slice(1).split("\r\n").slice(1, 4)).toEqual(["1;PLL\\x01\\x00\\x1b[31m;24,0;8,00;8,00;8,00;", '2;"Tema', 'to\tB: Alfa\\ud800\\uffff\\x7f";21,0;7,00;7,00;7,00;']);
});

test("TSV and HTML of Kopier tabell: the same", () => {
  const t = exportTable(controls(), "nb");
  const tsv = toTsv(t);
  expect(RAW.test(tsv)).toBe(false);
  expect(tsv.split("\n").slice(1)).toEqual(["1\tPLL\\x01\\x00\\x1b[31m\t24,0\t8,00\t8,00\t8,00\t", "2\tTema to B: Alfa\\ud800\\uffff\\x7f\t21,0\t7,00\t7,00\t7,00\t"]);
  const html = toHtml(t);
  expect(RAW.test(html)).toBe(false);
  expect(html).toContain(">PLL\\x01\\x00\\x1b[31m</td>");
});
