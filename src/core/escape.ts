/**
 * Text from a workbook made safe for a terminal. A cell can hold ESC sequences (colours, cursor
 * moves, window titles, hyperlinks), bells, other C0 and C1 control characters, raw line breaks and
 * bidirectional overrides that reorder what is shown; printed as they are, a workbook could drive
 * the terminal or make a line read as something else. Each such character is shown as a visible
 * escape instead: `\n`, `\t`, `\r`, `\x1b`, `\u202e`.
 */

/**
 * C0 controls, DEL, C1 controls, the Arabic letter mark, left-to-right/right-to-left marks,
 * the line and paragraph separators, bidirectional embeddings and overrides (U+202A–202E) and
 * isolates (U+2066–2069).
 */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;
// eslint-disable-next-line no-control-regex -- as above
const UNSAFE_BUT_NEWLINE = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

/** What JSON.stringify leaves raw: DEL, C1 and the Unicode controls (C0 it escapes itself). */
const UNSAFE_IN_JSON = /[\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

const NAMED: Record<string, string> = { "\n": "\\n", "\t": "\\t", "\r": "\\r" };

function escapeOne(c: string): string {
  const named = NAMED[c];
  if (named) return named;
  const code = c.charCodeAt(0);
  return code <= 0xff ? `\\x${code.toString(16).padStart(2, "0")}` : `\\u${code.toString(16).padStart(4, "0")}`;
}

/** One piece of text from a cell: every unsafe character escaped, line breaks too. */
export function escapeControls(s: string): string {
  return s.replace(UNSAFE, escapeOne);
}

/** A whole block of output: the same, except that its own line breaks stay. */
export function escapeControlsKeepLines(s: string): string {
  return s.replace(UNSAFE_BUT_NEWLINE, escapeOne);
}

/**
 * JSON text with the characters JSON.stringify leaves raw (DEL, C1 controls, bidirectional
 * controls, line separators) written as \u escapes: the same JSON value, nothing a terminal acts on.
 * Outside strings JSON has none of these characters, so the replacement is always inside a string.
 */
export function escapeJson(json: string): string {
  return json.replace(UNSAFE_IN_JSON, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);
}

/**
 * Characters no file another program opens may hold raw: what XML 1.0 forbids (C0 controls other
 * than tab, line feed and carriage return; U+FFFE, U+FFFF; a surrogate without its pair) and the
 * other controls (DEL, C1). A surrogate pair (an emoji, a rare CJK character) is matched as a pair
 * and kept; only a lone half is shown. No lookbehind, so every browser the pane runs in parses it.
 */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const UNSAFE_IN_FILE = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\ufffe\uffff]|[\ud800-\udbff][\udc00-\udfff]|[\ud800-\udfff]/g;

/**
 * Text bound for a file (the deck's XML parts, CSV, the clipboard's table): each character of
 * UNSAFE_IN_FILE shown as the terminal shows it (`\x01`, `\ud800`), so the file stays valid and
 * nothing typed silently disappears. Tab, line breaks and bidirectional marks stay: a file may hold them.
 */
export function escapeForFile(s: string): string {
  return s.replace(UNSAFE_IN_FILE, (c) => (c.length === 2 ? c : escapeOne(c)));
}

/**
 * A copy of a value with `f` applied to every string in it (object keys, Map keys and Set members
 * too, so lookups by id still match). Plain objects, arrays, Maps and Sets are copied; anything
 * else is kept as it is. Shared references and cycles stay shared.
 */
export function mapStrings<T>(value: T, f: (s: string) => string): T {
  const seen = new Map<object, unknown>();
  // Kinds by their tag, not instanceof: a value may come from another realm (a worker's message, structuredClone in a test).
  const kind = (v: object) => Object.prototype.toString.call(v);
  const walk = (v: unknown): unknown => {
    if (typeof v === "string") return f(v);
    if (typeof v !== "object" || v === null) return v;
    if (seen.has(v)) return seen.get(v);
    if (Array.isArray(v)) {
      const out: unknown[] = [];
      seen.set(v, out);
      for (const x of v) out.push(walk(x));
      return out;
    }
    if (kind(v) === "[object Map]") {
      const out = new Map<unknown, unknown>();
      seen.set(v, out);
      for (const [k, x] of v as Map<unknown, unknown>) out.set(walk(k), walk(x));
      return out;
    }
    if (kind(v) === "[object Set]") {
      const out = new Set<unknown>();
      seen.set(v, out);
      for (const x of v as Set<unknown>) out.add(walk(x));
      return out;
    }
    // A plain object of any realm: its prototype is null or has none itself (a class instance's has Object.prototype).
    const proto: unknown = Object.getPrototypeOf(v);
    if (kind(v) !== "[object Object]" || (proto !== null && Object.getPrototypeOf(proto) !== null)) return v;
    const out: Record<string, unknown> = {};
    seen.set(v, out);
    for (const [k, x] of Object.entries(v)) out[f(k)] = walk(x);
    return out;
  };
  return walk(value) as T;
}

/** A copy of a value with every string in it escaped for the terminal (see mapStrings). */
export function escapeDeep<T>(value: T): T {
  return mapStrings(value, escapeControls);
}
