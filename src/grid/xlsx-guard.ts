/**
 * The gate every .xlsx passes before exceljs sees it (the CLI and the preview's «Åpne .xlsx»).
 *
 * exceljs expands a workbook cell by cell: a merge or a data validation over a whole sheet becomes
 * seventeen billion objects, and a 2 KB file takes the process down. So the file is first read
 * the cheap way: what it is (an old .xls, a password-protected workbook, a CSV, an .ods, an .xlsb
 * each get their own answer); the zip's central directory (entry count, declared sizes,
 * compression ratio); every entry inflated with a hard limit, since declared sizes can lie; then
 * plain scans of the sheet XML (cells, merges, data validations, the dimension) and of the shared
 * strings. Only then is the content handed on, re-packed uncompressed, so exceljs parses exactly
 * the bytes that were checked and inflates nothing itself.
 *
 * No Node or DOM imports: DecompressionStream, TextDecoder and TextEncoder come from the platform
 * (Node 18+ and every browser the preview runs in have them; see Platform).
 */

import { crc32, normalizePackage, withoutTables, type PackagePart } from "./xlsx-normalize";

/** The limits. A real scoring workbook of 10 000 measures stays well inside every one. */
export const LIMITS = {
  /** Bytes of the file itself. */
  fileBytes: 64 * 1024 * 1024,
  /** Entries in the zip. */
  entries: 10_000,
  /** Uncompressed bytes of one entry, and of all together. */
  entryBytes: 64 * 1024 * 1024,
  totalBytes: 128 * 1024 * 1024,
  /** An entry above `ratioFloorBytes` may unpack to at most this many times its packed size. */
  ratio: 250,
  ratioFloorBytes: 1024 * 1024,
  /** Cells exceljs would create: cell and row elements, merged areas and validated areas, all sheets together. */
  cells: 1_000_000,
  /** The area a sheet's dimension may declare. */
  dimensionCells: 20_000_000,
  /** Shared strings. */
  strings: 1_000_000,
} as const;

/** Where a finding is: the sheet's name when the entry is a worksheet, and the zip entry. */
export interface Part {
  entry: string;
  sheet?: string;
}

export type Refusal =
  | { kind: "empty" }
  | { kind: "xls" }
  | { kind: "encrypted" }
  | { kind: "csv" }
  | { kind: "ods" }
  | { kind: "xlsb" }
  /** Neither a zip nor any other kind of spreadsheet we know. */
  | { kind: "unknown" }
  /** A zip whose structure is broken or uses a method an .xlsx never uses. */
  | { kind: "damaged" }
  /** A sound zip whose content the reader (exceljs) could not read, with or without its tables. */
  | { kind: "unreadable" }
  | { kind: "file-size"; bytes: number; limit: number }
  | { kind: "entries"; count: number; limit: number }
  | { kind: "entry-size"; part: Part; limit: number }
  | { kind: "total-size"; limit: number }
  | { kind: "ratio"; part: Part; ratio: number; limit: number }
  | { kind: "cells"; count: number; limit: number }
  | { kind: "merge"; part: Part; ref: string; count: number; limit: number }
  | { kind: "validation"; part: Part; ref: string; count: number; limit: number }
  | { kind: "dimension"; part: Part; ref: string; count: number; limit: number }
  | { kind: "strings"; count: number; limit: number };

/**
 * What the guard needs from its platform: the browser's and Node's globals by default; the command
 * line passes Node's own (node:util, node:stream/web), which are there in every environment.
 */
export interface Platform {
  TextDecoder: typeof TextDecoder;
  TextEncoder: typeof TextEncoder;
  DecompressionStream: typeof DecompressionStream;
}

const globalPlatform = (): Platform => ({ TextDecoder, TextEncoder, DecompressionStream });

/**
 * `zip`: the checked content for exceljs (see xlsx-normalize.ts for what is renamed); `withoutTables`
 * the same without the table objects, for a second try when exceljs cannot read a table.
 */
