/**
 * The workbook layout the add-in owns: sheet, table and column names. One place, so the Excel
 * adapter, the .xlsx reader and the tests agree. Column headers are bokmål, as the users write.
 */
import { leaves, type Model } from "../core/model";

export const SHEETS = {
  scoring: "Vurdering",
  model: "Modell",
  ranking: "Rangering",
  checklist: "Sjekkliste",
  log: "Logg",
} as const;

export const TABLES = {
  scoring: "PrioVurdering",
  model: "PrioModell",
  settings: "PrioInnstillinger",
  ranking: "PrioRangering",
  checklist: "PrioSjekkliste",
  log: "PrioLogg",
} as const;

/** Fixed columns of the scoring table; the leaf columns sit between Aktør and Kommentar. */
export const SCORING_FIXED = { id: "ID", name: "Tiltak", theme: "Tema", actor: "Aktør", comment: "Kommentar" } as const;

/** The header of a leaf's column: its short bokmål label. */
export function leafHeader(model: Model, leafId: string): string {
  const leaf = leaves(model).find((l) => l.id === leafId);
  return leaf ? (leaf.short ?? leaf.label).nb : leafId;
}

export function scoringHeaders(model: Model): string[] {
  return [
    SCORING_FIXED.id,
    SCORING_FIXED.name,
    SCORING_FIXED.theme,
    SCORING_FIXED.actor,
    ...leaves(model).map((l) => leafHeader(model, l.id)),
    SCORING_FIXED.comment,
  ];
}

/** Columns of the Modell table: one row per node of the criteria tree, parents first. */
export const MODEL_COLUMNS = {
  id: "ID",
  parent: "Overordnet",
  label: "Kriterium",
  labelEn: "Kriterium (engelsk)",
  short: "Kortnavn",
  shortEn: "Kortnavn (engelsk)",
  weight: "Vekt",
  direction: "Retning",
  descriptors: "Skalabeskrivelse",
  implied: "Andel av total",
} as const;

/** Rows of the settings table (Innstilling · Verdi). */
export const SETTINGS_KEYS = {
  name: "Modellnavn",
  min: "Skala fra",
  max: "Skala til",
  total: "Total",
  tieBreak: "Ved lik total",
  tolerance: "Toleranse",
  completeness: "Minste andel besvart",
} as const;

/** Values of the Total setting. */
export const TOTAL_WORDS = { sum: "sum", mean: "snitt" } as const;
/** Values of Retning. */
export const DIRECTION_WORDS = { "higher-better": "høyere er bedre", inverted: "omvendt" } as const;

export const RANKING_FIXED = {
  rank: "Rang",
  name: "Tiltak",
  score: "Score",
  entry: "Inn/Ut",
  segment: "Segment",
  segmentRank: "Rang i segment",
  complete: "Fullstendighet",
  notes: "Merknader",
  id: "ID",
  /** Movement against the baseline round (↑2, ↓1, ny); blank without saved rounds. */
  move: "Endring",
  /** The exact selection's list (Minimum / Pluss / Utenfor) when Modell sets a budget frame; blank otherwise. */
  selection: "Utvalg",
} as const;

export function rankingHeaders(model: Model): string[] {
  return [
    RANKING_FIXED.rank,
    RANKING_FIXED.name,
    RANKING_FIXED.score,
    ...model.criteria.map((g) => g.label.nb),
    RANKING_FIXED.entry,
    RANKING_FIXED.segment,
    RANKING_FIXED.segmentRank,
    RANKING_FIXED.complete,
    RANKING_FIXED.notes,
    RANKING_FIXED.id,
    ...model.criteria.map((g) => contributionHeader(g.label.nb)),
    RANKING_FIXED.selection,
    RANKING_FIXED.move,
  ];
}

/**
 * The header of a group's contribution column (weight × value, so the group columns of a row add
 * up to its Score): the source of the chart beside the table. After ID, so older columns keep their place.
 */
export const contributionHeader = (group: string): string => `${group} (bidrag)`;

export const LOG_HEADERS = ["Tidspunkt", "Handling", "Celle", "Før", "Etter", "Tiltak"] as const;

/** Columns of the checklist table, bokmål headers. The question columns hold Ja/Nei. */
export const CHECKLIST_COLUMNS = {
  id: "ID",
  name: "Tiltak",
  actor: "Aktør",
  digitaliseringVesentlig: "Digitalisering vesentlig?",
  flereAktorer: "Flere aktører?",
  gjenbrukEllerDeling: "Gjenbruk eller deling?",
  samstyre: "Bredt samarbeid?",
  koordinere: "Avhengig av samstyring?",
  inspirere: "Utforskende?",
  entry: "Inn/Ut",
  segment: "Segment",
  reporting: "Rapportering",
  status: "Status",
  risk: "Risiko",
  goal: "Hovedmål",
  sdg: "Bærekraftsmål",
  budget: "Budsjett (MNOK)",
  comment: "Kommentar",
} as const;

export type ChecklistColumn = keyof typeof CHECKLIST_COLUMNS;

export const CHECKLIST_ORDER: ChecklistColumn[] = [
  "id",
  "name",
  "actor",
  "digitaliseringVesentlig",
  "flereAktorer",
  "gjenbrukEllerDeling",
  "samstyre",
  "koordinere",
  "inspirere",
  "entry",
  "segment",
  "reporting",
  "status",
  "risk",
  "goal",
  "sdg",
  "budget",
  "comment",
];

export const CHECKLIST_HEADERS: string[] = CHECKLIST_ORDER.map((k) => CHECKLIST_COLUMNS[k]);

/** Words the checklist writes and reads. */
export const CHECKLIST_WORDS = {
  yes: "Ja",
  no: "Nei",
  inn: "Inn",
  ut: "Ut",
  notAssessed: "ikke vurdert",
  colours: ["rød", "gul", "grønn"],
} as const;

/**
 * Selection within a budget. Optional columns of the scoring table (Vurdering), recognised by
 * header wherever they stand in the table, and optional rows of the settings table (Modell).
 * The cost lives here, in Vurdering, for every measure: the checklist's Budsjett column is the
 * portfolio's yearly budget of Samstyre measures only, not the cost of carrying a measure out.
 */
export const SELECTION_COLUMNS = { cost: "Kostnad (MNOK)", requires: "Forutsetter", choice: "Valg" } as const;
export const SELECTION_HEADERS: string[] = Object.values(SELECTION_COLUMNS);
/** Values of the Valg column. */
export const CHOICE_WORDS = { in: "Tas med", out: "Holdes utenfor" } as const;
export const SELECTION_SETTINGS = { budget: "Budsjettramme (MNOK)", minimum: "Minimumsramme (MNOK)" } as const;
/** The settings row of a per-segment limit: «Ramme Samstyre (MNOK)». */
export const segmentLimitKey = (segment: string): string => `Ramme ${segment} (MNOK)`;
