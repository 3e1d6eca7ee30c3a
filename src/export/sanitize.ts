/**
 * pptxgenjs 4.0.1 writes a few things PowerPoint answers with «PowerPoint found a problem with
 * content … Repair» although LibreOffice opens them silently (gitbrent/PptxGenJS#1443, #1444,
 * #1449): a content-type Override for a slide master per slide where only slideMaster1 exists,
 * Default content types for media that is not in the file, placeholder shapes in the notes master
 * that PowerPoint strips, and empty line properties. This pass removes them from the finished
 * package; the deck builder avoids the rest by construction (no shape without text, no solid
 * background without effects). Pure: bytes in, bytes out.
 */
import JSZip from "jszip";
import { escapeForFile, mapStrings } from "../core/escape";

/**
 * A piece of text as the deck holds it: control characters, U+FFFE/U+FFFF and lone surrogates
 * shown visibly (`\x01`, as the terminal shows them; core/escape.ts), since raw they make a part
 * that no strict XML reader accepts and that LibreOffice stops drawing at; a carriage return is a
 * line break (pptxgenjs splits lines at \n and \r\n and drops a lone \r).
 */
export function deckText(s: string): string {
  return escapeForFile(s).replace(/\r\n?/g, "\n");
}

/** A copy of the deck's input (the assessment, the options) with every string in it as deckText makes it. */
export function deckSafe<T>(value: T): T {
  return mapStrings(value, deckText);
}

/**
 * The last guard on a finished XML part: any character XML 1.0 does not allow that reached it
 * anyway, shown as deckText shows it. The deck's texts are cleaned before layout (deckSafe), so
 * this changes nothing in a deck the builder made.
 */
export function cleanXmlText(xml: string): string {
  return escapeForFile(xml);
}

/** The content-type declarations that name a part or an extension the package actually has. */
export function cleanContentTypes(xml: string, parts: string[]): string {
  const present = new Set(parts.map((p) => `/${p}`));
  const extensions = new Set(parts.map((p) => p.split(".").pop()!.toLowerCase()));
  return xml
    .replace(/<Override\s+PartName="([^"]+)"[^>]*\/>/g, (m, name: string) => (present.has(name) ? m : ""))
    .replace(/<Default\s+Extension="([^"]+)"[^>]*\/>/g, (m, ext: string) => (extensions.has(ext.toLowerCase()) ? m : ""));
}

/** The notes master without its placeholder shapes (what PowerPoint's repair leaves of it). */
export function cleanNotesMaster(xml: string): string {
  return xml.replace(/<p:sp>[\s\S]*?<\/p:sp>/g, "");
}

/**
 * Every run's, paragraph end's and default text properties' language set to `tag` (a BCP 47 tag,
 * nb-NO or en-US): pptxgenjs writes en-US whatever the text is, so a screen reader would read a
 * Norwegian deck with English rules and PowerPoint would check its spelling as English.
 */
export function setLanguage(xml: string, tag: string): string {
  return xml.replace(/<a:(rPr|endParaRPr|defRPr)\b([^>]*?)(\/?)>/g, (_, el: string, attrs: string, close: string) => {
    const rest = attrs.replace(/\s(?:lang|altLang)="[^"]*"/g, "");
    return `<a:${el} lang="${tag}"${rest}${close}>`;
  });
}

/** Every table's first row as its header row (`firstRow`), so a screen reader reads the column names with each cell. */
export function markHeaderRows(xml: string): string {
  return xml.replace(/<a:tblPr\b(?![^>]*\bfirstRow=)/g, '<a:tblPr firstRow="1"');
}

/** PowerPoint's «Mark as decorative» (Office 2019+; other readers ignore the extension). */
const DECORATIVE =
  '<a:extLst><a:ext uri="{C183D7F6-B498-43B3-948B-1728B52AA6E4}"><adec:decorative xmlns:adec="http://schemas.microsoft.com/office/drawing/2017/decorative" val="1"/></a:ext></a:extLst>';

/**
 * Every shape without text that is not a placeholder (the title slide's bar, the master's rules)
 * marked decorative, so the accessibility checker does not ask for its alt text and a screen reader
 * skips it. In this deck no shape means anything without its text.
 */
export function markDecorative(xml: string): string {
  return xml.replace(/<p:sp>[\s\S]*?<\/p:sp>/g, (sp) => {
    if (sp.includes("<p:ph") || sp.includes(DECORATIVE)) return sp;
    if ([...sp.matchAll(/<a:t>([^<]*)<\/a:t>/g)].some((m) => m[1].trim() !== "")) return sp;
    return sp.replace(/<p:cNvPr\b([^>]*?)\/>/, `<p:cNvPr$1>${DECORATIVE}</p:cNvPr>`).replace(/(<p:cNvPr\b[^>]*[^/]>[\s\S]*?)(<\/p:cNvPr>)/, `$1${DECORATIVE}$2`);
  });
}

/** `<a:ln></a:ln>` (no line properties at all) as an explicit «no line». */
export function cleanEmptyLines(xml: string): string {
  return xml.replace(/<a:ln><\/a:ln>/g, "<a:ln><a:noFill/></a:ln>");
}