export type GuardResult = { ok: true; zip: Uint8Array; withoutTables: () => Uint8Array } | { ok: false; refusal: Refusal };

const refuse = (refusal: Refusal): GuardResult => ({ ok: false, refusal });

// ---------------------------------------------------------------------------------------------
// Bytes

const u16 = (b: Uint8Array, o: number) => b[o] | (b[o + 1] << 8);
const u32 = (b: Uint8Array, o: number) => (b[o] | (b[o + 1] << 8) | (b[o + 2] << 16)) + b[o + 3] * 0x1000000;
/** Little-endian 64-bit as a number; beyond 2^53 it is absurd anyway and stays huge. */
const u64 = (b: Uint8Array, o: number) => u32(b, o) + u32(b, o + 4) * 0x100000000;

const startsWith = (b: Uint8Array, sig: number[]) => sig.every((v, i) => b[i] === v);
const CFB_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

class Damaged extends Error {}

// ---------------------------------------------------------------------------------------------
// Compound File Binary (old .xls, and the envelope of a password-protected .xlsx)

/** The names of the streams and storages in a CFB file; throws Damaged on a broken structure. */
export function cfbNames(b: Uint8Array): string[] {
  if (b.length < 512) throw new Damaged();
  const shift = u16(b, 30);
  if (shift !== 9 && shift !== 12) throw new Damaged();
  const size = 1 << shift;
  const sectors = Math.floor((b.length - size) / size) + 1;
  const sectorAt = (n: number) => {
    const o = (n + 1) * size;
    if (n >= sectors || o + size > b.length) throw new Damaged();
    return o;
  };
  // The FAT's own sectors: 109 in the header, the rest in the DIFAT chain.
  const fatSectors: number[] = [];
  for (let i = 0; i < 109; i++) {
    const s = u32(b, 76 + i * 4);
    if (s < 0xfffffffa) fatSectors.push(s);
  }
  let difat = u32(b, 68);
  for (let guard = 0; difat < 0xfffffffa && guard < sectors; guard++) {
    const o = sectorAt(difat);
    for (let i = 0; i < size / 4 - 1; i++) {
      const s = u32(b, o + i * 4);
      if (s < 0xfffffffa) fatSectors.push(s);
    }
    difat = u32(b, o + size - 4);
  }
  const next = (n: number): number => {
    const perSector = size / 4;
    const fs = fatSectors[Math.floor(n / perSector)];
    if (fs === undefined) throw new Damaged();
    return u32(b, sectorAt(fs) + (n % perSector) * 4);
  };
  const names: string[] = [];
  let dir = u32(b, 48);
  for (let guard = 0; dir < 0xfffffffa; guard++) {
    if (guard > sectors) throw new Damaged(); // a cycle
    const o = sectorAt(dir);
    for (let e = 0; e < size / 128; e++) {
      const at = o + e * 128;
      const len = Math.min(u16(b, at + 64), 64);
      const type = b[at + 66];
      if (type === 0 || len < 2) continue;
      let name = "";
      for (let i = 0; i < len - 2; i += 2) name += String.fromCharCode(u16(b, at + i));
      names.push(name);
    }
    dir = next(dir);
  }
  return names;
}

function cfbKind(b: Uint8Array): Refusal {
  let names: string[];
  try {
    names = cfbNames(b);
  } catch {
    return { kind: "unknown" };
  }
  if (names.includes("EncryptionInfo") || names.includes("EncryptedPackage")) return { kind: "encrypted" };
  if (names.includes("Workbook") || names.includes("Book")) return { kind: "xls" };
  return { kind: "unknown" };
}

// ---------------------------------------------------------------------------------------------
// Text: a CSV, or anything else that is not a workbook

