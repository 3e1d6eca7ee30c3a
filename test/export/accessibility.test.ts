/**
 * The decks pass what PowerPoint's accessibility checker asks of them (WCAG 2.1 AA, EN 301 549):
 * every slide's title is a title placeholder (so it is the slide's title for a screen reader and
 * in the outline); every table has a header row (`firstRow`), so its column names are read with
 * each cell; every chart and picture has alt text; every run carries the deck's language (nb-NO in
 * a Norwegian deck, en-US in an English one), so a screen reader reads it in that language; a
 * shape without text (the title slide's bar, the master's rules) is marked decorative. Checked on
 * every deck the tests make, Norwegian and English.
 */
import { promises as fs } from "fs";
import { descendants, parseXml, type XmlElement } from "../../scripts/xml";
import { BUILD_TIMEOUT } from "../support/cli";
import { makeDecks, unzip, type Decks } from "./support";

interface Deck {
  parts: Map<string, XmlElement>;
}

async function open(file: string): Promise<Deck> {
  const zip = await unzip(await fs.readFile(file));
  const parts = new Map<string, XmlElement>();
  for (const f of Object.values(zip.files)) if (!f.dir && f.name.endsWith(".xml")) parts.set(f.name, parseXml(await f.async("string")));
  return { parts };
}

const byName = (el: XmlElement, local: string) => descendants(el).filter((e) => e.localName === local);
const slideNumber = (p: string) => Number(/(\d+)\.xml$/.exec(p)![1]);
const partsOf = (d: Deck, pattern: RegExp) => [...d.parts.keys()].filter((p) => pattern.test(p)).sort((a, b) => slideNumber(a) - slideNumber(b));
const text = (el: XmlElement) =>
  byName(el, "t")
    .map((t) => t.text)
    .join("");
const DECORATIVE = "{C183D7F6-B498-43B3-948B-1728B52AA6E4}";

let decks: Decks;
const opened = new Map<string, Deck>();
beforeAll(async () => {
  decks = await makeDecks();
  for (const name of ["meeting", "meetingEn", "sixty", "utvalg", "long", "control"] as const) opened.set(name, await open(decks[name]));
}, BUILD_TIMEOUT);
afterAll(() => decks?.cleanup());

describe.each([
  ["meeting", "nb-NO"],
  ["meetingEn", "en-US"],
  ["sixty", "nb-NO"],
  ["utvalg", "nb-NO"],
  ["long", "nb-NO"],
  ["control", "nb-NO"],
])("the %s deck", (name, lang) => {
  const deck = () => opened.get(name)!;

  test("every slide's title is a title placeholder holding the slide's heading", () => {
    const slides = partsOf(deck(), /^ppt\/slides\/slide\d+\.xml$/);
    expect(slides.length).toBeGreaterThan(3);
    const titles = slides.map((p) => {
      const shapes = byName(deck().parts.get(p)!, "sp").filter((sp) => byName(sp, "ph").some((ph) => ph.attrs.type === "title" || ph.attrs.type === "ctrTitle"));
      return { slide: p, titles: shapes.length, empty: shapes.some((sp) => text(sp).trim() === "") };
    });
    expect(titles).toEqual(slides.map((slide) => ({ slide, titles: 1, empty: false })));
    // The layouts the slides use define the title placeholder they fill.
    for (const layout of partsOf(deck(), /^ppt\/slideLayouts\/slideLayout\d+\.xml$/).filter((p) => byName(deck().parts.get(p)!, "ph").length > 0)) {
      expect({ layout, title: byName(deck().parts.get(layout)!, "ph").some((ph) => ph.attrs.type === "title" || ph.attrs.type === "ctrTitle") }).toEqual({ layout, title: true });
    }
  });

  test("no two slides have the same title (a list over several slides is numbered «(2 av 3)»)", () => {
    const slides = partsOf(deck(), /^ppt\/slides\/slide\d+\.xml$/);
    const titles = slides.map((p) => {
      const shape = byName(deck().parts.get(p)!, "sp").find((sp) => byName(sp, "ph").some((ph) => ph.attrs.type === "title" || ph.attrs.type === "ctrTitle"))!;
      return text(shape).trim();
    });
    expect(titles.filter((t, i) => titles.indexOf(t) !== i)).toEqual([]);
  });

  test("every table has a header row (firstRow)", () => {
    let tables = 0;
    for (const p of partsOf(deck(), /^ppt\/slides\/slide\d+\.xml$/)) {
      for (const tbl of byName(deck().parts.get(p)!, "tbl")) {
        tables++;
        const pr = tbl.children.find((c) => c.localName === "tblPr");
        expect({ slide: p, firstRow: pr?.attrs.firstRow }).toEqual({ slide: p, firstRow: "1" });
      }
    }
    expect(tables).toBeGreaterThan(1);
  });

  test("every chart and picture has alt text", () => {
    let charts = 0;
    for (const p of partsOf(deck(), /^ppt\/slides\/slide\d+\.xml$/)) {
      const x = deck().parts.get(p)!;
      for (const frame of byName(x, "graphicFrame").filter((f) => byName(f, "chart").length > 0)) {
        charts++;
        const descr = byName(frame, "cNvPr")[0].attrs.descr ?? "";
        expect({ slide: p, alt: descr.trim().length > 20 }).toEqual({ slide: p, alt: true });
      }
      for (const pic of byName(x, "pic")) expect({ slide: p, alt: (byName(pic, "cNvPr")[0].attrs.descr ?? "").trim() !== "" }).toEqual({ slide: p, alt: true });
    }
    expect(charts).toBeGreaterThan(0);
  });

  test(`every run, in slides, layouts, master, notes and charts, is in ${lang}`, () => {
    const wrong = new Map<string, number>();
    let runs = 0;
    for (const p of partsOf(deck(), /^ppt\/(slides|slideLayouts|slideMasters|notesSlides|charts)\/[^/]+\.xml$/)) {
      for (const r of byName(deck().parts.get(p)!, "rPr").concat(byName(deck().parts.get(p)!, "endParaRPr"))) {
        runs++;
        if (r.attrs.lang !== lang) wrong.set(`${p} ${r.attrs.lang ?? "(none)"}`, (wrong.get(`${p} ${r.attrs.lang ?? "(none)"}`) ?? 0) + 1);
      }
    }
    expect(runs).toBeGreaterThan(100);
    expect([...wrong]).toEqual([]);
  });

  test("a shape without text is marked decorative", () => {
    for (const p of partsOf(deck(), /^ppt\/(slides|slideLayouts)\/[^/]+\.xml$/)) {
      for (const sp of byName(deck().parts.get(p)!, "sp")) {
        if (text(sp).trim() !== "" || byName(sp, "ph").length > 0) continue;
        const pr = byName(sp, "cNvPr")[0];
        const decorative = byName(pr, "ext").some((e) => e.attrs.uri === DECORATIVE && byName(e, "decorative").some((d) => d.attrs.val === "1"));
        expect({ part: p, shape: pr.attrs.name, decorative }).toEqual({ part: p, shape: pr.attrs.name, decorative: true });
      }
    }
  });
});
