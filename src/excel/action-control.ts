/**
 * What the controller hands its action modules (checklist-actions.ts, model-actions.ts,
 * legacy-actions.ts, navigation-actions.ts, store-actions.ts): its host, its languages and clock,
 * the state, and how an action runs (busy while it runs, a notice or a refusal after, a recompute
 * after a write). An action module knows nothing of the others or of the controller's scheduling.
 */
import type { AppState } from "../app/app-state";
import type { Lang } from "../i18n";
import type { ExcelHost } from "./host";

/** An action that could not be done; nothing in the workbook was changed. */
export class Refusal {
  constructor(readonly message: string) {}
}

export interface Control {
  readonly host: ExcelHost;
  /** The display language (notices, refusals). */
  lang(): Lang;
  /** Wall clock for Logg lines. */
  clock(): Date;
  state(): AppState;
  set(patch: Partial<AppState>): void;
  /** Recomputes now (once more after the one running, if one is). */
  refresh(): Promise<void>;
  /** Runs an action: a string result is a success notice, a Refusal a warning (nothing was changed), an exception the error state. */
  act(work: () => Promise<string | Refusal | undefined>): Promise<void>;
  /** A Refusal when the workbook may not be written (a person's sheet with the add-in's name, a newer store). */
  refusedWrite(): Promise<Refusal | undefined>;
  /** A sheet was made: the input sheets are listened to afresh after the next recompute. */
  watchAgain(): void;
}
