/**
 * `prio slides` reads the title and meeting the task pane remembered in the workbook (Office's
 * document setting «prio.export», kept in xl/webextensions/webextension<N>.xml as a JSON value),
 * so its title slide is the pane's; the flags override it. And the CLI's polish: --date must be a
 * day in the calendar, --top at most the ranked measures (as in the pane), and `prio` lists the
 * export commands.
 */
import { readFileSync, writeFileSync } from "fs";
import JSZip from "jszip";
import * as path from "path";
import { rememberedExportSettings } from "../../src/cli/remembered";
import { ADDIN_ID, exportSettingsFromParts } from "../../src/export/remembered";
import { unzip } from "../export/support";
import { BUILD_TIMEOUT, ensureCliBuilt, expectOneLineNoStack, run, spawnPrio, tempDir } from "../support/cli";
import { MEETING_XLSX } from "../support/meeting";

jest.setTimeout(120_000);

let dir: string;
let cleanup: () => void;
beforeAll(() => ({ dir, cleanup } = tempDir()));
afterAll(() => cleanup());

const xmlAttr = (s: string) => s.replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

/** A webextension part as Excel writes it, with the add-in's reference and properties (values JSON, XML-escaped). */
function webextension(reference: string, props: Record<string, string>): string {
  const properties = Object.entries(props)
    .map(([name, value]) => `<we:property name="${xmlAttr(name)}" value="${xmlAttr(value)}"/>`)
    .join("");
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
    '<we:webextension xmlns:we="http://schemas.microsoft.com/office/webextensions/webextension/2010/11" id="{6A5F0D2E-1C3B-4A7E-9C1D-2B3A4C5D6E7F}">' +
    `<we:reference id="${reference}" version="1.0.0.0" store="developer" storeType="Registry"/><we:alternateReferences/>` +
    `<we:properties>${properties}</we:properties><we:bindings/><we:snapshot xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"/></we:webextension>`
  );
}

