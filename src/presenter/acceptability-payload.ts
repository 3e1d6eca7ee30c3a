/**
 * The presenter's rank acceptability table from a Monte Carlo result, in the display language:
 * built by the lazy Stabilitet view when it has a result and published for the presenter button.
 */
import type { Assessment } from "../core/assess";
import type { UncertaintyOptions, UncertaintyResult } from "../core/uncertainty";
import { acceptabilityTable } from "../export/acceptability";
import { ac } from "../i18n/acceptability";
import { formatNumber, formatShort, type Lang } from "../i18n/format";
import { basisOf, type AcceptabilityShown } from "./acceptability-channel";

export function acceptabilityShown(result: UncertaintyResult, options: UncertaintyOptions, assessment: Assessment, lang: Lang): AcceptabilityShown {
  const table = acceptabilityTable(result, assessment, lang, 10);
  return {
    basis: basisOf(assessment),
    result,
    options,
    presenter: {
      title: ac(lang, "acc.title"),
      lead: ac(lang, "acc.lead", {
        draws: formatNumber(lang, result.draws, 0),
        weights: formatShort(lang, options.weights.kind === "relative" ? options.weights.spread * 100 : 0, 0),
        scores: formatShort(lang, options.scores.kind === "uniform" ? options.scores.spread : 0),
      }),
      views: { ranking: ac(lang, "acc.viewRanking"), acceptability: ac(lang, "acc.viewAcceptability") },
      captions: { rank: ac(lang, "acc.rank"), measure: ac(lang, "acc.measure") },
      places: table.places,
      rows: table.rows.map((r) => ({
        id: r.id,
        rank: r.rank,
        name: r.name,
        cells: r.cells.map((c, k) => ({ text: c.text, fill: c.fill, ink: c.ink, label: ac(lang, "acc.cell", { measure: r.name, place: table.places[k], percent: c.text }) })),
      })),
    },
  };
}