// ── Characters outside the Basic Multilingual Plane ─────────────────────────────────────────

/**
 * JSZip (which pptxgenjs writes every part with) encodes a text part 16 384 UTF-16 units at a
 * time, so a character written as a surrogate pair (an emoji, a rare CJK character) that falls on
 * that boundary is cut in two: U+FFFD twice in Node, bytes that are not UTF-8 at all in a browser,
 * and the part is no longer valid. Such characters therefore go through pptxgenjs as stand-ins,
 * private-use characters the deck's texts do not use, and sanitizePptx puts them back in the parts
 * it writes as bytes. `restore` maps each stand-in to its character.
 */
export interface StandIns<T> {
  value: T;
  restore: Map<string, string>;
}

const PAIR = /[\ud800-\udbff][\udc00-\udfff]/g;
const PRIVATE_USE = /[\ue000-\uf8ff]/g;

export function astralStandIns<T>(value: T): StandIns<T> {
  const pairs = new Set<string>();
  const used = new Set<string>();
  mapStrings(value, (s) => {
    for (const m of s.match(PAIR) ?? []) pairs.add(m);
    for (const m of s.match(PRIVATE_USE) ?? []) used.add(m);
    return s;
  });
  const restore = new Map<string, string>();
  const standIn = new Map<string, string>();
  let code = 0xe000;
  for (const pair of pairs) {
    while (code <= 0xf8ff && used.has(String.fromCharCode(code))) code++;
    // More distinct characters than free private-use ones (6 400): the rest go through as they are.
    if (code > 0xf8ff) break;
    const c = String.fromCharCode(code++);
    standIn.set(pair, c);
    restore.set(c, pair);
  }
  if (restore.size === 0) return { value, restore };
  return { value: mapStrings(value, (s) => s.replace(PAIR, (p) => standIn.get(p) ?? p)), restore };
}

function restoreAstral(xml: string, restore: Map<string, string>): string {
  return restore.size ? xml.replace(PRIVATE_USE, (c) => restore.get(c) ?? c) : xml;
}

// ── The package ──────────────────────────────────────────────────────────────────────────────

/** Each XML part of a zip passed through `fix`, and written back as bytes (never as a string: see StandIns). */
async function rewriteParts(zip: JSZip, fix: (name: string, xml: string, parts: string[]) => string): Promise<string[]> {
  const parts = Object.values(zip.files)
    .filter((f) => !f.dir)
    .map((f) => f.name);
  const decoder = new TextDecoder();
  const encoder = new TextEncoder();
  for (const name of parts) {
    if (!/\.(xml|rels)$/.test(name)) continue;
    const before = decoder.decode(await zip.file(name)!.async("uint8array"));
    const after = fix(name, before, parts);
    if (after !== before) zip.file(name, encoder.encode(after));
  }
  return parts;
}

/**
 * The finished package made whole (see above). With `lang` (a BCP 47 tag), also what PowerPoint's
 * accessibility checker asks: every run in that language, every table with a header row, every
 * shape without text marked decorative. `restore` puts back the characters astralStandIns took
 * out, in the deck's parts and in the workbooks embedded in its charts.
 */
export async function sanitizePptx(bytes: Uint8Array, lang?: string, restore = new Map<string, string>()): Promise<Uint8Array> {
  const zip = await JSZip.loadAsync(bytes);
  const parts = await rewriteParts(zip, (name, xml, parts) => {
    let after = cleanXmlText(restoreAstral(xml, restore));
    if (name === "[Content_Types].xml") after = cleanContentTypes(after, parts);
    else if (/^ppt\/notesMasters\/notesMaster\d+\.xml$/.test(name)) after = cleanEmptyLines(cleanNotesMaster(after));
    else if (/^ppt\/(slides|slideLayouts|slideMasters)\/[^/]+\.xml$/.test(name)) after = cleanEmptyLines(after);
    if (lang !== undefined && /^ppt\/.+\.xml$/.test(name)) {
      after = setLanguage(after, lang);
      if (/^ppt\/(slides|slideLayouts|slideMasters)\/[^/]+\.xml$/.test(name)) after = markDecorative(markHeaderRows(after));
    }
    return after;
  });
  // The charts' data: a workbook each, whose shared strings hold the labels.
  if (restore.size) {
    for (const name of parts.filter((p) => /^ppt\/embeddings\/[^/]+\.xlsx$/.test(p))) {
      const inner = await JSZip.loadAsync(await zip.file(name)!.async("uint8array"));
      await rewriteParts(inner, (_, xml) => cleanXmlText(restoreAstral(xml, restore)));
      zip.file(name, await inner.generateAsync({ type: "uint8array", compression: "DEFLATE" }));
    }
  }
  // Folder entries are not parts (pptxgenjs writes an empty ppt/media/); leave out those with nothing in them.
  for (const f of Object.values(zip.files)) if (f.dir && !parts.some((p) => p.startsWith(f.name))) zip.remove(f.name);
  return zip.generateAsync({ type: "uint8array", compression: "DEFLATE" });
}