/** The meeting workbook with add-in parts (and the content types and relationships Excel writes for a task pane add-in). */
async function withParts(file: string, parts: Record<string, string>): Promise<string> {
  const zip = await JSZip.loadAsync(readFileSync(MEETING_XLSX));
  const names = Object.keys(parts);
  for (const [name, xml] of Object.entries(parts)) zip.file(name, xml);
  const types = await zip.file("[Content_Types].xml")!.async("string");
  const overrides = names.map((n) => `<Override PartName="/${n}" ContentType="application/vnd.ms-office.webextension+xml"/>`).join("");
  zip.file("[Content_Types].xml", types.replace("</Types>", `${overrides}</Types>`));
  zip.file(
    "xl/webextensions/taskpanes.xml",
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<wetp:taskpanes xmlns:wetp="http://schemas.microsoft.com/office/webextensions/taskpanes/2010/11"><wetp:taskpane dockstate="right" visibility="0" width="350" row="4"><wetp:webextensionref xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" r:id="rId1"/></wetp:taskpane></wetp:taskpanes>',
  );
  zip.file(
    "xl/webextensions/_rels/taskpanes.xml.rels",
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${names
      .map((n, i) => `<Relationship Id="rId${i + 1}" Type="http://schemas.microsoft.com/office/2011/relationships/webextension" Target="${path.basename(n)}"/>`)
      .join("")}</Relationships>`,
  );
  const out = path.join(dir, file);
  writeFileSync(out, await zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" }));
  return out;
}

const REMEMBERED = JSON.stringify({ title: 'Rådets liste «A & B» <2022> "endelig"', meeting: "Nasjonalt e-helseråd 21.09.2022" });

describe("what the pane remembered, read from the .xlsx", () => {
  test("the add-in's part: title and meeting, with XML and JSON escapes undone", async () => {
    const file = await withParts("husket.xlsx", { "xl/webextensions/webextension1.xml": webextension(`{${ADDIN_ID.toUpperCase()}}`, { "Office.AutoShowTaskpaneWithDocument": "true", "prio.export": REMEMBERED }) });
    await expect(rememberedExportSettings(file)).resolves.toEqual({ title: 'Rådets liste «A & B» <2022> "endelig"', meeting: "Nasjonalt e-helseråd 21.09.2022" });
  });
  test("none: a workbook without add-in parts, or a part without the setting", async () => {
    await expect(rememberedExportSettings(MEETING_XLSX)).resolves.toBeUndefined();
    const file = await withParts("uten.xlsx", { "xl/webextensions/webextension1.xml": webextension(ADDIN_ID, { "Office.AutoShowTaskpaneWithDocument": "true" }) });
    await expect(rememberedExportSettings(file)).resolves.toBeUndefined();
  });
  test("garbage is ignored without a crash: not JSON, not an object, fields of other types", () => {
    const part = (value: string) => new Map([["xl/webextensions/webextension1.xml", webextension(ADDIN_ID, { "prio.export": value })]]);
    expect(exportSettingsFromParts(part("{title:"))).toBeUndefined();
    expect(exportSettingsFromParts(part('"bare tekst"'))).toEqual({ title: "", meeting: "" });
    expect(exportSettingsFromParts(part('{"title":["x"],"meeting":"Møte 4/21"}'))).toEqual({ title: "", meeting: "Møte 4/21" });
    expect(exportSettingsFromParts(new Map([["xl/webextensions/webextension1.xml", "<we:webextension><we:property name=</we:webextension>"]]))).toBeUndefined();
  });
  test("another add-in's part with a property of the same name: the add-in's own part wins, in any order", () => {
    const foreign = webextension("{11111111-2222-3333-4444-555555555555}", { "prio.export": JSON.stringify({ title: "Fremmed", meeting: "" }) });
    const ours = webextension(ADDIN_ID, { "prio.export": JSON.stringify({ title: "Vår", meeting: "" }) });
    expect(exportSettingsFromParts(new Map([["xl/webextensions/webextension1.xml", foreign], ["xl/webextensions/webextension2.xml", ours]]))?.title).toBe("Vår");
    expect(exportSettingsFromParts(new Map([["xl/webextensions/webextension2.xml", foreign]]))?.title).toBe("Fremmed");
  });
});

describe("prio slides with what the pane remembered", () => {
  beforeAll(() => ensureCliBuilt(), BUILD_TIMEOUT);
  /** The text of the first slide (the title slide). */
  const titleSlide = async (file: string) => (await unzip(readFileSync(file))).file("ppt/slides/slide1.xml")!.async("string");

  test("the title slide and the file name's date come from the workbook; the flags override them", async () => {
    const file = await withParts("husket-møte.xlsx", { "xl/webextensions/webextension1.xml": webextension(ADDIN_ID, { "prio.export": REMEMBERED }) });
    const r = spawnPrio(["slides", file]);
    const out = path.join(dir, "Prioritering 2022-09-21.pptx");
    expect([r.code, r.err, r.out]).toEqual([0, "", `Lysarkene er lagret i ${out}\n`]);
    const slide = await titleSlide(out);
    expect(slide).toContain("Rådets liste «A &amp; B» &lt;2022&gt; &quot;endelig&quot;");
    expect(slide).toContain("Nasjonalt e-helseråd 21.09.2022");

    const other = path.join(dir, "flagg.pptx");
    const f = spawnPrio(["slides", file, "-o", other, "--title", "Annen tittel", "--meeting", "NUIT 2022-10-05"]);
    expect([f.code, f.err]).toEqual([0, ""]);
    const flagged = await titleSlide(other);
    expect(flagged).toContain("Annen tittel");
    expect(flagged).toContain("NUIT 2022-10-05");
    expect(flagged).not.toContain("Rådets liste");
    expect(flagged).not.toContain("e-helseråd");
  });
  test("a leap day exists: 2024-02-29 is accepted", () => {
    const out = path.join(dir, "skudd.pptx");
    const r = spawnPrio(["slides", MEETING_XLSX, "-o", out, "--date", "2024-02-29"]);
    expect([r.code, r.err]).toEqual([0, ""]);
  });
});

describe("the command line's checks and usage", () => {
  test.each([
    [["slides", MEETING_XLSX, "--date", "2022-02-30"], "--date: 2022-02-30 finnes ikke i kalenderen"],
    [["slides", MEETING_XLSX, "--date", "2023-02-29", "--lang", "en"], "--date: 2023-02-29 is not a day in the calendar"],
    [["slides", MEETING_XLSX, "--date", "2022-13-01"], "--date: 2022-13-01 finnes ikke i kalenderen"],
    [["slides", MEETING_XLSX, "--top", "14"], "--top kan være høyst 13 (så mange tiltak er rangert), ikke 14"],
    [["score", MEETING_XLSX, "--csv", "--top", "99", "--lang", "en"], "--top can be at most 13 (the number of ranked measures), not 99"],
  ])("%j → one line, exit 2", async (argv, message) => {
    const r = await run(argv);
    expect([r.code, r.out, r.err]).toEqual([2, "", message]);
    expectOneLineNoStack(r.err);
  });
  test("--top equal to the ranked measures is fine", async () => {
    const r = await run(["score", MEETING_XLSX, "--csv", "--top", "13"]);
    expect(r.code).toBe(0);
  });
  test("plain `prio` and `prio --help` list slides and score --csv", async () => {
    const plain = await run([]);
    const help = await run(["--help", "--lang", "en"]);
    expect(plain.code).toBe(2);
    expect(help.code).toBe(0);
    expect(plain.out.split("\n").slice(0, 4)).toEqual([
      "Bruk: prio score <fil.xlsx> [--json] [--lang nb|en]",
      "       prio score <fil.xlsx> --csv [--lang nb|en] [--top N] [--segment NAVN] [--skjul-ut]",
      "       prio checklist <fil.xlsx> [--json] [--lang nb|en]",
      "       prio slides <fil.xlsx> [-o ut.pptx] [--force] [--lang nb|en] [--top N] [--segment NAVN] [--title TEKST] [--meeting TEKST] [--date ÅÅÅÅ-MM-DD] …",
    ]);
    expect(plain.out).toContain("\nslides       lager lysark (PowerPoint) med den rangerte listen, «Prioritering <dato>.pptx» ved siden av arbeidsboken;\n");
    expect(plain.out).toContain("\nscore --csv  skriver den rangerte listen som CSV (UTF-8 med BOM, semikolon)\n");
    expect(help.out).toContain("\n       prio slides <file.xlsx> [-o out.pptx]");
    expect(help.out).toContain("\nscore --csv  prints the ranked list as CSV (UTF-8 with BOM, comma)\n");
  });
  test("prio slides --help says where the file name's date comes from", async () => {
    const r = await run(["slides", "--help"]);
    expect(r.out).toContain("--date     møtets dato; uten den datoen i møtet (--meeting eller det som er husket), ellers i dag. Den står også i filnavnet «Prioritering <dato>.pptx»");
  });
});
