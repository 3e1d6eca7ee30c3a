/**
 * The indexed name matching gives exactly what comparing every pair gives: on random sets of
 * names made of the words that make matching hard (inflections one or two letters apart,
 * compounds and their heads, acronyms such as DBEP, connecting words, dashes and punctuation,
 * blanks), the index finds the same names with the same similarity, the summary of a legacy
 * workbook is matched to the same measures as by the exhaustive matcher it replaced, and the
 * near-duplicate pairs are those the grouped comparison it replaced found, in the same order.
 */
import fc from "fast-check";
import { NameIndex, prepareName, preparedSimilarity } from "../../src/core/name-index";
import { contentWords, nameSimilarity, normalize } from "../../src/core/text";
import { nearDuplicates, type MeasureRef } from "../../src/grid/checklist-sync";
import type { LegacyMeasure, Summary, SummaryRow } from "../../src/grid/legacy";
import { matchSummary, SummaryNames } from "../../src/grid/legacy-audit";

const WORDS = [
  "generisk", "generiske", "datadelingstjeneste", "datadelingstjenester", "datadeling", "tjeneste", "tjenester", "omsorg",
  "omsorgstjeneste", "kommunal", "kommunale", "helse", "helse-", "legevakt", "ØHD", "DBEP", "PLL", "DHO", "Digitale",
  "Behandlings-", "Egenbehandlingsplaner", "behandlingsplan", "Dokumentdeling", "dokumentdeling", "Spesialisthelsetjenesten",
  "spesialisthelsetjeneste", "fastleger", "fastlege", "og", "i", "for", "av", "på", "Pasientens", "legemiddelliste",
  "Kritisk", "info", "kritisk", "informasjon", "Andre", "helseaktører", "helseaktør", "tjenestene", "1", "2", "A",
  "Helsenorge", "helsenorge", "Henvisning", "henvisninger", "Nasjonal", "nasjonale", "løsning", "løsninger", "IKT",
  // Typed with a slip early in the word, where a shared beginning cannot find them:
  "komunal", "Dukumentdeling", "dokumnetdeling", "hlseaktører", "Pasjentens", "lgemiddelliste", "dukumentdelin", "spesjalisthelsetjenestene",
];
const SEPARATORS = [" ", " ", " ", ": ", " - ", "/", " – ", ", "];

const nameArb: fc.Arbitrary<string> = fc
  .tuple(
    fc.array(fc.tuple(fc.constantFrom(...WORDS), fc.constantFrom(...SEPARATORS)), { minLength: 0, maxLength: 6 }),
    fc.constantFrom("", "", "?", ".", " "),
  )
  .map(([parts, tail]) => parts.map(([w, sep], i) => (i === 0 ? w : sep + w)).join("") + tail);

/** The summary matcher as it was: every summary row against every measure. */
function exhaustiveMatch(summary: Summary, measures: LegacyMeasure[]): Map<SummaryRow, LegacyMeasure> {
  const sameName = (row: SummaryRow, m: LegacyMeasure) => {
    const w = contentWords(row.name).join(" ");
    return [m.input.name, m.header, `${m.sheet} ${m.header}`].some((n) => n !== "" && contentWords(n).join(" ") === w);
  };
  const similarity = (row: SummaryRow, m: LegacyMeasure) =>
    Math.max(...[m.input.name, m.header, `${m.sheet} ${m.header}`].filter((n) => n.trim() !== "").map((n) => nameSimilarity(row.name, n)));
  const pairs: { row: SummaryRow; m: LegacyMeasure; s: number; exact: boolean }[] = [];
  for (const row of summary.rows) {
    for (const m of measures) {
      const exact = sameName(row, m);
      const s = exact ? 1 : similarity(row, m);
      if (s >= 0.6) pairs.push({ row, m, s, exact });
    }
  }
  pairs.sort((a, b) => Number(b.exact) - Number(a.exact) || b.s - a.s);
  const out = new Map<SummaryRow, LegacyMeasure>();
  const taken = new Set<LegacyMeasure>();
  for (const p of pairs) {
    if (out.has(p.row) || taken.has(p.m)) continue;
    out.set(p.row, p.m);
    taken.add(p.m);
  }
  return out;
}

