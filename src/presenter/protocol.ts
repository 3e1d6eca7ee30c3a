/**
 * What the task pane sends the presenter page (Office dialog or the preview's overlay): the whole
 * ranking to show, already in the display language, as JSON through `dialog.messageChild`.
 * Plain values only; the presenter page imports nothing else from the add-in.
 */
export interface PresenterRow {
  id: string;
  /** `6=` for a tie, `6`, or `–` without a total. */
  rank: string;
  /** Full, unambiguous name: «theme: measure» when the measure has a theme. */
  name: string;
  /** Total in the locale (22,8), or `–` when there is none. */
  total: string;
  /** Why there is no total («ingen sum»), shown after the name. */
  note?: string;
  /** Share of the bar, 0–1. */
  bar: number;
  /** Movement against the previous ranking: positive = up. */
  move?: { by: number; from: number; text: string; fresh?: boolean };
  /** The portfolio segment (Samstyre …, Ut, Ikke vurdert) when there is a checklist. */
  segment?: string;
}

/** Where several scorers disagree (a Vurderere sheet): the cells, and each scorer's score once revealed. */
export interface PresenterScorers {
  title: string;
  /** «Enkeltscorene er skjult» while hidden; the agreement line. */
  hiddenNote: string;
  agreement: string;
  /** The individual scores are shown (the facilitator revealed them). */
  revealed: boolean;
  cells: { measure: string; criterion: string; summary: string; values: { scorer: string; value: string }[] }[];
}

export interface PresenterMessage {
  kind: "ranking";
  lang: "nb" | "en";
  title: string;
  /** Present while the pane shows what-if weights: the banner text. */
  whatIf?: string;
  /** Column captions; `since` says what the arrows compare against (a saved round, the weights in force, the previous ranking). */
  captions: { rank: string; measure: string; total: string; segment: string; move: string; since?: string; fresh?: string };
  rows: PresenterRow[];
  /** Present when the pane has a current rank acceptability result: the presenter can switch to it. */
  acceptability?: PresenterAcceptability;
  /** Several scorers: shown under the ranking. Individual values are sent only once revealed. */
  scorers?: PresenterScorers;
  /** Present when the Utvalg view has funding probabilities: the page «Hvor sikker er minimumslisten». */
  funding?: PresenterFunding;
}

export const PRESENTER_PAGE = "presenter.html";

/** Rank acceptability (the pane's Monte Carlo) for the presenter: every cell's percentage printed, its heat as colours. */
export interface PresenterAcceptability {
  title: string;
  /** Draws and spreads, and how to read the colours. */
  lead: string;
  /** The two views' names for the presenter's switch. */
  views: { ranking: string; acceptability: string };
  /** `top`: the caption of the top-N column («Topp 5») when the result has a cut. */
  captions: { rank: string; measure: string; top?: string };
  places: string[];
  rows: { id: string; rank: string; name: string; cells: { text: string; fill: string; ink: string; label: string }[]; top?: { text: string; fill: string; ink: string; label: string } }[];
}

/** «Hvor sikker er minimumslisten» (src/presenter/FundingView.tsx): the minimum list now with each measure's share, in the display language. */
export interface PresenterFunding {
  title: string;
  /** The draws' settings, the thresholds and the frames. */
  lead: string;
  /** The names of the ranking's page and of this page for the presenter's switch. */
  views: { ranking: string; funding: string };
  captions: { measure: string; share: string; selected: string; robust: string; minimum: string; challengers: string };
  rows: {
    id: string;
    name: string;
    /** On the minimum list now (else a challenger). */
    now: boolean;
    /** Share of the draws on the minimum list, 0–1, and as text; selected at all as text. */
    share: number;
    shareText: string;
    selectedText: string;
    robust: "core" | "borderline" | "exterior";
    robustText: string;
    /** For a screen reader: the row in one sentence. */
    label: string;
  }[];
}
