/**
 * Every text that enters the deck is valid XML 1.0 in every part (slides, charts and their
 * embedded workbooks, notes, document properties): a name holding a control character (Excel's
 * `_x0001_`, which exceljs reads as "\u0001"), a lone surrogate or U+FFFF used to go raw into
 * ppt/slides and ppt/charts, which strict XML readers reject and LibreOffice stops drawing at.
 * Such characters are shown as the terminal shows them (`\x01`). Checked with libxml2
 * (xmllint-wasm) on decks made from random names, themes, labels, titles and meetings, and that
 * every measure is drawn: its name, as shown, is a text of a slide.
 */
import fc from "fast-check";
import JSZip from "jszip";
import { validateXML } from "xmllint-wasm";
import { assess } from "../../src/core/assess";
import { escapeForFile } from "../../src/core/escape";
import { defaultModel, leaves, type Model } from "../../src/core/model";
import { buildDeck, type DeckOptions } from "../../src/export/deck";
import { exportTable } from "../../src/export/rows";
import { astralStandIns, cleanXmlText, deckSafe, deckText, sanitizePptx } from "../../src/export/sanitize";
import { descendants, parseXml, type XmlElement } from "../../scripts/xml";

interface Part {
  name: string;
  bytes: Uint8Array;
}

/** Every XML part of the deck, and of each workbook embedded in it (the charts' data). */
async function xmlParts(bytes: Uint8Array, prefix = ""): Promise<Part[]> {
  const zip = await JSZip.loadAsync(bytes);
  const out: Part[] = [];
  for (const f of Object.values(zip.files)) {
    if (f.dir) continue;
    if (/\.(xml|rels)$/.test(f.name)) out.push({ name: prefix + f.name, bytes: await f.async("uint8array") });
    else if (/\.xlsx$/.test(f.name)) out.push(...(await xmlParts(await f.async("uint8array"), `${prefix}${f.name}!`)));
  }
  return out;
}

/** The parts libxml2 does not accept as well-formed XML, with its first message for each. */
async function malformed(parts: Part[]): Promise<string[]> {
  const result = await validateXML({
    xml: parts.map((p, i) => ({ fileName: `part${i}.xml`, contents: p.bytes })),
    // No schema: xmllint --noout, well-formedness only.
    schema: [],
  });
  if (result.valid) return [];
  const bad = new Map<string, string>();
  for (const e of result.errors) {
    const i = e.loc ? Number(/^part(\d+)\.xml$/.exec(e.loc.fileName)?.[1]) : NaN;
    if (Number.isInteger(i) && !bad.has(parts[i].name)) bad.set(parts[i].name, e.message);
  }
  // An error libxml2 did not tie to a file still fails the check.
  return bad.size ? [...bad].map(([p, m]) => `${p}: ${m}`) : [result.rawOutput];
}

/** The text of every text body (a shape's or a table cell's) on the slides: paragraphs joined by line breaks. */
function slideTexts(parts: Part[]): string[] {
  const decoder = new TextDecoder();
  const out: string[] = [];
  for (const p of parts) {
    if (!/^ppt\/slides\/slide\d+\.xml$/.test(p.name)) continue;
    for (const body of descendants(parseXml(decoder.decode(p.bytes))).filter((e) => e.localName === "txBody")) {
      const paragraph = (el: XmlElement) =>
        descendants(el)
          .filter((e) => e.localName === "t" || e.localName === "br")
          .map((e) => (e.localName === "br" ? "\n" : e.text))
          .join("");
      out.push(body.children.filter((c) => c.localName === "p").map(paragraph).join("\n"));
    }
  }
  return out;
}

/**
 * pptxgenjs loads node:fs and node:https with import() when it sees Node (for media read from
 * files; the deck has none), which jest cannot run without --experimental-vm-modules; here it takes
 * the browser's path, as in the task pane.
 */
const release = Object.getOwnPropertyDescriptor(process, "release")!;
beforeAll(() => Object.defineProperty(process, "release", { ...release, value: { ...process.release, name: "jest" } }));
afterAll(() => Object.defineProperty(process, "release", release));

const model = defaultModel();
const leafIds = leaves(model).map((l) => l.id);

interface Case {
  names: { name: string; theme: string; scored: boolean; score: number }[];
  title: string;
  meeting: string;
  modelName: string;
  groupLabel: string;
  top: number;
}