function textKind(b: Uint8Array, fileName: string, { TextDecoder }: Platform): Refusal {
  const head = b.subarray(0, 64 * 1024);
  // Excel's «Unicode text» is UTF-16 with a byte-order mark.
  const utf16 = (b[0] === 0xff && b[1] === 0xfe) || (b[0] === 0xfe && b[1] === 0xff);
  if (head.includes(0) && !utf16) return { kind: "unknown" };
  let text: string;
  try {
    if (utf16) throw new Error("utf-16");
    text = new TextDecoder("utf-8", { fatal: true }).decode(head);
  } catch {
    // Windows-1252 text (a CSV from an older Excel) is still text.
    text = new TextDecoder(utf16 ? (b[0] === 0xff ? "utf-16le" : "utf-16be") : "latin1").decode(head);
  }
  // eslint-disable-next-line no-control-regex -- binary bytes are what this looks for
  if (/[\x00-\x08\x0e-\x1a\x1c-\x1f]/.test(text)) return { kind: "unknown" };
  if (/\.(csv|tsv)$/i.test(fileName)) return { kind: "csv" };
  const lines = text.split(/\r?\n/).filter((l) => l.trim() !== "");
  // The last line may be cut off by the 64 KB window.
  const full = lines.length > 2 ? lines.slice(0, -1) : lines;
  if (full.length < 2) return { kind: "unknown" };
  for (const sep of [";", ",", "\t"]) {
    const counts = full.slice(0, 20).map((l) => l.split(sep).length - 1);
    if (counts[0] > 0 && counts.every((n) => n === counts[0])) return { kind: "csv" };
  }
  return { kind: "unknown" };
}

// ---------------------------------------------------------------------------------------------
// Zip

interface Entry {
  name: string;
  method: number;
  flags: number;
  crc: number;
  packed: number;
  size: number;
  local: number;
}

interface Directory {
  count: number;
  offset: number;
  length: number;
}

