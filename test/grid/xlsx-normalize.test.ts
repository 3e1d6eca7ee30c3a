/**
 * A workbook from another program in Excel's part names and relative targets, before exceljs
 * reads it (src/grid/xlsx-normalize.ts): openpyxl writes absolute targets and its own names for
 * comments and their drawing; Excel's own packages (and exceljs's) pass unchanged, byte for byte;
 * the table objects can be taken out for a second try.
 */
import { promises as fs } from "fs";
import JSZip from "jszip";
import * as path from "path";
import { crc32, normalizePackage, relativeTarget, resolveTarget, sourceOf, withoutTables, type PackagePart } from "../../src/grid/xlsx-normalize";

const codec = { decode: (d: Uint8Array) => new TextDecoder().decode(d), encode: (t: string) => new TextEncoder().encode(t) };
const part = (name: string, text: string): PackagePart => ({ name, data: codec.encode(text) });
const textOf = (parts: PackagePart[], name: string) => codec.decode(parts.find((p) => p.name === name)!.data);

const REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

test.each([
  ["xl/worksheets/_rels/sheet1.xml.rels", "xl/worksheets/sheet1.xml"],
  ["xl/_rels/workbook.xml.rels", "xl/workbook.xml"],
  ["_rels/.rels", ""],
  ["xl/worksheets/sheet1.xml", undefined],
])("sourceOf(%j) is %j", (rels, source) => expect(sourceOf(rels)).toBe(source));

test.each([
  ["xl/worksheets/sheet1.xml", "/xl/tables/table1.xml", "xl/tables/table1.xml"],
  ["xl/worksheets/sheet1.xml", "../tables/table1.xml", "xl/tables/table1.xml"],
  ["xl/workbook.xml", "worksheets/sheet1.xml", "xl/worksheets/sheet1.xml"],
  ["xl/workbook.xml", "./styles.xml", "xl/styles.xml"],
  ["", "xl/workbook.xml", "xl/workbook.xml"],
  ["", "/xl/workbook.xml", "xl/workbook.xml"],
])("resolveTarget(%j, %j) is %j", (source, target, part) => expect(resolveTarget(source, target)).toBe(part));

test.each([
  ["xl/worksheets/sheet1.xml", "xl/tables/table1.xml", "../tables/table1.xml"],
  ["xl/worksheets/sheet1.xml", "xl/comments1.xml", "../comments1.xml"],
  ["xl/worksheets/sheet1.xml", "xl/drawings/vmlDrawing1.vml", "../drawings/vmlDrawing1.vml"],
  ["xl/workbook.xml", "xl/worksheets/sheet2.xml", "worksheets/sheet2.xml"],
  ["", "xl/workbook.xml", "xl/workbook.xml"],
])("relativeTarget(%j, %j) is %j", (source, target, rel) => expect(relativeTarget(source, target)).toBe(rel));

test("CRC-32 as zip computes it", () => {
  expect(crc32(codec.encode("123456789"))).toBe(0xcbf43926);
  expect(crc32(new Uint8Array(0))).toBe(0);
});

/** The parts of a workbook as openpyxl 3.0.9 writes them: absolute targets, comments and their drawing under its own names. */
function openpyxlLike(): PackagePart[] {
  return [
    part(
      "[Content_Types].xml",
      `<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="w"/><Override PartName="/xl/comments/comment1.xml" ContentType="c"/><Override PartName="/xl/tables/table1.xml" ContentType="t"/></Types>`,
    ),
    part("_rels/.rels", `<Relationships><Relationship Type="${REL}/officeDocument" Target="xl/workbook.xml" Id="rId1"/></Relationships>`),
    part("xl/workbook.xml", `<workbook><sheets><sheet name="Vurdering" sheetId="1" r:id="rId1"/></sheets></workbook>`),
    part(
      "xl/_rels/workbook.xml.rels",
      `<Relationships><Relationship Type="${REL}/worksheet" Target="/xl/worksheets/sheet1.xml" Id="rId1"/><Relationship Type="${REL}/styles" Target="styles.xml" Id="rId2"/></Relationships>`,
    ),
    part("xl/worksheets/sheet1.xml", `<worksheet><sheetData/><legacyDrawing r:id="anysvml"/><tableParts count="1"><tablePart r:id="rId1"/></tableParts></worksheet>`),
    part(
      "xl/worksheets/_rels/sheet1.xml.rels",
      `<Relationships><Relationship Type="${REL}/table" Target="/xl/tables/table1.xml" Id="rId1"/><Relationship Type="${REL}/comments" Target="/xl/comments/comment1.xml" Id="comments"/><Relationship Type="${REL}/vmlDrawing" Target="/xl/drawings/commentsDrawing1.vml" Id="anysvml"/><Relationship Type="${REL}/hyperlink" Target="https://example.org/a?b&amp;c" TargetMode="External" Id="rId9"/></Relationships>`,
    ),
    part("xl/tables/table1.xml", `<table name="PrioVurdering" ref="A1:B2"/>`),
    part("xl/comments/comment1.xml", `<comments/>`),
    part("xl/drawings/commentsDrawing1.vml", `<xml/>`),
    part("xl/styles.xml", `<styleSheet/>`),
  ];
}

