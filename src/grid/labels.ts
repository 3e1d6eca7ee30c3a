/**
 * Matching the labels people typed (row labels on a theme sheet, column headers of a table) to
 * the model's criteria. Exact after normalisation first (label, short label, English, aliases);
 * then a close word match that must be clearly better than the runner-up. Never a guess
 * between two criteria.
 */
import { allNodes, type Model } from "../core/model";
import { contentWords, normalize, sameWordRemembered, wordsSimilarity } from "../core/text";

export type LabelRole = { kind: "node"; id: string } | { kind: "total" } | { kind: "rank" } | { kind: "unknown" };

/** One answer for every text that names nothing (a summary's thousands of names are all unknown). */
const UNKNOWN: LabelRole = Object.freeze({ kind: "unknown" });

const TOTAL_WORDS = ["score", "total", "totalscore", "sum", "poeng", "samlet score", "total score"];
const RANK_WORDS = ["rangering", "rang", "rank", "ranking", "prioritering", "prioriteringsnummer", "prioritet", "plass", "nr", "nummer"];

/** The words of the Score and rank labels. */
const SPECIAL_WORDS = new Set([...TOTAL_WORDS, ...RANK_WORDS].flatMap((w) => contentWords(w)));

export interface LabelIndex {
  exact: Map<string, string>;
  /** Each node's forms, as content words (split once). */
  entries: { id: string; forms: string[]; formWords: string[][] }[];
  /** Labels already matched: a workbook repeats its labels on every theme sheet. */
  seen: Map<string, LabelRole>;
  /** Every word of every form, and whether a word is like one of them (remembered). */
  vocabulary: string[];
  known: Map<string, boolean>;
  /** The distinct numbers of content words of the forms (above zero). */
  formLengths: number[];
  /** Every form's content words, numbered across the entries (what `formsLike` lists). */
  forms: string[][];
  /** Per word: the forms having a word like it (remembered); and a count per form while a label is matched. */
  formsLike: Map<string, number[]>;
  formHits: Int32Array;
}

export function labelIndex(model: Model): LabelIndex {
  const exact = new Map<string, string>();
  const entries: LabelIndex["entries"] = [];
  for (const n of allNodes(model)) {
    const forms = [n.label.nb, n.label.en, n.short?.nb, n.short?.en, n.id, ...(n.aliases ?? [])].filter(
      (s): s is string => typeof s === "string" && s.trim() !== "",
    );
    for (const f of forms) if (!exact.has(normalize(f))) exact.set(normalize(f), n.id);
    entries.push({ id: n.id, forms, formWords: forms.map(contentWords) });
  }
  const vocabulary = [...new Set(entries.flatMap((e) => e.formWords.flat()))];
  const formLengths = [...new Set(entries.flatMap((e) => e.formWords.map((f) => f.length)))].filter((f) => f > 0);
  const forms = entries.flatMap((e) => e.formWords);
  return { exact, entries, seen: new Map(), vocabulary, known: new Map(), formLengths, forms, formsLike: new Map(), formHits: new Int32Array(forms.length) };
}

const FUZZY_MIN = 0.8;
const FUZZY_MARGIN = 0.1;

export function matchLabel(label: string, index: LabelIndex): LabelRole {
  const known = index.seen.get(label);
  if (known) return known;
  const words = contentWords(label);
  // How many of the label's words are like a word of some form (remembered per word).
  let like = 0;
  let special = false;
  for (const w of words) {
    let k = index.known.get(w);
    if (k === undefined) {
      k = index.vocabulary.some((v) => sameWordRemembered(w, v));
      index.known.set(w, k);
    }
    if (k) like++;
    if (SPECIAL_WORDS.has(w)) special = true;
  }
  // A label equal to a form after normalising has the form's words (normalising changes only what
  // is not a word), so with words of its own and none like a form's, nor a Score or rank word,
  // it names nothing: most texts of a sheet that is not a theme sheet end here. That answer is
  // not remembered: a summary's thousands of names would be kept for the whole read, and finding
  // it again costs no more than looking it up.
  if (words.length > 0 && like === 0 && !special) return UNKNOWN;
  // Nor, for the same reason, can it be a form or a Score or rank word when no form has enough of
  // its words (counted per form): it names nothing unless it is like some form at FUZZY_MIN.
  if (words.length > 0 && !special && !someFormReaches(words, index)) return UNKNOWN;
  const role = matchLabelOnce(label, words, like, index);
  index.seen.set(label, role);
  return role;
}

/** `words`: the label's content words; `like`: how many are like a word of some form. */
function matchLabelOnce(label: string, words: string[], like: number, index: LabelIndex): LabelRole {
  const key = normalize(label);
  if (key === "") return UNKNOWN;
  const id = index.exact.get(key);
  if (id !== undefined) return { kind: "node", id };
  if (TOTAL_WORDS.includes(key)) return { kind: "total" };
  if (RANK_WORDS.includes(key)) return { kind: "rank" };

  let best = { id: "", s: 0 };
  let second = 0;
  // A form can reach FUZZY_MIN only through words like one of the forms' words: when none can, no need to compare.
  // (Only a form's number of words matters here: each distinct number is tried once.)
  const reachable = like > 0 && index.formLengths.some((f) => (2 * Math.min(like, f)) / (words.length + f) >= FUZZY_MIN);
  if (!reachable || !someFormReaches(words, index)) return UNKNOWN;
  for (const e of index.entries) {
    const s = Math.max(...e.formWords.map((f) => wordsSimilarity(words, f, sameWordRemembered)));
    if (s > best.s) {
      second = best.s;
      best = { id: e.id, s };
    } else if (s > second) second = s;
  }
  if (best.s >= FUZZY_MIN && best.s - second >= FUZZY_MARGIN) return { kind: "node", id: best.id };
  return UNKNOWN;
}

/** The forms having a word `sameWord` as `w` (numbers into `index.forms`). */
function formsLikeWord(w: string, index: LabelIndex): number[] {
  let out = index.formsLike.get(w);
  if (out === undefined) {
    out = [];
    for (let f = 0; f < index.forms.length; f++) if (index.forms[f].some((x) => sameWordRemembered(w, x))) out.push(f);
    index.formsLike.set(w, out);
  }
  return out;
}

/**
 * Whether some form may be like the label at FUZZY_MIN: a form matches at most as many of the
 * label's words as have a word like them in that form (and at most its own number of words).
 * When none can, no entry reaches FUZZY_MIN and the label names nothing (the loop of
 * `matchLabelOnce` would find the same), without comparing it with every form.
 */
function someFormReaches(words: string[], index: LabelIndex): boolean {
  const hits = index.formHits;
  const touched: number[] = [];
  for (const w of words) {
    for (const f of formsLikeWord(w, index)) if (hits[f]++ === 0) touched.push(f);
  }
  let reaches = false;
  for (const f of touched) {
    const n = index.forms[f].length;
    const h = hits[f] < n ? hits[f] : n;
    if ((2 * h) / (words.length + n) >= FUZZY_MIN) reaches = true;
    hits[f] = 0;
  }
  return reaches;
}