function deckInput(c: Case): { assessment: ReturnType<typeof assess>; options: DeckOptions } {
  const m: Model = structuredClone(model);
  m.name = c.modelName;
  m.criteria[0].label = { nb: c.groupLabel, en: c.groupLabel };
  const inputs = c.names.map((n, i) => ({
    id: `T${i + 1}`,
    name: n.name,
    theme: n.theme,
    // A measure not scored has no total: it goes on the slide of measures without one.
    scores: Object.fromEntries(leafIds.map((leaf, k) => [leaf, { value: n.scored || k < 3 ? (n.score + k) % 11 : null }])),
  }));
  const options: DeckOptions = {
    lang: "nb",
    date: "2022-09-21",
    today: "2022-09-21",
    title: c.title,
    meeting: c.meeting,
    top: c.top || null,
    slides: { acceptability: true },
  };
  return { assessment: assess(m, inputs), options };
}

/** Checks one deck: every part parses strictly, and every measure's name (as shown) is a text on a slide. */
async function check(c: Case): Promise<void> {
  const { assessment, options } = deckInput(c);
  const parts = await xmlParts(await buildDeck({ assessment }, options));
  expect(await malformed(parts)).toEqual([]);
  const texts = slideTexts(parts);
  const shown = exportTable(deckSafe({ assessment }), "nb");
  const names = [...shown.ranked, ...shown.unranked].map((r) => r.name);
  expect(names).toHaveLength(c.names.length);
  const missing = names.filter((n) => !texts.some((t) => t.includes(n)));
  expect(missing).toEqual([]);
}

describe("a name holding a control character (Excel's _x0001_)", () => {
  const c: Case = {
    names: [
      { name: "PLL\u0001", theme: "Legemidler", scored: true, score: 9 },
      { name: "Kritisk info", theme: "", scored: true, score: 7 },
      { name: "Dokumentdeling", theme: "", scored: true, score: 5 },
    ],
    title: "Prioritering",
    meeting: "Nasjonalt e-helseråd",
    modelName: "Modell",
    groupLabel: "Måloppnåelse",
    top: 0,
  };
  test("every part parses; the slide and the chart show it as \\x01, and the ranked list goes on after it", async () => {
    const { assessment, options } = deckInput(c);
    const parts = await xmlParts(await buildDeck({ assessment }, options));
    expect(await malformed(parts)).toEqual([]);
    const decoder = new TextDecoder();
    const text = (name: string) => decoder.decode(parts.find((p) => p.name === name)!.bytes);
    expect(text("ppt/slides/slide2.xml")).toContain("<a:t>Legemidler: PLL\\x01</a:t>");
    expect(text("ppt/charts/chart1.xml")).toContain("<c:v>1  Legemidler: PLL\\x01</c:v>");
    expect(slideTexts(parts.filter((p) => p.name === "ppt/slides/slide2.xml")).filter((t) => ["Legemidler: PLL\\x01", "Kritisk info", "Dokumentdeling"].includes(t))).toEqual([
      "Legemidler: PLL\\x01",
      "Kritisk info",
      "Dokumentdeling",
    ]);
  });
  test("the title and meeting in the document properties too", async () => {
    const { assessment, options } = deckInput({ ...c, title: "Tittel\u0002", meeting: "Møte\u001f\uffff" });
    const parts = await xmlParts(await buildDeck({ assessment }, options));
    expect(await malformed(parts)).toEqual([]);
    const core = new TextDecoder().decode(parts.find((p) => p.name === "docProps/core.xml")!.bytes);
    expect(core).toContain("<dc:title>Tittel\\x02</dc:title>");
    expect(core).toContain("<dc:subject>Møte\\x1f\\uffff</dc:subject>");
  });
});

describe("deckText and the last guard on a part", () => {
  test.each([
    ["A\u0001B", "A\\x01B"],
    ["\u0000\u0008\u000b\u000c\u000e\u001f", "\\x00\\x08\\x0b\\x0c\\x0e\\x1f"],
    ["tab\tand\nline", "tab\tand\nline"],
    ["cr\r\nlf\rx", "cr\nlf\nx"],
    ["del\u007f c1\u0085", "del\\x7f c1\\x85"],
    ["lone \ud800 and \udc00", "lone \\ud800 and \\udc00"],
    ["pair \ud83d\ude00 kept", "pair \ud83d\ude00 kept"],
    ["\ufffe\uffff", "\\ufffe\\uffff"],
    ["\u200f\u202eRTL\u202c", "\u200f\u202eRTL\u202c"],
    ["<&>\"'", "<&>\"'"],
  ])("deckText(%j) is %j", (raw, shown) => expect(deckText(raw)).toBe(shown));

  test("cleanXmlText escapes what reached a part raw, and leaves a clean part as it is", () => {
    expect(cleanXmlText("<a:t>x\u0001y</a:t>")).toBe("<a:t>x\\x01y</a:t>");
    const clean = '<?xml version="1.0"?>\r\n<a:t attr="&amp;">Æ\tø\n😀</a:t>';
    expect(cleanXmlText(clean)).toBe(clean);
    expect(escapeForFile(clean)).toBe(clean);
  });
});

