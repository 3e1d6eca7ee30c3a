/**
 * The presenter's page «Hvor sikker er minimumslisten» from the Utvalg view's funding result, in
 * the display language: built by the lazy funding section when a run is done and published for the
 * presenter button (funding-channel.ts), with the slide's basis beside it.
 */
import type { Assessment } from "../core/assess";
import { fundingTable, type FundingBasis } from "../export/funding-table";
import { fu } from "../i18n/funding";
import type { Lang } from "../i18n/format";
import { basisOf } from "./acceptability-channel";
import type { FundingShown } from "./funding-channel";

export function fundingShown(funding: FundingBasis, assessment: Assessment, lang: Lang): FundingShown {
  const t = fundingTable(funding, lang);
  const row = (now: boolean) => (r: (typeof t.minimum)[number]) => ({
    id: r.id,
    name: r.name,
    now,
    share: r.pMinimum,
    shareText: r.minimumText,
    selectedText: r.selectedText,
    robust: r.robust,
    robustText: r.robustText,
    label: fu(lang, "presenter.rowLabel", { name: r.name, share: r.minimumText, selected: r.selectedText, robust: r.robustText }),
  });
  return {
    basis: basisOf(assessment),
    funding,
    presenter: {
      title: fu(lang, "presenter.title"),
      lead: t.notDone ? `${t.lead} ${t.notDone}` : t.lead,
      views: { ranking: fu(lang, "presenter.viewRanking"), funding: fu(lang, "presenter.view") },
      captions: {
        measure: t.captions.measure,
        share: fu(lang, "presenter.colShare"),
        selected: fu(lang, "presenter.colSelected"),
        robust: t.captions.robust,
        minimum: fu(lang, "presenter.minimum"),
        challengers: fu(lang, "presenter.challengers"),
      },
      rows: [...t.minimum.map(row(true)), ...t.challengers.map(row(false))],
    },
  };
}
