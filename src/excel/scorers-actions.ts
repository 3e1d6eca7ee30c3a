/**
 * The task pane's scorers actions over the controller (loaded on first use, with src/excel/scorers.ts
 * and the scorers' strings), as the rounds' are: the writes run on the controller's host with its
 * clock (Logg times), show the pane busy while they run, and a write that was done is followed by a
 * recompute (the combined ranking, the marks, Merknader). A refusal changes nothing and recomputes
 * nothing; the Vurderere view words the outcome.
 */
import type { Lang } from "../i18n";
import type { AppState, ScorerActions } from "../taskpane/app-state";
import type { ExcelHost } from "./host";
import { addScorer, createScorersSheet, loadScorers, type ScorersWrite } from "./scorers";

/** What the actions need of the controller. */
export interface ScorersControl {
  /** Runs a write with the pane busy (an exception reaches the caller; busy ends either way). */
  busy<T>(work: () => Promise<T>): Promise<T>;
  set(patch: Partial<AppState>): void;
  refresh(): Promise<void>;
  host: ExcelHost;
  lang(): Lang;
  clock(): Date;
}

export function scorerActions(c: ScorersControl): ScorerActions {
  // Reads may overlap (a recompute during one): only the latest one started is kept.
  let latest = 0;
  const write = (work: () => Promise<ScorersWrite>): Promise<ScorersWrite> =>
    c.busy(async () => {
      const done = await work();
      if (done.ok) await c.refresh();
      return done;
    });
  return {
    load: async () => {
      const ticket = ++latest;
      const read = await loadScorers(c.host);
      if (ticket === latest) c.set({ scorers: read });
    },
    create: () => write(() => createScorersSheet(c.host, c.lang())),
    add: (scorer, rows, replace) => write(() => addScorer(c.host, scorer, rows, replace, c.lang(), () => c.clock())),
  };
}
