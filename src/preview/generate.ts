/**
 * A generated portfolio of N measures in the legacy meeting layout, for the preview
 * (`?measures=300`) and the bench: theme sheets of up to 25 measures each (questions as rows,
 * measures as columns, group, Score and Rangering rows holding correct values with their
 * formulas), and optionally the summary sheet «Samlet» (Tiltak · Score · Prioriteringsnummer)
 * whose names are sometimes typed differently, as in the real workbook. Seeded: the same
 * workbook every time. Names are made of words, as real measures are, not numbered.
 */
import { assess } from "../core/assess";
import type { MeasureInput, ScoreCell } from "../core/aggregate";
import { columnLetters } from "../core/address";
import type { CellValue } from "../core/cell";
import { allNodes, defaultModel, leaves, type CriterionNode } from "../core/model";
import type { Grid, GridCell } from "../grid/grid";

const THEMES = [
  "Dokumentdeling", "Kritisk info", "Legemiddelliste", "Henvisning", "Timebestilling", "Journalinnsyn", "Velferdsteknologi",
  "Bildedeling", "Prøvesvar", "Vaksinasjon", "Kjernejournal", "Pasientreiser", "Meldingsutveksling", "Helseanalyse",
  "Screening", "Smittevern", "Egenbehandling", "Rehabilitering", "Tannhelse", "Svangerskap",
];
const REGIONS = ["", "Agder", "Innlandet", "Nordland", "Rogaland", "Troms", "Vestland", "Viken", "Oslo", "Finnmark", "Trøndelag", "Telemark"];
const ADJECTIVES = ["Nasjonal", "Regional", "Felles", "Digital", "Strukturert", "Sikker", "Mobil", "Automatisk", "Samordnet", "Utvidet", "Forenklet", "Åpen"];
const NOUNS = ["tjeneste", "løsning", "plattform", "oversikt", "deling", "varsling", "registrering", "integrasjon", "modul", "katalog", "portal", "kobling"];
const ACTORS = ["fastleger", "spesialisthelsetjenesten", "kommunene", "legevakt", "pasienter", "apotek", "helsestasjoner", "sykehjem"];
const PER_SHEET = 25;

export interface GeneratedMeasure {
  sheet: string;
  header: string;
  /** One value per leaf in model order: mostly whole 0–10, some half steps, a few blanks and texts. */
  scores: CellValue[];
}

/** mulberry32, as the tests' PRNG. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function sheetName(i: number): string {
  const theme = THEMES[i % THEMES.length];
  const region = REGIONS[Math.floor(i / THEMES.length) % REGIONS.length];
  const round = Math.floor(i / (THEMES.length * REGIONS.length));
  return `${theme}${region ? ` ${region}` : ""}${round ? ` ${"IVX"[round - 1] ?? round}` : ""}`;
}

export function generateMeasures(n: number, seed = 20220921): GeneratedMeasure[] {
  const random = prng(seed);
  const leafCount = leaves(defaultModel()).length;
  const out: GeneratedMeasure[] = [];
  for (let i = 0; i < n; i++) {
    const sheet = sheetName(Math.floor(i / PER_SHEET));
    const k = i % PER_SHEET;
    // Distinct on the sheet: adjective × noun × actor walked with strides that do not repeat within 25.
    const header = `${ADJECTIVES[(k * 5 + Math.floor(i / PER_SHEET)) % ADJECTIVES.length]} ${NOUNS[(k * 7) % NOUNS.length]} for ${ACTORS[k % ACTORS.length]}`;
    const scores: CellValue[] = [];
    for (let l = 0; l < leafCount; l++) {
      const u = random();
      if (u < 0.01) scores.push(null);
      else if (u < 0.015) scores.push("7,5");
      else if (u < 0.08) scores.push(Math.floor(random() * 10) + 0.5);
      else scores.push(Math.floor(random() * 11));
    }
    out.push({ sheet, header, scores });
  }
  return out;
}

/** The name the legacy reader gives a measure on a sheet of many: «Sheet: header». */
export const displayName = (m: GeneratedMeasure): string => `${m.sheet}: ${m.header}`;

