/**
 * jsonUtf8Length counts what JSON.stringify's text would take in UTF-8, without making it: checked
 * against the text itself (its UTF-8 bytes by Node's Buffer) on random nested arrays of every kind
 * of value, escapes, lone surrogates and characters of every UTF-8 length.
 */
import { jsonUtf8Length } from "../../src/core/json-size";
import { prng } from "../support/grids";

const reference = (v: unknown): number | undefined => {
  const s = JSON.stringify(v) as string | undefined;
  return s === undefined ? undefined : Buffer.byteLength(s, "utf8");
};

const CHARS = ['"', "\\", "/", "\b", "\t", "\n", "\f", "\r", "\u0000", "\u0001", "\u001f", " ", "a", "Z", "~", "\u007f", "\u0080", "æ", "ø", "å", "\u07ff", "\u0800", "€", "\uffff", "\ud83d\ude00", "\ud83d", "\ude00", "\u2028", "'", "="];
const NUMBERS = [0, -0, 1, -1, 9, 10, -10, 99, 100, 7.5, 15.25, 1 / 3, 1e15, 1e16, 1e21, 1e-7, 123456789012, -999999, Number.MAX_SAFE_INTEGER, -Number.MAX_SAFE_INTEGER, 2 ** 53, Number.MAX_VALUE, Number.MIN_VALUE, NaN, Infinity, -Infinity];

function randomString(random: () => number): string {
  let s = "";
  const n = Math.floor(random() * 12);
  for (let i = 0; i < n; i++) s += CHARS[Math.floor(random() * CHARS.length)];
  return s;
}

function randomValue(random: () => number, depth: number): unknown {
  const k = Math.floor(random() * (depth > 0 ? 11 : 9));
  switch (k) {
    case 0:
      return NUMBERS[Math.floor(random() * NUMBERS.length)];
    case 1:
      return Math.round(random() * 1000) / 8;
    case 2:
      return randomString(random);
    case 3:
      return random() < 0.5;
    case 4:
      return null;
    case 5:
      return undefined;
    case 6:
      return { a: randomString(random), b: [1, null, undefined] };
    case 7:
      return random() < 0.5 ? new Date(0) : () => 1;
    case 8:
      return "";
    default: {
      const n = Math.floor(random() * 6);
      const out: unknown[] = [];
      for (let i = 0; i < n; i++) out.push(randomValue(random, depth - 1));
      if (random() < 0.1) out.length += 2;
      return out;
    }
  }
}

describe("jsonUtf8Length", () => {
  test("each character and number alone, and in an array", () => {
    for (const c of CHARS) {
      expect(jsonUtf8Length(c)).toBe(reference(c));
      expect(jsonUtf8Length([c, c + c])).toBe(reference([c, c + c]));
    }
    for (const x of NUMBERS) expect(jsonUtf8Length([x])).toBe(reference([x]));
    // Every power of ten and its neighbours, both signs (the digits counted by hand).
    for (let p = 1; p <= 2 ** 53; p *= 10) for (const x of [p - 1, p, p + 1, -p + 1, -p, -p - 1]) expect(jsonUtf8Length(x)).toBe(reference(x));
    for (const v of [undefined, () => 1, null, true, false, [], [[]], [undefined], { toJSON: () => undefined }, [{ toJSON: () => undefined }]])
      expect(jsonUtf8Length(v)).toBe(reference(v));
  });

  test("random nested arrays of every kind of value: the bytes of JSON.stringify's text", () => {
    for (let seed = 1; seed <= 400; seed++) {
      const random = prng(seed);
      const v = randomValue(random, 3);
      expect(jsonUtf8Length(v)).toBe(reference(v));
    }
  });

  test("a matrix as Excel returns it", () => {
    const random = prng(7);
    const rows = Array.from({ length: 50 }, () => Array.from({ length: 20 }, () => (random() < 0.5 ? Math.round(random() * 100) / 4 : randomString(random))));
    expect(jsonUtf8Length(rows)).toBe(reference(rows));
  });
});
