/**
 * `normalize` and `words` scan by hand instead of with patterns: for any text they give what the
 * patterns gave (the references below are the former implementations, word for word).
 */
import fc from "fast-check";
import { normalize, words } from "../../src/core/text";

const reference = (s: string): string =>
  s
    .normalize("NFC")
    .toLowerCase()
    .replace(/[\u2010-\u2015\u2212]/g, "-")
    .replace(/\s+/g, " ")
    .trim()
    .replace(/[\s?:.!;,*]+$/u, "")
    .trim();

describe("normalize", () => {
  test("spaces, closing punctuation, dashes and case as before, on texts made of the characters that matter", () => {
    const piece = fc.constantFrom("a", "Ø", "å", "e\u0301", " ", "  ", "\t", "\n", "\u00a0", "\ufeff", "\u2013", "\u2212", "?", ":", ".", "!", ";", ",", "*", "-", "(", ")", "1", "DBEP");
    const text = fc.array(piece, { maxLength: 14 }).map((p) => p.join(""));
    fc.assert(fc.property(text, (s) => expect(normalize(s)).toBe(reference(s))), { numRuns: 2000 });
    fc.assert(fc.property(fc.string({ unit: "binary" }), (s) => expect(normalize(s)).toBe(reference(s))), { numRuns: 300 });
  });

  test("examples", () => {
    expect(normalize("  Nytte for pasient?  ")).toBe("nytte for pasient");
    expect(normalize("Gjennomførbarhet *:")).toBe("gjennomførbarhet");
    expect(normalize("\ufeffScore . ")).toBe("score");
    expect(normalize("Kritisk\u2013info")).toBe("kritisk-info");
    expect(normalize("?!")).toBe("");
  });
});

describe("words", () => {
  const reference = (s: string): string[] => s.normalize("NFC").toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
  test("the same words as the Unicode-property pattern, on texts with letters of every kind, digits, marks and astral characters", () => {
    const piece = fc.constantFrom("a", "Z", "æ", "Ø", "å", "e\u0301", "ß", "İ", "Σ", " ", "-", ":", "1", "٣", "²", "\u0301", "𝐀", "😀", "\ud800", "\udc00", "中", "_", "'", "ǅ");
    const text = fc.array(piece, { maxLength: 12 }).map((p) => p.join(""));
    fc.assert(fc.property(text, (s) => expect(words(s)).toEqual(reference(s))), { numRuns: 3000 });
    fc.assert(fc.property(fc.string({ unit: "binary" }), (s) => expect(words(s)).toEqual(reference(s))), { numRuns: 300 });
  });

  test("examples", () => {
    expect(words("Digitale Behandlings- og Egenbehandlingsplaner (DBEP)")).toEqual(["digitale", "behandlings", "og", "egenbehandlingsplaner", "dbep"]);
    expect(words("Legevakt/ØHD: 2. fase")).toEqual(["legevakt", "øhd", "2", "fase"]);
    expect(words("")).toEqual([]);
  });
});