describe("a package as openpyxl writes it", () => {
  const out = normalizePackage(openpyxlLike(), codec);
  test("comments and their drawing get Excel's names; the rest keep theirs, in order", () => {
    expect(out.map((p) => p.name)).toEqual([
      "[Content_Types].xml",
      "_rels/.rels",
      "xl/workbook.xml",
      "xl/_rels/workbook.xml.rels",
      "xl/worksheets/sheet1.xml",
      "xl/worksheets/_rels/sheet1.xml.rels",
      "xl/tables/table1.xml",
      "xl/comments1.xml",
      "xl/drawings/vmlDrawing1.vml",
      "xl/styles.xml",
    ]);
  });
  test("every internal target relative to its source, as exceljs looks them up; an external one as it was", () => {
    expect(textOf(out, "xl/worksheets/_rels/sheet1.xml.rels")).toBe(
      `<Relationships><Relationship Type="${REL}/table" Target="../tables/table1.xml" Id="rId1"/><Relationship Type="${REL}/comments" Target="../comments1.xml" Id="comments"/><Relationship Type="${REL}/vmlDrawing" Target="../drawings/vmlDrawing1.vml" Id="anysvml"/><Relationship Type="${REL}/hyperlink" Target="https://example.org/a?b&amp;c" TargetMode="External" Id="rId9"/></Relationships>`,
    );
    expect(textOf(out, "xl/_rels/workbook.xml.rels")).toBe(
      `<Relationships><Relationship Type="${REL}/worksheet" Target="worksheets/sheet1.xml" Id="rId1"/><Relationship Type="${REL}/styles" Target="styles.xml" Id="rId2"/></Relationships>`,
    );
  });
  test("the content types follow the renamed parts; unchanged parts are the same bytes", () => {
    expect(textOf(out, "[Content_Types].xml")).toContain('<Override PartName="/xl/comments1.xml" ContentType="c"/>');
    expect(textOf(out, "[Content_Types].xml")).not.toContain("comment1.xml");
    const before = openpyxlLike();
    expect(out.find((p) => p.name === "xl/tables/table1.xml")!.data).toEqual(before.find((p) => p.name === "xl/tables/table1.xml")!.data);
  });
  test("an Excel name already taken is not reused", () => {
    const parts = [...openpyxlLike(), part("xl/comments1.xml", "<comments/>")];
    expect(normalizePackage(parts, codec).map((p) => p.name)).toContain("xl/comments2.xml");
  });
  test("without tables: no table part, no relationship to it, no <tableParts>; comments stay", () => {
    const plain = withoutTables(out, codec);
    expect(plain.map((p) => p.name)).not.toContain("xl/tables/table1.xml");
    expect(textOf(plain, "xl/worksheets/_rels/sheet1.xml.rels")).not.toContain("table");
    expect(textOf(plain, "xl/worksheets/_rels/sheet1.xml.rels")).toContain("../comments1.xml");
    expect(textOf(plain, "xl/worksheets/sheet1.xml")).toBe(`<worksheet><sheetData/><legacyDrawing r:id="anysvml"/></worksheet>`);
  });
});

test.each(["utvalg.xlsx", "portefolje-2020.xlsx", "prioritering-2022-09.xlsx"])("examples/%s (written by exceljs) passes unchanged, byte for byte", async (name) => {
  const zip = await JSZip.loadAsync(await fs.readFile(path.resolve(__dirname, "../../examples", name)));
  const parts: PackagePart[] = [];
  for (const f of Object.values(zip.files)) if (!f.dir) parts.push({ name: f.name, data: await f.async("uint8array") });
  const out = normalizePackage(parts, codec);
  expect(out.map((p) => p.name)).toEqual(parts.map((p) => p.name));
  out.forEach((p, i) => expect(p.data).toBe(parts[i].data));
});