const measureArb = fc.tuple(fc.constantFrom("Dokumentdeling", "Kritisk info", "DBEP", "PLL", "Samlet liste", "Ark 1"), nameArb, fc.boolean());

function legacyMeasures(specs: [string, string, boolean][]): LegacyMeasure[] {
  return specs.map(([sheet, header, many], i) => ({
    input: { id: `m${i}`, name: header === "" ? `${sheet} C` : many ? `${sheet}: ${header}` : header, scores: {} },
    sheet,
    col: 2 + i,
    header,
    computed: new Map(),
  }));
}

function summaryOf(names: string[]): Summary {
  const cell = { row: 0, col: 0, address: "Samlet!A1", cell: undefined };
  return { sheet: "Samlet", headerRow: 0, nameCol: 0, scoreCol: 1, rankCol: 2, rows: names.map((name, i) => ({ row: i + 1, name, nameCell: cell, scoreCell: cell, rankCell: cell })) };
}

test("a prepared comparison is nameSimilarity", () => {
  fc.assert(
    fc.property(nameArb, nameArb, (a, b) => {
      expect(preparedSimilarity(prepareName(a), prepareName(b))).toBe(nameSimilarity(a, b));
    }),
    { numRuns: 3000 },
  );
});

test("the index finds exactly the names at or above the threshold, with their similarity, in order", () => {
  fc.assert(
    fc.property(fc.array(nameArb, { maxLength: 30 }), fc.array(nameArb, { minLength: 1, maxLength: 8 }), fc.constantFrom(0.3, 0.6, 0.8, 1), (names, queries, min) => {
      const index = new NameIndex();
      for (const n of names) index.add(prepareName(n));
      for (const q of queries) {
        const expected = names.map((n, entry) => ({ entry, s: nameSimilarity(q, n) })).filter((x) => x.s >= min);
        expect(index.similar(prepareName(q), min)).toEqual(expected);
      }
    }),
    { numRuns: 800 },
  );
});

test("long names repeating a few words (the same word, its inflections and slips, many times): the same names as comparing every pair", () => {
  // Each group of a query's repeated words counts at most as many of an entry's words as it has: the bound must never drop a name.
  const FEW = ["kommunal", "kommunale", "komunal", "tjeneste", "tjenester", "DBEP", "og", "helse", "legevakt"];
  const longArb = fc.array(fc.constantFrom(...FEW), { minLength: 1, maxLength: 16 }).map((ws) => ws.join(" "));
  fc.assert(
    fc.property(fc.array(longArb, { maxLength: 25 }), fc.array(longArb, { minLength: 1, maxLength: 6 }), fc.constantFrom(0.5, 0.6, 0.8, 0.9), (names, queries, min) => {
      const index = new NameIndex();
      for (const n of names) index.add(prepareName(n));
      for (const q of queries) {
        const expected = names.map((n, entry) => ({ entry, s: nameSimilarity(q, n) })).filter((x) => x.s >= min);
        expect(index.similar(prepareName(q), min)).toEqual(expected);
      }
    }),
    { numRuns: 600 },
  );
});

