/**
 * Finding alike names among many without comparing every pair. Names are prepared once (their
 * normal form, content words, acronyms, initials), and indexed by what two names must share for
 * `nameSimilarity` to be above zero:
 * - the same normal form, or the same content words (an exact name);
 * - a word in some form of the other's (`sameWord`): equal words, the first five letters (a
 *   compound's head), or a common string after deleting one or two letters (an inflection one
 *   or two letters apart: every pair within edit distance k shares a string made by deleting at
 *   most k letters from each), looked up per distinct word of the vocabulary;
 * - an acronym whose letters, in order, can be the initials of the other's content words.
 * A query first counts, per indexed name, how many of its words can match (an upper bound on the
 * word similarity), and only names that can reach the threshold are compared exactly, with the
 * same functions as `nameSimilarity`. So the result is exactly the exhaustive comparison's.
 */
import { abbreviates, acronyms, contentWords, normalize, sameWord, sameWordRemembered, wordsSimilarity } from "./text";

/** A name prepared once for many comparisons. */
export interface PreparedName {
  text: string;
  norm: string;
  words: string[];
  joined: string;
  acronyms: string[];
}

export function prepareName(text: string): PreparedName {
  const words = contentWords(text);
  return { text, norm: normalize(text), words, joined: words.join(" "), acronyms: acronyms(text) };
}

/** `nameSimilarity` on prepared names (the same value). */
export function preparedSimilarity(a: PreparedName, b: PreparedName, same: (x: string, y: string) => boolean = sameWord): number {
  if (a.norm === b.norm) return 1;
  return withAcronyms(a, b, wordsSimilarity(a.words, b.words, same));
}

/** The rest of `preparedSimilarity` once the word similarity `s` is known (and the normal forms differ). */
function withAcronyms(a: PreparedName, b: PreparedName, s: number): number {
  if (s >= 0.8) return s;
  for (const ac of a.acronyms) if (abbreviates(ac, b.text)) return Math.max(s, 0.8);
  for (const ac of b.acronyms) if (abbreviates(ac, a.text)) return Math.max(s, 0.8);
  return s;
}

/** Strings made by deleting up to `k` letters of `w` (w itself included). */
function deletions(w: string, k: number, into: Set<string>): void {
  into.add(w);
  if (k === 0 || w.length <= 1) return;
  for (let i = 0; i < w.length; i++) {
    const d = w.slice(0, i) + w.slice(i + 1);
    if (!into.has(d) || k > 1) deletions(d, k - 1, into);
  }
}

/** Keys under which a word of five letters or more can meet its other forms. */
function fuzzyKeys(w: string): Set<string> {
  const keys = new Set<string>();
  // sameWord allows one edit below nine letters, two from nine; a pair is as long as its shorter word.
  deletions(w, w.length >= 9 ? 2 : 1, keys);
  const out = new Set<string>();
  for (const k of keys) out.add(`d${k}`);
  out.add(`p${w.slice(0, 5)}`);
  return out;
}

/** The first letters of the words, joined (`words.map((w) => w[0]).join("")`). */
function initialsOfWords(words: string[]): string {
  let out = "";
  for (let k = 0; k < words.length; k++) out += words[k][0] ?? "";
  return out;
}

/** Adds entry `id` to the list under `key`, once. */
function pushEntry(map: Map<string, number[]>, key: string, id: number): void {
  const list = map.get(key);
  if (!list) map.set(key, [id]);
  else if (list[list.length - 1] !== id) list.push(id);
}

/** Adds a word of five letters or more under each of its fuzzy keys. */
function addKeys(fuzzy: Map<string, string[]>, w: string): void {
  for (const k of fuzzyKeys(w)) {
    const list = fuzzy.get(k);
    if (list) list.push(w);
    else fuzzy.set(k, [w]);
  }
}

/** About how many fuzzy keys a word of `n` letters has (deleting one letter, or two from nine), as the cost of making them. */
function keyCountOf(n: number): number {
  return n >= 9 ? 2 + n + (n * (n - 1)) / 2 : 2 + n;
}

/**
 * Whether two different words of five letters or more can be `sameWord`: one starts with the
 * other (so both with the same five letters), or they are at most two edits apart (so their
 * lengths differ by at most two).
 */
function mayBeSameWord(a: string, b: string): boolean {
  const d = a.length - b.length;
  if (d <= 2 && d >= -2) return true;
  for (let i = 0; i < 5; i++) if (a.charCodeAt(i) !== b.charCodeAt(i)) return false;
  return true;
}

