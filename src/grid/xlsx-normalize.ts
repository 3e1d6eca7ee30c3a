/**
 * A workbook from another program, in the part names and relationship targets exceljs looks for.
 *
 * exceljs finds a sheet's tables, comments (notes) and their drawing by the relationship's Target
 * exactly as Excel writes it (`../tables/table1.xml`, `../comments1.xml`,
 * `../drawings/vmlDrawing1.vml`), and reads those parts only under Excel's names. openpyxl (and so
 * pandas) writes the same package with absolute targets (`/xl/tables/table1.xml`) and its own names
 * (`xl/comments/comment1.xml`, `xl/drawings/commentsDrawing1.vml`); exceljs then fails («Cannot
 * read properties of undefined (reading 'name')»), although the package is sound: the Open
 * Packaging Conventions make an absolute and a relative target the same part, and a part's name is
 * the writer's choice. So, before exceljs sees the package: parts exceljs knows by name are given
 * Excel's names, and every internal target is written relative to its source, as Excel does. A
 * package whose targets and names already are Excel's passes unchanged, byte for byte.
 *
 * `withoutTables` takes the table objects out (the relationships and each sheet's <tableParts>),
 * for a second try when exceljs cannot read a table: the readers then find the header row, as they
 * do for a sheet without tables.
 *
 * Pure: no Node or DOM imports; text codecs come from the caller.
 */

export interface PackagePart {
  name: string;
  data: Uint8Array;
}

interface Codec {
  decode(data: Uint8Array): string;
  encode(text: string): Uint8Array;
}

const REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/";

/** The kinds of part exceljs reads only under Excel's names: relationship type → Excel's name for the n-th. */
const CANONICAL: Record<string, { pattern: RegExp; name: (n: number) => string }> = {
  [`${REL}worksheet`]: { pattern: /^xl\/worksheets\/sheet(\d+)\.xml$/, name: (n) => `xl/worksheets/sheet${n}.xml` },
  [`${REL}table`]: { pattern: /^xl\/tables\/table(\d+)\.xml$/, name: (n) => `xl/tables/table${n}.xml` },
  [`${REL}comments`]: { pattern: /^xl\/comments(\d+)\.xml$/, name: (n) => `xl/comments${n}.xml` },
  [`${REL}vmlDrawing`]: { pattern: /^xl\/drawings\/vmlDrawing(\d+)\.vml$/, name: (n) => `xl/drawings/vmlDrawing${n}.vml` },
  [`${REL}drawing`]: { pattern: /^xl\/drawings\/drawing(\d+)\.xml$/, name: (n) => `xl/drawings/drawing${n}.xml` },
};

/** The part a .rels part describes: `xl/worksheets/_rels/sheet1.xml.rels` → `xl/worksheets/sheet1.xml`; `_rels/.rels` → the package (""). */
export function sourceOf(rels: string): string | undefined {
  const m = /^(.*?)_rels\/([^/]*)\.rels$/.exec(rels);
  return m ? m[1] + m[2] : undefined;
}

const relsOf = (part: string) => {
  const slash = part.lastIndexOf("/");
  return `${part.slice(0, slash + 1)}_rels/${part.slice(slash + 1)}.rels`;
};

const folderOf = (part: string) => part.slice(0, part.lastIndexOf("/") + 1);

/** A target resolved against its source's folder: the part's name, without a leading slash. */
export function resolveTarget(source: string, target: string): string {
  const path = target.startsWith("/") ? target.slice(1) : folderOf(source) + target;
  const out: string[] = [];
  for (const seg of path.split("/")) {
    if (seg === "..") out.pop();
    else if (seg !== "." && seg !== "") out.push(seg);
  }
  return out.join("/");
}

/** The target a part is named by from `source`, relative to the source's folder (`../tables/table1.xml`). */
export function relativeTarget(source: string, part: string): string {
  const from = folderOf(source).split("/").filter(Boolean);
  const to = part.split("/");
  let common = 0;
  while (common < from.length && common < to.length - 1 && from[common] === to[common]) common++;
  return [...Array<string>(from.length - common).fill(".."), ...to.slice(common)].join("/");
}

const attr = (tag: string, name: string): string | undefined => {
  const m = new RegExp(`\\s${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)')`).exec(tag);
  return m ? (m[1] ?? m[2]) : undefined;
};

