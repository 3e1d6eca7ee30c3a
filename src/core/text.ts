/**
 * Text comparison for labels and names typed by people: question labels with a trailing "?"
 * or an extra "og kvalitet", measure names that differ between a summary and a sheet
 * ("Generisk datadelingstjeneste" vs "Generiske datadelingstjenester"), acronyms ("DBEP").
 */

const STOPWORDS = new Set([
  "i", "og", "hos", "av", "for", "til", "med", "på", "en", "et", "ei", "de", "det", "den", "som", "fra", "om",
  "eller", "the", "of", "and", "in", "at", "to", "a", "an", "or",
]);

const TRAILING = new Set([..." ?:.!;,*"].map((c) => c.charCodeAt(0)));

/** Lower case, one kind of dash and space, no trailing punctuation. */
export function normalize(s: string): string {
  const t = s
    .normalize("NFC")
    .toLowerCase()
    .replace(/[\u2010-\u2015\u2212]/g, "-")
    .replace(/\s+/g, " ");
  // Every run of white space is one space now: trim spaces at the start, and spaces and
  // closing punctuation (? : . ! ; , *) at the end, by hand (a pattern anchored at the end
  // is tried from every space of the text).
  let end = t.length;
  while (end > 0 && TRAILING.has(t.charCodeAt(end - 1))) end--;
  let start = 0;
  while (start < end && t.charCodeAt(start) === 32) start++;
  return start === 0 && end === t.length ? t : t.slice(start, end);
}

const WORD_CHAR = /^[\p{L}\p{N}]$/u;
/** Per UTF-16 unit outside ASCII: 0 not known yet, 1 a letter or digit, 2 not (filled as met). */
const wordUnit = new Uint8Array(65536);

/**
 * Words of a text: runs of letters and digits (Unicode's L and N), lower case. Scanned by hand
 * (a Unicode-property pattern over every name costs more than the rest of matching it); a
 * character outside ASCII is classified once, and one outside the basic plane as a whole.
 */
export function words(s: string): string[] {
  const t = s.normalize("NFC").toLowerCase();
  const out: string[] = [];
  let start = -1;
  for (let i = 0; i < t.length; i++) {
    const c = t.charCodeAt(i);
    let inWord: boolean;
    let width = 1;
    if (c < 128) inWord = (c >= 97 && c <= 122) || (c >= 48 && c <= 57); // lower case already
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < t.length) {
      const cp = t.codePointAt(i)!;
      width = cp > 0xffff ? 2 : 1;
      inWord = WORD_CHAR.test(String.fromCodePoint(cp));
    } else {
      let k = wordUnit[c];
      if (k === 0) wordUnit[c] = k = WORD_CHAR.test(String.fromCharCode(c)) ? 1 : 2;
      inWord = k === 1;
    }
    if (inWord) {
      if (start < 0) start = i;
    } else if (start >= 0) {
      out.push(t.slice(start, i));
      start = -1;
    }
    i += width - 1;
  }
  if (start >= 0) out.push(t.slice(start));
  return out;
}

/** Words that carry meaning (no "i", "og", "hos" …). */
export function contentWords(s: string): string[] {
  return words(s).filter((w) => !STOPWORDS.has(w));
}

/** Levenshtein distance, stopping early once it exceeds `limit`. */
export function editDistance(a: string, b: string, limit = Infinity): number {
  if (a === b) return 0;
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      const v = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
      cur.push(v);
      if (v < best) best = v;
    }
    if (best > limit) return limit + 1;
    prev = cur;
  }
  return prev[b.length];
}

/**
 * Two words are the same word in another form: equal, an inflection (one or two letters apart
 * on a long word: generisk/generiske, tjeneste/tjenester), or a compound's head (omsorg/omsorgstjeneste).
 */
export function sameWord(a: string, b: string): boolean {
  if (a === b) return true;
  const short = a.length <= b.length ? a : b;
  const long = a.length <= b.length ? b : a;
  if (short.length >= 5 && long.startsWith(short)) return true;
  if (short.length >= 5) return editDistance(a, b, 2) <= (short.length >= 9 ? 2 : 1);
  return false;
}