describe("characters written as surrogate pairs (emoji, rare CJK)", () => {
  test("go through pptxgenjs as private-use stand-ins the texts do not use, and come back", () => {
    const { value, restore } = astralStandIns({ name: "PLL \ud83d\ude00 \ud842\udfb7 \ud83d\ude00", theme: "\ue000 ikon" });
    expect(value).toEqual({ name: "PLL \ue001 \ue002 \ue001", theme: "\ue000 ikon" });
    expect([...restore]).toEqual([
      ["\ue001", "\ud83d\ude00"],
      ["\ue002", "\ud842\udfb7"],
    ]);
    expect(astralStandIns({ name: "PLL" }).restore.size).toBe(0);
  });
  test("a stand-in on JSZip's 16 384-unit boundary comes back whole (JSZip cuts a pair written there in two)", async () => {
    const xml = `<a:t>${"x".repeat(16_380)}\ue000y</a:t>`;
    const zip = new JSZip();
    zip.file("ppt/slides/slide1.xml", xml);
    const out = await JSZip.loadAsync(await sanitizePptx(await zip.generateAsync({ type: "uint8array" }), "nb-NO", new Map([["\ue000", "\ud83d\ude00"]])));
    const bytes = await out.file("ppt/slides/slide1.xml")!.async("uint8array");
    expect(Buffer.from(bytes.subarray(5 + 16_380, 5 + 16_380 + 5)).toString("hex")).toBe("f09f988079");
    // What JSZip does with the pair itself at that place.
    const raw = new JSZip();
    raw.file("a.xml", `${"x".repeat(16_383)}\ud83d\ude00`);
    const back = await (await JSZip.loadAsync(await raw.generateAsync({ type: "uint8array" }))).file("a.xml")!.async("uint8array");
    expect(Buffer.from(back.subarray(16_383)).toString("hex")).toBe("efbfbdefbfbd");
  });
});

// ── Random texts ─────────────────────────────────────────────────────────────────────────────

const C0 = Array.from({ length: 0x20 }, (_, i) => String.fromCharCode(i));
const hostileChar = fc.oneof(
  { arbitrary: fc.constantFrom(...C0), weight: 4 },
  { arbitrary: fc.constantFrom("\ud800", "\udbff", "\udc00", "\udfff", "\ufffe", "\uffff", "\u007f", "\u0085"), weight: 2 },
  { arbitrary: fc.constantFrom("&", "<", ">", '"', "'", "]]>", "&amp;", "<a:t>", "_x0001_"), weight: 2 },
  { arbitrary: fc.constantFrom("\u200f", "\u200e", "\u202e", "\u202b", "\u2067", "\u061c", "\ufeff", "\u2028"), weight: 2 },
  { arbitrary: fc.constantFrom("a", "Æ", "ø", " ", "PLL", "\ud83d\ude00", "ש", "م"), weight: 4 },
);
const hostile = fc.oneof(
  { arbitrary: fc.string({ unit: hostileChar, minLength: 1, maxLength: 30 }), weight: 8 },
  { arbitrary: fc.string({ unit: hostileChar, minLength: 5000, maxLength: 5000 }), weight: 1 },
);

const caseArb: fc.Arbitrary<Case> = fc.record({
  names: fc.array(
    fc.record({
      name: fc.tuple(hostile, fc.nat(99)).map(([s, k]) => `${s} #${k}`),
      theme: fc.oneof(fc.constant(""), hostile),
      scored: fc.boolean(),
      score: fc.nat(10),
    }),
    { minLength: 1, maxLength: 5 },
  ),
  title: hostile,
  meeting: hostile,
  modelName: hostile,
  groupLabel: hostile,
  top: fc.nat(3),
});

test("random names, themes, labels, titles and meetings: every part of every deck parses strictly and every measure is drawn", async () => {
  await fc.assert(fc.asyncProperty(caseArb, check), { seed: 17, numRuns: 20 });
}, 300_000);