const unescapeAttr = (s: string) => s.replace(/&(amp|lt|gt|quot|apos);/g, (_, e: string) => ({ amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" })[e]!);
const escapeAttr = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/"/g, "&quot;");

/** Each internal relationship of a .rels part: its tag, type and the part it targets. */
function relationships(rels: string, xml: string): { tag: string; type: string; target: string }[] {
  const source = sourceOf(rels) ?? "";
  const out: { tag: string; type: string; target: string }[] = [];
  for (const m of xml.matchAll(/<(?:\w+:)?Relationship\b[^>]*>/g)) {
    const target = attr(m[0], "Target");
    if (target === undefined || attr(m[0], "TargetMode") === "External") continue;
    out.push({ tag: m[0], type: attr(m[0], "Type") ?? "", target: resolveTarget(source, unescapeAttr(target)) });
  }
  return out;
}

/**
 * The package with Excel's names and relative targets (see above). Parts are returned in their
 * order, renamed where needed; a part whose content changed is re-encoded.
 */
export function normalizePackage(parts: PackagePart[], codec: Codec): PackagePart[] {
  const names = new Set(parts.map((p) => p.name));
  const text = new Map<string, string>();
  const textOf = (name: string) => {
    if (!text.has(name)) text.set(name, codec.decode(parts.find((p) => p.name === name)!.data));
    return text.get(name)!;
  };
  const relsParts = parts.map((p) => p.name).filter((n) => sourceOf(n) !== undefined);

  // Renames: a part of a kind exceljs knows by name, under another name, gets the next free Excel name of its kind.
  const rename = new Map<string, string>();
  for (const rels of relsParts) {
    for (const r of relationships(rels, textOf(rels))) {
      const kind = CANONICAL[r.type];
      if (!kind || kind.pattern.test(r.target) || rename.has(r.target) || !names.has(r.target)) continue;
      let n = 1;
      const taken = (c: string) => names.has(c) || [...rename.values()].includes(c);
      while (taken(kind.name(n))) n++;
      rename.set(r.target, kind.name(n));
    }
  }
  // A renamed part's own relationships move with it.
  for (const [from, to] of [...rename]) if (names.has(relsOf(from))) rename.set(relsOf(from), relsOf(to));
  const newName = (n: string) => rename.get(n) ?? n;

  // Targets: relative to the (new) source's folder.
  for (const rels of relsParts) {
    const xml = textOf(rels);
    const source = newName(sourceOf(rels)!);
    let changed = false;
    const out = xml.replace(/<(?:\w+:)?Relationship\b[^>]*>/g, (tag) => {
      const target = attr(tag, "Target");
      if (target === undefined || attr(tag, "TargetMode") === "External") return tag;
      const part = newName(resolveTarget(sourceOf(rels)!, unescapeAttr(target)));
      // The package's own relationships (source "") name parts from the root, as Excel writes them.
      const wanted = escapeAttr(relativeTarget(source, part));
      if (wanted === target) return tag;
      changed = true;
      return tag.replace(/(\sTarget\s*=\s*)(?:"[^"]*"|'[^']*')/, `$1"${wanted}"`);
    });
    if (changed) text.set(rels, out);
  }
  if (rename.size > 0 && names.has("[Content_Types].xml")) {
    text.set(
      "[Content_Types].xml",
      textOf("[Content_Types].xml").replace(/(\sPartName\s*=\s*)(?:"([^"]*)"|'([^']*)')/g, (m, pre: string, a?: string, b?: string) => {
        const part = (a ?? b ?? "").replace(/^\//, "");
        return rename.has(part) ? `${pre}"/${rename.get(part)}"` : m;
      }),
    );
  }
  return parts.map((p) => {
    const changed = text.has(p.name) && text.get(p.name) !== codec.decode(p.data);
    return { name: newName(p.name), data: changed ? codec.encode(text.get(p.name)!) : p.data };
  });
}

/** The package without its table objects: no table parts, no relationships to them, no <tableParts> in a sheet. */
export function withoutTables(parts: PackagePart[], codec: Codec): PackagePart[] {
  const tables = new Set<string>();
  const out: PackagePart[] = [];
  for (const p of parts) {
    if (sourceOf(p.name) === undefined) continue;
    for (const r of relationships(p.name, codec.decode(p.data))) if (r.type === `${REL}table`) tables.add(r.target);
  }
  for (const p of parts) {
    if (tables.has(p.name)) continue;
    let xml: string | undefined;
    if (sourceOf(p.name) !== undefined) {
      xml = codec.decode(p.data).replace(/<(?:\w+:)?Relationship\b[^>]*>/g, (tag) => (attr(tag, "Type") === `${REL}table` ? "" : tag));
    } else if (/^xl\/worksheets\/[^/]+\.xml$/.test(p.name)) {
      xml = codec
        .decode(p.data)
        .replace(/<(\w+:)?tableParts\b[^>]*\/>/g, "")
        .replace(/<(\w+:)?tableParts\b[^>]*>[\s\S]*?<\/(\w+:)?tableParts>/g, "");
    }
    out.push(xml === undefined || xml === codec.decode(p.data) ? p : { name: p.name, data: codec.encode(xml) });
  }
  return out;
}

const CRC_TABLE = (() => {
  const t = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c >>> 0;
  }
  return t;
})();

/** CRC-32 as zip uses it. */
export function crc32(data: Uint8Array): number {
  let c = 0xffffffff;
  for (let i = 0; i < data.length; i++) c = CRC_TABLE[(c ^ data[i]) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
