/** Strings of the presenter (projector) view and its button, bokmål and English, same keys. */
import { fill, type Lang } from "./format";

export const nbPresenter = {
  "presenter.open": "Presenter",
  "presenter.openHint": "Åpner rangeringen i et eget vindu med stor skrift for prosjektoren. Det følger arbeidsboken.",
  "presenter.title": "Rangering",
  "presenter.colRank": "Plass",
  "presenter.colMeasure": "Tiltak",
  "presenter.colTotal": "Score",
  "presenter.colSegment": "Segment",
  "presenter.colMove": "Endring",
  "presenter.up": "opp {n} fra {from}",
  "presenter.down": "ned {n} fra {from}",
  "presenter.noTotal": "ingen total",
  "presenter.waiting": "Venter på rangeringen fra oppgaveruten …",
  "presenter.noMessaging": "Denne Excel-versjonen kan ikke sende oppdateringer til presentasjonsvinduet (DialogApi 1.2 mangler). Lukk det og åpne det på nytt for å se endringer.",
  "presenter.failed": "Presentasjonsvinduet kunne ikke åpnes: {message}",
  "presenter.close": "Lukk",
  "presenter.new": "ny",
  "presenter.newHint": "ny siden {round}",
  "presenter.since": "Endring siden «{round}»",
  "presenter.sincePrevious": "Endring siden forrige rangering",
  "presenter.againstInForce": "Endring mot vektene som gjelder",
  "presenter.whatIf": "Hva om: prøvde vekter, ikke lagret",
  "presenter.pageRows": "{from}–{to} av {count}",
  "presenter.pageRow": "{at} av {count}",
  "presenter.page": "Side {page} av {count}",
  "presenter.pageLower": "side {page} av {count}",
  "presenter.pages": "Sider",
  "presenter.previousPage": "Forrige side",
  "presenter.nextPage": "Neste side",
};

export type PresenterKey = keyof typeof nbPresenter;

export const enPresenter: Record<PresenterKey, string> = {
  "presenter.open": "Present",
  "presenter.openHint": "Opens the ranking in its own window in large type for the projector. It follows the workbook.",
  "presenter.title": "Ranking",
  "presenter.colRank": "Rank",
  "presenter.colMeasure": "Measure",
  "presenter.colTotal": "Score",
  "presenter.colSegment": "Segment",
  "presenter.colMove": "Change",
  "presenter.up": "up {n} from {from}",
  "presenter.down": "down {n} from {from}",
  "presenter.noTotal": "no total",
  "presenter.waiting": "Waiting for the ranking from the task pane …",
  "presenter.noMessaging": "This version of Excel cannot send updates to the presenter window (DialogApi 1.2 is missing). Close it and open it again to see changes.",
  "presenter.failed": "The presenter window could not be opened: {message}",
  "presenter.close": "Close",
  "presenter.new": "new",
  "presenter.newHint": "new since {round}",
  "presenter.since": "Change since “{round}”",
  "presenter.sincePrevious": "Change since the previous ranking",
  "presenter.againstInForce": "Change against the weights in force",
  "presenter.whatIf": "What if: tried weights, not saved",
  "presenter.pageRows": "{from}–{to} of {count}",
  "presenter.pageRow": "{at} of {count}",
  "presenter.page": "Page {page} of {count}",
  "presenter.pageLower": "page {page} of {count}",
  "presenter.pages": "Pages",
  "presenter.previousPage": "Previous page",
  "presenter.nextPage": "Next page",
};

const TABLES: Record<Lang, Record<PresenterKey, string>> = { nb: nbPresenter, en: enPresenter };

export function pp(lang: Lang, key: PresenterKey, params: Record<string, string | number> = {}): string {
  return fill(TABLES[lang][key], params);
}
