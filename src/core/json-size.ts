/**
 * UTF-8 bytes of `JSON.stringify(v)`, counted without making the text. The recompute measures every
 * matrix it reads (excel/payload.ts), and the in-memory Excel every response (sim/payload.ts),
 * against Excel on the web's 5 MB limit: the JSON of a read of 300 measures is a string of some
 * 100 KB, walked again for its UTF-8 length, and that was a fifth of a recompute's reading. Arrays
 * (nested) of numbers, strings, booleans and null are walked here; any other value goes through
 * JSON.stringify. Undefined when JSON.stringify gives undefined (undefined, a function).
 */
export function jsonUtf8Length(v: unknown): number | undefined {
  if (typeof v === "string") return stringBytes(v);
  if (typeof v === "number") return numberBytes(v);
  if (typeof v === "boolean") return v ? 4 : 5;
  if (v === null) return 4;
  if (Array.isArray(v) && typeof (v as { toJSON?: unknown }).toJSON !== "function") {
    let n = v.length > 0 ? v.length + 1 : 2;
    for (let i = 0; i < v.length; i++) n += jsonUtf8Length(v[i]) ?? 4;
    return n;
  }
  const s = JSON.stringify(v) as string | undefined;
  return s === undefined ? undefined : utf8Bytes(s);
}

/** A number's JSON: a whole number's digits counted (most cells), others as written (shortest round trip), non-finite as null. */
function numberBytes(v: number): number {
  if (Number.isSafeInteger(v)) {
    let n = v < 0 ? 2 : 1;
    for (let a = Math.abs(v); a >= 10; a = Math.floor(a / 10)) n++;
    return n;
  }
  return Number.isFinite(v) ? String(v).length : 4;
}

/** A string's JSON: quotes, escapes (`\"`, `\\`, `\n` …, `\u00XX`, a lone surrogate as `\uXXXX`), the rest in UTF-8. */
function stringBytes(s: string): number {
  let n = 2;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) {
      if (c >= 0x20) n += c === 0x22 || c === 0x5c ? 2 : 1;
      else n += c === 0x08 || c === 0x09 || c === 0x0a || c === 0x0c || c === 0x0d ? 2 : 6;
    } else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff) {
      const d = i + 1 < s.length ? s.charCodeAt(i + 1) : 0;
      if (d >= 0xdc00 && d <= 0xdfff) {
        n += 4;
        i++;
      } else n += 6;
    } else if (c >= 0xdc00 && c <= 0xdfff) n += 6;
    else n += 3;
  }
  return n;
}

/** UTF-8 bytes of a string (each surrogate 2, so a pair 4). */
export function utf8Bytes(s: string): number {
  let n = s.length;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0x80) n += c < 0x800 || (c >= 0xd800 && c <= 0xdfff) ? 1 : 2;
  }
  return n;
}