test("the summary is matched to the same measures as by comparing every row with every measure", () => {
  fc.assert(
    fc.property(fc.array(measureArb, { maxLength: 20 }), fc.array(nameArb, { maxLength: 20 }), (specs, rowNames) => {
      const measures = legacyMeasures(specs);
      // Summary names: some typed anew, some copies of a measure's name or heading.
      const names = rowNames.map((n, i) => (i % 3 === 1 && measures.length ? measures[i % measures.length].input.name : i % 3 === 2 && measures.length ? measures[(i * 7) % measures.length].header : n));
      const summary = summaryOf(names);
      const got = matchSummary(summary, measures);
      const want = exhaustiveMatch(summary, measures);
      expect([...got.entries()].map(([r, m]) => [r.row, m.input.id])).toEqual([...want.entries()].map(([r, m]) => [r.row, m.input.id]));
      // The suggestions for unmatched rows rest on the same similarities (threshold 0.3).
      const index = new SummaryNames(measures);
      for (const name of names) {
        const expected = measures
          .map((m, i) => ({
            m: i,
            s: Math.max(...[m.input.name, m.header, `${m.sheet} ${m.header}`].filter((n) => n.trim() !== "").map((n) => nameSimilarity(name, n))),
          }))
          .filter((x) => x.s >= 0.3);
        expect(index.similar(name, 0.3)).toEqual(expected);
      }
    }),
    { numRuns: 500 },
  );
});

test("the council's summary names find their measures: DBEP, inflected and shortened names", () => {
  const measures = legacyMeasures([
    ["DBEP", "Digitale Behandlings- og Egenbehandlingsplaner", false],
    ["Dokumentdeling", "Spesialisthelsetjenesten", true],
    ["Dokumentdeling", "Legevakt/ØHD", true],
    ["Generisk", "Generisk datadelingstjeneste", false],
  ]);
  const summary = summaryOf(["Implementering av DBEP", "Dokumentdeling spesialisthelsetjeneste", "Dokumentdeling legevakt/ØHD", "Generiske datadelingstjenester", "Noe helt annet"]);
  const got = matchSummary(summary, measures);
  expect([...got.entries()].map(([r, m]) => [r.name, m.input.id]).sort()).toEqual([
    ["Dokumentdeling legevakt/ØHD", "m2"],
    ["Dokumentdeling spesialisthelsetjeneste", "m1"],
    ["Generiske datadelingstjenester", "m3"],
    ["Implementering av DBEP", "m0"],
  ]);
});

/** Near-duplicates as they were found: names grouped by the beginnings of their words, every pair within a group compared. */
function groupedNear(refs: MeasureRef[]): [string, string][] {
  const byWord = new Map<string, number[]>();
  refs.forEach((r, i) => {
    for (const w of new Set(contentWords(r.name).map((x) => x.slice(0, 5)))) byWord.set(w, [...(byWord.get(w) ?? []), i]);
  });
  const seen = new Set<string>();
  const out: [string, string][] = [];
  for (const group of byWord.values()) {
    if (group.length > 200) continue;
    for (let a = 0; a < group.length; a++) {
      for (let b = a + 1; b < group.length; b++) {
        const x = refs[group[a]];
        const y = refs[group[b]];
        const key = `${group[a]}:${group[b]}`;
        if (seen.has(key) || x.id === y.id) continue;
        seen.add(key);
        if (normalize(x.name) === normalize(y.name) || nameSimilarity(x.name, y.name) >= 0.8) out.push([x.id, y.id]);
      }
    }
  }
  return out;
}

test("near-duplicates are the pairs the grouped comparison found, in its order", () => {
  fc.assert(
    fc.property(fc.array(nameArb, { maxLength: 30 }), (names) => {
      const refs = names.map((name, i) => ({ id: `T${i % 25}`, name, actor: "" }));
      expect(nearDuplicates(refs).map(([x, y]) => [x.id, y.id])).toEqual(groupedNear(refs));
    }),
    { numRuns: 800 },
  );
  // A beginning more than 200 names share does not make them compared; a rarer one does.
  const many = Array.from({ length: 201 }, (_, i) => ({ id: `N${i}`, name: i < 2 ? "Nasjonal kjernejournal" : `Nasjonal ${["a", "b", "c"][i % 3]}${i}`, actor: "" }));
  expect(nearDuplicates(many).map(([x, y]) => [x.id, y.id])).toEqual(groupedNear(many));
  expect(groupedNear(many)).toEqual([["N0", "N1"]]);
});