function endOfDirectory(b: Uint8Array): Directory {
  // The last end-of-central-directory signature, as JSZip looks for it.
  let eocd = -1;
  for (let i = b.length - 22; i >= Math.max(0, b.length - 22 - 0xffff); i--) {
    if (b[i] === 0x50 && b[i + 1] === 0x4b && b[i + 2] === 0x05 && b[i + 3] === 0x06) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw new Damaged();
  let count = u16(b, eocd + 10);
  let length = u32(b, eocd + 12);
  let offset = u32(b, eocd + 16);
  if (count === 0xffff || length === 0xffffffff || offset === 0xffffffff) {
    // Zip64: the locator sits just before the end record.
    const loc = eocd - 20;
    if (loc < 0 || u32(b, loc) !== 0x07064b50) throw new Damaged();
    const rec = u64(b, loc + 8);
    if (rec + 56 > b.length || u32(b, rec) !== 0x06064b50) throw new Damaged();
    count = u64(b, rec + 32);
    length = u64(b, rec + 40);
    offset = u64(b, rec + 48);
  }
  return { count, offset, length };
}

function readEntries(b: Uint8Array, d: Directory, { TextDecoder }: Platform): Entry[] {
  const entries: Entry[] = [];
  let o = d.offset;
  const decoder = new TextDecoder("utf-8");
  for (let i = 0; i < d.count; i++) {
    if (o + 46 > b.length || u32(b, o) !== 0x02014b50) throw new Damaged();
    const nameLen = u16(b, o + 28);
    const extraLen = u16(b, o + 30);
    const commentLen = u16(b, o + 32);
    if (o + 46 + nameLen + extraLen + commentLen > b.length) throw new Damaged();
    const e: Entry = {
      flags: u16(b, o + 8),
      method: u16(b, o + 10),
      crc: u32(b, o + 16),
      packed: u32(b, o + 20),
      size: u32(b, o + 24),
      local: u32(b, o + 42),
      name: decoder.decode(b.subarray(o + 46, o + 46 + nameLen)),
    };
    // Zip64 sizes and offset, in this order, for each field that is 0xffffffff.
    let x = o + 46 + nameLen;
    const end = x + extraLen;
    while (x + 4 <= end) {
      const id = u16(b, x);
      const len = u16(b, x + 2);
      if (id === 0x0001) {
        let p = x + 4;
        if (e.size === 0xffffffff) (e.size = u64(b, p)), (p += 8);
        if (e.packed === 0xffffffff) (e.packed = u64(b, p)), (p += 8);
        if (e.local === 0xffffffff) e.local = u64(b, p);
      }
      x += 4 + len;
    }
    entries.push(e);
    o += 46 + nameLen + extraLen + commentLen;
  }
  return entries;
}

/** The packed bytes of an entry, located through its local header as JSZip does. */
function packedData(b: Uint8Array, e: Entry): Uint8Array {
  const o = e.local;
  if (o + 30 > b.length || u32(b, o) !== 0x04034b50) throw new Damaged();
  const start = o + 30 + u16(b, o + 26) + u16(b, o + 28);
  if (start + e.packed > b.length) throw new Damaged();
  return b.subarray(start, start + e.packed);
}

/**
 * Inflates raw deflate data, giving up (null) as soon as the output passes `limit` bytes. The
 * input goes in small slices so that no more than about a megabyte is ever inflated ahead of the
 * count (deflate expands at most ~1032:1).
 */
export async function inflateLimited(data: Uint8Array, limit: number, { DecompressionStream }: Platform = globalPlatform()): Promise<Uint8Array | null> {
  const ds = new DecompressionStream("deflate-raw");
  const writer = ds.writable.getWriter();
  const reader = ds.readable.getReader();
  let stop = false;
  const feeding = (async () => {
    for (let i = 0; i < data.length && !stop; i += 16384) await writer.write(data.subarray(i, i + 16384) as Uint8Array<ArrayBuffer>);
    if (!stop) await writer.close();
  })().catch(() => undefined);
  const chunks: Uint8Array[] = [];
  let total = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      total += value.length;
      if (total > limit) {
        stop = true;
        await reader.cancel().catch(() => undefined);
        await writer.abort().catch(() => undefined);
        return null;
      }
      chunks.push(value);
    }
  } catch {
    stop = true;
    throw new Damaged();
  }
  await feeding;
  const out = new Uint8Array(total);
  let p = 0;
  for (const c of chunks) out.set(c, p), (p += c.length);
  return out;
}

// ---------------------------------------------------------------------------------------------
// Cheap scans of the XML

const MAX_ROW = 1_048_576;
const MAX_COL = 16_384;