/**
 * The measures as legacy theme sheets (labels in column B, headers in row 2 from column C, as in
 * the meeting workbook), plus «Samlet» when `summary` is set. Group, Score and Rangering rows hold
 * the correct values and the formulas that give them.
 */
export function legacyGrids(measures: GeneratedMeasure[], options: { summary: boolean }): Grid[] {
  const model = defaultModel();
  const leafIds = leaves(model).map((l) => l.id);
  const inputs: MeasureInput[] = measures.map((m, i) => {
    const scores: Record<string, ScoreCell> = {};
    leafIds.forEach((id, l) => (scores[id] = { value: m.scores[l] }));
    return { id: `g${i}`, name: displayName(m), scores };
  });
  const a = assess(model, inputs);
  const byId = new Map(a.measures.map((r) => [r.id, r]));

  // Rows: label rows of every node in tree order (from row 3), a blank row, Score, Rangering.
  const nodes: CriterionNode[] = allNodes(model);
  const rowOf = new Map<string, number>();
  nodes.forEach((n, i) => rowOf.set(n.id, 2 + i));
  const totalRow = 2 + nodes.length + 1;
  const rankRow = totalRow + 1;

  const sheets = new Map<string, { grid: Grid; next: number }>();
  measures.forEach((m, i) => {
    let s = sheets.get(m.sheet);
    if (!s) {
      const rows: (GridCell | undefined)[][] = [];
      for (const n of nodes) rows[rowOf.get(n.id)!] = [undefined, { value: n.label.nb }];
      rows[totalRow] = [undefined, { value: "Score" }];
      rows[rankRow] = [undefined, { value: "Rangering" }];
      rows[1] = [];
      s = { grid: { name: m.sheet, rows }, next: 2 };
      sheets.set(m.sheet, s);
    }
    const col = s.next++;
    const L = columnLetters(col);
    const r = byId.get(`g${i}`)!;
    const rows = s.grid.rows;
    rows[1][col] = { value: m.header };
    leafIds.forEach((id, l) => {
      const v = m.scores[l];
      if (v !== null) rows[rowOf.get(id)!][col] = { value: v };
    });
    for (const n of nodes) {
      if (!n.children?.length) continue;
      const refs = n.children.map((c) => `${L}${rowOf.get(c.id)! + 1}`);
      const v = r.values[n.id];
      rows[rowOf.get(n.id)!][col] = { value: v ?? { error: "#DIV/0!" }, formula: `AVERAGE(${refs.join(",")})` };
    }
    const tops = model.criteria.map((g) => `${L}${rowOf.get(g.id)! + 1}`);
    rows[totalRow][col] = { value: r.total ?? { error: "#DIV/0!" }, formula: tops.join("+") };
    if (r.rank !== null) rows[rankRow][col] = { value: r.rank };
  });

  const grids = [...sheets.values()].map((s) => s.grid);
  if (options.summary) {
    const rows: (GridCell | undefined)[][] = [[], [undefined, { value: "Tiltak" }, { value: "Score" }, { value: "Prioriteringsnummer" }]];
    const ranked = a.measures.filter((r) => r.rank !== null);
    ranked.forEach((r, k) => {
      const m = measures[Number(r.id.slice(1))];
      // As typed by a secretariat: mostly the sheet's name, sometimes the heading alone or in another form.
      const variant = k % 10;
      const name = variant === 3 ? m.header : variant === 7 ? `${m.sheet} - ${m.header.replace(/tjeneste\b/, "tjenester").replace(/løsning\b/, "løsninger")}` : displayName(m);
      rows.push([undefined, { value: name }, { value: Math.round(r.total! * 100) / 100 }, { value: r.rank! }]);
    });
    grids.unshift({ name: "Samlet", rows });
  }
  return grids;
}
