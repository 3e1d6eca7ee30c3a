/**
 * The .pptx opens without a repair prompt: every part is well-formed XML and has a content type,
 * every internal relationship points at a part that exists, every slide is in the presentation,
 * the charts are chart parts with their embedded workbooks, the tables are native tables (no
 * pictures), and the model is in the speaker notes.
 */
import { promises as fs } from "fs";
import * as path from "path";
import type JSZip from "jszip";
import { parseXml, descendants, type XmlElement } from "../../scripts/xml";
import { BUILD_TIMEOUT } from "../support/cli";
import { makeDecks, unzip, type Decks } from "./support";

interface Deck {
  zip: JSZip;
  parts: string[];
  xml: Map<string, XmlElement>;
  raw: Map<string, string>;
}

async function open(file: string): Promise<Deck> {
  const zip = await unzip(await fs.readFile(file));
  const parts = Object.values(zip.files)
    .filter((f) => !f.dir)
    .map((f) => f.name);
  const xml = new Map<string, XmlElement>();
  const raw = new Map<string, string>();
  for (const p of parts.filter((p) => /\.(xml|rels)$/.test(p))) {
    raw.set(p, await zip.file(p)!.async("string"));
    xml.set(p, parseXml(raw.get(p)!));
  }
  return { zip, parts, xml, raw };
}

const byName = (el: XmlElement, local: string) => descendants(el).filter((e) => e.localName === local);

/** The part a relationship target names, relative to the part the .rels file belongs to. */
function resolve(relsPart: string, target: string): string {
  // `_rels/.rels` belongs to the package itself; `ppt/_rels/presentation.xml.rels` to ppt/presentation.xml.
  const source = relsPart.replace(/_rels\/([^/]*)\.rels$/, "$1");
  const base = source === "" ? "" : path.posix.dirname(source);
  return target.startsWith("/") ? target.slice(1) : path.posix.normalize(path.posix.join(base, target));
}

function checkParts(d: Deck): void {
  const types = d.xml.get("[Content_Types].xml")!;
  const defaults = new Set(byName(types, "Default").map((e) => e.attrs.Extension.toLowerCase()));
  const overrides = new Set(byName(types, "Override").map((e) => e.attrs.PartName));
  for (const p of d.parts) {
    if (p === "[Content_Types].xml") continue;
    const ext = p.split(".").pop()!.toLowerCase();
    expect({ part: p, typed: overrides.has(`/${p}`) || defaults.has(ext) }).toEqual({ part: p, typed: true });
  }
  for (const o of overrides) expect({ override: o, exists: d.parts.includes(o.slice(1)) }).toEqual({ override: o, exists: true });
  for (const [p, rels] of d.xml) {
    if (!p.endsWith(".rels")) continue;
    for (const r of byName(rels, "Relationship")) {
      if (r.attrs.TargetMode === "External") continue;
      const target = resolve(p, r.attrs.Target);
      expect({ rels: p, target, exists: d.parts.includes(target) }).toEqual({ rels: p, target, exists: true });
    }
  }
}

let decks: Decks;
let meeting: Deck;
let sixty: Deck;
beforeAll(async () => {
  decks = await makeDecks();
  meeting = await open(decks.meeting);
  sixty = await open(decks.sixty);
}, BUILD_TIMEOUT);
afterAll(() => decks?.cleanup());

const slides = (d: Deck) => d.parts.filter((p) => /^ppt\/slides\/slide\d+\.xml$/.test(p)).sort((a, b) => Number(/\d+/.exec(a)![0]) - Number(/\d+/.exec(b)![0]));

test("the acceptability slide's speaker notes say exactly what was drawn; the other slides' notes do not", () => {
  const notes = meeting.parts.filter((p) => /^ppt\/notesSlides\/notesSlide\d+\.xml$/.test(p));
  const text = (p: string) =>
    byName(meeting.xml.get(p)!, "t")
      .map((t) => t.text)
      .join("\n");
  const drawn = notes.filter((p) => text(p).includes("Hvor sikker er rangeringen:"));
  expect(drawn).toHaveLength(1);
  const lines = text(drawn[0]).split(/\r?\n/);
  const at = lines.findIndex((l) => l.startsWith("Hvor sikker er rangeringen:"));
  expect(lines.slice(at, at + 3)).toEqual([
    "Hvor sikker er rangeringen: 10\u00a0000 trekk fra en tallfølge med frø 1 (samme frø gir samme tall). I hvert trekk regnes totalene på nytt med de trukne vektene og scorene og rangeres; tiltak som står likt, deler plassene.",
    "Vekter: i hver trekning ganges hver vekt i treet – gruppene og hvert spørsmål under dem – med sin egen faktor, trukket jevnt og uavhengig mellom 0,8 og 1,2 (1 − 20\u00a0% og 1 + 20\u00a0%). En vekt på 0 forblir 0.",
    "Scorer: i hver trekning får hver gyldig score lagt til sitt eget tall, trukket jevnt og uavhengig mellom −1 og +1 (i 65 536 like trinn), og summen holdes innenfor skalaen. Tomme celler og celler som ikke er scorer, forblir utenfor, så hver trekning rangerer de samme tiltakene.",
  ]);
  // The model's notes come first, as on every slide.
  expect(lines[0]).toBe("Modell: Nasjonalt e-helseråd 2022. Skala 0–10 per spørsmål.");
});