function colNumber(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

/**
 * The number of cells a reference covers: "B2", "A1:XFD1048576", "A:A" (a whole column), "3:3"
 * (a whole row), "$A$1:$B$2". What cannot be read counts as one cell: exceljs makes nothing of it.
 */
export function refArea(ref: string): number {
  const one = /^\$?([A-Za-z]{1,3})?\$?(\d+)?$/;
  const [a, b = a] = ref.trim().split(":");
  const m1 = one.exec(a ?? "");
  const m2 = one.exec(b ?? "");
  if (!m1 || !m2 || (!m1[1] && !m1[2]) || (!m2[1] && !m2[2])) return 1;
  const c1 = m1[1] ? colNumber(m1[1]) : 1;
  const c2 = m2[1] ? colNumber(m2[1]) : MAX_COL;
  const r1 = m1[2] ? Number(m1[2]) : 1;
  const r2 = m2[2] ? Number(m2[2]) : MAX_ROW;
  return (Math.abs(c2 - c1) + 1) * (Math.abs(r2 - r1) + 1);
}

/** Counts elements named `name` (with or without a namespace prefix). */
function countElements(xml: string, name: string): number {
  const re = new RegExp(`<(?:[A-Za-z_][\\w.-]*:)?${name}[\\s>/]`, "g");
  let n = 0;
  while (re.exec(xml)) n++;
  return n;
}

function attributeValues(xml: string, element: string, attribute: string): string[] {
  const re = new RegExp(`<(?:[A-Za-z_][\\w.-]*:)?${element}\\b[^>]*?\\s${attribute}\\s*=\\s*(?:"([^"]*)"|'([^']*)')`, "g");
  const out: string[] = [];
  let m: RegExpExecArray | null;
  while ((m = re.exec(xml))) out.push(m[1] ?? m[2] ?? "");
  return out;
}

/** Sheet names by worksheet entry, from xl/workbook.xml and its relationships; best effort. */
function sheetNames(files: Map<string, string>): Map<string, string> {
  const out = new Map<string, string>();
  const wb = files.get("xl/workbook.xml");
  const rels = files.get("xl/_rels/workbook.xml.rels");
  if (!wb || !rels) return out;
  const targets = new Map<string, string>();
  for (const m of rels.matchAll(/<(?:\w+:)?Relationship\b([^>]*)>/g)) {
    const id = /\sId="([^"]*)"/.exec(m[1])?.[1];
    const target = /\sTarget="([^"]*)"/.exec(m[1])?.[1];
    if (id && target) targets.set(id, target.startsWith("/") ? target.slice(1) : `xl/${target}`);
  }
  for (const m of wb.matchAll(/<(?:\w+:)?sheet\b([^>]*)>/g)) {
    const name = /\sname="([^"]*)"/.exec(m[1])?.[1];
    const id = /\s[\w]+:id="([^"]*)"/.exec(m[1])?.[1];
    const target = id ? targets.get(id) : undefined;
    if (name !== undefined && target) out.set(target, unescapeXml(name));
  }
  return out;
}

