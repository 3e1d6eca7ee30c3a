/**
 * The names of the scorers table, apart from its reader so that the recompute (in the task pane's
 * initial JavaScript) can know the sheet without loading the scorers' code.
 */
export const SCORERS_SHEET = "Vurderere";
export const SCORERS_TABLE = "PrioVurderere";
/** The fixed columns of the scorers table; the questions sit between Vurderer and Kommentar. */
export const SCORERS_FIXED = {
  id: "ID",
  name: "Tiltak",
  scorer: "Vurderer",
  comment: "Kommentar",
} as const;
/** The add-in's mark on a Vurdering cell where the scorers disagree (a light violet). */
export const DISAGREE_FILL = "#E4D7F5";