/** Strings of letters taken in order from the acronym, starting with its first: the initials it can abbreviate. */
function initialsOf(acronym: string): string[] {
  const letters = [...acronym.toLowerCase()];
  const out: string[] = [];
  const n = letters.length;
  for (let mask = 0; mask < 1 << (n - 1); mask++) {
    let s = letters[0];
    for (let i = 1; i < n; i++) if (mask & (1 << (i - 1))) s += letters[i];
    out.push(s);
  }
  return out;
}

interface Word {
  /** The word's number in the vocabulary (from 0, in the order first met). */
  id: number;
  /** Entries having this word, ascending, each once. */
  entries: number[];
  /** How many times each of `entries` has it. */
  counts: number[];
}

/** An index of names (entries numbered from 0 in the order added) for similarity queries. */
export class NameIndex {
  readonly names: PreparedName[] = [];
  /** Per entry: its content words' vocabulary numbers, in order. */
  private readonly wordIds: Int32Array[] = [];
  /** Per vocabulary word: bit p set while a query runs when it is `sameWord` as the query's word p. */
  private sameBits = new Int32Array(0);
  private used = new Uint8Array(0);
  private readonly vocabulary = new Map<string, Word>();
  /**
   * The vocabulary's words of five letters or more, and their fuzzy keys: built only once looking
   * a query word up in the keys costs less than comparing it with every such word (`matchesOf`).
   */
  private readonly longWords: string[] = [];
  private fuzzy: Map<string, string[]> | undefined = undefined;
  /** About how many fuzzy keys the long words have (what building `fuzzy` costs), and how many words the lookups compared. */
  private keyCount = 0;
  private compared = 0;
  private readonly exact = new Map<string, number[]>();
  /** Entries by the initials of their content words; entries by what their acronyms can abbreviate. */
  private readonly byInitials = new Map<string, number[]>();
  private readonly byAcronym = new Map<string, number[]>();
  private readonly wordMatches = new Map<string, string[]>();
  /** Per entry: matching words of the current query, and the query position that last counted it. */
  private hits = new Int32Array(0);
  private stamp = new Int32Array(0);
  private queryNo = 0;
  /** Per entry: words of the current group's matches it has (see `similar`). */
  private have = new Int32Array(0);
  /** Per entry: the skipped group whose words it has, and how many of them (see `similar`). */
  private mark = new Int32Array(0);
  private marked = new Int32Array(0);
  private markNo = 0;
  /** The most content words of any indexed name. */
  private maxWords = 0;
  /** Per entry: its content words (names[e].words.length, read for every entry a query touches). */
  private wordCount = new Int32Array(64);

  /** `keysFirst`: look words up in the fuzzy keys from the first query on, never by comparing (the two find the same words). */
  constructor(keysFirst = false) {
    if (keysFirst) this.fuzzy = new Map();
  }

  add(name: PreparedName): number {
    const id = this.names.length;
    this.names.push(name);
    if (id >= this.wordCount.length) {
      const grown = new Int32Array(this.wordCount.length * 2);
      grown.set(this.wordCount);
      this.wordCount = grown;
    }
    this.wordCount[id] = name.words.length;
    this.maxWords = Math.max(this.maxWords, name.words.length);
    pushEntry(this.exact, `n${name.norm}`, id);
    pushEntry(this.exact, `c${name.joined}`, id);
    for (const w of name.words) {
      let word = this.vocabulary.get(w);
      if (!word) {
        word = { id: this.vocabulary.size, entries: [], counts: [] };
        this.vocabulary.set(w, word);
        if (w.length >= 5) {
          this.longWords.push(w);
          this.keyCount += keyCountOf(w.length);
          if (this.fuzzy) addKeys(this.fuzzy, w);
        }
      }
      const last = word.entries.length - 1;
      if (word.entries[last] !== id) {
        word.entries.push(id);
        word.counts.push(1);
      } else word.counts[last]++;
    }
    const ids = new Int32Array(name.words.length);
    for (let k = 0; k < ids.length; k++) ids[k] = this.vocabulary.get(name.words[k])!.id;
    this.wordIds.push(ids);
    if (name.words.length > 0) pushEntry(this.byInitials, initialsOfWords(name.words), id);
    for (const ac of name.acronyms) for (const s of initialsOf(ac)) pushEntry(this.byAcronym, s, id);
    this.wordMatches.clear();
    return id;
  }

