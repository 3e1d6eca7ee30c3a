/**
 * The summary audit keeps its rows and measures by position, and checks a shown score of at most
 * two decimals without writing it out; the label matcher rules out a label no form can be like;
 * the name index finds a word's other forms by comparing while that is cheaper than its fuzzy keys.
 * Each gives exactly what it gave before, on random workbooks and names: the findings (the same
 * ones, in the same order) as the audit before (test/support/legacy-summary-before.ts), the same
 * shown-score answers, the same label roles, the same similar names either way.
 */
import fc from "fast-check";
import type { Finding } from "../../src/core/findings";
import { defaultModel, type Model } from "../../src/core/model";
import { NameIndex, prepareName } from "../../src/core/name-index";
import { contentWords, normalize, sameWordRemembered, wordsSimilarity } from "../../src/core/text";
import type { Grid, GridCell } from "../../src/grid/grid";
import { labelIndex, matchLabel, type LabelIndex, type LabelRole } from "../../src/grid/labels";
import { readLegacyWorkbook } from "../../src/grid/legacy";
import { assessLegacy, auditSummary, shownMatches } from "../../src/grid/legacy-audit";
import { generateMeasures, legacyGrids } from "../../src/preview/generate";
import { auditSummaryBefore, shownMatchesBefore } from "../support/legacy-summary-before";
import { legacyGrid, summaryGrid } from "./arbitraries";

const model = defaultModel();

function sameAudit(grids: Grid[], m: Model = model): void {
  const lw = readLegacyWorkbook(grids, m);
  if (!lw?.summary) return;
  const byId = new Map(assessLegacy(lw, m).measures.map((r) => [r.id, r]));
  const got: Finding[] = [];
  const want: Finding[] = [];
  auditSummary(lw.summary, lw, byId, got);
  auditSummaryBefore(lw.summary, lw, byId, want);
  expect(got).toEqual(want);
}

test("the summary audit finds what it found before: random theme and summary sheets", () => {
  fc.assert(
    fc.property(fc.tuple(legacyGrid, legacyGrid, summaryGrid), ([a, b, s]) => {
      sameAudit([s, { ...a, name: "Tema A" }, { ...b, name: "Tema B" }]);
    }),
    { numRuns: 300 },
  );
});

/** A generated meeting workbook whose summary rows are edited: names retyped, scores and ranks changed, rows dropped or repeated. */
const editedWorkbook = fc
  .tuple(
    fc.integer({ min: 2, max: 60 }),
    fc.integer({ min: 1, max: 1_000_000 }),
    fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 6 }), fc.integer({ min: -3, max: 3 })), { maxLength: 12 }),
  )
  .map(([n, seed, edits]) => {
    const grids = legacyGrids(generateMeasures(n, seed), { summary: true });
    const rows = grids[0].rows.map((r) => (r ? [...r] : r));
    for (const [at, kind, by] of edits) {
      const r = 2 + (at % Math.max(1, rows.length - 2));
      const row = rows[r];
      if (!row) continue;
      const name = String(row[1]?.value ?? "");
      const score = typeof row[2]?.value === "number" ? row[2].value : 0;
      const rank = typeof row[3]?.value === "number" ? row[3].value : 1;
      const set = (c: number, cell: GridCell | undefined) => (row[c] = cell);
      if (kind === 0) set(1, { value: name.replace(/ for /, " i ").replace(/er\b/, "") });
      else if (kind === 1) set(2, { value: score + by / 10 });
      else if (kind === 2) set(3, { value: Math.max(1, rank + by) });
      else if (kind === 3) rows.splice(r, 1);
      else if (kind === 4) rows.splice(r, 0, [...row]);
      else if (kind === 5) set(2, { value: by < 0 ? { error: "#DIV/0!" } : String(score) });
      else set(1, { value: `${name.split(/[: ]/)[0]} ${by}` });
    }
    return [{ ...grids[0], rows }, ...grids.slice(1)];
  });

test("the summary audit finds what it found before: generated workbooks with edited summaries", () => {
  fc.assert(fc.property(editedWorkbook, (grids) => sameAudit(grids)), { numRuns: 120 });
  // The bench's workbook: ties, retyped names, rows without their measure word for word.
  sameAudit(legacyGrids(generateMeasures(400), { summary: true }));
});

