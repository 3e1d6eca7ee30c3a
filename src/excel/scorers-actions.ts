/**
 * The task pane's scorers actions over the controller (loaded on first use, with src/excel/scorers.ts
 * and the scorers' strings), as the rounds' are: the writes run on the controller's host with its
 * clock (Logg times), show the pane busy while they run, and a write that was done is followed by a
 * recompute (the combined ranking, the marks, Merknader). A refusal changes nothing and recomputes
 * nothing; the Vurderere view words the outcome, and reads the scorers again after every recompute.
 */
import type { Lang } from "../i18n";
import type { AppState, ScorerActions, ScorersWrite } from "../app/app-state";
import type { ExcelHost } from "./host";
import { addScorer, createScorersSheet, loadScorers } from "./scorers";

/** What the actions need of the controller. */
export interface ScorersControl {
  set(patch: Partial<AppState>): void;
  refresh(): Promise<void>;
  host: ExcelHost;
  lang(): Lang;
  clock(): Date;
}

/** Per controller, the last read started: reads may overlap (a recompute during one), the latest wins. */
const latest = new WeakMap<ScorersControl, number>();

export function scorerActions(c: ScorersControl): ScorerActions {
  // Busy while it writes and recomputes; an exception reaches the view, and busy ends either way.
  const write = async (work: () => Promise<ScorersWrite>): Promise<ScorersWrite> => {
    c.set({ busy: true, notice: undefined, noticeKind: undefined });
    try {
      const done = await work();
      if (done.ok) await c.refresh();
      return done;
    } finally {
      c.set({ busy: false });
    }
  };
  return {
    load: async () => {
      const ticket = (latest.get(c) ?? 0) + 1;
      latest.set(c, ticket);
      const read = await loadScorers(c.host);
      if (latest.get(c) === ticket) c.set({ scorers: read });
    },
    create: () => write(() => createScorersSheet(c.host, c.lang())),
    add: (scorer, rows, replace) => write(() => addScorer(c.host, scorer, rows, replace, c.lang(), () => c.clock())),
  };
}
