/**
 * The decision list («Utvalg innenfor rammene») read back from `pdftotext -layout` of a deck that
 * LibreOffice converted: each row with the section it stands under, its rank, name, score, cost and
 * reason (wrapped lines joined, told apart by the column they start in), and each list's sum row.
 * Independent of the export code: it knows only the words on the slide.
 */
export interface DecisionRow {
  section: string;
  rank: string;
  name: string;
  score: string;
  cost: string;
  why: string;
}

export interface DecisionText {
  rows: DecisionRow[];
  /** Section → the sum line's count and cost as printed («Sum: 9 tiltak», «100»). */
  sums: Map<string, { text: string; cost: string }>;
  /** The subtitle of the first slide (which frames). */
  subtitle: string;
  /** The headings of the decision slides, in order. */
  headings: string[];
}

const SECTIONS = /^(Minimumsliste|Pluss-liste|Holdes utenfor|Ikke med|Minimum list|Plus list|Held out|Not selected)\b/;

export function decisionText(pages: string[], heading: RegExp, header: RegExp): DecisionText {
  const out: DecisionText = { rows: [], sums: new Map(), subtitle: "", headings: [] };
  let section = "";
  let last: DecisionRow | null = null;
  for (const page of pages) {
    const lines = page.split("\n");
    const first = lines.findIndex((l) => l.trim() !== "");
    if (first < 0 || !heading.test(lines[first].trim())) continue;
    out.headings.push(lines[first].replace(/[\s·]*$/, "").trim());
    if (!out.subtitle) out.subtitle = (lines.slice(first + 1).find((l) => l.trim() !== "") ?? "").replace(/[\s·]*$/, "").trim();
    const h = lines.findIndex((l) => header.test(l));
    const whyAt = lines[h].search(/Begrunnelse|Reason/);
    for (const raw of lines.slice(h + 1)) {
      if (/^\s*Prioritering av tiltak · \d|^\s*Prioritisation of measures · \d/.test(raw)) break; // the footer
      const line = raw.replace(/·+\s*$/, "").replace(/\s+$/, "");
      if (line.trim() === "") continue;
      const s = SECTIONS.exec(line.trim());
      if (s) {
        section = s[1];
        last = null;
        continue;
      }
      const sum = /^\s*((?:Sum|Total): \d+ \S+)\s{2,}(\d+(?:,\d+)?)\s*$/.exec(line);
      if (sum) {
        out.sums.set(section, { text: sum[1], cost: sum[2] });
        last = null;
        continue;
      }
      // The cost and the reason may stand one space apart; a reason never starts with a digit.
      const m = /^\s*(\d+=?|–)\s{2,}(\S.*?)\s{2,}(\d+,\d+|–)\s{2,}(\d+(?:,\d+)?|–)\s+(\D.*)$/.exec(line);
      if (m) {
        last = { section, rank: m[1], name: m[2].trim(), score: m[3], cost: m[4], why: m[5].trim() };
        out.rows.push(last);
        continue;
      }
      if (!last) continue;
      // A wrapped line: the part left of the reason column continues the name, the rest the reason.
      const cut = Math.max(0, whyAt - 3);
      const left = line.slice(0, cut).trim();
      const right = line.slice(cut).trim();
      if (left) last.name += ` ${left}`;
      if (right) last.why += ` ${right}`;
    }
  }
  return out;
}