  /**
   * Vocabulary words that are `sameWord` as `w`. Found by comparing `w` with every long word
   * (one of the same length ± 2 or the same first five letters, as `sameWord` needs) while
   * those comparisons have cost fewer steps than the long words have fuzzy keys; after that
   * through the keys, built once. Both find every such word, so the same words.
   */
  private matchesOf(w: string): string[] {
    const known = this.wordMatches.get(w);
    if (known) return known;
    const out = new Set<string>();
    if (this.vocabulary.has(w)) out.add(w);
    if (w.length >= 5) {
      const long = this.longWords;
      if (!this.fuzzy && this.compared + long.length <= this.keyCount) {
        this.compared += long.length;
        for (let i = 0; i < long.length; i++) {
          const v = long[i];
          if (v !== w && mayBeSameWord(w, v) && sameWordRemembered(w, v)) out.add(v);
        }
      } else {
        if (!this.fuzzy) {
          const fuzzy = new Map<string, string[]>();
          for (const v of long) addKeys(fuzzy, v);
          this.fuzzy = fuzzy;
        }
        for (const k of fuzzyKeys(w)) for (const v of this.fuzzy.get(k) ?? []) if (!out.has(v) && sameWordRemembered(w, v)) out.add(v);
      }
    }
    const list = [...out];
    this.wordMatches.set(w, list);
    return list;
  }