describe.each([
  ["the meeting", () => meeting],
  ["60 measures", () => sixty],
])("%s", (_, deck) => {
  test("content types cover every part; every internal relationship target exists", () => checkParts(deck()));
  test("none of pptxgenjs' known repair triggers: placeholders in the notes master, empty line properties, shapes without text, a solid background without effects, NaN", () => {
    const d = deck();
    for (const [p, x] of d.raw) {
      expect({ p, nan: x.includes("NaN") }).toEqual({ p, nan: false });
      expect({ p, emptyLine: x.includes("<a:ln></a:ln>") }).toEqual({ p, emptyLine: false });
      if (/^ppt\/notesMasters\//.test(p)) expect(byName(d.xml.get(p)!, "sp")).toHaveLength(0);
      if (/^ppt\/(slides|slideLayouts|slideMasters)\/[^/]+\.xml$/.test(p)) {
        for (const sp of byName(d.xml.get(p)!, "sp")) expect({ p, txBody: sp.children.some((c) => c.localName === "txBody") }).toEqual({ p, txBody: true });
        for (const bg of byName(d.xml.get(p)!, "bgPr")) expect({ p, effects: bg.children.some((c) => c.localName === "effectLst" || c.localName === "effectDag") }).toEqual({ p, effects: true });
      }
    }
  });
  test("every slide part is listed in the presentation, 16:9", () => {
    const d = deck();
    const pres = d.xml.get("ppt/presentation.xml")!;
    const ids = byName(pres, "sldId").map((e) => e.attrs["r:id"]);
    const rels = byName(d.xml.get("ppt/_rels/presentation.xml.rels")!, "Relationship");
    const targets = ids.map((id) => resolve("ppt/_rels/presentation.xml.rels", rels.find((r) => r.attrs.Id === id)!.attrs.Target));
    expect(targets).toEqual(slides(d));
    const size = byName(pres, "sldSz")[0].attrs;
    expect(Number(size.cx) / Number(size.cy)).toBeCloseTo(16 / 9, 2);
  });
  test("charts are chart parts, referenced from slides, each with its embedded workbook", () => {
    const d = deck();
    const charts = d.parts.filter((p) => /^ppt\/charts\/chart\d+\.xml$/.test(p));
    expect(charts.length).toBeGreaterThan(0);
    for (const c of charts) {
      expect(byName(d.xml.get(c)!, "barChart")).toHaveLength(1);
      const rels = d.xml.get(c.replace("charts/", "charts/_rels/") + ".rels")!;
      const embedded = byName(rels, "Relationship").map((r) => resolve(c.replace("charts/", "charts/_rels/") + ".rels", r.attrs.Target));
      expect(embedded.some((e) => /^ppt\/embeddings\/.+\.xlsx$/.test(e) && d.parts.includes(e))).toBe(true);
    }
    const fromSlides = [...d.xml]
      .filter(([p]) => /^ppt\/slides\/_rels\//.test(p))
      .flatMap(([p, x]) => byName(x, "Relationship").map((r) => resolve(p, r.attrs.Target)))
      .filter((t) => t.startsWith("ppt/charts/"));
    expect(new Set(fromSlides)).toEqual(new Set(charts));
  });
  test("every chart labels every category (tickLblSkip 1): no renderer skips every other bar's label", () => {
    const d = deck();
    const charts = d.parts.filter((p) => /^ppt\/charts\/chart\d+\.xml$/.test(p));
    for (const c of charts) {
      const axes = byName(d.xml.get(c)!, "catAx");
      expect(axes).toHaveLength(1);
      expect({ c, skip: byName(axes[0], "tickLblSkip").map((e) => e.attrs.val) }).toEqual({ c, skip: ["1"] });
    }
  });
  test("tables are native (a:tbl), no pictures; no text below 12 pt in a table", () => {
    const d = deck();
    let tables = 0;
    for (const s of slides(d)) {
      const x = d.xml.get(s)!;
      expect(byName(x, "pic")).toHaveLength(0);
      for (const tbl of byName(x, "tbl")) {
        tables++;
        for (const r of byName(tbl, "rPr")) if (r.attrs.sz !== undefined) expect(Number(r.attrs.sz)).toBeGreaterThanOrEqual(1200);
      }
    }
    expect(tables).toBeGreaterThan(1);
  });
  test("speaker notes carry the model and its weights", async () => {
    const d = deck();
    const notes = d.parts.filter((p) => /^ppt\/notesSlides\/notesSlide\d+\.xml$/.test(p));
    expect(notes).toHaveLength(slides(d).length);
    const text = byName(d.xml.get(notes[0])!, "t")
      .map((t) => t.text)
      .join("\n");
    expect(text).toContain("Modell: Nasjonalt e-helseråd 2022. Skala 0–10 per spørsmål.");
    expect(text).toContain("Score er summen av gruppene, vektet: 1 × Måloppnåelse + 1 × Kostnader + 1 × Nytte (høyst 30).");
    expect(text).toContain("- Realisere sentral infrastruktur: 1");
    expect(text).toContain("To score som skiller seg med høyst en milliarddel av scoren (bare avrunding i regnestykket), regnes som like og deler plass, vist som «6=».");
    expect(text).not.toMatch(/1e-9|arket Rangering/);
  });
});