/** Dice coefficient over content words, a word matching at most one word on the other side. */
export function wordSimilarity(a: string, b: string): number {
  return wordsSimilarity(contentWords(a), contentWords(b));
}

/** `wordSimilarity` on content words already split (for comparing one text with many). */
export function wordsSimilarity(wa: string[], wb: string[], same: (a: string, b: string) => boolean = sameWord): number {
  if (wa.length === 0 || wb.length === 0) return 0;
  const used = new Array<boolean>(wb.length).fill(false);
  let matches = 0;
  for (const w of wa) {
    let j = wb.findIndex((x, k) => !used[k] && x === w);
    if (j < 0) j = wb.findIndex((x, k) => !used[k] && same(w, x));
    if (j >= 0) {
      used[j] = true;
      matches++;
    }
  }
  return (2 * matches) / (wa.length + wb.length);
}

/** Answers of `sameWordRemembered`, by word pair; emptied when it grows past a bound. */
const sameKnown = new Map<string, Map<string, boolean>>();
let sameKnownPairs = 0;

/**
 * `sameWord` remembering its answers for the life of the page or process: names are made of a
 * small vocabulary, compared again at every read. One module-level function rather than a memo
 * per reader, so that the code calling it stays optimised from one read to the next (a closure
 * made per read dies with it, and takes with it the optimised code that called it).
 */
export function sameWordRemembered(a: string, b: string): boolean {
  if (a === b) return true;
  if (a.length < 5 || b.length < 5) return false;
  let row = sameKnown.get(a);
  if (!row) {
    if (sameKnownPairs > 250_000) {
      sameKnown.clear();
      sameKnownPairs = 0;
    }
    sameKnown.set(a, (row = new Map()));
  }
  let v = row.get(b);
  if (v === undefined) {
    v = sameWord(a, b);
    row.set(b, v);
    sameKnownPairs++;
  }
  return v;
}

/** Upper-case words of 2–6 letters: DBEP, PLL, ØHD, DHO. */
export function acronyms(s: string): string[] {
  return (s.match(/\p{Lu}{2,6}/gu) ?? []).filter((w) => w.length >= 2);
}

/**
 * Whether `acronym` abbreviates `name`: its letters, in order, start the name's content words,
 * and a letter may also start a part of a compound word inside the last matched word
 * ("Digitale Behandlings- og Egenbehandlingsplaner" is DBEP). Every content word's initial
 * must be used, so an acronym does not match a longer name that merely contains its letters.
 */
export function abbreviates(acronym: string, name: string): boolean {
  const letters = [...acronym.toLowerCase()];
  const ws = contentWords(name);
  if (ws.length === 0 || letters.length < ws.length) return false;
  let li = 0;
  for (let wi = 0; wi < ws.length; wi++) {
    const w = ws[wi];
    if (letters[li] !== w[0]) return false;
    li++;
    // Letters left over beyond one per remaining word may fall inside this word's compound parts.
    let spare = letters.length - li - (ws.length - wi - 1);
    let pos = 1;
    while (spare > 0 && li < letters.length) {
      const at = w.indexOf(letters[li], Math.max(pos, 3));
      if (at < 0) break;
      pos = at + 1;
      li++;
      spare--;
    }
  }
  return li === letters.length;
}

/**
 * How alike two measure names are, 0–1: exact after normalisation is 1; otherwise the word
 * similarity, or 0.8 when one is an acronym of the other.
 */
export function nameSimilarity(a: string, b: string): number {
  if (normalize(a) === normalize(b)) return 1;
  let s = wordSimilarity(a, b);
  for (const ac of acronyms(a)) if (abbreviates(ac, b)) s = Math.max(s, 0.8);
  for (const ac of acronyms(b)) if (abbreviates(ac, a)) s = Math.max(s, 0.8);
  return s;
}

/** A slug for ids: lower case ASCII letters, digits and dashes (æ→ae, ø→o, å→a). */
export function slug(s: string): string {
  return s
    .toLowerCase()
    .replace(/æ/g, "ae")
    .replace(/ø/g, "o")
    .replace(/å/g, "a")
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
}