const unescapeXml = (s: string) =>
  s.replace(/&(lt|gt|quot|apos|amp|#\d+|#x[0-9a-fA-F]+);/g, (_, e: string) =>
    e === "lt" ? "<" : e === "gt" ? ">" : e === "quot" ? '"' : e === "apos" ? "'" : e === "amp" ? "&" : String.fromCodePoint(e[1] === "x" ? parseInt(e.slice(2), 16) : Number(e.slice(1))),
  );

const isSheet = (name: string) => /^xl\/worksheets\/[^/]+\.xml$/i.test(name);

function scanXml(files: Map<string, string>): Refusal | undefined {
  const names = sheetNames(files);
  let cells = 0;
  for (const [entry, xml] of files) {
    if (!isSheet(entry)) continue;
    const part: Part = { entry, ...(names.has(entry) ? { sheet: names.get(entry) } : {}) };
    for (const ref of attributeValues(xml, "dimension", "ref")) {
      const count = refArea(ref);
      if (count > LIMITS.dimensionCells) return { kind: "dimension", part, ref, count, limit: LIMITS.dimensionCells };
    }
    // Every cell and row element, and every hyperlink (exceljs makes a cell for each).
    cells += countElements(xml, "c") + countElements(xml, "row") + countElements(xml, "hyperlink");
    for (const ref of attributeValues(xml, "mergeCell", "ref")) {
      const count = refArea(ref);
      cells += count;
      if (count > LIMITS.cells) return { kind: "merge", part, ref, count, limit: LIMITS.cells };
    }
    for (const sqref of attributeValues(xml, "dataValidation", "sqref")) {
      for (const ref of sqref.trim().split(/\s+/)) {
        const count = refArea(ref);
        cells += count;
        if (count > LIMITS.cells) return { kind: "validation", part, ref, count, limit: LIMITS.cells };
      }
    }
    if (cells > LIMITS.cells) return { kind: "cells", count: cells, limit: LIMITS.cells };
  }
  // A comment (a note) is a cell too.
  for (const [entry, xml] of files) {
    if (!/^xl\/comments[^/]*\.xml$/i.test(entry)) continue;
    cells += countElements(xml, "comment");
    if (cells > LIMITS.cells) return { kind: "cells", count: cells, limit: LIMITS.cells };
  }
  for (const [entry, xml] of files) {
    if (!/^xl\/sharedStrings[^/]*\.xml$/i.test(entry)) continue;
    const count = countElements(xml, "si");
    if (count > LIMITS.strings) return { kind: "strings", count, limit: LIMITS.strings };
  }
  return undefined;
}

// ---------------------------------------------------------------------------------------------
// Re-packing: the checked content as an uncompressed zip

function storedZip(files: { name: Uint8Array; data: Uint8Array; crc: number }[]): Uint8Array {
  let size = 22;
  for (const f of files) size += 30 + 46 + 2 * f.name.length + f.data.length;
  const out = new Uint8Array(size);
  const view = new DataView(out.buffer);
  let p = 0;
  const offsets: number[] = [];
  for (const f of files) {
    offsets.push(p);
    view.setUint32(p, 0x04034b50, true);
    view.setUint16(p + 4, 20, true);
    view.setUint16(p + 6, 0x0800, true); // names are UTF-8
    view.setUint32(p + 14, f.crc, true);
    view.setUint32(p + 18, f.data.length, true);
    view.setUint32(p + 22, f.data.length, true);
    view.setUint16(p + 26, f.name.length, true);
    out.set(f.name, p + 30);
    out.set(f.data, p + 30 + f.name.length);
    p += 30 + f.name.length + f.data.length;
  }
  const cd = p;
  files.forEach((f, i) => {
    view.setUint32(p, 0x02014b50, true);
    view.setUint16(p + 4, 20, true);
    view.setUint16(p + 6, 20, true);
    view.setUint16(p + 8, 0x0800, true);
    view.setUint32(p + 16, f.crc, true);
    view.setUint32(p + 20, f.data.length, true);
    view.setUint32(p + 24, f.data.length, true);
    view.setUint16(p + 28, f.name.length, true);
    view.setUint32(p + 42, offsets[i], true);
    out.set(f.name, p + 46);
    p += 46 + f.name.length;
  });
  view.setUint32(p, 0x06054b50, true);
  view.setUint16(p + 8, files.length, true);
  view.setUint16(p + 10, files.length, true);
  view.setUint32(p + 12, p - cd, true);
  view.setUint32(p + 16, cd, true);
  return out.subarray(0, p + 22);
}

// ---------------------------------------------------------------------------------------------

/**
 * Checks a file's bytes. `fileName` only helps tell a CSV from other text. Refusals are values;
 * on success the content comes back as an uncompressed zip for exceljs.
 */
export async function guardWorkbook(bytes: Uint8Array, fileName = "", platform: Platform = globalPlatform()): Promise<GuardResult> {
  if (bytes.length === 0) return refuse({ kind: "empty" });
  if (bytes.length > LIMITS.fileBytes) return refuse({ kind: "file-size", bytes: bytes.length, limit: LIMITS.fileBytes });
  if (startsWith(bytes, CFB_MAGIC)) return refuse(cfbKind(bytes));
  if (!startsWith(bytes, [0x50, 0x4b])) return refuse(textKind(bytes, fileName, platform));
  try {
    const dir = endOfDirectory(bytes);
    if (dir.count > LIMITS.entries) return refuse({ kind: "entries", count: dir.count, limit: LIMITS.entries });
    const entries = readEntries(bytes, dir, platform);
    const names = new Set(entries.map((e) => e.name));
    if (names.has("xl/workbook.bin")) return refuse({ kind: "xlsb" });
    if (entries.some((e) => e.flags & 1)) return refuse({ kind: "encrypted" });
    let declared = 0;
    for (const e of entries) {
      const part: Part = { entry: e.name };
      if (e.method !== 0 && e.method !== 8) return refuse({ kind: "damaged" });
      if (e.size > LIMITS.entryBytes) return refuse({ kind: "entry-size", part, limit: LIMITS.entryBytes });
      if (e.size > LIMITS.ratioFloorBytes && e.size > e.packed * LIMITS.ratio) {
        return refuse({ kind: "ratio", part, ratio: Math.round(e.size / Math.max(1, e.packed)), limit: LIMITS.ratio });
      }
      declared += e.size;
      if (declared > LIMITS.totalBytes) return refuse({ kind: "total-size", limit: LIMITS.totalBytes });
    }
    // Inflate for real: the declared sizes are only a claim.
    const out: { name: string; data: Uint8Array; crc: number }[] = [];
    const xml = new Map<string, string>();
    const encoder = new platform.TextEncoder();
    const decoder = new platform.TextDecoder("utf-8");
    let total = 0;
    for (const e of entries) {
      const part: Part = { entry: e.name };
      const packed = packedData(bytes, e);
      const limit = Math.min(LIMITS.entryBytes, LIMITS.totalBytes - total);
      const data = e.method === 0 ? packed : await inflateLimited(packed, limit, platform);
      if (data === null || data.length > limit) {
        return refuse(limit < LIMITS.entryBytes ? { kind: "total-size", limit: LIMITS.totalBytes } : { kind: "entry-size", part, limit: LIMITS.entryBytes });
      }
      if (data.length > LIMITS.ratioFloorBytes && data.length > packed.length * LIMITS.ratio) {
        return refuse({ kind: "ratio", part, ratio: Math.round(data.length / Math.max(1, packed.length)), limit: LIMITS.ratio });
      }
      total += data.length;
      if (e.name === "mimetype" && decoder.decode(data.subarray(0, 100)).startsWith("application/vnd.oasis.opendocument.spreadsheet")) {
        return refuse({ kind: "ods" });
      }
      if (/\.(xml|rels)$/i.test(e.name)) xml.set(e.name, decoder.decode(data));
      out.push({ name: e.name, data, crc: e.crc });
    }
    if (names.has("content.xml") && !names.has("xl/workbook.xml")) return refuse({ kind: "ods" });
    const scan = scanXml(xml);
    if (scan) return refuse(scan);
    // Excel's part names and relative targets, for exceljs (a workbook from openpyxl, pandas …).
    const codec = { decode: (d: Uint8Array) => decoder.decode(d), encode: (t: string) => encoder.encode(t) };
    const crcs = new Map(out.map((f) => [f.data, f.crc]));
    const pack = (parts: PackagePart[]) => storedZip(parts.map((p) => ({ name: encoder.encode(p.name), data: p.data, crc: crcs.get(p.data) ?? crc32(p.data) })));
    const normalized = normalizePackage(out, codec);
    return { ok: true, zip: pack(normalized), withoutTables: () => pack(withoutTables(normalized, codec)) };
  } catch (e) {
    if (e instanceof Damaged) return refuse({ kind: "damaged" });
    throw e;
  }
}

/**
 * The text of the zip entries whose names match `pattern`, each inflated under `limit` bytes: for
 * parts no reader parses, such as the add-in's document settings in xl/webextensions/ (read by
 * `prio slides`). An entry that is too large, encrypted, packed another way or broken is left
 * out; bytes that are not a sound zip give none. Never throws.
 */
export async function zipTexts(bytes: Uint8Array, pattern: RegExp, limit: number, platform: Platform = globalPlatform()): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  let entries: Entry[];
  try {
    const dir = endOfDirectory(bytes);
    if (dir.count > LIMITS.entries) return out;
    entries = readEntries(bytes, dir, platform);
  } catch {
    return out;
  }
  const decoder = new platform.TextDecoder("utf-8");
  for (const e of entries) {
    if (!pattern.test(e.name) || e.flags & 1 || (e.method !== 0 && e.method !== 8) || e.size > limit) continue;
    try {
      const packed = packedData(bytes, e);
      const data = e.method === 0 ? packed : await inflateLimited(packed, limit, platform);
      if (data && data.length <= limit) out.set(e.name, decoder.decode(data));
    } catch {
      // Left out, as said.
    }
  }
  return out;
}