  /**
   * Entries whose similarity to `query` (as `nameSimilarity`) is at least `min` (> 0), ascending by
   * entry, each with its similarity.
   */
  similar(query: PreparedName, min: number): { entry: number; s: number }[] {
    const must = new Set<number>();
    for (const e of this.exact.get(`n${query.norm}`) ?? []) must.add(e);
    for (const e of this.exact.get(`c${query.joined}`) ?? []) must.add(e);
    for (const ac of query.acronyms) for (const s of initialsOf(ac)) for (const e of this.byInitials.get(s) ?? []) must.add(e);
    if (query.words.length > 0) for (const e of this.byAcronym.get(initialsOfWords(query.words)) ?? []) must.add(e);

    // How many of the query's words can match a word of each entry, an upper bound on the words
    // matched: the positions holding the same word form a group, and a group of m positions matches
    // at most min(m, the entry's words among that word's matches), each of the entry's words once.
    // An entry reaching `min` matches at least `need` positions, so groups holding at most need − 1
    // positions in all, those whose words reach the most entries («fastleger», «nasjonal»), are not
    // walked: they are only checked, below, for the entries the other groups reach.
    const qn = query.words.length;
    let need = Infinity;
    for (let bn = 1; bn <= this.maxWords; bn++) {
      for (let h = 1; h <= Math.min(qn, bn); h++) {
        if ((2 * h) / (qn + bn) >= min) {
          need = Math.min(need, h);
          break;
        }
      }
    }
    // Loops rather than array methods here and below: the optimised code of this function met
    // arrays of another elements kind than the interpreter had made, and was rebuilt each time.
    const positions: string[][] = [];
    const byWord = new Map<string, { words: string[]; mult: number; reach: number }>();
    for (let p = 0; p < qn; p++) {
      const w = query.words[p];
      const matches = this.matchesOf(w);
      positions.push(matches);
      const group = byWord.get(w);
      if (group) group.mult++;
      else {
        let reach = 0;
        for (let k = 0; k < matches.length; k++) reach += this.vocabulary.get(matches[k])!.entries.length;
        byWord.set(w, { words: matches, mult: 1, reach });
      }
    }
    const groups = [...byWord.values()].sort((a, b) => b.reach - a.reach);
    const skipped: typeof groups = [];
    const walked: typeof groups = [];
    let spare = need === Infinity ? 0 : need - 1;
    for (const g of groups) {
      if (need === Infinity) break;
      if (g.mult <= spare) {
        skipped.push(g);
        spare -= g.mult;
      } else walked.push(g);
    }
    const n = this.names.length;
    if (this.hits.length < n) {
      this.hits = new Int32Array(n * 2);
      this.stamp = new Int32Array(n * 2);
      this.have = new Int32Array(n * 2);
      this.mark = new Int32Array(n * 2);
      this.marked = new Int32Array(n * 2);
      this.queryNo = 0;
      this.markNo = 0;
    }
    const { hits, stamp, have, mark, marked: markedCount } = this;
    const touched: number[] = [];
    // Indexed loops: this runs for every query over the entry lists, and must not allocate.
    for (let p = 0; p < walked.length; p++) {
      const { words, mult } = walked[p];
      const group = ++this.queryNo;
      for (let w = 0; w < words.length; w++) {
        const { entries, counts } = this.vocabulary.get(words[w])!;
        for (let k = 0; k < entries.length; k++) {
          const e = entries[k];
          if (stamp[e] !== group) {
            if (stamp[e] === 0) touched.push(e);
            stamp[e] = group;
            have[e] = 0;
          }
          const before = have[e];
          if (before >= mult) continue;
          const after = before + counts[k];
          have[e] = after;
          hits[e] += (after < mult ? after : mult) - before;
        }
      }
    }
    // A skipped group counts only for the entries the walked groups touched (stamp ≠ 0): one pass
    // over its (long) entry lists in typed arrays, as above, far less than testing each touched
    // entry's words, and no pass over the touched entries per group.
    for (let p = 0; p < skipped.length; p++) {
      const { words, mult } = skipped[p];
      const token = ++this.markNo;
      for (let w = 0; w < words.length; w++) {
        const { entries, counts } = this.vocabulary.get(words[w])!;
        for (let k = 0; k < entries.length; k++) {
          const e = entries[k];
          if (stamp[e] === 0) continue;
          if (mark[e] !== token) {
            mark[e] = token;
            markedCount[e] = 0;
          }
          const before = markedCount[e];
          if (before >= mult) continue;
          const after = before + counts[k];
          markedCount[e] = after;
          hits[e] += (after < mult ? after : mult) - before;
        }
      }
    }
    const reached: number[] = [];
    const wordCount = this.wordCount;
    for (let k = 0; k < touched.length; k++) {
      const e = touched[k];
      const bn = wordCount[e];
      const h = hits[e];
      if ((2 * (h < bn ? h : bn)) / (qn + bn) >= min) reached.push(e);
      hits[e] = 0;
      stamp[e] = 0;
    }
    const sorted = (must.size === 0 ? reached : [...new Set([...must, ...reached])]).sort((a, b) => a - b);
    const out: { entry: number; s: number }[] = [];
    if (qn > 30) {
      for (const e of sorted) {
        const s = preparedSimilarity(query, this.names[e], sameWordRemembered);
        if (s >= min) out.push({ entry: e, s });
      }
      return out;
    }
    // `wordsSimilarity(query.words, entry.words, sameWordRemembered)` on numbers: the query's words
    // as vocabulary numbers (−1 when not in it), and a bit per query position on every vocabulary
    // word `sameWord` as that position's word (`matchesOf`, which finds every such word). The same
    // greedy matching, in the same order, so the same value; nothing allocated per candidate.
    const V = this.vocabulary.size;
    if (this.sameBits.length < V) this.sameBits = new Int32Array(V * 2);
    if (this.used.length < this.maxWords) this.used = new Uint8Array(this.maxWords * 2);
    const { sameBits: bits, used } = this;
    const qid = new Int32Array(qn);
    const marked: number[] = [];
    for (let p = 0; p < qn; p++) {
      qid[p] = this.vocabulary.get(query.words[p])?.id ?? -1;
      for (const v of positions[p]) {
        const id = this.vocabulary.get(v)!.id;
        if (bits[id] === 0) marked.push(id);
        bits[id] |= 1 << p;
      }
    }
    for (const e of sorted) {
      const b = this.names[e];
      let s: number;
      if (query.norm === b.norm) s = 1;
      else {
        const ids = this.wordIds[e];
        const bn = ids.length;
        let matches = 0;
        if (qn > 0 && bn > 0) {
          used.fill(0, 0, bn);
          for (let p = 0; p < qn; p++) {
            const q = qid[p];
            let j = -1;
            if (q >= 0) {
              for (let k = 0; k < bn; k++) {
                if (used[k] === 0 && ids[k] === q) {
                  j = k;
                  break;
                }
              }
            }
            if (j < 0) {
              const bit = 1 << p;
              for (let k = 0; k < bn; k++) {
                if (used[k] === 0 && (bits[ids[k]] & bit) !== 0) {
                  j = k;
                  break;
                }
              }
            }
            if (j >= 0) {
              used[j] = 1;
              matches++;
            }
          }
        }
        s = withAcronyms(query, b, qn === 0 || bn === 0 ? 0 : (2 * matches) / (qn + bn));
      }
      if (s >= min) out.push({ entry: e, s });
    }
    for (const id of marked) bits[id] = 0;
    return out;
  }
}

/** One index kept for the life of the module, so that its layout, and code optimised for it, outlive a read (see `keptSummaryNames` in grid/legacy-audit.ts). */
export const keptNameIndex = new NameIndex();
