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
    let after = before;
    if (name === "[Content_Types].xml") after = cleanContentTypes(before, parts);
    else if (/^ppt\/notesMasters\/notesMaster\d+\.xml$/.test(name)) after = cleanEmptyLines(cleanNotesMaster(before));
    else if (/^ppt\/(slides|slideLayouts|slideMasters)\/[^/]+\.xml$/.test(name)) after = cleanEmptyLines(before);
    if (after !== before) zip.file(name, after);
  }
  // Folder entries are not parts (pptxgenjs writes an empty ppt/media/); leave out those with nothing in them.
  for (const f of Object.values(zip.files)) if (f.dir && !parts.some((p) => p.startsWith(f.name))) zip.remove(f.name);
  return zip.generateAsync({ type: "uint8array", compression: "DEFLATE" });
}
