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

/** `<a:ln></a:ln>` (no line properties at all) as an explicit «no line». */
export function cleanEmptyLines(xml: string): string {
  return xml.replace(/<a:ln><\/a:ln>/g, "<a:ln><a:noFill/></a:ln>");
}

export async function sanitizePptx(bytes: Uint8Array): Promise<Uint8Array> {
  const zip = await JSZip.loadAsync(bytes);
  const parts = Object.values(zip.files)
    .filter((f) => !f.dir)
    .map((f) => f.name);
  for (const name of parts) {
    if (!/\.(xml|rels)$/.test(name)) continue;
    const before = await zip.file(name)!.async("string");
    let after = cleanXmlText(before);
    if (name === "[Content_Types].xml") after = cleanContentTypes(after, parts);
    else if (/^ppt\/notesMasters\/notesMaster\d+\.xml$/.test(name)) after = cleanEmptyLines(cleanNotesMaster(after));
    else if (/^ppt\/(slides|slideLayouts|slideMasters)\/[^/]+\.xml$/.test(name)) after = cleanEmptyLines(after);
    if (after !== before) zip.file(name, after);
  }
  // Folder entries are not parts (pptxgenjs writes an empty ppt/media/); leave out those with nothing in them.
  for (const f of Object.values(zip.files)) if (f.dir && !parts.some((p) => p.startsWith(f.name))) zip.remove(f.name);
  return zip.generateAsync({ type: "uint8array", compression: "DEFLATE" });
}