test("a shown score of at most two decimals is checked without writing it out, with the same answer", () => {
  const total = fc.oneof(fc.double({ min: -1e3, max: 1e3, noNaN: true }), fc.integer({ min: -50, max: 50 }).map((k) => k / 4), fc.constantFrom(0, 1e-7, 5e-7, 1e21, 12.345, 2.675, 1.005));
  const shownOf = fc.tuple(total, fc.integer({ min: 0, max: 4 }), fc.integer({ min: -3, max: 3 }), fc.double({ min: -1e-8, max: 1e-8, noNaN: true })).map(([t, d, step, tiny]) => {
    const shown = Math.round(t * 10 ** d) / 10 ** d + step * 10 ** -(d + 1) + (step === 0 ? tiny : 0);
    return [shown, t] as const;
  });
  fc.assert(
    fc.property(fc.oneof(shownOf, fc.tuple(total, total)), ([shown, t]) => {
      expect(shownMatches(shown, t)).toBe(shownMatchesBefore(shown, t));
    }),
    { numRuns: 20000 },
  );
});

/** `matchLabel` as it was before `someFormReaches` (grid/labels.ts), from the same index. */
function matchLabelBefore(label: string, index: LabelIndex): LabelRole {
  const TOTAL_WORDS = ["score", "total", "totalscore", "sum", "poeng", "samlet score", "total score"];
  const RANK_WORDS = ["rangering", "rang", "rank", "ranking", "prioritering", "prioriteringsnummer", "prioritet", "plass", "nr", "nummer"];
  const special = new Set([...TOTAL_WORDS, ...RANK_WORDS].flatMap((w) => contentWords(w)));
  const words = contentWords(label);
  const like = words.filter((w) => index.vocabulary.some((v) => sameWordRemembered(w, v))).length;
  if (words.length > 0 && like === 0 && !words.some((w) => special.has(w))) return { kind: "unknown" };
  const key = normalize(label);
  if (key === "") return { kind: "unknown" };
  const id = index.exact.get(key);
  if (id !== undefined) return { kind: "node", id };
  if (TOTAL_WORDS.includes(key)) return { kind: "total" };
  if (RANK_WORDS.includes(key)) return { kind: "rank" };
  const reachable = like > 0 && index.formLengths.some((f) => (2 * Math.min(like, f)) / (words.length + f) >= 0.8);
  if (!reachable) return { kind: "unknown" };
  let best = { id: "", s: 0 };
  let second = 0;
  for (const e of index.entries) {
    const s = Math.max(...e.formWords.map((f) => wordsSimilarity(words, f, sameWordRemembered)));
    if (s > best.s) {
      second = best.s;
      best = { id: e.id, s };
    } else if (s > second) second = s;
  }
  return best.s >= 0.8 && best.s - second >= 0.1 ? { kind: "node", id: best.id } : { kind: "unknown" };
}

test("labels: a label no form can be like names nothing, as the full comparison finds", () => {
  const index = labelIndex(model);
  const formWords = [...new Set(index.entries.flatMap((e) => e.formWords.flat()))];
  const word = fc.oneof(
    fc.constantFrom(...formWords),
    fc.constantFrom(...formWords).map((w) => (w.length > 5 ? w.slice(0, -1) : `${w}e`)),
    fc.constantFrom("tjeneste", "pasienter", "sikker", "Dokumentdeling", "for", "og", "i", "score", "rangering", "Nasjonal", "?"),
  );
  fc.assert(
    fc.property(fc.array(word, { minLength: 1, maxLength: 9 }), (ws) => {
      const label = ws.join(" ");
      expect(matchLabel(label, labelIndex(model))).toEqual(matchLabelBefore(label, labelIndex(model)));
      expect(matchLabel(label, index)).toEqual(matchLabelBefore(label, index));
    }),
    { numRuns: 3000 },
  );
});

test("name index: a word's other forms found by comparing or through the fuzzy keys, the same similar names", () => {
  const WORDS = ["generisk", "generiske", "datadelingstjeneste", "datadelingstjenester", "tjeneste", "tjenester", "omsorg", "omsorgstjeneste", "kommunal", "komunal", "Spesialisthelsetjenesten", "spesjalisthelsetjenestene", "fastlege", "fastleger", "DBEP", "og", "legevakt", "lgevakt", "Dukumentdeling", "dokumnetdeling", "Dokumentdeling", "helse"];
  const name = fc.array(fc.constantFrom(...WORDS), { minLength: 0, maxLength: 5 }).map((ws) => ws.join(" "));
  fc.assert(
    fc.property(fc.array(name, { maxLength: 30 }), fc.array(name, { minLength: 1, maxLength: 40 }), fc.constantFrom(0.3, 0.6, 0.8), (names, queries, min) => {
      const auto = new NameIndex();
      const keys = new NameIndex(true);
      for (const n of names) {
        auto.add(prepareName(n));
        keys.add(prepareName(n));
      }
      for (const q of queries) expect(auto.similar(prepareName(q), min)).toEqual(keys.similar(prepareName(q), min));
    }),
    { numRuns: 500 },
  );
});
