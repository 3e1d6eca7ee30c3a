/**
 * The names of the scorers table, apart from its reader so that the recompute (in the task pane's
 * initial JavaScript) can know the sheet without loading the scorers' code.
 */
export const SCORERS_SHEET = "Vurderere";
export const SCORERS_TABLE = "PrioVurderere";
/** The add-in's mark on a Vurdering cell where the scorers disagree (a light violet). */
export const DISAGREE_FILL = "#E4D7F5";
