/**
 * The capabilities of the recompute, one line each, in the order they run in every step
 * (./capability.ts): a value handed on in `prepare` is read by those below it, and writes are
 * queued in this order. A new capability is its own module in this folder and one line here.
 */
import type { Capability } from "./capability";
import { ids } from "./ids";
import { marks } from "./marks";
import { movement } from "./movement";
import { selection } from "./selection";
import { veikart } from "./veikart";
import { scorers } from "./scorers";
import { ranking } from "./ranking";
import { chart } from "./chart";
import { impliedWeights } from "./implied-weights";
import { checklist } from "./checklist";
import { store } from "./store";

export const CAPABILITIES: readonly Capability[] = [
  ids, // ids for new rows in the scoring table and the checklist
  marks, // the marks on score cells (invalid, missing, the scorers disagree)
  movement, // the baseline round for Endring (the rounds' register only)
  selection, // Utvalg: the lists within the budget frame (HiGHS, only with a frame)
  veikart, // the plan by steps: the Veikart sheet, and Utvalg saying the step (HiGHS in a worker, only with steps on Modell)
  scorers, // several scorers: Vurderere read and combined, their notes for Merknader
  ranking, // the Rangering table (uses the baseline, the lists and the notes above)
  chart, // the chart beside Rangering (after the table it is bound to)
  impliedWeights, // Modell's Andel av total
  checklist, // Sjekkliste's computed columns, the checklist sync, segment changes in Logg
  store, // PrioData, when what it keeps changed (last: a batch that fails before it leaves the store as it was)
];
